/* ent-search.h: finding entities and relations by their names, descriptions, properties and quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-graph.h"

G_BEGIN_DECLS

/* Where an entity matched, from the likeliest to be what was meant to the least. */
typedef enum
{
  ENT_SEARCH_MATCH_NAME,
  ENT_SEARCH_MATCH_DESCRIPTION,
  ENT_SEARCH_MATCH_PROPERTY,
  ENT_SEARCH_MATCH_QUOTE,
} EntSearchMatch;

typedef struct
{
  /* All belong to the graph searched. The entity found, or %NULL when a relation was. */
  EntEntity      *entity;
  /* The quote that matched, when @match is %ENT_SEARCH_MATCH_QUOTE; otherwise %NULL. */
  EntQuote       *quote;
  EntSearchMatch  match;
  /* The relation found, which only its properties find; %NULL when an entity was. */
  EntRelation    *relation;
  /* The property that matched, when @match is %ENT_SEARCH_MATCH_PROPERTY; otherwise %NULL. */
  EntProperty    *property;
} EntSearchResult;

GArray    *ent_graph_search         (EntGraph   *graph,
                                     const char *query,
                                     guint       max_results);
EntEntity *ent_graph_find_same_name (EntGraph   *graph,
                                     const char *kind_key,
                                     const char *name,
                                     gint64      except_id);

G_END_DECLS
