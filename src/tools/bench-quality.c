/* bench-quality.c: edges through nodes and overlapping labels, Entente's drawing beside Graphviz's
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "quality FILE" lays the network out as Entente does and counts what makes
 * the drawing hard to read (ent_scene_measure_quality()); then it gives the
 * Graphviz command line the same layout problem with the edges routed
 * (splines=true), and counts the same things, with the same code, on the
 * same nodes placed where Graphviz put them: its output as JSON, whose
 * drawing operations hold the splines to a hundredth of a point. It prints both, and the
 * times, as JSON for build-aux/bench-routing.py.
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"
#include "ent-scene-quality.h"
#include "ent-store.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  double    best_ms;
  gboolean  timed_out;
  char     *output;     /* of the last run */
} CommandRun;

/* The shortest of the runs: on a busy machine, the one least held up by the rest. */
static double
best_of (GArray *samples)
{
  double best = NAN;

  for (guint i = 0; i < samples->len; i++)
    if (isnan (best) || g_array_index (samples, double, i) < best)
      best = g_array_index (samples, double, i);

  return best;
}

/* timeout(1)'s status when the command ran out of time. */
#define TIMED_OUT_STATUS 124

/*
 * Runs `ENGINE -Tjson PATH` @runs times, keeping the shortest time and the
 * last output; gives up on a run that takes longer than @timeout_s, as
 * Graphviz's spline routing outside dot can take an hour.
 */
static gboolean
run_graphviz (const char  *engine,
              const char  *path,
              guint        runs,
              guint        timeout_s,
              CommandRun  *run,
              GError     **error)
{
  g_autofree char *timeout = g_strdup_printf ("%u", timeout_s);
  const char *argv[] = { "timeout", timeout, engine, "-Tjson", path, NULL };
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < runs; r++)
    {
      int status = 0;
      double start = bench_now_ms ();

      g_clear_pointer (&run->output, g_free);
      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                         &run->output, NULL, &status, error))
        return FALSE;
      if (WIFEXITED (status) && WEXITSTATUS (status) == TIMED_OUT_STATUS)
        {
          run->timed_out = TRUE;
          run->best_ms = NAN;
          return TRUE;
        }
      if (!g_spawn_check_wait_status (status, error))
        return FALSE;
      g_array_append_vals (samples, &(double) { bench_now_ms () - start }, 1);
    }

  run->best_ms = best_of (samples);
  return TRUE;
}

/*
 * Graphviz's drawing as the counts see it: each node's box and label as the
 * scene has them, moved to where Graphviz centred the node, and Graphviz's
 * splines. Graphviz's drawing is shifted so that its nodes' centroid is the
 * scene's; @max_shift is how far any node then stands from where Entente
 * put it, which is nothing when both laid out the same problem alike.
 */
