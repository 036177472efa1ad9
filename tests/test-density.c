/* test-density.c: dense networks show their density, sparse ones keep opaque edges
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ent-diagram.h"
#include "ent-export.h"
#include "ent-frame.h"
#include "ent-renderer.h"
#include "ent-scene.h"
#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-view-state.h"

#define VIEW_WIDTH  1280
#define VIEW_HEIGHT 800
/* The most of the middle of a dense network's fit-all picture that may be the plain edge colour. */
#define MAX_PLAIN_SHARE 0.30

/* An edge's path in an SVG export with an opacity of its own. */
#define EDGE_OPACITY_PATTERN "fill=\"none\" stroke=\"#[0-9a-f]+\" stroke-width=\"[0-9.]+\" stroke-opacity=\"0\\.[0-9]+\""

static const char *bench_path;
static char *dense_path;

/* A generated network of about 4,000 entities and 60,000 relations in clusters, laid out once for all tests. */
static const char *
dense_network (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (dense_path != NULL)
    return dense_path;

  dir = g_dir_make_tmp ("entente-density-XXXXXX", &error);
  g_assert_no_error (error);
  dense_path = g_build_filename (dir, "dense.entente", NULL);
  {
    /* The sanitizer build, many times slower, checks the same drawing on a smaller network of the same density. */
    const char *size = g_getenv ("ENTENTE_TEST_SLOWDOWN") != NULL ? "1000" : "4000";
    const char *argv[] = { bench_path, "generate", "--size", size, "--shape", "dense", "--seed", "1",
                           "--layout", "sfdp", dense_path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("entente-bench generate failed: %s", err);

  return dense_path;
}

static EntScene *
open_scene (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  g_autoptr(EntGraph) graph = NULL;
  EntScene *scene;

  g_assert_no_error (error);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  /* Stored positions: no layout runs. */
  scene = ent_diagram_build (store, graph, "sfdp", FALSE, NULL, NULL, &error);
  g_assert_no_error (error);

  return scene;
}

/* The zoom and offsets of the fit-all view, with a margin as the window leaves. */
static void
fit_all (EntScene *scene,
         double   *zoom,
         double   *offset_x,
         double   *offset_y)
{
  EntRect bounds;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  *zoom = MIN ((VIEW_WIDTH - 32) / MAX (bounds.x2 - bounds.x1, 1), (VIEW_HEIGHT - 32) / MAX (bounds.y2 - bounds.y1, 1));
  *offset_x = round (VIEW_WIDTH / 2.0 - (bounds.x1 + bounds.x2) / 2 * *zoom);
  *offset_y = round (VIEW_HEIGHT / 2.0 - (bounds.y1 + bounds.y2) / 2 * *zoom);
}

/* The fit-all picture as the graph view shows it: its frame over the page colour. */
static cairo_surface_t *
draw_view (EntScene      *scene,
           gboolean       dark,
           const guint8  *states)
{
  g_autoptr(EntFrame) frame = ent_frame_new ();
  EntRenderOptions options = { .dark = dark, .item_states = states, .accent = { 0.21, 0.52, 0.89 } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  EntColor background, text, edge;
  double zoom, offset_x, offset_y;

  fit_all (scene, &zoom, &offset_x, &offset_y);
  ent_frame_draw (frame, scene, &options, VIEW_WIDTH, VIEW_HEIGHT, zoom, offset_x, offset_y);
  ent_renderer_get_colors (dark, &background, &text, &edge);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  cairo_set_source_surface (cr, ent_frame_get_surface (frame), 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The same view drawn straight by the renderer with edges at the opacity given. */
static cairo_surface_t *
draw_view_at_opacity (EntScene *scene,
                      gboolean  dark,
                      double    opacity)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  EntColor background, text, edge;
  double zoom, offset_x, offset_y;
  EntRect visible;
  EntRenderOptions options = { .dark = dark, .edge_opacity = opacity, .accent = { 0.21, 0.52, 0.89 } };

  fit_all (scene, &zoom, &offset_x, &offset_y);
  visible = (EntRect) { -offset_x / zoom, -offset_y / zoom, (VIEW_WIDTH - offset_x) / zoom, (VIEW_HEIGHT - offset_y) / zoom };
  options.scale = zoom;
  options.visible = &visible;
  ent_renderer_get_colors (dark, &background, &text, &edge);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  cairo_translate (cr, offset_x, offset_y);
  cairo_scale (cr, zoom, zoom);
  ent_renderer_draw (scene, cr, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/*
 * The share of the middle of a picture (the central half across and down)
 * that is the plain edge colour: within a tenth of the way from it to the
 * page colour in every channel, where no line of the many there can be told
 * from another.
 */
static double
plain_edge_share (cairo_surface_t *surface,
                  gboolean         dark)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  EntColor background, text, edge;
  double tolerance[3], target[3];
  guint plain = 0, all = 0;

  ent_renderer_get_colors (dark, &background, &text, &edge);
  target[0] = edge.blue * 255;
  target[1] = edge.green * 255;
  target[2] = edge.red * 255;
  tolerance[0] = MAX (fabs (background.blue - edge.blue) * 255 / 10, 2);
  tolerance[1] = MAX (fabs (background.green - edge.green) * 255 / 10, 2);
  tolerance[2] = MAX (fabs (background.red - edge.red) * 255 / 10, 2);

  for (int y = height / 4; y < 3 * height / 4; y++)
    for (int x = width / 4; x < 3 * width / 4; x++)
      {
        const guint8 *pixel = data + (gsize) y * stride + 4 * x;
        gboolean near = TRUE;

        for (int c = 0; c < 3; c++)
          near = near && fabs (pixel[c] - target[c]) <= tolerance[c];
        plain += near;
        all++;
      }

  return (double) plain / all;
}

static void
check_dense (gboolean dark)
{
  g_autoptr(EntScene) scene = open_scene (dense_network ());
  cairo_surface_t *translucent = draw_view (scene, dark, NULL);
  cairo_surface_t *opaque = draw_view_at_opacity (scene, dark, 1.0);
  double share = plain_edge_share (translucent, dark), opaque_share = plain_edge_share (opaque, dark);

  g_test_message ("%s style: %.1f %% of the middle is the plain edge colour, %.1f %% with opaque edges",
                  dark ? "dark" : "light", 100 * share, 100 * opaque_share);
  if (g_getenv ("ENTENTE_TEST_KEEP") != NULL)
    {
      cairo_surface_write_to_png (translucent, dark ? "density-dark.png" : "density-light.png");
      cairo_surface_write_to_png (opaque, dark ? "density-dark-opaque.png" : "density-light-opaque.png");
    }
  /* Opaque, the middle is a wall of the edge colour; translucent, it shows where the lines gather. */
  g_assert_cmpfloat (opaque_share, >, 0.5);
  g_assert_cmpfloat (share, <=, MAX_PLAIN_SHARE);

  cairo_surface_destroy (translucent);
  cairo_surface_destroy (opaque);
}

static void
test_dense_light (void)
{
  check_dense (FALSE);
}

static void
test_dense_dark (void)
{
  check_dense (TRUE);
}

/* The bundled network is sparse: every edge is drawn at full strength, at fit-all as at 100 %. */
static void
test_sparse_stays_opaque (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-density-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "network.entente");
  g_autoptr(EntScene) scene = open_scene (path);
  EntRect bounds, view;
  double zoom, offset_x, offset_y;

  for (int dark = 0; dark < 2; dark++)
    {
      cairo_surface_t *view_image = draw_view (scene, dark, NULL);
      cairo_surface_t *opaque = draw_view_at_opacity (scene, dark, 1.0);
      const guint8 *a = cairo_image_surface_get_data (view_image), *b = cairo_image_surface_get_data (opaque);
      gsize size = (gsize) cairo_image_surface_get_stride (opaque) * VIEW_HEIGHT;
      gsize differ = 0;
      int most = 0;

      /* The view draws over a transparent image that goes over the page: antialiased pixels round apart, by up
       * to three levels where a line's edge falls on a fraction of a pixel (premultiplied, then composited). */
      for (gsize i = 0; i < size; i++)
        {
          differ += ABS (a[i] - b[i]) > 3;
          most = MAX (most, ABS (a[i] - b[i]));
        }
      if (differ > 0)
        g_test_message ("%" G_GSIZE_FORMAT " channels differ, by at most %d", differ, most);
      g_assert_cmpuint (differ, ==, 0);
      cairo_surface_destroy (view_image);
      cairo_surface_destroy (opaque);
    }

  /* Nor does its SVG give any edge an opacity. */
  {
    g_autofree char *svg = g_build_filename (dir, "network.svg", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;

    ent_export_scene (scene, svg, ENT_EXPORT_FORMAT_SVG, &(EntExportOptions) { .scale = 1.0 }, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_false (g_regex_match_simple (EDGE_OPACITY_PATTERN, contents, 0, 0));
    g_unlink (svg);
  }

  fit_all (scene, &zoom, &offset_x, &offset_y);
  view = (EntRect) { -offset_x / zoom, -offset_y / zoom, (VIEW_WIDTH - offset_x) / zoom, (VIEW_HEIGHT - offset_y) / zoom };
  g_assert_cmpfloat (ent_renderer_edge_opacity (scene, &view, zoom, NULL), ==, 1.0);
  ent_scene_get_bounds (scene, FALSE, &bounds);
  g_assert_cmpfloat (ent_renderer_edge_opacity (scene, &bounds, 1.0, NULL), ==, 1.0);
}

/* How far a pixel of the view is from the page colour towards @color: 0 for the page, 1 for the colour. */
static double
pixel_darkness (cairo_surface_t *surface,
                int              x,
                int              y,
                const EntColor  *color)
{
  const guint8 *pixel = cairo_image_surface_get_data (surface) + (gsize) y * cairo_image_surface_get_stride (surface)
                        + 4 * (gsize) x;
  EntColor background, text, edge;
  double to_red, to_green;

  ent_renderer_get_colors (FALSE, &background, &text, &edge);
  to_red = (pixel[2] / 255.0 - background.red) / (color->red - background.red);
  to_green = (pixel[1] / 255.0 - background.green) / (color->green - background.green);
  return MIN (to_red, to_green);
}

/* The darkest of the pixels around a point on a line, which may fall between two. */
static double
darkness_at (cairo_surface_t *surface,
             double           x,
             double           y,
             const EntColor  *color)
{
  double darkest = -G_MAXDOUBLE;

  for (int j = -1; j <= 1; j++)
    for (int i = -1; i <= 1; i++)
      darkest = MAX (darkest, pixel_darkness (surface, (int) floor (x) + i, (int) floor (y) + j, color));

  return darkest;
}

/* How far the middle of a view is from the page colour towards @color, on average. */
static double
mean_darkness (cairo_surface_t *surface,
               const EntColor  *color)
{
  double sum = 0;
  guint n = 0;

  for (int y = VIEW_HEIGHT / 4; y < 3 * VIEW_HEIGHT / 4; y++)
    for (int x = VIEW_WIDTH / 4; x < 3 * VIEW_WIDTH / 4; x++, n++)
      sum += pixel_darkness (surface, x, y, color);

  return sum / n;
}

/* The hub with the most relations, and one of them whose middle, well away from any node, is in the view. */
static const EntSceneItem *
find_hub_relation (EntScene *scene,
                   gint64   *hub_id,
                   double   *mx,
                   double   *my)
{
  g_autoptr(GHashTable) degrees = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 hub = 0;
  guint best = 0;
  double zoom, offset_x, offset_y;

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      const gint64 *ends[2] = { &item->from_id, &item->to_id };

      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      for (int k = 0; k < 2; k++)
        {
          guint degree = GPOINTER_TO_UINT (g_hash_table_lookup (degrees, ends[k])) + 1;

          g_hash_table_insert (degrees, (gpointer) ends[k], GUINT_TO_POINTER (degree));
          if (degree > best)
            {
              best = degree;
              hub = *ends[k];
            }
        }
    }

  fit_all (scene, &zoom, &offset_x, &offset_y);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      double x, y;

      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (item->from_id != hub && item->to_id != hub)
        continue;
      /* The middle of a long relation, not under a node. */
      x = (item->p[0] + item->p[6]) / 2;
      y = (item->p[1] + item->p[7]) / 2;
      if (hypot (item->p[6] - item->p[0], item->p[7] - item->p[1]) * zoom < 100 || ent_scene_hit_test (scene, x, y) != (int) i)
        continue;
      *hub_id = hub;
      *mx = x * zoom + offset_x;
      *my = y * zoom + offset_y;
      return item;
    }

  g_assert_not_reached ();
}

/*
 * In the dense view, a selected hub's relations are drawn at full strength
 * above the rest, which fade further; a hovered hub's are drawn in the
 * accent colour.
 */
static void
test_selection_on_top (void)
{
  g_autoptr(EntScene) scene = open_scene (dense_network ());
  EntViewState *state = ent_view_state_new ();
  EntColor background, text, edge, accent = { 0.21, 0.52, 0.89 };
  gint64 hub_id = 0;
  int hub;
  double x = 0, y = 0;
  cairo_surface_t *plain, *selected, *hovered, *alone;
  g_autofree guint8 *alone_states = NULL;
  const EntSceneItem *relation;

  relation = find_hub_relation (scene, &hub_id, &x, &y);
  ent_renderer_get_colors (FALSE, &background, &text, &edge);
  ent_view_state_set_scene (state, scene);
  hub = ent_view_state_node_index (state, hub_id);

  plain = draw_view (scene, FALSE, NULL);
  ent_view_state_update_states (state, hub, -1);
  selected = draw_view (scene, FALSE, ent_view_state_get_states (state));
  ent_view_state_update_states (state, -1, hub);
  hovered = draw_view (scene, FALSE, ent_view_state_get_states (state));
  /* The relation alone, at full strength, to compare with. */
  alone_states = g_new (guint8, ent_scene_get_n_items (scene));
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    alone_states[i] = ent_scene_get_item (scene, i) == relation ? ENT_ITEM_STATE_NORMAL : ENT_ITEM_STATE_HIDDEN;
  alone = draw_view (scene, FALSE, alone_states);

  g_test_message ("the middle of one of the hub's relations: %.2f of the way to the edge colour, %.2f selected, "
                  "%.2f alone, %.2f of the way to the accent colour hovered; the middle of the view %.3f, %.3f selected",
                  darkness_at (plain, x, y, &edge), darkness_at (selected, x, y, &edge), darkness_at (alone, x, y, &edge),
                  darkness_at (hovered, x, y, &accent),
                  mean_darkness (plain, &edge), mean_darkness (selected, &edge));
  /* As strong as alone, over the faded rest. */
  g_assert_cmpfloat (darkness_at (selected, x, y, &edge), >=, 0.9 * darkness_at (alone, x, y, &edge));
  g_assert_cmpfloat (darkness_at (hovered, x, y, &accent), >=, 0.75);
  /* The rest fade: the middle of the picture grows lighter as a whole. */
  g_assert_cmpfloat (mean_darkness (selected, &edge), <, 0.6 * mean_darkness (plain, &edge));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (selected);
  cairo_surface_destroy (hovered);
  cairo_surface_destroy (alone);
  ent_view_state_free (state);
}

/*
 * An export draws what the screen draws: part of the dense network exported
 * as PNG at 100 % is the view of that part at 100 %, translucent edges and
 * all, and its SVG gives the edges the same opacity.
 */
static void
test_export_as_view (void)
{
  g_autoptr(EntScene) scene = open_scene (dense_network ());
  g_autoptr(EntFrame) frame = ent_frame_new ();
  g_autofree char *dir = g_dir_make_tmp ("entente-density-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "part.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "part.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  EntRenderOptions view_options = { .accent = { 0.21, 0.52, 0.89 } };
  EntRect bounds, area;
  cairo_surface_t *exported, *view;
  cairo_t *cr;
  double opacity, cx, cy;
  gsize differ = 0, size;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  cx = round ((bounds.x1 + bounds.x2) / 2);
  cy = round ((bounds.y1 + bounds.y2) / 2);
  area = (EntRect) { cx - VIEW_WIDTH / 2, cy - VIEW_HEIGHT / 2, cx + VIEW_WIDTH / 2, cy + VIEW_HEIGHT / 2 };
  opacity = ent_renderer_edge_opacity (scene, &area, 1.0, NULL);
  g_test_message ("edge opacity in the middle at 100 %%: %.3f", opacity);
  g_assert_cmpfloat (opacity, <, 1.0);

  ent_export_scene (scene, png, ENT_EXPORT_FORMAT_PNG, &(EntExportOptions) { .scale = 1.0, .area = &area }, &error);
  g_assert_no_error (error);
  exported = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (exported), ==, VIEW_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (exported), ==, VIEW_HEIGHT);

  ent_frame_draw (frame, scene, &view_options, VIEW_WIDTH, VIEW_HEIGHT, 1.0, -area.x1, -area.y1);
  view = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cr = cairo_create (view);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, ent_frame_get_surface (frame), 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (view);

  size = (gsize) cairo_image_surface_get_stride (view) * VIEW_HEIGHT;
  g_assert_cmpint (cairo_image_surface_get_stride (exported), ==, cairo_image_surface_get_stride (view));
  for (gsize i = 0; i < size; i++)
    differ += ABS (cairo_image_surface_get_data (exported)[i] - cairo_image_surface_get_data (view)[i]) > 2;
  /* The view draws over a transparent image that goes over the page: antialiased pixels round apart. */
  g_assert_cmpuint (differ, <, size / 100);
  cairo_surface_destroy (exported);
  cairo_surface_destroy (view);

  ent_export_scene (scene, svg, ENT_EXPORT_FORMAT_SVG, &(EntExportOptions) { .scale = 1.0, .area = &area }, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_regex_match_simple (EDGE_OPACITY_PATTERN, contents, 0, 0));

  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

/* The opacity falls as the view holds more lines, and no lower than the floor. */
static void
test_opacity_follows_density (void)
{
  g_autoptr(EntScene) scene = open_scene (dense_network ());
  EntRect bounds, corner;
  double whole, part, far;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  whole = ent_renderer_edge_opacity (scene, &bounds, 0.1, NULL);
  far = ent_renderer_edge_opacity (scene, &bounds, 0.001, NULL);
  corner = (EntRect) { bounds.x1, bounds.y1, bounds.x1 + (bounds.x2 - bounds.x1) / 10, bounds.y1 + (bounds.y2 - bounds.y1) / 10 };
  part = ent_renderer_edge_opacity (scene, &corner, 1.0, NULL);

  g_test_message ("opacity at fit-all %.3f, in a corner at 100 %% %.3f, far out %.3f", whole, part, far);
  g_assert_cmpfloat (whole, <, 0.5);
  g_assert_cmpfloat (part, >, whole);
  g_assert_cmpfloat (far, ==, ENT_RENDER_MIN_EDGE_OPACITY);
  /* An empty view or one of no size is not dense. */
  g_assert_cmpfloat (ent_renderer_edge_opacity (scene, &(EntRect) { -1e6, -1e6, -1e6 + 10, -1e6 + 10 }, 1.0, NULL), ==, 1.0);
  g_assert_cmpfloat (ent_renderer_edge_opacity (scene, &(EntRect) { 0, 0, 0, 0 }, 1.0, NULL), ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 2);
  bench_path = argv[1];

  g_test_add_func ("/ent/density/dense-light", test_dense_light);
  g_test_add_func ("/ent/density/dense-dark", test_dense_dark);
  g_test_add_func ("/ent/density/sparse-stays-opaque", test_sparse_stays_opaque);
  g_test_add_func ("/ent/density/selection-on-top", test_selection_on_top);
  g_test_add_func ("/ent/density/export-as-view", test_export_as_view);
  g_test_add_func ("/ent/density/opacity-follows-density", test_opacity_follows_density);

  status = g_test_run ();
  if (dense_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (dense_path);

      g_unlink (dense_path);
      g_rmdir (dir);
    }
  g_free (dense_path);
  return status;
}
