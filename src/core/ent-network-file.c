/* ent-network-file.c: reading networks written as text
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-network-file"

#include "config.h"

#include "ent-network-file.h"
#include "ent-text.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/*
 * A network file is a GKeyFile that people can read and review: a [source]
 * group naming the text file quoted, then one [entity:ID] group per entity
 * and one [relation:ID] group per relation. Quotes are given as their text
 * only; their offsets are found here, so a passage that is missing from the
 * source, or stands in it more than once, is an error rather than a guess.
 */

typedef struct
{
  EntStore   *store;
  GKeyFile   *keyfile;
  const char *body;
  gint64      source_id;
  GHashTable *entity_ids;   /* file id → gint64 * */
  GHashTable *quote_ids;    /* quote text → gint64 * */
} Import;

static gint64 *
new_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static char *
get_optional (GKeyFile   *keyfile,
              const char *group,
              const char *key)
{
  char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/* Adds each quote of @group (once per distinct text) and links it with @add_evidence. */
static gboolean
add_quotes (Import       *import,
            const char   *group,
            gint64        owner_id,
            gboolean    (*add_evidence) (EntStore *, gint64, gint64, GError **),
            GError      **error)
{
  g_auto(GStrv) quotes = NULL;
  gsize n_quotes = 0;

  quotes = g_key_file_get_string_list (import->keyfile, group, "quotes", &n_quotes, NULL);
  if (n_quotes == 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("[%s] has no quotes: everything in a network must be backed by its source"), group);
      return FALSE;
    }

  for (gsize i = 0; i < n_quotes; i++)
    {
      gint64 *quote_id = g_hash_table_lookup (import->quote_ids, quotes[i]);

      if (quote_id == NULL)
        {
          g_autoptr(GError) local_error = NULL;
          gint64 start, end, id;

          if (!ent_text_find_unique (import->body, quotes[i], &start, &end, &local_error))
            {
              g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                           "[%s]: %s", group, local_error->message);
              return FALSE;
            }

          id = ent_store_add_quote (import->store, import->source_id, start, end, quotes[i], error);
          if (id == 0)
            return FALSE;

          quote_id = new_id (id);
          g_hash_table_insert (import->quote_ids, g_strdup (quotes[i]), quote_id);
        }

      if (!add_evidence (import->store, owner_id, *quote_id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_source (Import      *import,
            const char  *path,
            char       **body,
            GError     **error)
{
  g_autoptr(EntSource) source = g_new0 (EntSource, 1);
  g_autofree char *file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text_path = NULL;

  file = g_key_file_get_string (import->keyfile, "source", "file", error);
  if (file == NULL)
    return FALSE;

  dir = g_path_get_dirname (path);
  text_path = g_build_filename (dir, file, NULL);
  if (!g_file_get_contents (text_path, body, NULL, error))
    return FALSE;

  source->title = g_key_file_get_string (import->keyfile, "source", "title", error);
  if (source->title == NULL)
    return FALSE;
  source->publisher = get_optional (import->keyfile, "source", "publisher");
  source->url = get_optional (import->keyfile, "source", "url");
  source->published = get_optional (import->keyfile, "source", "published");
  source->body = g_strdup (*body);

  import->source_id = ent_store_add_source (import->store, source, error);
  return import->source_id != 0;
}

static gboolean
add_entity (Import      *import,
            const char  *group,
            const char  *file_id,
            GError     **error)
{
  g_autoptr(EntEntity) entity = g_new0 (EntEntity, 1);
  g_autofree char *kind = get_optional (import->keyfile, group, "kind");
  gint64 id;

  if (g_hash_table_contains (import->entity_ids, file_id))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("[%s] is given twice"), group);
      return FALSE;
    }

  if (!ent_kind_from_string (kind, &entity->kind))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("[%s] has an unknown kind “%s”"), group, kind ? kind : "");
      return FALSE;
    }

  entity->name = get_optional (import->keyfile, group, "name");
  entity->role = get_optional (import->keyfile, group, "role");
  entity->description = get_optional (import->keyfile, group, "description");
  entity->start_date = get_optional (import->keyfile, group, "start");
  entity->end_date = get_optional (import->keyfile, group, "end");

  id = ent_store_add_entity (import->store, entity, error);
  if (id == 0)
    {
      g_prefix_error (error, "[%s]: ", group);
      return FALSE;
    }

  g_hash_table_insert (import->entity_ids, g_strdup (file_id), new_id (id));

  return add_quotes (import, group, id, ent_store_add_entity_evidence, error);
}

static gboolean
lookup_entity (Import      *import,
               const char  *group,
               const char  *key,
               gint64      *id,
               GError     **error)
{
  g_autofree char *file_id = get_optional (import->keyfile, group, key);
  gint64 *found = file_id ? g_hash_table_lookup (import->entity_ids, file_id) : NULL;

  if (found == NULL)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("[%s]: “%s” names no entity of this file"), group, key);
      return FALSE;
    }

  *id = *found;
  return TRUE;
}

static gboolean
add_relation (Import      *import,
              const char  *group,
              GError     **error)
{
  g_autoptr(EntRelation) relation = g_new0 (EntRelation, 1);
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  if (!lookup_entity (import, group, "from", &relation->from_id, error) ||
      !lookup_entity (import, group, "to", &relation->to_id, error))
    return FALSE;

  relation->kind = get_optional (import->keyfile, group, "kind");
  relation->label = get_optional (import->keyfile, group, "label");
  relation->start_date = get_optional (import->keyfile, group, "start");
  relation->end_date = get_optional (import->keyfile, group, "end");
  relation->directed = g_key_file_get_boolean (import->keyfile, group, "directed", &local_error);
  if (local_error != NULL)
    {
      if (!g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                       "[%s]: %s", group, local_error->message);
          return FALSE;
        }
      relation->directed = TRUE;
    }

  id = ent_store_add_relation (import->store, relation, error);
  if (id == 0)
    {
      g_prefix_error (error, "[%s]: ", group);
      return FALSE;
    }

  return add_quotes (import, group, id, ent_store_add_relation_evidence, error);
}

static gboolean
import_groups (Import      *import,
               const char  *path,
               GError     **error)
{
  g_autofree char *body = NULL;
  g_auto(GStrv) groups = NULL;

  if (!add_source (import, path, &body, error))
    return FALSE;
  import->body = body;

  groups = g_key_file_get_groups (import->keyfile, NULL);

  /* Entities first, so relations may name entities given after them. */
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "entity:") &&
        !add_entity (import, groups[i], groups[i] + strlen ("entity:"), error))
      return FALSE;

  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_has_prefix (groups[i], "entity:") || g_str_equal (groups[i], "source"))
        continue;

      if (!g_str_has_prefix (groups[i], "relation:"))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                       _("[%s] is not a group a network file may have"), groups[i]);
          return FALSE;
        }

      if (!add_relation (import, groups[i], error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ent_network_file_import:
 * @store: the store to add the network to
 * @path: the network file
 * @error: return location for an error
 *
 * Adds the network of @path to @store in one transaction: all of it, or
 * nothing when any part of it is wrong.
 */
gboolean
ent_network_file_import (EntStore    *store,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GHashTable) entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) quote_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Import import = { store, keyfile, NULL, 0, entity_ids, quote_ids };

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, error))
    return FALSE;

  if (!ent_store_begin (store, error))
    return FALSE;

  if (!import_groups (&import, path, error))
    {
      ent_store_rollback (store);
      return FALSE;
    }

  return ent_store_commit (store, error);
}
