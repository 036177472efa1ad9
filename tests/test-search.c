/* test-search.c: finding entities by their names, descriptions and quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-search.h"
#include "ent-test-util.h"
#include "ent-store.h"

static void
add_quote (EntGraph   *graph,
           gint64      id,
           const char *text)
{
  EntQuote *quote = g_new0 (EntQuote, 1);

  quote->id = id;
  quote->source_id = 1;
  quote->text = g_strdup (text);
  ent_graph_take_quote (graph, quote);
}

static void
add_entity (EntGraph   *graph,
            gint64      id,
            const char *name,
            const char *description,
            gint64      quote_id)
{
  EntEntity *entity = g_new0 (EntEntity, 1);

  entity->id = id;
  entity->kind = ENT_KIND_PERSON;
  entity->name = g_strdup (name);
  entity->description = g_strdup (description);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (quote_id != 0)
    g_array_append_val (entity->quote_ids, quote_id);
  ent_graph_take_entity (graph, entity);
}

/* Each entity matches "minsk" in one place only, and they are added in the opposite order of their rank. */
static EntGraph *
small_graph (void)
{
  EntGraph *graph = ent_graph_new ();

  add_quote (graph, 100, "He flew in from MINSK on Monday.");
  add_quote (graph, 101, "Nothing to see here.");
  add_quote (graph, 102, "Le café de Zürich.");
  add_entity (graph, 1, "Traveller", "Came by air", 100);
  add_entity (graph, 2, "Embassy", "The mission in Minsk", 101);
  add_entity (graph, 3, "Minsk", NULL, 0);
  add_entity (graph, 4, "Сергей Алейник", "Министр", 102);
  add_entity (graph, 5, "Minsk Tractor Works", "Makes tractors in Minsk", 0);

  return graph;
}

typedef struct
{
  gint64         entity_id;
  EntSearchMatch match;
  gint64         quote_id;
} Expected;

/* What "minsk" finds in the small graph, best first. */
static const Expected minsk_results[] = {
  { 3, ENT_SEARCH_MATCH_NAME, 0 },
  { 5, ENT_SEARCH_MATCH_NAME, 0 },
  { 2, ENT_SEARCH_MATCH_DESCRIPTION, 0 },
  { 1, ENT_SEARCH_MATCH_QUOTE, 100 },
};

static void
assert_results (GArray         *results,
                const Expected *expected,
                guint           n_expected)
{
  g_assert_cmpuint (results->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      EntSearchResult *result = &g_array_index (results, EntSearchResult, i);

      g_assert_cmpint (result->entity->id, ==, expected[i].entity_id);
      g_assert_cmpint (result->match, ==, expected[i].match);
      if (expected[i].quote_id == 0)
        g_assert_null (result->quote);
      else
        g_assert_cmpint (result->quote->id, ==, expected[i].quote_id);
    }
}

/* Names first, then descriptions, then quotes; an entity shows once, where it matched first. */
static void
test_ranking (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(GArray) results = ent_graph_search (graph, "minsk", 50);

  assert_results (results, minsk_results, G_N_ELEMENTS (minsk_results));
}

/* Results stop at the limit, the best kept. */
static void
test_limit (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(GArray) results = ent_graph_search (graph, "minsk", 3);

  assert_results (results, minsk_results, 3);
}

/*
 * Case does not matter, in any script; accents do, as the match is on the
 * case-folded text.
 */
