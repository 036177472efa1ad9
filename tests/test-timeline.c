/* test-timeline.c: dates as spans of days, the timeline of a network, and filters by what happened or was reported when
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-test-util.h"
#include "ent-timeline.h"

#include <stdlib.h>
#include <string.h>

static gint32
day (guint year,
     guint month,
     guint d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);
  return (gint32) g_date_get_julian (&date);
}

static void
assert_span (const char       *start,
             const char       *end,
             EntTimeBand       band,
             gint32            first,
             gint32            after,
             EntTimePrecision  precision)
{
  EntTimeRange span;
  EntTimePrecision p;

  g_assert_true (ent_time_span_of_dates (start, end, &span, &p));
  g_assert_cmpint (span.band, ==, band);
  g_assert_cmpint (span.start, ==, first);
  g_assert_cmpint (span.end, ==, after);
  g_assert_cmpint (p, ==, precision);
}

static void
test_spans (void)
{
  EntTimeRange span;

  assert_span ("1991", NULL, ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1), ENT_TIME_YEAR);
  assert_span ("2024-03", NULL, ENT_TIME_BAND_YEARS, day (2024, 3, 1), day (2024, 4, 1), ENT_TIME_MONTH);
  assert_span ("2024-12", NULL, ENT_TIME_BAND_YEARS, day (2024, 12, 1), day (2025, 1, 1), ENT_TIME_MONTH);
  assert_span ("2024-03-11", NULL, ENT_TIME_BAND_YEARS, day (2024, 3, 11), day (2024, 3, 12), ENT_TIME_DAY);
  /* A day without its year: day 0 is 1 January of a leap year, so 11 March is day 31 + 29 + 10. */
  assert_span ("--03-11", NULL, ENT_TIME_BAND_YEARLESS, 70, 71, ENT_TIME_DAY);
  assert_span ("--03-11", "--03-13", ENT_TIME_BAND_YEARLESS, 70, 73, ENT_TIME_DAY);
  assert_span ("--02-29", NULL, ENT_TIME_BAND_YEARLESS, 59, 60, ENT_TIME_DAY);
  assert_span ("--12-31", NULL, ENT_TIME_BAND_YEARLESS, 365, 366, ENT_TIME_DAY);
  /* From the start of the start's span to the end of the end's. */
  assert_span ("1991", "1993", ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1994, 1, 1), ENT_TIME_YEAR);
  assert_span ("1991", "1991", ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1), ENT_TIME_YEAR);
  assert_span ("2024-03", "2024-05-02", ENT_TIME_BAND_YEARS, day (2024, 3, 1), day (2024, 5, 3), ENT_TIME_MONTH);
  /* A start inside its end's year: the end's span reaches further. */
  assert_span ("2024-03-11", "2024", ENT_TIME_BAND_YEARS, day (2024, 3, 11), day (2025, 1, 1), ENT_TIME_DAY);

  g_assert_false (ent_time_span_parse (NULL, &span, NULL));
  g_assert_false (ent_time_span_parse ("", &span, NULL));
  g_assert_false (ent_time_span_parse ("1991-13", &span, NULL));
  g_assert_false (ent_time_span_parse ("--02-30", &span, NULL));
  g_assert_false (ent_time_span_parse ("March 1991", &span, NULL));
  g_assert_false (ent_time_span_of_dates (NULL, NULL, &span, NULL));
  g_assert_false (ent_time_span_of_dates ("soon", "later", &span, NULL));
}

