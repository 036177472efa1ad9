/* ent-frame.c: the image of a viewport, kept between frames
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-frame"

#include "config.h"

#include "ent-frame.h"

#include <math.h>

/*
 * What the view shows, as an image in device pixels. Drawing into an image
 * of our own, rather than into GTK's recording, lets the renderer draw
 * edges and far-out nodes straight into the pixels; keeping the image lets
 * a frame where nothing changed cost nothing, and a pan by whole pixels
 * move the old image and draw only the strips it uncovers. Drawing is
 * exact at pixel level, so the strips meet the moved image seamlessly.
 */
struct _EntFrame
{
  cairo_surface_t *surface;
  /* The previous image, kept to draw the next one from when panning. */
  cairo_surface_t *spare;
  gboolean         valid;
  double           zoom;
  double           offset_x;
  double           offset_y;
  /* The edges' opacity for the whole viewport, worked out when it is drawn whole and kept while it pans. */
  double           edge_opacity;
};

EntFrame *
ent_frame_new (void)
{
  return g_new0 (EntFrame, 1);
}

void
ent_frame_free (EntFrame *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->spare, cairo_surface_destroy);
  g_free (self);
}

/**
 * ent_frame_invalidate:
 * @self: a frame
 *
 * Says that what the frame shows changed: the scene, the item states, the
 * colours. The next ent_frame_draw() draws everything.
 */
void
ent_frame_invalidate (EntFrame *self)
{
  g_return_if_fail (self != NULL);

  self->valid = FALSE;
}

/**
 * ent_frame_paint_scaled:
 * @self: a frame
 * @cr: where to paint, in device pixels
 * @zoom: device pixels per graph point wanted
 * @offset_x: where graph point (0, 0) is wanted, in device pixels
 * @offset_y: where graph point (0, 0) is wanted, in device pixels
 *
 * Paints the kept image stretched to another zoom instead of drawing the
 * scene anew: for the frames of a zoom gesture, which a whole frame
 * replaces once it stops. Nothing is painted where the image has nothing.
 *
 * Returns: %FALSE when the frame has no valid image, and nothing was painted
 */
gboolean
ent_frame_paint_scaled (EntFrame *self,
                        cairo_t  *cr,
                        double    zoom,
                        double    offset_x,
                        double    offset_y)
{
  double ratio;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (!self->valid || self->surface == NULL || self->zoom <= 0)
    return FALSE;

  /* A point at x × zoom₀ + offset₀ in the image belongs at x × zoom + offset. */
  ratio = zoom / self->zoom;
  cairo_save (cr);
  cairo_translate (cr, offset_x - self->offset_x * ratio, offset_y - self->offset_y * ratio);
  cairo_scale (cr, ratio, ratio);
  cairo_set_source_surface (cr, self->surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_restore (cr);

  return TRUE;
}

cairo_surface_t *
ent_frame_get_surface (EntFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->surface;
}

/* Clears the device rectangle and draws the part of the scene that shows there. */
static void
draw_region (EntFrame               *self,
             EntScene               *scene,
             const EntRenderOptions *options,
             int                     x,
             int                     y,
             int                     width,
             int                     height)
{
  EntRenderOptions region = *options;
  EntRect visible;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  visible = (EntRect) { (x - self->offset_x) / self->zoom, (y - self->offset_y) / self->zoom,
                        (x + width - self->offset_x) / self->zoom, (y + height - self->offset_y) / self->zoom };
  region.visible = &visible;
  region.scale = self->zoom;
  region.edge_opacity = self->edge_opacity;

  cr = cairo_create (self->surface);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  cairo_translate (cr, self->offset_x, self->offset_y);
  cairo_scale (cr, self->zoom, self->zoom);
  ent_renderer_draw (scene, cr, &region, NULL);
  cairo_destroy (cr);
}

static gboolean
is_whole (double value)
{
  return fabs (value - round (value)) < 1e-9;
}

/**
 * ent_frame_draw:
 * @self: a frame
 * @scene: what to draw
 * @options: how; its scale and visible rectangle are set here, and its edge
 *   opacity when it is 0: worked out for the viewport when it is drawn whole,
 *   and kept while it pans
 * @width: the image's width in device pixels
 * @height: its height
 * @zoom: device pixels per graph point
 * @offset_x: where graph point (0, 0) shows, in device pixels
 * @offset_y: where graph point (0, 0) shows, in device pixels
 *
 * Brings the frame's image up to date: graph point (x, y) shows at device
 * pixel (x × @zoom + @offset_x, y × @zoom + @offset_y), over a transparent
 * background.
 *
 * Returns: whether the image changed
 */
gboolean
ent_frame_draw (EntFrame               *self,
                EntScene               *scene,
                const EntRenderOptions *options,
                int                     width,
                int                     height,
                double                  zoom,
                double                  offset_x,
                double                  offset_y)
{
  double dx = offset_x - self->offset_x, dy = offset_y - self->offset_y;
  cairo_t *cr;
  int sx, sy;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  width = MAX (width, 1);
  height = MAX (height, 1);

  if (self->surface == NULL ||
      cairo_image_surface_get_width (self->surface) != width ||
      cairo_image_surface_get_height (self->surface) != height)
    {
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      g_clear_pointer (&self->spare, cairo_surface_destroy);
      self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      self->valid = FALSE;
    }

  if (self->valid && zoom == self->zoom && dx == 0 && dy == 0)
    return FALSE;

  if (!self->valid || zoom != self->zoom || !is_whole (dx) || !is_whole (dy) ||
      fabs (dx) >= width || fabs (dy) >= height)
    {
      EntRect visible = { -offset_x / zoom, -offset_y / zoom, (width - offset_x) / zoom, (height - offset_y) / zoom };

      self->zoom = zoom;
      self->offset_x = offset_x;
      self->offset_y = offset_y;
      self->edge_opacity = options->edge_opacity > 0
                           ? options->edge_opacity
                           : ent_renderer_edge_opacity (scene, &visible, zoom, options->item_states);
      draw_region (self, scene, options, 0, 0, width, height);
      self->valid = TRUE;
      return TRUE;
    }

  /* A pan by whole pixels: the old image moves, and only what it uncovers is drawn. */
  sx = (int) round (dx);
  sy = (int) round (dy);
  if (self->spare == NULL)
    self->spare = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (self->spare);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, self->surface, sx, sy);
  cairo_paint (cr);
  cairo_destroy (cr);
  {
    cairo_surface_t *old = self->surface;

    self->surface = self->spare;
    self->spare = old;
  }

  self->offset_x = offset_x;
  self->offset_y = offset_y;
  /* The columns uncovered on the left or right, then the rows above or below between them. */
  if (sx > 0)
    draw_region (self, scene, options, 0, 0, sx, height);
  else if (sx < 0)
    draw_region (self, scene, options, width + sx, 0, -sx, height);
  if (sy > 0)
    draw_region (self, scene, options, MAX (sx, 0), 0, width - ABS (sx), sy);
  else if (sy < 0)
    draw_region (self, scene, options, MAX (sx, 0), height + sy, width - ABS (sx), -sy);

  return TRUE;
}
