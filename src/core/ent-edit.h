/* ent-edit.h: the edits a person makes, each one undoable step
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-graph.h"
#include "ent-store.h"

G_BEGIN_DECLS

#define ENT_EDIT_ERROR (ent_edit_error_quark ())

typedef enum
{
  ENT_EDIT_ERROR_NOT_FOUND,
} EntEditError;

GQuark   ent_edit_error_quark      (void);
gboolean ent_edit_add_entity       (EntStore           *store,
                                    const EntEntity    *entity,
                                    const char         *engine,
                                    double              x,
                                    double              y,
                                    gint64             *new_id,
                                    GError            **error);
gboolean ent_edit_add_entity_with_quote (EntStore      *store,
                                         EntGraph      *graph,
                                         const EntEntity *entity,
                                         const EntQuote *passage,
                                         const char    *engine,
                                         double         x,
                                         double         y,
                                         gint64        *new_id,
                                         GError       **error);
gboolean ent_edit_update_entity    (EntStore           *store,
                                    EntGraph           *graph,
                                    const EntEntity    *entity,
                                    GError            **error);
gboolean ent_edit_move_entity      (EntStore           *store,
                                    EntGraph           *graph,
                                    const char         *engine,
                                    gint64              entity_id,
                                    double              x,
                                    double              y,
                                    GError            **error);
gboolean ent_edit_delete_entity    (EntStore           *store,
                                    EntGraph           *graph,
                                    gint64              entity_id,
                                    GError            **error);
gboolean ent_edit_merge_entities   (EntStore           *store,
                                    EntGraph           *graph,
                                    gint64              keep_id,
                                    gint64              other_id,
                                    GError            **error);
gboolean ent_edit_save_relation    (EntStore           *store,
                                    EntGraph           *graph,
                                    const EntRelation  *relation,
                                    GError            **error);
gboolean ent_edit_save_relation_with_quote (EntStore        *store,
                                            EntGraph        *graph,
                                            const EntRelation *relation,
                                            const EntQuote  *passage,
                                            GError         **error);
gboolean ent_edit_delete_relation  (EntStore           *store,
                                    gint64              relation_id,
                                    GError            **error);
gboolean ent_edit_save_source      (EntStore           *store,
                                    const EntSource    *source,
                                    GError            **error);
gboolean ent_edit_save_source_full (EntStore           *store,
                                    const EntSource    *source,
                                    gint64             *new_id,
                                    GError            **error);
gint64   ent_edit_add_evidence     (EntStore           *store,
                                    EntGraph           *graph,
                                    gint64              entity_id,
                                    gint64              relation_id,
                                    const EntQuote     *passage,
                                    GError            **error);
gboolean ent_edit_add_evidence_many (EntStore          *store,
                                    EntGraph           *graph,
                                    gint64              entity_id,
                                    GArray             *passages,
                                    guint              *n_added,
                                    GError            **error);
gboolean ent_edit_remove_evidence  (EntStore           *store,
                                    gint64              entity_id,
                                    gint64              relation_id,
                                    gint64              quote_id,
                                    GError            **error);
gboolean ent_edit_set_stance       (EntStore           *store,
                                    gint64              entity_id,
                                    gint64              relation_id,
                                    gint64              quote_id,
                                    gboolean            disputes,
                                    GError            **error);
gboolean ent_edit_update_kind      (EntStore           *store,
                                    EntGraph           *graph,
                                    const EntKindInfo  *kind,
                                    GError            **error);

G_END_DECLS
