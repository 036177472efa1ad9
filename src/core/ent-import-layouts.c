/* ent-import-layouts.c: the layout a network opens with, as importers store a file's drawing and writers take it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import"

#include "config.h"

#include "ent-import.h"
#include "ent-diagram.h"

/**
 * ent_import_add_opening_layout:
 * @self: an import, every entity of it read
 * @positions: (element-type EntPosition): where the file places its entities
 *
 * Stores @positions as the layout of the engine the imported network will
 * be laid out with, so that it opens as the file drew it; but only when
 * they place every entity: a layout with some entities placed and others
 * not is worse than a new one.
 *
 * Returns: whether the positions were stored
 */
gboolean
ent_import_add_opening_layout (EntImport *self,
                               GArray    *positions)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (positions == NULL || positions->len == 0 || !ent_diagram_positions_complete (self->graph, positions))
    return FALSE;
  g_array_append_vals (ent_import_add_layout (self, ent_diagram_choose_engine (self->graph, NULL)),
                       positions->data, positions->len);
  return TRUE;
}

/**
 * ent_import_find_opening_positions:
 * @graph: a network being written
 * @layouts: (nullable) (element-type EntImportLayout): its stored layouts
 * @complete: whether a layout that leaves some entity out counts
 *
 * Returns: (transfer full): the positions of the stored layout the network
 *   opens with (of the engine it would be laid out with), by entity id;
 *   empty when it has no such layout, or with @complete when that layout
 *   does not place every entity
 */
GHashTable *
ent_import_find_opening_positions (EntGraph  *graph,
                                   GPtrArray *layouts,
                                   gboolean   complete)
{
  GHashTable *positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *engine = ent_diagram_choose_engine (graph, NULL);

  for (guint i = 0; layouts != NULL && i < layouts->len; i++)
    {
      EntImportLayout *layout = g_ptr_array_index (layouts, i);

      if (!g_str_equal (layout->engine, engine))
        continue;
      if (complete && !ent_diagram_positions_complete (graph, layout->positions))
        break;
      for (guint p = 0; p < layout->positions->len; p++)
        {
          EntPosition *position = &g_array_index (layout->positions, EntPosition, p);

          g_hash_table_insert (positions, &position->entity_id, position);
        }
      break;
    }
  return positions;
}
