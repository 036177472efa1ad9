/* ent-renderer-private.h: what the files of the renderer and its sprite cache share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "ent-raster.h"
#include "ent-renderer.h"
#include "ent-sprite-cache.h"

G_BEGIN_DECLS

/* Inline, as they were static in one file: they run for every item Cairo draws. */

static inline void
_ent_renderer_set_color (cairo_t        *cr,
                         const EntColor *color,
                         double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

/* Paints a label's halo, then its text, with its top-left corner at the current point. */
static inline void
_ent_renderer_paint_label (cairo_t        *cr,
                           PangoLayout    *layout,
                           const EntColor *color,
                           double          alpha,
                           const EntColor *halo)
{
  double x, y;

  cairo_get_current_point (cr, &x, &y);
  pango_cairo_layout_path (cr, layout);
  _ent_renderer_set_color (cr, halo, 0.85);
  cairo_set_line_width (cr, ENT_STYLE_HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  _ent_renderer_set_color (cr, color, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Paints a node's shape with its outline, and its glyph when it is large enough to see. */
static inline void
_ent_renderer_paint_node_shape (cairo_t                *cr,
                                const EntRenderOptions *options,
                                const EntColor         *background,
                                const EntKindLook      *look,
                                double                  cx,
                                double                  cy,
                                double                  radius,
                                double                  alpha)
{
  ent_style_append_shape (cr, look->shape, cx, cy, radius);
  _ent_renderer_set_color (cr, ent_kind_look_color (look, options->dark), alpha);
  cairo_fill_preserve (cr);
  _ent_renderer_set_color (cr, background, 0.9 * alpha);
  cairo_set_line_width (cr, 1.0);
  /* Set each time: a label drawn before leaves round joins behind, and culling changes what came before. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);

  /* The glyph takes the page colour, which contrasts with every kind's colour in either style. */
  if (radius * options->scale >= ENT_RENDER_TINY_NODE_PIXELS)
    {
      ent_style_append_glyph (cr, look->glyph, cx, cy, radius);
      _ent_renderer_set_color (cr, background, alpha);
      cairo_fill (cr);
    }
}

/* How opaque the halo of the page colour is that a far-out node stands on, as its outline is nearer. */
#define HALO_ALPHA 0.9

/* How one frame draws: worked out once rather than for each item. */
typedef struct
{
  EntScene               *scene;
  const EntRenderOptions *options;
  EntColor                background;
  EntColor                text;
  EntColor                edge;
  gboolean                sprites;
  EntSpriteTarget         target;
  /* The colour and opacity of plain and of faded edges: fainter where many are in view, fainter still beside a
   * marked item. Translucent edges fade towards the page colour, not to a lower opacity: at eight bits a channel,
   * fainter than ENT_RENDER_MIN_EDGE_OPACITY their grey would turn blue. */
  EntColor                plain_edge;
  double                  edge_alpha;
  EntColor                faded_edge;
  double                  faded_alpha;
} Frame;

/* The passes edges are drawn in, each above the one before, at every level of detail. */
typedef enum
{
  EDGE_PASS_HIDDEN = -1,
  EDGE_PASS_FADED,
  EDGE_PASS_PLAIN,
  /* Selected and highlighted, in the accent colour above all the others. */
  EDGE_PASS_MARKED,
} EdgePass;

static inline EdgePass
_ent_renderer_edge_pass (guint8 state)
{
  if (state & ENT_ITEM_STATE_HIDDEN)
    return EDGE_PASS_HIDDEN;
  if (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
    return EDGE_PASS_MARKED;
  return (state & ENT_ITEM_STATE_FADED) ? EDGE_PASS_FADED : EDGE_PASS_PLAIN;
}

/* ent-renderer-far.c */
void _ent_renderer_raster_edges        (EntScene    *scene,
                                        EntRaster   *raster,
                                        const Frame *frame,
                                        GArray      *indices,
                                        guint        n_edges);
void _ent_renderer_stroke_simple_edges (EntScene    *scene,
                                        cairo_t     *cr,
                                        const Frame *frame,
                                        GArray      *indices,
                                        guint        n_edges);
void _ent_renderer_raster_tiny_nodes   (EntScene    *scene,
                                        cairo_t     *cr,
                                        EntRaster   *raster,
                                        const Frame *frame,
                                        GArray      *indices,
                                        guint        first);
void _ent_renderer_draw_tiny_nodes     (EntScene    *scene,
                                        cairo_t     *cr,
                                        const Frame *frame,
                                        GArray      *indices,
                                        guint        first);

G_END_DECLS
