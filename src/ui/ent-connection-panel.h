/* ent-connection-panel.h: the chains of relations between two entities, hop by hop with their quotes
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_CONNECTION_PANEL (ent_connection_panel_get_type ())

G_DECLARE_FINAL_TYPE (EntConnectionPanel, ent_connection_panel, ENT, CONNECTION_PANEL, GtkWidget)

GtkWidget *ent_connection_panel_new        (void);
void       ent_connection_panel_show       (EntConnectionPanel *self,
                                            EntGraph           *graph,
                                            gint64              from_id,
                                            gint64              to_id,
                                            GPtrArray          *paths,
                                            gboolean            filtered);
void       ent_connection_panel_choose     (EntConnectionPanel *self,
                                            guint               index);
int        ent_connection_panel_get_chosen (EntConnectionPanel *self);
void       ent_connection_panel_clear      (EntConnectionPanel *self);

G_END_DECLS
