/* bench-bundle.c: the layout helper's edge bundling beside the mingle command line on the same graph
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "bundle FILE…" times Bundle Edges on the stored layout of each file as
 * the application runs it, from the request to the bundles read back (the
 * layout helper started, mingle run in it, its output parsed), and then
 * mingle on the command line on the very graph the helper gives it
 * (ent_layout_request_bundle_dot ()), written once beside the file, its
 * output written to a file too. It prints a Markdown table, a row a file.
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"
#include "ent-store.h"

#include <math.h>
#include <string.h>

typedef struct
{
  guint  n_relations;
  guint  n_bundled;
  double helper_ms;
  double cli_ms;
} BundleFigures;

static gboolean
time_helper (EntLayoutRequest  *request,
             guint              runs,
             BundleFigures     *figures,
             GError           **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(EntLayoutResult) result = NULL;
      double start = bench_now_ms ();

      result = ent_layout_run (request, ENT_DIAGRAM_LAYOUT_TIMEOUT_MS, NULL, error);
      if (result == NULL)
        return FALSE;
      g_array_append_vals (samples, &(double) { bench_now_ms () - start }, 1);
      figures->n_bundled = result->edges->len;
    }

  figures->helper_ms = bench_median (samples);
  return TRUE;
}

static gboolean
time_cli (const char     *dot_path,
          const char     *out_path,
          guint           runs,
          BundleFigures  *figures,
          GError        **error)
{
  const char *argv[] = { "mingle", dot_path, "-o", out_path, NULL };
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      int status = 0;
      double start = bench_now_ms ();

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, error) ||
          !g_spawn_check_wait_status (status, error))
        return FALSE;
      g_array_append_vals (samples, &(double) { bench_now_ms () - start }, 1);
    }

  figures->cli_ms = bench_median (samples);
  return TRUE;
}

/* The engine of the file's one stored layout, or else the one the application would choose. */
static const char *
stored_engine (EntStore *store,
               EntGraph *graph)
{
  g_autoptr(GPtrArray) layouts = ent_store_load_layouts (store, NULL);

  if (layouts != NULL && layouts->len == 1)
    {
      const char *engine = ((EntImportLayout *) g_ptr_array_index (layouts, 0))->engine;
      const char * const *engines = ent_layout_get_engines ();

      /* The layout's name as the helper knows it, which outlives the layouts read here. */
      for (guint i = 0; engines[i] != NULL; i++)
        if (g_str_equal (engines[i], engine))
          return engines[i];
    }

  return ent_diagram_choose_engine (graph, NULL);
}

/* Times bundling the stored layout of @path, and mingle on the command line. */
static gboolean
measure_file (const char     *path,
              const char     *engine,
              guint           runs,
              BundleFigures  *figures,
              GError        **error)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(EntLayoutRequest) request = NULL;
  g_autoptr(GString) dot = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *dot_path = NULL;
  g_autofree char *out_path = NULL;
  gboolean laid_out = FALSE;

  store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, error);
  graph = store != NULL ? ent_store_load_graph (store, error) : NULL;
  if (graph == NULL)
    return FALSE;
  if (engine == NULL)
    engine = stored_engine (store, graph);
  scene = ent_diagram_build (store, graph, engine, FALSE, NULL, &laid_out, error);
  if (scene == NULL)
    return FALSE;
  if (laid_out)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no layout of %s is stored: generate the file with --layout %s", engine, engine);
      return FALSE;
    }

  /* The graph goes beside the network, named after it. */
  stem = g_str_has_suffix (path, ".entente") ? g_strndup (path, strlen (path) - strlen (".entente")) : g_strdup (path);
  dot_path = g_strconcat (stem, "-bundle.gv", NULL);
  out_path = g_strconcat (stem, "-bundled.gv", NULL);
  request = ent_diagram_bundle_request (scene, engine);
  dot = ent_layout_request_bundle_dot (request);
  if (!g_file_set_contents (dot_path, dot->str, dot->len, error))
    return FALSE;

  figures->n_relations = graph->relations->len;
  return time_helper (request, runs, figures, error) && time_cli (dot_path, out_path, runs, figures, error);
}

int
bench_command_bundle (int    argc,
                      char **argv)
{
  g_autofree char *engine = NULL;
  int runs = 3;
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.entente…");
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "engine", 0, 0, G_OPTION_ARG_STRING, &engine,
      "The layout whose edges to bundle (if not given, the one stored, or the one the application would choose)", "ENGINE" },
    /* The median, as "run" reports: the helper and the command line are timed alike. */
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per time (the median is shown)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || runs < 1 ||
      (engine != NULL && !ent_layout_engine_is_known (engine)))
    {
      g_printerr ("Usage: entente-bench bundle [--engine ENGINE] [--runs N] FILE.entente…\n");
      return 2;
    }

  g_print ("| relations | bundled | helper ms | mingle CLI ms | ratio |\n");
  g_print ("|---:|---:|---:|---:|---:|\n");
  for (int i = 1; i < argc; i++)
    {
      BundleFigures figures = { 0 };

      if (!measure_file (argv[i], engine, runs, &figures, &error))
        {
          g_printerr ("%s: %s\n", argv[i], error->message);
          return 1;
        }
      g_print ("| %u | %u | %.0f | %.0f | %.3f |\n", figures.n_relations, figures.n_bundled, figures.helper_ms,
               figures.cli_ms, figures.helper_ms / figures.cli_ms);
    }

  return 0;
}
