/* entente-bench.c: generates large networks and measures Entente on them
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "ent-diagram.h"
#include "ent-export.h"
#include "ent-frame.h"
#include "ent-layout.h"
#include "ent-renderer.h"
#include "ent-scene.h"
#include "ent-store.h"

#include <glib/gstdio.h>
#include <cairo.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

/*
 * Not installed: build-aux/benchmark runs it from the build folder. Every
 * network it writes goes through the store API, as the application writes
 * them, and depends only on its size, shape and seed, so two machines
 * measure the same files. Times are wall-clock medians; the Graphviz command
 * line runs on the same graph in the same run, so its times are the yardstick
 * that absorbs how fast or busy the machine is.
 */

#define VIEW_WIDTH  1280
#define VIEW_HEIGHT 800
#define RELATIONS_PER_ENTITY 1.5
#define QUOTES_PER_SOURCE 100
/* Frames are cheap, so they are repeated more often than the runs asked for. */
#define FRAME_REPEAT_FACTOR 3
#define PAN_STEPS 24
#define PAN_STEP_PIXELS 48.0
#define HIT_TESTS 2000
/* The view draws this much beyond its edges, as EntGraphView does. */
#define CULL_MARGIN 8.0

typedef enum
{
  SHAPE_TREE,
  SHAPE_LOCAL,
  SHAPE_HUB,
  SHAPE_CLUSTERED,
} Shape;

static const char * const shape_names[] = { "tree", "local", "hub", "clustered" };

static const char * const words[] = {
  "minister", "trade", "council", "energy", "defence", "bank", "steel", "harbour",
  "commission", "federal", "union", "port", "river", "agreement", "joint", "state",
  "national", "oil", "grain", "rail", "holding", "capital", "treaty", "north",
  "south", "east", "west", "group", "fund", "research", "agency", "mission",
};

static const char * const relation_kinds[] = {
  "meets", "signs", "funds", "owns", "advises", "member of", "chairs", "trades with",
};

/* ---- Generator -------------------------------------------------------- */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}


/* Words up to a length between @min and @max characters, all ASCII, so characters are bytes. */
static char *
random_text (GRand *rand,
             int    min,
             int    max)
{
  int target = g_rand_int_range (rand, min, max + 1);
  GString *text = g_string_new (NULL);

  while ((int) text->len < target)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_string_truncate (text, target);
  if (text->str[text->len - 1] == ' ')
    text->str[text->len - 1] = 's';

  return g_string_free (text, FALSE);
}

static guint
random_other (GRand *rand,
              guint  n,
              guint  not)
{
  guint j;

  do
    j = g_rand_int_range (rand, 0, n);
  while (j == not);

  return j;
}

/* A node in the same block of @size as @i, or any other node when the block has only @i. */
static guint
random_in_block (GRand *rand,
                 guint  n,
                 guint  i,
                 guint  size)
{
  guint first = i / size * size;
  guint last = MIN (first + size, n);

  if (last - first < 2)
    return random_other (rand, n, i);

  return first + random_other (rand, last - first, i - first);
}

/*
 * The relations of a network of @n entities, as pairs of indices: a
 * spanning structure first, so that every shape is connected, then more
 * relations of the same character until there are 1.5 per entity.
 */
