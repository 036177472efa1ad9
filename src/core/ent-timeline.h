/* ent-timeline.h: the dated entities, relations and sources of a graph on a time axis, and filters by time
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-graph.h"
#include "ent-item-filter.h"

G_BEGIN_DECLS

/*
 * Two scales that cannot be placed against each other: days of the calendar
 * (day numbers as GDate's julian days, 1 = 1 January of year 1), and days of
 * a year that is not given ("--03-11"), counted from 0 = 1 January in a leap
 * year, so that 29 February has its place; that band runs from 0 to 366.
 */
typedef enum
{
  ENT_TIME_BAND_YEARS,
  ENT_TIME_BAND_YEARLESS,
  ENT_TIME_N_BANDS
} EntTimeBand;

#define ENT_TIME_YEARLESS_DAYS 366

/* How precise a date, or a range, is. */
typedef enum
{
  ENT_TIME_DAY,
  ENT_TIME_MONTH,
  ENT_TIME_YEAR
} EntTimePrecision;

/* Days [@start, @end) of one band. */
typedef struct
{
  EntTimeBand band;
  gint32      start;
  gint32      end;
} EntTimeRange;

/* What the filter of a time range lets through: what happened then, or what was reported then. */
typedef enum
{
  ENT_TIME_HAPPENED,
  ENT_TIME_REPORTED
} EntTimeMode;

typedef enum
{
  ENT_TIME_ITEM_ENTITY,
  ENT_TIME_ITEM_RELATION,
  ENT_TIME_ITEM_SOURCE
} EntTimeItemType;

typedef struct
{
  EntTimeItemType   type;
  gint64            id;
  EntTimeRange      span;
  /* Of its start's date, or of its end's when it has only an end. */
  EntTimePrecision  precision;
  /* Its name, label or title; owned by the timeline. */
  char             *label;
  /* A relation's ends; 0 for others. */
  gint64            from_id;
  gint64            to_id;
} EntTimeItem;

gboolean          ent_time_span_parse          (const char         *date,
                                                EntTimeRange       *span,
                                                EntTimePrecision   *precision);
gboolean          ent_time_span_of_dates       (const char         *start,
                                                const char         *end,
                                                EntTimeRange       *span,
                                                EntTimePrecision   *precision);
gint32            ent_time_day                 (EntTimeBand         band,
                                                guint               year,
                                                guint               month,
                                                guint               day);
void              ent_time_day_to_date         (EntTimeBand         band,
                                                gint32              day_number,
                                                guint              *year,
                                                guint              *month,
                                                guint              *day);
EntTimePrecision  ent_time_range_get_precision (const EntTimeRange *range);
gboolean          ent_time_range_overlaps      (const EntTimeRange *a,
                                                const EntTimeRange *b);
gboolean          ent_time_range_equal         (const EntTimeRange *a,
                                                const EntTimeRange *b);
gint32            ent_time_add_units           (EntTimeBand         band,
                                                gint32              day_number,
                                                EntTimePrecision    unit,
                                                int                 n);
gint32            ent_time_floor               (EntTimeBand         band,
                                                gint32              day_number,
                                                EntTimePrecision    unit);
int               ent_time_range_count_units   (const EntTimeRange *range,
                                                EntTimePrecision    unit);
void              ent_time_range_move          (EntTimeRange       *range,
                                                int                 steps);
void              ent_time_range_extend        (EntTimeRange       *range,
                                                int                 units);
char             *ent_time_range_format        (const EntTimeRange *range);
char             *ent_time_range_caption       (const EntTimeRange *range,
                                                EntTimeMode         mode);

typedef struct _EntTimeline EntTimeline;

EntTimeline       *ent_timeline_new            (EntGraph           *graph);
void               ent_timeline_free           (EntTimeline        *self);
EntGraph          *ent_timeline_get_graph      (EntTimeline        *self);
const EntTimeItem *ent_timeline_get_items      (EntTimeline        *self,
                                                guint              *n_items);
gboolean           ent_timeline_get_extent     (EntTimeline        *self,
                                                EntTimeBand         band,
                                                EntTimeRange       *extent);
EntItemFilter     *ent_timeline_filter         (EntTimeline        *self,
                                                EntTimeMode         mode,
                                                const EntTimeRange *range);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntTimeline, ent_timeline_free)

G_END_DECLS
