/* ent-export-pdf.c: writes PDF exports, a page at a time
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-export"

#include "config.h"

#include "ent-export-pdf.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

/* PDF pages end at 200 inches; a larger diagram is scaled down to fit. */
#define MAX_PDF_POINTS 14400.0

gboolean
ent_export_page_from_name (const char     *name,
                           EntExportPage  *page,
                           GError        **error)
{
  static const char *names[] = { "diagram", "a4", "letter", "a3" };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *page = (EntExportPage) i;
        return TRUE;
      }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown paper “%s”: choose a4, letter, a3 or diagram"), name != NULL ? name : "");
  return FALSE;
}

struct _EntPdfWriter
{
  EntScene         *scene;
  char             *path;
  EntExportPicture  picture;
  EntExportOptions  options;
  GOutputStream    *stream;
  gboolean          done;
};

static cairo_status_t
write_to_stream_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

void
_ent_export_pdf_writer_free (EntPdfWriter *writer)
{
  if (writer->stream != NULL)
    {
      g_autoptr(GCancellable) cancel = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the temporary file and keeps the old one. */
      g_cancellable_cancel (cancel);
      g_output_stream_close (writer->stream, cancel, NULL);
      g_object_unref (writer->stream);
    }
  ent_scene_unref (writer->scene);
  g_free (writer->path);
  g_free (writer);
}

/**
 * _ent_export_pdf_writer_new:
 * @scene: what to draw
 * @path: the file to write; replaced only once the new one is complete
 * @picture: what of the scene to draw, and its caption; kept by reference
 * @options: paper, colours and legend; kept by reference
 * @error: return location for an error
 *
 * Starts a PDF in a temporary file beside @path.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL on error
 */
EntPdfWriter *
_ent_export_pdf_writer_new (EntScene                *scene,
                            const char              *path,
                            const EntExportPicture  *picture,
                            const EntExportOptions  *options,
                            GError                 **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EntPdfWriter *writer;
  GFileOutputStream *stream;

  /* Written beside the target and renamed over it when closed, so a failed export leaves the old file. */
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return NULL;

  writer = g_new0 (EntPdfWriter, 1);
  writer->scene = ent_scene_ref (scene);
  writer->path = g_strdup (path);
  writer->picture = *picture;
  writer->options = *options;
  writer->stream = G_OUTPUT_STREAM (stream);
  return writer;
}

gboolean
_ent_export_pdf_writer_step (EntPdfWriter  *writer,
                             gboolean      *done,
                             GError       **error)
{
  const EntRect *area = &writer->picture.area;
  double width = area->x2 - area->x1;
  double height = area->y2 - area->y1;
  double scale = MIN (1.0, MAX_PDF_POINTS / MAX (width, height));
  EntRenderOptions render_options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  *done = FALSE;
  surface = cairo_pdf_surface_create_for_stream (write_to_stream_cb, writer->stream,
                                                 MAX (width * scale, 1), MAX (height * scale, 1));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Entente " PACKAGE_VERSION);
  cr = cairo_create (surface);
  /* A PDF is the diagram at 100 %, whatever it is printed at: every label, full detail. */
  _ent_export_render_options (&writer->picture, writer->scene, &writer->options, 1.0, &render_options);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x1, -area->y1);
  _ent_export_draw (&writer->picture, writer->scene, cr, &render_options, &writer->options);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED, _("Could not write “%s”: %s"), writer->path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  if (!g_output_stream_close (writer->stream, NULL, error))
    return FALSE;
  g_clear_object (&writer->stream);
  writer->done = *done = TRUE;
  return TRUE;
}

/* The share of the pages written, from 0 to 1. */
double
_ent_export_pdf_writer_get_fraction (EntPdfWriter *writer)
{
  return writer->done ? 1.0 : 0.0;
}
