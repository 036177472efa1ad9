/* test-mentions.c: finding where the sources mention entities, and the aliases they are found by
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-edit.h"
#include "ent-mentions.h"
#include "ent-test-util.h"

#include <string.h>
#include <glib/gstdio.h>

/* The text of each mention found in @text of the names given, as "entity:text" lines. */
static char *
find_in (const char         *text,
         const char * const *names)
{
  g_autoptr(EntMentionFinder) finder = ent_mention_finder_new ();
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (EntMention));
  GString *found = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    ent_mention_finder_add_name (finder, i + 1, names[i]);
  ent_mention_finder_find (finder, 7, text, mentions);

  for (guint i = 0; i < mentions->len; i++)
    {
      const EntMention *mention = &g_array_index (mentions, EntMention, i);
      const char *start = g_utf8_offset_to_pointer (text, mention->start);
      const char *end = g_utf8_offset_to_pointer (text, mention->end);

      g_assert_cmpint (mention->source_id, ==, 7);
      g_string_append_printf (found, "%" G_GINT64_FORMAT ":%.*s\n", mention->entity_id, (int) (end - start), start);
    }

  return g_string_free (found, FALSE);
}

static void
check (const char         *text,
       const char * const *names,
       const char         *expected)
{
  g_autofree char *found = find_in (text, names);

  g_assert_cmpstr (found, ==, expected);
}

static void
test_words (void)
{
  const char *names[] = { "India", "Sergei Aleinik", "S Jaishankar", NULL };

  /* Whole words, ignoring case: not "Indian", nor "Indiana". */
  check ("INDIA and india, Indian and Indiana; (India).", names, "1:INDIA\n1:india\n1:India\n");
  /* A name's words with spaces or a hyphen between them, or a full stop after an initial; not a line break, a
   * comma, or the full stop that ends a sentence. */
  check ("Sergei  Aleinik, Sergei-Aleinik, S. Jaishankar, Sergei\nAleinik, Sergei, Aleinik, Sergei. Aleinik", names,
         "2:Sergei  Aleinik\n2:Sergei-Aleinik\n3:S. Jaishankar\n");
  /* At the start and the end of the text. */
  check ("India", names, "1:India\n");
}

static void
test_folding (void)
{
  const char *names[] = { "Aleinik", "Алейник", "Königsberg", "भारत", "Ёлкин", NULL };

  check ("ALÉINIK and Aleïnik", names, "1:ALÉINIK\n1:Aleïnik\n");
  /* Cyrillic: case is folded, ё read as е, but й is not и. */
  check ("АЛЕЙНИК, алейник, Алеиник; Елкин", names, "2:АЛЕЙНИК\n2:алейник\n5:Елкин\n");
  /* Accents written as combining marks, or in one character, are the same. */
  check ("Ko\xcc\x88nigsberg and KONIGSBERG", names, "3:Ko\xcc\x88nigsberg\n3:KONIGSBERG\n");
  /* Devanagari keeps its vowel signs: भारत, not भरत. */
  check ("भारत और बेलारूस; भरत", names, "4:भारत\n");
}

static void
test_longest_name (void)
{
  const char *names[] = { "India", "India-Belarus Inter-governmental Commission", "Belarus", "Belarus", NULL };

  /* The commission, not India within it; two entities of one name are both found. */
  check ("The India-Belarus Inter-governmental Commission met. India and Belarus.", names,
         "2:India-Belarus Inter-governmental Commission\n1:India\n3:Belarus\n4:Belarus\n");
}

static void
test_names_not_looked_for (void)
{
  g_autoptr(EntMentionFinder) finder = ent_mention_finder_new ();
  g_autofree char *long_name = repeat_text ("", "word ", ENT_MENTION_MAX_WORDS + 1, "");

  /* Too short alone, no words, too many words, or words no text could have in a row. */
  g_assert_false (ent_mention_finder_add_name (finder, 1, "UN"));
  g_assert_false (ent_mention_finder_add_name (finder, 1, " -- "));
  g_assert_false (ent_mention_finder_add_name (finder, 1, long_name));
  g_assert_false (ent_mention_finder_add_name (finder, 1, "Trade, Defense"));
  g_assert_false (ent_mention_finder_add_name (finder, 1, NULL));
  g_assert_true (ent_mention_finder_add_name (finder, 1, "UN Security Council"));
  g_assert_true (ent_mention_finder_add_name (finder, 1, "un security council"));
}

