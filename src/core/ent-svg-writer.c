/* ent-svg-writer.c: writes a scene as SVG
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-svg-writer"

#include "config.h"

#include "ent-svg-writer.h"

/*
 * Cairo's own SVG surface draws text as glyph outlines. This writer keeps
 * text as <text>, so an exported diagram can be searched, read by screen
 * readers and edited in Inkscape, and gives every node and edge a group
 * with an id and a <title>. Shapes come from the same ent_style functions
 * the Cairo renderer uses, through Cairo's path, so both look the same.
 */

static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* The entity that stands for @c in XML text and attributes, or %NULL if @c stands for itself. */
static const char *
markup_escape (gunichar c)
{
  switch (c)
    {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    default: return NULL;
    }
}

/**
 * ent_svg_append_escaped:
 * @out: where to append
 * @text: any bytes
 *
 * Appends @text as XML character data that is valid for any input: invalid
 * UTF-8 is repaired, characters XML does not allow are dropped, and markup
 * characters are escaped.
 */
void
ent_svg_append_escaped (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *escaped = markup_escape (c);

      if (escaped != NULL)
        g_string_append (out, escaped);
      else if (is_xml_char (c))
        g_string_append_unichar (out, c);
    }
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Locale independent: a decimal comma would break every coordinate. */
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
append_color (GString        *out,
              const EntColor *color)
{
  g_string_append_printf (out, "#%02x%02x%02x",
                          (int) (color->red * 255 + 0.5),
                          (int) (color->green * 255 + 0.5),
                          (int) (color->blue * 255 + 0.5));
}

/* Writes the current path of @cr as SVG path data, and clears it. */
static void
append_path_data (GString *out,
                  cairo_t *cr)
{
  cairo_path_t *path = cairo_copy_path (cr);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      cairo_path_data_t *data = &path->data[i];
      int n_points = 0;

      switch (data->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          g_string_append_c (out, 'M');
          n_points = 1;
          break;
        case CAIRO_PATH_LINE_TO:
          g_string_append_c (out, 'L');
          n_points = 1;
          break;
        case CAIRO_PATH_CURVE_TO:
          g_string_append_c (out, 'C');
          n_points = 3;
          break;
        case CAIRO_PATH_CLOSE_PATH:
          g_string_append_c (out, 'Z');
          break;
        default:
          break;
        }

      for (int j = 1; j <= n_points; j++)
        {
          if (j > 1)
            g_string_append_c (out, ' ');
          append_number (out, data[j].point.x);
          g_string_append_c (out, ',');
          append_number (out, data[j].point.y);
        }
    }

  cairo_path_destroy (path);
  cairo_new_path (cr);
}

static void
append_path_element (GString        *out,
                     cairo_t        *cr,
                     const EntColor *fill,
                     const EntColor *stroke,
                     double          opacity)
{
  g_string_append (out, "<path d=\"");
  append_path_data (out, cr);
  g_string_append (out, "\" fill=\"");
  append_color (out, fill);
  if (opacity > 0 && opacity < 1)
    {
      g_string_append (out, "\" fill-opacity=\"");
      append_number (out, opacity);
    }
  if (stroke != NULL)
    {
      g_string_append (out, "\" stroke=\"");
      append_color (out, stroke);
    }
  g_string_append (out, "\"/>");
}

/* Writes a Pango layout as one <text> with a <tspan> per line, centred as Pango centred it, or each line from its
 * start when @anchor is "start". */
