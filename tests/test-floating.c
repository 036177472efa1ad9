/* test-floating.c: the graph view keeps the network clear of the controls floating over it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view sits in an overlay, as in the window, under two stand-ins for
 * the window's controls: a wide "legend" at the bottom left and "zoom
 * buttons" at the top right.
 */

#include "config.h"

#include "ent-graph-view.h"
#include "ent-test-scenes.h"
#include "ent-test-widgets.h"

#define WIDTH  800
#define HEIGHT 600

typedef struct
{
  GtkWidget    *window;
  EntGraphView *view;
  GtkWidget    *legend;
  GtkWidget    *zoom;
} Fixture;

static GtkWidget *
add_control (GtkOverlay *overlay,
             GtkAlign    halign,
             GtkAlign    valign,
             int         width,
             int         height)
{
  GtkWidget *control = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (control, width, height);
  gtk_widget_set_halign (control, halign);
  gtk_widget_set_valign (control, valign);
  gtk_widget_set_margin_start (control, 12);
  gtk_widget_set_margin_end (control, 12);
  gtk_widget_set_margin_top (control, 12);
  gtk_widget_set_margin_bottom (control, 12);
  gtk_overlay_add_overlay (overlay, control);

  return control;
}

/* The legend's height is the test's data: a strip as in the window, or one tall enough to cover the middle. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *overlay = gtk_overlay_new ();

  fixture->view = ENT_GRAPH_VIEW (ent_graph_view_new ());
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  fixture->legend = add_control (GTK_OVERLAY (overlay), GTK_ALIGN_START, GTK_ALIGN_END, 520, GPOINTER_TO_INT (data));
  fixture->zoom = add_control (GTK_OVERLAY (overlay), GTK_ALIGN_END, GTK_ALIGN_START, 210, 46);
  ent_graph_view_add_floating_control (fixture->view, fixture->legend);
  ent_graph_view_add_floating_control (fixture->view, fixture->zoom);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
}

static void
present (Fixture *fixture)
{
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_frames (fixture->window, 3);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), ==, WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->view)), ==, HEIGHT);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* A network of @columns × @rows nodes, ids row by row from 1, 150 points apart, each joined to the next and the one below. */
static EntScene *
make_lattice (int columns,
              int rows)
{
  g_autofree NodeSpec *nodes = g_new0 (NodeSpec, columns * rows);
  g_autofree EdgeSpec *edges = g_new0 (EdgeSpec, 2 * columns * rows);
  guint n_edges = 0;

  for (int i = 0; i < columns * rows; i++)
    {
      nodes[i] = (NodeSpec) { i + 1, ENT_KIND_COUNTRY, "Node", 150 * (i % columns), 150 * (i / columns) };
      if (i % columns < columns - 1)
        edges[n_edges++] = (EdgeSpec) { 1000 + n_edges, i + 1, i + 2 };
      if (i / columns < rows - 1)
        edges[n_edges++] = (EdgeSpec) { 1000 + n_edges, i + 1, i + 1 + columns };
    }

  return ent_test_make_scene (nodes, columns * rows, edges, n_edges);
}

/* Where @item paints, in the view's coordinates. */
static void
item_rect (EntGraphView       *view,
           const EntSceneItem *item,
           graphene_rect_t    *rect)
{
  double x1, y1, x2, y2;

  ent_graph_view_graph_to_widget (view, item->bounds.x1, item->bounds.y1, &x1, &y1);
  ent_graph_view_graph_to_widget (view, item->bounds.x2, item->bounds.y2, &x2, &y2);
  graphene_rect_init (rect, x1, y1, x2 - x1, y2 - y1);
}

static void
assert_clear (Fixture *fixture,
              gint64   entity_id)
{
  GtkWidget *controls[] = { fixture->legend, fixture->zoom };

  assert_node_clear (fixture->view, entity_id, controls, G_N_ELEMENTS (controls));
}

static void
assert_all_clear (Fixture *fixture)
{
  GtkWidget *controls[] = { fixture->legend, fixture->zoom };

  assert_nodes_clear (fixture->view, controls, G_N_ELEMENTS (controls));
}

