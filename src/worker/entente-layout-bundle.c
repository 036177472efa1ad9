/* entente-layout-bundle.c: bundling the edges of a layout with Graphviz's mingle, in the layout helper
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-layout"

/* For prctl's PR_SET_PDEATHSIG. */
#define _GNU_SOURCE

#include "config.h"

#include "entente-layout-private.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <graphviz/cgraph.h>

/*
 * Graphviz bundles edges in a program of its own, mingle, not in a library
 * call: the helper runs it with its default options on the graph of
 * ent_layout_bundle_dot () on its stdin, reads the bundled graph from its
 * stdout with cgraph as it comes, and answers with a curve for each edge,
 * matched to the request by the id that mingle keeps on every edge, not by
 * order. mingle is found on PATH, unless $ENTENTE_MINGLE names it (tests).
 *
 * mingle crashes on some inputs, and anything it prints is checked as any
 * input: a crash, a failure, output larger than the graph can need, or
 * output that is not that graph bundled is an error message here, never a
 * crash. mingle dies with the helper, which the application kills to cancel
 * a layout or when it takes too long: it could otherwise run on for
 * minutes with no one to read its answer.
 */

/* What mingle may print per edge it is given, beyond a fixed allowance; it prints 1 to 3 KB at its defaults. */
#define OUTPUT_BYTES_PER_EDGE (16 * 1024)
#define OUTPUT_BYTES_BASE     (1024 * 1024)
#define OUTPUT_BYTES_MAX      ((gsize) 1024 * 1024 * 1024)

/* How much of mingle's stderr explains a failure. */
#define DIAGNOSTICS_SIZE 400

/* How far the ends of a bundle may be from the nodes' centres: mingle writes coordinates to a thousandth. */
#define END_TOLERANCE 0.5

/* How far a bundle may reach beyond the coordinates of a request before it is taken for garbage. */
#define MAX_BUNDLE_COORDINATE (4 * ENT_LAYOUT_MAX_COORDINATE)

/* mingle running, and what goes to and comes from it. */
typedef struct
{
  GPid         pid;
  int          in_fd;
  int          out_fd;
  int          err_fd;
  const char  *input;
  gsize        input_length;
  gsize        input_written;
  gsize        output_length;
  gsize        output_limit;
  gboolean     too_large;
  int          read_errno;
  char         diagnostics[DIAGNOSTICS_SIZE + 1];
  gsize        diagnostics_length;
} Mingle;

/* The helper's pid, for the child to check that its parent still lives once it asked to die with it. */
static pid_t helper_pid;

/* What cgraph said about mingle's output, for the error that says it is no graph. */
static char parse_message[200];

/* cgraph hands over a message in pieces, "Error: " first. */
static int
keep_parse_message (char *message)
{
  g_strlcat (parse_message, message, sizeof parse_message);
  return 0;
}

/* Runs in mingle's process, between fork and exec. */
static void
child_setup (gpointer user_data)
{
  /* mingle must not outlive the helper: killed, it would otherwise run on with no one to read it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != helper_pid)
    _exit (127);
  /* The helper ignores SIGPIPE, and would pass that on. */
  signal (SIGPIPE, SIG_DFL);
}

static const char *
mingle_path (void)
{
  const char *path = g_getenv ("ENTENTE_MINGLE");

  return path != NULL && *path != '\0' ? path : "mingle";
}

