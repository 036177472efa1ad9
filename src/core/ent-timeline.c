/* ent-timeline.c: the dated entities, relations and sources of a graph on a time axis, and filters by time
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-timeline.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* The leap year that stands in for a year not given, as ent_date_is_valid() reads such dates. */
#define YEARLESS_YEAR 2000

static gint32
julian (guint year,
        guint month,
        guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return (gint32) g_date_get_julian (&date);
}

/* The last day GDate and the dates of the file can hold, and the day after it. */
static gint32
years_limit (void)
{
  return julian (9999, 12, 31) + 1;
}

/**
 * ent_time_day:
 * @band: the scale
 * @year: the year; ignored for %ENT_TIME_BAND_YEARLESS
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Returns: the day number of a valid date in @band
 */
gint32
ent_time_day (EntTimeBand band,
              guint       year,
              guint       month,
              guint       day)
{
  if (band == ENT_TIME_BAND_YEARLESS)
    return julian (YEARLESS_YEAR, month, day) - julian (YEARLESS_YEAR, 1, 1);
  return julian (year, month, day);
}

/* The date of a day number; @year is 0 in the yearless band. Day 366 of that band is the 1 January after it. */
void
ent_time_day_to_date (EntTimeBand  band,
                      gint32       day_number,
                      guint       *year,
                      guint       *month,
                      guint       *day)
{
  GDate date;

  g_date_clear (&date, 1);
  if (band == ENT_TIME_BAND_YEARLESS)
    day_number += julian (YEARLESS_YEAR, 1, 1);
  g_date_set_julian (&date, (guint32) CLAMP (day_number, 1, years_limit ()));
  *year = band == ENT_TIME_BAND_YEARLESS ? 0 : g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *day = g_date_get_day (&date);
}

static gint32
clamp_day (EntTimeBand band,
           gint32      day_number)
{
  if (band == ENT_TIME_BAND_YEARLESS)
    return CLAMP (day_number, 0, ENT_TIME_YEARLESS_DAYS);
  return CLAMP (day_number, julian (1, 1, 1), years_limit ());
}

/**
 * ent_time_span_parse:
 * @date: (nullable): a date as stored: "1991", "2024-03", "2024-03-11", "--03-11"
 * @span: (out): the days it covers: the whole year, month or day
 * @precision: (out) (optional): what it gives
 *
 * Returns: %FALSE, and nothing set, when @date is not a valid date
 */
gboolean
ent_time_span_parse (const char       *date,
                     EntTimeRange     *span,
                     EntTimePrecision *precision)
{
  guint year = 0, month = 0, day = 0;
  EntTimePrecision p;
  EntTimeBand band;
  gsize len;

  if (!ent_date_is_valid (date))
    return FALSE;

  len = strlen (date);
  if (g_str_has_prefix (date, "--"))
    {
      band = ENT_TIME_BAND_YEARLESS;
      month = (date[2] - '0') * 10 + (date[3] - '0');
      day = (date[5] - '0') * 10 + (date[6] - '0');
      p = ENT_TIME_DAY;
    }
  else
    {
      band = ENT_TIME_BAND_YEARS;
      year = (guint) g_ascii_strtoull (date, NULL, 10);
      month = len >= 7 ? (date[5] - '0') * 10 + (date[6] - '0') : 1;
      day = len == 10 ? (date[8] - '0') * 10 + (date[9] - '0') : 1;
      p = len == 4 ? ENT_TIME_YEAR : len == 7 ? ENT_TIME_MONTH : ENT_TIME_DAY;
    }

  span->band = band;
  span->start = ent_time_day (band, year, month, day);
  span->end = ent_time_add_units (band, span->start, p, 1);
  if (precision != NULL)
    *precision = p;
  return TRUE;
}

/**
 * ent_time_span_of_dates:
 * @start: (nullable): the start date of an entity or relation
 * @end: (nullable): its end date
 * @span: (out): the days it covers
 * @precision: (out) (optional): the precision of the date it is placed by
 *
 * From the start of @start's span to the end of @end's: "--03-11" to
 * "--03-13" covers three days. With only one of them valid, its span; with
 * an end before the start, or in the other band, the start's span alone.
 *
 * Returns: %FALSE when neither date is valid
 */