/* The zoom that fits @scene into the whole view, as if nothing floated over it. */
static double
whole_view_zoom (EntScene *scene)
{
  EntRect bounds;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  return MIN (1.5, MIN ((WIDTH - 48) / (bounds.x2 - bounds.x1), (HEIGHT - 48) / (bounds.y2 - bounds.y1)));
}

/* Wide, tall and square networks fit beside the controls, shown nearly as large as without them. */
static void
test_fit (Fixture       *fixture,
          gconstpointer  data)
{
  static const int shapes[][2] = { { 12, 3 }, { 3, 12 }, { 3, 3 }, { 8, 6 } };

  present (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(EntScene) scene = make_lattice (shapes[i][0], shapes[i][1]);

      /* Opened: the first scene is fitted. */
      ent_graph_view_set_scene (fixture->view, NULL);
      ent_graph_view_set_scene (fixture->view, scene);
      wait_for_frames (fixture->window, 2);
      assert_all_clear (fixture);
      g_assert_cmpfloat (ent_graph_view_get_zoom (fixture->view), >=, 0.7 * whole_view_zoom (scene));

      /* Ctrl+0 after zooming in. */
      ent_graph_view_set_zoom (fixture->view, 3.0, 100, 500);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "view.zoom-fit", NULL));
      assert_all_clear (fixture);
    }
}

/*
 * A scene the view has before it has a size is fitted in the view's first
 * allocation, before the overlay places its controls: room is made for
 * them once they have their places, before anything is drawn.
 */
static void
test_fit_pending (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(EntScene) scene = make_lattice (8, 6);

  ent_graph_view_set_scene (fixture->view, scene);
  present (fixture);
  assert_all_clear (fixture);
}

/* A hidden control takes no room; a fitted view makes room for one shown, a moved view waits for the next fit. */
static void
test_control_shown (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntScene) scene = make_lattice (8, 6);
  double with_legend, without;

  present (fixture);
  ent_graph_view_set_scene (fixture->view, scene);
  wait_for_frames (fixture->window, 2);
  with_legend = ent_graph_view_get_zoom (fixture->view);

  gtk_widget_set_visible (fixture->legend, FALSE);
  wait_for_frames (fixture->window, 2);
  without = ent_graph_view_get_zoom (fixture->view);
  g_assert_cmpfloat (without, >, with_legend);
  assert_all_clear (fixture);

  gtk_widget_set_visible (fixture->legend, TRUE);
  wait_for_frames (fixture->window, 2);
  g_assert_cmpfloat (ent_graph_view_get_zoom (fixture->view), ==, with_legend);
  assert_all_clear (fixture);

  gtk_widget_set_visible (fixture->legend, FALSE);
  wait_for_frames (fixture->window, 2);
  ent_graph_view_set_zoom (fixture->view, without, 0, 0);
  gtk_widget_set_visible (fixture->legend, TRUE);
  wait_for_frames (fixture->window, 2);
  g_assert_cmpfloat (ent_graph_view_get_zoom (fixture->view), ==, without);
  ent_graph_view_zoom_fit (fixture->view);
  g_assert_cmpfloat (ent_graph_view_get_zoom (fixture->view), ==, with_legend);
}

/* Resizes the window and waits until the view has the new size. */
static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  while ((gtk_widget_get_width (GTK_WIDGET (fixture->view)) != width ||
          gtk_widget_get_height (GTK_WIDGET (fixture->view)) != height) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture->view)), ==, height);
  wait_for_frames (fixture->window, 2);
}

