/* test-import.c: writing an import into a network: a new one with the file's ids, or the open one in one undoable edit
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ent-import.h"
#include "ent-store.h"
#include "ent-test-util.h"

typedef struct
{
  char     *dir;
  EntStore *bundled;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("entente-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = copy_bundled (fixture->dir, "bundled.entente");
  fixture->bundled = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_strdup (ent_store_get_path (fixture->bundled));

  g_clear_object (&fixture->bundled);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
dump (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (ent_store_check_integrity (store, &error));
  g_assert_no_error (error);
  text = ent_store_dump (store, &error);
  g_assert_no_error (error);
  return text;
}

/* The whole of @store as an import, as a lossless reader would give it. */
static EntImport *
import_of (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  EntImport *import = ent_import_new ();

  g_clear_pointer (&import->graph, ent_graph_unref);
  import->graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_clear_pointer (&import->layouts, g_ptr_array_unref);
  import->layouts = ent_store_load_layouts (store, &error);
  g_assert_no_error (error);
  return import;
}

static EntStore *
new_store (Fixture    *fixture,
           const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  EntStore *store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return store;
}

static void
remove_store (EntStore *store)
{
  g_autofree char *path = g_strdup (ent_store_get_path (store));

  g_object_unref (store);
  g_unlink (path);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

/* Positions that only the same doubles reproduce, in two layouts. */
static void
save_layouts (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  EntPosition positions[] = {
    { 1, 1.0 / 3, -2.0 / 7, FALSE },
    { 2, 1e-300, 12345.678901234567, TRUE },
    { 3, -0.1, 0.2, FALSE },
  };

  g_assert_true (ent_store_save_positions (store, "dot", positions, G_N_ELEMENTS (positions), &error));
  g_assert_true (ent_store_save_positions (store, "sfdp", positions, 2, &error));
  g_assert_no_error (error);
}

static void
test_keep_ids (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EntImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  EntStore *store = new_store (fixture, "new.entente");
  EntImportCounts counts;
  double last = 0;

  save_layouts (fixture->bundled);
  import = import_of (fixture->bundled);
  expected = dump (fixture->bundled);

  g_assert_true (ent_store_import (store, import, NULL, TRUE, NULL, NULL, progress_cb, &last, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_assert_cmpuint (counts.entities, ==, import->graph->entities->len);
  g_assert_cmpuint (counts.relations, ==, import->graph->relations->len);
  g_assert_cmpuint (counts.quotes, ==, import->graph->quotes->len);
  g_assert_cmpuint (counts.kinds, ==, 0);
  g_assert_cmpuint (import->layouts->len, ==, 2);

  got = dump (store);
  g_assert_cmpstr (got, ==, expected);
  g_assert_null (ent_store_get_undo_label (store));
  remove_store (store);
}

/* A new network is written without SQLite's reference checks and checked once at the end: a relation to an entity
 * the import lacks fails it, leaving the network empty, and the checks are back on for the edits that follow. */
static void
test_keep_ids_dangling (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(EntImport) import = NULL;
  g_autoptr(EntImport) whole = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  EntStore *store = new_store (fixture, "dangling.entente");
  EntRelation *relation = g_new0 (EntRelation, 1);
  EntRelation *first;
  gint64 deleted;

  import = import_of (fixture->bundled);
  relation->id = 99999;
  relation->kind = g_strdup ("met");
  relation->label = g_strdup ("");
  relation->from_id = ((EntEntity *) g_ptr_array_index (import->graph->entities, 0))->id;
  relation->to_id = 99999;
  relation->directed = TRUE;
  ent_graph_take_relation (import->graph, relation);

  g_assert_false (ent_store_import (store, import, NULL, TRUE, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "1 reference leads to no row"));
  g_clear_error (&error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->entities->len, ==, 0);
  g_assert_cmpuint (graph->relations->len, ==, 0);
  g_clear_pointer (&graph, ent_graph_unref);

  /* The same store takes the whole network; deleting an entity then takes its relations with it. */
  whole = import_of (fixture->bundled);
  g_assert_true (ent_store_import (store, whole, NULL, TRUE, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  first = g_ptr_array_index (whole->graph->relations, 0);
  deleted = first->from_id;
  g_assert_true (ent_store_delete_entity (store, deleted, &error));
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->relations->len, >, 0);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *left = g_ptr_array_index (graph->relations, i);

      g_assert_cmpint (left->from_id, !=, deleted);
      g_assert_cmpint (left->to_id, !=, deleted);
    }
  g_assert_true (ent_store_check_integrity (store, &error));
  g_assert_no_error (error);
  remove_store (store);
}

/* Importing a network into itself merges every entity and brings nothing twice; one undo takes it back. */
static void
test_merge_into_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EntImport) import = import_of (fixture->bundled);
  g_autoptr(EntGraph) graph = ent_store_load_graph (fixture->bundled, NULL);
  g_autoptr(GArray) matches = ent_import_find_matches (import, graph);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->bundled);
  g_autofree char *after = NULL;
  EntImportCounts counts;

  g_assert_cmpuint (matches->len, ==, graph->entities->len);
  g_assert_true (ent_store_import (fixture->bundled, import, "Import “bundled”", FALSE, matches, NULL, NULL, NULL,
                                   &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.merged, ==, graph->entities->len);
  g_assert_cmpuint (counts.entities, ==, 0);
  g_assert_cmpuint (counts.relations, ==, 0);
  g_assert_cmpuint (counts.sources, ==, 0);
  g_assert_cmpuint (counts.quotes, ==, 0);
  after = dump (fixture->bundled);
  g_assert_cmpstr (after, ==, before);
}

/* What the Undo and Redo menu items would say when the store tells the window it changed. */
static void
changed_cb (EntStore *store,
            char    **labels)
{
  g_free (labels[0]);
  g_free (labels[1]);
  labels[0] = g_strdup (ent_store_get_undo_label (store));
  labels[1] = g_strdup (ent_store_get_redo_label (store));
}

static void
test_keep_both_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EntImport) import = import_of (fixture->bundled);
  g_autoptr(EntGraph) graph = ent_store_load_graph (fixture->bundled, NULL);
  g_autoptr(EntGraph) doubled = NULL;
  g_autoptr(GArray) matches = ent_import_find_matches (import, graph);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->bundled);
  g_autofree char *undone = NULL;
  char *labels[2] = { NULL, NULL };
  EntImportCounts counts;

  /* The first entity is skipped, with the relations it has; the rest come in a second time. */
  for (guint i = 0; i < matches->len; i++)
    g_array_index (matches, EntImportMatch, i).decision = i == 0 ? ENT_IMPORT_SKIP : ENT_IMPORT_KEEP_BOTH;

  g_assert_true (ent_store_import (fixture->bundled, import, "Import “bundled”", FALSE, matches, NULL, NULL, NULL,
                                   &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.entities, ==, graph->entities->len - 1);
  g_assert_cmpuint (counts.skipped, >, 1);
  g_assert_cmpuint (counts.merged, ==, 0);
  g_assert_cmpstr (ent_store_get_undo_label (fixture->bundled), ==, "Import “bundled”");

  doubled = ent_store_load_graph (fixture->bundled, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (doubled->entities->len, ==, 2 * graph->entities->len - 1);
  g_assert_cmpuint (doubled->relations->len, ==, graph->relations->len + counts.relations);
  /* The evidence is the network's own: no source or quote came twice. */
  g_assert_cmpuint (doubled->sources->len, ==, graph->sources->len);
  g_assert_cmpuint (doubled->quotes->len, ==, graph->quotes->len);

  g_signal_connect (fixture->bundled, "changed", G_CALLBACK (changed_cb), labels);
  g_assert_true (ent_store_undo (fixture->bundled, &error));
  g_assert_no_error (error);
  undone = dump (fixture->bundled);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (labels[1], ==, "Import “bundled”");

  g_assert_true (ent_store_redo (fixture->bundled, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (labels[0], ==, "Import “bundled”");
  g_assert_null (labels[1]);
  g_signal_handlers_disconnect_by_func (fixture->bundled, changed_cb, labels);
  g_free (labels[0]);
  g_free (labels[1]);
}

/* An import written through a second store of the same file, as a worker thread writes it, is undone
 * by the first store, whose undo stack takes the edit. */
static void
test_edit_from_other_store (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(EntImport) import = import_of (fixture->bundled);
  g_autoptr(EntStore) other = NULL;
  g_autoptr(GBytes) changeset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->bundled);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *label = NULL;
  char *labels[2] = { NULL, NULL };

  other = ent_store_open (ent_store_get_path (fixture->bundled), ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_import (other, import, "Import “other”", FALSE, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  changeset = ent_store_take_last_edit (other, &label);
  g_assert_nonnull (changeset);
  g_assert_cmpstr (label, ==, "Import “other”");
  g_assert_null (ent_store_get_undo_label (other));
  g_clear_object (&other);

  g_signal_connect (fixture->bundled, "changed", G_CALLBACK (changed_cb), labels);
  ent_store_add_edit (fixture->bundled, label, changeset);
  g_assert_cmpstr (labels[0], ==, "Import “other”");
  after = dump (fixture->bundled);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (ent_store_undo (fixture->bundled, &error));
  g_assert_no_error (error);
  undone = dump (fixture->bundled);
  g_assert_cmpstr (undone, ==, before);
  g_signal_handlers_disconnect_by_func (fixture->bundled, changed_cb, labels);
  g_free (labels[0]);
  g_free (labels[1]);
}

static void
test_new_kind (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EntImport) import = ent_import_new ();
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  EntStore *store = new_store (fixture, "kinds.entente");
  const char *types[] = { "Airport", "airport", "PERSON", "Organization", "", "Ферма" };
  EntImportCounts counts;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);

      entity->id = i + 1;
      entity->name = g_strdup_printf ("Entity %u", i);
      ent_import_set_kind (import, entity, types[i]);
      ent_graph_take_entity (import->graph, entity);
    }

  g_assert_cmpuint (import->graph->kinds->len, ==, 3);
  g_assert_cmpstr (ent_graph_get_entity (import->graph, 1)->kind_key, ==, "airport");
  g_assert_cmpstr (ent_graph_get_entity (import->graph, 2)->kind_key, ==, "airport");
  g_assert_null (ent_graph_get_entity (import->graph, 3)->kind_key);
  g_assert_cmpint (ent_graph_get_entity (import->graph, 3)->kind, ==, ENT_KIND_PERSON);
  g_assert_cmpint (ent_graph_get_entity (import->graph, 4)->kind, ==, ENT_KIND_ORGANISATION);
  g_assert_cmpstr (ent_graph_get_entity (import->graph, 5)->kind_key, ==, "entity");
  g_assert_cmpstr (ent_graph_get_entity (import->graph, 6)->kind_key, ==, "ферма");
  g_assert_cmpstr (ent_graph_get_kind (import->graph, "airport")->label, ==, "Airport");
  g_assert_cmpstr (ent_graph_get_kind (import->graph, "airport")->color, !=,
                   ent_graph_get_kind (import->graph, "ферма")->color);

  g_assert_true (ent_store_import (store, import, NULL, FALSE, NULL, NULL, NULL, NULL, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.kinds, ==, 3);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->kinds->len, ==, ENT_N_KINDS + 3);
  g_assert_cmpuint (graph->entities->len, ==, G_N_ELEMENTS (types));
  remove_store (store);
}

/* "key=value;…" of @entity's properties, in their order. */
static char *
properties_of (EntEntity *entity)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; entity->properties != NULL && i < entity->properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (entity->properties, i);

      g_string_append_printf (text, "%s=%s;", property->key, property->value);
    }
  return g_string_free (text, FALSE);
}

