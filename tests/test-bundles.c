/* test-bundles.c: edge bundles stored with the layout, dropped when it changes, and drawn by the scene
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-edit.h"
#include "ent-scene.h"
#include "ent-store.h"
#include "ent-test-util.h"

#include <math.h>
#include <string.h>

typedef struct
{
  char     *dir;
  char     *path;
  EntStore *store;
  EntGraph *graph;
} Copy;

/* A copy of the bundled network, laid out by dot. */
static void
copy_set_up (Copy          *copy,
             gconstpointer  data)
{
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(GError) error = NULL;

  copy->dir = g_dir_make_tmp ("entente-bundles-XXXXXX", NULL);
  copy->path = copy_bundled (copy->dir, "network.entente");
  copy->store = ent_store_open (copy->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  copy->graph = ent_store_load_graph (copy->store, &error);
  g_assert_no_error (error);
  scene = ent_diagram_build (copy->store, copy->graph, "dot", TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
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

static GArray *
bundle_array (void)
{
  GArray *bundles = g_array_new (FALSE, TRUE, sizeof (EntRoute));

  g_array_set_clear_func (bundles, ent_route_clear);
  return bundles;
}

/* A made-up bundle of @n_points for @relation_id, from @start on. */
static void
add_bundle (GArray *bundles,
            gint64  relation_id,
            guint   n_points,
            double  start)
{
  EntRoute bundle = { .relation_id = relation_id, .n_points = n_points, .points = g_new (double, 2 * n_points) };

  for (guint i = 0; i < 2 * n_points; i++)
    bundle.points[i] = start + i * 0.375 + 1.0 / 7.0;
  g_array_append_val (bundles, bundle);
}

static guint
count_bundles (EntStore   *store,
               const char *engine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) bundles = ent_store_load_bundles (store, engine, &error);

  g_assert_no_error (error);
  return bundles->len;
}

static gint64
relation_id (EntGraph *graph,
             guint     index)
{
  return ((EntRelation *) g_ptr_array_index (graph->relations, index))->id;
}

/* Bundles come back bit for bit, each engine's its own; saving anew replaces all of the engine's. */
static void
test_round_trip (Copy          *copy,
                 gconstpointer  data)
{
  g_autoptr(GArray) bundles = bundle_array ();
  g_autoptr(GArray) loaded = NULL;
  g_autoptr(GError) error = NULL;

  add_bundle (bundles, relation_id (copy->graph, 0), 4, 10);
  add_bundle (bundles, relation_id (copy->graph, 1), 13, -250.5);
  g_assert_true (ent_store_save_bundles (copy->store, "dot", (EntRoute *) (void *) bundles->data, 2, &error));
  g_assert_no_error (error);
  g_assert_true (ent_store_save_bundles (copy->store, "neato", (EntRoute *) (void *) bundles->data, 1, &error));

  loaded = ent_store_load_bundles (copy->store, "dot", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      EntRoute *a = &g_array_index (bundles, EntRoute, i), *b = &g_array_index (loaded, EntRoute, i);

      g_assert_cmpint (a->relation_id, ==, b->relation_id);
      g_assert_cmpuint (a->n_points, ==, b->n_points);
      g_assert_cmpmem (a->points, 16 * a->n_points, b->points, 16 * b->n_points);
      g_assert_false (b->has_label);
    }
  g_assert_cmpuint (count_bundles (copy->store, "neato"), ==, 1);

  g_assert_true (ent_store_save_bundles (copy->store, "dot", (EntRoute *) (void *) bundles->data + 1, 1, &error));
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 1);

  /* A bundle of the wrong number of points, or of a point that is not finite, is refused, and nothing changes. */
  add_bundle (bundles, relation_id (copy->graph, 2), 5, 0);
  g_assert_false (ent_store_save_bundles (copy->store, "dot", (EntRoute *) (void *) bundles->data, 3, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_array_index (bundles, EntRoute, 0).points[3] = NAN;
  g_assert_false (ent_store_save_bundles (copy->store, "dot", (EntRoute *) (void *) bundles->data, 1, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 1);
}

/*
 * Any change of a layout's positions drops its bundles, whoever makes it:
 * storing positions, an edit that moves a node, the sqlite3 shell. The
 * same positions stored again, or another engine's, keep them. Undoing a
 * move does not bring them back, and undo and redo still work.
 */
static void
test_dropped_with_layout (Copy          *copy,
                          gconstpointer  data)
{
  g_autoptr(GArray) bundles = bundle_array ();
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GError) error = NULL;
  EntPosition *first;

  for (guint i = 0; i < 3; i++)
    add_bundle (bundles, relation_id (copy->graph, i), 4, 10 * i);
  positions = ent_store_load_positions (copy->store, "dot", &error);
  g_assert_no_error (error);
  first = &g_array_index (positions, EntPosition, 0);

#define SAVE_BUNDLES(engine) \
  g_assert_true (ent_store_save_bundles (copy->store, engine, (EntRoute *) (void *) bundles->data, bundles->len, &error))

  SAVE_BUNDLES ("dot");
  SAVE_BUNDLES ("neato");
  g_assert_true (ent_store_save_positions (copy->store, "dot", (EntPosition *) (void *) positions->data,
                                           positions->len, &error));
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 3);

  first->x += 10;
  g_assert_true (ent_store_save_positions (copy->store, "dot", first, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 0);
  g_assert_cmpuint (count_bundles (copy->store, "neato"), ==, 3);

  SAVE_BUNDLES ("dot");
  g_assert_true (ent_edit_move_entity (copy->store, copy->graph, "dot", first->entity_id, first->x + 5, first->y, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 0);

  /* Bundled anew after the move; undoing the move drops those too, as they were for the moved node. */
  SAVE_BUNDLES ("dot");
  g_assert_true (ent_store_undo (copy->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 0);
  SAVE_BUNDLES ("dot");
  g_assert_true (ent_store_redo (copy->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 0);

  SAVE_BUNDLES ("dot");
  g_clear_object (&copy->store);
  g_free (sqlite_shell (copy->path, "UPDATE positions SET y = y + 1 WHERE engine = 'dot' AND "
                                    "entity_id = (SELECT min (entity_id) FROM positions)"));
  copy->store = ent_store_open (copy->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 0);
  g_assert_cmpuint (count_bundles (copy->store, "neato"), ==, 3);

#undef SAVE_BUNDLES
}

/* Deleting a relation deletes its bundle, and only its. */
static void
test_relation_deleted (Copy          *copy,
                       gconstpointer  data)
{
  g_autoptr(GArray) bundles = bundle_array ();
  g_autoptr(GArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deleted = relation_id (copy->graph, 1);

  for (guint i = 0; i < 3; i++)
    add_bundle (bundles, relation_id (copy->graph, i), 4, 10 * i);
  g_assert_true (ent_store_save_bundles (copy->store, "dot", (EntRoute *) (void *) bundles->data, 3, &error));
  g_assert_true (ent_store_edit_begin (copy->store, "Delete", &error));
  g_assert_true (ent_store_delete_relation (copy->store, deleted, &error));
  g_assert_true (ent_store_edit_commit (copy->store, &error));
  g_assert_no_error (error);

  loaded = ent_store_load_bundles (copy->store, "dot", &error);
  g_assert_cmpuint (loaded->len, ==, 2);
  for (guint i = 0; i < loaded->len; i++)
    g_assert_cmpint (g_array_index (loaded, EntRoute, i).relation_id, !=, deleted);
}

/*
 * A file made elsewhere may hold a bundles table without our CHECK and any
 * bytes in it: only the well-formed bundles are read, and the relations of
 * the others are drawn unbundled.
 */
static void
test_malformed (Copy          *copy,
                gconstpointer  data)
{
  g_autoptr(GArray) bundles = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *zeros = g_strnfill (112, '0');
  gint64 good = relation_id (copy->graph, 0);

  g_clear_object (&copy->store);
  /*
   * The legacy way of renaming leaves the triggers that name the table alone, as they would name the new one.
   * The first row is a well-formed bundle far from every node, at (-5000, -5000); the others are broken:
   * too short, of no whole point, not a spline, not a blob, beyond any drawing, not a number, too long.
   */
  sql = g_strdup_printf (
    "PRAGMA legacy_alter_table = ON;"
    "CREATE TABLE b (relation_id INTEGER, engine TEXT, points, PRIMARY KEY (engine, relation_id)) WITHOUT ROWID;"
    "INSERT INTO b SELECT relation_id, engine, points FROM bundles; DROP TABLE bundles; ALTER TABLE b RENAME TO bundles;"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', x'%s');"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', zeroblob (48));"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', zeroblob (65));"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', zeroblob (80));"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', 'sixty-four characters of text, sixty-four characters of text, ab');"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', x'000000000000F07F%s');"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', x'000000000000F8FF%s');"
    "INSERT INTO bundles VALUES (%" G_GINT64_FORMAT ", 'dot', zeroblob (%d));",
    good, "0000000000" "88B3C0" "0000000000" "88B3C0" "0000000000" "88B3C0" "0000000000" "88B3C0"
          "0000000000" "88B3C0" "0000000000" "88B3C0" "0000000000" "88B3C0" "0000000000" "88B3C0",
    relation_id (copy->graph, 1), relation_id (copy->graph, 2), relation_id (copy->graph, 3),
    relation_id (copy->graph, 4), relation_id (copy->graph, 5), zeros, relation_id (copy->graph, 6), zeros,
    relation_id (copy->graph, 7), ENT_ROUTE_MAX_BYTES + 48);
  g_free (sqlite_shell (copy->path, sql));

  copy->store = ent_store_open (copy->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  bundles = ent_store_load_bundles (copy->store, "dot", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, ==, 1);
  g_assert_cmpint (g_array_index (bundles, EntRoute, 0).relation_id, ==, good);
  g_assert_cmpfloat (g_array_index (bundles, EntRoute, 0).points[7], ==, -5000);

  /* A bundle that does not join its nodes (this one is all at the origin) is not drawn either. */
  positions = ent_store_load_positions (copy->store, "dot", &error);
  scene = ent_diagram_new_scene (copy->store, copy->graph, "dot", positions, NULL);
  g_assert_false (ent_scene_has_bundles (scene));
  g_assert_nonnull (find_edge (scene, good));
}

/* Whether (@x, @y) lies in @rect. */
static gboolean
rect_contains (const EntRect *rect,
               double         x,
               double         y)
{
  return x >= rect->x1 && x <= rect->x2 && y >= rect->y1 && y <= rect->y2;
}

/*
 * The three relations between India and Belarus share one bundle, spread
 * apart so that each has points that pick it and no other.
 */
static void
assert_parallel_apart (EntScene *scene,
                       EntGraph *graph)
{
  gint64 india = find_entity (graph, "India")->id;
  gint64 belarus = find_entity (graph, "Belarus")->id;
  guint n_between = 0;

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);
      const double *path;
      guint n_points, n_picking = 0;

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (!((edge->from_id == india && edge->to_id == belarus) || (edge->from_id == belarus && edge->to_id == india)))
        continue;

      g_assert_nonnull (edge->bundle);
      path = ent_scene_edge_get_path (edge, &n_points);
      for (guint k = 0; k + 3 < n_points; k += 3)
        for (int step = 1; step < 8; step++)
          {
            const double *q = path + 2 * k;
            double t = step / 8.0, s = 1 - t;
            double x = s * s * s * q[0] + 3 * s * s * t * q[2] + 3 * s * t * t * q[4] + t * t * t * q[6];
            double y = s * s * s * q[1] + 3 * s * s * t * q[3] + 3 * s * t * t * q[5] + t * t * t * q[7];

            n_picking += ent_scene_hit_test (scene, x, y) == (int) i;
          }
      g_test_message ("relation %" G_GINT64_FORMAT ": %u points of its bundle pick it", edge->id, n_picking);
      g_assert_cmpuint (n_picking, >, 0);
      n_between++;
    }
  g_assert_cmpuint (n_between, ==, 3);
}

/*
 * The network bundled for real: a scene built from the store draws every
 * relation between two nodes along its bundle, from shape to shape, in
 * bounds that hold it, and a point on the bundle is on the relation.
 * Moving a node drops every bundle of the scene.
 */
static void
test_scene (Copy          *copy,
            gconstpointer  data)
{
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(EntScene) bundled = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) bundles = NULL;
  g_autoptr(GError) error = NULL;
  guint n_bundled = 0;
  const EntSceneItem *node;

  scene = ent_diagram_build (copy->store, copy->graph, "dot", FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (ent_scene_has_bundles (scene));
  bundles = ent_diagram_bundle (copy->store, scene, "dot", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bundles->len, >, 0);
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, bundles->len);

  /* Reopened, the file draws the bundles without Graphviz. */
  g_clear_pointer (&scene, ent_scene_unref);
  g_clear_object (&copy->store);
  copy->store = ent_store_open (copy->path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  bundled = ent_diagram_build (copy->store, copy->graph, "dot", FALSE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ent_scene_has_bundles (bundled));

  for (guint i = 0; i < ent_scene_get_n_items (bundled); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (bundled, i);
      const EntSceneItem *from, *to;
      const double *path;
      guint n_points;
      double x, y, s = 0.5;

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        break;
      from = ent_scene_find_node (bundled, edge->from_id);
      to = ent_scene_find_node (bundled, edge->to_id);
      if (from == to)
        {
          g_assert_null (edge->bundle);
          continue;
        }

      g_assert_nonnull (edge->bundle);
      path = ent_scene_edge_get_path (edge, &n_points);
      g_assert_true (path == edge->bundle);
      g_assert_cmpuint (n_points, ==, edge->n_bundle_points);
      g_assert_cmpuint ((n_points - 1) % 3, ==, 0);
      /* From the outline of one shape to just outside the other's, where an arrowhead ends. */
      g_assert_cmpfloat (hypot (path[0] - from->cx, path[1] - from->cy), >=, from->radius * 0.5);
      g_assert_cmpfloat (hypot (path[0] - from->cx, path[1] - from->cy), <, from->radius * 2);
      g_assert_cmpfloat (hypot (path[2 * n_points - 2] - to->cx, path[2 * n_points - 1] - to->cy), >=,
                         to->radius * 0.5);
      g_assert_cmpfloat (hypot (path[2 * n_points - 2] - to->cx, path[2 * n_points - 1] - to->cy), <,
                         to->radius * 2);
      g_assert_cmpmem (edge->p + 4, 4 * sizeof (double), path + 2 * n_points - 4, 4 * sizeof (double));
      for (guint p = 0; p < n_points; p++)
        g_assert_true (rect_contains (&edge->bounds, path[2 * p], path[2 * p + 1]));

      /* A point halfway along the middle piece of the bundle is on the edge. */
      {
        const double *q = path + 6 * ((n_points - 1) / 3 / 2);

        x = (1 - s) * (1 - s) * (1 - s) * q[0] + 3 * (1 - s) * (1 - s) * s * q[2] + 3 * (1 - s) * s * s * q[4] + s * s * s * q[6];
        y = (1 - s) * (1 - s) * (1 - s) * q[1] + 3 * (1 - s) * (1 - s) * s * q[3] + 3 * (1 - s) * s * s * q[5] + s * s * s * q[7];
        g_assert_true (ent_scene_edge_hit (edge, x, y));
      }
      n_bundled++;
    }
  g_assert_cmpuint (n_bundled, ==, bundles->len);
  assert_parallel_apart (bundled, copy->graph);

  /* Moving one node drops every bundle, not only those of its edges. */
  node = ent_scene_find_node (bundled, find_entity (copy->graph, "India")->id);
  g_assert_true (ent_scene_move_node (bundled, node->id, node->x + 40, node->y));
  g_assert_false (ent_scene_has_bundles (bundled));

  /* So does storing the move. */
  positions = ent_store_load_positions (copy->store, "dot", &error);
  g_array_index (positions, EntPosition, 0).x += 40;
  g_assert_true (ent_store_save_positions (copy->store, "dot", (EntPosition *) (void *) positions->data, 1, &error));
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 0);
}

/* Bundles made for a layout that changed meanwhile are not stored for the new one. */
static void
test_layout_changed (Copy          *copy,
                     gconstpointer  data)
{
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) bundles = NULL;
  g_autoptr(GError) error = NULL;

  scene = ent_diagram_build (copy->store, copy->graph, "dot", FALSE, NULL, NULL, &error);
  positions = ent_store_load_positions (copy->store, "dot", &error);
  g_array_index (positions, EntPosition, 0).y -= 25;
  g_assert_true (ent_store_save_positions (copy->store, "dot", (EntPosition *) (void *) positions->data, 1, &error));

  bundles = ent_diagram_bundle (copy->store, scene, "dot", NULL, &error);
  g_assert_null (bundles);
  g_assert_error (error, ENT_LAYOUT_ERROR, ENT_LAYOUT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "layout changed"));
  g_assert_cmpuint (count_bundles (copy->store, "dot"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ent/bundles/round-trip", Copy, NULL, copy_set_up, test_round_trip, copy_tear_down);
  g_test_add ("/ent/bundles/dropped-with-layout", Copy, NULL, copy_set_up, test_dropped_with_layout, copy_tear_down);
  g_test_add ("/ent/bundles/relation-deleted", Copy, NULL, copy_set_up, test_relation_deleted, copy_tear_down);
  g_test_add ("/ent/bundles/malformed", Copy, NULL, copy_set_up, test_malformed, copy_tear_down);
  g_test_add ("/ent/bundles/scene", Copy, NULL, copy_set_up, test_scene, copy_tear_down);
  g_test_add ("/ent/bundles/layout-changed", Copy, NULL, copy_set_up, test_layout_changed, copy_tear_down);

  return g_test_run ();
}
