/* test-store-migrate.c: files of older versions are upgraded with every row kept, or left as they were
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-diagram.h"
#include "ent-store.h"
#include "ent-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

/* Writes a file of version 1, as the first release of Entente wrote them. */
static void
make_v1 (const char *path)
{
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "network-v1.sql", NULL);

  sqlite_shell_script (path, v1);
}

static void
test_migrate_v1 (void)
{
  g_autofree char *path = temp_path ("v1.entente");
  g_autofree char *version = NULL;
  g_autofree char *objects = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  EntRelation *relation;

  make_v1 (path);
  version = sqlite_shell (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "1");

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (store), ==, 1);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (graph->entities->len, ==, 3);
  g_assert_cmpuint (graph->relations->len, ==, 1);
  g_assert_cmpuint (graph->quotes->len, ==, 4);
  g_assert_null (ent_graph_get_entity (graph, 1)->role);
  relation = ent_graph_get_relation (graph, 1);
  g_assert_false (relation->directed);
  g_assert_cmpuint (relation->quote_ids->len, ==, 1);
  g_assert_true (ent_store_check_integrity (store, &error));
  g_clear_object (&store);

  g_free (version);
  version = sqlite_shell (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (ENT_STORE_SCHEMA_VERSION));
  objects = sqlite_shell (path, "SELECT count (*) FROM sqlite_schema WHERE name IN "
                                "('positions', 'quotes_match_insert', 'quotes_match_update', 'sources_keep_quotes')");
  g_assert_cmpstr (objects, ==, "4");
  g_free (objects);
  objects = sqlite_shell (path, "SELECT count (*) FROM kinds; SELECT count (*) FROM properties");
  g_assert_cmpstr (objects, ==, "8\n0");

  /* Opening an upgraded file again upgrades nothing. */
  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (store), ==, ENT_STORE_SCHEMA_VERSION);
}

/* Writes a file of version 2 as the upgrade from version 1 left it. */
static void
make_v2 (const char *path)
{
  g_autofree char *v2 = g_test_build_filename (G_TEST_DIST, "data", "network-v2.sql", NULL);
  g_autofree char *version = NULL;

  make_v1 (path);
  sqlite_shell_script (path, v2);
  version = sqlite_shell (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "2");
}