/* Resized, a fitted view fits again, the way a window settles as it opens; a moved one keeps its middle. */
static void
test_resize (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(EntScene) scene = make_lattice (8, 6);
  double zoom, gx, gy, x, y;

  present (fixture);
  ent_graph_view_set_scene (fixture->view, scene);
  zoom = ent_graph_view_get_zoom (fixture->view);

  resize (fixture, 640, 520);
  g_assert_cmpfloat (ent_graph_view_get_zoom (fixture->view), <, zoom);
  assert_all_clear (fixture);

  ent_graph_view_set_zoom (fixture->view, 0.5, 0, 0);
  ent_graph_view_widget_to_graph (fixture->view, 320, 260, &gx, &gy);
  resize (fixture, WIDTH, HEIGHT);
  g_assert_cmpfloat (ent_graph_view_get_zoom (fixture->view), ==, 0.5);
  ent_graph_view_graph_to_widget (fixture->view, gx, gy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, WIDTH / 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, HEIGHT / 2.0, 1e-6);
}

/* Centred on, a node is in the middle of what the controls leave clear, here above a legend over the view's middle. */
static void
test_center_on (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(EntScene) scene = make_lattice (8, 6);

  present (fixture);
  ent_graph_view_set_scene (fixture->view, scene);
  ent_graph_view_set_zoom (fixture->view, 1.0, 0, 0);

  for (gint64 id = 1; id <= 8 * 6; id++)
    {
      const EntSceneItem *node = ent_scene_find_node (scene, id);
      double x, y;

      ent_graph_view_center_on (fixture->view, node->cx, node->cy);
      assert_clear (fixture, id);
      /* Above the legend, below the zoom buttons' strip. */
      ent_graph_view_graph_to_widget (fixture->view, node->cx, node->cy, &x, &y);
      g_assert_cmpfloat_with_epsilon (x, WIDTH / 2.0, 1e-6);
      g_assert_cmpfloat_with_epsilon (y, (12 + 46 + HEIGHT - 12 - 300) / 2.0, 1e-6);
    }
}

/* The arrow keys bring a node they select out from under a control, though it is in the view. */
static void
test_keyboard_reveals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EntScene) scene = make_lattice (8, 6);
  const EntSceneItem *below = ent_scene_find_node (scene, 3 * 8 + 2);
  graphene_rect_t rect, legend;
  double x, y;

  present (fixture);
  ent_graph_view_set_scene (fixture->view, scene);
  ent_graph_view_set_zoom (fixture->view, 1.0, 0, 0);
  ent_graph_view_select_entity (fixture->view, below->id - 8);

  /* Centring on a point that far from the node puts the node under the legend, inside the view. */
  ent_graph_view_center_on (fixture->view, below->cx, below->cy);
  ent_graph_view_graph_to_widget (fixture->view, below->cx, below->cy, &x, &y);
  ent_graph_view_center_on (fixture->view, below->cx + x - 200, below->cy + y - (HEIGHT - 12 - 30));
  g_assert_true (gtk_widget_compute_bounds (fixture->legend, GTK_WIDGET (fixture->view), &legend));
  item_rect (fixture->view, below, &rect);
  g_assert_true (graphene_rect_intersection (&rect, &legend, NULL));
  g_assert_cmpfloat (rect.origin.y + rect.size.height, <=, HEIGHT);

  g_assert_true (ent_graph_view_move_selection (fixture->view, GTK_DIR_DOWN));
  g_assert_cmpint (ent_graph_view_get_selected_entity (fixture->view), ==, below->id);
  assert_clear (fixture, below->id);
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/ent/floating/fit", Fixture, GINT_TO_POINTER (60), fixture_setup, test_fit, fixture_teardown);
  g_test_add ("/ent/floating/fit-pending", Fixture, GINT_TO_POINTER (60), fixture_setup, test_fit_pending, fixture_teardown);
  g_test_add ("/ent/floating/control-shown", Fixture, GINT_TO_POINTER (60), fixture_setup, test_control_shown, fixture_teardown);
  g_test_add ("/ent/floating/resize", Fixture, GINT_TO_POINTER (60), fixture_setup, test_resize, fixture_teardown);
  g_test_add ("/ent/floating/center-on", Fixture, GINT_TO_POINTER (300), fixture_setup, test_center_on, fixture_teardown);
  g_test_add ("/ent/floating/keyboard-reveals", Fixture, GINT_TO_POINTER (60), fixture_setup, test_keyboard_reveals, fixture_teardown);

  return g_test_run ();
}
