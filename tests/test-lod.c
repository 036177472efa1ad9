/* test-lod.c: culling and level of detail never change what is shown
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib.h>
#include <string.h>

#include "ent-frame.h"
#include "ent-renderer.h"
#include "ent-scene.h"

#define N_NODES     2000
#define N_EDGES     3000
#define SCENE_SIDE  9000.0
#define N_VIEWPORTS 40
#define SURFACE_W   240
#define SURFACE_H   160
#define BLOCK       4

/*
 * Labels are set in 10 pt type (ENT_STYLE_FONT_SIZE) and drawn once they
 * are 5 pixels high (ENT_RENDER_MIN_LABEL_PIXELS) on screen: from a zoom
 * of 5 / 10 on.
 */
#define MIN_READABLE_ZOOM 0.5

static const char * const words[] = { "minister", "trade", "council", "energy", "bank", "steel", "port", "union" };

static char *
random_words (GRand *rand,
              int    min,
              int    max)
{
  GString *text = g_string_new (NULL);
  int target = g_rand_int_range (rand, min, max + 1);

  while ((int) text->len < target)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return g_string_free (text, FALSE);
}

/* A network of every kind, labelled nodes at random places and edges of every style between them. */
static EntScene *
random_scene (GRand *rand)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));

  for (guint i = 0; i < N_NODES; i++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);
      EntPosition position = {
        .entity_id = i + 1,
        .x = g_rand_double_range (rand, 0, SCENE_SIDE),
        .y = g_rand_double_range (rand, 0, SCENE_SIDE),
      };

      entity->id = i + 1;
      entity->kind = i % ENT_N_KINDS;
      entity->name = random_words (rand, 3, 60);
      if (entity->kind == ENT_KIND_EVENT)
        entity->start_date = g_strdup ("2023-05-04");
      ent_graph_take_entity (graph, entity);
      g_array_append_val (positions, position);
    }

  for (guint i = 0; i < N_EDGES; i++)
    {
      EntRelation *relation = g_new0 (EntRelation, 1);
      gint64 from = g_rand_int_range (rand, 1, N_NODES + 1);

      relation->id = i + 1;
      relation->kind = g_strdup ("meets");
      relation->from_id = from;
      /* Mostly near neighbours by id, some far, some loops and parallel relations. */
      relation->to_id = i % 50 == 0 ? from : CLAMP (from + g_rand_int_range (rand, -3, 4), 1, N_NODES);
      relation->label = i % 3 == 0 ? NULL : random_words (rand, 4, 40);
      relation->directed = i % 2 == 0;
      ent_graph_take_relation (graph, relation);
    }

  return ent_scene_new (graph, positions);
}

/* A viewport of SURFACE_W × SURFACE_H pixels at @zoom somewhere over the scene, often reaching past its edge. */
static void
random_viewport (GRand   *rand,
                 double   zoom,
                 EntRect *visible)
{
  double x = g_rand_double_range (rand, -200, SCENE_SIDE);
  double y = g_rand_double_range (rand, -200, SCENE_SIDE);

  *visible = (EntRect) { x, y, x + SURFACE_W / zoom, y + SURFACE_H / zoom };
}

/* From the smallest zoom at which labels are drawn up to far in. */
static double
random_readable_zoom (GRand *rand)
{
  return g_rand_boolean (rand) ? g_rand_double_range (rand, MIN_READABLE_ZOOM, 1.0) : g_rand_double_range (rand, 1.0, 6.0);
}

static cairo_surface_t *
draw (EntScene               *scene,
      const EntRect          *visible,
      const EntRenderOptions *options,
      GArray                 *drawn)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_W, SURFACE_H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, options->scale, options->scale);
  cairo_translate (cr, -visible->x1, -visible->y1);
  ent_renderer_draw (scene, cr, options, drawn);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static GHashTable *