static void
append_layout_start (GString        *out,
                     PangoLayout    *layout,
                     double          x,
                     double          y,
                     const EntColor *color,
                     double          alpha,
                     const EntColor *halo,
                     const char     *anchor)
{
  gboolean centred = g_strcmp0 (anchor, "middle") == 0;
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  g_string_append (out, "<text fill=\"");
  append_color (out, color);
  g_string_append (out, "\"");
  if (alpha < 1.0)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, alpha);
      g_string_append (out, "\"");
    }
  /* The same halo of page colour as on screen, painted beneath the letters. */
  g_string_append (out, " stroke=\"");
  append_color (out, halo);
  g_string_append (out, "\" stroke-opacity=\"0.85\" stroke-width=\"");
  append_number (out, ENT_STYLE_HALO_WIDTH);
  g_string_append_printf (out, "\" stroke-linejoin=\"round\" paint-order=\"stroke\" text-anchor=\"%s\">", anchor);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      g_autofree char *line_text = g_strndup (text + line->start_index, line->length);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_strchomp (line_text);
      g_string_append (out, "<tspan x=\"");
      append_number (out, x + (logical.x + (centred ? logical.width / 2.0 : 0.0)) / PANGO_SCALE);
      g_string_append (out, "\" y=\"");
      append_number (out, y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      g_string_append (out, "\">");
      ent_svg_append_escaped (out, line_text);
      g_string_append (out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
  g_string_append (out, "</text>");
}

static void
append_layout (GString        *out,
               PangoLayout    *layout,
               double          x,
               double          y,
               const EntColor *color,
               double          alpha,
               const EntColor *halo)
{
  append_layout_start (out, layout, x, y, color, alpha, halo, "middle");
}

static void
append_group_start (GString    *out,
                    const char *prefix,
                    gint64      id,
                    const char *klass,
                    const char *title)
{
  g_string_append_printf (out, "<g id=\"%s-%" G_GINT64_FORMAT "\" class=\"%s\"><title>", prefix, id, klass);
  ent_svg_append_escaped (out, title);
  g_string_append (out, "</title>");
}

/* The two orange strokes across a disputed edge, as the renderer draws them. */
static void
append_dispute_marks (GString            *out,
                      cairo_t            *cr,
                      const EntSceneItem *item,
                      gboolean            dark)
{
  EntColor color;

  ent_renderer_get_disputed_color (dark, &color);
  cairo_new_path (cr);
  ent_renderer_append_dispute_marks (cr, item);
  g_string_append (out, "<path class=\"disputed\" d=\"");
  append_path_data (out, cr);
  g_string_append (out, "\" fill=\"none\" stroke=\"");
  append_color (out, &color);
  g_string_append (out, "\" stroke-linecap=\"round\" stroke-width=\"");
  append_number (out, ENT_RENDER_DISPUTE_WIDTH);
  g_string_append (out, "\"/>");
  cairo_new_path (cr);
}

static void
append_edge (GString                *out,
             cairo_t                *cr,
             const EntSceneItem     *item,
             PangoLayout            *layout,
             const char             *title,
             const EntRenderOptions *options,
             const EntColor         *edge_color,
             const EntColor         *text_color,
             const EntColor         *background)
{
  const double *path;
  guint n_points;

  append_group_start (out, "relation", item->id, "edge", title);

  path = ent_scene_edge_get_path (item, &n_points);
  g_string_append (out, "<path d=\"M");
  append_number (out, path[0]);
  g_string_append_c (out, ',');
  append_number (out, path[1]);
  g_string_append_c (out, 'C');
  for (guint i = 1; i < n_points; i++)
    {
      if (i > 1)
        g_string_append_c (out, ' ');
      append_number (out, path[2 * i]);
      g_string_append_c (out, ',');
      append_number (out, path[2 * i + 1]);
    }
  g_string_append (out, "\" fill=\"none\" stroke=\"");
  append_color (out, edge_color);
  g_string_append (out, "\" stroke-width=\"");
  append_number (out, item->line_width);
  if (options->edge_opacity > 0 && options->edge_opacity < 1)
    {
      g_string_append (out, "\" stroke-opacity=\"");
      append_number (out, options->edge_opacity);
    }
  g_string_append (out, item->dashed ? "\" stroke-dasharray=\"4 3\"/>" : "\"/>");

  if (item->directed)
    {
      ent_renderer_append_arrow (cr, item);
      append_path_element (out, cr, edge_color, NULL, options->edge_opacity);
    }

  if (item->disputed)
    append_dispute_marks (out, cr, item, options->dark);

  if (layout != NULL && options->edge_labels)
    append_layout (out, layout, item->label_x, item->label_y, text_color, 0.85, background);

  g_string_append (out, "</g>\n");
}

/* The class of a kind's shapes: its key, which a file may give any text, made one safe token. */
static char *
kind_class_name (const EntSceneKind *kind)
{
  return g_strdelimit (g_markup_escape_text (kind->key, -1), " \t\n\r", '-');
}

static void
append_node (GString                *out,
             cairo_t                *cr,
             const EntSceneItem     *item,
             const char             *kind_class,
             PangoLayout            *layout,
             const char             *title,
             const EntRenderOptions *options,
             const EntColor         *text_color,
             const EntColor         *background)
{
  g_autofree char *klass = g_strconcat ("node ", kind_class, NULL);

  append_group_start (out, "entity", item->id, klass, title);

  ent_style_append_shape (cr, item->look->shape, item->cx, item->cy, item->radius);
  append_path_element (out, cr, ent_kind_look_color (item->look, options->dark), background, 1.0);
  ent_style_append_glyph (cr, item->look->glyph, item->cx, item->cy, item->radius);
  append_path_element (out, cr, background, NULL, 1.0);

  if (layout != NULL)
    append_layout (out, layout, item->label_x, item->label_y, text_color, 1.0, background);

  g_string_append (out, "</g>\n");
}

/* A legend entry's sample of edges, as the renderer draws it: a thin and a wide line, or a dashed one. */
static void
append_legend_lines (GString                   *out,
                     cairo_t                   *cr,
                     const EntSceneLegendEntry *entry,
                     const EntColor            *edge_color,
                     gboolean                   dark)
{
  gboolean sources = entry->type == ENT_LEGEND_EDGE_SOURCES;
  gboolean disputed = entry->type == ENT_LEGEND_EDGE_DISPUTED;

  g_string_append_printf (out, "<g class=\"legend-entry %s\">",
                          sources ? "edge-sources" : disputed ? "edge-disputed" : "edge-unsourced");
  for (guint n = 0; n < (sources ? 2u : 1u); n++)
    {
      g_string_append (out, "<path d=\"M");
      append_number (out, entry->cx - 8);
      g_string_append_c (out, ',');
      append_number (out, entry->cy + (sources ? (n == 0 ? -3 : 3) : 0));
      g_string_append (out, "H");
      append_number (out, entry->cx + 8);
      g_string_append (out, "\" fill=\"none\" stroke=\"");
      append_color (out, edge_color);
      g_string_append (out, "\" stroke-width=\"");
      append_number (out, ent_scene_edge_width (sources ? (n == 0 ? 1 : ENT_SCENE_MAX_SOURCES_SHOWN) : disputed ? 1 : 0));
      g_string_append (out, sources || disputed ? "\"/>" : "\" stroke-dasharray=\"4 3\"/>");
    }
  if (disputed)
    {
      EntSceneItem sample = { .type = ENT_SCENE_ITEM_EDGE, .p = { entry->cx - 8, entry->cy, entry->cx - 3, entry->cy,
                                                                  entry->cx + 3, entry->cy, entry->cx + 8, entry->cy } };

      append_dispute_marks (out, cr, &sample, dark);
    }
}

static void
append_legend (GString                *out,
               cairo_t                *cr,
               EntScene               *scene,
               const EntRenderOptions *options,
               double                  dx,
               double                  dy,
               const EntColor         *text_color,
               const EntColor         *edge_color,
               const EntColor         *background)
{
  const EntSceneLegendEntry *entries;
  guint n_entries;
  EntRect bounds;

  ent_scene_get_legend (scene, &entries, &n_entries, &bounds);
  if (n_entries == 0)
    return;

  g_string_append (out, "<g id=\"legend\" class=\"legend\"");
  if (dx != 0 || dy != 0)
    {
      g_string_append (out, " transform=\"translate(");
      append_number (out, dx);
      g_string_append_c (out, ' ');
      append_number (out, dy);
      g_string_append (out, ")\"");
    }
  g_string_append (out, ">\n");
  for (guint i = 0; i < n_entries; i++)
    {
      if (entries[i].type == ENT_LEGEND_KIND)
        {
          const EntSceneKind *kind = ent_scene_get_kind (scene, entries[i].kind);
          g_autofree char *kind_class = kind_class_name (kind);

          g_string_append_printf (out, "<g class=\"legend-entry %s\">", kind_class);
          ent_style_append_shape (cr, kind->look.shape, entries[i].cx, entries[i].cy, 6.5);
          append_path_element (out, cr, ent_kind_look_color (&kind->look, options->dark), NULL, 1.0);
        }
      else
        append_legend_lines (out, cr, &entries[i], edge_color, options->dark);
      append_layout (out, entries[i].layout, entries[i].label_x, entries[i].label_y, text_color, 1.0, background);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n");
}

/**
 * ent_svg_write_scene_full:
 * @scene: the scene
 * @area: the part of the graph to write, in graph coordinates
 * @options: colours, legend and where it goes, edge labels, the items left out
 * @extras: (nullable): a transparent background, a caption
 *
 * Returns: (transfer full): the SVG document
 */
GString *
ent_svg_write_scene_full (EntScene               *scene,
                          const EntRect          *area,
                          const EntRenderOptions *options,
                          const EntSvgExtras     *extras)
{
  GString *out = g_string_new (NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) kind_classes = NULL;
  EntColor background, text_color, edge_color;
  double width = area->x2 - area->x1;
  double height = area->y2 - area->y1;

  g_return_val_if_fail (scene != NULL, NULL);

  ent_renderer_get_colors (options->dark, &background, &text_color, &edge_color);
  ent_scene_query_rect (scene, area, indices);
  kind_classes = g_new0 (char *, ent_scene_get_n_kinds (scene) + 1);
  for (guint i = 0; i < ent_scene_get_n_kinds (scene); i++)
    kind_classes[i] = kind_class_name (ent_scene_get_kind (scene, i));

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
  append_number (out, width);
  g_string_append (out, "pt\" height=\"");
  append_number (out, height);
  g_string_append (out, "pt\" viewBox=\"");
  append_number (out, area->x1);
  g_string_append_c (out, ' ');
  append_number (out, area->y1);
  g_string_append_c (out, ' ');
  append_number (out, width);
  g_string_append_c (out, ' ');
  append_number (out, height);
  g_string_append (out, "\">\n<style>text { font-family: " ENT_STYLE_FONT_FAMILY "; font-size: ");
  append_number (out, ENT_STYLE_FONT_SIZE);
  g_string_append (out, "px; } .caption text { font-size: ");
  append_number (out, ENT_STYLE_CAPTION_SIZE);
  g_string_append (out, "px; }</style>\n");
  if (extras == NULL || !extras->transparent)
    {
      g_string_append (out, "<rect class=\"background\" x=\"");
      append_number (out, area->x1);
      g_string_append (out, "\" y=\"");
      append_number (out, area->y1);
      g_string_append (out, "\" width=\"");
      append_number (out, width);
      g_string_append (out, "\" height=\"");
      append_number (out, height);
      g_string_append (out, "\" fill=\"");
      append_color (out, &background);
      g_string_append (out, "\"/>\n");
    }

  if (extras != NULL && extras->clip != NULL)
    {
      g_string_append (out, "<clipPath id=\"diagram-area\"><rect x=\"");
      append_number (out, extras->clip->x1);
      g_string_append (out, "\" y=\"");
      append_number (out, extras->clip->y1);
      g_string_append (out, "\" width=\"");
      append_number (out, extras->clip->x2 - extras->clip->x1);
      g_string_append (out, "\" height=\"");
      append_number (out, extras->clip->y2 - extras->clip->y1);
      g_string_append (out, "\"/></clipPath>\n<g clip-path=\"url(#diagram-area)\">\n");
    }

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const EntSceneItem *item = ent_scene_get_item (scene, index);
      const char *title;
      gboolean faded;

      if (options->item_states != NULL && (options->item_states[index] & ENT_ITEM_STATE_HIDDEN))
        continue;

      /* What a chain picked out in the view leaves fades, as the renderer draws it. */
      faded = options->item_states != NULL && (options->item_states[index] & ENT_ITEM_STATE_FADED);
      if (faded)
        g_string_append (out, "<g opacity=\"0.25\">");
      title = ent_scene_get_title (scene, index);
      if (item->type == ENT_SCENE_ITEM_EDGE)
        append_edge (out, cr, item, ent_scene_get_layout (scene, item), title, options, &edge_color, &text_color,
                     &background);
      else
        append_node (out, cr, item, kind_classes[item->kind], ent_scene_get_layout (scene, item), title, options,
                     &text_color, &background);
      if (faded)
        g_string_append (out, "</g>");
    }

  if (extras != NULL && extras->clip != NULL)
    g_string_append (out, "</g>\n");

  if (options->legend)
    append_legend (out, cr, scene, options, options->legend_dx, options->legend_dy, &text_color, &edge_color,
                   &background);

  if (extras != NULL && extras->caption != NULL)
    {
      g_string_append (out, "<g class=\"caption\">");
      append_layout_start (out, extras->caption, extras->caption_x, extras->caption_y, &text_color, 1.0, &background,
                           "start");
      g_string_append (out, "</g>\n");
    }

  g_string_append (out, "</svg>\n");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return out;
}

/**
 * ent_svg_write_scene:
 * @scene: the scene
 * @area: the part of the graph to write, in graph coordinates
 * @options: colours, legend and edge labels
 *
 * Returns: (transfer full): the SVG document
 */
GString *
ent_svg_write_scene (EntScene               *scene,
                     const EntRect          *area,
                     const EntRenderOptions *options)
{
  return ent_svg_write_scene_full (scene, area, options, NULL);
}
