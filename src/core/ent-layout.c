/* ent-layout.c: graph layout by Graphviz, in a helper process
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-layout"

#include "config.h"

#include "ent-layout.h"

#include <math.h>
#include <glib/gi18n-lib.h>

/*
 * Graphviz 2.42 crashes on some inputs, is not thread-safe and can take
 * minutes, so it never runs in the application: every layout starts a fresh
 * helper process (src/worker/entente-layout.c), hands it the graph on stdin
 * and reads the answer from stdout. A crash, a time limit or a cancel ends
 * that process and becomes a GError here; the next layout starts another.
 *
 * No text from the user's file goes to the helper: nodes and edges are
 * numbers and sizes, and the helper chooses every Graphviz attribute itself.
 *
 * Starting the helper and talking to it is part of every layout's time, so
 * it is started with posix_spawn (see ent_layout_run_async) and the
 * messages are read and written as whole arrays (see ent-layout-protocol.h).
 */

/* Enough of the helper's stderr to explain a failure without flooding a dialog. */
#define MAX_DIAGNOSTICS_CHARS 500

G_DEFINE_QUARK (ent-layout-error-quark, ent_layout_error)

/* The nodes and edges are kept as they are sent, so sending them is one copy. */
struct _EntLayoutRequest
{
  char          *engine;
  EntLayoutMode  mode;
  GArray   *nodes;   /* EntLayoutWireNode, zeroed padding */
  GArray *edges;   /* EntLayoutWireEdge, zeroed padding */
};

/* What one run keeps between the steps of talking to its helper. */
typedef struct
{
  GVariant     *request;
  const char   *engine;        /* points into request; NULL when bundling, which no engine does */
  guint         timeout_ms;
  GSubprocess  *worker;
  GSource      *timeout_source;
  GCancellable *cancellable;
  gulong        cancelled_id;
  gboolean      timed_out;
  GBytes       *reply;
  GBytes       *diagnostics;
  GError       *io_error;
} RunData;

static const char * const engines[] = { ENT_LAYOUT_ENGINES, NULL };

/* Returns: (array zero-terminated=1) (transfer none): the engines the helper knows */
const char * const *
ent_layout_get_engines (void)
{
  return engines;
}

EntLayoutRequest *
ent_layout_request_new (const char *engine)
{
  EntLayoutRequest *self;

  g_return_val_if_fail (engine != NULL, NULL);

  self = g_new0 (EntLayoutRequest, 1);
  self->engine = g_strdup (engine);
  /* Cleared, as the padding between members goes out too and must be zero. */
  self->nodes = g_array_new (FALSE, TRUE, sizeof (EntLayoutWireNode));
  self->edges = g_array_new (FALSE, TRUE, sizeof (EntLayoutWireEdge));

  return self;
}

void
ent_layout_request_free (EntLayoutRequest *self)
{
  if (self == NULL)
    return;

  g_free (self->engine);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_free (self);
}

/*
 * Adds a node of @width × @height points. With @has_position, (@x, @y) is
 * its centre in points, y growing downwards, and engines that read
 * positions start from it; @pinned keeps it there with engines that honour
 * pins, and then the whole answer comes back in the same coordinates.
 */
void
ent_layout_request_add_node (EntLayoutRequest *self,
                             gint64            id,
                             double            width,
                             double            height,
                             gboolean          has_position,
                             double            x,
                             double            y,
                             gboolean          pinned)
{
  EntLayoutWireNode *node;

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (width) && width > 0);
  g_return_if_fail (isfinite (height) && height > 0);
  g_return_if_fail (!has_position || (isfinite (x) && isfinite (y)));

  g_array_set_size (self->nodes, self->nodes->len + 1);
  node = &g_array_index (self->nodes, EntLayoutWireNode, self->nodes->len - 1);
  node->id = id;
  node->width = width;
  node->height = height;
  node->has_position = has_position != FALSE;
  node->x = has_position ? x : 0;
  node->y = has_position ? y : 0;
  node->pinned = pinned && has_position;
}

