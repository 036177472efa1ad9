/* ent-style.c: how each kind of entity looks
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-style"

#include "config.h"

#include "ent-style.h"

#include <math.h>
#include <string.h>

/*
 * One colour of the GNOME palette per kind; the dark style uses a lighter
 * shade of the same hue so that shapes keep their contrast on a dark
 * background.
 */
static const struct {
  guint32 light;
  guint32 dark;
} kind_colors[ENT_N_KINDS] = {
  [ENT_KIND_PERSON]       = { 0x1c71d8, 0x62a0ea },  /* blue */
  [ENT_KIND_COUNTRY]      = { 0x26a269, 0x57e389 },  /* green */
  [ENT_KIND_PLACE]        = { 0x1a7b8c, 0x4fb6c4 },  /* teal */
  [ENT_KIND_COMMISSION]   = { 0x813d9c, 0xc061cb },  /* purple */
  [ENT_KIND_ORGANISATION] = { 0xc64600, 0xffa348 },  /* orange */
  [ENT_KIND_COMMUNITY]    = { 0xc88800, 0xf8e45c },  /* yellow */
  [ENT_KIND_SECTOR]       = { 0x865e3c, 0xcdab8f },  /* brown */
  [ENT_KIND_EVENT]        = { 0xc01c28, 0xf66151 },  /* red */
};

static void
color_from_rgb (guint32   rgb,
                EntColor *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
}

void
ent_style_kind_color (EntKind   kind,
                      gboolean  dark,
                      EntColor *color)
{
  g_return_if_fail (kind < ENT_N_KINDS);
  g_return_if_fail (color != NULL);

  color_from_rgb (dark ? kind_colors[kind].dark : kind_colors[kind].light, color);
}

/* The names the kinds table gives the shapes and glyphs, in the order of EntShape and EntGlyph. */
static const char * const shape_names[ENT_N_SHAPES] = {
  "circle", "rounded-rectangle", "pin", "hexagon", "rectangle", "ellipse", "diamond", "card",
};
static const char * const glyph_names[ENT_N_GLYPHS] = {
  "person", "flag", "dot", "table", "building", "group", "bar-chart", "calendar",
};

G_STATIC_ASSERT ((int) ENT_N_SHAPES == (int) ENT_N_KINDS && (int) ENT_N_GLYPHS == (int) ENT_N_KINDS);

/*
 * How a built-in kind looks in a graph that does not list it, as one built
 * in memory: each built-in kind has the shape and glyph of its own position.
 */
void
ent_style_builtin_look (EntKind      kind,
                        EntKindLook *look)
{
  g_return_if_fail (kind < ENT_N_KINDS);
  g_return_if_fail (look != NULL);

  look->shape = (EntShape) kind;
  look->glyph = (EntGlyph) kind;
  ent_style_kind_color (kind, FALSE, &look->light);
  ent_style_kind_color (kind, TRUE, &look->dark);
}

/* Reads "#rrggbb", in either case; anything else leaves @color as it is. */
static gboolean
parse_color (const char *text,
             EntColor   *color)
{
  guint32 rgb = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      rgb = rgb << 4 | (guint32) digit;
    }

  color_from_rgb (rgb, color);
  return TRUE;
}

/*
 * How a kind of the file looks. A file edited outside Entente may name a
 * shape or glyph we do not draw, or a colour that is none: those fall back
 * to a circle, a dot and grey, so that every entity can still be drawn.
 */
void
ent_style_look_from_info (const EntKindInfo *info,
                          EntKindLook       *look)
{
  g_return_if_fail (info != NULL);
  g_return_if_fail (look != NULL);

  look->shape = ent_style_shape_from_name (info->shape);
  look->glyph = ent_style_glyph_from_name (info->glyph);
  color_from_rgb (0x77767b, &look->light);
  parse_color (info->color, &look->light);
  look->dark = look->light;
  parse_color (info->dark_color, &look->dark);
}

/*
 * The shade of @color ("#rrggbb") that the dark style draws with: lighter,
 * as the built-in kinds' are, so that shapes keep their contrast on a dark
 * background. Returns %NULL for text that is no colour.
 */
char *
ent_style_dark_color_for (const char *color)
{
  EntColor light;

  if (!parse_color (color, &light))
    return NULL;

  return g_strdup_printf ("#%02x%02x%02x", (guint) round ((light.red + (1 - light.red) * 0.35) * 255),
                          (guint) round ((light.green + (1 - light.green) * 0.35) * 255),
                          (guint) round ((light.blue + (1 - light.blue) * 0.35) * 255));
}

/*
 * The name a kind is shown by. The built-in kinds are stored with their
 * English names, which are shown translated until the user renames them.
 */
