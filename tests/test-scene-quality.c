/* test-scene-quality.c: counting edges through nodes and overlapping labels
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-scene-quality.h"
#include "ent-test-scenes.h"

/* Three persons in a row at the same height, 200 points apart. */
static const NodeSpec row[] = {
  { 1, ENT_KIND_PERSON, "a", 100, 300 },
  { 2, ENT_KIND_PERSON, "b", 300, 300 },
  { 3, ENT_KIND_PERSON, "c", 500, 300 },
  { 4, ENT_KIND_PERSON, "d", 700, 300 },
};

static EntSceneQuality
measure (EntScene *scene,
         gboolean  with_edge_labels)
{
  EntSceneQuality quality;

  ent_scene_measure_quality (scene, with_edge_labels, &quality);
  return quality;
}

/* A route through @n_corners corners (x, y pairs), straight between them, as a cubic spline. */
static void
add_route (GArray       *routes,
           gint64        relation_id,
           const double *corners,
           guint         n_corners)
{
  EntRoute route = { relation_id, 1 + 3 * (n_corners - 1), NULL };

  route.points = g_new (double, 2 * route.n_points);
  for (guint i = 0; i < n_corners; i++)
    {
      route.points[6 * i] = corners[2 * i];
      route.points[6 * i + 1] = corners[2 * i + 1];
      if (i + 1 == n_corners)
        break;
      for (int k = 1; k <= 2; k++)
        {
          route.points[6 * i + 2 * k] = corners[2 * i] + k * (corners[2 * i + 2] - corners[2 * i]) / 3;
          route.points[6 * i + 2 * k + 1] = corners[2 * i + 1] + k * (corners[2 * i + 3] - corners[2 * i + 1]) / 3;
        }
    }
  g_array_append_val (routes, route);
}

static GArray *
new_routes (void)
{
  GArray *routes = g_array_new (FALSE, FALSE, sizeof (EntRoute));

  g_array_set_clear_func (routes, ent_route_clear);
  return routes;
}

/* The row a, b, c drawn with one relation from a to c along @corners. */
static EntScene *
make_routed_row (const double *corners,
                 guint         n_corners)
{
  static const EdgeSpec edges[] = { { 10, 1, 3 } };
  g_autoptr(GArray) routes = new_routes ();
  EntScene *scene;

  add_route (routes, 10, corners, n_corners);
  scene = ent_test_make_routed_scene (row, 3, edges, G_N_ELEMENTS (edges), routes);
  g_assert_true (ent_scene_has_routes (scene));

  return scene;
}

static void
test_straight_through_node (void)
{
  static const EdgeSpec edges[] = { { 10, 1, 3 }, { 11, 1, 2 }, { 12, 2, 3 } };
  g_autoptr(EntScene) scene = ent_test_make_scene (row, 3, edges, G_N_ELEMENTS (edges));
  EntSceneQuality quality = measure (scene, FALSE);

  g_assert_cmpuint (quality.n_nodes, ==, 3);
  g_assert_cmpuint (quality.n_edges, ==, 3);
  /* a – c runs through b's shape; a – b and b – c only meet their own ends. */
  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 1);
  g_assert_cmpuint (quality.n_edge_node_crossings, ==, 1);
  /* It goes from shape to shape, above b's label. */
  g_assert_cmpuint (quality.n_edges_through_labels, ==, 0);
  g_assert_cmpuint (quality.n_label_overlaps, ==, 0);
  g_assert_cmpuint (quality.n_node_overlaps, ==, 0);
}

static void
test_edge_counted_once (void)
{
  static const EdgeSpec edges[] = { { 10, 1, 4 } };
  g_autoptr(EntScene) scene = ent_test_make_scene (row, 4, edges, G_N_ELEMENTS (edges));
  EntSceneQuality quality = measure (scene, FALSE);

  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 1);
  g_assert_cmpuint (quality.n_edge_node_crossings, ==, 2);
}

