/* ent-window-search.c: the search bar of the main window, which lists what the core finds
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-pane.h"
#include "ent-search.h"
#include "ent-style.h"

#include <glib/gi18n.h>

#define MAX_SEARCH_RESULTS 50

static char *
dup_result_subtitle (EntWindow             *self,
                     const EntSearchResult *result)
{
  switch (result->match)
    {
    case ENT_SEARCH_MATCH_NAME:
      return g_strdup (ent_style_entity_kind_label (self->graph, result->entity));
    case ENT_SEARCH_MATCH_DESCRIPTION:
      return g_strdup (result->entity->description);
    case ENT_SEARCH_MATCH_PROPERTY:
      /* Translators: the property a search found, its name and its value, e.g. "IATA: MSQ" */
      return g_strdup_printf (_("%s: %s"), result->property->key, result->property->value);
    case ENT_SEARCH_MATCH_QUOTE:
      return g_strdup (result->quote->text);
    default:
      g_assert_not_reached ();
    }
}

/* A relation found is named after the two entities it joins. */
static char *
dup_result_title (EntWindow             *self,
                  const EntSearchResult *result)
{
  EntEntity *from, *to;

  if (result->entity != NULL)
    return g_strdup (result->entity->name);

  from = ent_graph_get_entity (self->graph, result->relation->from_id);
  to = ent_graph_get_entity (self->graph, result->relation->to_id);
  /* Translators: a relation the search found, e.g. "Sergei Aleinik → Delhi" */
  return g_strdup_printf (result->relation->directed ? _("%s → %s") : _("%s — %s"),
                          from != NULL ? from->name : "", to != NULL ? to->name : "");
}

static void
search_changed_cb (EntWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GArray) results = NULL;

  ent_pane_clear_list (self->search_results);

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
      g_autofree char *title = dup_result_title (self, result);
      g_autofree char *subtitle = dup_result_subtitle (self, result);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (row, subtitle);
      adw_action_row_set_subtitle_lines (row, 1);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (result->entity != NULL)
        g_object_set_data_full (G_OBJECT (row), "entity-id",
                                g_memdup2 (&result->entity->id, sizeof result->entity->id), g_free);
      else
        g_object_set_data_full (G_OBJECT (row), "relation-id",
                                g_memdup2 (&result->relation->id, sizeof result->relation->id), g_free);
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
  gint64 *relation_id = g_object_get_data (G_OBJECT (row), "relation-id");

  if (id != NULL)
    _ent_window_select_entity (self, *id);
  else if (relation_id != NULL)
    ent_graph_view_select_relation (self->graph_view, *relation_id);
  else
    return;

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
