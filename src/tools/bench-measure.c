/* bench-measure.c: the timings of one size, from opening the file to exporting it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are wall-clock medians; the Graphviz command line runs on the same
 * graph in the same run, so its times are the yardstick that absorbs how
 * fast or busy the machine is.
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"
#include "ent-frame.h"
#include "ent-layout.h"
#include "ent-store.h"

#include <glib/gstdio.h>
#include <math.h>

/* Frames are cheap, so they are repeated more often than the runs asked for. */
#define FRAME_REPEAT_FACTOR 3
#define PAN_STEPS 24
#define PAN_STEP_PIXELS 48.0
#define HIT_TESTS 2000

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of @samples, which it sorts; NAN for none. */
double
bench_median (GArray *samples)
{
  guint n = samples->len;

  if (n == 0)
    return NAN;

  g_array_sort (samples, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (samples, double, n / 2);

  return (g_array_index (samples, double, n / 2 - 1) + g_array_index (samples, double, n / 2)) / 2;
}

static double
maximum (GArray *samples)
{
  double max = NAN;

  for (guint i = 0; i < samples->len; i++)
    if (isnan (max) || g_array_index (samples, double, i) > max)
      max = g_array_index (samples, double, i);

  return max;
}

/* Runs a Graphviz command and returns its wall-clock time in ms, or NAN when it failed. */
static double
time_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = bench_now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("%s failed%s%s\n", argv[0], error ? ": " : "", error ? error->message : "");
      return NAN;
    }

  return bench_now_ms () - start;
}

/* Which engines are worth timing at a size: the others take minutes, as DESIGN.md says. */
static GStrv
engines_for_size (guint size)
{
  if (size <= 100)
    return g_strsplit ("dot,neato,fdp,sfdp,twopi,circo", ",", -1);
  if (size <= 1000)
    return g_strsplit ("dot,sfdp", ",", -1);
  return g_strsplit ("sfdp", ",", -1);
}

/* Big layouts take a minute each; fewer runs of them keep the whole benchmark within 15 minutes. */
static guint
layout_runs (const RunOptions *options,
             guint             size)
{
  if (size >= 50000)
    return 1;
  if (size >= 10000)
    return MIN (options->runs, 3);
  return options->runs;
}

static void
measure_layouts (SizeFigures      *figures,
                 EntGraph         *graph,
                 const RunOptions *options)
{
  g_auto(GStrv) engines = engines_for_size (figures->size);

  for (guint e = 0; engines[e] != NULL; e++)
    {
      g_autoptr(EntLayoutRequest) request = ent_diagram_layout_request (graph, engines[e], NULL);
      g_autoptr(GArray) worker = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cli = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *name = g_strdup_printf ("graph-%s.dot", engines[e]);
      g_autofree char *dot_path = g_build_filename (figures->dot_dir, name, NULL);
      g_autoptr(GError) error = NULL;
      LayoutFigure *figure = g_new0 (LayoutFigure, 1);
      const char *argv[] = { engines[e], "-Tplain", dot_path, "-o", "/dev/null", NULL };

      g_hash_table_insert (figures->layouts, g_strdup (engines[e]), figure);

      /* The command line is given the problem the helper lays out, routed where the helper routes. */
      if (ent_diagram_engine_routes (engines[e], graph->entities->len)
          ? !bench_write_routed_dot (graph, engines[e], dot_path, &error)
          : !bench_write_dot (graph, engines[e], "line", dot_path, &error))
        {
          g_printerr ("%s\n", error->message);
          continue;
        }

      /* The largest network takes minutes: its one worker run is the one that generated its positions. */
      if (figures->size >= 50000 && g_str_equal (engines[e], "sfdp") && !isnan (figures->first_layout_ms))
        g_array_append_val (worker, figures->first_layout_ms);

      /* Alternating the two spreads the machine's noise over both alike. */
      for (guint run = 0; run < layout_runs (options, figures->size); run++)
        {
          g_autoptr(EntLayoutResult) result = NULL;
          double start = bench_now_ms (), cli_ms;

          if (worker->len == 0 || figures->size < 50000)
            {
              result = ent_layout_run (request, ENT_DIAGRAM_LAYOUT_TIMEOUT_MS, NULL, &error);
              if (result == NULL)
                {
                  g_printerr ("%s on %u entities: %s\n", engines[e], figures->size, error->message);
                  break;
                }
              g_array_append_vals (worker, &(double) { bench_now_ms () - start }, 1);
            }

          cli_ms = time_command (argv);
          if (!isnan (cli_ms))
            g_array_append_val (cli, cli_ms);
        }

      figure->worker_ms = bench_median (worker);
      figure->cli_ms = bench_median (cli);
      if (g_str_equal (engines[e], "sfdp"))
        figures->plain_cli_ms = figure->cli_ms;
      g_printerr ("  layout %s: worker %.0f ms, CLI %.0f ms\n", engines[e], figure->worker_ms, figure->cli_ms);
    }
}

