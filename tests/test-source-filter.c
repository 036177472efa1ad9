/* test-source-filter.c: what one source, a publisher or a time of publication supports
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-source-filter.h"
#include "ent-test-util.h"

static gint64
next_id (GPtrArray *items)
{
  gint64 max = 0;

  /* Each of the graph's items begins with its id. */
  for (guint i = 0; i < items->len; i++)
    max = MAX (max, *(const gint64 *) g_ptr_array_index (items, i));
  return max + 1;
}

static EntSource *
add_source (EntGraph   *graph,
            const char *title,
            const char *publisher,
            const char *published)
{
  EntSource *source = g_new0 (EntSource, 1);

  source->id = next_id (graph->sources);
  source->title = g_strdup (title);
  source->publisher = g_strdup (publisher);
  source->published = g_strdup (published);
  source->body = g_strdup ("Text of it");
  ent_graph_take_source (graph, source);
  return source;
}

/* A quote of @source that backs (or, @disputes, disputes) what has @quote_ids and @disputing_ids. */
static void
add_quote (EntGraph  *graph,
           EntSource *source,
           GArray   **quote_ids,
           GArray   **disputing_ids,
           gboolean   disputes)
{
  EntQuote *quote = g_new0 (EntQuote, 1);

  quote->id = next_id (graph->quotes);
  quote->source_id = source->id;
  quote->start = 0;
  quote->end = 4;
  quote->text = g_strdup ("Text");
  ent_graph_take_quote (graph, quote);

  if (*quote_ids == NULL)
    *quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (*quote_ids, quote->id);
  if (disputes)
    {
      if (*disputing_ids == NULL)
        *disputing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (*disputing_ids, quote->id);
    }
}

static void
back_entity (EntGraph  *graph,
             EntSource *source,
             EntEntity *entity,
             gboolean   disputes)
{
  add_quote (graph, source, &entity->quote_ids, &entity->disputing_ids, disputes);
}

static void
back_relation (EntGraph    *graph,
               EntSource   *source,
               EntRelation *relation,
               gboolean     disputes)
{
  add_quote (graph, source, &relation->quote_ids, &relation->disputing_ids, disputes);
}

/* A relation of the bundled network none of whose ends is @a or @b. */
static EntRelation *
relation_apart_from (EntGraph  *graph,
                     EntEntity *a,
                     EntEntity *b)
{
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (relation->from_id != a->id && relation->to_id != a->id &&
          relation->from_id != b->id && relation->to_id != b->id && relation->from_id != relation->to_id)
        return relation;
    }
  g_assert_not_reached ();
}

static EntItemFilter *
filter_for_source (EntGraph *graph,
                   gint64    source_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  EntSourceSelection selection = { .source_ids = ids };

  g_array_append_val (ids, source_id);
  return ent_source_filter_new (graph, &selection);
}

/* The bundled network's one source supports all of it: its filter is the whole network. */
static void
test_bundled_whole (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  EntSource *source;
  g_autoptr(EntItemFilter) filter = NULL;

  g_assert_cmpuint (graph->sources->len, ==, 1);
  source = g_ptr_array_index (graph->sources, 0);
  filter = filter_for_source (graph, source->id);

  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, graph->entities->len);
  g_assert_cmpuint (ent_item_filter_get_n_relations (filter), ==, graph->relations->len);
  for (guint i = 0; i < graph->entities->len; i++)
    g_assert_true (ent_item_filter_has_entity (filter, ((EntEntity *) g_ptr_array_index (graph->entities, i))->id));
  for (guint i = 0; i < graph->relations->len; i++)
    g_assert_true (ent_item_filter_has_relation (filter,
                                                 ((EntRelation *) g_ptr_array_index (graph->relations, i))->id));
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what ‘Aleinik's visit to Delhi’ supports");
}