static void
test_case_and_diacritics (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(GArray) upper = ent_graph_search (graph, "MiNsK", 50);
  g_autoptr(GArray) cyrillic = ent_graph_search (graph, "АЛЕЙНИК", 50);
  g_autoptr(GArray) cyrillic_description = ent_graph_search (graph, "министр", 50);
  g_autoptr(GArray) accented = ent_graph_search (graph, "CAFÉ", 50);
  g_autoptr(GArray) umlaut = ent_graph_search (graph, "zürich", 50);
  g_autoptr(GArray) bare = ent_graph_search (graph, "zurich", 50);
  static const Expected by_name[] = { { 4, ENT_SEARCH_MATCH_NAME, 0 } };
  static const Expected by_description[] = { { 4, ENT_SEARCH_MATCH_DESCRIPTION, 0 } };
  static const Expected by_quote[] = { { 4, ENT_SEARCH_MATCH_QUOTE, 102 } };

  assert_results (upper, minsk_results, G_N_ELEMENTS (minsk_results));
  assert_results (cyrillic, by_name, 1);
  assert_results (cyrillic_description, by_description, 1);
  assert_results (accented, by_quote, 1);
  assert_results (umlaut, by_quote, 1);
  g_assert_cmpuint (bare->len, ==, 0);
}

static void
test_empty_and_no_match (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  g_autoptr(GArray) empty = ent_graph_search (graph, "", 50);
  g_autoptr(GArray) none = ent_graph_search (graph, "Vladivostok", 50);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

static char *
describe (GArray *results)
{
  GString *text = g_string_new (NULL);
  static const char * const matches[] = { "name", "description", "quote" };

  for (guint i = 0; i < results->len; i++)
    {
      EntSearchResult *result = &g_array_index (results, EntSearchResult, i);

      g_string_append_printf (text, "%s (%s)\n", result->entity->name, matches[result->match]);
    }
  return g_string_free (text, FALSE);
}

/* On the bundled network, as the search bar lists them. */
static void
test_bundled (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GArray) delhi = ent_graph_search (graph, "DELHI", 50);
  g_autoptr(GArray) minister = ent_graph_search (graph, "minister", 50);
  g_autofree char *delhi_text = describe (delhi);
  g_autofree char *minister_text = describe (minister);

  g_assert_cmpstr (delhi_text, ==,
                   "Delhi (name)\n"
                   "Arrival in Delhi (name)\n"
                   "Sergei Aleinik (description)\n");
  g_assert_cmpstr (minister_text, ==,
                   "Sergei Aleinik (description)\n"
                   "S Jaishankar (description)\n"
                   "Arrival in Delhi (quote)\n"
                   "Meeting with S Jaishankar (quote)\n");
}

/* A name already taken by an entity of the same kind, but for case and white space, is found. */
static void
test_same_name (void)
{
  g_autoptr(EntGraph) graph = small_graph ();
  EntEntity *found;

  found = ent_graph_find_same_name (graph, ENT_KIND_PERSON, "minsk", 0);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, 3);
  found = ent_graph_find_same_name (graph, ENT_KIND_PERSON, "СЕРГЕЙ АЛЕЙНИК", 0);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, 4);

  /* The entity being edited is not its own duplicate; another kind is no duplicate either. */
  g_assert_null (ent_graph_find_same_name (graph, ENT_KIND_PERSON, "Minsk", 3));
  g_assert_null (ent_graph_find_same_name (graph, ENT_KIND_PLACE, "Minsk", 0));
  /* Only the whole name counts. */
  g_assert_null (ent_graph_find_same_name (graph, ENT_KIND_PERSON, "Mins", 0));

  g_free (((EntEntity *) g_ptr_array_index (graph->entities, 1))->name);
  ((EntEntity *) g_ptr_array_index (graph->entities, 1))->name = g_strdup ("  Embassy\t");
  found = ent_graph_find_same_name (graph, ENT_KIND_PERSON, "embassy", 0);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/search/ranking", test_ranking);
  g_test_add_func ("/ent/search/limit", test_limit);
  g_test_add_func ("/ent/search/case-and-diacritics", test_case_and_diacritics);
  g_test_add_func ("/ent/search/empty-and-no-match", test_empty_and_no_match);
  g_test_add_func ("/ent/search/bundled", test_bundled);
  g_test_add_func ("/ent/search/same-name", test_same_name);

  return g_test_run ();
}
