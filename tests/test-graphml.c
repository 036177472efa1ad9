/* test-graphml.c: GraphML as Gephi, yEd and networkx write it, what Entente writes reads back, hostile files fail clearly
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ent-graphml.h"
#include "ent-store.h"
#include "ent-test-util.h"

static EntEntity *
entity_at (EntImport *import,
           guint      index)
{
  return g_ptr_array_index (import->graph->entities, index);
}

static EntRelation *
relation_at (EntImport *import,
             guint      index)
{
  return g_ptr_array_index (import->graph->relations, index);
}

static gboolean
has_problem (EntImport  *import,
             const char *part)
{
  for (guint i = 0; i < import->problems->len; i++)
    if (strstr (((EntImportProblem *) g_ptr_array_index (import->problems, i))->message, part) != NULL)
      return TRUE;
  return FALSE;
}

static EntPosition *
position_of (EntImport  *import,
             const char *engine,
             gint64      entity_id)
{
  for (guint i = 0; i < import->layouts->len; i++)
    {
      EntImportLayout *layout = g_ptr_array_index (import->layouts, i);

      for (guint p = 0; g_str_equal (layout->engine, engine) && p < layout->positions->len; p++)
        if (g_array_index (layout->positions, EntPosition, p).entity_id == entity_id)
          return &g_array_index (layout->positions, EntPosition, p);
    }
  return NULL;
}

/* Gephi's export: typed keys whose ids are not their names, x and y a layout with its y turned downwards. */
static void
test_gephi_export (void)
{
  g_autoptr(EntImport) import = read_data_file (ent_graphml_read, "graphml", "gephi_export_miserables.graphml");
  EntEntity *valjean = entity_at (import, 0);
  EntPosition *position;

  g_assert_cmpuint (import->graph->entities->len, ==, 77);
  g_assert_cmpuint (import->graph->relations->len, ==, 254);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpstr (valjean->name, ==, "Valjean");
  g_assert_cmpstr (entity_at (import, 1)->name, ==, "Gavroche");
  g_assert_cmpstr (property_value (valjean->properties, "Modularity Class", ENT_PROPERTY_NUMBER), ==, "1");
  g_assert_cmpstr (property_value (valjean->properties, "size", ENT_PROPERTY_NUMBER), ==, "100.0");
  g_assert_cmpstr (property_value (valjean->properties, "r", ENT_PROPERTY_NUMBER), ==, "245");
  g_assert_null (property_value (valjean->properties, "x", ENT_PROPERTY_NUMBER));
  g_assert_null (property_value (valjean->properties, "y", ENT_PROPERTY_NUMBER));
  g_assert_nonnull (property_value (relation_at (import, 0)->properties, "weight", ENT_PROPERTY_NUMBER));
  g_assert_false (relation_at (import, 0)->directed);

  g_assert_cmpuint (import->layouts->len, ==, 1);
  position = position_of (import, "dot", valjean->id);
  g_assert_nonnull (position);
  g_assert_cmpfloat_with_epsilon (position->x, -87.93029, 1e-9);
  g_assert_cmpfloat_with_epsilon (position->y, -6.8120565, 1e-9);
}

/* Keys inside the graph, one id for a node key and an edge key, values in CDATA (as Gephi's own test reads them). */
static void
test_gephi_cdata (void)
{
  g_autoptr(EntImport) import = read_data_file (ent_graphml_read, "graphml", "gephi_test_cdata.graphml");

  g_assert_cmpuint (import->graph->entities->len, ==, 2);
  g_assert_cmpuint (import->graph->relations->len, ==, 1);
  g_assert_cmpstr (entity_at (import, 0)->name, ==, "foo");
  g_assert_cmpstr (entity_at (import, 1)->name, ==, "bar");
  g_assert_cmpstr (relation_at (import, 0)->label, ==, "foobar");
  g_assert_true (relation_at (import, 0)->directed);
  g_assert_cmpuint (import->layouts->len, ==, 0);
}

