/* test-paths.c: the chains of relations that connect two entities, best evidence first
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-paths.h"
#include "ent-test-util.h"

#include <string.h>

/* What a relation's quotes say of it. */
typedef enum
{
  SUPPORTED,
  UNQUOTED,
  DISPUTED,
} Backing;

static gint64 next_quote_id = 1;

static void
add_entity (EntGraph *graph,
            gint64    id)
{
  g_autofree char *name = g_strdup_printf ("Entity %" G_GINT64_FORMAT, id);

  add_kind_entity (graph, id, ENT_KIND_PERSON, NULL, name);
}

static EntRelation *
add_relation (EntGraph *graph,
              gint64    id,
              gint64    from_id,
              gint64    to_id,
              Backing   backing)
{
  EntRelation *relation = g_new0 (EntRelation, 1);

  relation->id = id;
  relation->kind = g_strdup ("meets");
  relation->from_id = from_id;
  relation->to_id = to_id;
  relation->label = g_strdup ("meets");
  relation->directed = TRUE;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (backing != UNQUOTED)
    {
      EntQuote *quote = g_new0 (EntQuote, 1);

      quote->id = next_quote_id++;
      quote->source_id = 1;
      quote->end = 4;
      quote->text = g_strdup ("Text");
      ent_graph_take_quote (graph, quote);
      g_array_append_val (relation->quote_ids, quote->id);
      if (backing == DISPUTED)
        {
          relation->disputing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_array_append_val (relation->disputing_ids, quote->id);
        }
    }
  ent_graph_take_relation (graph, relation);
  return relation;
}

/* A graph of @n_entities entities 1, 2, … and the source its quotes are of. */
static EntGraph *
make_graph (guint n_entities)
{
  EntGraph *graph = ent_graph_new ();
  EntSource *source = g_new0 (EntSource, 1);

  source->id = 1;
  source->title = g_strdup ("Source");
  source->body = g_strdup ("Text of it");
  ent_graph_take_source (graph, source);
  for (guint i = 1; i <= n_entities; i++)
    add_entity (graph, i);
  return graph;
}

/* Entities and relations a test hides. */
typedef struct
{
  GHashTable *entities;
  GHashTable *relations;
} Hidden;

static Hidden *
hidden_new (void)
{
  Hidden *hidden = g_new0 (Hidden, 1);

  hidden->entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  hidden->relations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return hidden;
}

static void
hidden_free (Hidden *hidden)
{
  g_hash_table_unref (hidden->entities);
  g_hash_table_unref (hidden->relations);
  g_free (hidden);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Hidden, hidden_free)

static void
hide (GHashTable *set,
      gint64      id)
{
  g_hash_table_add (set, g_memdup2 (&id, sizeof id));
}

static gboolean
is_shown (gboolean is_relation,
          gint64   id,
          gpointer user_data)
{
  Hidden *hidden = user_data;

  return !g_hash_table_contains (is_relation ? hidden->relations : hidden->entities, &id);
}

/* "1 -11- 2 -12- 3", for messages and comparisons. */
static char *
describe_path (const EntPath *path)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < path->entity_ids->len; i++)
    {
      if (i > 0)
        g_string_append_printf (text, " -%" G_GINT64_FORMAT "- ", g_array_index (path->relation_ids, gint64, i - 1));
      g_string_append_printf (text, "%" G_GINT64_FORMAT, g_array_index (path->entity_ids, gint64, i));
    }
  if (path->n_unsupported > 0)
    g_string_append_printf (text, " (%u unsupported)", path->n_unsupported);
  return g_string_free (text, FALSE);
}

static char *
describe_paths (GPtrArray *paths)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *one = describe_path (g_ptr_array_index (paths, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", one);
    }
  return g_string_free (text, FALSE);
}

static GPtrArray *
find (EntGraph *graph,
      gint64    from_id,
      gint64    to_id,
      guint     max_paths,
      Hidden   *hidden)
{
  g_autoptr(EntPathIndex) index = ent_path_index_new (graph);

  return ent_path_index_find (index, from_id, to_id, max_paths, hidden != NULL ? is_shown : NULL, hidden);
}

