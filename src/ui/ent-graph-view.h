/* ent-graph-view.h: the interactive diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-scene.h"
#include "ent-view-state.h"

G_BEGIN_DECLS

#define ENT_TYPE_GRAPH_VIEW (ent_graph_view_get_type ())

G_DECLARE_FINAL_TYPE (EntGraphView, ent_graph_view, ENT, GRAPH_VIEW, GtkWidget)

GtkWidget *ent_graph_view_new                   (void);

void       ent_graph_view_set_scene             (EntGraphView     *self,
                                                 EntScene         *scene);
void       ent_graph_view_set_scene_gliding     (EntGraphView     *self,
                                                 EntScene         *scene);
EntScene  *ent_graph_view_get_scene             (EntGraphView     *self);
void       ent_graph_view_queue_redraw          (EntGraphView     *self);

double     ent_graph_view_get_zoom              (EntGraphView     *self);
void       ent_graph_view_set_zoom              (EntGraphView     *self,
                                                 double            zoom,
                                                 double            anchor_x,
                                                 double            anchor_y);
void       ent_graph_view_zoom_fit              (EntGraphView     *self);
void       ent_graph_view_widget_to_graph       (EntGraphView     *self,
                                                 double            wx,
                                                 double            wy,
                                                 double           *gx,
                                                 double           *gy);
void       ent_graph_view_graph_to_widget       (EntGraphView     *self,
                                                 double            gx,
                                                 double            gy,
                                                 double           *wx,
                                                 double           *wy);
void       ent_graph_view_show_bounds           (EntGraphView     *self,
                                                 const EntRect    *bounds);
void       ent_graph_view_center_on             (EntGraphView     *self,
                                                 double            gx,
                                                 double            gy);
void       ent_graph_view_add_floating_control  (EntGraphView     *self,
                                                 GtkWidget        *control);

gint64     ent_graph_view_get_selected_entity   (EntGraphView     *self);
gint64     ent_graph_view_get_selected_relation (EntGraphView     *self);
void       ent_graph_view_select_entity         (EntGraphView     *self,
                                                 gint64            entity_id);
void       ent_graph_view_select_relation       (EntGraphView     *self,
                                                 gint64            relation_id);
void       ent_graph_view_clear_selection       (EntGraphView     *self);

void       ent_graph_view_set_kind_visible      (EntGraphView     *self,
                                                 const char       *key,
                                                 gboolean          visible);
gboolean   ent_graph_view_get_kind_visible      (EntGraphView     *self,
                                                 const char       *key);

void       ent_graph_view_set_focus             (EntGraphView     *self,
                                                 gint64            entity_id,
                                                 guint             depth);
gint64     ent_graph_view_get_focus             (EntGraphView     *self);
EntViewState *ent_graph_view_get_view_state    (EntGraphView     *self);
void       ent_graph_view_set_filter            (EntGraphView     *self,
                                                 EntViewFilter     slot,
                                                 EntItemFilter    *filter);
void       ent_graph_view_set_chain             (EntGraphView     *self,
                                                 GArray           *entity_ids,
                                                 GArray           *relation_ids,
                                                 const char       *caption);
gboolean   ent_graph_view_is_entity_shown       (EntGraphView     *self,
                                                 gint64            entity_id);

gboolean   ent_graph_view_move_selection        (EntGraphView     *self,
                                                 GtkDirectionType  direction);

G_END_DECLS
