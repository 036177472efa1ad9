/* ent-scene-geometry.c: where a scene's items go and what they cover
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include "ent-scene.h"
#include "ent-label-measure.h"
#include "ent-scene-private.h"
#include "ent-style.h"

#include <math.h>
#include <string.h>

#define LABEL_GAP       3.0
#define PARALLEL_SPREAD 16.0

/* How wide a node's shape reaches beside its centre. */
static double
shape_half_width (EntShape shape)
{
  return _ent_scene_shape_radius () * ent_style_shape_half_width (shape);
}

/*
 * Grows @bounds by everything a label drawn at (@x, @y) paints: its ink,
 * which may reach past its logical box, and the halo around that ink.
 * Culling by bounds must never cut off what the renderer paints.
 */
static void
add_label_paint (EntRect              *bounds,
                 const PangoRectangle *label_ink,
                 const PangoRectangle *label_logical,
                 double                x,
                 double                y)
{
  PangoRectangle ink = *label_ink, logical = *label_logical;
  double halo = ENT_STYLE_HALO_WIDTH / 2;

  pango_extents_to_pixels (&ink, NULL);
  pango_extents_to_pixels (&logical, NULL);
  ent_rect_union (bounds, &(EntRect) { x + MIN (ink.x, logical.x) - halo,
                                       y + MIN (ink.y, logical.y) - halo,
                                       x + MAX (ink.x + ink.width, logical.x + logical.width) + halo,
                                       y + MAX (ink.y + ink.height, logical.y + logical.height) + halo });
}

/* The box a node takes, shape above label, given its label's logical extents. */
static void
node_box (EntShape              shape,
          const PangoRectangle *label_logical,
          double               *width,
          double               *height)
{
  double label_width, label_height;

  _ent_scene_label_extents (label_logical, NULL, &label_width, &label_height);
  *width = MAX (2 * shape_half_width (shape), label_width);
  *height = 2 * _ent_scene_shape_radius () + LABEL_GAP + label_height;
}

/**
 * ent_scene_measure_node:
 * @graph: the graph
 * @entity: an entity of @graph
 * @width: (out): the node's width in points
 * @height: (out): its height, shape and label
 *
 * The size a node takes, for the layout engine to place it.
 */
void
ent_scene_measure_node (EntGraph  *graph,
                        EntEntity *entity,
                        double    *width,
                        double    *height)
{
  g_autofree char *label = _ent_scene_node_label (entity);
  EntLabelMeasure measure = { label, ENT_STYLE_LABEL_WIDTH };

  ent_label_measure (&measure, 1);
  node_box (_ent_scene_entity_shape (graph, entity), &measure.logical, width, height);
}

/**
 * ent_scene_measure_nodes:
 * @graph: the graph
 * @widths: (out caller-allocates) (array): the width in points of each
 *   entity's node, in the order of @graph's entities
 * @heights: (out caller-allocates) (array): its height, shape and label
 *
 * The sizes nodes take, for the layout engine to place them.
 */
void
ent_scene_measure_nodes (EntGraph *graph,
                         double   *widths,
                         double   *heights)
{
  guint n = graph->entities->len;
  g_autofree EntLabelMeasure *measures = g_new0 (EntLabelMeasure, MAX (n, 1));
  g_auto(GStrv) labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      labels[i] = _ent_scene_node_label (g_ptr_array_index (graph->entities, i));
      measures[i].text = labels[i];
      measures[i].wrap_width = ENT_STYLE_LABEL_WIDTH;
    }
  ent_label_measure (measures, n);

  for (guint i = 0; i < n; i++)
    node_box (_ent_scene_entity_shape (graph, g_ptr_array_index (graph->entities, i)), &measures[i].logical,
              &widths[i], &heights[i]);
}

/**
 * ent_scene_port_height:
 *
 * Returns: how tall the top part of every node's box is that its shape
 *   takes, above its label: where routed edges end
 */
double
ent_scene_port_height (void)
{
  return 2 * _ent_scene_shape_radius ();
}

/**
 * ent_scene_measure_relations:
 * @graph: the graph
 * @widths: (out caller-allocates) (array): the width in points of each
 *   relation's label, in the order of @graph's relations; 0 for none
 * @heights: (out caller-allocates) (array): its height
 *
 * The room the labels of relations take, halo included, for the layout
 * engine to place them.
 */