index_set (GArray *indices)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < indices->len; i++)
    g_hash_table_add (set, GUINT_TO_POINTER (g_array_index (indices, guint, i) + 1));

  return set;
}

static void
assert_same_set (GHashTable *a,
                 GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b, key));
}

static guint8 *
random_states (GRand    *rand,
               EntScene *scene)
{
  guint n = ent_scene_get_n_items (scene);
  guint8 *states = g_new0 (guint8, n);

  for (guint i = 0; i < n; i++)
    switch (g_rand_int_range (rand, 0, 20))
      {
      case 0:
        states[i] = ENT_ITEM_STATE_HIDDEN;
        break;
      case 1:
        states[i] = ENT_ITEM_STATE_FADED;
        break;
      case 2:
        states[i] = ENT_ITEM_STATE_SELECTED;
        break;
      case 3:
        states[i] = ENT_ITEM_STATE_HIGHLIGHTED;
        break;
      default:
        break;
      }

  return states;
}

/* A random scene and random states for its items, from the seed that is the test's data. */
typedef struct
{
  GRand    *rand;
  EntScene *scene;
  guint8   *states;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->rand = g_rand_new_with_seed (GPOINTER_TO_UINT (data));
  fixture->scene = random_scene (fixture->rand);
  fixture->states = random_states (fixture->rand, fixture->scene);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->states, g_free);
  g_clear_pointer (&fixture->scene, ent_scene_unref);
  g_clear_pointer (&fixture->rand, g_rand_free);
}

/*
 * With culling, the renderer draws exactly the items whose bounds meet the
 * viewport (grown by the device pixel that antialiasing may reach) and are
 * not hidden: the same items a renderer without culling
 * draws there, found here by brute force.
 */
static void
test_culling_draws_same_items (Fixture       *fixture,
                               gconstpointer  data)
{
  for (guint v = 0; v < N_VIEWPORTS; v++)
    {
      g_autoptr(GArray) culled = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) everything = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) brute = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) everything_here = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GHashTable) culled_set = NULL;
      g_autoptr(GHashTable) brute_set = NULL;
      g_autoptr(GHashTable) everything_set = NULL;
      EntRenderOptions options = { .scale = random_readable_zoom (fixture->rand), .item_states = v % 2 ? fixture->states : NULL };
      EntRect visible, grown;
      cairo_surface_t *surface;

      random_viewport (fixture->rand, options.scale, &visible);
      grown = (EntRect) { visible.x1 - 1 / options.scale, visible.y1 - 1 / options.scale,
                          visible.x2 + 1 / options.scale, visible.y2 + 1 / options.scale };
      g_assert_true (ent_renderer_draws_labels (&options));

      options.visible = &visible;
      surface = draw (fixture->scene, &visible, &options, culled);
      cairo_surface_destroy (surface);

      options.visible = NULL;
      surface = draw (fixture->scene, &visible, &options, everything);
      cairo_surface_destroy (surface);

      for (guint i = 0; i < ent_scene_get_n_items (fixture->scene); i++)
        if (ent_rect_intersects (&ent_scene_get_item (fixture->scene, i)->bounds, &grown) &&
            (options.item_states == NULL || !(options.item_states[i] & ENT_ITEM_STATE_HIDDEN)))
          g_array_append_val (brute, i);

      for (guint i = 0; i < everything->len; i++)
        {
          guint index = g_array_index (everything, guint, i);

          if (ent_rect_intersects (&ent_scene_get_item (fixture->scene, index)->bounds, &grown))
            g_array_append_val (everything_here, index);
        }

      culled_set = index_set (culled);
      brute_set = index_set (brute);
      everything_set = index_set (everything_here);
      g_assert_cmpuint (g_hash_table_size (culled_set), ==, culled->len);
      assert_same_set (culled_set, brute_set);
      assert_same_set (culled_set, everything_set);
    }
}

