/* test-layout.c: Graphviz layouts in the helper process
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include "ent-layout.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <glib/gstdio.h>

/* Graphviz works in hundredths of a point in places; a pin must hold to within one point. */
#define PIN_TOLERANCE 1.0
#define SIZE_TOLERANCE 0.01
#define BBOX_TOLERANCE 1.0

/* The helper built with the tests, from the environment meson sets. */
static const char *real_worker;

typedef struct
{
  gint64   from;
  gint64   to;
  gboolean directed;
} TestEdge;

typedef struct
{
  double width;
  double height;
} TestNode;

/* A random graph, the same on every run, with what was asked of each node and edge. */
typedef struct
{
  guint     n_nodes;
  guint     n_edges;
  TestNode *nodes;
  TestEdge *edges;
} TestGraph;

/* Ids far apart and negative too, to show that any gint64 names a node. */
static gint64
node_id (guint i)
{
  return (gint64) i * G_GINT64_CONSTANT (10000000019) - 7;
}

static gint64
edge_id (guint i)
{
  return 1000 + (gint64) i;
}

static TestGraph *
test_graph_new (guint n_nodes,
                guint n_edges,
                guint seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* The nodes and edges follow the graph in one block, which one g_free frees. */
  TestGraph *graph = g_malloc0 (sizeof (TestGraph) + n_nodes * sizeof (TestNode) + n_edges * sizeof (TestEdge));

  graph->n_nodes = n_nodes;
  graph->n_edges = n_edges;
  graph->nodes = (TestNode *) (graph + 1);
  graph->edges = (TestEdge *) (graph->nodes + n_nodes);

  for (guint i = 0; i < n_nodes; i++)
    {
      graph->nodes[i].width = g_rand_double_range (rand, 30, 110);
      graph->nodes[i].height = g_rand_double_range (rand, 18, 45);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      guint from = g_rand_int_range (rand, 0, n_nodes);
      /* One self loop, since relations may join an entity to itself. */
      guint to = i == 7 ? from : (guint) g_rand_int_range (rand, 0, n_nodes);

      graph->edges[i].from = node_id (from);
      graph->edges[i].to = node_id (to);
      graph->edges[i].directed = i % 5 != 0;
    }

  return graph;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestGraph, g_free)

static EntLayoutRequest *
test_graph_request (TestGraph  *graph,
                    const char *engine)
{
  EntLayoutRequest *request = ent_layout_request_new (engine);

  for (guint i = 0; i < graph->n_nodes; i++)
    ent_layout_request_add_node (request, node_id (i), graph->nodes[i].width, graph->nodes[i].height,
                                 FALSE, 0, 0, FALSE);

  for (guint i = 0; i < graph->n_edges; i++)
    ent_layout_request_add_edge (request, edge_id (i), graph->edges[i].from,
                                 graph->edges[i].to, graph->edges[i].directed);

  return request;
}

static gboolean
bbox_contains (EntLayoutResult *result,
               double           x,
               double           y)
{
  return result->bbox.x1 - BBOX_TOLERANCE <= x && x <= result->bbox.x2 + BBOX_TOLERANCE &&
         result->bbox.y1 - BBOX_TOLERANCE <= y && y <= result->bbox.y2 + BBOX_TOLERANCE;
}

