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

typedef struct
{
  gint64      id;
  EntKind     kind;
  const char *name;
  double      x;
  double      y;
} NodeSpec;

typedef struct
{
  gint64 id;
  gint64 from;
  gint64 to;
} EdgeSpec;

typedef struct
{
  GtkWidget    *window;
  EntGraphView *view;
} Fixture;

static EntScene *
make_scene (const NodeSpec *nodes,
            guint           n_nodes,
            const EdgeSpec *edges,
            guint           n_edges)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));

  for (guint i = 0; i < n_nodes; i++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);
      EntPosition position = { nodes[i].id, nodes[i].x, nodes[i].y, FALSE };

      entity->id = nodes[i].id;
      entity->kind = nodes[i].kind;
      entity->name = g_strdup (nodes[i].name);
      ent_graph_take_entity (graph, entity);
      g_array_append_val (positions, position);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      EntRelation *relation = g_new0 (EntRelation, 1);

      relation->id = edges[i].id;
      relation->kind = g_strdup ("knows");
      relation->from_id = edges[i].from;
      relation->to_id = edges[i].to;
      relation->directed = TRUE;
      ent_graph_take_relation (graph, relation);
    }

  return ent_scene_new (graph, positions);
}

/* A hub (1) with leaves at 12 o'clock (2), 3 (3), 6 (4) and 9 (5), and a farther one half past 1 (6). */
static const NodeSpec star_nodes[] = {
  { 1, ENT_KIND_PERSON, "Hub", 400, 300 },
  { 2, ENT_KIND_PERSON, "North", 400, 150 },
  { 3, ENT_KIND_PERSON, "East", 550, 300 },
  { 4, ENT_KIND_PERSON, "South", 400, 450 },
  { 5, ENT_KIND_PERSON, "West", 250, 300 },
  { 6, ENT_KIND_PERSON, "Northeast", 400 + 200 * G_SQRT2 / 2, 300 - 200 * G_SQRT2 / 2 },
};
static const EdgeSpec star_edges[] = {
  { 101, 1, 2 }, { 102, 3, 1 }, { 103, 1, 4 }, { 104, 5, 1 }, { 105, 1, 6 },
};

static EntScene *
make_star (void)
{
  return make_scene (star_nodes, G_N_ELEMENTS (star_nodes), star_edges, G_N_ELEMENTS (star_edges));
}

/* Three by three, ids 1 to 9 row by row, 150 points apart, joined to the right and downwards. */
static EntScene *
make_grid (void)
{
  NodeSpec nodes[9];
  EdgeSpec edges[12];
  guint n_edges = 0;

  for (int i = 0; i < 9; i++)
    {
      nodes[i] = (NodeSpec) { i + 1, ENT_KIND_PERSON, "Node", 100 + 150 * (i % 3), 100 + 150 * (i / 3) };
      if (i % 3 < 2)
        edges[n_edges++] = (EdgeSpec) { 200 + n_edges, i + 1, i + 2 };
      if (i / 3 < 2)
        edges[n_edges++] = (EdgeSpec) { 200 + n_edges, i + 1, i + 4 };
    }

  return make_scene (nodes, 9, edges, n_edges);
}

/* a – b – c – d – e, a person, a country, a person, a country and a person. */
static EntScene *
make_path (void)
{
  static const NodeSpec nodes[] = {
    { 1, ENT_KIND_PERSON, "a", 100, 300 },
    { 2, ENT_KIND_COUNTRY, "b", 250, 300 },
    { 3, ENT_KIND_PERSON, "c", 400, 300 },
    { 4, ENT_KIND_COUNTRY, "d", 550, 300 },
    { 5, ENT_KIND_PERSON, "e", 700, 300 },
  };
  static const EdgeSpec edges[] = { { 11, 1, 2 }, { 12, 2, 3 }, { 13, 3, 4 }, { 14, 4, 5 } };

  return make_scene (nodes, G_N_ELEMENTS (nodes), edges, G_N_ELEMENTS (edges));
}

