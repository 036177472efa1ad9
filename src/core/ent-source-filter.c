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

/* What a selection can ask of a source, worked out once for many selections. */
typedef struct
{
  char     *publisher;  /* folded, or %NULL for none */
  gboolean  dated;      /* whether it has a date with a year */
  guint     first;      /* the first and last day of its date's span */
  guint     last;
} Facts;

static void
facts_init (Facts           *facts,
            const EntSource *source)
{
  facts->publisher = source->publisher != NULL ? g_utf8_casefold (source->publisher, -1) : NULL;
  facts->dated = date_span (source->published, &facts->first, &facts->last);
}

static void
facts_clear (Facts *facts)
{
  g_clear_pointer (&facts->publisher, g_free);
}

/*
 * Whether a source is of the publisher and time asked for. A source without a
 * date is in no range; one dated only partly ("2024") is in a range that
 * holds any day of its span.
 */
static gboolean
criteria_match_facts (const Criteria *criteria,
                      const Facts    *facts)
{
  if (criteria->publisher != NULL &&
      (facts->publisher == NULL || strcmp (facts->publisher, criteria->publisher) != 0))
    return FALSE;

  if (criteria->has_from || criteria->has_to)
    {
      if (!facts->dated)
        return FALSE;
      if (criteria->has_from && facts->last < criteria->from)
        return FALSE;
      if (criteria->has_to && facts->first > criteria->to)
        return FALSE;
    }

  return TRUE;
}

static gboolean
criteria_match (const Criteria  *criteria,
                const EntSource *source)
{
  Facts facts;
  gboolean matches;

  facts_init (&facts, source);
  matches = criteria_match_facts (criteria, &facts);
  facts_clear (&facts);
  return matches;
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

/*
 * What each source supports, worked out once for a network, so that choosing
 * sources costs what they support rather than a walk over the whole network.
 * Entities and relations are kept by their place: @entity_ids and
 * @relation_ids give their ids.
 */
struct _EntSourceIndex
{
  EntGraph *graph;
  guint     n_sources;
  IdMap     sources;         /* a source's id → its place in graph->sources */
  Facts    *facts;           /* one a source */

  /* The graph's entities, then the ends of relations that are none of them. */
  guint     n_entities;
  gint64   *entity_ids;
  guint     n_relations;
  gint64   *relation_ids;

  /*
   * The source in place s supports entities[entity_start[s]] up to
   * entities[entity_start[s + 1]], each once: the first n_direct[s] with a
   * quote, the others as ends of the relations it supports; and the same for
   * relations, which have no ends to add.
   */
  guint    *entity_start;
  guint    *n_direct;
  guint32  *entities;
  guint    *relation_start;
  guint32  *relations;
};

/* That the source in a place supports the item in a place. */
typedef struct
{
  guint32 source;
  guint32 item;
} Pair;

/*
 * Adds a pair for each source that a quote of @quote_ids supports the item
 * in @item with, once a source; @seen[source] == @stamp marks who did.
 */
static void
collect_support (GArray      *quote_ids,
                 GArray      *disputing_ids,
                 const IdMap *quotes,
                 guint       *seen,
                 guint        stamp,
                 guint32      item,
                 GArray      *pairs)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      gint64 quote_id = g_array_index (quote_ids, gint64, i);
      gint32 source = id_map_get (quotes, quote_id);
      Pair pair = { (guint32) source, item };

      if (source < 0 || seen[source] == stamp || ent_quote_ids_contain (disputing_ids, quote_id))
        continue;
      seen[source] = stamp;
      g_array_append_val (pairs, pair);
    }
}

/* The items of @pairs grouped by source, in their order; @start[s] is where source s's begin, @start[n_sources] the end. */
static guint32 *
group_by_source (GArray  *pairs,
                 guint    n_sources,
                 guint  **start)
{
  guint *starts = g_new0 (guint, n_sources + 1);
  guint32 *items = g_new (guint32, MAX (pairs->len, 1));
  g_autofree guint *next = g_new (guint, n_sources + 1);

  for (guint i = 0; i < pairs->len; i++)
    starts[g_array_index (pairs, Pair, i).source + 1]++;
  for (guint s = 0; s < n_sources; s++)
    starts[s + 1] += starts[s];
  memcpy (next, starts, (n_sources + 1) * sizeof (guint));
  for (guint i = 0; i < pairs->len; i++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, i);

      items[next[pair->source]++] = pair->item;
    }

  *start = starts;
  return items;
}

