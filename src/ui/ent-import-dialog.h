/* ent-import-dialog.h: the import assistant: map the columns, choose where to, read, review matches, sum up
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"
#include "ent-store.h"

G_BEGIN_DECLS

#define ENT_TYPE_IMPORT_DIALOG (ent_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntImportDialog, ent_import_dialog, ENT, IMPORT_DIALOG, AdwWindow)

EntImportDialog *ent_import_dialog_new (GtkWindow          *parent,
                                        EntStore           *store,
                                        EntGraph           *graph,
                                        const char * const *paths,
                                        GError            **error);

G_END_DECLS
