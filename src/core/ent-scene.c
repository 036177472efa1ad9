/* ent-scene.c: what to draw, in graph coordinates
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include "ent-scene.h"
#include "ent-spatial-index.h"
#include "ent-style.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

/* Longest label drawn on a node, in characters; the whole name is in the title. */
#define LABEL_MAX_CHARS 100
#define TITLE_MAX_CHARS 1000
#define LABEL_GAP       3.0
#define ARROW_LENGTH    8.0
#define ARROW_HALF      3.5
#define PARALLEL_SPREAD 16.0
/*
 * What the renderer paints beyond the shapes and text, which bounds must
 * hold so that culling never cuts it off: the halo around labels
 * (ENT_RENDER_HALO_WIDTH), and the selection ring, at 1.25 radii and 3
 * points from the centre, 3 points wide.
 */
#define LABEL_HALO      3.0
#define RING_REACH(r)   ((r) * 1.25 + 3.0 + 1.5)

struct _EntScene
{
  gatomicrefcount      ref_count;
  EntGraph            *graph;
  GArray              *items;        /* EntSceneItem, edges first: paint order */
  GHashTable          *node_index;   /* entity id → item index + 1 */
  EntSpatialIndex     *index;
  EntRect              bounds;
  GArray              *legend;       /* EntSceneLegendEntry */
  EntRect              legend_bounds;
  /* Labels with the same text share one layout, measured once: relation kinds repeat a lot. */
  GHashTable          *layouts;      /* wrap width and text → PangoLayout */
  GMutex               lock;         /* for the layouts and edge labels, made from any thread that draws */
  /* Edge labels are measured when first needed: most views never show them. */
  gboolean             edge_labels_measured;
  /* Each edge's end nodes, as indices of items, in the order of the edges. */
  guint               *edge_ends;
  /* Titles, made when first asked for: most items never show one. */
  char               **titles;
};

/*
 * Makes any text safe to show: valid UTF-8, no control characters, runs of
 * white space folded into one space, and at most @max_chars characters, the
 * last of them an ellipsis when it was cut.
 */
char *
ent_scene_sanitize_text (const char *text,
                         gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize n_chars = 0;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (MIN (strlen (valid), max_chars * 4 + 4));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0xFFFD ||
          g_unichar_type (c) == G_UNICODE_FORMAT || g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          /* U+200D joins emoji sequences and must stay. */
          if (c != 0x200D)
            {
              space = out->len > 0;
              continue;
            }
        }

      if (space)
        {
          g_string_append_c (out, ' ');
          n_chars++;
          space = FALSE;
        }

      g_string_append_unichar (out, c);
      n_chars++;

      /* One character more than fits is enough to know the text must be cut. */
      if (n_chars > max_chars)
        break;
    }

  if (n_chars > max_chars)
    {
      g_string_truncate (out, g_utf8_offset_to_pointer (out->str, max_chars > 0 ? max_chars - 1 : 0) - out->str);
      g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

/* Measured at 72 dpi without hinting, so one point of text is one unit of graph space at any zoom. */
static PangoContext *
new_pango_context (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  return context;
}

/* The context of the layouts that are drawn, and the thread that made it and draws them. */
static PangoContext *drawing_context = NULL;
static GThread *drawing_thread = NULL;

static PangoContext *
get_pango_context (void)
{
  if (drawing_context == NULL)
    {
      drawing_context = new_pango_context (pango_cairo_font_map_get_default ());
      drawing_thread = g_thread_self ();
    }

  return drawing_context;
}

/* A context for measuring on this thread: the drawing one on its own thread, else one kept with the thread. */
static PangoContext *
get_measuring_context (void)
{
  static GPrivate thread_context = G_PRIVATE_INIT (g_object_unref);
  PangoContext *context;

  if (drawing_context != NULL && g_thread_self () == drawing_thread)
    return drawing_context;

  context = g_private_get (&thread_context);
  if (context == NULL)
    {
      /* pango_cairo_font_map_get_default () is this thread's own. */
      context = new_pango_context (pango_cairo_font_map_get_default ());
      g_private_set (&thread_context, context);
    }

  return context;
}

static const PangoFontDescription *
get_label_font (void)
{
  static PangoFontDescription *font = NULL;

  if (g_once_init_enter (&font))
    {
      PangoFontDescription *description = pango_font_description_from_string (ENT_STYLE_FONT_FAMILY);

      pango_font_description_set_size (description, ENT_STYLE_FONT_SIZE * PANGO_SCALE);
      g_once_init_leave (&font, description);
    }

  return font;
}

static PangoLayout *
new_label_layout_in (PangoContext *context,
                     const char   *text,
                     double        wrap_width)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, get_label_font ());
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static PangoLayout *
new_label_layout (const char *text,
                  double      wrap_width)
{
  return new_label_layout_in (get_pango_context (), text, wrap_width);
}

/*
 * Measuring labels, which means shaping their text, is most of the time it
 * takes to build a scene of thousands of nodes. It is shared out among the
 * processors: each thread of a pool keeps a font map and context of its
 * own, as Pango objects may not be shared between threads, set up as the
 * drawing context is, so that they measure exactly what is drawn.
 */
typedef struct
{
  const char     *text;
  double          wrap_width;
  PangoRectangle  ink;
  PangoRectangle  logical;
} Measure;

