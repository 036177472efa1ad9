/* test-bundle.c: edges bundled by Graphviz's mingle, run by the layout helper
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-bundle"

#include "config.h"

#include "ent-layout.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <glib/gstdio.h>

/* The helper puts the ends of a bundle on the nodes' centres exactly; this allows for nothing more than rounding. */
#define END_TOLERANCE 1e-9

typedef struct
{
  gint64 id;
  double x;
  double y;
} TestNode;

typedef struct
{
  gint64 id;
  gint64 from;
  gint64 to;
} TestEdge;

/*
 * Two clusters of nodes with edges between them that mingle bundles, with
 * ids far apart and negative ones, two more edges between one pair (one of
 * them the other way), a loop and an edge of two nodes on one spot, which
 * mingle cannot take.
 */
static const TestNode nodes[] = {
  { -7, 0, 0 }, { 11, 20, 40 }, { 12, 40, 0 }, { 13, 10, 70 }, { 14, 45, 60 },
  { 10000000019, 500, 10 }, { 21, 520, 60 }, { 22, 480, 90 }, { 23, 540, 0 }, { 24, 505, 40 },
  { 30, 250, 400 }, { 31, 250, 400 },
};

static const TestEdge edges[] = {
  { 101, -7, 10000000019 }, { 102, 11, 21 }, { 103, 12, 22 }, { 104, 13, 23 }, { 105, 14, 24 },
  { 106, -7, 21 }, { 107, 11, 22 }, { 108, 12, 23 }, { 109, 13, 24 }, { 110, 14, 10000000019 },
  { 111, 10000000019, -7 }, { 112, -7, 10000000019 },
  { 113, 30, 30 }, { 114, 30, 31 }, { 115, 11, 30 },
};

/* The edges that get no bundle: the loop and the edge between nodes on one spot. */
static gboolean
is_unbundled (gint64 id)
{
  return id == 113 || id == 114;
}

static const TestNode *
find_node (gint64 id)
{
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    if (nodes[i].id == id)
      return &nodes[i];
  g_assert_not_reached ();
}

