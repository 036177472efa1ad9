/* ent-window.h: the main window: opens a network, lays it out and wires the selection
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-export.h"
#include "ent-graph-view.h"
#include "ent-store.h"

G_BEGIN_DECLS

#define ENT_TYPE_WINDOW (ent_window_get_type ())

G_DECLARE_FINAL_TYPE (EntWindow, ent_window, ENT, WINDOW, AdwApplicationWindow)

gboolean  ent_window_open_path  (EntWindow   *self,
                                 const char  *path);
void      ent_window_show_error (EntWindow   *self,
                                 const char  *message);
EntGraph     *ent_window_get_graph      (EntWindow   *self);
const char   *ent_window_get_path       (EntWindow   *self);
EntGraphView *ent_window_get_graph_view (EntWindow   *self);
gboolean      ent_window_export_file    (EntWindow              *self,
                                         const char             *path,
                                         const EntExportOptions *options);
gboolean      ent_window_is_exporting   (EntWindow              *self);

G_END_DECLS
