/* ent-spatial-index.c: a static R-tree for hit-testing and culling
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-spatial-index"

#include "config.h"

#include <stdlib.h>

#include "ent-spatial-index.h"

/*
 * The tree is bulk-loaded once with Sort-Tile-Recursive packing and never
 * changes, so it needs no room to grow and every node can live in one flat
 * array. Each node's children are a contiguous run of the level below, which
 * makes a node just its bounding box and the start and length of that run.
 * The leaves come first in the array and the root last; a leaf's run indexes
 * the items, which are kept in packing order beside their original indices.
 */

#define FAN_OUT 16

/*
 * With at most G_MAXUINT items and FAN_OUT children per node there are at
 * most eight levels of nodes, because 16^8 > G_MAXUINT. A depth-first walk
 * holds at most FAN_OUT - 1 waiting siblings for each level above the one it
 * has reached, plus FAN_OUT on that level: 7 * 15 + 16 = 121 entries, so a
 * fixed array on the C stack is enough and queries need no allocation.
 */
#define MAX_HEIGHT 8
#define STACK_SIZE (MAX_HEIGHT * FAN_OUT)

typedef struct
{
  EntRect box;
  guint   first;
  guint   n_children;
} Node;

struct _EntSpatialIndex
{
  guint    n_items;
  EntRect *item_rects;
  guint   *item_ids;
  guint    n_leaves;
  guint    n_nodes;
  Node    *nodes;
  /* For moving items: where each item is in packing order, which leaf holds each place, each node's parent. */
  guint   *item_places;
  guint   *leaf_of_place;
  guint   *parents;
};

#define NO_PARENT G_MAXUINT

typedef struct
{
  double cx;
  double cy;
  guint  index;
} Center;

static guint
n_groups (guint n)
{
  return n / FAN_OUT + (n % FAN_OUT != 0);
}

static void
set_center (Center        *center,
            const EntRect *box,
            guint          index)
{
  /* Halving before adding keeps coordinates near G_MAXDOUBLE finite. */
  center->cx = box->x1 / 2 + box->x2 / 2;
  center->cy = box->y1 / 2 + box->y2 / 2;
  center->index = index;
}

/* Ties fall back to the index so that the packing does not depend on qsort(). */
static int
compare_cx (const void *a,
            const void *b)
{
  const Center *ca = a;
  const Center *cb = b;

  if (ca->cx != cb->cx)
    return ca->cx < cb->cx ? -1 : 1;

  return (ca->index > cb->index) - (ca->index < cb->index);
}

static int
compare_cy (const void *a,
            const void *b)
{
  const Center *ca = a;
  const Center *cb = b;

  if (ca->cy != cb->cy)
    return ca->cy < cb->cy ? -1 : 1;

  return (ca->index > cb->index) - (ca->index < cb->index);
}

static int
compare_guint (const void *a,
               const void *b)
{
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return (ia > ib) - (ia < ib);
}

/*
 * Puts @centers in Sort-Tile-Recursive order: sorted by x, cut into about
 * sqrt(n / FAN_OUT) vertical slices of whole groups, and each slice sorted by
 * y. Every run of FAN_OUT in that order is then a compact tile, so the
 * parent made from it has a small box that few queries needlessly enter.
 */
static void
str_sort (Center *centers,
          guint   n)
{
  guint groups = n_groups (n);
  guint n_slices = 1;
  gsize slice_len;

  qsort (centers, n, sizeof (Center), compare_cx);

  while ((guint64) n_slices * n_slices < groups)
    n_slices++;
  slice_len = (gsize) n_slices * FAN_OUT;

  for (gsize start = 0; start < n; start += slice_len)
    qsort (centers + start, MIN (slice_len, n - start), sizeof (Center), compare_cy);
}

