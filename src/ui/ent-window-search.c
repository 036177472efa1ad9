/* ent-window-search.c: the search bar of the main window, which lists what the core finds
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-search.h"

#include <glib/gi18n.h>

#define MAX_SEARCH_RESULTS 50

static const char *
result_subtitle (const EntSearchResult *result)
{
  switch (result->match)
    {
    case ENT_SEARCH_MATCH_NAME:
      return ent_kind_get_label (result->entity->kind);
    case ENT_SEARCH_MATCH_DESCRIPTION:
      return result->entity->description;
    case ENT_SEARCH_MATCH_QUOTE:
      return result->quote->text;
    default:
      g_assert_not_reached ();
    }
}

static void
search_changed_cb (EntWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) results = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);

  if (self->graph == NULL || *text == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_scroller), FALSE);
      return;
    }

  results = ent_graph_search (self->graph, text, MAX_SEARCH_RESULTS);
  for (guint i = 0; i < results->len; i++)
    {
      const EntSearchResult *result = &g_array_index (results, EntSearchResult, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), result->entity->name);
      adw_action_row_set_subtitle (row, result_subtitle (result));
      adw_action_row_set_subtitle_lines (row, 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "entity-id",
                              g_memdup2 (&result->entity->id, sizeof result->entity->id), g_free);
      gtk_list_box_append (self->search_results, GTK_WIDGET (row));
    }

  if (results->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No entity matches"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->search_results, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->search_scroller), TRUE);
}

static void
activate_search_row (EntWindow     *self,
                     GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "entity-id");

  if (id == NULL)
    return;

  _ent_window_select_entity (self, *id);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

static void
search_row_activated_cb (EntWindow     *self,
                         GtkListBoxRow *row)
{
  activate_search_row (self, row);
}

static void
search_activate_cb (EntWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);

  if (first != NULL)
    activate_search_row (self, first);
}

static void
search_stop_cb (EntWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->graph_view));
}

void
_ent_window_search_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_row_activated_cb);
}

void
_ent_window_search_init (EntWindow *self)
{
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}
