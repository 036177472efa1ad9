/* ent-window.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window.h"
#include "ent-diagram.h"
#include "ent-entity-dialog.h"
#include "ent-evidence-panel.h"
#include "ent-export.h"
#include "ent-graph-view.h"
#include "ent-placement.h"
#include "ent-relation-dialog.h"
#include "ent-source-dialog.h"
#include "ent-renderer.h"
#include "ent-source-view.h"
#include "ent-style.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define MAX_SEARCH_RESULTS 50

struct _EntWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  EntStore             *store;
  EntGraph             *graph;
  char                 *engine;
  GCancellable         *layout_cancellable;
  gboolean              panel_visible;
  gboolean              paned_placed;
  gulong                store_changed_id;
  /* The entity selected before the current one: a new relation joins the two. */
  gint64                current_entity;
  gint64                previous_entity;

  AdwWindowTitle       *window_title;
  GtkMenuButton        *engine_button;
  AdwToastOverlay      *toast_overlay;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkStack             *view_stack;
  AdwStatusPage        *status_page;
  GtkPaned             *paned;
  EntGraphView         *graph_view;
  GtkRevealer          *progress_revealer;
  GtkSpinner           *progress_spinner;
  GtkLabel             *progress_label;
  GtkRevealer          *focus_revealer;
  GtkLabel             *focus_label;
  GtkSpinButton        *focus_depth;
  GtkFlowBox           *legend_box;
  GtkButton            *zoom_button;
  GtkStack             *side_stack;
  EntEvidencePanel     *evidence_panel;
  EntSourceView        *source_view;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkScrolledWindow    *search_scroller;
  GtkListBox           *search_results;
  GMenu                *edit_section;
};

G_DEFINE_FINAL_TYPE (EntWindow, ent_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_PANEL_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void selection_changed_cb (EntWindow *self);

static void
show_toast (EntWindow  *self,
            const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const char *
effective_engine (EntWindow   *self,
                  const char **reason)
{
  if (g_strcmp0 (self->engine, "automatic") != 0)
    {
      if (reason != NULL)
        *reason = NULL;
      return self->engine;
    }

  return ent_diagram_choose_engine (self->graph, reason);
}

static void
update_title (EntWindow *self)
{
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;
  guint n_entities = self->graph->entities->len;
  guint n_relations = self->graph->relations->len;

  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities), n_entities);
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
  /* Translators: the entity and relation counts of the open network, e.g. "20 entities · 32 relations" */
  subtitle = g_strdup_printf (_("%s · %s"), entities, relations);

  if (self->graph->sources->len > 0)
    title = ((EntSource *) g_ptr_array_index (self->graph->sources, 0))->title;
  else
    title = _("Untitled Network");

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_engine_button (EntWindow *self)
{
  const char *reason = NULL;
  const char *engine;
  g_autofree char *tooltip = NULL;

  if (self->graph == NULL)
    return;

  engine = effective_engine (self, &reason);
  gtk_menu_button_set_label (self->engine_button, engine);
  if (reason != NULL)
    /* Translators: the tooltip of the layout engine menu when the engine is chosen automatically */
    tooltip = g_strdup_printf (_("Layout engine, chosen automatically: %s"), reason);
  else
    tooltip = g_strdup (_("Layout engine"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->engine_button), tooltip);
}

static void
kind_toggled_cb (GtkToggleButton *button,
                 EntWindow       *self)
{
  EntKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));

  ent_graph_view_set_kind_visible (self->graph_view, kind, gtk_toggle_button_get_active (button));
}

static void
draw_kind_swatch (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  EntKind kind = GPOINTER_TO_UINT (user_data);
  EntColor color;

  ent_style_kind_color (kind, adw_style_manager_get_dark (adw_style_manager_get_default ()), &color);
  ent_style_append_shape (cr, kind, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1.5);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_fill (cr);
}

/* The legend lists the kinds in the network; each entry also hides or shows its kind. */
static void
rebuild_legend (EntWindow *self)
{
  gboolean present[ENT_N_KINDS] = { FALSE };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box))) != NULL)
    gtk_flow_box_remove (self->legend_box, child);

  for (guint i = 0; i < self->graph->entities->len; i++)
    present[((EntEntity *) g_ptr_array_index (self->graph->entities, i))->kind] = TRUE;

  for (guint kind = 0; kind < ENT_N_KINDS; kind++)
    {
      GtkWidget *button, *box, *swatch, *label;
      g_autofree char *tooltip = NULL;

      if (!present[kind])
        continue;

      swatch = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_kind_swatch, GUINT_TO_POINTER (kind), NULL);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (box), swatch);
      label = gtk_label_new (ent_kind_get_label (kind));
      /* The legend is a key, not a toolbar: small type keeps it to one row beside the diagram. */
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);

      button = gtk_toggle_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    ent_graph_view_get_kind_visible (self->graph_view, kind));
      /* Translators: the tooltip of a legend entry, which shows or hides that kind of entity */
      tooltip = g_strdup_printf (_("Show or hide: %s"), ent_kind_get_label (kind));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ent_kind_get_label (kind), -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (kind));
      g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);
      gtk_flow_box_append (self->legend_box, button);
    }
}

