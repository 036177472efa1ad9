/* ent-renderer-far.c: the far-out level of detail, where nodes are dots and edges hairlines
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-renderer"

#include "config.h"

#include "ent-renderer.h"
#include "ent-raster.h"
#include "ent-renderer-private.h"

#include <math.h>

/*
 * Far out, where a node is a few pixels across, its glyph cannot be seen:
 * the shapes of each kind are filled together, one path per kind and shade
 * instead of one per node. Each stands on a halo of the page colour a pixel
 * wider, its outline, so that it stays visible above however many edges
 * pass beneath. The halos go first, then the shapes, where the stamps of
 * direct drawing put each node over the halo of the one before: they
 * differ only where nodes overlap. Selected and highlighted nodes keep
 * their rings and are drawn on top, one by one.
 */
void
_ent_renderer_draw_tiny_nodes (EntScene    *scene,
                               cairo_t     *cr,
                               const Frame *frame,
                               GArray      *indices,
                               guint        first)
{
  const EntRenderOptions *options = frame->options;
  guint n_groups = 2 * ent_scene_get_n_kinds (scene);
  g_autofree guint *starts = g_new0 (guint, n_groups + 1);
  g_autofree guint *order = g_new (guint, indices->len - first + 1);
  double halo = 1.0 / MAX (options->scale, 1e-6);

  /* The plain nodes sorted by kind and shade in two passes, each group at starts[group]. */
  for (guint i = first; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

      if ((state & ~ENT_ITEM_STATE_FADED) == 0)
        starts[2 * ent_scene_get_item (scene, index)->kind + ((state & ENT_ITEM_STATE_FADED) != 0) + 1]++;
    }
  for (guint group = 1; group <= n_groups; group++)
    starts[group] += starts[group - 1];
  for (guint i = first; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

      if ((state & ~ENT_ITEM_STATE_FADED) == 0)
        order[starts[2 * ent_scene_get_item (scene, index)->kind + ((state & ENT_ITEM_STATE_FADED) != 0)]++] = index;
    }

  /* The halos, plain then faded: the groups of one shade are every other one. */
  for (guint shade = 0; shade < 2; shade++)
    {
      for (guint group = shade; group < n_groups; group += 2)
        for (guint i = group > 0 ? starts[group - 1] : 0; i < starts[group]; i++)
          {
            const EntSceneItem *item = ent_scene_get_item (scene, order[i]);

            ent_style_append_shape (cr, item->look->shape, item->cx, item->cy, item->radius + halo);
          }
      _ent_renderer_set_color (cr, &frame->background, shade ? 0.25 * HALO_ALPHA : HALO_ALPHA);
      cairo_fill (cr);
    }

  /* Each group now ends where the next began. */
  for (guint group = 0, start = 0; group < n_groups; start = starts[group], group++)
    {
      const EntSceneItem *item = NULL;

      for (guint i = start; i < starts[group]; i++)
        {
          item = ent_scene_get_item (scene, order[i]);
          ent_style_append_shape (cr, item->look->shape, item->cx, item->cy, item->radius);
        }

      if (item == NULL)
        continue;
      _ent_renderer_set_color (cr, ent_kind_look_color (item->look, options->dark), group % 2 ? 0.25 : 1.0);
      cairo_fill (cr);
    }
}

/*
 * The points a far-out edge is drawn through: its ends, or for a path of
 * several pieces (a route, a bundle) its control polygon, which lies close
 * to the curve and is all that can be seen of it at this size.
 */
static const double *
simple_path (const EntSceneItem *item,
             guint              *n_points,
             guint              *step)
{
  const double *p = ent_scene_edge_get_path (item, n_points);

  *step = *n_points > 4 ? 1 : 3;
  return p;
}

/* The far-out edges: one-pixel lines without antialiasing, the marked ones above the rest in the accent colour. */
void
_ent_renderer_raster_edges (EntScene    *scene,
                            EntRaster   *raster,
                            const Frame *frame,
                            GArray      *indices,
                            guint        n_edges)
{
  const guint8 *states = frame->options->item_states;
  EntRasterPen normal = { 1.0, NULL, FALSE, ent_raster_premultiply (&frame->plain_edge, 0.8 * frame->edge_alpha) };
  EntRasterPen faded = { 1.0, NULL, FALSE, ent_raster_premultiply (&frame->faded_edge, 0.8 * frame->faded_alpha) };
  EntRasterPen marked = { 2.0, NULL, TRUE, ent_raster_premultiply (&frame->options->accent, 1.0) };
  const cairo_matrix_t *m = &raster->matrix;

  /* Without states every edge is plain. */
  for (EdgePass pass = states != NULL ? EDGE_PASS_FADED : EDGE_PASS_PLAIN; pass <= EDGE_PASS_MARKED; pass++)
    for (guint i = 0; i < n_edges; i++)
      {
        guint index = g_array_index (indices, guint, i);
        guint8 state = states ? states[index] : ENT_ITEM_STATE_NORMAL;
        const EntSceneItem *item;
        const EntRasterPen *pen;
        const double *p;
        guint n_points, step;

        if (_ent_renderer_edge_pass (state) != pass)
          continue;
        pen = pass == EDGE_PASS_MARKED ? &marked : pass == EDGE_PASS_FADED ? &faded : &normal;
        item = ent_scene_get_item (scene, index);
        p = simple_path (item, &n_points, &step);
        for (guint k = 0; k + step < n_points; k += step)
          ent_raster_line (raster,
                           m->xx * p[2 * k] + m->x0, m->yy * p[2 * k + 1] + m->y0,
                           m->xx * p[2 * (k + step)] + m->x0, m->yy * p[2 * (k + step) + 1] + m->y0, pen);
      }
}

