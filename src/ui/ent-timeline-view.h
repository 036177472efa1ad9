/* ent-timeline-view.h: a strip with what happened and what was reported on a time axis, to filter by a range
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-graph.h"
#include "ent-item-filter.h"
#include "ent-timeline.h"

G_BEGIN_DECLS

#define ENT_TYPE_TIMELINE_VIEW (ent_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (EntTimelineView, ent_timeline_view, ENT, TIMELINE_VIEW, GtkWidget)

GtkWidget     *ent_timeline_view_new         (void);
void           ent_timeline_view_set_graph   (EntTimelineView    *self,
                                              EntGraph           *graph);
EntItemFilter *ent_timeline_view_get_filter  (EntTimelineView    *self);
void           ent_timeline_view_clear_range (EntTimelineView    *self);
gboolean       ent_timeline_view_get_range   (EntTimelineView    *self,
                                              EntTimeRange       *range);
void           ent_timeline_view_set_range   (EntTimelineView    *self,
                                              const EntTimeRange *range);
void           ent_timeline_view_set_mode    (EntTimelineView    *self,
                                              EntTimeMode         mode);
EntTimeMode    ent_timeline_view_get_mode    (EntTimelineView    *self);

/* What a click at a point does, as the click gesture does it; and where a mark is drawn: for tests. */
void           ent_timeline_view_click       (EntTimelineView    *self,
                                              double              x,
                                              double              y);
gboolean       ent_timeline_view_find_mark   (EntTimelineView    *self,
                                              EntTimeItemType     type,
                                              gint64              id,
                                              double             *x,
                                              double             *y);

G_END_DECLS