/* An undirected graph with two directed edges, parallel edges, and a default for nodes without the key's data. */
static void
test_mixed_multigraph (void)
{
  g_autoptr(EntImport) import = read_data_file (ent_graphml_read, "graphml", "graphology_mixed_multigraph.graphml");
  static const gboolean directed[] = { FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, TRUE };
  static const char * const colors[] = { "green", "yellow", "blue", "red", "yellow", "turquoise" };
  static const char * const names[] = { "n0", "n1", "n2", "n3", "n4", "n5" };

  g_assert_cmpuint (import->graph->entities->len, ==, 6);
  g_assert_cmpuint (import->graph->relations->len, ==, 8);
  for (guint i = 0; i < 6; i++)
    {
      g_assert_cmpstr (entity_at (import, i)->name, ==, names[i]);
      g_assert_cmpstr (property_value (entity_at (import, i)->properties, "color", ENT_PROPERTY_STRING), ==, colors[i]);
    }
  for (guint i = 0; i < 8; i++)
    g_assert_cmpint (relation_at (import, i)->directed, ==, directed[i]);

  /* e4 and e7, both from n2 to n4. */
  g_assert_cmpint (relation_at (import, 4)->from_id, ==, relation_at (import, 5)->from_id);
  g_assert_cmpint (relation_at (import, 4)->to_id, ==, relation_at (import, 5)->to_id);
  g_assert_cmpstr (property_value (relation_at (import, 7)->properties, "weight", ENT_PROPERTY_NUMBER), ==, "1.1");
  g_assert_null (property_value (relation_at (import, 3)->properties, "weight", ENT_PROPERTY_NUMBER));
}