typedef struct
{
  Measure  *measures;
  guint     n_measures;
  gint      next;           /* the next measure to take, atomically */
  GMutex    lock;
  GCond     done;
  guint     n_running;
} MeasureJob;

#define MEASURE_CHUNK 32
/* Below this many labels, starting other threads costs more than it saves. */
#define MEASURE_PARALLEL_MIN 256

static void
run_measure_job (MeasureJob   *job,
                 PangoContext *context)
{
  for (;;)
    {
      guint first = (guint) g_atomic_int_add (&job->next, MEASURE_CHUNK);

      if (first >= job->n_measures)
        break;

      for (guint i = first; i < MIN (first + MEASURE_CHUNK, job->n_measures); i++)
        {
          Measure *measure = &job->measures[i];
          g_autoptr(PangoLayout) layout = new_label_layout_in (context, measure->text, measure->wrap_width);

          pango_layout_get_extents (layout, &measure->ink, &measure->logical);
        }
    }
}

static void
measure_thread_func (gpointer data,
                     gpointer user_data)
{
  MeasureJob *job = data;

  run_measure_job (job, get_measuring_context ());

  g_mutex_lock (&job->lock);
  job->n_running--;
  g_cond_signal (&job->done);
  g_mutex_unlock (&job->lock);
}

/*
 * Measures labels on the threads of the pool and, when @on_this_thread,
 * this one too. The first thread to measure or draw labels, which builds
 * scenes, draws them too, with the context it measures with; other threads
 * leave the work to the pool rather than load fonts of their own.
 */
static void
measure_labels_full (Measure  *measures,
                     guint     n_measures,
                     gboolean  on_this_thread)
{
  static GThreadPool *pool = NULL;
  static guint n_helpers = 0;
  MeasureJob job = { measures, n_measures, 0 };
  guint n_pushed;

  if (g_once_init_enter (&pool))
    {
      n_helpers = CLAMP (g_get_num_processors (), 1, 8) - 1;
      g_once_init_leave (&pool, g_thread_pool_new (measure_thread_func, NULL, MAX (n_helpers, 1), TRUE, NULL));
    }

  if (on_this_thread && (n_measures < MEASURE_PARALLEL_MIN || n_helpers == 0))
    {
      run_measure_job (&job, get_measuring_context ());
      return;
    }

  n_pushed = MAX (n_helpers, 1);
  g_mutex_init (&job.lock);
  g_cond_init (&job.done);
  job.n_running = n_pushed;
  for (guint i = 0; i < n_pushed; i++)
    g_thread_pool_push (pool, &job, NULL);

  if (on_this_thread)
    run_measure_job (&job, get_measuring_context ());

  g_mutex_lock (&job.lock);
  while (job.n_running > 0)
    g_cond_wait (&job.done, &job.lock);
  g_mutex_unlock (&job.lock);
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.done);
}

static void
measure_labels (Measure *measures,
                guint    n_measures)
{
  /* The thread that builds scenes draws their labels. */
  if (drawing_context == NULL)
    get_pango_context ();

  measure_labels_full (measures, n_measures, TRUE);
}

/* The layout of @text, shared by every item of the scene with the same text and wrap width. Called with the lock held. */
static PangoLayout *
shared_label_layout (EntScene   *self,
                     const char *text,
                     double      wrap_width)
{
  g_autofree char *key = g_strdup_printf ("%g\n%s", wrap_width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      layout = new_label_layout (text, wrap_width);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }

  return g_object_ref (layout);
}

static char *
node_label (EntEntity *entity)
{
  g_autofree char *name = ent_scene_sanitize_text (entity->name, LABEL_MAX_CHARS);

  if (entity->kind == ENT_KIND_EVENT && entity->start_date != NULL)
    {
      g_autofree char *dates = ent_date_format_range (entity->start_date, entity->end_date);
      return g_strdup_printf ("%s\n%s", name, dates);
    }

  return g_steal_pointer (&name);
}

static double
shape_radius (void)
{
  return ENT_STYLE_NODE_SIZE / 2;
}

/* How wide a shape reaches beside its centre; country and community shapes are wider than tall. */
static double
shape_half_width (EntKind kind)
{
  switch (kind)
    {
    case ENT_KIND_COUNTRY:
      return shape_radius () * 1.15;
    case ENT_KIND_COMMUNITY:
      return shape_radius () * 1.2;
    default:
      return shape_radius () * 1.1;
    }
}

/*
 * The size of a label's text, and where it starts: a centred layout with a
 * wrap width starts its lines to the right of the layout's origin.
 */
static void
label_extents (const PangoRectangle *logical,
               double               *x_offset,
               double               *width,
               double               *height)
{
  if (x_offset != NULL)
    *x_offset = (double) logical->x / PANGO_SCALE;
  *width = (double) logical->width / PANGO_SCALE;
  *height = (double) logical->height / PANGO_SCALE;
}

/*
 * Grows @bounds by everything a label drawn at (@x, @y) paints: its ink,
 * which may reach past its logical box, and the halo around that ink.
 */
