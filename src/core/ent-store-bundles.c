/* ent-store-bundles.c: the stored edge bundles of a layout, dropped when the layout changes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>

/*
 * An edge's bundle, as Graphviz's mingle made it from a layout's positions,
 * is stored as a route is (see ent-store-routes.c), beside the positions of
 * that layout's engine. Bundles hold only for the positions they were made
 * from: the schema's triggers delete an engine's bundles whenever one of its
 * positions is added or changes, in the same transaction, whoever changes
 * it (an edit, a layout, an import, an undo, the sqlite3 shell). They are
 * not part of the undo history, so undoing a move does not bring back the
 * bundles it dropped (see ent-store-undo.c).
 */

/**
 * ent_store_load_bundles:
 * @self: a #EntStore
 * @engine: the layout engine whose layout was bundled
 * @error: return location for an error
 *
 * Bundles that are not well formed (a file from elsewhere may hold any
 * bytes) are left out: their relations are drawn unbundled.
 *
 * Returns: (transfer full) (element-type EntRoute): the edge bundles of
 *   @engine's layout, ordered by relation, without labels, or %NULL with
 *   @error set
 */
GArray *
ent_store_load_bundles (EntStore    *self,
                        const char  *engine,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) bundles = g_array_new (FALSE, TRUE, sizeof (EntRoute));
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  g_array_set_clear_func (bundles, ent_route_clear);
  stmt = _ent_store_prepare (self->db, "SELECT relation_id, points FROM bundles WHERE engine = ? ORDER BY relation_id",
                             error, "s", engine);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntRoute bundle = { .relation_id = sqlite3_column_int64 (stmt, 0) };

      if (_ent_store_read_points (stmt, 1, &bundle))
        g_array_append_val (bundles, bundle);
    }

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the edge bundles"));
      return NULL;
    }

  return g_steal_pointer (&bundles);
}

/**
 * ent_store_save_bundles:
 * @self: a #EntStore
 * @engine: the layout engine whose layout was bundled
 * @bundles: (array length=n_bundles): the bundles; their labels are not stored
 * @n_bundles: how many
 * @error: return location for an error
 *
 * Stores the edge bundles of @engine's layout in place of all it had, in
 * one transaction.
 */
gboolean
ent_store_save_bundles (EntStore        *self,
                        const char      *engine,
                        const EntRoute  *bundles,
                        guint            n_bundles,
                        GError         **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (engine != NULL && *engine != '\0', FALSE);
  g_return_val_if_fail (bundles != NULL || n_bundles == 0, FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  clear = _ent_store_prepare (self->db, "DELETE FROM bundles WHERE engine = ?", error, "s", engine);
  ok = clear != NULL && _ent_store_step_done (self->db, clear, _("Could not save the edge bundles"), error);
  if (ok)
    stmt = _ent_store_prepare (self->db, "INSERT INTO bundles (relation_id, engine, points) VALUES (?, ?, ?)", error, "");
  ok = ok && stmt != NULL;

  for (guint i = 0; ok && i < n_bundles; i++)
    {
      _ent_store_bind (stmt, "is", bundles[i].relation_id, engine);
      ok = _ent_store_bind_points (stmt, 3, &bundles[i], error) &&
           _ent_store_step_done (self->db, stmt, _("Could not save the edge bundles"), error);
    }

  return _ent_store_finish (self, ok, error);
}
