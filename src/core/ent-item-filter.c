/* ent-item-filter.c: which entities and relations a filter lets through
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-item-filter"

#include "config.h"

#include "ent-item-filter.h"

struct _EntItemFilter
{
  gatomicrefcount  ref_count;
  char            *caption;
  /* gint64 ids, each its own key */
  GHashTable      *entities;
  GHashTable      *relations;
};

/* A filter that lets nothing through yet; @caption says what it shows. */
EntItemFilter *
ent_item_filter_new (const char *caption)
{
  EntItemFilter *self;

  g_return_val_if_fail (caption != NULL, NULL);

  self = g_new0 (EntItemFilter, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->caption = g_strdup (caption);
  self->entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->relations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return self;
}

EntItemFilter *
ent_item_filter_ref (EntItemFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ent_item_filter_unref (EntItemFilter *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->caption);
  g_hash_table_unref (self->entities);
  g_hash_table_unref (self->relations);
  g_free (self);
}

static void
add_id (GHashTable *set,
        gint64      id)
{
  if (!g_hash_table_contains (set, &id))
    g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

void
ent_item_filter_add_entity (EntItemFilter *self,
                            gint64         entity_id)
{
  g_return_if_fail (self != NULL);

  add_id (self->entities, entity_id);
}

void
ent_item_filter_add_relation (EntItemFilter *self,
                              gint64         relation_id)
{
  g_return_if_fail (self != NULL);

  add_id (self->relations, relation_id);
}

/*
 * Lets through the two ends of every relation it lets through, which the
 * relation cannot be shown without: a source that says two ministers met
 * supports the meeting, and the ministers are its context.
 */
void
ent_item_filter_add_ends (EntItemFilter *self,
                          EntGraph      *graph)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (graph != NULL);

  for (guint i = 0; i < graph->relations->len; i++)
    {
      const EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (!g_hash_table_contains (self->relations, &relation->id))
        continue;
      add_id (self->entities, relation->from_id);
      add_id (self->entities, relation->to_id);
    }
}

gboolean
ent_item_filter_has_entity (EntItemFilter *self,
                            gint64         entity_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->entities, &entity_id);
}

gboolean
ent_item_filter_has_relation (EntItemFilter *self,
                              gint64         relation_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->relations, &relation_id);
}

guint
ent_item_filter_get_n_entities (EntItemFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->entities);
}

guint
ent_item_filter_get_n_relations (EntItemFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->relations);
}

const char *
ent_item_filter_get_caption (EntItemFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->caption;
}

static void
foreach_id (GHashTable        *set,
            EntItemFilterFunc  func,
            gpointer           user_data)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    func (*(gint64 *) key, user_data);
}

/* Calls @func with the id of every entity the filter lets through, in no order. */
void
ent_item_filter_foreach_entity (EntItemFilter     *self,
                                EntItemFilterFunc  func,
                                gpointer           user_data)
{
  g_return_if_fail (self != NULL);

  foreach_id (self->entities, func, user_data);
}

/* Calls @func with the id of every relation the filter lets through, in no order. */
void
ent_item_filter_foreach_relation (EntItemFilter     *self,
                                  EntItemFilterFunc  func,
                                  gpointer           user_data)
{
  g_return_if_fail (self != NULL);

  foreach_id (self->relations, func, user_data);
}
