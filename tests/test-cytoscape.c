/* test-cytoscape.c: Cytoscape's JSON: real files import with their counts, what is written reads back, hostile files fail clearly
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ent-cytoscape.h"
#include "ent-data.h"
#include "ent-diagram.h"
#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-user-data.h"

/* How many relations join the same two entities in the same order as an earlier one. */
static guint
count_parallel (EntGraph *graph)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint parallel = 0;

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      char *pair = g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, relation->from_id, relation->to_id);

      if (!g_hash_table_add (pairs, pair))
        parallel++;
    }
  return parallel;
}

/* Cytoscape 3's desktop export: 31 nodes placed, 255 edges, list-valued and typed attributes. */
static void
test_desktop_export (void)
{
  g_autofree char *path = data_path ("cytoscape", "cytoscape3_genemania-export.cyjs.json");
  g_autoptr(EntImport) import = read_ok (ent_cytoscape_read, path);
  EntGraph *graph = import->graph;
  EntEntity *med6 = NULL;
  EntImportLayout *layout;
  EntDataFormat data_format;

  g_assert_cmpuint (graph->entities->len, ==, 31);
  g_assert_cmpuint (graph->relations->len, ==, 255);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (count_parallel (graph), >=, 1);

  for (guint i = 0; i < graph->entities->len && med6 == NULL; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (g_strcmp0 (property_value (entity->properties, "gene_name", ENT_PROPERTY_STRING), "MED6") == 0)
        med6 = entity;
    }
  g_assert_nonnull (med6);
  /* The label is the node's name, and the rest of its data its properties, of their JSON types. */
  g_assert_cmpstr (med6->name, ==, "H__sapiens__1_-Hs:5285773");
  g_assert_cmpstr (property_value (med6->properties, "Synonym", ENT_PROPERTY_STRING), ==, "NY-REN-28");
  g_assert_cmpstr (property_value (med6->properties, "score", ENT_PROPERTY_NUMBER), ==, "0.02800562173812221");
  g_assert_cmpstr (property_value (med6->properties, "selected", ENT_PROPERTY_BOOLEAN), ==, "false");
  g_assert_cmpstr (property_value (med6->properties, "SUID", ENT_PROPERTY_NUMBER), ==, "296");
  g_assert_null (property_value (med6->properties, "id", ENT_PROPERTY_STRING));

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      const char *networks = property_value (relation->properties, "networks", ENT_PROPERTY_STRING);

      if (relation->from_id == med6->id && g_strcmp0 (property_value (relation->properties, "SUID",
                                                                      ENT_PROPERTY_NUMBER), "343") == 0)
        g_assert_cmpstr (networks, ==, "I2D-BioGRID-Yeast2Human; I2D-Krogan-Greenblatt-2006-Core-Yeast2Human");
    }

  /* Every node has a position: a layout of the engine the network opens with, y down as in Cytoscape. */
  g_assert_cmpuint (import->layouts->len, ==, 1);
  layout = g_ptr_array_index (import->layouts, 0);
  g_assert_cmpstr (layout->engine, ==, ent_diagram_choose_engine (graph, NULL));
  g_assert_cmpuint (layout->positions->len, ==, 31);
  for (guint i = 0; i < layout->positions->len; i++)
    {
      EntPosition *position = &g_array_index (layout->positions, EntPosition, i);

      if (position->entity_id == med6->id)
        {
          g_assert_cmpfloat_with_epsilon (position->x, 147.454345703125, 1e-9);
          g_assert_cmpfloat_with_epsilon (position->y, -30.69869613647461, 1e-9);
        }
    }

  g_assert_true (ent_data_format_for_path (path, &data_format, NULL));
  g_assert_cmpint (data_format, ==, ENT_DATA_FORMAT_CYTOSCAPE);
}

/* A flat list without groups: an edge is what has a source and a target; ids made up; classes kept. */
static void
test_flat_array (void)
{
  g_autofree char *path = data_path ("cytoscape", "edge-types_flat-array.json");
  g_autoptr(EntImport) import = read_ok (ent_cytoscape_read, path);
  EntGraph *graph = import->graph;
  EntEntity *n02 = find_entity (graph, "n02");
  guint loops = 0;

  g_assert_cmpuint (graph->entities->len, ==, 23);
  g_assert_cmpuint (graph->relations->len, ==, 18);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpuint (import->layouts->len, ==, 0);
  g_assert_cmpuint (count_parallel (graph), >=, 1);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      g_assert_cmpint (relation->id, ==, i + 1);
      loops += relation->from_id == relation->to_id;
      g_assert_cmpstr (property_value (relation->properties, "classes", ENT_PROPERTY_STRING), !=, NULL);
    }
  g_assert_cmpuint (loops, ==, 1);

  /* "type" is the node's kind, one of the file's own. */
  g_assert_cmpstr (n02->kind_key, ==, "bezier");
  g_assert_nonnull (ent_graph_get_kind (graph, "bezier"));
  g_assert_cmpstr (property_value (n02->properties, "flipLabel", ENT_PROPERTY_BOOLEAN), ==, "true");
}

