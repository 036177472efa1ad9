/* test-gexf.c: GEXF as Gephi writes it is read, what Entente writes validates and reads back, hostile files fail
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ent-diagram.h"
#include "ent-gexf.h"
#include "ent-store.h"
#include "ent-test-util.h"

/* @properties as describe_properties() writes them, a line end before each. */
static char *
property_lines (GPtrArray *properties)
{
  g_autofree char *text = describe_properties (properties);

  return g_strconcat ("\n", text, NULL);
}

static gboolean
has_key (GPtrArray  *properties,
         const char *key)
{
  g_autofree char *lines = property_lines (properties);
  g_autofree char *start = g_strdup_printf ("\n%s ", key);

  return strstr (lines, start) != NULL;
}

static void
assert_property (GPtrArray       *properties,
                 const char      *key,
                 EntPropertyType  type,
                 const char      *value)
{
  g_autofree char *lines = property_lines (properties);
  g_autofree char *line = g_strdup_printf ("\n%s %s %s\n", key, ent_property_type_to_string (type), value);

  if (strstr (lines, line) == NULL)
    g_error ("no “%s” (%s) “%s” among%s", key, ent_property_type_to_string (type), value, lines);
}

/* Gephi's own sample: labels, a typed attribute, viz:size, viz:color and positions, weights, undirected edges. */
static void
test_les_miserables (void)
{
  g_autoptr(EntImport) import = read_data_file (ent_gexf_read, "gexf", "gephi_les_miserables.gexf");
  EntGraph *graph = import->graph;
  EntEntity *myriel = find_entity (graph, "Myriel");
  EntImportLayout *layout;
  EntRelation *relation;
  guint weighted = 0;

  g_assert_cmpuint (graph->entities->len, ==, 77);
  g_assert_cmpuint (graph->relations->len, ==, 254);
  g_assert_cmpuint (import->problems->len, ==, 0);
  assert_property (myriel->properties, "Modularity Class", ENT_PROPERTY_NUMBER, "0");
  assert_property (myriel->properties, "viz:size", ENT_PROPERTY_NUMBER, "28.685715");
  assert_property (myriel->properties, "viz:color", ENT_PROPERTY_STRING, "#5b5bf5");
  g_assert_cmpstr (myriel->kind_key, ==, "entity");

  g_assert_cmpuint (import->layouts->len, ==, 1);
  layout = g_ptr_array_index (import->layouts, 0);
  g_assert_cmpstr (layout->engine, ==, ent_diagram_choose_engine (graph, NULL));
  g_assert_cmpuint (layout->positions->len, ==, 77);
  for (guint i = 0; i < layout->positions->len; i++)
    {
      EntPosition *position = &g_array_index (layout->positions, EntPosition, i);

      if (position->entity_id == myriel->id)
        {
          /* GEXF's y grows upwards, the store's downwards. */
          g_assert_cmpfloat_with_epsilon (position->x, -102.81979, 1e-9);
          g_assert_cmpfloat_with_epsilon (position->y, 185.35468, 1e-9);
        }
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      relation = g_ptr_array_index (graph->relations, i);
      g_assert_false (relation->directed);
      g_assert_cmpstr (relation->kind, ==, "related-to");
      weighted += has_key (relation->properties, "weight");
    }
  /* Gephi leaves out weights of 1. */
  g_assert_cmpuint (weighted, ==, 157);
  assert_property (((EntRelation *) g_ptr_array_index (graph->relations, 1))->properties, "weight",
                   ENT_PROPERTY_NUMBER, "8.0");
}

