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
  /* The ids, as keys (see id_key()) */
  GHashTable      *entities;
  GHashTable      *relations;
};

/*
 * Ids are kept in the pointers themselves where a pointer holds a gint64,
 * so that a filter of a whole network of 100,000 entities allocates no key;
 * elsewhere each id is a key of its own.
 */
#if GLIB_SIZEOF_VOID_P >= 8
#define ID_HASH g_direct_hash
#define ID_EQUAL g_direct_equal
#define ID_FREE NULL
#define id_key(id) ((gpointer) (gintptr) (id))
#define key_id(key) ((gint64) (gintptr) (key))
#define id_lookup(id) id_key (id)
#else
#define ID_HASH g_int64_hash
#define ID_EQUAL g_int64_equal
#define ID_FREE g_free
#define id_key(id) g_memdup2 (&(id), sizeof (gint64))
#define key_id(key) (*(gint64 *) (key))
#define id_lookup(id) (&(id))
#endif

/* A filter that lets nothing through yet; @caption says what it shows. */
EntItemFilter *
ent_item_filter_new (const char *caption)
{
  EntItemFilter *self;

  g_return_val_if_fail (caption != NULL, NULL);

  self = g_new0 (EntItemFilter, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->caption = g_strdup (caption);
  self->entities = g_hash_table_new_full (ID_HASH, ID_EQUAL, ID_FREE, NULL);
  self->relations = g_hash_table_new_full (ID_HASH, ID_EQUAL, ID_FREE, NULL);
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
  if (!g_hash_table_contains (set, id_lookup (id)))
    g_hash_table_add (set, id_key (id));
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

      if (!g_hash_table_contains (self->relations, id_lookup (relation->id)))
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

  return g_hash_table_contains (self->entities, id_lookup (entity_id));
}

gboolean
ent_item_filter_has_relation (EntItemFilter *self,
                              gint64         relation_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->relations, id_lookup (relation_id));
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
    func (key_id (key), user_data);
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
