/* ent-item-filter.h: which entities and relations a filter lets through
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-graph.h"

G_BEGIN_DECLS

/*
 * The entities and relations that a source, time or other filter lets
 * through, by id, with a caption that says which filter it is ("Only what
 * ‘Aleinik’s visit to Delhi’ supports"). The view hides what any of its
 * filters leaves out; exports say so in their caption.
 */
typedef struct _EntItemFilter EntItemFilter;

EntItemFilter *ent_item_filter_new              (const char    *caption);
EntItemFilter *ent_item_filter_ref              (EntItemFilter *self);
void           ent_item_filter_unref            (EntItemFilter *self);

void           ent_item_filter_add_entity       (EntItemFilter *self,
                                                 gint64         entity_id);
void           ent_item_filter_add_relation     (EntItemFilter *self,
                                                 gint64         relation_id);
void           ent_item_filter_add_ends         (EntItemFilter *self,
                                                 EntGraph      *graph);
gboolean       ent_item_filter_has_entity       (EntItemFilter *self,
                                                 gint64         entity_id);
gboolean       ent_item_filter_has_relation     (EntItemFilter *self,
                                                 gint64         relation_id);
guint          ent_item_filter_get_n_entities   (EntItemFilter *self);
guint          ent_item_filter_get_n_relations  (EntItemFilter *self);
const char    *ent_item_filter_get_caption      (EntItemFilter *self);

typedef void (*EntItemFilterFunc) (gint64   id,
                                   gpointer user_data);

void           ent_item_filter_foreach_entity   (EntItemFilter     *self,
                                                 EntItemFilterFunc  func,
                                                 gpointer           user_data);
void           ent_item_filter_foreach_relation (EntItemFilter     *self,
                                                 EntItemFilterFunc  func,
                                                 gpointer           user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntItemFilter, ent_item_filter_unref)

G_END_DECLS
