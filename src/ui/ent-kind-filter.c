/* ent-kind-filter.c: the legend of entity kinds, which also hides or shows each
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-kind-filter"

#include "config.h"

#include "ent-kind-filter.h"
#include "ent-kind-swatch.h"
#include "ent-scene.h"

#include <glib/gi18n.h>

/* The legend's shapes keep 1.5 pixels of room inside their 14-pixel swatch. */
#define SWATCH_RADIUS 5.5

struct _EntKindFilter
{
  GtkWidget     parent_instance;

  EntGraphView *view;
  EntGraph     *graph;
  gboolean      expanded;

  /* The one child: the button that collapses the legend, and the entries. */
  GtkWidget    *box;
  GtkWidget    *expand_button;
  GtkFlowBox   *flow_box;
  /* The menu of an entry, one for the legend, opened under the entry it is for. */
  GtkWidget    *menu;
};

G_DEFINE_FINAL_TYPE (EntKindFilter, ent_kind_filter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_EXPANDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDIT_KIND,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
button_kind (GtkWidget *button)
{
  return g_object_get_data (G_OBJECT (button), "kind-key");
}

static void
kind_toggled_cb (GtkToggleButton *button,
                 EntKindFilter   *self)
{
  if (self->view != NULL)
    ent_graph_view_set_kind_visible (self->view, button_kind (GTK_WIDGET (button)),
                                     gtk_toggle_button_get_active (button));
}

/* The entry's menu, under the entry: a right click, a long press and the menu keys all open it. */
static void
popup_menu (GtkWidget *button)
{
  EntKindFilter *self = ENT_KIND_FILTER (gtk_widget_get_ancestor (button, ENT_TYPE_KIND_FILTER));
  g_autoptr(GMenu) model = g_menu_new ();
  g_autoptr(GMenuItem) item = g_menu_item_new (_("_Edit Kind…"), NULL);
  graphene_rect_t bounds;

  g_menu_item_set_action_and_target_value (item, "legend.edit-kind", g_variant_new_string (button_kind (button)));
  g_menu_append_item (model, item);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), G_MENU_MODEL (model));
  if (gtk_widget_compute_bounds (button, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkWidget       *button)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (button);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 GtkWidget           *button)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (button);
}

static gboolean
menu_key_cb (GtkWidget *button,
             GVariant  *args,
             gpointer   user_data)
{
  popup_menu (button);
  return TRUE;
}

static void
add_menu_triggers (GtkWidget *button)
{
  GtkGesture *gesture = gtk_gesture_click_new ();
  GtkShortcutTrigger *trigger;
  GtkEventController *controller;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (menu_pressed_cb), button);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (long_pressed_cb), button);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_shortcut_controller_new ();
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK),
                                         gtk_keyval_trigger_new (GDK_KEY_Menu, 0));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (menu_key_cb, NULL, NULL)));
  gtk_widget_add_controller (button, controller);
}

static GtkWidget *
create_toggle (EntKindFilter      *self,
               const EntSceneKind *kind)
{
  GtkWidget *button, *box, *swatch, *label;
  g_autofree char *tooltip = NULL;

  swatch = ent_kind_swatch_new_for_look (&kind->look);
  ent_kind_swatch_set_radius (ENT_KIND_SWATCH (swatch), SWATCH_RADIUS);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), swatch);
  label = gtk_label_new (kind->label);
  /* The legend is a key, not a toolbar: small type keeps it to one row beside the diagram. */
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                self->view == NULL || ent_graph_view_get_kind_visible (self->view, kind->key));
  /* Translators: the tooltip of a legend entry, which shows or hides that kind of entity */
  tooltip = g_strdup_printf (_("Show or hide: %s"), kind->label);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, kind->label,
                                  GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "kind-key", g_strdup (kind->key), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);
  add_menu_triggers (button);

  return button;
}

/* The legend lists the kinds in the network, each toggle showing whether the view shows its kind. */
static void
rebuild (EntKindFilter *self)
{
  g_autoptr(GPtrArray) kinds = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);

  if (self->graph == NULL)
    return;

  kinds = ent_scene_list_kinds (self->graph);
  for (guint i = 0; i < kinds->len; i++)
    gtk_flow_box_append (self->flow_box, create_toggle (self, g_ptr_array_index (kinds, i)));
}

