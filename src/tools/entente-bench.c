/* entente-bench.c: the benchmark's command line and its commands
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed: build-aux/benchmark runs it from the build folder.
 * "generate" writes a network, "run" measures Entente on networks of the
 * sizes asked for and prints the table, "first-frame" is the process whose
 * peak memory "run" reports, and "frame" and "export" are the paths alone
 * for callgrind. "quality" counts edges through nodes and overlapping
 * labels in Entente's drawing and in Graphviz's (build-aux/bench-routing.py).
 * "bundle" times the bundling of a stored layout's edges beside the mingle
 * command line.
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"

#include <locale.h>
#include <math.h>

static int
command_generate (int    argc,
                  char **argv)
{
  int size = 1000;
  int seed = 1;
  g_autofree char *shape_name = NULL;
  g_autofree char *engine = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("OUT.entente");
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "size", 0, 0, G_OPTION_ARG_INT, &size, "Number of entities", "N" },
    { "shape", 0, 0, G_OPTION_ARG_STRING, &shape_name, "tree, local, hub, clustered or dense", "SHAPE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &engine, "Lay out with ENGINE (or auto) and store the positions", "ENGINE" },
    { NULL }
  };
  Shape shape = SHAPE_CLUSTERED;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || size < 1 ||
      (shape_name != NULL && !bench_parse_shape (shape_name, &shape)))
    {
      g_printerr ("Usage: entente-bench generate --size N --shape tree|local|hub|clustered|dense --seed S [--layout ENGINE] OUT.entente\n");
      return 2;
    }

  if (!bench_generate_file (argv[1], size, shape, seed, engine, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  return 0;
}

static int
command_run (int    argc,
             char **argv,
             const char *self_path)
{
  g_autofree char *sizes = g_strdup ("100,1000,10000,50000");
  g_autofree char *shape_name = NULL;
  g_autofree char *workdir = NULL;
  g_autofree char *window = NULL;
  g_auto(GStrv) size_list = NULL;
  int runs = 5;
  int seed = 1;
  gboolean quick = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_size_figures_free);
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Comma-separated numbers of entities", "N,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (the median is shown)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Skip layouts, exports and the window", NULL },
    { "shape", 0, 0, G_OPTION_ARG_STRING, &shape_name, "tree, local, hub, clustered or dense", "SHAPE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where generated files are kept", "DIR" },
    { "window", 0, 0, G_OPTION_ARG_FILENAME, &window, "The entente program, for the window's memory", "PATH" },
    { NULL }
  };
  RunOptions options = { 0 };
  double start = bench_now_ms ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 1 || runs < 1 ||
      (shape_name != NULL && !bench_parse_shape (shape_name, &options.shape)))
    {
      g_printerr ("Usage: entente-bench run [--sizes 100,1000,10000,50000] [--runs 5] [--quick]\n");
      return 2;
    }
  if (shape_name == NULL)
    options.shape = SHAPE_CLUSTERED;

  if (workdir == NULL)
    workdir = g_build_filename (g_get_user_cache_dir (), "entente-bench", NULL);
  g_mkdir_with_parents (workdir, 0755);

  options.runs = runs;
  options.quick = quick;
  options.seed = seed;
  options.workdir = workdir;
  options.self_path = (char *) self_path;
  options.window_path = window;

  size_list = g_strsplit (sizes, ",", -1);
  for (guint i = 0; size_list[i] != NULL; i++)
    {
      guint64 size = g_ascii_strtoull (size_list[i], NULL, 10);
      SizeFigures *figures;

      if (size == 0)
        continue;
      figures = bench_measure_size (size, &options, &error);
      if (figures == NULL)
        {
          g_printerr ("%" G_GUINT64_FORMAT " entities: %s\n", size, error->message);
          return 1;
        }
      g_ptr_array_add (all, figures);
    }

  bench_print_table (all, &options);
  g_print ("\nThe whole benchmark took %.1f minutes.\n", (bench_now_ms () - start) / 60000.0);
  return 0;
}

static int
command_first_frame (const char *path)
{
  double ms = bench_time_first_frame (path);

  if (isnan (ms))
    return 1;

  g_print ("%.1f\n", bench_read_peak_memory ("/proc/self/status"));
  return 0;
}

/* For callgrind: the frame path alone, @repeat times at @zoom (0 for fit-all). */
static int
command_frame (const char *path,
               double      zoom,
               guint       repeat)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntScene) scene = bench_open_scene (path, &error);
  const EntSceneItem *centre;
  cairo_surface_t *surface;
  double cx, cy;

  if (scene == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  centre = bench_central_node (scene);
  bench_scene_centre (scene, &cx, &cy);
  if (zoom > 0)
    {
      cx = centre->cx;
      cy = centre->cy;
    }
  else
    zoom = bench_fit_zoom (scene);

  for (guint i = 0; i < repeat; i++)
    bench_draw_frame (scene, surface, cx, cy, zoom);
  cairo_surface_destroy (surface);

  return 0;
}

static int
command_export (const char *path,
                const char *output)
{
  g_autoptr(GError) error = NULL;

  if (!ent_diagram_export_file (path, output, NULL, FALSE,
                                &(EntExportOptions) { .scale = bench_png_scale (path), .legend = TRUE }, NULL, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return 1;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = NULL;

  setlocale (LC_ALL, "");

  self_path = g_file_test (argv[0], G_FILE_TEST_EXISTS) ? g_canonicalize_filename (argv[0], NULL)
                                                        : g_find_program_in_path (argv[0]);

  if (argc >= 2 && g_str_equal (argv[1], "generate"))
    return command_generate (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "quality"))
    return bench_command_quality (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "bundle"))
    return bench_command_bundle (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "mentions"))
    return bench_command_mentions (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "timeline"))
    return bench_command_timeline (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "sources"))
    return bench_command_sources (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "paths"))
    return bench_command_paths (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "run"))
    return command_run (argc - 1, argv + 1, self_path);
  if (argc == 3 && g_str_equal (argv[1], "first-frame"))
    return command_first_frame (argv[2]);
  if ((argc == 4 || argc == 5) && g_str_equal (argv[1], "frame"))
    return command_frame (argv[2], g_str_equal (argv[3], "fit") ? 0 : g_ascii_strtod (argv[3], NULL),
                          argc == 5 ? (guint) g_ascii_strtoull (argv[4], NULL, 10) : 1);
  if (argc == 4 && g_str_equal (argv[1], "export"))
    return command_export (argv[2], argv[3]);

  g_printerr ("Usage:\n"
              "  entente-bench generate --size N --shape SHAPE --seed S [--layout ENGINE] OUT.entente\n"
              "  entente-bench run [--sizes 100,1000,10000,50000] [--runs 5] [--quick] [--window PATH]\n"
              "  entente-bench quality [--engine ENGINE] [--runs N] [--timeout S] FILE\n"
              "  entente-bench bundle [--engine ENGINE] [--runs N] FILE…\n"
              "  entente-bench mentions [--runs N] NAMES ARTICLES\n"
              "  entente-bench timeline [--reported] FILE\n"
              "  entente-bench sources [--runs N] FILE\n"
              "  entente-bench first-frame FILE\n"
              "  entente-bench frame FILE fit|ZOOM [REPEAT]\n"
              "  entente-bench export FILE OUT.svg|OUT.png\n");
  return 2;
}
