/* ent-scene-query.c: finding a scene's items by place, moving a node, and which edges follow routes or bundles
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include "ent-scene.h"
#include "ent-scene-private.h"

/**
 * ent_scene_move_node:
 * @self: a scene
 * @entity_id: the entity whose node moves
 * @x: the new centre of its box
 * @y: the new centre of its box
 *
 * Moves a node and the edges that meet it, as when it is dragged, without
 * building the spatial index anew (see ent_spatial_index_move()). The
 * scene's bounds grow to take the node in; the legend stays where it was.
 * The layout changed, so every edge loses its bundle, as the stored
 * layout's bundles go when a position changes.
 *
 * Returns: whether the entity has a node
 */
gboolean
ent_scene_move_node (EntScene *self,
                     gint64    entity_id,
                     double    x,
                     double    y)
{
  guint index;
  EntSceneItem *node;

  g_return_val_if_fail (self != NULL, FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &entity_id));
  if (index == 0)
    return FALSE;

  node = &g_array_index (self->items, EntSceneItem, index - 1);
  _ent_scene_place_node (node, x, y);
  ent_spatial_index_move (self->index, index - 1, &node->bounds);
  ent_rect_union (&self->bounds, &node->bounds);

  for (guint i = 0; i < self->items->len; i++)
    {
      EntSceneItem *edge = &g_array_index (self->items, EntSceneItem, i);

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (edge->from_id == entity_id || edge->to_id == entity_id)
        /* Its route went to where the node was: the edge is drawn as Entente draws it until routed anew. */
        _ent_scene_route_edge (edge, ent_scene_find_node (self, edge->from_id), ent_scene_find_node (self, edge->to_id),
                               NULL);
      else if (edge->bundle != NULL)
        _ent_scene_bundle_edge (edge, ent_scene_find_node (self, edge->from_id), ent_scene_find_node (self, edge->to_id),
                                NULL);
      else
        continue;
      ent_spatial_index_move (self->index, i, &edge->bounds);
      ent_rect_union (&self->bounds, &edge->bounds);
    }

  return TRUE;
}

/* Appends the indices of the items whose bounds meet @rect, in paint order. */
void
ent_scene_query_rect (EntScene      *self,
                      const EntRect *rect,
                      GArray        *out)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  ent_spatial_index_query_rect (self->index, rect, out);
  g_mutex_unlock (&self->lock);
}

/**
 * ent_scene_hit_test:
 * @self: a scene
 * @x: graph coordinate
 * @y: graph coordinate
 *
 * Returns: the index of the topmost item at the point, nodes before the
 *   edges beneath them, or -1
 */
int
ent_scene_hit_test (EntScene *self,
                    double    x,
                    double    y)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (self != NULL, -1);

  g_mutex_lock (&self->lock);
  ent_spatial_index_query_point (self->index, x, y, hits);
  g_mutex_unlock (&self->lock);

  for (guint i = hits->len; i > 0; i--)
    {
      guint index = g_array_index (hits, guint, i - 1);
      const EntSceneItem *item = &g_array_index (self->items, EntSceneItem, index);

      if (item->type == ENT_SCENE_ITEM_NODE)
        return index;
      if (ent_scene_edge_hit (item, x, y))
        return index;
    }

  return -1;
}

/**
 * ent_scene_has_routes:
 * @self: a scene
 *
 * Returns: whether any edge is drawn along the layout engine's route
 */
gboolean
ent_scene_has_routes (EntScene *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      const EntSceneItem *item = &g_array_index (self->items, EntSceneItem, i);

      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (item->route != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * ent_scene_has_bundles:
 * @self: a scene
 *
 * Returns: whether any edge is drawn along its bundle
 */
gboolean
ent_scene_has_bundles (EntScene *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      const EntSceneItem *item = &g_array_index (self->items, EntSceneItem, i);

      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (item->bundle != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * ent_scene_list_unrouted:
 * @self: a scene
 *
 * Returns: (transfer full) (element-type gint64): the relations drawn
 *   without a route of the layout engine's, as Entente draws them
 */
GArray *
ent_scene_list_unrouted (EntScene *self)
{
  GArray *ids;

  g_return_val_if_fail (self != NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->items->len; i++)
    {
      EntSceneItem *item = &g_array_index (self->items, EntSceneItem, i);

      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (item->route == NULL)
        g_array_append_val (ids, item->id);
    }

  return ids;
}