/*
 * The far-out edges through Cairo, for targets that are not images.
 * Opaque, they are all one path stroked once without antialiasing: cheap,
 * and curves are not visible anyway. Translucent, each is stroked on its
 * own, so that where they cross the colour deepens as in direct drawing.
 * The faded go first, then the plain, then the marked.
 */
void
_ent_renderer_stroke_simple_edges (EntScene    *scene,
                                   cairo_t     *cr,
                                   const Frame *frame,
                                   GArray      *indices,
                                   guint        n_edges)
{
  const guint8 *states = frame->options->item_states;
  double pixel = 1.0 / MAX (frame->options->scale, 1e-6);
  gboolean one_path = frame->edge_alpha >= 1.0;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_line_width (cr, pixel);
  for (EdgePass pass = EDGE_PASS_FADED; pass <= EDGE_PASS_MARKED; pass++)
    {
      if (pass == EDGE_PASS_MARKED)
        {
          cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
          cairo_set_line_width (cr, 2 * pixel);
          _ent_renderer_set_color (cr, &frame->options->accent, 1.0);
        }
      else
        _ent_renderer_set_color (cr, pass == EDGE_PASS_FADED ? &frame->faded_edge : &frame->plain_edge,
                                 0.8 * (pass == EDGE_PASS_FADED ? frame->faded_alpha : frame->edge_alpha));

      for (guint i = 0; i < n_edges; i++)
        {
          guint index = g_array_index (indices, guint, i);
          guint8 state = states ? states[index] : ENT_ITEM_STATE_NORMAL;
          const double *p;
          guint n_points, step;

          if (_ent_renderer_edge_pass (state) != pass)
            continue;
          p = simple_path (ent_scene_get_item (scene, index), &n_points, &step);
          cairo_move_to (cr, p[0], p[1]);
          for (guint k = step; k < n_points; k += step)
            cairo_line_to (cr, p[2 * k], p[2 * k + 1]);
          if (!one_path || pass == EDGE_PASS_MARKED)
            cairo_stroke (cr);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/*
 * A kind's shape drawn once at the size it is stamped at, centred on the
 * middle of pixel (origin, origin), over its halo: the same shape
 * @halo wider in the page colour.
 */
static cairo_surface_t *
new_stamp (const cairo_matrix_t *m,
           int                   origin,
           EntShape              shape,
           double                radius,
           double                halo,
           const EntColor       *color,
           const EntColor       *background,
           double                alpha)
{
  cairo_surface_t *stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * origin + 1, 2 * origin + 1);
  cairo_t *cr = cairo_create (stamp);

  cairo_translate (cr, origin + 0.5, origin + 0.5);
  cairo_scale (cr, m->xx, m->yy);
  ent_style_append_shape (cr, shape, 0, 0, radius + halo);
  _ent_renderer_set_color (cr, background, HALO_ALPHA * alpha);
  cairo_fill (cr);
  ent_style_append_shape (cr, shape, 0, 0, radius);
  _ent_renderer_set_color (cr, color, alpha);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (stamp);

  return stamp;
}

/*
 * The far-out nodes: each kind's shape on its halo drawn once at this
 * size, then stamped at every node of that kind, each over the ones before
 * as nodes are drawn closer in.
 */
void
_ent_renderer_raster_tiny_nodes (EntScene    *scene,
                                 cairo_t     *cr,
                                 EntRaster   *raster,
                                 const Frame *frame,
                                 GArray      *indices,
                                 guint        first)
{
  const EntRenderOptions *options = frame->options;
  const cairo_matrix_t *m = &raster->matrix;
  guint n_stamps = 2 * ent_scene_get_n_kinds (scene);
  /* A stamp per kind and shade, at 2 * kind + faded. */
  g_autofree cairo_surface_t **stamps = g_new0 (cairo_surface_t *, n_stamps + 1);
  double radius = ENT_STYLE_NODE_SIZE / 2, halo = 1.0 / m->xx;
  int origin = (int) ceil ((radius + halo) * ENT_STYLE_SHAPE_REACH * m->xx) + 1;

  for (guint i = first; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const EntSceneItem *item = ent_scene_get_item (scene, index);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;
      gboolean faded = (state & ENT_ITEM_STATE_FADED) != 0;
      double alpha = faded ? 0.25 : 1.0;
      guint at = 2 * item->kind + faded;

      if ((state & ~ENT_ITEM_STATE_FADED) != 0)
        continue;

      if (item->radius != radius)
        {
          /* Every node has the same size today; one that does not is drawn by Cairo, with its outline. */
          cairo_surface_mark_dirty (raster->surface);
          _ent_renderer_paint_node_shape (cr, options, &frame->background, item->look, item->cx, item->cy,
                                          item->radius, alpha);
          cairo_surface_flush (raster->surface);
          continue;
        }

      if (stamps[at] == NULL)
        stamps[at] = new_stamp (m, origin, item->look->shape, radius, halo,
                                ent_kind_look_color (item->look, options->dark), &frame->background, alpha);

      ent_raster_stamp (raster, stamps[at], origin,
                        (int) floor (m->xx * item->cx + m->x0), (int) floor (m->yy * item->cy + m->y0));
    }

  for (guint i = 0; i < n_stamps; i++)
    g_clear_pointer (&stamps[i], cairo_surface_destroy);
}
