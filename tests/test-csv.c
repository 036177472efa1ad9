/* test-csv.c: CSV files read, mapped, imported and exported, from good files and hostile ones
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ent-csv.h"
#include "ent-test-util.h"

/* A file of @len bytes of @contents in a new temporary folder. */
static char *
write_temp (const char *name,
            const char *contents,
            gssize      len)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-csv-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static EntCsvMapping *
guess (const char  *path,
       EntCsvTable  table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvPreview) preview = ent_csv_preview (path, 20, &error);

  g_assert_no_error (error);
  return ent_csv_guess_mapping (table, preview);
}

/* Imports the files with the guessed mappings. */
static EntImport *
import (const char  *nodes_path,
        const char  *edges_path,
        GError     **error)
{
  g_autoptr(EntCsvMapping) nodes = nodes_path != NULL ? guess (nodes_path, ENT_CSV_NODES) : NULL;
  g_autoptr(EntCsvMapping) edges = edges_path != NULL ? guess (edges_path, ENT_CSV_EDGES) : NULL;

  return ent_csv_import (nodes_path, nodes, edges_path, edges, NULL, NULL, NULL, error);
}

/* Imports a file that is to fail, and checks how. */
static void
assert_fails (const char *path,
              int         code,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntCsvMapping) mapping = ent_csv_mapping_new (ENT_CSV_NODES, 1);
  g_autoptr(EntImport) result = NULL;
  g_autoptr(EntCsvPreview) preview = ent_csv_preview (path, 5, &error);

  g_assert_null (preview);
  g_assert_error (error, ENT_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message));
  g_clear_error (&error);

  mapping->roles[0] = ENT_CSV_ROLE_NAME;
  result = ent_csv_import (path, mapping, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, ENT_IMPORT_ERROR, code);
  g_assert_nonnull (strstr (error->message, message));
}

static const EntProperty *
get_property (GPtrArray  *properties,
              const char *key)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);

      if (g_str_equal (property->key, key))
        return property;
    }
  return NULL;
}

static void
assert_property (GPtrArray       *properties,
                 const char      *key,
                 EntPropertyType  type,
                 const char      *value)
{
  const EntProperty *property = get_property (properties, key);

  if (value == NULL)
    {
      g_assert_null (property);
      return;
    }
  g_assert_nonnull (property);
  g_assert_cmpint (property->type, ==, type);
  g_assert_cmpstr (property->value, ==, value);
}

/* The nodes make-fixtures.py writes, as every one of its files holds them. */
static void
assert_python_nodes (EntImport *result)
{
  EntGraph *graph = result->graph;
  EntEntity *aleinik, *jaishankar, *commission, *newsroom;
  EntQuote *quote;
  EntSource *source;

  g_assert_cmpuint (graph->entities->len, ==, 4);
  aleinik = find_entity (graph, "Сергей Алейник");
  jaishankar = find_entity (graph, "सुब्रह्मण्यम जयशंकर");
  commission = find_entity (graph, "Joint Commission");
  newsroom = find_entity (graph, "Newsroom");

  g_assert_cmpint (aleinik->kind, ==, ENT_KIND_PERSON);
  g_assert_null (aleinik->kind_key);
  g_assert_cmpint (jaishankar->kind, ==, ENT_KIND_PERSON);
  g_assert_cmpint (commission->kind, ==, ENT_KIND_COMMISSION);
  g_assert_cmpstr (newsroom->kind_key, ==, "newspaper");
  g_assert_cmpstr (ent_graph_get_kind (graph, "newspaper")->label, ==, "Newspaper");

  g_assert_cmpstr (aleinik->description, ==, "Belarus's \"foreign minister\", since 2024");
  g_assert_cmpstr (jaishankar->description, ==, "India's External Affairs Minister,\nand a diplomat");
  g_assert_cmpstr (commission->description, ==, "Line one\r\nline two");
  g_assert_null (newsroom->description);

  assert_property (aleinik->properties, "founded", ENT_PROPERTY_DATE, "2024-06");
  assert_property (commission->properties, "founded", ENT_PROPERTY_DATE, "1997-04-22");
  assert_property (newsroom->properties, "founded", ENT_PROPERTY_DATE, NULL);
  assert_property (jaishankar->properties, "active", ENT_PROPERTY_BOOLEAN, "true");
  assert_property (commission->properties, "active", ENT_PROPERTY_BOOLEAN, "false");
  assert_property (jaishankar->properties, "members", ENT_PROPERTY_NUMBER, "2.5");
  assert_property (newsroom->properties, "members", ENT_PROPERTY_NUMBER, "-3e2");
  assert_property (commission->properties, "members", ENT_PROPERTY_NUMBER, NULL);

  g_assert_cmpuint (aleinik->quote_ids->len, ==, 0);
  g_assert_cmpuint (jaishankar->quote_ids->len, ==, 2);
  g_assert_cmpuint (graph->sources->len, ==, 1);
  source = g_ptr_array_index (graph->sources, 0);
  g_assert_cmpstr (source->body, ==, "He said so.\n\nAnd again, \"twice\".");
  quote = ent_graph_get_quote (graph, g_array_index (jaishankar->quote_ids, gint64, 1));
  g_assert_cmpstr (quote->text, ==, "And again, \"twice\".");
  g_assert_cmpint (quote->start, ==, 13);
  g_assert_cmpint (quote->end, ==, 13 + strlen (quote->text));
  g_assert_cmpint (quote->source_id, ==, source->id);
}