typedef struct
{
  EntGraph    *graph;
  EntSource   *bundled;
  EntSource   *second;
  EntEntity   *a;
  EntEntity   *b;
  EntRelation *relation;
  EntEntity   *disputed;
  EntRelation *disputed_relation;
} Second;

/*
 * The bundled network with a second source, of ‘The Hindu’ on 11 March 2024,
 * that supports two entities and a relation between two others, and disputes
 * a fifth entity and another relation.
 */
static void
second_set_up (Second        *fixture,
               gconstpointer  data)
{
  EntGraph *graph = load_bundled ();

  fixture->graph = graph;
  fixture->bundled = g_ptr_array_index (graph->sources, 0);
  fixture->second = add_source (graph, "Talks in Delhi", "The Hindu", "2024-03-11");
  fixture->a = find_entity (graph, "India");
  fixture->b = find_entity (graph, "Belarus");
  fixture->relation = relation_apart_from (graph, fixture->a, fixture->b);
  back_entity (graph, fixture->second, fixture->a, FALSE);
  back_entity (graph, fixture->second, fixture->b, FALSE);
  back_relation (graph, fixture->second, fixture->relation, FALSE);

  for (guint i = 0; fixture->disputed == NULL && i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (entity != fixture->a && entity != fixture->b &&
          entity->id != fixture->relation->from_id && entity->id != fixture->relation->to_id)
        fixture->disputed = entity;
    }
  back_entity (graph, fixture->second, fixture->disputed, TRUE);
  for (guint i = 0; fixture->disputed_relation == NULL && i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (relation != fixture->relation &&
          relation->from_id != fixture->a->id && relation->to_id != fixture->a->id &&
          relation->from_id != fixture->b->id && relation->to_id != fixture->b->id &&
          relation->from_id != fixture->relation->from_id && relation->from_id != fixture->relation->to_id &&
          relation->to_id != fixture->relation->from_id && relation->to_id != fixture->relation->to_id)
        fixture->disputed_relation = relation;
    }
  g_assert_nonnull (fixture->disputed_relation);
  back_relation (graph, fixture->second, fixture->disputed_relation, TRUE);
}

static void
second_tear_down (Second        *fixture,
                  gconstpointer  data)
{
  ent_graph_unref (fixture->graph);
}

/* Exactly the two entities and the relation the second source supports, and the relation's ends. */
static void
assert_second (Second        *fixture,
               EntItemFilter *filter)
{
  g_assert_cmpuint (ent_item_filter_get_n_relations (filter), ==, 1);
  g_assert_true (ent_item_filter_has_relation (filter, fixture->relation->id));
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 4);
  g_assert_true (ent_item_filter_has_entity (filter, fixture->a->id));
  g_assert_true (ent_item_filter_has_entity (filter, fixture->b->id));
  g_assert_true (ent_item_filter_has_entity (filter, fixture->relation->from_id));
  g_assert_true (ent_item_filter_has_entity (filter, fixture->relation->to_id));
}

static void
test_second_source (Second        *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntItemFilter) filter = filter_for_source (fixture->graph, fixture->second->id);
  g_autoptr(EntItemFilter) first = filter_for_source (fixture->graph, fixture->bundled->id);

  assert_second (fixture, filter);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what ‘Talks in Delhi’ supports");

  /* The bundled source still supports everything, the disputed entity too. */
  g_assert_cmpuint (ent_item_filter_get_n_entities (first), ==, fixture->graph->entities->len);
  g_assert_cmpuint (ent_item_filter_get_n_relations (first), ==, fixture->graph->relations->len);
}

