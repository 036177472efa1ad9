/* ent-placement.c: places new entities without moving the others
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-placement"

#include "config.h"

#include "ent-placement.h"

#include <math.h>

/* Far enough apart that two node boxes do not overlap. */
#define SPACING 90.0

static gboolean
is_free (GArray *positions,
         double  x,
         double  y)
{
  for (guint i = 0; i < positions->len; i++)
    {
      EntPosition *p = &g_array_index (positions, EntPosition, i);

      if (fabs (p->x - x) < SPACING && fabs (p->y - y) < SPACING * 0.6)
        return FALSE;
    }

  return TRUE;
}

/* The nearest free spot to (x, y), searched on a widening spiral. */
static void
free_spot_near (GArray *positions,
                double  x,
                double  y,
                double *out_x,
                double *out_y)
{
  for (int ring = 0; ring < 200; ring++)
    {
      int steps = MAX (1, ring * 6);

      for (int step = 0; step < steps; step++)
        {
          double angle = 2 * G_PI * step / steps;
          double cx = x + ring * SPACING * 0.5 * cos (angle);
          double cy = y + ring * SPACING * 0.5 * sin (angle);

          if (is_free (positions, cx, cy))
            {
              *out_x = cx;
              *out_y = cy;
              return;
            }
        }
    }

  *out_x = x;
  *out_y = y;
}

/**
 * ent_placement_place_missing:
 * @graph: the network
 * @positions: (element-type EntPosition): the stored positions; gains one
 *   for each entity that has none
 * @hint_x: where to put a new entity with no relations, e.g. where the
 *   user clicked, or NAN for beside the drawing
 * @hint_y: likewise
 *
 * After an edit the diagram changes as little as it can: every entity that
 * has a position keeps it, and a new one goes to the nearest free spot by
 * the entities it is related to, or by @hint_x, @hint_y.
 *
 * Returns: how many entities were placed
 */
guint
ent_placement_place_missing (EntGraph *graph,
                             GArray   *positions,
                             double    hint_x,
                             double    hint_y)
{
  /* Entity id → index + 1 in @positions; the keys are copies, as appending may move the array. */
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  double max_x = 0, min_y = 0;
  guint n_placed = 0;

  g_return_val_if_fail (graph != NULL, 0);
  g_return_val_if_fail (positions != NULL, 0);

  for (guint i = 0; i < positions->len; i++)
    {
      EntPosition *p = &g_array_index (positions, EntPosition, i);

      max_x = i == 0 ? p->x : MAX (max_x, p->x);
      min_y = i == 0 ? p->y : MIN (min_y, p->y);
      g_hash_table_insert (placed, g_memdup2 (&p->entity_id, sizeof p->entity_id), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntPosition position = { .entity_id = entity->id };
      double sum_x = 0, sum_y = 0;
      guint n_neighbours = 0;

      if (g_hash_table_contains (placed, &entity->id))
        continue;

      for (guint r = 0; r < graph->relations->len; r++)
        {
          EntRelation *relation = g_ptr_array_index (graph->relations, r);
          gint64 other = relation->from_id == entity->id ? relation->to_id
                         : relation->to_id == entity->id ? relation->from_id : 0;
          guint index = other != 0 ? GPOINTER_TO_UINT (g_hash_table_lookup (placed, &other)) : 0;

          if (index > 0)
            {
              EntPosition *p = &g_array_index (positions, EntPosition, index - 1);
              sum_x += p->x;
              sum_y += p->y;
              n_neighbours++;
            }
        }

      if (n_neighbours > 0)
        free_spot_near (positions, sum_x / n_neighbours, sum_y / n_neighbours + SPACING * 0.6,
                        &position.x, &position.y);
      else if (isfinite (hint_x) && isfinite (hint_y))
        free_spot_near (positions, hint_x, hint_y, &position.x, &position.y);
      else
        free_spot_near (positions, max_x + SPACING * 1.5, min_y, &position.x, &position.y);

      g_array_append_val (positions, position);
      g_hash_table_insert (placed, g_memdup2 (&entity->id, sizeof entity->id), GUINT_TO_POINTER (positions->len));
      n_placed++;
    }

  return n_placed;
}
