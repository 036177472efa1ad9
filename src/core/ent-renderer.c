/* ent-renderer.c: draws a scene with Cairo
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-renderer"

#include "config.h"

#include "ent-renderer.h"
#include "ent-raster.h"
#include "ent-renderer-private.h"
#include "ent-sprite-cache.h"

#include <math.h>
#include <pango/pangocairo.h>

/* The page and text colours of libadwaita's light and dark styles. */
void
ent_renderer_get_colors (gboolean  dark,
                         EntColor *background,
                         EntColor *foreground,
                         EntColor *edge)
{
  if (dark)
    {
      *background = (EntColor) { 0.118, 0.118, 0.118 };
      *foreground = (EntColor) { 1.0, 1.0, 1.0 };
      *edge = (EntColor) { 0.60, 0.60, 0.64 };
    }
  else
    {
      *background = (EntColor) { 1.0, 1.0, 1.0 };
      *foreground = (EntColor) { 0.141, 0.122, 0.192 };
      *edge = (EntColor) { 0.47, 0.47, 0.52 };
    }
}

/* The colour of the marks across a disputed relation: GNOME's orange, lighter in the dark style. */
void
ent_renderer_get_disputed_color (gboolean  dark,
                                 EntColor *color)
{
  *color = dark ? (EntColor) { 1.0, 0.639, 0.282 } : (EntColor) { 0.776, 0.275, 0.0 };
}

/* Appends the two strokes across a disputed edge's middle, as the renderer and the SVG writer draw them. */
void
ent_renderer_append_dispute_marks (cairo_t            *cr,
                                   const EntSceneItem *edge)
{
  double x, y, dx, dy;

  ent_scene_edge_midpoint (edge, &x, &y, &dx, &dy);
  for (int side = -1; side <= 1; side += 2)
    {
      double cx = x + side * ENT_RENDER_DISPUTE_GAP / 2 * dx, cy = y + side * ENT_RENDER_DISPUTE_GAP / 2 * dy;

      cairo_move_to (cr, cx - ENT_RENDER_DISPUTE_HALF_LENGTH * dy, cy + ENT_RENDER_DISPUTE_HALF_LENGTH * dx);
      cairo_line_to (cr, cx + ENT_RENDER_DISPUTE_HALF_LENGTH * dy, cy - ENT_RENDER_DISPUTE_HALF_LENGTH * dx);
    }
}

gboolean
ent_renderer_draws_labels (const EntRenderOptions *options)
{
  return ENT_STYLE_FONT_SIZE * options->scale >= ENT_RENDER_MIN_LABEL_PIXELS;
}

/*
 * The corners of a directed edge's arrowhead, tip first, pointing along the
 * curve's last tangent; FALSE for an edge too short to have a direction.
 */
static gboolean
arrow_corners (const EntSceneItem *edge,
               double              x[3],
               double              y[3])
{
  double tx = edge->p[6] - edge->p[4];
  double ty = edge->p[7] - edge->p[5];
  double length = hypot (tx, ty);
  double size = ENT_STYLE_ARROW_LENGTH + edge->line_width;
  double half = ENT_STYLE_ARROW_HALF + edge->line_width / 2;
  double ux, uy;

  if (length < 1e-9)
    {
      tx = edge->p[6] - edge->p[0];
      ty = edge->p[7] - edge->p[1];
      length = hypot (tx, ty);
      if (length < 1e-9)
        return FALSE;
    }

  ux = tx / length;
  uy = ty / length;
  x[0] = edge->p[6];
  y[0] = edge->p[7];
  x[1] = edge->p[6] - ux * size - uy * half;
  y[1] = edge->p[7] - uy * size + ux * half;
  x[2] = edge->p[6] - ux * size + uy * half;
  y[2] = edge->p[7] - uy * size - ux * half;

  return TRUE;
}

/* Appends the arrowhead at the end of a directed edge, pointing along the curve's last tangent. */
void
ent_renderer_append_arrow (cairo_t            *cr,
                           const EntSceneItem *edge)
{
  double x[3], y[3];

  if (!arrow_corners (edge, x, y))
    return;

  cairo_move_to (cr, x[0], y[0]);
  cairo_line_to (cr, x[1], y[1]);
  cairo_line_to (cr, x[2], y[2]);
  cairo_close_path (cr);
}

