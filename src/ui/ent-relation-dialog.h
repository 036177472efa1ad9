/* ent-relation-dialog.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_RELATION_DIALOG (ent_relation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntRelationDialog, ent_relation_dialog, ENT, RELATION_DIALOG, AdwWindow)

EntRelationDialog *ent_relation_dialog_new          (GtkWindow         *parent,
                                                     EntGraph          *graph,
                                                     const EntRelation *relation,
                                                     gint64             from_id,
                                                     gint64             to_id);
EntRelation       *ent_relation_dialog_dup_relation (EntRelationDialog *self);
gboolean           ent_relation_dialog_is_valid     (EntRelationDialog *self);
const char        *ent_relation_dialog_get_problem  (EntRelationDialog *self);

G_END_DECLS