static void
check_result (EntLayoutResult *result,
              TestGraph       *graph)
{
  g_assert_nonnull (result);
  g_assert_true (isfinite (result->bbox.x1) && isfinite (result->bbox.y1));
  g_assert_true (isfinite (result->bbox.x2) && isfinite (result->bbox.y2));
  g_assert_cmpfloat (result->bbox.x1, <, result->bbox.x2);
  g_assert_cmpfloat (result->bbox.y1, <, result->bbox.y2);

  g_assert_cmpuint (result->nodes->len, ==, graph->n_nodes);
  for (guint i = 0; i < graph->n_nodes; i++)
    {
      EntLayoutNode *node = &g_array_index (result->nodes, EntLayoutNode, i);

      g_assert_cmpint (node->id, ==, node_id (i));
      g_assert_true (isfinite (node->x) && isfinite (node->y));
      g_assert_cmpfloat_with_epsilon (node->width, graph->nodes[i].width, SIZE_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (node->height, graph->nodes[i].height, SIZE_TOLERANCE);
      g_assert_true (bbox_contains (result, node->x - node->width / 2, node->y - node->height / 2));
      g_assert_true (bbox_contains (result, node->x + node->width / 2, node->y + node->height / 2));
    }

  g_assert_cmpuint (result->edges->len, ==, graph->n_edges);
  for (guint i = 0; i < graph->n_edges; i++)
    {
      EntLayoutEdge *edge = &g_array_index (result->edges, EntLayoutEdge, i);

      g_assert_cmpint (edge->id, ==, edge_id (i));
      g_assert_cmpuint (edge->points->len, >=, 4);
      g_assert_cmpuint ((edge->points->len - 1) % 3, ==, 0);

      for (guint p = 0; p < edge->points->len; p++)
        {
          EntLayoutPoint *point = &g_array_index (edge->points, EntLayoutPoint, p);

          g_assert_true (isfinite (point->x) && isfinite (point->y));
          /* Every third point lies on the curve; the ones between may stray outside the drawing. */
          if (p % 3 == 0)
            g_assert_true (bbox_contains (result, point->x, point->y));
        }

      /* Graphviz draws an arrowhead at the target of a directed edge and none on an undirected one. */
      g_assert_cmpint (edge->has_end_arrow, ==, graph->edges[i].directed);
      g_assert_false (edge->has_start_arrow);
      if (edge->has_end_arrow)
        g_assert_true (isfinite (edge->end_x) && isfinite (edge->end_y));
    }
}

/* Lays @graph out with @engine in a helper, as the application does, and checks the drawing. */
static EntLayoutResult *
run_checked (TestGraph  *graph,
             const char *engine)
{
  g_autoptr(EntLayoutRequest) request = test_graph_request (graph, engine);
  g_autoptr(GError) error = NULL;
  EntLayoutResult *result = ent_layout_run (request, 30000, NULL, &error);

  g_assert_no_error (error);
  check_result (result, graph);

  return result;
}

/* How far (@x, @y) is from the outline of the top @port points of @node's box; 0 on it. */
static double
off_port (const EntLayoutNode *node,
          double               port,
          double               x,
          double               y)
{
  double x1 = node->x - node->width / 2, x2 = node->x + node->width / 2;
  double y1 = node->y - node->height / 2, y2 = y1 + port;
  double dx = MAX (MAX (x1 - x, x - x2), 0), dy = MAX (MAX (y1 - y, y - y2), 0);

  /* Outside, the distance to the box; inside, to its nearest side. */
  if (dx == 0 && dy == 0)
    return MIN (MIN (x - x1, x2 - x), MIN (y - y1, y2 - y));
  return hypot (dx, dy);
}

/*
 * Routed edges are splines from the port of one node, the top of its box,
 * to the port of the other, for dot and for the engines that route more
 * slowly; unrouted ones are straight lines between the centres.
 */
static void
test_routes (void)
{
  const char *engines[] = { "dot", "neato", "fdp" };
  const double port = 14;
  g_autoptr(TestGraph) graph = test_graph_new (15, 20, 3);

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autoptr(EntLayoutRequest) request = ent_layout_request_new (engines[e]);
      g_autoptr(EntLayoutResult) result = NULL;
      g_autoptr(GHashTable) nodes = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < graph->n_nodes; i++)
        {
          ent_layout_request_add_node (request, node_id (i), graph->nodes[i].width, graph->nodes[i].height,
                                       FALSE, 0, 0, FALSE);
          ent_layout_request_set_port (request, MIN (port, graph->nodes[i].height));
        }
      for (guint i = 0; i < graph->n_edges; i++)
        ent_layout_request_add_edge (request, edge_id (i), graph->edges[i].from, graph->edges[i].to,
                                     graph->edges[i].directed);
      ent_layout_request_set_mode (request, ENT_LAYOUT_MODE_PLACE_AND_ROUTE);

      result = ent_layout_run (request, 60000, NULL, &error);
      g_assert_no_error (error);
      check_result (result, graph);
      g_assert_true (result->routed);

      for (guint i = 0; i < result->nodes->len; i++)
        {
          EntLayoutNode *node = &g_array_index (result->nodes, EntLayoutNode, i);
          g_hash_table_insert (nodes, &node->id, node);
        }
      for (guint i = 0; i < graph->n_edges; i++)
        {
          EntLayoutEdge *edge = &g_array_index (result->edges, EntLayoutEdge, i);
          EntLayoutPoint *first = &g_array_index (edge->points, EntLayoutPoint, 0);
          EntLayoutNode *from = g_hash_table_lookup (nodes, &graph->edges[i].from);
          EntLayoutNode *to = g_hash_table_lookup (nodes, &graph->edges[i].to);
          double end_x = edge->has_end_arrow ? edge->end_x : g_array_index (edge->points, EntLayoutPoint, edge->points->len - 1).x;
          double end_y = edge->has_end_arrow ? edge->end_y : g_array_index (edge->points, EntLayoutPoint, edge->points->len - 1).y;

          g_test_message ("%s edge %u: %g from its tail's port, %g from its head's", engines[e], i,
                          off_port (from, MIN (port, from->height), first->x, first->y),
                          off_port (to, MIN (port, to->height), end_x, end_y));
          g_assert_cmpfloat (off_port (from, MIN (port, from->height), first->x, first->y), <=, 2);
          g_assert_cmpfloat (off_port (to, MIN (port, to->height), end_x, end_y), <=, 2);
        }
    }
}