static double
time_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  double start = bench_now_ms ();

  store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    graph = ent_store_load_graph (store, &error);
  if (graph == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NAN;
    }

  return bench_now_ms () - start;
}

/* Open → drawn: what a user waits for when opening a file that has a stored layout. */
double
bench_time_first_frame (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntScene) scene = NULL;
  cairo_surface_t *surface;
  double start = bench_now_ms (), cx, cy;

  scene = bench_open_scene (path, &error);
  if (scene == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NAN;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  bench_scene_centre (scene, &cx, &cy);
  bench_draw_frame (scene, surface, cx, cy, bench_fit_zoom (scene));
  cairo_surface_destroy (surface);

  return bench_now_ms () - start;
}

static void
measure_frames (SizeFigures      *figures,
                EntScene         *scene,
                const RunOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  const EntSceneItem *centre = bench_central_node (scene);
  double zooms[4] = { bench_fit_zoom (scene), 0.5, 1.0, 4.0 };
  guint repeat = options->runs * FRAME_REPEAT_FACTOR;
  g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan_fit = g_array_new (FALSE, FALSE, sizeof (double));
  double cx, cy;

  bench_scene_centre (scene, &cx, &cy);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      double x = z == 0 ? cx : centre->cx, y = z == 0 ? cy : centre->cy;

      /* One frame first, as the view has drawn before it is measured, to lay out the labels once. */
      bench_draw_frame (scene, surface, x, y, zooms[z]);
      for (guint r = 0; r < repeat; r++)
        {
          double start = bench_now_ms ();

          bench_draw_frame (scene, surface, x, y, zooms[z]);
          g_array_append_vals (samples, &(double) { bench_now_ms () - start }, 1);
        }
      figures->frame_ms[z] = bench_median (samples);
    }

  /* Panning, as the view does it: after each step of a drag its kept image moves and the strips it uncovers
   * are drawn. The first step of each draws the whole viewport, as the first frame after a zoom does. */
  {
    g_autoptr(EntFrame) frame = ent_frame_new ();
    g_autoptr(EntFrame) frame_fit = ent_frame_new ();
    EntRenderOptions render = { .accent = { 0.21, 0.52, 0.89 } };

    for (guint step = 0; step < PAN_STEPS; step++)
      {
        double start = bench_now_ms ();

        ent_frame_draw (frame, scene, &render, VIEW_WIDTH, VIEW_HEIGHT, 1.0,
                        round (VIEW_WIDTH / 2.0 - centre->cx) - step * PAN_STEP_PIXELS,
                        round (VIEW_HEIGHT / 2.0 - centre->cy));
        g_array_append_vals (pan, &(double) { bench_now_ms () - start }, 1);

        start = bench_now_ms ();
        ent_frame_draw (frame_fit, scene, &render, VIEW_WIDTH, VIEW_HEIGHT, zooms[0],
                        round (VIEW_WIDTH / 2.0 - cx * zooms[0]) - step * PAN_STEP_PIXELS,
                        round (VIEW_HEIGHT / 2.0 - cy * zooms[0]));
        g_array_append_vals (pan_fit, &(double) { bench_now_ms () - start }, 1);
      }
  }
  figures->pan_max_ms = maximum (pan);
  figures->pan_fit_max_ms = maximum (pan_fit);
  figures->pan_ms = bench_median (pan);

  /* Zooming in by a tenth a step, as Ctrl+scroll does, around the middle: the view stretches its last whole frame. */
  {
    g_autoptr(EntFrame) frame = ent_frame_new ();
    g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
    EntRenderOptions render = { .accent = { 0.21, 0.52, 0.89 } };
    double x = round (VIEW_WIDTH / 2.0 - centre->cx), y = round (VIEW_HEIGHT / 2.0 - centre->cy);

    ent_frame_draw (frame, scene, &render, VIEW_WIDTH, VIEW_HEIGHT, 1.0, x, y);
    for (guint r = 0; r < repeat; r++)
      {
        double zoom = pow (1.1, r % 10 + 1), start = bench_now_ms ();
        cairo_t *cr = cairo_create (surface);

        cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        ent_frame_paint_scaled (frame, cr, zoom, VIEW_WIDTH / 2.0 - (VIEW_WIDTH / 2.0 - x) * zoom,
                                VIEW_HEIGHT / 2.0 - (VIEW_HEIGHT / 2.0 - y) * zoom);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        g_array_append_vals (steps, &(double) { bench_now_ms () - start }, 1);
      }
    figures->zoom_step_ms = bench_median (steps);
  }

  cairo_surface_destroy (surface);
}

