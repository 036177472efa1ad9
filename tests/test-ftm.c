/* test-ftm.c: FollowTheMoney entities: real files import with their counts, edges and dangling references; hostile files fail clearly
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ent-data.h"
#include "ent-ftm.h"
#include "ent-test-util.h"

static guint
count_kind (EntGraph   *graph,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < graph->relations->len; i++)
    n += g_str_equal (((EntRelation *) g_ptr_array_index (graph->relations, i))->kind, kind);
  return n;
}

/* 184 entities, 290 payments and the 103 addresses they refer to. */
static void
test_donations (void)
{
  g_autofree char *path = data_path ("ftm", "nomenklatura_donations.ijson");
  g_autoptr(EntImport) import = read_ok (ent_ftm_read, path);
  EntGraph *graph = import->graph;
  EntEntity *mlpd = find_entity (graph, "MLPD");
  EntEntity *address = find_entity (graph, "Schillerstraße 19, 76135 Karlsruhe");
  EntRelation *payment = NULL;
  EntDataFormat format;

  g_assert_cmpuint (graph->entities->len, ==, 184);
  g_assert_cmpuint (graph->relations->len, ==, 290 + 103);
  g_assert_cmpuint (count_kind (graph, "Payment"), ==, 290);
  g_assert_cmpuint (count_kind (graph, "addressEntity"), ==, 103);
  g_assert_cmpuint (import->problems->len, ==, 0);
  g_assert_cmpint (mlpd->kind, ==, ENT_KIND_ORGANISATION);
  g_assert_null (mlpd->kind_key);
  g_assert_cmpint (address->kind, ==, ENT_KIND_PLACE);
  g_assert_cmpstr (property_value (address->properties, "city", ENT_PROPERTY_STRING), ==, "76135 Karlsruhe");

  for (guint i = 0; i < graph->relations->len && payment == NULL; i++)
    if (g_str_equal (((EntRelation *) g_ptr_array_index (graph->relations, i))->kind, "Payment"))
      payment = g_ptr_array_index (graph->relations, i);
  g_assert_true (payment->directed);
  g_assert_true (ent_date_is_valid (payment->start_date));
  g_assert_nonnull (property_value (payment->properties, "amountEur", ENT_PROPERTY_NUMBER));
  g_assert_null (property_value (payment->properties, "payer", ENT_PROPERTY_STRING));

  g_assert_true (ent_data_format_for_path (path, &format, NULL));
  g_assert_cmpint (format, ==, ENT_DATA_FORMAT_FTM);
}

/* Sanctions entities with multilingual names, and two addresses the file does not have: problems, with their lines. */
static void
test_sanctions (void)
{
  g_autofree char *path = data_path ("ftm", "yente_t1_entities.ftm.json");
  g_autoptr(EntImport) import = read_ok (ent_ftm_read, path);
  EntGraph *graph = import->graph;
  EntEntity *tobacco = find_entity (graph, "LLC “Inter Tobacco”");
  EntDataFormat format;

  g_assert_cmpuint (graph->entities->len, ==, 7);
  g_assert_cmpuint (graph->relations->len, ==, 0);
  g_assert_cmpuint (import->problems->len, ==, 2);
  g_assert_cmpuint (((EntImportProblem *) g_ptr_array_index (import->problems, 0))->line, ==, 1);
  g_assert_cmpuint (((EntImportProblem *) g_ptr_array_index (import->problems, 1))->line, ==, 7);
  g_assert_nonnull (strstr (((EntImportProblem *) g_ptr_array_index (import->problems, 0))->message,
                            "addr-125caec37c3486d3a71de8ae943eec47f420b38a"));
  g_assert_nonnull (strstr (property_value (tobacco->properties, "name", ENT_PROPERTY_STRING),
                            "; Εταιρία περιορισμένης ευθύνης “Inter Tobacco”; "));
  g_assert_cmpstr (property_value (tobacco->properties, "createdAt", ENT_PROPERTY_DATE), ==, "2022-06-03");
  g_assert_cmpstr (property_value (tobacco->properties, "target", ENT_PROPERTY_BOOLEAN), ==, "true");
  g_assert_cmpstr (property_value (tobacco->properties, "datasets", ENT_PROPERTY_STRING), ==, "eu_fsf");
  g_assert_cmpstr (tobacco->description, ==, NULL);

  g_assert_true (ent_data_format_for_path (path, &format, NULL));
  g_assert_cmpint (format, ==, ENT_DATA_FORMAT_FTM);
}

