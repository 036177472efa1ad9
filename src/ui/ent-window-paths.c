/* ent-window-paths.c: "Why are these two connected?" in the main window
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the selected entity, a small dialog searches for the other one;
 * the chains between them, among what the filters show, are listed in the
 * side panel, and the chosen one is picked out in the diagram until the
 * panel goes back to the evidence.
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-pane.h"
#include "ent-paths.h"
#include "ent-search.h"

#include <glib/gi18n.h>

/* How many chains are found, and how many entities the dialog lists. */
#define MAX_CHAINS 3
#define MAX_CANDIDATES 30

/* Whether the view shows the entity or relation: chains go only through what the filters show. */
static gboolean
shown_cb (gboolean is_relation,
          gint64   id,
          gpointer user_data)
{
  EntViewState *view = user_data;

  return is_relation ? ent_view_state_relation_shown (view, id) : ent_view_state_entity_shown (view, id);
}

static EntPathIndex *
get_path_index (EntWindow *self)
{
  if (self->path_index != NULL && self->path_graph != self->graph)
    g_clear_pointer (&self->path_index, ent_path_index_free);
  if (self->path_index == NULL)
    {
      self->path_index = ent_path_index_new (self->graph);
      self->path_graph = self->graph;
    }

  return self->path_index;
}

/* Brings the whole chain, its entities and the relations between them, into view if part of it is out of sight. */
static void
show_chain (EntWindow     *self,
            const EntPath *path)
{
  EntViewState *view = ent_graph_view_get_view_state (self->graph_view);
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  EntRect bounds = { 0 };
  gboolean any = FALSE;

  for (guint i = 0; scene != NULL && i < path->entity_ids->len + path->relation_ids->len; i++)
    {
      int index = i < path->entity_ids->len
                  ? ent_view_state_node_index (view, g_array_index (path->entity_ids, gint64, i))
                  : ent_view_state_edge_index (view, g_array_index (path->relation_ids, gint64,
                                                                    i - path->entity_ids->len));
      const EntSceneItem *item;

      if (index < 0)
        continue;
      item = ent_scene_get_item (scene, index);
      if (!any)
        bounds = item->bounds;
      else
        ent_rect_union (&bounds, &item->bounds);
      any = TRUE;
    }

  if (any)
    ent_graph_view_show_bounds (self->graph_view, &bounds);
}

static void
pick_out_chain (EntWindow *self,
                guint      index)
{
  const EntPath *path;
  g_autofree char *caption = NULL;
  EntEntity *from, *to;

  if (self->chains == NULL || index >= self->chains->len)
    return;

  path = g_ptr_array_index (self->chains, index);
  from = ent_graph_get_entity (self->graph, g_array_index (path->entity_ids, gint64, 0));
  to = ent_graph_get_entity (self->graph, g_array_index (path->entity_ids, gint64, path->entity_ids->len - 1));
  /* Translators: an exported diagram's caption while a chain of relations is picked out in it */
  caption = g_strdup_printf (_("The chain of relations from %s to %s"), from->name, to->name);
  ent_graph_view_set_chain (self->graph_view, path->entity_ids, path->relation_ids, caption);
  show_chain (self, path);
}

static void
chain_chosen_cb (EntWindow *self,
                 guint      index)
{
  pick_out_chain (self, index);
}

/**
 * _ent_window_show_connection:
 * @self: a window
 * @from_id: an entity
 * @to_id: another
 *
 * Finds the shortest chains of relations between the two among what the
 * view shows, the supported ones first, lists them in the side panel and
 * picks the first out in the diagram.
 */
