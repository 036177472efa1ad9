/* ent-style.h: how each kind of entity looks
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ent-graph.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} EntColor;

/* The font of labels; families that cover Latin, Cyrillic and Devanagari. */
#define ENT_STYLE_FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, sans-serif"
#define ENT_STYLE_FONT_SIZE   10.0
/* Diameter of a node's shape, in points. */
#define ENT_STYLE_NODE_SIZE   34.0
/* Widest a node label may wrap to, in points. */
#define ENT_STYLE_LABEL_WIDTH 140.0
/* How much one zoom step (a key, a button, a wheel notch) scales the view. */
#define ENT_STYLE_ZOOM_STEP   1.25
/* An arrowhead's length along the edge and half its width, in points; both grow with the line. */
#define ENT_STYLE_ARROW_LENGTH 8.0
#define ENT_STYLE_ARROW_HALF   3.5
/* The outline of page colour around labels, in points: half of it reaches beyond the ink. */
#define ENT_STYLE_HALO_WIDTH  3.0
/* How far a node's shape reaches from its centre at most, in radii: 1.2, and room to spare. */
#define ENT_STYLE_SHAPE_REACH 1.25
/* The ring around a selected or hovered node: its radius, and its stroke when selected or hovered. */
#define ENT_STYLE_RING_RADIUS(radius) ((radius) * 1.25 + 3.0)
#define ENT_STYLE_RING_WIDTH       3.0
#define ENT_STYLE_RING_HOVER_WIDTH 2.0
/* How far the widest ring paints from a node's centre, which the node's bounds must hold. */
#define ENT_STYLE_RING_REACH(radius) (ENT_STYLE_RING_RADIUS (radius) + ENT_STYLE_RING_WIDTH / 2)

void ent_style_kind_color      (EntKind   kind,
                                gboolean  dark,
                                EntColor *color);
void ent_style_append_shape    (cairo_t  *cr,
                                EntKind   kind,
                                double    cx,
                                double    cy,
                                double    radius);
void ent_style_append_glyph    (cairo_t  *cr,
                                EntKind   kind,
                                double    cx,
                                double    cy,
                                double    radius);

G_END_DECLS