/* Dates that do not make a range as they stand: the start's span alone, or the end's when there is no start. */
static void
test_hostile_spans (void)
{
  /* End before start. */
  assert_span ("1995", "1991", ENT_TIME_BAND_YEARS, day (1995, 1, 1), day (1996, 1, 1), ENT_TIME_YEAR);
  assert_span ("--03-13", "--03-11", ENT_TIME_BAND_YEARLESS, 72, 73, ENT_TIME_DAY);
  /* Only an end, or a start that is not a date. */
  assert_span (NULL, "2024-03", ENT_TIME_BAND_YEARS, day (2024, 3, 1), day (2024, 4, 1), ENT_TIME_MONTH);
  assert_span ("in spring", "2024-03-11", ENT_TIME_BAND_YEARS, day (2024, 3, 11), day (2024, 3, 12), ENT_TIME_DAY);
  /* An end in the other band cannot be placed against the start. */
  assert_span ("1991", "--03-13", ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1), ENT_TIME_YEAR);
  assert_span ("--03-11", "2024", ENT_TIME_BAND_YEARLESS, 70, 71, ENT_TIME_DAY);
  /* The edges of what a date can say. */
  assert_span ("0001", NULL, ENT_TIME_BAND_YEARS, day (1, 1, 1), day (2, 1, 1), ENT_TIME_YEAR);
  assert_span ("9999-12", NULL, ENT_TIME_BAND_YEARS, day (9999, 12, 1), day (9999, 12, 31) + 1, ENT_TIME_MONTH);
}

static void
assert_format (EntTimeBand  band,
               gint32       start,
               gint32       end,
               const char  *text,
               const char  *happened,
               const char  *reported)
{
  EntTimeRange range = { band, start, end };
  g_autofree char *formatted = ent_time_range_format (&range);
  g_autofree char *caption = ent_time_range_caption (&range, ENT_TIME_HAPPENED);
  g_autofree char *caption2 = ent_time_range_caption (&range, ENT_TIME_REPORTED);

  g_assert_cmpstr (formatted, ==, text);
  g_assert_cmpstr (caption, ==, happened);
  g_assert_cmpstr (caption2, ==, reported);
}

static void
test_format (void)
{
  assert_format (ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1), "1991",
                 "Only what happened in 1991", "Only what was reported in 1991");
  assert_format (ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1996, 1, 1), "1991 – 1995",
                 "Only what happened between 1991 and 1995", "Only what was reported between 1991 and 1995");
  assert_format (ENT_TIME_BAND_YEARS, day (2024, 3, 1), day (2024, 6, 1), "March 2024 – May 2024",
                 "Only what happened between March 2024 and May 2024",
                 "Only what was reported between March 2024 and May 2024");
  assert_format (ENT_TIME_BAND_YEARS, day (2024, 3, 1), day (2024, 4, 1), "March 2024",
                 "Only what happened in March 2024", "Only what was reported in March 2024");
  assert_format (ENT_TIME_BAND_YEARS, day (2024, 3, 11), day (2024, 3, 12), "11 March 2024",
                 "Only what happened on 11 March 2024", "Only what was reported on 11 March 2024");
  assert_format (ENT_TIME_BAND_YEARS, day (2024, 3, 11), day (2024, 3, 14), "11–13 March 2024",
                 "Only what happened on 11–13 March 2024", "Only what was reported on 11–13 March 2024");
  assert_format (ENT_TIME_BAND_YEARS, day (2024, 3, 30), day (2024, 4, 3), "30 March 2024 – 2 April 2024",
                 "Only what happened between 30 March 2024 and 2 April 2024",
                 "Only what was reported between 30 March 2024 and 2 April 2024");
  assert_format (ENT_TIME_BAND_YEARLESS, 70, 73, "11–13 March",
                 "Only what happened on 11–13 March (year not given)",
                 "Only what was reported on 11–13 March (year not given)");
  assert_format (ENT_TIME_BAND_YEARLESS, 60, 91, "March",
                 "Only what happened in March (year not given)", "Only what was reported in March (year not given)");
  assert_format (ENT_TIME_BAND_YEARLESS, 0, ENT_TIME_YEARLESS_DAYS, "January – December",
                 "Only what happened between January and December (year not given)",
                 "Only what was reported between January and December (year not given)");
}

static void
assert_range (const EntTimeRange *range,
              gint32              start,
              gint32              end)
{
  g_assert_cmpint (range->start, ==, start);
  g_assert_cmpint (range->end, ==, end);
}