static void
test_route_around (void)
{
  g_autoptr(EntScene) plain = ent_test_make_scene (row, 3, NULL, 0);
  const EntSceneItem *a = ent_scene_find_node (plain, 1), *b = ent_scene_find_node (plain, 2);
  const EntSceneItem *c = ent_scene_find_node (plain, 3);
  EntRect label;
  double over[] = { a->box.x2, a->cy, b->box.x1 - 10, b->box.y1 - 10, b->box.x2 + 10, b->box.y1 - 10, c->box.x1, c->cy };
  double through[] = { a->box.x2, 0, c->box.x1, 0 };
  g_autoptr(EntScene) around = make_routed_row (over, 4);
  g_autoptr(EntScene) across = NULL;
  EntSceneQuality quality = measure (around, FALSE);

  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 0);
  g_assert_cmpuint (quality.n_edge_node_crossings, ==, 0);
  g_assert_cmpuint (quality.n_edges_through_labels, ==, 0);

  /* Straight through the middle of b's label, at the height of a's and c's. */
  ent_scene_label_rect (b, &label);
  g_assert_false (ent_rect_is_empty (&label));
  through[1] = through[3] = (label.y1 + label.y2) / 2;
  across = make_routed_row (through, 2);
  quality = measure (across, FALSE);
  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 1);
  g_assert_cmpuint (quality.n_edge_node_crossings, ==, 1);
  g_assert_cmpuint (quality.n_edges_through_labels, ==, 1);
}

/* A route from a's box to c's along the top of b's box, @depth points below it. */
static guint
count_along_top (double depth)
{
  g_autoptr(EntScene) plain = ent_test_make_scene (row, 3, NULL, 0);
  const EntSceneItem *a = ent_scene_find_node (plain, 1), *c = ent_scene_find_node (plain, 3);
  double top = ent_scene_find_node (plain, 2)->box.y1 + depth;
  double corners[] = { a->box.x2, top, c->box.x1, top };
  g_autoptr(EntScene) scene = make_routed_row (corners, 2);

  return measure (scene, FALSE).n_edges_through_nodes;
}

static void
test_touching (void)
{
  /* Touching, or reaching in by less than the tolerance, is not passing through. */
  g_assert_cmpuint (count_along_top (0), ==, 0);
  g_assert_cmpuint (count_along_top (0.5), ==, 0);
  g_assert_cmpuint (count_along_top (3), ==, 1);
}

/* Two persons of short names side by side, their boxes reaching @depth points into each other. */
static EntSceneQuality
measure_side_by_side (double depth)
{
  g_autoptr(EntScene) plain = ent_test_make_scene (row, 1, NULL, 0);
  const EntSceneItem *a = ent_scene_find_node (plain, 1);
  NodeSpec nodes[] = { row[0], row[1] };
  g_autoptr(EntScene) scene = NULL;

  nodes[1].x = nodes[0].x + (a->box.x2 - a->box.x1) - depth;
  scene = ent_test_make_scene (nodes, G_N_ELEMENTS (nodes), NULL, 0);
  return measure (scene, FALSE);
}

static void
test_label_overlaps (void)
{
  /* Two long names, wrapped on lines as wide as they may be, 30 points apart, and a third far away. */
  NodeSpec close[] = { row[0], row[1], row[2] };
  g_autoptr(EntScene) scene = NULL;
  EntSceneQuality quality;

  close[0].name = "Ministry of External Affairs";
  close[1].name = "Ministry of Foreign Affairs";
  close[1].x = close[0].x + 30;
  close[1].y = close[0].y + 10;
  close[2].y = 900;
  scene = ent_test_make_scene (close, G_N_ELEMENTS (close), NULL, 0);
  quality = measure (scene, FALSE);

  g_assert_cmpuint (quality.n_label_overlaps, ==, 1);
  g_assert_cmpuint (quality.n_node_overlaps, ==, 1);

  /* Boxes that reach into each other by less than the tolerance do not overlap; by more, they do, while their
   * short labels, narrower than the shapes, stay apart. */
  quality = measure_side_by_side (0.5);
  g_assert_cmpuint (quality.n_node_overlaps, ==, 0);
  g_assert_cmpuint (quality.n_label_overlaps, ==, 0);
  quality = measure_side_by_side (5);
  g_assert_cmpuint (quality.n_node_overlaps, ==, 1);
  g_assert_cmpuint (quality.n_label_overlaps, ==, 0);
}

