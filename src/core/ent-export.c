/* ent-export.c: writes diagrams to SVG, PNG and PDF files
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-export"

#include "config.h"

#include "ent-export.h"
#include "ent-export-png.h"
#include "ent-renderer.h"
#include "ent-svg-writer.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#define MARGIN 16.0
/* PDF pages end at 200 inches; a larger diagram is scaled down to fit. */
#define MAX_PDF_POINTS 14400.0

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

static cairo_status_t
write_to_stream_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static GOutputStream *
open_output (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Written beside the target and renamed over it when closed, so a failed export leaves the old file. */
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error));
}

static gboolean
close_output (GOutputStream    *stream,
              cairo_status_t    status,
              const char       *path,
              GError          **error)
{
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file and keeps the old one. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (stream, cancel, NULL);
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return g_output_stream_close (stream, NULL, error);
}

static void
render (EntScene               *scene,
        cairo_t                *cr,
        const EntRect          *area,
        double                  scale,
        const EntExportOptions *options)
{
  /* A PDF is the diagram at 100 %, whatever it is printed at: every label, full detail. */
  EntRenderOptions render_options = {
    .scale = 1.0,
    .dark = options->dark,
    .legend = options->legend,
    .edge_labels = options->edge_labels,
    .visible = area,
    .edge_opacity = ent_renderer_edge_opacity (scene, area, 1.0, NULL),
  };
  EntColor background, foreground, edge;

  ent_renderer_get_colors (options->dark, &background, &foreground, &edge);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x1, -area->y1);
  ent_renderer_draw (scene, cr, &render_options, NULL);
}

static gboolean
export_pdf (EntScene               *scene,
            const char             *path,
            const EntRect          *area,
            const EntExportOptions *options,
            GError                **error)
{
  g_autoptr(GOutputStream) stream = open_output (path, error);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width = area->x2 - area->x1;
  double height = area->y2 - area->y1;
  double scale = MIN (1.0, MAX_PDF_POINTS / MAX (width, height));

  if (stream == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream_cb, stream,
                                                 MAX (width * scale, 1), MAX (height * scale, 1));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Entente " PACKAGE_VERSION);
  cr = cairo_create (surface);
  render (scene, cr, area, scale, options);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return close_output (stream, status, path, error);
}

static gboolean
export_svg (EntScene               *scene,
            const char             *path,
            const EntRect          *area,
            const EntExportOptions *options,
            GError                **error)
{
  EntRenderOptions render_options = {
    .scale = 1.0,
    .dark = options->dark,
    .legend = options->legend,
    .edge_labels = options->edge_labels,
    .edge_opacity = ent_renderer_edge_opacity (scene, area, 1.0, NULL),
  };
  g_autoptr(GString) svg = ent_svg_write_scene (scene, area, &render_options);

  return g_file_set_contents_full (path, svg->str, svg->len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/**
 * ent_export_scene:
 * @scene: what to export
 * @path: the file to write; replaced only once the new one is complete
 * @format: its format
 * @options: size, colours, legend, area; for PNG a cancellable and progress
 * @error: return location for an error
 *
 * Writes the scene as the renderer draws it on screen, without any of the
 * window around it. A cancelled PNG export leaves no file and fails with
 * %G_IO_ERROR_CANCELLED.
 */
static void
export_area (EntScene               *scene,
             const EntExportOptions *options,
             EntRect                *area)
{
  /* An export may show edge labels, and its page must hold them. */
  ent_scene_measure_edge_labels (scene);

  if (options->area != NULL)
    *area = *options->area;
  else
    {
      ent_scene_get_bounds (scene, options->legend, area);
      area->x1 -= MARGIN;
      area->y1 -= MARGIN;
      area->x2 += MARGIN;
      area->y2 += MARGIN;
    }
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
  EntRect area;
  double scale;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  export_area (scene, options, &area);
  return _ent_export_png_measure (&area, options, &scale, width, height, error);
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
  EntRect           area;
  EntPngWriter     *png;
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

  export_area (scene, &job->options, &job->area);

  if (format == ENT_EXPORT_FORMAT_PNG)
    {
      job->png = _ent_export_png_writer_new (scene, path, &job->area, &job->options, error);
      if (job->png == NULL)
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
      if (!export_svg (self->scene, self->path, &self->area, &self->options, error))
        return FALSE;
      self->done = TRUE;
      break;
    case ENT_EXPORT_FORMAT_PNG:
      if (!_ent_export_png_writer_step (self->png, &self->done, error))
        return FALSE;
      break;
    case ENT_EXPORT_FORMAT_PDF:
      if (!export_pdf (self->scene, self->path, &self->area, &self->options, error))
        return FALSE;
      self->done = TRUE;
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
  return self->png != NULL ? _ent_export_png_writer_get_fraction (self->png) : 0.0;
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
  g_clear_pointer (&self->options.date, g_date_time_unref);
  ent_scene_unref (self->scene);
  g_free (self->path);
  g_free (self->item_states);
  g_free (self->title);
  g_free (self);
}

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