/* Places of entities by id: the graph's, then each end of a relation that is none of them, once. */
typedef struct
{
  IdMap       known;
  GArray     *ids;     /* gint64, by place */
  GHashTable *others;  /* gint64 * → place + 1, for ends the graph does not have */
} EntityPlaces;

static void
entity_places_init (EntityPlaces *places,
                    EntGraph     *graph)
{
  GArray *known = g_array_sized_new (FALSE, FALSE, sizeof (gint64), graph->entities->len);
  g_autofree gint32 *values = g_new (gint32, MAX (graph->entities->len, 1));

  for (guint i = 0; i < graph->entities->len; i++)
    {
      const EntEntity *entity = g_ptr_array_index (graph->entities, i);

      g_array_append_val (known, entity->id);
      values[i] = (gint32) i;
    }
  places->ids = g_array_copy (known);
  id_map_init (&places->known, known, values);
  places->others = NULL;
}

static guint32
entity_places_get (EntityPlaces *places,
                   gint64        id)
{
  gint32 place = id_map_get (&places->known, id);
  gpointer value;

  if (place >= 0)
    return (guint32) place;

  /* An end that is not among the entities is still let through, as ent_item_filter_add_ends() does. */
  if (places->others == NULL)
    places->others = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  value = g_hash_table_lookup (places->others, &id);
  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  g_array_append_val (places->ids, id);
  g_hash_table_insert (places->others, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (places->ids->len));
  return places->ids->len - 1;
}

/* Takes the ids, by place. */
static gint64 *
entity_places_clear (EntityPlaces *places,
                     guint        *n_places)
{
  *n_places = places->ids->len;
  id_map_clear (&places->known);
  g_clear_pointer (&places->others, g_hash_table_unref);
  return (gint64 *) g_array_free (g_steal_pointer (&places->ids), FALSE);
}

/*
 * Each source's entities: those it supports with a quote, then the ends of
 * its relations that are not among them, each once.
 */
static void
merge_ends (EntSourceIndex *self,
            GArray         *direct_pairs,
            GArray         *end_pairs)
{
  g_autofree guint *direct_start = NULL;
  g_autofree guint *end_start = NULL;
  g_autofree guint32 *direct = group_by_source (direct_pairs, self->n_sources, &direct_start);
  g_autofree guint32 *ends = group_by_source (end_pairs, self->n_sources, &end_start);
  /* An entity's mark is the place + 1 of the last source that took it: no clearing between sources. */
  g_autofree guint *mark = g_new0 (guint, MAX (self->n_entities, 1));
  guint n = 0;

  self->entity_start = g_new (guint, self->n_sources + 1);
  self->n_direct = g_new (guint, MAX (self->n_sources, 1));
  self->entities = g_new (guint32, MAX (direct_pairs->len + end_pairs->len, 1));
  for (guint s = 0; s < self->n_sources; s++)
    {
      self->entity_start[s] = n;
      for (guint i = direct_start[s]; i < direct_start[s + 1]; i++)
        {
          mark[direct[i]] = s + 1;
          self->entities[n++] = direct[i];
        }
      self->n_direct[s] = n - self->entity_start[s];
      for (guint i = end_start[s]; i < end_start[s + 1]; i++)
        {
          if (mark[ends[i]] == s + 1)
            continue;
          mark[ends[i]] = s + 1;
          self->entities[n++] = ends[i];
        }
    }
  self->entity_start[self->n_sources] = n;
}

/**
 * ent_source_index_new:
 * @graph: the network
 *
 * Works out what each source of @graph supports, once, in one walk over the
 * network, so that ent_source_index_filter() costs only what the chosen
 * sources support. @graph must not change while the index is used: a network
 * that changed needs an index of its own.
 *
 * Returns: (transfer full): the index, which holds a reference to @graph
 */