static void
assert_paths (GPtrArray  *paths,
              const char *expected)
{
  g_autofree char *text = describe_paths (paths);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_line (void)
{
  g_autoptr(EntGraph) graph = make_graph (4);
  g_autoptr(GPtrArray) forth = NULL;
  g_autoptr(GPtrArray) back = NULL;

  add_relation (graph, 11, 1, 2, SUPPORTED);
  add_relation (graph, 12, 3, 2, SUPPORTED);
  add_relation (graph, 13, 3, 4, SUPPORTED);

  forth = find (graph, 1, 4, 3, NULL);
  assert_paths (forth, "1 -11- 2 -12- 3 -13- 4");
  back = find (graph, 4, 1, 3, NULL);
  assert_paths (back, "4 -13- 3 -12- 2 -11- 1");
}

/* 1 -21- 2 -24- 4 and 1 -22- 3 -23- 4: both, smaller relation ids first as read from the first entity. */
static EntGraph *
make_diamond (void)
{
  EntGraph *graph = make_graph (4);

  add_relation (graph, 21, 1, 2, SUPPORTED);
  add_relation (graph, 24, 2, 4, SUPPORTED);
  add_relation (graph, 22, 1, 3, SUPPORTED);
  add_relation (graph, 23, 4, 3, SUPPORTED);
  return graph;
}

static void
test_diamond (void)
{
  g_autoptr(EntGraph) graph = make_diamond ();
  g_autoptr(GPtrArray) forth = find (graph, 1, 4, 3, NULL);
  g_autoptr(GPtrArray) back = find (graph, 4, 1, 3, NULL);
  g_autoptr(GPtrArray) one = find (graph, 1, 4, 1, NULL);
  g_autoptr(GPtrArray) many = find (graph, 1, 4, 10, NULL);

  assert_paths (forth, "1 -21- 2 -24- 4; 1 -22- 3 -23- 4");
  assert_paths (back, "4 -23- 3 -22- 1; 4 -24- 2 -21- 1");
  assert_paths (one, "1 -21- 2 -24- 4");
  /* More asked for than there are. */
  assert_paths (many, "1 -21- 2 -24- 4; 1 -22- 3 -23- 4");
}

/* 1 -31- 2 -32- 5, 31 unsupported, against 1 -33- 3 -34- 4 -35- 6 -36- 5, all supported. */
static void
test_evidence_first (void)
{
  g_autoptr(EntGraph) graph = make_graph (6);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) disputed = NULL;
  EntRelation *relation;

  relation = add_relation (graph, 31, 1, 2, UNQUOTED);
  g_assert_false (ent_relation_is_supported (relation));
  add_relation (graph, 32, 2, 5, SUPPORTED);
  add_relation (graph, 33, 1, 3, SUPPORTED);
  add_relation (graph, 34, 3, 4, SUPPORTED);
  add_relation (graph, 35, 4, 6, SUPPORTED);
  add_relation (graph, 36, 6, 5, SUPPORTED);

  paths = find (graph, 1, 5, 3, NULL);
  assert_paths (paths, "1 -33- 3 -34- 4 -35- 6 -36- 5; 1 -31- 2 -32- 5 (1 unsupported)");
  g_assert_cmpuint (((EntPath *) g_ptr_array_index (paths, 0))->n_unsupported, ==, 0);
  g_assert_cmpuint (((EntPath *) g_ptr_array_index (paths, 1))->n_unsupported, ==, 1);

  /* A quote that disputes the relation does not support it. */
  relation = ent_graph_get_relation (graph, 32);
  relation->disputing_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (relation->disputing_ids, relation->quote_ids->data, relation->quote_ids->len);
  g_assert_false (ent_relation_is_supported (relation));
  disputed = find (graph, 1, 5, 3, NULL);
  assert_paths (disputed, "1 -33- 3 -34- 4 -35- 6 -36- 5; 1 -31- 2 -32- 5 (2 unsupported)");
}