/* A disputing quote is no support: only disputed by the second source, the fifth entity is left out. */
static void
test_disputing (Second        *fixture,
                gconstpointer  data)
{
  g_autoptr(EntItemFilter) filter = filter_for_source (fixture->graph, fixture->second->id);
  g_autoptr(GArray) both = g_array_new (FALSE, FALSE, sizeof (gint64));
  EntSourceSelection selection = { .source_ids = both };
  g_autoptr(EntItemFilter) either = NULL;

  g_assert_false (ent_item_filter_has_entity (filter, fixture->disputed->id));
  g_assert_false (ent_item_filter_has_relation (filter, fixture->disputed_relation->id));
  g_assert_false (ent_item_filter_has_entity (filter, fixture->disputed_relation->from_id));

  /* Two sources, one supporting and one disputing: the support counts. */
  g_array_append_val (both, fixture->bundled->id);
  g_array_append_val (both, fixture->second->id);
  either = ent_source_filter_new (fixture->graph, &selection);
  g_assert_true (ent_item_filter_has_entity (either, fixture->disputed->id));
  g_assert_true (ent_item_filter_has_relation (either, fixture->disputed_relation->id));
  g_assert_cmpstr (ent_item_filter_get_caption (either), ==, "Only what 2 sources support");
}

static void
test_publisher (Second        *fixture,
                gconstpointer  data)
{
  EntSourceSelection selection = { .publisher = "the HINDU" };
  g_autoptr(EntItemFilter) filter = ent_source_filter_new (fixture->graph, &selection);
  g_autoptr(EntItemFilter) none = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  assert_second (fixture, filter);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what ‘the HINDU’ published");
  g_assert_true (ent_source_selection_matches (&selection, fixture->second));
  /* The bundled source has no publisher. */
  g_assert_false (ent_source_selection_matches (&selection, fixture->bundled));

  /* A chosen source of another publisher. */
  g_array_append_val (ids, fixture->bundled->id);
  selection.source_ids = ids;
  none = ent_source_filter_new (fixture->graph, &selection);
  g_assert_cmpuint (ent_item_filter_get_n_entities (none), ==, 0);
  g_assert_cmpuint (ent_item_filter_get_n_relations (none), ==, 0);
  g_assert_cmpstr (ent_item_filter_get_caption (none), ==,
                   "Only what ‘Aleinik's visit to Delhi’ supports, published by ‘the HINDU’");
}

typedef struct
{
  const char *published;
  const char *from;
  const char *to;
  gboolean    matches;
} DateCase;