static void
set_layout_running (EntWindow  *self,
                    const char *engine)
{
  gboolean running = engine != NULL;

  if (running)
    {
      g_autofree char *label = g_strdup_printf (_("Laying out with %s…"), engine);
      gtk_label_set_label (self->progress_label, label);
    }

  gtk_spinner_set_spinning (self->progress_spinner, running);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-layout", running);
}

static void
diagram_built_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(EntWindow) self = user_data;
  g_autoptr(EntScene) scene = NULL;
  g_autoptr(GError) error = NULL;

  scene = ent_diagram_build_finish (result, NULL, &error);

  /* A newer layout (or another file) took over; this one's result is stale. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      (self->layout_cancellable == NULL || !g_cancellable_is_cancelled (self->layout_cancellable)))
    return;

  g_clear_object (&self->layout_cancellable);
  set_layout_running (self, NULL);

  if (scene == NULL)
    {
      if (ent_graph_view_get_scene (self->graph_view) != NULL)
        show_toast (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                          ? _("Layout cancelled") : error->message);
      else
        {
          adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
          adw_status_page_set_title (self->status_page, _("No Layout"));
          adw_status_page_set_description (self->status_page,
                                           error->message);
          gtk_stack_set_visible_child_name (self->view_stack, "status");
        }
      return;
    }

  ent_graph_view_set_scene (self->graph_view, scene);
  gtk_stack_set_visible_child_name (self->view_stack, "graph");
}

/* Draws the network from its stored layout, or has one made in the worker without blocking the window. */
static void
build_diagram (EntWindow *self,
               gboolean   relayout)
{
  const char *engine;

  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);

  engine = effective_engine (self, NULL);
  self->layout_cancellable = g_cancellable_new ();
  set_layout_running (self, engine);
  update_engine_button (self);

  ent_diagram_build_async (self->store, self->graph, engine, relayout, self->layout_cancellable,
                           diagram_built_cb, g_object_ref (self));
}

static void
update_edit_actions (EntWindow *self)
{
  static const char * const edit_actions[] = {
    "win.add-entity", "win.add-relation", "win.add-source", "win.edit-selected",
    "win.delete-selected", "win.merge", "win.add-evidence", "win.edit-source",
  };
  gboolean writable = self->store != NULL && !ent_store_is_read_only (self->store);
  gboolean selected = ent_graph_view_get_selected_entity (self->graph_view) != 0 ||
                      ent_graph_view_get_selected_relation (self->graph_view) != 0;
  const char *undo = self->store ? ent_store_get_undo_label (self->store) : NULL;
  const char *redo = self->store ? ent_store_get_redo_label (self->store) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], writable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-selected", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge",
                                 writable && ent_graph_view_get_selected_entity (self->graph_view) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && redo != NULL);

  /* The menu names what Undo and Redo would do, as GNOME applications do. */
  /* Translators: a menu item, e.g. "Undo Rename “Sergei Aleinik”" */
  undo_label = undo ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item, e.g. "Redo Rename “Sergei Aleinik”" */
  redo_label = redo ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->edit_section);
  g_menu_append (self->edit_section, undo_label, "win.undo");
  g_menu_append (self->edit_section, redo_label, "win.redo");
}

/* Shows @graph (taking it) everywhere but in the diagram, whose scene comes from the layout. */
static void
adopt_graph (EntWindow *self,
             EntGraph  *graph)
{
  g_clear_pointer (&self->graph, ent_graph_unref);
  self->graph = graph;
  ent_evidence_panel_set_graph (self->evidence_panel, self->graph);
  ent_source_view_set_graph (self->source_view, self->graph);
  update_title (self);
  rebuild_legend (self);
  update_edit_actions (self);
}

/* After an edit, an undo or a redo: the network is read again and drawn where it was. */
static void
store_changed_cb (EntWindow *self,
                  EntStore  *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autoptr(GArray) positions = NULL;
  g_autoptr(EntScene) scene = NULL;
  gint64 entity = ent_graph_view_get_selected_entity (self->graph_view);
  gint64 relation = ent_graph_view_get_selected_relation (self->graph_view);

  if (graph == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  adopt_graph (self, g_steal_pointer (&graph));

  positions = ent_store_load_positions (store, effective_engine (self, NULL), &error);
  if (positions == NULL)
    {
      show_toast (self, error->message);
      return;
    }

  if (positions->len == 0)
    {
      build_diagram (self, FALSE);
      return;
    }

  /* Entities added elsewhere than in this window go by their neighbours; nobody else moves. */
  ent_placement_place_missing (self->graph, positions, NAN, NAN);
  scene = ent_scene_new (self->graph, positions);
  ent_graph_view_set_scene_gliding (self->graph_view, scene);
  gtk_stack_set_visible_child_name (self->view_stack, "graph");

  if (relation != 0 && ent_graph_get_relation (self->graph, relation) != NULL)
    ent_graph_view_select_relation (self->graph_view, relation);
  else if (entity != 0 && ent_graph_get_entity (self->graph, entity) != NULL)
    ent_graph_view_select_entity (self->graph_view, entity);
  selection_changed_cb (self);
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

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_set_object (&self->store, store);
  self->store_changed_id = g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb),
                                                     self, G_CONNECT_SWAPPED);
  adopt_graph (self, g_steal_pointer (&graph));

  gtk_label_set_label (self->read_only_label,
                       ent_store_is_read_only (store) ? ent_store_get_read_only_reason (store) : "");
  gtk_info_bar_set_revealed (self->read_only_bar, ent_store_is_read_only (store));

  g_settings_set_string (self->settings, "last-file", path);

  ent_graph_view_set_scene (self->graph_view, NULL);
  ent_graph_view_set_focus (self->graph_view, 0, 0);
  ent_evidence_panel_show_entity (self->evidence_panel, 0);
  gtk_stack_set_visible_child_name (self->side_stack, "evidence");
  build_diagram (self, FALSE);

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
      gtk_stack_set_visible_child_name (self->view_stack, "status");
    }
  else
    {
      show_toast (self, message);
    }
}