/* Compound nodes, a node without a name, nulls and an edge to a node that is not there. */
static void
test_shapes (void)
{
  g_autofree char *path = write_temp_file ("bare.json",
    "{\"elements\": {\"nodes\": [\n"
    "  {\"data\": {\"id\": \"p\", \"label\": \"Parent\", \"nothing\": null, \"tags\": [\"a\", null, \"b\"]}},\n"
    "  {\"data\": {\"id\": 7, \"parent\": \"p\", \"station_name\": \"Central\", \"when\": \"2020-03\"}},\n"
    "  {\"data\": {\"name\": \"no id\"}}\n"
    "], \"edges\": [\n"
    "  {\"data\": {\"source\": \"7\", \"target\": \"gone\"}},\n"
    "  {\"data\": {\"source\": \"7\", \"target\": \"p\", \"directed\": false, \"interaction\": \"pp\", \"start\": \"2019\"}}\n"
    "]}}\n", -1);
  g_autoptr(EntImport) import = read_ok (ent_cytoscape_read, path);
  EntGraph *graph = import->graph;
  EntEntity *parent = find_entity (graph, "Parent");
  EntEntity *child = find_entity (graph, "Central");
  EntRelation *relation;

  g_assert_cmpuint (graph->entities->len, ==, 2);
  g_assert_cmpuint (import->problems->len, ==, 2);
  g_assert_null (property_value (parent->properties, "nothing", ENT_PROPERTY_STRING));
  g_assert_cmpstr (property_value (parent->properties, "tags", ENT_PROPERTY_STRING), ==, "a; b");
  g_assert_cmpstr (property_value (child->properties, "when", ENT_PROPERTY_DATE), ==, "2020-03");

  g_assert_cmpuint (graph->relations->len, ==, 2);
  relation = g_ptr_array_index (graph->relations, 0);
  g_assert_cmpstr (relation->kind, ==, "pp");
  g_assert_false (relation->directed);
  g_assert_cmpstr (relation->start_date, ==, "2019");
  relation = g_ptr_array_index (graph->relations, 1);
  g_assert_cmpstr (relation->kind, ==, "parent");
  g_assert_cmpint (relation->from_id, ==, child->id);
  g_assert_cmpint (relation->to_id, ==, parent->id);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Everything Cytoscape can hold of a network, one line a record, sorted, to compare two networks by. */
static char *
describe (EntGraph  *graph,
          GPtrArray *layouts)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *engine = ent_diagram_choose_engine (graph, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      g_autofree char *properties = describe_properties (entity->properties);
      g_autoptr(GString) quotes = g_string_new (NULL);

      for (guint q = 0; q < entity->quote_ids->len; q++)
        g_string_append_printf (quotes, "[%s]",
                                ent_graph_get_quote (graph, g_array_index (entity->quote_ids, gint64, q))->text);
      g_ptr_array_add (lines, g_strdup_printf ("entity %s|%s|%s|%s|%s|%s|%s|%s", entity->name,
                                               ent_entity_get_kind_key (entity), entity->role, entity->description,
                                               entity->start_date, entity->end_date, properties, quotes->str));
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      g_autofree char *properties = describe_properties (relation->properties);

      g_ptr_array_add (lines, g_strdup_printf ("relation %s→%s|%s|%s|%d|%s|%s|%s|%u quotes",
                                               ent_graph_get_entity (graph, relation->from_id)->name,
                                               ent_graph_get_entity (graph, relation->to_id)->name, relation->kind,
                                               relation->label, relation->directed, relation->start_date,
                                               relation->end_date, properties, relation->quote_ids->len));
    }
  for (guint i = 0; layouts != NULL && i < layouts->len; i++)
    {
      EntImportLayout *layout = g_ptr_array_index (layouts, i);

      for (guint p = 0; g_str_equal (layout->engine, engine) && p < layout->positions->len; p++)
        {
          EntPosition *position = &g_array_index (layout->positions, EntPosition, p);

          g_ptr_array_add (lines, g_strdup_printf ("position %s %s %.17g %.17g",
                                                   ent_graph_get_entity (graph, position->entity_id)->name,
                                                   layout->engine, position->x, position->y));
        }
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (lines, i));
  return g_string_free (text, FALSE);
}

static void
assert_round_trip (EntGraph  *graph,
                   GPtrArray *layouts)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("network.cyjs");
  g_autoptr(EntImport) import = NULL;
  g_autofree char *expected = describe (graph, layouts);
  g_autofree char *actual = NULL;
  EntDataFormat format;

  g_assert_true (ent_cytoscape_write (graph, layouts, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ent_data_format_for_path (path, &format, NULL));
  g_assert_cmpint (format, ==, ENT_DATA_FORMAT_CYTOSCAPE);

  import = read_ok (ent_cytoscape_read, path);
  g_assert_cmpuint (import->problems->len, ==, 0);
  actual = describe (import->graph, import->layouts);
  g_assert_cmpstr (actual, ==, expected);
}

/* The bundled network → .cyjs → a network with the same entities, kinds, relations, quotes' texts and positions. */
static void
test_round_trip_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ent_bundled_database_path ();
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GPtrArray) layouts = NULL;

  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  layouts = ent_store_load_layouts (store, &error);
  g_assert_no_error (error);
  assert_round_trip (graph, layouts);
}