/*
 * Makes the top @port_height points of the node added last its port: where
 * its edges end when they are routed, so that they go round the rest of
 * its box (the label under the shape) instead of ending below it.
 */
void
ent_layout_request_set_port (EntLayoutRequest *self,
                             double            port_height)
{
  EntLayoutWireNode *node;

  g_return_if_fail (self != NULL && self->nodes->len > 0);

  node = &g_array_index (self->nodes, EntLayoutWireNode, self->nodes->len - 1);
  g_return_if_fail (isfinite (port_height) && port_height >= 0 && port_height <= node->height);
  node->port_height = port_height;
}

/*
 * What to do: place the nodes, place them and route the edges as splines
 * around them (which dot does at little cost and the other engines
 * slowly), only route the edges around nodes that stay where they are, or
 * bundle the edges between nodes that stay where they are, from centre to
 * centre, with Graphviz's mingle; for the last two every node must have a
 * position.
 */
void
ent_layout_request_set_mode (EntLayoutRequest *self,
                             EntLayoutMode     mode)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mode <= ENT_LAYOUT_MODE_BUNDLE);

  self->mode = mode;
}

/* Adds an edge between two nodes of the request; @directed gives it an arrowhead at @to_id. */
void
ent_layout_request_add_edge (EntLayoutRequest *self,
                             gint64            id,
                             gint64            from_id,
                             gint64            to_id,
                             gboolean          directed)
{
  EntLayoutWireEdge *edge;

  g_return_if_fail (self != NULL);

  g_array_set_size (self->edges, self->edges->len + 1);
  edge = &g_array_index (self->edges, EntLayoutWireEdge, self->edges->len - 1);
  edge->id = id;
  edge->from_id = from_id;
  edge->to_id = to_id;
  edge->directed = directed != FALSE;
}

/*
 * Gives the edge added last a label of @width × @height points, which
 * routing places clear of the nodes and of the other labels where it can.
 */
void
ent_layout_request_set_edge_label (EntLayoutRequest *self,
                                   double            width,
                                   double            height)
{
  EntLayoutWireEdge *edge;

  g_return_if_fail (self != NULL && self->edges->len > 0);
  g_return_if_fail (isfinite (width) && width >= 0 && isfinite (height) && height >= 0);

  edge = &g_array_index (self->edges, EntLayoutWireEdge, self->edges->len - 1);
  edge->label_width = width;
  edge->label_height = height;
}

static GVariant *
request_to_variant (EntLayoutRequest *self)
{
  GVariant *nodes = g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_WIRE_NODE_TYPE), self->nodes->data,
                                               self->nodes->len, sizeof (EntLayoutWireNode));
  GVariant *edges = g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_WIRE_EDGE_TYPE), self->edges->data,
                                               self->edges->len, sizeof (EntLayoutWireEdge));

  return g_variant_ref_sink (g_variant_new (ENT_LAYOUT_REQUEST_FORMAT, self->engine, (guint8) self->mode, nodes, edges));
}

static void
clear_edge (gpointer data)
{
  EntLayoutEdge *edge = data;

  g_clear_pointer (&edge->points, g_array_unref);
}

static EntLayoutResult *
result_new (guint n_nodes,
            guint n_edges)
{
  EntLayoutResult *self = g_new0 (EntLayoutResult, 1);

  self->nodes = g_array_sized_new (FALSE, TRUE, sizeof (EntLayoutNode), n_nodes);
  self->edges = g_array_sized_new (FALSE, TRUE, sizeof (EntLayoutEdge), n_edges);
  g_array_set_clear_func (self->edges, clear_edge);

  return self;
}

void
ent_layout_result_free (EntLayoutResult *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_free (self);
}

static gboolean
all_finite (const double *values,
            gsize         n_values)
{
  for (gsize i = 0; i < n_values; i++)
    if (!isfinite (values[i]))
      return FALSE;

  return TRUE;
}