/* yEd: labels only in its graphics, several a node; the geometry's centre as the layout; graphics are not properties. */
static void
test_yed (void)
{
  g_autoptr(EntImport) import = read_data_file (ent_graphml_read, "graphml", "yed_n2g_test_load.graphml");
  static const char * const names[] = { "R1", "b", "somelabel", "somelabel1", "R1" };
  EntPosition *position;

  g_assert_cmpuint (import->graph->entities->len, ==, 5);
  g_assert_cmpuint (import->graph->relations->len, ==, 4);
  for (guint i = 0; i < 5; i++)
    {
      EntEntity *entity = entity_at (import, i);

      g_assert_cmpstr (entity->name, ==, names[i]);
      for (guint p = 0; p < entity->properties->len; p++)
        g_assert_cmpstr (((EntProperty *) g_ptr_array_index (entity->properties, p))->key, !=, "d8");
    }
  g_assert_cmpstr (property_value (entity_at (import, 1)->properties, "other labels", ENT_PROPERTY_STRING), ==,
                   "top_some\nsome");
  g_assert_cmpstr (entity_at (import, 2)->description, ==, "some node description");
  g_assert_cmpstr (property_value (entity_at (import, 0)->properties, "nmetadata", ENT_PROPERTY_STRING), ==,
                   "{\"id\": \"a\"}");
  g_assert_cmpstr (relation_at (import, 0)->label, ==, "DF");
  g_assert_true (relation_at (import, 0)->directed);

  position = position_of (import, "dot", entity_at (import, 0)->id);
  g_assert_nonnull (position);
  g_assert_cmpfloat_with_epsilon (position->x, 20.0 + 100.0 / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (position->y, 222.8987138263666 + 70.71437570870606 / 2, 1e-9);
  g_assert_cmpuint (((EntImportLayout *) g_ptr_array_index (import->layouts, 0))->positions->len, ==, 5);
}

/* Self-loops, a graph in a node, ports and a hyperedge; a file without a namespace or a declaration. */
static void
test_structure (void)
{
  g_autofree char *path = write_temp_file ("file.graphml",
    "<graphml>\n"
    "<key id=\"t\" for=\"node\" attr.name=\"Type\"/>\n"
    "<key id=\"w\" for=\"all\" attr.name=\"weight\" attr.type=\"int\"/>\n"
    "<key id=\"b\" for=\"node\" attr.name=\"active\" attr.type=\"boolean\"/>\n"
    "<graph edgedefault=\"directed\">\n"
    "<node id=\"a\"><data key=\"t\">Person</data><data key=\"w\">3</data><data key=\"b\">True</data>"
    "<port name=\"p\"/></node>\n"
    "<edge source=\"a\" target=\"a\" sourceport=\"p\"><data key=\"w\">x</data></edge>\n"
    "<node id=\"g\"><data key=\"t\">Ship</data>\n"
    "<graph edgedefault=\"undirected\">\n"
    "<node id=\"g:1\"><data key=\"t\">ship</data></node>\n"
    "<edge source=\"g:1\" target=\"a\"/>\n"
    "</graph></node>\n"
    "<edge source=\"a\" target=\"nowhere\"/>\n"
    "<hyperedge><endpoint node=\"a\"/><endpoint node=\"g\"/></hyperedge>\n"
    "</graph></graphml>\n", -1);
  g_autoptr(EntImport) import = read_ok (ent_graphml_read, path);
  EntEntity *a = entity_at (import, 0);
  EntEntity *inner = entity_at (import, 1);
  EntEntity *ship = entity_at (import, 2);

  g_assert_cmpuint (import->graph->entities->len, ==, 3);
  g_assert_cmpstr (a->name, ==, "a");
  g_assert_cmpint (a->kind, ==, ENT_KIND_PERSON);
  g_assert_cmpstr (property_value (a->properties, "weight", ENT_PROPERTY_NUMBER), ==, "3");
  g_assert_cmpstr (property_value (a->properties, "active", ENT_PROPERTY_BOOLEAN), ==, "true");
  g_assert_cmpstr (inner->name, ==, "g:1");
  g_assert_cmpstr (ship->name, ==, "g");
  g_assert_cmpstr (inner->kind_key, ==, "ship");
  g_assert_cmpstr (ship->kind_key, ==, "ship");
  g_assert_nonnull (ent_graph_get_kind (import->graph, "ship"));
  g_assert_cmpstr (import->type_key, ==, "Type");

  /* The kinds taken from another key: the types come back as properties of theirs. */
  ent_import_set_type_key (import, NULL);
  g_assert_cmpstr (property_value (ship->properties, "Type", ENT_PROPERTY_STRING), ==, "Ship");
  g_assert_cmpstr (ship->kind_key, ==, "entity");

  g_assert_cmpuint (import->graph->relations->len, ==, 2);
  g_assert_cmpint (relation_at (import, 0)->from_id, ==, a->id);
  g_assert_cmpint (relation_at (import, 0)->to_id, ==, a->id);
  g_assert_true (relation_at (import, 0)->directed);
  g_assert_cmpstr (relation_at (import, 0)->kind, ==, "related-to");
  /* Not a number, so kept as the text it is. */
  g_assert_cmpstr (property_value (relation_at (import, 0)->properties, "weight", ENT_PROPERTY_STRING), ==, "x");
  g_assert_false (relation_at (import, 1)->directed);

  g_assert_true (has_problem (import, "flattened"));
  g_assert_true (has_problem (import, "nowhere"));
  g_assert_true (has_problem (import, "hyperedges"));
  g_assert_cmpuint (import->layouts->len, ==, 0);
}

static char *
quotes_of (EntGraph *graph,
           GArray   *quote_ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    g_string_append_printf (text, "[%s]", ent_graph_get_quote (graph, g_array_index (quote_ids, gint64, i))->text);
  return g_string_free (text, FALSE);
}

static int
compare_kinds (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(EntKindInfo * const *) a)->key, (*(EntKindInfo * const *) b)->key);
}

/* The properties and quote texts of an entity or a relation, a line each. */
static void
describe_extras (GString   *text,
                 EntGraph  *graph,
                 GPtrArray *properties,
                 GArray    *quote_ids)
{
  g_autofree char *described = describe_properties (properties);
  g_autofree char *quotes = quotes_of (graph, quote_ids);

  g_string_append_printf (text, "%s  quotes %s\n", described, quotes);
}

/*
 * What GraphML keeps of a network, as text: its kinds by key, its entities
 * and its relations in order, their ends by the entities' places in that
 * order, as ids are the file's on one side and the store's on the other.
 */
