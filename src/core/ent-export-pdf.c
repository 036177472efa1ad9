/* ent-export-pdf.c: writes PDF exports, a page at a time
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-export"

#include "config.h"

#include "ent-export-pdf.h"
#include "ent-style.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

/* PDF pages end at 200 inches; a larger diagram is scaled down to fit. */
#define MAX_PDF_POINTS 14400.0
/* The least room margins may leave for the drawing on a sheet, each way: an inch. */
#define MIN_PRINTABLE_POINTS 72.0
/* The largest margin asked for, in points: half of the longest paper's side. */
#define MAX_MARGIN_POINTS 600.0
/* Paper sizes are given in millimetres, PDF pages in points. */
#define MM(mm) ((mm) * 72.0 / 25.4)

/* A poster's alignment marks and page labels. */
#define MARK_LENGTH 12.0
#define MARK_GAP 2.0
#define MARK_LINE_WIDTH 0.3
#define LABEL_SIZE 7.0

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
  /* The file being written, beside the target and renamed over it once complete. */
  char             *temporary;
  FILE             *file;
  cairo_surface_t  *surface;
  /* The errno of the first write that failed, which tells more than Cairo's status does; 0 for none. */
  int               write_errno;
  /* Set once what Cairo still writes is to be thrown away: the export is given up. */
  gboolean          discard;

  /* Each sheet's size, and where on it the drawing may go: inside the margins. */
  double            paper_width;
  double            paper_height;
  double            margin;
  double            printable_width;
  double            printable_height;
  /* Points on paper per point of the graph, and where the picture's top-left corner falls: on the page, or on
   * the whole poster (its sheets' printable parts side by side, overlapping). */
  double            scale;
  double            offset_x;
  double            offset_y;
  /* Pages across and down; 1 × 1 for one page. */
  int               columns;
  int               rows;
  gboolean          poster;

  int               n_pages;
  int               pages_done;
  gboolean          done;
};

static cairo_status_t
write_to_stream_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  EntPdfWriter *writer = closure;

  if (writer->discard || writer->write_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, writer->file) == length)
    return CAIRO_STATUS_SUCCESS;
  writer->write_errno = errno != 0 ? errno : EIO;
  return CAIRO_STATUS_WRITE_ERROR;
}

void
_ent_export_pdf_writer_free (EntPdfWriter *writer)
{
  /* Cairo writes the rest of an unfinished document when its surface goes: none of it is wanted. */
  writer->discard = TRUE;
  g_clear_pointer (&writer->surface, cairo_surface_destroy);
  g_clear_pointer (&writer->file, fclose);
  /* A PDF not finished leaves no file, and the old one, if any, where it was. */
  if (writer->temporary != NULL)
    g_unlink (writer->temporary);
  g_free (writer->temporary);
  ent_scene_unref (writer->scene);
  g_free (writer->path);
  g_free (writer);
}

/* The size of @page in points, upright or turned; FALSE for ENT_EXPORT_PAGE_DIAGRAM, which has none. */
static gboolean
paper_size (EntExportPage  page,
            gboolean       landscape,
            double        *width,
            double        *height)
{
  switch (page)
    {
    case ENT_EXPORT_PAGE_A4:
      *width = MM (210.0), *height = MM (297.0);
      break;
    case ENT_EXPORT_PAGE_LETTER:
      *width = 612.0, *height = 792.0;
      break;
    case ENT_EXPORT_PAGE_A3:
      *width = MM (297.0), *height = MM (420.0);
      break;
    case ENT_EXPORT_PAGE_DIAGRAM:
    default:
      return FALSE;
    }

  if (landscape)
    {
      double upright = *width;

      *width = *height;
      *height = upright;
    }
  return TRUE;
}

/* How large a poster of @columns × @rows sheets prints the picture: the printable parts side by side, each
 * overlapping the next by ENT_EXPORT_POSTER_OVERLAP. */