/* The primer's dynamic network: open-ended dates, spells, dynamic values, a boolean's default. */
static void
test_dynamics (void)
{
  g_autoptr(EntImport) import = read_data_file (ent_gexf_read, "gexf", "gexfnet_dynamics.gexf");
  EntGraph *graph = import->graph;
  EntEntity *gephi = find_entity (graph, "Gephi");
  EntEntity *network = find_entity (graph, "Network");
  EntEntity *visualization = find_entity (graph, "Visualization");
  EntEntity *graph_node = find_entity (graph, "Graph");
  EntRelation *relation;

  g_assert_cmpuint (graph->entities->len, ==, 4);
  g_assert_cmpuint (graph->relations->len, ==, 5);
  g_assert_cmpstr (gephi->start_date, ==, "2009-03-01");
  g_assert_null (gephi->end_date);
  assert_property (gephi->properties, "url", ENT_PROPERTY_STRING, "http://gephi.org");
  assert_property (gephi->properties, "indegree", ENT_PROPERTY_NUMBER, "1");
  /* The default applies where a node has no value, and only there. */
  assert_property (gephi->properties, "frog", ENT_PROPERTY_BOOLEAN, "true");
  assert_property (graph_node->properties, "frog", ENT_PROPERTY_BOOLEAN, "false");
  assert_property (network->properties, "indegree", ENT_PROPERTY_STRING,
                   "1 [, 2009-03-01]; 2 [2009-03-01, 2009-03-10]; 1 [2009-03-10, ]");
  assert_property (visualization->properties, "spells", ENT_PROPERTY_STRING, "/2009-03-01; 2009-03-05/2009-03-10");
  g_assert_null (visualization->start_date);
  g_assert_cmpstr (visualization->end_date, ==, "2009-03-10");
  g_assert_cmpuint (import->layouts->len, ==, 0);

  relation = g_ptr_array_index (graph->relations, 1);
  g_assert_true (relation->directed);
  g_assert_cmpstr (relation->start_date, ==, "2009-03-01");
  g_assert_cmpstr (relation->end_date, ==, "2009-03-10");
}

/* Nodes nested in nodes are nodes of their own, each with its parent's name. */
static void
test_hierarchy (void)
{
  g_autoptr(EntImport) import = read_data_file (ent_gexf_read, "gexf", "gexfnet_hierarchy1.gexf");
  EntGraph *graph = import->graph;

  g_assert_cmpuint (graph->entities->len, ==, 10);
  g_assert_cmpuint (graph->relations->len, ==, 9);
  g_assert_false (has_key (find_entity (graph, "Kevin Bacon")->properties, "parent"));
  assert_property (find_entity (graph, "God")->properties, "parent", ENT_PROPERTY_STRING, "Kevin Bacon");
  assert_property (find_entity (graph, "frog2")->properties, "parent", ENT_PROPERTY_STRING, "Me");
}

