/* ent-export.c: writes diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-export"

#include "config.h"

#include "ent-export.h"
#include "ent-export-pdf.h"
#include "ent-export-png.h"
#include "ent-export-private.h"
#include "ent-svg-writer.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

G_DEFINE_QUARK (ent-export-error-quark, ent_export_error)

gboolean
ent_export_format_for_path (const char       *path,
                            EntExportFormat  *format,
                            GError          **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg"))
    *format = ENT_EXPORT_FORMAT_SVG;
  else if (g_str_has_suffix (lower, ".png"))
    *format = ENT_EXPORT_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = ENT_EXPORT_FORMAT_PDF;
  else
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Cannot tell the format of “%s”: name it .svg, .png or .pdf"), path);
      return FALSE;
    }

  return TRUE;
}

/* The caption's text: "Title — 3 December 2026", or the date alone without a title; the filters on a second line. */
char *
_ent_export_caption_text (const EntExportOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the date in an exported diagram's caption, in g_date_time_format()'s notation */
  g_autofree char *date = g_date_time_format (options->date != NULL ? options->date : now, _("%-d %B %Y"));

  g_autofree char *first = NULL;

  if (options->title == NULL || options->title[0] == '\0')
    first = g_steal_pointer (&date);
  else
    /* Translators: an exported diagram's caption: the network's title, then the date of the export */
    first = g_strdup_printf (_("%s — %s"), options->title, date);

  if (options->filters == NULL || options->filters[0] == '\0')
    return g_steal_pointer (&first);
  return g_strdup_printf ("%s\n%s", first, options->filters);
}

static gboolean
is_shown (const EntExportOptions *options,
          guint                   index)
{
  return options->item_states == NULL || !(options->item_states[index] & ENT_ITEM_STATE_HIDDEN);
}

/* The bounds of what the export shows, legend and caption aside. */
static void
content_bounds (EntScene               *scene,
                const EntExportOptions *options,
                EntRect                *bounds)
{
  gboolean any = FALSE;

  if (options->area != NULL)
    {
      *bounds = *options->area;
      return;
    }

  ent_scene_get_bounds (scene, FALSE, bounds);
  if (options->item_states == NULL)
    return;

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    if (is_shown (options, i))
      {
        const EntSceneItem *item = ent_scene_get_item (scene, i);

        if (!any)
          *bounds = item->bounds;
        else
          ent_rect_union (bounds, &item->bounds);
        any = TRUE;
      }

  /* Nothing shown: a page the size of the margins, at the diagram's corner. */
  if (!any)
    bounds->x2 = bounds->x1, bounds->y2 = bounds->y1;
}

/**
 * _ent_export_picture_init:
 * @picture: (out caller-allocates): what the export draws
 * @scene: what to export
 * @options: its area, the items it leaves out, legend and caption
 *
 * Works out the part of the graph an export covers: the chosen area, or all
 * it shows with a margin; below that the legend, moved from under the whole
 * network, and the caption. Clear it with _ent_export_picture_clear().
 */
