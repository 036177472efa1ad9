/* test-spatial-index.c: the static R-tree behind hit-testing and culling
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "ent-spatial-index.h"

#define N_QUERIES 200

/* Values a query must leave in place at the front of its output array. */
static const guint prefix[] = { G_MAXUINT, 0 };

static int
random_coord (GRand *rand,
              int    side)
{
  return g_rand_int_range (rand, -side / 2, side / 2);
}

/* The side of a square scene that keeps about as many items per area at every size. */
static int
scene_side (guint n_items)
{
  int root = 0;

  while ((guint64) (root + 1) * (root + 1) <= n_items)
    root++;

  return 100 + 40 * root;
}

/*
 * Builds rectangles like those of a laid-out graph: node boxes, long thin
 * boxes of straight edges (some of them zero wide), the larger boxes of
 * diagonal edges, bare points and exact duplicates. The coordinates are
 * whole numbers so that edges and corners often touch.
 */
static GArray *
random_scene (GRand *rand,
              guint  n_items)
{
  GArray *rects = g_array_sized_new (FALSE, FALSE, sizeof (EntRect), n_items);
  int side = scene_side (n_items);

  for (guint i = 0; i < n_items; i++)
    {
      int kind = g_rand_int_range (rand, 0, 100);
      int x = random_coord (rand, side);
      int y = random_coord (rand, side);
      EntRect r;

      if (kind < 45)
        {
          r = (EntRect) { x, y, x + g_rand_int_range (rand, 0, 31), y + g_rand_int_range (rand, 0, 31) };
        }
      else if (kind < 55)
        {
          r = (EntRect) { x, y, x + g_rand_int_range (rand, 0, side / 4), y + g_rand_int_range (rand, 0, 3) };
        }
      else if (kind < 65)
        {
          r = (EntRect) { x, y, x + g_rand_int_range (rand, 0, 3), y + g_rand_int_range (rand, 0, side / 4) };
        }
      else if (kind < 70)
        {
          r = (EntRect) { x, y, x + g_rand_int_range (rand, 0, side / 8), y + g_rand_int_range (rand, 0, side / 8) };
        }
      else if (kind < 85 || i == 0)
        {
          r = (EntRect) { x, y, x, y };
        }
      else
        {
          r = g_array_index (rects, EntRect, g_rand_int_range (rand, 0, i));
        }

      g_array_append_val (rects, r);
    }

  return rects;
}

/* Half the points are corners of items, where the inclusive bounds matter. */
static void
random_point (GRand        *rand,
              const GArray *rects,
              int           side,
              double       *x,
              double       *y)
{
  if (rects->len > 0 && g_rand_boolean (rand))
    {
      const EntRect *r = &g_array_index (rects, EntRect, g_rand_int_range (rand, 0, rects->len));

      *x = g_rand_boolean (rand) ? r->x1 : r->x2;
      *y = g_rand_boolean (rand) ? r->y1 : r->y2;
    }
  else
    {
      *x = g_rand_double_range (rand, -side / 2 - 10, side / 2 + 10);
      *y = g_rand_double_range (rand, -side / 2 - 10, side / 2 + 10);
    }
}

static EntRect
random_query (GRand        *rand,
              const GArray *rects,
              int           side,
              int           max_size)
{
  double x, y;
  double w = g_rand_int_range (rand, 0, max_size + 1);
  double h = g_rand_int_range (rand, 0, max_size + 1);

  random_point (rand, rects, side, &x, &y);

  /* Ending the query at a corner makes it touch that item rather than overlap it. */
  if (g_rand_boolean (rand))
    return (EntRect) { x - w, y - h, x, y };

  return (EntRect) { x, y, x + w, y + h };
}

static void
brute_force_rect (const GArray  *rects,
                  const EntRect *query,
                  GArray        *out)
{
  for (guint i = 0; i < rects->len; i++)
    if (ent_rect_intersects (&g_array_index (rects, EntRect, i), query))
      g_array_append_val (out, i);
}

