/* ent-window.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window.h"

#include <glib/gi18n.h>

struct _EntWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  EntStore             *store;
  EntGraph             *graph;

  AdwWindowTitle       *window_title;
  AdwStatusPage        *status_page;
  AdwToastOverlay      *toast_overlay;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
};

G_DEFINE_FINAL_TYPE (EntWindow, ent_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_summary (EntWindow *self)
{
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;
  guint n_entities = self->graph->entities->len;
  guint n_relations = self->graph->relations->len;
  guint n_sources = self->graph->sources->len;

  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities), n_entities);
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
  /* Translators: the entity and relation counts of the open network, e.g. "20 entities · 32 relations" */
  subtitle = g_strdup_printf (_("%s · %s"), entities, relations);

  if (n_sources > 0)
    title = ((EntSource *) g_ptr_array_index (self->graph->sources, 0))->title;
  else
    title = _("Untitled network");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, subtitle);
  adw_status_page_set_icon_name (self->status_page, APP_ID "-symbolic");
}

/**
 * ent_window_open_path:
 * @self: a #EntWindow
 * @path: a .entente file
 *
 * Opens @path. When it cannot be opened, the window says why and keeps the
 * network it had.
 *
 * Returns: whether the file was opened
 */
gboolean
ent_window_open_path (EntWindow  *self,
                      const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  if (store != NULL)
    graph = ent_store_load_graph (store, &error);

  if (graph == NULL)
    {
      ent_window_show_error (self, error->message);
      return FALSE;
    }

  g_set_object (&self->store, store);
  g_clear_pointer (&self->graph, ent_graph_unref);
  self->graph = g_steal_pointer (&graph);

  gtk_label_set_label (self->read_only_label,
                       ent_store_is_read_only (store) ? ent_store_get_read_only_reason (store) : "");
  gtk_info_bar_set_revealed (self->read_only_bar, ent_store_is_read_only (store));

  g_settings_set_string (self->settings, "last-file", path);
  update_summary (self);

  return TRUE;
}

void
ent_window_show_error (EntWindow  *self,
                       const char *message)
{
  g_return_if_fail (ENT_IS_WINDOW (self));

  if (self->graph == NULL)
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->status_page, _("Could Not Open the Network"));
      adw_status_page_set_description (self->status_page, message);
    }
  else
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
}

EntGraph *
ent_window_get_graph (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->graph;
}

static void
ent_window_dispose (GObject *object)
{
  EntWindow *self = (EntWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ent_window_parent_class)->dispose (object);
}

static void
ent_window_class_init (EntWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, read_only_label);
}

static void
ent_window_init (EntWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