gboolean
ent_time_span_of_dates (const char       *start,
                        const char       *end,
                        EntTimeRange     *span,
                        EntTimePrecision *precision)
{
  EntTimeRange first, last;
  EntTimePrecision first_precision, last_precision;
  gboolean has_start = ent_time_span_parse (start, &first, &first_precision);
  gboolean has_end = ent_time_span_parse (end, &last, &last_precision);

  if (!has_start && !has_end)
    return FALSE;

  if (!has_start)
    {
      *span = last;
      first_precision = last_precision;
    }
  else
    {
      *span = first;
      if (has_end && last.band == first.band && last.end > first.start)
        span->end = MAX (first.end, last.end);
    }

  if (precision != NULL)
    *precision = first_precision;
  return TRUE;
}

/* Day @day_number moved by @n whole units: days, months or years (which the yearless band holds only one of). */
gint32
ent_time_add_units (EntTimeBand      band,
                    gint32           day_number,
                    EntTimePrecision unit,
                    int              n)
{
  GDate date;
  gint32 base = band == ENT_TIME_BAND_YEARLESS ? julian (YEARLESS_YEAR, 1, 1) : 0;

  if (unit == ENT_TIME_DAY)
    return clamp_day (band, day_number + n);
  if (band == ENT_TIME_BAND_YEARLESS && unit == ENT_TIME_YEAR)
    return n > 0 ? ENT_TIME_YEARLESS_DAYS : n < 0 ? 0 : day_number;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) CLAMP (day_number + base, 1, years_limit ()));
  if (unit == ENT_TIME_MONTH)
    {
      /* Past the last month GDate holds, or before the first, the band's edge. */
      if (n > 0)
        g_date_add_months (&date, (guint) MIN (n, 12 * (9999 - (int) g_date_get_year (&date) + 1)));
      else if (n < 0)
        g_date_subtract_months (&date, (guint) MIN (-n, 12 * ((int) g_date_get_year (&date) - 1) +
                                                        (int) g_date_get_month (&date) - 1));
    }
  else
    {
      if (n > 0)
        g_date_add_years (&date, (guint) MIN (n, 10000 - (int) g_date_get_year (&date)));
      else if (n < 0)
        g_date_subtract_years (&date, (guint) MIN (-n, (int) g_date_get_year (&date) - 1));
    }

  return clamp_day (band, (gint32) g_date_get_julian (&date) - base);
}

/* The first day of the unit (day, month, year) that @day_number falls in. */
gint32
ent_time_floor (EntTimeBand      band,
                gint32           day_number,
                EntTimePrecision unit)
{
  guint year, month, day;

  if (unit == ENT_TIME_DAY)
    return day_number;
  if (band == ENT_TIME_BAND_YEARLESS && (unit == ENT_TIME_YEAR || day_number >= ENT_TIME_YEARLESS_DAYS))
    return unit == ENT_TIME_YEAR ? 0 : day_number;

  ent_time_day_to_date (band, day_number, &year, &month, &day);
  return ent_time_day (band, year, unit == ENT_TIME_YEAR ? 1 : month, 1);
}

/* Whether @range is whole years, whole months, or days. The whole yearless band is January to December. */
EntTimePrecision
ent_time_range_get_precision (const EntTimeRange *range)
{
  EntTimeBand band = range->band;

  if (band == ENT_TIME_BAND_YEARS &&
      ent_time_floor (band, range->start, ENT_TIME_YEAR) == range->start &&
      ent_time_floor (band, range->end, ENT_TIME_YEAR) == range->end)
    return ENT_TIME_YEAR;
  if (ent_time_floor (band, range->start, ENT_TIME_MONTH) == range->start &&
      ent_time_floor (band, range->end, ENT_TIME_MONTH) == range->end)
    return ENT_TIME_MONTH;
  return ENT_TIME_DAY;
}

