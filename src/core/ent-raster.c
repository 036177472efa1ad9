/* ent-raster.c: lines, triangles and stamps drawn straight into an image's pixels
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-raster"

#include "config.h"

#include "ent-raster.h"

#include <math.h>

/*
 * Why this exists: Cairo's general rasteriser took most of a frame. Far
 * out a frame is thousands of one-pixel lines and dots, and at readable
 * zoom most edges are straight lines with a triangle at the end; each of
 * them through Cairo costs a path, its tessellation and a pass of the
 * rasteriser. These few shapes are simple enough to cover pixel by pixel,
 * with the coverage and the OVER blending Cairo and pixman give, so the
 * picture stays the same (tests/test-lod.c compares them pixel for pixel).
 * Cairo still draws curves, rings and every target that is not an image.
 */

gboolean
ent_raster_begin (EntRaster *self,
                  cairo_t   *cr)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_rectangle_list_t *clip;
  double offset_x, offset_y, scale_x, scale_y, x1, y1, x2, y2;
  cairo_format_t format;
  gboolean ok;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  cairo_surface_get_device_scale (target, &scale_x, &scale_y);
  if (offset_x != 0 || offset_y != 0 || scale_x != 1 || scale_y != 1)
    return FALSE;

  cairo_get_matrix (cr, &self->matrix);
  if (self->matrix.xy != 0 || self->matrix.yx != 0 || self->matrix.xx <= 0 || self->matrix.yy <= 0)
    return FALSE;

  clip = cairo_copy_clip_rectangle_list (cr);
  ok = clip->status == CAIRO_STATUS_SUCCESS && clip->num_rectangles <= 1;
  x1 = y1 = 0;
  x2 = cairo_image_surface_get_width (target);
  y2 = cairo_image_surface_get_height (target);
  if (ok && clip->num_rectangles == 1)
    {
      double cx1 = clip->rectangles[0].x, cy1 = clip->rectangles[0].y;
      double cx2 = cx1 + clip->rectangles[0].width, cy2 = cy1 + clip->rectangles[0].height;

      cairo_user_to_device (cr, &cx1, &cy1);
      cairo_user_to_device (cr, &cx2, &cy2);
      x1 = CLAMP (cx1, x1, x2);
      y1 = CLAMP (cy1, y1, y2);
      x2 = CLAMP (cx2, x1, x2);
      y2 = CLAMP (cy2, y1, y2);
      /* A clip that does not fall on whole pixels would need antialiasing at its edges. */
      ok = fabs (x1 - round (x1)) < 1e-6 && fabs (y1 - round (y1)) < 1e-6 &&
           fabs (x2 - round (x2)) < 1e-6 && fabs (y2 - round (y2)) < 1e-6;
    }
  cairo_rectangle_list_destroy (clip);
  if (!ok)
    return FALSE;

  self->surface = target;
  self->x1 = (int) round (x1);
  self->y1 = (int) round (y1);
  self->x2 = (int) round (x2);
  self->y2 = (int) round (y2);
  cairo_surface_flush (target);
  self->data = cairo_image_surface_get_data (target);
  self->stride = cairo_image_surface_get_stride (target);

  return self->data != NULL;
}

void
ent_raster_end (EntRaster *self)
{
  cairo_surface_mark_dirty_rectangle (self->surface, self->x1, self->y1,
                                      MAX (self->x2 - self->x1, 0), MAX (self->y2 - self->y1, 0));
}

/* Each channel of a premultiplied pixel times @a / 255, in eight-bit arithmetic as pixman does it. */
static inline guint32
scale_pixel (guint32 pixel,
             guint32 a)
{
  guint32 rb = (pixel & 0x00ff00ff) * a + 0x00800080;
  guint32 ag = ((pixel >> 8) & 0x00ff00ff) * a + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;

  return rb | ag;
}

/* A premultiplied colour over a pixel: what Cairo's OVER does. */
static inline guint32
blend_over (guint32 dst,
            guint32 src)
{
  return src + scale_pixel (dst, 255 - (src >> 24));
}

guint32
ent_raster_premultiply (const EntColor *color,
                        double          alpha)
{
  guint32 a = (guint32) round (alpha * 255);

  return a << 24 |
         (guint32) round (color->red * a) << 16 |
         (guint32) round (color->green * a) << 8 |
         (guint32) round (color->blue * a);
}

/* Copies a premultiplied image over the target with its pixel (@origin, @origin) at device pixel (x, y). */
void
ent_raster_stamp (EntRaster       *self,
                  cairo_surface_t *stamp,
                  int              origin,
                  int              x,
                  int              y)
{
  int width = cairo_image_surface_get_width (stamp);
  int height = cairo_image_surface_get_height (stamp);
  int stride = cairo_image_surface_get_stride (stamp);
  const guint8 *data = cairo_image_surface_get_data (stamp);
  int left = x - origin, top = y - origin;
  int from_x = MAX (self->x1 - left, 0), to_x = MIN (self->x2 - left, width);
  int from_y = MAX (self->y1 - top, 0), to_y = MIN (self->y2 - top, height);

  for (int j = from_y; j < to_y; j++)
    {
      const guint32 *source = (const guint32 *) (data + (gsize) j * stride);
      guint32 *row = (guint32 *) (self->data + (gsize) (top + j) * self->stride) + left;

      for (int i = from_x; i < to_x; i++)
        if (source[i] != 0)
          row[i] = blend_over (row[i], source[i]);
    }
}