void
ent_scene_measure_relations (EntGraph *graph,
                             double   *widths,
                             double   *heights)
{
  guint n = graph->relations->len;
  g_autofree EntLabelMeasure *measures = g_new0 (EntLabelMeasure, MAX (n, 1));
  g_auto(GStrv) labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      labels[i] = _ent_scene_edge_label (g_ptr_array_index (graph->relations, i));
      measures[i].text = labels[i];
    }
  ent_label_measure (measures, n);

  for (guint i = 0; i < n; i++)
    {
      double width, height;

      _ent_scene_label_extents (&measures[i].logical, NULL, &width, &height);
      widths[i] = *labels[i] != '\0' ? width + ENT_STYLE_HALO_WIDTH : 0;
      heights[i] = *labels[i] != '\0' ? height + ENT_STYLE_HALO_WIDTH : 0;
    }
}

/* Puts a node's box, shape above label, centred on (x, y). */
void
_ent_scene_place_node (EntSceneItem *item,
                       double        x,
                       double        y)
{
  double width, height, label_offset, label_width, label_height;

  _ent_scene_label_extents (&item->label_logical, &label_offset, &label_width, &label_height);
  node_box (item->look->shape, &item->label_logical, &width, &height);

  item->x = x;
  item->y = y;
  item->cx = x;
  item->cy = y - height / 2 + item->radius;
  item->label_x = x - label_width / 2 - label_offset;
  item->label_y = item->cy + item->radius + LABEL_GAP;
  item->box = (EntRect) { x - width / 2, y - height / 2, x + width / 2, y + height / 2 };
  item->bounds = item->box;
  /* The selection ring reaches beyond the shape. */
  ent_rect_union (&item->bounds, &(EntRect) { item->cx - ENT_STYLE_RING_REACH (item->radius),
                                              item->cy - ENT_STYLE_RING_REACH (item->radius),
                                              item->cx + ENT_STYLE_RING_REACH (item->radius),
                                              item->cy + ENT_STYLE_RING_REACH (item->radius) });
  add_label_paint (&item->bounds, &item->label_ink, &item->label_logical, item->label_x, item->label_y);
}

static void
unit_towards (double  x0,
              double  y0,
              double  x1,
              double  y1,
              double *ux,
              double *uy)
{
  double dx = x1 - x0, dy = y1 - y0;
  double length = hypot (dx, dy);

  if (length < 1e-9)
    {
      *ux = 1;
      *uy = 0;
      return;
    }

  *ux = dx / length;
  *uy = dy / length;
}

/* Grows @bounds by the control points of a path, which hold the whole curve. */
static void
add_path_points (EntRect      *bounds,
                 const double *points,
                 guint         n_points)
{
  for (guint i = 0; i < n_points; i++)
    ent_rect_union (bounds, &(EntRect) { points[2 * i], points[2 * i + 1], points[2 * i], points[2 * i + 1] });
}

/* The point halfway along the path's middle segment, where an edge label centres. */
static void
path_middle (const double *points,
             guint         n_points,
             double       *x,
             double       *y)
{
  const double *q = points + 6 * ((n_points - 1) / 3 / 2);

  *x = (q[0] + 3 * q[2] + 3 * q[4] + q[6]) / 8;
  *y = (q[1] + 3 * q[3] + 3 * q[5] + q[7]) / 8;
}

/* Bounds and label of an edge whose path is set. */
static void
finish_edge (EntSceneItem *item)
{
  guint n_points;
  const double *points = ent_scene_edge_get_path (item, &n_points);
  double extent;

  item->bounds = (EntRect) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  add_path_points (&item->bounds, points, n_points);
  extent = ENT_STYLE_ARROW_LENGTH + item->line_width;
  item->bounds.x1 -= extent;
  item->bounds.y1 -= extent;
  item->bounds.x2 += extent;
  item->bounds.y2 += extent;

  /* The label, drawn when zoomed in or asked for, centres on the path's midpoint, once it is measured. */
  if (*item->label != '\0' && item->label_logical.height > 0)
    {
      double w, h, mx, my;

      _ent_scene_label_extents (&item->label_logical, NULL, &w, &h);
      if (item->has_route_label)
        {
          mx = item->route_label_x;
          my = item->route_label_y;
        }
      else
        path_middle (points, n_points, &mx, &my);
      item->label_x = mx - w / 2;
      item->label_y = my - h / 2;
      add_label_paint (&item->bounds, &item->label_ink, &item->label_logical, item->label_x, item->label_y);
    }
}

