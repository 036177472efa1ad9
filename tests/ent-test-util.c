/* ent-test-util.c: what several tests need of the bundled network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-test-util"

#include "config.h"

#include "ent-test-util.h"

#include "ent-store.h"
#include "ent-user-data.h"

/* Reads the network in @path without writing to the file. */
EntGraph *
load_graph (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  EntGraph *graph;

  store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);

  return graph;
}

EntGraph *
load_bundled (void)
{
  g_autofree char *path = ent_bundled_database_path ();

  return load_graph (path);
}

/* The entity called @name, which the test expects to be there. */
EntEntity *
find_entity (EntGraph   *graph,
             const char *name)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (g_str_equal (entity->name, name))
        return entity;
    }

  g_error ("the network has no entity called “%s”", name);
}

/* A copy of the bundled network in @dir, for a test that may write to it. */
char *
copy_bundled (const char *dir,
              const char *name)
{
  g_autofree char *bundled = ent_bundled_database_path ();
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (bundled, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}

/* @properties as "key type value" lines, for one comparison to say all that differs. */
char *
describe_properties (GPtrArray *properties)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);

      g_string_append_printf (text, "%s %s %s\n", property->key, ent_property_type_to_string (property->type),
                              property->value);
    }
  return g_string_free (text, FALSE);
}

/* Adds the kind "airport", as an import adds a kind of its own: a purple pin with a dot. */
void
add_airport_kind (EntGraph *graph)
{
  EntKindInfo *airport = g_new0 (EntKindInfo, 1);

  airport->key = g_strdup ("airport");
  airport->label = g_strdup ("Airport");
  airport->shape = g_strdup ("pin");
  airport->glyph = g_strdup ("dot");
  airport->color = g_strdup ("#613583");
  ent_graph_take_kind (graph, airport);
}

/* Adds an entity of the built-in @kind, or of the kind @kind_key with @kind as it is stored. */
EntEntity *
add_kind_entity (EntGraph   *graph,
                 gint64      id,
                 EntKind     kind,
                 const char *kind_key,
                 const char *name)
{
  EntEntity *entity = g_new0 (EntEntity, 1);

  entity->id = id;
  entity->kind = kind;
  entity->kind_key = g_strdup (kind_key);
  entity->name = g_strdup (name);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ent_graph_take_entity (graph, entity);
  return entity;
}
