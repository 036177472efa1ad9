/* test-edit-properties.c: edits of properties are one step each, and one refused property writes nothing
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-edit.h"
#include "ent-store.h"
#include "ent-test-util.h"

/* An array of properties as a dialog gives them, from key, type, value triples ending in %NULL. */
static GPtrArray *
new_properties (const char *key,
                ...)
{
  GPtrArray *properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  va_list args;

  va_start (args, key);
  for (; key != NULL; key = va_arg (args, const char *))
    {
      EntProperty *property = g_new0 (EntProperty, 1);

      property->key = g_strdup (key);
      property->type = va_arg (args, EntPropertyType);
      property->value = g_strdup (va_arg (args, const char *));
      g_ptr_array_add (properties, property);
    }
  va_end (args);

  return properties;
}

/* The properties of an entity, or of a relation, as the file has them now. */
static char *
stored_properties (EntStore *store,
                   gint64    entity_id,
                   gint64    relation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);

  g_assert_no_error (error);
  return describe_properties (entity_id != 0 ? ent_graph_get_entity (graph, entity_id)->properties
                                             : ent_graph_get_relation (graph, relation_id)->properties);
}

static gboolean
composed_add_entity_with_properties (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  g_autoptr(GPtrArray) properties = new_properties ("population", ENT_PROPERTY_NUMBER, "1.995e6",
                                                    "capital", ENT_PROPERTY_BOOLEAN, "true",
                                                    "founded", ENT_PROPERTY_DATE, "1067", NULL);
  EntEntity entity = { .kind = ENT_KIND_PLACE, .name = (char *) "Minsk", .properties = properties };
  g_autofree char *stored = NULL;
  gint64 id;

  if (!ent_edit_add_entity (store, &entity, "neato", 40, 60, &id, error))
    return FALSE;

  stored = stored_properties (store, id, 0);
  g_assert_cmpstr (stored, ==, "capital boolean true\nfounded date 1067\npopulation number 1.995e6\n");
  *label = g_strdup ("Add “Minsk”");
  return TRUE;
}

static gboolean
composed_add_relation_with_properties (EntStore *store, EntGraph *graph, char **label, GError **error)
{
  g_autoptr(GPtrArray) properties = new_properties ("since", ENT_PROPERTY_DATE, "1992-01", NULL);
  EntEntity *from = middle_entity (graph);
  EntEntity *to = g_ptr_array_index (graph->entities, 0);
  EntRelation relation = { .kind = (char *) "knows", .from_id = from->id, .to_id = to->id, .properties = properties };
  g_autoptr(EntGraph) after = NULL;
  EntRelation *added;

  if (!ent_edit_save_relation (store, graph, &relation, error))
    return FALSE;

  after = ent_store_load_graph (store, error);
  added = g_ptr_array_index (after->relations, after->relations->len - 1);
  g_assert_cmpuint (added->properties->len, ==, 1);
  g_assert_cmpstr (((EntProperty *) g_ptr_array_index (added->properties, 0))->value, ==, "1992-01");
  *label = g_strdup_printf ("Connect “%s” and “%s”", from->name, to->name);
  return TRUE;
}

static const ComposedEdit composed[] = {
  { "add-entity-with-properties", composed_add_entity_with_properties },
  { "add-relation-with-properties", composed_add_relation_with_properties },
};

/*
 * A copy of the bundled network whose middle entity and first relation have
 * properties, given outside any edit, as a file would bring them; @graph
 * gets the network as it is then.
 */
static EntStore *
open_with_fixture_properties (EntGraph **graph)
{
  static const EntProperty entity_properties[] = {
    { (char *) "population", ENT_PROPERTY_NUMBER, (char *) "9.2e6" },
    { (char *) "iata", ENT_PROPERTY_STRING, (char *) "MSQ" },
    { (char *) "founded", ENT_PROPERTY_DATE, (char *) "1067" },
    { (char *) "capital", ENT_PROPERTY_BOOLEAN, (char *) "true" },
  };
  EntProperty since = { (char *) "since", ENT_PROPERTY_DATE, (char *) "1992" };
  EntStore *store = open_copy_of_bundled ();
  g_autoptr(EntGraph) bundled = ent_store_load_graph (store, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entity_properties); i++)
    g_assert_true (ent_store_set_property (store, middle_entity (bundled)->id, 0, &entity_properties[i], NULL));
  g_assert_true (ent_store_set_property (store, 0, ((EntRelation *) g_ptr_array_index (bundled->relations, 0))->id,
                                         &since, NULL));

  *graph = ent_store_load_graph (store, NULL);
  return store;
}

/*
 * Renaming an entity while one of its properties changes its value, one its
 * type, one goes, one comes and one stays is one edit: one undo gives back
 * the file as it was, one redo the file as the edit left it.
 */
static void
test_properties_one_undo (void)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntStore) store = open_with_fixture_properties (&graph);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) properties = new_properties ("population", ENT_PROPERTY_NUMBER, "9.3e6",
                                                    "founded", ENT_PROPERTY_STRING, "about 1067",
                                                    "capital", ENT_PROPERTY_BOOLEAN, "true",
                                                    "website", ENT_PROPERTY_STRING, "https://minsk.gov.by", NULL);
  g_autoptr(GPtrArray) relation_properties = new_properties ("confirmed", ENT_PROPERTY_BOOLEAN, "false", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *stored = NULL;
  EntEntity entity;
  EntRelation relation;

  before = dump_store (store);

  entity = *middle_entity (graph);
  entity.name = (char *) "Мінск";
  entity.properties = properties;
  g_assert_true (ent_edit_update_entity (store, graph, &entity, &error));
  g_assert_no_error (error);
  after = dump_store (store);
  stored = stored_properties (store, entity.id, 0);
  g_assert_cmpstr (stored, ==,
                   "capital boolean true\n"
                   "founded string about 1067\n"
                   "population number 9.3e6\n"
                   "website string https://minsk.gov.by\n");

  assert_one_step (store, before, after);

  /* A relation's properties go the same way, and no properties at all is a change too. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&undone, g_free);
  before = dump_store (store);
  relation = *(EntRelation *) g_ptr_array_index (graph->relations, 0);
  relation.properties = relation_properties;
  g_assert_true (ent_edit_save_relation (store, graph, &relation, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = stored_properties (store, 0, relation.id);
  g_assert_cmpstr (stored, ==, "confirmed boolean false\n");
  g_assert_true (ent_store_undo (store, &error));
  undone = dump_store (store);
  g_assert_cmpstr (undone, ==, before);
}

/* An edit with one property the store refuses writes nothing, the entity's other changes neither. */
static void
test_properties_refused (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autoptr(GPtrArray) properties = new_properties ("area", ENT_PROPERTY_NUMBER, "207595",
                                                    "population", ENT_PROPERTY_NUMBER, "lots", NULL);
  g_autofree char *before = dump_store (store);
  EntEntity entity = *middle_entity (graph);
  gint64 id = 0;

  entity.description = (char *) "Changed";
  entity.properties = properties;
  g_assert_false (ent_edit_update_entity (store, graph, &entity, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ent_edit_add_entity (store, &entity, "neato", 0, 0, &id, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);

  assert_unchanged (store, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_composed_tests (composed, G_N_ELEMENTS (composed));
  g_test_add_func ("/ent/edits/properties-one-undo", test_properties_one_undo);
  g_test_add_func ("/ent/edits/properties-refused", test_properties_refused);

  return g_test_run ();
}
