/* ent-store-positions.c: the stored layouts: where each entity's node stands for a layout engine
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/**
 * ent_store_load_positions:
 * @self: a #EntStore
 * @engine: the layout engine the positions were made with
 * @error: return location for an error
 *
 * Returns: (transfer full): a #GArray of #EntPosition, ordered by entity, or
 *   %NULL with @error set
 */
GArray *
ent_store_load_positions (EntStore    *self,
                          const char  *engine,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  stmt = _ent_store_prepare (self->db,
                             "SELECT entity_id, x, y, pinned FROM positions WHERE engine = ? ORDER BY entity_id",
                             error, "s", engine);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntPosition position = {
        .entity_id = sqlite3_column_int64 (stmt, 0),
        .x = sqlite3_column_double (stmt, 1),
        .y = sqlite3_column_double (stmt, 2),
        .pinned = sqlite3_column_int (stmt, 3) != 0,
      };

      if (isfinite (position.x) && isfinite (position.y))
        g_array_append_val (positions, position);
    }

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the layout"));
      return NULL;
    }

  return g_steal_pointer (&positions);
}

/**
 * ent_store_save_positions:
 * @self: a #EntStore
 * @engine: the layout engine the positions were made with
 * @positions: (array length=n_positions): the positions
 * @n_positions: how many
 * @error: return location for an error
 *
 * Stores the positions of @engine's layout, in one transaction. Entities
 * not named keep the position they had.
 */
gboolean
ent_store_save_positions (EntStore           *self,
                          const char         *engine,
                          const EntPosition  *positions,
                          guint               n_positions,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (engine != NULL && *engine != '\0', FALSE);
  g_return_val_if_fail (positions != NULL || n_positions == 0, FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  stmt = _ent_store_prepare (self->db,
                             "INSERT INTO positions (entity_id, engine, x, y, pinned) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (entity_id, engine) DO UPDATE SET x = excluded.x, y = excluded.y, "
                             "pinned = excluded.pinned",
                             error, "");
  ok = stmt != NULL;

  for (guint i = 0; ok && i < n_positions; i++)
    {
      if (!isfinite (positions[i].x) || !isfinite (positions[i].y))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                       _("A position must be a finite number"));
          ok = FALSE;
          break;
        }

      _ent_store_bind (stmt, "isddb", positions[i].entity_id, engine, positions[i].x, positions[i].y,
                       positions[i].pinned);
      ok = _ent_store_step_done (self->db, stmt, _("Could not save the layout"), error);
    }

  return _ent_store_finish (self, ok, error);
}

/**
 * ent_store_load_layouts:
 * @self: a #EntStore
 * @error: return location for an error
 *
 * Returns: (transfer full) (element-type EntImportLayout): every stored
 *   layout, by engine, or %NULL with @error set
 */
GPtrArray *
ent_store_load_layouts (EntStore  *self,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_import_layout_free);
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  stmt = _ent_store_prepare (self->db, "SELECT DISTINCT engine FROM positions ORDER BY engine", error, "");
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntImportLayout *layout = g_new0 (EntImportLayout, 1);

      g_ptr_array_add (layouts, layout);
      layout->engine = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      layout->positions = ent_store_load_positions (self, layout->engine, error);
      if (layout->positions == NULL)
        return NULL;
    }

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the layout"));
      return NULL;
    }

  return g_steal_pointer (&layouts);
}
