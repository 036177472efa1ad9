/* ent-window-filters.c: the source and time filters of the main window
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Sources page of the side panel and the timeline under the diagram
 * each make a filter; the window puts it in the view, says it in a chip
 * over the diagram (whose button takes it away) and in the counts of the
 * title, and makes both anew when the network changes.
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"

#include <glib/gi18n.h>

static EntItemFilter *
make_filter (EntWindow     *self,
             EntViewFilter  slot)
{
  if (slot == ENT_VIEW_FILTER_SOURCES)
    return ent_sources_page_get_filter (self->sources_page);
  return ent_timeline_view_get_filter (self->timeline);
}

static void
clear_filter (EntWindow     *self,
              EntViewFilter  slot)
{
  if (slot == ENT_VIEW_FILTER_SOURCES)
    ent_sources_page_clear (self->sources_page);
  else
    ent_timeline_view_clear_range (self->timeline);
}

static void
chip_remove_clicked_cb (GtkButton *button,
                        EntWindow *self)
{
  clear_filter (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "slot")));
}

/* A chip over the diagram for each filter in force: what it shows, and a button that takes it away. */
static void
update_chips (EntWindow *self)
{
  EntViewState *view = ent_graph_view_get_view_state (self->graph_view);
  GtkWidget *child;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    gtk_box_remove (self->filter_chips, child);

  for (guint slot = 0; slot < ENT_VIEW_N_FILTERS; slot++)
    {
      EntItemFilter *filter = ent_view_state_get_filter (view, slot);
      GtkWidget *chip, *label, *remove;

      if (filter == NULL)
        continue;

      chip = g_object_new (GTK_TYPE_BOX, "spacing", 6, "halign", GTK_ALIGN_START, NULL);
      gtk_widget_add_css_class (chip, "osd");
      gtk_widget_add_css_class (chip, "toolbar");
      gtk_widget_add_css_class (chip, "filter-chip");
      label = g_object_new (GTK_TYPE_LABEL,
                            "label", ent_item_filter_get_caption (filter),
                            "ellipsize", PANGO_ELLIPSIZE_END,
                            "max-width-chars", 48,
                            "margin-start", 6,
                            NULL);
      gtk_widget_set_tooltip_text (label, ent_item_filter_get_caption (filter));
      gtk_box_append (GTK_BOX (chip), label);
      remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      gtk_widget_set_tooltip_text (remove, _("Remove the Filter"));
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "slot", GUINT_TO_POINTER (slot));
      g_signal_connect (remove, "clicked", G_CALLBACK (chip_remove_clicked_cb), self);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_box_append (self->filter_chips, chip);
      any = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->filter_chips), any);
}

static void
apply_filter (EntWindow     *self,
              EntViewFilter  slot)
{
  g_autoptr(EntItemFilter) filter = self->graph != NULL ? make_filter (self, slot) : NULL;

  ent_graph_view_set_filter (self->graph_view, slot, filter);
  update_chips (self);
  _ent_window_update_title (self);
}

static void
sources_filter_changed_cb (EntWindow *self)
{
  apply_filter (self, ENT_VIEW_FILTER_SOURCES);
}

static void
timeline_range_changed_cb (EntWindow *self)
{
  apply_filter (self, ENT_VIEW_FILTER_TIME);
}

/* A new scene, from a layout, is what the counts of the title count. */
static void
scene_changed_cb (EntWindow *self)
{
  if (self->graph != NULL)
    _ent_window_update_title (self);
}

static void
source_activated_cb (EntWindow *self,
                     gint64     source_id)
{
  ent_source_view_show_source (self->source_view, source_id);
  gtk_stack_set_visible_child_name (self->side_stack, "source");
}

/* The network changed: the filters are made anew for it, keeping what was chosen. */
void
_ent_window_filters_graph_changed (EntWindow *self)
{
  ent_sources_page_set_graph (self->sources_page, self->graph);
  ent_timeline_view_set_graph (self->timeline, self->graph);
  for (guint slot = 0; slot < ENT_VIEW_N_FILTERS; slot++)
    {
      g_autoptr(EntItemFilter) filter = self->graph != NULL ? make_filter (self, slot) : NULL;

      ent_graph_view_set_filter (self->graph_view, slot, filter);
    }
  update_chips (self);
}

static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->side_stack, "sources");
  g_object_set (self, "panel-visible", TRUE, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->sources_page));
}

static void
show_timeline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gboolean shown = !gtk_revealer_get_reveal_child (self->timeline_revealer);

  gtk_revealer_set_reveal_child (self->timeline_revealer, shown);
  gtk_toggle_button_set_active (self->timeline_button, shown);
  if (shown)
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

void
_ent_window_filters_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-timeline", NULL, show_timeline_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "win.show-sources", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.show-sources", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-timeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-timeline", NULL);
}

void
_ent_window_filters_init (EntWindow *self)
{
  g_signal_connect_swapped (self->sources_page, "filter-changed", G_CALLBACK (sources_filter_changed_cb), self);
  g_signal_connect_swapped (self->sources_page, "source-activated", G_CALLBACK (source_activated_cb), self);
  g_signal_connect_swapped (self->timeline, "range-changed", G_CALLBACK (timeline_range_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::scene", G_CALLBACK (scene_changed_cb), self);
  ent_graph_view_add_floating_control (self->graph_view, GTK_WIDGET (self->filter_chips));
  gtk_widget_set_visible (GTK_WIDGET (self->filter_chips), FALSE);
}
