/* bench-sources.c: times the source filter and its application to the view of a network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"
#include "ent-source-filter.h"
#include "ent-view-state.h"

#include <stdio.h>
#include <time.h>

/* The processor time of this thread, in milliseconds: other programs running at the same time do not count. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/*
 * Times @selection's filter, asked of @index, and setting it on @state, the
 * median of @runs, and prints them as a line of JSON with @index_ms, the time
 * the index took to build.
 */
static void
measure (EntGraph                 *graph,
         EntSourceIndex           *index,
         double                    index_ms,
         EntViewState             *state,
         const EntSourceSelection *selection,
         const char               *what,
         guint                     runs)
{
  g_autoptr(GArray) filter_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) apply_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) apply_cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_shown = 0, n_shown_relations = 0;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(EntItemFilter) filter = NULL;
      double start = bench_now_ms (), start_cpu = thread_cpu_ms ();
      double filtered, filtered_cpu, applied, applied_cpu;

      filter = ent_source_index_filter (index, selection);
      filtered = bench_now_ms ();
      filtered_cpu = thread_cpu_ms ();
      ent_view_state_set_filter (state, ENT_VIEW_FILTER_SOURCES, filter);
      applied = bench_now_ms ();
      applied_cpu = thread_cpu_ms ();

      g_array_append_val (filter_samples, (double) { filtered - start });
      g_array_append_val (apply_samples, (double) { applied - filtered });
      g_array_append_val (filter_cpu_samples, (double) { filtered_cpu - start_cpu });
      g_array_append_val (apply_cpu_samples, (double) { applied_cpu - filtered_cpu });
      ent_view_state_count_shown (state, &n_shown, &n_shown_relations);

      /* Each run starts from a view without a filter, as choosing a source does. */
      ent_view_state_set_filter (state, ENT_VIEW_FILTER_SOURCES, NULL);
    }

  printf ("{\"what\":\"%s\",\"entities\":%u,\"relations\":%u,\"sources\":%u,"
          "\"shown_entities\":%u,\"shown_relations\":%u,\"index_ms\":%.3f,\"filter_ms\":%.3f,\"apply_ms\":%.3f,"
          "\"filter_cpu_ms\":%.3f,\"apply_cpu_ms\":%.3f}\n",
          what, graph->entities->len, graph->relations->len, graph->sources->len, n_shown, n_shown_relations,
          index_ms, bench_median (filter_samples), bench_median (apply_samples),
          bench_median (filter_cpu_samples), bench_median (apply_cpu_samples));
}

/*
 * entente-bench sources [--runs N] FILE
 *
 * Opens FILE and builds its scene as the window does, then times (the median
 * of N runs, 20 unless told) building the index of what each source supports,
 * as the Sources page does once for a network; the filter of what the
 * network's first source supports, asked of that index; and the same filter
 * set on a view holding the scene; then the same for the publisher of that
 * source, which in a generated network lets everything through. Prints a line
 * of JSON for each:
 * {"what":"source-filter","entities":…,"relations":…,"sources":…,"shown_entities":…,"shown_relations":…,
 *  "index_ms":…,"filter_ms":…,"apply_ms":…,"filter_cpu_ms":…,"apply_cpu_ms":…}
 * the last two the processor time the thread took, which other programs
 * running at the same time change less than the time on the clock.
 */
int
bench_command_sources (int   argc,
                       char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(EntViewState) state = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) index_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EntSourceIndex) index = NULL;
  double index_ms;
  EntSourceSelection one = { .source_ids = ids };
  const EntSource *source;
  guint runs = 20;
  int arg = 1;

  if (argc >= 3 && g_str_equal (argv[1], "--runs"))
    {
      runs = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));
      arg = 3;
    }
  if (argc != arg + 1)
    {
      g_printerr ("Usage: entente-bench sources [--runs N] FILE\n");
      return 2;
    }

  scene = bench_open_network (argv[arg], &graph, &error);
  if (scene == NULL)
    {
      g_printerr ("%s: %s\n", argv[arg], error->message);
      return 1;
    }
  if (graph->sources->len == 0)
    {
      g_printerr ("%s: the network has no sources\n", argv[arg]);
      return 1;
    }

  source = g_ptr_array_index (graph->sources, 0);
  g_array_append_val (ids, source->id);
  state = ent_view_state_new ();
  ent_view_state_set_scene (state, scene);

  for (guint run = 0; run < runs; run++)
    {
      double start = bench_now_ms ();

      g_clear_pointer (&index, ent_source_index_free);
      index = ent_source_index_new (graph);
      g_array_append_val (index_samples, (double) { bench_now_ms () - start });
    }
  index_ms = bench_median (index_samples);

  measure (graph, index, index_ms, state, &one, "source-filter", runs);
  if (source->publisher != NULL)
    {
      EntSourceSelection publisher = { .publisher = source->publisher };

      measure (graph, index, index_ms, state, &publisher, "source-filter-publisher", runs);
    }
  return 0;
}
