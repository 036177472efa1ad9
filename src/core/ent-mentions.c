/* ent-mentions.c: where the sources mention the entities, by name or alias
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-mentions"

#include "config.h"

#include "ent-mentions.h"

#include <stdlib.h>
#include <string.h>

/*
 * Names and texts are cut into words, each folded: lower case, and the
 * accents of Latin and Greek letters dropped (and ё read as е), so that
 * "ALEINIK", "Aleinik" and "Aléinik" are one word. Cyrillic and Devanagari
 * keep the marks that make other letters of them (й, ў; matras, virama).
 * A name is a sequence of words; it is found where the text has the same
 * words one after the other, with at most a few spaces, hyphens or
 * apostrophes between them (a full stop only after an initial) and never a
 * line break. Where
 * names overlap, the longest found at a word wins: "India" is not found
 * inside "India-Belarus Inter-governmental Commission".
 */

#define NO_WORD G_MAXUINT
/* The most characters between two words of a name. */
#define MAX_GAP 3

typedef struct
{
  guint  first;     /* its first word's index into words */
  guint  n_words;
  guint  next;      /* the next pattern with the same first word, or NO_WORD */
  gint64 entity_id;
} Pattern;

struct _EntMentionFinder
{
  /* Folded word → its number + 1. */
  GHashTable *word_ids;
  /* Per word number: the first pattern that starts with it, or NO_WORD. */
  GArray     *starts;
  GArray     *patterns;
  GArray     *words;
};

typedef struct
{
  guint  word;
  gint64 start;
  gint64 end;
  /* Whether the next word follows close enough to be part of the same name. */
  gboolean joins_next;
} Token;

EntMentionFinder *
ent_mention_finder_new (void)
{
  EntMentionFinder *self = g_new0 (EntMentionFinder, 1);

  self->word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->patterns = g_array_new (FALSE, FALSE, sizeof (Pattern));
  self->words = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
ent_mention_finder_free (EntMentionFinder *self)
{
  g_hash_table_unref (self->word_ids);
  g_array_unref (self->starts);
  g_array_unref (self->patterns);
  g_array_unref (self->words);
  g_free (self);
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether a mark on @base is an accent that folding drops. */
static gboolean
drops_mark (gunichar mark,
            gunichar base)
{
  gboolean accent = (mark >= 0x300 && mark <= 0x36f) || (mark >= 0x1ab0 && mark <= 0x1aff) ||
                    (mark >= 0x1dc0 && mark <= 0x1dff) || (mark >= 0x20d0 && mark <= 0x20ff) ||
                    (mark >= 0xfe20 && mark <= 0xfe2f);

  /* Latin and Greek, with their extended blocks. */
  if (base < 0x400 || (base >= 0x1e00 && base < 0x2000))
    return accent;
  /* Cyrillic: stress marks and the diaeresis of ё and ї, not the breve of й and ў. */
  if (base < 0x530)
    return mark == 0x300 || mark == 0x301 || mark == 0x308;
  return FALSE;
}

/* Appends @c folded; @base is the last letter seen, for the marks that follow it on their own. */
static void
append_folded (GString  *out,
               gunichar  c,
               gunichar *base)
{
  gunichar parts[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char) c));
      *base = c;
      return;
    }

  if (g_unichar_ismark (c))
    {
      if (!drops_mark (c, *base))
        g_string_append_unichar (out, c);
      return;
    }

  n = g_unichar_fully_decompose (c, FALSE, parts, G_N_ELEMENTS (parts));
  *base = parts[0];
  g_string_append_unichar (out, g_unichar_tolower (parts[0]));
  for (gsize i = 1; i < n; i++)
    if (!drops_mark (parts[i], parts[0]))
      g_string_append_unichar (out, g_unichar_tolower (parts[i]));
}

static inline gboolean
is_gap_char (gunichar c)
{
  return c == ' ' || c == '-' || c == '\'' || c == '.' || c == 0xa0 || c == 0x2010 || c == 0x2011 ||
         c == 0x2013 || c == 0x2019 || c == 0x202f;
}

typedef void (*WordFunc) (const char *folded,
                          gint64      start,
                          gint64      end,
                          gboolean    joins_previous,
                          gpointer    user_data);

