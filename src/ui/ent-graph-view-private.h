/* ent-graph-view-private.h: what the parts of the graph view share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-graph-view.h"
#include "ent-frame.h"
#include "ent-style.h"
#include "ent-view-state.h"

G_BEGIN_DECLS

#define ENT_GRAPH_VIEW_ZOOM_MIN 0.02
#define ENT_GRAPH_VIEW_ZOOM_MAX 8.0

enum {
  PROP_0,
  PROP_SCENE,
  PROP_ZOOM,
  PROP_SELECTED_ENTITY,
  PROP_SELECTED_RELATION,
  PROP_FOCUS_ENTITY,
  N_PROPS
};

struct _EntGraphView
{
  GtkWidget     parent_instance;

  EntScene     *scene;
  /* What the kind filter and the focus hide, and how each item of the scene is drawn. */
  EntViewState *state;

  /* A graph point (x, y) shows at widget point (x × zoom + offset_x, y × zoom + offset_y). */
  double        zoom;
  double        offset_x;
  double        offset_y;
  /* A first scene arriving before the widget has a size is fitted once it has one. */
  gboolean      fit_pending;
  /*
   * The view shows fitted_bounds fitted into what the floating controls
   * leave clear, and fits them again as its size and the controls change,
   * until it is moved.
   */
  gboolean      fitted;
  EntRect       fitted_bounds;
  /* GWeakRefs to the widgets floating over the view; see ent_graph_view_add_floating_control(). */
  GPtrArray    *floating;
  gulong        layout_handler;
  int           last_width;
  int           last_height;

  gint64        selected_entity;
  gint64        selected_relation;
  /* The node Tab cycles around: the last one selected by any means other than Tab. */
  gint64        anchor;
  /* The item under the pointer, or -1. */
  int           hover;

  gboolean      dark;
  EntColor      accent;

  double        pointer_x;
  double        pointer_y;
  gboolean      pointer_inside;

  /* The drag in progress moves the node drag_node, or pans when that is 0. */
  gint64        drag_node;
  double        drag_origin_x;
  double        drag_origin_y;
  gboolean      drag_active;
  /* The drag went beyond the threshold, so its press and release are no click. */
  gboolean      drag_moved;
  /* A Shift-drag from a node draws a line to where a new relation would lead. */
  gint64        connect_from;
  double        connect_x;
  double        connect_y;
  double        pinch_zoom;

  /* The image of the viewport. */
  EntFrame     *frame;
  /* Measures the scene's edge labels in the background, so that the first view of one does not wait. */
  GCancellable *measuring;
  /* During a zoom gesture the kept image is stretched, and drawn anew this long after the last step. */
  guint         refine_id;

  /* The nodes gliding to where a new layout put them (EntNodeGlide), and the tick that moves them. */
  GArray       *glides;
  gint64        glides_start;
  guint         glides_tick;
};

/* ent-graph-view.c */
void     _ent_graph_view_notify                (EntGraphView *self,
                                                guint         prop_id);
void     _ent_graph_view_invalidate            (EntGraphView *self);
void     _ent_graph_view_set_transform         (EntGraphView *self,
                                                double        zoom,
                                                double        offset_x,
                                                double        offset_y);
void     _ent_graph_view_update_states         (EntGraphView *self);
void     _ent_graph_view_update_cursor         (EntGraphView *self);
void     _ent_graph_view_activate_item         (EntGraphView *self,
                                                int           index);
void     _ent_graph_view_emit_node_moved       (EntGraphView *self,
                                                gint64        entity_id,
                                                double        x,
                                                double        y);
void     _ent_graph_view_emit_connect_requested (EntGraphView *self,
                                                 gint64        from_id,
                                                 gint64        to_id);

/* ent-graph-view-selection.c */
int      _ent_graph_view_selected_index        (EntGraphView *self);
void     _ent_graph_view_set_selection         (EntGraphView *self,
                                                gint64        entity_id,
                                                gint64        relation_id,
                                                gboolean      by_tab);
void     _ent_graph_view_update_visibility     (EntGraphView *self);

/* ent-graph-view-input.c */
void     _ent_graph_view_input_init            (EntGraphView *self);
void     _ent_graph_view_zoom_step             (EntGraphView *self,
                                                double        zoom,
                                                double        anchor_x,
                                                double        anchor_y);
int      _ent_graph_view_item_at               (EntGraphView *self,
                                                double        x,
                                                double        y);

/* ent-graph-view-actions.c */
void     _ent_graph_view_actions_class_init    (GtkWidgetClass *widget_class);
void     _ent_graph_view_update_actions        (EntGraphView *self);

/* ent-graph-view-a11y.c */
void     _ent_graph_view_update_accessible     (EntGraphView *self);

/* ent-graph-view-fit.c */
void     _ent_graph_view_fit_init              (EntGraphView *self);
void     _ent_graph_view_fit_realize           (EntGraphView *self);
void     _ent_graph_view_fit_unrealize         (EntGraphView *self);
void     _ent_graph_view_refit                 (EntGraphView *self);
gboolean _ent_graph_view_is_hidden             (EntGraphView *self,
                                                const EntRect *bounds);

/* ent-graph-view-glide.c */
void     _ent_graph_view_glide_init            (EntGraphView *self);
void     _ent_graph_view_glide_dispose         (EntGraphView *self);

G_END_DECLS
