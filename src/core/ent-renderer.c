/* ent-renderer.c: draws a scene with Cairo
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-renderer"

#include "config.h"

#include "ent-renderer.h"

#include <math.h>
#include <pango/pangocairo.h>

#define ARROW_LENGTH 8.0
#define ARROW_HALF   3.5

static void
set_color (cairo_t        *cr,
           const EntColor *color,
           double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

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

gboolean
ent_renderer_draws_labels (const EntRenderOptions *options)
{
  return ENT_STYLE_FONT_SIZE * options->scale >= ENT_RENDER_MIN_LABEL_PIXELS;
}

/* Appends the arrowhead at the end of a directed edge, pointing along the curve's last tangent. */
void
ent_renderer_append_arrow (cairo_t            *cr,
                           const EntSceneItem *edge)
{
  double tx = edge->p[6] - edge->p[4];
  double ty = edge->p[7] - edge->p[5];
  double length = hypot (tx, ty);
  double size = ARROW_LENGTH + edge->line_width;
  double half = ARROW_HALF + edge->line_width / 2;
  double ux, uy;

  if (length < 1e-9)
    {
      tx = edge->p[6] - edge->p[0];
      ty = edge->p[7] - edge->p[1];
      length = hypot (tx, ty);
      if (length < 1e-9)
        return;
    }

  ux = tx / length;
  uy = ty / length;

  cairo_move_to (cr, edge->p[6], edge->p[7]);
  cairo_line_to (cr, edge->p[6] - ux * size - uy * half, edge->p[7] - uy * size + ux * half);
  cairo_line_to (cr, edge->p[6] - ux * size + uy * half, edge->p[7] - uy * size - ux * half);
  cairo_close_path (cr);
}