/* Labels are drawn at every zoom where they are large enough to read. */
static void
test_labels_at_readable_zoom (void)
{
  for (double scale = MIN_READABLE_ZOOM; scale <= 8.0; scale *= 1.25)
    {
      EntRenderOptions options = { .scale = scale };

      g_assert_true (ent_renderer_draws_labels (&options));
    }

  /* Below that they would be too small to read. */
  for (double scale = 0.49; scale > 0.01; scale /= 1.25)
    {
      EntRenderOptions options = { .scale = scale };

      g_assert_false (ent_renderer_draws_labels (&options));
    }
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b,
                    const EntRect   *visible,
                    double           zoom)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = 0; y < SURFACE_H; y++)
    if (memcmp (pa + y * stride, pb + y * stride, SURFACE_W * 4) != 0)
      g_error ("culling changed row %d of the viewport at (%g, %g), zoom %g", y, visible->x1, visible->y1, zoom);
}

/*
 * The real check: the same viewport drawn with culling and without it is
 * the same image, byte for byte, in every state, at every readable zoom.
 */
static void
test_culling_same_pixels (Fixture       *fixture,
                          gconstpointer  data)
{
  for (guint v = 0; v < N_VIEWPORTS; v++)
    {
      EntRenderOptions options = {
        .scale = random_readable_zoom (fixture->rand),
        .item_states = v % 2 ? fixture->states : NULL,
        .edge_labels = v % 5 == 0,
        .legend = v % 7 == 0,
        .dark = v % 3 == 0,
        .accent = { 0.21, 0.52, 0.89 },
      };
      EntRect visible;
      cairo_surface_t *culled, *everything;

      /* Now and then a viewport on the legend, below the nodes. */
      if (options.legend && v % 2 == 0)
        {
          EntRect bounds;

          ent_scene_get_bounds (fixture->scene, TRUE, &bounds);
          visible = (EntRect) { bounds.x1 - 10, bounds.y2 - 60, bounds.x1 - 10 + SURFACE_W / options.scale,
                                bounds.y2 - 60 + SURFACE_H / options.scale };
        }
      else
        random_viewport (fixture->rand, options.scale, &visible);

      options.visible = &visible;
      culled = draw (fixture->scene, &visible, &options, NULL);
      options.visible = NULL;
      everything = draw (fixture->scene, &visible, &options, NULL);

      assert_same_pixels (culled, everything, &visible, options.scale);
      cairo_surface_destroy (culled);
      cairo_surface_destroy (everything);
    }
}

/* The same viewport drawn through a recording surface, where Cairo draws every line and shape itself. */
static cairo_surface_t *
draw_through_cairo (EntScene               *scene,
                    const EntRect          *visible,
                    const EntRenderOptions *options)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_W, SURFACE_H);
  cairo_t *cr = cairo_create (recording);

  cairo_scale (cr, options->scale, options->scale);
  cairo_translate (cr, -visible->x1, -visible->y1);
  ent_renderer_draw (scene, cr, options, NULL);
  cairo_destroy (cr);

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (surface);

  return surface;
}

/*
 * On an image surface the renderer draws straight edges, far-out edges and
 * far-out nodes into the pixels itself. What it draws must look as what
 * Cairo draws: the same lines and shapes in the same places, differing
 * only in how their edges are smoothed.
 */