/* A range moves by its own width in its own units, and its end by one of them. */
static void
test_moves (void)
{
  EntTimeRange range = { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };

  ent_time_range_move (&range, 1);
  assert_range (&range, day (1992, 1, 1), day (1993, 1, 1));
  ent_time_range_extend (&range, 1);
  assert_range (&range, day (1992, 1, 1), day (1994, 1, 1));
  ent_time_range_move (&range, -1);
  assert_range (&range, day (1990, 1, 1), day (1992, 1, 1));
  ent_time_range_extend (&range, -5);
  assert_range (&range, day (1990, 1, 1), day (1991, 1, 1));

  range = (EntTimeRange) { ENT_TIME_BAND_YEARS, day (2024, 1, 1), day (2024, 3, 1) };
  ent_time_range_move (&range, 1);
  assert_range (&range, day (2024, 3, 1), day (2024, 5, 1));

  range = (EntTimeRange) { ENT_TIME_BAND_YEARLESS, 70, 73 };
  ent_time_range_move (&range, 1);
  assert_range (&range, 73, 76);
  /* Not past the end of the band. */
  range = (EntTimeRange) { ENT_TIME_BAND_YEARLESS, 335, 366 };
  ent_time_range_move (&range, 1);
  assert_range (&range, 335, 366);
  range = (EntTimeRange) { ENT_TIME_BAND_YEARLESS, 0, 31 };
  ent_time_range_move (&range, -1);
  assert_range (&range, 0, 31);
}

static const EntTimeItem *
find_item (EntTimeline     *timeline,
           EntTimeItemType  type,
           gint64           id)
{
  guint n_items;
  const EntTimeItem *items = ent_timeline_get_items (timeline, &n_items);

  for (guint i = 0; i < n_items; i++)
    if (items[i].type == type && items[i].id == id)
      return &items[i];
  return NULL;
}

/* The year of a date as the file writes it, read without the timeline: 0 for none or a day without a year. */
static int
year_of (const char *date)
{
  if (date == NULL || strlen (date) < 4 || g_str_has_prefix (date, "--"))
    return 0;
  return atoi (date);
}

static gboolean
in_1991 (const char *start,
         const char *end)
{
  int first = year_of (start), last = year_of (end);

  if (first == 0)
    first = last;
  if (last < first)
    last = first;
  return first != 0 && first <= 1991 && 1991 <= last;
}

static void
test_bundled (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(EntTimeline) timeline = ent_timeline_new (graph);
  EntEntity *visit = find_entity (graph, "Aleinik's visit to India");
  const EntTimeItem *item;
  EntTimeRange extent;
  guint n_items, n_1991 = 0, n_yearless = 0;
  const EntTimeItem *items = ent_timeline_get_items (timeline, &n_items);

  g_assert_cmpuint (n_items, >, 0);
  for (guint i = 0; i < n_items; i++)
    {
      /* By band, then by start. */
      if (i > 0)
        g_assert_true (items[i - 1].span.band < items[i].span.band ||
                       (items[i - 1].span.band == items[i].span.band &&
                        items[i - 1].span.start <= items[i].span.start));
      if (items[i].span.band == ENT_TIME_BAND_YEARS)
        {
          g_assert_cmpint (items[i].span.start, ==, day (1991, 1, 1));
          g_assert_cmpint (items[i].span.end, ==, day (1992, 1, 1));
          g_assert_cmpint (items[i].precision, ==, ENT_TIME_YEAR);
          n_1991++;
        }
      else
        n_yearless++;
      /* The bundled source has no date: nothing is placed by when it was reported. */
      g_assert_cmpint (items[i].type, !=, ENT_TIME_ITEM_SOURCE);
    }
  g_assert_cmpuint (n_1991, >, 0);
  g_assert_cmpuint (n_yearless, >, 0);

  item = find_item (timeline, ENT_TIME_ITEM_ENTITY, visit->id);
  g_assert_nonnull (item);
  g_assert_cmpint (item->span.band, ==, ENT_TIME_BAND_YEARLESS);
  g_assert_cmpint (item->span.start, ==, 70);
  g_assert_cmpint (item->span.end, ==, 73);
  g_assert_cmpstr (item->label, ==, "Aleinik's visit to India");

  g_assert_true (ent_timeline_get_extent (timeline, ENT_TIME_BAND_YEARS, &extent));
  assert_range (&extent, day (1991, 1, 1), day (1992, 1, 1));
  g_assert_true (ent_timeline_get_extent (timeline, ENT_TIME_BAND_YEARLESS, &extent));
  assert_range (&extent, 70, 73);
}