/* Every row of a file of version 2 is still there after the upgrade, column for column. */
static void
test_migrate_v2 (void)
{
  static const char rows[] =
    "SELECT * FROM sources; SELECT * FROM entities; SELECT * FROM relations; SELECT * FROM quotes;"
    "SELECT entity_id, quote_id FROM entity_evidence ORDER BY 1, 2;"
    "SELECT relation_id, quote_id FROM relation_evidence ORDER BY 1, 2; SELECT * FROM positions;";
  g_autofree char *path = temp_path ("v2.entente");
  g_autofree char *before = NULL, *after = NULL, *checks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  EntKindInfo *kind;

  make_v2 (path);
  before = sqlite_shell (path, rows);

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (store), ==, 2);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->kinds->len, ==, ENT_N_KINDS);
  kind = ent_graph_get_kind (graph, "event");
  g_assert_cmpstr (kind->label, ==, "Event");
  g_assert_cmpstr (kind->color, ==, "#c01c28");
  g_assert_cmpstr (ent_graph_get_entity (graph, 4)->kind_key, ==, "event");
  g_assert_cmpint (ent_graph_get_entity (graph, 4)->kind, ==, ENT_KIND_EVENT);
  g_assert_cmpstr (ent_graph_get_entity (graph, 1)->role, ==, "Minister of Foreign Affairs");
  g_assert_cmpuint (ent_graph_get_entity (graph, 1)->properties->len, ==, 0);
  g_assert_true (ent_store_check_integrity (store, &error));

  /* Foreign keys are on again: deleting an entity takes its relations and positions with it. */
  g_assert_true (ent_store_edit_begin (store, "Delete", &error));
  g_assert_true (ent_store_delete_entity (store, 2, &error));
  g_assert_true (ent_store_edit_commit (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  g_assert_cmpuint (graph->relations->len, ==, 1);
  g_assert_true (ent_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  after = sqlite_shell (path, rows);
  g_assert_cmpstr (after, ==, before);
  checks = sqlite_shell (path, "PRAGMA user_version; PRAGMA foreign_key_check; SELECT count (*) FROM kinds;"
                               "SELECT sql LIKE '%REFERENCES kinds%' FROM sqlite_schema WHERE name = 'entities'");
  g_assert_cmpstr (checks, ==, G_STRINGIFY (ENT_STORE_SCHEMA_VERSION) "\n8\n1");
}

/* An upgrade that fails at its last step leaves the file exactly as it was. */
static void
test_migrate_v2_fails (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autofree char *path = temp_path ("v2-collides.entente");
  g_autofree char *before = NULL, *after = NULL, *out = NULL;

  make_v2 (path);
  /* A table of the person's own, which version 2 allowed, under the name version 3 needs. */
  out = sqlite_shell (path, "CREATE TABLE properties (note TEXT); INSERT INTO properties VALUES ('mine')");
  before = sqlite_shell (path, ".dump");

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED);
  g_assert_null (store);

  after = sqlite_shell (path, ".dump");
  g_assert_cmpstr (after, ==, before);
  g_free (out);
  out = sqlite_shell (path, "PRAGMA user_version");
  g_assert_cmpstr (out, ==, "2");
}

/* A file of version 2 with positions for every entity, and so no routes, opens and draws from them without Graphviz. */
static void
test_migrate_v2_draws (void)
{
  g_autofree char *path = temp_path ("v2-draws.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  gboolean laid_out = TRUE;
  guint n_edges = 0;

  make_v2 (path);
  g_free (sqlite_shell (path, "INSERT INTO positions (entity_id, engine, x, y, pinned) VALUES "
                              "(3, 'sfdp', 60.0, 120.0, 0), (4, 'sfdp', 160.0, 120.0, 0)"));

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (store), ==, 2);
  graph = ent_store_load_graph (store, &error);
  scene = ent_diagram_build (store, graph, "sfdp", FALSE, NULL, &laid_out, &error);
  g_assert_no_error (error);
  g_assert_false (laid_out);
  g_assert_false (ent_scene_has_routes (scene));
  g_assert_cmpfloat (ent_scene_find_node (scene, 2)->x, ==, 110.0);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    n_edges += ent_scene_get_item (scene, i)->type == ENT_SCENE_ITEM_EDGE;
  g_assert_cmpuint (n_edges, ==, graph->relations->len);
}

static void
test_migrate_v1_broken_quote (void)
{
  g_autofree char *path = temp_path ("v1-broken.entente");
  g_autofree char *out = NULL;
  g_autofree char *version = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;

  make_v1 (path);
  out = sqlite_shell (path, "UPDATE quotes SET text = 'Delhi!' WHERE id = 3");

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH);
  g_assert_null (store);

  /* The failed upgrade was rolled back as one transaction. */
  version = sqlite_shell (path, "PRAGMA user_version; SELECT count (*) FROM sqlite_schema WHERE name = 'positions'");
  g_assert_cmpstr (version, ==, "1\n0");
}

/*
 * A file of version 4, as Entente wrote them, with a layout and its routes:
 * the upgrade keeps every row, and adds the table of edge bundles with the
 * triggers that drop them when a position changes.
 */