EntSourceIndex *
ent_source_index_new (EntGraph *graph)
{
  g_autoptr(GArray) direct_pairs = NULL;
  g_autoptr(GArray) end_pairs = NULL;
  g_autoptr(GArray) relation_pairs = NULL;
  g_autofree guint *seen = NULL;
  EntSourceIndex *self;
  EntityPlaces places;
  IdMap quotes;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (EntSourceIndex, 1);
  self->graph = ent_graph_ref (graph);
  self->n_sources = graph->sources->len;
  self->facts = g_new (Facts, MAX (self->n_sources, 1));
  for (guint s = 0; s < self->n_sources; s++)
    facts_init (&self->facts[s], g_ptr_array_index (graph->sources, s));
  map_quotes_to_sources (graph, &self->sources, &quotes);
  entity_places_init (&places, graph);

  /* An item's place + 1 marks the sources already taken for it: no clearing between items. */
  seen = g_new0 (guint, MAX (self->n_sources, 1));
  direct_pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      const EntEntity *entity = g_ptr_array_index (graph->entities, i);

      collect_support (entity->quote_ids, entity->disputing_ids, &quotes, seen, i + 1, i, direct_pairs);
    }

  memset (seen, 0, MAX (self->n_sources, 1) * sizeof (guint));
  relation_pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  end_pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  self->n_relations = graph->relations->len;
  self->relation_ids = g_new (gint64, MAX (self->n_relations, 1));
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const EntRelation *relation = g_ptr_array_index (graph->relations, i);
      guint before = relation_pairs->len;
      guint32 from, to;

      self->relation_ids[i] = relation->id;
      collect_support (relation->quote_ids, relation->disputing_ids, &quotes, seen, i + 1, i, relation_pairs);
      if (relation_pairs->len == before)
        continue;

      /* A relation cannot be shown without its ends. */
      from = entity_places_get (&places, relation->from_id);
      to = entity_places_get (&places, relation->to_id);
      for (guint j = before; j < relation_pairs->len; j++)
        {
          guint32 source = g_array_index (relation_pairs, Pair, j).source;
          Pair ends[] = { { source, from }, { source, to } };

          g_array_append_vals (end_pairs, ends, G_N_ELEMENTS (ends));
        }
    }

  self->entity_ids = entity_places_clear (&places, &self->n_entities);
  merge_ends (self, direct_pairs, end_pairs);
  self->relations = group_by_source (relation_pairs, self->n_sources, &self->relation_start);

  id_map_clear (&quotes);
  return self;
}

void
ent_source_index_free (EntSourceIndex *self)
{
  if (self == NULL)
    return;

  for (guint s = 0; s < self->n_sources; s++)
    facts_clear (&self->facts[s]);
  g_free (self->facts);
  id_map_clear (&self->sources);
  g_free (self->entity_ids);
  g_free (self->relation_ids);
  g_free (self->entity_start);
  g_free (self->n_direct);
  g_free (self->entities);
  g_free (self->relation_start);
  g_free (self->relations);
  ent_graph_unref (self->graph);
  g_free (self);
}

/*
 * Lets through what the source in place @s supports. With @entity_taken and
 * @relation_taken (by place), only what no source before it did: the filter
 * would find that out too, at the cost of a lookup an item.
 */
static void
add_support (EntSourceIndex *self,
             EntItemFilter  *filter,
             guint           s,
             guint8         *entity_taken,
             guint8         *relation_taken)
{
  for (guint i = self->entity_start[s]; i < self->entity_start[s + 1]; i++)
    {
      guint32 place = self->entities[i];

      if (entity_taken != NULL)
        {
          if (entity_taken[place])
            continue;
          entity_taken[place] = 1;
        }
      ent_item_filter_add_entity (filter, self->entity_ids[place]);
    }
  for (guint i = self->relation_start[s]; i < self->relation_start[s + 1]; i++)
    {
      guint32 place = self->relations[i];

      if (relation_taken != NULL)
        {
          if (relation_taken[place])
            continue;
          relation_taken[place] = 1;
        }
      ent_item_filter_add_relation (filter, self->relation_ids[place]);
    }
}

