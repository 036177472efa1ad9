/* test-graph-view.c: the interactive diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 cannot make pointer or key events, so these tests reach the
 * view's own handlers the nearest way there is: gestures get the signals
 * their events would emit, and keys are the view's own shortcuts,
 * activated with the arguments they are bound with.
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ent-graph-view.h"
#include "ent-renderer.h"
#include "ent-test-scenes.h"
#include "ent-test-widgets.h"

typedef struct
{
  GtkWidget    *window;
  EntGraphView *view;
  /* The scene the test data names, not yet shown: "star", "grid", "path" or none. */
  EntScene     *scene;
} Fixture;

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static EntScene *
make_named_scene (const char *name)
{
  if (g_strcmp0 (name, "star") == 0)
    return ent_test_make_star ();
  if (g_strcmp0 (name, "grid") == 0)
    return ent_test_make_grid ();
  if (g_strcmp0 (name, "path") == 0)
    return ent_test_make_path ();
  return NULL;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->scene = make_named_scene (data);
  fixture->window = gtk_window_new ();
  fixture->view = ENT_GRAPH_VIEW (ent_graph_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) || gtk_widget_get_width (GTK_WIDGET (fixture->view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  drain ();

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->view)), >, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* What the test left pending runs while the view still stands. */
  drain ();
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
  g_clear_pointer (&fixture->scene, ent_scene_unref);
}

/* Does what a key press does: finds the view's shortcut for the key and activates it. */
static gboolean
press_key (EntGraphView    *view,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 GTK_WIDGET (view), gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_assert_not_reached ();
}

/* Presses a key that the view takes, and checks which entity it selected. */
static void
assert_key_selects (EntGraphView    *view,
                    guint            keyval,
                    GdkModifierType  modifiers,
                    gint64           expected)
{
  g_assert_true (press_key (view, keyval, modifiers));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, expected);
}

/* Moves the selection as the keyboard does, and checks where it went. */
static void
assert_move_selects (EntGraphView     *view,
                     GtkDirectionType  direction,
                     gint64            expected)
{
  g_assert_true (ent_graph_view_move_selection (view, direction));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, expected);
}