static void
test_engines (void)
{
  g_autoptr(TestGraph) graph = test_graph_new (20, 30, 1);
  const char * const *engines = ent_layout_get_engines ();

  g_assert_cmpuint (g_strv_length ((char **) engines), ==, 6);

  for (guint i = 0; engines[i] != NULL; i++)
    {
      g_autoptr(EntLayoutResult) result = NULL;

      g_assert_true (ent_layout_engine_is_known (engines[i]));
      result = run_checked (graph, engines[i]);
    }

  g_assert_false (ent_layout_engine_is_known ("osage"));
  g_assert_false (ent_layout_engine_is_known (NULL));
}

/* The same graph twice gives the same drawing: the seed is fixed. */
static void
test_deterministic (void)
{
  g_autoptr(TestGraph) graph = test_graph_new (20, 30, 2);
  g_autoptr(EntLayoutResult) first = run_checked (graph, "neato");
  g_autoptr(EntLayoutResult) second = run_checked (graph, "neato");

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      EntLayoutNode *a = &g_array_index (first->nodes, EntLayoutNode, i);
      EntLayoutNode *b = &g_array_index (second->nodes, EntLayoutNode, i);

      g_assert_cmpfloat (a->x, ==, b->x);
      g_assert_cmpfloat (a->y, ==, b->y);
    }
}