/* Older namespaces and versions: 1.0's attvalue names its attribute with id, 1.2draft's viz has a namespace of its own. */
static void
test_versions (void)
{
  g_autofree char *path = NULL;
  g_autoptr(EntImport) old = NULL;
  g_autoptr(EntImport) draft = NULL;
  EntEntity *entity;

  path = write_temp_file ("network.gexf", "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://www.gephi.org/gexf\" version=\"1.0\">\n"
                                          "<graph type=\"static\"><attributes class=\"node\" type=\"static\">\n"
                                          "<attribute id=\"0\" title=\"Type\" type=\"string\"/><attribute id=\"1\" title=\"age\" "
                                          "type=\"integer\"/></attributes>\n<nodes><node id=\"a\" label=\"Ann\"><attvalues>"
                                          "<attvalue id=\"0\" value=\"person\"/><attvalue id=\"1\" value=\"42\"/></attvalues></node>\n"
                                          "<node id=\"b\"/></nodes>\n<edges><edge id=\"0\" source=\"a\" target=\"b\" type=\"directed\"/>"
                                          "<edge source=\"b\" target=\"b\"/><edge source=\"a\" target=\"b\"/></edges></graph></gexf>\n", -1);
  old = read_ok (ent_gexf_read, path);
  entity = find_entity (old->graph, "Ann");
  g_assert_cmpint (entity->kind, ==, ENT_KIND_PERSON);
  g_assert_null (entity->kind_key);
  /* The attribute the kinds come from is the one the assistant offers first to take them from. */
  g_assert_cmpstr (old->type_key, ==, "Type");
  /* Without it the kinds' type is a property again, as the file wrote it. */
  ent_import_set_type_key (old, NULL);
  g_assert_cmpstr (entity->kind_key, ==, "entity");
  assert_property (entity->properties, "Type", ENT_PROPERTY_STRING, "person");
  assert_property (entity->properties, "age", ENT_PROPERTY_NUMBER, "42");
  /* A node without a label is named by its id; a self-loop and parallel edges come in. */
  g_assert_cmpstr (find_entity (old->graph, "b")->kind_key, ==, "entity");
  g_assert_cmpuint (old->graph->relations->len, ==, 3);
  g_assert_true (((EntRelation *) g_ptr_array_index (old->graph->relations, 0))->directed);
  g_assert_false (((EntRelation *) g_ptr_array_index (old->graph->relations, 1))->directed);
  g_clear_pointer (&path, g_free);

  path = write_temp_file ("network.gexf", "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                                          "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">\n"
                                          "<graph defaultedgetype=\"directed\"><nodes>\n"
                                          "<node id=\"1\" label=\"One\"><viz:position x=\"1.5\" y=\"2\" z=\"0\"/>"
                                          "<viz:color r=\"255\" g=\"0\" b=\"16\" a=\"0.5\"/><viz:shape value=\"image\" uri=\"/etc/passwd\"/></node>\n"
                                          "<node id=\"2\" label=\"Two\"/></nodes>\n<edges><edge source=\"1\" target=\"2\" type=\"mutual\" "
                                          "kind=\"knows\" label=\"since school\"/><edge source=\"1\" target=\"3\"/></edges></graph></gexf>\n",
                          -1);
  draft = read_ok (ent_gexf_read, path);
  entity = find_entity (draft->graph, "One");
  assert_property (entity->properties, "viz:color", ENT_PROPERTY_STRING, "#ff0010");
  /* The shape is kept as its name; the file it names is never opened. */
  assert_property (entity->properties, "viz:shape", ENT_PROPERTY_STRING, "image");
  for (guint i = 0; i < entity->properties->len; i++)
    g_assert_null (strstr (((EntProperty *) g_ptr_array_index (entity->properties, i))->value, "root:"));
  g_assert_cmpuint (draft->graph->relations->len, ==, 1);
  g_assert_false (((EntRelation *) g_ptr_array_index (draft->graph->relations, 0))->directed);
  g_assert_cmpstr (((EntRelation *) g_ptr_array_index (draft->graph->relations, 0))->kind, ==, "knows");
  g_assert_cmpstr (((EntRelation *) g_ptr_array_index (draft->graph->relations, 0))->label, ==, "since school");
  /* The edge to a node the file lacks is left out with a problem; a layout of half the nodes is none. */
  g_assert_cmpuint (draft->layouts->len, ==, 0);
  g_assert_cmpuint (draft->problems->len, ==, 2);
}

/* Validates @path against the GEXF 1.3 schema with xmllint, as Gephi's users would. */
static void
assert_validates (const char *path)
{
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "data", "gexf-1.3", "gexf.xsd", NULL);
  const char *argv[] = { "xmllint", "--noout", "--nonet", "--schema", xsd, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint does not validate %s: %s", path, errors);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(EntProperty * const *) a)->key, (*(EntProperty * const *) b)->key);
}

/* @properties as text in the order of their keys, but for @skip. */
static void
dump_properties (GString    *out,
                 GPtrArray  *properties,
                 const char *skip)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; properties != NULL && i < properties->len; i++)
    if (g_strcmp0 (((EntProperty *) g_ptr_array_index (properties, i))->key, skip) != 0)
      g_ptr_array_add (sorted, g_ptr_array_index (properties, i));
  g_ptr_array_sort (sorted, compare_keys);
  for (guint i = 0; i < sorted->len; i++)
    {
      EntProperty *property = g_ptr_array_index (sorted, i);

      g_string_append_printf (out, "  %s (%s) = %s\n", property->key, ent_property_type_to_string (property->type),
                              property->value);
    }
}