static void
test_disputed (void)
{
  g_autoptr(EntGraph) graph = make_graph (3);
  g_autoptr(GPtrArray) paths = NULL;
  EntRelation *disputed, *both;
  gint64 supporting = 1000;

  disputed = add_relation (graph, 41, 1, 2, DISPUTED);
  both = add_relation (graph, 42, 1, 3, DISPUTED);
  add_relation (graph, 43, 3, 2, SUPPORTED);
  g_assert_false (ent_relation_is_supported (disputed));
  /* One quote disputes it, another supports it. */
  g_array_append_val (both->quote_ids, supporting);
  g_assert_true (ent_relation_is_supported (both));

  paths = find (graph, 1, 2, 3, NULL);
  assert_paths (paths, "1 -42- 3 -43- 2; 1 -41- 2 (1 unsupported)");
}

static void
test_hidden_entity (void)
{
  g_autoptr(EntGraph) graph = make_diamond ();
  g_autoptr(Hidden) hidden = hidden_new ();
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) to_hidden = NULL;
  g_autoptr(GPtrArray) from_hidden = NULL;

  hide (hidden->entities, 2);
  paths = find (graph, 1, 4, 3, hidden);
  assert_paths (paths, "1 -22- 3 -23- 4");
  to_hidden = find (graph, 1, 2, 3, hidden);
  g_assert_cmpuint (to_hidden->len, ==, 0);
  from_hidden = find (graph, 2, 2, 3, hidden);
  g_assert_cmpuint (from_hidden->len, ==, 0);
}

/* One index answers queries through different filters, each as if it were the first. */
static void
test_reused_index (void)
{
  g_autoptr(EntGraph) graph = make_diamond ();
  g_autoptr(EntPathIndex) index = ent_path_index_new (graph);
  g_autoptr(Hidden) hidden = hidden_new ();

  hide (hidden->entities, 2);
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) filtered = ent_path_index_find (index, 1, 4, 3, is_shown, hidden);
      g_autoptr(GPtrArray) all = ent_path_index_find (index, 1, 4, 3, NULL, NULL);
      g_autoptr(GPtrArray) back = ent_path_index_find (index, 4, 1, 3, is_shown, hidden);

      assert_paths (filtered, "1 -22- 3 -23- 4");
      assert_paths (all, "1 -21- 2 -24- 4; 1 -22- 3 -23- 4");
      assert_paths (back, "4 -23- 3 -22- 1");
    }
}

static void
test_hidden_relation (void)
{
  g_autoptr(EntGraph) graph = make_diamond ();
  g_autoptr(Hidden) hidden = hidden_new ();
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) none = NULL;

  hide (hidden->relations, 24);
  paths = find (graph, 1, 4, 3, hidden);
  assert_paths (paths, "1 -22- 3 -23- 4");
  hide (hidden->relations, 22);
  none = find (graph, 1, 4, 3, hidden);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_not_connected (void)
{
  g_autoptr(EntGraph) graph = make_graph (4);
  g_autoptr(GPtrArray) apart = NULL;
  g_autoptr(GPtrArray) unknown = NULL;
  g_autoptr(GPtrArray) unknown_end = NULL;
  g_autoptr(GPtrArray) none_asked = NULL;

  add_relation (graph, 11, 1, 2, SUPPORTED);
  add_relation (graph, 12, 3, 4, SUPPORTED);
  /* A relation of an entity to itself, and one to an entity the graph does not have. */
  add_relation (graph, 13, 2, 2, SUPPORTED);
  add_relation (graph, 14, 2, 99, SUPPORTED);

  apart = find (graph, 1, 4, 3, NULL);
  g_assert_nonnull (apart);
  g_assert_cmpuint (apart->len, ==, 0);
  unknown = find (graph, 1, 99, 3, NULL);
  g_assert_cmpuint (unknown->len, ==, 0);
  unknown_end = find (graph, 99, 99, 3, NULL);
  g_assert_cmpuint (unknown_end->len, ==, 0);
  none_asked = find (graph, 1, 2, 0, NULL);
  g_assert_cmpuint (none_asked->len, ==, 0);
}

static void
test_same_entity (void)
{
  g_autoptr(EntGraph) graph = make_diamond ();
  g_autoptr(GPtrArray) paths = find (graph, 3, 3, 3, NULL);
  EntPath *path;

  g_assert_cmpuint (paths->len, ==, 1);
  path = g_ptr_array_index (paths, 0);
  g_assert_cmpuint (path->entity_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (path->entity_ids, gint64, 0), ==, 3);
  g_assert_cmpuint (path->relation_ids->len, ==, 0);
  g_assert_cmpuint (path->n_unsupported, ==, 0);
}