static void
test_pins (void)
{
  const char *engines[] = { "neato", "fdp" };
  const double pins[][2] = { { 0, 0 }, { 400, 50 }, { 120, 320 }, { -250, 180 } };
  g_autoptr(TestGraph) graph = test_graph_new (20, 30, 3);

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autoptr(EntLayoutRequest) request = ent_layout_request_new (engines[e]);
      g_autoptr(EntLayoutResult) result = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (ent_layout_engine_honours_pins (engines[e]));

      /* Pinned nodes first, then some with a starting position, then some without. */
      for (guint i = 0; i < graph->n_nodes; i++)
        {
          gboolean pinned = i < G_N_ELEMENTS (pins);
          gboolean has_position = i < 10;
          double x = pinned ? pins[i][0] : 30.0 * i;
          double y = pinned ? pins[i][1] : 200.0 - 15.0 * i;

          ent_layout_request_add_node (request, node_id (i), graph->nodes[i].width, graph->nodes[i].height,
                                       has_position, x, y, pinned);
        }
      for (guint i = 0; i < graph->n_edges; i++)
        ent_layout_request_add_edge (request, edge_id (i), graph->edges[i].from,
                                     graph->edges[i].to, graph->edges[i].directed);

      result = ent_layout_run (request, 30000, NULL, &error);
      g_assert_no_error (error);
      check_result (result, graph);

      for (guint i = 0; i < G_N_ELEMENTS (pins); i++)
        {
          EntLayoutNode *node = &g_array_index (result->nodes, EntLayoutNode, i);

          g_test_message ("%s: pinned (%g, %g) came back as (%g, %g)", engines[e],
                          pins[i][0], pins[i][1], node->x, node->y);
          g_assert_cmpfloat_with_epsilon (node->x, pins[i][0], PIN_TOLERANCE);
          g_assert_cmpfloat_with_epsilon (node->y, pins[i][1], PIN_TOLERANCE);
        }
    }

  g_assert_false (ent_layout_engine_honours_pins ("dot"));
  g_assert_false (ent_layout_engine_honours_pins ("sfdp"));
}

/* Very wide, very tall and tiny nodes keep exactly the size the caller measured. */
static void
test_sizes (void)
{
  const double sizes[][2] = { { 300, 20 }, { 15, 200 }, { 1.5, 1.5 }, { 72, 72 }, { 123.456, 78.9 } };
  const char *engines[] = { "dot", "neato", "twopi" };

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autoptr(EntLayoutRequest) request = ent_layout_request_new (engines[e]);
      g_autoptr(EntLayoutResult) result = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          ent_layout_request_add_node (request, i, sizes[i][0], sizes[i][1], FALSE, 0, 0, FALSE);
          if (i > 0)
            ent_layout_request_add_edge (request, i, 0, i, TRUE);
        }

      result = ent_layout_run (request, 30000, NULL, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          EntLayoutNode *node = &g_array_index (result->nodes, EntLayoutNode, i);

          g_assert_cmpfloat_with_epsilon (node->width, sizes[i][0], SIZE_TOLERANCE);
          g_assert_cmpfloat_with_epsilon (node->height, sizes[i][1], SIZE_TOLERANCE);
        }
    }
}

/*
 * Tests that point the client at another helper change the environment,
 * which is only safe before GLib starts its threads: they run in a fresh
 * process of their own, which sets the variable first thing.
 */
static gboolean
run_in_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* What a held helper is asked for: it never gets to lay it out. */
static EntLayoutRequest *
held_request (void)
{
  g_autoptr(TestGraph) graph = test_graph_new (20, 30, 4);

  return test_graph_request (graph, "dot");
}

/*
 * A helper that a test can follow: a script that notes its pid, takes the
 * whole request off the client and notes that too. Once the second note is
 * there, the client has sent everything and only waits for the reply, as it
 * does for the whole of a long layout. The first helper then never answers,
 * as if its layout took forever, so that it is gone only if the client
 * stopped it; the ones after it become the real helper, which reads the
 * request from where the script put it.
 */
typedef struct
{
  char *dir;
  char *pid_file;
  char *received_file;
} WatchedWorker;

static const char * const watched_files[] = { "pid", "request", "received", "wrapper.sh" };

static void
watched_worker_free (WatchedWorker *self)
{
  g_autofree char *held = g_build_filename (self->dir, "held", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (watched_files); i++)
    {
      g_autofree char *path = g_build_filename (self->dir, watched_files[i], NULL);

      g_unlink (path);
    }
  g_rmdir (held);
  g_rmdir (self->dir);

  g_free (self->received_file);
  g_free (self->pid_file);
  g_free (self->dir);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WatchedWorker, watched_worker_free)