static void
add_label_paint (EntRect              *bounds,
                 const PangoRectangle *label_ink,
                 const PangoRectangle *label_logical,
                 double                x,
                 double                y)
{
  PangoRectangle ink = *label_ink, logical = *label_logical;
  double halo = LABEL_HALO / 2;

  pango_extents_to_pixels (&ink, NULL);
  pango_extents_to_pixels (&logical, NULL);
  ent_rect_union (bounds, &(EntRect) { x + MIN (ink.x, logical.x) - halo,
                                       y + MIN (ink.y, logical.y) - halo,
                                       x + MAX (ink.x + ink.width, logical.x + logical.width) + halo,
                                       y + MAX (ink.y + ink.height, logical.y + logical.height) + halo });
}

/* The box a node takes, shape above label, given its label's logical extents. */
static void
node_box (EntKind               kind,
          const PangoRectangle *label_logical,
          double               *width,
          double               *height)
{
  double label_width, label_height;

  label_extents (label_logical, NULL, &label_width, &label_height);
  *width = MAX (2 * shape_half_width (kind), label_width);
  *height = 2 * shape_radius () + LABEL_GAP + label_height;
}

/**
 * ent_scene_measure_node:
 * @graph: the graph
 * @entity: an entity of @graph
 * @width: (out): the node's width in points
 * @height: (out): its height, shape and label
 *
 * The size a node takes, for the layout engine to place it.
 */
void
ent_scene_measure_node (EntGraph  *graph,
                        EntEntity *entity,
                        double    *width,
                        double    *height)
{
  g_autofree char *label = node_label (entity);
  Measure measure = { label, ENT_STYLE_LABEL_WIDTH };

  measure_labels (&measure, 1);
  node_box (entity->kind, &measure.logical, width, height);
}

/**
 * ent_scene_measure_nodes:
 * @graph: the graph
 * @widths: (out caller-allocates) (array): the width in points of each
 *   entity's node, in the order of @graph's entities
 * @heights: (out caller-allocates) (array): its height, shape and label
 *
 * The sizes nodes take, for the layout engine to place them.
 */
void
ent_scene_measure_nodes (EntGraph *graph,
                         double   *widths,
                         double   *heights)
{
  guint n = graph->entities->len;
  g_autofree Measure *measures = g_new0 (Measure, MAX (n, 1));
  g_auto(GStrv) labels = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      labels[i] = node_label (g_ptr_array_index (graph->entities, i));
      measures[i].text = labels[i];
      measures[i].wrap_width = ENT_STYLE_LABEL_WIDTH;
    }
  measure_labels (measures, n);

  for (guint i = 0; i < n; i++)
    node_box (((EntEntity *) g_ptr_array_index (graph->entities, i))->kind, &measures[i].logical,
              &widths[i], &heights[i]);
}

static char *
first_quote (EntGraph *graph,
             GArray   *quote_ids)
{
  EntQuote *quote;

  if (quote_ids == NULL || quote_ids->len == 0)
    return NULL;

  quote = ent_graph_get_quote (graph, g_array_index (quote_ids, gint64, 0));
  return quote != NULL ? ent_scene_sanitize_text (quote->text, TITLE_MAX_CHARS) : NULL;
}

static char *
make_title (const char *text,
            char       *quote)
{
  g_autofree char *clean = ent_scene_sanitize_text (text, TITLE_MAX_CHARS);
  g_autofree char *owned_quote = quote;

  if (owned_quote == NULL)
    return g_steal_pointer (&clean);

  return g_strdup_printf ("%s — “%s”", clean, owned_quote);
}

/* Puts a node's box, shape above label, centred on (x, y). */
static void
place_node (EntSceneItem *item,
            double        x,
            double        y)
{
  double width, height, label_offset, label_width, label_height;

  label_extents (&item->label_logical, &label_offset, &label_width, &label_height);
  node_box (item->kind, &item->label_logical, &width, &height);

  item->x = x;
  item->y = y;
  item->cx = x;
  item->cy = y - height / 2 + item->radius;
  item->label_x = x - label_width / 2 - label_offset;
  item->label_y = item->cy + item->radius + LABEL_GAP;
  item->bounds = (EntRect) { x - width / 2, y - height / 2, x + width / 2, y + height / 2 };
  ent_rect_union (&item->bounds, &(EntRect) { item->cx - RING_REACH (item->radius), item->cy - RING_REACH (item->radius),
                                              item->cx + RING_REACH (item->radius), item->cy + RING_REACH (item->radius) });
  add_label_paint (&item->bounds, &item->label_ink, &item->label_logical, item->label_x, item->label_y);
}

/* A node, placed once its label is measured. */
static EntSceneItem
new_node (EntEntity *entity)
{
  EntSceneItem item = { 0 };

  item.type = ENT_SCENE_ITEM_NODE;
  item.id = entity->id;
  item.kind = entity->kind;
  item.label = node_label (entity);
  item.radius = shape_radius ();

  return item;
}

static void
unit_towards (double  x0,
              double  y0,
              double  x1,
              double  y1,
              double *ux,
              double *uy)
{
  double dx = x1 - x0, dy = y1 - y0;
  double length = hypot (dx, dy);

  if (length < 1e-9)
    {
      *ux = 1;
      *uy = 0;
      return;
    }

  *ux = dx / length;
  *uy = dy / length;
}

static guint64
pair_key (gint64 a,
          gint64 b)
{
  gint64 lo = MIN (a, b), hi = MAX (a, b);

  return ((guint64) lo << 32) ^ (guint64) hi;
}

