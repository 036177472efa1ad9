/* ent-search.c: finding entities and relations by their names, descriptions, properties and quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-search"

#include "config.h"

#include "ent-search.h"

#include <string.h>

/*
 * What was typed, case-folded once: the whole of it, and, when it reads
 * "key: value", the key and the value, for a search among the properties of
 * that key only.
 */
typedef struct
{
  char *text;
  char *key;
  char *value;
} Needle;

static void
needle_clear (Needle *needle)
{
  g_free (needle->text);
  g_free (needle->key);
  g_free (needle->value);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Needle, needle_clear)

static void
needle_init (Needle     *needle,
             const char *query)
{
  const char *colon = strchr (query, ':');

  needle->text = g_utf8_casefold (query, -1);
  needle->key = NULL;
  needle->value = NULL;
  if (colon != NULL && colon != query)
    {
      g_autofree char *key = g_strstrip (g_strndup (query, colon - query));
      g_autofree char *value = g_strstrip (g_strdup (colon + 1));

      if (*key != '\0')
        {
          needle->key = g_utf8_casefold (key, -1);
          needle->value = g_utf8_casefold (value, -1);
        }
    }
}

/*
 * Looks for the case-folded @needle in @text as long as @text is ASCII,
 * whose folding only lowers its letters, so that the text needs no folded
 * copy: most of what a search reads is ASCII, and a copy of each of a
 * hundred thousand names and values would cost more than the search. Sets
 * @ascii to whether the whole of @text was read so.
 */
static gboolean
ascii_text_matches (const char *text,
                    const char *needle,
                    gboolean   *ascii)
{
  *ascii = TRUE;
  for (const char *start = text; *start != '\0'; start++)
    {
      const char *t = start;
      const char *n = needle;

      if ((guchar) *start >= 0x80)
        {
          *ascii = FALSE;
          return FALSE;
        }

      while (*n != '\0' && (guchar) *t < 0x80 && g_ascii_tolower (*t) == *n)
        t++, n++;
      if (*n == '\0')
        return TRUE;
    }

  return *needle == '\0';
}

/* Whether @text, case-folded, holds @needle, which is. */
static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;
  gboolean ascii;

  if (text == NULL)
    return FALSE;

  if (ascii_text_matches (text, needle, &ascii))
    return TRUE;
  if (ascii)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
key_matches (const char *key,
             const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (key, -1);

  return g_str_equal (folded, needle);
}

/*
 * The first property whose value holds what was typed, or whose key is the
 * one typed before a colon and whose value holds what follows it. Yes-or-no
 * values are found by their key only, as "true" in every other value would
 * only be noise.
 */
static EntProperty *
matching_property (GPtrArray    *properties,
                   const Needle *needle)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);

      if (property->type != ENT_PROPERTY_BOOLEAN && text_matches (property->value, needle->text))
        return property;
      if (needle->key != NULL && key_matches (property->key, needle->key) &&
          text_matches (property->value, needle->value))
        return property;
    }

  return NULL;
}

static EntQuote *
matching_quote (EntGraph   *graph,
                GArray     *quote_ids,
                const char *needle)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (graph, g_array_index (quote_ids, gint64, i));

      if (quote != NULL && text_matches (quote->text, needle))
        return quote;
    }

  return NULL;
}

/* Where @entity matches @needle first: its name, else its description, else a property, else one of its quotes. */
static gboolean
match_entity (EntGraph        *graph,
              EntEntity       *entity,
              const Needle    *needle,
              EntSearchResult *result)
{
  *result = (EntSearchResult) { .entity = entity };

  if (text_matches (entity->name, needle->text))
    result->match = ENT_SEARCH_MATCH_NAME;
  else if (text_matches (entity->description, needle->text))
    result->match = ENT_SEARCH_MATCH_DESCRIPTION;
  else if ((result->property = matching_property (entity->properties, needle)) != NULL)
    result->match = ENT_SEARCH_MATCH_PROPERTY;
  else if ((result->quote = matching_quote (graph, entity->quote_ids, needle->text)) != NULL)
    result->match = ENT_SEARCH_MATCH_QUOTE;
  else
    return FALSE;

  return TRUE;
}

/**
 * ent_graph_search:
 * @graph: the network to search
 * @query: what was typed; case does not matter
 * @max_results: at most this many results
 *
 * Finds the entities whose name, description, one of whose property values
 * or one of whose quotes contains @query, and the relations one of whose
 * property values does. A query "key: value" also finds the properties of
 * that key whose value contains "value". Names rank first, then
 * descriptions, then properties, then quotes, as the likelier a match is
 * what was meant, the higher it stands; within each, the entities keep the
 * graph's order, and relations follow them. An empty query finds nothing.
 *
 * Returns: (transfer full): an array of #EntSearchResult, which point into @graph
 */
GArray *
ent_graph_search (EntGraph   *graph,
                  const char *query,
                  guint       max_results)
{
  g_autoptr(GArray) results = g_array_new (FALSE, FALSE, sizeof (EntSearchResult));
  g_autoptr(GArray) matches = NULL;
  g_auto(Needle) needle = { NULL };

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (*query == '\0')
    return g_steal_pointer (&results);

  needle_init (&needle, query);
  matches = g_array_new (FALSE, FALSE, sizeof (EntSearchResult));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntSearchResult result;

      if (match_entity (graph, g_ptr_array_index (graph->entities, i), &needle, &result))
        g_array_append_val (matches, result);
    }

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      EntProperty *property = matching_property (relation->properties, &needle);

      if (property != NULL)
        {
          EntSearchResult result = { .relation = relation, .property = property, .match = ENT_SEARCH_MATCH_PROPERTY };

          g_array_append_val (matches, result);
        }
    }

  for (EntSearchMatch match = ENT_SEARCH_MATCH_NAME; match <= ENT_SEARCH_MATCH_QUOTE; match++)
    for (guint i = 0; i < matches->len && results->len < max_results; i++)
      if (g_array_index (matches, EntSearchResult, i).match == match)
        g_array_append_val (results, g_array_index (matches, EntSearchResult, i));

  return g_steal_pointer (&results);
}

/**
 * ent_graph_find_same_name:
 * @graph: the network to look in
 * @kind_key: the key of the kind of entity, among @graph's kinds or a built-in one's
 * @name: a name, trimmed
 * @except_id: an entity to pass over (the one being edited), or 0
 *
 * Finds an entity of the kind @kind_key whose name is @name but for case and the white
 * space around it: a second one would most likely be a duplicate.
 *
 * Returns: (transfer none) (nullable): the entity, which belongs to @graph
 */
EntEntity *
ent_graph_find_same_name (EntGraph   *graph,
                          const char *kind_key,
                          const char *name,
                          gint64      except_id)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (kind_key != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *other = g_ptr_array_index (graph->entities, i);
      g_autofree char *other_trimmed = NULL;
      g_autofree char *other_folded = NULL;

      if (other->id == except_id || other->name == NULL
          || !g_str_equal (ent_entity_get_kind_key (other), kind_key))
        continue;

      other_trimmed = g_strstrip (g_strdup (other->name));
      other_folded = g_utf8_casefold (other_trimmed, -1);
      if (g_str_equal (folded, other_folded))
        return other;
    }

  return NULL;
}
