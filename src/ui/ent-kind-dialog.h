/* ent-kind-dialog.h: the form that renames a kind of entity and changes its colour and shape
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-edit-dialog.h"
#include "ent-graph.h"

G_BEGIN_DECLS

/* The dialog edits a copy of the kind; the window stores what it gives back. */
#define ENT_TYPE_KIND_DIALOG (ent_kind_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntKindDialog, ent_kind_dialog, ENT, KIND_DIALOG, EntEditDialog)

EntKindDialog *ent_kind_dialog_new      (GtkWindow         *parent,
                                         const EntKindInfo *kind);
EntKindInfo   *ent_kind_dialog_dup_kind (EntKindDialog     *self);

G_END_DECLS