/*
 * Relations Entente draws itself are curves between shapes: straight for a
 * single relation, spread apart when several join the same two entities, so
 * each stays visible. An edge with a route or a bundle keeps it (see
 * _ent_scene_route_edge() and _ent_scene_bundle_edge()); only its bounds
 * and label are placed anew.
 */
void
_ent_scene_place_edge (EntSceneItem       *item,
                       const EntSceneItem *from,
                       const EntSceneItem *to)
{
  double cx, cy, nx, ny, ux, uy, offset;
  double x0, y0, x3, y3;

  if (item->route != NULL || item->bundle != NULL)
    {
      finish_edge (item);
      return;
    }

  /* The control point sits on the perpendicular through the middle, one slot further out each,
   * measured from the entity with the lower id so that relations either way spread apart. */
  if (from->id <= to->id)
    unit_towards (from->cx, from->cy, to->cx, to->cy, &ux, &uy);
  else
    unit_towards (to->cx, to->cy, from->cx, from->cy, &ux, &uy);
  nx = -uy;
  ny = ux;
  offset = (item->slot - (item->n_slots - 1) / 2.0) * PARALLEL_SPREAD;
  cx = (from->cx + to->cx) / 2 + nx * offset;
  cy = (from->cy + to->cy) / 2 + ny * offset;

  if (from == to)
    {
      /* A relation of an entity with itself loops above it. */
      double r = from->radius;
      x0 = from->cx - r * 0.5;
      y0 = from->cy - r * 0.9;
      x3 = from->cx + r * 0.5;
      y3 = from->cy - r * 0.9;
      item->p[2] = from->cx - r * 1.6 - offset;
      item->p[3] = from->cy - r * 2.8 - offset;
      item->p[4] = from->cx + r * 1.6 + offset;
      item->p[5] = from->cy - r * 2.8 - offset;
    }
  else
    {
      unit_towards (from->cx, from->cy, cx, cy, &ux, &uy);
      x0 = from->cx + ux * shape_half_width (from->look->shape);
      y0 = from->cy + uy * shape_half_width (from->look->shape);
      unit_towards (to->cx, to->cy, cx, cy, &ux, &uy);
      x3 = to->cx + ux * (shape_half_width (to->look->shape) + 1);
      y3 = to->cy + uy * (shape_half_width (to->look->shape) + 1);
      /* The quadratic curve through the control point, as a cubic. */
      item->p[2] = x0 + 2.0 / 3.0 * (cx - x0);
      item->p[3] = y0 + 2.0 / 3.0 * (cy - y0);
      item->p[4] = x3 + 2.0 / 3.0 * (cx - x3);
      item->p[5] = y3 + 2.0 / 3.0 * (cy - y3);
    }

  item->p[0] = x0;
  item->p[1] = y0;
  item->p[6] = x3;
  item->p[7] = y3;

  finish_edge (item);
}

/* Whether (@x, @y) lies in @node's box, or within @slack of it. */
static gboolean
near_box (const EntSceneItem *node,
          double              x,
          double              y,
          double              slack)
{
  return x >= node->box.x1 - slack && x <= node->box.x2 + slack &&
         y >= node->box.y1 - slack && y <= node->box.y2 + slack;
}

/* Appends the straight segment from the last point of @path to (@x, @y), as a cubic. */
static void
append_straight (GArray *path,
                 double  x,
                 double  y)
{
  double x0 = g_array_index (path, double, path->len - 2);
  double y0 = g_array_index (path, double, path->len - 1);
  double segment[] = {
    x0 + (x - x0) / 3, y0 + (y - y0) / 3, x0 + 2 * (x - x0) / 3, y0 + 2 * (y - y0) / 3, x, y,
  };

  g_array_append_vals (path, segment, G_N_ELEMENTS (segment));
}

/* Where a route's end at (@x, @y) meets @node's shape: on its outline, towards (@x, @y), @gap further out. */
static void
shape_point (const EntSceneItem *node,
             double              x,
             double              y,
             double              gap,
             double             *sx,
             double             *sy)
{
  double ux, uy;

  unit_towards (node->cx, node->cy, x, y, &ux, &uy);
  *sx = node->cx + ux * (shape_half_width (node->look->shape) + gap);
  *sy = node->cy + uy * (shape_half_width (node->look->shape) + gap);
}