static double
poster_scale (const EntPdfWriter *writer,
              int                 columns,
              int                 rows,
              double              width,
              double              height)
{
  double poster_width = columns * writer->printable_width - (columns - 1) * ENT_EXPORT_POSTER_OVERLAP;
  double poster_height = rows * writer->printable_height - (rows - 1) * ENT_EXPORT_POSTER_OVERLAP;

  return MIN (poster_width / width, poster_height / height);
}

/* How empty the outer sheets of a poster of @columns × @rows are, the picture centred on it at @scale: the share
 * of what they show of their own, past their overlap with the next, that the picture leaves blank, on the side
 * where it is largest; 0 for a grid of one sheet. */
static double
empty_share (const EntPdfWriter *writer,
             int                 columns,
             int                 rows,
             double              width,
             double              height,
             double              scale)
{
  double poster_width = columns * writer->printable_width - (columns - 1) * ENT_EXPORT_POSTER_OVERLAP;
  double poster_height = rows * writer->printable_height - (rows - 1) * ENT_EXPORT_POSTER_OVERLAP;
  double share_x = (poster_width - width * scale) / 2 / (writer->printable_width - ENT_EXPORT_POSTER_OVERLAP);
  double share_y = (poster_height - height * scale) / 2 / (writer->printable_height - ENT_EXPORT_POSTER_OVERLAP);

  return MAX (columns > 1 ? share_x : 0.0, rows > 1 ? share_y : 0.0);
}

/* Works out the sheets, the grid of a poster and the scale, or says which option makes it impossible. */
static gboolean
plan_pages (EntPdfWriter  *writer,
            GError       **error)
{
  const EntExportOptions *options = &writer->options;
  const EntRect *area = &writer->picture.area;
  double width = MAX (area->x2 - area->x1, 1.0);
  double height = MAX (area->y2 - area->y1, 1.0);
  int pages = MAX (options->poster_pages, 1);
  double best_empty = 1.0;
  double margin;

  if (options->poster_pages < 0 || options->poster_pages > ENT_EXPORT_POSTER_MAX_PAGES)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED,
                   _("A poster can have up to %d pages, not %d"), ENT_EXPORT_POSTER_MAX_PAGES,
                   options->poster_pages);
      return FALSE;
    }
  if (options->page < ENT_EXPORT_PAGE_DIAGRAM || options->page > ENT_EXPORT_PAGE_A3)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED, _("Unknown paper for a PDF"));
      return FALSE;
    }

  writer->poster = pages > 1;
  writer->columns = writer->rows = 1;

  /* The diagram's own page: as before, its size up to what a PDF page can be, with no paper around it. */
  if (options->page == ENT_EXPORT_PAGE_DIAGRAM && !writer->poster)
    {
      writer->scale = MIN (1.0, MAX_PDF_POINTS / MAX (width, height));
      writer->paper_width = writer->printable_width = MAX (width * writer->scale, 1.0);
      writer->paper_height = writer->printable_height = MAX (height * writer->scale, 1.0);
      writer->n_pages = 1;
      return TRUE;
    }

  /* A poster on the diagram's own paper would be one page: it is printed on A4. */
  if (!paper_size (options->page, options->landscape, &writer->paper_width, &writer->paper_height))
    paper_size (ENT_EXPORT_PAGE_A4, options->landscape, &writer->paper_width, &writer->paper_height);

  margin = options->margin == 0.0 ? ENT_EXPORT_PDF_MARGIN : MAX (options->margin, 0.0);
  if (!isfinite (options->margin))
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED, _("The margins of a PDF must be a number"));
      return FALSE;
    }
  if (margin > MAX_MARGIN_POINTS ||
      writer->paper_width - 2 * margin < MIN_PRINTABLE_POINTS ||
      writer->paper_height - 2 * margin < MIN_PRINTABLE_POINTS)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED,
                   _("Margins of %.0f mm leave no room for the diagram on a page of %.0f × %.0f mm"),
                   margin * 25.4 / 72.0, writer->paper_width * 25.4 / 72.0,
                   writer->paper_height * 25.4 / 72.0);
      return FALSE;
    }
  writer->margin = margin;
  writer->printable_width = writer->paper_width - 2 * margin;
  writer->printable_height = writer->paper_height - 2 * margin;

  if (!writer->poster)
    {
      /* Made smaller to fit the page, never larger: a small diagram keeps the size it has on screen. */
      writer->scale = MIN (1.0, MIN (writer->printable_width / width, writer->printable_height / height));
      writer->offset_x = margin + (writer->printable_width - width * writer->scale) / 2;
      writer->offset_y = margin + (writer->printable_height - height * writer->scale) / 2;
      writer->n_pages = 1;
      return TRUE;
    }

  /* A poster has as many sheets as asked for, no more and no fewer, in the grid of them that prints the diagram
   * largest with every sheet well used: at least half of what each shows past the overlap holds some of it.
   * Grids of a close scale differ a lot in that: four sheets in a row may print a wide diagram a hair larger
   * than two by two, its height filling them, with the outer sheets almost blank. When every grid leaves a
   * sheet emptier than that (a wide diagram on upright sheets, or a number of sheets with no divisors but
   * itself and 1), the grid that leaves them least empty is taken. */
  writer->scale = 0.0;
  for (int columns = 1; columns <= pages; columns++)
    if (pages % columns == 0)
      {
        int rows = pages / columns;
        double scale = poster_scale (writer, columns, rows, width, height);
        double empty = empty_share (writer, columns, rows, width, height, scale);
        gboolean better;

        if (writer->scale == 0.0)
          better = TRUE;
        else if (empty <= 0.5 || best_empty <= 0.5)
          better = empty <= 0.5 && (best_empty > 0.5 || scale > writer->scale);
        else
          better = empty < best_empty;

        if (better)
          {
            writer->scale = scale;
            writer->columns = columns;
            writer->rows = rows;
            best_empty = empty;
          }
      }

  /* Enlarged to fill the grid, and centred on it: offsets on the whole poster. */
  writer->offset_x = (writer->columns * writer->printable_width -
                      (writer->columns - 1) * ENT_EXPORT_POSTER_OVERLAP - width * writer->scale) / 2;
  writer->offset_y = (writer->rows * writer->printable_height -
                      (writer->rows - 1) * ENT_EXPORT_POSTER_OVERLAP - height * writer->scale) / 2;
  writer->n_pages = pages;
  return TRUE;
}