/* Draws an item's label over a halo of the page colour, so edges passing beneath it do not cross the letters. */
static void
draw_label (cairo_t            *cr,
            const Frame        *frame,
            const EntSceneItem *item,
            const EntColor     *color,
            double              alpha)
{
  double x = item->label_x, y = item->label_y;
  double clip_x1, clip_y1, clip_x2, clip_y2;
  PangoRectangle ink = item->label_ink, logical = item->label_logical;
  PangoLayout *layout;

  /* Without culling every label comes here; one outside the clip is not worth a layout or a sprite. */
  pango_extents_to_pixels (&ink, NULL);
  pango_extents_to_pixels (&logical, NULL);
  cairo_clip_extents (cr, &clip_x1, &clip_y1, &clip_x2, &clip_y2);
  if (x + MAX (ink.x + ink.width, logical.x + logical.width) + ENT_STYLE_HALO_WIDTH < clip_x1 ||
      y + MAX (ink.y + ink.height, logical.y + logical.height) + ENT_STYLE_HALO_WIDTH < clip_y1 ||
      x + MIN (ink.x, logical.x) - ENT_STYLE_HALO_WIDTH > clip_x2 ||
      y + MIN (ink.y, logical.y) - ENT_STYLE_HALO_WIDTH > clip_y2)
    return;

  layout = ent_scene_get_layout (frame->scene, item);
  if (layout == NULL)
    return;

  if (!frame->sprites)
    {
      cairo_move_to (cr, x, y);
      _ent_renderer_paint_label (cr, layout, color, alpha, &frame->background);
      return;
    }

  ent_sprite_cache_draw_label (cr, &frame->target, item, layout, color, alpha);
}

static void
draw_node_shape (cairo_t            *cr,
                 const Frame        *frame,
                 const EntSceneItem *item,
                 double              alpha)
{
  const EntRenderOptions *options = frame->options;

  if (!frame->sprites)
    {
      _ent_renderer_paint_node_shape (cr, options, &frame->background, item->look, item->cx, item->cy, item->radius, alpha);
      return;
    }

  ent_sprite_cache_draw_node (cr, &frame->target, item, alpha);
}

static gboolean
shows_edge_label (const Frame        *frame,
                  const EntSceneItem *item,
                  guint8              state)
{
  const EntRenderOptions *options = frame->options;

  return *item->label != '\0' &&
         (options->edge_labels || options->scale >= ENT_RENDER_EDGE_LABEL_SCALE ||
          (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))) &&
         ent_renderer_draws_labels (options);
}

static void
append_curve (cairo_t            *cr,
              const EntSceneItem *item)
{
  guint n_points;
  const double *p = ent_scene_edge_get_path (item, &n_points);

  cairo_move_to (cr, p[0], p[1]);
  for (guint i = 1; i + 2 < n_points; i += 3)
    cairo_curve_to (cr, p[2 * i], p[2 * i + 1], p[2 * i + 2], p[2 * i + 3], p[2 * i + 4], p[2 * i + 5]);
}

static void
set_edge_dash (cairo_t  *cr,
               gboolean  dashed)
{
  static const double dashes[] = { 4.0, 3.0 };

  cairo_set_dash (cr, dashes, dashed ? G_N_ELEMENTS (dashes) : 0, 0);
}

/* Strokes an edge's curve and fills its arrowhead with Cairo. */
static void
stroke_edge (cairo_t            *cr,
             const EntSceneItem *item,
             const EntColor     *color,
             double              alpha,
             double              width)
{
  _ent_renderer_set_color (cr, color, alpha);
  cairo_set_line_width (cr, width);
  set_edge_dash (cr, item->dashed);
  append_curve (cr, item);
  cairo_stroke (cr);
  if (item->directed)
    {
      ent_renderer_append_arrow (cr, item);
      cairo_fill (cr);
    }
}

/* A selected or highlighted edge, drawn on its own above the others in the accent colour. */
static void
draw_marked_edge (cairo_t            *cr,
                  const Frame        *frame,
                  const EntSceneItem *item,
                  guint8              state)
{
  cairo_save (cr);
  stroke_edge (cr, item, &frame->options->accent, (state & ENT_ITEM_STATE_FADED) ? 0.2 : 1.0,
               item->line_width + ((state & ENT_ITEM_STATE_SELECTED) ? 1.5 : 0.75));
  cairo_restore (cr);
}