void
_ent_export_picture_init (EntExportPicture       *picture,
                          EntScene               *scene,
                          const EntExportOptions *options)
{
  EntRect content, scene_bounds, legend_bounds, area;
  const EntSceneLegendEntry *entries;
  guint n_entries = 0;
  double bottom;

  memset (picture, 0, sizeof *picture);
  /* An export may show edge labels, and its page must hold them. */
  ent_scene_measure_edge_labels (scene);

  content_bounds (scene, options, &content);
  area = content;
  if (options->area == NULL)
    {
      area.x1 -= ENT_EXPORT_MARGIN;
      area.y1 -= ENT_EXPORT_MARGIN;
      area.x2 += ENT_EXPORT_MARGIN;
      area.y2 += ENT_EXPORT_MARGIN;
    }
  bottom = content.y2;

  ent_scene_get_bounds (scene, FALSE, &scene_bounds);
  ent_scene_get_legend (scene, &entries, &n_entries, &legend_bounds);
  if (options->legend && n_entries > 0)
    {
      /* The scene puts its legend under the whole network, flush with its left side: unless the area chosen
       * holds it, the export puts it so under what it shows. */
      gboolean inside = legend_bounds.x1 >= content.x1 && legend_bounds.x2 <= content.x2 &&
                        legend_bounds.y1 >= content.y1 && legend_bounds.y2 <= content.y2;

      picture->legend_dx = inside ? 0.0 : content.x1 - scene_bounds.x1;
      picture->legend_dy = inside ? 0.0 : content.y2 - scene_bounds.y2;
      legend_bounds.x1 += picture->legend_dx;
      legend_bounds.x2 += picture->legend_dx;
      legend_bounds.y1 += picture->legend_dy;
      legend_bounds.y2 += picture->legend_dy;
      bottom = legend_bounds.y2;
      if (!inside)
        ent_rect_union (&area, &(EntRect) { legend_bounds.x1 - ENT_EXPORT_MARGIN, legend_bounds.y1,
                                            legend_bounds.x2 + ENT_EXPORT_MARGIN,
                                            legend_bounds.y2 + ENT_EXPORT_MARGIN });
    }

  if (options->caption || options->filters != NULL)
    {
      PangoFontMap *font_map = pango_cairo_font_map_get_default ();
      PangoContext *context = pango_font_map_create_context (font_map);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (ENT_STYLE_FONT_FAMILY);
      g_autofree char *text = _ent_export_caption_text (options);
      PangoRectangle logical;

      pango_font_description_set_absolute_size (font, ENT_STYLE_CAPTION_SIZE * PANGO_SCALE);
      picture->caption = pango_layout_new (context);
      g_object_unref (context);
      pango_layout_set_font_description (picture->caption, font);
      pango_layout_set_text (picture->caption, text, -1);
      pango_layout_get_pixel_extents (picture->caption, NULL, &logical);
      picture->caption_x = content.x1;
      picture->caption_y = bottom + ENT_EXPORT_MARGIN;
      ent_rect_union (&area, &(EntRect) { picture->caption_x - ENT_EXPORT_MARGIN, picture->caption_y,
                                          picture->caption_x + logical.width + ENT_EXPORT_MARGIN,
                                          picture->caption_y + logical.height + ENT_EXPORT_MARGIN });
    }

  if (options->area != NULL)
    {
      guint n_items = ent_scene_get_n_items (scene);

      picture->content = content;
      picture->states = g_new0 (guint8, MAX (n_items, 1));
      for (guint i = 0; i < n_items; i++)
        {
          const EntRect *bounds = &ent_scene_get_item (scene, i)->bounds;

          if (!is_shown (options, i) || !ent_rect_intersects (bounds, &content))
            picture->states[i] = ENT_ITEM_STATE_HIDDEN;
          /* Clipped only where something shown crosses the area's edge. */
          else if (bounds->x1 < content.x1 || bounds->y1 < content.y1 || bounds->x2 > content.x2 ||
                   bounds->y2 > content.y2)
            picture->clip = TRUE;
        }
    }

  picture->area = area;
}

void
_ent_export_picture_clear (EntExportPicture *picture)
{
  g_clear_object (&picture->caption);
  g_clear_pointer (&picture->states, g_free);
}

/* How the renderer draws an export at @scale pixels a point: the level of detail of the screen at that zoom. */
void
_ent_export_render_options (const EntExportPicture *picture,
                            EntScene               *scene,
                            const EntExportOptions *options,
                            double                  scale,
                            EntRenderOptions       *render_options)
{
  *render_options = (EntRenderOptions) {
    .scale = scale,
    .dark = options->dark,
    .legend = options->legend,
    .legend_dx = picture->legend_dx,
    .legend_dy = picture->legend_dy,
    .edge_labels = options->edge_labels,
    .item_states = picture->states != NULL ? picture->states : options->item_states,
    .edge_opacity = ent_renderer_edge_opacity (scene, &picture->area, scale,
                                               picture->states != NULL ? picture->states : options->item_states),
  };
}

/**
 * _ent_export_draw:
 * @picture: what to draw
 * @scene: the scene
 * @cr: where to draw, its user space that of the graph
 * @render_options: from _ent_export_render_options(), with the part to draw as its visible area
 * @options: the background and caption
 *
 * Paints the page under the drawing, unless it is transparent, and draws the
 * diagram, its legend and its caption.
 */