static void
measure_hit_test (SizeFigures *figures,
                  EntScene    *scene,
                  guint        runs)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  EntRect bounds;
  int hits = 0;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  for (guint r = 0; r < runs; r++)
    {
      double start = bench_now_ms ();

      for (guint i = 0; i < HIT_TESTS; i++)
        hits += ent_scene_hit_test (scene,
                                    g_rand_double_range (rand, bounds.x1, bounds.x2),
                                    g_rand_double_range (rand, bounds.y1, bounds.y2)) >= 0;
      g_array_append_vals (samples, &(double) { (bench_now_ms () - start) * 1000.0 / HIT_TESTS }, 1);
    }

  figures->hit_us = bench_median (samples);
  g_debug ("%d of %u hit-tests found an item", hits, runs * HIT_TESTS);
}

static void
measure_exports (SizeFigures      *figures,
                 const RunOptions *options)
{
  g_autoptr(GArray) svg = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) svg_cli = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) png = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) png_cli = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *svg_path = g_build_filename (figures->dot_dir, "export.svg", NULL);
  g_autofree char *png_path = g_build_filename (figures->dot_dir, "export.png", NULL);
  g_autofree char *dot_path = g_build_filename (figures->dot_dir, "graph-sfdp.dot", NULL);
  g_autofree char *cli_svg = g_build_filename (figures->dot_dir, "cli.svg", NULL);
  g_autofree char *cli_png = g_build_filename (figures->dot_dir, "cli.png", NULL);
  const char *svg_argv[] = { "sfdp", "-Tsvg", dot_path, "-o", cli_svg, NULL };
  const char *png_argv[] = { "sfdp", "-Tpng", dot_path, "-o", cli_png, NULL };
  double scale = bench_png_scale (figures->path);
  guint runs = layout_runs (options, figures->size);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      double start = bench_now_ms (), ms;

      if (!ent_diagram_export_file (figures->path, svg_path, NULL, FALSE, NULL, NULL, &error))
        g_printerr ("SVG export: %s\n", error->message);
      else
        g_array_append_vals (svg, &(double) { bench_now_ms () - start }, 1);

      start = bench_now_ms ();
      if (!ent_diagram_export_file (figures->path, png_path, NULL, FALSE,
                                    &(EntExportOptions) { .scale = scale, .legend = TRUE }, NULL, &error))
        g_printerr ("PNG export: %s\n", error->message);
      else
        g_array_append_vals (png, &(double) { bench_now_ms () - start }, 1);

      /* At 50,000 each would take as long as a layout; sfdp -Tplain's time stands in, as a lower bound.
       * At 10,000 they run once, which keeps the whole benchmark within 15 minutes. */
      if (figures->size >= 50000 || (figures->size >= 10000 && r > 0))
        continue;
      ms = time_command (svg_argv);
      if (!isnan (ms))
        g_array_append_val (svg_cli, ms);
      ms = time_command (png_argv);
      if (!isnan (ms))
        g_array_append_val (png_cli, ms);
    }

  if (figures->size >= 50000)
    {
      g_array_append_val (svg_cli, figures->plain_cli_ms);
      g_array_append_val (png_cli, figures->plain_cli_ms);
    }

  figures->svg_ms = bench_median (svg);
  figures->png_ms = bench_median (png);
  figures->svg_cli_ms = bench_median (svg_cli);
  figures->png_cli_ms = bench_median (png_cli);
}