static void
activated_cb (EntGraphView *view,
              gint64        entity_id,
              gint64        relation_id,
              gint64       *ids)
{
  ids[0] = entity_id;
  ids[1] = relation_id;
  ids[2]++;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
node_moved_cb (EntGraphView *view,
               gint64        entity_id,
               double        x,
               double        y,
               double       *moved)
{
  moved[0] = entity_id;
  moved[1] = x;
  moved[2] = y;
  moved[3]++;
}

static void
assert_graph_point_at (EntGraphView *view,
                       double        gx,
                       double        gy,
                       double        wx,
                       double        wy)
{
  double x, y;

  ent_graph_view_graph_to_widget (view, gx, gy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, wx, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, wy, 1e-9);
}

static void
test_coordinates (Fixture       *fixture,
                  gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  static const double zooms[] = { 0.02, 0.3, 1.0, 2.5, 8.0 };
  static const double centres[][2] = { { 0, 0 }, { 250, 175 }, { -1234.5, 9876.25 } };
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  EntRect bounds;
  double x1, y1, x2, y2, gx, gy;

  ent_graph_view_set_scene (view, fixture->scene);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    for (guint j = 0; j < G_N_ELEMENTS (centres); j++)
      {
        ent_graph_view_set_zoom (view, zooms[i], 0, 0);
        ent_graph_view_center_on (view, centres[j][0], centres[j][1]);
        g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, zooms[i]);
        assert_graph_point_at (view, centres[j][0], centres[j][1], width / 2.0, height / 2.0);

        for (double wx = -50; wx <= 850; wx += 150)
          for (double wy = -30; wy <= 630; wy += 110)
            {
              double back_x, back_y;

              ent_graph_view_widget_to_graph (view, wx, wy, &gx, &gy);
              ent_graph_view_graph_to_widget (view, gx, gy, &back_x, &back_y);
              g_assert_cmpfloat_with_epsilon (back_x, wx, 1e-9);
              g_assert_cmpfloat_with_epsilon (back_y, wy, 1e-9);
            }
      }

  /* Zooming keeps the graph point under the anchor where it was. */
  ent_graph_view_set_zoom (view, 1.0, 0, 0);
  ent_graph_view_center_on (view, 200, 200);
  ent_graph_view_widget_to_graph (view, 123.0, 456.0, &gx, &gy);
  ent_graph_view_set_zoom (view, 3.7, 123.0, 456.0);
  assert_graph_point_at (view, gx, gy, 123.0, 456.0);
  ent_graph_view_set_zoom (view, 0.45, 123.0, 456.0);
  assert_graph_point_at (view, gx, gy, 123.0, 456.0);

  /* Clamped, still around the anchor. */
  ent_graph_view_set_zoom (view, 100, 123.0, 456.0);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, 8.0);
  assert_graph_point_at (view, gx, gy, 123.0, 456.0);
  ent_graph_view_set_zoom (view, 0.0001, 123.0, 456.0);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, 0.02);
  g_object_set (view, "zoom", 0.5, NULL);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, 0.5);

  /* Fitting shows the whole network, never beyond 150 %; the scene's own legend is for exports. */
  ent_graph_view_zoom_fit (view);
  ent_scene_get_bounds (fixture->scene, FALSE, &bounds);
  ent_graph_view_graph_to_widget (view, bounds.x1, bounds.y1, &x1, &y1);
  ent_graph_view_graph_to_widget (view, bounds.x2, bounds.y2, &x2, &y2);
  g_assert_cmpfloat (x1, >=, 0);
  g_assert_cmpfloat (y1, >=, 0);
  g_assert_cmpfloat (x2, <=, width);
  g_assert_cmpfloat (y2, <=, height);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), <=, 1.5);
  /* Centred, and touching the margin on one axis at least. */
  g_assert_cmpfloat_with_epsilon ((x1 + x2) / 2, width / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon ((y1 + y2) / 2, height / 2.0, 1e-6);
  g_assert_true (fabs (x1 - 24) < 1e-6 || fabs (y1 - 24) < 1e-6 || ent_graph_view_get_zoom (view) == 1.5);
}