/* A file Python's csv module wrote, with a BOM, CRLF, quotes, embedded line ends and commas, Cyrillic and Devanagari. */
static void
test_python (void)
{
  g_autofree char *nodes = data_path ("csv", "python-nodes.csv");
  g_autofree char *edges = data_path ("csv", "python-edges.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) result = import (nodes, edges, &error);
  EntGraph *graph;
  EntRelation *meets, *chairs;
  EntImportProblem *problem;

  g_assert_no_error (error);
  graph = result->graph;
  assert_python_nodes (result);

  g_assert_cmpuint (graph->relations->len, ==, 2);
  meets = g_ptr_array_index (graph->relations, 0);
  chairs = g_ptr_array_index (graph->relations, 1);
  g_assert_cmpint (meets->from_id, ==, find_entity (graph, "Сергей Алейник")->id);
  g_assert_cmpint (meets->to_id, ==, find_entity (graph, "सुब्रह्मण्यम जयशंकर")->id);
  g_assert_cmpstr (meets->label, ==, "meets, in Delhi");
  g_assert_true (meets->directed);
  g_assert_false (chairs->directed);
  g_assert_cmpstr (meets->kind, ==, "related-to");
  assert_property (meets->properties, "weight", ENT_PROPERTY_NUMBER, "2");
  assert_property (chairs->properties, "weight", ENT_PROPERTY_NUMBER, "1.5");

  /* The edge to node 9, on the file's fourth line, is skipped and listed. */
  g_assert_cmpuint (result->problems->len, ==, 1);
  problem = g_ptr_array_index (result->problems, 0);
  g_assert_cmpuint (problem->line, ==, 4);
  g_assert_nonnull (strstr (problem->message, "“9”"));
}

/* The same nodes, separated by semicolons with LF line ends, and by tabs, all quoted, with CR line ends. */
static void
test_separators (void)
{
  const char *names[] = { "python-nodes-semicolon.csv", "python-nodes-tab.csv" };
  const char separators[] = { ';', '\t' };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path ("csv", names[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntCsvPreview) preview = ent_csv_preview (path, 2, &error);
      g_autoptr(EntImport) result = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (preview->separator, ==, separators[i]);
      g_assert_cmpuint (g_strv_length (preview->headers), ==, 8);
      g_assert_cmpuint (preview->records->len, ==, 2);
      g_assert_cmpstr (((GStrv) g_ptr_array_index (preview->records, 1))[3], ==,
                       "India's External Affairs Minister,\nand a diplomat");

      result = import (path, NULL, &error);
      g_assert_no_error (error);
      assert_python_nodes (result);
      g_assert_cmpuint (result->problems->len, ==, 0);
    }
}

static EntCsvMapping *
guess_headers (EntCsvTable  table,
               const char  *headers,
               const char  *record)
{
  EntCsvPreview preview = { ',', g_strsplit (headers, ",", -1), g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev) };
  EntCsvMapping *mapping;

  if (record != NULL)
    g_ptr_array_add (preview.records, g_strsplit (record, ",", -1));
  mapping = ent_csv_guess_mapping (table, &preview);
  g_strfreev (preview.headers);
  g_ptr_array_unref (preview.records);
  return mapping;
}