gboolean
ent_time_range_overlaps (const EntTimeRange *a,
                         const EntTimeRange *b)
{
  return a->band == b->band && a->start < b->end && b->start < a->end;
}

gboolean
ent_time_range_equal (const EntTimeRange *a,
                      const EntTimeRange *b)
{
  return a->band == b->band && a->start == b->start && a->end == b->end;
}

/* How many of @unit @range holds, for a range that starts and ends on them. */
int
ent_time_range_count_units (const EntTimeRange *range,
             EntTimePrecision    unit)
{
  guint y1, m1, d1, y2, m2, d2;

  if (unit == ENT_TIME_DAY)
    return range->end - range->start;

  ent_time_day_to_date (ENT_TIME_BAND_YEARS, range->start + (range->band == ENT_TIME_BAND_YEARLESS ?
                                                             julian (YEARLESS_YEAR, 1, 1) : 0), &y1, &m1, &d1);
  ent_time_day_to_date (ENT_TIME_BAND_YEARS, range->end + (range->band == ENT_TIME_BAND_YEARLESS ?
                                                           julian (YEARLESS_YEAR, 1, 1) : 0), &y2, &m2, &d2);
  if (unit == ENT_TIME_YEAR)
    return (int) y2 - (int) y1;
  return ((int) y2 - (int) y1) * 12 + (int) m2 - (int) m1;
}

/*
 * Moves @range by its own width @steps times, in its own units: 1991 goes to
 * 1992, March–May 2024 to June–August 2024. It stays inside its band.
 */
void
ent_time_range_move (EntTimeRange *range,
                     int           steps)
{
  EntTimePrecision unit = ent_time_range_get_precision (range);
  int n = MAX (ent_time_range_count_units (range, unit), 1);
  EntTimeRange moved = *range;

  moved.start = ent_time_add_units (range->band, range->start, unit, n * steps);
  moved.end = ent_time_add_units (range->band, moved.start, unit, n);
  if (ent_time_range_count_units (&moved, unit) < n)
    {
      /* It met the edge of its band: it ends there instead. */
      if (steps > 0)
        {
          moved.end = range->band == ENT_TIME_BAND_YEARLESS ? ENT_TIME_YEARLESS_DAYS : years_limit ();
          moved.start = ent_time_add_units (range->band, moved.end, unit, -n);
        }
      else
        {
          moved.start = range->band == ENT_TIME_BAND_YEARLESS ? 0 : julian (1, 1, 1);
          moved.end = ent_time_add_units (range->band, moved.start, unit, n);
        }
    }
  *range = moved;
}

/* Moves the end of @range by @units of its own units, keeping at least one. */
void
ent_time_range_extend (EntTimeRange *range,
                       int           units)
{
  EntTimePrecision unit = ent_time_range_get_precision (range);

  range->end = ent_time_add_units (range->band, range->end, unit, units);
  if (range->end <= range->start)
    range->end = ent_time_add_units (range->band, range->start, unit, 1);
}

static char *
month_name (guint month)
{
  /* Any year will do to name a month; strftime gives it in the user's language. */
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  return g_date_time_format (dt, "%B");
}

/* A unit of @range's precision starting on @day_number, for people: "1991", "March 2024", "11 March". */
static char *
format_unit (EntTimeBand      band,
             gint32           day_number,
             EntTimePrecision unit)
{
  guint year, month, day;
  char date[16];

  ent_time_day_to_date (band, day_number, &year, &month, &day);
  if (unit == ENT_TIME_YEAR)
    g_snprintf (date, sizeof date, "%04u", year);
  else if (unit == ENT_TIME_MONTH && band == ENT_TIME_BAND_YEARLESS)
    return month_name (month);
  else if (unit == ENT_TIME_MONTH)
    g_snprintf (date, sizeof date, "%04u-%02u", year, month);
  else if (band == ENT_TIME_BAND_YEARLESS)
    g_snprintf (date, sizeof date, "--%02u-%02u", month, day);
  else
    g_snprintf (date, sizeof date, "%04u-%02u-%02u", year, month, day);

  return ent_date_format (date);
}