static gboolean
start_mingle (Mingle   *mingle,
              GError  **error)
{
  const char *argv[] = { mingle_path (), NULL };
  g_autoptr(GError) spawn_error = NULL;

  helper_pid = getpid ();
  /* A mingle that stops reading must not kill the helper with SIGPIPE: it is an error to report. */
  signal (SIGPIPE, SIG_IGN);

  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                         child_setup, NULL, -1, -1, -1, NULL, NULL, 0,
                                         &mingle->pid, &mingle->in_fd, &mingle->out_fd, &mingle->err_fd,
                                         &spawn_error))
    {
      /* GLib's own message is translated to this process's C locale, which turns its quotes into question marks. */
      if (g_error_matches (spawn_error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
        g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ,
                     "Could not find mingle, the edge bundling of Graphviz, as “%s”", argv[0]);
      else
        g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ,
                     "Could not run mingle, the edge bundling of Graphviz: %s", spawn_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
close_fd (int *fd)
{
  if (*fd >= 0)
    close (*fd);
  *fd = -1;
}

/*
 * Feeds mingle its input and keeps what it says on stderr while waiting for
 * its output, up to @size bytes of which go to @buffer. All three pipes are
 * served at once, so that neither side waits for the other for ever.
 *
 * Returns: how many bytes came, or 0 at the end of the output, or once it
 *   grew beyond its limit
 */
static gssize
read_output (Mingle *mingle,
             char   *buffer,
             gsize   size)
{
  while (mingle->out_fd >= 0)
    {
      struct pollfd fds[3] = {
        { mingle->out_fd, POLLIN, 0 },
        { mingle->in_fd, POLLOUT, 0 },
        { mingle->err_fd, POLLIN, 0 },
      };

      if (poll (fds, 3, -1) < 0)
        {
          if (errno == EINTR)
            continue;
          mingle->read_errno = errno;
          return 0;
        }

      if (fds[1].revents != 0)
        {
          gssize n = write (mingle->in_fd, mingle->input + mingle->input_written,
                            MIN (mingle->input_length - mingle->input_written, 65536));

          if (n > 0)
            mingle->input_written += n;
          /* mingle stopped reading, or never read: what it did instead shows in its exit status. */
          if ((n < 0 && errno != EINTR && errno != EAGAIN) || mingle->input_written == mingle->input_length)
            close_fd (&mingle->in_fd);
        }

      if (fds[2].revents != 0)
        {
          char discard[4096];
          gssize n = read (mingle->err_fd, discard, sizeof discard);
          gsize room = DIAGNOSTICS_SIZE - mingle->diagnostics_length;

          if (n > 0)
            {
              memcpy (mingle->diagnostics + mingle->diagnostics_length, discard, MIN ((gsize) n, room));
              mingle->diagnostics_length += MIN ((gsize) n, room);
            }
          else if (n == 0 || (errno != EINTR && errno != EAGAIN))
            close_fd (&mingle->err_fd);
        }

      if (fds[0].revents != 0)
        {
          gsize room = mingle->output_limit - mingle->output_length;
          gssize n;

          if (room == 0)
            {
              mingle->too_large = TRUE;
              return 0;
            }

          n = read (mingle->out_fd, buffer, MIN (size, room));
          if (n > 0)
            {
              mingle->output_length += n;
              return n;
            }
          if (n == 0)
            close_fd (&mingle->out_fd);
          else if (errno != EINTR && errno != EAGAIN)
            {
              mingle->read_errno = errno;
              return 0;
            }
        }
    }

  return 0;
}

/* cgraph reads its input through this, as it comes from mingle. */
static int
cgraph_read_cb (void *chan,
                char *buffer,
                int   size)
{
  return size > 0 ? (int) read_output (chan, buffer, size) : 0;
}

static Agiodisc_t pipe_io = { cgraph_read_cb, NULL, NULL };

/* Waits for mingle to end, having read whatever it still writes, and tells how it did. */
static gboolean
finish_mingle (Mingle   *mingle,
               GError  **error)
{
  char rest[65536];
  int status;

  /* What follows the graph is read and dropped, so that mingle is never left waiting to write it. */
  while (read_output (mingle, rest, sizeof rest) > 0)
    ;
  close_fd (&mingle->in_fd);
  close_fd (&mingle->out_fd);
  /* A mingle that still runs has written too much, or its pipe failed; either way it is no use. */
  if (mingle->too_large || mingle->read_errno != 0)
    kill (mingle->pid, SIGKILL);
  while (mingle->err_fd >= 0)
    {
      gssize n = read (mingle->err_fd, rest, sizeof rest);

      if (n == 0 || (n < 0 && errno != EINTR))
        close_fd (&mingle->err_fd);
    }

  while (waitpid (mingle->pid, &status, 0) < 0)
    if (errno != EINTR)
      {
        g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ, "Could not wait for mingle: %s", g_strerror (errno));
        return FALSE;
      }

  mingle->diagnostics[mingle->diagnostics_length] = '\0';
  g_strstrip (mingle->diagnostics);

  if (mingle->too_large)
    g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ,
                 "mingle wrote more than %" G_GSIZE_FORMAT " MB, more than the bundles of these edges can take",
                 mingle->output_limit / (1024 * 1024));
  else if (mingle->read_errno != 0)
    g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ, "Could not read what mingle wrote: %s",
                 g_strerror (mingle->read_errno));
  else if (WIFSIGNALED (status))
    g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ, "mingle crashed (signal %d)%s%s", WTERMSIG (status),
                 *mingle->diagnostics != '\0' ? ": " : "", mingle->diagnostics);
  else if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ, "mingle failed (exit status %d)%s%s",
                 WIFEXITED (status) ? WEXITSTATUS (status) : -1,
                 *mingle->diagnostics != '\0' ? ": " : "", mingle->diagnostics);
  else
    return TRUE;

  return FALSE;
}