/**
 * ent_source_index_filter:
 * @self: the index of a network
 * @selection: the sources to ask about
 *
 * The entities and relations that at least one quote from a chosen source
 * supports (a quote that disputes them does not count), with the ends of
 * those relations, which they cannot be shown without. It costs a look at
 * each source when @selection chooses by publisher or date (a look-up of each
 * chosen one otherwise), and then what the chosen sources support.
 *
 * Returns: (transfer full): the filter, with a caption that says what it chose
 */
EntItemFilter *
ent_source_index_filter (EntSourceIndex           *self,
                         const EntSourceSelection *selection)
{
  g_autoptr(GArray) chosen = NULL;
  g_autofree char *caption = NULL;
  EntItemFilter *filter;
  Criteria criteria;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  criteria_init (&criteria, selection);
  caption = describe (self->graph, selection, &criteria);
  filter = ent_item_filter_new (caption);

  chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  if (selection->source_ids != NULL && selection->source_ids->len > 0)
    {
      for (guint i = 0; i < selection->source_ids->len; i++)
        {
          gint32 place = id_map_get (&self->sources, g_array_index (selection->source_ids, gint64, i));
          guint s = (guint) place;

          if (place >= 0 && criteria_match_facts (&criteria, &self->facts[s]))
            g_array_append_val (chosen, s);
        }
    }
  else
    {
      for (guint s = 0; s < self->n_sources; s++)
        if (criteria_match_facts (&criteria, &self->facts[s]))
          g_array_append_val (chosen, s);
    }

  if (chosen->len == 1)
    add_support (self, filter, g_array_index (chosen, guint, 0), NULL, NULL);
  else if (chosen->len > 1)
    {
      g_autofree guint8 *entity_taken = g_new0 (guint8, MAX (self->n_entities, 1));
      g_autofree guint8 *relation_taken = g_new0 (guint8, MAX (self->n_relations, 1));

      for (guint i = 0; i < chosen->len; i++)
        add_support (self, filter, g_array_index (chosen, guint, i), entity_taken, relation_taken);
    }

  criteria_clear (&criteria);
  return filter;
}

/**
 * ent_source_index_support_count:
 * @self: the index of a network
 *
 * Returns: (transfer full) (element-type EntSourceSupport): how many entities
 *   and relations each source supports (as ent_source_index_filter() counts
 *   support, without the ends of relations), one a source in the network's order
 */
GArray *
ent_source_index_support_count (EntSourceIndex *self)
{
  GArray *counts;

  g_return_val_if_fail (self != NULL, NULL);

  counts = g_array_sized_new (FALSE, TRUE, sizeof (EntSourceSupport), self->n_sources);
  for (guint s = 0; s < self->n_sources; s++)
    {
      const EntSource *source = g_ptr_array_index (self->graph->sources, s);
      EntSourceSupport support = {
        source->id,
        self->n_direct[s],
        self->relation_start[s + 1] - self->relation_start[s],
      };

      g_array_append_val (counts, support);
    }
  return counts;
}

/**
 * ent_source_filter_new:
 * @graph: the network
 * @selection: the sources to ask about
 *
 * What ent_source_index_filter() lets through, for a network asked once:
 * it walks the whole network. Ask an index for several selections.
 *
 * Returns: (transfer full): the filter, with a caption that says what it chose
 */
EntItemFilter *
ent_source_filter_new (EntGraph                 *graph,
                       const EntSourceSelection *selection)
{
  g_autoptr(EntSourceIndex) index = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  index = ent_source_index_new (graph);
  return ent_source_index_filter (index, selection);
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
  g_autoptr(EntSourceIndex) index = NULL;

  g_return_val_if_fail (graph != NULL, NULL);

  index = ent_source_index_new (graph);
  return ent_source_index_support_count (index);
}