/* Dates of reduced precision count by their span: "2024" is all of that year, as bound and as date. */
static void
test_dates (void)
{
  static const DateCase cases[] = {
    { "2024-03-11", "2024", NULL, TRUE },
    { "2024-03-11", "2024-03", "2024-03", TRUE },
    { "2024-03-11", "2024-03-11", "2024-03-11", TRUE },
    { "2024-03-11", "2024-03-12", NULL, FALSE },
    { "2024-03-11", NULL, "2024-03-10", FALSE },
    { "2024-03-11", NULL, "2024-02", FALSE },
    { "2024-03-11", NULL, "2023", FALSE },
    { "2024-03-11", "2024-04", NULL, FALSE },
    { "2024-03-11", "2025", "2023", FALSE },
    { "2024", "2024-06", NULL, TRUE },
    { "2024", NULL, "2024-01-01", TRUE },
    { "2024", "2025", NULL, FALSE },
    { "2024-03", "2024-03-31", NULL, TRUE },
    { "2024-03", "2024-04-01", NULL, FALSE },
    { "1991", "1990", "1992", TRUE },
    /* Without a date, or without a year, a source is in no range. */
    { NULL, "1000", NULL, FALSE },
    { NULL, NULL, "9999", FALSE },
    { "--03-11", "1000", "9999", FALSE },
    /* Without a range, every source. */
    { NULL, NULL, NULL, TRUE },
    /* A bound that is not a date, or has no year, is ignored. */
    { "2024", "soon", NULL, TRUE },
    { NULL, "--03-11", NULL, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      EntSource source = { .id = 1, .title = (char *) "A", .published = (char *) cases[i].published };
      EntSourceSelection selection = { .published_from = cases[i].from, .published_to = cases[i].to };

      g_test_message ("%s in %s to %s", cases[i].published, cases[i].from, cases[i].to);
      g_assert_cmpint (ent_source_selection_matches (&selection, &source), ==, cases[i].matches);
    }
}

static void
test_date_filter (Second        *fixture,
                  gconstpointer  data)
{
  EntSourceSelection since = { .published_from = "2024-03" };
  EntSourceSelection between = { .published_from = "1991", .published_to = "2024" };
  EntSourceSelection until = { .published_to = "2023" };
  EntSourceSelection of = { .publisher = "The Hindu", .published_from = "2024-03-11" };
  g_autoptr(EntItemFilter) a = ent_source_filter_new (fixture->graph, &since);
  g_autoptr(EntItemFilter) b = ent_source_filter_new (fixture->graph, &between);
  g_autoptr(EntItemFilter) c = ent_source_filter_new (fixture->graph, &until);
  g_autoptr(EntItemFilter) d = ent_source_filter_new (fixture->graph, &of);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(EntItemFilter) e = NULL;

  assert_second (fixture, a);
  assert_second (fixture, b);
  assert_second (fixture, d);
  /* The bundled source has no date, the second is later. */
  g_assert_cmpuint (ent_item_filter_get_n_entities (c), ==, 0);

  g_assert_cmpstr (ent_item_filter_get_caption (a), ==, "Only what sources published since March 2024 support");
  g_assert_cmpstr (ent_item_filter_get_caption (b), ==, "Only what sources published between 1991 and 2024 support");
  g_assert_cmpstr (ent_item_filter_get_caption (c), ==, "Only what sources published until 2023 support");
  g_assert_cmpstr (ent_item_filter_get_caption (d), ==, "Only what ‘The Hindu’ published since 11 March 2024");

  g_array_append_val (ids, fixture->bundled->id);
  g_array_append_val (ids, fixture->second->id);
  between.source_ids = ids;
  between.publisher = "The Hindu";
  e = ent_source_filter_new (fixture->graph, &between);
  assert_second (fixture, e);
  g_assert_cmpstr (ent_item_filter_get_caption (e), ==,
                   "Only what 2 sources support, published by ‘The Hindu’ between 1991 and 2024");
}

static const EntSourceSupport *
support_of (GArray *counts,
            guint   index)
{
  return &g_array_index (counts, EntSourceSupport, index);
}

/* Each source counts what it supports, once an item, the disputed left out and the relations' ends not added. */
static void
test_support_count (Second        *fixture,
                    gconstpointer  data)
{
  g_autoptr(GArray) counts = ent_source_support_count (fixture->graph);
  guint n_backed_entities = 0, n_backed_relations = 0;

  /* The bundled network backs every entity and relation with its one source, some with several quotes. */
  for (guint i = 0; i < fixture->graph->entities->len; i++)
    n_backed_entities += ((EntEntity *) g_ptr_array_index (fixture->graph->entities, i))->quote_ids->len > 0;
  for (guint i = 0; i < fixture->graph->relations->len; i++)
    n_backed_relations += ((EntRelation *) g_ptr_array_index (fixture->graph->relations, i))->quote_ids->len > 0;

  g_assert_cmpuint (counts->len, ==, 2);
  g_assert_cmpint (support_of (counts, 0)->source_id, ==, fixture->bundled->id);
  g_assert_cmpuint (support_of (counts, 0)->n_entities, ==, fixture->graph->entities->len);
  g_assert_cmpuint (support_of (counts, 0)->n_relations, ==, fixture->graph->relations->len);
  g_assert_cmpuint (n_backed_entities, ==, fixture->graph->entities->len);
  g_assert_cmpuint (n_backed_relations, ==, fixture->graph->relations->len);

  g_assert_cmpint (support_of (counts, 1)->source_id, ==, fixture->second->id);
  g_assert_cmpuint (support_of (counts, 1)->n_entities, ==, 2);
  g_assert_cmpuint (support_of (counts, 1)->n_relations, ==, 1);

  /* A second quote of the same source for the same entity counts it once. */
  back_entity (fixture->graph, fixture->second, fixture->a, FALSE);
  g_clear_pointer (&counts, g_array_unref);
  counts = ent_source_support_count (fixture->graph);
  g_assert_cmpuint (support_of (counts, 1)->n_entities, ==, 2);
}

/* Without sources nothing is supported: the filter lets nothing through and there is nothing to count. */
static void
test_no_sources (void)
{
  g_autoptr(EntGraph) empty = ent_graph_new ();
  g_autoptr(EntGraph) unsourced = ent_graph_new ();
  EntSourceSelection any = { NULL };
  g_autoptr(EntItemFilter) a = ent_source_filter_new (empty, &any);
  g_autoptr(EntItemFilter) b = NULL;
  g_autoptr(EntItemFilter) c = NULL;
  g_autoptr(GArray) counts = ent_source_support_count (empty);

  g_assert_cmpuint (ent_item_filter_get_n_entities (a), ==, 0);
  g_assert_cmpuint (ent_item_filter_get_n_relations (a), ==, 0);
  g_assert_cmpuint (counts->len, ==, 0);

  add_kind_entity (unsourced, 1, ENT_KIND_PERSON, NULL, "Somebody");
  b = ent_source_filter_new (unsourced, &any);
  g_assert_cmpuint (ent_item_filter_get_n_entities (b), ==, 0);
  /* A chosen source the network does not have. */
  c = filter_for_source (unsourced, 42);
  g_assert_cmpuint (ent_item_filter_get_n_entities (c), ==, 0);
  g_assert_cmpstr (ent_item_filter_get_caption (c), ==, "Only what 1 source supports");
}

/* Ids far apart, as an imported file may have them, are found all the same. */
static void
test_scattered_ids (void)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  EntSource *source = g_new0 (EntSource, 1);
  EntQuote *quote = g_new0 (EntQuote, 1);
  EntEntity *near, *far;
  g_autoptr(EntItemFilter) filter = NULL;
  g_autoptr(GArray) counts = NULL;

  source->id = G_GINT64_CONSTANT (1) << 40;
  source->title = g_strdup ("Far away");
  ent_graph_take_source (graph, source);
  quote->id = G_GINT64_CONSTANT (3) << 50;
  quote->source_id = source->id;
  quote->text = g_strdup ("Text");
  ent_graph_take_quote (graph, quote);
  near = add_kind_entity (graph, 1, ENT_KIND_PERSON, NULL, "Near");
  far = add_kind_entity (graph, 2, ENT_KIND_PERSON, NULL, "Far");
  if (far->quote_ids == NULL)
    far->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (far->quote_ids, quote->id);
  quote = g_new0 (EntQuote, 1);
  quote->id = 1;
  quote->source_id = 7;
  quote->text = g_strdup ("Text");
  ent_graph_take_quote (graph, quote);
  if (near->quote_ids == NULL)
    near->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (near->quote_ids, quote->id);

  filter = filter_for_source (graph, source->id);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 1);
  g_assert_true (ent_item_filter_has_entity (filter, 2));
  counts = ent_source_support_count (graph);
  g_assert_cmpuint (support_of (counts, 0)->n_entities, ==, 1);
}