static void
assert_roles (const EntCsvMapping *mapping,
              const EntCsvRole    *roles,
              guint                n_roles)
{
  g_assert_cmpuint (mapping->n_columns, ==, n_roles);
  for (guint i = 0; i < n_roles; i++)
    g_assert_cmpint (mapping->roles[i], ==, roles[i]);
}

static void
test_guess (void)
{
  static const EntCsvRole gephi_edges[] = {
    ENT_CSV_ROLE_ID, ENT_CSV_ROLE_LABEL, ENT_CSV_ROLE_SOURCE, ENT_CSV_ROLE_TARGET, ENT_CSV_ROLE_KIND,
    ENT_CSV_ROLE_DIRECTED, ENT_CSV_ROLE_PROPERTY,
  };
  static const EntCsvRole edges[] = {
    ENT_CSV_ROLE_SOURCE, ENT_CSV_ROLE_TARGET, ENT_CSV_ROLE_KIND, ENT_CSV_ROLE_START, ENT_CSV_ROLE_END,
  };
  static const EntCsvRole nodes[] = {
    ENT_CSV_ROLE_ID, ENT_CSV_ROLE_NAME, ENT_CSV_ROLE_KIND, ENT_CSV_ROLE_DESCRIPTION, ENT_CSV_ROLE_PROPERTY,
    ENT_CSV_ROLE_START, ENT_CSV_ROLE_END, ENT_CSV_ROLE_PROPERTY, ENT_CSV_ROLE_PROPERTY,
  };
  static const EntCsvRole exported[] = {
    ENT_CSV_ROLE_ID, ENT_CSV_ROLE_SOURCE, ENT_CSV_ROLE_TARGET, ENT_CSV_ROLE_SOURCE_NAME, ENT_CSV_ROLE_TARGET_NAME,
    ENT_CSV_ROLE_KIND, ENT_CSV_ROLE_LABEL, ENT_CSV_ROLE_DIRECTED, ENT_CSV_ROLE_START, ENT_CSV_ROLE_END,
    ENT_CSV_ROLE_PROPERTY, ENT_CSV_ROLE_QUOTES, ENT_CSV_ROLE_QUOTE_SOURCES,
  };
  g_autoptr(EntCsvMapping) mapping = NULL;

  mapping = guess_headers (ENT_CSV_EDGES, "id,label,source,target,kind,type,weight", "1,1,1,2,8,directed,2");
  assert_roles (mapping, gephi_edges, G_N_ELEMENTS (gephi_edges));
  g_clear_pointer (&mapping, ent_csv_mapping_free);

  /* A type that is not a direction is the kind of the relation. */
  mapping = guess_headers (ENT_CSV_EDGES, "From,To,Type,start_date,END", "a,b,meets,,");
  assert_roles (mapping, edges, G_N_ELEMENTS (edges));
  g_clear_pointer (&mapping, ent_csv_mapping_free);

  /* A second column of a role already taken is a property. */
  mapping = guess_headers (ENT_CSV_NODES, "Id,Label,Category,Description,weight,Start,end_date,name,", NULL);
  assert_roles (mapping, nodes, G_N_ELEMENTS (nodes));
  g_clear_pointer (&mapping, ent_csv_mapping_free);

  mapping = guess_headers (ENT_CSV_EDGES,
                           "id,source,target,source_name,target_name,kind,label,directed,start_date,end_date,"
                           "weight,quotes,quote_sources", NULL);
  assert_roles (mapping, exported, G_N_ELEMENTS (exported));
  g_assert_true (mapping->directed);
  g_assert_cmpint (mapping->ends, ==, ENT_CSV_ENDS_AUTO);
}