static void
test_direct_pixels_match_cairo (Fixture       *fixture,
                                gconstpointer  data)
{
  for (guint v = 0; v < N_VIEWPORTS; v++)
    {
      EntRenderOptions options = {
        .scale = v % 4 == 0 ? g_rand_double_range (fixture->rand, 0.02, ENT_RENDER_SIMPLE_EDGE_SCALE) : random_readable_zoom (fixture->rand),
        .item_states = v % 3 == 0 ? fixture->states : NULL,
        .dark = v % 2 == 0,
        .accent = { 0.21, 0.52, 0.89 },
        /* Translucent edges add up alike either way. */
        .edge_opacity = v % 5 == 1 ? 0.2 : 0,
      };
      EntRect visible;
      cairo_surface_t *direct, *through_cairo;
      const guint8 *pa, *pb;
      int stride, far = 0;
      double total = 0;

      random_viewport (fixture->rand, options.scale, &visible);
      options.visible = &visible;
      direct = draw (fixture->scene, &visible, &options, NULL);
      through_cairo = draw_through_cairo (fixture->scene, &visible, &options);

      pa = cairo_image_surface_get_data (direct);
      pb = cairo_image_surface_get_data (through_cairo);
      stride = cairo_image_surface_get_stride (direct);
      for (int y = 0; y < SURFACE_H; y += BLOCK)
        for (int x = 0; x < SURFACE_W; x += BLOCK)
          {
            int worst = 0;

            for (int c = 0; c < 3; c++)
              {
                int sum_a = 0, sum_b = 0;

                for (int j = y; j < y + BLOCK; j++)
                  for (int i = x; i < x + BLOCK; i++)
                    {
                      sum_a += pa[j * stride + 4 * i + c];
                      sum_b += pb[j * stride + 4 * i + c];
                    }
                worst = MAX (worst, ABS (sum_a - sum_b) / (BLOCK * BLOCK));
              }
            total += worst;
            far = MAX (far, worst);
          }
      /* Compared a block of pixels at a time, so that a line one pixel aside still matches. */
      if (ent_renderer_draws_labels (&options))
        {
          g_assert_cmpfloat (total / (SURFACE_W * SURFACE_H / BLOCK / BLOCK), <, 1.5);
          g_assert_cmpint (far, <, 16);
        }
      else
        {
          /* Far out, lines have no antialiasing, and where they cross, Cairo's single path covers a
           * pixel once where lines drawn one by one darken it again; a dense random tangle shows that. */
          g_assert_cmpfloat (total / (SURFACE_W * SURFACE_H / BLOCK / BLOCK), <, 24);
          g_assert_cmpint (far, <, 64);
        }

      cairo_surface_destroy (direct);
      cairo_surface_destroy (through_cairo);
    }
}

/*
 * The view keeps its image and, panned by whole pixels, moves it and draws
 * only the strips uncovered. The result must be what drawing the whole
 * viewport there gives, to within rounding, at every zoom.
 */
static void
test_pan_matches_full_frame (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(EntFrame) panned = ent_frame_new ();

  for (guint v = 0; v < N_VIEWPORTS; v++)
    {
      g_autoptr(EntFrame) whole = ent_frame_new ();
      /* The opacity of edges is kept while the view pans: both frames are given the same. */
      EntRenderOptions options = { .item_states = v % 2 ? fixture->states : NULL, .dark = v % 3 == 0,
                                   .accent = { 0.21, 0.52, 0.89 }, .edge_opacity = v % 5 == 0 ? 0.3 : 1.0 };
      double zoom = v % 4 == 0 ? g_rand_double_range (fixture->rand, 0.02, ENT_RENDER_SIMPLE_EDGE_SCALE)
                               : random_readable_zoom (fixture->rand);
      double x = g_rand_double_range (fixture->rand, -SCENE_SIDE * zoom, 200);
      double y = g_rand_double_range (fixture->rand, -SCENE_SIDE * zoom, 200);
      int dx = g_rand_int_range (fixture->rand, -SURFACE_W, SURFACE_W);
      int dy = g_rand_int_range (fixture->rand, -SURFACE_H, SURFACE_H);
      cairo_surface_t *a, *b;

      ent_frame_invalidate (panned);
      g_assert_true (ent_frame_draw (panned, fixture->scene, &options, SURFACE_W, SURFACE_H, zoom, x, y));
      g_assert_false (ent_frame_draw (panned, fixture->scene, &options, SURFACE_W, SURFACE_H, zoom, x, y));
      g_assert_true (ent_frame_draw (panned, fixture->scene, &options, SURFACE_W, SURFACE_H, zoom, x + dx, y + dy));
      g_assert_true (ent_frame_draw (whole, fixture->scene, &options, SURFACE_W, SURFACE_H, zoom, x + dx, y + dy));

      a = ent_frame_get_surface (panned);
      b = ent_frame_get_surface (whole);
      for (int row = 0; row < SURFACE_H; row++)
        for (int i = 0; i < SURFACE_W * 4; i++)
          {
            int pa = cairo_image_surface_get_data (a)[row * cairo_image_surface_get_stride (a) + i];
            int pb = cairo_image_surface_get_data (b)[row * cairo_image_surface_get_stride (b) + i];

            /* Cairo's rasteriser, clipped to a strip, may round a pixel of a stroke it draws a few levels
             * differently; what the renderer draws into the pixels itself does not change at all. */
            if (ABS (pa - pb) > 16)
              g_error ("panning by (%d, %d) at zoom %g changed pixel (%d, %d) from %d to %d",
                       dx, dy, zoom, i / 4, row, pb, pa);
          }
    }
}