static EntLayoutRequest *
bundle_request (void)
{
  EntLayoutRequest *request = ent_layout_request_new ("neato");

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    ent_layout_request_add_node (request, nodes[i].id, 30, 40, TRUE, nodes[i].x, nodes[i].y, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    ent_layout_request_add_edge (request, edges[i].id, edges[i].from, edges[i].to, i % 2 == 0);
  ent_layout_request_set_mode (request, ENT_LAYOUT_MODE_BUNDLE);

  return request;
}

static const EntLayoutEdge *
find_curve (EntLayoutResult *result,
            gint64           id)
{
  for (guint i = 0; i < result->edges->len; i++)
    if (g_array_index (result->edges, EntLayoutEdge, i).id == id)
      return &g_array_index (result->edges, EntLayoutEdge, i);
  return NULL;
}

static const EntLayoutPoint *
point_at (const EntLayoutEdge *curve,
          guint                i)
{
  return &g_array_index (curve->points, EntLayoutPoint, i);
}

/* How far the curve goes from a straight line between its ends. */
static double
bend (const EntLayoutEdge *curve)
{
  const EntLayoutPoint *a = point_at (curve, 0), *b = point_at (curve, curve->points->len - 1);
  double length = hypot (b->x - a->x, b->y - a->y), most = 0;

  for (guint i = 0; i < curve->points->len; i++)
    {
      const EntLayoutPoint *p = point_at (curve, i);

      most = MAX (most, fabs ((p->x - a->x) * (b->y - a->y) - (p->y - a->y) * (b->x - a->x)) / length);
    }
  return most;
}

/*
 * Every edge but the loop and the one of no length gets a bundle, in the
 * order of the request: control points of cubic pieces from the centre of
 * its source to the centre of its target; edges between the same nodes
 * share one, either way; and the bundles bend, as their edges run together.
 */
static void
check_bundles (EntLayoutResult *result)
{
  double most_bend = 0;
  guint n_bundled = 0;

  g_assert_true (result->bundled);
  g_assert_false (result->routed);
  g_assert_cmpuint (result->nodes->len, ==, G_N_ELEMENTS (nodes));
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      const EntLayoutNode *node = &g_array_index (result->nodes, EntLayoutNode, i);

      g_assert_cmpint (node->id, ==, nodes[i].id);
      g_assert_cmpfloat (node->x, ==, nodes[i].x);
      g_assert_cmpfloat (node->y, ==, nodes[i].y);
    }

  for (guint i = 0, c = 0; i < G_N_ELEMENTS (edges); i++)
    {
      const EntLayoutEdge *curve = find_curve (result, edges[i].id);
      const TestNode *from = find_node (edges[i].from), *to = find_node (edges[i].to);
      const EntLayoutPoint *first, *last;

      if (is_unbundled (edges[i].id))
        {
          g_assert_null (curve);
          continue;
        }

      g_assert_nonnull (curve);
      g_assert_true (curve == &g_array_index (result->edges, EntLayoutEdge, c++));
      g_assert_cmpuint (curve->points->len, >=, 4);
      g_assert_cmpuint ((curve->points->len - 1) % 3, ==, 0);
      g_assert_false (curve->has_start_arrow || curve->has_end_arrow || curve->has_label);
      first = point_at (curve, 0);
      last = point_at (curve, curve->points->len - 1);
      g_assert_cmpfloat_with_epsilon (first->x, from->x, END_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (first->y, from->y, END_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (last->x, to->x, END_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (last->y, to->y, END_TOLERANCE);
      most_bend = MAX (most_bend, bend (curve));
      n_bundled++;
    }
  g_assert_cmpuint (n_bundled, ==, result->edges->len);

  {
    const EntLayoutEdge *one = find_curve (result, 101), *twin = find_curve (result, 112), *back = find_curve (result, 111);

    g_assert_cmpuint (one->points->len, ==, twin->points->len);
    g_assert_cmpuint (one->points->len, ==, back->points->len);
    for (guint p = 0; p < one->points->len; p++)
      {
        g_assert_cmpmem (point_at (one, p), sizeof (EntLayoutPoint), point_at (twin, p), sizeof (EntLayoutPoint));
        g_assert_cmpmem (point_at (one, p), sizeof (EntLayoutPoint), point_at (back, back->points->len - 1 - p),
                         sizeof (EntLayoutPoint));
      }
  }

  g_test_message ("bundles bend up to %.1f points off their chords", most_bend);
  g_assert_cmpfloat (most_bend, >, 5);
}

static void
test_small (void)
{
  g_autoptr(EntLayoutRequest) request = bundle_request ();
  g_autoptr(EntLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = ent_layout_run (request, 60000, NULL, &error);
  g_assert_no_error (error);
  check_bundles (result);
}

/* Nothing to bundle, no mingle run: the answer has no curves. */
static void
test_nothing (void)
{
  g_autoptr(EntLayoutRequest) request = ent_layout_request_new ("dot");
  g_autoptr(EntLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  ent_layout_request_add_node (request, 1, 10, 10, TRUE, 0, 0, FALSE);
  ent_layout_request_add_node (request, 2, 10, 10, TRUE, 50, 0, FALSE);
  ent_layout_request_add_edge (request, 3, 1, 1, TRUE);
  ent_layout_request_set_mode (request, ENT_LAYOUT_MODE_BUNDLE);
  result = ent_layout_run (request, 60000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->nodes->len, ==, 2);
  g_assert_cmpuint (result->edges->len, ==, 0);
}

/* The DOT the benchmark gives the mingle command line: one edge of each pair of nodes, no loop. */
static void
test_dot (void)
{
  g_autoptr(EntLayoutRequest) request = bundle_request ();
  g_autoptr(GString) dot = ent_layout_request_bundle_dot (request);

  g_assert_true (g_str_has_prefix (dot->str, "graph {\n"));
  g_assert_nonnull (strstr (dot->str, "\"n-7\" [pos=\"0,0\"];\n"));
  g_assert_nonnull (strstr (dot->str, "\"n-7\" -- \"n10000000019\" [id=\"e101\"];\n"));
  g_assert_null (strstr (dot->str, "e111"));
  g_assert_null (strstr (dot->str, "e112"));
  g_assert_null (strstr (dot->str, "e113"));
  g_assert_null (strstr (dot->str, "e114"));
  g_assert_null (strstr (dot->str, "\"n31\""));
}

/*
 * Tests that point the helper at another mingle change the environment,
 * which is only safe before GLib starts its threads: they run in a fresh
 * process of their own, which sets the variable first thing.
 */
static gboolean
run_in_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* Makes ENTENTE_MINGLE a shell script of @body in @dir, which it runs in. */
static void
fake_mingle (const char *dir,
             const char *body)
{
  g_autofree char *path = g_build_filename (dir, "mingle.sh", NULL);
  g_autofree char *quoted = g_shell_quote (dir);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\ncd %s || exit 1\n%s\n", quoted, body);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, script, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  g_setenv ("ENTENTE_MINGLE", path, TRUE);
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-bundle-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Bundles the edges of bundle_request () with a mingle of its own, @script, or none at all for %NULL. */
static EntLayoutResult *
bundle_with (const char  *script,
             GError     **error)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(EntLayoutRequest) request = bundle_request ();
  EntLayoutResult *result;

  if (script != NULL)
    fake_mingle (dir, script);
  else
    g_setenv ("ENTENTE_MINGLE", "/nonexistent/mingle", TRUE);
  result = ent_layout_run (request, 60000, NULL, error);
  remove_dir (dir);

  return result;
}

/*
 * mingle may write its edges in any order: a mingle that writes the real
 * one's statements last first still gives every edge its own bundle, as
 * the helper goes by the edges' ids.
 */
static void
test_reordered (void)
{
  g_autoptr(EntLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!run_in_subprocess ())
    return;

  /* The real mingle's output, each statement joined on one line, the statements in reverse. */
  result = bundle_with ("mingle > out || exit $?\n"
                        "awk '{ if (sub(/\\\\$/, \"\")) { b = b $0; next } b = b $0; if (b ~ /[;{}]$/) { print b; b = \"\" } }' "
                        "out > joined\n"
                        "head -n 1 joined; sed '1d;$d' joined | tac; tail -n 1 joined", &error);
  g_assert_no_error (error);
  check_bundles (result);
}

typedef struct
{
  const char *name;
  const char *script;
  int         code;
  const char *message_part;
} FailingMingle;

static const FailingMingle failing[] = {
  { "exit-1", "cat > /dev/null; echo 'out of luck' >&2; exit 1", ENT_LAYOUT_ERROR_FAILED, "exit status 1): out of luck" },
  { "crash", "cat > /dev/null; kill -SEGV $$", ENT_LAYOUT_ERROR_FAILED, "mingle crashed (signal 11)" },
  { "garbage", "cat > /dev/null; echo 'no graph {{{ here'", ENT_LAYOUT_ERROR_FAILED, "not a graph" },
  { "binary", "cat > /dev/null; head -c 5000 /dev/urandom", ENT_LAYOUT_ERROR_FAILED, "mingle" },
  { "no-reading", "echo 'graph { }'", ENT_LAYOUT_ERROR_FAILED, "missing" },
  { "stranger", "cat > /dev/null; echo 'graph { a -- b [id=\"e999\", pos=\"0,0 1,1 2,2 3,3\"] }'", ENT_LAYOUT_ERROR_FAILED,
    "not given" },
  { "no-curve", "mingle | sed 's/pos=\"/pos=\"1,2 x /'", ENT_LAYOUT_ERROR_FAILED, "without a curve" },
  { "moved-ends", "mingle | sed 's/pos=\"/pos=\"9000,9000 /'", ENT_LAYOUT_ERROR_FAILED, "does not join" },
  { "endless", "cat > /dev/null; exec yes 'graph {'", ENT_LAYOUT_ERROR_FAILED, "MB" },
  { "missing", NULL, ENT_LAYOUT_ERROR_FAILED, "Could not find mingle, the edge bundling of Graphviz, as “/nonexistent/mingle”" },
};

/* A mingle that fails, crashes, is missing or writes what is not the graph bundled: a clear error. */
static void
test_failing (gconstpointer data)
{
  const FailingMingle *mingle = data;
  g_autoptr(EntLayoutResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!run_in_subprocess ())
    return;

  result = bundle_with (mingle->script, &error);
  g_assert_null (result);
  g_assert_error (error, ENT_LAYOUT_ERROR, mingle->code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bundling the edges"));
  g_assert_nonnull (strstr (error->message, mingle->message_part));
}

static GPid
read_pid (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL) || !g_str_has_suffix (contents, "\n"))
    return 0;
  return (GPid) g_ascii_strtoll (contents, NULL, 10);
}

static gboolean
keep_polling_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
bundle_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  EntLayoutResult *layout = ent_layout_run_finish (result, error);

  g_assert_null (layout);
}

/*
 * A mingle that takes forever: cancelling stops the bundling at once, and
 * mingle goes with the helper instead of running on.
 */
static void
test_cancel (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *pid_file = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;
  guint poll_id;
  gint64 deadline;
  GPid pid;

  if (!run_in_subprocess ())
    return;

  dir = make_dir ();
  pid_file = g_build_filename (dir, "pid", NULL);
  fake_mingle (dir, "cat > input; echo $$ > pid.new; mv pid.new pid; exec sleep 600");
  request = bundle_request ();
  ent_layout_run_async (request, 0, cancellable, bundle_done_cb, &error);

  /* Nothing tells the main loop when the file appears, so it wakes up now and then to look. */
  poll_id = g_timeout_add (10, keep_polling_cb, NULL);
  while ((pid = read_pid (pid_file)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The kernel ends mingle as the helper dies, a moment after. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (kill (pid, 0) == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (poll_id);
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/bundle/small", test_small);
  g_test_add_func ("/ent/bundle/nothing", test_nothing);
  g_test_add_func ("/ent/bundle/dot", test_dot);
  g_test_add_func ("/ent/bundle/reordered", test_reordered);
  for (guint i = 0; i < G_N_ELEMENTS (failing); i++)
    {
      g_autofree char *path = g_strconcat ("/ent/bundle/failing/", failing[i].name, NULL);

      g_test_add_data_func (path, &failing[i], test_failing);
    }
  g_test_add_func ("/ent/bundle/cancel", test_cancel);

  return g_test_run ();
}