/*
 * Reads a number as mingle writes them, "%.3f": digits, a point, digits.
 * With at most 15 digits it is an integer below 2^53 over a power of ten,
 * both exact as doubles, and dividing one by the other rounds exactly as
 * reading the decimal does, in a fraction of the time: on large networks
 * g_ascii_strtod () took a tenth of all the bundling, for the millions of
 * numbers mingle writes. Anything else is read by g_ascii_strtod ().
 */
static double
read_number (const char  *text,
             char       **end)
{
  static const double powers_of_ten[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
                                          1e14, 1e15 };
  const char *p = text + (*text == '-');
  guint64 mantissa = 0;
  int n_digits = 0, n_decimals = 0;
  double value;

  for (; g_ascii_isdigit (*p) && n_digits < 16; p++, n_digits++)
    mantissa = 10 * mantissa + (*p - '0');
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p) && n_digits < 16; p++, n_digits++, n_decimals++)
      mantissa = 10 * mantissa + (*p - '0');
  if (n_digits == 0 || n_digits > 15 || g_ascii_isdigit (*p) || *p == 'e' || *p == 'E')
    return g_ascii_strtod (text, end);

  *end = (char *) p;
  value = (double) mantissa / powers_of_ten[n_decimals];
  return *text == '-' ? -value : value;
}

/*
 * Reads a "pos" of mingle's, "x,y x,y …", into @points, or returns FALSE
 * for anything else. mingle writes the control points of cubic Bézier
 * pieces, 1 + 3k of them, except that Graphviz 2.42 writes six points along
 * an edge it left straight: a list of any other length is taken as the
 * polyline through its points, which is exact for that one.
 */
static gboolean
parse_pos (const char *pos,
           GArray     *points)
{
  const char *p = pos;
  guint n_points;

  g_array_set_size (points, 0);
  while (*p != '\0')
    {
      EntLayoutPoint point;
      char *end;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      point.x = read_number (p, &end);
      if (end == p || *end != ',')
        return FALSE;
      p = end + 1;
      point.y = read_number (p, &end);
      if (end == p || (*end != '\0' && !g_ascii_isspace (*end)) ||
          !isfinite (point.x) || !isfinite (point.y) ||
          fabs (point.x) > MAX_BUNDLE_COORDINATE || fabs (point.y) > MAX_BUNDLE_COORDINATE ||
          points->len >= ENT_LAYOUT_MAX_CURVE_POINTS)
        return FALSE;
      p = end;
      g_array_append_val (points, point);
    }

  n_points = points->len;
  if (n_points < 2)
    return FALSE;
  if (n_points >= 4 && (n_points - 1) % 3 == 0)
    return TRUE;
  if (1 + 3 * (n_points - 1) > ENT_LAYOUT_MAX_CURVE_POINTS)
    return FALSE;

  /* Each segment of the polyline becomes a cubic piece of its own, its control points on its chord. */
  g_array_set_size (points, 1 + 3 * (n_points - 1));
  for (guint i = n_points - 1; i > 0; i--)
    {
      EntLayoutPoint a = g_array_index (points, EntLayoutPoint, i - 1);
      EntLayoutPoint b = g_array_index (points, EntLayoutPoint, i);
      EntLayoutPoint *piece = &g_array_index (points, EntLayoutPoint, 3 * (i - 1));

      piece[3] = b;
      piece[2] = (EntLayoutPoint) { a.x + 2 * (b.x - a.x) / 3, a.y + 2 * (b.y - a.y) / 3 };
      piece[1] = (EntLayoutPoint) { a.x + (b.x - a.x) / 3, a.y + (b.y - a.y) / 3 };
      piece[0] = a;
    }

  return TRUE;
}

