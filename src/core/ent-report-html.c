/* ent-report-html.c: the evidence report as one self-contained HTML page
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-report"

#include "config.h"

#include "ent-report-private.h"
#include "ent-export-private.h"
#include "ent-svg-writer.h"

#include <glib/gi18n-lib.h>

static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* @format, its arguments escaped, between @before and @after. */
static void
append_element (GString    *out,
                const char *before,
                const char *text,
                const char *after)
{
  g_string_append (out, before);
  append_text (out, text);
  g_string_append (out, after);
}

static const char style_sheet[] =
  "body{font-family:'Noto Serif','DejaVu Serif',Georgia,serif;color:#1a1a1a;background:#fff;line-height:1.45;"
  "max-width:52em;margin:2em auto;padding:0 1.5em}"
  "h1{font-size:1.7em;margin:0 0 .2em}"
  "h2{font-size:1.3em;border-bottom:1px solid #bbb;padding-bottom:.15em;margin-top:2em}"
  "h3{font-size:1.1em;margin:1.4em 0 .4em}"
  "h4{font-size:1em;margin:1.1em 0 .2em}"
  ".date,.caption,.details,.none,.count{color:#555}"
  ".caption{font-style:italic}"
  ".details{margin:0 0 .3em;font-size:.92em}"
  ".diagram{margin:1.5em 0;text-align:center}"
  ".diagram img{max-width:100%;height:auto;border:1px solid #ddd}"
  "blockquote{margin:.4em 0 .6em 0;padding:.1em 0 .1em .9em;border-left:3px solid #9ab}"
  "blockquote.disputing{border-left-color:#c55}"
  "blockquote p{margin:.2em 0}"
  ".cite{font-size:.88em;color:#444}"
  ".side{font-size:.9em;font-weight:bold;color:#444;margin:.6em 0 .1em}"
  "a{color:#1d4f91;word-break:break-all}"
  "table{border-collapse:collapse;width:100%}"
  "th,td{text-align:left;vertical-align:top;padding:.3em .5em;border-bottom:1px solid #ddd}"
  "td.number{text-align:right}"
  "@media print{body{margin:0;max-width:none}a{color:inherit}}";