/*
 * What @selection's sources support, found the slow way, a quote at a time
 * through the graph's look-ups, into @entities and @relations (sets of
 * gint64 *): the answer the index must give.
 */
static gboolean
slowly_supported (EntGraph                 *graph,
                  const EntSourceSelection *selection,
                  GArray                   *quote_ids,
                  GArray                   *disputing_ids)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      gint64 quote_id = g_array_index (quote_ids, gint64, i);
      EntQuote *quote = ent_graph_get_quote (graph, quote_id);
      EntSource *source = quote != NULL ? ent_graph_get_source (graph, quote->source_id) : NULL;

      if (source != NULL && !ent_quote_ids_contain (disputing_ids, quote_id) &&
          ent_source_selection_matches (selection, source))
        return TRUE;
    }
  return FALSE;
}

static void
slowly_filter (EntGraph                 *graph,
               const EntSourceSelection *selection,
               GHashTable               *entities,
               GHashTable               *relations)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (slowly_supported (graph, selection, entity->quote_ids, entity->disputing_ids))
        g_hash_table_add (entities, &entity->id);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (slowly_supported (graph, selection, relation->quote_ids, relation->disputing_ids))
        {
          g_hash_table_add (relations, &relation->id);
          g_hash_table_add (entities, &relation->from_id);
          g_hash_table_add (entities, &relation->to_id);
        }
    }
}

