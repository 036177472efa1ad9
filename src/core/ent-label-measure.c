/* ent-label-measure.c: the size of labels, measured as they are drawn
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-label-measure"

#include "config.h"

#include "ent-label-measure.h"
#include "ent-style.h"

#include <pango/pangocairo.h>

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

/**
 * ent_label_layout_new:
 * @text: the label as drawn
 * @wrap_width: the width to wrap it to in points, or 0 for one line
 *
 * A layout for drawing: in the context of the thread that draws, which
 * measures exactly what it draws.
 *
 * Returns: (transfer full): the layout
 */
PangoLayout *
ent_label_layout_new (const char *text,
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
  EntLabelMeasure *measures;
  guint            n_measures;
  gint             next;           /* the next measure to take, atomically */
  GMutex           lock;
  GCond            done;
  guint            n_running;
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
          EntLabelMeasure *measure = &job->measures[i];
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
measure_labels (EntLabelMeasure *measures,
                guint            n_measures,
                gboolean         on_this_thread)
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

/**
 * ent_label_measure:
 * @measures: (array length=n_measures): the labels, whose extents are set
 * @n_measures: how many
 *
 * Measures labels on this thread and the pool's. The thread that builds
 * scenes draws their labels, so the first to call this draws with the
 * context it measured in.
 */
void
ent_label_measure (EntLabelMeasure *measures,
                   guint            n_measures)
{
  if (drawing_context == NULL)
    get_pango_context ();

  measure_labels (measures, n_measures, TRUE);
}

/**
 * ent_label_measure_in_pool:
 * @measures: (array length=n_measures): the labels, whose extents are set
 * @n_measures: how many
 *
 * Measures labels on the pool's threads only, for a thread that does not
 * draw: it waits rather than loads fonts of its own.
 */
void
ent_label_measure_in_pool (EntLabelMeasure *measures,
                           guint            n_measures)
{
  measure_labels (measures, n_measures, FALSE);
}