/* Parallel relations make one chain: the supported one, the smaller id among those. */
static void
test_parallel (void)
{
  g_autoptr(EntGraph) graph = make_graph (3);
  g_autoptr(Hidden) hidden = hidden_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) unsupported = NULL;

  add_relation (graph, 51, 1, 2, UNQUOTED);
  add_relation (graph, 53, 2, 1, SUPPORTED);
  add_relation (graph, 52, 1, 2, SUPPORTED);
  add_relation (graph, 54, 2, 3, SUPPORTED);
  add_relation (graph, 55, 3, 2, UNQUOTED);

  all = find (graph, 1, 3, 5, NULL);
  assert_paths (all, "1 -52- 2 -54- 3");
  hide (hidden->relations, 52);
  second = find (graph, 1, 3, 5, hidden);
  assert_paths (second, "1 -53- 2 -54- 3");
  hide (hidden->relations, 53);
  hide (hidden->relations, 54);
  unsupported = find (graph, 1, 3, 5, hidden);
  assert_paths (unsupported, "1 -51- 2 -55- 3 (2 unsupported)");
}

/* (unsupported hops, hops, relation ids from the first entity): the order chains come in. */
static int
compare_chains (GArray *relations_a,
                guint   unsupported_a,
                GArray *relations_b,
                guint   unsupported_b)
{
  if (unsupported_a != unsupported_b)
    return unsupported_a < unsupported_b ? -1 : 1;
  if (relations_a->len != relations_b->len)
    return relations_a->len < relations_b->len ? -1 : 1;
  for (guint i = 0; i < relations_a->len; i++)
    {
      gint64 a = g_array_index (relations_a, gint64, i), b = g_array_index (relations_b, gint64, i);

      if (a != b)
        return a < b ? -1 : 1;
    }
  return 0;
}

/* The relation between @a and @b that a chain takes: the first shown one, supported first, smaller id first. */
static EntRelation *
link_between (EntGraph *graph,
              gint64    a,
              gint64    b,
              Hidden   *hidden)
{
  EntRelation *best = NULL;

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (!((relation->from_id == a && relation->to_id == b) || (relation->from_id == b && relation->to_id == a)) ||
          a == b || (hidden != NULL && !is_shown (TRUE, relation->id, hidden)))
        continue;
      if (best == NULL ||
          ent_relation_is_supported (relation) > ent_relation_is_supported (best) ||
          (ent_relation_is_supported (relation) == ent_relation_is_supported (best) && relation->id < best->id))
        best = relation;
    }
  return best;
}

