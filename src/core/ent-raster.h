/* ent-raster.h: lines, triangles and stamps drawn straight into an image's pixels
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ent-style.h"

G_BEGIN_DECLS

/*
 * Direct drawing into the pixels of an image surface, for the far-out level
 * of detail: thousands of one-pixel lines and dots in a frame, where going
 * through Cairo's general rasteriser for each would cost tens of
 * milliseconds. Only for plain scale-and-shift transformations and a clip
 * that is one rectangle; otherwise Cairo draws.
 */
typedef struct
{
  cairo_surface_t *surface;
  guint8          *data;
  int              stride;
  cairo_matrix_t   matrix;
  /* The clip, in device pixels: x1 ≤ x < x2, y1 ≤ y < y2. */
  int              x1;
  int              y1;
  int              x2;
  int              y2;
} EntRaster;

/* How a line is drawn: its width and dashes (lengths on and off, starting on; NULL for none) in pixels. */
typedef struct
{
  double        width;
  const double *dash;
  gboolean      antialias;
  guint32       color;       /* premultiplied */
} EntRasterPen;

gboolean ent_raster_begin        (EntRaster       *self,
                                  cairo_t         *cr);
void     ent_raster_end          (EntRaster       *self);
guint32  ent_raster_premultiply  (const EntColor  *color,
                                  double           alpha);
void     ent_raster_stamp        (EntRaster       *self,
                                  cairo_surface_t *stamp,
                                  int              origin,
                                  int              x,
                                  int              y);
void     ent_raster_line         (EntRaster          *self,
                                  double              x0,
                                  double              y0,
                                  double              x1,
                                  double              y1,
                                  const EntRasterPen *pen);
void     ent_raster_triangle     (EntRaster       *self,
                                  const double    *x,
                                  const double    *y,
                                  guint32          color);

G_END_DECLS
