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
