/* ent-window-actions.c: the actions of the main window: print, undo, layout, search, focus
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-export.h"
#include "ent-renderer.h"

#include <glib/gi18n.h>

static void
update_focus_bar (EntWindow *self)
{
  gint64 focus = ent_graph_view_get_focus (self->graph_view);
  EntEntity *entity = focus != 0 && self->graph != NULL ? ent_graph_get_entity (self->graph, focus) : NULL;

  if (entity != NULL)
    {
      /* Translators: shown while only the neighbourhood of one entity is shown */
      g_autofree char *label = g_strdup_printf (_("Around %s, relations away:"), entity->name);
      gtk_label_set_label (self->focus_label, label);
    }

  gtk_revealer_set_reveal_child (self->focus_revealer, entity != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all", entity != NULL);
}

static void
focus_depth_changed_cb (EntWindow *self)
{
  gint64 focus = ent_graph_view_get_focus (self->graph_view);

  if (focus != 0)
    ent_graph_view_set_focus (self->graph_view, focus, gtk_spin_button_get_value_as_int (self->focus_depth));
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 entity = ent_graph_view_get_selected_entity (self->graph_view);

  if (entity == 0)
    return;

  ent_graph_view_set_focus (self->graph_view, entity, gtk_spin_button_get_value_as_int (self->focus_depth));
  ent_graph_view_zoom_fit (self->graph_view);
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  ent_graph_view_set_focus (self->graph_view, 0, 0);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              EntWindow         *self)
{
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  EntRenderOptions options = { .scale = 1.0, .legend = TRUE };
  EntRect bounds;
  double scale;

  ent_scene_get_bounds (scene, TRUE, &bounds);
  scale = MIN (width / MAX (bounds.x2 - bounds.x1, 1), height / MAX (bounds.y2 - bounds.y1, 1));
  scale = MIN (scale, 1.0);

  cairo_translate (cr, (width - (bounds.x2 - bounds.x1) * scale) / 2, (height - (bounds.y2 - bounds.y1) * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds.x1, -bounds.y1);
  ent_renderer_draw (scene, cr, &options, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (ent_graph_view_get_scene (self->graph_view) == NULL)
    return;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, adw_window_title_get_title (self->window_title));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    _ent_window_show_toast (self, error->message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");

  if (self->store == NULL)
    return;

  if (!(redo ? ent_store_redo (self->store, &error) : ent_store_undo (self->store, &error)) && error != NULL)
    _ent_window_show_toast (self, error->message);
}

static void
relayout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (self->graph != NULL)
    _ent_window_build_diagram (self, TRUE);
}

static void
cancel_layout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_to_evidence_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->side_stack, "evidence");
}

/* Escape stops a running layout before anything else sees it. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EntWindow             *self)
{
  if (keyval == GDK_KEY_Escape && self->layout_cancellable != NULL)
    {
      g_cancellable_cancel (self->layout_cancellable);
      return TRUE;
    }

  return FALSE;
}

/*
 * The zoom buttons float over the diagram, outside the view, so its view.zoom-*
 * actions do not reach them through their ancestors: they activate them on the view.
 */
static void
zoom_in_clicked_cb (EntWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->graph_view), "view.zoom-in", NULL);
}

static void
zoom_out_clicked_cb (EntWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->graph_view), "view.zoom-out", NULL);
}

static void
zoom_actual_clicked_cb (EntWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->graph_view), "view.zoom-actual", NULL);
}

static void
zoom_fit_clicked_cb (EntWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self->graph_view), "view.zoom-fit", NULL);
}

void
_ent_window_actions_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, focus_depth_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_actual_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_fit_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, relayout_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-layout", NULL, cancel_layout_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "win.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-evidence", NULL, back_to_evidence_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.relayout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

void
_ent_window_actions_init (EntWindow *self)
{
  GtkEventController *keys;
  GtkShortcutController *view_shortcuts;

  g_signal_connect_swapped (self->graph_view, "notify::focus-entity", G_CALLBACK (update_focus_bar), self);

  /* "F" focuses on the selection only while the diagram has the keyboard, so it can still be typed elsewhere. */
  view_shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (view_shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, 0),
                                                          gtk_named_action_new ("win.focus")));
  gtk_widget_add_controller (GTK_WIDGET (self->graph_view), GTK_EVENT_CONTROLLER (view_shortcuts));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
