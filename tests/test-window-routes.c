/* test-window-routes.c: routed relations in the window: dragging re-routes, parallel relations are apart
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ent-graph-view.h"
#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"
#include "ent-window.h"

/* The number of relations the view's scene draws without a route, or -1 without a scene. */
static int
count_unrouted (EntGraphView *view)
{
  EntScene *scene = ent_graph_view_get_scene (view);
  g_autoptr(GArray) unrouted = NULL;

  if (scene == NULL || !ent_scene_has_routes (scene))
    return -1;
  unrouted = ent_scene_list_unrouted (scene);
  return unrouted->len;
}

/* Runs the main loop until the view draws every relation along a route, for at most @seconds; returns how long it took. */
static double
wait_until_routed (EntGraphView *view,
                   double        seconds)
{
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + seconds * G_USEC_PER_SEC;

  while (count_unrouted (view) != 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (count_unrouted (view), ==, 0);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Every stored route of dot's, as "relation hex-of-points" lines. */
static char *
stored_routes (const char *path)
{
  return sqlite_shell (path, "SELECT relation_id || ' ' || hex (points) FROM routes WHERE engine = 'dot' "
                             "ORDER BY relation_id");
}

/* The route of @relation_id in @routes, a line of stored_routes (), or NULL. */
static char *
route_line (const char *routes,
            gint64      relation_id)
{
  g_auto(GStrv) lines = g_strsplit (routes, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT " ", relation_id);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}

typedef struct
{
  char         *dir;
  char         *path;
  EntWindow    *window;
  EntGraphView *view;
} Fixture;

/* A copy of the bundled network in a window, laid out by dot with routes. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("entente-window-routes-XXXXXX", NULL);
  fixture->path = copy_bundled (fixture->dir, "india-belarus.entente");
  fixture->window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ent_window_open_path (fixture->window, fixture->path));
  fixture->view = template_child (fixture->window, ENT_TYPE_WINDOW, "graph_view");
  wait_until_routed (fixture->view, 30 * test_slowdown ());
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_free (fixture->path);
  g_free (fixture->dir);
}

/*
 * Dragging a node draws its relations as curves at once, and within a
 * second along new routes; every other relation keeps its stored route,
 * byte for byte.
 */
static void
test_drag_reroutes (Fixture       *fixture,
                    gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  /* The window reads the network again after the move: only ids outlive it. */
  EntGraph *graph = ent_window_get_graph (fixture->window);
  gint64 india = find_entity (graph, "India")->id;
  GtkEventController *drag = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
  GtkEventController *click = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
  const EntSceneItem *node = ent_scene_find_node (ent_graph_view_get_scene (view), india);
  g_autofree char *before = stored_routes (fixture->path);
  g_autofree char *after = NULL;
  guint n_touching = 0;
  double x, y, took;

  ent_graph_view_graph_to_widget (view, node->cx, node->cy, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 25.0);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 25.0);
  g_signal_emit_by_name (click, "released", 1, x + 40, y + 25);

  /* At once, India's relations are drawn without routes. */
  g_assert_cmpint (count_unrouted (view), >=, 3);
  took = wait_until_routed (view, 10 * test_slowdown ());
  g_test_message ("re-routed in %.3f s", took);
  g_assert_cmpfloat (took, <, 1.0 * test_slowdown ());

  after = stored_routes (fixture->path);
  graph = ent_window_get_graph (fixture->window);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      g_autofree char *old = route_line (before, relation->id);
      g_autofree char *new = route_line (after, relation->id);

      g_assert_nonnull (old);
      g_assert_nonnull (new);
      if (relation->from_id == india || relation->to_id == india)
        {
          n_touching++;
          g_assert_cmpstr (old, !=, new);
        }
      else
        g_assert_cmpstr (old, ==, new);
    }
  g_assert_cmpuint (n_touching, >=, 3);
}

/*
 * Each of the relations between India and Belarus can be told apart: a
 * point of its path is on it and on no other relation, and a click there
 * selects it.
 */
static void
test_parallel_relations (Fixture       *fixture,
                         gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  EntScene *scene = ent_graph_view_get_scene (view);
  EntGraph *graph = ent_window_get_graph (fixture->window);
  gint64 india = find_entity (graph, "India")->id;
  gint64 belarus = find_entity (graph, "Belarus")->id;
  guint n_between = 0;

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);
      const double *path;
      gboolean clicked = FALSE;
      guint n;

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (!((edge->from_id == india && edge->to_id == belarus) || (edge->from_id == belarus && edge->to_id == india)))
        continue;
      n_between++;

      /* Along the path, the first point where this relation and nothing else is hit. */
      path = ent_scene_edge_get_path (edge, &n);
      for (guint k = 0; k + 3 < n && !clicked; k += 3)
        for (int step = 1; step < 8 && !clicked; step++)
          {
            const double *q = path + 2 * k;
            double t = step / 8.0, s = 1 - t;
            double px = s * s * s * q[0] + 3 * s * s * t * q[2] + 3 * s * t * t * q[4] + t * t * t * q[6];
            double py = s * s * s * q[1] + 3 * s * s * t * q[3] + 3 * s * t * t * q[5] + t * t * t * q[7];
            gboolean alone = TRUE;

            for (guint j = 0; j < ent_scene_get_n_items (scene) && alone; j++)
              {
                const EntSceneItem *other = ent_scene_get_item (scene, j);

                if (j == i)
                  continue;
                if (other->type == ENT_SCENE_ITEM_EDGE)
                  alone = !ent_scene_edge_hit (other, px, py);
                else
                  alone = !ent_rect_contains_point (&other->box, px, py);
              }
            if (!alone || ent_scene_hit_test (scene, px, py) != (int) i)
              continue;

            ent_graph_view_center_on (view, px, py);
            click_at (view, px, py, 1);
            g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, edge->id);
            clicked = TRUE;
          }
      g_assert_true (clicked);
    }

  g_assert_cmpuint (n_between, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/ent/window-routes/drag-reroutes", Fixture, NULL, fixture_set_up, test_drag_reroutes,
              fixture_tear_down);
  g_test_add ("/ent/window-routes/parallel-relations", Fixture, NULL, fixture_set_up, test_parallel_relations,
              fixture_tear_down);

  return g_test_run ();
}