/* Cuts @text into words and calls @func with each, folded, and its character offsets. */
static void
each_word (const char *text,
           WordFunc    func,
           gpointer    user_data)
{
  g_autoptr(GString) word = g_string_sized_new (64);
  const char *p = text;
  gint64 index = 0, start = 0, last_length = 0;
  gunichar base = 0;
  gboolean in_word = FALSE, gap_ok = FALSE, seen_word = FALSE;
  guint gap = 0;

  while (*p != '\0')
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char_validated (p, -1);
      const char *next = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8 (bodies are checked when stored): a byte that ends a word. */
          c = 0xfffd;
          next = p + 1;
        }

      if (is_word_char (c))
        {
          if (!in_word)
            {
              in_word = TRUE;
              start = index;
              g_string_truncate (word, 0);
            }
          append_folded (word, c, &base);
        }
      else
        {
          if (in_word)
            {
              func (word->str, start, index, seen_word && gap_ok, user_data);
              last_length = index - start;
              in_word = FALSE;
              seen_word = TRUE;
              gap_ok = TRUE;
              gap = 0;
            }
          gap++;
          /* A full stop only after an initial, as in "S. Jaishankar": after a word it ends a sentence. */
          if (gap > MAX_GAP || !is_gap_char (c) || (c == '.' && last_length != 1))
            gap_ok = FALSE;
        }

      p = next;
      index++;
    }

  if (in_word)
    func (word->str, start, index, seen_word && gap_ok, user_data);
}

typedef struct
{
  EntMentionFinder *finder;
  GArray           *tokens;
  /* Names: add the words they have; texts: look them up only. */
  gboolean          adding;
} Cutting;

static void
take_word_cb (const char *folded,
              gint64      start,
              gint64      end,
              gboolean    joins_previous,
              gpointer    user_data)
{
  Cutting *cutting = user_data;
  EntMentionFinder *self = cutting->finder;
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (self->word_ids, folded));
  Token token = { .word = id > 0 ? id - 1 : NO_WORD, .start = start, .end = end };

  if (id == 0 && cutting->adding)
    {
      guint none = NO_WORD;

      token.word = self->starts->len;
      g_hash_table_insert (self->word_ids, g_strdup (folded), GUINT_TO_POINTER (token.word + 1));
      g_array_append_val (self->starts, none);
    }

  if (cutting->tokens->len > 0)
    g_array_index (cutting->tokens, Token, cutting->tokens->len - 1).joins_next = joins_previous;
  g_array_append_val (cutting->tokens, token);
}

/**
 * ent_mention_finder_add_name:
 * @self: a finder
 * @entity_id: whose name it is
 * @name: a name or alias
 *
 * Looks for @name as a mention of @entity_id. A name of one word shorter
 * than ENT_MENTION_MIN_CHARS, of no word, or of more than
 * ENT_MENTION_MAX_WORDS words is not looked for, nor one whose words do not
 * follow each other as a text's would.
 *
 * Returns: whether the name is looked for
 */
gboolean
ent_mention_finder_add_name (EntMentionFinder *self,
                             gint64            entity_id,
                             const char       *name)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  Cutting cutting = { self, tokens, TRUE };
  Pattern pattern = { .first = self->words->len, .entity_id = entity_id };
  const Token *first;

  g_return_val_if_fail (self != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  each_word (name, take_word_cb, &cutting);
  if (tokens->len == 0 || tokens->len > ENT_MENTION_MAX_WORDS)
    return FALSE;
  first = &g_array_index (tokens, Token, 0);
  if (tokens->len == 1 && first->end - first->start < ENT_MENTION_MIN_CHARS)
    return FALSE;
  for (guint i = 0; i + 1 < tokens->len; i++)
    if (!g_array_index (tokens, Token, i).joins_next)
      return FALSE;

  /* The same words for the same entity (a name and an alias that differ in case) are one pattern. */
  for (guint p = g_array_index (self->starts, guint, first->word); p != NO_WORD;
       p = g_array_index (self->patterns, Pattern, p).next)
    {
      const Pattern *other = &g_array_index (self->patterns, Pattern, p);
      gboolean same = other->entity_id == entity_id && other->n_words == tokens->len;

      for (guint i = 0; same && i < tokens->len; i++)
        same = g_array_index (self->words, guint, other->first + i) == g_array_index (tokens, Token, i).word;
      if (same)
        return TRUE;
    }

  for (guint i = 0; i < tokens->len; i++)
    g_array_append_val (self->words, g_array_index (tokens, Token, i).word);
  pattern.n_words = tokens->len;
  pattern.next = g_array_index (self->starts, guint, first->word);
  g_array_index (self->starts, guint, first->word) = self->patterns->len;
  g_array_append_val (self->patterns, pattern);
  return TRUE;
}