static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
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
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  drain ();
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      /* The widget keeps its controllers alive. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  g_assert_not_reached ();
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

/* A click as GtkGestureClick reports one, at a graph point. */
static void
click_at (EntGraphView *view,
          double        gx,
          double        gy,
          int           n_press)
{
  GtkEventController *click = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
  GtkEventController *drag = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
  double x, y;

  ent_graph_view_graph_to_widget (view, gx, gy, &x, &y);
  g_signal_emit_by_name (click, "pressed", n_press, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  g_signal_emit_by_name (click, "released", n_press, x, y);
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
  g_autoptr(EntScene) scene = make_grid ();
  static const double zooms[] = { 0.02, 0.3, 1.0, 2.5, 8.0 };
  static const double centres[][2] = { { 0, 0 }, { 250, 175 }, { -1234.5, 9876.25 } };
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  EntRect bounds;
  double x1, y1, x2, y2, gx, gy;

  ent_graph_view_set_scene (view, scene);

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

  /* Fitting shows the whole scene and its legend, never beyond 150 %. */
  ent_graph_view_zoom_fit (view);
  ent_scene_get_bounds (scene, TRUE, &bounds);
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

  drain ();
}

static void
test_scene_replacement (Fixture       *fixture,
                        gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) grid = make_grid ();
  g_autoptr(EntScene) relayout = make_grid ();
  g_autoptr(EntScene) star = make_star ();
  g_autoptr(EntScene) unshown = make_star ();
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

  drain ();
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
test_hit_testing (Fixture       *fixture,
                  gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_star ();
  const EntSceneItem *hub = ent_scene_find_node (scene, 1);
  const EntSceneItem *west = ent_scene_find_node (scene, 5);
  gint64 activated[3] = { 0 };
  double gx, gy, wx, wy;
  int index;

  ent_graph_view_set_scene (view, scene);
  g_signal_connect (view, "item-activated", G_CALLBACK (activated_cb), activated);

  /* The widget point over a node converts back onto that node. */
  ent_graph_view_graph_to_widget (view, hub->cx, hub->cy, &wx, &wy);
  ent_graph_view_widget_to_graph (view, wx, wy, &gx, &gy);
  index = ent_scene_hit_test (scene, gx, gy);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpint (ent_scene_get_item (scene, index)->id, ==, 1);

  /* Clicking selects what is under the pointer. */
  click_at (view, hub->cx, hub->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));

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

  drain ();
}

static void
test_keyboard_star (Fixture       *fixture,
                    gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_star ();
  static const gint64 clockwise[] = { 2, 6, 3, 4, 5 };

  /* Without a scene, Tab and the arrows are left to GTK's focus chain. */
  g_assert_false (press_key (view, GDK_KEY_Tab, 0));
  g_assert_false (press_key (view, GDK_KEY_Down, 0));
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_TAB_FORWARD));

  ent_graph_view_set_scene (view, scene);

  /* From nothing, Tab takes the first node in reading order: the topmost. */
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);

  /* Tab goes round the anchor's neighbours clockwise from 12 o'clock, and wraps. */
  ent_graph_view_select_entity (view, 1);
  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (clockwise); i++)
      {
        g_assert_true (press_key (view, GDK_KEY_Tab, 0));
        g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, clockwise[i]);
      }

  /* Shift+Tab goes back; from the anchor itself it starts with the last. */
  ent_graph_view_select_entity (view, 1);
  for (guint i = G_N_ELEMENTS (clockwise); i > 0; i--)
    {
      g_assert_true (press_key (view, GDK_KEY_Tab, GDK_SHIFT_MASK));
      g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, clockwise[i - 1]);
    }
  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_TAB_BACKWARD));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, clockwise[G_N_ELEMENTS (clockwise) - 1]);
  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, clockwise[0]);

  /* An arrow re-anchors: Tab now goes round East, whose only neighbour is the hub. */
  ent_graph_view_select_entity (view, 1);
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 3);
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);

  /* Arrows take the nearest neighbour within 60°: Northeast is 45° off both up and right, but farther. */
  ent_graph_view_select_entity (view, 1);
  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_UP));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);
  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_DOWN));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);
  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_LEFT));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 5);
  /* From West the hub is right; nothing is up, and the key stays with the view. */
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_UP));
  g_assert_true (press_key (view, GDK_KEY_Up, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 5);

  /* With only the hub and Northeast shown, Northeast is both up and right of the hub. */
  ent_graph_view_set_focus (view, 6, 1);
  ent_graph_view_select_entity (view, 1);
  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_RIGHT));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 6);
  ent_graph_view_select_entity (view, 1);
  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_UP));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 6);
  ent_graph_view_select_entity (view, 1);
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_LEFT));
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_DOWN));
  ent_graph_view_set_focus (view, 0, 0);

  /* Escape clears, and then lets the key go. */
  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 0);
  g_assert_false (press_key (view, GDK_KEY_Escape, 0));

  /* A selected relation starts from its source. */
  ent_graph_view_select_relation (view, 102);
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 3);

  drain ();
}