static void
assert_same_as_slowly (EntGraph                 *graph,
                       EntSourceIndex           *index,
                       const EntSourceSelection *selection)
{
  g_autoptr(GHashTable) entities = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) relations = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(EntItemFilter) filter = ent_source_index_filter (index, selection);
  g_autoptr(EntItemFilter) once = ent_source_filter_new (graph, selection);
  GHashTableIter iter;
  gpointer key;

  slowly_filter (graph, selection, entities, relations);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, g_hash_table_size (entities));
  g_assert_cmpuint (ent_item_filter_get_n_relations (filter), ==, g_hash_table_size (relations));
  g_hash_table_iter_init (&iter, entities);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (ent_item_filter_has_entity (filter, *(gint64 *) key));
  g_hash_table_iter_init (&iter, relations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (ent_item_filter_has_relation (filter, *(gint64 *) key));

  /* Asked once, without an index, the same. */
  g_assert_cmpuint (ent_item_filter_get_n_entities (once), ==, g_hash_table_size (entities));
  g_assert_cmpuint (ent_item_filter_get_n_relations (once), ==, g_hash_table_size (relations));
  g_assert_cmpstr (ent_item_filter_get_caption (once), ==, ent_item_filter_get_caption (filter));
}

/* A few quotes of @n_quotes (ids 1 to @n_quotes, and one no quote has), some of them disputing. */
static void
random_quotes (GRand   *rand,
               guint    n_quotes,
               guint    most,
               GArray **quote_ids,
               GArray **disputing_ids)
{
  guint n = (guint) g_rand_int_range (rand, 0, (gint32) most + 1);

  *quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  *disputing_ids = NULL;
  for (guint i = 0; i < n; i++)
    {
      /* Now and then a quote twice, or one the network does not have. */
      gint64 id = g_rand_int_range (rand, 1, (gint32) n_quotes + 2);

      g_array_append_val (*quote_ids, id);
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          if (*disputing_ids == NULL)
            *disputing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_array_append_val (*disputing_ids, id);
        }
    }
}

/*
 * A network made at random: sources of a few publishers and dates, quotes
 * of them (and of a source it does not have), entities and relations with
 * quotes that support or dispute them, some relations with an end that is
 * no entity. @scattered spreads the ids far apart.
 */