EntGraph *
ent_window_get_graph (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->graph;
}

EntGraphView *
ent_window_get_graph_view (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->graph_view;
}

static void
select_entity (EntWindow *self,
               gint64     entity_id)
{
  const EntSceneItem *node;
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);

  if (!ent_graph_view_is_entity_shown (self->graph_view, entity_id))
    {
      /* Whatever hides it, the user asked to see it. */
      ent_graph_view_set_focus (self->graph_view, 0, 0);
      for (guint kind = 0; kind < ENT_N_KINDS; kind++)
        ent_graph_view_set_kind_visible (self->graph_view, kind, TRUE);
      rebuild_legend (self);
    }

  ent_graph_view_select_entity (self->graph_view, entity_id);
  node = scene != NULL ? ent_scene_find_node (scene, entity_id) : NULL;
  if (node != NULL)
    ent_graph_view_center_on (self->graph_view, node->cx, node->cy);
}

static void
selection_changed_cb (EntWindow *self)
{
  gint64 entity = ent_graph_view_get_selected_entity (self->graph_view);
  gint64 relation = ent_graph_view_get_selected_relation (self->graph_view);

  if (relation != 0)
    ent_evidence_panel_show_relation (self->evidence_panel, relation);
  else
    ent_evidence_panel_show_entity (self->evidence_panel, entity);

  if (entity != 0 && entity != self->current_entity)
    {
      self->previous_entity = self->current_entity;
      self->current_entity = entity;
    }

  /* The source page stays open, so a passage can be read and added as evidence for what is selected. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus", entity != 0);
  update_edit_actions (self);
}

static void
zoom_changed_cb (EntWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f %%", ent_graph_view_get_zoom (self->graph_view) * 100);

  gtk_button_set_label (self->zoom_button, label);
}

static void
node_moved_cb (EntWindow    *self,
               gint64        entity_id,
               double        x,
               double        y,
               EntGraphView *view)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  EntPosition position = { .entity_id = entity_id, .x = x, .y = y, .pinned = TRUE };
  EntEntity *entity = ent_graph_get_entity (self->graph, entity_id);

  if (ent_store_is_read_only (self->store) || entity == NULL)
    return;

  /* Translators: the name of an edit, shown as "Undo Move “Belarus”" */
  label = g_strdup_printf (_("Move “%s”"), entity->name);

  /* A node the user placed stays there, pinned for the engines that honour pins. */
  if (!ent_store_edit_begin (self->store, label, &error))
    {
      show_toast (self, error->message);
      return;
    }
  if (!ent_store_save_positions (self->store, effective_engine (self, NULL), &position, 1, &error))
    {
      ent_store_edit_cancel (self->store);
      show_toast (self, error->message);
      return;
    }
  if (!ent_store_edit_commit (self->store, &error))
    show_toast (self, error->message);
}

static void
panel_entity_activated_cb (EntWindow *self,
                           gint64     entity_id)
{
  select_entity (self, entity_id);
}

static void
panel_relation_activated_cb (EntWindow *self,
                             gint64     relation_id)
{
  ent_graph_view_select_relation (self->graph_view, relation_id);
}

static void
panel_quote_activated_cb (EntWindow *self,
                          gint64     quote_id)
{
  ent_source_view_show_quote (self->source_view, quote_id);
  gtk_stack_set_visible_child_name (self->side_stack, "source");
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* A passage clicked in the source selects what it backs: an entity first, else a relation. */
static void
source_quote_activated_cb (EntWindow *self,
                           gint64     quote_id)
{
  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->graph->entities, i);

      if (ids_contain (entity->quote_ids, quote_id))
        {
          select_entity (self, entity->id);
          return;
        }
    }

  for (guint i = 0; i < self->graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (self->graph->relations, i);

      if (ids_contain (relation->quote_ids, quote_id))
        {
          ent_graph_view_select_relation (self->graph_view, relation->id);
          return;
        }
    }
}

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static const char *
matching_quote (EntWindow  *self,
                GArray     *quote_ids,
                const char *needle)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (self->graph, g_array_index (quote_ids, gint64, i));

      if (quote != NULL && text_matches (quote->text, needle))
        return quote->text;
    }

  return NULL;
}