static void
test_happened_1991 (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(EntTimeline) timeline = ent_timeline_new (graph);
  EntTimeRange range = { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };
  g_autoptr(EntItemFilter) filter = ent_timeline_filter (timeline, ENT_TIME_HAPPENED, &range);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n_relations = 0;

  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what happened in 1991");

  /* The expectation, from the graph's own dates. */
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (in_1991 (entity->start_date, entity->end_date))
        g_hash_table_add (entities, g_memdup2 (&entity->id, sizeof (gint64)));
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const EntRelation *relation = g_ptr_array_index (graph->relations, i);
      gboolean expected = in_1991 (relation->start_date, relation->end_date);

      g_assert_cmpint (ent_item_filter_has_relation (filter, relation->id), ==, expected);
      if (!expected)
        continue;
      n_relations++;
      g_hash_table_add (entities, g_memdup2 (&relation->from_id, sizeof (gint64)));
      g_hash_table_add (entities, g_memdup2 (&relation->to_id, sizeof (gint64)));
    }
  g_assert_cmpuint (n_relations, >, 0);
  g_assert_cmpuint (ent_item_filter_get_n_relations (filter), ==, n_relations);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, g_hash_table_size (entities));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const EntEntity *entity = g_ptr_array_index (graph->entities, i);

      g_assert_cmpint (ent_item_filter_has_entity (filter, entity->id), ==,
                       g_hash_table_contains (entities, &entity->id));
    }
}

static void
test_happened_yearless (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(EntTimeline) timeline = ent_timeline_new (graph);
  EntEntity *visit = find_entity (graph, "Aleinik's visit to India");
  EntTimeRange range = { ENT_TIME_BAND_YEARLESS, 72, 73 };   /* 13 March */
  g_autoptr(EntItemFilter) filter = ent_timeline_filter (timeline, ENT_TIME_HAPPENED, &range);
  g_autoptr(EntItemFilter) before = NULL;
  g_autoptr(EntItemFilter) after = NULL;

  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what happened on 13 March (year not given)");
  g_assert_true (ent_item_filter_has_entity (filter, visit->id));

  /* The days on either side of the visit, and a year in which nothing is dated. */
  range = (EntTimeRange) { ENT_TIME_BAND_YEARLESS, 60, 70 };
  before = ent_timeline_filter (timeline, ENT_TIME_HAPPENED, &range);
  g_assert_cmpuint (ent_item_filter_get_n_entities (before), ==, 0);
  g_assert_cmpuint (ent_item_filter_get_n_relations (before), ==, 0);
  range = (EntTimeRange) { ENT_TIME_BAND_YEARS, day (2000, 1, 1), day (2001, 1, 1) };
  after = ent_timeline_filter (timeline, ENT_TIME_HAPPENED, &range);
  g_assert_cmpuint (ent_item_filter_get_n_entities (after), ==, 0);
  g_assert_cmpuint (ent_item_filter_get_n_relations (after), ==, 0);
  g_assert_cmpstr (ent_item_filter_get_caption (after), ==, "Only what happened in 2000");
}

static EntEntity *
add_entity (EntGraph   *graph,
            gint64      id,
            const char *start,
            const char *end)
{
  EntEntity *entity = g_new0 (EntEntity, 1);

  entity->id = id;
  entity->kind = ENT_KIND_PERSON;
  entity->name = g_strdup_printf ("Entity %" G_GINT64_FORMAT, id);
  entity->start_date = g_strdup (start);
  entity->end_date = g_strdup (end);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ent_graph_take_entity (graph, entity);
  return entity;
}

