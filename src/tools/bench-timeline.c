/* bench-timeline.c: times dragging a range across the timeline: the filter, the view's states, a frame
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"
#include "ent-renderer.h"
#include "ent-timeline.h"
#include "ent-view-state.h"

#define N_STEPS 200

static double
max_of (GArray *samples)
{
  double max = 0;

  for (guint i = 0; i < samples->len; i++)
    max = MAX (max, g_array_index (samples, double, i));
  return max;
}

static void
print_figure (const char *what,
              guint       n_entities,
              GArray     *samples)
{
  double max = max_of (samples);

  g_print ("{\"bench\": \"timeline\", \"entities\": %u, \"what\": \"%s\", \"steps\": %u, "
           "\"median_ms\": %.3f, \"max_ms\": %.3f}\n",
           n_entities, what, samples->len, bench_median (samples), max);
}

/* Draws one fit-all frame as the view draws it, hiding what the view state hides. */
static void
draw_frame (EntViewState    *state,
            cairo_surface_t *surface,
            double           cx,
            double           cy,
            double           zoom)
{
  bench_draw_frame_with_states (ent_view_state_get_scene (state), ent_view_state_get_states (state), surface, cx, cy,
                                zoom);
}

/*
 * entente-bench timeline [--reported] FILE
 *
 * Opens FILE, builds its timeline, then drags a range a tenth of the dated
 * years wide across them in 200 steps: each step builds the filter, gives it
 * to a view state that holds the scene (which works out what is hidden and
 * the items' states) and draws a fit-all 1280 × 800 frame. Prints a JSON
 * line for the timeline's building and for a frame with nothing hidden, and one each for the filter, the states,
 * the frame and the whole step, with the median and the longest step in
 * milliseconds.
 */
int
bench_command_timeline (int   argc,
                        char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(EntTimeline) timeline = NULL;
  g_autoptr(EntViewState) state = NULL;
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) states_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) draw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) step_ms = g_array_new (FALSE, FALSE, sizeof (double));
  EntTimeMode mode = ENT_TIME_HAPPENED;
  cairo_surface_t *surface;
  EntTimeRange extent;
  double start, cx, cy, zoom, build_ms;
  guint shown_total = 0;
  gint32 width, travel;
  int arg = 1;

  if (argc >= 2 && g_str_equal (argv[1], "--reported"))
    {
      mode = ENT_TIME_REPORTED;
      arg = 2;
    }
  if (argc != arg + 1)
    {
      g_printerr ("Usage: entente-bench timeline [--reported] FILE\n");
      return 2;
    }

  scene = bench_open_network (argv[arg], &graph, &error);
  if (scene == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  start = bench_now_ms ();
  timeline = ent_timeline_new (graph);
  build_ms = bench_now_ms () - start;
  g_print ("{\"bench\": \"timeline\", \"entities\": %u, \"what\": \"build\", \"ms\": %.3f}\n",
           graph->entities->len, build_ms);

  if (!ent_timeline_get_extent (timeline, ENT_TIME_BAND_YEARS, &extent))
    {
      g_printerr ("Nothing in %s has a date with a year\n", argv[arg]);
      return 1;
    }

  state = ent_view_state_new ();
  ent_view_state_set_scene (state, scene);
  ent_view_state_update_states (state, -1, -1);
  zoom = bench_fit_zoom (scene);
  bench_scene_centre (scene, &cx, &cy);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  /* Frames before the steps, so that the first step does not pay for what a first frame does once; the
   * last of them, with nothing hidden, is what a step that hides nothing costs at least. */
  draw_frame (state, surface, cx, cy, zoom);
  start = bench_now_ms ();
  draw_frame (state, surface, cx, cy, zoom);
  g_print ("{\"bench\": \"timeline\", \"entities\": %u, \"what\": \"unfiltered-frame\", \"ms\": %.3f}\n",
           graph->entities->len, bench_now_ms () - start);

  width = MAX ((extent.end - extent.start) / 10, 1);
  travel = MAX (extent.end - extent.start - width, 0);
  for (guint i = 0; i < N_STEPS; i++)
    {
      EntTimeRange range = { ENT_TIME_BAND_YEARS, 0, 0 };
      g_autoptr(EntItemFilter) filter = NULL;
      double t0, t1, t2, t3, sample;
      guint n_entities, n_relations;

      range.start = extent.start + (gint32) ((gint64) travel * i / (N_STEPS - 1));
      range.end = range.start + width;

      t0 = bench_now_ms ();
      filter = ent_timeline_filter (timeline, mode, &range);
      t1 = bench_now_ms ();
      ent_view_state_set_filter (state, ENT_VIEW_FILTER_TIME, filter);
      ent_view_state_update_states (state, -1, -1);
      t2 = bench_now_ms ();
      draw_frame (state, surface, cx, cy, zoom);
      t3 = bench_now_ms ();

      ent_view_state_count_shown (state, &n_entities, &n_relations);
      shown_total += n_entities;
      sample = t1 - t0;
      g_array_append_val (filter_ms, sample);
      sample = t2 - t1;
      g_array_append_val (states_ms, sample);
      sample = t3 - t2;
      g_array_append_val (draw_ms, sample);
      sample = t3 - t0;
      g_array_append_val (step_ms, sample);
    }
  cairo_surface_destroy (surface);

  print_figure ("filter", graph->entities->len, filter_ms);
  print_figure ("states", graph->entities->len, states_ms);
  print_figure ("draw", graph->entities->len, draw_ms);
  print_figure ("step", graph->entities->len, step_ms);
  g_print ("{\"bench\": \"timeline\", \"entities\": %u, \"what\": \"shown\", \"mean_entities\": %.1f}\n",
           graph->entities->len, shown_total / (double) N_STEPS);
  return 0;
}
