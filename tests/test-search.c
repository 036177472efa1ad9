/* test-search.c: finding entities and relations by their names, descriptions, properties and quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-search.h"
#include "ent-test-util.h"
#include "ent-store.h"

#include <glib/gstdio.h>

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
  EntEntity *entity = add_kind_entity (graph, id, ENT_KIND_PERSON, NULL, name);

  entity->description = g_strdup (description);
  if (quote_id != 0)
    g_array_append_val (entity->quote_ids, quote_id);
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
  static const char * const matches[] = { "name", "description", "property", "quote" };

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

/* The entity ent_graph_find_same_name() finds for @kind_key and @name must be @expected_id, or none for 0. */
static void
assert_same_name (EntGraph   *graph,
                  const char *kind_key,
                  const char *name,
                  gint64      except_id,
                  gint64      expected_id)
{
  EntEntity *found = ent_graph_find_same_name (graph, kind_key, name, except_id);

  if (expected_id == 0)
    {
      g_assert_null (found);
      return;
    }
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, expected_id);
}

/* A name already taken by an entity of the same kind, but for case and white space, is found. */
static void
test_same_name (void)
{
  g_autoptr(EntGraph) graph = small_graph ();

  assert_same_name (graph, "person", "minsk", 0, 3);
  assert_same_name (graph, "person", "СЕРГЕЙ АЛЕЙНИК", 0, 4);

  /* The entity being edited is not its own duplicate; another kind is no duplicate either. */
  assert_same_name (graph, "person", "Minsk", 3, 0);
  assert_same_name (graph, "place", "Minsk", 0, 0);
  /* Only the whole name counts. */
  assert_same_name (graph, "person", "Mins", 0, 0);

  g_free (((EntEntity *) g_ptr_array_index (graph->entities, 1))->name);
  ((EntEntity *) g_ptr_array_index (graph->entities, 1))->name = g_strdup ("  Embassy\t");
  assert_same_name (graph, "person", "embassy", 0, 2);
}

/* Gives entity @id of the small graph a kind the file added, stored as an organisation is. */
static void
set_custom_kind (EntGraph   *graph,
                 gint64      id,
                 EntKind     kind,
                 const char *kind_key)
{
  EntEntity *entity = ent_graph_get_entity (graph, id);

  entity->kind = kind;
  g_free (entity->kind_key);
  entity->kind_key = g_strdup (kind_key);
}

/* Kinds are told apart by their keys: a kind the file added is none of the built-in ones, nor another added one. */
static void
test_same_name_custom_kind (void)
{
  g_autoptr(EntGraph) graph = small_graph ();

  set_custom_kind (graph, 3, ENT_KIND_ORGANISATION, "airport");
  set_custom_kind (graph, 5, ENT_KIND_ORGANISATION, NULL);

  assert_same_name (graph, "airport", "MINSK", 0, 3);
  assert_same_name (graph, "organisation", "Minsk", 0, 0);
  assert_same_name (graph, "person", "Minsk", 0, 0);
  assert_same_name (graph, "company", "Minsk", 0, 0);
  assert_same_name (graph, "airport", "Minsk", 3, 0);

  /* An entity of the file's kind named like one the file stores as a built-in organisation is no duplicate. */
  assert_same_name (graph, "airport", "Minsk Tractor Works", 0, 0);
  assert_same_name (graph, "organisation", "minsk tractor works", 0, 5);

  /* A built-in kind's key stored beside its enum is the same kind as the enum alone. */
  set_custom_kind (graph, 4, ENT_KIND_PERSON, "person");
  assert_same_name (graph, "person", "сергей алейник", 0, 4);
}

static gint64
store_entity (EntStore   *store,
              const char *name,
              const char *description)
{
  EntEntity entity = { .kind = ENT_KIND_PLACE, .name = (char *) name, .description = (char *) description };
  g_autoptr(GError) error = NULL;
  gint64 id = ent_store_add_entity (store, &entity, &error);

  g_assert_no_error (error);
  return id;
}