static EntRelation *
add_relation (EntGraph *graph,
              gint64    id,
              gint64    from_id,
              gint64    to_id)
{
  EntRelation *relation = g_new0 (EntRelation, 1);

  relation->id = id;
  relation->kind = g_strdup ("meets");
  relation->from_id = from_id;
  relation->to_id = to_id;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ent_graph_take_relation (graph, relation);
  return relation;
}

static void
add_source (EntGraph   *graph,
            gint64      id,
            const char *published)
{
  EntSource *source = g_new0 (EntSource, 1);

  source->id = id;
  source->title = g_strdup_printf ("Source %" G_GINT64_FORMAT, id);
  source->published = g_strdup (published);
  source->body = g_strdup ("text");
  ent_graph_take_source (graph, source);
}

static void
add_quote (EntGraph *graph,
           gint64    id,
           gint64    source_id,
           GArray   *backs)
{
  EntQuote *quote = g_new0 (EntQuote, 1);

  quote->id = id;
  quote->source_id = source_id;
  quote->start = 0;
  quote->end = 4;
  quote->text = g_strdup ("text");
  ent_graph_take_quote (graph, quote);
  g_array_append_val (backs, id);
}

static void
test_reported (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(EntTimeline) timeline = NULL;
  g_autoptr(EntItemFilter) march = NULL;
  g_autoptr(EntItemFilter) year = NULL;
  g_autoptr(EntItemFilter) empty = NULL;
  EntEntity *a = add_entity (graph, 1, NULL, NULL);
  EntEntity *b = add_entity (graph, 2, "1991", NULL);
  EntEntity *c = add_entity (graph, 3, NULL, NULL);
  EntRelation *ab;
  EntTimeRange range = { ENT_TIME_BAND_YEARS, day (2024, 3, 1), day (2024, 4, 1) };
  gint64 disputing = 14;

  add_entity (graph, 4, NULL, NULL);
  ab = add_relation (graph, 10, 1, 2);
  add_source (graph, 100, "2024-03-11");
  add_source (graph, 101, "2024-05");
  add_source (graph, 102, NULL);
  add_source (graph, 103, "2024-03-20");

  /* Published on 11 March 2024: supports the relation a–b, and c. */
  add_quote (graph, 11, 100, ab->quote_ids);
  add_quote (graph, 12, 100, c->quote_ids);
  /* Published in May: supports a. */
  add_quote (graph, 13, 101, a->quote_ids);
  /* Published on 20 March but disputing a: not what it reported. */
  add_quote (graph, 14, 103, a->quote_ids);
  a->disputing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (a->disputing_ids, disputing);
  /* No date: on no timeline. */
  add_quote (graph, 15, 102, b->quote_ids);

  timeline = ent_timeline_new (graph);
  g_assert_nonnull (find_item (timeline, ENT_TIME_ITEM_SOURCE, 100));
  g_assert_nonnull (find_item (timeline, ENT_TIME_ITEM_SOURCE, 101));
  g_assert_null (find_item (timeline, ENT_TIME_ITEM_SOURCE, 102));

  march = ent_timeline_filter (timeline, ENT_TIME_REPORTED, &range);
  g_assert_cmpstr (ent_item_filter_get_caption (march), ==, "Only what was reported in March 2024");
  g_assert_true (ent_item_filter_has_relation (march, 10));
  g_assert_true (ent_item_filter_has_entity (march, 3));
  /* a and b as the ends of a–b. */
  g_assert_true (ent_item_filter_has_entity (march, 1));
  g_assert_true (ent_item_filter_has_entity (march, 2));
  g_assert_false (ent_item_filter_has_entity (march, 4));
  g_assert_cmpuint (ent_item_filter_get_n_entities (march), ==, 3);
  g_assert_cmpuint (ent_item_filter_get_n_relations (march), ==, 1);

  range = (EntTimeRange) { ENT_TIME_BAND_YEARS, day (2024, 4, 1), day (2025, 1, 1) };
  year = ent_timeline_filter (timeline, ENT_TIME_REPORTED, &range);
  g_assert_true (ent_item_filter_has_entity (year, 1));
  g_assert_cmpuint (ent_item_filter_get_n_entities (year), ==, 1);
  g_assert_cmpuint (ent_item_filter_get_n_relations (year), ==, 0);

  /* What happened in 1991 was not reported then. */
  range = (EntTimeRange) { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };
  empty = ent_timeline_filter (timeline, ENT_TIME_REPORTED, &range);
  g_assert_cmpuint (ent_item_filter_get_n_entities (empty), ==, 0);
  g_assert_cmpuint (ent_item_filter_get_n_relations (empty), ==, 0);
}