static void
measure_drawing (EntScene        *scene,
                 BenchDrawing    *drawing,
                 EntSceneQuality *out,
                 double          *max_shift)
{
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (EntQualityNode));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (EntQualityEdge));
  g_autofree double *shifted = NULL;
  double dx = 0, dy = 0;
  guint n_points = 0, n_matched = 0;

  for (guint i = 0; i < drawing->positions->len; i++)
    {
      EntPosition *position = &g_array_index (drawing->positions, EntPosition, i);
      const EntSceneItem *item = ent_scene_find_node (scene, position->entity_id);

      if (item == NULL)
        continue;
      dx += item->x - position->x;
      dy += item->y - position->y;
      n_matched++;
    }
  if (n_matched > 0)
    {
      dx /= n_matched;
      dy /= n_matched;
    }

  *max_shift = 0;
  for (guint i = 0; i < drawing->positions->len; i++)
    {
      EntPosition *position = &g_array_index (drawing->positions, EntPosition, i);
      const EntSceneItem *item = ent_scene_find_node (scene, position->entity_id);
      EntQualityNode node = { .id = position->entity_id };
      double ox, oy;

      if (item == NULL)
        continue;
      ox = position->x + dx - item->x;
      oy = position->y + dy - item->y;
      *max_shift = MAX (*max_shift, hypot (ox, oy));
      node.box = (EntRect) { item->box.x1 + ox, item->box.y1 + oy, item->box.x2 + ox, item->box.y2 + oy };
      ent_scene_label_rect (item, &node.label);
      node.label = (EntRect) { node.label.x1 + ox, node.label.y1 + oy, node.label.x2 + ox, node.label.y2 + oy };
      g_array_append_val (nodes, node);
    }

  for (guint i = 0; i < drawing->edges->len; i++)
    n_points += g_array_index (drawing->edges, BenchDrawnEdge, i).n_points;
  shifted = g_new (double, 2 * MAX (n_points, 1));
  n_points = 0;
  for (guint i = 0; i < drawing->edges->len; i++)
    {
      BenchDrawnEdge *drawn = &g_array_index (drawing->edges, BenchDrawnEdge, i);
      EntQualityEdge edge = {
        .from_id = drawn->from_id,
        .to_id = drawn->to_id,
        .points = shifted + 2 * n_points,
        .n_points = drawn->n_points,
        .label = { 0, 0, -1, -1 },
      };

      for (guint p = 0; p < drawn->n_points; p++)
        {
          shifted[2 * (n_points + p)] = drawn->points[2 * p] + dx;
          shifted[2 * (n_points + p) + 1] = drawn->points[2 * p + 1] + dy;
        }
      n_points += drawn->n_points;
      g_array_append_val (edges, edge);
    }

  ent_quality_measure ((const EntQualityNode *) (void *) nodes->data, nodes->len,
                       (const EntQualityEdge *) (void *) edges->data, edges->len, out);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_counts (JsonBuilder           *builder,
            const EntSceneQuality *quality)
{
  const struct
  {
    const char *name;
    guint       value;
  } counts[] = {
    { "edges", quality->n_edges },
    { "edges_through_nodes", quality->n_edges_through_nodes },
    { "edge_node_crossings", quality->n_edge_node_crossings },
    { "edges_through_labels", quality->n_edges_through_labels },
    { "label_overlaps", quality->n_label_overlaps },
    { "node_overlaps", quality->n_node_overlaps },
  };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    add_int (builder, counts[i].name, counts[i].value);
}

typedef struct
{
  const char      *engine;
  guint            n_entities;
  double           layout_ms;
  double           count_ms;
  EntSceneQuality  entente;
  guint            entente_edge_label_overlaps;
  gboolean         routed;
  double           line_ms;
  double           spline_ms;
  guint            timeout_s;
  gboolean         routed_by_graphviz;
  EntSceneQuality  graphviz;
  double           max_shift;
} QualityFigures;

static void
print_figures (const QualityFigures *figures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "engine");
  json_builder_add_string_value (builder, figures->engine);
  add_int (builder, "entities", figures->n_entities);

  json_builder_set_member_name (builder, "entente");
  json_builder_begin_object (builder);
  add_double (builder, "layout_ms", figures->layout_ms);
  add_double (builder, "count_ms", figures->count_ms);
  json_builder_set_member_name (builder, "routed");
  json_builder_add_boolean_value (builder, figures->routed);
  add_counts (builder, &figures->entente);
  add_int (builder, "label_overlaps_with_edge_labels", figures->entente_edge_label_overlaps);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "graphviz");
  json_builder_begin_object (builder);
  add_double (builder, "layout_ms", figures->line_ms);
  add_double (builder, "layout_routed_ms", figures->spline_ms);
  add_double (builder, "routing_ms", figures->spline_ms - figures->line_ms);
  add_int (builder, "timeout_s", figures->timeout_s);
  if (figures->routed_by_graphviz)
    {
      add_double (builder, "max_node_shift", figures->max_shift);
      add_counts (builder, &figures->graphviz);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Lays the network out as the application does, @runs times, and counts the last drawing. */
static EntScene *
measure_entente (EntStore        *store,
                 EntGraph        *graph,
                 guint            runs,
                 QualityFigures  *figures,
                 GError         **error)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EntScene) scene = NULL;
  EntSceneQuality with_labels;
  double start;

  for (guint r = 0; r < runs; r++)
    {
      g_clear_pointer (&scene, ent_scene_unref);
      start = bench_now_ms ();
      /* The store is open read-only, so the layout is made afresh each time and not stored. */
      scene = ent_diagram_build (store, graph, figures->engine, TRUE, NULL, NULL, error);
      if (scene == NULL)
        return NULL;
      g_array_append_vals (samples, &(double) { bench_now_ms () - start }, 1);
    }
  figures->layout_ms = best_of (samples);
  figures->routed = ent_scene_has_routes (scene);

  start = bench_now_ms ();
  ent_scene_measure_quality (scene, FALSE, &figures->entente);
  figures->count_ms = bench_now_ms () - start;
  ent_scene_measure_quality (scene, TRUE, &with_labels);
  figures->entente_edge_label_overlaps = with_labels.n_label_overlaps;

  return g_steal_pointer (&scene);
}