static void
test_scene_replacement (Fixture       *fixture,
                        gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) grid = ent_test_make_grid ();
  g_autoptr(EntScene) relayout = ent_test_make_grid ();
  g_autoptr(EntScene) star = ent_test_make_star ();
  g_autoptr(EntScene) unshown = ent_test_make_star ();
  GtkWidget *window;
  EntGraphView *late;
  double x, y, zoom;

  ent_graph_view_set_scene (view, grid);
  g_assert_true (ent_graph_view_get_scene (view) == grid);
  ent_graph_view_set_zoom (view, 2.0, 10, 20);
  ent_graph_view_select_entity (view, 5);
  ent_graph_view_graph_to_widget (view, 0, 0, &x, &y);

  /* The same network again, as after a relayout: the view and the selection stay. */
  ent_graph_view_set_scene (view, relayout);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, 2.0);
  assert_graph_point_at (view, 0, 0, x, y);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 5);

  /* A scene without the selected relation drops it. */
  ent_graph_view_select_relation (view, 201);
  g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 201);
  ent_graph_view_set_scene (view, star);
  g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 0);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);

  /* Cleared, then a scene comes: it is fitted. */
  ent_graph_view_set_scene (view, NULL);
  g_assert_null (ent_graph_view_get_scene (view));
  ent_graph_view_set_zoom (view, 0.1, 0, 0);
  ent_graph_view_set_scene (view, star);
  zoom = ent_graph_view_get_zoom (view);
  g_assert_cmpfloat (zoom, >, 0.1);
  ent_graph_view_zoom_fit (view);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, zoom);

  /* A view that gets its scene before it has a size fits it once it has one. */
  window = gtk_window_new ();
  late = ENT_GRAPH_VIEW (ent_graph_view_new ());
  ent_graph_view_set_scene (late, unshown);
  zoom = ent_graph_view_get_zoom (late);
  g_assert_cmpfloat (zoom, ==, 1.0);
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (late));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (late)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpfloat (ent_graph_view_get_zoom (late), <, 1.0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/*
 * A hub crossed by many relations: 32 entities on a ring round it, each
 * joined to the one opposite, and to the one next to that, so that 32
 * straight lines pass over the hub or close by.
 */
#define RING_SIZE 32
#define RING_RADIUS 300.0

static EntScene *
make_crossed_hub (void)
{
  NodeSpec nodes[RING_SIZE + 1] = { { 1, ENT_KIND_COMMISSION, "Hub", 400, 400 } };
  EdgeSpec edges[RING_SIZE];

  for (int i = 0; i < RING_SIZE; i++)
    {
      double angle = 2 * G_PI * i / RING_SIZE;

      nodes[i + 1] = (NodeSpec) { 10 + i, ENT_KIND_PERSON, "Rim", 400 + RING_RADIUS * cos (angle), 400 + RING_RADIUS * sin (angle) };
    }
  for (int i = 0; i < RING_SIZE / 2; i++)
    {
      edges[2 * i] = (EdgeSpec) { 100 + i, 10 + i, 10 + i + RING_SIZE / 2 };
      edges[2 * i + 1] = (EdgeSpec) { 200 + i, 10 + i, 10 + (i + RING_SIZE / 2 + 1) % RING_SIZE };
    }

  return ent_test_make_scene (nodes, G_N_ELEMENTS (nodes), edges, G_N_ELEMENTS (edges));
}

/* A click on a node crossed by many edges gets the node; away from nodes, the nearest edge, not the last drawn. */
static void
test_pick_under_edges (Fixture       *fixture,
                       gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_crossed_hub ();
  const EntSceneItem *hub = ent_scene_find_node (scene, 1);
  const EntSceneItem *a = NULL, *b = NULL;

  ent_graph_view_set_scene (view, scene);
  drain ();

  /* Over the middle of the hub, and near its rim, where every edge through it passes. */
  click_at (view, hub->cx, hub->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);
  click_at (view, 0, 0, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  click_at (view, hub->cx + hub->radius * 0.8, hub->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);

  /* Relations 100 and 201 cross right of the hub. Near the crossing both are within reach of the pointer:
   * each is got where it is the nearer, although 201 is drawn above 100. */
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);

      if (edge->type == ENT_SCENE_ITEM_EDGE && edge->id == 100)
        a = edge;
      else if (edge->type == ENT_SCENE_ITEM_EDGE && edge->id == 201)
        b = edge;
    }
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  /* Edges are drawn in the order of the items. */
  g_assert_true (b > a);
  {
    double ax = a->p[6] - a->p[0], ay = a->p[7] - a->p[1], bx = b->p[6] - b->p[0], by = b->p[7] - b->p[1];
    double t = ((b->p[0] - a->p[0]) * by - (b->p[1] - a->p[1]) * bx) / (ax * by - ay * bx);
    double cx = a->p[0] + t * ax, cy = a->p[1] + t * ay;
    double la = hypot (ax, ay), lb = hypot (bx, by);
    /* Ten points from the crossing towards the rim, where the two lie three points apart. */
    double pa_x = cx - 10 * ax / la, pa_y = cy - 10 * ay / la;
    double pb_x = cx - 10 * bx / lb, pb_y = cy - 10 * by / lb;

    g_assert_cmpfloat (cx, >, hub->cx + 60);
    g_assert_cmpfloat (ent_scene_edge_distance (b, pa_x, pa_y), <, 4);
    click_at (view, pa_x + 0.3 * (pb_x - pa_x), pa_y + 0.3 * (pb_y - pa_y), 1);
    g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 100);
    click_at (view, pb_x + 0.3 * (pa_x - pb_x), pb_y + 0.3 * (pa_y - pb_y), 1);
    g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 201);
    g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  }
}

