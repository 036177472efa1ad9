/* ent-sources-page.h: the sidebar page that chooses sources, to show only what they support
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-graph.h"
#include "ent-item-filter.h"

G_BEGIN_DECLS

#define ENT_TYPE_SOURCES_PAGE (ent_sources_page_get_type ())

G_DECLARE_FINAL_TYPE (EntSourcesPage, ent_sources_page, ENT, SOURCES_PAGE, GtkWidget)

GtkWidget     *ent_sources_page_new        (void);
void           ent_sources_page_set_graph  (EntSourcesPage *self,
                                            EntGraph       *graph);
EntItemFilter *ent_sources_page_get_filter (EntSourcesPage *self);
void           ent_sources_page_clear      (EntSourcesPage *self);

G_END_DECLS
