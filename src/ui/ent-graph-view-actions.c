/* ent-graph-view-actions.c: the graph view's actions and keyboard shortcuts
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zoom actions, which the window's buttons use too, and the keys that
 * zoom, walk the diagram, activate the selection and clear it.
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view-private.h"
#include "ent-keynav.h"

void
_ent_graph_view_update_actions (EntGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_scene = self->scene != NULL;

  gtk_widget_action_set_enabled (widget, "view.zoom-in", has_scene && self->zoom < ENT_GRAPH_VIEW_ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "view.zoom-out", has_scene && self->zoom > ENT_GRAPH_VIEW_ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "view.zoom-fit", has_scene);
  gtk_widget_action_set_enabled (widget, "view.zoom-actual", has_scene);
}

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  /* Held down, the key repeats: each step is a step of a gesture. */
  _ent_graph_view_zoom_step (self, self->zoom * ENT_STYLE_ZOOM_STEP,
                             gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  _ent_graph_view_zoom_step (self, self->zoom / ENT_STYLE_ZOOM_STEP,
                             gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static void
zoom_fit_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ent_graph_view_zoom_fit (ENT_GRAPH_VIEW (widget));
}

static void
zoom_actual_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ent_graph_view_set_zoom (ENT_GRAPH_VIEW (widget), 1.0,
                           gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* Brings a node into the viewport when any part of it is outside or under a control floating over the view. */
static void
reveal_node (EntGraphView       *self,
             const EntSceneItem *node)
{
  if (_ent_graph_view_is_hidden (self, &node->bounds))
    ent_graph_view_center_on (self, node->cx, node->cy);
}

/* The nearest neighbour of the selected node in an arrow's direction. */
static const EntSceneItem *
nearest_in_direction (EntGraphView     *self,
                      GtkDirectionType  direction)
{
  double ux = 0, uy = 0;

  switch (direction)
    {
    case GTK_DIR_UP:
      uy = -1;
      break;
    case GTK_DIR_DOWN:
      uy = 1;
      break;
    case GTK_DIR_LEFT:
      ux = -1;
      break;
    case GTK_DIR_RIGHT:
      ux = 1;
      break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      g_return_val_if_reached (NULL);
    }

  return ent_keynav_nearest_in_direction (self->state, self->selected_entity, ux, uy);
}

/*
 * Tab and the arrows walk the diagram. While there are nodes to walk they
 * are ours even where there is nowhere further to go, so that focus does
 * not jump out of the diagram by surprise; Ctrl+Tab leaves it, as it leaves
 * any GTK widget that uses Tab itself.
 */
static gboolean
navigate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  return ent_graph_view_move_selection (self, g_variant_get_int32 (args)) ||
         ent_keynav_first_node (self->state) != NULL;
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);

  /* With nothing to clear, Escape is left to whoever else wants it. */
  if (self->selected_entity == 0 && self->selected_relation == 0)
    return FALSE;

  ent_graph_view_clear_selection (self);
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  EntGraphView *self = ENT_GRAPH_VIEW (widget);
  int index = _ent_graph_view_selected_index (self);

  if (index < 0)
    return FALSE;

  _ent_graph_view_activate_item (self, index);
  return TRUE;
}

/* Installs the view.zoom-* actions and binds the view's keys. */
void
_ent_graph_view_actions_class_init (GtkWidgetClass *widget_class)
{
  static const guint activate_keys[] = { GDK_KEY_Return, GDK_KEY_ISO_Enter, GDK_KEY_KP_Enter, GDK_KEY_space };
  static const struct {
    guint       keyval;
    const char *action;
  } zoom_keys[] = {
    { GDK_KEY_plus, "view.zoom-in" },
    { GDK_KEY_equal, "view.zoom-in" },
    { GDK_KEY_KP_Add, "view.zoom-in" },
    { GDK_KEY_minus, "view.zoom-out" },
    { GDK_KEY_KP_Subtract, "view.zoom-out" },
  };
  static const struct {
    guint            keyval;
    GdkModifierType  modifiers;
    GtkDirectionType direction;
  } navigation_keys[] = {
    { GDK_KEY_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_KP_Tab, 0, GTK_DIR_TAB_FORWARD },
    { GDK_KEY_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_KP_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, GTK_DIR_TAB_BACKWARD },
    { GDK_KEY_Up, 0, GTK_DIR_UP },
    { GDK_KEY_KP_Up, 0, GTK_DIR_UP },
    { GDK_KEY_Down, 0, GTK_DIR_DOWN },
    { GDK_KEY_KP_Down, 0, GTK_DIR_DOWN },
    { GDK_KEY_Left, 0, GTK_DIR_LEFT },
    { GDK_KEY_KP_Left, 0, GTK_DIR_LEFT },
    { GDK_KEY_Right, 0, GTK_DIR_RIGHT },
    { GDK_KEY_KP_Right, 0, GTK_DIR_RIGHT },
  };

  gtk_widget_class_install_action (widget_class, "view.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-fit", NULL, zoom_fit_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom-actual", NULL, zoom_actual_cb);

  /* Plain keys, as in image viewers, and with Ctrl, as elsewhere in GNOME. */
  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, 0, zoom_keys[i].action, NULL);
      gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, GDK_CONTROL_MASK, zoom_keys[i].action, NULL);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "view.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "view.zoom-actual", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (navigation_keys); i++)
    gtk_widget_class_add_binding (widget_class, navigation_keys[i].keyval, navigation_keys[i].modifiers,
                                  navigate_cb, "i", navigation_keys[i].direction);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (activate_keys); i++)
    gtk_widget_class_add_binding (widget_class, activate_keys[i], 0, activate_cb, NULL);
}

/**
 * ent_graph_view_move_selection:
 * @self: a view
 * @direction: which way to go
 *
 * Moves the selection along the diagram's relations, as the keyboard does.
 * With nothing selected, any direction selects the first node in reading
 * order, and with a relation selected, its source. An arrow goes to the
 * nearest neighbour within 60° of its direction. Tab goes clockwise round
 * the neighbours of the anchor — the node last selected other than by Tab —
 * from 12 o'clock, and Shift+Tab back; both wrap around. The view scrolls
 * to the new selection when it is not in sight.
 *
 * Returns: %FALSE when there is nowhere to go
 */
gboolean
ent_graph_view_move_selection (EntGraphView     *self,
                               GtkDirectionType  direction)
{
  const EntSceneItem *target;
  gboolean by_tab = FALSE;

  g_return_val_if_fail (ENT_IS_GRAPH_VIEW (self), FALSE);

  if (self->scene == NULL)
    return FALSE;

  if (self->selected_entity == 0 && self->selected_relation == 0)
    {
      target = ent_keynav_first_node (self->state);
    }
  else if (self->selected_relation != 0)
    {
      int index = ent_view_state_edge_index (self->state, self->selected_relation);

      target = ent_scene_find_node (self->scene, ent_scene_get_item (self->scene, index)->from_id);
    }
  else if (direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
    {
      if (self->anchor == 0)
        self->anchor = self->selected_entity;
      target = ent_keynav_next_around (self->state, self->anchor, self->selected_entity,
                                       direction == GTK_DIR_TAB_FORWARD);
      by_tab = TRUE;
    }
  else
    {
      target = nearest_in_direction (self, direction);
    }

  if (target == NULL)
    return FALSE;

  _ent_graph_view_set_selection (self, target->id, 0, by_tab);
  reveal_node (self, target);
  return TRUE;
}