void
_ent_export_draw (const EntExportPicture *picture,
                  EntScene               *scene,
                  cairo_t                *cr,
                  const EntRenderOptions *render_options,
                  const EntExportOptions *options)
{
  EntColor background, foreground, edge;

  ent_renderer_get_colors (options->dark, &background, &foreground, &edge);
  if (!options->transparent)
    {
      cairo_set_source_rgb (cr, background.red, background.green, background.blue);
      cairo_paint (cr);
    }

  if (picture->clip)
    {
      EntRenderOptions diagram = *render_options;

      /* The diagram within its area, then the legend below it. */
      diagram.legend = FALSE;
      cairo_save (cr);
      cairo_rectangle (cr, picture->content.x1, picture->content.y1, picture->content.x2 - picture->content.x1,
                       picture->content.y2 - picture->content.y1);
      cairo_clip (cr);
      ent_renderer_draw (scene, cr, &diagram, NULL);
      cairo_restore (cr);
      if (render_options->legend)
        ent_renderer_draw_legend (scene, cr, render_options);
    }
  else
    ent_renderer_draw (scene, cr, render_options, NULL);

  if (picture->caption != NULL)
    {
      cairo_set_source_rgb (cr, foreground.red, foreground.green, foreground.blue);
      cairo_move_to (cr, picture->caption_x, picture->caption_y);
      pango_cairo_show_layout (cr, picture->caption);
    }
}

