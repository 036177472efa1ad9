/* ent-window-actions.c: the actions of the main window: export, print, undo, layout, search, focus
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

/* The part of the graph the view shows, for "export the visible area". */
static void
visible_area (EntWindow *self,
              EntRect   *area)
{
  GtkWidget *view = GTK_WIDGET (self->graph_view);

  ent_graph_view_widget_to_graph (self->graph_view, 0, 0, &area->x1, &area->y1);
  ent_graph_view_widget_to_graph (self->graph_view, gtk_widget_get_width (view), gtk_widget_get_height (view),
                                  &area->x2, &area->y2);
}

/* The PNG sizes the export dialog offers: for a screen, at 100 % and 200 % of the diagram, and for print. */
static const struct
{
  const char       *id;
  const char       *label;
  EntExportOptions  size;
} png_sizes[] = {
  { "screen", N_("Screen"), { 0 } },
  { "100", N_("100 %"), { .scale = 1.0 } },
  { "200", N_("200 %"), { .scale = 2.0 } },
  { "300dpi", N_("300 dpi for print"), { .dpi = 300.0 } },
};

/* The size in pixels and in memory of each choice, worked out when the dialog opens, as "Screen — 4,096 × 2,730 px". */
static char *
png_size_label (EntScene *scene,
                guint     choice)
{
  EntExportOptions options = png_sizes[choice].size;
  int width, height;

  options.legend = TRUE;
  if (!ent_export_png_size (scene, &options, &width, &height, NULL))
    /* Translators: a PNG size in the export dialog; %s is its name, such as "300 dpi for print" */
    return g_strdup_printf (_("%s — too large for a PNG"), _(png_sizes[choice].label));

  /* Translators: a PNG size in the export dialog: its name, width and height in pixels, and the megabytes
   * its pixels take before compression */
  return g_strdup_printf (_("%s — %'d × %'d px, %'.0f MB uncompressed"), _(png_sizes[choice].label), width, height,
                          MAX (1.0, (double) width * height * 3 / 1e6));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EntWindow       *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *area_choice, *scale_choice, *legend_choice;
  EntExportFormat format;
  EntExportOptions options = { 0 };
  EntRect area;
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);

  if (scene != NULL)
    path = _ent_window_chosen_path (self, dialog, response, _("Only local files can be written"));
  if (path == NULL)
    {
      g_object_unref (dialog);
      return;
    }

  area_choice = gtk_file_chooser_get_choice (chooser, "area");
  scale_choice = gtk_file_chooser_get_choice (chooser, "scale");
  legend_choice = gtk_file_chooser_get_choice (chooser, "legend");

  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    if (g_strcmp0 (scale_choice, png_sizes[i].id) == 0)
      options = png_sizes[i].size;
  options.legend = g_strcmp0 (legend_choice, "false") != 0;
  if (g_strcmp0 (area_choice, "visible") == 0)
    {
      visible_area (self, &area);
      options.area = &area;
    }

  if (!ent_export_format_for_path (path, &format, &error) ||
      !ent_export_scene (scene, path, format, &options, &error))
    _ent_window_show_toast (self, error->message);
  else
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
      _ent_window_show_toast (self, message);
    }

  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  static const char *area_ids[] = { "all", "visible", NULL };
  const char *scale_ids[G_N_ELEMENTS (png_sizes) + 1] = { NULL };
  char *scale_labels[G_N_ELEMENTS (png_sizes) + 1] = { NULL };
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  const char *area_labels[] = { _("Whole network"), _("Visible area"), NULL };
  const char *patterns[][2] = { { "*.png", N_("PNG image") }, { "*.svg", N_("SVG drawing") }, { "*.pdf", N_("PDF document") } };
  g_autofree char *name = NULL;

  if (scene == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    {
      scale_ids[i] = png_sizes[i].id;
      scale_labels[i] = png_size_label (scene, i);
    }

  dialog = gtk_file_chooser_native_new (_("Export the Diagram"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(patterns[i][1]));
      gtk_file_filter_add_pattern (filter, patterns[i][0]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "area", _("Export"), area_ids, area_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "area", "all");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "scale", _("PNG size"), scale_ids,
                               (const char **) scale_labels);
  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    g_free (scale_labels[i]);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "scale", "screen");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "legend", _("Include the legend"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "legend", "true");

  name = g_strdup_printf ("%s.png", adw_window_title_get_title (self->window_title));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, relayout_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-layout", NULL, cancel_layout_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "win.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-evidence", NULL, back_to_evidence_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
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
