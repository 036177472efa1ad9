/* test-json.c: Entente's JSON format: what is written reads back the same, and hostile files fail clearly
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ent-json.h"
#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-user-data.h"

/* A network of our format with @tables after the format and version. */
static char *
write_network (TempDir    *fixture,
               const char *tables)
{
  g_autofree char *contents = g_strdup_printf ("{\n\"format\": \"entente-network\",\n\"version\": 1,\n%s\n}\n", tables);

  return temp_dir_write (fixture, "network.json", contents, -1);
}

/* Whether one of the import's problems says @part, on @line unless that is 0. */
static void
assert_problem (EntImport  *import,
                guint64     line,
                const char *part)
{
  for (guint i = 0; i < import->problems->len; i++)
    {
      EntImportProblem *problem = g_ptr_array_index (import->problems, i);

      if (strstr (problem->message, part) != NULL && (line == 0 || problem->line == line))
        return;
    }

  for (guint i = 0; i < import->problems->len; i++)
    {
      EntImportProblem *problem = g_ptr_array_index (import->problems, i);
      g_test_message ("line %" G_GUINT64_FORMAT ": %s", problem->line, problem->message);
    }
  g_error ("no problem says “%s”", part);
}

static void
assert_ids_equal (GArray *a,
                  GArray *b)
{
  g_assert_cmpuint (a != NULL ? a->len : 0, ==, b != NULL ? b->len : 0);
  for (guint i = 0; a != NULL && i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

static void
assert_properties_equal (GPtrArray *a,
                         GPtrArray *b)
{
  g_assert_cmpuint (a != NULL ? a->len : 0, ==, b != NULL ? b->len : 0);
  for (guint i = 0; a != NULL && i < a->len; i++)
    {
      EntProperty *p = g_ptr_array_index (a, i);
      EntProperty *q = g_ptr_array_index (b, i);

      g_assert_cmpstr (p->key, ==, q->key);
      g_assert_cmpint (p->type, ==, q->type);
      g_assert_cmpstr (p->value, ==, q->value);
    }
}

static const char *
kind_of (EntEntity *entity)
{
  return entity->kind_key != NULL ? entity->kind_key : ent_kind_to_string (entity->kind);
}

/* Every field of every row of @a is the same in @b, in the same order. */
static void
assert_graphs_equal (EntGraph *a,
                     EntGraph *b)
{
  g_assert_cmpuint (a->kinds->len, ==, b->kinds->len);
  for (guint i = 0; i < a->kinds->len; i++)
    {
      EntKindInfo *k = g_ptr_array_index (a->kinds, i);
      EntKindInfo *l = g_ptr_array_index (b->kinds, i);

      g_assert_cmpstr (k->key, ==, l->key);
      g_assert_cmpstr (k->label, ==, l->label);
      g_assert_cmpstr (k->shape, ==, l->shape);
      g_assert_cmpstr (k->glyph, ==, l->glyph);
      g_assert_cmpstr (k->color, ==, l->color);
      g_assert_cmpstr (k->dark_color, ==, l->dark_color);
    }

  g_assert_cmpuint (a->sources->len, ==, b->sources->len);
  for (guint i = 0; i < a->sources->len; i++)
    {
      EntSource *s = g_ptr_array_index (a->sources, i);
      EntSource *t = g_ptr_array_index (b->sources, i);

      g_assert_cmpint (s->id, ==, t->id);
      g_assert_cmpstr (s->title, ==, t->title);
      g_assert_cmpstr (s->publisher, ==, t->publisher);
      g_assert_cmpstr (s->url, ==, t->url);
      g_assert_cmpstr (s->published, ==, t->published);
      g_assert_cmpstr (s->body, ==, t->body);
    }

  g_assert_cmpuint (a->quotes->len, ==, b->quotes->len);
  for (guint i = 0; i < a->quotes->len; i++)
    {
      EntQuote *q = g_ptr_array_index (a->quotes, i);
      EntQuote *r = g_ptr_array_index (b->quotes, i);

      g_assert_cmpint (q->id, ==, r->id);
      g_assert_cmpint (q->source_id, ==, r->source_id);
      g_assert_cmpint (q->start, ==, r->start);
      g_assert_cmpint (q->end, ==, r->end);
      g_assert_cmpstr (q->text, ==, r->text);
    }

  g_assert_cmpuint (a->entities->len, ==, b->entities->len);
  for (guint i = 0; i < a->entities->len; i++)
    {
      EntEntity *e = g_ptr_array_index (a->entities, i);
      EntEntity *f = g_ptr_array_index (b->entities, i);

      g_assert_cmpint (e->id, ==, f->id);
      g_assert_cmpint (e->kind, ==, f->kind);
      g_assert_cmpstr (kind_of (e), ==, kind_of (f));
      g_assert_cmpstr (e->name, ==, f->name);
      g_assert_cmpstr (e->role, ==, f->role);
      g_assert_cmpstr (e->description, ==, f->description);
      g_assert_cmpstr (e->start_date, ==, f->start_date);
      g_assert_cmpstr (e->end_date, ==, f->end_date);
      assert_ids_equal (e->quote_ids, f->quote_ids);
      assert_properties_equal (e->properties, f->properties);
    }

  g_assert_cmpuint (a->relations->len, ==, b->relations->len);
  for (guint i = 0; i < a->relations->len; i++)
    {
      EntRelation *r = g_ptr_array_index (a->relations, i);
      EntRelation *s = g_ptr_array_index (b->relations, i);

      g_assert_cmpint (r->id, ==, s->id);
      g_assert_cmpstr (r->kind, ==, s->kind);
      g_assert_cmpint (r->from_id, ==, s->from_id);
      g_assert_cmpint (r->to_id, ==, s->to_id);
      g_assert_cmpstr (r->label, ==, s->label);
      g_assert_cmpint (r->directed, ==, s->directed);
      g_assert_cmpstr (r->start_date, ==, s->start_date);
      g_assert_cmpstr (r->end_date, ==, s->end_date);
      assert_ids_equal (r->quote_ids, s->quote_ids);
      assert_properties_equal (r->properties, s->properties);
    }
}

static void
assert_layouts_equal (GPtrArray *a,
                      GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      EntImportLayout *k = g_ptr_array_index (a, i);
      EntImportLayout *l = g_ptr_array_index (b, i);

      g_assert_cmpstr (k->engine, ==, l->engine);
      g_assert_cmpuint (k->positions->len, ==, l->positions->len);
      for (guint p = 0; p < k->positions->len; p++)
        {
          EntPosition *q = &g_array_index (k->positions, EntPosition, p);
          EntPosition *r = &g_array_index (l->positions, EntPosition, p);

          g_assert_cmpint (q->entity_id, ==, r->entity_id);
          /* Bit for bit, not merely close. */
          g_assert_cmpmem (&q->x, sizeof q->x, &r->x, sizeof r->x);
          g_assert_cmpmem (&q->y, sizeof q->y, &r->y, sizeof r->y);
          g_assert_cmpint (q->pinned, ==, r->pinned);
        }
    }
}

/* The bundled network, with what it lacks to show every field: a kind of its own, properties, awkward positions. */
static void
test_round_trip_graph (TempDir       *fixture,
                       gconstpointer  data)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_import_layout_free);
  g_autoptr(EntImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "bundled.json", NULL);
  EntEntity *entity = g_ptr_array_index (graph->entities, 0);
  EntRelation *relation = g_ptr_array_index (graph->relations, 0);

  make_ministry (graph, entity, "Ministry «МИД» मंत्रालय");
  add_property (&entity->properties, "budget", ENT_PROPERTY_NUMBER, "-1.5e3");
  add_property (&entity->properties, "founded", ENT_PROPERTY_DATE, "--03-11");
  add_property (&entity->properties, "motto \"quoted\"\n", ENT_PROPERTY_STRING, "");
  add_property (&relation->properties, "secret", ENT_PROPERTY_BOOLEAN, "false");

  g_ptr_array_add (layouts, awkward_layout (graph, "neato", TRUE));

  g_assert_true (ent_json_write (graph, layouts, path, NULL, &error));
  g_assert_no_error (error);

  import = read_ok (ent_json_read, path);
  g_assert_cmpuint (import->problems->len, ==, 0);
  assert_graphs_equal (graph, import->graph);
  assert_layouts_equal (layouts, import->layouts);
}