/* Each chain goes from @from_id to @to_id through shown entities and relations, once each, and they come in order. */
static void
assert_chains_valid (EntGraph  *graph,
                     GPtrArray *paths,
                     gint64     from_id,
                     gint64     to_id,
                     Hidden    *hidden)
{
  for (guint i = 0; i < paths->len; i++)
    {
      EntPath *path = g_ptr_array_index (paths, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
      guint unsupported = 0;

      g_assert_cmpuint (path->entity_ids->len, ==, path->relation_ids->len + 1);
      g_assert_cmpint (g_array_index (path->entity_ids, gint64, 0), ==, from_id);
      g_assert_cmpint (g_array_index (path->entity_ids, gint64, path->entity_ids->len - 1), ==, to_id);
      for (guint j = 0; j < path->entity_ids->len; j++)
        {
          gint64 *id = &g_array_index (path->entity_ids, gint64, j);

          g_assert_false (g_hash_table_contains (seen, id));
          g_hash_table_add (seen, id);
          g_assert_true (hidden == NULL || is_shown (FALSE, *id, hidden));
        }
      for (guint j = 0; j < path->relation_ids->len; j++)
        {
          EntRelation *relation = link_between (graph, g_array_index (path->entity_ids, gint64, j),
                                                g_array_index (path->entity_ids, gint64, j + 1), hidden);

          g_assert_nonnull (relation);
          g_assert_cmpint (relation->id, ==, g_array_index (path->relation_ids, gint64, j));
          unsupported += !ent_relation_is_supported (relation);
        }
      g_assert_cmpuint (path->n_unsupported, ==, unsupported);
      if (i > 0)
        {
          EntPath *before = g_ptr_array_index (paths, i - 1);

          g_assert_cmpint (compare_chains (before->relation_ids, before->n_unsupported,
                                           path->relation_ids, path->n_unsupported), <, 0);
        }
    }
}

static void
test_bundled (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(EntPathIndex) index = ent_path_index_new (graph);
  EntEntity *aleinik = find_entity (graph, "Sergei Aleinik");
  EntEntity *council = find_entity (graph, "UN Security Council (UNSC)");
  g_autoptr(GPtrArray) paths = ent_path_index_find (index, aleinik->id, council->id, 3, NULL, NULL);
  g_autofree char *text = describe_paths (paths);

  g_test_message ("Sergei Aleinik to the UN Security Council: %s", text);
  g_assert_cmpuint (paths->len, >=, 1);
  assert_chains_valid (graph, paths, aleinik->id, council->id, NULL);

  /* The same index answers again, the same. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GPtrArray) again = ent_path_index_find (index, aleinik->id, council->id, 3, NULL, NULL);
      g_autofree char *again_text = describe_paths (again);

      g_assert_cmpstr (again_text, ==, text);
    }
}

/* A chain that brute force found: its relations, from the first entity. */
typedef struct
{
  GArray *relations;
  guint   n_unsupported;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  g_array_unref (found->relations);
  g_free (found);
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = *(Found * const *) a, *y = *(Found * const *) b;

  return compare_chains (x->relations, x->n_unsupported, y->relations, y->n_unsupported);
}

typedef struct
{
  EntGraph   *graph;
  Hidden     *hidden;
  GHashTable *neighbours;  /* entity id → GArray of gint64 neighbour ids */
  GHashTable *links;       /* pair_key () → the EntRelation a chain takes between them */
  GHashTable *on_chain;
  GArray     *relations;
  GPtrArray  *found;
  gint64      to_id;
  guint       max_hops;
} Brute;

static gint64
pair_key (gint64 a,
          gint64 b)
{
  return MIN (a, b) << 32 | MAX (a, b);
}

/* Every simple chain from @at to the end of at most max_hops hops. */
static void
brute_walk (Brute  *brute,
            gint64  at,
            guint   n_unsupported)
{
  GArray *next;

  if (at == brute->to_id)
    {
      Found *found = g_new0 (Found, 1);

      found->relations = g_array_copy (brute->relations);
      found->n_unsupported = n_unsupported;
      g_ptr_array_add (brute->found, found);
      return;
    }
  if (brute->relations->len == brute->max_hops)
    return;
  next = g_hash_table_lookup (brute->neighbours, &at);
  for (guint i = 0; next != NULL && i < next->len; i++)
    {
      gint64 *other = &g_array_index (next, gint64, i);
      gint64 key = pair_key (at, *other);
      EntRelation *relation;

      if (g_hash_table_contains (brute->on_chain, other) || !is_shown (FALSE, *other, brute->hidden))
        continue;
      relation = g_hash_table_lookup (brute->links, &key);
      if (relation == NULL)
        continue;
      g_hash_table_add (brute->on_chain, other);
      g_array_append_val (brute->relations, relation->id);
      brute_walk (brute, *other, n_unsupported + !ent_relation_is_supported (relation));
      g_array_set_size (brute->relations, brute->relations->len - 1);
      g_hash_table_remove (brute->on_chain, other);
    }
}

static void
add_neighbour (GHashTable *neighbours,
               gint64      a,
               gint64      b)
{
  GArray *list = g_hash_table_lookup (neighbours, &a);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (neighbours, g_memdup2 (&a, sizeof a), list);
    }
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, gint64, i) == b)
      return;
  g_array_append_val (list, b);
}