SizeFigures *
bench_measure_size (guint             size,
                    const RunOptions *options,
                    GError          **error)
{
  g_autoptr(SizeFigures) figures = g_new0 (SizeFigures, 1);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autofree char *name = g_strdup_printf ("bench-%s-%u-%u.entente", bench_shape_name (options->shape), size, options->seed);
  g_autofree char *dir_name = g_strdup_printf ("bench-%s-%u", bench_shape_name (options->shape), size);

  figures->size = size;
  figures->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  figures->path = g_build_filename (options->workdir, name, NULL);
  figures->dot_dir = g_build_filename (options->workdir, dir_name, NULL);
  figures->generate_ms = NAN;
  figures->first_layout_ms = NAN;
  figures->plain_cli_ms = NAN;
  for (guint z = 0; z < G_N_ELEMENTS (figures->frame_ms); z++)
    figures->frame_ms[z] = NAN;
  figures->svg_ms = figures->svg_cli_ms = figures->png_ms = figures->png_cli_ms = NAN;
  g_mkdir_with_parents (figures->dot_dir, 0755);

  /* A file from an earlier run is the same file, as generation is deterministic. */
  if (!g_file_test (figures->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *work = g_strconcat (figures->path, ".work", NULL);
      double start = bench_now_ms ();

      g_printerr ("Generating %s…\n", figures->path);
      if (!bench_generate_file (work, size, options->shape, options->seed, "auto", &figures->first_layout_ms, error) ||
          g_rename (work, figures->path) != 0)
        return NULL;
      figures->generate_ms = bench_now_ms () - start;
    }

  g_printerr ("Measuring %u entities…\n", size);
  for (guint r = 0; r < options->runs; r++)
    {
      g_array_append_vals (open, &(double) { time_open (figures->path) }, 1);
      g_array_append_vals (first, &(double) { bench_time_first_frame (figures->path) }, 1);
    }
  figures->open_ms = bench_median (open);
  figures->first_frame_ms = bench_median (first);

  scene = bench_open_scene (figures->path, error);
  if (scene == NULL)
    return NULL;
  measure_frames (figures, scene, options);
  measure_hit_test (figures, scene, options->runs);
  g_clear_pointer (&scene, ent_scene_unref);

  store = ent_store_open (figures->path, ENT_STORE_OPEN_READ_ONLY, error);
  if (store == NULL)
    return NULL;
  graph = ent_store_load_graph (store, error);
  if (graph == NULL)
    return NULL;
  if (!options->quick)
    measure_layouts (figures, graph, options);
  g_clear_pointer (&graph, ent_graph_unref);
  g_clear_object (&store);

  if (!options->quick)
    {
      /* The sfdp DOT file exists at every size: measure_layouts wrote it. */
      measure_exports (figures, options);
      figures->window_mb = bench_measure_window_memory (options, figures->path);
    }
  else
    figures->window_mb = NAN;
  figures->peak_mb = bench_measure_peak_memory (options, figures->path);

  return g_steal_pointer (&figures);
}

void
bench_size_figures_free (SizeFigures *figures)
{
  g_free (figures->path);
  g_free (figures->dot_dir);
  g_hash_table_unref (figures->layouts);
  g_free (figures);
}