static void
draw_node (cairo_t            *cr,
           const Frame        *frame,
           const EntSceneItem *item,
           guint8              state)
{
  double alpha = (state & ENT_ITEM_STATE_FADED) ? 0.25 : 1.0;

  if (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
    {
      /* A ring around the shape: accent coloured for the selection, thinner for hover. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, item->cx, item->cy, ENT_STYLE_RING_RADIUS (item->radius), 0, 2 * G_PI);
      _ent_renderer_set_color (cr, &frame->options->accent, (state & ENT_ITEM_STATE_SELECTED) ? 1.0 : 0.6);
      cairo_set_line_width (cr, (state & ENT_ITEM_STATE_SELECTED) ? ENT_STYLE_RING_WIDTH : ENT_STYLE_RING_HOVER_WIDTH);
      cairo_stroke (cr);
    }

  draw_node_shape (cr, frame, item, alpha);

  if (*item->label != '\0' && ent_renderer_draws_labels (frame->options))
    draw_label (cr, frame, item, &frame->text, alpha);
}

/* Whether an edge's curve is a straight line: its control points lie on the chord, as for a single relation. */
static gboolean
edge_is_straight (const EntSceneItem *item)
{
  double dx = item->p[6] - item->p[0], dy = item->p[7] - item->p[1];
  double length = hypot (dx, dy);

  /* A route or a bundle is a curve of several pieces, which p holds only the ends of. */
  if (length < 1e-9 || item->route != NULL || item->bundle != NULL)
    return FALSE;

  return fabs ((item->p[2] - item->p[0]) * dy - (item->p[3] - item->p[1]) * dx) / length < 1e-6 &&
         fabs ((item->p[4] - item->p[0]) * dy - (item->p[5] - item->p[1]) * dx) / length < 1e-6;
}

/* A straight edge and its arrowhead at readable zoom, drawn straight into the pixels. */
static void
raster_edge (EntRaster          *raster,
             const EntSceneItem *item,
             guint32             color)
{
  const cairo_matrix_t *m = &raster->matrix;
  double dash[2] = { 4.0 * m->xx, 3.0 * m->xx };
  double ax[3], ay[3];
  EntRasterPen pen = { item->line_width * m->xx, item->dashed ? dash : NULL, TRUE, color };

  ent_raster_line (raster, m->xx * item->p[0] + m->x0, m->yy * item->p[1] + m->y0,
                   m->xx * item->p[6] + m->x0, m->yy * item->p[7] + m->y0, &pen);

  if (item->directed && arrow_corners (item, ax, ay))
    {
      for (int k = 0; k < 3; k++)
        {
          ax[k] = m->xx * ax[k] + m->x0;
          ay[k] = m->yy * ay[k] + m->y0;
        }
      ent_raster_triangle (raster, ax, ay, color);
    }
}

/* The marks across the disputed edges, above every edge. */
static void
draw_dispute_marks (EntScene    *scene,
                    cairo_t     *cr,
                    const Frame *frame,
                    GArray      *indices,
                    guint        n_edges)
{
  const guint8 *states = frame->options->item_states;
  EntColor color;

  ent_renderer_get_disputed_color (frame->options->dark, &color);
  cairo_save (cr);
  cairo_set_line_width (cr, ENT_RENDER_DISPUTE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < n_edges; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const EntSceneItem *item = ent_scene_get_item (scene, index);
      guint8 state = states ? states[index] : ENT_ITEM_STATE_NORMAL;

      if (!item->disputed || (state & ENT_ITEM_STATE_HIDDEN))
        continue;
      _ent_renderer_set_color (cr, &color, (state & ENT_ITEM_STATE_FADED) ? 0.25 : 1.0);
      ent_renderer_append_dispute_marks (cr, item);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* A legend entry's sample of how edges are drawn: a thin and a wide line, or a dashed one, as edges are stroked. */
static void
draw_legend_lines (cairo_t                   *cr,
                   const EntSceneLegendEntry *entry,
                   const EntColor            *edge_color,
                   gboolean                   dark)
{
  double dash[] = { 4, 3 };

  cairo_save (cr);
  _ent_renderer_set_color (cr, edge_color, 1.0);
  if (entry->type == ENT_LEGEND_EDGE_SOURCES)
    for (guint n = 0; n < 2; n++)
      {
        cairo_set_line_width (cr, ent_scene_edge_width (n == 0 ? 1 : ENT_SCENE_MAX_SOURCES_SHOWN));
        cairo_move_to (cr, entry->cx - 8, entry->cy + (n == 0 ? -3 : 3));
        cairo_line_to (cr, entry->cx + 8, entry->cy + (n == 0 ? -3 : 3));
        cairo_stroke (cr);
      }
  else
    {
      EntSceneItem sample = { .type = ENT_SCENE_ITEM_EDGE, .p = { entry->cx - 8, entry->cy, entry->cx - 3, entry->cy,
                                                                  entry->cx + 3, entry->cy, entry->cx + 8, entry->cy } };

      cairo_set_line_width (cr, ent_scene_edge_width (entry->type == ENT_LEGEND_EDGE_DISPUTED ? 1 : 0));
      if (entry->type == ENT_LEGEND_EDGE_UNSOURCED)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, entry->cx - 8, entry->cy);
      cairo_line_to (cr, entry->cx + 8, entry->cy);
      cairo_stroke (cr);
      if (entry->type == ENT_LEGEND_EDGE_DISPUTED)
        {
          EntColor color;

          ent_renderer_get_disputed_color (dark, &color);
          _ent_renderer_set_color (cr, &color, 1.0);
          cairo_set_line_width (cr, ENT_RENDER_DISPUTE_WIDTH);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          ent_renderer_append_dispute_marks (cr, &sample);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static void
draw_legend (EntScene               *scene,
             cairo_t                *cr,
             const EntRenderOptions *options,
             const EntRect          *visible,
             const EntColor         *text_color,
             const EntColor         *edge_color)
{
  const EntSceneLegendEntry *entries;
  guint n_entries;
  EntRect bounds;

  ent_scene_get_legend (scene, &entries, &n_entries, &bounds);
  bounds.x1 += options->legend_dx;
  bounds.x2 += options->legend_dx;
  bounds.y1 += options->legend_dy;
  bounds.y2 += options->legend_dy;
  if (n_entries == 0 || (visible != NULL && !ent_rect_intersects (&bounds, visible)))
    return;

  cairo_save (cr);
  cairo_translate (cr, options->legend_dx, options->legend_dy);
  for (guint i = 0; i < n_entries; i++)
    {
      if (entries[i].type == ENT_LEGEND_KIND)
        {
          const EntKindLook *look = &ent_scene_get_kind (scene, entries[i].kind)->look;

          ent_style_append_shape (cr, look->shape, entries[i].cx, entries[i].cy, 6.5);
          _ent_renderer_set_color (cr, ent_kind_look_color (look, options->dark), 1.0);
          cairo_fill (cr);
        }
      else
        draw_legend_lines (cr, &entries[i], edge_color, options->dark);

      if (ent_renderer_draws_labels (options))
        {
          _ent_renderer_set_color (cr, text_color, 1.0);
          cairo_move_to (cr, entries[i].label_x, entries[i].label_y);
          pango_cairo_show_layout (cr, entries[i].layout);
        }
    }
  cairo_restore (cr);
}

/* Draws only the legend, where the options put it: for an export that clips the diagram but not its legend. */
void
ent_renderer_draw_legend (EntScene               *scene,
                          cairo_t                *cr,
                          const EntRenderOptions *options)
{
  EntColor background, text, edge;

  g_return_if_fail (scene != NULL && cr != NULL && options != NULL);

  ent_renderer_get_colors (options->dark, &background, &text, &edge);
  draw_legend (scene, cr, options, options->visible, &text, &edge);
}

/*
 * Edges at readable zoom. On an image surface the straight ones, most of
 * them, go straight into the pixels; Cairo strokes the others, each on its
 * own: its rasteriser works through a path row by row over all its curves,
 * so one path of hundreds of edges costs more than as many small strokes.
 * Marked edges go on top of the others, and the labels above every edge.
 */
static void
draw_edges (EntScene    *scene,
            cairo_t     *cr,
            const Frame *frame,
            GArray      *indices,
            guint        n_edges)
{
  const guint8 *states = frame->options->item_states;

  /* The faded first, when any can be, then the plain ones above them; without states every edge is plain. */
  for (EdgePass pass = states != NULL ? EDGE_PASS_FADED : EDGE_PASS_PLAIN; pass <= EDGE_PASS_PLAIN; pass++)
    {
      EntRaster raster;
      gboolean rastered = ent_raster_begin (&raster, cr);
      double alpha = pass == EDGE_PASS_FADED ? frame->faded_alpha : frame->edge_alpha;
      const EntColor *color_of = pass == EDGE_PASS_FADED ? &frame->faded_edge : &frame->plain_edge;

      if (rastered)
        {
          guint32 color = ent_raster_premultiply (color_of, alpha);

          for (guint i = 0; i < n_edges; i++)
            {
              guint index = g_array_index (indices, guint, i);
              const EntSceneItem *item = ent_scene_get_item (scene, index);
              guint8 state = states ? states[index] : ENT_ITEM_STATE_NORMAL;

              if (_ent_renderer_edge_pass (state) == pass && edge_is_straight (item))
                raster_edge (&raster, item, color);
            }
          ent_raster_end (&raster);
        }

      cairo_save (cr);
      for (guint i = 0; i < n_edges; i++)
        {
          guint index = g_array_index (indices, guint, i);
          const EntSceneItem *item = ent_scene_get_item (scene, index);
          guint8 state = states ? states[index] : ENT_ITEM_STATE_NORMAL;

          if (_ent_renderer_edge_pass (state) != pass || (rastered && edge_is_straight (item)))
            continue;
          stroke_edge (cr, item, color_of, alpha, item->line_width);
        }
      cairo_restore (cr);
    }

  for (guint i = 0; i < n_edges; i++)
    {
      guint index = g_array_index (indices, guint, i);
      guint8 state = states ? states[index] : ENT_ITEM_STATE_NORMAL;

      if (_ent_renderer_edge_pass (state) == EDGE_PASS_MARKED)
        draw_marked_edge (cr, frame, ent_scene_get_item (scene, index), state);
    }

  draw_dispute_marks (scene, cr, frame, indices, n_edges);

  for (guint i = 0; i < n_edges; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const EntSceneItem *item = ent_scene_get_item (scene, index);
      guint8 state = states ? states[index] : ENT_ITEM_STATE_NORMAL;

      if (!(state & ENT_ITEM_STATE_HIDDEN) && shows_edge_label (frame, item, state))
        draw_label (cr, frame, item, &frame->text,
                    0.85 * ((state & ENT_ITEM_STATE_FADED) ? 0.2 : 1.0));
    }
}

/* @a, @t of the way to @b. */
static void
mix_colors (EntColor       *out,
            const EntColor *a,
            const EntColor *b,
            double          t)
{
  out->red = a->red + t * (b->red - a->red);
  out->green = a->green + t * (b->green - a->green);
  out->blue = a->blue + t * (b->blue - a->blue);
}

/*
 * How opaque plain and faded edges are drawn. Where edges are translucent
 * for their number, a selection fades all but what it touches, which is
 * then drawn at full strength above the rest; a hovered item's edges are
 * marked in the accent colour, and the others grow fainter still.
 */
static void
set_edge_alphas (EntScene               *scene,
                 const EntRenderOptions *options,
                 Frame                  *frame)
{
  guint n_items = ent_scene_get_n_items (scene);
  double opacity = options->edge_opacity > 0 ? MIN (options->edge_opacity, 1.0) : 1.0;
  gboolean selection = FALSE, hover = FALSE;

  for (guint i = 0; opacity < 1.0 && options->item_states != NULL && i < n_items; i++)
    {
      guint8 state = options->item_states[i];

      if (!(state & ENT_ITEM_STATE_HIDDEN))
        {
          selection = selection || (state & ENT_ITEM_STATE_SELECTED);
          hover = hover || (state & ENT_ITEM_STATE_HIGHLIGHTED);
        }
    }

  frame->plain_edge = frame->edge;
  frame->edge_alpha = selection ? 1.0 : opacity;
  if (hover && !selection)
    mix_colors (&frame->plain_edge, &frame->edge, &frame->background, 1 - ENT_RENDER_MARKED_FADE);

  frame->faded_edge = frame->edge;
  frame->faded_alpha = opacity < 1.0 ? opacity : 0.2;
  if (opacity < 1.0)
    mix_colors (&frame->faded_edge, &frame->edge, &frame->background, 0.8);
}

/* Whether this frame may draw an edge's label: edges are indexed without them until one is needed. */
static gboolean
may_show_edge_labels (EntScene               *scene,
                      const EntRenderOptions *options)
{
  guint n_items = ent_scene_get_n_items (scene);

  if (!ent_renderer_draws_labels (options))
    return FALSE;
  if (options->edge_labels || options->scale >= ENT_RENDER_EDGE_LABEL_SCALE)
    return TRUE;

  /* Marked edges show their labels at any readable zoom. Edges come first. */
  for (guint i = 0; options->item_states != NULL && i < n_items; i++)
    {
      if (ent_scene_get_item (scene, i)->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (options->item_states[i] & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
        return TRUE;
    }

  return FALSE;
}

/**
 * ent_renderer_draw:
 * @scene: the scene
 * @cr: a context whose transformation maps graph points to the device
 * @options: what to draw and how
 * @drawn: (nullable) (element-type guint): if given, receives the index of
 *   every item drawn, edges first, each in increasing order
 *
 * Draws the items of @scene that meet the visible rectangle, or come within
 * a device pixel of it, found through the scene's spatial index, with labels only where they can be read and
 * plain lines for edges when zoomed far out.
 */
void
ent_renderer_draw (EntScene               *scene,
                   cairo_t                *cr,
                   const EntRenderOptions *options,
                   GArray                 *drawn)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  Frame frame = { .scene = scene, .options = options };
  gboolean simple = options->scale < ENT_RENDER_SIMPLE_EDGE_SCALE;
  gboolean tiny = ENT_STYLE_NODE_SIZE / 2 * options->scale < ENT_RENDER_TINY_NODE_PIXELS;
  const EntRect *visible = NULL;
  EntRect grown;
  EntRaster raster;
  guint n_edges, i;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  ent_renderer_get_colors (options->dark, &frame.background, &frame.text, &frame.edge);
  set_edge_alphas (scene, options, &frame);
  frame.sprites = ent_sprite_cache_serves (cr, options, &frame.background, &frame.target);
  if (!ent_scene_has_edge_labels (scene) && may_show_edge_labels (scene, options))
    ent_scene_measure_edge_labels (scene);

  if (options->visible != NULL)
    {
      /* Antialiasing reaches up to a device pixel past the bounds of what an item paints. */
      double dx = 1, dy = 0, pixel;

      grown = *options->visible;
      cairo_user_to_device_distance (cr, &dx, &dy);
      pixel = 1.0 / MAX (hypot (dx, dy), 1e-9);
      grown.x1 -= pixel;
      grown.y1 -= pixel;
      grown.x2 += pixel;
      grown.y2 += pixel;
      visible = &grown;
      ent_scene_query_rect (scene, visible, indices);
    }
  else
    {
      g_array_set_size (indices, ent_scene_get_n_items (scene));
      for (i = 0; i < indices->len; i++)
        g_array_index (indices, guint, i) = i;
    }

  /* Edges come first in paint order. */
  for (n_edges = 0; n_edges < indices->len; n_edges++)
    if (ent_scene_get_item (scene, g_array_index (indices, guint, n_edges))->type != ENT_SCENE_ITEM_EDGE)
      break;

  if (drawn != NULL)
    for (i = 0; i < indices->len; i++)
      {
        guint index = g_array_index (indices, guint, i);

        if (options->item_states == NULL || !(options->item_states[index] & ENT_ITEM_STATE_HIDDEN))
          g_array_append_val (drawn, index);
      }

  cairo_save (cr);

  if (simple && ent_raster_begin (&raster, cr))
    {
      _ent_renderer_raster_edges (scene, &raster, &frame, indices, n_edges);
      ent_raster_end (&raster);
    }
  else if (simple)
    _ent_renderer_stroke_simple_edges (scene, cr, &frame, indices, n_edges);
  else
    draw_edges (scene, cr, &frame, indices, n_edges);

  if (tiny && ent_raster_begin (&raster, cr))
    {
      _ent_renderer_raster_tiny_nodes (scene, cr, &raster, &frame, indices, n_edges);
      ent_raster_end (&raster);
    }
  else if (tiny)
    _ent_renderer_draw_tiny_nodes (scene, cr, &frame, indices, n_edges);

  for (i = n_edges; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

      if (state & ENT_ITEM_STATE_HIDDEN)
        continue;
      /* Tiny nodes were drawn above, all but those with a ring. */
      if (!tiny || (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED)))
        draw_node (cr, &frame, ent_scene_get_item (scene, index), state);
    }

  if (options->legend)
    draw_legend (scene, cr, options, visible, &frame.text, &frame.edge);

  cairo_restore (cr);
}
