/* ent-source-view.h: the full text of a source, with its quotes highlighted
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_SOURCE_VIEW (ent_source_view_get_type ())

G_DECLARE_FINAL_TYPE (EntSourceView, ent_source_view, ENT, SOURCE_VIEW, GtkWidget)

GtkWidget *ent_source_view_new                  (void);
void       ent_source_view_set_graph            (EntSourceView *self,
                                                 EntGraph      *graph);
void       ent_source_view_show_source    (EntSourceView *self,
                                          gint64         source_id);
void       ent_source_view_show_quote           (EntSourceView *self,
                                                 gint64         quote_id);
gint64     ent_source_view_get_quote            (EntSourceView *self);
gint64     ent_source_view_get_source           (EntSourceView *self);
void       ent_source_view_set_mentions         (EntSourceView *self,
                                                 GArray        *mentions);
char      *ent_source_view_dup_highlighted_text (EntSourceView *self);
gboolean   ent_source_view_get_selection        (EntSourceView *self,
                                                 gint64        *start,
                                                 gint64        *end);

G_END_DECLS