static void
search_changed_cb (EntWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  GtkWidget *child;
  guint n_results = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))) != NULL)
    gtk_list_box_remove (self->search_results, child);

  if (self->graph == NULL || *text == '\0')
    {
      gtk_widget_set_visible (GTK_WIDGET (self->search_scroller), FALSE);
      return;
    }

  needle = g_utf8_casefold (text, -1);

  /* Names first, then descriptions, then quotes: the likelier a match is what was meant, the higher it stands. */
  for (int pass = 0; pass < 3 && n_results < MAX_SEARCH_RESULTS; pass++)
    for (guint i = 0; i < self->graph->entities->len && n_results < MAX_SEARCH_RESULTS; i++)
      {
        EntEntity *entity = g_ptr_array_index (self->graph->entities, i);
        const char *match = NULL;
        AdwActionRow *row;

        if (pass == 0 && text_matches (entity->name, needle))
          match = ent_kind_get_label (entity->kind);
        else if (pass == 1 && !text_matches (entity->name, needle) && text_matches (entity->description, needle))
          match = entity->description;
        else if (pass == 2 && !text_matches (entity->name, needle) && !text_matches (entity->description, needle))
          match = matching_quote (self, entity->quote_ids, needle);

        if (match == NULL)
          continue;

        row = ADW_ACTION_ROW (adw_action_row_new ());
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entity->name);
        adw_action_row_set_subtitle (row, match);
        adw_action_row_set_subtitle_lines (row, 1);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        g_object_set_data_full (G_OBJECT (row), "entity-id", g_memdup2 (&entity->id, sizeof entity->id), g_free);
        gtk_list_box_append (self->search_results, GTK_WIDGET (row));
        n_results++;
      }

  if (n_results == 0)
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

  select_entity (self, *id);
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
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  EntWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        ent_window_open_path (self, path);
      else
        show_toast (self, _("Only local files can be opened"));
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open a Network"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Entente networks"));
  gtk_file_filter_add_mime_type (filter, "application/x-entente");
  gtk_file_filter_add_pattern (filter, "*.entente");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
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

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EntWindow       *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *area_choice, *scale_choice, *legend_choice;
  EntExportFormat format;
  EntExportOptions options = { 0 };
  EntRect area;
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);

  if (response != GTK_RESPONSE_ACCEPT || scene == NULL)
    {
      g_object_unref (dialog);
      return;
    }

  file = gtk_file_chooser_get_file (chooser);
  path = g_file_get_path (file);
  area_choice = gtk_file_chooser_get_choice (chooser, "area");
  scale_choice = gtk_file_chooser_get_choice (chooser, "scale");
  legend_choice = gtk_file_chooser_get_choice (chooser, "legend");

  options.scale = scale_choice != NULL ? g_ascii_strtod (scale_choice, NULL) : 2.0;
  options.legend = g_strcmp0 (legend_choice, "false") != 0;
  if (g_strcmp0 (area_choice, "visible") == 0)
    {
      visible_area (self, &area);
      options.area = &area;
    }

  if (path == NULL)
    show_toast (self, _("Only local files can be written"));
  else if (!ent_export_format_for_path (path, &format, &error) ||
           !ent_export_scene (scene, path, format, &options, &error))
    show_toast (self, error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
      show_toast (self, message);
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
  static const char *scale_ids[] = { "1", "2", "4", NULL };
  const char *area_labels[] = { _("Whole network"), _("Visible area"), NULL };
  const char *scale_labels[] = { _("100 % (PNG)"), _("200 % (PNG)"), _("400 % (PNG)"), NULL };
  const char *patterns[][2] = { { "*.png", N_("PNG image") }, { "*.svg", N_("SVG drawing") }, { "*.pdf", N_("PDF document") } };
  g_autofree char *name = NULL;

  if (ent_graph_view_get_scene (self->graph_view) == NULL)
    return;

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
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "scale", _("Scale"), scale_ids, scale_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "scale", "2");
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
    show_toast (self, error->message);
}

/* The zoom buttons float over the diagram, outside the view, so they reach its zoom through the window. */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkWidget *view = GTK_WIDGET (self->graph_view);
  double zoom = ent_graph_view_get_zoom (self->graph_view);
  double cx = gtk_widget_get_width (view) / 2.0;
  double cy = gtk_widget_get_height (view) / 2.0;

  if (g_str_equal (action_name, "win.zoom-in"))
    ent_graph_view_set_zoom (self->graph_view, zoom * 1.25, cx, cy);
  else if (g_str_equal (action_name, "win.zoom-out"))
    ent_graph_view_set_zoom (self->graph_view, zoom / 1.25, cx, cy);
  else if (g_str_equal (action_name, "win.zoom-actual"))
    ent_graph_view_set_zoom (self->graph_view, 1.0, cx, cy);
  else
    ent_graph_view_zoom_fit (self->graph_view);
}

typedef gboolean (*EditStep) (EntWindow *self,
                              gpointer   data,
                              GError   **error);