const char *
ent_style_kind_label (const EntKindInfo *info)
{
  EntKind kind;

  g_return_val_if_fail (info != NULL, NULL);

  if (ent_kind_from_string (info->key, &kind))
    return g_dgettext (GETTEXT_PACKAGE, info->label);
  return info->label;
}

/*
 * The name @entity's kind is shown by: its kind's among @graph's kinds; a
 * kind the graph does not list, as in a graph built in memory, is named as
 * the built-in kind of that key, or else by its key.
 */
const char *
ent_style_entity_kind_label (EntGraph        *graph,
                             const EntEntity *entity)
{
  const char *key;
  const EntKindInfo *info;
  EntKind kind;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  key = ent_entity_get_kind_key (entity);
  info = ent_graph_get_kind (graph, key);
  if (info != NULL)
    return ent_style_kind_label (info);
  if (ent_kind_from_string (key, &kind))
    return ent_kind_get_label (kind);
  return key;
}

/*
 * How @entity's node is drawn: as its kind among @graph's kinds looks; a
 * kind the graph does not list is drawn as the built-in kind of that key,
 * or else as the entity's built-in kind, so that nothing is left out.
 */
void
ent_style_entity_look (EntGraph        *graph,
                       const EntEntity *entity,
                       EntKindLook     *look)
{
  const char *key;
  const EntKindInfo *info;
  EntKind kind;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (entity != NULL);
  g_return_if_fail (look != NULL);

  key = ent_entity_get_kind_key (entity);
  info = ent_graph_get_kind (graph, key);
  if (info != NULL)
    {
      ent_style_look_from_info (info, look);
      return;
    }

  kind = entity->kind < ENT_N_KINDS ? entity->kind : ENT_KIND_ORGANISATION;
  ent_kind_from_string (key, &kind);
  ent_style_builtin_look (kind, look);
}

/* The name of @shape as the kinds table stores it. */
const char *
ent_style_shape_name (EntShape shape)
{
  g_return_val_if_fail (shape < ENT_N_SHAPES, shape_names[ENT_SHAPE_CIRCLE]);

  return shape_names[shape];
}

/* The name of @glyph as the kinds table stores it. */
const char *
ent_style_glyph_name (EntGlyph glyph)
{
  g_return_val_if_fail (glyph < ENT_N_GLYPHS, glyph_names[ENT_GLYPH_DOT]);

  return glyph_names[glyph];
}

static guint
find_name (const char * const *names,
           guint               n_names,
           const char         *name,
           guint               fallback)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (g_str_equal (names[i], name))
      return i;
  return fallback;
}

/* The shape a kinds table names; a circle for a name Entente does not know. */
EntShape
ent_style_shape_from_name (const char *name)
{
  return find_name (shape_names, ENT_N_SHAPES, name, ENT_SHAPE_CIRCLE);
}

/* The glyph a kinds table names; a dot for a name Entente does not know. */
EntGlyph
ent_style_glyph_from_name (const char *name)
{
  return find_name (glyph_names, ENT_N_GLYPHS, name, ENT_GLYPH_DOT);
}

/* How far @shape reaches beside its centre, in radii: the rounded rectangle and the ellipse are wider than tall. */
double
ent_style_shape_half_width (EntShape shape)
{
  switch (shape)
    {
    case ENT_SHAPE_ROUNDED_RECTANGLE:
      return 1.15;
    case ENT_SHAPE_ELLIPSE:
      return 1.2;
    case ENT_SHAPE_CIRCLE:
    case ENT_SHAPE_PIN:
    case ENT_SHAPE_HEXAGON:
    case ENT_SHAPE_RECTANGLE:
    case ENT_SHAPE_DIAMOND:
    case ENT_SHAPE_CARD:
    case ENT_N_SHAPES:
    default:
      return 1.1;
    }
}