static EntGraph *
random_graph (GRand    *rand,
              gboolean  scattered)
{
  static const char *publishers[] = { NULL, "The Hindu", "the HINDU", "Reuters", "" };
  static const char *dates[] = { NULL, "1991", "2024", "2024-03", "2024-03-11", "2023-12-31", "--03-11", "" };
  gint64 spread = scattered ? G_GINT64_CONSTANT (1) << 36 : 1;
  EntGraph *graph = ent_graph_new ();
  guint n_sources = (guint) g_rand_int_range (rand, 1, 9);
  guint n_entities = (guint) g_rand_int_range (rand, 1, 40);
  guint n_quotes = (guint) g_rand_int_range (rand, 1, 60);
  guint n_relations = (guint) g_rand_int_range (rand, 0, 60);

  for (guint i = 0; i < n_sources; i++)
    {
      EntSource *source = g_new0 (EntSource, 1);

      source->id = (i + 1) * spread;
      source->title = g_strdup_printf ("Source %u", i + 1);
      source->publisher = g_strdup (publishers[g_rand_int_range (rand, 0, G_N_ELEMENTS (publishers))]);
      source->published = g_strdup (dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))]);
      ent_graph_take_source (graph, source);
    }
  for (guint i = 0; i < n_quotes; i++)
    {
      EntQuote *quote = g_new0 (EntQuote, 1);

      quote->id = i + 1;
      quote->source_id = g_rand_int_range (rand, 1, (gint32) n_sources + 2) * spread;
      quote->text = g_strdup ("Text");
      ent_graph_take_quote (graph, quote);
    }
  for (guint i = 0; i < n_entities; i++)
    {
      EntEntity *entity = add_kind_entity (graph, (i + 1) * spread, ENT_KIND_PERSON, NULL, "Somebody");

      g_clear_pointer (&entity->quote_ids, g_array_unref);
      random_quotes (rand, n_quotes, 3, &entity->quote_ids, &entity->disputing_ids);
    }
  for (guint i = 0; i < n_relations; i++)
    {
      EntRelation *relation = g_new0 (EntRelation, 1);

      relation->id = (i + 1) * spread;
      relation->kind = g_strdup ("knows");
      /* One more than the entities: an end that is none of them. */
      relation->from_id = g_rand_int_range (rand, 1, (gint32) n_entities + 2) * spread;
      relation->to_id = g_rand_int_range (rand, 1, (gint32) n_entities + 2) * spread;
      random_quotes (rand, n_quotes, 2, &relation->quote_ids, &relation->disputing_ids);
      ent_graph_take_relation (graph, relation);
    }
  return graph;
}

/* Each source's counts, found the slow way. */
static void
assert_counts_as_slowly (EntGraph *graph,
                         GArray   *counts)
{
  g_assert_cmpuint (counts->len, ==, graph->sources->len);
  for (guint s = 0; s < graph->sources->len; s++)
    {
      const EntSource *source = g_ptr_array_index (graph->sources, s);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      EntSourceSelection selection = { .source_ids = ids };
      guint n_entities = 0, n_relations = 0;

      g_array_append_val (ids, source->id);
      for (guint i = 0; i < graph->entities->len; i++)
        {
          EntEntity *entity = g_ptr_array_index (graph->entities, i);

          n_entities += slowly_supported (graph, &selection, entity->quote_ids, entity->disputing_ids);
        }
      for (guint i = 0; i < graph->relations->len; i++)
        {
          EntRelation *relation = g_ptr_array_index (graph->relations, i);

          n_relations += slowly_supported (graph, &selection, relation->quote_ids, relation->disputing_ids);
        }
      g_assert_cmpint (support_of (counts, s)->source_id, ==, source->id);
      g_assert_cmpuint (support_of (counts, s)->n_entities, ==, n_entities);
      g_assert_cmpuint (support_of (counts, s)->n_relations, ==, n_relations);
    }
}

/* The index answers random selections of random networks as a walk over the whole network does. */
static void
test_index_random (void)
{
  static const char *publishers[] = { NULL, "", "the hindu", "REUTERS", "Nobody" };
  static const char *bounds[] = { NULL, "", "1990", "1991", "2024", "2024-03", "2024-03-11", "2024-03-12", "--03-11", "soon" };

  for (guint seed = 1; seed <= 200; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(EntGraph) graph = random_graph (rand, seed % 4 == 0);
      g_autoptr(EntSourceIndex) index = ent_source_index_new (graph);
      g_autoptr(GArray) counts = ent_source_index_support_count (index);
      g_autoptr(GArray) counted_once = ent_source_support_count (graph);

      g_test_message ("seed %u", seed);
      assert_counts_as_slowly (graph, counts);
      assert_counts_as_slowly (graph, counted_once);

      for (guint run = 0; run < 20; run++)
        {
          g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          guint n_ids = (guint) g_rand_int_range (rand, 0, 4);
          EntSourceSelection selection = { .source_ids = ids };

          /* Sources the network has, now and then one twice or one it does not have. */
          for (guint i = 0; i < n_ids; i++)
            {
              gint64 id = g_rand_int_range (rand, 0, (gint32) graph->sources->len + 1);

              id = id < (gint64) graph->sources->len
                   ? ((EntSource *) g_ptr_array_index (graph->sources, id))->id : -7;
              g_array_append_val (ids, id);
            }
          if (g_rand_int_range (rand, 0, 3) == 0)
            selection.publisher = publishers[g_rand_int_range (rand, 0, G_N_ELEMENTS (publishers))];
          if (g_rand_int_range (rand, 0, 3) == 0)
            selection.published_from = bounds[g_rand_int_range (rand, 0, G_N_ELEMENTS (bounds))];
          if (g_rand_int_range (rand, 0, 3) == 0)
            selection.published_to = bounds[g_rand_int_range (rand, 0, G_N_ELEMENTS (bounds))];

          assert_same_as_slowly (graph, index, &selection);
        }
    }
}