/* A random network of 1,000 entities, some relations unsupported, parallel or hidden, against brute force. */
static void
test_random_against_brute_force (void)
{
  const guint n = 1000, max_paths = 5, max_hops = 6;
  g_autoptr(EntGraph) graph = make_graph (0);
  g_autoptr(Hidden) hidden = hidden_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  g_autoptr(GHashTable) neighbours = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(EntPathIndex) index = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 relation_id = 5000;
  guint n_compared = 0, n_ties = 0;

  /* Entity ids that are not their indices. */
  for (guint i = 0; i < n; i++)
    add_entity (graph, 100 + 7 * i);
  for (guint i = 1; i < n; i++)
    {
      gint64 a = 100 + 7 * i, b = 100 + 7 * g_rand_int_range (rand, 0, i);

      add_relation (graph, relation_id--, a, b, g_rand_int_range (rand, 0, 5) == 0 ? UNQUOTED : SUPPORTED);
      add_neighbour (neighbours, a, b);
      add_neighbour (neighbours, b, a);
    }
  for (guint i = 0; i < n / 2; i++)
    {
      gint64 a = 100 + 7 * g_rand_int_range (rand, 0, n);
      gint64 b = g_rand_int_range (rand, 0, 4) == 0 ? a : 100 + 7 * g_rand_int_range (rand, 0, n);
      Backing backing = g_rand_int_range (rand, 0, 5) == 0 ? (g_rand_boolean (rand) ? UNQUOTED : DISPUTED) : SUPPORTED;
      guint copies = g_rand_int_range (rand, 0, 10) == 0 ? 2 : 1;

      /* Some of them near each other, so that there are many short chains; some parallel. */
      if (g_rand_boolean (rand))
        {
          GArray *list = g_hash_table_lookup (neighbours, &a);

          b = g_array_index (list, gint64, g_rand_int_range (rand, 0, list->len));
          list = g_hash_table_lookup (neighbours, &b);
          b = g_array_index (list, gint64, g_rand_int_range (rand, 0, list->len));
        }
      for (guint c = 0; c < copies; c++)
        {
          add_relation (graph, relation_id--, a, b, c == 0 ? backing : SUPPORTED);
          if (a != b)
            {
              add_neighbour (neighbours, a, b);
              add_neighbour (neighbours, b, a);
            }
        }
    }
  for (guint i = 0; i < n / 30; i++)
    hide (hidden->entities, 100 + 7 * g_rand_int_range (rand, 0, n));
  for (guint i = 0; i < n / 30; i++)
    hide (hidden->relations, g_rand_int_range (rand, relation_id, 5001));

  g_hash_table_iter_init (&iter, neighbours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; i < ((GArray *) value)->len; i++)
      {
        gint64 a = *(gint64 *) key, b = g_array_index ((GArray *) value, gint64, i), pair = pair_key (a, b);
        EntRelation *relation = link_between (graph, a, b, hidden);

        if (relation != NULL)
          g_hash_table_insert (links, g_memdup2 (&pair, sizeof pair), relation);
      }

  index = ent_path_index_new (graph);
  for (guint query = 0; query < 200; query++)
    {
      gint64 from_id = 100 + 7 * g_rand_int_range (rand, 0, n);
      gint64 to_id = from_id;
      g_autoptr(GPtrArray) paths = NULL;
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (found_free);
      g_autoptr(GHashTable) on_chain = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (gint64));
      Brute brute = { graph, hidden, neighbours, links, on_chain, relations, found, 0, max_hops };
      guint n_short = 0;

      /* An end a few steps away, so that brute force finds enough chains. */
      for (guint step = 0, steps = g_rand_int_range (rand, 1, 5); step < steps; step++)
        {
          GArray *list = g_hash_table_lookup (neighbours, &to_id);

          to_id = g_array_index (list, gint64, g_rand_int_range (rand, 0, list->len));
        }
      if (to_id == from_id)
        continue;

      paths = ent_path_index_find (index, from_id, to_id, max_paths, is_shown, hidden);
      assert_chains_valid (graph, paths, from_id, to_id, hidden);

      if (is_shown (FALSE, from_id, hidden))
        {
          brute.to_id = to_id;
          g_hash_table_add (on_chain, &from_id);
          brute_walk (&brute, from_id, 0);
          g_ptr_array_sort (found, compare_found);
        }

      /* The chains of at most max_hops hops are brute force's best, in its order; after a longer one,
       * brute force has none better. */
      while (n_short < paths->len &&
             ((EntPath *) g_ptr_array_index (paths, n_short))->relation_ids->len <= max_hops)
        n_short++;
      g_assert_cmpuint (found->len, >=, n_short);
      for (guint i = 0; i < n_short; i++)
        {
          EntPath *path = g_ptr_array_index (paths, i);
          Found *best = g_ptr_array_index (found, i);

          g_assert_cmpint (compare_chains (path->relation_ids, path->n_unsupported,
                                           best->relations, best->n_unsupported), ==, 0);
          n_ties += i > 0 && path->n_unsupported == ((EntPath *) g_ptr_array_index (paths, i - 1))->n_unsupported &&
                    path->relation_ids->len == ((EntPath *) g_ptr_array_index (paths, i - 1))->relation_ids->len;
        }
      if (n_short < paths->len && found->len > n_short)
        {
          EntPath *longer = g_ptr_array_index (paths, n_short);
          Found *next = g_ptr_array_index (found, n_short);

          g_assert_cmpint (compare_chains (longer->relation_ids, longer->n_unsupported,
                                           next->relations, next->n_unsupported), <, 0);
        }
      /* Fewer than asked for: there are no more. */
      if (paths->len < max_paths && n_short == paths->len)
        g_assert_cmpuint (found->len, ==, paths->len);
      n_compared += paths->len > 0;
    }
  g_test_message ("%u queries with chains compared, %u ties of cost among them", n_compared, n_ties);
  g_assert_cmpuint (n_compared, >, 100);
  g_assert_cmpuint (n_ties, >, 0);
}