static void
reverse_points (GArray *points)
{
  for (guint i = 0, j = points->len - 1; i < j; i++, j--)
    {
      EntLayoutPoint swap = g_array_index (points, EntLayoutPoint, i);

      g_array_index (points, EntLayoutPoint, i) = g_array_index (points, EntLayoutPoint, j);
      g_array_index (points, EntLayoutPoint, j) = swap;
    }
}

static double
distance (const EntLayoutPoint    *point,
          const EntLayoutWireNode *node)
{
  return hypot (point->x - node->x, point->y - node->y);
}

/*
 * Turns @points, a bundle mingle made for the edge between @from and @to,
 * to run from @from to @to, as mingle may write it either way, and puts its
 * ends exactly on the two nodes' centres, from which it may be a rounding
 * away. Returns FALSE when its ends are not at the two nodes.
 */
static gboolean
orient_bundle (GArray                  *points,
               const EntLayoutWireNode *from,
               const EntLayoutWireNode *to)
{
  EntLayoutPoint *first = &g_array_index (points, EntLayoutPoint, 0);
  EntLayoutPoint *last = &g_array_index (points, EntLayoutPoint, points->len - 1);

  if (distance (first, to) + distance (last, from) < distance (first, from) + distance (last, to))
    {
      reverse_points (points);
      first = &g_array_index (points, EntLayoutPoint, 0);
      last = &g_array_index (points, EntLayoutPoint, points->len - 1);
    }

  if (distance (first, from) > END_TOLERANCE || distance (last, to) > END_TOLERANCE)
    return FALSE;

  *first = (EntLayoutPoint) { from->x, from->y };
  *last = (EntLayoutPoint) { to->x, to->y };
  return TRUE;
}

/* What the helper knows of the request while it reads mingle's answer. */
typedef struct
{
  const Request  *request;
  GHashTable     *node_index;   /* node id → index + 1 */
  GHashTable     *sent_index;   /* id of an edge given to mingle → its index in the request */
  gssize         *sent_for;
  GArray        **bundles;      /* EntLayoutPoint, per edge given to mingle */
} Bundling;

static const EntLayoutWireNode *
find_node (Bundling *bundling,
           gint64    id)
{
  gsize index = GPOINTER_TO_SIZE (g_hash_table_lookup (bundling->node_index, &id));

  return index > 0 ? &bundling->request->nodes[index - 1] : NULL;
}

