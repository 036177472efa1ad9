/* ent-kind-filter.h: the legend of entity kinds, which also hides or shows each
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-graph.h"
#include "ent-graph-view.h"

G_BEGIN_DECLS

#define ENT_TYPE_KIND_FILTER (ent_kind_filter_get_type ())

G_DECLARE_FINAL_TYPE (EntKindFilter, ent_kind_filter, ENT, KIND_FILTER, GtkWidget)

GtkWidget    *ent_kind_filter_new       (void);
EntGraphView *ent_kind_filter_get_view  (EntKindFilter *self);
void          ent_kind_filter_set_view  (EntKindFilter *self,
                                         EntGraphView  *view);
void          ent_kind_filter_set_graph (EntKindFilter *self,
                                         EntGraph      *graph);
void          ent_kind_filter_show_all  (EntKindFilter *self);

G_END_DECLS
