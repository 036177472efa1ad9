/* ent-source-filter.c: what one source, a publisher or a time of publication supports
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-source-filter"

#include "config.h"

#include "ent-source-filter.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * A date as a number that orders as the days do, YYYYMMDD, for the first or
 * the last day of its span: "2024" is 20240101 to 20241231, "2024-02"
 * 20240201 to 20240231 (no real day lies between the 29th and the "31st").
 * A day without a year cannot be placed against one, so it has no span.
 */
static gboolean
date_span (const char *date,
           guint      *first,
           guint      *last)
{
  guint year, month = 0, day = 0;
  gsize len;

  if (!ent_date_is_valid (date) || g_str_has_prefix (date, "--"))
    return FALSE;

  len = strlen (date);
  year = (guint) g_ascii_strtoull (date, NULL, 10);
  if (len >= 7)
    month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  if (len == 10)
    day = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  *first = year * 10000 + MAX (month, 1) * 100 + MAX (day, 1);
  *last = year * 10000 + (month != 0 ? month : 12) * 100 + (day != 0 ? day : 31);
  return TRUE;
}

/* What a selection asks of a source, worked out once for many sources. */
typedef struct
{
  char     *publisher;  /* folded, or %NULL for any */
  gboolean  has_from;
  gboolean  has_to;
  guint     from;       /* the first day of published_from's span */
  guint     to;         /* the last day of published_to's span */
} Criteria;

/* A bound that is not a date, or a day without a year, is ignored, as the page ignores what it cannot read. */
static void
criteria_init (Criteria                 *criteria,
               const EntSourceSelection *selection)
{
  guint unused;

  *criteria = (Criteria) { NULL, FALSE, FALSE, 0, 0 };
  if (selection->publisher != NULL && selection->publisher[0] != '\0')
    criteria->publisher = g_utf8_casefold (selection->publisher, -1);
  criteria->has_from = date_span (selection->published_from, &criteria->from, &unused);
  criteria->has_to = date_span (selection->published_to, &unused, &criteria->to);
}

/*
 * Whether @source is of the publisher and time asked for. A source without a
 * date is in no range; one dated only partly ("2024") is in a range that
 * holds any day of its span.
 */
static gboolean
criteria_match (const Criteria  *criteria,
                const EntSource *source)
{
  if (criteria->publisher != NULL)
    {
      g_autofree char *folded = NULL;

      if (source->publisher == NULL)
        return FALSE;
      folded = g_utf8_casefold (source->publisher, -1);
      if (strcmp (folded, criteria->publisher) != 0)
        return FALSE;
    }

  if (criteria->has_from || criteria->has_to)
    {
      guint first, last;

      if (!date_span (source->published, &first, &last))
        return FALSE;
      if (criteria->has_from && last < criteria->from)
        return FALSE;
      if (criteria->has_to && first > criteria->to)
        return FALSE;
    }

  return TRUE;
}

static void
criteria_clear (Criteria *criteria)
{
  g_clear_pointer (&criteria->publisher, g_free);
}

/**
 * ent_source_selection_matches:
 * @selection: what is asked for
 * @source: a source
 *
 * Returns: whether @source is one of those @selection chooses
 */