/* Points the client at a new watched helper. */
static WatchedWorker *
watched_worker_new (void)
{
  g_autoptr(WatchedWorker) self = g_new0 (WatchedWorker, 1);
  g_autofree char *path = NULL;
  g_autofree char *quoted_dir = NULL;
  g_autofree char *quoted_worker = g_shell_quote (real_worker);
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;

  self->dir = g_dir_make_tmp ("test-layout-XXXXXX", &error);
  g_assert_no_error (error);
  self->pid_file = g_build_filename (self->dir, "pid", NULL);
  self->received_file = g_build_filename (self->dir, "received", NULL);
  path = g_build_filename (self->dir, "wrapper.sh", NULL);
  quoted_dir = g_shell_quote (self->dir);

  /* mkdir succeeds only once, for the first helper, which then holds on. */
  script = g_strdup_printf ("#!/bin/sh\n"
                            "cd %s || exit 1\n"
                            "echo $$ > pid\n"
                            "cat > request\n"
                            "echo > received\n"
                            "mkdir held 2>/dev/null && exec sleep 600\n"
                            "exec %s \"$@\" < request\n",
                            quoted_dir, quoted_worker);
  g_file_set_contents (path, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);

  g_setenv ("ENTENTE_LAYOUT_WORKER", path, TRUE);

  return g_steal_pointer (&self);
}

static GPid
read_pid (const char *pid_file)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (pid_file, &contents, NULL, NULL) || !g_str_has_suffix (contents, "\n"))
    return 0;

  return (GPid) g_ascii_strtoll (contents, NULL, 10);
}

static gboolean
keep_polling_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the helper has the whole request, and gives its pid. */
static GPid
wait_until_received (WatchedWorker *self)
{
  /* Nothing tells the main loop when a file appears, so it wakes up now and then to look. */
  guint poll_id = g_timeout_add (10, keep_polling_cb, NULL);

  while (!g_file_test (self->received_file, G_FILE_TEST_EXISTS))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (poll_id);

  return read_pid (self->pid_file);
}

static void
assert_process_gone (GPid pid)
{
  g_assert_cmpint (pid, >, 0);
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
}

/* After a failure, the next layout starts a fresh helper (the real one, through the script) and succeeds. */
static void
assert_next_layout_succeeds (void)
{
  g_autoptr(TestGraph) graph = test_graph_new (20, 30, 5);
  g_autoptr(EntLayoutResult) result = run_checked (graph, "dot");
}

typedef struct
{
  GMainLoop       *loop;
  guint           *pending;   /* shared by runs that the loop waits for together */
  EntLayoutResult *result;
  GError          *error;
} AsyncRun;

static void
layout_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncRun *run = user_data;

  g_assert_null (run->error);
  run->result = ent_layout_run_finish (result, &run->error);

  if (--*run->pending == 0)
    g_main_loop_quit (run->loop);
}

typedef enum
{
  INTERRUPT_KILL,    /* as a crash of the helper would */
  INTERRUPT_CANCEL,
} Interruption;

/*
 * A layout stopped while the client waits for the helper's answer: the run
 * fails with the error that says why, the helper is gone, and the next
 * layout works.
 */
static void
test_interrupted (gconstpointer data)
{
  Interruption interruption = GPOINTER_TO_INT (data);
  g_autoptr(WatchedWorker) worker = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint pending = 1;
  AsyncRun run = { loop, &pending, NULL, NULL };
  GPid pid;

  if (!run_in_subprocess ())
    return;

  worker = watched_worker_new ();
  request = held_request ();
  ent_layout_run_async (request, 0, cancellable, layout_done_cb, &run);
  pid = wait_until_received (worker);
  if (interruption == INTERRUPT_KILL)
    g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  else
    g_cancellable_cancel (cancellable);
  g_main_loop_run (loop);

  g_assert_null (run.result);
  g_test_message ("%s", run.error->message);
  if (interruption == INTERRUPT_KILL)
    {
      g_assert_error (run.error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_CRASHED);
      g_assert_nonnull (strstr (run.error->message, "signal 9"));
      g_assert_nonnull (strstr (run.error->message, "dot"));
    }
  else
    g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  assert_process_gone (pid);

  assert_next_layout_succeeds ();
}

