/* ent-geometry.h: axis-aligned rectangles in graph coordinates
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * An axis-aligned rectangle with inclusive bounds, so a rectangle of zero
 * width and height is a point and still contains that point. A rectangle
 * with x1 > x2 or y1 > y2 is empty.
 */
typedef struct
{
  double x1, y1, x2, y2;
} EntRect;

static inline gboolean
ent_rect_is_empty (const EntRect *r)
{
  return r->x1 > r->x2 || r->y1 > r->y2;
}

/* Rectangles that only touch at an edge or a corner intersect. */
static inline gboolean
ent_rect_intersects (const EntRect *a,
                     const EntRect *b)
{
  return a->x1 <= b->x2 && b->x1 <= a->x2 &&
         a->y1 <= b->y2 && b->y1 <= a->y2;
}

static inline gboolean
ent_rect_contains_point (const EntRect *r,
                         double         x,
                         double         y)
{
  return r->x1 <= x && x <= r->x2 && r->y1 <= y && y <= r->y2;
}

/* Whether @inner lies wholly within @outer, edges included. */
static inline gboolean
ent_rect_contains (const EntRect *outer,
                   const EntRect *inner)
{
  return outer->x1 <= inner->x1 && inner->x2 <= outer->x2 && outer->y1 <= inner->y1 && inner->y2 <= outer->y2;
}

/*
 * Grows @into to the smallest rectangle holding both. An empty @into holds
 * nothing, so it becomes @r, whichever inverted bounds it had.
 */
static inline void
ent_rect_union (EntRect       *into,
                const EntRect *r)
{
  if (ent_rect_is_empty (into))
    {
      *into = *r;
      return;
    }

  into->x1 = MIN (into->x1, r->x1);
  into->y1 = MIN (into->y1, r->y1);
  into->x2 = MAX (into->x2, r->x2);
  into->y2 = MAX (into->y2, r->y2);
}

G_END_DECLS
