/* ent-renderer.h: draws a scene with Cairo
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ent-scene.h"
#include "ent-style.h"

G_BEGIN_DECLS

/* How an item is drawn, as the view's selection, hover, filter and focus decide. */
typedef enum
{
  ENT_ITEM_STATE_NORMAL      = 0,
  ENT_ITEM_STATE_HIDDEN      = 1 << 0,
  ENT_ITEM_STATE_FADED       = 1 << 1,
  ENT_ITEM_STATE_HIGHLIGHTED = 1 << 2,
  ENT_ITEM_STATE_SELECTED    = 1 << 3,
} EntItemState;

typedef struct
{
  /* Device pixels per graph point, for the level of detail. */
  double         scale;
  gboolean       dark;
  gboolean       legend;
  /* How far the legend is moved from where the scene puts it, below the whole network. */
  double         legend_dx;
  double         legend_dy;
  /* Edge labels at every zoom, not only when they are large enough to read. */
  gboolean       edge_labels;
  /* The part of the graph to draw, in graph coordinates; NULL for all. */
  const EntRect *visible;
  /* One EntItemState per scene item, or NULL when all are drawn normally. */
  const guint8  *item_states;
  /* The colour of selection rings: the desktop's accent colour. */
  EntColor       accent;
  /* How opaque plain edges are, from ent_renderer_edge_opacity (); 0 stands for 1, fully opaque. */
  double         edge_opacity;
} EntRenderOptions;

/* Below this many pixels a label is not drawn, as nobody could read it. */
#define ENT_RENDER_MIN_LABEL_PIXELS 5.0
/* From this zoom on, edges show their labels. */
#define ENT_RENDER_EDGE_LABEL_SCALE 1.5
/* The two strokes across the middle of a relation a quote disputes: how far apart, how long, how wide. */
#define ENT_RENDER_DISPUTE_GAP 3.0
#define ENT_RENDER_DISPUTE_HALF_LENGTH 4.5
#define ENT_RENDER_DISPUTE_WIDTH 1.6
/* Below this scale edges are drawn as plain lines without arrowheads. */
#define ENT_RENDER_SIMPLE_EDGE_SCALE 0.3
/* Nodes whose radius is fewer pixels than this are filled without outline or glyph, a path per kind:
 * below it a glyph is not drawn anyway, and the outline is under a third of a pixel. */
#define ENT_RENDER_TINY_NODE_PIXELS 6.0
/* The share of a view that the edges in it may cover, spread evenly, before they are drawn translucent. */
#define ENT_RENDER_EDGE_COVERAGE 0.5
/* The faintest edges: at eight bits a channel, fainter ones would lose their colour. */
#define ENT_RENDER_MIN_EDGE_OPACITY 0.05
/* Where edges are translucent and an item is hovered, how strong the edges it does not touch stay. */
#define ENT_RENDER_MARKED_FADE 0.4

void     ent_renderer_get_colors   (gboolean                 dark,
                                    EntColor                *background,
                                    EntColor                *foreground,
                                    EntColor                *edge);
gboolean ent_renderer_draws_labels (const EntRenderOptions  *options);
void     ent_renderer_draw         (EntScene                *scene,
                                    cairo_t                 *cr,
                                    const EntRenderOptions  *options,
                                    GArray                  *drawn);
void     ent_renderer_get_disputed_color (gboolean            dark,
                                          EntColor           *color);
void     ent_renderer_append_dispute_marks (cairo_t          *cr,
                                            const EntSceneItem *edge);
void     ent_renderer_draw_legend  (EntScene                *scene,
                                    cairo_t                 *cr,
                                    const EntRenderOptions  *options);
void     ent_renderer_append_arrow (cairo_t                 *cr,
                                    const EntSceneItem      *edge);
double   ent_renderer_edge_opacity (EntScene                *scene,
                                    const EntRect           *visible,
                                    double                   scale,
                                    const guint8            *item_states);

G_END_DECLS