static void
html_quote (EntReport      *report,
            GString        *out,
            const EntQuote *quote,
            gboolean        disputing)
{
  EntSource *source = ent_graph_get_source (report->graph, quote->source_id);
  gboolean shortened;
  g_autofree char *text = _ent_report_quote_text (quote, &shortened);

  g_string_append (out, disputing ? "<blockquote class=\"disputing\">" : "<blockquote>");
  append_element (out, "<p>", text, "</p>\n");
  if (shortened)
    append_element (out, "<p class=\"cite\">", _("(The quote is shortened here: the source holds all of it.)"),
                    "</p>\n");
  if (source != NULL)
    {
      g_autofree char *line = _ent_report_source_line (source);

      append_element (out, "<p class=\"cite\">— ", line, "");
      if (source->url != NULL && source->url[0] != '\0')
        {
          g_string_append (out, ", ");
          if (_ent_report_is_web_address (source->url))
            {
              append_element (out, "<a href=\"", source->url, "\">");
              append_element (out, "", source->url, "</a>");
            }
          else
            append_text (out, source->url);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</blockquote>\n");
}

static void
html_quotes (EntReport            *report,
             GString              *out,
             const EntReportClaim *claim)
{
  if (claim->supporting->len == 0)
    append_element (out, "<p class=\"none\">", _("No quote supports it."), "</p>\n");
  else if (claim->disputing->len > 0)
    append_element (out, "<p class=\"side\">", _("Supporting quotes"), "</p>\n");
  for (guint i = 0; i < claim->supporting->len; i++)
    html_quote (report, out, g_ptr_array_index (claim->supporting, i), FALSE);

  if (claim->disputing->len > 0)
    append_element (out, "<p class=\"side\">", _("Disputing quotes"), "</p>\n");
  for (guint i = 0; i < claim->disputing->len; i++)
    html_quote (report, out, g_ptr_array_index (claim->disputing, i), TRUE);
}

/* A claim's heading, at @level, and what is said of it. */
static void
html_claim_heading (EntReport            *report,
                    GString              *out,
                    const EntReportClaim *claim,
                    int                   level,
                    gboolean              with_kind)
{
  g_autofree char *name = _ent_report_claim_name (report, claim);
  g_autofree char *details = _ent_report_claim_details (report, claim, with_kind);

  g_string_append_printf (out, "<h%d>", level);
  append_text (out, name);
  g_string_append_printf (out, "</h%d>\n", level);
  if (details != NULL)
    append_element (out, "<p class=\"details\">", details, "</p>\n");
}

static void
html_diagram (EntReport *report,
              GString   *out)
{
  const EntReportOptions *options = report->options;
  EntExportOptions export = {
    .dark = options->dark,
    .legend = TRUE,
    .item_states = options->states,
  };
  EntExportPicture picture;
  EntRenderOptions render_options;
  EntSvgExtras extras = { 0 };
  g_autoptr(GString) svg = NULL;
  g_autofree char *encoded = NULL;

  _ent_export_picture_init (&picture, options->scene, &export);
  _ent_export_render_options (&picture, options->scene, &export, 1.0, &render_options);
  extras.clip = picture.clip ? &picture.content : NULL;
  svg = ent_svg_write_scene_full (options->scene, &picture.area, &render_options, &extras);
  _ent_export_picture_clear (&picture);

  /* An image of its own rather than SVG elements in the page: HTML parsers that predate inline SVG (libxml2's,
   * among others) then read the page without error, and it is still one self-contained file. */
  encoded = g_base64_encode ((const guchar *) svg->str, svg->len);
  g_string_append (out, "<div class=\"diagram\"><img src=\"data:image/svg+xml;base64,");
  g_string_append (out, encoded);
  append_element (out, "\" alt=\"", _("The network’s diagram"), "\"></div>\n");
}

static void
html_claims_section (EntReport  *report,
                     GString    *out,
                     const char *id,
                     const char *heading,
                     const char *none,
                     GPtrArray  *claims,
                     gboolean    quotes)
{
  g_string_append_printf (out, "<div class=\"section\" id=\"%s\">\n", id);
  append_element (out, "<h2>", heading, "</h2>\n");
  if (claims->len == 0)
    append_element (out, "<p class=\"none\">", none, "</p>\n");
  else if (!quotes)
    g_string_append (out, "<ul>\n");
  for (guint i = 0; i < claims->len; i++)
    {
      EntReportClaim *claim = g_ptr_array_index (claims, i);

      if (quotes)
        {
          html_claim_heading (report, out, claim, 3, TRUE);
          html_quotes (report, out, claim);
        }
      else
        {
          g_autofree char *name = _ent_report_claim_name (report, claim);
          g_autofree char *details = _ent_report_claim_details (report, claim, TRUE);

          append_element (out, "<li>", name, "");
          if (details != NULL)
            append_element (out, " <span class=\"details\">(", details, ")</span>");
          g_string_append (out, "</li>\n");
        }
    }
  if (claims->len > 0 && !quotes)
    g_string_append (out, "</ul>\n");
  g_string_append (out, "</div>\n");
}

/**
 * _ent_report_write_html:
 * @report: what to write
 * @out: where to write it
 * @cancellable: (nullable): to give up
 * @error: return location for an error: only a cancel
 *
 * Writes the report as one HTML page that needs nothing else: its style and
 * diagram inside it, no script, every text escaped.
 */
gboolean
_ent_report_write_html (EntReport     *report,
                        GString       *out,
                        GCancellable  *cancellable,
                        GError       **error)
{
  const EntReportOptions *options = report->options;
  const char *group = NULL;

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
  append_element (out, "<title>", report->title, "</title>\n");
  g_string_append_printf (out, "<meta name=\"generator\" content=\"Entente %s\">\n", PACKAGE_VERSION);
  g_string_append_printf (out, "<style>%s</style>\n</head>\n<body>\n", style_sheet);

  append_element (out, "<h1>", report->title, "</h1>\n");
  {
    /* Translators: under a report's title: the day it was written */
    g_autofree char *written = g_strdup_printf (_("Written on %s"), report->date);

    append_element (out, "<p class=\"date\">", written, "</p>\n");
  }
  if (options->caption != NULL && options->caption[0] != '\0')
    append_element (out, "<p class=\"caption\">", options->caption, "</p>\n");

  if (options->scene != NULL)
    html_diagram (report, out);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  html_claims_section (report, out, "unsourced", _("Unsourced claims"), _("Every claim has a supporting quote."),
                       report->unsourced, FALSE);
  html_claims_section (report, out, "disputed", _("Disputed claims"), _("No quote disputes a claim."),
                       report->disputed, TRUE);

  g_string_append (out, "<div class=\"section\" id=\"entities\">\n");
  append_element (out, "<h2>", _("Entities"), "</h2>\n");
  if (report->entities->len == 0)
    append_element (out, "<p class=\"none\">", _("None."), "</p>\n");
  for (guint i = 0; i < report->entities->len; i++)
    {
      EntReportClaim *claim = g_ptr_array_index (report->entities, i);
      const char *kind = ent_entity_get_kind_key (claim->entity);

      if (group == NULL || !g_str_equal (kind, group))
        append_element (out, "<h3>", _ent_report_kind_label (report, claim->entity), "</h3>\n");
      group = kind;
      html_claim_heading (report, out, claim, 4, FALSE);
      html_quotes (report, out, claim);
      if (i % 64 == 63 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  g_string_append (out, "</div>\n");

  html_claims_section (report, out, "relations", _("Relations"), _("None."), report->relations, TRUE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_string_append (out, "<div class=\"section\" id=\"sources\">\n");
  append_element (out, "<h2>", _("Sources"), "</h2>\n");
  if (report->sources->len == 0)
    append_element (out, "<p class=\"none\">", _("No claim quotes a source."), "</p>\n");
  else
    {
      g_string_append (out, "<table>\n<tr>");
      append_element (out, "<th>", _("Source"), "</th>");
      append_element (out, "<th>", _("Address"), "</th>");
      append_element (out, "<th>", _("Claims citing it"), "</th></tr>\n");
    }
  for (guint i = 0; i < report->sources->len; i++)
    {
      EntReportSource *entry = &g_array_index (report->sources, EntReportSource, i);
      g_autofree char *line = _ent_report_source_line (entry->source);
      const char *url = entry->source->url != NULL ? entry->source->url : "";

      append_element (out, "<tr><td>", line, "</td><td>");
      if (_ent_report_is_web_address (url))
        {
          append_element (out, "<a href=\"", url, "\">");
          append_element (out, "", url, "</a>");
        }
      else
        append_text (out, url);
      g_string_append_printf (out, "</td><td class=\"number\">%u</td></tr>\n", entry->n_claims);
    }
  if (report->sources->len > 0)
    g_string_append (out, "</table>\n");
  g_string_append (out, "</div>\n</body>\n</html>\n");
  return TRUE;
}