/*
 * Relations are drawn as curves between shapes: straight for a single
 * relation, spread apart when several join the same two entities, so each
 * stays visible. Drawing them from the node positions alone means a stored
 * layout looks exactly as it did when it was made.
 */
static void
place_edge (EntSceneItem       *item,
            const EntSceneItem *from,
            const EntSceneItem *to)
{
  double cx, cy, nx, ny, ux, uy, offset;
  double x0, y0, x3, y3, extent;

  /* The control point sits on the perpendicular through the middle, one slot further out each,
   * measured from the entity with the lower id so that relations either way spread apart. */
  if (from->id <= to->id)
    unit_towards (from->cx, from->cy, to->cx, to->cy, &ux, &uy);
  else
    unit_towards (to->cx, to->cy, from->cx, from->cy, &ux, &uy);
  nx = -uy;
  ny = ux;
  offset = (item->slot - (item->n_slots - 1) / 2.0) * PARALLEL_SPREAD;
  cx = (from->cx + to->cx) / 2 + nx * offset;
  cy = (from->cy + to->cy) / 2 + ny * offset;

  if (from == to)
    {
      /* A relation of an entity with itself loops above it. */
      double r = from->radius;
      x0 = from->cx - r * 0.5;
      y0 = from->cy - r * 0.9;
      x3 = from->cx + r * 0.5;
      y3 = from->cy - r * 0.9;
      item->p[2] = from->cx - r * 1.6 - offset;
      item->p[3] = from->cy - r * 2.8 - offset;
      item->p[4] = from->cx + r * 1.6 + offset;
      item->p[5] = from->cy - r * 2.8 - offset;
    }
  else
    {
      unit_towards (from->cx, from->cy, cx, cy, &ux, &uy);
      x0 = from->cx + ux * shape_half_width (from->kind);
      y0 = from->cy + uy * shape_half_width (from->kind);
      unit_towards (to->cx, to->cy, cx, cy, &ux, &uy);
      x3 = to->cx + ux * (shape_half_width (to->kind) + 1);
      y3 = to->cy + uy * (shape_half_width (to->kind) + 1);
      /* The quadratic curve through the control point, as a cubic. */
      item->p[2] = x0 + 2.0 / 3.0 * (cx - x0);
      item->p[3] = y0 + 2.0 / 3.0 * (cy - y0);
      item->p[4] = x3 + 2.0 / 3.0 * (cx - x3);
      item->p[5] = y3 + 2.0 / 3.0 * (cy - y3);
    }

  item->p[0] = x0;
  item->p[1] = y0;
  item->p[6] = x3;
  item->p[7] = y3;

  item->bounds = (EntRect) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  for (int i = 0; i < 4; i++)
    {
      EntRect point = { item->p[2 * i], item->p[2 * i + 1], item->p[2 * i], item->p[2 * i + 1] };
      ent_rect_union (&item->bounds, &point);
    }
  extent = ARROW_LENGTH + item->line_width;
  item->bounds.x1 -= extent;
  item->bounds.y1 -= extent;
  item->bounds.x2 += extent;
  item->bounds.y2 += extent;

  /* The label, drawn when zoomed in or asked for, centres on the curve's midpoint, once it is measured. */
  if (*item->label != '\0' && item->label_logical.height > 0)
    {
      double w, h, mx, my;

      label_extents (&item->label_logical, NULL, &w, &h);
      mx = (item->p[0] + 3 * item->p[2] + 3 * item->p[4] + item->p[6]) / 8;
      my = (item->p[1] + 3 * item->p[3] + 3 * item->p[5] + item->p[7]) / 8;
      item->label_x = mx - w / 2;
      item->label_y = my - h / 2;
      add_label_paint (&item->bounds, &item->label_ink, &item->label_logical, item->label_x, item->label_y);
    }

}

/* An edge, placed once its label is measured and its ends are placed. */
static EntSceneItem
new_edge (EntRelation *relation,
          int          slot,
          int          n_slots)
{
  EntSceneItem item = { 0 };
  guint n_quotes = relation->quote_ids ? relation->quote_ids->len : 0;

  item.type = ENT_SCENE_ITEM_EDGE;
  item.id = relation->id;
  item.from_id = relation->from_id;
  item.to_id = relation->to_id;
  item.directed = relation->directed;
  item.dashed = n_quotes == 0;
  item.line_width = 0.8 + 0.45 * MIN (n_quotes, 5);
  item.slot = slot;
  item.n_slots = n_slots;
  item.label = ent_scene_sanitize_text (relation->label && *relation->label ? relation->label : relation->kind,
                                        LABEL_MAX_CHARS);

  return item;
}

/* "From → to: label — “first quote”", for the tooltip and the SVG title of a relation. */
static char *
edge_title (EntScene           *self,
            const EntSceneItem *item)
{
  EntRelation *relation = ent_graph_get_relation (self->graph, item->id);
  g_autofree char *from_name = ent_scene_sanitize_text (ent_graph_get_entity (self->graph, item->from_id)->name, 200);
  g_autofree char *to_name = ent_scene_sanitize_text (ent_graph_get_entity (self->graph, item->to_id)->name, 200);
  g_autofree char *summary = g_strdup_printf ("%s %s %s", from_name, item->directed ? "→" : "—", to_name);

  if (*item->label != '\0')
    {
      g_autofree char *with_label = g_strdup_printf ("%s: %s", summary, item->label);
      g_free (summary);
      summary = g_steal_pointer (&with_label);
    }

  return make_title (summary, first_quote (self->graph, relation->quote_ids));
}

