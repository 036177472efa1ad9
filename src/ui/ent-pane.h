/* ent-pane.h: what the panes beside the diagram share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-graph.h"

G_BEGIN_DECLS

void  ent_pane_replace_graph (EntGraph   **graph_ptr,
                              EntGraph    *graph);
guint ent_pane_signal_new_id (GType        type,
                              const char  *name);
void  ent_pane_clear_list    (GtkListBox  *list);

G_END_DECLS
