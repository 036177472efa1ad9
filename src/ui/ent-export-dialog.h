/* ent-export-dialog.h: the choices of a diagram export: format, what part of the network, size, paper, look
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-window.h"

G_BEGIN_DECLS

#define ENT_TYPE_EXPORT_DIALOG (ent_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntExportDialog, ent_export_dialog, ENT, EXPORT_DIALOG, AdwWindow)

EntExportDialog *ent_export_dialog_new        (EntWindow       *window,
                                               const char      *title);

/* For tests: what Export does once a file is chosen, without the file chooser. */
gboolean         _ent_export_dialog_export_to (EntExportDialog *self,
                                               const char      *path);

G_END_DECLS