void
_ent_window_show_connection (EntWindow *self,
                             gint64     from_id,
                             gint64     to_id)
{
  EntViewState *view = ent_graph_view_get_view_state (self->graph_view);
  guint n_entities, n_relations;

  if (self->graph == NULL || ent_graph_get_entity (self->graph, from_id) == NULL ||
      ent_graph_get_entity (self->graph, to_id) == NULL)
    return;

  g_clear_pointer (&self->chains, g_ptr_array_unref);
  self->chains = ent_path_index_find (get_path_index (self), from_id, to_id, MAX_CHAINS, shown_cb, view);

  ent_view_state_count_shown (view, &n_entities, &n_relations);
  ent_connection_panel_show (self->connection_panel, self->graph, from_id, to_id, self->chains,
                             n_entities < self->graph->entities->len || n_relations < self->graph->relations->len);
  gtk_stack_set_visible_child_name (self->side_stack, "connection");
  g_object_set (self, "panel-visible", TRUE, NULL);

  if (self->chains->len > 0)
    pick_out_chain (self, 0);
  else
    ent_graph_view_set_chain (self->graph_view, NULL, NULL, NULL);
}

/* The chain goes with the panel that lists it. */
static void
side_page_changed_cb (EntWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->side_stack);

  if (g_strcmp0 (page, "connection") == 0)
    return;

  ent_graph_view_set_chain (self->graph_view, NULL, NULL, NULL);
  ent_connection_panel_clear (self->connection_panel);
  g_clear_pointer (&self->chains, g_ptr_array_unref);
}

static void
hop_relation_activated_cb (EntWindow *self,
                           gint64     relation_id)
{
  ent_graph_view_select_relation (self->graph_view, relation_id);
}

/* The dialog that asks for the other entity. */

typedef struct
{
  EntWindow  *window;
  GtkWindow  *dialog;
  GtkListBox *results;
  gint64      from_id;
} Asking;

static void
asking_free (Asking *asking)
{
  g_object_unref (asking->window);
  g_free (asking);
}

static void
fill_results (Asking     *asking,
              const char *query)
{
  EntGraph *graph = asking->window->graph;
  g_autoptr(GHashTable) listed = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) results = NULL;

  ent_pane_clear_list (asking->results);
  gtk_widget_set_visible (GTK_WIDGET (asking->results), FALSE);
  if (query == NULL || *query == '\0')
    return;

  results = ent_graph_search (graph, query, MAX_CANDIDATES);
  for (guint i = 0; i < results->len; i++)
    {
      const EntSearchResult *result = &g_array_index (results, EntSearchResult, i);
      EntKindInfo *kind;
      GtkWidget *row;

      if (result->entity == NULL || result->entity->id == asking->from_id ||
          g_hash_table_contains (listed, &result->entity->id))
        continue;

      g_hash_table_add (listed, &result->entity->id);
      kind = ent_graph_get_kind (graph, ent_entity_get_kind_key (result->entity));
      row = g_object_new (ADW_TYPE_ACTION_ROW,
                          "title", result->entity->name,
                          "subtitle", kind != NULL ? kind->label : NULL,
                          "title-lines", 2,
                          "activatable", TRUE,
                          "use-markup", FALSE,
                          NULL);
      g_object_set_data_full (G_OBJECT (row), "entity-id",
                              g_memdup2 (&result->entity->id, sizeof result->entity->id), g_free);
      gtk_list_box_append (asking->results, row);
      gtk_widget_set_visible (GTK_WIDGET (asking->results), TRUE);
    }
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Asking         *asking)
{
  fill_results (asking, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
choose_row (Asking        *asking,
            GtkListBoxRow *row)
{
  gint64 to_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "entity-id");
  EntWindow *window = asking->window;
  gint64 from_id = asking->from_id;

  gtk_window_destroy (asking->dialog);
  _ent_window_show_connection (window, from_id, to_id);
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  Asking        *asking)
{
  choose_row (asking, row);
}

/* Enter takes the first entity found. */
static void
search_activate_cb (GtkSearchEntry *entry,
                    Asking         *asking)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (asking->results, 0);

  if (row != NULL)
    choose_row (asking, row);
}