/*
 * The client stops a helper that takes longer than it was given: the error
 * says so, and the helper, which would never have finished, is gone. How
 * long the client waited is not measured: a busy machine makes any clock
 * unreliable, and a client that did not stop the helper would wait forever.
 */
static void
test_timeout (void)
{
  g_autoptr(WatchedWorker) worker = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  g_autoptr(EntLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!run_in_subprocess ())
    return;

  worker = watched_worker_new ();
  request = held_request ();
  result = ent_layout_run (request, 500, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_TIMED_OUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "0.5"));
  assert_process_gone (read_pid (worker->pid_file));

  assert_next_layout_succeeds ();
}

/* A layout that no helper can do: @worker names a helper that is not there. */
typedef struct
{
  const char *engine;
  const char *worker;
  int         code;
  const char *message_part;
} RefusedCase;

/* No helper could start, so the error cannot have come from one. */
static const RefusedCase unknown_engine = { "osage", "/nonexistent/entente-layout", ENT_LAYOUT_ERROR_UNKNOWN_ENGINE, "osage" };
static const RefusedCase no_worker = { "dot", "/nonexistent", ENT_LAYOUT_ERROR_NO_WORKER, "/nonexistent" };

static void
test_refused (gconstpointer data)
{
  const RefusedCase *refused = data;
  g_autoptr(EntLayoutRequest) request = ent_layout_request_new (refused->engine);
  g_autoptr(EntLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!run_in_subprocess ())
    return;

  g_setenv ("ENTENTE_LAYOUT_WORKER", refused->worker, TRUE);
  ent_layout_request_add_node (request, 1, 10, 10, FALSE, 0, 0, FALSE);
  result = ent_layout_run (request, 0, NULL, &error);

  g_assert_null (result);
  g_assert_error (error, ENT_LAYOUT_ERROR, refused->code);
  g_assert_nonnull (strstr (error->message, refused->message_part));
}

/* Runs the helper directly on @input and checks that it refuses it cleanly. */
static void
assert_worker_refuses (GBytes     *input,
                       const char *expected)
{
  g_autoptr(GSubprocess) worker = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  worker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                             G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, real_worker, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (worker, input, NULL, &output, &diagnostics, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (worker));
  g_assert_cmpint (g_subprocess_get_exit_status (worker), ==, 1);
  g_assert_cmpuint (g_bytes_get_size (output), ==, 0);

  message = g_strndup (g_bytes_get_data (diagnostics, NULL), g_bytes_get_size (diagnostics));
  g_test_message ("%s", g_strstrip (message));
  g_assert_true (g_str_has_prefix (message, "entente-layout: "));
  g_assert_nonnull (strstr (message, expected));
}

static GBytes *
request_bytes (GVariant *request)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (request);

  return g_variant_get_data_as_bytes (owned);
}