/* @engine is NULL when bundling, here and below. */
static gboolean
malformed (const char  *engine,
           GError     **error)
{
  if (engine == NULL)
    g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED, "%s",
                 _("The layout helper gave a malformed answer while bundling the edges"));
  else
    g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                 _("The layout helper gave a malformed answer while laying out with %s"), engine);
  return FALSE;
}

static gboolean
read_reply_nodes (EntLayoutResult          *self,
                  const EntLayoutWireNode  *requested,
                  gsize                     n_requested,
                  GVariant                 *nodes,
                  const char               *engine,
                  GError                  **error)
{
  gsize n_nodes;
  const EntLayoutNode *reply = g_variant_get_fixed_array (nodes, &n_nodes, sizeof (EntLayoutNode));

  if (n_nodes != n_requested)
    return malformed (engine, error);

  for (gsize i = 0; i < n_nodes; i++)
    {
      const EntLayoutNode *node = &reply[i];
      double values[4] = { node->x, node->y, node->width, node->height };

      if (node->id != requested[i].id || !all_finite (values, 4) || node->width <= 0 || node->height <= 0)
        return malformed (engine, error);
    }

  g_array_append_vals (self->nodes, reply, n_nodes);

  return TRUE;
}

/*
 * A curve for each edge asked for, in order; or, from bundling, for some of
 * them, still in order.
 */
static gboolean
read_reply_edges (EntLayoutResult          *self,
                  const EntLayoutWireEdge  *requested,
                  gsize                     n_requested,
                  GVariant                 *curves,
                  GVariant                 *points,
                  const char               *engine,
                  GError                  **error)
{
  gsize n_curves;
  gsize n_points;
  gsize used = 0;
  gsize wanted = 0;
  const EntLayoutWireCurve *curve = g_variant_get_fixed_array (curves, &n_curves, sizeof (EntLayoutWireCurve));
  const EntLayoutPoint *control = g_variant_get_fixed_array (points, &n_points, sizeof (EntLayoutPoint));

  if ((self->bundled ? n_curves > n_requested : n_curves != n_requested) ||
      !all_finite ((const double *) control, 2 * n_points))
    return malformed (engine, error);

  for (gsize i = 0; i < n_curves; i++, curve++, wanted++)
    {
      EntLayoutEdge edge = { 0 };
      double tips[6] = { curve->start_x, curve->start_y, curve->end_x, curve->end_y, curve->label_x, curve->label_y };

      while (self->bundled && wanted < n_requested && requested[wanted].id != curve->id)
        wanted++;

      /* Each curve takes the next n_points of the shared list, and together they take all of it. */
      if (wanted == n_requested || curve->id != requested[wanted].id || curve->n_points < 4 ||
          (curve->n_points - 1) % 3 != 0 || curve->n_points > n_points - used || !all_finite (tips, 6))
        return malformed (engine, error);

      edge.id = curve->id;
      edge.has_start_arrow = curve->has_start_arrow;
      edge.start_x = tips[0];
      edge.start_y = tips[1];
      edge.has_end_arrow = curve->has_end_arrow;
      edge.end_x = tips[2];
      edge.end_y = tips[3];
      edge.has_label = curve->has_label;
      edge.label_x = tips[4];
      edge.label_y = tips[5];
      edge.points = g_array_sized_new (FALSE, FALSE, sizeof (EntLayoutPoint), curve->n_points);
      g_array_append_vals (edge.points, control + used, curve->n_points);
      g_array_append_val (self->edges, edge);
      used += curve->n_points;
    }

  if (used != n_points)
    return malformed (engine, error);

  return TRUE;
}

/*
 * The helper is our own program, but it links a library that crashes on
 * some inputs, so what it prints is checked like any other input: the
 * right type in normal form, one answer per node and edge asked for, in
 * order, and finite numbers throughout.
 */
