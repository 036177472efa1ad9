/* ent-store-aliases.c: the other names entities go by in the sources
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>

/**
 * ent_store_check_aliases:
 * @aliases: (element-type utf8): the aliases of an entity
 * @error: return location for an error
 *
 * Checks @aliases as ent_store_set_aliases() does before it writes anything:
 * at most ENT_ENTITY_MAX_ALIASES of them, each UTF-8 text on one line of 1
 * to ENT_ALIAS_MAX_LENGTH characters.
 *
 * Returns: whether the store would take @aliases
 */
gboolean
ent_store_check_aliases (GPtrArray  *aliases,
                         GError    **error)
{
  g_return_val_if_fail (aliases != NULL, FALSE);

  if (aliases->len > ENT_ENTITY_MAX_ALIASES)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID, _("An entity can have at most %d aliases"),
                   ENT_ENTITY_MAX_ALIASES);
      return FALSE;
    }

  for (guint i = 0; i < aliases->len; i++)
    {
      const char *alias = g_ptr_array_index (aliases, i);

      if (!_ent_store_check_text (alias, _("An alias must not be empty"), _("An alias is not valid UTF-8 text"),
                                  error))
        return FALSE;
      if (g_utf8_strlen (alias, -1) > ENT_ALIAS_MAX_LENGTH)
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                       _("An alias is longer than %d characters"), ENT_ALIAS_MAX_LENGTH);
          return FALSE;
        }
      for (const char *p = alias; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)))
          {
            g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                         _("An alias must be one line of text, without tabs or control characters"));
            return FALSE;
          }
    }

  return TRUE;
}

/**
 * ent_store_set_aliases:
 * @self: a #EntStore
 * @entity_id: the entity
 * @aliases: (element-type utf8): all its aliases, in place of those it had;
 *   the same alias twice is kept once
 * @error: return location for an error
 */
gboolean
ent_store_set_aliases (EntStore   *self,
                       gint64      entity_id,
                       GPtrArray  *aliases,
                       GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (aliases != NULL, FALSE);

  if (!ent_store_check_aliases (aliases, error) || !ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self, "DELETE FROM aliases WHERE entity_id = ?", _("Could not set the aliases"), NULL, error,
                       "i", entity_id);
  for (guint i = 0; ok && i < aliases->len; i++)
    ok = _ent_store_run (self, "INSERT OR IGNORE INTO aliases (entity_id, alias) VALUES (?, ?)",
                         _("Could not set the aliases"), NULL, error, "is", entity_id,
                         (const char *) g_ptr_array_index (aliases, i));

  return _ent_store_finish (self, ok, error);
}

/* Reads the aliases into their entities' arrays, in the order of their text. */
gboolean
_ent_store_load_aliases (EntStore  *self,
                         EntGraph  *graph,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ent_store_prepare (self->db,
                                                      "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias",
                                                      error, "");
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntEntity *entity = ent_graph_get_entity (graph, sqlite3_column_int64 (stmt, 0));
      const char *alias = (const char *) sqlite3_column_text (stmt, 1);

      if (entity == NULL || alias == NULL)
        continue;
      if (entity->aliases == NULL)
        entity->aliases = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (entity->aliases, g_strdup (alias));
    }

  if (rc != SQLITE_DONE)
    _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the aliases"));
  return rc == SQLITE_DONE;
}