typedef enum
{
  SHAPE_ONE,      /* one year, month or day: "1991" */
  SHAPE_DAYS,     /* days of one month: "11–13 March" */
  SHAPE_BETWEEN   /* from one unit to another: "March 2024", "May 2024" */
} Shape;

static Shape
range_text (const EntTimeRange *range,
            char              **first,
            char              **last)
{
  EntTimePrecision unit = ent_time_range_get_precision (range);
  gint32 last_start = ent_time_add_units (range->band, range->end, unit, -1);
  guint y1, m1, d1, y2, m2, d2;

  *first = format_unit (range->band, range->start, unit);
  *last = NULL;
  if (last_start <= range->start)
    return SHAPE_ONE;

  ent_time_day_to_date (range->band, range->start, &y1, &m1, &d1);
  ent_time_day_to_date (range->band, last_start, &y2, &m2, &d2);
  if (unit == ENT_TIME_DAY && y1 == y2 && m1 == m2)
    {
      char a[16], b[16];

      if (range->band == ENT_TIME_BAND_YEARLESS)
        {
          g_snprintf (a, sizeof a, "--%02u-%02u", m1, d1);
          g_snprintf (b, sizeof b, "--%02u-%02u", m2, d2);
        }
      else
        {
          g_snprintf (a, sizeof a, "%04u-%02u-%02u", y1, m1, d1);
          g_snprintf (b, sizeof b, "%04u-%02u-%02u", y2, m2, d2);
        }
      g_free (*first);
      *first = ent_date_format_range (a, b);
      return SHAPE_DAYS;
    }

  *last = format_unit (range->band, last_start, unit);
  return SHAPE_BETWEEN;
}

/* A range for people: "1991", "March 2024 – May 2024", "11–13 March". */
char *
ent_time_range_format (const EntTimeRange *range)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (range != NULL, NULL);

  if (range_text (range, &first, &last) != SHAPE_BETWEEN)
    return g_steal_pointer (&first);
  return g_strdup_printf ("%s – %s", first, last);
}

/*
 * The caption of a filter by @range: "Only what happened in 1991", "Only
 * what was reported between March 2024 and May 2024", "Only what happened
 * on 11–13 March (year not given)".
 */
char *
ent_time_range_caption (const EntTimeRange *range,
                        EntTimeMode         mode)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *caption = NULL;
  Shape shape;
  gboolean on;

  g_return_val_if_fail (range != NULL, NULL);

  shape = range_text (range, &first, &last);
  on = ent_time_range_get_precision (range) == ENT_TIME_DAY;
  if (mode == ENT_TIME_HAPPENED)
    {
      if (shape == SHAPE_BETWEEN)
        /* Translators: a filter of the diagram by time, e.g. "Only what happened between March 2024 and May 2024" */
        caption = g_strdup_printf (_("Only what happened between %s and %s"), first, last);
      else if (on)
        /* Translators: a filter of the diagram by time, e.g. "Only what happened on 11–13 March 2024" */
        caption = g_strdup_printf (_("Only what happened on %s"), first);
      else
        /* Translators: a filter of the diagram by time, e.g. "Only what happened in 1991" */
        caption = g_strdup_printf (_("Only what happened in %s"), first);
    }
  else
    {
      if (shape == SHAPE_BETWEEN)
        /* Translators: a filter of the diagram by the sources' dates,
         * e.g. "Only what was reported between March 2024 and May 2024" */
        caption = g_strdup_printf (_("Only what was reported between %s and %s"), first, last);
      else if (on)
        /* Translators: a filter of the diagram by the sources' dates, e.g. "Only what was reported on 11 March 2024" */
        caption = g_strdup_printf (_("Only what was reported on %s"), first);
      else
        /* Translators: a filter of the diagram by the sources' dates, e.g. "Only what was reported in 1991" */
        caption = g_strdup_printf (_("Only what was reported in %s"), first);
    }

  if (range->band == ENT_TIME_BAND_YEARLESS)
    /* Translators: a filter by days given without their year,
     * e.g. "Only what happened on 11–13 March (year not given)" */
    return g_strdup_printf (_("%s (year not given)"), caption);
  return g_steal_pointer (&caption);
}