static void
append_rounded_rect (cairo_t *cr,
                     double   x,
                     double   y,
                     double   width,
                     double   height,
                     double   corner)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - corner, y + corner, corner, -G_PI / 2, 0);
  cairo_arc (cr, x + width - corner, y + height - corner, corner, 0, G_PI / 2);
  cairo_arc (cr, x + corner, y + height - corner, corner, G_PI / 2, G_PI);
  cairo_arc (cr, x + corner, y + corner, corner, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
append_polygon (cairo_t *cr,
                double   cx,
                double   cy,
                double   radius,
                int      sides,
                double   rotation)
{
  for (int i = 0; i < sides; i++)
    {
      double angle = rotation + i * 2 * G_PI / sides;
      double x = cx + radius * cos (angle);
      double y = cy + radius * sin (angle);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

/* Appends the outline @shape of a node, centred on (cx, cy), to the current path. */
void
ent_style_append_shape (cairo_t  *cr,
                        EntShape  shape,
                        double    cx,
                        double    cy,
                        double    r)
{
  g_return_if_fail (shape < ENT_N_SHAPES);

  switch (shape)
    {
    case ENT_SHAPE_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case ENT_SHAPE_ROUNDED_RECTANGLE:
      append_rounded_rect (cr, cx - r * 1.15, cy - r * 0.8, r * 2.3, r * 1.6, r * 0.35);
      break;

    case ENT_SHAPE_PIN:
      /* A map pin: a circle drawn into a point at the bottom. */
      cairo_move_to (cr, cx, cy + r);
      cairo_curve_to (cr, cx - r * 0.35, cy + r * 0.45, cx - r * 0.8, cy + r * 0.05, cx - r * 0.8, cy - r * 0.25);
      cairo_arc (cr, cx, cy - r * 0.25, r * 0.8, G_PI, 2 * G_PI);
      cairo_curve_to (cr, cx + r * 0.8, cy + r * 0.05, cx + r * 0.35, cy + r * 0.45, cx, cy + r);
      cairo_close_path (cr);
      break;

    case ENT_SHAPE_HEXAGON:
      append_polygon (cr, cx, cy, r, 6, 0);
      break;

    case ENT_SHAPE_RECTANGLE:
      cairo_rectangle (cr, cx - r * 0.95, cy - r * 0.8, r * 1.9, r * 1.6);
      break;

    case ENT_SHAPE_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_scale (cr, 1.2, 0.8);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_restore (cr);
      break;

    case ENT_SHAPE_DIAMOND:
      append_polygon (cr, cx, cy, r * 1.1, 4, -G_PI / 2);
      break;

    case ENT_SHAPE_CARD:
      append_rounded_rect (cr, cx - r, cy - r * 0.85, r * 2, r * 1.7, r * 0.25);
      break;

    case ENT_N_SHAPES:
    default:
      g_assert_not_reached ();
    }
}

/* Appends the small pictogram @glyph, drawn in the shape's contrasting colour. */
void
ent_style_append_glyph (cairo_t  *cr,
                        EntGlyph  glyph,
                        double    cx,
                        double    cy,
                        double    r)
{
  double u = r / 10.0;

  g_return_if_fail (glyph < ENT_N_GLYPHS);

  switch (glyph)
    {
    case ENT_GLYPH_PERSON:
      /* Head and shoulders. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy - 2.5 * u, 2.6 * u, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy + 6 * u, 5 * u, G_PI, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case ENT_GLYPH_FLAG:
      /* A flag on its pole. */
      cairo_rectangle (cr, cx - 4.5 * u, cy - 5 * u, 1.2 * u, 10 * u);
      cairo_move_to (cr, cx - 3.3 * u, cy - 5 * u);
      cairo_line_to (cr, cx + 5 * u, cy - 5 * u);
      cairo_line_to (cr, cx + 3 * u, cy - 2.5 * u);
      cairo_line_to (cr, cx + 5 * u, cy);
      cairo_line_to (cr, cx - 3.3 * u, cy);
      cairo_close_path (cr);
      break;

    case ENT_GLYPH_DOT:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy - 2.5 * u, 3 * u, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case ENT_GLYPH_TABLE:
      /* A table with three seats. */
      cairo_rectangle (cr, cx - 5 * u, cy + 0.5 * u, 10 * u, 1.6 * u);
      for (int i = -1; i <= 1; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx + i * 3.6 * u, cy - 2.5 * u, 1.5 * u, 0, 2 * G_PI);
          cairo_close_path (cr);
        }
      break;

    case ENT_GLYPH_BUILDING:
      /* A building's windows. */
      for (int row = 0; row < 2; row++)
        for (int col = 0; col < 3; col++)
          cairo_rectangle (cr, cx - 4.6 * u + col * 3.4 * u, cy - 3.5 * u + row * 4 * u, 2.2 * u, 2.6 * u);
      break;

    case ENT_GLYPH_GROUP:
      for (int i = -1; i <= 1; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx + i * 4 * u, cy - (i == 0 ? 1.5 : 0) * u, 1.9 * u, 0, 2 * G_PI);
          cairo_close_path (cr);
        }
      break;

    case ENT_GLYPH_BAR_CHART:
      /* A bar chart. */
      cairo_rectangle (cr, cx - 4.5 * u, cy, 2.4 * u, 4 * u);
      cairo_rectangle (cr, cx - 1.2 * u, cy - 3 * u, 2.4 * u, 7 * u);
      cairo_rectangle (cr, cx + 2.1 * u, cy - 5.5 * u, 2.4 * u, 9.5 * u);
      break;

    case ENT_GLYPH_CALENDAR:
      /* A calendar leaf. */
      cairo_rectangle (cr, cx - 5 * u, cy - 4.5 * u, 10 * u, 2.2 * u);
      cairo_rectangle (cr, cx - 5 * u, cy - 1.4 * u, 10 * u, 6.4 * u);
      break;

    case ENT_N_GLYPHS:
    default:
      g_assert_not_reached ();
    }
}