/* Items whose dates overlap the range, long ones that start well before it among them; none that end before it. */
static void
test_overlaps (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(EntTimeline) timeline = NULL;
  g_autoptr(EntItemFilter) filter = NULL;
  EntTimeRange range = { ENT_TIME_BAND_YEARS, day (2000, 6, 1), day (2000, 7, 1) };

  add_entity (graph, 1, "1900", "2020");      /* long, starts first */
  add_entity (graph, 2, "1999", "1999");      /* before */
  add_entity (graph, 3, "2000-05-31", NULL);  /* the day before */
  add_entity (graph, 4, "2000-06-30", NULL);  /* the last day */
  add_entity (graph, 5, "2000-07-01", NULL);  /* the day after */
  add_entity (graph, 6, NULL, "2000");        /* only an end */
  add_entity (graph, 7, "2001", "1990");      /* end before start: 2001 */
  add_entity (graph, 8, "--06-15", NULL);     /* no year */
  timeline = ent_timeline_new (graph);

  filter = ent_timeline_filter (timeline, ENT_TIME_HAPPENED, &range);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what happened in June 2000");
  g_assert_true (ent_item_filter_has_entity (filter, 1));
  g_assert_false (ent_item_filter_has_entity (filter, 2));
  g_assert_false (ent_item_filter_has_entity (filter, 3));
  g_assert_true (ent_item_filter_has_entity (filter, 4));
  g_assert_false (ent_item_filter_has_entity (filter, 5));
  g_assert_true (ent_item_filter_has_entity (filter, 6));
  g_assert_false (ent_item_filter_has_entity (filter, 7));
  g_assert_false (ent_item_filter_has_entity (filter, 8));
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 3);
}

/* A network without dates has an empty timeline, and every filter of it is empty. */
static void
test_no_dates (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(EntTimeline) timeline = NULL;
  g_autoptr(EntItemFilter) filter = NULL;
  EntTimeRange range = { ENT_TIME_BAND_YEARS, day (2000, 1, 1), day (2001, 1, 1) };
  EntTimeRange extent;
  guint n_items;

  add_entity (graph, 1, NULL, NULL);
  add_entity (graph, 2, "yesterday", "");
  timeline = ent_timeline_new (graph);
  ent_timeline_get_items (timeline, &n_items);
  g_assert_cmpuint (n_items, ==, 0);
  g_assert_false (ent_timeline_get_extent (timeline, ENT_TIME_BAND_YEARS, &extent));
  g_assert_false (ent_timeline_get_extent (timeline, ENT_TIME_BAND_YEARLESS, &extent));
  filter = ent_timeline_filter (timeline, ENT_TIME_HAPPENED, &range);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/spans", test_spans);
  g_test_add_func ("/timeline/hostile-spans", test_hostile_spans);
  g_test_add_func ("/timeline/format", test_format);
  g_test_add_func ("/timeline/moves", test_moves);
  g_test_add_func ("/timeline/bundled", test_bundled);
  g_test_add_func ("/timeline/happened-1991", test_happened_1991);
  g_test_add_func ("/timeline/happened-yearless", test_happened_yearless);
  g_test_add_func ("/timeline/reported", test_reported);
  g_test_add_func ("/timeline/overlaps", test_overlaps);
  g_test_add_func ("/timeline/no-dates", test_no_dates);

  return g_test_run ();
}