static EntLayoutResult *
parse_reply (GVariant    *request,
             GBytes      *bytes,
             const char  *engine,
             GError     **error)
{
  g_autoptr(EntLayoutResult) self = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) requested_nodes = NULL;
  g_autoptr(GVariant) requested_edges = NULL;
  g_autoptr(GVariant) nodes = NULL;
  g_autoptr(GVariant) curves = NULL;
  g_autoptr(GVariant) points = NULL;
  const EntLayoutWireNode *wanted_nodes;
  const EntLayoutWireEdge *wanted_edges;
  gsize n_wanted_nodes;
  gsize n_wanted_edges;
  guint8 mode;
  double bbox[4];

  reply = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENT_LAYOUT_REPLY_TYPE), bytes, FALSE));
  if (!g_variant_is_of_type (reply, G_VARIANT_TYPE (ENT_LAYOUT_REPLY_TYPE)) ||
      !g_variant_is_normal_form (reply))
    {
      malformed (engine, error);
      return NULL;
    }

  g_variant_get (request, ENT_LAYOUT_REQUEST_GET_FORMAT, NULL, &mode, &requested_nodes, &requested_edges);
  wanted_nodes = g_variant_get_fixed_array (requested_nodes, &n_wanted_nodes, sizeof (EntLayoutWireNode));
  wanted_edges = g_variant_get_fixed_array (requested_edges, &n_wanted_edges, sizeof (EntLayoutWireEdge));

  g_variant_get (reply, ENT_LAYOUT_REPLY_FORMAT,
                 &bbox[0], &bbox[1], &bbox[2], &bbox[3], &nodes, &curves, &points);

  if (!all_finite (bbox, 4) || bbox[0] > bbox[2] || bbox[1] > bbox[3])
    {
      malformed (engine, error);
      return NULL;
    }

  self = result_new (g_variant_n_children (nodes), g_variant_n_children (curves));
  self->bbox.x1 = bbox[0];
  self->bbox.y1 = bbox[1];
  self->bbox.x2 = bbox[2];
  self->bbox.y2 = bbox[3];
  self->routed = mode == ENT_LAYOUT_MODE_PLACE_AND_ROUTE || mode == ENT_LAYOUT_MODE_ROUTE;
  self->bundled = mode == ENT_LAYOUT_MODE_BUNDLE;

  if (!read_reply_nodes (self, wanted_nodes, n_wanted_nodes, nodes, engine, error) ||
      !read_reply_edges (self, wanted_edges, n_wanted_edges, curves, points, engine, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The helper's stderr, as valid UTF-8 of a length a message can show. */
static char *
diagnostics_to_string (GBytes *diagnostics)
{
  g_autofree char *text = NULL;
  gsize size = 0;
  const char *data = diagnostics != NULL ? g_bytes_get_data (diagnostics, &size) : NULL;

  text = g_strstrip (g_utf8_make_valid (data != NULL ? data : "", size));

  if (g_utf8_strlen (text, -1) > MAX_DIAGNOSTICS_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, MAX_DIAGNOSTICS_CHARS);
      return g_strconcat (head, "…", NULL);
    }

  return g_steal_pointer (&text);
}

/* Tells what became of the helper: an error, or its parsed answer. */
static EntLayoutResult *
run_outcome (RunData  *data,
             GError  **error)
{
  int status;

  if (g_subprocess_get_if_signaled (data->worker))
    {
      /*
       * A cancel was dealt with before; otherwise the helper was killed by
       * the time limit, by us after a pipe failed (below), or it crashed.
       */
      if (data->timed_out && data->engine == NULL)
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_TIMED_OUT,
                     _("Bundling the edges timed out after %g s"), data->timeout_ms / 1000.0);
      else if (data->timed_out)
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_TIMED_OUT,
                     _("Laying out with %s timed out after %g s"),
                     data->engine, data->timeout_ms / 1000.0);
      else if (data->io_error == NULL && data->engine == NULL)
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_CRASHED,
                     _("The layout helper crashed (signal %d) while bundling the edges"),
                     g_subprocess_get_term_sig (data->worker));
      else if (data->io_error == NULL)
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_CRASHED,
                     _("The layout helper crashed (signal %d) while laying out with %s"),
                     g_subprocess_get_term_sig (data->worker), data->engine);
      if (data->timed_out || data->io_error == NULL)
        return NULL;
    }

  if (data->io_error != NULL)
    {
      if (data->engine == NULL)
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                     _("Could not talk to the layout helper while bundling the edges: %s"),
                     data->io_error->message);
      else
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                     _("Could not talk to the layout helper while laying out with %s: %s"),
                     data->engine, data->io_error->message);
      return NULL;
    }

  status = g_subprocess_get_exit_status (data->worker);
  if (status != 0)
    {
      g_autofree char *diagnostics = diagnostics_to_string (data->diagnostics);

      if (*diagnostics == '\0' && data->engine == NULL)
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                     _("The layout helper failed (exit status %d) while bundling the edges"), status);
      else if (*diagnostics == '\0')
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                     _("The layout helper failed (exit status %d) while laying out with %s"),
                     status, data->engine);
      else if (data->engine == NULL)
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                     _("The layout helper failed while bundling the edges: %s"), diagnostics);
      else
        g_set_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED,
                     _("The layout helper failed while laying out with %s: %s"),
                     data->engine, diagnostics);
      return NULL;
    }

  return parse_reply (data->request, data->reply, data->engine, error);
}

