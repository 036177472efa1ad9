/* ent-relation-dialog.h: the dialog that adds or edits a relation
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-edit-dialog.h"
#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_RELATION_DIALOG (ent_relation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntRelationDialog, ent_relation_dialog, ENT, RELATION_DIALOG, EntEditDialog)

EntRelationDialog *ent_relation_dialog_new          (GtkWindow         *parent,
                                                     EntGraph          *graph,
                                                     const EntRelation *relation,
                                                     gint64             from_id,
                                                     gint64             to_id);
EntRelation       *ent_relation_dialog_dup_relation (EntRelationDialog *self);

/* What is wrong with the form is the business of #EntEditDialog. */
#define ent_relation_dialog_is_valid(self)    ent_edit_dialog_is_valid (ENT_EDIT_DIALOG (self))
#define ent_relation_dialog_get_problem(self) ent_edit_dialog_get_problem (ENT_EDIT_DIALOG (self))

G_END_DECLS