/* An entity or relation that a source supports. */
typedef struct
{
  EntTimeItemType type;
  gint64          id;
  gint64          from_id;
  gint64          to_id;
} Supported;

/* Items of one kind (happened or reported) of one band, by start, and the latest end of each with those before it. */
typedef struct
{
  GArray *items;      /* guint, indices into the timeline's items */
  GArray *max_end;    /* gint32 */
} Index;

struct _EntTimeline
{
  EntGraph *graph;
  GArray   *items;                            /* EntTimeItem, by band and start */
  GArray   *supported;                        /* Supported, of each source item in turn */
  GHashTable *support_offsets;                /* source id → first index into supported + 1 */
  GHashTable *support_counts;                 /* source id → how many */
  Index     happened[ENT_TIME_N_BANDS];
  Index     reported[ENT_TIME_N_BANDS];
  EntTimeRange extent[ENT_TIME_N_BANDS];
  gboolean  has_band[ENT_TIME_N_BANDS];
};

static EntTimeItem *
add_item (EntTimeline     *self,
          EntTimeItemType  type,
          gint64           id,
          const char      *start,
          const char      *end,
          const char      *label)
{
  EntTimeItem item = { type, id, { 0, 0, 0 }, ENT_TIME_DAY, NULL, 0, 0 };

  if (!ent_time_span_of_dates (start, end, &item.span, &item.precision))
    return NULL;

  item.label = g_strdup (label != NULL ? label : "");
  g_array_append_val (self->items, item);
  return &g_array_index (self->items, EntTimeItem, self->items->len - 1);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const EntTimeItem *x = a, *y = b;

  if (x->span.band != y->span.band)
    return x->span.band < y->span.band ? -1 : 1;
  if (x->span.start != y->span.start)
    return x->span.start < y->span.start ? -1 : 1;
  if (x->span.end != y->span.end)
    return x->span.end < y->span.end ? -1 : 1;
  if (x->type != y->type)
    return x->type < y->type ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
index_add (Index *index,
           guint  item_index,
           gint32 end)
{
  gint32 max_end = end;

  if (index->max_end->len > 0)
    max_end = MAX (max_end, g_array_index (index->max_end, gint32, index->max_end->len - 1));
  g_array_append_val (index->items, item_index);
  g_array_append_val (index->max_end, max_end);
}

static void
add_supported (EntTimeline     *self,
               GHashTable      *by_source,
               EntTimeItemType  type,
               gint64           id,
               gint64           from_id,
               gint64           to_id,
               GArray          *quote_ids,
               GArray          *disputing_ids)
{
  if (quote_ids == NULL)
    return;

  for (guint i = 0; i < quote_ids->len; i++)
    {
      gint64 quote_id = g_array_index (quote_ids, gint64, i);
      const EntQuote *quote;
      GArray *list;
      Supported entry = { type, id, from_id, to_id };

      if (ent_quote_ids_contain (disputing_ids, quote_id))
        continue;
      quote = ent_graph_get_quote (self->graph, quote_id);
      if (quote == NULL)
        continue;
      list = g_hash_table_lookup (by_source, &quote->source_id);
      if (list != NULL)
        g_array_append_val (list, entry);
    }
}

/*
 * Places the dated entities and relations of @graph, and its sources by the
 * date they were published, on the time axis: a day without a year in a band
 * of its own. Each item covers the days of its dates, as
 * ent_time_span_of_dates() reads them.
 */
EntTimeline *
ent_timeline_new (EntGraph *graph)
{
  EntTimeline *self;
  g_autoptr(GHashTable) by_source = NULL;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (EntTimeline, 1);
  self->graph = ent_graph_ref (graph);
  self->items = g_array_new (FALSE, FALSE, sizeof (EntTimeItem));
  self->supported = g_array_new (FALSE, FALSE, sizeof (Supported));
  self->support_offsets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->support_counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      const EntEntity *entity = g_ptr_array_index (graph->entities, i);

      add_item (self, ENT_TIME_ITEM_ENTITY, entity->id, entity->start_date, entity->end_date, entity->name);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const EntRelation *relation = g_ptr_array_index (graph->relations, i);
      EntTimeItem *item = add_item (self, ENT_TIME_ITEM_RELATION, relation->id, relation->start_date,
                                    relation->end_date, relation->label != NULL ? relation->label : relation->kind);

      if (item != NULL)
        {
          item->from_id = relation->from_id;
          item->to_id = relation->to_id;
        }
    }

  /* What each dated source supports, as flat runs of one array. */
  by_source = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < graph->sources->len; i++)
    {
      const EntSource *source = g_ptr_array_index (graph->sources, i);
      EntTimeRange span;

      if (!ent_time_span_parse (source->published, &span, NULL))
        continue;
      add_item (self, ENT_TIME_ITEM_SOURCE, source->id, source->published, NULL, source->title);
      g_hash_table_insert (by_source, (gpointer) &source->id, g_array_new (FALSE, FALSE, sizeof (Supported)));
    }
  if (g_hash_table_size (by_source) > 0)
    {
      GHashTableIter iter;
      gpointer key, value;

      for (guint i = 0; i < graph->entities->len; i++)
        {
          const EntEntity *entity = g_ptr_array_index (graph->entities, i);

          add_supported (self, by_source, ENT_TIME_ITEM_ENTITY, entity->id, 0, 0, entity->quote_ids,
                         entity->disputing_ids);
        }
      for (guint i = 0; i < graph->relations->len; i++)
        {
          const EntRelation *relation = g_ptr_array_index (graph->relations, i);

          add_supported (self, by_source, ENT_TIME_ITEM_RELATION, relation->id, relation->from_id,
                         relation->to_id, relation->quote_ids, relation->disputing_ids);
        }

      g_hash_table_iter_init (&iter, by_source);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GArray *list = value;

          g_hash_table_insert (self->support_offsets, g_memdup2 (key, sizeof (gint64)),
                               GUINT_TO_POINTER (self->supported->len + 1));
          g_hash_table_insert (self->support_counts, g_memdup2 (key, sizeof (gint64)), GUINT_TO_POINTER (list->len));
          g_array_append_vals (self->supported, list->data, list->len);
        }
    }

  g_array_sort (self->items, compare_items);

  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    {
      self->happened[b].items = g_array_new (FALSE, FALSE, sizeof (guint));
      self->happened[b].max_end = g_array_new (FALSE, FALSE, sizeof (gint32));
      self->reported[b].items = g_array_new (FALSE, FALSE, sizeof (guint));
      self->reported[b].max_end = g_array_new (FALSE, FALSE, sizeof (gint32));
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const EntTimeItem *item = &g_array_index (self->items, EntTimeItem, i);
      EntTimeBand b = item->span.band;

      index_add (item->type == ENT_TIME_ITEM_SOURCE ? &self->reported[b] : &self->happened[b], i, item->span.end);
      if (!self->has_band[b])
        {
          self->extent[b] = item->span;
          self->has_band[b] = TRUE;
        }
      self->extent[b].end = MAX (self->extent[b].end, item->span.end);
    }

  return self;
}