static EntStore *
open_copy (const char *dir)
{
  g_autofree char *path = copy_bundled (dir, "network.entente");
  g_autoptr(GError) error = NULL;
  EntStore *store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return store;
}

static void
set_aliases (EntStore   *store,
             EntGraph   *graph,
             const char *name,
             const char *first,
             ...)
{
  EntEntity *entity = find_entity (graph, name);
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  EntEntity changed = *entity;
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first);
  for (const char *alias = first; alias != NULL; alias = va_arg (args, const char *))
    g_ptr_array_add (aliases, g_strdup (alias));
  va_end (args);

  changed.aliases = aliases;
  changed.properties = NULL;
  g_assert_true (ent_edit_update_entity (store, graph, &changed, &error));
  g_assert_no_error (error);
}

/* The passages the article's unlinked mentions of Aleinik and Jaishankar give, found by reading it. */
static const struct
{
  const char *entity;
  const char *passage;
} article_passages[] = {
  { "Sergei Aleinik",
    "Scheduled from March 11 to 13, Aleinik's visit includes crucial discussions with India's External Affairs "
    "Minister S Jaishankar, underscoring the significance of this diplomatic engagement in the context of global "
    "geopolitics and mutual cooperation." },
  { "Sergei Aleinik",
    "The highlight of Aleinik's visit is his meeting with External Affairs Minister S Jaishankar, set to focus on "
    "strengthening the India-Belarus bilateral ties." },
  { "S Jaishankar",
    "The highlight of Aleinik's visit is his meeting with External Affairs Minister S Jaishankar, set to focus on "
    "strengthening the India-Belarus bilateral ties." },
  { "Sergei Aleinik",
    "Aleinik's visit is not merely a diplomatic formality but a strategic endeavor to deepen the partnership between "
    "India and Belarus." },
};

