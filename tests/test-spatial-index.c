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

static void
check_random_queries (EntSpatialIndex *index,
                      const GArray    *rects,
                      GRand           *rand,
                      guint            n_queries)
{
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) got = prefixed_array ();
  int side = scene_side (rects->len);

  for (guint q = 0; q < n_queries; q++)
    {
      double x, y;

      random_point (rand, rects, side, &x, &y);
      g_array_set_size (expected, 0);
      g_array_set_size (got, G_N_ELEMENTS (prefix));
      brute_force_point (rects, x, y, expected);
      ent_spatial_index_query_point (index, x, y, got);
      assert_matches (got, expected);
    }

  for (guint q = 0; q < n_queries; q++)
    {
      EntRect query = random_query (rand, rects, side, side / 4);

      g_array_set_size (expected, 0);
      g_array_set_size (got, G_N_ELEMENTS (prefix));
      brute_force_rect (rects, &query, expected);
      ent_spatial_index_query_rect (index, &query, got);
      assert_matches (got, expected);
    }
}

static void
test_random (gconstpointer data)
{
  guint n_items = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) rects = random_scene (rand, n_items);
  g_autoptr(EntSpatialIndex) index = NULL;

  index = ent_spatial_index_new ((const EntRect *) rects->data, rects->len);
  g_assert_cmpuint (ent_spatial_index_get_size (index), ==, n_items);

  check_random_queries (index, rects, rand, N_QUERIES);
}

/* Items moved, some far across the scene and back, are found where they are now, and nowhere else. */
static void
test_moves (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) rects = random_scene (rand, 5000);
  g_autoptr(EntSpatialIndex) index = ent_spatial_index_new ((const EntRect *) rects->data, rects->len);
  int side = scene_side (rects->len);

  for (guint round = 0; round < 20; round++)
    {
      for (guint m = 0; m < 200; m++)
        {
          guint item = g_rand_int_range (rand, 0, rects->len);
          EntRect *rect = &g_array_index (rects, EntRect, item);
          double dx = g_rand_double_range (rand, -side / 2.0, side / 2.0) / (m % 10 == 0 ? 1 : 50);
          double dy = g_rand_double_range (rand, -side / 2.0, side / 2.0) / (m % 10 == 0 ? 1 : 50);

          *rect = (EntRect) { rect->x1 + dx, rect->y1 + dy, rect->x2 + dx, rect->y2 + dy };
          ent_spatial_index_move (index, item, rect);
        }

      check_random_queries (index, rects, rand, N_QUERIES / 10);
    }
}

static void
test_empty (void)
{
  g_autoptr(EntSpatialIndex) index = ent_spatial_index_new (NULL, 0);
  g_autoptr(GArray) got = prefixed_array ();
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (guint));
  EntRect everything = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };

  g_assert_cmpuint (ent_spatial_index_get_size (index), ==, 0);

  ent_spatial_index_query_rect (index, &everything, got);
  ent_spatial_index_query_point (index, 0, 0, got);
  assert_matches (got, none);
}

static void
test_cover_all (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) rects = random_scene (rand, 5000);
  g_autoptr(EntSpatialIndex) index = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) got = prefixed_array ();
  EntRect bounds = { 1, 1, 0, 0 };
  EntRect everything = { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };

  index = ent_spatial_index_new ((const EntRect *) rects->data, rects->len);

  for (guint i = 0; i < rects->len; i++)
    {
      ent_rect_union (&bounds, &g_array_index (rects, EntRect, i));
      g_array_append_val (all, i);
    }

  /* The exact bounds only touch the outermost items, which still counts. */
  ent_spatial_index_query_rect (index, &bounds, got);
  assert_matches (got, all);

  g_array_set_size (got, G_N_ELEMENTS (prefix));
  ent_spatial_index_query_rect (index, &everything, got);
  assert_matches (got, all);
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
  g_autoptr(GArray) got = prefixed_array ();
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

  ent_spatial_index_query_point (index, 20, 20, got);
  assert_matches (got, all);

  g_array_set_size (got, G_N_ELEMENTS (prefix));
  ent_spatial_index_query_point (index, 15, 15, got);
  assert_matches (got, boxes);

  g_array_set_size (got, G_N_ELEMENTS (prefix));
  ent_spatial_index_query_rect (index, &beside, got);
  assert_matches (got, none);
}

/* A scene larger than any network we expect still builds quickly and answers right. */
static void
test_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) rects = random_scene (rand, 200000);
  g_autoptr(EntSpatialIndex) index = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();

  index = ent_spatial_index_new ((const EntRect *) rects->data, rects->len);
  g_test_message ("Building over 200,000 items took %.1f ms",
                  g_timer_elapsed (timer, NULL) * 1000);

  check_random_queries (index, rects, rand, 20);
}

/*
 * Small queries must visit far fewer than all items. Counting the box
 * checks would need hooks in the public API, so this compares the time of
 * the index against a linear scan in the same process instead. A pause that
 * hits the long scan can only make the index look better, so one scan is
 * enough; the index is timed over a few rounds and the best one counts, so
 * that a pause cannot make it look worse.
 */
static void
test_faster_than_scan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) rects = random_scene (rand, 50000);
  g_autoptr(EntSpatialIndex) index = NULL;
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GTimer) timer = g_timer_new ();
  EntRect queries[1000];
  int side = scene_side (rects->len);
  double best_index = G_MAXDOUBLE;
  double scan;
  guint index_hits = 0;
  guint scan_hits = 0;
  double ratio;

  index = ent_spatial_index_new ((const EntRect *) rects->data, rects->len);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    queries[q] = random_query (rand, rects, side, 20);

  g_timer_start (timer);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_array_set_size (got, 0);
      brute_force_rect (rects, &queries[q], got);
      scan_hits += got->len;
    }
  scan = g_timer_elapsed (timer, NULL);

  for (guint round = 0; round < 5; round++)
    {
      index_hits = 0;
      g_timer_start (timer);
      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          g_array_set_size (got, 0);
          ent_spatial_index_query_rect (index, &queries[q], got);
          index_hits += got->len;
        }
      best_index = MIN (best_index, g_timer_elapsed (timer, NULL));
    }

  g_assert_cmpuint (index_hits, ==, scan_hits);

  ratio = scan / MAX (best_index, 1e-9);
  g_test_message ("1,000 small queries over 50,000 items: index %.2f ms, scan %.2f ms, %.1f times faster",
                  best_index * 1000, scan * 1000, ratio);
  g_assert_cmpfloat (ratio, >=, 5);
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
      g_test_add_data_func (test_path, GUINT_TO_POINTER (sizes[i]), test_random);
    }
  g_test_add_func ("/ent/spatial-index/empty", test_empty);
  g_test_add_func ("/ent/spatial-index/moves", test_moves);
  g_test_add_func ("/ent/spatial-index/cover-all", test_cover_all);
  g_test_add_func ("/ent/spatial-index/identical", test_identical);
  g_test_add_func ("/ent/spatial-index/large", test_large);
  g_test_add_func ("/ent/spatial-index/faster-than-scan", test_faster_than_scan);

  return g_test_run ();
}