static void
brute_force_point (const GArray *rects,
                   double        x,
                   double        y,
                   GArray       *out)
{
  for (guint i = 0; i < rects->len; i++)
    if (ent_rect_contains_point (&g_array_index (rects, EntRect, i), x, y))
      g_array_append_val (out, i);
}

static GArray *
prefixed_array (void)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_vals (out, prefix, G_N_ELEMENTS (prefix));

  return out;
}

/* @got must be the prefix followed by exactly @expected. */
static void
assert_matches (GArray *got,
                GArray *expected)
{
  g_assert_cmpuint (got->len, ==, G_N_ELEMENTS (prefix) + expected->len);
  g_assert_cmpmem (got->data, sizeof (prefix), prefix, sizeof (prefix));
  g_assert_cmpmem (got->data + sizeof (prefix), expected->len * sizeof (guint),
                   expected->data, expected->len * sizeof (guint));
}

/* A query must find exactly @expected, after what its output array held already. */
static void
assert_finds_in_rect (EntSpatialIndex *index,
                      const EntRect   *query,
                      GArray          *expected)
{
  g_autoptr(GArray) got = prefixed_array ();

  ent_spatial_index_query_rect (index, query, got);
  assert_matches (got, expected);
}

static void
assert_finds_at_point (EntSpatialIndex *index,
                       double           x,
                       double           y,
                       GArray          *expected)
{
  g_autoptr(GArray) got = prefixed_array ();

  ent_spatial_index_query_point (index, x, y, got);
  assert_matches (got, expected);
}

/* Random queries, each answered as a scan of every item answers it; @max_size bounds the rectangles. */
static void
check_random_queries (EntSpatialIndex *index,
                      const GArray    *rects,
                      GRand           *rand,
                      guint            n_queries,
                      int              max_size)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  int side = scene_side (rects->len);

  for (guint q = 0; q < n_queries; q++)
    {
      double x, y;

      random_point (rand, rects, side, &x, &y);
      g_array_set_size (expected, 0);
      brute_force_point (rects, x, y, expected);
      assert_finds_at_point (index, x, y, expected);
    }

  for (guint q = 0; q < n_queries; q++)
    {
      EntRect query = random_query (rand, rects, side, max_size);

      g_array_set_size (expected, 0);
      brute_force_rect (rects, &query, expected);
      assert_finds_in_rect (index, &query, expected);
    }
}

/* A random scene of as many items as the test's data says, and its index. */
typedef struct
{
  GRand           *rand;
  GArray          *rects;
  EntSpatialIndex *index;
} Scene;

static void
scene_setup (Scene         *scene,
             gconstpointer  data)
{
  scene->rand = g_rand_new_with_seed (g_test_rand_int ());
  scene->rects = random_scene (scene->rand, GPOINTER_TO_UINT (data));
  scene->index = ent_spatial_index_new ((const EntRect *) scene->rects->data, scene->rects->len);
}

static void
scene_teardown (Scene         *scene,
                gconstpointer  data)
{
  g_clear_pointer (&scene->index, ent_spatial_index_free);
  g_clear_pointer (&scene->rects, g_array_unref);
  g_clear_pointer (&scene->rand, g_rand_free);
}

static void
test_random (Scene         *scene,
             gconstpointer  data)
{
  int side = scene_side (scene->rects->len);

  g_assert_cmpuint (ent_spatial_index_get_size (scene->index), ==, GPOINTER_TO_UINT (data));
  check_random_queries (scene->index, scene->rects, scene->rand, N_QUERIES, side / 4);
}

/* Items moved, some far across the scene and back, are found where they are now, and nowhere else. */
static void
test_moves (Scene         *scene,
            gconstpointer  data)
{
  GArray *rects = scene->rects;
  int side = scene_side (rects->len);

  for (guint round = 0; round < 20; round++)
    {
      for (guint m = 0; m < 200; m++)
        {
          guint item = g_rand_int_range (scene->rand, 0, rects->len);
          EntRect *rect = &g_array_index (rects, EntRect, item);
          double dx = g_rand_double_range (scene->rand, -side / 2.0, side / 2.0) / (m % 10 == 0 ? 1 : 50);
          double dy = g_rand_double_range (scene->rand, -side / 2.0, side / 2.0) / (m % 10 == 0 ? 1 : 50);

          *rect = (EntRect) { rect->x1 + dx, rect->y1 + dy, rect->x2 + dx, rect->y2 + dy };
          ent_spatial_index_move (scene->index, item, rect);
        }

      check_random_queries (scene->index, rects, scene->rand, N_QUERIES / 10, side / 4);
    }
}