/* Edges with two ends on a side, a self-loop, a missing end, scalars, timestamps and a source. */
static void
test_edges (void)
{
  g_autofree char *path = write_temp_file ("edges.ijson",
    "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Ann\"], \"sourceUrl\": [\"https://example.org/a\"],"
    " \"publisher\": [\"Registry\"], \"retrievedAt\": [\"2021-04-05T10:00:00\"]}}\n"
    "{\"id\": \"b\", \"schema\": \"Company\", \"properties\": {\"name\": \"Bee Ltd\"}}\n"
    "{\"id\": \"c\", \"schema\": \"Vessel\", \"properties\": {\"name\": [\"Sea\"]}}\n"
    "{\"id\": \"o1\", \"schema\": \"Ownership\", \"properties\": {\"owner\": [\"a\", \"b\"], \"asset\": [\"c\"],"
    " \"startDate\": [\"2019-03-11T08:00:00\"], \"role\": [\"shareholder\"], \"percentage\": [\"50\"]}}\n"
    "{\"id\": \"p1\", \"schema\": \"Payment\", \"properties\": {\"payer\": [\"a\"], \"beneficiary\": [\"a\"], \"date\": [\"2020\"]}}\n"
    "{\"id\": \"m1\", \"schema\": \"Membership\", \"properties\": {\"member\": [\"a\"]}}\n"
    "\n", -1);
  g_autoptr(EntImport) import = read_ok (ent_ftm_read, path);
  EntGraph *graph = import->graph;
  EntRelation *relation;
  EntSource *source;

  g_assert_cmpuint (graph->entities->len, ==, 3);
  g_assert_cmpstr (find_entity (graph, "Bee Ltd")->kind_key, ==, "company");
  g_assert_cmpstr (find_entity (graph, "Sea")->kind_key, ==, "vessel");
  g_assert_cmpuint (graph->relations->len, ==, 3);
  relation = g_ptr_array_index (graph->relations, 0);
  g_assert_cmpstr (relation->kind, ==, "Ownership");
  g_assert_cmpstr (relation->label, ==, "shareholder");
  g_assert_cmpstr (relation->start_date, ==, "2019-03-11");
  g_assert_cmpstr (property_value (relation->properties, "percentage", ENT_PROPERTY_NUMBER), ==, "50");
  g_assert_null (property_value (relation->properties, "role", ENT_PROPERTY_STRING));
  g_assert_cmpint (((EntRelation *) g_ptr_array_index (graph->relations, 1))->from_id, ==,
                   find_entity (graph, "Bee Ltd")->id);
  relation = g_ptr_array_index (graph->relations, 2);
  g_assert_cmpint (relation->from_id, ==, relation->to_id);
  g_assert_cmpstr (relation->start_date, ==, "2020");

  g_assert_cmpuint (import->problems->len, ==, 1);
  g_assert_cmpuint (((EntImportProblem *) g_ptr_array_index (import->problems, 0))->line, ==, 6);

  g_assert_cmpuint (graph->sources->len, ==, 1);
  source = g_ptr_array_index (graph->sources, 0);
  g_assert_cmpstr (source->title, ==, "Registry");
  g_assert_cmpstr (source->url, ==, "https://example.org/a");
  g_assert_cmpstr (source->published, ==, "2021-04-05");
  g_assert_cmpstr (source->body, ==, "");
}

static void
test_truncated (void)
{
  g_autofree char *original = data_path ("ftm", "nomenklatura_donations.ijson");
  g_autofree char *path = write_truncated (original, "truncated.ijson");

  assert_read_fails (ent_ftm_read, path, ENT_IMPORT_ERROR_INVALID, "not valid JSON");
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *path = write_temp_file ("bad.ijson",
                                           "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {}}\n"
                                           "{\"id\": \"b\xff\", \"schema\": \"Person\", \"properties\": {}}\n", -1);

  assert_read_fails (ent_ftm_read, path, ENT_IMPORT_ERROR_INVALID, "Line 2, column");
}

static void
test_deep (void)
{
  g_autofree char *text = deep_text ("{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"x\": ", 100000, "}}\n");

  assert_contents_fail (ent_ftm_read, "deep.ijson", text, ENT_IMPORT_ERROR_INVALID, "nested deeper");
}

/* A line of 100 MB is more than a line may be: an error before it is parsed. */
static void
test_long_line (void)
{
  gsize length = 100 * 1024 * 1024;
  g_autofree char *contents = g_malloc (length);
  g_autofree char *path = NULL;
  const char *start = "{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"";

  memset (contents, 'x', length);
  memcpy (contents, start, strlen (start));
  memcpy (contents + length - 5, "\"]}}\n", 5);
  path = write_temp_file ("long.ijson", contents, length);
  assert_read_fails (ent_ftm_read, path, ENT_IMPORT_ERROR_TOO_LARGE, "Line 1 is longer than");
}

static void
test_long_label (void)
{
  g_autofree char *text = repeat_text ("{\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"", "line\\n", 40000,
                                       "\"]}}\n");

  assert_contents_fail (ent_ftm_read, "label.ijson", text, ENT_IMPORT_ERROR_TOO_LARGE, "longer than");
}

static void
test_wrong_shape (void)
{
  g_autofree char *ours = write_temp_file ("ours.jsonl", "{\"format\": \"entente-network\", \"version\": 1}\n", -1);
  g_autofree char *empty = write_temp_file ("empty.jsonl", "\n\n", -1);
  EntDataFormat format;

  assert_read_fails (ent_ftm_read, ours, ENT_IMPORT_ERROR_INVALID, "not FollowTheMoney");
  assert_read_fails (ent_ftm_read, empty, ENT_IMPORT_ERROR_INVALID, "empty");
  g_assert_true (ent_data_format_for_path (ours, &format, NULL));
  g_assert_cmpint (format, ==, ENT_DATA_FORMAT_FTM);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/ftm/donations", test_donations);
  g_test_add_func ("/ent/ftm/sanctions", test_sanctions);
  g_test_add_func ("/ent/ftm/edges", test_edges);
  g_test_add_func ("/ent/ftm/truncated", test_truncated);
  g_test_add_func ("/ent/ftm/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/ent/ftm/deep", test_deep);
  g_test_add_func ("/ent/ftm/long-line", test_long_line);
  g_test_add_func ("/ent/ftm/long-label", test_long_label);
  g_test_add_func ("/ent/ftm/wrong-shape", test_wrong_shape);

  return g_test_run ();
}