static GArray *
generate_pairs (GRand *rand,
                Shape  shape,
                guint  n)
{
  guint n_pairs = (guint) (n * RELATIONS_PER_ENTITY);
  guint side = MAX (1, (guint) sqrt (n));
  g_autoptr(GArray) endpoints = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (guint i = 1; i < n; i++)
    {
      guint pair[2] = { i, 0 };

      switch (shape)
        {
        case SHAPE_TREE:
          pair[1] = g_rand_int_range (rand, 0, i);
          break;
        case SHAPE_LOCAL:
          /* Entities sit on a grid; each joins one already placed within a few cells. */
          pair[1] = i - MIN (i, (guint) g_rand_int_range (rand, 1, 4) * (g_rand_boolean (rand) ? 1 : side));
          break;
        case SHAPE_HUB:
          /* Preferential attachment: the well connected gather more relations. */
          pair[1] = endpoints->len > 0 && g_rand_int_range (rand, 0, 4) > 0
                    ? g_array_index (endpoints, guint, g_rand_int_range (rand, 0, endpoints->len))
                    : (guint) g_rand_int_range (rand, 0, i);
          break;
        case SHAPE_CLUSTERED:
          /* Clusters of 40; the first entity of each joins an earlier cluster. */
          pair[1] = i % 40 == 0 ? (guint) g_rand_int_range (rand, 0, i) : i - 1 - g_rand_int_range (rand, 0, i % 40);
          break;
        default:
          g_assert_not_reached ();
        }

      g_array_append_val (pairs, pair);
      g_array_append_val (endpoints, pair[0]);
      g_array_append_val (endpoints, pair[1]);
    }

  while (n > 1 && pairs->len < n_pairs)
    {
      guint i = g_rand_int_range (rand, 0, n);
      guint pair[2] = { i, 0 };

      switch (shape)
        {
        case SHAPE_TREE:
          pair[1] = i >= 8 ? i - g_rand_int_range (rand, 1, 9) : random_other (rand, n, i);
          break;
        case SHAPE_LOCAL:
          {
            int dx = g_rand_int_range (rand, -3, 4), dy = g_rand_int_range (rand, -3, 4);
            gint64 j = (gint64) i + dx + (gint64) dy * side;

            pair[1] = j >= 0 && j < n && j != i ? (guint) j : random_in_block (rand, n, i, side);
          }
          break;
        case SHAPE_HUB:
          pair[1] = g_array_index (endpoints, guint, g_rand_int_range (rand, 0, endpoints->len));
          if (pair[1] == i)
            continue;
          break;
        case SHAPE_CLUSTERED:
          pair[1] = g_rand_int_range (rand, 0, 10) < 9 ? random_in_block (rand, n, i, 40) : random_other (rand, n, i);
          break;
        default:
          g_assert_not_reached ();
        }

      g_array_append_val (pairs, pair);
      g_array_append_val (endpoints, pair[0]);
      g_array_append_val (endpoints, pair[1]);
    }

  return pairs;
}

/*
 * Adds one quote per relation. The store checks each quote against the
 * whole body of its source, so sources hold QUOTES_PER_SOURCE quotes each,
 * which keeps that check short.
 */
static gboolean
add_quotes (EntStore  *store,
            GRand     *rand,
            GArray    *relation_ids,
            GError   **error)
{
  for (guint first = 0; first < relation_ids->len; first += QUOTES_PER_SOURCE)
    {
      guint last = MIN (first + QUOTES_PER_SOURCE, relation_ids->len);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Report %u", first / QUOTES_PER_SOURCE + 1);
      EntSource source = { .title = title, .publisher = (char *) "Entente benchmark", .published = (char *) "2024-05-01" };
      gint64 source_id;
      gint64 offset = 0;

      for (guint i = first; i < last; i++)
        {
          char *text = random_text (rand, 30, 120);

          g_ptr_array_add (texts, text);
          g_string_append (body, text);
          g_string_append (body, ". ");
        }
      source.body = body->str;

      source_id = ent_store_add_source (store, &source, error);
      if (source_id == 0)
        return FALSE;

      for (guint i = first; i < last; i++)
        {
          const char *text = g_ptr_array_index (texts, i - first);
          gint64 length = strlen (text);
          gint64 quote_id = ent_store_add_quote (store, source_id, offset, offset + length, text, error);

          if (quote_id == 0 ||
              !ent_store_add_relation_evidence (store, g_array_index (relation_ids, gint64, i), quote_id, error))
            return FALSE;
          offset += length + 2;
        }
    }

  return TRUE;
}

static gboolean
generate_network (EntStore  *store,
                  guint      n,
                  Shape      shape,
                  guint32    seed,
                  GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) entity_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) relation_ids = NULL;
  g_autoptr(GArray) pairs = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = random_text (rand, 8, 40);
      g_autofree char *date = NULL;
      EntEntity entity = { .kind = i % ENT_N_KINDS, .name = name };
      gint64 id;

      if (entity.kind == ENT_KIND_EVENT)
        {
          date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1990, 2025),
                                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
          entity.start_date = date;
        }

      id = ent_store_add_entity (store, &entity, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (entity_ids, id);
    }

  pairs = generate_pairs (rand, shape, n);
  relation_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), pairs->len);
  for (guint i = 0; i < pairs->len; i++)
    {
      const guint *pair = &g_array_index (pairs, guint, 2 * i);
      g_autofree char *label = random_text (rand, 8, 40);
      EntRelation relation = {
        .kind = (char *) relation_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (relation_kinds))],
        .from_id = g_array_index (entity_ids, gint64, pair[0]),
        .to_id = g_array_index (entity_ids, gint64, pair[1]),
        .label = label,
        .directed = g_rand_int_range (rand, 0, 10) < 7,
      };
      gint64 id = ent_store_add_relation (store, &relation, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (relation_ids, id);
    }

  return add_quotes (store, rand, relation_ids, error);
}