/* Runs @step as one undoable edit named @label; what goes wrong is said in a toast and leaves the file as it was. */
static gboolean
run_edit (EntWindow  *self,
          const char *label,
          EditStep    step,
          gpointer    data)
{
  g_autoptr(GError) error = NULL;

  if (!ent_store_edit_begin (self->store, label, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  if (!step (self, data, &error))
    {
      ent_store_edit_cancel (self->store);
      show_toast (self, error->message);
      return FALSE;
    }

  if (!ent_store_edit_commit (self->store, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_entity_step (EntWindow  *self,
                    gpointer    data,
                    GError    **error)
{
  return ent_store_delete_entity (self->store, *(gint64 *) data, error);
}

static gboolean
delete_relation_step (EntWindow  *self,
                      gpointer    data,
                      GError    **error)
{
  return ent_store_delete_relation (self->store, *(gint64 *) data, error);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EntWindow        *self)
{
  gint64 entity = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "entity-id"));
  gint64 relation = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "relation-id"));
  const char *label = g_object_get_data (G_OBJECT (dialog), "label");

  if (!g_str_equal (response, "delete"))
    return;

  if (entity != 0)
    run_edit (self, label, delete_entity_step, &entity);
  else
    run_edit (self, label, delete_relation_step, &relation);
}

/* Deleting asks first, and says what goes with the entity. */
static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 entity_id = ent_graph_view_get_selected_entity (self->graph_view);
  gint64 relation_id = ent_graph_view_get_selected_relation (self->graph_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *label = NULL;
  AdwMessageDialog *dialog;

  if (entity_id != 0)
    {
      EntEntity *entity = ent_graph_get_entity (self->graph, entity_id);
      g_autofree char *relations = NULL;
      g_autofree char *quotes = NULL;
      guint n_relations = 0, n_quotes = 0;

      if (entity == NULL || !ent_store_count_dependents (self->store, entity_id, &n_relations, &n_quotes, &error))
        {
          if (error != NULL)
            show_toast (self, error->message);
          return;
        }

      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
      quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n_quotes), n_quotes);
      heading = g_strdup_printf (_("Delete “%s”?"), entity->name);
      /* Translators: e.g. "3 relations and 5 quotes go with it. You can undo this." */
      body = g_strdup_printf (_("%s and %s go with it. You can undo this."), relations, quotes);
      /* Translators: the name of an edit, shown as "Undo Delete “Belarus”" */
      label = g_strdup_printf (_("Delete “%s”"), entity->name);
    }
  else if (relation_id != 0)
    {
      heading = g_strdup (_("Delete This Relation?"));
      body = g_strdup (_("Its quotes stay in their sources. You can undo this."));
      label = g_strdup (_("Delete Relation"));
    }
  else
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entity-id", GSIZE_TO_POINTER (entity_id));
  g_object_set_data (G_OBJECT (dialog), "relation-id", GSIZE_TO_POINTER (relation_id));
  g_object_set_data_full (G_OBJECT (dialog), "label", g_steal_pointer (&label), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64 keep;
  gint64 other;
} MergePair;

static gboolean
merge_step (EntWindow  *self,
            gpointer    data,
            GError    **error)
{
  MergePair *pair = data;

  return ent_store_merge_entities (self->store, pair->keep, pair->other, error);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EntWindow        *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  guint position = gtk_drop_down_get_selected (choice);
  MergePair pair = { .keep = ent_graph_view_get_selected_entity (self->graph_view) };
  EntEntity *keep = ent_graph_get_entity (self->graph, pair.keep);
  g_autofree char *label = NULL;

  if (!g_str_equal (response, "merge") || keep == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  pair.other = g_array_index (ids, gint64, position);
  /* Translators: the name of an edit, shown as "Undo Merge into “Belarus”" */
  label = g_strdup_printf (_("Merge into “%s”"), keep->name);
  run_edit (self, label, merge_step, &pair);
}

static char *
entity_name_cb (GtkStringObject *item)
{
  return g_strdup (gtk_string_object_get_string (item));
}

/* Merging: the selected entity keeps its name and takes over another's relations and quotes. */
static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 keep_id = ent_graph_view_get_selected_entity (self->graph_view);
  EntEntity *keep = keep_id != 0 ? ent_graph_get_entity (self->graph, keep_id) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *choice;

  if (keep == NULL)
    return;

  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->graph->entities, i);

      if (entity->id == keep_id)
        continue;
      gtk_string_list_append (names, entity->name);
      g_array_append_val (ids, entity->id);
    }

  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)),
                              gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (entity_name_cb), NULL, NULL));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The entity to merge"), -1);

  heading = g_strdup_printf (_("Merge into “%s”"), keep->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The entity chosen below is the same as this one. Its relations and quotes move here, and it is deleted.")));
  adw_message_dialog_set_extra_child (dialog, choice);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "choice", choice);
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (merge_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64      entity_id;
  gint64      relation_id;
  gint64      source_id;
  gint64      start;
  gint64      end;
  const char *text;
} Evidence;

static gboolean
add_evidence_step (EntWindow  *self,
                   gpointer    data,
                   GError    **error)
{
  Evidence *evidence = data;
  gint64 quote_id = ent_store_add_quote (self->store, evidence->source_id, evidence->start, evidence->end,
                                         evidence->text, error);

  if (quote_id == 0)
    return FALSE;

  if (evidence->entity_id != 0)
    return ent_store_add_entity_evidence (self->store, evidence->entity_id, quote_id, error);
  return ent_store_add_relation_evidence (self->store, evidence->relation_id, quote_id, error);
}