/* Makes the ends of p those of a path of @n_points, its first two points and its last two. */
static void
take_path_ends (EntSceneItem *item,
                const double *path,
                guint         n_points)
{
  memcpy (item->p, path, 4 * sizeof (double));
  memcpy (item->p + 4, path + 2 * (n_points - 2), 4 * sizeof (double));
}

/*
 * Gives @item the layout engine's @route (or, for %NULL, none), its ends
 * joined to the shapes of @from and @to by straight pieces: the engine
 * routes to the boxes, which hold the labels under the shapes. A route whose ends are not at the two
 * nodes (one of them moved since) is not used, and the edge is drawn as
 * Entente draws it. Any bundle the edge had goes, as it was made for the
 * nodes where they were. Then places the edge.
 */
void
_ent_scene_route_edge (EntSceneItem       *item,
                       const EntSceneItem *from,
                       const EntSceneItem *to,
                       const EntRoute     *route)
{
  g_clear_pointer (&item->bundle, g_free);
  item->n_bundle_points = 0;
  g_clear_pointer (&item->route, g_free);
  item->n_route_points = 0;
  item->has_route_label = FALSE;

  if (route != NULL && ent_route_n_points_is_valid (route->n_points))
    {
      const double *points = route->points;
      guint last = 2 * (route->n_points - 1);
      /* The engine routed to the box with its clearance, rounded up to whole points, and its spline
       * ends may stand just off that. */
      double slack = ENT_SCENE_ROUTE_CLEARANCE + 2.0;

      if (near_box (from, points[0], points[1], slack) && near_box (to, points[last], points[last + 1], slack))
        {
          g_autoptr(GArray) path = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * route->n_points + 12);
          double x, y;

          shape_point (from, points[0], points[1], 0, &x, &y);
          if (hypot (points[0] - x, points[1] - y) > 0.5)
            {
              g_array_append_val (path, x);
              g_array_append_val (path, y);
              append_straight (path, points[0], points[1]);
              g_array_append_vals (path, points + 2, last);
            }
          else
            g_array_append_vals (path, points, last + 2);
          shape_point (to, points[last], points[last + 1], 1, &x, &y);
          if (hypot (points[last] - x, points[last + 1] - y) > 0.5)
            append_straight (path, x, y);

          item->has_route_label = route->has_label;
          item->route_label_x = route->label_x;
          item->route_label_y = route->label_y;
          item->n_route_points = path->len / 2;
          item->route = (double *) (void *) g_array_free (g_steal_pointer (&path), FALSE);
          take_path_ends (item, item->route, item->n_route_points);
        }
    }

  _ent_scene_place_edge (item, from, to);
}

/* The point at @t of the cubic Bézier piece @q. */
static void
piece_point (const double *q,
             double        t,
             double       *x,
             double       *y)
{
  double s = 1 - t;

  *x = s * s * s * q[0] + 3 * s * s * t * q[2] + 3 * s * t * t * q[4] + t * t * t * q[6];
  *y = s * s * s * q[1] + 3 * s * s * t * q[3] + 3 * s * t * t * q[5] + t * t * t * q[7];
}

/* Replaces the cubic piece @q by its part from @t on (de Casteljau's construction). */
static void
keep_piece_after (double *q,
                  double  t)
{
  for (int level = 0; level < 3; level++)
    for (int i = 0; i < 3 - level; i++)
      {
        q[2 * i] += t * (q[2 * i + 2] - q[2 * i]);
        q[2 * i + 1] += t * (q[2 * i + 3] - q[2 * i + 1]);
      }
}

static void
reverse_path (double *path,
              guint   n_points)
{
  for (guint i = 0, j = n_points - 1; i < j; i++, j--)
    {
      double x = path[2 * i], y = path[2 * i + 1];

      path[2 * i] = path[2 * j];
      path[2 * i + 1] = path[2 * j + 1];
      path[2 * j] = x;
      path[2 * j + 1] = y;
    }
}

/*
 * Cuts the start of @path, n_points long, where it leaves the circle of
 * @radius around (@cx, @cy), in which it starts: the pieces wholly inside
 * go, and the piece that crosses keeps its part outside. A path that never
 * leaves the circle stays whole.
 */