static void
test_garbage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  guint8 noise[4096];

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(GBytes) input = NULL;

      for (guint i = 0; i < sizeof noise; i++)
        noise[i] = g_rand_int_range (rand, 0, 256);

      input = g_bytes_new (noise, g_rand_int_range (rand, 1, sizeof noise));
      assert_worker_refuses (input, "well-formed");
    }

  {
    g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
    g_autoptr(GBytes) engine = request_bytes (g_variant_new_parsed ("('osage', byte 0, @a(xdddbddb) [], @a(xxxbdd) [])"));
    g_autoptr(GBytes) size = request_bytes (g_variant_new_parsed ("('dot', byte 0, [(1, nan, 10.0, 0.0, false, 0.0, 0.0, false)], @a(xxxbdd) [])"));
    g_autoptr(GBytes) negative = request_bytes (g_variant_new_parsed ("('dot', byte 0, [(1, -5.0, 10.0, 0.0, false, 0.0, 0.0, false)], @a(xxxbdd) [])"));
    g_autoptr(GBytes) position = request_bytes (g_variant_new_parsed ("('neato', byte 0, [(1, 5.0, 10.0, 0.0, true, inf, 0.0, true)], @a(xxxbdd) [])"));
    g_autoptr(GBytes) twice = request_bytes (g_variant_new_parsed ("('dot', byte 0, [(1, 5.0, 10.0, 0.0, false, 0.0, 0.0, false), (1, 5.0, 10.0, 0.0, false, 0.0, 0.0, false)], @a(xxxbdd) [])"));
    g_autoptr(GBytes) dangling = request_bytes (g_variant_new_parsed ("('dot', byte 0, [(1, 5.0, 10.0, 0.0, false, 0.0, 0.0, false)], [(int64 7, int64 1, int64 2, true, 0.0, 0.0)])"));
    g_autoptr(GBytes) port = request_bytes (g_variant_new_parsed ("('dot', byte 1, [(1, 5.0, 10.0, 12.0, false, 0.0, 0.0, false)], @a(xxxbdd) [])"));
    g_autoptr(GBytes) label = request_bytes (g_variant_new_parsed ("('dot', byte 1, [(1, 5.0, 10.0, 0.0, false, 0.0, 0.0, false)], [(int64 7, int64 1, int64 1, true, nan, 3.0)])"));
    g_autoptr(GBytes) port_nan = request_bytes (g_variant_new_parsed ("('dot', byte 1, [(1, 5.0, 10.0, nan, false, 0.0, 0.0, false)], @a(xxxbdd) [])"));

    assert_worker_refuses (empty, "well-formed");
    assert_worker_refuses (engine, "osage");
    assert_worker_refuses (size, "invalid size");
    assert_worker_refuses (negative, "invalid size");
    assert_worker_refuses (position, "invalid size or position");
    assert_worker_refuses (twice, "more than once");
    assert_worker_refuses (dangling, "not in the request");
    assert_worker_refuses (port, "invalid size");
    assert_worker_refuses (port_nan, "invalid size");
    assert_worker_refuses (label, "invalid label size");
  }
}

/* Several layouts at once, from the caller's own main loop: each gets its own helper. */
static void
test_async (void)
{
  const char *engines[] = { "dot", "neato", "circo" };
  g_autoptr(TestGraph) graph = test_graph_new (20, 30, 7);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint pending = G_N_ELEMENTS (engines);
  AsyncRun runs[G_N_ELEMENTS (engines)];

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autoptr(EntLayoutRequest) request = test_graph_request (graph, engines[i]);

      runs[i] = (AsyncRun) { loop, &pending, NULL, NULL };
      ent_layout_run_async (request, 30000, NULL, layout_done_cb, &runs[i]);
    }

  g_main_loop_run (loop);

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_assert_no_error (runs[i].error);
      check_result (runs[i].result, graph);
      ent_layout_result_free (runs[i].result);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  real_worker = g_getenv ("ENTENTE_LAYOUT_WORKER");
  g_assert_nonnull (real_worker);
  real_worker = g_strdup (real_worker);

  g_test_add_func ("/ent/layout/engines", test_engines);
  g_test_add_func ("/ent/layout/deterministic", test_deterministic);
  g_test_add_func ("/ent/layout/pins", test_pins);
  g_test_add_func ("/ent/layout/sizes", test_sizes);
  g_test_add_func ("/ent/layout/routes", test_routes);
  g_test_add_data_func ("/ent/layout/unknown-engine", &unknown_engine, test_refused);
  g_test_add_data_func ("/ent/layout/no-worker", &no_worker, test_refused);
  g_test_add_func ("/ent/layout/garbage", test_garbage);
  g_test_add_func ("/ent/layout/async", test_async);
  g_test_add_data_func ("/ent/layout/crash", GINT_TO_POINTER (INTERRUPT_KILL), test_interrupted);
  g_test_add_func ("/ent/layout/timeout", test_timeout);
  g_test_add_data_func ("/ent/layout/cancel", GINT_TO_POINTER (INTERRUPT_CANCEL), test_interrupted);

  return g_test_run ();
}