/* The passage selected in the source viewer becomes a quote backing the selection in the diagram. */
static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  Evidence evidence = {
    .entity_id = ent_graph_view_get_selected_entity (self->graph_view),
    .relation_id = ent_graph_view_get_selected_relation (self->graph_view),
    .source_id = ent_source_view_get_source (self->source_view),
  };
  EntSource *source = ent_graph_get_source (self->graph, evidence.source_id);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;

  if (source == NULL || !ent_source_view_get_selection (self->source_view, &evidence.start, &evidence.end))
    {
      show_toast (self, _("Select a passage of the source first"));
      return;
    }

  if (evidence.relation_id != 0)
    evidence.entity_id = 0;
  else if (evidence.entity_id == 0)
    {
      show_toast (self, _("Select in the diagram what the passage backs"));
      return;
    }

  text = g_utf8_substring (source->body, evidence.start, evidence.end);
  evidence.text = text;
  if (evidence.entity_id != 0)
    /* Translators: the name of an edit, shown as "Undo Add a Quote to “Belarus”" */
    label = g_strdup_printf (_("Add a Quote to “%s”"), ent_graph_get_entity (self->graph, evidence.entity_id)->name);
  else
    label = g_strdup (_("Add a Quote to a Relation"));

  run_edit (self, label, add_evidence_step, &evidence);
}

typedef struct
{
  gint64 entity_id;
  gint64 relation_id;
  gint64 quote_id;
} Withdrawal;

static gboolean
remove_evidence_step (EntWindow  *self,
                      gpointer    data,
                      GError    **error)
{
  Withdrawal *w = data;

  return ent_store_remove_evidence (self->store, w->entity_id, w->relation_id, w->quote_id, error);
}

static void
panel_quote_remove_requested_cb (EntWindow *self,
                                 gint64     quote_id)
{
  Withdrawal w = {
    .entity_id = ent_evidence_panel_get_entity (self->evidence_panel),
    .relation_id = ent_evidence_panel_get_relation (self->evidence_panel),
    .quote_id = quote_id,
  };

  if (self->store == NULL || ent_store_is_read_only (self->store))
    {
      show_toast (self, ent_store_get_read_only_reason (self->store));
      return;
    }

  if (w.relation_id != 0)
    w.entity_id = 0;
  run_edit (self, _("Remove a Quote"), remove_evidence_step, &w);
}

static gboolean
update_entity_step (EntWindow  *self,
                    gpointer    data,
                    GError    **error)
{
  return ent_store_update_entity (self->store, data, error);
}

typedef struct
{
  EntEntity *entity;
  double     x;
  double     y;
  gint64     new_id;
} NewEntity;

/* A new entity goes to a free spot near where the user is looking, in the same edit, so Undo takes both back. */
static gboolean
add_entity_step (EntWindow  *self,
                 gpointer    data,
                 GError    **error)
{
  NewEntity *add = data;
  const char *engine = effective_engine (self, NULL);
  g_autoptr(GArray) positions = NULL;
  g_autoptr(EntGraph) graph = NULL;

  add->new_id = ent_store_add_entity (self->store, add->entity, error);
  if (add->new_id == 0)
    return FALSE;

  positions = ent_store_load_positions (self->store, engine, error);
  graph = positions ? ent_store_load_graph (self->store, error) : NULL;
  if (graph == NULL)
    return FALSE;

  ent_placement_place_missing (graph, positions, add->x, add->y);
  return ent_store_save_positions (self->store, engine, (EntPosition *) positions->data, positions->len, error);
}

static void
view_centre (EntWindow *self,
             double    *x,
             double    *y)
{
  ent_graph_view_widget_to_graph (self->graph_view,
                                  gtk_widget_get_width (GTK_WIDGET (self->graph_view)) / 2.0,
                                  gtk_widget_get_height (GTK_WIDGET (self->graph_view)) / 2.0,
                                  x, y);
}

static void
entity_confirmed_cb (EntEntityDialog *dialog,
                     EntWindow       *self)
{
  g_autoptr(EntEntity) entity = ent_entity_dialog_dup_entity (dialog);
  g_autofree char *label = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (entity->id == 0)
    {
      NewEntity add = { .entity = entity };

      view_centre (self, &add.x, &add.y);
      /* Translators: the name of an edit, shown as "Undo Add “Minsk”" */
      label = g_strdup_printf (_("Add “%s”"), entity->name);
      if (run_edit (self, label, add_entity_step, &add))
        select_entity (self, add.new_id);
    }
  else
    {
      EntEntity *before = ent_graph_get_entity (self->graph, entity->id);

      if (before != NULL && g_strcmp0 (before->name, entity->name) != 0)
        /* Translators: the name of an edit, shown as "Undo Rename “Sergei Aleinik”" */
        label = g_strdup_printf (_("Rename “%s”"), before->name);
      else
        /* Translators: the name of an edit, shown as "Undo Edit “Belarus”" */
        label = g_strdup_printf (_("Edit “%s”"), entity->name);
      run_edit (self, label, update_entity_step, entity);
    }
}

