/* ent-scene-quality.c: how readable a drawn network is, counted
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The counts take any paths: Entente's own curves between shapes, or a
 * layout engine's routes, so that the benchmark can set one drawing beside
 * another of the same nodes. Everything is found through spatial indexes
 * of the boxes and labels, so that a network of 10,000 entities is counted
 * in a fraction of a second.
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include "ent-scene-quality.h"
#include "ent-spatial-index.h"

#include <math.h>

/* How far a chord may stray from the curve it stands for, in points. */
#define FLATNESS 0.25
/* Halving a cubic this often leaves chords far shorter than any box. */
#define MAX_DEPTH 12
/* Chords are looked up in pieces no longer than this, so that a long diagonal's bounding box does not take in
 * half the drawing. */
#define PIECE_LENGTH 128.0

static gboolean
rect_is_set (const EntRect *r)
{
  return !ent_rect_is_empty (r);
}

/* Whether two rectangles overlap by more than the tolerance both ways: rectangles that only touch do not. */
static gboolean
overlap_exceeds (const EntRect *a,
                 const EntRect *b)
{
  return MIN (a->x2, b->x2) - MAX (a->x1, b->x1) > ENT_SCENE_QUALITY_TOLERANCE &&
         MIN (a->y2, b->y2) - MAX (a->y1, b->y1) > ENT_SCENE_QUALITY_TOLERANCE;
}

/* @r shrunk by the tolerance on every side, so that a path along its edge does not enter it. */
static EntRect
shrunk (const EntRect *r)
{
  return (EntRect) { r->x1 + ENT_SCENE_QUALITY_TOLERANCE, r->y1 + ENT_SCENE_QUALITY_TOLERANCE,
                     r->x2 - ENT_SCENE_QUALITY_TOLERANCE, r->y2 - ENT_SCENE_QUALITY_TOLERANCE };
}

/* Whether the segment from (@x0, @y0) to (@x1, @y1) meets @r: Liang and Barsky's clipping. */
static gboolean
segment_meets_rect (double         x0,
                    double         y0,
                    double         x1,
                    double         y1,
                    const EntRect *r)
{
  double p[4] = { x0 - x1, x1 - x0, y0 - y1, y1 - y0 };
  double q[4] = { x0 - r->x1, r->x2 - x0, y0 - r->y1, r->y2 - y0 };
  double t0 = 0, t1 = 1;

  if (ent_rect_is_empty (r))
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      double t;

      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }

  return TRUE;
}