#define TEXT(s) ((s) != NULL ? (s) : "")

/*
 * What GEXF keeps of a network: entities with their kinds (key, label,
 * colour), fields and properties, relations with their ends, kinds,
 * labels, directions, dates and properties, and the positions of the layout
 * the network opens with. Relations' quotes come back as their texts in a
 * property, which @skip_quotes leaves out.
 */
static char *
dump_network (EntGraph  *graph,
              GPtrArray *layouts,
              gboolean   skip_quotes)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *engine = ent_diagram_choose_engine (graph, NULL);

  for (guint i = 0; layouts != NULL && i < layouts->len; i++)
    {
      EntImportLayout *layout = g_ptr_array_index (layouts, i);

      for (guint p = 0; g_str_equal (layout->engine, engine) && p < layout->positions->len; p++)
        g_hash_table_insert (positions, &g_array_index (layout->positions, EntPosition, p).entity_id,
                             &g_array_index (layout->positions, EntPosition, p));
    }

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntKindInfo *kind = ent_graph_get_kind (graph, ent_entity_get_kind_key (entity));
      EntPosition *position = g_hash_table_lookup (positions, &entity->id);

      g_hash_table_insert (index, &entity->id, GUINT_TO_POINTER (i));
      g_string_append_printf (out, "entity %u: %s | %s %s %s | %s | %s | %s–%s\n", i, entity->name,
                              ent_entity_get_kind_key (entity), kind != NULL ? kind->label : "",
                              kind != NULL ? kind->color : "", TEXT (entity->description), TEXT (entity->role),
                              TEXT (entity->start_date), TEXT (entity->end_date));
      dump_properties (out, entity->properties, NULL);
      if (position != NULL)
        g_string_append_printf (out, "  at %.17g, %.17g\n", position->x, position->y);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      g_string_append_printf (out, "relation %u: %u %s %u | %s | %s | %s–%s\n", i,
                              GPOINTER_TO_UINT (g_hash_table_lookup (index, &relation->from_id)),
                              relation->directed ? "→" : "—",
                              GPOINTER_TO_UINT (g_hash_table_lookup (index, &relation->to_id)), relation->kind,
                              TEXT (relation->label), TEXT (relation->start_date), TEXT (relation->end_date));
      dump_properties (out, relation->properties, skip_quotes ? "quotes" : NULL);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/*
 * The bundled network with what it lacks to show every field GEXF holds:
 * a kind of its own, properties of every type, full and partial dates,
 * undirected relations among directed ones, a weight, and a layout.
 */