static void
open_existing_cb (EntEntityDialog *dialog,
                  gint64           entity_id,
                  EntWindow       *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  select_entity (self, entity_id);
}

static void
show_entity_dialog (EntWindow       *self,
                    const EntEntity *entity)
{
  EntEntityDialog *dialog = ent_entity_dialog_new (GTK_WINDOW (self), self->graph, entity);

  g_signal_connect (dialog, "confirmed", G_CALLBACK (entity_confirmed_cb), self);
  g_signal_connect (dialog, "open-existing", G_CALLBACK (open_existing_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
add_relation_step (EntWindow  *self,
                   gpointer    data,
                   GError    **error)
{
  return ent_store_add_relation (self->store, data, error) != 0;
}

static gboolean
update_relation_step (EntWindow  *self,
                      gpointer    data,
                      GError    **error)
{
  return ent_store_update_relation (self->store, data, error);
}

static void
relation_confirmed_cb (EntRelationDialog *dialog,
                       EntWindow         *self)
{
  g_autoptr(EntRelation) relation = ent_relation_dialog_dup_relation (dialog);
  EntEntity *from, *to;
  g_autofree char *label = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));

  from = ent_graph_get_entity (self->graph, relation->from_id);
  to = ent_graph_get_entity (self->graph, relation->to_id);
  if (from == NULL || to == NULL)
    return;

  /* Translators: the name of an edit, shown as "Undo Connect “Minsk” and “Belarus”" */
  label = g_strdup_printf (relation->id == 0 ? _("Connect “%s” and “%s”") : _("Edit the Relation of “%s” and “%s”"),
                           from->name, to->name);
  run_edit (self, label, relation->id == 0 ? add_relation_step : update_relation_step, relation);
}

static void
show_relation_dialog (EntWindow         *self,
                      const EntRelation *relation,
                      gint64             from_id,
                      gint64             to_id)
{
  EntRelationDialog *dialog = ent_relation_dialog_new (GTK_WINDOW (self), self->graph, relation, from_id, to_id);

  g_signal_connect (dialog, "confirmed", G_CALLBACK (relation_confirmed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
add_source_step (EntWindow  *self,
                 gpointer    data,
                 GError    **error)
{
  return ent_store_add_source (self->store, data, error) != 0;
}

static gboolean
update_source_step (EntWindow  *self,
                    gpointer    data,
                    GError    **error)
{
  return ent_store_update_source (self->store, data, error);
}

static void
source_confirmed_cb (EntSourceDialog *dialog,
                     EntWindow       *self)
{
  g_autoptr(EntSource) source = ent_source_dialog_dup_source (dialog);
  g_autofree char *label = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Translators: the name of an edit, shown as "Undo Add the Source “…”" */
  label = g_strdup_printf (source->id == 0 ? _("Add the Source “%s”") : _("Edit the Source “%s”"), source->title);
  run_edit (self, label, source->id == 0 ? add_source_step : update_source_step, source);
}

static void
show_source_dialog (EntWindow       *self,
                    const EntSource *source)
{
  EntSourceDialog *dialog = ent_source_dialog_new (GTK_WINDOW (self), source);

  g_signal_connect (dialog, "confirmed", G_CALLBACK (source_confirmed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (self->graph == NULL)
    return;

  if (g_str_equal (action_name, "win.add-entity"))
    show_entity_dialog (self, NULL);
  else if (g_str_equal (action_name, "win.add-relation"))
    {
      gint64 from = ent_graph_view_get_selected_entity (self->graph_view);
      gint64 to = from != 0 && ent_graph_get_entity (self->graph, self->previous_entity) ? self->previous_entity : 0;

      /* A new relation starts from the selected entity and leads to the one selected before it. */
      show_relation_dialog (self, NULL, from, to);
    }
  else if (g_str_equal (action_name, "win.add-source"))
    show_source_dialog (self, NULL);
  else if (g_str_equal (action_name, "win.edit-source"))
    {
      EntSource *source = ent_graph_get_source (self->graph, ent_source_view_get_source (self->source_view));
      if (source != NULL)
        show_source_dialog (self, source);
    }
}

static void
edit_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 relation = ent_graph_view_get_selected_relation (self->graph_view);
  gint64 entity = ent_graph_view_get_selected_entity (self->graph_view);

  if (relation != 0 && ent_graph_get_relation (self->graph, relation) != NULL)
    show_relation_dialog (self, ent_graph_get_relation (self->graph, relation), 0, 0);
  else if (entity != 0 && ent_graph_get_entity (self->graph, entity) != NULL)
    show_entity_dialog (self, ent_graph_get_entity (self->graph, entity));
}

static void
connect_requested_cb (EntWindow *self,
                      gint64     from_id,
                      gint64     to_id)
{
  if (self->store != NULL && !ent_store_is_read_only (self->store))
    show_relation_dialog (self, NULL, from_id, to_id);
}

static void
item_activated_cb (EntWindow *self,
                   gint64     entity_id,
                   gint64     relation_id)
{
  if (self->store != NULL && !ent_store_is_read_only (self->store))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-selected", NULL);
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
    show_toast (self, error->message);
}

static void
relayout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (self->graph != NULL)
    build_diagram (self, TRUE);
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

static void
set_engine (EntWindow  *self,
            const char *engine)
{
  if (g_strcmp0 (self->engine, engine) == 0)
    return;

  g_free (self->engine);
  self->engine = g_strdup (engine);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENGINE]);

  if (self->graph != NULL)
    build_diagram (self, FALSE);
}

static void
set_panel_visible (EntWindow *self,
                   gboolean   visible)
{
  if (self->panel_visible == visible)
    return;

  self->panel_visible = visible;
  gtk_widget_set_visible (GTK_WIDGET (self->side_stack), visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANEL_VISIBLE]);
}

/* The panel keeps its width when the window is resized, so the saved setting is the panel's, not the divider's. */
static void
paned_position_cb (EntWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));
  int panel = width - gtk_paned_get_position (self->paned);

  if (width > 0 && gtk_widget_get_visible (GTK_WIDGET (self->side_stack)) && panel > 0)
    g_settings_set_int (self->settings, "sidebar-width", panel);
}

