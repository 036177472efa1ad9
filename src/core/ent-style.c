/* ent-style.c: how each kind of entity looks
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-style"

#include "config.h"

#include "ent-style.h"

#include <math.h>

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

void
ent_style_kind_color (EntKind   kind,
                      gboolean  dark,
                      EntColor *color)
{
  guint32 rgb;

  g_return_if_fail (kind < ENT_N_KINDS);
  g_return_if_fail (color != NULL);

  rgb = dark ? kind_colors[kind].dark : kind_colors[kind].light;
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
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

/* Appends the outline of a node of @kind, centred on (cx, cy), to the current path. */
void
ent_style_append_shape (cairo_t *cr,
                        EntKind  kind,
                        double   cx,
                        double   cy,
                        double   r)
{
  g_return_if_fail (kind < ENT_N_KINDS);

  switch (kind)
    {
    case ENT_KIND_PERSON:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case ENT_KIND_COUNTRY:
      append_rounded_rect (cr, cx - r * 1.15, cy - r * 0.8, r * 2.3, r * 1.6, r * 0.35);
      break;

    case ENT_KIND_PLACE:
      /* A map pin: a circle drawn into a point at the bottom. */
      cairo_move_to (cr, cx, cy + r);
      cairo_curve_to (cr, cx - r * 0.35, cy + r * 0.45, cx - r * 0.8, cy + r * 0.05, cx - r * 0.8, cy - r * 0.25);
      cairo_arc (cr, cx, cy - r * 0.25, r * 0.8, G_PI, 2 * G_PI);
      cairo_curve_to (cr, cx + r * 0.8, cy + r * 0.05, cx + r * 0.35, cy + r * 0.45, cx, cy + r);
      cairo_close_path (cr);
      break;

    case ENT_KIND_COMMISSION:
      append_polygon (cr, cx, cy, r, 6, 0);
      break;

    case ENT_KIND_ORGANISATION:
      cairo_rectangle (cr, cx - r * 0.95, cy - r * 0.8, r * 1.9, r * 1.6);
      break;

    case ENT_KIND_COMMUNITY:
      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_scale (cr, 1.2, 0.8);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_restore (cr);
      break;

    case ENT_KIND_SECTOR:
      append_polygon (cr, cx, cy, r * 1.1, 4, -G_PI / 2);
      break;

    case ENT_KIND_EVENT:
      append_rounded_rect (cr, cx - r, cy - r * 0.85, r * 2, r * 1.7, r * 0.25);
      break;

    case ENT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

/* Appends a small pictogram of @kind, drawn in the shape's contrasting colour. */
void
ent_style_append_glyph (cairo_t *cr,
                        EntKind  kind,
                        double   cx,
                        double   cy,
                        double   r)
{
  double u = r / 10.0;

  g_return_if_fail (kind < ENT_N_KINDS);

  switch (kind)
    {
    case ENT_KIND_PERSON:
      /* Head and shoulders. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy - 2.5 * u, 2.6 * u, 0, 2 * G_PI);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy + 6 * u, 5 * u, G_PI, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case ENT_KIND_COUNTRY:
      /* A flag on its pole. */
      cairo_rectangle (cr, cx - 4.5 * u, cy - 5 * u, 1.2 * u, 10 * u);
      cairo_move_to (cr, cx - 3.3 * u, cy - 5 * u);
      cairo_line_to (cr, cx + 5 * u, cy - 5 * u);
      cairo_line_to (cr, cx + 3 * u, cy - 2.5 * u);
      cairo_line_to (cr, cx + 5 * u, cy);
      cairo_line_to (cr, cx - 3.3 * u, cy);
      cairo_close_path (cr);
      break;

    case ENT_KIND_PLACE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy - 2.5 * u, 3 * u, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;

    case ENT_KIND_COMMISSION:
      /* A table with three seats. */
      cairo_rectangle (cr, cx - 5 * u, cy + 0.5 * u, 10 * u, 1.6 * u);
      for (int i = -1; i <= 1; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx + i * 3.6 * u, cy - 2.5 * u, 1.5 * u, 0, 2 * G_PI);
          cairo_close_path (cr);
        }
      break;

    case ENT_KIND_ORGANISATION:
      /* A building's windows. */
      for (int row = 0; row < 2; row++)
        for (int col = 0; col < 3; col++)
          cairo_rectangle (cr, cx - 4.6 * u + col * 3.4 * u, cy - 3.5 * u + row * 4 * u, 2.2 * u, 2.6 * u);
      break;

    case ENT_KIND_COMMUNITY:
      for (int i = -1; i <= 1; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx + i * 4 * u, cy - (i == 0 ? 1.5 : 0) * u, 1.9 * u, 0, 2 * G_PI);
          cairo_close_path (cr);
        }
      break;

    case ENT_KIND_SECTOR:
      /* A bar chart. */
      cairo_rectangle (cr, cx - 4.5 * u, cy, 2.4 * u, 4 * u);
      cairo_rectangle (cr, cx - 1.2 * u, cy - 3 * u, 2.4 * u, 7 * u);
      cairo_rectangle (cr, cx + 2.1 * u, cy - 5.5 * u, 2.4 * u, 9.5 * u);
      break;

    case ENT_KIND_EVENT:
      /* A calendar leaf. */
      cairo_rectangle (cr, cx - 5 * u, cy - 4.5 * u, 10 * u, 2.2 * u);
      cairo_rectangle (cr, cx - 5 * u, cy - 1.4 * u, 10 * u, 6.4 * u);
      break;

    case ENT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}
