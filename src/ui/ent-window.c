/* ent-window.c: the main window: opens a network, lays it out and wires the selection
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window.h"
#include "ent-window-private.h"
#include "ent-diagram.h"
#include "ent-kind-filter.h"
#include "ent-placement.h"

#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

G_DEFINE_FINAL_TYPE (EntWindow, ent_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_ENGINE,
  PROP_PANEL_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void selection_changed_cb (EntWindow *self);

void
_ent_window_show_toast (EntWindow  *self,
                        const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
_ent_window_get_engine (EntWindow   *self,
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

/* The title, and the counts of the network under it: of what the source and time filters show, while they do. */
void
_ent_window_update_title (EntWindow *self)
{
  EntViewState *view = ent_graph_view_get_view_state (self->graph_view);
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *file_title = NULL;
  const char *title;
  guint n_entities = self->graph->entities->len;
  guint n_relations = self->graph->relations->len;
  guint n_shown_entities, n_shown_relations;
  gboolean filtered = FALSE;

  for (guint slot = 0; slot < ENT_VIEW_N_FILTERS; slot++)
    filtered = filtered || ent_view_state_get_filter (view, slot) != NULL;
  ent_view_state_count_shown (view, &n_shown_entities, &n_shown_relations);

  if (filtered && ent_view_state_get_scene (view) != NULL)
    {
      /* Translators: the count of the entities the filters show, out of all of them: "4 of 20 entities" */
      entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entity", "%u of %u entities", n_entities),
                                  n_shown_entities, n_entities);
      /* Translators: the count of the relations the filters show, out of all of them: "3 of 32 relations" */
      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u relation", "%u of %u relations",
                                                n_relations), n_shown_relations, n_relations);
    }
  else
    {
      entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities), n_entities);
      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations),
                                   n_relations);
    }
  /* Translators: the entity and relation counts of the open network, e.g. "20 entities · 32 relations" */
  subtitle = g_strdup_printf (_("%s · %s"), entities, relations);

  /* A network with no source yet, an imported one say, goes by its file's name. */
  if (self->graph->sources->len > 0)
    title = ((EntSource *) g_ptr_array_index (self->graph->sources, 0))->title;
  else if (self->store != NULL)
    {
      file_title = g_path_get_basename (ent_store_get_path (self->store));
      if (g_str_has_suffix (file_title, ".entente") && !g_str_equal (file_title, ".entente"))
        file_title[strlen (file_title) - strlen (".entente")] = '\0';
      title = file_title;
    }
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
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *tooltip = NULL;

  if (self->graph == NULL)
    return;

  engine = _ent_window_get_engine (self, &reason);
  gtk_menu_button_set_label (self->engine_button, engine);
  if (ent_diagram_engine_routes (engine, self->graph->entities->len))
    /* Translators: the second sentence of the layout engine menu's tooltip */
    second = g_strdup (_("Its layouts route the relations around the entities."));
  else
    /* Translators: the second sentence of the layout engine menu's tooltip; %s is an engine */
    second = g_strdup_printf (_("On a network this large, %s would take long to route the relations, so Entente "
                                "draws them between the entities."), engine);
  if (reason != NULL)
    /* Translators: the tooltip of the layout engine menu when the engine is chosen automatically */
    first = g_strdup_printf (_("Layout engine, chosen automatically: %s."), reason);
  else
    first = g_strdup (_("Layout engine."));
  tooltip = g_strconcat (first, " ", second, NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->engine_button), tooltip);
}

/*
 * Shows that the helper runs for the window, saying what it does, with the
 * button that cancels it; or, for %NULL, that it is done. Bundling waits
 * for a layout, and the other way round.
 */
void
_ent_window_set_running (EntWindow  *self,
                         const char *label)
{
  gboolean running = label != NULL;

  if (running)
    gtk_label_set_label (self->progress_label, label);

  gtk_spinner_set_spinning (self->progress_spinner, running);
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-layout", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.bundle-edges", !running);
  _ent_window_bundles_update (self);
}