static gboolean
place_divider_cb (gpointer user_data)
{
  EntWindow *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  gtk_paned_set_position (self->paned, MAX (width - g_settings_get_int (self->settings, "sidebar-width"), 200));
  g_signal_connect_swapped (self->paned, "notify::position", G_CALLBACK (paned_position_cb), self);

  return G_SOURCE_REMOVE;
}

/*
 * The divider can only be placed from the panel's saved width once the
 * window knows its own, and not while it is being allocated.
 */
static void
ent_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  EntWindow *self = ENT_WINDOW (widget);

  GTK_WIDGET_CLASS (ent_window_parent_class)->size_allocate (widget, width, height, baseline);

  if (!self->paned_placed && gtk_widget_get_width (GTK_WIDGET (self->paned)) > 0)
    {
      self->paned_placed = TRUE;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, place_divider_cb, g_object_ref (self), g_object_unref);
    }
}

static void
ent_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EntWindow *self = ENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_string (value, self->engine);
      break;
    case PROP_PANEL_VISIBLE:
      g_value_set_boolean (value, self->panel_visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EntWindow *self = ENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      set_engine (self, g_value_get_string (value));
      break;
    case PROP_PANEL_VISIBLE:
      set_panel_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_window_dispose (GObject *object)
{
  EntWindow *self = (EntWindow *)object;

  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);


  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ent_window_parent_class)->dispose (object);
}

static void
ent_window_finalize (GObject *object)
{
  EntWindow *self = (EntWindow *)object;

  g_free (self->engine);

  G_OBJECT_CLASS (ent_window_parent_class)->finalize (object);
}

static void
ent_window_class_init (EntWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_window_dispose;
  object_class->finalize = ent_window_finalize;
  object_class->get_property = ent_window_get_property;
  object_class->set_property = ent_window_set_property;
  widget_class->size_allocate = ent_window_size_allocate;

  properties[PROP_ENGINE] =
    g_param_spec_string ("engine", NULL, NULL, "automatic",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PANEL_VISIBLE] =
    g_param_spec_boolean ("panel-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ENT_TYPE_GRAPH_VIEW);
  g_type_ensure (ENT_TYPE_EVIDENCE_PANEL);
  g_type_ensure (ENT_TYPE_SOURCE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EntWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, engine_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, graph_view);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, focus_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, focus_label);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, focus_depth);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, legend_box);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, evidence_panel);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_scroller);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, edit_section);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_depth_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_entity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_relation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_quote_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_quote_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, relayout_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "win.add-entity", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-relation", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-source", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.edit-source", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.edit-selected", NULL, edit_selected_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-actual", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-layout", NULL, cancel_layout_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.focus", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "win.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "win.back-to-evidence", NULL, back_to_evidence_action);
  gtk_widget_class_install_property_action (widget_class, "win.engine", "engine");
  gtk_widget_class_install_property_action (widget_class, "win.show-panel", "panel-visible");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.relayout", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-entity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-relation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
}

static void
ent_window_init (EntWindow *self)
{
  GtkEventController *keys;
  GtkShortcutController *view_shortcuts;

  self->engine = g_strdup ("automatic");
  self->panel_visible = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "engine", self, "engine", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-visible", self, "panel-visible", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->graph_view, "notify::selected-entity", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::selected-relation", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::zoom", G_CALLBACK (zoom_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::focus-entity", G_CALLBACK (update_focus_bar), self);
  g_signal_connect_swapped (self->graph_view, "node-moved", G_CALLBACK (node_moved_cb), self);
  g_signal_connect_swapped (self->graph_view, "item-activated", G_CALLBACK (item_activated_cb), self);
  g_signal_connect_swapped (self->graph_view, "connect-requested", G_CALLBACK (connect_requested_cb), self);
  g_signal_connect_swapped (self->evidence_panel, "quote-remove-requested",
                            G_CALLBACK (panel_quote_remove_requested_cb), self);

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

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-layout", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all", FALSE);
  zoom_changed_cb (self);
  update_edit_actions (self);
}