static void
test_types (void)
{
  struct {
    const char      *values[4];
    EntPropertyType  type;
  } columns[] = {
    { { "1", " 2.5 ", "-3e2", "123456789123456789123456789123456789123456789123456789" }, ENT_PROPERTY_NUMBER },
    { { "1991", "2024-03", "--03-11", "2024-02-29" }, ENT_PROPERTY_DATE },
    { { "true", "FALSE", "True", "false" }, ENT_PROPERTY_BOOLEAN },
    { { "1", "0x1A", "2", "3" }, ENT_PROPERTY_STRING },
    { { "inf", "nan", "1", "2" }, ENT_PROPERTY_STRING },
    { { "2024", "1991", " 2000", "0042" }, ENT_PROPERTY_NUMBER },
    { { "2023-02-29", "2024", "2024", "2024" }, ENT_PROPERTY_STRING },
    { { "yes", "no", "yes", "no" }, ENT_PROPERTY_STRING },
  };
  gboolean directed = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      guint types = ~0u;

      for (guint k = 0; k < 4; k++)
        types &= ent_csv_value_types (columns[i].values[k]);
      g_assert_cmpint (ent_csv_column_type (types), ==, columns[i].type);
    }

  g_assert_true (ent_csv_parse_directed (" Undirected ", &directed) && !directed);
  g_assert_true (ent_csv_parse_directed ("YES", &directed) && directed);
  g_assert_true (ent_csv_parse_directed ("0", &directed) && !directed);
  g_assert_false (ent_csv_parse_directed ("sideways", &directed));
}