void
ent_timeline_free (EntTimeline *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->items->len; i++)
    g_free (g_array_index (self->items, EntTimeItem, i).label);
  g_array_unref (self->items);
  g_array_unref (self->supported);
  g_hash_table_unref (self->support_offsets);
  g_hash_table_unref (self->support_counts);
  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    {
      g_array_unref (self->happened[b].items);
      g_array_unref (self->happened[b].max_end);
      g_array_unref (self->reported[b].items);
      g_array_unref (self->reported[b].max_end);
    }
  ent_graph_unref (self->graph);
  g_free (self);
}

EntGraph *
ent_timeline_get_graph (EntTimeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->graph;
}

/* The dated entities, relations and sources, by band, then by start. */
const EntTimeItem *
ent_timeline_get_items (EntTimeline *self,
                        guint       *n_items)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_items = self->items->len;
  return (const EntTimeItem *) self->items->data;
}

/* The days from the first start to the last end of the items in @band; %FALSE when it has none. */
gboolean
ent_timeline_get_extent (EntTimeline  *self,
                         EntTimeBand   band,
                         EntTimeRange *extent)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (band < ENT_TIME_N_BANDS, FALSE);

  if (!self->has_band[band])
    return FALSE;
  *extent = self->extent[band];
  return TRUE;
}

