/* ent-import-types.c: which of an imported file's keys gives its entities their kinds
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import"

#include "config.h"

#include "ent-import.h"

#include <string.h>

/* The index of @entity's property @key, or -1. */
static int
find_property (EntEntity  *entity,
               const char *key)
{
  for (guint i = 0; entity->properties != NULL && i < entity->properties->len; i++)
    if (g_str_equal (((EntProperty *) g_ptr_array_index (entity->properties, i))->key, key))
      return (int) i;
  return -1;
}

static void
distinct_free (GHashTable *distinct)
{
  if (distinct != NULL)
    g_hash_table_unref (distinct);
}

/**
 * ent_import_get_type_keys:
 * @self: an import
 *
 * The keys a person may choose the entities' kinds from: the one they have
 * them from now, then every key of the entities' text properties with no
 * more than %ENT_IMPORT_MAX_TYPES different values, in the order the file
 * first has them.
 *
 * Returns: (transfer container) (element-type utf8): the keys, owned by the import
 */
GPtrArray *
ent_import_get_type_keys (EntImport *self)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) distinct_free);
  GPtrArray *keys = g_ptr_array_new ();
  GPtrArray *seen = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, keys);

  if (self->type_key != NULL)
    g_ptr_array_add (keys, self->type_key);

  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->graph->entities, i);

      for (guint j = 0; entity->properties != NULL && j < entity->properties->len; j++)
        {
          EntProperty *property = g_ptr_array_index (entity->properties, j);
          GHashTable *distinct;

          if (!g_hash_table_lookup_extended (values, property->key, NULL, (gpointer *) &distinct))
            {
              /* A key with a value of another type than text is no type: %NULL marks it. */
              distinct = property->type == ENT_PROPERTY_STRING ? g_hash_table_new (g_str_hash, g_str_equal) : NULL;
              g_hash_table_insert (values, property->key, distinct);
              g_ptr_array_add (seen, property->key);
            }
          if (distinct == NULL)
            continue;
          if (property->type != ENT_PROPERTY_STRING || g_hash_table_size (distinct) >= ENT_IMPORT_MAX_TYPES)
            {
              /* Stays in the table as a key known not to be one. */
              g_hash_table_insert (values, property->key, NULL);
              continue;
            }
          g_hash_table_add (distinct, property->value);
        }
    }

  for (guint i = 0; i < seen->len; i++)
    if (g_hash_table_lookup (values, seen->pdata[i]) != NULL && g_strcmp0 (seen->pdata[i], self->type_key) != 0)
      g_ptr_array_add (keys, seen->pdata[i]);
  g_ptr_array_unref (seen);
  return keys;
}

static void
add_kind_keys (EntImport  *self,
               GHashTable *used)
{
  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->graph->entities, i);

      if (entity->kind_key != NULL)
        g_hash_table_add (used, g_strdup (entity->kind_key));
    }
}

/**
 * ent_import_set_type_key:
 * @self: an import
 * @key: (nullable): the key whose values are to be the entities' kinds, or
 *   %NULL for entities of no particular kind
 *
 * Gives every entity its kind from its property @key, which is no longer a
 * property then. The type each had from the key before becomes a property
 * of that key again, so that nothing the file said is lost; kinds no
 * entity has any more leave the import.
 */
void
ent_import_set_type_key (EntImport  *self,
                         const char *key)
{
  g_autoptr(GHashTable) used_before = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) used_after = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *old_key = NULL;

  g_return_if_fail (self != NULL);

  if (g_strcmp0 (key, self->type_key) == 0)
    return;

  add_kind_keys (self, used_before);
  old_key = g_steal_pointer (&self->type_key);
  self->type_key = g_strdup (key);

  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->graph->entities, i);
      g_autofree char *old_type = g_strdup (g_hash_table_lookup (self->types, entity));
      g_autoptr(EntProperty) taken = NULL;
      int index = key != NULL ? find_property (entity, key) : -1;

      if (index >= 0)
        taken = g_ptr_array_steal_index (entity->properties, index);
      ent_import_set_kind (self, entity, taken != NULL ? taken->value : NULL);

      if (old_key != NULL && old_type != NULL && find_property (entity, old_key) < 0)
        {
          EntProperty *property = g_new0 (EntProperty, 1);

          property->key = g_strdup (old_key);
          property->type = ENT_PROPERTY_STRING;
          property->value = g_steal_pointer (&old_type);
          if (entity->properties == NULL)
            entity->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
          g_ptr_array_add (entity->properties, property);
        }
    }

  add_kind_keys (self, used_after);
  for (guint i = self->graph->kinds->len; i > 0; i--)
    {
      EntKindInfo *info = g_ptr_array_index (self->graph->kinds, i - 1);

      if (g_hash_table_contains (used_before, info->key) && !g_hash_table_contains (used_after, info->key))
        ent_graph_remove_kind (self->graph, info->key);
    }
}