static void
test_hit_testing (Fixture       *fixture,
                  gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  const EntSceneItem *hub = ent_scene_find_node (fixture->scene, 1);
  const EntSceneItem *west = ent_scene_find_node (fixture->scene, 5);
  gint64 activated[3] = { 0 };
  double gx, gy, wx, wy;
  int index;

  ent_graph_view_set_scene (view, fixture->scene);
  g_signal_connect (view, "item-activated", G_CALLBACK (activated_cb), activated);

  /* The widget point over a node converts back onto that node. */
  ent_graph_view_graph_to_widget (view, hub->cx, hub->cy, &wx, &wy);
  ent_graph_view_widget_to_graph (view, wx, wy, &gx, &gy);
  index = ent_scene_hit_test (fixture->scene, gx, gy);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (ent_scene_get_item (fixture->scene, index)->id, ==, 1);

  /* Clicking selects what is under the pointer, and takes the keyboard focus. */
  gtk_root_set_focus (gtk_widget_get_root (GTK_WIDGET (view)), NULL);
  click_at (view, hub->cx, hub->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);
  /* The click gives the view the window's focus; whether the X server has made the window itself
   * active yet (with no window manager, on a busy machine) is not the view's to say. */
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (view))) == GTK_WIDGET (view));

  /* Halfway between West and the hub lies only their relation. */
  click_at (view, (west->cx + hub->cx) / 2, hub->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 104);

  click_at (view, 100, 550, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 0);

  /* A double click activates; so does Enter on the selection. */
  click_at (view, west->cx, west->cy, 1);
  click_at (view, west->cx, west->cy, 2);
  g_assert_cmpint (activated[0], ==, 5);
  g_assert_cmpint (activated[1], ==, 0);
  g_assert_cmpint (activated[2], ==, 1);
  ent_graph_view_select_relation (view, 103);
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_cmpint (activated[0], ==, 0);
  g_assert_cmpint (activated[1], ==, 103);
  g_assert_cmpint (activated[2], ==, 2);
  ent_graph_view_clear_selection (view);
  g_assert_false (press_key (view, GDK_KEY_Return, 0));
}