static void
assert_entity (EntImport  *import,
               gint64      id,
               const char *kind_key,
               const char *properties)
{
  EntEntity *entity = ent_graph_get_entity (import->graph, id);
  g_autofree char *text = properties_of (entity);

  g_assert_cmpstr (entity->kind_key, ==, kind_key);
  g_assert_cmpstr (text, ==, properties);
}

/* The entities' kinds come from the key a person chooses, and what the other key said stays a property. */
static void
test_type_key (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EntImport) import = ent_import_new ();
  g_autoptr(GPtrArray) keys = NULL;
  const char *types[] = { "Airport", "Airport", NULL };
  const char *categories[] = { "Hub", "Regional", "Hub" };

  import->type_key = g_strdup ("type");
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);
      EntProperty *number = g_new0 (EntProperty, 1);
      g_autofree char *code = g_strdup_printf ("code %u", i);

      entity->id = i + 1;
      entity->name = g_strdup_printf ("Entity %u", i);
      ent_import_set_kind (import, entity, types[i]);
      add_property (&entity->properties, "category", ENT_PROPERTY_STRING, categories[i]);
      add_property (&entity->properties, "code", ENT_PROPERTY_STRING, code);
      number->key = g_strdup ("passengers");
      number->type = ENT_PROPERTY_NUMBER;
      number->value = g_strdup ("12");
      g_ptr_array_add (entity->properties, number);
      ent_graph_take_entity (import->graph, entity);
    }
  /* A key of more values than kinds can be is not offered. */
  for (guint i = 0; i <= ENT_IMPORT_MAX_TYPES; i++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);
      g_autofree char *code = g_strdup_printf ("code %u", i + 10);

      entity->id = i + 10;
      entity->name = g_strdup_printf ("Entity %u", i + 10);
      ent_import_set_kind (import, entity, "Airport");
      add_property (&entity->properties, "code", ENT_PROPERTY_STRING, code);
      ent_graph_take_entity (import->graph, entity);
    }

  keys = ent_import_get_type_keys (import);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (keys->pdata[0], ==, "type");
  g_assert_cmpstr (keys->pdata[1], ==, "category");

  ent_import_set_type_key (import, "category");
  assert_entity (import, 1, "hub", "code=code 0;passengers=12;type=Airport;");
  assert_entity (import, 2, "regional", "code=code 1;passengers=12;type=Airport;");
  assert_entity (import, 3, "hub", "code=code 2;passengers=12;");
  assert_entity (import, 10, "entity", "code=code 10;type=Airport;");
  g_assert_null (ent_graph_get_kind (import->graph, "airport"));
  g_assert_cmpstr (ent_graph_get_kind (import->graph, "hub")->label, ==, "Hub");

  /* Back as the file had it: the same kinds, and the category a property again (last now). */
  ent_import_set_type_key (import, "type");
  assert_entity (import, 1, "airport", "code=code 0;passengers=12;category=Hub;");
  assert_entity (import, 3, "entity", "code=code 2;passengers=12;category=Hub;");
  g_assert_null (ent_graph_get_kind (import->graph, "hub"));
  g_assert_nonnull (ent_graph_get_kind (import->graph, "airport"));

  /* No types at all: every entity of the one kind, nothing lost. */
  ent_import_set_type_key (import, NULL);
  assert_entity (import, 1, "entity", "code=code 0;passengers=12;category=Hub;type=Airport;");
  g_assert_null (ent_graph_get_kind (import->graph, "airport"));
  g_assert_cmpuint (import->graph->kinds->len, ==, 1);
}