static gboolean
parse_shape (const char *name,
             Shape      *shape)
{
  for (guint i = 0; i < G_N_ELEMENTS (shape_names); i++)
    if (g_strcmp0 (name, shape_names[i]) == 0)
      {
        *shape = i;
        return TRUE;
      }

  return FALSE;
}

/*
 * Writes the network in one transaction and, with @engine, lays it out once
 * in the worker and stores the positions, as the window does on first open.
 */
static gboolean
generate_file (const char  *path,
               guint        n,
               Shape        shape,
               guint32      seed,
               const char  *engine,
               double      *layout_ms,
               GError     **error)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  double start;

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, error);
  if (store == NULL || !ent_store_begin (store, error))
    return FALSE;

  if (!generate_network (store, n, shape, seed, error))
    {
      ent_store_rollback (store);
      return FALSE;
    }

  if (!ent_store_commit (store, error))
    return FALSE;

  if (engine == NULL)
    return TRUE;

  graph = ent_store_load_graph (store, error);
  if (graph == NULL)
    return FALSE;
  if (g_str_equal (engine, "auto"))
    engine = ent_diagram_choose_engine (graph, NULL);

  start = now_ms ();
  scene = ent_diagram_build (store, graph, engine, FALSE, NULL, NULL, error);
  if (layout_ms != NULL)
    *layout_ms = now_ms () - start;
  return scene != NULL;
}

/* ---- Measuring -------------------------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *samples)
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

/* Reads a "VmHWM:  1234 kB" line of /proc/PID/status, in MB; NAN when there is none. */
static double
read_peak_memory (const char *status_path)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (status_path, &status, NULL, NULL))
    return NAN;

  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return NAN;

  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* The viewport of a 1280 × 800 view at @zoom, centred on (@cx, @cy), with the view's cull margin. */
static void
viewport (double   cx,
          double   cy,
          double   zoom,
          EntRect *visible)
{
  double half_w = VIEW_WIDTH / 2.0 / zoom, half_h = VIEW_HEIGHT / 2.0 / zoom;

  *visible = (EntRect) { cx - half_w - CULL_MARGIN, cy - half_h - CULL_MARGIN,
                         cx + half_w + CULL_MARGIN, cy + half_h + CULL_MARGIN };
}

static double
fit_zoom (EntScene *scene)
{
  EntRect bounds;
  double w, h;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  w = MAX (bounds.x2 - bounds.x1, 1) + 32;
  h = MAX (bounds.y2 - bounds.y1, 1) + 32;

  return MIN (VIEW_WIDTH / w, VIEW_HEIGHT / h);
}

/* Draws one frame as EntGraphView's snapshot does: the page colour, then the viewport. */
static void
draw_frame (EntScene        *scene,
            cairo_surface_t *surface,
            double           cx,
            double           cy,
            double           zoom)
{
  EntRenderOptions options = { .scale = zoom, .accent = { 0.21, 0.52, 0.89 } };
  EntColor background, foreground, edge;
  EntRect visible;
  cairo_t *cr = cairo_create (surface);

  viewport (cx, cy, zoom, &visible);
  options.visible = &visible;

  ent_renderer_get_colors (FALSE, &background, &foreground, &edge);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  cairo_translate (cr, VIEW_WIDTH / 2.0 - cx * zoom, VIEW_HEIGHT / 2.0 - cy * zoom);
  cairo_scale (cr, zoom, zoom);
  ent_renderer_draw (scene, cr, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
}

static void
scene_centre (EntScene *scene,
              double   *cx,
              double   *cy)
{
  EntRect bounds;

  ent_scene_get_bounds (scene, FALSE, &bounds);
  *cx = (bounds.x1 + bounds.x2) / 2;
  *cy = (bounds.y1 + bounds.y2) / 2;
}

/* The node nearest the middle of the scene: zoomed in views look at nodes, not at gaps. */
static const EntSceneItem *
central_node (EntScene *scene)
{
  const EntSceneItem *best = NULL;
  double cx, cy, best_distance = G_MAXDOUBLE;

  scene_centre (scene, &cx, &cy);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);
      double distance;

      if (item->type != ENT_SCENE_ITEM_NODE)
        continue;
      distance = hypot (item->cx - cx, item->cy - cy);
      if (distance < best_distance)
        {
          best = item;
          best_distance = distance;
        }
    }

  return best;
}

static EntScene *
open_scene (const char  *path,
            GError     **error)
{
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, error);
  g_autoptr(EntGraph) graph = NULL;

  if (store == NULL)
    return NULL;

  graph = ent_store_load_graph (store, error);
  if (graph == NULL)
    return NULL;

  return ent_diagram_build (store, graph, ent_diagram_choose_engine (graph, NULL), FALSE, NULL, NULL, error);
}