/*
 * Labels are measured on several threads, each with a font map of its own,
 * and laid out for drawing later, on demand: both must agree exactly, or
 * labels would be placed off centre and culled by the wrong bounds.
 */
static void
test_measured_labels_match_layouts (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(EntScene) scene = random_scene (rand);
  guint n_labels = 0;

  /* Edge labels are measured when first needed; until then they have no extents. */
  g_assert_cmpint (ent_scene_get_item (scene, 1)->type, ==, ENT_SCENE_ITEM_EDGE);
  g_assert_cmpint (ent_scene_get_item (scene, 1)->label_logical.height, ==, 0);
  ent_scene_measure_edge_labels (scene);

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      PangoLayout *layout = ent_scene_get_layout (scene, item);
      PangoRectangle ink, logical;

      if (*item->label == '\0')
        {
          g_assert_null (layout);
          continue;
        }

      g_assert_nonnull (layout);
      g_assert_cmpstr (pango_layout_get_text (layout), ==, item->label);
      pango_layout_get_extents (layout, &ink, &logical);
      g_assert_cmpmem (&ink, sizeof ink, &item->label_ink, sizeof item->label_ink);
      g_assert_cmpmem (&logical, sizeof logical, &item->label_logical, sizeof item->label_logical);
      n_labels++;
    }

  /* Enough to be measured on more than one thread. */
  g_assert_cmpuint (n_labels, >, 1000);
}

static void
measured_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
measure_edges_in_background (EntScene     *scene,
                             GCancellable *cancellable)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  ent_scene_measure_edge_labels_async (scene, cancellable, measured_cb, &result);
  if (cancellable != NULL)
    g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  done = ent_scene_measure_edge_labels_finish (scene, result, &error);
  g_assert_true (done == (error == NULL));
  return done;
}

/* Measured in the background, edge labels get the extents measuring them at once gives; cancelled, none. */
static void
test_edge_labels_in_background (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(EntScene) background = random_scene (rand);
  g_autoptr(GRand) rand_again = g_rand_new_with_seed (3);
  g_autoptr(EntScene) at_once = random_scene (rand_again);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  EntRect bounds_before, bounds_after;

  ent_scene_get_bounds (background, FALSE, &bounds_before);
  g_assert_false (ent_scene_has_edge_labels (background));
  g_assert_false (measure_edges_in_background (background, cancellable));
  g_assert_false (ent_scene_has_edge_labels (background));
  g_assert_cmpint (ent_scene_get_item (background, 1)->label_logical.height, ==, 0);

  g_assert_true (measure_edges_in_background (background, NULL));
  g_assert_true (ent_scene_has_edge_labels (background));
  ent_scene_measure_edge_labels (at_once);
  ent_scene_get_bounds (background, FALSE, &bounds_after);
  g_assert_true (bounds_after.x1 <= bounds_before.x1 && bounds_after.x2 >= bounds_before.x2);

  g_assert_cmpuint (ent_scene_get_n_items (background), ==, ent_scene_get_n_items (at_once));
  for (guint i = 0; i < ent_scene_get_n_items (background); i++)
    {
      const EntSceneItem *a = ent_scene_get_item (background, i);
      const EntSceneItem *b = ent_scene_get_item (at_once, i);

      g_assert_cmpmem (&a->label_logical, sizeof a->label_logical, &b->label_logical, sizeof b->label_logical);
      g_assert_cmpmem (&a->label_ink, sizeof a->label_ink, &b->label_ink, sizeof b->label_ink);
      g_assert_cmpmem (&a->bounds, sizeof a->bounds, &b->bounds, sizeof b->bounds);
    }
}