gboolean
ent_source_selection_matches (const EntSourceSelection *selection,
                              const EntSource          *source)
{
  Criteria criteria;
  gboolean matches;

  g_return_val_if_fail (selection != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (selection->source_ids != NULL && selection->source_ids->len > 0 &&
      !ent_quote_ids_contain (selection->source_ids, source->id))
    return FALSE;

  criteria_init (&criteria, selection);
  matches = criteria_match (&criteria, source);
  criteria_clear (&criteria);
  return matches;
}

/*
 * Ids to small numbers (a source's place in the graph): an array indexed by
 * the id when the ids are about as many as the numbers they span, as a
 * store's are, a hash table when they are scattered.
 */
typedef struct
{
  gint64      min;
  gsize       len;
  gint32     *dense;
  GArray     *ids;     /* gint64, the keys of @sparse */
  GHashTable *sparse;  /* gint64 * (into @ids) → value + 1 */
} IdMap;

/* @ids (gint64) to @values (gint32), one for one; takes @ids. */
static void
id_map_init (IdMap  *map,
             GArray *ids,
             gint32 *values)
{
  gint64 min = G_MAXINT64, max = G_MININT64;

  *map = (IdMap) { 0, 0, NULL, ids, NULL };
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      min = MIN (min, id);
      max = MAX (max, id);
    }
  if (ids->len == 0)
    return;

  if ((guint64) (max - min) < (guint64) ids->len * 4 + 1024)
    {
      map->min = min;
      map->len = (gsize) (max - min) + 1;
      map->dense = g_new (gint32, map->len);
      memset (map->dense, 0xff, map->len * sizeof (gint32));
      for (guint i = 0; i < ids->len; i++)
        map->dense[g_array_index (ids, gint64, i) - min] = values[i];
    }
  else
    {
      map->sparse = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_insert (map->sparse, &g_array_index (ids, gint64, i), GINT_TO_POINTER (values[i] + 1));
    }
}

/* The value of @id, or -1 for an id the map does not hold. */
static inline gint32
id_map_get (const IdMap *map,
            gint64       id)
{
  if (map->dense != NULL)
    return id >= map->min && (guint64) (id - map->min) < map->len ? map->dense[id - map->min] : -1;
  if (map->sparse != NULL)
    return GPOINTER_TO_INT (g_hash_table_lookup (map->sparse, &id)) - 1;
  return -1;
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->dense, g_free);
  g_clear_pointer (&map->sparse, g_hash_table_unref);
  g_clear_pointer (&map->ids, g_array_unref);
}

/*
 * Each source's id to its place in graph->sources, and each quote's id to its
 * source's place. The quotes are read once, into plain arrays, as each lies
 * elsewhere in memory.
 */
static void
map_quotes_to_sources (EntGraph *graph,
                       IdMap    *sources,
                       IdMap    *quotes)
{
  GArray *source_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), graph->sources->len);
  GArray *quote_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), graph->quotes->len);
  g_autofree gint32 *places = g_new (gint32, MAX (MAX (graph->sources->len, graph->quotes->len), 1));
  g_autofree gint64 *quote_sources = g_new (gint64, MAX (graph->quotes->len, 1));

  for (guint i = 0; i < graph->sources->len; i++)
    {
      const EntSource *source = g_ptr_array_index (graph->sources, i);

      g_array_append_val (source_ids, source->id);
      places[i] = (gint32) i;
    }
  id_map_init (sources, source_ids, places);

  for (guint i = 0; i < graph->quotes->len; i++)
    {
      const EntQuote *quote = g_ptr_array_index (graph->quotes, i);

      g_array_append_val (quote_ids, quote->id);
      quote_sources[i] = quote->source_id;
    }
  for (guint i = 0; i < graph->quotes->len; i++)
    places[i] = id_map_get (sources, quote_sources[i]);
  id_map_init (quotes, quote_ids, places);
}

/* Whether a quote of @quote_ids from a source @chosen marks supports rather than disputes. */
static gboolean
supported_by (GArray       *quote_ids,
              GArray       *disputing_ids,
              const IdMap  *quotes,
              const guint8 *chosen)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      gint64 quote_id = g_array_index (quote_ids, gint64, i);
      gint32 source = id_map_get (quotes, quote_id);

      if (source >= 0 && chosen[source] && !ent_quote_ids_contain (disputing_ids, quote_id))
        return TRUE;
    }
  return FALSE;
}

