/* ent-scene-query.c: finding a scene's items by place, moving a node, and which edges follow routes or bundles
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include "ent-scene.h"
#include "ent-scene-private.h"

#include <math.h>

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

/* How far a point is from a rectangle: 0 inside it. */
static double
distance_to_rect (const EntRect *rect,
                  double         x,
                  double         y)
{
  double dx = MAX (MAX (rect->x1 - x, x - rect->x2), 0);
  double dy = MAX (MAX (rect->y1 - y, y - rect->y2), 0);

  return hypot (dx, dy);
}

/**
 * ent_scene_pick:
 * @self: a scene
 * @x: graph coordinate
 * @y: graph coordinate
 * @reach: how far from an item, in graph points, the point still picks it
 * @skip: (nullable): one byte per item, non-zero for items that cannot be
 *   picked (hidden ones)
 *
 * Finds what a click at a point picks. A node comes first: the topmost
 * whose bounds (its shape, ring and label) hold the point, or else the
 * nearest within @reach. Only where no node is does an edge get picked:
 * the one whose stroke is nearest, within @reach of it. In a dense view,
 * where many edges cross a node and each other, the node and the edge
 * nearest the pointer win, not whichever was drawn last.
 *
 * Returns: the index of the item picked, or -1
 */
int
ent_scene_pick (EntScene     *self,
                double        x,
                double        y,
                double        reach,
                const guint8 *skip)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect around = { x - reach, y - reach, x + reach, y + reach };
  double nearest_node = G_MAXDOUBLE, nearest_edge = G_MAXDOUBLE;
  int node = -1, edge = -1;

  g_return_val_if_fail (self != NULL, -1);

  reach = MAX (reach, 0);
  g_mutex_lock (&self->lock);
  ent_spatial_index_query_rect (self->index, &around, hits);
  g_mutex_unlock (&self->lock);

  for (guint i = hits->len; i > 0; i--)
    {
      guint index = g_array_index (hits, guint, i - 1);
      const EntSceneItem *item = &g_array_index (self->items, EntSceneItem, index);
      double distance;

      if (skip != NULL && skip[index])
        continue;

      if (item->type == ENT_SCENE_ITEM_NODE)
        {
          distance = distance_to_rect (&item->bounds, x, y);
          if (distance == 0)
            return index;
          if (distance <= reach && distance < nearest_node)
            {
              nearest_node = distance;
              node = index;
            }
        }
      else if (node < 0)
        {
          distance = MAX (ent_scene_edge_distance (item, x, y) - item->line_width / 2, 0);
          if (distance <= reach && distance < nearest_edge)
            {
              nearest_edge = distance;
              edge = index;
            }
        }
    }

  return node >= 0 ? node : edge;
}

/**
 * ent_scene_hit_test:
 * @self: a scene
 * @x: graph coordinate
 * @y: graph coordinate
 *
 * Returns: the index of the item at the point, as ent_scene_pick() finds it
 *   within ENT_SCENE_HIT_REACH, or -1
 */
int
ent_scene_hit_test (EntScene *self,
                    double    x,
                    double    y)
{
  return ent_scene_pick (self, x, y, ENT_SCENE_HIT_REACH, NULL);
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