static void
test_keyboard_star (Fixture       *fixture,
                    gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  static const gint64 clockwise[] = { 2, 6, 3, 4, 5 };

  /* Without a scene, Tab and the arrows are left to GTK's focus chain. */
  g_assert_false (press_key (view, GDK_KEY_Tab, 0));
  g_assert_false (press_key (view, GDK_KEY_Down, 0));
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_TAB_FORWARD));

  ent_graph_view_set_scene (view, fixture->scene);

  /* From nothing, Tab takes the first node in reading order: the topmost. */
  assert_key_selects (view, GDK_KEY_Tab, 0, 2);

  /* Tab goes round the anchor's neighbours clockwise from 12 o'clock, and wraps. */
  ent_graph_view_select_entity (view, 1);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (clockwise); i++)
      assert_key_selects (view, GDK_KEY_Tab, 0, clockwise[i]);

  /* Shift+Tab goes back; from the anchor itself it starts with the last. */
  ent_graph_view_select_entity (view, 1);
  for (guint i = G_N_ELEMENTS (clockwise); i > 0; i--)
    assert_key_selects (view, GDK_KEY_Tab, GDK_SHIFT_MASK, clockwise[i - 1]);
  assert_move_selects (view, GTK_DIR_TAB_BACKWARD, clockwise[G_N_ELEMENTS (clockwise) - 1]);
  assert_move_selects (view, GTK_DIR_TAB_FORWARD, clockwise[0]);

  /* An arrow re-anchors: Tab now goes round East, whose only neighbour is the hub. */
  ent_graph_view_select_entity (view, 1);
  assert_key_selects (view, GDK_KEY_Right, 0, 3);
  assert_key_selects (view, GDK_KEY_Tab, 0, 1);
  assert_key_selects (view, GDK_KEY_Tab, 0, 1);

  /* Arrows take the nearest neighbour within 60°: Northeast is 45° off both up and right, but farther. */
  ent_graph_view_select_entity (view, 1);
  assert_move_selects (view, GTK_DIR_UP, 2);
  assert_move_selects (view, GTK_DIR_DOWN, 1);
  assert_move_selects (view, GTK_DIR_LEFT, 5);
  /* From West the hub is right; nothing is up, and the key stays with the view. */
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_UP));
  assert_key_selects (view, GDK_KEY_Up, 0, 5);

  /* With only the hub and Northeast shown, Northeast is both up and right of the hub. */
  ent_graph_view_set_focus (view, 6, 1);
  ent_graph_view_select_entity (view, 1);
  assert_move_selects (view, GTK_DIR_RIGHT, 6);
  ent_graph_view_select_entity (view, 1);
  assert_move_selects (view, GTK_DIR_UP, 6);
  ent_graph_view_select_entity (view, 1);
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_LEFT));
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_DOWN));
  ent_graph_view_set_focus (view, 0, 0);

  /* Escape clears, and then lets the key go. */
  assert_key_selects (view, GDK_KEY_Escape, 0, 0);
  g_assert_false (press_key (view, GDK_KEY_Escape, 0));

  /* A selected relation starts from its source. */
  ent_graph_view_select_relation (view, 102);
  assert_key_selects (view, GDK_KEY_Tab, 0, 3);
}

static void
test_keyboard_grid (Fixture       *fixture,
                    gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  const EntSceneItem *corner;
  double x, y;

  ent_graph_view_set_scene (view, fixture->scene);

  assert_move_selects (view, GTK_DIR_TAB_FORWARD, 1);
  /* Nothing is up or left of the corner. */
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_UP));
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_LEFT));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);

  assert_key_selects (view, GDK_KEY_Right, 0, 2);
  assert_key_selects (view, GDK_KEY_Down, 0, 5);
  assert_key_selects (view, GDK_KEY_Right, 0, 6);
  assert_key_selects (view, GDK_KEY_Down, 0, 9);
  assert_key_selects (view, GDK_KEY_Left, 0, 8);
  assert_key_selects (view, GDK_KEY_Up, 0, 5);

  /* Round the centre: up, right, down, left. */
  assert_key_selects (view, GDK_KEY_Tab, 0, 2);
  assert_key_selects (view, GDK_KEY_Tab, 0, 6);
  assert_key_selects (view, GDK_KEY_Tab, 0, 8);
  assert_key_selects (view, GDK_KEY_Tab, 0, 4);
  assert_key_selects (view, GDK_KEY_Tab, 0, 2);

  /* A node out of sight is brought into view. */
  ent_graph_view_set_zoom (view, 4.0, 0, 0);
  ent_graph_view_center_on (view, 100, 100);
  ent_graph_view_select_entity (view, 1);
  g_assert_true (press_key (view, GDK_KEY_Down, 0));
  corner = ent_scene_find_node (fixture->scene, 4);
  ent_graph_view_graph_to_widget (view, corner->cx, corner->cy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, 1e-9);
}

