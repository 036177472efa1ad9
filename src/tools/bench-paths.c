/* bench-paths.c: times the query for the chains that connect two entities
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-item-filter.h"
#include "ent-paths.h"
#include "ent-store.h"

#include <math.h>

static gboolean
filter_shows (gboolean is_relation,
              gint64   id,
              gpointer user_data)
{
  EntItemFilter *filter = user_data;

  return is_relation ? ent_item_filter_has_relation (filter, id) : ent_item_filter_has_entity (filter, id);
}

/*
 * The queries between @n_queries pairs of entities drawn with a fixed seed,
 * through @filter when it is not %NULL, as one JSON line.
 */
static void
time_queries (EntGraph      *graph,
              EntPathIndex  *index,
              guint          n_queries,
              guint          max_paths,
              EntItemFilter *filter)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_entities = graph->entities->len, connected = 0, n_chains = 0, longest = 0;
  double max_ms = 0;

  for (guint i = 0; i < n_queries && n_entities > 0; i++)
    {
      EntEntity *from = g_ptr_array_index (graph->entities, g_rand_int_range (rand, 0, n_entities));
      EntEntity *to = g_ptr_array_index (graph->entities, g_rand_int_range (rand, 0, n_entities));
      g_autoptr(GPtrArray) paths = NULL;
      double start = bench_now_ms (), ms;

      paths = ent_path_index_find (index, from->id, to->id, max_paths, filter != NULL ? filter_shows : NULL, filter);
      ms = bench_now_ms () - start;
      g_array_append_val (samples, ms);
      max_ms = MAX (max_ms, ms);
      connected += paths->len > 0;
      n_chains += paths->len;
      for (guint j = 0; j < paths->len; j++)
        longest = MAX (longest, ((EntPath *) g_ptr_array_index (paths, j))->relation_ids->len);
    }

  g_print ("{\"what\":\"path-query\",\"entities\":%u,\"relations\":%u,\"filtered\":%s,\"queries\":%u,"
           "\"max_paths\":%u,\"median_ms\":%.3f,\"max_ms\":%.3f,\"connected\":%u,\"chains\":%u,\"longest\":%u}\n",
           n_entities, graph->relations->len, filter != NULL ? "true" : "false", n_queries, max_paths,
           bench_median (samples), max_ms, connected, n_chains, longest);
}

/*
 * entente-bench paths [--queries N] [--paths K] FILE
 *
 * Builds the path index of the network in FILE, then asks for the K best
 * chains between N pairs of entities drawn with a fixed seed, once with
 * everything shown and once through a filter that shows everything (so
 * that the cost of asking the filter is seen), printing a JSON line for
 * the index and one for each round of queries.
 */
int
bench_command_paths (int    argc,
                     char **argv)
{
  int n_queries = 200, max_paths = 3;
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntPathIndex) index = NULL;
  g_autoptr(EntItemFilter) filter = NULL;
  GOptionEntry entries[] = {
    { "queries", 0, 0, G_OPTION_ARG_INT, &n_queries, "Number of queries", "N" },
    { "paths", 0, 0, G_OPTION_ARG_INT, &max_paths, "Chains asked for in each query", "K" },
    { NULL }
  };
  double start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_queries < 1 || max_paths < 1)
    {
      g_printerr ("Usage: entente-bench paths [--queries N] [--paths K] FILE.entente\n");
      return 2;
    }

  store = ent_store_open (argv[1], ENT_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    graph = ent_store_load_graph (store, &error);
  if (graph == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  start = bench_now_ms ();
  index = ent_path_index_new (graph);
  g_print ("{\"what\":\"path-index\",\"entities\":%u,\"relations\":%u,\"ms\":%.3f}\n",
           graph->entities->len, graph->relations->len, bench_now_ms () - start);

  time_queries (graph, index, n_queries, max_paths, NULL);

  filter = ent_item_filter_new ("Everything");
  for (guint i = 0; i < graph->entities->len; i++)
    ent_item_filter_add_entity (filter, ((EntEntity *) g_ptr_array_index (graph->entities, i))->id);
  for (guint i = 0; i < graph->relations->len; i++)
    ent_item_filter_add_relation (filter, ((EntRelation *) g_ptr_array_index (graph->relations, i))->id);
  time_queries (graph, index, n_queries, max_paths, filter);

  return 0;
}