/* Draws a label over a halo of the page colour, so edges passing beneath it do not cross the letters. */
static void
draw_label (cairo_t        *cr,
            PangoLayout    *layout,
            double          x,
            double          y,
            const EntColor *color,
            double          alpha,
            const EntColor *halo)
{
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  set_color (cr, halo, 0.85);
  cairo_set_line_width (cr, ENT_RENDER_HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  set_color (cr, color, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_edge (cairo_t                *cr,
           const EntSceneItem     *item,
           const EntRenderOptions *options,
           const EntColor         *edge_color,
           const EntColor         *text_color,
           const EntColor         *background,
           guint8                  state,
           gboolean                simple)
{
  double alpha = (state & ENT_ITEM_STATE_FADED) ? 0.2 : 1.0;
  const EntColor *stroke = edge_color;
  double width = item->line_width;

  if (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
    {
      stroke = &options->accent;
      width += (state & ENT_ITEM_STATE_SELECTED) ? 1.5 : 0.75;
    }

  if (simple)
    {
      /* Far out an edge is a hairline between its ends: cheap, and curves are not visible anyway. */
      cairo_move_to (cr, item->p[0], item->p[1]);
      cairo_line_to (cr, item->p[6], item->p[7]);
      return;
    }

  cairo_save (cr);
  set_color (cr, stroke, alpha);
  cairo_set_line_width (cr, width);
  if (item->dashed)
    {
      static const double dashes[] = { 4.0, 3.0 };
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_move_to (cr, item->p[0], item->p[1]);
  cairo_curve_to (cr, item->p[2], item->p[3], item->p[4], item->p[5], item->p[6], item->p[7]);
  cairo_stroke (cr);

  if (item->directed)
    {
      ent_renderer_append_arrow (cr, item);
      cairo_fill (cr);
    }

  if (item->layout != NULL &&
      (options->edge_labels || options->scale >= ENT_RENDER_EDGE_LABEL_SCALE ||
       (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))) &&
      ent_renderer_draws_labels (options))
    {
      cairo_set_dash (cr, NULL, 0, 0);
      draw_label (cr, item->layout, item->label_x, item->label_y, text_color, 0.85 * alpha, background);
    }
  cairo_restore (cr);
}

static void
draw_node (cairo_t                *cr,
           const EntSceneItem     *item,
           const EntRenderOptions *options,
           const EntColor         *text_color,
           const EntColor         *background,
           guint8                  state)
{
  double alpha = (state & ENT_ITEM_STATE_FADED) ? 0.25 : 1.0;
  EntColor color;

  ent_style_kind_color (item->kind, options->dark, &color);

  if (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
    {
      /* A ring around the shape: accent coloured for the selection, thinner for hover. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, item->cx, item->cy, item->radius * 1.25 + 3, 0, 2 * G_PI);
      set_color (cr, &options->accent, (state & ENT_ITEM_STATE_SELECTED) ? 1.0 : 0.6);
      cairo_set_line_width (cr, (state & ENT_ITEM_STATE_SELECTED) ? 3.0 : 2.0);
      cairo_stroke (cr);
    }

  ent_style_append_shape (cr, item->kind, item->cx, item->cy, item->radius);
  set_color (cr, &color, alpha);
  cairo_fill_preserve (cr);
  set_color (cr, background, 0.9 * alpha);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  /* The glyph takes the page colour, which contrasts with every kind's colour in either style. */
  if (item->radius * options->scale >= 6)
    {
      ent_style_append_glyph (cr, item->kind, item->cx, item->cy, item->radius);
      set_color (cr, background, alpha);
      cairo_fill (cr);
    }

  if (item->layout != NULL && ent_renderer_draws_labels (options))
    draw_label (cr, item->layout, item->label_x, item->label_y, text_color, alpha, background);
}

static void
draw_legend (EntScene               *scene,
             cairo_t                *cr,
             const EntRenderOptions *options,
             const EntColor         *text_color,
             const EntColor         *background)
{
  const EntSceneLegendEntry *entries;
  guint n_entries;
  EntRect bounds;

  ent_scene_get_legend (scene, &entries, &n_entries, &bounds);
  if (n_entries == 0 || (options->visible != NULL && !ent_rect_intersects (&bounds, options->visible)))
    return;

  for (guint i = 0; i < n_entries; i++)
    {
      EntColor color;

      ent_style_kind_color (entries[i].kind, options->dark, &color);
      ent_style_append_shape (cr, entries[i].kind, entries[i].cx, entries[i].cy, 6.5);
      set_color (cr, &color, 1.0);
      cairo_fill (cr);

      if (ent_renderer_draws_labels (options))
        {
          set_color (cr, text_color, 1.0);
          cairo_move_to (cr, entries[i].label_x, entries[i].label_y);
          pango_cairo_show_layout (cr, entries[i].layout);
        }
    }
}

/**
 * ent_renderer_draw:
 * @scene: the scene
 * @cr: a context whose transformation maps graph points to the device
 * @options: what to draw and how
 * @drawn: (nullable) (element-type guint): if given, receives the index of
 *   every item drawn, in the order drawn
 *
 * Draws the items of @scene that meet the visible rectangle, found through
 * the scene's spatial index, with labels only where they can be read and
 * plain lines for edges when zoomed far out.
 */
void
ent_renderer_draw (EntScene               *scene,
                   cairo_t                *cr,
                   const EntRenderOptions *options,
                   GArray                 *drawn)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  EntColor background, text_color, edge_color;
  gboolean simple = options->scale < ENT_RENDER_SIMPLE_EDGE_SCALE;
  guint i;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  ent_renderer_get_colors (options->dark, &background, &text_color, &edge_color);

  if (options->visible != NULL)
    ent_scene_query_rect (scene, options->visible, indices);
  else
    {
      g_array_set_size (indices, ent_scene_get_n_items (scene));
      for (i = 0; i < indices->len; i++)
        g_array_index (indices, guint, i) = i;
    }

  cairo_save (cr);

  if (simple)
    {
      /* All simple edges go into one path, stroked once, without antialiasing. */
      cairo_save (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_line_width (cr, 1.0 / MAX (options->scale, 1e-6));
      set_color (cr, &edge_color, 0.8);
    }

  for (i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const EntSceneItem *item = ent_scene_get_item (scene, index);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (state & ENT_ITEM_STATE_HIDDEN)
        continue;

      draw_edge (cr, item, options, &edge_color, &text_color, &background, state, simple);
      if (drawn != NULL)
        g_array_append_val (drawn, index);
    }

  if (simple)
    {
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  for (; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

      if (state & ENT_ITEM_STATE_HIDDEN)
        continue;

      draw_node (cr, ent_scene_get_item (scene, index), options, &text_color, &background, state);
      if (drawn != NULL)
        g_array_append_val (drawn, index);
    }

  if (options->legend)
    draw_legend (scene, cr, options, &text_color, &background);

  cairo_restore (cr);
}