static char *
describe_graph (EntGraph *graph)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_copy (graph->kinds, NULL, NULL);
  g_autoptr(GHashTable) places = g_hash_table_new (g_int64_hash, g_int64_equal);
  GString *text = g_string_new (NULL);

  /* The copy shares the kinds, which it must not free. */
  g_ptr_array_set_free_func (kinds, NULL);
  g_ptr_array_sort (kinds, compare_kinds);
  for (guint i = 0; i < kinds->len; i++)
    {
      EntKindInfo *kind = g_ptr_array_index (kinds, i);

      g_string_append_printf (text, "kind %s|%s|%s|%s|%s|%s\n", kind->key, kind->label, kind->shape, kind->glyph,
                              kind->color, kind->dark_color != NULL ? kind->dark_color : "-");
    }
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      g_hash_table_insert (places, &entity->id, GUINT_TO_POINTER (i));
      g_string_append_printf (text, "entity %u %d %s|%s|%s|%s|%s|%s\n", i, entity->kind,
                              ent_entity_get_kind_key (entity), entity->name, entity->role, entity->description,
                              entity->start_date, entity->end_date);
      describe_extras (text, graph, entity->properties, entity->quote_ids);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      g_string_append_printf (text, "relation %s %u→%u|%s|%d|%s|%s\n", relation->kind,
                              GPOINTER_TO_UINT (g_hash_table_lookup (places, &relation->from_id)),
                              GPOINTER_TO_UINT (g_hash_table_lookup (places, &relation->to_id)),
                              relation->label, relation->directed, relation->start_date, relation->end_date);
      describe_extras (text, graph, relation->properties, relation->quote_ids);
    }
  return g_string_free (text, FALSE);
}

/* The bundled network with a kind of its own, properties of each type, both directions and awkward positions. */
static void
test_round_trip (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_import_layout_free);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autoptr(EntGraph) copy = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("bundled.graphml");
  g_autofree char *copy_path = temp_path ("copy.entente");
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  EntEntity *entity = g_ptr_array_index (graph->entities, 0);
  EntRelation *relation = g_ptr_array_index (graph->relations, 0);
  EntImportLayout *layout;
  EntImportLayout *read_layout = NULL;

  make_ministry (graph, entity, "Ministry\t«МИД»\nमंत्रालय \\ \"");
  entity->start_date = g_strdup ("2001-02");
  /* In the order of their keys, as a network reads them back. */
  add_property (&entity->properties, "budget", ENT_PROPERTY_NUMBER, "-1.5e3");
  add_property (&entity->properties, "founded", ENT_PROPERTY_DATE, "--03-11");
  add_property (&entity->properties, "motto <&> \"quoted\"\nline", ENT_PROPERTY_STRING, "a\tb");
  add_property (&relation->properties, "secret", ENT_PROPERTY_BOOLEAN, "false");
  relation->directed = FALSE;
  ((EntRelation *) g_ptr_array_index (graph->relations, 1))->directed = TRUE;

  layout = awkward_layout (graph, "dot", FALSE);
  g_ptr_array_add (layouts, layout);

  g_assert_true (ent_graphml_write (graph, layouts, path, NULL, &error));
  g_assert_no_error (error);
  import = read_ok (ent_graphml_read, path);
  g_assert_cmpuint (import->problems->len, ==, 0);

  store = store_of_import (import, copy_path);
  copy = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  expected = describe_graph (graph);
  actual = describe_graph (copy);
  g_assert_cmpstr (actual, ==, expected);

  stored = ent_store_load_layouts (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < stored->len; i++)
    if (g_str_equal (((EntImportLayout *) g_ptr_array_index (stored, i))->engine, "dot"))
      read_layout = g_ptr_array_index (stored, i);
  g_assert_nonnull (read_layout);
  g_assert_cmpuint (read_layout->positions->len, ==, layout->positions->len);
  for (guint i = 0; i < layout->positions->len; i++)
    {
      EntPosition *p = &g_array_index (layout->positions, EntPosition, i);
      EntPosition *q = NULL;

      for (guint k = 0; k < read_layout->positions->len; k++)
        if (g_array_index (read_layout->positions, EntPosition, k).entity_id ==
            ((EntEntity *) g_ptr_array_index (copy->entities, i))->id)
          q = &g_array_index (read_layout->positions, EntPosition, k);
      g_assert_nonnull (q);
      /* Bit for bit, not merely close. */
      g_assert_cmpmem (&p->x, sizeof p->x, &q->x, sizeof q->x);
      g_assert_cmpmem (&p->y, sizeof p->y, &q->y, sizeof q->y);
    }
}