/* Checks that every node has a place and a valid size, and every edge an id of its own and both its nodes. */
static gboolean
check_request (Bundling  *bundling,
               GError   **error)
{
  const Request *request = bundling->request;
  g_autoptr(GHashTable) edge_ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (gsize i = 0; i < request->n_nodes; i++)
    {
      const EntLayoutWireNode *node = &request->nodes[i];

      if (!worker_size_is_valid (node->width) || !worker_size_is_valid (node->height) ||
          !worker_coordinate_is_valid (node->x) || !worker_coordinate_is_valid (node->y))
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Node %" G_GINT64_FORMAT " has an invalid size or position", node->id);
          return FALSE;
        }
      if (!g_hash_table_insert (bundling->node_index, (gpointer) &node->id, GSIZE_TO_POINTER (i + 1)))
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Node %" G_GINT64_FORMAT " occurs more than once", node->id);
          return FALSE;
        }
    }

  for (gsize i = 0; i < request->n_edges; i++)
    {
      const EntLayoutWireEdge *edge = &request->edges[i];

      if (find_node (bundling, edge->from_id) == NULL || find_node (bundling, edge->to_id) == NULL)
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Edge %" G_GINT64_FORMAT " joins a node that is not in the request", edge->id);
          return FALSE;
        }
      if (!g_hash_table_add (edge_ids, (gpointer) &edge->id))
        {
          g_set_error (error, WORKER_ERROR, WORKER_ERROR_INVALID_REQUEST,
                       "Edge %" G_GINT64_FORMAT " occurs more than once", edge->id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
not_the_graph (GError     **error,
               const char  *what)
{
  g_set_error (error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ, "mingle wrote a graph that is not the one it was given: %s",
               what);
  return FALSE;
}

/* Takes the bundle of each edge mingle was given from @graph, its answer. */
static gboolean
read_bundles (Bundling  *bundling,
              Agraph_t  *graph,
              GError   **error)
{
  const Request *request = bundling->request;
  gsize n_read = 0;

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    for (Agedge_t *agedge = agfstout (graph, node); agedge != NULL; agedge = agnxtout (graph, agedge))
      {
        const char *id = agget (agedge, "id");
        const char *pos = agget (agedge, "pos");
        char *end = NULL;
        gint64 edge_id = 0;
        gpointer found = NULL;
        gsize index;
        g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (EntLayoutPoint));

        if (id != NULL && id[0] == 'e')
          edge_id = g_ascii_strtoll (id + 1, &end, 10);
        if (id == NULL || end == NULL || end == id + 1 || *end != '\0' ||
            !g_hash_table_lookup_extended (bundling->sent_index, &edge_id, NULL, &found))
          return not_the_graph (error, "an edge it was not given");

        index = GPOINTER_TO_SIZE (found);
        if (bundling->bundles[index] != NULL)
          return not_the_graph (error, "an edge twice");
        if (pos == NULL || !parse_pos (pos, points))
          return not_the_graph (error, "an edge without a curve");
        if (!orient_bundle (points, find_node (bundling, request->edges[index].from_id),
                            find_node (bundling, request->edges[index].to_id)))
          return not_the_graph (error, "an edge whose curve does not join its nodes");

        bundling->bundles[index] = g_steal_pointer (&points);
        n_read++;
      }

  if (n_read != g_hash_table_size (bundling->sent_index))
    return not_the_graph (error, "some edges are missing");

  return TRUE;
}

/* Runs mingle on @dot and reads the bundles of the edges it holds. */
static gboolean
run_mingle (Bundling  *bundling,
            GString   *dot,
            GError   **error)
{
  Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &pipe_io };
  Mingle mingle = { .in_fd = -1, .out_fd = -1, .err_fd = -1 };
  g_autoptr(GError) parse_error = NULL;
  Agraph_t *graph;
  gboolean done;

  mingle.input = dot->str;
  mingle.input_length = dot->len;
  mingle.output_limit = MIN (OUTPUT_BYTES_BASE + OUTPUT_BYTES_PER_EDGE * g_hash_table_size (bundling->sent_index),
                             OUTPUT_BYTES_MAX);
  if (!start_mingle (&mingle, error))
    return FALSE;

  /* cgraph's messages would go to stderr, before the helper's own; the first says what was wrong. */
  agseterr (AGERR);
  agseterrf (keep_parse_message);
  graph = agread (&mingle, &disc);
  g_strstrip (parse_message);
  if (graph == NULL)
    g_set_error (&parse_error, WORKER_ERROR, WORKER_ERROR_GRAPHVIZ, "mingle wrote something that is not a graph%s%s",
                 parse_message[0] != '\0' ? ": " : "", parse_message);

  /* How mingle ended says more than what it left unfinished. */
  done = finish_mingle (&mingle, error);
  if (done && parse_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parse_error));
      done = FALSE;
    }

  /* The graph is not freed: the process ends as soon as the reply is out (see main ()). */
  return done && read_bundles (bundling, graph, error);
}

static void
grow_bbox (double               *bbox,
           const EntLayoutPoint *point)
{
  bbox[0] = MIN (bbox[0], point->x);
  bbox[1] = MIN (bbox[1], point->y);
  bbox[2] = MAX (bbox[2], point->x);
  bbox[3] = MAX (bbox[3], point->y);
}