static void
cut_start (GArray *path,
           double  cx,
           double  cy,
           double  radius)
{
  guint n_pieces = (path->len / 2 - 1) / 3;

  for (guint k = 0; k < n_pieces; k++)
    {
      double *q = &g_array_index (path, double, 6 * k);
      double inside = 0, outside = 1;

      if (hypot (q[6] - cx, q[7] - cy) <= radius)
        continue;

      /* The piece starts inside and ends outside: halving finds where it crosses to well under a point. */
      for (int i = 0; i < 30; i++)
        {
          double t = (inside + outside) / 2, x, y;

          piece_point (q, t, &x, &y);
          if (hypot (x - cx, y - cy) <= radius)
            inside = t;
          else
            outside = t;
        }
      keep_piece_after (q, outside);
      g_array_remove_range (path, 0, 6 * k);
      return;
    }
}

/*
 * Spreads the middle of the bundle @path, which the relations between the
 * same two entities share, for the one in @item's slot, as Entente spreads
 * their curves: so each can still be seen, and hovered and picked. The
 * shift grows from nothing at the ends to its whole in the middle quarter
 * and more.
 */
static void
spread_bundle (GArray             *path,
               const EntSceneItem *item,
               const EntSceneItem *from,
               const EntSceneItem *to)
{
  guint n_points = path->len / 2;
  double offset = (item->slot - (item->n_slots - 1) / 2.0) * PARALLEL_SPREAD;
  double ux, uy;

  if (from->id <= to->id)
    unit_towards (from->cx, from->cy, to->cx, to->cy, &ux, &uy);
  else
    unit_towards (to->cx, to->cy, from->cx, from->cy, &ux, &uy);

  for (guint i = 1; i + 1 < n_points; i++)
    {
      double u = (double) i / (n_points - 1);
      double weight = MIN (1.0, 4 * MIN (u, 1 - u));

      g_array_index (path, double, 2 * i) += -uy * offset * weight;
      g_array_index (path, double, 2 * i + 1) += ux * offset * weight;
    }
}

/*
 * Gives @item its @bundle, from the centre of the shape of @from to that of
 * @to, cut where it leaves the two shapes, so that an arrowhead ends on the
 * outline, as on other edges. A bundle whose ends are not at the two nodes
 * (one of them moved since) is not used; then, or for %NULL, the edge loses
 * any bundle it had, and is drawn along its route, or as Entente draws it.
 * Then places the edge.
 */
void
_ent_scene_bundle_edge (EntSceneItem       *item,
                        const EntSceneItem *from,
                        const EntSceneItem *to,
                        const EntRoute     *bundle)
{
  /* Bundles end at the centres of the shapes, which lie inside the nodes' boxes. */
  double slack = 2.0;
  guint last;

  g_clear_pointer (&item->bundle, g_free);
  item->n_bundle_points = 0;
  if (item->route != NULL)
    take_path_ends (item, item->route, item->n_route_points);

  if (bundle != NULL && ent_route_n_points_is_valid (bundle->n_points) && from != to)
    {
      last = 2 * (bundle->n_points - 1);
      if (near_box (from, bundle->points[0], bundle->points[1], slack) &&
          near_box (to, bundle->points[last], bundle->points[last + 1], slack))
        {
          g_autoptr(GArray) path = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * bundle->n_points);

          /* From where the shapes are now: another font may have moved them a little in their boxes. */
          g_array_append_vals (path, bundle->points, 2 * bundle->n_points);
          g_array_index (path, double, 0) = from->cx;
          g_array_index (path, double, 1) = from->cy;
          g_array_index (path, double, last) = to->cx;
          g_array_index (path, double, last + 1) = to->cy;
          if (item->n_slots > 1)
            spread_bundle (path, item, from, to);

          cut_start (path, from->cx, from->cy, shape_half_width (from->look->shape));
          reverse_path ((double *) (void *) path->data, path->len / 2);
          cut_start (path, to->cx, to->cy, shape_half_width (to->look->shape) + 1);
          reverse_path ((double *) (void *) path->data, path->len / 2);

          item->n_bundle_points = path->len / 2;
          item->bundle = (double *) (void *) g_array_free (g_steal_pointer (&path), FALSE);
          take_path_ends (item, item->bundle, item->n_bundle_points);
        }
    }

  /* Without a route or a bundle, the curve is made anew. */
  _ent_scene_place_edge (item, from, to);
}