static void
test_article (TempDir       *fixture,
              gconstpointer  data)
{
  g_autoptr(EntStore) store = open_copy (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autoptr(GArray) mentions = NULL;
  g_autoptr(GArray) unlinked = NULL;
  g_autoptr(GHashTable) added = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gint64 aleinik = find_entity (graph, "Sergei Aleinik")->id;
  gint64 jaishankar = find_entity (graph, "S Jaishankar")->id;
  guint n_aleinik = 0, n_jaishankar = 0;

  g_assert_no_error (error);
  set_aliases (store, graph, "Sergei Aleinik", "Aleinik", "Belarusian Minister of Foreign Affairs", NULL);
  set_aliases (store, graph, "S Jaishankar", "Jaishankar", "External Affairs Minister", NULL);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_entity (graph, "Sergei Aleinik")->aliases->len, ==, 2);

  mentions = ent_mentions_find (graph, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < mentions->len; i++)
    {
      const EntMention *mention = &g_array_index (mentions, EntMention, i);

      n_aleinik += mention->entity_id == aleinik;
      n_jaishankar += mention->entity_id == jaishankar;
    }
  /* "Belarusian Minister of Foreign Affairs", "Sergei Aleinik" and "Aleinik" three times; "External Affairs
   * Minister" and "S Jaishankar" twice each. */
  g_assert_cmpuint (n_aleinik, ==, 5);
  g_assert_cmpuint (n_jaishankar, ==, 4);

  /* The bundled quotes hold the first mentions of each: the rest are unlinked. */
  unlinked = ent_mentions_unlinked (graph, mentions, aleinik);
  g_assert_cmpuint (unlinked->len, ==, 3);
  g_clear_pointer (&unlinked, g_array_unref);
  unlinked = ent_mentions_unlinked (graph, mentions, jaishankar);
  g_assert_cmpuint (unlinked->len, ==, 2);
  g_clear_pointer (&unlinked, g_array_unref);

  /* Accepting all: each passage once, for its entity. */
  unlinked = ent_mentions_unlinked (graph, mentions, 0);
  for (guint i = 0; i < unlinked->len; i++)
    {
      const EntMention *mention = &g_array_index (unlinked, EntMention, i);
      EntEntity *entity = ent_graph_get_entity (graph, mention->entity_id);
      EntQuote passage = { .source_id = mention->source_id };
      g_autofree char *text = NULL;
      char *key;

      if (mention->entity_id != aleinik && mention->entity_id != jaishankar)
        continue;
      ent_mention_get_passage (ent_graph_get_source (graph, mention->source_id)->body, mention, &passage.start,
                               &passage.end);
      text = g_utf8_substring (ent_graph_get_source (graph, mention->source_id)->body, passage.start, passage.end);
      key = g_strdup_printf ("%s\n%s", entity->name, text);
      if (g_hash_table_contains (added, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (added, key);
      g_assert_cmpint (ent_edit_add_evidence (store, graph, mention->entity_id, 0, &passage, &error), >, 0);
      g_assert_no_error (error);
    }

  g_assert_cmpuint (g_hash_table_size (added), ==, G_N_ELEMENTS (article_passages));
  for (guint i = 0; i < G_N_ELEMENTS (article_passages); i++)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%s", article_passages[i].entity, article_passages[i].passage);

      if (!g_hash_table_contains (added, key))
        g_error ("the passage “%s” of %s was not added", article_passages[i].passage, article_passages[i].entity);
    }

  /* Found again, they are all linked now. */
  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  g_clear_pointer (&mentions, g_array_unref);
  mentions = ent_mentions_find (graph, NULL, &error);
  g_clear_pointer (&unlinked, g_array_unref);
  unlinked = ent_mentions_unlinked (graph, mentions, aleinik);
  g_assert_cmpuint (unlinked->len, ==, 0);
  g_clear_pointer (&unlinked, g_array_unref);
  unlinked = ent_mentions_unlinked (graph, mentions, jaishankar);
  g_assert_cmpuint (unlinked->len, ==, 0);
}

static void
test_aliases_stored (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EntStore) store = open_copy (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *too_long = repeat_text ("", "x", ENT_ALIAS_MAX_LENGTH + 1, "");
  EntEntity *minister;
  gint64 minister_id;

  set_aliases (store, graph, "Sergei Aleinik", "Aleinik", "Алейник", "Aleinik", NULL);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  minister = find_entity (graph, "Sergei Aleinik");
  minister_id = minister->id;
  g_assert_nonnull (minister->aliases);
  g_assert_cmpuint (minister->aliases->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (minister->aliases, 0), ==, "Aleinik");
  g_assert_cmpstr (g_ptr_array_index (minister->aliases, 1), ==, "Алейник");
  g_assert_null (find_entity (graph, "India")->aliases);

  /* One undoable edit. */
  g_assert_true (ent_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  g_assert_null (find_entity (graph, "Sergei Aleinik")->aliases);
  g_assert_true (ent_store_redo (store, &error));
  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  g_assert_cmpuint (find_entity (graph, "Sergei Aleinik")->aliases->len, ==, 2);

  /* What the store refuses, with nothing written. */
  g_ptr_array_add (bad, g_strdup ("two\nlines"));
  g_assert_false (ent_store_set_aliases (store, minister_id, bad, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (bad, 0);
  g_ptr_array_add (bad, g_strdup (too_long));
  g_assert_false (ent_store_set_aliases (store, minister_id, bad, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (bad, 0);
  g_ptr_array_add (bad, g_strdup (""));
  g_assert_false (ent_store_set_aliases (store, minister_id, bad, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (bad, 0);
  for (guint i = 0; i <= ENT_ENTITY_MAX_ALIASES; i++)
    g_ptr_array_add (bad, g_strdup_printf ("alias %u", i));
  g_assert_false (ent_store_set_aliases (store, minister_id, bad, &error));
  g_assert_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  g_assert_cmpuint (find_entity (graph, "Sergei Aleinik")->aliases->len, ==, 2);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GArray **mentions = user_data;
  g_autoptr(GError) error = NULL;

  *mentions = ent_mentions_find_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GArray) direct = ent_mentions_find (graph, NULL, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GArray *mentions = NULL;

  ent_mentions_find_async (graph, NULL, found_cb, &mentions);
  /* What is needed was copied: the graph may go. */
  g_clear_pointer (&graph, ent_graph_unref);
  while (mentions == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mentions->len, ==, direct->len);
  g_assert_cmpint (memcmp (mentions->data, direct->data, direct->len * sizeof (EntMention)), ==, 0);
  g_array_unref (mentions);

  graph = load_bundled ();
  g_cancellable_cancel (cancellable);
  g_assert_null (ent_mentions_find (graph, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_passage (void)
{
  const char *body = "Heading line\nFirst sentence. S. Jaishankar met Aleinik in Delhi! Third? Last one";
  const char *names[] = { NULL };
  const struct { const char *word; const char *sentence; } cases[] = {
    { "Heading", "Heading line" },
    { "First", "First sentence." },
    { "Aleinik", "S. Jaishankar met Aleinik in Delhi!" },
    { "Third", "Third?" },
    { "Last", "Last one" },
  };

  (void) names;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *at = strstr (body, cases[i].word);
      glong start = g_utf8_pointer_to_offset (body, at);
      EntMention mention = { 1, 1, start, start + (glong) strlen (cases[i].word) };
      gint64 from, to;
      g_autofree char *text = NULL;

      ent_mention_get_passage (body, &mention, &from, &to);
      text = g_utf8_substring (body, from, to);
      g_assert_cmpstr (text, ==, cases[i].sentence);
    }
}

/* The ends a relation stated in a passage is offered: the entities it mentions in the order of the text, then
 * those nearest it. */
static void
test_near (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  EntSource *source = g_ptr_array_index (graph->sources, 0);
  const char *sentence = "On Monday night, Belarusian Minister of Foreign Affairs, Sergei Aleinik, arrived in Delhi";
  const char *names[] = { "Sergei Aleinik", "Delhi" };
  g_autoptr(GArray) in_passage = NULL;
  g_autoptr(GArray) around = NULL;
  gint64 start = g_utf8_pointer_to_offset (source->body, strstr (source->body, sentence));
  gint64 end = start + g_utf8_strlen (sentence, -1);

  in_passage = ent_mentions_near (graph, source->id, start, end, 0);
  g_assert_cmpuint (in_passage->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpint (g_array_index (in_passage, gint64, i), ==, find_entity (graph, names[i])->id);

  /* Further, Belarus and India, which the sentence goes on to name, come after. */
  around = ent_mentions_near (graph, source->id, start, end, 200);
  g_assert_cmpuint (around->len, >, G_N_ELEMENTS (names));
  g_assert_cmpint (g_array_index (around, gint64, 0), ==, find_entity (graph, "Sergei Aleinik")->id);
  g_assert_cmpint (g_array_index (around, gint64, 1), ==, find_entity (graph, "Delhi")->id);
  g_assert_cmpint (g_array_index (around, gint64, 2), ==, find_entity (graph, "Belarus")->id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/mentions/words", test_words);
  g_test_add_func ("/ent/mentions/folding", test_folding);
  g_test_add_func ("/ent/mentions/longest-name", test_longest_name);
  g_test_add_func ("/ent/mentions/names-not-looked-for", test_names_not_looked_for);
  g_test_add_func ("/ent/mentions/passage", test_passage);
  g_test_add_func ("/ent/mentions/async", test_async);
  g_test_add_func ("/ent/mentions/near", test_near);
  g_test_add ("/ent/mentions/article", TempDir, NULL, temp_dir_set_up, test_article, temp_dir_tear_down);
  g_test_add ("/ent/mentions/aliases-stored", TempDir, NULL, temp_dir_set_up, test_aliases_stored,
              temp_dir_tear_down);

  return g_test_run ();
}