static void
run_data_free (gpointer user_data)
{
  RunData *data = user_data;

  if (data->cancellable != NULL)
    g_cancellable_disconnect (data->cancellable, data->cancelled_id);
  g_clear_object (&data->cancellable);

  if (data->timeout_source != NULL)
    g_source_destroy (data->timeout_source);
  g_clear_pointer (&data->timeout_source, g_source_unref);

  g_clear_object (&data->worker);
  g_clear_pointer (&data->request, g_variant_unref);
  g_clear_pointer (&data->reply, g_bytes_unref);
  g_clear_pointer (&data->diagnostics, g_bytes_unref);
  g_clear_error (&data->io_error);
  g_free (data);
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  EntLayoutResult *layout;

  /* Without a cancellable, waiting only ends when the helper has exited. */
  g_subprocess_wait_finish (data->worker, result, NULL);

  /* The timeout source holds a reference on the task, and there is nothing left to time out. */
  if (data->timeout_source != NULL)
    g_source_destroy (data->timeout_source);

  if (g_task_return_error_if_cancelled (task))
    return;

  layout = run_outcome (data, &error);
  if (layout == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, layout, (GDestroyNotify) ent_layout_result_free);
}

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RunData *data = g_task_get_task_data (task);

  /*
   * A broken pipe means the helper cannot give a useful answer any more;
   * stop it so that waiting for it cannot hang.
   */
  if (!g_subprocess_communicate_finish (data->worker, result, &data->reply,
                                        &data->diagnostics, &data->io_error))
    g_subprocess_force_exit (data->worker);

  /* Communicating gives up at its first error without reaping the helper, so wait for it here. */
  g_subprocess_wait_async (data->worker, NULL, wait_cb, g_steal_pointer (&task));
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  RunData *data = g_task_get_task_data (task);

  data->timed_out = TRUE;
  g_subprocess_force_exit (data->worker);

  return G_SOURCE_REMOVE;
}

/* May run in whichever thread cancelled; forcing a subprocess to exit is thread-safe. */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  GSubprocess *worker = user_data;

  g_subprocess_force_exit (worker);
}

/* The installed helper, unless the environment names another (tests, uninstalled builds). */
static const char *
get_worker_path (void)
{
  const char *path = g_getenv ("ENTENTE_LAYOUT_WORKER");

  if (path != NULL && *path != '\0')
    return path;

  return LIBEXECDIR "/entente-layout";
}