static gboolean
export_svg (EntScene               *scene,
            const char             *path,
            const EntExportPicture *picture,
            const EntExportOptions *options,
            GError                **error)
{
  EntRenderOptions render_options;
  EntSvgExtras extras = {
    .transparent = options->transparent,
    .caption = picture->caption,
    .caption_x = picture->caption_x,
    .caption_y = picture->caption_y,
    .clip = picture->clip ? &picture->content : NULL,
  };
  g_autoptr(GString) svg = NULL;

  _ent_export_render_options (picture, scene, options, 1.0, &render_options);
  svg = ent_svg_write_scene_full (scene, &picture->area, &render_options, &extras);

  return g_file_set_contents_full (path, svg->str, svg->len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/**
 * ent_export_png_size:
 * @scene: what to export
 * @options: its size, area and legend
 * @width: (out): the width in pixels of a PNG of it
 * @height: (out): its height
 * @error: return location for an error, when a side would be longer than
 *   ENT_EXPORT_MAX_PIXELS
 *
 * Tells how large ent_export_scene() would make a PNG, before it is written.
 */
gboolean
ent_export_png_size (EntScene                *scene,
                     const EntExportOptions  *options,
                     int                     *width,
                     int                     *height,
                     GError                 **error)
{
  EntExportPicture picture;
  gboolean measured;
  double scale;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  _ent_export_picture_init (&picture, scene, options);
  measured = _ent_export_png_measure (&picture.area, options, &scale, width, height, error);
  _ent_export_picture_clear (&picture);
  return measured;
}

struct _EntExportJob
{
  EntScene         *scene;
  char             *path;
  EntExportFormat   format;
  /* A copy of the options, with copies of what they point to: the caller's may change while the job runs. */
  EntExportOptions  options;
  EntRect           chosen_area;
  guint8           *item_states;
  char             *title;
  EntExportPicture  picture;
  EntPngWriter     *png;
  EntPdfWriter     *pdf;
  gboolean          done;
};

/**
 * ent_export_job_new:
 * @scene: what to export
 * @path: the file to write; replaced only once the new one is complete
 * @format: its format
 * @options: size, colours, legend, area; what they point to is copied
 * @error: return location for an error, such as a PNG too large to make
 *
 * Starts an export that ent_export_job_step() does a part at a time (a strip
 * of a PNG, a page of a PDF, a whole SVG), so that a window can draw and
 * take a Cancel between the parts. The file appears only with the last.
 *
 * Returns: (transfer full) (nullable): the job, or %NULL on error
 */
EntExportJob *
ent_export_job_new (EntScene                *scene,
                    const char              *path,
                    EntExportFormat          format,
                    const EntExportOptions  *options,
                    GError                 **error)
{
  g_autoptr(EntExportJob) job = NULL;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  job = g_new0 (EntExportJob, 1);
  job->scene = ent_scene_ref (scene);
  job->path = g_strdup (path);
  job->format = format;
  job->options = *options;
  /* Cancelling and progress belong to ent_export_scene (), around the steps. */
  job->options.cancellable = NULL;
  job->options.progress = NULL;
  if (options->area != NULL)
    {
      job->chosen_area = *options->area;
      job->options.area = &job->chosen_area;
    }
  if (options->item_states != NULL)
    job->options.item_states = job->item_states = g_memdup2 (options->item_states, ent_scene_get_n_items (scene));
  job->options.title = job->title = g_strdup (options->title);
  if (options->date != NULL)
    job->options.date = g_date_time_ref (options->date);

  _ent_export_picture_init (&job->picture, scene, &job->options);

  if (format == ENT_EXPORT_FORMAT_PNG)
    {
      job->png = _ent_export_png_writer_new (scene, path, &job->picture, &job->options, error);
      if (job->png == NULL)
        return NULL;
    }
  else if (format == ENT_EXPORT_FORMAT_PDF)
    {
      job->pdf = _ent_export_pdf_writer_new (scene, path, &job->picture, &job->options, error);
      if (job->pdf == NULL)
        return NULL;
    }

  return g_steal_pointer (&job);
}

/**
 * ent_export_job_step:
 * @self: a job
 * @done: (out): set once the file is written
 * @error: return location for an error
 *
 * Does the next part of the export.
 *
 * Returns: %FALSE on error, after which the job can only be freed
 */
gboolean
ent_export_job_step (EntExportJob  *self,
                     gboolean      *done,
                     GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);
  g_return_val_if_fail (!self->done, FALSE);

  *done = FALSE;
  switch (self->format)
    {
    case ENT_EXPORT_FORMAT_SVG:
      if (!export_svg (self->scene, self->path, &self->picture, &self->options, error))
        return FALSE;
      self->done = TRUE;
      break;
    case ENT_EXPORT_FORMAT_PNG:
      if (!_ent_export_png_writer_step (self->png, &self->done, error))
        return FALSE;
      break;
    case ENT_EXPORT_FORMAT_PDF:
      if (!_ent_export_pdf_writer_step (self->pdf, &self->done, error))
        return FALSE;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  *done = self->done;
  return TRUE;
}

/* The share of the export done, from 0 to 1. */
double
ent_export_job_get_fraction (EntExportJob *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  if (self->done)
    return 1.0;
  if (self->png != NULL)
    return _ent_export_png_writer_get_fraction (self->png);
  if (self->pdf != NULL)
    return _ent_export_pdf_writer_get_fraction (self->pdf);
  return 0.0;
}

/**
 * ent_export_job_free:
 * @self: a job
 *
 * Frees the job. One not done leaves no file: the old one, if any, stays.
 */
void
ent_export_job_free (EntExportJob *self)
{
  g_clear_pointer (&self->png, _ent_export_png_writer_free);
  g_clear_pointer (&self->pdf, _ent_export_pdf_writer_free);
  _ent_export_picture_clear (&self->picture);
  g_clear_pointer (&self->options.date, g_date_time_unref);
  ent_scene_unref (self->scene);
  g_free (self->path);
  g_free (self->item_states);
  g_free (self->title);
  g_free (self);
}

/**
 * ent_export_scene:
 * @scene: what to export
 * @path: the file to write; replaced only once the new one is complete
 * @format: its format
 * @options: size, colours, legend, caption, area, the items left out, paper;
 *   a cancellable and progress
 * @error: return location for an error
 *
 * Writes the scene as the renderer draws it on screen, without any of the
 * window around it. A cancelled export leaves no file and fails with
 * %G_IO_ERROR_CANCELLED.
 */
gboolean
ent_export_scene (EntScene                *scene,
                  const char              *path,
                  EntExportFormat          format,
                  const EntExportOptions  *options,
                  GError                 **error)
{
  g_autoptr(EntExportJob) job = NULL;
  gboolean done = FALSE;

  g_return_val_if_fail (options != NULL, FALSE);

  job = ent_export_job_new (scene, path, format, options, error);
  if (job == NULL)
    return FALSE;

  while (!done)
    {
      if (g_cancellable_set_error_if_cancelled (options->cancellable, error) ||
          !ent_export_job_step (job, &done, error))
        return FALSE;
      if (options->progress != NULL)
        options->progress (ent_export_job_get_fraction (job), options->progress_data);
    }

  return TRUE;
}