static void
set_layout_running (EntWindow  *self,
                    const char *engine)
{
  g_autofree char *label = engine != NULL ? g_strdup_printf (_("Laying out with %s…"), engine) : NULL;

  _ent_window_set_running (self, label);
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
        _ent_window_show_toast (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
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
  _ent_window_bundles_update (self);
  gtk_stack_set_visible_child_name (self->view_stack, "graph");
  _ent_window_reroute (self);
}

/*
 * Draws the stored layout of the window's engine anew, with its routes and
 * @bundles, or with the bundles stored for %NULL, where the view was looking.
 */
void
_ent_window_show_layout (EntWindow *self,
                         GArray    *bundles)
{
  const char *engine = _ent_window_get_engine (self, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) positions = ent_store_load_positions (self->store, engine, &error);
  g_autoptr(EntScene) scene = NULL;

  if (positions == NULL)
    {
      _ent_window_show_toast (self, error->message);
      return;
    }

  scene = ent_diagram_new_scene (self->store, self->graph, engine, positions, bundles);
  ent_graph_view_set_scene (self->graph_view, scene);
  _ent_window_bundles_update (self);
}

/* Draws the network from its stored layout, or has one made in the worker without blocking the window. */
void
_ent_window_build_diagram (EntWindow *self,
                           gboolean   relayout)
{
  const char *engine;

  if (self->layout_cancellable != NULL)
    g_cancellable_cancel (self->layout_cancellable);
  g_clear_object (&self->layout_cancellable);

  /* An empty network has nothing to lay out; the window offers ways to fill it instead. */
  if (self->graph->entities->len == 0)
    {
      set_layout_running (self, NULL);
      update_engine_button (self);
      ent_graph_view_set_scene (self->graph_view, NULL);
      gtk_stack_set_visible_child_name (self->view_stack, "empty");
      return;
    }

  engine = _ent_window_get_engine (self, NULL);
  self->layout_cancellable = g_cancellable_new ();
  set_layout_running (self, engine);
  update_engine_button (self);

  ent_diagram_build_async (self->store, self->graph, engine, relayout, self->layout_cancellable,
                           diagram_built_cb, g_object_ref (self));
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
  _ent_window_update_title (self);
  ent_kind_filter_set_graph (self->kind_filter, self->graph);
  _ent_window_paths_graph_changed (self);
  _ent_window_filters_graph_changed (self);
  _ent_window_update_edit_actions (self);
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
      _ent_window_show_toast (self, error->message);
      return;
    }

  adopt_graph (self, g_steal_pointer (&graph));

  positions = ent_store_load_positions (store, _ent_window_get_engine (self, NULL), &error);
  if (positions == NULL)
    {
      _ent_window_show_toast (self, error->message);
      return;
    }

  if (positions->len == 0)
    {
      _ent_window_build_diagram (self, FALSE);
      return;
    }

  /* Entities added elsewhere than in this window go by their neighbours; nobody else moves. */
  ent_placement_place_missing (self->graph, positions, NAN, NAN);
  scene = ent_diagram_new_scene (store, self->graph, _ent_window_get_engine (self, NULL), positions, NULL);
  ent_graph_view_set_scene_gliding (self->graph_view, scene);
  _ent_window_bundles_update (self);
  gtk_stack_set_visible_child_name (self->view_stack, "graph");
  _ent_window_reroute (self);

  if (relation != 0 && ent_graph_get_relation (self->graph, relation) != NULL)
    ent_graph_view_select_relation (self->graph_view, relation);
  else if (entity != 0 && ent_graph_get_entity (self->graph, entity) != NULL)
    ent_graph_view_select_entity (self->graph_view, entity);
  selection_changed_cb (self);
}

/* Opens @path in the window, or leaves the window as it was and says why not. */
gboolean
_ent_window_load (EntWindow   *self,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, error);
  if (store != NULL)
    graph = ent_store_load_graph (store, error);

  if (graph == NULL)
    return FALSE;

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
  _ent_window_add_recent_file (path);

  ent_graph_view_set_scene (self->graph_view, NULL);
  ent_graph_view_set_focus (self->graph_view, 0, 0);
  ent_evidence_panel_show_entity (self->evidence_panel, 0);
  gtk_stack_set_visible_child_name (self->side_stack, "evidence");
  _ent_window_build_diagram (self, FALSE);

  return TRUE;
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

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!_ent_window_load (self, path, &error))
    {
      ent_window_show_error (self, error->message);
      return FALSE;
    }

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
      _ent_window_show_toast (self, message);
    }
}

