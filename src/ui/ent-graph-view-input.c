/* ent-graph-view-input.c: the graph view's pointer and touch input
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clicks select and activate, drags move nodes or pan (with Shift, they
 * relate two nodes), the wheel pans or, with Ctrl, zooms, as pinching does,
 * and the pointer highlights what it hovers.
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view-private.h"

#include <math.h>

/* Pixels one notch of a mouse wheel pans; smooth scrolling reports pixels itself. */
#define WHEEL_STEP      48.0
#define REFINE_DELAY_MS 120
/* How near an item the pointer picks it, in pixels: about how accurate a pointer is. */
#define PICK_PIXELS     4.0

/* What a click at a widget point picks: an item within PICK_PIXELS of it, nodes first, or -1. */
int
_ent_graph_view_item_at (EntGraphView *self,
                         double        x,
                         double        y)
{
  double gx, gy;

  ent_graph_view_widget_to_graph (self, x, y, &gx, &gy);
  return ent_view_state_hit_test (self->state, gx, gy, PICK_PIXELS / MAX (self->zoom, 1e-6));
}

static void
set_hover (EntGraphView *self,
           int           index)
{
  if (index == self->hover)
    return;

  self->hover = index;
  _ent_graph_view_update_states (self);
  _ent_graph_view_update_cursor (self);
}

static void
hover_at (EntGraphView *self,
          double        x,
          double        y)
{
  set_hover (self, _ent_graph_view_item_at (self, x, y));
}

static void
select_item (EntGraphView *self,
             int           index)
{
  const EntSceneItem *item;

  if (index < 0)
    {
      _ent_graph_view_set_selection (self, 0, 0, FALSE);
      return;
    }

  item = ent_scene_get_item (self->scene, index);
  if (item->type == ENT_SCENE_ITEM_NODE)
    _ent_graph_view_set_selection (self, item->id, 0, FALSE);
  else
    _ent_graph_view_set_selection (self, 0, item->id, FALSE);
}

/* The node at a widget point, or %NULL when there is none or an edge. */
static const EntSceneItem *
node_at (EntGraphView *self,
         double        x,
         double        y)
{
  int index = _ent_graph_view_item_at (self, x, y);
  const EntSceneItem *item = index >= 0 ? ent_scene_get_item (self->scene, index) : NULL;

  return item != NULL && item->type == ENT_SCENE_ITEM_NODE ? item : NULL;
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  EntGraphView    *self)
{
  int index;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press != 2)
    return;

  index = _ent_graph_view_item_at (self, x, y);
  if (index >= 0)
    {
      select_item (self, index);
      _ent_graph_view_activate_item (self, index);
    }
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   EntGraphView    *self)
{
  /* The press began a drag that moved a node or panned; that is no click. */
  if (self->drag_moved || self->scene == NULL)
    return;

  select_item (self, _ent_graph_view_item_at (self, x, y));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          start_x,
               double          start_y,
               EntGraphView   *self)
{
  const EntSceneItem *node = node_at (self, start_x, start_y);

  self->drag_active = TRUE;
  self->drag_moved = FALSE;
  self->drag_node = 0;
  self->connect_from = 0;

  if (node != NULL &&
      (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) & GDK_SHIFT_MASK))
    {
      self->connect_from = node->id;
      self->connect_x = start_x;
      self->connect_y = start_y;
    }
  else if (node != NULL)
    {
      self->drag_node = node->id;
      self->drag_origin_x = node->x;
      self->drag_origin_y = node->y;
    }
  else
    {
      self->drag_origin_x = self->offset_x;
      self->drag_origin_y = self->offset_y;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                EntGraphView   *self)
{
  if (!self->drag_active || self->scene == NULL)
    return;

  if (!self->drag_moved)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) offset_x, (int) offset_y))
        return;

      /* From here on this is a drag, not a click. */
      self->drag_moved = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _ent_graph_view_update_cursor (self);
    }

  if (self->connect_from != 0)
    {
      double start_x, start_y;

      gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
      self->connect_x = start_x + offset_x;
      self->connect_y = start_y + offset_y;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else if (self->drag_node != 0)
    {
      ent_scene_move_node (self->scene, self->drag_node,
                           self->drag_origin_x + offset_x / self->zoom,
                           self->drag_origin_y + offset_y / self->zoom);
      _ent_graph_view_invalidate (self);
    }
  else
    {
      _ent_graph_view_set_transform (self, self->zoom,
                                     self->drag_origin_x + offset_x, self->drag_origin_y + offset_y);
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             EntGraphView   *self)
{
  gint64 node_id = self->drag_node;
  gint64 connect_from = self->connect_from;

  self->drag_active = FALSE;
  self->drag_node = 0;
  self->connect_from = 0;
  _ent_graph_view_update_cursor (self);

  if (connect_from != 0)
    {
      const EntSceneItem *to;
      double start_x, start_y;

      gtk_widget_queue_draw (GTK_WIDGET (self));
      gtk_gesture_drag_get_start_point (gesture, &start_x, &start_y);
      to = node_at (self, start_x + offset_x, start_y + offset_y);
      if (to != NULL && to->id != connect_from)
        _ent_graph_view_emit_connect_requested (self, connect_from, to->id);
      return;
    }

  if (self->drag_moved && node_id != 0 && self->scene != NULL)
    {
      const EntSceneItem *node = ent_scene_find_node (self->scene, node_id);

      if (node != NULL)
        _ent_graph_view_emit_node_moved (self, node_id, node->x, node->y);
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           EntGraphView             *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  hover_at (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          EntGraphView             *self)
{
  self->pointer_inside = FALSE;
  set_hover (self, -1);
}

static gboolean
refine_cb (gpointer user_data)
{
  EntGraphView *self = user_data;

  self->refine_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* A step of a zoom gesture: shown stretched until the gesture rests, then drawn anew. */
void
_ent_graph_view_zoom_step (EntGraphView *self,
                           double        zoom,
                           double        anchor_x,
                           double        anchor_y)
{
  g_clear_handle_id (&self->refine_id, g_source_remove);
  self->refine_id = g_timeout_add (REFINE_DELAY_MS, refine_cb, self);
  ent_graph_view_set_zoom (self, zoom, anchor_x, anchor_y);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           EntGraphView             *self)
{
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (self->scene == NULL)
    return FALSE;

  if (modifiers & GDK_CONTROL_MASK)
    {
      double notches = wheel ? dy : dy / WHEEL_STEP;
      double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

      _ent_graph_view_zoom_step (self, self->zoom * pow (ENT_STYLE_ZOOM_STEP, -notches), x, y);
    }
  else
    {
      double step = wheel ? WHEEL_STEP : 1.0;

      /* A mouse with one wheel pans sideways with Shift held, as scrolled windows do. */
      if ((modifiers & GDK_SHIFT_MASK) && dx == 0)
        {
          dx = dy;
          dy = 0;
        }

      _ent_graph_view_set_transform (self, self->zoom, self->offset_x - dx * step, self->offset_y - dy * step);
    }

  /* The content moved beneath a pointer that did not. */
  if (self->pointer_inside)
    hover_at (self, self->pointer_x, self->pointer_y);

  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                EntGraphView     *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        EntGraphView   *self)
{
  double x, y;

  if (self->scene == NULL || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  _ent_graph_view_zoom_step (self, self->pinch_zoom * scale, x, y);
}

/* Adds the controllers for clicks, drags, pinches, the pointer's motion and scrolling. */
void
_ent_graph_view_input_init (EntGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click;
  GtkGesture *drag;
  GtkGesture *pinch;
  GtkEventController *motion;
  GtkEventController *scroll;

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, scroll);
}