/**
 * _ent_export_pdf_writer_new:
 * @scene: what to draw
 * @path: the file to write; replaced only once the new one is complete
 * @picture: what of the scene to draw, and its caption; kept by reference
 * @options: paper, margins, poster, colours and legend; kept by reference
 * @error: return location for an error, such as margins that leave no room
 *
 * Starts a PDF in a temporary file beside @path: one page, or the pages of a
 * poster, each written by a call of _ent_export_pdf_writer_step().
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
  g_autoptr(EntPdfWriter) writer = NULL;
  cairo_status_t status;

  writer = g_new0 (EntPdfWriter, 1);
  writer->scene = ent_scene_ref (scene);
  writer->path = g_strdup (path);
  writer->picture = *picture;
  writer->options = *options;
  if (!plan_pages (writer, error))
    return NULL;

  writer->file = _ent_export_open_temporary (path, &writer->temporary, error);
  if (writer->file == NULL)
    return NULL;

  writer->surface = cairo_pdf_surface_create_for_stream (write_to_stream_cb, writer, writer->paper_width,
                                                         writer->paper_height);
  status = cairo_surface_status (writer->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED, _("Could not write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return NULL;
    }
  cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_CREATOR, "Entente " PACKAGE_VERSION);
  if (options->title != NULL && options->title[0] != '\0')
    cairo_pdf_surface_set_metadata (writer->surface, CAIRO_PDF_METADATA_TITLE, options->title);

  return g_steal_pointer (&writer);
}

/* A poster's column as letters, A to Z then AA, AB…, as spreadsheets name theirs. */
static void
append_column_name (GString *name,
                    int      column)
{
  if (column >= 26)
    append_column_name (name, column / 26 - 1);
  g_string_append_c (name, (char) ('A' + column % 26));
}

