/* test-routes.c: edge routes from the layout engine, stored with the layout and drawn by the scene
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-scene.h"
#include "ent-scene-quality.h"
#include "ent-store.h"
#include "ent-test-util.h"

#include <math.h>
#include <string.h>

static EntRoute
make_route (gint64 relation_id,
            guint  n_points,
            double start)
{
  EntRoute route = { .relation_id = relation_id, .n_points = n_points, .points = g_new (double, 2 * n_points) };

  for (guint i = 0; i < 2 * n_points; i++)
    route.points[i] = start + i * 0.125 + 1.0 / 3.0;
  return route;
}

static GArray *
route_array (void)
{
  GArray *routes = g_array_new (FALSE, TRUE, sizeof (EntRoute));

  g_array_set_clear_func (routes, ent_route_clear);
  return routes;
}

static const EntRoute *
find_route (GArray *routes,
            gint64  relation_id)
{
  for (guint i = 0; i < routes->len; i++)
    if (g_array_index (routes, EntRoute, i).relation_id == relation_id)
      return &g_array_index (routes, EntRoute, i);
  return NULL;
}

static void
assert_same_route (const EntRoute *a,
                   const EntRoute *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (a->relation_id, ==, b->relation_id);
  g_assert_cmpuint (a->n_points, ==, b->n_points);
  g_assert_cmpmem (a->points, 2 * a->n_points * sizeof (double), b->points, 2 * b->n_points * sizeof (double));
}

/* Routes come back bit for bit; replacing drops the engine's others, updating keeps them. */
static void
test_store_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-routes-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "routes.entente");
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, NULL);
  g_autoptr(GArray) routes = route_array ();
  g_autoptr(GArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  EntRoute route;

  g_assert_nonnull (store);
  route = make_route (1, 4, 10);
  g_array_append_val (routes, route);
  route = make_route (2, 7, -500.5);
  g_array_append_val (routes, route);

  g_assert_true (ent_store_save_routes (store, "dot", (EntRoute *) (void *) routes->data, routes->len, TRUE, &error));
  g_assert_no_error (error);
  loaded = ent_store_load_routes (store, "dot", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  assert_same_route (find_route (loaded, 1), find_route (routes, 1));
  assert_same_route (find_route (loaded, 2), find_route (routes, 2));
  g_clear_pointer (&loaded, g_array_unref);

  /* Other engines have routes of their own. */
  loaded = ent_store_load_routes (store, "neato", &error);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_clear_pointer (&loaded, g_array_unref);

  /* Updating one route leaves the other as it was. */
  ent_route_clear (&g_array_index (routes, EntRoute, 0));
  g_array_index (routes, EntRoute, 0) = make_route (1, 10, 3);
  g_assert_true (ent_store_save_routes (store, "dot", (EntRoute *) (void *) routes->data, 1, FALSE, &error));
  loaded = ent_store_load_routes (store, "dot", &error);
  g_assert_cmpuint (loaded->len, ==, 2);
  assert_same_route (find_route (loaded, 1), &g_array_index (routes, EntRoute, 0));
  assert_same_route (find_route (loaded, 2), find_route (routes, 2));
  g_clear_pointer (&loaded, g_array_unref);

  /* Replacing does not keep the engine's other routes. */
  g_assert_true (ent_store_save_routes (store, "dot", (EntRoute *) (void *) routes->data, 1, TRUE, &error));
  loaded = ent_store_load_routes (store, "dot", &error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_clear_pointer (&loaded, g_array_unref);

  /* A route of the wrong number of points, or of a point that is not finite, is refused and nothing is stored. */
  ent_route_clear (&g_array_index (routes, EntRoute, 1));
  g_array_index (routes, EntRoute, 1) = make_route (2, 5, 0);
  g_assert_false (ent_store_save_routes (store, "dot", (EntRoute *) (void *) routes->data, 2, TRUE, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  ent_route_clear (&g_array_index (routes, EntRoute, 1));
  g_array_index (routes, EntRoute, 1) = make_route (2, 4, 0);
  g_array_index (routes, EntRoute, 1).points[3] = NAN;
  g_assert_false (ent_store_save_routes (store, "dot", (EntRoute *) (void *) routes->data, 2, TRUE, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  loaded = ent_store_load_routes (store, "dot", &error);
  g_assert_cmpuint (loaded->len, ==, 1);
  assert_same_route (find_route (loaded, 1), &g_array_index (routes, EntRoute, 0));

  /* Deleting a relation deletes its routes. */
  g_clear_pointer (&loaded, g_array_unref);
  g_clear_object (&store);
  g_free (sqlite_shell (path, "PRAGMA foreign_keys = ON; DELETE FROM relations WHERE id = 1"));
  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  loaded = ent_store_load_routes (store, "dot", &error);
  g_assert_cmpuint (loaded->len, ==, 0);
}

/*
 * A file made elsewhere may hold a routes table without our CHECK and any
 * bytes in it: only the well-formed routes are read.
 */
static void
test_store_hostile (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-routes-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "hostile.entente");
  g_autofree char *good = NULL, *sql = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(GArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GString *hex = g_string_new (NULL);

  /* 1.0 as a little-endian double is 00 00 00 00 00 00 f0 3f; four points of it make a route. */
  for (int i = 0; i < 8; i++)
    g_string_append (hex, "000000000000f03f");
  good = g_string_free (hex, FALSE);
  sql = g_strconcat ("DROP TABLE routes;"
                     "CREATE TABLE routes (relation_id INTEGER NOT NULL, engine TEXT NOT NULL, points, label_x, label_y, "
                     "PRIMARY KEY (relation_id, engine)) WITHOUT ROWID;"
                     "INSERT INTO routes VALUES (1, 'dot', X'", good, "', 5.0, 6.0);"
                     /* A good route with a label far beyond any drawing, and one with a label of text. */
                     "INSERT INTO routes VALUES (9, 'dot', X'", good, "', 1e300, 6.0);"
                     "INSERT INTO routes VALUES (10, 'dot', X'", good, "', 'left', 'top');"
                     /* Not a whole number of points, and five points, which make no spline. */
                     "INSERT INTO routes VALUES (2, 'dot', X'", good, "00', NULL, NULL);"
                     "INSERT INTO routes VALUES (3, 'dot', X'", good, "000000000000f03f000000000000f03f', NULL, NULL);"
                     /* A NaN, and a coordinate far beyond any drawing. */
                     "INSERT INTO routes VALUES (4, 'dot', X'000000000000f87f", good + 16, "', NULL, NULL);"
                     "INSERT INTO routes VALUES (5, 'dot', X'ffffffffffffef7f", good + 16, "', NULL, NULL);"
                     /* Text, a number and nothing, where a blob belongs. */
                     "INSERT INTO routes VALUES (6, 'dot', 'abcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefghabcdefgh', NULL, NULL);"
                     "INSERT INTO routes VALUES (7, 'dot', 12, NULL, NULL);"
                     "INSERT INTO routes VALUES (8, 'dot', NULL, NULL, NULL);",
                     NULL);
  g_free (sqlite_shell (path, sql));

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  loaded = ent_store_load_routes (store, "dot", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  g_assert_cmpint (g_array_index (loaded, EntRoute, 0).relation_id, ==, 1);
  g_assert_cmpfloat (g_array_index (loaded, EntRoute, 0).points[7], ==, 1.0);
  g_assert_true (g_array_index (loaded, EntRoute, 0).has_label);
  g_assert_cmpfloat (g_array_index (loaded, EntRoute, 0).label_y, ==, 6.0);
  /* The routes stay; their labels go where Entente puts them. */
  g_assert_cmpint (g_array_index (loaded, EntRoute, 1).relation_id, ==, 9);
  g_assert_false (g_array_index (loaded, EntRoute, 1).has_label);
  g_assert_cmpint (g_array_index (loaded, EntRoute, 2).relation_id, ==, 10);
  g_assert_false (g_array_index (loaded, EntRoute, 2).has_label);
  g_clear_pointer (&loaded, g_array_unref);
  g_clear_object (&store);

  /* A routes table without the columns Entente reads: the network is laid out and drawn along the routes
   * made, which cannot be stored; opened again, it draws as Entente draws relations. */
  g_free (sqlite_shell (path, "DROP TABLE routes; CREATE TABLE routes (relation_id, engine, points);"));
  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  scene = ent_diagram_build (store, graph, "dot", FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ent_scene_has_routes (scene));
  g_clear_pointer (&scene, ent_scene_unref);
  scene = ent_diagram_build (store, graph, "dot", FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ent_scene_has_routes (scene));
}

static guint
count_routed (EntScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      n += item->type == ENT_SCENE_ITEM_EDGE && item->route != NULL;
    }
  return n;
}

static guint
count_edges (EntScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    n += ent_scene_get_item (scene, i)->type == ENT_SCENE_ITEM_EDGE;
  return n;
}

/* Where an edge's measured label lies, shrunk by a point on each side so that labels that touch do not count. */
static EntRect
label_rect (const EntSceneItem *edge)
{
  return (EntRect) { edge->label_x + 1, edge->label_y + 1,
                     edge->label_x + (double) edge->label_logical.width / PANGO_SCALE - 1,
                     edge->label_y + (double) edge->label_logical.height / PANGO_SCALE - 1 };
}

/* How far (@x, @y) is from @node's shape outline, for the round shapes of people: 0 on it. */
static double
off_outline (const EntSceneItem *node,
             double              x,
             double              y)
{
  return hypot (x - node->cx, y - node->cy);
}

/* A copy of the bundled network, open, with its network read. */
typedef struct
{
  char     *dir;
  char     *path;
  EntStore *store;
  EntGraph *graph;
} Copy;

static void
copy_set_up (Copy          *copy,
             gconstpointer  data)
{
  copy->dir = g_dir_make_tmp ("entente-routes-XXXXXX", NULL);
  copy->path = copy_bundled (copy->dir, "network.entente");
  copy->store = ent_store_open (copy->path, ENT_STORE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (copy->store);
  copy->graph = ent_store_load_graph (copy->store, NULL);
  g_assert_nonnull (copy->graph);
}

static void
copy_tear_down (Copy          *copy,
                gconstpointer  data)
{
  g_clear_object (&copy->store);
  ent_graph_unref (copy->graph);
  g_free (copy->path);
  g_free (copy->dir);
}

/*
 * A dot layout routes every edge; its ends meet the shapes, not the bottom
 * of the label boxes; the routes are stored, and a file opened again draws
 * them without Graphviz.
 */
static void
test_dot_layout (Copy          *copy,
                 gconstpointer  data)
{
  EntStore *store = copy->store;
  EntGraph *graph = copy->graph;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(EntScene) again = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  EntSceneQuality quality;
  gboolean laid_out = FALSE;

  scene = ent_diagram_build (store, graph, "dot", TRUE, NULL, &laid_out, &error);
  g_assert_no_error (error);
  g_assert_true (laid_out);
  g_assert_true (ent_scene_has_routes (scene));
  g_assert_cmpuint (count_edges (scene), ==, graph->relations->len);
  g_assert_cmpuint (count_routed (scene), ==, count_edges (scene));

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);
      const EntSceneItem *from, *to;
      const double *path_points;
      guint n;

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        break;
      from = ent_scene_find_node (scene, edge->from_id);
      to = ent_scene_find_node (scene, edge->to_id);
      path_points = ent_scene_edge_get_path (edge, &n);
      g_assert_cmpuint ((n - 1) % 3, ==, 0);
      /* Every end is on the shape, above the label: within the shape's reach of its centre. */
      g_assert_cmpfloat (off_outline (from, path_points[0], path_points[1]), <=, 1.5 * from->radius);
      g_assert_cmpfloat (off_outline (to, path_points[2 * n - 2], path_points[2 * n - 1]), <=, 1.5 * to->radius + 1);
      g_assert_cmpfloat (path_points[1], <, from->label_y);
      g_assert_cmpfloat (path_points[2 * n - 1], <, to->label_y);
    }

  stored = ent_store_load_routes (store, "dot", &error);
  g_assert_cmpuint (stored->len, ==, graph->relations->len);

  /* No relation runs through the box or the label of an entity it does not join; no labels overlap. */
  ent_scene_measure_quality (scene, FALSE, &quality);
  g_assert_cmpuint (quality.n_edges, ==, graph->relations->len);
  g_assert_cmpuint (quality.n_edges_through_nodes, ==, 0);
  g_assert_cmpuint (quality.n_edges_through_labels, ==, 0);
  g_assert_cmpuint (quality.n_label_overlaps, ==, 0);

  /* The labels of relations, when shown, are where dot put them, clear of every node they do not join
   * and of each other where they join the same two entities. */
  ent_scene_measure_edge_labels (scene);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);
      EntRect label;

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (*edge->label == '\0')
        continue;
      g_assert_true (edge->has_route_label);
      label = label_rect (edge);
      for (guint j = 0; j < ent_scene_get_n_items (scene); j++)
        {
          const EntSceneItem *other = ent_scene_get_item (scene, j);
          EntRect other_label;

          if (other->type == ENT_SCENE_ITEM_NODE && other->id != edge->from_id && other->id != edge->to_id &&
              ent_rect_intersects (&label, &other->box))
            g_error ("The label “%s” lies on the node of “%s”", edge->label, other->label);
          /* Graphviz keeps the labels of the relations between the same two entities apart; others may meet,
           * which the routing benchmark counts. */
          if (other->type != ENT_SCENE_ITEM_EDGE || j <= i || *other->label == '\0' ||
              MIN (other->from_id, other->to_id) != MIN (edge->from_id, edge->to_id) ||
              MAX (other->from_id, other->to_id) != MAX (edge->from_id, edge->to_id))
            continue;
          other_label = label_rect (other);
          if (ent_rect_intersects (&label, &other_label))
            g_error ("The labels “%s” and “%s” overlap", edge->label, other->label);
        }
    }

  /* Opened again: drawn from what is stored, the same paths, point for point. */
  again = ent_diagram_build (store, graph, "dot", FALSE, NULL, &laid_out, &error);
  g_assert_no_error (error);
  g_assert_false (laid_out);
  g_assert_cmpuint (count_routed (again), ==, count_edges (again));
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *a = ent_scene_get_item (scene, i), *b = ent_scene_get_item (again, i);

      if (a->type != ENT_SCENE_ITEM_EDGE)
        break;
      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpuint (a->n_route_points, ==, b->n_route_points);
      g_assert_cmpmem (a->route, a->n_route_points * 2 * sizeof (double), b->route, b->n_route_points * 2 * sizeof (double));
    }
}

/*
 * A moved node's edges leave their routes, drawn as Entente draws them; the
 * others keep theirs, point for point. So do those of a scene built from
 * positions where that node stands elsewhere than its routes say.
 */
static void
test_moved_node (Copy          *copy,
                 gconstpointer  data)
{
  EntStore *store = copy->store;
  EntGraph *graph = copy->graph;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(EntScene) moved = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) routes = NULL;
  g_autoptr(GError) error = NULL;
  EntEntity *india = find_entity (graph, "India");
  const EntSceneItem *node;
  guint n_touching = 0;

  scene = ent_diagram_build (store, graph, "dot", TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  positions = ent_store_load_positions (store, "dot", &error);
  routes = ent_store_load_routes (store, "dot", &error);
  for (guint i = 0; i < positions->len; i++)
    if (g_array_index (positions, EntPosition, i).entity_id == india->id)
      g_array_index (positions, EntPosition, i).x += 300;

  moved = ent_scene_new_routed (graph, positions, routes);
  node = ent_scene_find_node (scene, india->id);
  g_assert_true (ent_scene_move_node (scene, india->id, node->x + 300, node->y));

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *a = ent_scene_get_item (scene, i), *b = ent_scene_get_item (moved, i);
      gboolean touches = a->from_id == india->id || a->to_id == india->id;

      if (a->type != ENT_SCENE_ITEM_EDGE)
        break;
      n_touching += touches;
      if (touches)
        {
          g_assert_null (a->route);
          g_assert_null (b->route);
          continue;
        }
      g_assert_nonnull (a->route);
      g_assert_cmpmem (a->route, a->n_route_points * 2 * sizeof (double), b->route, b->n_route_points * 2 * sizeof (double));
    }
  g_assert_cmpuint (n_touching, >=, 3);
}

/*
 * A file of version 3 has positions and no routes: it opens, is upgraded,
 * and draws from its positions without Graphviz, with edges as Entente
 * draws them. The upgrade also drops the redundant index of properties.
 */
static void
test_version_3 (Copy          *copy,
                gconstpointer  data)
{
  g_autofree char *schema = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  gboolean laid_out = TRUE;

  scene = ent_diagram_build (copy->store, copy->graph, "dot", TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&scene, ent_scene_unref);
  g_clear_object (&copy->store);
  g_free (sqlite_shell (copy->path, "DROP TRIGGER positions_drop_bundles_insert; DROP TRIGGER positions_drop_bundles_update;"
                                    "DROP TABLE aliases; DROP TABLE bundles; DROP TABLE routes;"
                                    "ALTER TABLE entity_evidence DROP COLUMN stance; ALTER TABLE relation_evidence DROP COLUMN stance;"
                                    "CREATE INDEX properties_relation ON properties (relation_id); PRAGMA user_version = 3;"));

  copy->store = ent_store_open (copy->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (copy->store), ==, 3);
  scene = ent_diagram_build (copy->store, copy->graph, "dot", FALSE, NULL, &laid_out, &error);
  g_assert_no_error (error);
  g_assert_false (laid_out);
  g_assert_false (ent_scene_has_routes (scene));
  g_assert_cmpuint (count_edges (scene), ==, copy->graph->relations->len);
  g_clear_object (&copy->store);

  schema = sqlite_shell (copy->path, "PRAGMA user_version;"
                                     "SELECT count (*) FROM sqlite_schema WHERE name = 'routes';"
                                     "SELECT count (*) FROM sqlite_schema WHERE name = 'properties_relation'");
  g_assert_cmpstr (schema, ==, G_STRINGIFY (ENT_STORE_SCHEMA_VERSION) "\n1\n0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/routes/store-round-trip", test_store_round_trip);
  g_test_add_func ("/ent/routes/store-hostile", test_store_hostile);
  g_test_add ("/ent/routes/dot-layout", Copy, NULL, copy_set_up, test_dot_layout, copy_tear_down);
  g_test_add ("/ent/routes/moved-node", Copy, NULL, copy_set_up, test_moved_node, copy_tear_down);
  g_test_add ("/ent/routes/version-3", Copy, NULL, copy_set_up, test_version_3, copy_tear_down);

  return g_test_run ();
}