/*
 * Writes the graph as DOT for the Graphviz command line, with exactly the
 * nodes, sizes and attributes that src/worker/entente-layout.c gives
 * libgvc, so both lay out the same problem.
 */
static gboolean
write_dot (EntGraph          *graph,
           const char        *engine,
           const char        *path,
           GError           **error)
{
  g_autoptr(GString) dot = g_string_new ("digraph layout {\n  graph [splines=line, start=1");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!g_str_equal (engine, "dot") && !g_str_equal (engine, "circo"))
    g_string_append (dot, ", overlap=prism");
  if (g_str_equal (engine, "dot"))
    g_string_append (dot, ", nodesep=0.4, ranksep=0.6");
  if (ent_layout_engine_honours_pins (engine))
    g_string_append (dot, ", inputscale=72");
  g_string_append (dot, "];\n  node [shape=box, fixedsize=true, label=\"\"];\n");

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      double width, height;

      ent_scene_measure_node (graph, entity, &width, &height);
      g_string_append_printf (dot, "  n%" G_GINT64_FORMAT " [width=", entity->id);
      g_string_append (dot, g_ascii_dtostr (buffer, sizeof buffer, ceil (width) / 72.0));
      g_string_append (dot, ", height=");
      g_string_append (dot, g_ascii_dtostr (buffer, sizeof buffer, ceil (height) / 72.0));
      g_string_append (dot, "];\n");
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      g_string_append_printf (dot, "  n%" G_GINT64_FORMAT " -> n%" G_GINT64_FORMAT "%s;\n",
                              relation->from_id, relation->to_id, relation->directed ? "" : " [dir=none]");
    }
  g_string_append (dot, "}\n");

  return g_file_set_contents (path, dot->str, dot->len, error);
}

/* Runs a Graphviz command and returns its wall-clock time in ms, or NAN when it failed. */
static double
time_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("%s failed%s%s\n", argv[0], error ? ": " : "", error ? error->message : "");
      return NAN;
    }

  return now_ms () - start;
}

typedef struct
{
  guint       size;
  char       *path;
  char       *dot_dir;
  double      generate_ms;
  double      first_layout_ms;
  double      plain_cli_ms;
  double      open_ms;
  double      first_frame_ms;
  double      frame_ms[4];     /* fit-all, 50 %, 100 %, 400 % */
  double      pan_ms;
  double      zoom_step_ms;    /* a step of a zoom gesture: the kept image stretched */
  double      pan_max_ms;
  double      pan_fit_max_ms;
  double      hit_us;
  double      svg_ms;
  double      svg_cli_ms;
  double      png_ms;
  double      png_cli_ms;
  double      peak_mb;
  double      window_mb;
  GPtrArray  *layouts;         /* LayoutFigure */
} SizeFigures;

typedef struct
{
  char   *engine;
  double  worker_ms;
  double  cli_ms;
} LayoutFigure;

static void
layout_figure_free (LayoutFigure *figure)
{
  g_free (figure->engine);
  g_free (figure);
}

static void
size_figures_free (SizeFigures *figures)
{
  g_free (figures->path);
  g_free (figures->dot_dir);
  g_ptr_array_unref (figures->layouts);
  g_free (figures);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SizeFigures, size_figures_free)

typedef struct
{
  guint       runs;
  gboolean    quick;
  Shape       shape;
  guint32     seed;
  char       *workdir;
  char       *self_path;
  char       *window_path;
} RunOptions;

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

      figure->engine = g_strdup (engines[e]);
      g_ptr_array_add (figures->layouts, figure);

      if (!write_dot (graph, engines[e], dot_path, &error))
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
          double start = now_ms (), cli_ms;

          if (worker->len == 0 || figures->size < 50000)
            {
              result = ent_layout_run (request, ENT_DIAGRAM_LAYOUT_TIMEOUT_MS, NULL, &error);
              if (result == NULL)
                {
                  g_printerr ("%s on %u entities: %s\n", engines[e], figures->size, error->message);
                  break;
                }
              g_array_append_vals (worker, &(double) { now_ms () - start }, 1);
            }

          cli_ms = time_command (argv);
          if (!isnan (cli_ms))
            g_array_append_val (cli, cli_ms);
        }

      figure->worker_ms = median (worker);
      figure->cli_ms = median (cli);
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
  double start = now_ms ();

  store = ent_store_open (path, ENT_STORE_OPEN_READ_ONLY, &error);
  if (store != NULL)
    graph = ent_store_load_graph (store, &error);
  if (graph == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NAN;
    }

  return now_ms () - start;
}

