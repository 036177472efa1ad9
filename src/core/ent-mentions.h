/* ent-mentions.h: where the sources mention the entities, by name or alias
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"

G_BEGIN_DECLS

/* A name or alias found in a source: character offsets into its body, end exclusive. */
typedef struct
{
  gint64 entity_id;
  gint64 source_id;
  gint64 start;
  gint64 end;
} EntMention;

/* Names of fewer characters than this, alone, are not looked for: "S" or "UN" would be found everywhere. */
#define ENT_MENTION_MIN_CHARS 3
/* The longest name looked for, in words. */
#define ENT_MENTION_MAX_WORDS 16

typedef struct _EntMentionFinder EntMentionFinder;

EntMentionFinder *ent_mention_finder_new        (void);
void              ent_mention_finder_free       (EntMentionFinder  *self);
gboolean          ent_mention_finder_add_name   (EntMentionFinder  *self,
                                                 gint64             entity_id,
                                                 const char        *name);
void              ent_mention_finder_add_graph  (EntMentionFinder  *self,
                                                 EntGraph          *graph);
void              ent_mention_finder_find       (EntMentionFinder  *self,
                                                 gint64             source_id,
                                                 const char        *text,
                                                 GArray            *mentions);

GArray           *ent_mentions_find             (EntGraph          *graph,
                                                 GCancellable      *cancellable,
                                                 GError           **error);
void              ent_mentions_find_async       (EntGraph          *graph,
                                                 GCancellable      *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer           user_data);
GArray           *ent_mentions_find_finish      (GAsyncResult      *result,
                                                 GError           **error);
gboolean          ent_mention_is_linked         (EntGraph          *graph,
                                                 const EntMention  *mention);
GArray           *ent_mentions_unlinked         (EntGraph          *graph,
                                                 GArray            *mentions,
                                                 gint64             entity_id);
GArray           *ent_mentions_near             (EntGraph          *graph,
                                                 gint64             source_id,
                                                 gint64             start,
                                                 gint64             end,
                                                 gint64             reach);
void              ent_mention_get_passage       (const char        *body,
                                                 const EntMention  *mention,
                                                 gint64            *start,
                                                 gint64            *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntMentionFinder, ent_mention_finder_free)

G_END_DECLS