static void
test_migrate_v4 (void)
{
  static const char rows[] =
    "SELECT * FROM entities; SELECT * FROM relations; SELECT * FROM positions;"
    "SELECT relation_id, engine, hex (points), label_x, label_y FROM routes;";
  g_autofree char *dir = g_dir_make_tmp ("entente-migrate-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "v4.entente");
  g_autofree char *before = NULL, *after = NULL, *schema = NULL, *bundles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  EntRoute bundle = { .n_points = 4, .points = (double []) { 0, 0, 1, 1, 2, 2, 3, 3 } };

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  graph = ent_store_load_graph (store, &error);
  scene = ent_diagram_build (store, graph, "dot", TRUE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_free (sqlite_shell (path, "DROP TRIGGER positions_drop_bundles_insert; DROP TRIGGER positions_drop_bundles_update;"
                              "DROP TABLE aliases; DROP TABLE bundles; PRAGMA user_version = 4;"
                              "ALTER TABLE entity_evidence DROP COLUMN stance; ALTER TABLE relation_evidence DROP COLUMN stance;"));
  before = sqlite_shell (path, rows);
  g_assert_cmpstr (strstr (before, "|dot|"), !=, NULL);

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (store), ==, 4);
  g_assert_true (ent_store_check_integrity (store, &error));

  /* The triggers work: a bundle stored goes when a position changes. */
  bundle.relation_id = ((EntRelation *) g_ptr_array_index (graph->relations, 0))->id;
  g_assert_true (ent_store_save_bundles (store, "dot", &bundle, 1, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  after = sqlite_shell (path, rows);
  g_assert_cmpstr (after, ==, before);
  bundles = sqlite_shell (path, "SELECT count (*) FROM bundles; UPDATE positions SET x = x + 1 WHERE engine = 'dot';"
                                "SELECT count (*) FROM bundles");
  g_assert_cmpstr (bundles, ==, "1\n0");

  schema = sqlite_shell (path, "PRAGMA user_version; SELECT name FROM sqlite_schema WHERE name LIKE '%bundles%' ORDER BY name");
  g_assert_cmpstr (schema, ==, G_STRINGIFY (ENT_STORE_SCHEMA_VERSION) "\nbundles\nbundles_relation\n"
                               "positions_drop_bundles_insert\npositions_drop_bundles_update");
}

/* A file of version 5: the upgrade keeps every row and adds the table of aliases, which then takes them, and
 * the stance of each quote: every one supports what it backs. */
static void
test_migrate_v5 (void)
{
  static const char rows[] =
    "SELECT * FROM entities; SELECT * FROM relations; SELECT * FROM quotes; SELECT entity_id, quote_id FROM entity_evidence;"
    "SELECT * FROM positions; SELECT * FROM properties;";
  g_autofree char *dir = g_dir_make_tmp ("entente-migrate-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "v5.entente");
  g_autofree char *before = NULL, *after = NULL, *schema = NULL;
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;

  g_free (sqlite_shell (path, "DROP TABLE aliases; PRAGMA user_version = 5;"
                              "ALTER TABLE entity_evidence DROP COLUMN stance; ALTER TABLE relation_evidence DROP COLUMN stance;"));
  before = sqlite_shell (path, rows);

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (store), ==, 5);
  g_assert_true (ent_store_check_integrity (store, &error));
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_ptr_array_add (aliases, (gpointer) "Aleinik");
  g_assert_true (ent_store_set_aliases (store, ((EntEntity *) g_ptr_array_index (graph->entities, 0))->id, aliases,
                                        &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  after = sqlite_shell (path, rows);
  g_assert_cmpstr (after, ==, before);
  schema = sqlite_shell (path, "PRAGMA user_version; SELECT alias FROM aliases;"
                               "SELECT DISTINCT stance FROM entity_evidence; SELECT DISTINCT stance FROM relation_evidence");
  g_assert_cmpstr (schema, ==, G_STRINGIFY (ENT_STORE_SCHEMA_VERSION) "\nAleinik\nsupports\nsupports");

  g_unlink (path);
  g_rmdir (dir);
}

/* Version 6's properties, with their checks, become version 7's: every row with its id, and the same rows refused. */
static void
test_migrate_v6 (void)
{
  static const char v6_properties[] =
    "DROP TABLE properties;"
    "CREATE TABLE properties (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  entity_id INTEGER REFERENCES entities (id) ON DELETE CASCADE,\n"
    "  relation_id INTEGER REFERENCES relations (id) ON DELETE CASCADE,\n"
    "  key TEXT NOT NULL CHECK (length (key) BETWEEN 1 AND 200),\n"
    "  type TEXT NOT NULL CHECK (type IN ('string', 'number', 'boolean', 'date')),\n"
    "  value TEXT NOT NULL CHECK (length (value) <= 10000),\n"
    "  CHECK ((entity_id IS NULL) <> (relation_id IS NULL)),\n"
    "  CHECK (type <> 'boolean' OR value IN ('true', 'false')),\n"
    "  UNIQUE (entity_id, key),\n"
    "  UNIQUE (relation_id, key)\n"
    ");"
    "INSERT INTO properties (id, entity_id, relation_id, key, type, value) VALUES"
    "  (7, 1, NULL, 'population', 'number', '9200000'), (8, 1, NULL, 'capital', 'string', 'Minsk'),"
    "  (12, NULL, 1, 'population', 'boolean', 'true'), (13, NULL, 2, 'signed', 'date', '2024-03-12'),"
    "  (14, 2, NULL, 'note', 'string', '');"
    "PRAGMA user_version = 6;";
  /* Each of these the old checks refused, and the new ones must: a type of none, a boolean that is not,
   * a key the owner has, an owner of two kinds and of none, an empty key. */
  static const char * const refused[] = {
    "INSERT INTO properties (entity_id, key, type, value) VALUES (1, 'a', 'colour', 'red')",
    "INSERT INTO properties (entity_id, key, type, value) VALUES (1, 'b', 'boolean', 'yes')",
    "INSERT INTO properties (entity_id, key, type, value) VALUES (1, 'capital', 'string', 'Brest')",
    "INSERT INTO properties (relation_id, key, type, value) VALUES (2, 'signed', 'string', 'twice')",
    "INSERT INTO properties (entity_id, relation_id, key, type, value) VALUES (3, 3, 'c', 'string', 'x')",
    "INSERT INTO properties (key, type, value) VALUES ('d', 'string', 'x')",
    "INSERT INTO properties (entity_id, key, type, value) VALUES (3, '', 'string', 'x')",
  };
  /* Each owner's keys are its own: a relation and an entity may have the key another has. */
  static const char allowed[] =
    "INSERT INTO properties (relation_id, key, type, value) VALUES (1, 'capital', 'boolean', 'false');"
    "INSERT INTO properties (entity_id, key, type, value) VALUES (3, 'capital', 'date', '1991');"
    "SELECT count (*) FROM properties;";
  static const char rows[] = "SELECT * FROM properties ORDER BY id;";
  g_autofree char *dir = g_dir_make_tmp ("entente-migrate-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "v6.entente");
  g_autofree char *before = NULL, *after = NULL, *schema = NULL, *counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  EntEntity *first;

  g_free (sqlite_shell (path, v6_properties));
  before = sqlite_shell (path, rows);
  g_assert_cmpstr (before, ==, "7|1||population|number|9200000\n8|1||capital|string|Minsk\n"
                               "12||1|population|boolean|true\n13||2|signed|date|2024-03-12\n14|2||note|string|");

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ent_store_get_file_version (store), ==, 6);
  g_assert_true (ent_store_check_integrity (store, &error));
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  first = ent_graph_get_entity (graph, 1);
  g_assert_nonnull (first);
  g_assert_cmpstr (property_value (first->properties, "capital", ENT_PROPERTY_STRING), ==, "Minsk");
  g_assert_cmpstr (property_value (first->properties, "population", ENT_PROPERTY_NUMBER), ==, "9200000");
  g_clear_object (&store);

  after = sqlite_shell (path, rows);
  g_assert_cmpstr (after, ==, before);
  schema = sqlite_shell (path, "PRAGMA user_version; PRAGMA integrity_check; PRAGMA foreign_key_check;"
                               "SELECT name FROM sqlite_schema WHERE tbl_name = 'properties' ORDER BY name");
  g_assert_cmpstr (schema, ==, G_STRINGIFY (ENT_STORE_SCHEMA_VERSION) "\nok\n"
                               "properties\nproperties_entity_key\nproperties_relation_key");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_free (sqlite_shell (path, refused[i]));
  counts = sqlite_shell (path, "SELECT count (*) FROM properties");
  g_assert_cmpstr (counts, ==, "5");
  g_free (counts);
  counts = sqlite_shell (path, allowed);
  g_assert_cmpstr (counts, ==, "7");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/store/migrate-v1", test_migrate_v1);
  g_test_add_func ("/ent/store/migrate-v1-broken-quote", test_migrate_v1_broken_quote);
  g_test_add_func ("/ent/store/migrate-v2", test_migrate_v2);
  g_test_add_func ("/ent/store/migrate-v2-fails", test_migrate_v2_fails);
  g_test_add_func ("/ent/store/migrate-v2-draws", test_migrate_v2_draws);
  g_test_add_func ("/ent/store/migrate-v4", test_migrate_v4);
  g_test_add_func ("/ent/store/migrate-v5", test_migrate_v5);
  g_test_add_func ("/ent/store/migrate-v6", test_migrate_v6);

  return g_test_run ();
}