/* Looks for every entity's name and aliases. */
void
ent_mention_finder_add_graph (EntMentionFinder *self,
                              EntGraph         *graph)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (graph != NULL);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      ent_mention_finder_add_name (self, entity->id, entity->name);
      for (guint a = 0; entity->aliases != NULL && a < entity->aliases->len; a++)
        ent_mention_finder_add_name (self, entity->id, g_ptr_array_index (entity->aliases, a));
    }
}

/* Whether @pattern's words are the text's from token @at on. */
static gboolean
matches (EntMentionFinder *self,
         const Pattern    *pattern,
         const Token      *tokens,
         guint             n_tokens,
         guint             at)
{
  if (at + pattern->n_words > n_tokens)
    return FALSE;

  for (guint i = 1; i < pattern->n_words; i++)
    if (!tokens[at + i - 1].joins_next ||
        tokens[at + i].word != g_array_index (self->words, guint, pattern->first + i))
      return FALSE;

  return TRUE;
}

static int
compare_entity_ids (const void *a,
                    const void *b)
{
  gint64 x = ((const EntMention *) a)->entity_id, y = ((const EntMention *) b)->entity_id;

  return (x > y) - (x < y);
}

/**
 * ent_mention_finder_find:
 * @self: a finder
 * @source_id: the source @text is the body of
 * @text: the text, UTF-8
 * @mentions: an array of EntMention to append to, in the order of the text
 *
 * Finds the names in @text: whole words, ignoring case and accents.
 */
void
ent_mention_finder_find (EntMentionFinder *self,
                         gint64            source_id,
                         const char       *text,
                         GArray           *mentions)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  Cutting cutting = { self, tokens, FALSE };
  const Token *words;

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  each_word (text, take_word_cb, &cutting);
  words = (const Token *) tokens->data;

  for (guint at = 0; at < tokens->len; at++)
    {
      guint longest = 0, first_found;

      if (words[at].word == NO_WORD)
        continue;

      for (guint p = g_array_index (self->starts, guint, words[at].word); p != NO_WORD;
           p = g_array_index (self->patterns, Pattern, p).next)
        {
          const Pattern *pattern = &g_array_index (self->patterns, Pattern, p);

          if (pattern->n_words >= longest && matches (self, pattern, words, tokens->len, at))
            longest = pattern->n_words;
        }
      if (longest == 0)
        continue;

      /* Every entity that has the longest name found here, by id: two may share it. */
      first_found = mentions->len;
      for (guint p = g_array_index (self->starts, guint, words[at].word); p != NO_WORD;
           p = g_array_index (self->patterns, Pattern, p).next)
        {
          const Pattern *pattern = &g_array_index (self->patterns, Pattern, p);
          EntMention mention = { pattern->entity_id, source_id, words[at].start, words[at + longest - 1].end };

          if (pattern->n_words == longest && matches (self, pattern, words, tokens->len, at))
            g_array_append_val (mentions, mention);
        }
      if (mentions->len - first_found > 1)
        qsort (&g_array_index (mentions, EntMention, first_found), mentions->len - first_found, sizeof (EntMention),
               compare_entity_ids);
      at += longest - 1;
    }
}

typedef struct
{
  EntMentionFinder *finder;
  GArray           *source_ids;
  GPtrArray        *bodies;
} FindData;

static void
find_data_free (FindData *data)
{
  ent_mention_finder_free (data->finder);
  g_array_unref (data->source_ids);
  g_ptr_array_unref (data->bodies);
  g_free (data);
}