/*
 * Mid-gesture the view stretches its last whole frame: at the frame's own
 * zoom and a shift by whole pixels that is the frame itself, moved.
 */
static void
test_scaled_frame (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autoptr(EntScene) scene = random_scene (rand);
  g_autoptr(EntFrame) frame = ent_frame_new ();
  EntRenderOptions options = { .accent = { 0.21, 0.52, 0.89 } };
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SURFACE_W, SURFACE_H);
  cairo_surface_t *image;
  cairo_t *cr = cairo_create (target);
  double zoom = 0.8, x = -SCENE_SIDE * zoom / 3, y = -SCENE_SIDE * zoom / 3;
  int dx = 17, dy = -9;

  g_assert_false (ent_frame_paint_scaled (frame, cr, zoom, x, y));
  ent_frame_draw (frame, scene, &options, SURFACE_W, SURFACE_H, zoom, x, y);
  g_assert_true (ent_frame_paint_scaled (frame, cr, zoom, x + dx, y + dy));
  cairo_destroy (cr);
  cairo_surface_flush (target);

  image = ent_frame_get_surface (frame);
  for (int row = MAX (dy, 0); row < SURFACE_H + MIN (dy, 0); row++)
    g_assert_cmpmem (cairo_image_surface_get_data (target) + row * cairo_image_surface_get_stride (target) + 4 * dx,
                     (SURFACE_W - dx) * 4,
                     cairo_image_surface_get_data (image) + (row - dy) * cairo_image_surface_get_stride (image),
                     (SURFACE_W - dx) * 4);

  ent_frame_invalidate (frame);
  cr = cairo_create (target);
  g_assert_false (ent_frame_paint_scaled (frame, cr, zoom * 2, x, y));
  cairo_destroy (cr);
  cairo_surface_destroy (target);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ent/lod/culling-draws-same-items", Fixture, GUINT_TO_POINTER (42), fixture_setup, test_culling_draws_same_items, fixture_teardown);
  g_test_add_func ("/ent/lod/labels-at-readable-zoom", test_labels_at_readable_zoom);
  g_test_add ("/ent/lod/culling-same-pixels", Fixture, GUINT_TO_POINTER (7), fixture_setup, test_culling_same_pixels, fixture_teardown);
  g_test_add ("/ent/lod/direct-pixels-match-cairo", Fixture, GUINT_TO_POINTER (11), fixture_setup, test_direct_pixels_match_cairo, fixture_teardown);
  g_test_add ("/ent/lod/pan-matches-full-frame", Fixture, GUINT_TO_POINTER (5), fixture_setup, test_pan_matches_full_frame, fixture_teardown);
  g_test_add_func ("/ent/lod/measured-labels-match-layouts", test_measured_labels_match_layouts);
  g_test_add_func ("/ent/lod/edge-labels-in-background", test_edge_labels_in_background);
  g_test_add_func ("/ent/lod/scaled-frame", test_scaled_frame);

  return g_test_run ();
}