static void
test_edge_labels (void)
{
  /* A cross of a – c and b – d, whose labels both centre where they cross: b above the middle, d below it. */
  static const EdgeSpec edges[] = { { 10, 1, 3 }, { 11, 2, 4 } };
  NodeSpec nodes[] = { row[0], row[1], row[2], row[3] };
  g_autoptr(EntScene) scene = NULL;
  EntSceneQuality quality;

  nodes[1].y = 100;
  nodes[3].x = 300;
  nodes[3].y = 500;
  scene = ent_test_make_scene (nodes, G_N_ELEMENTS (nodes), edges, G_N_ELEMENTS (edges));
  quality = measure (scene, FALSE);

  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 0);
  g_assert_cmpuint (quality.n_label_overlaps, ==, 0);
  quality = measure (scene, TRUE);
  g_assert_cmpuint (quality.n_label_overlaps, ==, 1);
  g_assert_cmpuint (quality.n_edges_through_labels, ==, 0);
}

/* The counts on their own: curves, long paths and incident nodes. */
static void
test_measure_paths (void)
{
  static const EntQualityNode nodes[] = {
    /* Under the top of the arch below, which its chord from end to end never meets. */
    { 1, { 40, -70, 60, -50 }, { 0, 0, -1, -1 } },
    /* Below the arch, inside it. */
    { 2, { 40, -50, 60, -40 }, { 0, 0, -1, -1 } },
    /* Halfway along a path of 2,000 points. */
    { 3, { 995, 195, 1005, 205 }, { 996, 198, 1004, 202 } },
    /* One end of that path. */
    { 4, { -10, 190, 10, 210 }, { 0, 0, -1, -1 } },
    { 5, { 1990, 190, 2010, 210 }, { 0, 0, -1, -1 } },
  };
  /* An arch from (0, 0) to (100, 0) whose top is at y = −60. */
  static const double arch[] = { 0, 0, 0, -80, 100, -80, 100, 0 };
  static const double line[] = { 0, 200, 700, 200, 1300, 200, 2000, 200 };
  EntQualityEdge edges[] = {
    { 6, 7, arch, 4, { 0, 0, -1, -1 } },
    { 4, 5, line, 4, { 0, 0, -1, -1 } },
  };
  EntSceneQuality quality;

  ent_quality_measure (nodes, G_N_ELEMENTS (nodes), edges, G_N_ELEMENTS (edges), &quality);
  g_assert_cmpuint (quality.n_edges, ==, 2);
  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 2);
  g_assert_cmpuint (quality.n_edge_node_crossings, ==, 2);
  g_assert_cmpuint (quality.n_edges_through_labels, ==, 1);
  /* Nodes 1 and 2 only touch. */
  g_assert_cmpuint (quality.n_node_overlaps, ==, 0);

  /* A curve whose control points lie on its chord's line, beyond its end, reaches past that end. */
  {
    static const double overshoot[] = { 0, 200, 200, 200, 200, 200, 100, 200 };
    static const EntQualityNode beyond = { 8, { 120, 195, 140, 205 }, { 0, 0, -1, -1 } };
    EntQualityEdge edge = { 6, 7, overshoot, 4, { 0, 0, -1, -1 } };

    ent_quality_measure (&beyond, 1, &edge, 1, &quality);
    g_assert_cmpuint (quality.n_edges_through_nodes, ==, 1);
  }

  /* The same line from node 3 itself passes through nothing. */
  edges[1].from_id = 3;
  ent_quality_measure (nodes + 2, 1, edges + 1, 1, &quality);
  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 0);
  g_assert_cmpuint (quality.n_edges_through_labels, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/scene-quality/straight-through-node", test_straight_through_node);
  g_test_add_func ("/ent/scene-quality/edge-counted-once", test_edge_counted_once);
  g_test_add_func ("/ent/scene-quality/route-around", test_route_around);
  g_test_add_func ("/ent/scene-quality/touching", test_touching);
  g_test_add_func ("/ent/scene-quality/label-overlaps", test_label_overlaps);
  g_test_add_func ("/ent/scene-quality/edge-labels", test_edge_labels);
  g_test_add_func ("/ent/scene-quality/measure-paths", test_measure_paths);

  return g_test_run ();
}