/**
 * ent_scene_get_layout:
 * @self: a scene
 * @item: one of its items
 *
 * The Pango layout of the item's label, made on first use: most labels are
 * never drawn. Items with the same text share one.
 *
 * Returns: (transfer none) (nullable): the layout, or %NULL when the item has no label
 */
PangoLayout *
ent_scene_get_layout (EntScene           *self,
                      const EntSceneItem *item)
{
  PangoLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (item != NULL, NULL);

  if (item->label == NULL || *item->label == '\0')
    return NULL;

  g_mutex_lock (&self->lock);
  if (item->layout == NULL)
    ((EntSceneItem *) item)->layout =
      shared_label_layout (self, item->label, item->type == ENT_SCENE_ITEM_NODE ? ENT_STYLE_LABEL_WIDTH : 0);
  layout = item->layout;
  g_mutex_unlock (&self->lock);

  return layout;
}

/**
 * ent_scene_get_title:
 * @self: a scene
 * @index: an item's index
 *
 * The plain text for the item's tooltip and SVG title: the entity's name,
 * or the relation's ends and label, and the first quote behind it. Made on
 * first use, as most items never show one.
 *
 * Returns: (transfer none): the title
 */
const char *
ent_scene_get_title (EntScene *self,
                     guint     index)
{
  const EntSceneItem *item;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  if (self->titles[index] != NULL)
    return self->titles[index];

  item = &g_array_index (self->items, EntSceneItem, index);
  if (item->type == ENT_SCENE_ITEM_NODE)
    {
      EntEntity *entity = ent_graph_get_entity (self->graph, item->id);
      self->titles[index] = make_title (entity->name, first_quote (self->graph, entity->quote_ids));
    }
  else
    self->titles[index] = edge_title (self, item);

  return self->titles[index];
}

static void
build_legend (EntScene *self)
{
  gboolean present[ENT_N_KINDS] = { FALSE };
  double x, y, row_height = ENT_STYLE_FONT_SIZE * 2.2;
  double max_width = MAX (360.0, self->bounds.x2 - self->bounds.x1);

  for (guint i = 0; i < self->graph->entities->len; i++)
    present[((EntEntity *) g_ptr_array_index (self->graph->entities, i))->kind] = TRUE;

  x = self->bounds.x1;
  y = self->bounds.y2 + 24;
  self->legend_bounds = (EntRect) { x - 8, y - 8, x, y };

  for (guint kind = 0; kind < ENT_N_KINDS; kind++)
    {
      EntSceneLegendEntry entry = { .kind = kind };
      PangoRectangle logical;
      double w, h, entry_width;

      if (!present[kind])
        continue;

      entry.layout = new_label_layout (ent_kind_get_label (kind), 0);
      pango_layout_get_extents (entry.layout, NULL, &logical);
      label_extents (&logical, NULL, &w, &h);
      entry_width = 22 + w + 18;

      if (x > self->bounds.x1 && x + entry_width > self->bounds.x1 + max_width)
        {
          x = self->bounds.x1;
          y += row_height;
        }

      entry.cx = x + 8;
      entry.cy = y + row_height / 2;
      entry.label_x = x + 20;
      entry.label_y = entry.cy - h / 2;
      g_array_append_val (self->legend, entry);

      ent_rect_union (&self->legend_bounds, &(EntRect) { x - 8, y - 8, x + entry_width, y + row_height + 8 });
      x += entry_width;
    }
}

/* Measures the whole scene and indexes every item's bounds. */
static void
index_items (EntScene *self)
{
  g_autofree EntRect *rects = g_new (EntRect, MAX (self->items->len, 1));

  self->bounds = (EntRect) { 0, 0, -1, -1 };
  for (guint i = 0; i < self->items->len; i++)
    {
      rects[i] = g_array_index (self->items, EntSceneItem, i).bounds;
      ent_rect_union (&self->bounds, &rects[i]);
    }
  if (ent_rect_is_empty (&self->bounds))
    self->bounds = (EntRect) { 0, 0, 0, 0 };

  g_clear_pointer (&self->index, ent_spatial_index_free);
  self->index = ent_spatial_index_new (rects, self->items->len);
}

static void
clear_item (gpointer data)
{
  EntSceneItem *item = data;

  g_free (item->label);
  g_clear_object (&item->layout);
}

static void
clear_legend_entry (gpointer data)
{
  EntSceneLegendEntry *entry = data;

  g_clear_object (&entry->layout);
}