/* How far (@x, @y) is from the cubic Bézier curve @p. */
static double
distance_to_curve (const double *p,
                   double        x,
                   double        y)
{
  double best = G_MAXDOUBLE;
  double px = p[0], py = p[1];

  /* Sixteen chords follow these gentle curves to well under a point. */
  for (int i = 1; i <= 16; i++)
    {
      double t = i / 16.0, s = 1 - t;
      double qx = s * s * s * p[0] + 3 * s * s * t * p[2] + 3 * s * t * t * p[4] + t * t * t * p[6];
      double qy = s * s * s * p[1] + 3 * s * s * t * p[3] + 3 * s * t * t * p[5] + t * t * t * p[7];
      double dx = qx - px, dy = qy - py;
      double length2 = dx * dx + dy * dy;
      double u = length2 > 0 ? CLAMP (((x - px) * dx + (y - py) * dy) / length2, 0, 1) : 0;

      best = MIN (best, hypot (px + u * dx - x, py + u * dy - y));
      px = qx;
      py = qy;
    }

  return best;
}

/**
 * ent_scene_edge_distance:
 * @edge: an edge of a scene
 * @x: graph coordinate
 * @y: graph coordinate
 *
 * Returns: how far the point is from the middle of the edge's stroke, along
 *   its path as drawn
 */
double
ent_scene_edge_distance (const EntSceneItem *edge,
                         double              x,
                         double              y)
{
  guint n_points;
  const double *points;
  double best = G_MAXDOUBLE;

  g_return_val_if_fail (edge != NULL && edge->type == ENT_SCENE_ITEM_EDGE, G_MAXDOUBLE);

  points = ent_scene_edge_get_path (edge, &n_points);
  for (guint i = 0; i + 3 < n_points; i += 3)
    best = MIN (best, distance_to_curve (points + 2 * i, x, y));

  return best;
}

/*
 * Whether a point is on an edge as hit tests take it: within
 * ENT_SCENE_HIT_REACH points of its stroke, which is narrower than a
 * pointer is accurate.
 */
gboolean
ent_scene_edge_hit (const EntSceneItem *edge,
                    double              x,
                    double              y)
{
  g_return_val_if_fail (edge != NULL && edge->type == ENT_SCENE_ITEM_EDGE, FALSE);

  return ent_scene_edge_distance (edge, x, y) <= edge->line_width / 2 + ENT_SCENE_HIT_REACH;
}

/**
 * ent_scene_edge_get_path:
 * @edge: an edge of a scene
 * @n_points: (out): how many control points the path has, 1 + 3k
 *
 * Returns: (transfer none) (array length=n_points): the edge's path as
 *   drawn, control points of a cubic spline as x, y pairs: its bundle, its
 *   route, or the one curve Entente draws
 */
const double *
ent_scene_edge_get_path (const EntSceneItem *edge,
                         guint              *n_points)
{
  g_return_val_if_fail (edge != NULL && edge->type == ENT_SCENE_ITEM_EDGE, NULL);

  if (edge->bundle != NULL)
    {
      *n_points = edge->n_bundle_points;
      return edge->bundle;
    }
  if (edge->route != NULL)
    {
      *n_points = edge->n_route_points;
      return edge->route;
    }
  *n_points = 4;
  return edge->p;
}

/**
 * ent_scene_edge_midpoint:
 * @edge: an edge
 * @x: (out): the middle of its path, or near it
 * @y: (out):
 * @dx: (out): the unit direction of the path there
 * @dy: (out):
 *
 * Where a mark across an edge goes: the middle of its middle piece.
 */
void
ent_scene_edge_midpoint (const EntSceneItem *edge,
                         double             *x,
                         double             *y,
                         double             *dx,
                         double             *dy)
{
  guint n_points, piece;
  const double *p = ent_scene_edge_get_path (edge, &n_points);
  const double *c;
  double tx, ty, length;

  /* n_points is 1 + 3k: k cubic pieces, of which the middle one. */
  piece = n_points >= 4 ? (n_points - 1) / 3 / 2 : 0;
  c = p + 6 * piece;
  *x = (c[0] + 3 * c[2] + 3 * c[4] + c[6]) / 8;
  *y = (c[1] + 3 * c[3] + 3 * c[5] + c[7]) / 8;
  tx = (c[6] + c[4] - c[2] - c[0]);
  ty = (c[7] + c[5] - c[3] - c[1]);
  length = hypot (tx, ty);
  if (length < 1e-9)
    {
      tx = c[6] - c[0];
      ty = c[7] - c[1];
      length = hypot (tx, ty);
    }
  *dx = length > 1e-9 ? tx / length : 1.0;
  *dy = length > 1e-9 ? ty / length : 0.0;
}