static void
stop_search_cb (GtkSearchEntry *entry,
                Asking         *asking)
{
  gtk_window_destroy (asking->dialog);
}

static void
why_connected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 from_id = ent_graph_view_get_selected_entity (self->graph_view);
  EntEntity *from = self->graph != NULL ? ent_graph_get_entity (self->graph, from_id) : NULL;
  g_autofree char *subtitle = NULL;
  Asking *asking;
  GtkWidget *box, *header, *entry, *scroller;

  if (from == NULL)
    return;

  asking = g_new0 (Asking, 1);
  asking->window = g_object_ref (self);
  asking->from_id = from_id;
  asking->dialog = g_object_new (ADW_TYPE_WINDOW,
                                 "modal", TRUE,
                                 "transient-for", self,
                                 "destroy-with-parent", TRUE,
                                 "default-width", 420,
                                 "default-height", 460,
                                 "title", _("Why Connected?"),
                                 NULL);
  g_object_set_data_full (G_OBJECT (asking->dialog), "asking", asking, (GDestroyNotify) asking_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  /* Translators: the subtitle of the dialog that asks for the second entity of "Why connected?" */
  subtitle = g_strdup_printf (_("From %s"), from->name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Why Connected?"), subtitle));
  gtk_box_append (GTK_BOX (box), header);

  entry = gtk_search_entry_new ();
  g_object_set (entry, "placeholder-text", _("Name of the other entity"), "margin-start", 12, "margin-end", 12,
                "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the other entity"), -1);
  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), asking);
  g_signal_connect (entry, "activate", G_CALLBACK (search_activate_cb), asking);
  g_signal_connect (entry, "stop-search", G_CALLBACK (stop_search_cb), asking);
  gtk_box_append (GTK_BOX (box), entry);

  asking->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (asking->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (asking->results), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (asking->results), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (asking->results), FALSE);
  g_object_set (asking->results, "margin-start", 12, "margin-end", 12, "margin-bottom", 12, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (asking->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Entities found"), -1);
  g_signal_connect (asking->results, "row-activated", G_CALLBACK (row_activated_cb), asking);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW, "vexpand", TRUE, "hscrollbar-policy", GTK_POLICY_NEVER,
                           "child", asking->results, NULL);
  gtk_box_append (GTK_BOX (box), scroller);

  adw_window_set_content (ADW_WINDOW (asking->dialog), box);
  gtk_window_present (asking->dialog);
  gtk_widget_grab_focus (entry);
}

static void
selection_changed_cb (EntWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.why-connected",
                                 ent_graph_view_get_selected_entity (self->graph_view) != 0);
}

/* The network changed: the chains found in the one before may name what is gone. */
void
_ent_window_paths_graph_changed (EntWindow *self)
{
  g_clear_pointer (&self->path_index, ent_path_index_free);
  self->path_graph = NULL;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "connection") == 0)
    gtk_stack_set_visible_child_name (self->side_stack, "evidence");
}

void
_ent_window_paths_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.why-connected", NULL, why_connected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.why-connected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.why-connected", NULL);
}

void
_ent_window_paths_init (EntWindow *self)
{
  g_signal_connect_swapped (self->connection_panel, "chain-chosen", G_CALLBACK (chain_chosen_cb), self);
  g_signal_connect_swapped (self->connection_panel, "relation-activated", G_CALLBACK (hop_relation_activated_cb),
                            self);
  g_signal_connect_swapped (self->side_stack, "notify::visible-child-name", G_CALLBACK (side_page_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::selected-entity", G_CALLBACK (selection_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.why-connected", FALSE);
}

/* What the window keeps for chains, let go of when it is disposed, before the panels go. */
void
_ent_window_paths_dispose (EntWindow *self)
{
  if (self->side_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->side_stack, self);
  g_clear_pointer (&self->path_index, ent_path_index_free);
  g_clear_pointer (&self->chains, g_ptr_array_unref);
}