/* "between 1 March 2024 and 2025", "since 1991", "until March 2024"; %NULL without a date. */
static char *
describe_dates (const EntSourceSelection *selection,
                const Criteria           *criteria)
{
  g_autofree char *from = criteria->has_from ? ent_date_format (selection->published_from) : NULL;
  g_autofree char *to = criteria->has_to ? ent_date_format (selection->published_to) : NULL;

  if (from != NULL && to != NULL)
    /* Translators: when sources were published, e.g. "between 1 March 2024 and 2025" */
    return g_strdup_printf (_("between %s and %s"), from, to);
  if (from != NULL)
    /* Translators: when sources were published, e.g. "since March 2024" */
    return g_strdup_printf (_("since %s"), from);
  if (to != NULL)
    /* Translators: when sources were published, e.g. "until 1991" */
    return g_strdup_printf (_("until %s"), to);
  return NULL;
}

static char *
describe (EntGraph                 *graph,
          const EntSourceSelection *selection,
          const Criteria           *criteria)
{
  guint n_sources = selection->source_ids != NULL ? selection->source_ids->len : 0;
  g_autofree char *dates = describe_dates (selection, criteria);
  const char *publisher = criteria->publisher != NULL ? selection->publisher : NULL;
  g_autofree char *who = NULL;
  EntSource *source = NULL;

  if (n_sources == 0)
    {
      if (publisher != NULL && dates != NULL)
        /* Translators: a filter's caption, e.g. "Only what ‘The Hindu’ published since 2024" */
        return g_strdup_printf (_("Only what ‘%s’ published %s"), publisher, dates);
      if (publisher != NULL)
        /* Translators: a filter's caption: what the sources of a publisher support */
        return g_strdup_printf (_("Only what ‘%s’ published"), publisher);
      if (dates != NULL)
        /* Translators: a filter's caption, e.g. "Only what sources published since 2024 support" */
        return g_strdup_printf (_("Only what sources published %s support"), dates);
      return g_strdup (_("Only what the sources support"));
    }

  if (n_sources == 1)
    source = ent_graph_get_source (graph, g_array_index (selection->source_ids, gint64, 0));
  if (source != NULL)
    /* Translators: a filter's caption: what one source supports */
    who = g_strdup_printf (_("Only what ‘%s’ supports"), source->title != NULL ? source->title : "");
  else
    /* Translators: a filter's caption: what the chosen sources support */
    who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Only what %u source supports",
                                        "Only what %u sources support", n_sources),
                           n_sources);

  if (publisher != NULL && dates != NULL)
    /* Translators: a filter's caption, e.g. "Only what 3 sources support, published by ‘The Hindu’ since 2024" */
    return g_strdup_printf (_("%s, published by ‘%s’ %s"), who, publisher, dates);
  if (publisher != NULL)
    /* Translators: a filter's caption, e.g. "Only what 3 sources support, published by ‘The Hindu’" */
    return g_strdup_printf (_("%s, published by ‘%s’"), who, publisher);
  if (dates != NULL)
    /* Translators: a filter's caption, e.g. "Only what 3 sources support, published since 2024" */
    return g_strdup_printf (_("%s, published %s"), who, dates);
  return g_steal_pointer (&who);
}

/**
 * ent_source_filter_new:
 * @graph: the network
 * @selection: the sources to ask about
 *
 * The entities and relations that at least one quote from a chosen source
 * supports (a quote that disputes them does not count), with the ends of
 * those relations, which they cannot be shown without.
 *
 * Returns: (transfer full): the filter, with a caption that says what it chose
 */
