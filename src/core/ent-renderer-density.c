/* ent-renderer-density.c: how strongly edges are drawn where many are in view
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-renderer"

#include "config.h"

#include "ent-renderer.h"

#include <math.h>

/*
 * A dense network drawn with opaque edges is one block of the edge colour:
 * where a hundred lines cross a pixel it looks as where one does, so no hub
 * or corridor shows. Drawn translucent, lines add up: the colour deepens
 * where they pile up and stays light where they are few. The opacity is
 * chosen so that the ink of all the edges in view, spread evenly, would
 * cover ENT_RENDER_EDGE_COVERAGE of the view: a sparse view keeps opaque
 * edges, a dense one gets fainter ones.
 */

/* The length of the segment from (x0, y0) to (x1, y1) inside @rect (Liang–Barsky clipping). */
static double
clipped_length (double         x0,
                double         y0,
                double         x1,
                double         y1,
                const EntRect *rect)
{
  double dx = x1 - x0, dy = y1 - y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { x0 - rect->x1, rect->x2 - x0, y0 - rect->y1, rect->y2 - y0 };
  double t0 = 0, t1 = 1;

  for (int k = 0; k < 4; k++)
    {
      if (fabs (p[k]) < 1e-12)
        {
          if (q[k] < 0)
            return 0;
          continue;
        }
      if (p[k] < 0)
        t0 = MAX (t0, q[k] / p[k]);
      else
        t1 = MIN (t1, q[k] / p[k]);
    }

  return t1 > t0 ? (t1 - t0) * sqrt (dx * dx + dy * dy) : 0;
}

/**
 * ent_renderer_edge_opacity:
 * @scene: the scene
 * @visible: the part of the graph in view, in graph coordinates
 * @scale: device pixels per graph point
 * @item_states: (nullable): one EntItemState per item, as for drawing
 *
 * Works out how opaque plain edges are drawn in a view, from how much of
 * it their lines would cover: 1 where they cover little, down to
 * ENT_RENDER_MIN_EDGE_OPACITY in the densest views. Computed once for a
 * view, not for each part of it drawn, so that a view drawn in strips
 * shows one opacity.
 *
 * Returns: the opacity, for EntRenderOptions.edge_opacity
 */
double
ent_renderer_edge_opacity (EntScene      *scene,
                           const EntRect *visible,
                           double         scale,
                           const guint8  *item_states)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean simple = scale < ENT_RENDER_SIMPLE_EDGE_SCALE, whole;
  double area, ink = 0, coverage;
  EntRect bounds;
  guint n_items;

  g_return_val_if_fail (scene != NULL, 1.0);
  g_return_val_if_fail (visible != NULL, 1.0);

  area = (visible->x2 - visible->x1) * (visible->y2 - visible->y1) * scale * scale;
  if (!(scale > 0) || !(area >= 1))
    return 1.0;

  /* A view of the whole network, as at fit-all, holds every edge: no need to look them up. */
  ent_scene_get_bounds (scene, FALSE, &bounds);
  whole = ent_rect_contains (visible, &bounds);
  if (whole)
    n_items = ent_scene_get_n_items (scene);
  else
    {
      ent_scene_query_rect (scene, visible, indices);
      n_items = indices->len;
    }

  for (guint i = 0; i < n_items; i++)
    {
      guint index = whole ? i : g_array_index (indices, guint, i);
      const EntSceneItem *item = ent_scene_get_item (scene, index);
      gboolean inside;
      const double *p;
      guint n_points;
      double length = 0;

      /* Edges come first in paint order. */
      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (item_states != NULL && (item_states[index] & ENT_ITEM_STATE_HIDDEN))
        continue;

      /* Along the control polygon: close to a curve's length, and what far-out drawing follows. */
      p = ent_scene_edge_get_path (item, &n_points);
      inside = ent_rect_contains (visible, &item->bounds);
      /* sqrt () rather than hypot (), which guards against overflow at a cost that showed in every frame. */
      for (guint k = 0; k + 1 < n_points; k++)
        {
          double dx = p[2 * k + 2] - p[2 * k], dy = p[2 * k + 3] - p[2 * k + 1];

          length += inside ? sqrt (dx * dx + dy * dy)
                           : clipped_length (p[2 * k], p[2 * k + 1], p[2 * k + 2], p[2 * k + 3], visible);
        }

      /* Far out every line is one pixel wide; closer, as wide as the edge, and at least a pixel. */
      ink += length * scale * (simple ? 1.0 : MAX (item->line_width * scale, 1.0));
    }

  coverage = ink / area;
  if (coverage <= ENT_RENDER_EDGE_COVERAGE)
    return 1.0;

  return MAX (ENT_RENDER_EDGE_COVERAGE / coverage, ENT_RENDER_MIN_EDGE_OPACITY);
}