static char *
make_network (void)
{
  g_autofree char *place = temp_path ("source.entente");
  g_autofree char *dir = g_path_get_dirname (place);
  g_autofree char *path = copy_bundled (dir, "source.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  EntKindInfo kind = { "vessel", "Vessel", "diamond", "dot", "#2ec27e", NULL };
  EntEntity ship = { .kind = ENT_KIND_ORGANISATION, .kind_key = (char *) "vessel",
                     .name = (char *) "«Ship» & <Co> \"quoted\"\nsecond line", .description = (char *) "a\tb",
                     .start_date = (char *) "1999-12", .end_date = (char *) "2004-03-05" };
  EntRelation undirected = { .kind = (char *) "sails with", .label = (char *) "side < by > side", .directed = FALSE,
                             .start_date = (char *) "2001-01-02", .end_date = (char *) "2002" };
  EntProperty ship_properties[] = {
    { (char *) "tonnage", ENT_PROPERTY_NUMBER, (char *) "-1.5e3" },
    { (char *) "built", ENT_PROPERTY_DATE, (char *) "--03-11" },
    { (char *) "active", ENT_PROPERTY_BOOLEAN, (char *) "false" },
    { (char *) "motto \"quoted\" & <tagged>", ENT_PROPERTY_STRING, (char *) "Мир\nमित्र" },
  };
  EntProperty relation_properties[] = {
    { (char *) "weight", ENT_PROPERTY_NUMBER, (char *) "2.5" },
    { (char *) "secret", ENT_PROPERTY_BOOLEAN, (char *) "true" },
  };
  gint64 ship_id, relation_id;

  g_assert_no_error (error);
  g_assert_true (ent_store_begin (store, &error));
  g_assert_true (ent_store_add_kind (store, &kind, &error));
  ship_id = ent_store_add_entity (store, &ship, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ship_properties); i++)
    g_assert_true (ent_store_set_property (store, ship_id, 0, &ship_properties[i], &error));
  undirected.from_id = ship_id;
  undirected.to_id = 1;
  relation_id = ent_store_add_relation (store, &undirected, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (relation_properties); i++)
    g_assert_true (ent_store_set_property (store, 0, relation_id, &relation_properties[i], &error));
  g_assert_true (ent_store_commit (store, &error));
  g_assert_no_error (error);

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntPosition position = { ((EntEntity *) g_ptr_array_index (graph->entities, i))->id, i * 0.1 + 1.0 / 3.0,
                               -123.45678901234567 + i * 7, FALSE };
      g_array_append_val (positions, position);
    }
  g_assert_true (ent_store_save_positions (store, ent_diagram_choose_engine (graph, NULL),
                                           (EntPosition *) positions->data, positions->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* .entente → GEXF → .entente keeps entities, kinds, relations, directions, properties and positions. */
static void
test_round_trip (void)
{
  g_autofree char *source_path = make_network ();
  g_autofree char *gexf = temp_path ("round-trip.gexf");
  g_autofree char *copy_path = temp_path ("copy.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) source = ent_store_open (source_path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(EntGraph) graph = ent_store_load_graph (source, &error);
  g_autoptr(GPtrArray) layouts = ent_store_load_layouts (source, &error);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autoptr(EntStore) copy = NULL;
  g_autoptr(EntGraph) copy_graph = NULL;
  g_autoptr(GPtrArray) copy_layouts = NULL;

  g_assert_no_error (error);
  g_assert_true (ent_gexf_write (graph, layouts, gexf, NULL, &error));
  g_assert_no_error (error);
  assert_validates (gexf);

  import = read_ok (ent_gexf_read, gexf);
  g_assert_cmpuint (import->problems->len, ==, 0);
  copy = ent_store_open (copy_path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_import (copy, import, NULL, TRUE, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  copy_graph = ent_store_load_graph (copy, &error);
  copy_layouts = ent_store_load_layouts (copy, &error);
  g_assert_no_error (error);

  expected = dump_network (graph, layouts, FALSE);
  actual = dump_network (copy_graph, copy_layouts, TRUE);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_nonnull (strstr (expected, "  at "));

  /* The quotes come back as their texts, a blank line between two, as the CSV export writes them. */
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      GPtrArray *properties = ((EntRelation *) g_ptr_array_index (copy_graph->relations, i))->properties;
      g_autoptr(GString) texts = g_string_new (NULL);

      for (guint q = 0; q < relation->quote_ids->len; q++)
        g_string_append_printf (texts, "%s%s", q > 0 ? "\n\n" : "",
                                ent_graph_get_quote (graph, g_array_index (relation->quote_ids, gint64, q))->text);
      if (texts->len > 0)
        assert_property (properties, "quotes", ENT_PROPERTY_STRING, texts->str);
      else
        g_assert_false (has_key (properties, "quotes"));
    }
}

/* The bundled network as the command line exports it, and names and keys of every awkward kind, validate. */
static void
test_validates (void)
{
  static const char *names[] = {
    "&amp; <b> \"q\" 'a' ]]>", "tab\there\r\nline", "control \x01\x1f end", "ÆØÅ «Судно» जहाज़ 🚢", "  spaced  ",
  };
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(EntImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("tricky.gexf");

  g_assert_true (ent_gexf_write (graph, NULL, path, NULL, &error));
  g_assert_no_error (error);
  assert_validates (path);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      EntProperty *property = g_new0 (EntProperty, 1);

      g_free (entity->name);
      entity->name = g_strdup (names[i]);
      g_free (relation->kind);
      relation->kind = g_strdup (names[i]);
      property->key = g_strdup (names[i]);
      property->value = g_strdup (names[(i + 1) % G_N_ELEMENTS (names)]);
      g_ptr_array_add (entity->properties, property);
    }
  g_assert_true (ent_gexf_write (graph, NULL, path, NULL, &error));
  g_assert_no_error (error);
  assert_validates (path);

  import = read_ok (ent_gexf_read, path);
  g_assert_cmpuint (import->graph->entities->len, ==, graph->entities->len);
  g_assert_cmpuint (import->graph->relations->len, ==, graph->relations->len);
  /* What XML can hold reads back as it was; control characters are written as U+FFFD. */
  g_assert_cmpstr (((EntEntity *) g_ptr_array_index (import->graph->entities, 0))->name, ==, names[0]);
  g_assert_cmpstr (((EntEntity *) g_ptr_array_index (import->graph->entities, 1))->name, ==, names[1]);
  g_assert_cmpstr (((EntEntity *) g_ptr_array_index (import->graph->entities, 2))->name, ==, "control \uFFFD\uFFFD end");
  g_assert_cmpstr (((EntRelation *) g_ptr_array_index (import->graph->relations, 3))->kind, ==, names[3]);
  assert_property (((EntEntity *) g_ptr_array_index (import->graph->entities, 4))->properties, names[4],
                   ENT_PROPERTY_STRING, names[0]);
}

static void
assert_refused (const char *contents,
                gssize      length,
                int         code,
                const char *part_of_message)
{
  g_autofree char *path = write_temp_file ("network.gexf", contents, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) import = ent_gexf_read (path, NULL, NULL, NULL, &error);

  g_assert_null (import);
  g_assert_error (error, ENT_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, part_of_message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part_of_message);
  g_assert_null (strstr (error->message, "root:"));
}

#define GEXF_START "<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>\n"
#define GEXF_END   "</nodes></graph></gexf>\n"

/* Each a clear error, with nothing read. */
static void
test_hostile (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [\n<!ENTITY l0 \"ha\">\n");
  g_autofree char *miserables = g_test_build_filename (G_TEST_DIST, "data", "gexf", "gephi_les_miserables.gexf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  for (int i = 1; i < 10; i++)
    g_string_append_printf (text, "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">\n", i,
                            i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (text, "]>\n<gexf version=\"1.3\"><graph><nodes><node id=\"1\" label=\"&l9;\"/></nodes></graph></gexf>\n");
  assert_refused (text->str, -1, ENT_IMPORT_ERROR_INVALID, "line");

  assert_refused ("<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
                  "<gexf version=\"1.3\"><graph><nodes><node id=\"1\" label=\"&xxe;\"/></nodes></graph></gexf>\n",
                  -1, ENT_IMPORT_ERROR_INVALID, "entit");

  g_assert_true (g_file_get_contents (miserables, &contents, &length, NULL));
  assert_refused (contents, length / 2, ENT_IMPORT_ERROR_INVALID, "line");

  assert_refused (GEXF_START "<node id=\"1\" label=\"bad \xff\xfe here\"/>" GEXF_END, -1,
                  ENT_IMPORT_ERROR_INVALID, "line");

  g_string_assign (text, GEXF_START "<node id=\"1\" label=\"");
  for (guint i = 0; i < 40000; i++)
    g_string_append (text, "line&#10;");
  g_string_append (text, "\"/>" GEXF_END);
  assert_refused (text->str, -1, ENT_IMPORT_ERROR_TOO_LARGE, "label");

  g_string_assign (text, GEXF_START);
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (text, "<node id=\"%u\"><nodes>", i);
  assert_refused (text->str, -1, ENT_IMPORT_ERROR_INVALID, "deep");

  assert_refused ("<?xml version=\"1.0\"?>\n<graphml><graph/></graphml>\n", -1, ENT_IMPORT_ERROR_INVALID,
                  "not GEXF");
  assert_refused ("<?xml version=\"1.0\"?>\n<gexf version=\"1.3\"><meta/></gexf>\n", -1,
                  ENT_IMPORT_ERROR_INVALID, "<graph>");
  assert_refused ("Id,Label\n1,One\n", -1, ENT_IMPORT_ERROR_INVALID, "XML");
  assert_refused ("", 0, ENT_IMPORT_ERROR_INVALID, "line");
}

static void
record_cb (double   fraction,
           gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

static void
test_cancelled (void)
{
  g_autoptr(GString) text = g_string_new (GEXF_START);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "<node id=\"n%u\" label=\"Node %u\"/>\n", i, i);
  g_string_append (text, GEXF_END);
  path = write_temp_file ("network.gexf", text->str, -1);

  /* Progress is told as the nodes are read, growing up to the whole. */
  import = ent_gexf_read (path, NULL, record_cb, fractions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->graph->entities->len, ==, 5000);
  g_assert_cmpuint (fractions->len, >=, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i - 1), <=, g_array_index (fractions, double, i));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  g_cancellable_cancel (cancellable);
  g_assert_null (ent_gexf_read (path, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A cancelled write leaves the file that was there. */
  g_assert_false (ent_gexf_write (import->graph, NULL, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&import, ent_import_free);
  import = read_ok (ent_gexf_read, path);
  g_assert_cmpuint (import->graph->entities->len, ==, 5000);
}

/* An edge's "type" data, which networkx writes as the edge's type: the relation's kind, or a property. */
static void
test_networkx_types (void)
{
  g_autofree char *path = write_temp_file ("network.gexf",
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
    "<graph defaultedgetype=\"directed\" mode=\"static\">\n"
    "<attributes class=\"edge\" mode=\"static\"><attribute id=\"0\" title=\"kind\" type=\"string\"/></attributes>\n"
    "<nodes><node id=\"a\" label=\"A\"/><node id=\"b\" label=\"B\"/></nodes>\n"
    "<edges>\n"
    "<edge source=\"a\" target=\"b\" id=\"0\" type=\"knows\"/>\n"
    "<edge source=\"b\" target=\"a\" id=\"1\" type=\"owns\">"
    "<attvalues><attvalue for=\"0\" value=\"ownership\"/></attvalues></edge>\n"
    "<edge source=\"b\" target=\"b\" id=\"2\" type=\"undirected\"/>\n"
    "</edges></graph></gexf>\n", -1);
  g_autoptr(EntImport) import = read_ok (ent_gexf_read, path);
  EntRelation *knows, *owns, *loop;

  g_assert_cmpuint (import->graph->relations->len, ==, 3);
  knows = g_ptr_array_index (import->graph->relations, 0);
  owns = g_ptr_array_index (import->graph->relations, 1);
  loop = g_ptr_array_index (import->graph->relations, 2);
  g_assert_cmpstr (knows->kind, ==, "knows");
  g_assert_true (knows->directed);
  g_assert_cmpstr (owns->kind, ==, "ownership");
  assert_property (owns->properties, "type", ENT_PROPERTY_STRING, "owns");
  g_assert_true (owns->directed);
  g_assert_false (loop->directed);
  /* Said once for the file, with the first edge's line. */
  g_assert_cmpuint (import->problems->len, ==, 1);
  g_assert_cmpuint (((EntImportProblem *) g_ptr_array_index (import->problems, 0))->line, ==, 7);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add_func ("/ent/gexf/" name, func)
  ADD ("les-miserables", test_les_miserables);
  ADD ("dynamics", test_dynamics);
  ADD ("hierarchy", test_hierarchy);
  ADD ("versions", test_versions);
  ADD ("round-trip", test_round_trip);
  ADD ("validates", test_validates);
  ADD ("hostile", test_hostile);
  ADD ("cancelled", test_cancelled);
  ADD ("networkx-types", test_networkx_types);
#undef ADD

  return g_test_run ();
}