static gboolean
count_asked (gboolean is_relation,
             gint64   id,
             gpointer user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* A query asks about what is near the chains it finds, not about the whole network. */
static void
test_asks_only_what_it_needs (void)
{
  const guint n = 10000;
  g_autoptr(EntGraph) graph = make_graph (0);
  g_autoptr(EntPathIndex) index = NULL;
  /* The best chain only: that there is no other one takes walking the whole line. */
  struct { gint64 from_id, to_id; guint max_paths, n_chains; } queries[] = {
    { 5000, 5003, 1, 1 },
    { 5003, 5000, 1, 1 },
    /* Not connected, with either end in a component of three. */
    { 20001, 5000, 3, 0 },
    { 5000, 20003, 3, 0 },
  };

  for (guint i = 1; i <= n; i++)
    add_entity (graph, i);
  for (guint i = 1; i < n; i++)
    add_relation (graph, i, i, i + 1, SUPPORTED);
  for (guint i = 20001; i <= 20003; i++)
    add_entity (graph, i);
  add_relation (graph, 20001, 20001, 20002, SUPPORTED);
  add_relation (graph, 20002, 20002, 20003, UNQUOTED);
  index = ent_path_index_new (graph);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      guint asked = 0;
      g_autoptr(GPtrArray) paths = ent_path_index_find (index, queries[q].from_id, queries[q].to_id,
                                                        queries[q].max_paths, count_asked, &asked);

      g_assert_cmpuint (paths->len, ==, queries[q].n_chains);
      if (paths->len > 0)
        g_assert_cmpuint (((EntPath *) g_ptr_array_index (paths, 0))->relation_ids->len, ==, 3);
      g_assert_cmpuint (asked, <, 100);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paths/line", test_line);
  g_test_add_func ("/paths/diamond", test_diamond);
  g_test_add_func ("/paths/evidence-first", test_evidence_first);
  g_test_add_func ("/paths/disputed", test_disputed);
  g_test_add_func ("/paths/hidden-entity", test_hidden_entity);
  g_test_add_func ("/paths/hidden-relation", test_hidden_relation);
  g_test_add_func ("/paths/reused-index", test_reused_index);
  g_test_add_func ("/paths/not-connected", test_not_connected);
  g_test_add_func ("/paths/same-entity", test_same_entity);
  g_test_add_func ("/paths/parallel", test_parallel);
  g_test_add_func ("/paths/bundled", test_bundled);
  g_test_add_func ("/paths/random-against-brute-force", test_random_against_brute_force);
  g_test_add_func ("/paths/asks-only-what-it-needs", test_asks_only_what_it_needs);

  return g_test_run ();
}