EntItemFilter *
ent_source_filter_new (EntGraph                 *graph,
                       const EntSourceSelection *selection)
{
  g_autofree guint8 *chosen = NULL;
  g_autofree char *caption = NULL;
  EntItemFilter *filter;
  IdMap sources, quotes;
  Criteria criteria;
  gboolean any = FALSE;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  criteria_init (&criteria, selection);
  caption = describe (graph, selection, &criteria);
  filter = ent_item_filter_new (caption);

  map_quotes_to_sources (graph, &sources, &quotes);
  chosen = g_new0 (guint8, MAX (graph->sources->len, 1));
  if (selection->source_ids != NULL && selection->source_ids->len > 0)
    {
      for (guint i = 0; i < selection->source_ids->len; i++)
        {
          gint32 place = id_map_get (&sources, g_array_index (selection->source_ids, gint64, i));

          if (place >= 0)
            chosen[place] = 1;
        }
    }
  else
    memset (chosen, 1, graph->sources->len);

  for (guint i = 0; i < graph->sources->len; i++)
    {
      if (chosen[i])
        chosen[i] = criteria_match (&criteria, g_ptr_array_index (graph->sources, i));
      any |= chosen[i];
    }

  if (any)
    {
      for (guint i = 0; i < graph->entities->len; i++)
        {
          const EntEntity *entity = g_ptr_array_index (graph->entities, i);

          if (supported_by (entity->quote_ids, entity->disputing_ids, &quotes, chosen))
            ent_item_filter_add_entity (filter, entity->id);
        }
      for (guint i = 0; i < graph->relations->len; i++)
        {
          const EntRelation *relation = g_ptr_array_index (graph->relations, i);

          /* Its ends as ent_item_filter_add_ends() would add them, without another pass over the relations. */
          if (supported_by (relation->quote_ids, relation->disputing_ids, &quotes, chosen))
            {
              ent_item_filter_add_relation (filter, relation->id);
              ent_item_filter_add_entity (filter, relation->from_id);
              ent_item_filter_add_entity (filter, relation->to_id);
            }
        }
    }

  id_map_clear (&sources);
  id_map_clear (&quotes);
  criteria_clear (&criteria);
  return filter;
}

/* Adds one to each source's count that supports the item with @quote_ids, once a source; @seen marks who did. */
static void
count_item (GArray  *quote_ids,
            GArray  *disputing_ids,
            IdMap   *quotes,
            guint   *seen,
            guint    stamp,
            GArray  *counts,
            gboolean relation)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      gint64 quote_id = g_array_index (quote_ids, gint64, i);
      gint32 source = id_map_get (quotes, quote_id);
      EntSourceSupport *support;

      if (source < 0 || seen[source] == stamp || ent_quote_ids_contain (disputing_ids, quote_id))
        continue;
      seen[source] = stamp;
      support = &g_array_index (counts, EntSourceSupport, source);
      if (relation)
        support->n_relations++;
      else
        support->n_entities++;
    }
}

/**
 * ent_source_support_count:
 * @graph: the network
 *
 * Returns: (transfer full) (element-type EntSourceSupport): how many entities
 *   and relations each source supports (as ent_source_filter_new() counts
 *   support, without the ends of relations), one a source in @graph's order
 */
GArray *
ent_source_support_count (EntGraph *graph)
{
  g_autofree guint *seen = NULL;
  GArray *counts;
  IdMap sources, quotes;

  g_return_val_if_fail (graph != NULL, NULL);

  counts = g_array_sized_new (FALSE, TRUE, sizeof (EntSourceSupport), graph->sources->len);
  for (guint i = 0; i < graph->sources->len; i++)
    {
      const EntSource *source = g_ptr_array_index (graph->sources, i);
      EntSourceSupport support = { source->id, 0, 0 };

      g_array_append_val (counts, support);
    }

  map_quotes_to_sources (graph, &sources, &quotes);
  /* An item's place + 1 marks the sources already counted for it: no clearing between items. */
  seen = g_new0 (guint, MAX (graph->sources->len, 1));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const EntEntity *entity = g_ptr_array_index (graph->entities, i);

      count_item (entity->quote_ids, entity->disputing_ids, &quotes, seen, i + 1, counts, FALSE);
    }
  memset (seen, 0, MAX (graph->sources->len, 1) * sizeof (guint));
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const EntRelation *relation = g_ptr_array_index (graph->relations, i);

      count_item (relation->quote_ids, relation->disputing_ids, &quotes, seen, i + 1, counts, TRUE);
    }

  id_map_clear (&sources);
  id_map_clear (&quotes);
  return counts;
}
