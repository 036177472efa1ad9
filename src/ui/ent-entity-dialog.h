/* ent-entity-dialog.h: the dialog that adds or edits an entity
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-edit-dialog.h"
#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_ENTITY_DIALOG (ent_entity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntEntityDialog, ent_entity_dialog, ENT, ENTITY_DIALOG, EntEditDialog)

EntEntityDialog *ent_entity_dialog_new         (GtkWindow       *parent,
                                                EntGraph        *graph,
                                                const EntEntity *entity);
EntEntity       *ent_entity_dialog_dup_entity  (EntEntityDialog *self);

/* What is wrong with the form is the business of #EntEditDialog. */
#define ent_entity_dialog_is_valid(self)    ent_edit_dialog_is_valid (ENT_EDIT_DIALOG (self))
#define ent_entity_dialog_get_problem(self) ent_edit_dialog_get_problem (ENT_EDIT_DIALOG (self))

G_END_DECLS
