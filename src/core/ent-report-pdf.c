/* ent-report-pdf.c: the evidence report as a PDF: A4 pages of wrapped text, the diagram first
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-report"

#include "config.h"

#include "ent-report-private.h"
#include "ent-export-private.h"
#include "ent-style.h"

#include <errno.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#define MM(mm) ((mm) * 72.0 / 25.4)
#define PAGE_WIDTH MM (210.0)
#define PAGE_HEIGHT MM (297.0)
#define MARGIN MM (20.0)
/* The footer's baseline sits this far below the text's bottom. */
#define FOOTER_GAP MM (8.0)
#define TEXT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define TEXT_BOTTOM (PAGE_HEIGHT - MARGIN)
/* How far quotes are set in, and their bar left of them. */
#define QUOTE_INDENT 14.0
#define BAR_WIDTH 2.0

#define SERIF "Noto Serif, DejaVu Serif, serif"

typedef enum
{
  STYLE_TITLE,
  STYLE_SECTION,
  STYLE_GROUP,
  STYLE_CLAIM,
  STYLE_BODY,
  STYLE_QUOTE,
  STYLE_NOTE,
  STYLE_FOOTER,
  N_STYLES
} Style;

static const struct
{
  const char *family;
  double      size;
  gboolean    bold;
  gboolean    italic;
  double      grey;
  double      space_before;
} styles[N_STYLES] = {
  [STYLE_TITLE] = { ENT_STYLE_FONT_FAMILY, 20.0, TRUE, FALSE, 0.1, 0.0 },
  [STYLE_SECTION] = { ENT_STYLE_FONT_FAMILY, 14.0, TRUE, FALSE, 0.1, 16.0 },
  [STYLE_GROUP] = { ENT_STYLE_FONT_FAMILY, 12.0, TRUE, FALSE, 0.2, 12.0 },
  [STYLE_CLAIM] = { ENT_STYLE_FONT_FAMILY, 10.5, TRUE, FALSE, 0.1, 9.0 },
  [STYLE_BODY] = { SERIF, 10.0, FALSE, FALSE, 0.1, 3.0 },
  [STYLE_QUOTE] = { SERIF, 10.0, FALSE, FALSE, 0.1, 4.0 },
  [STYLE_NOTE] = { ENT_STYLE_FONT_FAMILY, 8.5, FALSE, FALSE, 0.33, 1.5 },
  [STYLE_FOOTER] = { ENT_STYLE_FONT_FAMILY, 8.0, FALSE, FALSE, 0.4, 0.0 },
};

typedef struct
{
  EntReport       *report;
  const char      *path;
  FILE            *file;
  /* The errno of the first write that failed; set @discard once what Cairo still writes is unwanted. */
  int              write_errno;
  gboolean         discard;
  cairo_t         *cr;
  PangoContext    *context;
  PangoFontDescription *fonts[N_STYLES];
  /* The first pass only counts the pages, for the footers of the second to say how many there are. */
  gboolean         drawing;
  int              page;
  int              n_pages;
  /* The top of what comes next on the page. */
  double           y;
  /* Whether the quote being set disputes its claim: its bar is red. */
  gboolean         disputing;
} Flow;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Flow *flow = closure;

  if (flow->discard || flow->write_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, flow->file) == length)
    return CAIRO_STATUS_SUCCESS;
  flow->write_errno = errno != 0 ? errno : EIO;
  return CAIRO_STATUS_WRITE_ERROR;
}

