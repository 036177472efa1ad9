/* ent-position.h: where a node stands in a stored layout
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A stored node position, in points, y growing downwards. */
typedef struct
{
  gint64   entity_id;
  double   x;
  double   y;
  gboolean pinned;
} EntPosition;

/*
 * A stored edge route: the control points of a cubic Bézier spline, 1 + 3k
 * of them (k ≥ 1), from the relation's source node to its target node (to
 * the arrowhead's tip, for a directed one), in points, y growing downwards,
 * as the layout engine routed it around the nodes' boxes. The scene joins
 * its ends to the nodes' shapes.
 */
typedef struct
{
  gint64  relation_id;
  guint    n_points;
  double  *points;     /* x0 y0 x1 y1 …: 2 × n_points doubles */
  /* Where the engine centred the relation's label, clear of the nodes, if it placed one. */
  gboolean has_label;
  double   label_x;
  double   label_y;
} EntRoute;

/* Far beyond any drawing the layout helper makes: a coordinate past it was not made by one. */
#define ENT_ROUTE_MAX_COORDINATE 1e7

/* The most control points a route may have: 1 + 3 × 2,000. */
#define ENT_ROUTE_MAX_POINTS 6001
/* What its stored blob takes then: two 8-byte doubles a point; a literal, for the schema's SQL. */
#define ENT_ROUTE_MAX_BYTES 96016
G_STATIC_ASSERT (ENT_ROUTE_MAX_BYTES == ENT_ROUTE_MAX_POINTS * 16);

static inline gboolean
ent_route_n_points_is_valid (guint n_points)
{
  return n_points >= 4 && n_points <= ENT_ROUTE_MAX_POINTS && (n_points - 1) % 3 == 0;
}

/* For g_array_set_clear_func () on an array of EntRoute. */
static inline void
ent_route_clear (gpointer data)
{
  EntRoute *route = data;

  g_clear_pointer (&route->points, g_free);
  route->n_points = 0;
}

G_END_DECLS
