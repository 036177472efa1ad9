/* ent-export-scope.c: which part of the network an export shows
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-export"

#include "config.h"

#include "ent-export-scope.h"
#include "ent-export.h"
#include "ent-renderer.h"

#include <glib/gi18n-lib.h>

/**
 * ent_export_scope_states:
 * @view: the view whose filters the export follows
 * @scope: what to export
 * @entity_id: for %ENT_EXPORT_SCOPE_NEIGHBOURS, the entity
 * @error: return location for an error: the entity is not in the network,
 *   or the view hides it
 *
 * Tells which scene items an export leaves out, for EntExportOptions'
 * item_states: %ENT_ITEM_STATE_HIDDEN for those, 0 for the rest, and
 * %ENT_ITEM_STATE_FADED for what a chain picked out in the view leaves
 * (but for %ENT_EXPORT_SCOPE_ALL). A selection's fading and highlights are
 * the view's, not the export's.
 *
 * Returns: (transfer full) (nullable): one state per item of the view's
 *   scene, or %NULL on error
 */
guint8 *
ent_export_scope_states (EntViewState    *view,
                         EntExportScope   scope,
                         gint64           entity_id,
                         GError         **error)
{
  EntScene *scene;
  g_autoptr(GHashTable) reached = NULL;
  g_autofree guint8 *states = NULL;
  guint n_items;

  g_return_val_if_fail (view != NULL, NULL);
  scene = ent_view_state_get_scene (view);
  g_return_val_if_fail (scene != NULL, NULL);

  n_items = ent_scene_get_n_items (scene);
  states = g_new0 (guint8, MAX (n_items, 1));
  if (scope == ENT_EXPORT_SCOPE_ALL)
    return g_steal_pointer (&states);

  for (guint i = 0; i < n_items; i++)
    if (ent_view_state_is_hidden (view, i))
      states[i] = ENT_ITEM_STATE_HIDDEN;
    else if (!ent_view_state_in_chain (view, i))
      states[i] = ENT_ITEM_STATE_FADED;

  if (scope == ENT_EXPORT_SCOPE_SHOWN)
    return g_steal_pointer (&states);

  g_return_val_if_fail (scope == ENT_EXPORT_SCOPE_NEIGHBOURS, NULL);
  if (!ent_view_state_entity_shown (view, entity_id))
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED,
                   ent_scene_find_node (scene, entity_id) == NULL
                   ? _("There is no entity %" G_GINT64_FORMAT " in the network")
                   : _("Entity %" G_GINT64_FORMAT " is hidden by the filters"),
                   entity_id);
      return NULL;
    }

  /* The entity, the shown entities one relation away, and the relations among them: its ego network. */
  reached = ent_view_state_reach (view, entity_id, 1);
  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      gboolean in;

      if (states[i] & ENT_ITEM_STATE_HIDDEN)
        continue;
      if (item->type == ENT_SCENE_ITEM_NODE)
        in = g_hash_table_contains (reached, &item->id);
      else
        in = g_hash_table_contains (reached, &item->from_id) && g_hash_table_contains (reached, &item->to_id);
      if (!in)
        states[i] = ENT_ITEM_STATE_HIDDEN;
    }

  return g_steal_pointer (&states);
}