static PangoLayout *
new_layout (Flow       *flow,
            Style       style,
            const char *text,
            double      width)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_layout_set_font_description (layout, flow->fonts[style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* A name or quote broken inside a word keeps its letters, no hyphen added, for a search to find it. */
  pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_footer (Flow *flow)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (!flow->drawing)
    return;
  if (flow->n_pages > 0)
    /* Translators: the footer of a report's pages: its title, the page and how many pages there are */
    text = g_strdup_printf (_("%s — page %d of %d"), flow->report->title, flow->page, flow->n_pages);
  else
    text = g_strdup_printf (_("%s — page %d"), flow->report->title, flow->page);
  layout = new_layout (flow, STYLE_FOOTER, text, TEXT_WIDTH);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_set_source_rgb (flow->cr, styles[STYLE_FOOTER].grey, styles[STYLE_FOOTER].grey, styles[STYLE_FOOTER].grey);
  cairo_move_to (flow->cr, MARGIN, TEXT_BOTTOM + FOOTER_GAP - pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
  pango_cairo_show_layout (flow->cr, layout);
}

static void
new_page (Flow *flow)
{
  draw_footer (flow);
  if (flow->drawing)
    cairo_show_page (flow->cr);
  flow->page++;
  flow->y = MARGIN;
}

/* Sets @text in @style, @indent points in, breaking pages between its lines; with @bar, a quote's bar beside it.
 * @keep is the room, beyond its first line, to leave under it on the page: a heading's for what follows. */
static void
paragraph (Flow       *flow,
           Style       style,
           const char *text,
           double      indent,
           gboolean    bar,
           double      keep)
{
  g_autoptr(PangoLayout) layout = new_layout (flow, style, text, TEXT_WIDTH - indent);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double grey = styles[style].grey;
  gboolean first = TRUE;

  if (flow->y > MARGIN)
    flow->y += styles[style].space_before;
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE;
      baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      if (flow->y + height + (first ? keep : 0.0) > TEXT_BOTTOM && flow->y > MARGIN)
        new_page (flow);
      first = FALSE;
      if (flow->drawing)
        {
          if (bar)
            {
              if (flow->disputing)
                cairo_set_source_rgb (flow->cr, 0.8, 0.33, 0.33);
              else
                cairo_set_source_rgb (flow->cr, 0.6, 0.67, 0.73);
              cairo_rectangle (flow->cr, MARGIN + indent - QUOTE_INDENT / 2 - BAR_WIDTH / 2, flow->y, BAR_WIDTH,
                               height);
              cairo_fill (flow->cr);
            }
          cairo_set_source_rgb (flow->cr, grey, grey, grey);
          cairo_move_to (flow->cr, MARGIN + indent + logical.x / (double) PANGO_SCALE, flow->y + baseline);
          pango_cairo_show_layout_line (flow->cr, line);
        }
      flow->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A heading, kept on the page with a few lines of what follows it. */
static void
heading (Flow       *flow,
         Style       style,
         const char *text)
{
  paragraph (flow, style, text, 0.0, FALSE, 40.0);
}

static void
pdf_quote (Flow           *flow,
           const EntQuote *quote,
           gboolean        disputing)
{
  EntSource *source = ent_graph_get_source (flow->report->graph, quote->source_id);
  gboolean shortened;
  g_autofree char *text = _ent_report_quote_text (quote, &shortened);

  flow->disputing = disputing;
  paragraph (flow, STYLE_QUOTE, text, QUOTE_INDENT, TRUE, 0.0);
  if (shortened)
    paragraph (flow, STYLE_NOTE, _("(The quote is shortened here: the source holds all of it.)"), QUOTE_INDENT,
               TRUE, 0.0);
  if (source != NULL)
    {
      g_autofree char *line = _ent_report_source_line (source);
      g_autofree char *cite = NULL;

      if (source->url != NULL && source->url[0] != '\0')
        cite = g_strdup_printf ("— %s, %s", line, source->url);
      else
        cite = g_strdup_printf ("— %s", line);
      paragraph (flow, STYLE_NOTE, cite, QUOTE_INDENT, TRUE, 0.0);
    }
}

static void
pdf_claim (Flow                 *flow,
           const EntReportClaim *claim,
           gboolean              quotes,
           gboolean              with_kind)
{
  g_autofree char *name = _ent_report_claim_name (flow->report, claim);
  g_autofree char *details = _ent_report_claim_details (flow->report, claim, with_kind);

  if (!quotes)
    {
      g_autofree char *item = details != NULL ? g_strdup_printf ("• %s (%s)", name, details)
                                              : g_strdup_printf ("• %s", name);

      paragraph (flow, STYLE_BODY, item, 0.0, FALSE, 0.0);
      return;
    }

  paragraph (flow, STYLE_CLAIM, name, 0.0, FALSE, 30.0);
  if (details != NULL)
    paragraph (flow, STYLE_NOTE, details, 0.0, FALSE, 0.0);

  if (claim->supporting->len == 0)
    paragraph (flow, STYLE_NOTE, _("No quote supports it."), 0.0, FALSE, 0.0);
  else if (claim->disputing->len > 0)
    paragraph (flow, STYLE_NOTE, _("Supporting quotes"), 0.0, FALSE, 20.0);
  for (guint i = 0; i < claim->supporting->len; i++)
    pdf_quote (flow, g_ptr_array_index (claim->supporting, i), FALSE);
  if (claim->disputing->len > 0)
    paragraph (flow, STYLE_NOTE, _("Disputing quotes"), 0.0, FALSE, 20.0);
  for (guint i = 0; i < claim->disputing->len; i++)
    pdf_quote (flow, g_ptr_array_index (claim->disputing, i), TRUE);
}

/* The diagram, as large as the page's room allows, never enlarged; on a page of its own if little is left. */
static void
pdf_diagram (Flow *flow)
{
  const EntReportOptions *options = flow->report->options;
  EntExportOptions export = {
    .dark = options->dark,
    .legend = TRUE,
    .item_states = options->states,
  };
  EntExportPicture picture;
  EntRenderOptions render_options;
  double width, height, scale;

  _ent_export_picture_init (&picture, options->scene, &export);
  width = MAX (picture.area.x2 - picture.area.x1, 1.0);
  height = MAX (picture.area.y2 - picture.area.y1, 1.0);
  flow->y += 12.0;
  if (TEXT_BOTTOM - flow->y < (TEXT_BOTTOM - MARGIN) / 2 && height > width * (TEXT_BOTTOM - flow->y) / TEXT_WIDTH)
    new_page (flow);
  scale = MIN (1.0, MIN (TEXT_WIDTH / width, (TEXT_BOTTOM - flow->y) / height));

  if (flow->drawing)
    {
      EntRect visible = picture.area;

      cairo_save (flow->cr);
      cairo_translate (flow->cr, MARGIN + (TEXT_WIDTH - width * scale) / 2, flow->y);
      cairo_rectangle (flow->cr, 0, 0, width * scale, height * scale);
      cairo_clip (flow->cr);
      cairo_scale (flow->cr, scale, scale);
      cairo_translate (flow->cr, -picture.area.x1, -picture.area.y1);
      /* Full detail, every label: the page is printed or zoomed, not seen at its size. */
      _ent_export_render_options (&picture, options->scene, &export, 1.0, &render_options);
      render_options.visible = &visible;
      _ent_export_draw (&picture, options->scene, flow->cr, &render_options, &export);
      cairo_restore (flow->cr);
    }
  flow->y += height * scale;
  _ent_export_picture_clear (&picture);
}

static void
pdf_sources (Flow *flow)
{
  EntReport *report = flow->report;

  heading (flow, STYLE_SECTION, _("Sources"));
  if (report->sources->len == 0)
    paragraph (flow, STYLE_BODY, _("No claim quotes a source."), 0.0, FALSE, 0.0);
  for (guint i = 0; i < report->sources->len; i++)
    {
      EntReportSource *entry = &g_array_index (report->sources, EntReportSource, i);
      g_autofree char *line = _ent_report_source_line (entry->source);
      /* Translators: how many claims of a report cite a source */
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "cited by %u claim",
                                                             "cited by %u claims", entry->n_claims),
                                                entry->n_claims);

      paragraph (flow, STYLE_BODY, line, 0.0, FALSE, 12.0);
      if (entry->source->url != NULL && entry->source->url[0] != '\0')
        paragraph (flow, STYLE_NOTE, entry->source->url, 0.0, FALSE, 0.0);
      paragraph (flow, STYLE_NOTE, count, 0.0, FALSE, 0.0);
    }
}

/* One pass over the whole report: counting its pages, or drawing them. */
static gboolean
pdf_pass (Flow          *flow,
          GCancellable  *cancellable,
          GError       **error)
{
  EntReport *report = flow->report;
  const char *caption = report->options->caption;
  g_autofree char *written = g_strdup_printf (_("Written on %s"), report->date);
  const char *group = NULL;

  flow->page = 1;
  flow->y = MARGIN;
  heading (flow, STYLE_TITLE, report->title);
  paragraph (flow, STYLE_NOTE, written, 0.0, FALSE, 0.0);
  if (caption != NULL && caption[0] != '\0')
    paragraph (flow, STYLE_BODY, caption, 0.0, FALSE, 0.0);
  if (report->options->scene != NULL)
    pdf_diagram (flow);

  heading (flow, STYLE_SECTION, _("Unsourced claims"));
  if (report->unsourced->len == 0)
    paragraph (flow, STYLE_BODY, _("Every claim has a supporting quote."), 0.0, FALSE, 0.0);
  for (guint i = 0; i < report->unsourced->len; i++)
    pdf_claim (flow, g_ptr_array_index (report->unsourced, i), FALSE, TRUE);

  heading (flow, STYLE_SECTION, _("Disputed claims"));
  if (report->disputed->len == 0)
    paragraph (flow, STYLE_BODY, _("No quote disputes a claim."), 0.0, FALSE, 0.0);
  for (guint i = 0; i < report->disputed->len; i++)
    pdf_claim (flow, g_ptr_array_index (report->disputed, i), TRUE, TRUE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  heading (flow, STYLE_SECTION, _("Entities"));
  if (report->entities->len == 0)
    paragraph (flow, STYLE_BODY, _("None."), 0.0, FALSE, 0.0);
  for (guint i = 0; i < report->entities->len; i++)
    {
      EntReportClaim *claim = g_ptr_array_index (report->entities, i);
      const char *kind = ent_entity_get_kind_key (claim->entity);

      if (group == NULL || !g_str_equal (kind, group))
        heading (flow, STYLE_GROUP, _ent_report_kind_label (report, claim->entity));
      group = kind;
      pdf_claim (flow, claim, TRUE, FALSE);
      if (i % 32 == 31 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  heading (flow, STYLE_SECTION, _("Relations"));
  if (report->relations->len == 0)
    paragraph (flow, STYLE_BODY, _("None."), 0.0, FALSE, 0.0);
  for (guint i = 0; i < report->relations->len; i++)
    {
      pdf_claim (flow, g_ptr_array_index (report->relations, i), TRUE, FALSE);
      if (i % 32 == 31 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }

  pdf_sources (flow);
  draw_footer (flow);
  if (flow->drawing)
    cairo_show_page (flow->cr);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
fail (Flow            *flow,
      cairo_status_t   status,
      GError         **error)
{
  if (flow->write_errno != 0)
    return _ent_export_set_errno_error (error, flow->path, flow->write_errno);
  g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_FAILED, _("Could not write “%s”: %s"), flow->path,
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * _ent_report_write_pdf:
 * @report: what to write
 * @file: the temporary file to write it to, left open
 * @path: the file it is for, for messages
 * @cancellable: (nullable): to give up
 * @error: return location for an error
 *
 * Writes the report on A4 pages, its text as text that can be searched and
 * copied, each page's number in its footer.
 */
gboolean
_ent_report_write_pdf (EntReport     *report,
                       FILE          *file,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  Flow flow = { .report = report, .path = path, .file = file };
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean written = FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &flow, PAGE_WIDTH, PAGE_HEIGHT);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return fail (&flow, status, error);
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Entente " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);

  flow.cr = cairo_create (surface);
  flow.context = pango_cairo_create_context (flow.cr);
  for (guint i = 0; i < N_STYLES; i++)
    {
      flow.fonts[i] = pango_font_description_from_string (styles[i].family);
      pango_font_description_set_absolute_size (flow.fonts[i], styles[i].size * PANGO_SCALE);
      if (styles[i].bold)
        pango_font_description_set_weight (flow.fonts[i], PANGO_WEIGHT_BOLD);
      if (styles[i].italic)
        pango_font_description_set_style (flow.fonts[i], PANGO_STYLE_ITALIC);
    }

  if (pdf_pass (&flow, cancellable, error))
    {
      flow.n_pages = flow.page;
      flow.drawing = TRUE;
      written = pdf_pass (&flow, cancellable, error);
    }

  for (guint i = 0; i < N_STYLES; i++)
    pango_font_description_free (flow.fonts[i]);
  g_object_unref (flow.context);
  cairo_destroy (flow.cr);

  if (written)
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        written = fail (&flow, status, error);
    }
  /* What Cairo writes of a report given up is not wanted. */
  flow.discard = !written;
  cairo_surface_destroy (surface);
  return written;
}