/*
 * ent_layout_run_async:
 * @request: the graph to lay out; it may be freed as soon as this returns
 * @timeout_ms: stop the layout after this long, or 0 for no limit
 * @cancellable: (nullable): stops the layout, and its helper
 *
 * Lays out @request with Graphviz in a fresh helper process.
 */
void
ent_layout_run_async (EntLayoutRequest    *request,
                      guint                timeout_ms,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  const char *argv[] = { get_worker_path (), NULL };
  RunData *data;

  g_return_if_fail (request != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_layout_run_async);

  if (!ent_layout_engine_is_known (request->engine))
    {
      g_task_return_new_error (task, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_UNKNOWN_ENGINE,
                               _("There is no layout engine “%s”"), request->engine);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  data = g_new0 (RunData, 1);
  data->request = request_to_variant (request);
  if (request->mode != ENT_LAYOUT_MODE_BUNDLE)
    g_variant_get_child (data->request, 0, "&s", &data->engine);
  data->timeout_ms = timeout_ms;
  g_task_set_task_data (task, data, run_data_free);

  /*
   * Inheriting descriptors lets GLib start the helper with posix_spawn
   * instead of fork and exec, which copies the page tables of the whole
   * application first: some milliseconds in every layout, and more the more
   * memory the application has. GLib's own descriptors, the pipes among
   * them, are close-on-exec anyway, and the helper closes any other it
   * inherits before it reads the request.
   */
  data->worker = g_subprocess_newv (argv,
                                    G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                    G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                    G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                    G_SUBPROCESS_FLAGS_INHERIT_FDS,
                                    &error);
  if (data->worker == NULL)
    {
      g_task_return_new_error (task, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_NO_WORKER,
                               _("The layout helper %s could not be started: %s"),
                               argv[0], error->message);
      return;
    }

  /*
   * The cancellable is not handed to communicate: that would stop reading
   * and leave the helper running. Cancelling kills the helper instead, and
   * communicating then ends as the pipes close.
   */
  input = g_variant_get_data_as_bytes (data->request);
  g_subprocess_communicate_async (data->worker, input, NULL, communicate_cb, g_object_ref (task));

  if (timeout_ms > 0)
    {
      data->timeout_source = g_timeout_source_new (timeout_ms);
      g_task_attach_source (task, data->timeout_source, timeout_cb);
    }

  if (cancellable != NULL)
    {
      data->cancellable = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                                  data->worker, NULL);
    }
}

/**
 * ent_layout_request_bundle_dot:
 * @self: a request in ENT_LAYOUT_MODE_BUNDLE
 *
 * Returns: (transfer full): the graph, as DOT text, that the helper gives
 *   Graphviz's mingle for @self: for the benchmark to give it the command
 *   line
 */
GString *
ent_layout_request_bundle_dot (EntLayoutRequest *self)
{
  g_autofree gssize *sent_for = NULL;

  g_return_val_if_fail (self != NULL && self->mode == ENT_LAYOUT_MODE_BUNDLE, NULL);

  sent_for = g_new (gssize, MAX (self->edges->len, 1));
  return ent_layout_bundle_dot ((const EntLayoutWireNode *) (void *) self->nodes->data, self->nodes->len,
                                (const EntLayoutWireEdge *) (void *) self->edges->data, self->edges->len, sent_for);
}

/* Returns: (transfer full): the layout, or %NULL with @error set */
EntLayoutResult *
ent_layout_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ent_layout_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/*
 * The blocking form, for the command line and tests. It runs a main context
 * of its own, so nothing else of the caller's is dispatched meanwhile.
 */
EntLayoutResult *
ent_layout_run (EntLayoutRequest  *request,
                guint              timeout_ms,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  g_main_context_push_thread_default (context);

  ent_layout_run_async (request, timeout_ms, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);

  g_main_context_pop_thread_default (context);

  return ent_layout_run_finish (result, error);
}