/* @store → JSON → a new file, whose dump must be @store's. */
static void
assert_store_round_trip (TempDir  *fixture,
                         EntStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autoptr(GPtrArray) layouts = ent_store_load_layouts (store, &error);
  g_autofree char *json = g_build_filename (fixture->dir, "network.json", NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.entente", NULL);
  g_autoptr(EntImport) import = NULL;
  g_autoptr(EntStore) copy = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  g_assert_true (ent_json_write (graph, layouts, json, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("written in %.3f s", (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  import = read_ok (ent_json_read, json);
  g_test_message ("read in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (import->problems->len, ==, 0);

  copy = store_of_import (import, copy_path);
  expected = ent_store_dump (store, &error);
  g_assert_no_error (error);
  actual = ent_store_dump (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actual, ==, expected);
}

static void
test_round_trip_bundled (TempDir       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ent_bundled_database_path ();
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  assert_store_round_trip (fixture, store);
}

/* Ten thousand entities of two kinds, one of them the network's own, with properties of every type (two
 * thousand in the sanitizer build, many times slower). */
static void
test_round_trip_generated (TempDir       *fixture,
                           gconstpointer  data)
{
  const guint N_ENTITIES = test_slowdown () > 1 ? 2000 : 10000;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "generated.entente", NULL);
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  EntKindInfo kind = { "vessel", "Vessel", "diamond", "dot", "#2ec27e", NULL };
  gint64 previous = 0;

  g_assert_no_error (error);
  g_assert_true (ent_store_begin (store, &error));
  g_assert_true (ent_store_add_kind (store, &kind, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_ENTITIES; i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity %u «%s»", i, i % 2 ? "Судно" : "जहाज़");
      g_autofree char *number = g_strdup_printf ("%u.25", i);
      EntEntity entity = {
        .kind = i % 3 ? ENT_KIND_PERSON : ENT_KIND_ORGANISATION,
        .kind_key = i % 3 ? NULL : (char *) "vessel",
        .name = name,
        .description = i % 5 ? (char *) "" : (char *) "line one\nline two \"quoted\"",
        .start_date = i % 7 ? NULL : (char *) "2001-02",
      };
      /* In the order of their keys, as a network reads them back and an import writes them. */
      EntProperty properties[] = {
        { (char *) "active", ENT_PROPERTY_BOOLEAN, i % 2 ? (char *) "true" : (char *) "false" },
        { (char *) "built", ENT_PROPERTY_DATE, (char *) "1999-12-31" },
        { (char *) "tonnage", ENT_PROPERTY_NUMBER, number },
      };
      gint64 id = ent_store_add_entity (store, &entity, &error);
      EntPosition position = { id, i * 0.1, -(double) i / 7.0, i % 2 };

      g_assert_no_error (error);
      for (guint p = 0; p < G_N_ELEMENTS (properties); p++)
        if ((i + p) % 4 != 0)
          g_assert_true (ent_store_set_property (store, id, 0, &properties[p], &error));
      g_array_append_val (positions, position);

      if (previous != 0)
        {
          EntRelation relation = { .kind = (char *) "follows", .from_id = previous, .to_id = id,
                                   .label = (char *) "", .directed = i % 2 };
          gint64 relation_id = ent_store_add_relation (store, &relation, &error);
          EntProperty weight = { (char *) "weight", ENT_PROPERTY_NUMBER, number };

          g_assert_no_error (error);
          if (i % 3 == 0)
            g_assert_true (ent_store_set_property (store, 0, relation_id, &weight, &error));
        }
      previous = id;
    }
  g_assert_true (ent_store_save_positions (store, "sfdp", (EntPosition *) positions->data, positions->len, &error));
  g_assert_true (ent_store_commit (store, &error));
  g_assert_no_error (error);

  assert_store_round_trip (fixture, store);
}

static void
test_truncated (TempDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "whole.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *truncated = NULL;
  gsize length;

  g_assert_true (ent_json_write (graph, NULL, path, NULL, &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  truncated = temp_dir_write (fixture, "truncated.json", contents, length / 2);
  assert_read_fails (ent_json_read, truncated, ENT_IMPORT_ERROR_INVALID, "Line ");
}

static void
test_deep (TempDir       *fixture,
           gconstpointer  data)
{
  enum { DEPTH = 100000 };
  g_autoptr(GString) deep = g_string_new ("{\"format\": \"entente-network\", \"version\": 1,\n\"entities\": ");
  g_autofree char *path = NULL;

  for (guint i = 0; i < DEPTH; i++)
    g_string_append_c (deep, i % 2 ? '{' : '[');
  path = temp_dir_write (fixture, "deep.json", deep->str, deep->len);
  assert_read_fails (ent_json_read, path, ENT_IMPORT_ERROR_INVALID, "Line 2, column 76");

  /* A deep file that is otherwise valid JSON. */
  g_string_truncate (deep, 0);
  for (guint i = 0; i < DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < DEPTH; i++)
    g_string_append_c (deep, ']');
  g_free (path);
  path = temp_dir_write (fixture, "deep-array.json", deep->str, deep->len);
  assert_read_fails (ent_json_read, path, ENT_IMPORT_ERROR_INVALID, "nested");
}

static void
test_invalid_utf8 (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_network (fixture, "\"entities\": [{\"id\": 1, \"kind\": \"person\", \"name\": \"Ал\xd0\"}]");

  assert_read_fails (ent_json_read, path, ENT_IMPORT_ERROR_INVALID, "Line 4, column 53");
}

static void
test_not_ours (TempDir       *fixture,
               gconstpointer  data)
{
  static const struct {
    const char *contents;
    const char *part_of_message;
  } files[] = {
    { "Name,Kind\nAleinik,person\n", "Line 1, column" },
    { "", "empty" },
    { "[{\"format\": \"entente-network\", \"version\": 1}]", "format" },
    { "{\"nodes\": [], \"edges\": []}", "format" },
    { "{\"format\": \"entente-network\", \"version\": 2}", "version" },
    { "{\"format\": \"entente-network\", \"version\": \"1\"}", "version" },
    { "{\"format\": \"entente-network\", \"version\": 1, \"entities\": {}}", "entities" },
    { "{\"format\": \"entente-network\", \"version\": 1} {}", "Line 1, column" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = temp_dir_write (fixture, "other.json", files[i].contents, -1);

      assert_read_fails (ent_json_read, path, ENT_IMPORT_ERROR_INVALID, files[i].part_of_message);
    }
}

static void
test_too_large (TempDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = g_strnfill (10 * 1024 * 1024, 'a');
  g_autofree char *tables = g_strdup_printf ("\"entities\": [\n{\"id\": 1, \"kind\": \"person\", \"name\": \"%s\"}]", name);
  g_autofree char *path = write_network (fixture, tables);

  assert_read_fails (ent_json_read, path, ENT_IMPORT_ERROR_TOO_LARGE, "Line 5: Entity 1: “name”");
}

/* Broken items are left out with what depends on them, each listed with its line; the rest comes in. */
static void
test_broken_items (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = write_network (fixture,
    "\"sources\": [\n"
    "{\"id\": 1, \"title\": \"Visit\", \"body\": \"Сергей Алейник visited Delhi\"}\n"
    "],\n"
    "\"quotes\": [\n"
    "{\"id\": 1, \"source\": 1, \"start\": 7, \"end\": 14, \"text\": \"Алейник\"},\n"
    "{\"id\": 2, \"source\": 1, \"start\": 0, \"end\": 6, \"text\": \"Sergei\"},\n"
    "{\"id\": 3, \"source\": 9, \"start\": 0, \"end\": 6, \"text\": \"Сергей\"},\n"
    "{\"id\": 4, \"source\": 1, \"start\": 20, \"end\": 99, \"text\": \"Delhi\"}\n"
    "],\n"
    "\"entities\": [\n"
    "{\"id\": 1, \"kind\": \"person\", \"name\": \"Aleinik\", \"quotes\": [1, 2],\n"
    " \"properties\": [{\"key\": \"age\", \"type\": \"number\", \"value\": \"sixty\"},\n"
    "                {\"key\": \"born\", \"type\": \"date\", \"value\": \"1973-02-30\"},\n"
    "                {\"key\": \"minister\", \"type\": \"boolean\", \"value\": \"yes\"},\n"
    "                {\"key\": \"height\", \"type\": \"colour\", \"value\": \"1\"},\n"
    "                {\"key\": \"weight\", \"type\": \"number\", \"value\": \"72.5\"},\n"
    "                {\"key\": \"weight\", \"type\": \"number\", \"value\": \"73\"}]},\n"
    "{\"id\": 1, \"kind\": \"country\", \"name\": \"Belarus\"},\n"
    "{\"id\": 2, \"kind\": \"country\", \"name\": \"India\", \"start_date\": \"yesterday\"},\n"
    "{\"id\": 3, \"kind\": \"ship\", \"name\": \"Vikrant\"},\n"
    "\"Delhi\",\n"
    "{\"id\": -4, \"kind\": \"place\", \"name\": \"Minsk\"},\n"
    "{\"id\": 5, \"kind\": \"place\", \"name\": \"\"},\n"
    "{\"id\": 6, \"kind\": \"place\", \"name\": 6}\n"
    "],\n"
    "\"relations\": [\n"
    "{\"id\": 12, \"kind\": \"visits\", \"from\": 1, \"to\": 99},\n"
    "{\"id\": 13, \"kind\": \"visits\", \"from\": 1, \"to\": 2},\n"
    "{\"id\": 14, \"kind\": \"meets\", \"from\": 1, \"to\": 3, \"directed\": \"yes\"}\n"
    "],\n"
    "\"layouts\": [\n"
    "{\"engine\": \"dot\", \"positions\": [{\"entity\": 1, \"x\": 1.5, \"y\": 2, \"pinned\": true},\n"
    "                                 {\"entity\": 2, \"x\": 0, \"y\": 0},\n"
    "                                 {\"entity\": 3, \"x\": \"left\", \"y\": 0}]}\n"
    "]");
  g_autoptr(EntImport) import = read_ok (ent_json_read, path);
  EntEntity *aleinik;
  EntImportLayout *layout;

  assert_problem (import, 9, "Quote 2: Its text is not its source's passage");
  assert_problem (import, 10, "Quote 3: “source” refers to 9, which is missing");
  assert_problem (import, 11, "Quote 4: Its offsets");
  g_assert_cmpuint (import->graph->quotes->len, ==, 1);

  assert_problem (import, 14, "Entity 1: Quote 2 of its list is missing");
  assert_problem (import, 14, "Entity 1, property “age”: “value” is not of the type “number”");
  assert_problem (import, 14, "Entity 1, property “born”: “value” is not of the type “date”");
  assert_problem (import, 14, "Entity 1, property “minister”: “value” is not of the type “boolean”");
  assert_problem (import, 14, "Entity 1, property “height”: “type” is not");
  assert_problem (import, 14, "Entity 1, property “weight”: It is listed twice");
  assert_problem (import, 21, "Entity 1: It is listed twice");
  assert_problem (import, 22, "Entity 2: “start_date” is not a date");
  assert_problem (import, 23, "Entity 3: Its kind “ship” is not among the file's kinds");
  assert_problem (import, 24, "Item 5 of “entities”: It is not an object");
  assert_problem (import, 25, "Item 6 of “entities”: “id” is not a positive whole number");
  assert_problem (import, 26, "Entity 5: “name” is empty");
  assert_problem (import, 27, "Entity 6: “name” is not text");

  g_assert_cmpuint (import->graph->entities->len, ==, 2);
  aleinik = ent_graph_get_entity (import->graph, 1);
  g_assert_cmpstr (aleinik->name, ==, "Aleinik");
  g_assert_cmpuint (aleinik->quote_ids->len, ==, 1);
  g_assert_cmpuint (aleinik->properties->len, ==, 1);
  g_assert_cmpstr (((EntProperty *) g_ptr_array_index (aleinik->properties, 0))->value, ==, "72.5");
  g_assert_nonnull (ent_graph_get_entity (import->graph, 3));
  g_assert_nonnull (ent_graph_get_kind (import->graph, "ship"));

  assert_problem (import, 30, "Relation 12: “to” refers to 99, which is missing or was skipped");
  assert_problem (import, 31, "Relation 13: “to” refers to 2, which is missing or was skipped");
  assert_problem (import, 32, "Relation 14: “directed” is not true or false");
  g_assert_cmpuint (import->graph->relations->len, ==, 0);

  assert_problem (import, 35, "Layout “dot”, position 2: “entity” refers to 2");
  assert_problem (import, 35, "Layout “dot”, position 3: “x” is not a number");
  g_assert_cmpuint (import->layouts->len, ==, 1);
  layout = g_ptr_array_index (import->layouts, 0);
  g_assert_cmpuint (layout->positions->len, ==, 1);
  g_assert_cmpfloat (g_array_index (layout->positions, EntPosition, 0).x, ==, 1.5);
  g_assert_true (g_array_index (layout->positions, EntPosition, 0).pinned);
}

static void
test_kinds (TempDir       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = write_network (fixture,
    "\"kinds\": [\n"
    "{\"key\": \"person\", \"label\": \"Human\", \"shape\": \"circle\", \"glyph\": \"person\", \"color\": \"#112233\"},\n"
    "{\"key\": \"ship\", \"label\": \"Ship\", \"shape\": \"diamond\", \"glyph\": \"dot\", \"color\": \"#AABBCC\"},\n"
    "{\"key\": \"person\", \"label\": \"Again\", \"shape\": \"circle\", \"glyph\": \"person\", \"color\": \"#112233\"}\n"
    "],\n"
    "\"entities\": [{\"id\": 7, \"kind\": \"person\", \"name\": \"Aleinik\"}]");
  g_autoptr(EntImport) import = read_ok (ent_json_read, path);
  EntEntity *entity;

  assert_problem (import, 6, "Kind “ship”: Its colours are not written as #rrggbb");
  assert_problem (import, 7, "Kind “person”: It is listed twice");
  g_assert_cmpuint (import->graph->kinds->len, ==, 1);
  g_assert_cmpstr (ent_graph_get_kind (import->graph, "person")->label, ==, "Human");
  g_assert_null (ent_graph_get_kind (import->graph, "person")->dark_color);

  entity = ent_graph_get_entity (import->graph, 7);
  g_assert_cmpint (entity->kind, ==, ENT_KIND_PERSON);
  g_assert_null (entity->kind_key);
  g_assert_nonnull (entity->quote_ids);
  g_assert_nonnull (entity->properties);
}

/* The fractions reported so far, which must grow. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  if (fractions->len > 0)
    g_assert_cmpfloat (fraction, >=, g_array_index (fractions, double, fractions->len - 1));
  g_array_append_val (fractions, fraction);
}

static void
test_cancelled (TempDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "network.json", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_true (ent_json_write (graph, NULL, path, NULL, &error));
  import = ent_json_read (path, NULL, progress_cb, fractions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fractions->len, >=, 2);
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
  g_clear_pointer (&import, ent_import_free);

  g_cancellable_cancel (cancellable);
  import = ent_json_read (path, cancellable, NULL, NULL, &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A cancelled write leaves the file that was there. */
  g_assert_false (ent_json_write (graph, NULL, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_pointer (&import, ent_import_free);
  import = read_ok (ent_json_read, path);
  g_assert_cmpuint (import->graph->entities->len, ==, graph->entities->len);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/ent/json/" name, TempDir, NULL, temp_dir_set_up, func, temp_dir_tear_down)
  ADD ("round-trip-graph", test_round_trip_graph);
  ADD ("round-trip-bundled", test_round_trip_bundled);
  ADD ("round-trip-generated", test_round_trip_generated);
  ADD ("truncated", test_truncated);
  ADD ("deep", test_deep);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("not-ours", test_not_ours);
  ADD ("too-large", test_too_large);
  ADD ("broken-items", test_broken_items);
  ADD ("kinds", test_kinds);
  ADD ("cancelled", test_cancelled);
#undef ADD

  return g_test_run ();
}