/* How far @p is from the segment from @a to @b: a control point beyond an end, on the line, still bends the curve. */
static double
distance_to_segment (const double *a,
                     const double *b,
                     const double *p)
{
  double dx = b[0] - a[0], dy = b[1] - a[1];
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? CLAMP (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2, 0, 1) : 0;

  return hypot (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
}

/* Appends to @out the end of each chord of the cubic @c (x, y pairs), halving it until each is flat enough. */
static void
flatten_cubic (const double *c,
               int           depth,
               GArray       *out)
{
  double l[8], r[8];

  if (depth >= MAX_DEPTH ||
      MAX (distance_to_segment (c, c + 6, c + 2), distance_to_segment (c, c + 6, c + 4)) <= FLATNESS)
    {
      g_array_append_vals (out, c + 6, 2);
      return;
    }

  /* De Casteljau at t = ½. */
  for (int k = 0; k < 2; k++)
    {
      double p01 = (c[k] + c[2 + k]) / 2, p12 = (c[2 + k] + c[4 + k]) / 2, p23 = (c[4 + k] + c[6 + k]) / 2;
      double p012 = (p01 + p12) / 2, p123 = (p12 + p23) / 2, mid = (p012 + p123) / 2;

      l[k] = c[k];
      l[2 + k] = p01;
      l[4 + k] = p012;
      l[6 + k] = mid;
      r[k] = mid;
      r[2 + k] = p123;
      r[4 + k] = p23;
      r[6 + k] = c[6 + k];
    }
  flatten_cubic (l, depth + 1, out);
  flatten_cubic (r, depth + 1, out);
}

/* The polyline of a path: its first point, then the end of every chord. */
static void
flatten_path (const double *points,
              guint         n_points,
              GArray       *out)
{
  g_array_set_size (out, 0);
  if (n_points < 4)
    return;

  g_array_append_vals (out, points, 2);
  for (guint i = 0; i + 3 < n_points; i += 3)
    flatten_cubic (points + 2 * i, 0, out);
}

typedef struct
{
  const EntQualityNode *nodes;
  EntSpatialIndex      *boxes;        /* of the nodes, by index */
  EntSpatialIndex      *labels;       /* of every label: the nodes' first, then the edges' */
  const guint          *label_node;   /* for each label, its node's index, or G_MAXUINT for an edge's */
  guint                *box_stamp;    /* for each node, 1 + the last edge found through its box */
  guint                *label_stamp;  /* and through its label */
  GArray               *hits;
  GArray               *polyline;
  /* The edge followed, and its number. */
  const EntQualityEdge *edge;
  guint                 e;
} Counter;

/* Whether the edge followed passes node @n, which it does not join, for the first time. */
static gboolean
first_pass (const Counter *counter,
            guint          n,
            const guint   *stamp)
{
  const EntQualityNode *node = &counter->nodes[n];

  return node->id != counter->edge->from_id && node->id != counter->edge->to_id && stamp[n] != counter->e + 1;
}

/*
 * Stamps the nodes whose boxes, and those whose labels, the segment of the
 * edge followed from (@s[0], @s[1]) to (@s[2], @s[3]) enters, each once for
 * the edge. Returns how many boxes it entered first, and sets
 * @through_label when it entered a label first.
 */
static guint
count_segment (Counter      *counter,
               const double *s,
               gboolean     *through_label)
{
  EntRect bounds = { MIN (s[0], s[2]), MIN (s[1], s[3]), MAX (s[0], s[2]), MAX (s[1], s[3]) };
  guint crossings = 0;

  g_array_set_size (counter->hits, 0);
  ent_spatial_index_query_rect (counter->boxes, &bounds, counter->hits);
  for (guint h = 0; h < counter->hits->len; h++)
    {
      guint n = g_array_index (counter->hits, guint, h);
      EntRect inner = shrunk (&counter->nodes[n].box);

      if (first_pass (counter, n, counter->box_stamp) && segment_meets_rect (s[0], s[1], s[2], s[3], &inner))
        {
          counter->box_stamp[n] = counter->e + 1;
          crossings++;
        }
    }

  g_array_set_size (counter->hits, 0);
  ent_spatial_index_query_rect (counter->labels, &bounds, counter->hits);
  for (guint h = 0; h < counter->hits->len; h++)
    {
      guint n = counter->label_node[g_array_index (counter->hits, guint, h)];
      EntRect inner;

      if (n == G_MAXUINT || !first_pass (counter, n, counter->label_stamp))
        continue;
      inner = shrunk (&counter->nodes[n].label);
      if (segment_meets_rect (s[0], s[1], s[2], s[3], &inner))
        {
          counter->label_stamp[n] = counter->e + 1;
          *through_label = TRUE;
        }
    }

  return crossings;
}

/* Follows the path of the edge numbered @e, chord by chord, in pieces no longer than PIECE_LENGTH. */
static void
count_edge (Counter              *counter,
            const EntQualityEdge *edge,
            guint                 e,
            EntSceneQuality      *out)
{
  GArray *polyline = counter->polyline;
  gboolean through_label = FALSE;
  guint crossings = 0;

  counter->edge = edge;
  counter->e = e;
  flatten_path (edge->points, edge->n_points, polyline);
  for (guint i = 2; i + 1 < polyline->len; i += 2)
    {
      const double *a = &g_array_index (polyline, double, i - 2);
      const double *b = &g_array_index (polyline, double, i);
      guint pieces = MAX (1, (guint) ceil (hypot (b[0] - a[0], b[1] - a[1]) / PIECE_LENGTH));

      for (guint k = 0; k < pieces; k++)
        {
          double t0 = (double) k / pieces, t1 = (double) (k + 1) / pieces;
          double piece[4] = {
            a[0] + t0 * (b[0] - a[0]), a[1] + t0 * (b[1] - a[1]), a[0] + t1 * (b[0] - a[0]), a[1] + t1 * (b[1] - a[1]),
          };

          crossings += count_segment (counter, piece, &through_label);
        }
    }

  out->n_edge_node_crossings += crossings;
  out->n_edges_through_nodes += crossings > 0;
  out->n_edges_through_labels += through_label;
}

/* The pairs of @n rectangles, indexed by @index, that overlap by more than the tolerance. */
static guint
count_overlaps (const EntRect   *rects,
                guint            n,
                EntSpatialIndex *index,
                GArray          *hits)
{
  guint overlaps = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!rect_is_set (&rects[i]))
        continue;
      g_array_set_size (hits, 0);
      ent_spatial_index_query_rect (index, &rects[i], hits);
      for (guint h = 0; h < hits->len; h++)
        {
          guint j = g_array_index (hits, guint, h);

          overlaps += j > i && overlap_exceeds (&rects[i], &rects[j]);
        }
    }

  return overlaps;
}

/**
 * ent_quality_measure:
 * @nodes: (array length=n_nodes): the nodes
 * @n_nodes: how many
 * @edges: (array length=n_edges): the edges, which join nodes by id
 * @n_edges: how many
 * @out: (out caller-allocates): the counts
 *
 * Counts what makes the drawing of @nodes and @edges hard to read. A path
 * that only touches a box or label, within ENT_SCENE_QUALITY_TOLERANCE,
 * does not pass through it, and two that only touch do not overlap.
 */