/* Open → drawn: what a user waits for when opening a file that has a stored layout. */
static double
time_first_frame (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntScene) scene = NULL;
  cairo_surface_t *surface;
  double start = now_ms (), cx, cy;

  scene = open_scene (path, &error);
  if (scene == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return NAN;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  scene_centre (scene, &cx, &cy);
  draw_frame (scene, surface, cx, cy, fit_zoom (scene));
  cairo_surface_destroy (surface);

  return now_ms () - start;
}

static void
measure_frames (SizeFigures      *figures,
                EntScene         *scene,
                const RunOptions *options)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  const EntSceneItem *centre = central_node (scene);
  double zooms[4] = { fit_zoom (scene), 0.5, 1.0, 4.0 };
  guint repeat = options->runs * FRAME_REPEAT_FACTOR;
  g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan_fit = g_array_new (FALSE, FALSE, sizeof (double));
  double cx, cy;

  scene_centre (scene, &cx, &cy);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      double x = z == 0 ? cx : centre->cx, y = z == 0 ? cy : centre->cy;

      /* One frame first, as the view has drawn before it is measured, to lay out the labels once. */
      draw_frame (scene, surface, x, y, zooms[z]);
      for (guint r = 0; r < repeat; r++)
        {
          double start = now_ms ();

          draw_frame (scene, surface, x, y, zooms[z]);
          g_array_append_vals (samples, &(double) { now_ms () - start }, 1);
        }
      figures->frame_ms[z] = median (samples);
    }

  /* Panning, as the view does it: after each step of a drag its kept image moves and the strips it uncovers
   * are drawn. The first step of each draws the whole viewport, as the first frame after a zoom does. */
  {
    g_autoptr(EntFrame) frame = ent_frame_new ();
    g_autoptr(EntFrame) frame_fit = ent_frame_new ();
    EntRenderOptions render = { .accent = { 0.21, 0.52, 0.89 } };

    for (guint step = 0; step < PAN_STEPS; step++)
      {
        double start = now_ms ();

        ent_frame_draw (frame, scene, &render, VIEW_WIDTH, VIEW_HEIGHT, 1.0,
                        round (VIEW_WIDTH / 2.0 - centre->cx) - step * PAN_STEP_PIXELS,
                        round (VIEW_HEIGHT / 2.0 - centre->cy));
        g_array_append_vals (pan, &(double) { now_ms () - start }, 1);

        start = now_ms ();
        ent_frame_draw (frame_fit, scene, &render, VIEW_WIDTH, VIEW_HEIGHT, zooms[0],
                        round (VIEW_WIDTH / 2.0 - cx * zooms[0]) - step * PAN_STEP_PIXELS,
                        round (VIEW_HEIGHT / 2.0 - cy * zooms[0]));
        g_array_append_vals (pan_fit, &(double) { now_ms () - start }, 1);
      }
  }
  figures->pan_max_ms = maximum (pan);
  figures->pan_fit_max_ms = maximum (pan_fit);
  figures->pan_ms = median (pan);

  /* Zooming in by a tenth a step, as Ctrl+scroll does, around the middle: the view stretches its last whole frame. */
  {
    g_autoptr(EntFrame) frame = ent_frame_new ();
    g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
    EntRenderOptions render = { .accent = { 0.21, 0.52, 0.89 } };
    double x = round (VIEW_WIDTH / 2.0 - centre->cx), y = round (VIEW_HEIGHT / 2.0 - centre->cy);

    ent_frame_draw (frame, scene, &render, VIEW_WIDTH, VIEW_HEIGHT, 1.0, x, y);
    for (guint r = 0; r < repeat; r++)
      {
        double zoom = pow (1.1, r % 10 + 1), start = now_ms ();
        cairo_t *cr = cairo_create (surface);

        cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        ent_frame_paint_scaled (frame, cr, zoom, VIEW_WIDTH / 2.0 - (VIEW_WIDTH / 2.0 - x) * zoom,
                                VIEW_HEIGHT / 2.0 - (VIEW_HEIGHT / 2.0 - y) * zoom);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        g_array_append_vals (steps, &(double) { now_ms () - start }, 1);
      }
    figures->zoom_step_ms = median (steps);
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
      double start = now_ms ();

      for (guint i = 0; i < HIT_TESTS; i++)
        hits += ent_scene_hit_test (scene,
                                    g_rand_double_range (rand, bounds.x1, bounds.x2),
                                    g_rand_double_range (rand, bounds.y1, bounds.y2)) >= 0;
      g_array_append_vals (samples, &(double) { (now_ms () - start) * 1000.0 / HIT_TESTS }, 1);
    }

  figures->hit_us = median (samples);
  g_debug ("%d of %u hit-tests found an item", hits, runs * HIT_TESTS);
}