static void
test_empty (void)
{
  g_autoptr(EntSpatialIndex) index = ent_spatial_index_new (NULL, 0);
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect everything = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };

  g_assert_cmpuint (ent_spatial_index_get_size (index), ==, 0);

  assert_finds_in_rect (index, &everything, none);
  assert_finds_at_point (index, 0, 0, none);
}

static void
test_cover_all (Scene         *scene,
                gconstpointer  data)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect bounds = { 1, 1, 0, 0 };
  EntRect everything = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };

  for (guint i = 0; i < scene->rects->len; i++)
    {
      ent_rect_union (&bounds, &g_array_index (scene->rects, EntRect, i));
      g_array_append_val (all, i);
    }

  /* The exact bounds only touch the outermost items, which still counts. */
  assert_finds_in_rect (scene->index, &bounds, all);
  assert_finds_in_rect (scene->index, &everything, all);
}

/* Many items on one spot give the packing nothing to sort by. */
static void
test_identical (void)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (EntRect));
  g_autoptr(EntSpatialIndex) index = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect box = { 10, 10, 20, 20 };
  EntRect point = { 20, 20, 20, 20 };
  EntRect beside = { 20.5, 0, 30, 30 };

  for (guint i = 0; i < 3000; i++)
    {
      g_array_append_vals (rects, i % 3 == 0 ? &point : &box, 1);
      g_array_append_val (all, i);
      if (i % 3 != 0)
        g_array_append_val (boxes, i);
    }
  index = ent_spatial_index_new ((const EntRect *) rects->data, rects->len);

  assert_finds_at_point (index, 20, 20, all);
  assert_finds_at_point (index, 15, 15, boxes);
  assert_finds_in_rect (index, &beside, none);
}

/* A scene larger than any network we expect still answers right. */
static void
test_large (Scene         *scene,
            gconstpointer  data)
{
  int side = scene_side (scene->rects->len);

  check_random_queries (scene->index, scene->rects, scene->rand, 20, side / 4);
}

/*
 * Many small queries, the kind hit-testing and culling ask, over a large
 * scene give what a scan gives. How much faster the index answers them is
 * a matter for the benchmark (build-aux/benchmark), whose hit-test row
 * times the index on networks from 100 to 50,000 entities: a clock in a
 * test fails on a busy machine, not on slow code.
 */
static void
test_small_queries (Scene         *scene,
                    gconstpointer  data)
{
  check_random_queries (scene->index, scene->rects, scene->rand, 1000, 20);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 0, 1, 17, 1000, 50000 };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/ent/spatial-index/random/%u", sizes[i]);
      g_test_add (test_path, Scene, GUINT_TO_POINTER (sizes[i]), scene_setup, test_random, scene_teardown);
    }
  g_test_add_func ("/ent/spatial-index/empty", test_empty);
  g_test_add ("/ent/spatial-index/moves", Scene, GUINT_TO_POINTER (5000), scene_setup, test_moves, scene_teardown);
  g_test_add ("/ent/spatial-index/cover-all", Scene, GUINT_TO_POINTER (5000), scene_setup, test_cover_all, scene_teardown);
  g_test_add_func ("/ent/spatial-index/identical", test_identical);
  g_test_add ("/ent/spatial-index/large", Scene, GUINT_TO_POINTER (200000), scene_setup, test_large, scene_teardown);
  g_test_add ("/ent/spatial-index/small-queries", Scene, GUINT_TO_POINTER (50000), scene_setup, test_small_queries,
              scene_teardown);

  return g_test_run ();
}