/* Rows that cannot come in are listed with their lines; the rest come in. */
static void
test_problems (void)
{
  g_autofree char *long_name = g_strnfill (1001, 'n');
  g_autofree char *contents = g_strdup_printf ("id,name,start,end\n"
                                               "1,One,2020,2021\n"
                                               "1,Again,,\n"
                                               "2,,,\n"
                                               ",,,\n"
                                               "3,Three,March,\n"
                                               "4,Four,2021,2020\n"
                                               "5,%s,,\n"
                                               "6,Six\n"
                                               "7,Seven,,,extra\n",
                                               long_name);
  g_autofree char *path = write_temp ("problems.csv", contents, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) result = import (path, NULL, &error);
  const guint64 lines[] = { 3, 5, 6, 7, 8, 9, 10 };

  g_assert_no_error (error);
  g_assert_cmpuint (result->graph->entities->len, ==, 4);
  g_assert_cmpstr (find_entity (result->graph, "2")->start_date, ==, NULL);
  g_assert_cmpstr (find_entity (result->graph, "Six")->name, ==, "Six");
  g_assert_cmpstr (find_entity (result->graph, "Seven")->name, ==, "Seven");
  g_assert_cmpuint (result->problems->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_assert_cmpuint (((EntImportProblem *) g_ptr_array_index (result->problems, i))->line, ==, lines[i]);
}

/* Without a node file the ends of the edges are the entities. */
static void
test_edges_only (void)
{
  g_autofree char *edges = data_path ("csv", "python-edges.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) result = import (NULL, edges, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (result->graph->entities->len, ==, 4);
  g_assert_cmpuint (result->graph->relations->len, ==, 3);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpstr (find_entity (result->graph, "9")->kind_key, ==, "entity");
}

/* A node list with ids whose edge list names the nodes, as R's row-numbered exports are: the edges
 * find their ends by name; and a Gephi edge table's Type says each edge's direction. */
static void
test_ends_by_name (void)
{
  g_autofree char *nodes = write_temp ("nodes.csv",
                                       "\"\",\"Name\",\"ID\"\n\"1\",\"George Fox\",10004\n"
                                       "\"2\",\"Margaret Fell\",10005\n", -1);
  g_autofree char *edges = write_temp ("edges.csv",
                                       "Source,Target,Type\nGeorge Fox,Margaret Fell,Undirected\n"
                                       "Margaret Fell,George Fox,Directed\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) result = import (nodes, edges, &error);
  EntRelation *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (result->problems->len, ==, 0);
  g_assert_cmpuint (result->graph->relations->len, ==, 2);
  first = g_ptr_array_index (result->graph->relations, 0);
  second = g_ptr_array_index (result->graph->relations, 1);
  g_assert_cmpint (first->from_id, ==, find_entity (result->graph, "George Fox")->id);
  g_assert_cmpint (first->to_id, ==, find_entity (result->graph, "Margaret Fell")->id);
  g_assert_false (first->directed);
  g_assert_true (second->directed);
}

/* A 100 MB line fails as soon as it is longer than a line may be, without taking its size in memory. */
static void
test_long_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.csv", NULL);
  g_autofree char *chunk = g_strnfill (1024 * 1024, 'a');
  FILE *file = g_fopen (path, "wb");
  gint64 start;

  g_assert_nonnull (file);
  fputs ("name\nshort\n", file);
  for (guint i = 0; i < 100; i++)
    g_assert_cmpuint (fwrite (chunk, 1, strlen (chunk), file), ==, strlen (chunk));
  fputs ("\n", file);
  g_assert_cmpint (fclose (file), ==, 0);

  start = g_get_monotonic_time ();
  assert_fails (path, ENT_IMPORT_ERROR_TOO_LARGE, "Line 3 ");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *path = write_temp ("latin1.csv", "name\nOne\n\"two\nlines\"\nMu\xf1oz\n", -1);

  assert_fails (path, ENT_IMPORT_ERROR_INVALID, "Line 5 is not valid UTF-8");
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
  g_autofree char *png_path = write_temp ("image.csv", png, sizeof png - 1);
  g_autofree char *nul_path = write_temp ("nul.csv", "name\nab\0cd\n", 11);

  assert_fails (png_path, ENT_IMPORT_ERROR_INVALID, "Line 1 ");
  assert_fails (nul_path, ENT_IMPORT_ERROR_INVALID, "Line 2 holds a NUL byte");
}

static void
test_empty (void)
{
  g_autofree char *empty = write_temp ("empty.csv", "", 0);
  g_autofree char *bom = write_temp ("bom.csv", "\xef\xbb\xbf", -1);
  g_autofree char *blank = write_temp ("blank.csv", "\n\r\n\n", -1);

  assert_fails (empty, ENT_IMPORT_ERROR_INVALID, "empty");
  assert_fails (bom, ENT_IMPORT_ERROR_INVALID, "empty");
  assert_fails (blank, ENT_IMPORT_ERROR_INVALID, "empty");
}

/* An unterminated quote at the end, and text after a closing quote, as a file that is not CSV has them. */
static void
test_bad_quotes (void)
{
  g_autofree char *open = write_temp ("open.csv", "name\nOne\n\"Two\nThree\n", -1);
  g_autofree char *garbage = write_temp ("garbage.csv", "name\n\"a\"b\"c\n", -1);

  assert_fails (open, ENT_IMPORT_ERROR_INVALID, "The quote opened on line 3 is never closed");
  assert_fails (garbage, ENT_IMPORT_ERROR_INVALID, "Line 2 has text after the closing quote");
}

static void
test_cancel (void)
{
  g_autoptr(GString) contents = g_string_new ("name\n");
  g_autofree char *path = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(EntCsvMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) result = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (contents, "entity %u\n", i);
  path = write_temp ("many.csv", contents->str, contents->len);
  mapping = guess (path, ENT_CSV_NODES);
  g_cancellable_cancel (cancellable);

  result = ent_csv_import (path, mapping, NULL, NULL, cancellable, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Gives some entities and relations of @graph properties, values a CSV file must quote among them. */
static void
add_properties (EntGraph *graph)
{
  for (guint i = 0; i < graph->entities->len; i += 2)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntProperty *property = g_new0 (EntProperty, 1);

      property->key = g_strdup (i % 4 == 0 ? "note" : "rank, “quoted”");
      property->value = g_strdup_printf ("value %u, with \"quotes\"\nand a line", i);
      g_ptr_array_add (entity->properties, property);
    }
  for (guint i = 0; i < graph->relations->len; i += 3)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      EntProperty *property = g_new0 (EntProperty, 1);

      property->key = g_strdup ("weight");
      property->type = ENT_PROPERTY_NUMBER;
      property->value = g_strdup_printf ("%u.5", i);
      g_ptr_array_add (relation->properties, property);
    }
}

static char *
export_bundled (EntGraph    *graph,
                char       **relations_path)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-csv-XXXXXX", NULL);
  char *entities_path = g_build_filename (dir, "entities.csv", NULL);
  g_autoptr(GError) error = NULL;

  *relations_path = g_build_filename (dir, "relations.csv", NULL);
  g_assert_true (ent_csv_export (graph, entities_path, *relations_path, &error));
  g_assert_no_error (error);
  return entities_path;
}

/* The bundled network's export reads in Python's csv module with its counts. */
static void
test_export_python (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autofree char *relations = NULL;
  g_autofree char *entities = NULL;
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-csv-export.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  add_properties (graph);
  entities = export_bundled (graph, &relations);
  {
    const char *argv[] = { "python3", script, entities, relations, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("%u\n%u\n", graph->entities->len, graph->relations->len);
  g_assert_cmpstr (out, ==, expected);
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The texts of the quotes of @ids, sorted. */
static char *
quote_texts (EntGraph *graph,
             GArray   *ids)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (texts, ent_graph_get_quote (graph, g_array_index (ids, gint64, i))->text);
  g_ptr_array_sort (texts, compare_texts);
  g_ptr_array_add (texts, NULL);
  return g_strjoinv ("\n--\n", (char **) texts->pdata);
}

static void
assert_same_properties (GPtrArray *a,
                        GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      EntProperty *property = g_ptr_array_index (a, i);

      g_assert_cmpstr (get_property (b, property->key)->value, ==, property->value);
    }
}

static const char *
kind_key (const EntEntity *entity)
{
  return entity->kind_key != NULL ? entity->kind_key : ent_kind_to_string (entity->kind);
}

/* Whether two texts say the same, an empty one being as none. */
static void
assert_same_text (const char *a,
                  const char *b)
{
  g_assert_cmpstr (a != NULL && *a != '\0' ? a : NULL, ==, b != NULL && *b != '\0' ? b : NULL);
}

/* Export and import again keep every entity, relation, property value and quote text. */
static void
test_round_trip (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autofree char *relations_path = NULL;
  g_autofree char *entities_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) result = NULL;
  EntGraph *back;

  add_properties (graph);
  entities_path = export_bundled (graph, &relations_path);
  result = import (entities_path, relations_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->problems->len, ==, 0);
  back = result->graph;

  g_assert_cmpuint (back->entities->len, ==, graph->entities->len);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntEntity *other = g_ptr_array_index (back->entities, i);
      g_autofree char *texts = quote_texts (graph, entity->quote_ids);
      g_autofree char *other_texts = quote_texts (back, other->quote_ids);

      g_assert_cmpstr (other->name, ==, entity->name);
      g_assert_cmpint (other->kind, ==, entity->kind);
      g_assert_cmpstr (kind_key (other), ==, kind_key (entity));
      assert_same_text (other->role, entity->role);
      assert_same_text (other->description, entity->description);
      g_assert_cmpstr (other->start_date, ==, entity->start_date);
      g_assert_cmpstr (other->end_date, ==, entity->end_date);
      g_assert_cmpstr (other_texts, ==, texts);
      assert_same_properties (entity->properties, other->properties);
    }

  g_assert_cmpuint (back->relations->len, ==, graph->relations->len);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      EntRelation *other = g_ptr_array_index (back->relations, i);
      g_autofree char *texts = quote_texts (graph, relation->quote_ids);
      g_autofree char *other_texts = quote_texts (back, other->quote_ids);

      g_assert_cmpstr (ent_graph_get_entity (back, other->from_id)->name, ==,
                       ent_graph_get_entity (graph, relation->from_id)->name);
      g_assert_cmpstr (ent_graph_get_entity (back, other->to_id)->name, ==,
                       ent_graph_get_entity (graph, relation->to_id)->name);
      g_assert_cmpstr (other->kind, ==, relation->kind);
      assert_same_text (other->label, relation->label);
      g_assert_cmpint (other->directed, ==, relation->directed);
      g_assert_cmpstr (other->start_date, ==, relation->start_date);
      g_assert_cmpstr (other->end_date, ==, relation->end_date);
      g_assert_cmpstr (other_texts, ==, texts);
      assert_same_properties (relation->properties, other->properties);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/csv/python", test_python);
  g_test_add_func ("/ent/csv/separators", test_separators);
  g_test_add_func ("/ent/csv/guess", test_guess);
  g_test_add_func ("/ent/csv/types", test_types);
  g_test_add_func ("/ent/csv/problems", test_problems);
  g_test_add_func ("/ent/csv/edges-only", test_edges_only);
  g_test_add_func ("/ent/csv/ends-by-name", test_ends_by_name);
  g_test_add_func ("/ent/csv/long-line", test_long_line);
  g_test_add_func ("/ent/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ent/csv/binary", test_binary);
  g_test_add_func ("/ent/csv/empty", test_empty);
  g_test_add_func ("/ent/csv/bad-quotes", test_bad_quotes);
  g_test_add_func ("/ent/csv/cancel", test_cancel);
  g_test_add_func ("/ent/csv/export-python", test_export_python);
  g_test_add_func ("/ent/csv/round-trip", test_round_trip);

  return g_test_run ();
}