static void
test_cancelled_write (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("cancelled.graphml");

  g_cancellable_cancel (cancellable);
  g_assert_false (ent_graphml_write (graph, NULL, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (ent_graphml_write (graph, NULL, path, NULL, &error));
  g_assert_null (ent_graphml_read (path, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_truncated (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = temp_path ("whole.graphml");
  g_autofree char *path = NULL;

  g_assert_true (ent_graphml_write (graph, NULL, whole, NULL, &error));
  path = write_truncated (whole, "file.graphml");
  assert_read_fails (ent_graphml_read, path, ENT_IMPORT_ERROR_INVALID, "line");
}

/* Files that would expand, fetch or read what they name, are broken, or are not GraphML. */
static void
test_hostile (void)
{
  static const struct {
    const char *contents;
    int         code;
    const char *part_of_message;
  } files[] = {
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n"
      "<graphml><graph><node id=\"n\"><data key=\"l\">&d;</data></node></graph></graphml>\n",
      ENT_IMPORT_ERROR_INVALID, "line 1" },
    { "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/><graph>"
      "<node id=\"n\"><data key=\"l\">&x;</data></node></graph></graphml>\n",
      ENT_IMPORT_ERROR_INVALID, "entities" },
    { "<graphml><graph><node id=\"n\"><data key=\"l\">Al\xd0</data></node></graph></graphml>\n",
      ENT_IMPORT_ERROR_INVALID, "line 1" },
    { "<gexf><graph/></gexf>\n", ENT_IMPORT_ERROR_INVALID, "not GraphML" },
    { "<graphml><key id=\"k\"/></graphml>\n", ENT_IMPORT_ERROR_INVALID, "no <graph>" },
    { "", ENT_IMPORT_ERROR_INVALID, NULL },
    { "Name,Kind\nAleinik,person\n", ENT_IMPORT_ERROR_INVALID, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = write_temp_file ("file.graphml", files[i].contents, -1);

      assert_read_fails (ent_graphml_read, path, files[i].code, files[i].part_of_message);
    }
}

/* A label of 40,000 lines is longer than a name may be: the whole file is refused, with the line. */
static void
test_long_label (void)
{
  g_autofree char *contents = repeat_text ("<graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
                                          "<graph><node id=\"n\"><data key=\"l\">",
                                          "line\n", 40000, "</data></node></graph></graphml>\n");
  g_autofree char *path = write_temp_file ("file.graphml", contents, -1);

  assert_read_fails (ent_graphml_read, path, ENT_IMPORT_ERROR_TOO_LARGE, "line 2: a node's label is longer than");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/graphml/gephi-export", test_gephi_export);
  g_test_add_func ("/ent/graphml/gephi-cdata", test_gephi_cdata);
  g_test_add_func ("/ent/graphml/mixed-multigraph", test_mixed_multigraph);
  g_test_add_func ("/ent/graphml/yed", test_yed);
  g_test_add_func ("/ent/graphml/structure", test_structure);
  g_test_add_func ("/ent/graphml/round-trip", test_round_trip);
  g_test_add_func ("/ent/graphml/cancelled", test_cancelled_write);
  g_test_add_func ("/ent/graphml/truncated", test_truncated);
  g_test_add_func ("/ent/graphml/hostile", test_hostile);
  g_test_add_func ("/ent/graphml/long-label", test_long_label);

  return g_test_run ();
}
