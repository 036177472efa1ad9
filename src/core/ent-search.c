/* ent-search.c: finding entities by their names, descriptions and quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-search"

#include "config.h"

#include "ent-search.h"

#include <string.h>

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
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

/* Where @entity matches @needle first: its name, else its description, else one of its quotes. */
static gboolean
match_entity (EntGraph        *graph,
              EntEntity       *entity,
              const char      *needle,
              EntSearchResult *result)
{
  result->entity = entity;
  result->quote = NULL;

  if (text_matches (entity->name, needle))
    result->match = ENT_SEARCH_MATCH_NAME;
  else if (text_matches (entity->description, needle))
    result->match = ENT_SEARCH_MATCH_DESCRIPTION;
  else if ((result->quote = matching_quote (graph, entity->quote_ids, needle)) != NULL)
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
 * Finds the entities whose name, description or one of whose quotes
 * contains @query. Names rank first, then descriptions, then quotes, as the
 * likelier a match is what was meant, the higher it stands; within each,
 * the entities keep the graph's order. An empty query finds nothing.
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
  g_autofree char *needle = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (*query == '\0')
    return g_steal_pointer (&results);

  needle = g_utf8_casefold (query, -1);
  matches = g_array_new (FALSE, FALSE, sizeof (EntSearchResult));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntSearchResult result;

      if (match_entity (graph, g_ptr_array_index (graph->entities, i), needle, &result))
        g_array_append_val (matches, result);
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
 * @kind: the kind of entity
 * @name: a name, trimmed
 * @except_id: an entity to pass over (the one being edited), or 0
 *
 * Finds an entity of @kind whose name is @name but for case and the white
 * space around it: a second one would most likely be a duplicate.
 *
 * Returns: (transfer none) (nullable): the entity, which belongs to @graph
 */
EntEntity *
ent_graph_find_same_name (EntGraph   *graph,
                          EntKind     kind,
                          const char *name,
                          gint64      except_id)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  folded = g_utf8_casefold (name, -1);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *other = g_ptr_array_index (graph->entities, i);
      g_autofree char *other_trimmed = NULL;
      g_autofree char *other_folded = NULL;

      if (other->id == except_id || other->kind != kind || other->name == NULL)
        continue;

      other_trimmed = g_strstrip (g_strdup (other->name));
      other_folded = g_utf8_casefold (other_trimmed, -1);
      if (g_str_equal (folded, other_folded))
        return other;
    }

  return NULL;
}