/* The labels of @n items, each distinct text once, ready to measure; @item_measure gets each item's measure. */
static GArray *
collect_measures (const EntSceneItem *items,
                  guint               n,
                  guint              *item_measure)
{
  g_autoptr(GHashTable) measure_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *measures = g_array_new (FALSE, TRUE, sizeof (Measure));

  for (guint i = 0; i < n; i++)
    {
      double wrap_width = items[i].type == ENT_SCENE_ITEM_NODE ? ENT_STYLE_LABEL_WIDTH : 0;
      char *key = g_strdup_printf ("%g\n%s", wrap_width, items[i].label);
      gpointer found;

      if (g_hash_table_lookup_extended (measure_index, key, NULL, &found))
        {
          item_measure[i] = GPOINTER_TO_UINT (found);
          g_free (key);
          continue;
        }

      item_measure[i] = measures->len;
      g_array_append_vals (measures, &(Measure) { items[i].label, wrap_width }, 1);
      g_hash_table_insert (measure_index, key, GUINT_TO_POINTER (item_measure[i]));
    }

  return measures;
}

static void
apply_measures (EntSceneItem *items,
                guint         n,
                const guint  *item_measure,
                GArray       *measures)
{
  for (guint i = 0; i < n; i++)
    {
      items[i].label_ink = g_array_index (measures, Measure, item_measure[i]).ink;
      items[i].label_logical = g_array_index (measures, Measure, item_measure[i]).logical;
    }
}

/* Measures the labels of @n items, each distinct text once, and keeps the extents on the items. */
static void
measure_items (EntSceneItem *items,
               guint         n)
{
  g_autofree guint *item_measure = g_new (guint, n + 1);
  g_autoptr(GArray) measures = collect_measures (items, n, item_measure);

  measure_labels ((Measure *) measures->data, measures->len);
  apply_measures (items, n, item_measure, measures);
}

static guint
count_edges (EntScene *self)
{
  guint n_edges = 0;

  while (n_edges < self->items->len && g_array_index (self->items, EntSceneItem, n_edges).type == ENT_SCENE_ITEM_EDGE)
    n_edges++;

  return n_edges;
}

/* Places the edges anew with their labels measured, and indexes them so. Called with the lock held. */
static void
index_edge_labels (EntScene *self,
                   guint     n_edges)
{
  for (guint i = 0; i < n_edges; i++)
    place_edge (&g_array_index (self->items, EntSceneItem, i),
                &g_array_index (self->items, EntSceneItem, self->edge_ends[2 * i]),
                &g_array_index (self->items, EntSceneItem, self->edge_ends[2 * i + 1]));
  index_items (self);
  self->edge_labels_measured = TRUE;
}

/**
 * ent_scene_measure_edge_labels:
 * @self: a scene
 *
 * Measures the labels of the edges, which a new scene leaves out of their
 * bounds, and indexes the edges with them. Drawing calls this before it
 * shows an edge label; it does something only the first time.
 */
void
ent_scene_measure_edge_labels (EntScene *self)
{
  guint n_edges;

  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (!self->edge_labels_measured)
    {
      n_edges = count_edges (self);
      measure_items ((EntSceneItem *) self->items->data, n_edges);
      index_edge_labels (self, n_edges);
    }
  g_mutex_unlock (&self->lock);
}

/**
 * ent_scene_has_edge_labels:
 * @self: a scene
 *
 * Returns: whether the edge labels are measured and in the edges' bounds
 */
gboolean
ent_scene_has_edge_labels (EntScene *self)
{
  gboolean measured;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  measured = self->edge_labels_measured;
  g_mutex_unlock (&self->lock);

  return measured;
}

typedef struct
{
  EntScene *scene;          /* kept alive: the measures point at its labels */
  guint     n_edges;
  guint    *item_measure;
  GArray   *measures;
} EdgeLabelJob;

static void
edge_label_job_free (EdgeLabelJob *job)
{
  ent_scene_unref (job->scene);
  g_free (job->item_measure);
  g_array_unref (job->measures);
  g_free (job);
}

static void
measure_edge_labels_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  EdgeLabelJob *job = task_data;

  measure_labels_full ((Measure *) job->measures->data, job->measures->len, FALSE);
  g_task_return_boolean (task, TRUE);
}

/**
 * ent_scene_measure_edge_labels_async:
 * @self: a scene
 * @cancellable: (nullable): a cancellable
 * @callback: called when done
 * @user_data: for @callback
 *
 * Measures the edge labels on other threads, so that the first frame that
 * shows one need not wait; ent_scene_measure_edge_labels_finish(), called
 * on the scene's thread, puts them in place.
 */
void
ent_scene_measure_edge_labels_async (EntScene            *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  EdgeLabelJob *job;

  g_return_if_fail (self != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ent_scene_measure_edge_labels_async);
  if (self->edge_labels_measured)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The labels' text does not change once the scene is built, so the job may read it from another thread. */
  job = g_new0 (EdgeLabelJob, 1);
  job->scene = ent_scene_ref (self);
  job->n_edges = count_edges (self);
  job->item_measure = g_new (guint, job->n_edges + 1);
  job->measures = collect_measures ((const EntSceneItem *) self->items->data, job->n_edges, job->item_measure);
  g_task_set_task_data (task, job, (GDestroyNotify) edge_label_job_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, measure_edge_labels_thread);
}

/**
 * ent_scene_measure_edge_labels_finish:
 * @self: the scene
 * @result: the result given to the callback
 * @error: return location for an error
 *
 * Returns: %FALSE when cancelled
 */
