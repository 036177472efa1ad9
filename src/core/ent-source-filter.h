/* ent-source-filter.h: what one source, a publisher or a time of publication supports
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-graph.h"
#include "ent-item-filter.h"

G_BEGIN_DECLS

/*
 * Which sources to ask about. Every field set narrows the choice; a selection
 * with none set chooses every source.
 */
typedef struct
{
  GArray     *source_ids;      /* gint64; %NULL or empty = any source */
  const char *publisher;       /* %NULL or empty = any; compared ignoring case */
  const char *published_from;  /* a date as stored, or %NULL; "2024" from 1 January on */
  const char *published_to;    /* a date as stored, or %NULL; inclusive of its whole span: "2024-03" to the end of March */
} EntSourceSelection;

gboolean       ent_source_selection_matches (const EntSourceSelection *selection,
                                             const EntSource          *source);
EntItemFilter *ent_source_filter_new        (EntGraph                 *graph,
                                             const EntSourceSelection *selection);

/* How many entities and relations a source supports. */
typedef struct
{
  gint64 source_id;
  guint  n_entities;
  guint  n_relations;
} EntSourceSupport;

GArray        *ent_source_support_count     (EntGraph                 *graph);

/*
 * What each source of a network supports, worked out once, so that choosing
 * sources costs what they support rather than a walk over the network.
 */
typedef struct _EntSourceIndex EntSourceIndex;

EntSourceIndex *ent_source_index_new           (EntGraph                 *graph);
void            ent_source_index_free          (EntSourceIndex           *self);
EntItemFilter  *ent_source_index_filter        (EntSourceIndex           *self,
                                                const EntSourceSelection *selection);
GArray         *ent_source_index_support_count (EntSourceIndex           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSourceIndex, ent_source_index_free)

G_END_DECLS