/* What finding needs, copied out of the graph, so that it can be done on another thread while the graph changes. */
static FindData *
find_data_new (EntGraph *graph)
{
  FindData *data = g_new0 (FindData, 1);

  data->finder = ent_mention_finder_new ();
  ent_mention_finder_add_graph (data->finder, graph);
  data->source_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), graph->sources->len);
  data->bodies = g_ptr_array_new_full (graph->sources->len, g_free);
  for (guint i = 0; i < graph->sources->len; i++)
    {
      EntSource *source = g_ptr_array_index (graph->sources, i);

      g_array_append_val (data->source_ids, source->id);
      g_ptr_array_add (data->bodies, g_strdup (source->body != NULL ? source->body : ""));
    }
  return data;
}

static GArray *
find_all (FindData     *data,
          GCancellable *cancellable,
          GError      **error)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (EntMention));

  for (guint i = 0; i < data->bodies->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      ent_mention_finder_find (data->finder, g_array_index (data->source_ids, gint64, i),
                               g_ptr_array_index (data->bodies, i), mentions);
    }

  return g_steal_pointer (&mentions);
}

/**
 * ent_mentions_find:
 * @graph: a network
 * @cancellable: (nullable): checked between sources
 * @error: return location for %G_IO_ERROR_CANCELLED
 *
 * Finds every mention of every entity's name and aliases in every source.
 *
 * Returns: (transfer full) (nullable): EntMention, by source and offset
 */
GArray *
ent_mentions_find (EntGraph      *graph,
                   GCancellable  *cancellable,
                   GError       **error)
{
  FindData *data;
  GArray *mentions;

  g_return_val_if_fail (graph != NULL, NULL);

  data = find_data_new (graph);
  mentions = find_all (data, cancellable, error);
  find_data_free (data);
  return mentions;
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GArray *mentions = find_all (task_data, cancellable, &error);

  if (mentions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, mentions, (GDestroyNotify) g_array_unref);
}

/**
 * ent_mentions_find_async:
 * @graph: a network; what is needed of it is copied at once
 * @cancellable: (nullable): a cancellable
 * @callback: called with the mentions
 * @user_data: for @callback
 *
 * Finds the mentions on another thread: for many or long sources.
 */
void
ent_mentions_find_async (EntGraph            *graph,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, ent_mentions_find_async);
  g_task_set_task_data (task, find_data_new (graph), (GDestroyNotify) find_data_free);
  g_task_run_in_thread (task, find_thread);
}

GArray *
ent_mentions_find_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether a quote of the entity holds the mention: it is linked as evidence already. */
gboolean
ent_mention_is_linked (EntGraph         *graph,
                       const EntMention *mention)
{
  EntEntity *entity;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (mention != NULL, FALSE);

  entity = ent_graph_get_entity (graph, mention->entity_id);
  for (guint i = 0; entity != NULL && entity->quote_ids != NULL && i < entity->quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (graph, g_array_index (entity->quote_ids, gint64, i));

      if (quote != NULL && quote->source_id == mention->source_id && quote->start <= mention->start &&
          quote->end >= mention->end)
        return TRUE;
    }

  return FALSE;
}

/**
 * ent_mentions_unlinked:
 * @graph: the network
 * @mentions: EntMention from ent_mentions_find()
 * @entity_id: an entity, or 0 for all
 *
 * Returns: (transfer full): the mentions of @entity_id that no quote of it holds
 */
GArray *
ent_mentions_unlinked (EntGraph *graph,
                       GArray   *mentions,
                       gint64    entity_id)
{
  GArray *unlinked = g_array_new (FALSE, FALSE, sizeof (EntMention));

  for (guint i = 0; i < mentions->len; i++)
    {
      const EntMention *mention = &g_array_index (mentions, EntMention, i);

      if ((entity_id == 0 || mention->entity_id == entity_id) && !ent_mention_is_linked (graph, mention))
        g_array_append_val (unlinked, *mention);
    }

  return unlinked;
}

/* Whether the sentence ends with the character at @p (a full stop, say), which @before and @before_that precede. */
static gboolean
ends_sentence (const char *p,
               gunichar    before,
               gunichar    before_that)
{
  gunichar c = g_utf8_get_char (p);
  const char *next = g_utf8_next_char (p);
  gunichar after = *next != '\0' ? g_utf8_get_char (next) : ' ';

  if (c == '\n')
    return TRUE;
  if (c != '.' && c != '!' && c != '?' && c != 0x2026)
    return FALSE;
  if (!g_unichar_isspace (after))
    return FALSE;
  /* An initial, as in "S. Jaishankar", is not the end of a sentence. */
  return !(c == '.' && g_unichar_isupper (before) && (g_unichar_isspace (before_that) || before_that == '('));
}