/* A short line, for marks drawn on top of the drawing when there is no margin to hold them. */
static void
mark_line (cairo_t *cr,
           double   x1,
           double   y1,
           double   x2,
           double   y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
}

/*
 * The marks of a poster's sheet: crop marks at the corners of its printable
 * part, where it meets the next sheet, and marks where the overlap with each
 * neighbour begins, so that one sheet can be cut at its edge and laid over
 * the next up to the mark. They go in the margin, outside the drawing; with
 * no margin they are short and grey over it. The label says which sheet it
 * is: "B1" is the second column of the first row.
 */
static void
draw_poster_marks (EntPdfWriter *writer,
                   cairo_t      *cr,
                   int           column,
                   int           row)
{
  double m = writer->margin;
  double left = m, top = m;
  double right = m + writer->printable_width, bottom = m + writer->printable_height;
  gboolean outside = m >= MARK_GAP + 4.0;
  /* Marks in the margin, from just outside the printable part towards the paper's edge; without a margin, in. */
  double near = outside ? MARK_GAP : 0.0;
  double far = outside ? MIN (MARK_LENGTH, m - MARK_GAP) + MARK_GAP : MARK_LENGTH / 2;
  double xs[4], ys[4];
  int n_xs = 0, n_ys = 0;
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(PangoFontDescription) font = NULL;
  PangoLayout *layout;
  PangoRectangle logical;

  cairo_save (cr);
  cairo_set_line_width (cr, MARK_LINE_WIDTH);
  if (outside)
    cairo_set_source_rgb (cr, 0.0, 0.0, 0.0);
  else
    cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.6);

  /* Where lines cross the sheet: its edges, and the inner edges of its overlaps with its neighbours. */
  xs[n_xs++] = left;
  xs[n_xs++] = right;
  if (column > 0)
    xs[n_xs++] = left + ENT_EXPORT_POSTER_OVERLAP;
  if (column < writer->columns - 1)
    xs[n_xs++] = right - ENT_EXPORT_POSTER_OVERLAP;
  ys[n_ys++] = top;
  ys[n_ys++] = bottom;
  if (row > 0)
    ys[n_ys++] = top + ENT_EXPORT_POSTER_OVERLAP;
  if (row < writer->rows - 1)
    ys[n_ys++] = bottom - ENT_EXPORT_POSTER_OVERLAP;

  for (int i = 0; i < n_xs; i++)
    {
      double direction = outside ? -1.0 : 1.0;

      mark_line (cr, xs[i], top + direction * near, xs[i], top + direction * far);
      mark_line (cr, xs[i], bottom - direction * near, xs[i], bottom - direction * far);
    }
  for (int i = 0; i < n_ys; i++)
    {
      double direction = outside ? -1.0 : 1.0;

      mark_line (cr, left + direction * near, ys[i], left + direction * far, ys[i]);
      mark_line (cr, right - direction * near, ys[i], right - direction * far, ys[i]);
    }
  cairo_stroke (cr);

  append_column_name (label, column);
  g_string_append_printf (label, "%d", row + 1);
  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (ENT_STYLE_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, LABEL_SIZE * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, label->str, -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  /* In the middle of the top margin, clear of the marks; without room there, just inside the sheet's edge. */
  if (m >= logical.height + MARK_GAP)
    cairo_move_to (cr, (writer->paper_width - logical.width) / 2, (m - logical.height) / 2);
  else
    cairo_move_to (cr, (writer->paper_width - logical.width) / 2, top + MARK_GAP);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  cairo_restore (cr);
}

