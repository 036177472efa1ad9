/* ent-source-dialog.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_SOURCE_DIALOG (ent_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntSourceDialog, ent_source_dialog, ENT, SOURCE_DIALOG, AdwWindow)

EntSourceDialog *ent_source_dialog_new         (GtkWindow       *parent,
                                                const EntSource *source);
EntSource       *ent_source_dialog_dup_source  (EntSourceDialog *self);
gboolean         ent_source_dialog_is_valid    (EntSourceDialog *self);
const char      *ent_source_dialog_get_problem (EntSourceDialog *self);

G_END_DECLS