/* Reorders one level of nodes in place, using @scratch for the sort. */
static void
str_sort_nodes (Node   *nodes,
                guint   n,
                Center *scratch)
{
  g_autofree Node *copy = NULL;

  for (guint i = 0; i < n; i++)
    set_center (&scratch[i], &nodes[i].box, i);
  str_sort (scratch, n);

  copy = g_memdup2 (nodes, n * sizeof (Node));
  for (guint i = 0; i < n; i++)
    nodes[i] = copy[scratch[i].index];
}

/* Makes @parent cover @n_children nodes of @nodes from @first on. */
static void
make_parent (Node       *parent,
             const Node *nodes,
             guint       first,
             guint       n_children)
{
  parent->first = first;
  parent->n_children = n_children;
  parent->box = nodes[first].box;
  for (guint i = 1; i < n_children; i++)
    ent_rect_union (&parent->box, &nodes[first + i].box);
}

/*
 * Builds an index over @rects, where item i is @rects[i]. The rectangles are
 * copied, so @rects may be freed afterwards. Every rectangle must have
 * x1 <= x2 and y1 <= y2; zero width or height is fine.
 */
EntSpatialIndex *
ent_spatial_index_new (const EntRect *rects,
                       guint          n_rects)
{
  EntSpatialIndex *self;
  g_autofree Center *centers = NULL;
  guint level_start;
  guint level_len;

  g_return_val_if_fail (rects != NULL || n_rects == 0, NULL);

  self = g_new0 (EntSpatialIndex, 1);
  self->n_items = n_rects;
  if (n_rects == 0)
    return self;

  /* The items are the largest level, so their scratch space does for every level. */
  centers = g_new (Center, n_rects);
  for (guint i = 0; i < n_rects; i++)
    set_center (&centers[i], &rects[i], i);
  str_sort (centers, n_rects);

  self->item_rects = g_new (EntRect, n_rects);
  self->item_ids = g_new (guint, n_rects);
  for (guint i = 0; i < n_rects; i++)
    {
      self->item_ids[i] = centers[i].index;
      self->item_rects[i] = rects[centers[i].index];
    }

  self->n_leaves = n_groups (n_rects);
  self->n_nodes = 0;
  for (guint len = self->n_leaves; ; len = n_groups (len))
    {
      self->n_nodes += len;
      if (len == 1)
        break;
    }
  self->nodes = g_new (Node, self->n_nodes);

  for (guint i = 0; i < self->n_leaves; i++)
    {
      Node *leaf = &self->nodes[i];

      leaf->first = i * FAN_OUT;
      leaf->n_children = MIN (FAN_OUT, n_rects - leaf->first);
      leaf->box = self->item_rects[leaf->first];
      for (guint j = 1; j < leaf->n_children; j++)
        ent_rect_union (&leaf->box, &self->item_rects[leaf->first + j]);
    }

  /*
   * Each level is packed only once the level below it is final, because
   * a parent refers to its children by their position.
   */
  level_start = 0;
  level_len = self->n_leaves;
  while (level_len > 1)
    {
      guint parents_start = level_start + level_len;
      guint n_parents = n_groups (level_len);

      str_sort_nodes (self->nodes + level_start, level_len, centers);
      for (guint p = 0; p < n_parents; p++)
        make_parent (&self->nodes[parents_start + p], self->nodes,
                     level_start + p * FAN_OUT,
                     MIN (FAN_OUT, level_len - p * FAN_OUT));

      level_start = parents_start;
      level_len = n_parents;
    }

  self->item_places = g_new (guint, n_rects);
  self->leaf_of_place = g_new (guint, n_rects);
  self->parents = g_new (guint, self->n_nodes);
  for (guint i = 0; i < n_rects; i++)
    self->item_places[self->item_ids[i]] = i;
  self->parents[self->n_nodes - 1] = NO_PARENT;
  for (guint i = 0; i < self->n_nodes; i++)
    for (guint j = self->nodes[i].first; j < self->nodes[i].first + self->nodes[i].n_children; j++)
      {
        if (i < self->n_leaves)
          self->leaf_of_place[j] = i;
        else
          self->parents[j] = i;
      }

  return self;
}