/**
 * ent_mention_get_passage:
 * @body: the source's text
 * @mention: a mention in it
 * @start: (out): where the sentence that holds it starts, in characters
 * @end: (out): where it ends, its closing punctuation included
 *
 * The passage a mention is accepted as evidence with: its sentence, or the
 * line of a heading.
 */
void
ent_mention_get_passage (const char       *body,
                         const EntMention *mention,
                         gint64           *start,
                         gint64           *end)
{
  const char *p = body;
  gint64 index = 0, sentence_start = 0;
  gunichar previous = ' ', before_previous = ' ';
  gboolean starting = TRUE;

  g_return_if_fail (body != NULL && mention != NULL && start != NULL && end != NULL);

  *start = mention->start;
  *end = mention->end;

  for (; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (starting && !g_unichar_isspace (c))
        {
          sentence_start = index;
          starting = FALSE;
        }

      if (!starting && ends_sentence (p, previous, before_previous))
        {
          gint64 sentence_end = c == '\n' ? index : index + 1;

          if (sentence_end >= mention->end)
            {
              *start = MIN (sentence_start, mention->start);
              *end = sentence_end;
              return;
            }
          starting = TRUE;
        }

      before_previous = previous;
      previous = c;
    }

  *start = MIN (sentence_start, mention->start);
  *end = MAX (index, mention->end);
}

/**
 * ent_mentions_near:
 * @graph: the network
 * @source_id: a source
 * @start: the start of a passage of it, in characters
 * @end: its end
 * @reach: how many characters before and after the passage count as near
 *
 * The entities mentioned in a passage or near it, each once, those in the
 * passage first, then by how near they are: the ends a relation stated in
 * the passage most likely joins.
 *
 * Returns: (transfer full): gint64 entity ids
 */
GArray *
ent_mentions_near (EntGraph *graph,
                   gint64    source_id,
                   gint64    start,
                   gint64    end,
                   gint64    reach)
{
  g_autoptr(EntMentionFinder) finder = ent_mention_finder_new ();
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (EntMention));
  g_autoptr(GArray) distances = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  EntSource *source;

  g_return_val_if_fail (graph != NULL, ids);

  source = ent_graph_get_source (graph, source_id);
  if (source == NULL || source->body == NULL)
    return ids;

  ent_mention_finder_add_graph (finder, graph);
  ent_mention_finder_find (finder, source_id, source->body, mentions);

  for (guint i = 0; i < mentions->len; i++)
    {
      const EntMention *mention = &g_array_index (mentions, EntMention, i);
      gint64 distance = mention->end <= start ? start - mention->end : mention->start >= end ? mention->start - end : 0;
      guint at;

      if (distance > reach)
        continue;
      for (at = 0; at < ids->len && g_array_index (ids, gint64, at) != mention->entity_id; at++)
        ;
      if (at < ids->len)
        {
          if (distance < g_array_index (distances, gint64, at))
            {
              g_array_index (distances, gint64, at) = distance;
              g_array_index (places, gint64, at) = mention->start;
            }
          continue;
        }
      g_array_append_val (ids, mention->entity_id);
      g_array_append_val (distances, distance);
      g_array_append_val (places, mention->start);
    }

  /* Nearest first; among those in the passage, in the order of the text (an insertion sort: few ids). */
  for (guint i = 1; i < ids->len; i++)
    for (guint j = i; j > 0; j--)
      {
        gint64 d = g_array_index (distances, gint64, j), id = g_array_index (ids, gint64, j);
        gint64 place = g_array_index (places, gint64, j);
        gint64 d_before = g_array_index (distances, gint64, j - 1);

        if (d > d_before || (d == d_before && place >= g_array_index (places, gint64, j - 1)))
          break;
        g_array_index (distances, gint64, j) = d_before;
        g_array_index (ids, gint64, j) = g_array_index (ids, gint64, j - 1);
        g_array_index (places, gint64, j) = g_array_index (places, gint64, j - 1);
        g_array_index (distances, gint64, j - 1) = d;
        g_array_index (ids, gint64, j - 1) = id;
        g_array_index (places, gint64, j - 1) = place;
      }

  return ids;
}