/* Graphviz on the same problem, without routes and with them; the routed drawing is counted. */
static gboolean
measure_graphviz (EntGraph        *graph,
                  EntScene        *scene,
                  const char      *stem,
                  guint            runs,
                  guint            timeout_s,
                  QualityFigures  *figures,
                  GError         **error)
{
  g_autofree char *line_path = g_strdup_printf ("%s-%s-line.dot", stem, figures->engine);
  g_autofree char *spline_path = g_strdup_printf ("%s-%s-true.dot", stem, figures->engine);
  CommandRun line = { 0 }, spline = { 0 };
  g_autoptr(BenchDrawing) drawing = NULL;
  gboolean ok;

  ok = bench_write_dot (graph, figures->engine, "line", line_path, error) &&
       bench_write_dot (graph, figures->engine, "true", spline_path, error) &&
       run_graphviz (figures->engine, line_path, runs, timeout_s, &line, error) &&
       run_graphviz (figures->engine, spline_path, runs, timeout_s, &spline, error) &&
       (spline.timed_out || (drawing = bench_read_drawing (spline.output, error)) != NULL);
  figures->line_ms = line.best_ms;
  figures->spline_ms = spline.best_ms;
  figures->timeout_s = timeout_s;
  figures->routed_by_graphviz = drawing != NULL;
  g_free (line.output);
  g_free (spline.output);
  if (!ok)
    return FALSE;

  if (drawing != NULL)
    measure_drawing (scene, drawing, &figures->graphviz, &figures->max_shift);
  return TRUE;
}

int
bench_command_quality (int    argc,
                       char **argv)
{
  g_autofree char *engine = NULL;
  int runs = 1;
  int timeout_s = 600;
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autofree char *stem = NULL;
  GOptionEntry entries[] = {
    { "engine", 0, 0, G_OPTION_ARG_STRING, &engine, "The layout engine (as the application chooses, if not given)", "ENGINE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per time (the shortest is shown)", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout_s, "Seconds a Graphviz run may take", "S" },
    { NULL }
  };
  QualityFigures figures = { 0 };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1 || timeout_s < 1 ||
      (engine != NULL && !ent_layout_engine_is_known (engine)))
    {
      g_printerr ("Usage: entente-bench quality [--engine ENGINE] [--runs N] [--timeout S] FILE.entente\n");
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
  figures.engine = engine != NULL ? engine : ent_diagram_choose_engine (graph, NULL);
  figures.n_entities = graph->entities->len;

  /* The DOT files go beside the network, named after it. */
  stem = g_str_has_suffix (argv[1], ".entente") ? g_strndup (argv[1], strlen (argv[1]) - strlen (".entente"))
                                                : g_strdup (argv[1]);
  scene = measure_entente (store, graph, runs, &figures, &error);
  if (scene == NULL || !measure_graphviz (graph, scene, stem, runs, timeout_s, &figures, &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  print_figures (&figures);
  return 0;
}