gboolean
ent_scene_measure_edge_labels_finish (EntScene      *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  EdgeLabelJob *job;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  job = g_task_get_task_data (G_TASK (result));
  g_return_val_if_fail (job == NULL || job->scene == self, FALSE);
  g_mutex_lock (&self->lock);
  if (job != NULL && !self->edge_labels_measured)
    {
      apply_measures ((EntSceneItem *) self->items->data, job->n_edges, job->item_measure, job->measures);
      index_edge_labels (self, job->n_edges);
    }
  g_mutex_unlock (&self->lock);

  return TRUE;
}

/**
 * ent_scene_new:
 * @graph: the network
 * @positions: (element-type EntPosition): where each entity's node is centred
 *
 * Builds the display list. Entities without a position are left out, and so
 * are relations to them.
 *
 * Returns: (transfer full): the scene
 */
EntScene *
ent_scene_new (EntGraph *graph,
               GArray   *positions)
{
  EntScene *self;
  g_autoptr(GHashTable) by_entity = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) pair_counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) pair_slots = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (EntSceneItem));
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (guint64), graph->relations->len);
  g_autoptr(GPtrArray) node_positions = g_ptr_array_new ();
  g_autoptr(GArray) edge_ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_edges;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (positions != NULL, NULL);

  self = g_new0 (EntScene, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->graph = ent_graph_ref (graph);
  self->items = g_array_new (FALSE, FALSE, sizeof (EntSceneItem));
  g_array_set_clear_func (self->items, clear_item);
  self->legend = g_array_new (FALSE, FALSE, sizeof (EntSceneLegendEntry));
  g_array_set_clear_func (self->legend, clear_legend_entry);
  self->node_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_mutex_init (&self->lock);

  for (guint i = 0; i < positions->len; i++)
    {
      EntPosition *position = &g_array_index (positions, EntPosition, i);
      g_hash_table_insert (by_entity, &position->entity_id, position);
    }

  /* Nodes are built first, in an array of their own, for the edges to read; they are painted last. */
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      EntPosition *position = g_hash_table_lookup (by_entity, &entity->id);
      EntSceneItem item;

      if (position == NULL)
        continue;
      item = new_node (entity);
      g_array_append_val (nodes, item);
      g_ptr_array_add (node_positions, position);
    }

  for (guint i = 0; i < nodes->len; i++)
    {
      EntSceneItem *node = &g_array_index (nodes, EntSceneItem, i);
      g_hash_table_insert (self->node_index, g_memdup2 (&node->id, sizeof node->id), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      guint64 key = pair_key (relation->from_id, relation->to_id);
      gpointer count = g_hash_table_lookup (pair_counts, &key);

      g_array_append_val (keys, key);
      g_hash_table_insert (pair_counts, &g_array_index (keys, guint64, keys->len - 1),
                           GINT_TO_POINTER (GPOINTER_TO_INT (count) + 1));
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &relation->from_id));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &relation->to_id));
      guint64 *key = &g_array_index (keys, guint64, i);
      int slot = GPOINTER_TO_INT (g_hash_table_lookup (pair_slots, key));
      EntSceneItem item;

      g_hash_table_insert (pair_slots, key, GINT_TO_POINTER (slot + 1));
      if (from == 0 || to == 0)
        continue;

      item = new_edge (relation, slot, GPOINTER_TO_INT (g_hash_table_lookup (pair_counts, key)));
      g_array_append_val (self->items, item);
      g_array_append_val (edge_ends, from);
      g_array_append_val (edge_ends, to);
    }

  /* Node labels decide where shapes go and are measured now; edge labels, drawn only when zoomed in, when needed. */
  measure_items ((EntSceneItem *) nodes->data, nodes->len);

  for (guint i = 0; i < nodes->len; i++)
    {
      EntPosition *position = g_ptr_array_index (node_positions, i);
      place_node (&g_array_index (nodes, EntSceneItem, i), position->x, position->y);
    }
  for (guint i = 0; i < self->items->len; i++)
    place_edge (&g_array_index (self->items, EntSceneItem, i),
                &g_array_index (nodes, EntSceneItem, g_array_index (edge_ends, guint, 2 * i) - 1),
                &g_array_index (nodes, EntSceneItem, g_array_index (edge_ends, guint, 2 * i + 1) - 1));

  /* Now the nodes follow the edges, and the index maps to their final places. */
  n_edges = self->items->len;
  self->edge_ends = g_new (guint, 2 * n_edges + 1);
  for (guint i = 0; i < 2 * n_edges; i++)
    self->edge_ends[i] = g_array_index (edge_ends, guint, i) - 1 + n_edges;
  g_array_append_vals (self->items, nodes->data, nodes->len);
  g_array_set_size (nodes, 0);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->node_index);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_iter_replace (&iter, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + n_edges));
  }

  index_items (self);
  build_legend (self);
  self->titles = g_new0 (char *, self->items->len);

  return self;
}

G_DEFINE_BOXED_TYPE (EntScene, ent_scene, ent_scene_ref, ent_scene_unref)

EntScene *
ent_scene_ref (EntScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ent_scene_unref (EntScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->items->len; i++)
    g_free (self->titles[i]);
  g_free (self->titles);
  g_array_unref (self->items);
  g_array_unref (self->legend);
  g_hash_table_unref (self->layouts);
  g_mutex_clear (&self->lock);
  g_free (self->edge_ends);
  g_hash_table_unref (self->node_index);
  ent_spatial_index_free (self->index);
  ent_graph_unref (self->graph);
  g_free (self);
}