/*
 * A straight line with butt ends, from (x0, y0) to (x1, y1) in device
 * space, drawn with @pen. Antialiased, a pixel's coverage is how far its
 * centre lies inside the stroke's outline, plus half a pixel, clamped to
 * [0, 1]: the box filter Cairo's rasteriser approximates. Without, a pixel
 * is lit when its centre is inside, as Cairo does.
 */
void
ent_raster_line (EntRaster          *self,
                 double              x0,
                 double              y0,
                 double              x1,
                 double              y1,
                 const EntRasterPen *pen)
{
  const double *dash = pen->dash;
  gboolean antialias = pen->antialias;
  guint32 color = pen->color;
  double length = hypot (x1 - x0, y1 - y0);
  double soft = antialias ? 0.5 : 0;
  double ux, uy, reach = pen->width / 2 + soft;
  int row_first, row_last;

  if (length < 1e-9)
    return;
  ux = (x1 - x0) / length;
  uy = (y1 - y0) / length;

  row_first = MAX ((int) floor (MIN (y0, y1) - reach), self->y1);
  row_last = MIN ((int) ceil (MAX (y0, y1) + reach), self->y2 - 1);

  for (int j = row_first; j <= row_last; j++)
    {
      double py = j + 0.5 - y0;
      double lo = -G_MAXDOUBLE, hi = G_MAXDOUBLE;
      guint32 *row = (guint32 *) (self->data + (gsize) j * self->stride);
      int first, last;

      /* Where in this row the centre is within reach of the line: |(px - x0) uy - py ux| ≤ reach ... */
      if (fabs (uy) > 1e-12)
        {
          double a = x0 + (py * ux - reach) / uy, b = x0 + (py * ux + reach) / uy;
          lo = MIN (a, b);
          hi = MAX (a, b);
        }
      else if (fabs (py * ux) > reach)
        continue;
      /* ... and between the ends, half a pixel beyond each when antialiased: -soft ≤ (px - x0) ux + py uy ≤ length + soft. */
      if (fabs (ux) > 1e-12)
        {
          double a = x0 + (-soft - py * uy) / ux, b = x0 + (length + soft - py * uy) / ux;
          lo = MAX (lo, MIN (a, b));
          hi = MIN (hi, MAX (a, b));
        }
      else if (py * uy < -soft || py * uy > length + soft)
        continue;

      first = MAX ((int) ceil (lo - 0.5), self->x1);
      last = MIN ((int) floor (hi - 0.5), self->x2 - 1);

      for (int i = first; i <= last; i++)
        {
          double px = i + 0.5 - x0;
          double across = fabs (px * uy - py * ux);
          double along = px * ux + py * uy;
          double coverage;

          if (!antialias)
            {
              if (across < reach && along >= 0 && along < length)
                row[i] = blend_over (row[i], color);
              continue;
            }

          coverage = CLAMP (reach - across, 0, 1) * CLAMP (along + 0.5, 0, 1) * CLAMP (length - along + 0.5, 0, 1);

          if (dash != NULL && coverage > 0)
            {
              double period = dash[0] + dash[1];
              double at = fmod (MAX (along, 0), period);

              coverage *= MAX (CLAMP (MIN (at + 0.5, dash[0] + 0.5 - at), 0, 1),
                               CLAMP (at - period + 0.5, 0, 1));
            }

          if (coverage > 0)
            row[i] = blend_over (row[i], scale_pixel (color, (guint32) (coverage * 255 + 0.5)));
        }
    }
}

/* An antialiased triangle, for arrowheads: coverage from the centre's distance inside the nearest side. */
void
ent_raster_triangle (EntRaster    *self,
                     const double *x,
                     const double *y,
                     guint32       color)
{
  double nx[3], ny[3], c[3];
  double area = (x[1] - x[0]) * (y[2] - y[0]) - (y[1] - y[0]) * (x[2] - x[0]);
  int first_x, last_x, first_y, last_y;

  if (fabs (area) < 1e-12)
    return;

  /* Each side as a line n · p = c with the unit normal n pointing inside. */
  for (int k = 0; k < 3; k++)
    {
      int l = (k + 1) % 3;
      double length = hypot (x[l] - x[k], y[l] - y[k]);
      double sign = area > 0 ? 1 : -1;

      nx[k] = -(y[l] - y[k]) / length * sign;
      ny[k] = (x[l] - x[k]) / length * sign;
      c[k] = nx[k] * x[k] + ny[k] * y[k];
    }

  first_x = MAX ((int) floor (MIN (x[0], MIN (x[1], x[2])) - 1), self->x1);
  last_x = MIN ((int) ceil (MAX (x[0], MAX (x[1], x[2])) + 1), self->x2 - 1);
  first_y = MAX ((int) floor (MIN (y[0], MIN (y[1], y[2])) - 1), self->y1);
  last_y = MIN ((int) ceil (MAX (y[0], MAX (y[1], y[2])) + 1), self->y2 - 1);

  for (int j = first_y; j <= last_y; j++)
    {
      guint32 *row = (guint32 *) (self->data + (gsize) j * self->stride);

      for (int i = first_x; i <= last_x; i++)
        {
          double inside = G_MAXDOUBLE;

          for (int k = 0; k < 3; k++)
            inside = MIN (inside, nx[k] * (i + 0.5) + ny[k] * (j + 0.5) - c[k]);
          if (inside > -0.5)
            row[i] = blend_over (row[i], scale_pixel (color, (guint32) (MIN (inside + 0.5, 1) * 255 + 0.5)));
        }
    }
}