/* A cancelled or failed import leaves the file as it was. */
static void
test_cancel_and_fail (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(EntImport) import = import_of (fixture->bundled);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (fixture->bundled);
  g_autofree char *after = NULL;
  g_autofree char *after_failure = NULL;
  EntSource *source;
  EntQuote *quote;

  g_cancellable_cancel (cancellable);
  g_assert_false (ent_store_import (fixture->bundled, import, "Import", FALSE, NULL, cancellable, NULL, NULL, NULL,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = dump (fixture->bundled);
  g_assert_cmpstr (after, ==, before);

  /* A quote that is not its source's passage fails the whole import, in the middle. */
  source = g_new0 (EntSource, 1);
  source->id = 9999;
  source->title = g_strdup ("A new source");
  source->body = g_strdup ("Its text");
  ent_graph_take_source (import->graph, source);
  quote = g_new0 (EntQuote, 1);
  quote->id = 9999;
  quote->source_id = 9999;
  quote->start = 0;
  quote->end = 3;
  quote->text = g_strdup ("not the passage");
  ent_graph_take_quote (import->graph, quote);
  g_assert_false (ent_store_import (fixture->bundled, import, "Import", FALSE, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  after_failure = dump (fixture->bundled);
  g_assert_cmpstr (after_failure, ==, before);
  g_assert_null (ent_store_get_undo_label (fixture->bundled));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ent/import/keep-ids", Fixture, NULL, fixture_set_up, test_keep_ids, fixture_tear_down);
  g_test_add ("/ent/import/keep-ids-dangling", Fixture, NULL, fixture_set_up, test_keep_ids_dangling,
              fixture_tear_down);
  g_test_add ("/ent/import/merge-into-open", Fixture, NULL, fixture_set_up, test_merge_into_open, fixture_tear_down);
  g_test_add ("/ent/import/keep-both-undo", Fixture, NULL, fixture_set_up, test_keep_both_undo, fixture_tear_down);
  g_test_add ("/ent/import/edit-from-other-store", Fixture, NULL, fixture_set_up, test_edit_from_other_store,
              fixture_tear_down);
  g_test_add ("/ent/import/new-kind", Fixture, NULL, fixture_set_up, test_new_kind, fixture_tear_down);
  g_test_add ("/ent/import/type-key", Fixture, NULL, fixture_set_up, test_type_key, fixture_tear_down);
  g_test_add ("/ent/import/cancel-and-fail", Fixture, NULL, fixture_set_up, test_cancel_and_fail, fixture_tear_down);

  return g_test_run ();
}