guint
ent_scene_get_n_items (EntScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

const EntSceneItem *
ent_scene_get_item (EntScene *self,
                    guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, EntSceneItem, index);
}

const EntSceneItem *
ent_scene_find_node (EntScene *self,
                     gint64    entity_id)
{
  guint index;

  g_return_val_if_fail (self != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &entity_id));
  return index > 0 ? &g_array_index (self->items, EntSceneItem, index - 1) : NULL;
}

void
ent_scene_get_bounds (EntScene *self,
                      gboolean  with_legend,
                      EntRect  *bounds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bounds != NULL);

  *bounds = self->bounds;
  if (with_legend && self->legend->len > 0)
    ent_rect_union (bounds, &self->legend_bounds);
}

void
ent_scene_get_legend (EntScene                   *self,
                      const EntSceneLegendEntry **entries,
                      guint                      *n_entries,
                      EntRect                    *bounds)
{
  g_return_if_fail (self != NULL);

  *entries = (const EntSceneLegendEntry *) self->legend->data;
  *n_entries = self->legend->len;
  *bounds = self->legend_bounds;
}

/**
 * ent_scene_move_node:
 * @self: a scene
 * @entity_id: the entity whose node moves
 * @x: the new centre of its box
 * @y: the new centre of its box
 *
 * Moves a node and the edges that meet it, as when it is dragged, without
 * building the spatial index anew (see ent_spatial_index_move()). The
 * scene's bounds grow to take the node in; the legend stays where it was.
 *
 * Returns: whether the entity has a node
 */
gboolean
ent_scene_move_node (EntScene *self,
                     gint64    entity_id,
                     double    x,
                     double    y)
{
  guint index;
  EntSceneItem *node;

  g_return_val_if_fail (self != NULL, FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->node_index, &entity_id));
  if (index == 0)
    return FALSE;

  node = &g_array_index (self->items, EntSceneItem, index - 1);
  place_node (node, x, y);
  ent_spatial_index_move (self->index, index - 1, &node->bounds);
  ent_rect_union (&self->bounds, &node->bounds);

  for (guint i = 0; i < self->items->len; i++)
    {
      EntSceneItem *edge = &g_array_index (self->items, EntSceneItem, i);

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (edge->from_id == entity_id || edge->to_id == entity_id)
        {
          place_edge (edge, ent_scene_find_node (self, edge->from_id), ent_scene_find_node (self, edge->to_id));
          ent_spatial_index_move (self->index, i, &edge->bounds);
          ent_rect_union (&self->bounds, &edge->bounds);
        }
    }

  return TRUE;
}

/* Appends the indices of the items whose bounds meet @rect, in paint order. */
void
ent_scene_query_rect (EntScene      *self,
                      const EntRect *rect,
                      GArray        *out)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  ent_spatial_index_query_rect (self->index, rect, out);
  g_mutex_unlock (&self->lock);
}

static double
distance_to_curve (const double *p,
                   double        x,
                   double        y)
{
  double best = G_MAXDOUBLE;
  double px = p[0], py = p[1];

  /* Sixteen chords follow these gentle curves to well under a point. */
  for (int i = 1; i <= 16; i++)
    {
      double t = i / 16.0, s = 1 - t;
      double qx = s * s * s * p[0] + 3 * s * s * t * p[2] + 3 * s * t * t * p[4] + t * t * t * p[6];
      double qy = s * s * s * p[1] + 3 * s * s * t * p[3] + 3 * s * t * t * p[5] + t * t * t * p[7];
      double dx = qx - px, dy = qy - py;
      double length2 = dx * dx + dy * dy;
      double u = length2 > 0 ? CLAMP (((x - px) * dx + (y - py) * dy) / length2, 0, 1) : 0;

      best = MIN (best, hypot (px + u * dx - x, py + u * dy - y));
      px = qx;
      py = qy;
    }

  return best;
}

/*
 * Whether a point is on an edge as hit tests take it: within three points
 * of its stroke, which is narrower than a pointer is accurate.
 */
gboolean
ent_scene_edge_hit (const EntSceneItem *edge,
                    double              x,
                    double              y)
{
  g_return_val_if_fail (edge != NULL && edge->type == ENT_SCENE_ITEM_EDGE, FALSE);

  return distance_to_curve (edge->p, x, y) <= edge->line_width / 2 + 3;
}

/**
 * ent_scene_hit_test:
 * @self: a scene
 * @x: graph coordinate
 * @y: graph coordinate
 *
 * Returns: the index of the topmost item at the point, nodes before the
 *   edges beneath them, or -1
 */
int
ent_scene_hit_test (EntScene *self,
                    double    x,
                    double    y)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (self != NULL, -1);

  g_mutex_lock (&self->lock);
  ent_spatial_index_query_point (self->index, x, y, hits);
  g_mutex_unlock (&self->lock);

  for (guint i = hits->len; i > 0; i--)
    {
      guint index = g_array_index (hits, guint, i - 1);
      const EntSceneItem *item = &g_array_index (self->items, EntSceneItem, index);

      if (item->type == ENT_SCENE_ITEM_NODE)
        return index;
      if (ent_scene_edge_hit (item, x, y))
        return index;
    }

  return -1;
}