EntGraph *
ent_window_get_graph (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->graph;
}

/**
 * ent_window_get_path:
 * @self: a #EntWindow
 *
 * Returns: (nullable): the file of the open network, if there is one
 */
const char *
ent_window_get_path (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->store != NULL ? ent_store_get_path (self->store) : NULL;
}

EntGraphView *
ent_window_get_graph_view (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->graph_view;
}

void
_ent_window_select_entity (EntWindow *self,
                           gint64     entity_id)
{
  const EntSceneItem *node;
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);

  if (!ent_graph_view_is_entity_shown (self->graph_view, entity_id))
    {
      /* Whatever hides it, the user asked to see it. */
      ent_graph_view_set_focus (self->graph_view, 0, 0);
      ent_kind_filter_show_all (self->kind_filter);
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
  _ent_window_update_edit_actions (self);
}

static void
zoom_changed_cb (EntWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%.0f %%", ent_graph_view_get_zoom (self->graph_view) * 100);

  gtk_button_set_label (self->zoom_button, label);
}

static void
panel_entity_activated_cb (EntWindow *self,
                           gint64     entity_id)
{
  _ent_window_select_entity (self, entity_id);
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
          _ent_window_select_entity (self, entity->id);
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
    _ent_window_build_diagram (self, FALSE);
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

  if (self->route_cancellable != NULL)
    g_cancellable_cancel (self->route_cancellable);
  g_clear_object (&self->route_cancellable);

  /* A window closed while it exports leaves no partial file. */
  _ent_window_cancel_export (self);
  _ent_window_paths_dispose (self);

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
  g_type_ensure (ENT_TYPE_KIND_FILTER);
  g_type_ensure (ENT_TYPE_CONNECTION_PANEL);
  g_type_ensure (ENT_TYPE_SOURCES_PAGE);
  g_type_ensure (ENT_TYPE_TIMELINE_VIEW);

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
  gtk_widget_class_bind_template_child (widget_class, EntWindow, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, zoom_controls);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, connection_panel);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, sources_page);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, timeline_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, timeline_button);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, evidence_panel);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_scroller);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, edit_section);
  gtk_widget_class_bind_template_child (widget_class, EntWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, panel_entity_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_relation_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, panel_quote_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_quote_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.engine", "engine");
  gtk_widget_class_install_property_action (widget_class, "win.show-panel", "panel-visible");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-panel", NULL);

  _ent_window_actions_class_init (klass);
  _ent_window_bundles_class_init (klass);
  _ent_window_edit_class_init (klass);
  _ent_window_export_class_init (klass);
  _ent_window_files_class_init (klass);
  _ent_window_data_class_init (klass);
  _ent_window_paths_class_init (klass);
  _ent_window_filters_class_init (klass);
  _ent_window_report_class_init (klass);
  _ent_window_search_class_init (klass);
}

static void
ent_window_init (EntWindow *self)
{
  self->engine = g_strdup ("automatic");
  self->panel_visible = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "engine", self, "engine", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-visible", self, "panel-visible", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "legend-visible", self->kind_filter, "expanded", G_SETTINGS_BIND_DEFAULT);

  /* Fitting and centring leave the diagram clear of what floats over it. */
  ent_graph_view_add_floating_control (self->graph_view, GTK_WIDGET (self->kind_filter));
  ent_graph_view_add_floating_control (self->graph_view, self->zoom_controls);
  ent_graph_view_add_floating_control (self->graph_view, GTK_WIDGET (self->focus_revealer));

  g_signal_connect_swapped (self->graph_view, "notify::selected-entity", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::selected-relation", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->graph_view, "notify::zoom", G_CALLBACK (zoom_changed_cb), self);

  _ent_window_actions_init (self);
  _ent_window_edit_init (self);
  _ent_window_files_init (self);
  _ent_window_search_init (self);
  _ent_window_paths_init (self);
  _ent_window_filters_init (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-layout", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all", FALSE);
  zoom_changed_cb (self);
  _ent_window_update_edit_actions (self);
}