/* Properties of every type, an undirected relation with a label, a kind of the file's own and positions. */
static void
test_round_trip_properties (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_import_layout_free);
  EntImportLayout *layout = g_new0 (EntImportLayout, 1);
  EntEntity *a = add_kind_entity (graph, 1, ENT_KIND_PERSON, NULL, "Ann");
  EntEntity *b = add_kind_entity (graph, 2, ENT_KIND_PLACE, NULL, "Bay");
  EntRelation *relation = g_new0 (EntRelation, 1);
  EntPosition positions[] = { { 1, 10.5, -20.25, FALSE }, { 2, 1e-3, 300, FALSE } };

  a->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  add_property (&a->properties, "age", ENT_PROPERTY_NUMBER, "42");
  add_property (&a->properties, "height", ENT_PROPERTY_NUMBER, "1.75");
  add_property (&a->properties, "alive", ENT_PROPERTY_BOOLEAN, "true");
  add_property (&a->properties, "born", ENT_PROPERTY_DATE, "1980-02");
  add_property (&a->properties, "motto", ENT_PROPERTY_STRING, "“Ça va” \"quoted\"\nline");
  b->start_date = g_strdup ("2001");
  b->description = g_strdup ("A bay.");

  relation->id = 1;
  relation->kind = g_strdup ("visits");
  relation->from_id = 1;
  relation->to_id = 2;
  relation->label = g_strdup ("each summer");
  relation->directed = FALSE;
  relation->end_date = g_strdup ("2010-05-01");
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  relation->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  add_property (&relation->properties, "weight", ENT_PROPERTY_NUMBER, "-3");
  ent_graph_take_relation (graph, relation);

  layout->engine = g_strdup (ent_diagram_choose_engine (graph, NULL));
  layout->positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  g_array_append_vals (layout->positions, positions, G_N_ELEMENTS (positions));
  g_ptr_array_add (layouts, layout);
  assert_round_trip (graph, layouts);
}

static void
test_truncated (void)
{
  g_autofree char *original = data_path ("cytoscape", "edge-types_flat-array.json");
  g_autofree char *path = write_truncated (original, "truncated.json");

  assert_read_fails (ent_cytoscape_read, path, ENT_IMPORT_ERROR_INVALID, "not valid JSON");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *path = write_temp_file ("bad.cyjs", "{\"elements\": [\n{\"data\": {\"id\": \"a\xff\"}}]}", -1);

  assert_read_fails (ent_cytoscape_read, path, ENT_IMPORT_ERROR_INVALID, "Line 2, column");
}

static void
test_deep (void)
{
  g_autofree char *text = deep_text ("{\"elements\": ", 100000, "}");

  assert_contents_fail (ent_cytoscape_read, "deep.cyjs", text, ENT_IMPORT_ERROR_INVALID, "nested deeper");
}

/* A label of 40,000 lines is more than a name may be: the whole read fails, nothing comes in. */
static void
test_long_label (void)
{
  g_autofree char *text = repeat_text ("{\"elements\": {\"nodes\": [{\"data\": {\"id\": \"a\", \"name\": \"", "line\\n", 40000,
                                       "\"}}]}}");

  assert_contents_fail (ent_cytoscape_read, "label.cyjs", text, ENT_IMPORT_ERROR_TOO_LARGE, "longer than");
}

/* Entente's own JSON, and JSON of no graph at all, are not Cytoscape's: .json files go to the right reader. */
static void
test_wrong_shape (void)
{
  g_autofree char *ours = write_temp_file ("ours.json", "{\"format\": \"entente-network\", \"version\": 1, \"entities\": []}", -1);
  g_autofree char *other = write_temp_file ("other.cyjs", "{\"nodes\": []}", -1);
  EntDataFormat format;

  assert_read_fails (ent_cytoscape_read, ours, ENT_IMPORT_ERROR_INVALID, "not a Cytoscape network");
  assert_read_fails (ent_cytoscape_read, other, ENT_IMPORT_ERROR_INVALID, "not a Cytoscape network");
  g_assert_true (ent_data_format_for_path (ours, &format, NULL));
  g_assert_cmpint (format, ==, ENT_DATA_FORMAT_JSON);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/cytoscape/desktop-export", test_desktop_export);
  g_test_add_func ("/ent/cytoscape/flat-array", test_flat_array);
  g_test_add_func ("/ent/cytoscape/shapes", test_shapes);
  g_test_add_func ("/ent/cytoscape/round-trip-bundled", test_round_trip_bundled);
  g_test_add_func ("/ent/cytoscape/round-trip-properties", test_round_trip_properties);
  g_test_add_func ("/ent/cytoscape/truncated", test_truncated);
  g_test_add_func ("/ent/cytoscape/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ent/cytoscape/deep", test_deep);
  g_test_add_func ("/ent/cytoscape/long-label", test_long_label);
  g_test_add_func ("/ent/cytoscape/wrong-shape", test_wrong_shape);

  return g_test_run ();
}