static void
edit_kind_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[EDIT_KIND], 0, g_variant_get_string (parameter, NULL));
}

static void
ent_kind_filter_dispose (GObject *object)
{
  EntKindFilter *self = ENT_KIND_FILTER (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_KIND_FILTER);
  g_clear_object (&self->view);
  g_clear_pointer (&self->graph, ent_graph_unref);

  G_OBJECT_CLASS (ent_kind_filter_parent_class)->dispose (object);
}

static void
ent_kind_filter_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntKindFilter *self = ENT_KIND_FILTER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_EXPANDED:
      g_value_set_boolean (value, self->expanded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
update_expand_button (EntKindFilter *self)
{
  gtk_widget_set_tooltip_text (self->expand_button, self->expanded ? _("Hide Legend") : _("Show Legend"));
}

/* The template binds the button and the entries to the property, the window the property to its settings. */
static void
set_expanded (EntKindFilter *self,
              gboolean       expanded)
{
  if (self->expanded == !!expanded)
    return;

  self->expanded = !!expanded;
  update_expand_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPANDED]);
}

static void
ent_kind_filter_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntKindFilter *self = ENT_KIND_FILTER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      ent_kind_filter_set_view (self, g_value_get_object (value));
      break;
    case PROP_EXPANDED:
      set_expanded (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_kind_filter_class_init (EntKindFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_kind_filter_dispose;
  object_class->get_property = ent_kind_filter_get_property;
  object_class->set_property = ent_kind_filter_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, ENT_TYPE_GRAPH_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the legend lists the kinds, or is collapsed to the button that shows them, covering less of the diagram. */
  properties[PROP_EXPANDED] =
    g_param_spec_boolean ("expanded", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntKindFilter::edit-kind:
   * @key: the key of the kind
   *
   * The user asked to rename or restyle a kind from its entry's menu.
   */
  signals[EDIT_KIND] =
    g_signal_new ("edit-kind", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "legend.edit-kind", "s", edit_kind_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-kind-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, EntKindFilter, box);
  gtk_widget_class_bind_template_child (widget_class, EntKindFilter, expand_button);
  gtk_widget_class_bind_template_child (widget_class, EntKindFilter, flow_box);
}

static void
ent_kind_filter_init (EntKindFilter *self)
{
  self->expanded = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  update_expand_button (self);

  self->menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
}

GtkWidget *
ent_kind_filter_new (void)
{
  return g_object_new (ENT_TYPE_KIND_FILTER, NULL);
}

EntGraphView *
ent_kind_filter_get_view (EntKindFilter *self)
{
  g_return_val_if_fail (ENT_IS_KIND_FILTER (self), NULL);

  return self->view;
}

/**
 * ent_kind_filter_set_view:
 * @self: a #EntKindFilter
 * @view: (nullable): the view whose kinds the toggles hide and show
 */
void
ent_kind_filter_set_view (EntKindFilter *self,
                          EntGraphView  *view)
{
  g_return_if_fail (ENT_IS_KIND_FILTER (self));
  g_return_if_fail (view == NULL || ENT_IS_GRAPH_VIEW (view));

  if (g_set_object (&self->view, view))
    {
      rebuild (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }
}

/**
 * ent_kind_filter_set_graph:
 * @self: a #EntKindFilter
 * @graph: (nullable): the network whose kinds are listed
 */
void
ent_kind_filter_set_graph (EntKindFilter *self,
                           EntGraph      *graph)
{
  g_return_if_fail (ENT_IS_KIND_FILTER (self));

  if (graph != NULL)
    ent_graph_ref (graph);
  g_clear_pointer (&self->graph, ent_graph_unref);
  self->graph = graph;
  rebuild (self);
}

/* Whatever the toggles hide, the view shows every kind again. */
void
ent_kind_filter_show_all (EntKindFilter *self)
{
  g_autoptr(GPtrArray) kinds = NULL;

  g_return_if_fail (ENT_IS_KIND_FILTER (self));

  kinds = self->graph != NULL ? ent_scene_list_kinds (self->graph) : NULL;
  for (guint i = 0; self->view != NULL && kinds != NULL && i < kinds->len; i++)
    ent_graph_view_set_kind_visible (self->view, ((EntSceneKind *) g_ptr_array_index (kinds, i))->key, TRUE);
  rebuild (self);
}