void
ent_quality_measure (const EntQualityNode *nodes,
                     guint                 n_nodes,
                     const EntQualityEdge *edges,
                     guint                 n_edges,
                     EntSceneQuality      *out)
{
  g_autofree EntRect *boxes = g_new (EntRect, MAX (n_nodes, 1));
  g_autofree EntRect *labels = g_new (EntRect, MAX (n_nodes + n_edges, 1));
  g_autofree guint *label_node = g_new (guint, MAX (n_nodes + n_edges, 1));
  g_autofree guint *box_stamp = g_new0 (guint, MAX (n_nodes, 1));
  g_autofree guint *label_stamp = g_new0 (guint, MAX (n_nodes, 1));
  g_autoptr(EntSpatialIndex) box_index = NULL;
  g_autoptr(EntSpatialIndex) label_index = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) polyline = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_labels = 0;
  Counter counter;

  g_return_if_fail (nodes != NULL || n_nodes == 0);
  g_return_if_fail (edges != NULL || n_edges == 0);
  g_return_if_fail (out != NULL);

  *out = (EntSceneQuality) { .n_nodes = n_nodes, .n_edges = n_edges };

  /* Labels that are not drawn stay out of the index, as an empty rectangle would still be found. */
  for (guint i = 0; i < n_nodes; i++)
    {
      boxes[i] = nodes[i].box;
      if (rect_is_set (&nodes[i].label))
        {
          labels[n_labels] = nodes[i].label;
          label_node[n_labels++] = i;
        }
    }
  for (guint i = 0; i < n_edges; i++)
    if (rect_is_set (&edges[i].label))
      {
        labels[n_labels] = edges[i].label;
        label_node[n_labels++] = G_MAXUINT;
      }

  box_index = ent_spatial_index_new (boxes, n_nodes);
  label_index = ent_spatial_index_new (labels, n_labels);
  counter = (Counter) { nodes, box_index, label_index, label_node, box_stamp, label_stamp, hits, polyline, NULL, 0 };

  for (guint e = 0; e < n_edges; e++)
    count_edge (&counter, &edges[e], e, out);

  out->n_label_overlaps = count_overlaps (labels, n_labels, label_index, hits);
  out->n_node_overlaps = count_overlaps (boxes, n_nodes, box_index, hits);
}

/**
 * ent_scene_label_rect:
 * @item: a node or an edge of a scene
 * @rect: (out): the logical rectangle of its label as drawn, in graph
 *   points; empty when it has none, or when an edge's label is not measured
 */
void
ent_scene_label_rect (const EntSceneItem *item,
                      EntRect            *rect)
{
  double x, y, width, height;

  g_return_if_fail (item != NULL && rect != NULL);

  x = (double) item->label_logical.x / PANGO_SCALE;
  y = (double) item->label_logical.y / PANGO_SCALE;
  width = (double) item->label_logical.width / PANGO_SCALE;
  height = (double) item->label_logical.height / PANGO_SCALE;
  if (item->label == NULL || *item->label == '\0' || width <= 0 || height <= 0)
    {
      *rect = (EntRect) { 0, 0, -1, -1 };
      return;
    }

  *rect = (EntRect) { item->label_x + x, item->label_y + y, item->label_x + x + width, item->label_y + y + height };
}

/**
 * ent_scene_measure_quality:
 * @scene: a scene
 * @with_edge_labels: count the edges' labels among the labels that may
 *   overlap, measuring them first
 * @out: (out caller-allocates): the counts
 *
 * Counts what makes the scene hard to read (see ent_quality_measure()),
 * on the nodes' boxes as laid out and the edges' paths as drawn.
 */
void
ent_scene_measure_quality (EntScene        *scene,
                           gboolean         with_edge_labels,
                           EntSceneQuality *out)
{
  guint n_items;
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (EntQualityNode));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (EntQualityEdge));

  g_return_if_fail (scene != NULL);
  g_return_if_fail (out != NULL);

  if (with_edge_labels)
    ent_scene_measure_edge_labels (scene);

  n_items = ent_scene_get_n_items (scene);
  for (guint i = 0; i < n_items; i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE)
        {
          EntQualityNode node = { .id = item->id, .box = item->box };

          ent_scene_label_rect (item, &node.label);
          g_array_append_val (nodes, node);
        }
      else
        {
          EntQualityEdge edge = { .from_id = item->from_id, .to_id = item->to_id, .label = { 0, 0, -1, -1 } };

          edge.points = ent_scene_edge_get_path (item, &edge.n_points);
          if (with_edge_labels)
            ent_scene_label_rect (item, &edge.label);
          g_array_append_val (edges, edge);
        }
    }

  ent_quality_measure ((const EntQualityNode *) (void *) nodes->data, nodes->len,
                       (const EntQualityEdge *) (void *) edges->data, edges->len, out);
}