/* PNG export at 100 %, or smaller for networks too big for one image of 8192 pixels, as a user would choose. */
static double
png_scale (const char *path)
{
  g_autoptr(EntScene) scene = open_scene (path, NULL);
  EntRect bounds;

  if (scene == NULL)
    return 1.0;

  ent_scene_get_bounds (scene, TRUE, &bounds);
  return MIN (1.0, 8192.0 / MAX (bounds.x2 - bounds.x1 + 32, bounds.y2 - bounds.y1 + 32));
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
  double scale = png_scale (figures->path);
  guint runs = layout_runs (options, figures->size);

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms (), ms;

      if (!ent_diagram_export_file (figures->path, svg_path, NULL, FALSE, 1.0, &error))
        g_printerr ("SVG export: %s\n", error->message);
      else
        g_array_append_vals (svg, &(double) { now_ms () - start }, 1);

      start = now_ms ();
      if (!ent_diagram_export_file (figures->path, png_path, NULL, FALSE, scale, &error))
        g_printerr ("PNG export: %s\n", error->message);
      else
        g_array_append_vals (png, &(double) { now_ms () - start }, 1);

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

  figures->svg_ms = median (svg);
  figures->png_ms = median (png);
  figures->svg_cli_ms = median (svg_cli);
  figures->png_cli_ms = median (png_cli);
}

/* Runs "entente-bench first-frame FILE" in a process of its own, which reports its peak memory. */
static double
measure_peak_memory (const RunOptions *options,
                     const char       *path)
{
  const char *argv[] = { options->self_path, "first-frame", path, NULL };
  g_autofree char *output = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NAN;

  return g_ascii_strtod (output, NULL);
}

/*
 * The whole application with the network open, under the display the
 * caller gives. It is watched until its peak memory has stayed the same
 * for two seconds, by which time the file is open and drawn, then ended.
 */
static double
measure_window_memory (const RunOptions *options,
                       const char       *path)
{
  const char *argv[] = { options->window_path, path, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *status_path = NULL;
  GPid pid;
  double peak = NAN, start = now_ms (), stable_since = now_ms ();

  if (options->window_path == NULL || g_getenv ("DISPLAY") == NULL)
    return NAN;

  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("%s: %s\n", options->window_path, error->message);
      return NAN;
    }

  status_path = g_strdup_printf ("/proc/%d/status", pid);
  while (now_ms () - start < 60000 && now_ms () - stable_since < 2000)
    {
      double current;

      g_usleep (100000);
      current = read_peak_memory (status_path);
      if (isnan (current))
        break;
      if (isnan (peak) || current > peak)
        {
          peak = current;
          stable_since = now_ms ();
        }
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  /* Less than a second of life means it never showed the file. */
  return now_ms () - start > 1000 ? peak : NAN;
}

static SizeFigures *
measure_size (guint             size,
              const RunOptions *options,
              GError          **error)
{
  g_autoptr(SizeFigures) figures = g_new0 (SizeFigures, 1);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autofree char *name = g_strdup_printf ("bench-%s-%u-%u.entente", shape_names[options->shape], size, options->seed);
  g_autofree char *dir_name = g_strdup_printf ("bench-%s-%u", shape_names[options->shape], size);

  figures->size = size;
  figures->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) layout_figure_free);
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
      double start = now_ms ();

      g_printerr ("Generating %s…\n", figures->path);
      if (!generate_file (work, size, options->shape, options->seed, "auto", &figures->first_layout_ms, error) ||
          g_rename (work, figures->path) != 0)
        return NULL;
      figures->generate_ms = now_ms () - start;
    }

  g_printerr ("Measuring %u entities…\n", size);
  for (guint r = 0; r < options->runs; r++)
    {
      g_array_append_vals (open, &(double) { time_open (figures->path) }, 1);
      g_array_append_vals (first, &(double) { time_first_frame (figures->path) }, 1);
    }
  figures->open_ms = median (open);
  figures->first_frame_ms = median (first);

  scene = open_scene (figures->path, error);
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
      figures->window_mb = measure_window_memory (options, figures->path);
    }
  else
    figures->window_mb = NAN;
  figures->peak_mb = measure_peak_memory (options, figures->path);

  return g_steal_pointer (&figures);
}

/* ---- The table -------------------------------------------------------- */