/* The reply: the nodes as they were asked for, and the bundles of the edges that have one, each its own way. */
static GVariant *
make_reply (Bundling *bundling)
{
  const Request *request = bundling->request;
  /* Zeroed, as the padding between members goes out too and must be zero. */
  g_autofree EntLayoutNode *nodes = g_new0 (EntLayoutNode, MAX (request->n_nodes, 1));
  g_autofree EntLayoutWireCurve *curves = g_new0 (EntLayoutWireCurve, MAX (request->n_edges, 1));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (EntLayoutPoint));
  double bbox[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  gsize n_curves = 0;
  gsize n_points = 0;

  for (gsize i = 0; i < request->n_nodes; i++)
    {
      const EntLayoutWireNode *node = &request->nodes[i];

      nodes[i] = (EntLayoutNode) { node->id, node->x, node->y, node->width, node->height };
      grow_bbox (bbox, &(EntLayoutPoint) { node->x - node->width / 2, node->y - node->height / 2 });
      grow_bbox (bbox, &(EntLayoutPoint) { node->x + node->width / 2, node->y + node->height / 2 });
    }

  for (gsize i = 0; i < request->n_edges; i++)
    {
      GArray *bundle = bundling->bundles[i];

      for (guint p = 0; bundle != NULL && p < bundle->len; p++)
        grow_bbox (bbox, &g_array_index (bundle, EntLayoutPoint, p));
      if (bundling->sent_for[i] >= 0)
        n_points += bundling->bundles[bundling->sent_for[i]]->len;
    }

  g_array_set_size (points, n_points);
  n_points = 0;
  for (gsize i = 0; i < request->n_edges; i++)
    {
      GArray *bundle = bundling->sent_for[i] >= 0 ? bundling->bundles[bundling->sent_for[i]] : NULL;
      EntLayoutPoint *out = &g_array_index (points, EntLayoutPoint, n_points);

      if (bundle == NULL)
        continue;

      curves[n_curves].id = request->edges[i].id;
      curves[n_curves].n_points = bundle->len;
      n_curves++;
      n_points += bundle->len;
      /* An edge that shares its bundle with another between the same nodes may run the other way. */
      if (request->edges[bundling->sent_for[i]].from_id == request->edges[i].from_id)
        memcpy (out, bundle->data, bundle->len * sizeof (EntLayoutPoint));
      else
        for (guint p = 0; p < bundle->len; p++)
          out[p] = g_array_index (bundle, EntLayoutPoint, bundle->len - 1 - p);
    }

  if (request->n_nodes == 0)
    memset (bbox, 0, sizeof bbox);

  return g_variant_ref_sink (g_variant_new (ENT_LAYOUT_REPLY_FORMAT, bbox[0], bbox[1], bbox[2], bbox[3],
                                            g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_NODE_TYPE), nodes,
                                                                       request->n_nodes, sizeof (EntLayoutNode)),
                                            g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_WIRE_CURVE_TYPE), curves,
                                                                       n_curves, sizeof (EntLayoutWireCurve)),
                                            g_variant_new_fixed_array (G_VARIANT_TYPE (ENT_LAYOUT_POINT_TYPE), points->data,
                                                                       points->len, sizeof (EntLayoutPoint))));
}

/**
 * worker_bundle:
 * @request: a request in ENT_LAYOUT_MODE_BUNDLE, whose nodes all have positions
 * @error: return location for an error
 *
 * Returns: (transfer full): the reply, or %NULL with @error set
 */
GVariant *
worker_bundle (const Request  *request,
               GError        **error)
{
  g_autoptr(GHashTable) node_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) sent_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gssize *sent_for = g_new (gssize, MAX (request->n_edges, 1));
  g_autofree GArray **bundles = g_new0 (GArray *, MAX (request->n_edges, 1));
  Bundling bundling = { request, node_index, sent_index, sent_for, bundles };
  g_autoptr(GString) dot = NULL;
  GVariant *reply = NULL;

  if (!check_request (&bundling, error))
    return NULL;

  dot = ent_layout_bundle_dot (request->nodes, request->n_nodes, request->edges, request->n_edges, sent_for);
  for (gsize i = 0; i < request->n_edges; i++)
    if (sent_for[i] == (gssize) i)
      g_hash_table_insert (sent_index, (gpointer) &request->edges[i].id, GSIZE_TO_POINTER (i));

  /* mingle fails on a graph without edges, and there is nothing to bundle anyway. */
  if (g_hash_table_size (sent_index) == 0 || run_mingle (&bundling, dot, error))
    reply = make_reply (&bundling);

  for (gsize i = 0; i < request->n_edges; i++)
    g_clear_pointer (&bundles[i], g_array_unref);

  return reply;
}
