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
/* The caption under an exported diagram. */
#define ENT_STYLE_CAPTION_SIZE 12.0
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

/* The outlines of nodes, in the order of the built-in kinds that use them. */
typedef enum
{
  ENT_SHAPE_CIRCLE,
  ENT_SHAPE_ROUNDED_RECTANGLE,
  ENT_SHAPE_PIN,
  ENT_SHAPE_HEXAGON,
  ENT_SHAPE_RECTANGLE,
  ENT_SHAPE_ELLIPSE,
  ENT_SHAPE_DIAMOND,
  ENT_SHAPE_CARD,
  ENT_N_SHAPES
} EntShape;

/* The pictograms inside nodes, in the order of the built-in kinds that use them. */
typedef enum
{
  ENT_GLYPH_PERSON,
  ENT_GLYPH_FLAG,
  ENT_GLYPH_DOT,
  ENT_GLYPH_TABLE,
  ENT_GLYPH_BUILDING,
  ENT_GLYPH_GROUP,
  ENT_GLYPH_BAR_CHART,
  ENT_GLYPH_CALENDAR,
  ENT_N_GLYPHS
} EntGlyph;

/* How the nodes of one kind are drawn, read once from its EntKindInfo. */
typedef struct
{
  EntShape shape;
  EntGlyph glyph;
  EntColor light;
  EntColor dark;
} EntKindLook;

/* The colour of a kind's shapes in the light or the dark style. */
static inline const EntColor *
ent_kind_look_color (const EntKindLook *look,
                     gboolean           dark)
{
  return dark ? &look->dark : &look->light;
}

void        ent_style_kind_color      (EntKind            kind,
                                       gboolean           dark,
                                       EntColor          *color);
void        ent_style_builtin_look    (EntKind            kind,
                                       EntKindLook       *look);
void        ent_style_look_from_info  (const EntKindInfo *info,
                                       EntKindLook       *look);
char       *ent_style_dark_color_for  (const char        *color);
const char *ent_style_kind_label      (const EntKindInfo *info);
const char *ent_style_entity_kind_label (EntGraph        *graph,
                                         const EntEntity *entity);
void        ent_style_entity_look     (EntGraph          *graph,
                                       const EntEntity   *entity,
                                       EntKindLook       *look);
const char *ent_style_shape_name      (EntShape           shape);
EntShape    ent_style_shape_from_name (const char        *name);
const char *ent_style_glyph_name      (EntGlyph           glyph);
EntGlyph    ent_style_glyph_from_name (const char        *name);
double      ent_style_shape_half_width (EntShape          shape);
void        ent_style_append_shape    (cairo_t           *cr,
                                       EntShape           shape,
                                       double             cx,
                                       double             cy,
                                       double             radius);
void        ent_style_append_glyph    (cairo_t           *cr,
                                       EntGlyph           glyph,
                                       double             cx,
                                       double             cy,
                                       double             radius);

G_END_DECLS