static void
append_value (GString    *row,
              double      value,
              int         digits,
              const char *suffix)
{
  if (isnan (value))
    g_string_append (row, " n/a |");
  else
    g_string_append_printf (row, " %.*f%s |", digits, value, suffix);
}

typedef double (*Getter) (SizeFigures *figures);

static void
print_row (GPtrArray  *all,
           const char *what,
           const char *target,
           Getter      get,
           int         digits,
           const char *suffix)
{
  g_autoptr(GString) row = g_string_new (NULL);

  g_string_append_printf (row, "| %s | %s |", what, target);
  for (guint i = 0; i < all->len; i++)
    append_value (row, get (g_ptr_array_index (all, i)), digits, suffix);
  g_print ("%s\n", row->str);
}

#define GETTER(name, expr) \
  static double name (SizeFigures *f) { return (expr); }

GETTER (get_generate, f->generate_ms / 1000.0)
GETTER (get_open, f->open_ms)
GETTER (get_first_frame, f->first_frame_ms)
GETTER (get_frame_fit, f->frame_ms[0])
GETTER (get_frame_50, f->frame_ms[1])
GETTER (get_frame_100, f->frame_ms[2])
GETTER (get_frame_400, f->frame_ms[3])
GETTER (get_pan, f->pan_ms)
GETTER (get_zoom_step, f->zoom_step_ms)
GETTER (get_pan_max, MAX (f->pan_max_ms, f->pan_fit_max_ms))
GETTER (get_hit, f->hit_us)
GETTER (get_svg, f->svg_ms)
GETTER (get_svg_cli, f->svg_cli_ms)
GETTER (get_svg_ratio, f->svg_ms / f->svg_cli_ms)
GETTER (get_png, f->png_ms)
GETTER (get_png_cli, f->png_cli_ms)
GETTER (get_png_ratio, f->png_ms / f->png_cli_ms)
GETTER (get_peak, f->peak_mb)
GETTER (get_window, f->window_mb)

static LayoutFigure *
find_layout (SizeFigures *figures,
             const char  *engine)
{
  for (guint i = 0; i < figures->layouts->len; i++)
    {
      LayoutFigure *figure = g_ptr_array_index (figures->layouts, i);
      if (g_str_equal (figure->engine, engine))
        return figure;
    }

  return NULL;
}

static void
print_layout_rows (GPtrArray *all)
{
  static const char * const engines[] = { "dot", "neato", "fdp", "sfdp", "twopi", "circo" };

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autoptr(GString) row = g_string_new (NULL);
      gboolean any = FALSE;

      g_string_append_printf (row, "| layout %s: worker ms / CLI ms (ratio) | ≤1.05× |", engines[e]);
      for (guint i = 0; i < all->len; i++)
        {
          LayoutFigure *figure = find_layout (g_ptr_array_index (all, i), engines[e]);

          if (figure == NULL)
            {
              g_string_append (row, " — |");
              continue;
            }
          any = TRUE;
          g_string_append_printf (row, " %.0f / %.0f (%.2f×) |", figure->worker_ms, figure->cli_ms,
                                  figure->worker_ms / figure->cli_ms);
        }
      if (any)
        g_print ("%s\n", row->str);
    }
}

static void
print_table (GPtrArray        *all,
             const RunOptions *options)
{
  g_autoptr(GString) header = g_string_new ("| measure (median) | target 1k / 10k |");
  g_autoptr(GString) rule = g_string_new ("|---|---|");

  for (guint i = 0; i < all->len; i++)
    {
      g_string_append_printf (header, " %u |", ((SizeFigures *) g_ptr_array_index (all, i))->size);
      g_string_append (rule, "---:|");
    }

  g_print ("\nShape %s, seed %u, %u runs per figure (layouts of 10,000: 3, of 50,000: 1).\n\n",
           shape_names[options->shape], options->seed, options->runs);
  g_print ("%s\n%s\n", header->str, rule->str);
  print_row (all, "generate + first layout (s, once)", "", get_generate, 1, "");
  print_row (all, "open + build graph (ms)", "", get_open, 1, "");
  print_layout_rows (all);
  print_row (all, "open → first frame, stored positions (ms)", "≤50 / ≤300", get_first_frame, 1, "");
  print_row (all, "frame fit-all (ms)", "≤4 / ≤16", get_frame_fit, 2, "");
  print_row (all, "frame 50 % (ms)", "", get_frame_50, 2, "");
  print_row (all, "frame 100 % (ms)", "≤4 / ≤8", get_frame_100, 2, "");
  print_row (all, "frame 400 % (ms)", "", get_frame_400, 2, "");
  print_row (all, "pan step at 100 % (ms)", "", get_pan, 2, "");
  print_row (all, "zoom gesture step, stretched frame (ms)", "", get_zoom_step, 2, "");
  print_row (all, "longest pan frame, 100 % or fit (ms)", "≤100 (50k)", get_pan_max, 1, "");
  print_row (all, "hit-test at a point (µs)", "", get_hit, 1, "");
  print_row (all, "SVG export, stored layout (ms)", "", get_svg, 0, "");
  print_row (all, "`sfdp -Tsvg` (ms)", "", get_svg_cli, 0, "");
  print_row (all, "SVG export / `sfdp -Tsvg`", "≤0.5× / ≤0.5×", get_svg_ratio, 2, "×");
  print_row (all, "PNG export, stored layout (ms)", "", get_png, 0, "");
  print_row (all, "`sfdp -Tpng` (ms)", "", get_png_cli, 0, "");
  print_row (all, "PNG export / `sfdp -Tpng`", "", get_png_ratio, 2, "×");
  print_row (all, "peak memory, open → first frame (MB)", "", get_peak, 0, "");
  print_row (all, "peak memory, window with graph (MB)", "≤120 / ≤250", get_window, 0, "");
  g_print ("\nAt 50,000 the layout worker ran once (while generating), `sfdp -Tplain` once, and the `sfdp -Tsvg`\n"
           "and `-Tpng` figures are the `-Tplain` time: a lower bound, since they lay out the same graph first.\n"
           "PNG exports are at most 8192 pixels a side.\n");
}