static void
test_keyboard_grid (Fixture       *fixture,
                    gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_grid ();
  const EntSceneItem *corner;
  double x, y;

  ent_graph_view_set_scene (view, scene);

  g_assert_true (ent_graph_view_move_selection (view, GTK_DIR_TAB_FORWARD));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);
  /* Nothing is up or left of the corner. */
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_UP));
  g_assert_false (ent_graph_view_move_selection (view, GTK_DIR_LEFT));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 1);

  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);
  g_assert_true (press_key (view, GDK_KEY_Down, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 5);
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 6);
  g_assert_true (press_key (view, GDK_KEY_Down, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 9);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 8);
  g_assert_true (press_key (view, GDK_KEY_Up, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 5);

  /* Round the centre: up, right, down, left. */
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 6);
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 8);
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 4);
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);

  /* A node out of sight is brought into view. */
  ent_graph_view_set_zoom (view, 4.0, 0, 0);
  ent_graph_view_center_on (view, 100, 100);
  ent_graph_view_select_entity (view, 1);
  g_assert_true (press_key (view, GDK_KEY_Down, 0));
  corner = ent_scene_find_node (scene, 4);
  ent_graph_view_graph_to_widget (view, corner->cx, corner->cy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, 1e-9);

  drain ();
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_kind_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_path ();
  const EntSceneItem *b = ent_scene_find_node (scene, 2);
  const EntSceneItem *c = ent_scene_find_node (scene, 3);
  guint notified = 0;

  ent_graph_view_set_scene (view, scene);
  g_signal_connect (view, "notify::selected-entity", G_CALLBACK (count_cb), &notified);

  ent_graph_view_select_entity (view, 2);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (ent_graph_view_get_kind_visible (view, ENT_KIND_COUNTRY));
  ent_graph_view_set_kind_visible (view, ENT_KIND_COUNTRY, FALSE);
  g_assert_false (ent_graph_view_get_kind_visible (view, ENT_KIND_COUNTRY));
  g_assert_true (ent_graph_view_get_kind_visible (view, ENT_KIND_PERSON));

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

  ent_graph_view_set_kind_visible (view, ENT_KIND_COUNTRY, TRUE);
  g_assert_true (ent_graph_view_is_entity_shown (view, 2));
  click_at (view, b->cx, b->cy, 1);
  g_assert_cmpint (ent_graph_view_get_selected_entity (view), ==, 2);

  drain ();
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
  g_autoptr(EntScene) scene = make_path ();
  const EntSceneItem *a = ent_scene_find_node (scene, 1);
  guint notified = 0;

  ent_graph_view_set_scene (view, scene);
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
  ent_graph_view_set_kind_visible (view, ENT_KIND_COUNTRY, FALSE);
  ent_graph_view_set_focus (view, 3, 4);
  assert_shown (view, "--c--");
  ent_graph_view_set_kind_visible (view, ENT_KIND_COUNTRY, TRUE);
  assert_shown (view, "abcde");

  ent_graph_view_set_focus (view, 0, 0);
  g_assert_cmpint (ent_graph_view_get_focus (view), ==, 0);
  assert_shown (view, "abcde");

  /* An entity without a node cannot be focused on. */
  ent_graph_view_set_focus (view, 99, 1);
  g_assert_cmpint (ent_graph_view_get_focus (view), ==, 0);
  assert_shown (view, "abcde");

  drain ();
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_path ();

  gtk_test_accessible_assert_role (view, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Network diagram");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "No network is open");

  ent_graph_view_set_scene (view, scene);
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
                                       ent_scene_get_title (scene, 2));

  ent_graph_view_clear_selection (view);
  ent_graph_view_set_kind_visible (view, ENT_KIND_COUNTRY, FALSE);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Network diagram");
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 3 entities and 0 relations");

  drain ();
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
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_star ();
  GtkEventController *drag = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_DRAG);
  GtkEventController *click = find_controller (GTK_WIDGET (view), GTK_TYPE_GESTURE_CLICK);
  const EntSceneItem *east = ent_scene_find_node (scene, 3);
  double moved[4] = { 0 };
  double x, y, zoom, origin_x, origin_y;

  ent_graph_view_set_scene (view, scene);
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

  drain ();
}

static void
test_zoom_controls (Fixture       *fixture,
                    gconstpointer  data)
{
  EntGraphView *view = fixture->view;
  g_autoptr(EntScene) scene = make_grid ();
  GtkEventController *scroll = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  gboolean handled = FALSE;
  double gx, gy, x, y, fit_zoom;

  /* Nothing to zoom: the keys go elsewhere, and the window's buttons grey out. */
  g_assert_false (press_key (view, GDK_KEY_plus, 0));
  g_assert_false (press_key (view, GDK_KEY_0, GDK_CONTROL_MASK));

  ent_graph_view_set_scene (view, scene);
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

  drain ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/ent/graph-view/coordinates", Fixture, NULL, fixture_setup, test_coordinates, fixture_teardown);
  g_test_add ("/ent/graph-view/scene-replacement", Fixture, NULL, fixture_setup, test_scene_replacement, fixture_teardown);
  g_test_add ("/ent/graph-view/hit-testing", Fixture, NULL, fixture_setup, test_hit_testing, fixture_teardown);
  g_test_add ("/ent/graph-view/keyboard-star", Fixture, NULL, fixture_setup, test_keyboard_star, fixture_teardown);
  g_test_add ("/ent/graph-view/keyboard-grid", Fixture, NULL, fixture_setup, test_keyboard_grid, fixture_teardown);
  g_test_add ("/ent/graph-view/kind-filter", Fixture, NULL, fixture_setup, test_kind_filter, fixture_teardown);
  g_test_add ("/ent/graph-view/focus", Fixture, NULL, fixture_setup, test_focus, fixture_teardown);
  g_test_add ("/ent/graph-view/accessible", Fixture, NULL, fixture_setup, test_accessible, fixture_teardown);
  g_test_add ("/ent/graph-view/drag", Fixture, NULL, fixture_setup, test_drag, fixture_teardown);
  g_test_add ("/ent/graph-view/zoom-controls", Fixture, NULL, fixture_setup, test_zoom_controls, fixture_teardown);

  return g_test_run ();
}