/**
 * ent_spatial_index_move:
 * @self: an index
 * @item: an item's index
 * @rect: its new rectangle
 *
 * Moves an item, as when a node is dragged: the boxes holding it grow to
 * take it in and never shrink, so queries stay exact and only get slower
 * as items wander far. Build a new index once they have settled.
 */
void
ent_spatial_index_move (EntSpatialIndex *self,
                        guint            item,
                        const EntRect   *rect)
{
  guint place;

  g_return_if_fail (self != NULL);
  g_return_if_fail (item < self->n_items);
  g_return_if_fail (rect != NULL);

  place = self->item_places[item];
  self->item_rects[place] = *rect;
  for (guint node = self->leaf_of_place[place]; node != NO_PARENT; node = self->parents[node])
    ent_rect_union (&self->nodes[node].box, rect);
}

void
ent_spatial_index_free (EntSpatialIndex *self)
{
  g_return_if_fail (self != NULL);

  g_free (self->item_rects);
  g_free (self->item_ids);
  g_free (self->nodes);
  g_free (self->item_places);
  g_free (self->leaf_of_place);
  g_free (self->parents);
  g_free (self);
}

guint
ent_spatial_index_get_size (EntSpatialIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

/*
 * Puts the @n matches in increasing order. When they are many, as when a
 * whole network is in view, marking them in a bitmap of all items and
 * reading it back is linear where sorting is not.
 */
static void
sort_matches (EntSpatialIndex *self,
              guint           *matches,
              gsize            n)
{
  g_autofree guint64 *bits = NULL;
  gsize n_words, j = 0;

  if (n < 2)
    return;

  if (n < self->n_items / 64 + 64)
    {
      qsort (matches, n, sizeof (guint), compare_guint);
      return;
    }

  n_words = (self->n_items + 63) / 64;
  bits = g_new0 (guint64, n_words);
  for (gsize i = 0; i < n; i++)
    bits[matches[i] / 64] |= G_GUINT64_CONSTANT (1) << (matches[i] % 64);

  for (gsize w = 0; w < n_words; w++)
    for (guint64 word = bits[w]; word != 0; word &= word - 1)
      matches[j++] = (guint) (w * 64 + __builtin_ctzll (word));

  g_assert (j == n);
}

/*
 * Appends to @out, an array of guint, the index of every item whose
 * rectangle intersects @rect, touching included. The appended indices are in
 * increasing order, which is paint order; what @out held before is left as
 * it was.
 */
void
ent_spatial_index_query_rect (EntSpatialIndex *self,
                              const EntRect   *rect,
                              GArray          *out)
{
  guint stack[STACK_SIZE];
  guint depth = 0;
  guint first_match;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (g_array_get_element_size (out) == sizeof (guint));

  /* An inverted rectangle would pass the overlap test against a box that straddles it. */
  if (self->n_nodes == 0 || ent_rect_is_empty (rect))
    return;

  first_match = out->len;
  stack[depth++] = self->n_nodes - 1;

  while (depth > 0)
    {
      guint index = stack[--depth];
      const Node *node = &self->nodes[index];
      guint end = node->first + node->n_children;

      if (!ent_rect_intersects (&node->box, rect))
        continue;

      if (index < self->n_leaves)
        {
          for (guint i = node->first; i < end; i++)
            if (ent_rect_intersects (&self->item_rects[i], rect))
              g_array_append_val (out, self->item_ids[i]);
        }
      else
        {
          for (guint i = node->first; i < end; i++)
            stack[depth++] = i;
        }
    }

  sort_matches (self, &g_array_index (out, guint, first_match), out->len - first_match);
}

/*
 * Appends to @out the index of every item whose rectangle contains the
 * point, its edges included, in increasing order.
 */
void
ent_spatial_index_query_point (EntSpatialIndex *self,
                               double           x,
                               double           y,
                               GArray          *out)
{
  EntRect point = { x, y, x, y };

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  /* With inclusive bounds, containing a point is intersecting it as a zero-size rectangle. */
  ent_spatial_index_query_rect (self, &point, out);
}
