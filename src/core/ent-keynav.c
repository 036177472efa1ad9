/* ent-keynav.c: where the keyboard goes next in the diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tab and the arrow keys walk the shown nodes along the shown relations.
 * Which node comes next is geometry over the scene and the view state, so
 * it lives here, where it is tested without a display.
 */

#define G_LOG_DOMAIN "ent-keynav"

#include "config.h"

#include "ent-keynav.h"

#include <math.h>

/* An arrow key reaches the neighbours whose direction lies within this angle of the arrow's. */
#define ARROW_ANGLE   (G_PI / 3)
/* Angles closer than this are the same direction, so nodes in line fall back to distance. */
#define ANGLE_EPSILON 1e-9

/* The shown nodes joined to @entity_id by a shown edge, each once. */
static GPtrArray *
shown_neighbours (EntViewState *state,
                  gint64        entity_id)
{
  EntScene *scene = ent_view_state_get_scene (state);
  GPtrArray *neighbours = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < ent_view_state_get_n_edges (state); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);
      const EntSceneItem *other;

      if (ent_view_state_is_hidden (state, i))
        continue;

      if (edge->from_id == entity_id)
        other = ent_scene_find_node (scene, edge->to_id);
      else if (edge->to_id == entity_id)
        other = ent_scene_find_node (scene, edge->from_id);
      else
        continue;

      if (other->id == entity_id || g_hash_table_contains (seen, &other->id))
        continue;

      g_hash_table_add (seen, (gpointer) &other->id);
      g_ptr_array_add (neighbours, (gpointer) other);
    }

  return neighbours;
}

/* The node of @entity_id, or %NULL, and into @neighbours its shown neighbours. */
static const EntSceneItem *
find_with_neighbours (EntViewState  *state,
                      gint64         entity_id,
                      GPtrArray    **neighbours)
{
  *neighbours = shown_neighbours (state, entity_id);
  return ent_scene_find_node (ent_view_state_get_scene (state), entity_id);
}

/* The angle of @to seen from @from, clockwise from 12 o'clock, in [0, 2π). */
static double
clock_angle (const EntSceneItem *from,
             const EntSceneItem *to)
{
  double angle = atan2 (to->cx - from->cx, -(to->cy - from->cy));

  return angle < 0 ? angle + 2 * G_PI : angle;
}

static int
compare_clockwise (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const EntSceneItem *centre = user_data;
  const EntSceneItem *item_a = *(const EntSceneItem **) a;
  const EntSceneItem *item_b = *(const EntSceneItem **) b;
  double angle_a = clock_angle (centre, item_a);
  double angle_b = clock_angle (centre, item_b);
  double distance_a = hypot (item_a->cx - centre->cx, item_a->cy - centre->cy);
  double distance_b = hypot (item_b->cx - centre->cx, item_b->cy - centre->cy);

  if (fabs (angle_a - angle_b) > ANGLE_EPSILON)
    return angle_a < angle_b ? -1 : 1;
  if (distance_a != distance_b)
    return distance_a < distance_b ? -1 : 1;
  return (item_a->id > item_b->id) - (item_a->id < item_b->id);
}

/* The first shown node in reading order: top to bottom, then left to right; %NULL when none is shown. */
const EntSceneItem *
ent_keynav_first_node (EntViewState *state)
{
  EntScene *scene;
  const EntSceneItem *first = NULL;

  g_return_val_if_fail (state != NULL, NULL);

  scene = ent_view_state_get_scene (state);
  for (guint i = ent_view_state_get_n_edges (state); scene != NULL && i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *node = ent_scene_get_item (scene, i);

      if (ent_view_state_is_hidden (state, i))
        continue;

      if (first == NULL || node->cy < first->cy ||
          (node->cy == first->cy && (node->cx < first->cx || (node->cx == first->cx && node->id < first->id))))
        first = node;
    }

  return first;
}

/*
 * The next of the shown neighbours of @anchor_id clockwise (or back) from
 * @current_id; from the anchor itself, or anything else not among them, the
 * first after 12 o'clock (or the last). %NULL when the anchor has no shown
 * neighbour.
 */
const EntSceneItem *
ent_keynav_next_around (EntViewState *state,
                        gint64        anchor_id,
                        gint64        current_id,
                        gboolean      forward)
{
  g_autoptr(GPtrArray) neighbours = NULL;
  const EntSceneItem *anchor;
  guint position;

  g_return_val_if_fail (state != NULL, NULL);

  anchor = find_with_neighbours (state, anchor_id, &neighbours);
  if (anchor == NULL || neighbours->len == 0)
    return NULL;

  g_ptr_array_sort_with_data (neighbours, compare_clockwise, (gpointer) anchor);

  for (position = 0; position < neighbours->len; position++)
    if (((const EntSceneItem *) g_ptr_array_index (neighbours, position))->id == current_id)
      break;

  if (position == neighbours->len)
    position = forward ? 0 : neighbours->len - 1;
  else if (forward)
    position = (position + 1) % neighbours->len;
  else
    position = (position + neighbours->len - 1) % neighbours->len;

  return g_ptr_array_index (neighbours, position);
}

/*
 * The nearest shown neighbour of @entity_id within 60° of the direction
 * (@ux, @uy), a unit vector with y growing downwards; the lower id when two
 * are as near. %NULL when none is that way.
 */
const EntSceneItem *
ent_keynav_nearest_in_direction (EntViewState *state,
                                 gint64        entity_id,
                                 double        ux,
                                 double        uy)
{
  const EntSceneItem *best = NULL;
  double best_distance = G_MAXDOUBLE;
  const EntSceneItem *from;
  g_autoptr(GPtrArray) neighbours = NULL;

  g_return_val_if_fail (state != NULL, NULL);

  from = find_with_neighbours (state, entity_id, &neighbours);
  for (guint i = 0; from != NULL && i < neighbours->len; i++)
    {
      const EntSceneItem *node = g_ptr_array_index (neighbours, i);
      double dx = node->cx - from->cx, dy = node->cy - from->cy;
      double distance = hypot (dx, dy);

      if (distance == 0 || (dx * ux + dy * uy) / distance < cos (ARROW_ANGLE) - ANGLE_EPSILON)
        continue;

      if (best == NULL || distance < best_distance || (distance == best_distance && node->id < best->id))
        {
          best = node;
          best_distance = distance;
        }
    }

  return best;
}