static void
store_property (EntStore        *store,
                gint64           entity_id,
                gint64           relation_id,
                const char      *key,
                EntPropertyType  type,
                const char      *value)
{
  EntProperty property = { .key = (char *) key, .type = type, .value = (char *) value };
  g_autoptr(GError) error = NULL;

  g_assert_true (ent_store_set_property (store, entity_id, relation_id, &property, &error));
  g_assert_no_error (error);
}

/*
 * A network in a new file, through the store as an import writes one: each
 * entity matches "1067" in one place, and a relation in one of its
 * properties. Returns the graph; @ids gets the entities' ids and then the
 * relation's, in that order.
 */
static EntGraph *
property_graph (gint64 ids[6])
{
  g_autofree char *dir = g_dir_make_tmp ("entente-search-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "network.entente", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  EntSource source = { .title = (char *) "Chronicle", .body = (char *) "A town first named in 1067." };
  EntRelation relation = { .kind = (char *) "road", .directed = TRUE };
  EntGraph *graph;
  gint64 source_id, quote_id;

  g_assert_no_error (error);
  source_id = ent_store_add_source (store, &source, &error);
  g_assert_no_error (error);
  quote_id = ent_store_add_quote (store, source_id, 2, 27, "town first named in 1067.", &error);
  g_assert_no_error (error);

  /* Added in the opposite order of their rank, so that the ranking, not the order, puts them in place. */
  ids[0] = store_entity (store, "Chronicled town", NULL);
  g_assert_true (ent_store_add_entity_evidence (store, ids[0], quote_id, &error));
  ids[1] = store_entity (store, "Minsk", NULL);
  store_property (store, ids[1], 0, "capital", ENT_PROPERTY_BOOLEAN, "true");
  store_property (store, ids[1], 0, "founded", ENT_PROPERTY_DATE, "1067");
  store_property (store, ids[1], 0, "IATA", ENT_PROPERTY_STRING, "MSQ");
  ids[2] = store_entity (store, "Brest", "An older town than the one of 1067");
  ids[3] = store_entity (store, "Road 1067", NULL);
  ids[4] = store_entity (store, "Vitebsk", NULL);
  store_property (store, ids[4], 0, "population", ENT_PROPERTY_NUMBER, "364800");
  relation.from_id = ids[1];
  relation.to_id = ids[3];
  ids[5] = ent_store_add_relation (store, &relation, &error);
  g_assert_no_error (error);
  store_property (store, 0, ids[5], "milestone", ENT_PROPERTY_STRING, "km 1067");

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  /* Closed first, so that SQLite takes its journal away. */
  g_clear_object (&store);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
  return graph;
}

/* A property ranks after names and descriptions and before quotes; a relation follows the entities of its rank. */
static void
test_property_ranking (void)
{
  gint64 ids[6];
  g_autoptr(EntGraph) graph = property_graph (ids);
  g_autoptr(GArray) results = ent_graph_search (graph, "1067", 50);
  static const EntSearchMatch matches[] = {
    ENT_SEARCH_MATCH_NAME, ENT_SEARCH_MATCH_DESCRIPTION, ENT_SEARCH_MATCH_PROPERTY,
    ENT_SEARCH_MATCH_PROPERTY, ENT_SEARCH_MATCH_QUOTE,
  };
  const gint64 entity_ids[] = { ids[3], ids[2], ids[1], 0, ids[0] };
  EntSearchResult *result;

  g_assert_cmpuint (results->len, ==, G_N_ELEMENTS (matches));
  for (guint i = 0; i < results->len; i++)
    {
      result = &g_array_index (results, EntSearchResult, i);
      g_assert_cmpint (result->match, ==, matches[i]);
      g_assert_cmpint (result->entity != NULL ? result->entity->id : 0, ==, entity_ids[i]);
      g_assert_true ((result->property != NULL) == (matches[i] == ENT_SEARCH_MATCH_PROPERTY));
    }

  /* The result says which property matched. */
  result = &g_array_index (results, EntSearchResult, 2);
  g_assert_cmpstr (result->property->key, ==, "founded");
  g_assert_null (result->relation);
  result = &g_array_index (results, EntSearchResult, 3);
  g_assert_cmpint (result->relation->id, ==, ids[5]);
  g_assert_cmpstr (result->property->key, ==, "milestone");
  g_assert_null (result->quote);
}

/* "key: value" looks in the properties of that key only, whatever the case; yes-or-no values only so. */
static void
test_property_key (void)
{
  gint64 ids[6];
  g_autoptr(EntGraph) graph = property_graph (ids);
  g_autoptr(GArray) iata = ent_graph_search (graph, "iata: msq", 50);
  g_autoptr(GArray) other_key = ent_graph_search (graph, "population: msq", 50);
  g_autoptr(GArray) bare_true = ent_graph_search (graph, "true", 50);
  g_autoptr(GArray) capital = ent_graph_search (graph, "Capital:true", 50);
  g_autoptr(GArray) number = ent_graph_search (graph, "3648", 50);

  g_assert_cmpuint (iata->len, ==, 1);
  g_assert_cmpint (g_array_index (iata, EntSearchResult, 0).entity->id, ==, ids[1]);
  g_assert_cmpstr (g_array_index (iata, EntSearchResult, 0).property->key, ==, "IATA");
  g_assert_cmpuint (other_key->len, ==, 0);
  g_assert_cmpuint (bare_true->len, ==, 0);
  g_assert_cmpuint (capital->len, ==, 1);
  g_assert_cmpstr (g_array_index (capital, EntSearchResult, 0).property->key, ==, "capital");
  g_assert_cmpuint (number->len, ==, 1);
  g_assert_cmpint (g_array_index (number, EntSearchResult, 0).entity->id, ==, ids[4]);
}

/*
 * A network as large as an import brings: 100,000 entities with five
 * properties each. A query that matches nothing reads every text there is.
 */
static void
test_property_scale (void)
{
  static const char * const keys[] = { "population", "founded", "iata", "mayor", "website" };
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GArray) results = NULL;
  g_autoptr(GArray) found = NULL;

  for (gint64 id = 1; id <= 100000; id++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);

      entity->id = id;
      entity->kind = ENT_KIND_PLACE;
      entity->name = g_strdup_printf ("Town %" G_GINT64_FORMAT, id);
      entity->description = g_strdup ("A town of the generated network");
      entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      entity->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          EntProperty *property = g_new0 (EntProperty, 1);

          property->key = g_strdup (keys[k]);
          property->type = k == 0 ? ENT_PROPERTY_NUMBER : ENT_PROPERTY_STRING;
          property->value = g_strdup_printf (k == 4 ? "https://town-%" G_GINT64_FORMAT ".example.org" : "%" G_GINT64_FORMAT,
                                             id * (k + 1));
          g_ptr_array_add (entity->properties, property);
        }
      ent_graph_take_entity (graph, entity);
    }

  timer = g_timer_new ();
  results = ent_graph_search (graph, "Vladivostok", 50);
  g_test_message ("one query in 100,000 entities with 5 properties each: %.0f ms",
                  g_timer_elapsed (timer, NULL) * 1000);
  g_assert_cmpuint (results->len, ==, 0);

  /* Each town's website holds five times its id. */
  found = ent_graph_search (graph, "town-388885.", 50);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, EntSearchResult, 0).entity->id, ==, 77777);
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
  g_test_add_func ("/ent/search/same-name-custom-kind", test_same_name_custom_kind);
  g_test_add_func ("/ent/search/property-ranking", test_property_ranking);
  g_test_add_func ("/ent/search/property-key", test_property_key);
  g_test_add_func ("/ent/search/property-scale", test_property_scale);

  return g_test_run ();
}