/* The positions in @index of the items that overlap @range: [*first, *last). */
static void
index_find (EntTimeline        *self,
            const Index        *index,
            const EntTimeRange *range,
            guint              *first,
            guint              *last)
{
  const guint *items = (const guint *) index->items->data;
  const gint32 *max_end = (const gint32 *) index->max_end->data;
  guint lo = 0, hi = index->items->len;

  /* The first that starts at or after the range's end: none from there on overlaps it. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->items, EntTimeItem, items[mid]).span.start < range->end)
        lo = mid + 1;
      else
        hi = mid;
    }
  *last = lo;

  /* The first whose latest end so far passes the range's start: none before it reaches the range. */
  lo = 0;
  hi = *last;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (max_end[mid] <= range->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
}

/*
 * A relation and its two ends, which it cannot be shown without, as
 * ent_item_filter_add_ends() adds them: here without going through all the
 * relations of the graph at each step of a drag.
 */
static void
add_relation (EntItemFilter *filter,
              gint64         id,
              gint64         from_id,
              gint64         to_id)
{
  ent_item_filter_add_relation (filter, id);
  ent_item_filter_add_entity (filter, from_id);
  ent_item_filter_add_entity (filter, to_id);
}

/**
 * ent_timeline_filter:
 * @self: a timeline
 * @mode: what happened in @range, or what was reported in it
 * @range: the days
 *
 * %ENT_TIME_HAPPENED: the entities and relations whose dates overlap @range;
 * what has no date is left out. %ENT_TIME_REPORTED: the entities and
 * relations that a quote of a source published in @range supports (not one
 * that disputes them). Either way with the ends of the relations, and a
 * caption that says the range.
 *
 * Returns: (transfer full): the filter
 */
EntItemFilter *
ent_timeline_filter (EntTimeline        *self,
                     EntTimeMode         mode,
                     const EntTimeRange *range)
{
  g_autofree char *caption = NULL;
  EntItemFilter *filter;
  const Index *index;
  guint first, last;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (range != NULL && range->band < ENT_TIME_N_BANDS, NULL);

  caption = ent_time_range_caption (range, mode);
  filter = ent_item_filter_new (caption);
  index = mode == ENT_TIME_HAPPENED ? &self->happened[range->band] : &self->reported[range->band];
  index_find (self, index, range, &first, &last);

  for (guint i = first; i < last; i++)
    {
      const EntTimeItem *item = &g_array_index (self->items, EntTimeItem,
                                                g_array_index (index->items, guint, i));

      if (item->span.end <= range->start)
        continue;

      if (item->type == ENT_TIME_ITEM_ENTITY)
        ent_item_filter_add_entity (filter, item->id);
      else if (item->type == ENT_TIME_ITEM_RELATION)
        add_relation (filter, item->id, item->from_id, item->to_id);
      else
        {
          guint offset = GPOINTER_TO_UINT (g_hash_table_lookup (self->support_offsets, &item->id));
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->support_counts, &item->id));

          for (guint j = 0; offset > 0 && j < count; j++)
            {
              const Supported *entry = &g_array_index (self->supported, Supported, offset - 1 + j);

              if (entry->type == ENT_TIME_ITEM_ENTITY)
                ent_item_filter_add_entity (filter, entry->id);
              else
                add_relation (filter, entry->id, entry->from_id, entry->to_id);
            }
        }
    }

  return filter;
}