static void
test_kind_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  guint notified = 0;
  const EntSceneItem *b = ent_scene_find_node (fixture->scene, 2);
  const EntSceneItem *c = ent_scene_find_node (fixture->scene, 3);

  ent_graph_view_set_scene (view, fixture->scene);
  g_signal_connect (view, "notify::selected-entity", G_CALLBACK (count_cb), &notified);

  ent_graph_view_select_entity (view, 2);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (ent_graph_view_get_kind_visible (view, "country"));
  ent_graph_view_set_kind_visible (view, "country", FALSE);
  g_assert_false (ent_graph_view_get_kind_visible (view, "country"));
  g_assert_true (ent_graph_view_get_kind_visible (view, "person"));

  /* The selection went with its kind. */
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  g_assert_cmpuint (notified, ==, 2);

  g_assert_true (ent_graph_view_is_entity_shown (view, 1));
  g_assert_false (ent_graph_view_is_entity_shown (view, 2));
  g_assert_true (ent_graph_view_is_entity_shown (view, 3));
  g_assert_false (ent_graph_view_is_entity_shown (view, 4));
  g_assert_false (ent_graph_view_is_entity_shown (view, 42));

  /* A hidden node cannot be clicked, nor can its edges, nor selected. */
  click_at (view, b->cx, b->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  click_at (view, (b->cx + c->cx) / 2, c->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 0);
  ent_graph_view_select_entity (view, 2);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  ent_graph_view_select_relation (view, 12);
  g_assert_cmpint (ent_graph_view_get_selected_relation (view), ==, 0);

  /* Shown nodes still are; without relations left, keys walk nowhere. */
  click_at (view, c->cx, c->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 3);
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_RIGHT));
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_TAB_FORWARD));

  ent_graph_view_set_kind_visible (view, "country", TRUE);
  g_assert_true (ent_graph_view_is_entity_shown (view, 2));
  click_at (view, b->cx, b->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);
}

