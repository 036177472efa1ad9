/* test-properties.c: the kinds and properties of a file: their checks, loading, undo and redo
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ent-store.h"
#include "ent-style.h"

static EntStore *
new_store (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-properties-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* The file's rows as text, once the file has passed its integrity check. */
static char *
snapshot (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (ent_store_check_integrity (store, &error));
  text = ent_store_dump (store, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

static EntGraph *
load (EntStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (graph->kinds->len, >=, ENT_N_KINDS);
  return g_steal_pointer (&graph);
}

/* Undoes the last edit and redoes it, comparing the file with its dumps before and after. */
static void
assert_undo_redo (EntStore   *store,
                  const char *before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = snapshot (store);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (after, !=, before);
  g_assert_true (ent_store_undo (store, &error));
  g_assert_no_error (error);
  undone = snapshot (store);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (ent_store_redo (store, &error));
  g_assert_no_error (error);
  redone = snapshot (store);
  g_assert_cmpstr (redone, ==, after);
}

static char *
hex_color (const EntColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (color->red * 255 + 0.5), (int) (color->green * 255 + 0.5),
                          (int) (color->blue * 255 + 0.5));
}

/* A new file holds the eight kinds as they are drawn today. */
static void
test_builtin_kinds (void)
{
  g_autoptr(EntStore) store = new_store ("kinds.entente");
  g_autoptr(EntGraph) graph = load (store);

  g_assert_cmpuint (graph->kinds->len, ==, ENT_N_KINDS);
  for (EntKind k = 0; k < ENT_N_KINDS; k++)
    {
      EntKindInfo *kind = g_ptr_array_index (graph->kinds, k);
      EntColor light, dark;
      g_autofree char *light_hex = NULL;
      g_autofree char *dark_hex = NULL;

      ent_style_kind_color (k, FALSE, &light);
      ent_style_kind_color (k, TRUE, &dark);
      light_hex = hex_color (&light);
      dark_hex = hex_color (&dark);

      g_assert_cmpstr (kind->key, ==, ent_kind_to_string (k));
      g_assert_true (ent_graph_get_kind (graph, kind->key) == kind);
      g_assert_cmpstr (kind->label, ==, ent_kind_get_label (k));
      g_assert_cmpstr (kind->color, ==, light_hex);
      g_assert_cmpstr (kind->dark_color, ==, dark_hex);
    }
}

static void
test_kind_edits (void)
{
  g_autoptr(EntStore) store = new_store ("kind-edits.entente");
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *added = NULL;
  EntKindInfo ministry = { .key = (char *) "ministry", .label = (char *) "Ministry", .shape = (char *) "hexagon",
                           .glyph = (char *) "building", .color = (char *) "#3584e4" };
  EntKindInfo bad;
  EntEntity mea = { .kind_key = (char *) "ministry", .name = (char *) "Ministry of External Affairs" };
  EntEntity stray = { .kind_key = (char *) "guild", .name = (char *) "A guild" };
  EntEntity *entity;
  gint64 id;

  g_assert_true (ent_store_edit_begin (store, "Add Ministry", &error));
  g_assert_true (ent_store_add_kind (store, &ministry, &error));
  g_assert_no_error (error);
  g_assert_true (ent_store_edit_commit (store, &error));
  assert_undo_redo (store, before);

  id = ent_store_add_entity (store, &mea, &error);
  g_assert_no_error (error);
  graph = load (store);
  g_assert_cmpuint (graph->kinds->len, ==, ENT_N_KINDS + 1);
  g_assert_null (ent_graph_get_kind (graph, "ministry")->dark_color);
  entity = ent_graph_get_entity (graph, id);
  g_assert_cmpstr (entity->kind_key, ==, "ministry");
  g_assert_cmpint (entity->kind, ==, ENT_KIND_ORGANISATION);

  /* Entities refer to the kinds of the file and to nothing else. */
  g_assert_cmpint (ent_store_add_entity (store, &stray, &error), ==, 0);
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ent_store_add_kind (store, &ministry, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  added = snapshot (store);
  ministry.label = (char *) "Ministry of State";
  ministry.color = (char *) "#26a269";
  ministry.dark_color = (char *) "#57e389";
  ministry.shape = (char *) "diamond";
  ministry.glyph = (char *) "flag";
  g_assert_true (ent_store_edit_begin (store, "Change Ministry", &error));
  g_assert_true (ent_store_update_kind (store, &ministry, &error));
  g_assert_true (ent_store_edit_commit (store, &error));
  g_assert_no_error (error);
  assert_undo_redo (store, added);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = load (store);
  g_assert_cmpstr (ent_graph_get_kind (graph, "ministry")->label, ==, "Ministry of State");
  g_assert_cmpstr (ent_graph_get_kind (graph, "ministry")->shape, ==, "diamond");

  /* One set of checks for a new kind and a changed one. */
  for (guint i = 0; i < 5; i++)
    {
      bad = ministry;
      switch (i)
        {
        case 0: bad.color = (char *) "#ABCDEF"; break;
        case 1: bad.dark_color = (char *) "blue"; break;
        case 2: bad.shape = (char *) "star"; break;
        case 3: bad.glyph = NULL; break;
        default: bad.label = (char *) ""; break;
        }
      g_assert_false (ent_store_update_kind (store, &bad, &error));
      g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
      g_clear_error (&error);
      bad.key = (char *) "other";
      g_assert_false (ent_store_add_kind (store, &bad, &error));
      g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  bad = ministry;
  bad.key = (char *) "guild";
  g_assert_false (ent_store_update_kind (store, &bad, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
}

static void
test_property_edits (void)
{
  g_autoptr(EntStore) store = new_store ("property-edits.entente");
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *set = NULL;
  EntEntity belarus = { .kind = ENT_KIND_COUNTRY, .name = (char *) "Belarus" };
  EntEntity india = { .kind = ENT_KIND_COUNTRY, .name = (char *) "India" };
  EntRelation ties = { .kind = (char *) "ties", .directed = FALSE };
  EntProperty population = { .key = (char *) "population", .type = ENT_PROPERTY_NUMBER, .value = (char *) "9.2e6" };
  EntProperty member = { .key = (char *) "UN member", .type = ENT_PROPERTY_BOOLEAN, .value = (char *) "true" };
  EntProperty since = { .key = (char *) "since", .type = ENT_PROPERTY_DATE, .value = (char *) "1992-01" };
  EntProperty *property;
  EntEntity *entity;

  ties.from_id = ent_store_add_entity (store, &belarus, &error);
  ties.to_id = ent_store_add_entity (store, &india, &error);
  ties.id = ent_store_add_relation (store, &ties, &error);
  g_assert_no_error (error);
  before = snapshot (store);

  g_assert_true (ent_store_edit_begin (store, "Set", &error));
  g_assert_true (ent_store_set_property (store, ties.from_id, 0, &population, &error));
  g_assert_true (ent_store_set_property (store, ties.from_id, 0, &member, &error));
  g_assert_true (ent_store_set_property (store, 0, ties.id, &since, &error));
  g_assert_true (ent_store_edit_commit (store, &error));
  g_assert_no_error (error);
  assert_undo_redo (store, before);

  graph = load (store);
  entity = ent_graph_get_entity (graph, ties.from_id);
  g_assert_cmpuint (entity->properties->len, ==, 2);
  property = g_ptr_array_index (entity->properties, 0);
  g_assert_cmpstr (property->key, ==, "UN member");
  g_assert_cmpint (property->type, ==, ENT_PROPERTY_BOOLEAN);
  property = g_ptr_array_index (entity->properties, 1);
  g_assert_cmpstr (property->value, ==, "9.2e6");
  g_assert_cmpint (property->type, ==, ENT_PROPERTY_NUMBER);
  g_assert_cmpuint (ent_graph_get_entity (graph, ties.to_id)->properties->len, ==, 0);
  property = g_ptr_array_index (ent_graph_get_relation (graph, ties.id)->properties, 0);
  g_assert_cmpstr (property->value, ==, "1992-01");
  g_assert_cmpint (property->type, ==, ENT_PROPERTY_DATE);

  /* Setting a key again changes the property in place; removing it is undone as well. */
  set = snapshot (store);
  population.type = ENT_PROPERTY_STRING;
  population.value = (char *) "about nine million";
  g_assert_true (ent_store_edit_begin (store, "Change", &error));
  g_assert_true (ent_store_set_property (store, ties.from_id, 0, &population, &error));
  g_assert_true (ent_store_remove_property (store, 0, ties.id, "since", &error));
  g_assert_true (ent_store_edit_commit (store, &error));
  g_assert_no_error (error);
  assert_undo_redo (store, set);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = load (store);
  property = g_ptr_array_index (ent_graph_get_entity (graph, ties.from_id)->properties, 1);
  g_assert_cmpstr (property->value, ==, "about nine million");
  g_assert_cmpuint (ent_graph_get_relation (graph, ties.id)->properties->len, ==, 0);

  g_assert_false (ent_store_remove_property (store, 0, ties.id, "since", &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ent_store_set_property (store, 999, 0, &member, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Properties go with their owner. */
  g_assert_true (ent_store_delete_entity (store, ties.from_id, &error));
  g_assert_no_error (error);
  g_free (set);
  set = snapshot (store);
  g_assert_null (strstr (set, "population"));
}

static void
test_property_checks (void)
{
  static const struct {
    EntPropertyType  type;
    const char      *value;
    gboolean         valid;
  } values[] = {
    { ENT_PROPERTY_NUMBER, "42", TRUE },
    { ENT_PROPERTY_NUMBER, "-0.5e-3", TRUE },
    { ENT_PROPERTY_NUMBER, "nine", FALSE },
    { ENT_PROPERTY_NUMBER, "1,5", FALSE },
    { ENT_PROPERTY_NUMBER, " 1", FALSE },
    { ENT_PROPERTY_NUMBER, "nan", FALSE },
    { ENT_PROPERTY_NUMBER, "inf", FALSE },
    { ENT_PROPERTY_NUMBER, "1e400", FALSE },
    { ENT_PROPERTY_NUMBER, "", FALSE },
    { ENT_PROPERTY_BOOLEAN, "false", TRUE },
    { ENT_PROPERTY_BOOLEAN, "yes", FALSE },
    { ENT_PROPERTY_BOOLEAN, "TRUE", FALSE },
    { ENT_PROPERTY_DATE, "--03-11", TRUE },
    { ENT_PROPERTY_DATE, "2024-02-30", FALSE },
    { ENT_PROPERTY_DATE, "11 March", FALSE },
    { ENT_PROPERTY_STRING, "", TRUE },
    { ENT_PROPERTY_STRING, "\xff", FALSE },
    { ENT_PROPERTY_STRING, NULL, FALSE },
    { ENT_PROPERTY_DATE + 1, "x", FALSE },
  };
  g_autoptr(EntStore) store = new_store ("property-checks.entente");
  g_autoptr(GError) error = NULL;
  g_autofree char *long_key = g_strnfill (ENT_PROPERTY_KEY_MAX_LENGTH + 1, 'k');
  g_autofree char *long_value = g_strnfill (ENT_PROPERTY_VALUE_MAX_LENGTH + 1, 'v');
  g_autofree char *longest_value = g_strnfill (ENT_PROPERTY_VALUE_MAX_LENGTH, 'v');
  EntEntity minsk = { .kind = ENT_KIND_PLACE, .name = (char *) "Minsk" };
  EntProperty property = { .key = (char *) "key" };
  gint64 id = ent_store_add_entity (store, &minsk, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      property.type = values[i].type;
      property.value = (char *) values[i].value;
      g_assert_cmpint (ent_store_set_property (store, id, 0, &property, &error), ==, values[i].valid);
      if (!values[i].valid)
        g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  property.type = ENT_PROPERTY_STRING;
  property.value = longest_value;
  g_assert_true (ent_store_set_property (store, id, 0, &property, &error));
  g_assert_no_error (error);
  property.value = long_value;
  g_assert_false (ent_store_set_property (store, id, 0, &property, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  property.key = long_key;
  property.value = (char *) "v";
  g_assert_false (ent_store_set_property (store, id, 0, &property, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  property.key = (char *) "";
  g_assert_false (ent_store_set_property (store, id, 0, &property, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/kinds/built-in", test_builtin_kinds);
  g_test_add_func ("/ent/kinds/edits", test_kind_edits);
  g_test_add_func ("/ent/properties/edits", test_property_edits);
  g_test_add_func ("/ent/properties/checks", test_property_checks);

  return g_test_run ();
}