/* Draws page @index: the whole picture, or a poster's sheet of it. */
static void
draw_page (EntPdfWriter *writer,
           cairo_t      *cr,
           int           index)
{
  const EntRect *area = &writer->picture.area;
  double width = area->x2 - area->x1, height = area->y2 - area->y1;
  int column = index % writer->columns, row = index / writer->columns;
  /* Where this sheet's printable part starts on the poster, and the part of it the picture covers; one page is
   * a poster of one sheet whose offsets are already the page's. */
  double sheet_x = writer->poster ? column * (writer->printable_width - ENT_EXPORT_POSTER_OVERLAP) : writer->margin;
  double sheet_y = writer->poster ? row * (writer->printable_height - ENT_EXPORT_POSTER_OVERLAP) : writer->margin;
  double x1 = MAX (sheet_x, writer->offset_x);
  double y1 = MAX (sheet_y, writer->offset_y);
  double x2 = MIN (sheet_x + writer->printable_width, writer->offset_x + width * writer->scale);
  double y2 = MIN (sheet_y + writer->printable_height, writer->offset_y + height * writer->scale);
  EntRenderOptions render_options;
  EntRect visible;

  if (x2 > x1 && y2 > y1)
    {
      cairo_save (cr);
      /* The sheet's own coordinates: the poster's moved so that this sheet's printable part is inside its
       * margins; the page's background and drawing stop at the edge of the picture. */
      cairo_translate (cr, writer->margin - sheet_x, writer->margin - sheet_y);
      cairo_rectangle (cr, x1, y1, x2 - x1, y2 - y1);
      cairo_clip (cr);
      cairo_translate (cr, writer->offset_x, writer->offset_y);
      cairo_scale (cr, writer->scale, writer->scale);
      cairo_translate (cr, -area->x1, -area->y1);

      /* A PDF is the diagram at 100 %, whatever it is printed at: every label, full detail. What the sheet does
       * not show is left out. */
      visible = (EntRect) {
        area->x1 + (x1 - writer->offset_x) / writer->scale,
        area->y1 + (y1 - writer->offset_y) / writer->scale,
        area->x1 + (x2 - writer->offset_x) / writer->scale,
        area->y1 + (y2 - writer->offset_y) / writer->scale,
      };
      _ent_export_render_options (&writer->picture, writer->scene, &writer->options, 1.0, &render_options);
      render_options.visible = &visible;
      _ent_export_draw (&writer->picture, writer->scene, cr, &render_options, &writer->options);
      cairo_restore (cr);
    }

  if (writer->poster)
    draw_poster_marks (writer, cr, column, row);
}

static gboolean
fail (EntPdfWriter    *writer,
      cairo_status_t   status,
      GError         **error)
{
  if (writer->write_errno != 0)
    return _ent_export_set_errno_error (error, writer->path, writer->write_errno);
  g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED, _("Could not write “%s”: %s"), writer->path,
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * _ent_export_pdf_writer_step:
 * @writer: a writer
 * @done: (out): set once the file is complete and in place
 * @error: return location for an error
 *
 * Writes the next page; after the last, finishes the file and puts it in
 * place of @path.
 *
 * Returns: %FALSE on error, after which the writer can only be freed
 */
gboolean
_ent_export_pdf_writer_step (EntPdfWriter  *writer,
                             gboolean      *done,
                             GError       **error)
{
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (!writer->done && writer->surface != NULL, FALSE);

  *done = FALSE;
  cr = cairo_create (writer->surface);
  draw_page (writer, cr, writer->pages_done);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (writer->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return fail (writer, status, error);

  writer->pages_done++;
  if (writer->pages_done < writer->n_pages)
    return TRUE;

  cairo_surface_finish (writer->surface);
  status = cairo_surface_status (writer->surface);
  g_clear_pointer (&writer->surface, cairo_surface_destroy);
  if (status != CAIRO_STATUS_SUCCESS)
    return fail (writer, status, error);

  if (!_ent_export_finish_temporary (g_steal_pointer (&writer->file), writer->temporary, writer->path, error))
    return FALSE;
  g_clear_pointer (&writer->temporary, g_free);
  writer->done = *done = TRUE;
  return TRUE;
}

/* The share of the pages written, from 0 to 1. */
double
_ent_export_pdf_writer_get_fraction (EntPdfWriter *writer)
{
  if (writer->done)
    return 1.0;
  return writer->n_pages > 0 ? (double) writer->pages_done / writer->n_pages : 0.0;
}