static void
assert_shown (EntGraphView *view,
              const char   *expected)
{
  char shown[6] = { 0 };

  for (gint64 id = 1; id <= 5; id++)
    shown[id - 1] = ent_graph_view_is_entity_shown (view, id) ? 'a' + id - 1 : '-';

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  const EntSceneItem *a = ent_scene_find_node (fixture->scene, 1);
  guint notified = 0;

  ent_graph_view_set_scene (view, fixture->scene);
  g_signal_connect (view, "notify::focus-entity", G_CALLBACK (count_cb), &notified);
  assert_shown (view, "abcde");

  ent_graph_view_set_focus (view, 3, 0);
  g_assert_cmpint (ent_graph_view_get_focus (view), ==, 3);
  g_assert_cmpuint (notified, ==, 1);
  assert_shown (view, "--c--");
  ent_graph_view_set_focus (view, 3, 1);
  g_assert_cmpuint (notified, ==, 1);
  assert_shown (view, "-bcd-");
  ent_graph_view_set_focus (view, 3, 2);
  assert_shown (view, "abcde");
  ent_graph_view_set_focus (view, 1, 2);
  g_assert_cmpuint (notified, ==, 2);
  assert_shown (view, "abc--");

  /* Hidden nodes are not hit: a click on one finds nothing. */
  ent_graph_view_set_focus (view, 5, 1);
  assert_shown (view, "---de");
  click_at (view, a->cx, a->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);

  /* The focus does not reach through a hidden kind. */
  ent_graph_view_set_kind_visible (view, "country", FALSE);
  ent_graph_view_set_focus (view, 3, 4);
  assert_shown (view, "--c--");
  ent_graph_view_set_kind_visible (view, "country", TRUE);
  assert_shown (view, "abcde");

  ent_graph_view_set_focus (view, 0, 0);
  g_assert_cmpint (ent_graph_view_get_focus (view), ==, 0);
  assert_shown (view, "abcde");

  /* An entity without a node cannot be focused on. */
  ent_graph_view_set_focus (view, 99, 1);
  g_assert_cmpint (ent_graph_view_get_focus (view), ==, 0);
  assert_shown (view, "abcde");

  /* Fitting fits what is shown: the two ends of the path alone, closer than the whole of it. */
  {
    double whole, part, x, y;
    const EntSceneItem *e = ent_scene_find_node (fixture->scene, 5);

    ent_graph_view_zoom_fit (view);
    whole = ent_graph_view_get_zoom (view);
    ent_graph_view_set_focus (view, 5, 1);
    ent_graph_view_zoom_fit (view);
    part = ent_graph_view_get_zoom (view);
    g_assert_cmpfloat (part, >, whole);
    ent_graph_view_graph_to_widget (view, e->cx, e->cy, &x, &y);
    g_assert_cmpfloat (x, >, 0);
    g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (view)));
    g_assert_cmpfloat (y, >, 0);
    g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (view)));
    ent_graph_view_set_focus (view, 0, 0);
  }
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  EntGraphView *view = fixture->view;

  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Network diagram");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No network is open");

  ent_graph_view_set_scene (view, fixture->scene);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 5 entities and 4 relations");

  ent_graph_view_select_entity (view, 3);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "c");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Person · 2 relations");
  ent_graph_view_select_entity (view, 1);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Person · 1 relation");

  ent_graph_view_select_relation (view, 13);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "c → d");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       ent_scene_get_title (fixture->scene, 2));

  ent_graph_view_clear_selection (view);
  ent_graph_view_set_kind_visible (view, "country", FALSE);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Network diagram");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 3 entities and 0 relations");
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  GtkEventController *drag = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
  GtkEventController *click = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
  const EntSceneItem *east = ent_scene_find_node (fixture->scene, 3);
  double moved[4] = { 0 };
  double x, y, zoom, origin_x, origin_y;

  ent_graph_view_set_scene (view, fixture->scene);
  g_signal_connect (view, "node-moved", G_CALLBACK (node_moved_cb), moved);
  zoom = ent_graph_view_get_zoom (view);
  origin_x = east->x;
  origin_y = east->y;
  ent_graph_view_select_entity (view, 1);

  /* Dragging a node moves it along, and tells once, when let go. */
  ent_graph_view_graph_to_widget (view, east->cx, east->cy, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 30.0, 0.0);
  g_signal_emit_by_name (drag, "drag-update", 60.0, -45.0);
  g_assert_cmpfloat_with_epsilon (east->x, origin_x + 60 / zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (east->y, origin_y - 45 / zoom, 1e-9);
  g_assert_cmpfloat (moved[3], ==, 0);
  g_signal_emit_by_name (drag, "drag-end", 60.0, -45.0);
  g_signal_emit_by_name (click, "released", 1, x + 60, y - 45);
  g_assert_cmpfloat (moved[3], ==, 1);
  g_assert_cmpfloat (moved[0], ==, 3);
  g_assert_cmpfloat_with_epsilon (moved[1], origin_x + 60 / zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (moved[2], origin_y - 45 / zoom, 1e-9);
  /* That was a drag, not a click: the selection stays. */
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);

  /* Dragging empty space pans: graph points follow the pointer. */
  ent_graph_view_graph_to_widget (view, 0, 0, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, 5.0, 5.0);
  g_signal_emit_by_name (drag, "drag-begin", 5.0, 5.0);
  g_signal_emit_by_name (drag, "drag-update", -20.0, 35.0);
  g_signal_emit_by_name (drag, "drag-end", -20.0, 35.0);
  g_signal_emit_by_name (click, "released", 1, -15.0, 40.0);
  assert_graph_point_at (view, 0, 0, x - 20, y + 35);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, zoom);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);
  g_assert_cmpfloat (moved[3], ==, 1);

  /* A jiggle within the threshold is still a click. */
  g_signal_emit_by_name (click, "pressed", 1, 5.0, 5.0);
  g_signal_emit_by_name (drag, "drag-begin", 5.0, 5.0);
  g_signal_emit_by_name (drag, "drag-update", 1.0, 1.0);
  g_signal_emit_by_name (drag, "drag-end", 1.0, 1.0);
  g_signal_emit_by_name (click, "released", 1, 6.0, 6.0);
  assert_graph_point_at (view, 0, 0, x - 20, y + 35);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
}