/* The bundled network with a second source: the index answers as the filters asked once do. */
static void
test_index_second (Second        *fixture,
                   gconstpointer  data)
{
  g_autoptr(EntSourceIndex) index = ent_source_index_new (fixture->graph);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  EntSourceSelection one = { .source_ids = ids };
  EntSourceSelection publisher = { .publisher = "The Hindu" };
  EntSourceSelection until = { .published_to = "2023" };
  EntSourceSelection any = { NULL };
  g_autoptr(EntItemFilter) second = NULL;
  g_autoptr(EntItemFilter) of = NULL;
  g_autoptr(EntItemFilter) none = NULL;
  g_autoptr(EntItemFilter) both = NULL;

  g_array_append_val (ids, fixture->second->id);
  second = ent_source_index_filter (index, &one);
  assert_second (fixture, second);
  g_assert_cmpstr (ent_item_filter_get_caption (second), ==, "Only what ‘Talks in Delhi’ supports");
  of = ent_source_index_filter (index, &publisher);
  assert_second (fixture, of);
  none = ent_source_index_filter (index, &until);
  g_assert_cmpuint (ent_item_filter_get_n_entities (none), ==, 0);
  g_assert_cmpuint (ent_item_filter_get_n_relations (none), ==, 0);

  /* Every source: the bundled one supports everything, the disputed too. */
  both = ent_source_index_filter (index, &any);
  g_assert_cmpuint (ent_item_filter_get_n_entities (both), ==, fixture->graph->entities->len);
  g_assert_cmpuint (ent_item_filter_get_n_relations (both), ==, fixture->graph->relations->len);

  assert_same_as_slowly (fixture->graph, index, &one);
  assert_same_as_slowly (fixture->graph, index, &any);
  g_array_append_val (ids, fixture->bundled->id);
  assert_same_as_slowly (fixture->graph, index, &one);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/source-filter/bundled-whole", test_bundled_whole);
  g_test_add ("/source-filter/second-source", Second, NULL, second_set_up, test_second_source, second_tear_down);
  g_test_add ("/source-filter/disputing", Second, NULL, second_set_up, test_disputing, second_tear_down);
  g_test_add ("/source-filter/publisher", Second, NULL, second_set_up, test_publisher, second_tear_down);
  g_test_add_func ("/source-filter/dates", test_dates);
  g_test_add ("/source-filter/date-filter", Second, NULL, second_set_up, test_date_filter, second_tear_down);
  g_test_add ("/source-filter/support-count", Second, NULL, second_set_up, test_support_count, second_tear_down);
  g_test_add_func ("/source-filter/no-sources", test_no_sources);
  g_test_add_func ("/source-filter/scattered-ids", test_scattered_ids);
  g_test_add_func ("/source-filter/index-random", test_index_random);
  g_test_add ("/source-filter/index-second", Second, NULL, second_set_up, test_index_second, second_tear_down);

  return g_test_run ();
}
