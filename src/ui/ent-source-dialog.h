/* ent-source-dialog.h: the dialog that adds or edits a source
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-edit-dialog.h"
#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_SOURCE_DIALOG (ent_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntSourceDialog, ent_source_dialog, ENT, SOURCE_DIALOG, EntEditDialog)

EntSourceDialog *ent_source_dialog_new         (GtkWindow       *parent,
                                                const EntSource *source);
EntSource       *ent_source_dialog_dup_source  (EntSourceDialog *self);
gboolean         ent_source_dialog_load_file   (EntSourceDialog *self,
                                                GFile           *file);
gboolean         ent_source_dialog_is_loading  (EntSourceDialog *self);

/* What is wrong with the form is the business of #EntEditDialog. */
#define ent_source_dialog_is_valid(self)    ent_edit_dialog_is_valid (ENT_EDIT_DIALOG (self))
#define ent_source_dialog_get_problem(self) ent_edit_dialog_get_problem (ENT_EDIT_DIALOG (self))

G_END_DECLS