static void
test_zoom_controls (Fixture       *fixture,
                    gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  GtkEventController *scroll = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  gboolean handled = FALSE;
  double gx, gy, x, y, fit_zoom;

  /* Nothing to zoom: the keys go elsewhere, and the window's buttons grey out. */
  g_assert_false (press_key (view, GDK_KEY_plus, 0));
  g_assert_false (press_key (view, GDK_KEY_0, GDK_CONTROL_MASK));

  ent_graph_view_set_scene (view, fixture->scene);
  fit_zoom = ent_graph_view_get_zoom (view);
  ent_graph_view_set_zoom (view, 1.0, 0, 0);
  ent_graph_view_widget_to_graph (view, width / 2.0, height / 2.0, &gx, &gy);

  g_assert_true (press_key (view, GDK_KEY_plus, 0));
  g_assert_cmpfloat_with_epsilon (ent_graph_view_get_zoom (view), 1.25, 1e-12);
  g_assert_true (press_key (view, GDK_KEY_equal, 0));
  g_assert_true (press_key (view, GDK_KEY_KP_Add, 0));
  g_assert_cmpfloat_with_epsilon (ent_graph_view_get_zoom (view), 1.25 * 1.25 * 1.25, 1e-12);
  g_assert_true (press_key (view, GDK_KEY_minus, 0));
  g_assert_true (press_key (view, GDK_KEY_KP_Subtract, 0));
  g_assert_cmpfloat_with_epsilon (ent_graph_view_get_zoom (view), 1.25, 1e-12);
  /* Around the middle of the view. */
  assert_graph_point_at (view, gx, gy, width / 2.0, height / 2.0);

  g_assert_true (press_key (view, GDK_KEY_1, 0));
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, 1.0);
  g_assert_true (press_key (view, GDK_KEY_0, GDK_CONTROL_MASK));
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, fit_zoom);

  /* The window's buttons use the same actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (ent_graph_view_get_zoom (view), fit_zoom / 1.25, 1e-12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-actual", NULL));
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, 1.0);
  ent_graph_view_set_zoom (view, 8.0, 0, 0);
  g_assert_false (press_key (view, GDK_KEY_plus, 0));
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, 8.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-fit", NULL));
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, fit_zoom);

  /* A wheel notch pans without a modifier. */
  ent_graph_view_graph_to_widget (view, 0, 0, &x, &y);
  g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  assert_graph_point_at (view, 0, 0, x, y - 48);
  g_signal_emit_by_name (scroll, "scroll", -1.0, 0.0, &handled);
  assert_graph_point_at (view, 0, 0, x + 48, y - 48);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ent/graph-view/coordinates", Fixture, "grid", fixture_setup, test_coordinates, fixture_teardown);
  g_test_add ("/ent/graph-view/scene-replacement", Fixture, NULL, fixture_setup, test_scene_replacement, fixture_teardown);
  g_test_add ("/ent/graph-view/hit-testing", Fixture, "star", fixture_setup, test_hit_testing, fixture_teardown);
  g_test_add ("/ent/graph-view/pick-under-edges", Fixture, NULL, fixture_setup, test_pick_under_edges, fixture_teardown);
  g_test_add ("/ent/graph-view/keyboard-star", Fixture, "star", fixture_setup, test_keyboard_star, fixture_teardown);
  g_test_add ("/ent/graph-view/keyboard-grid", Fixture, "grid", fixture_setup, test_keyboard_grid, fixture_teardown);
  g_test_add ("/ent/graph-view/kind-filter", Fixture, "path", fixture_setup, test_kind_filter, fixture_teardown);
  g_test_add ("/ent/graph-view/focus", Fixture, "path", fixture_setup, test_focus, fixture_teardown);
  g_test_add ("/ent/graph-view/accessible", Fixture, "path", fixture_setup, test_accessible, fixture_teardown);
  g_test_add ("/ent/graph-view/drag", Fixture, "star", fixture_setup, test_drag, fixture_teardown);
  g_test_add ("/ent/graph-view/zoom-controls", Fixture, "grid", fixture_setup, test_zoom_controls, fixture_teardown);

  return g_test_run ();
}