/* ---- Subcommands ------------------------------------------------------ */

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
    { "shape", 0, 0, G_OPTION_ARG_STRING, &shape_name, "tree, local, hub or clustered", "SHAPE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &engine, "Lay out with ENGINE (or auto) and store the positions", "ENGINE" },
    { NULL }
  };
  Shape shape = SHAPE_CLUSTERED;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || size < 1 ||
      (shape_name != NULL && !parse_shape (shape_name, &shape)))
    {
      g_printerr ("Usage: entente-bench generate --size N --shape tree|local|hub|clustered --seed S [--layout ENGINE] OUT.entente\n");
      return 2;
    }

  if (!generate_file (argv[1], size, shape, seed, engine, NULL, &error))
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
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) size_figures_free);
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Comma-separated numbers of entities", "N,…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (the median is shown)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Skip layouts, exports and the window", NULL },
    { "shape", 0, 0, G_OPTION_ARG_STRING, &shape_name, "tree, local, hub or clustered", "SHAPE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed", "S" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where generated files are kept", "DIR" },
    { "window", 0, 0, G_OPTION_ARG_FILENAME, &window, "The entente program, for the window's memory", "PATH" },
    { NULL }
  };
  RunOptions options = { 0 };
  double start = now_ms ();

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 1 || runs < 1 ||
      (shape_name != NULL && !parse_shape (shape_name, &options.shape)))
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
      figures = measure_size (size, &options, &error);
      if (figures == NULL)
        {
          g_printerr ("%" G_GUINT64_FORMAT " entities: %s\n", size, error->message);
          return 1;
        }
      g_ptr_array_add (all, figures);
    }

  print_table (all, &options);
  g_print ("\nThe whole benchmark took %.1f minutes.\n", (now_ms () - start) / 60000.0);
  return 0;
}

static int
command_first_frame (const char *path)
{
  double ms = time_first_frame (path);

  if (isnan (ms))
    return 1;

  g_print ("%.1f\n", read_peak_memory ("/proc/self/status"));
  return 0;
}

/* For callgrind: the frame path alone, @repeat times at @zoom (0 for fit-all). */
static int
command_frame (const char *path,
               double      zoom,
               guint       repeat)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntScene) scene = open_scene (path, &error);
  const EntSceneItem *centre;
  cairo_surface_t *surface;
  double cx, cy;

  if (scene == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  centre = central_node (scene);
  scene_centre (scene, &cx, &cy);
  if (zoom > 0)
    {
      cx = centre->cx;
      cy = centre->cy;
    }
  else
    zoom = fit_zoom (scene);

  for (guint i = 0; i < repeat; i++)
    draw_frame (scene, surface, cx, cy, zoom);
  cairo_surface_destroy (surface);

  return 0;
}

static int
command_export (const char *path,
                const char *output)
{
  g_autoptr(GError) error = NULL;

  if (!ent_diagram_export_file (path, output, NULL, FALSE, png_scale (path), &error))
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
              "  entente-bench first-frame FILE\n"
              "  entente-bench frame FILE fit|ZOOM [REPEAT]\n"
              "  entente-bench export FILE OUT.svg|OUT.png\n");
  return 2;
}
