/* ent-kind-filter.c: the legend of entity kinds, which also hides or shows each
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-kind-filter"

#include "config.h"

#include "ent-kind-filter.h"
#include "ent-kind-swatch.h"

#include <glib/gi18n.h>

/* The legend's shapes keep 1.5 pixels of room inside their 14-pixel swatch. */
#define SWATCH_RADIUS 5.5

struct _EntKindFilter
{
  GtkWidget     parent_instance;

  EntGraphView *view;
  EntGraph     *graph;

  GtkFlowBox   *flow_box;
};

G_DEFINE_FINAL_TYPE (EntKindFilter, ent_kind_filter, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kind_toggled_cb (GtkToggleButton *button,
                 EntKindFilter   *self)
{
  EntKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));

  if (self->view != NULL)
    ent_graph_view_set_kind_visible (self->view, kind, gtk_toggle_button_get_active (button));
}

static GtkWidget *
create_toggle (EntKindFilter *self,
               EntKind        kind)
{
  GtkWidget *button, *box, *swatch, *label;
  g_autofree char *tooltip = NULL;

  swatch = ent_kind_swatch_new (kind);
  ent_kind_swatch_set_radius (ENT_KIND_SWATCH (swatch), SWATCH_RADIUS);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), swatch);
  label = gtk_label_new (ent_kind_get_label (kind));
  /* The legend is a key, not a toolbar: small type keeps it to one row beside the diagram. */
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                self->view == NULL || ent_graph_view_get_kind_visible (self->view, kind));
  /* Translators: the tooltip of a legend entry, which shows or hides that kind of entity */
  tooltip = g_strdup_printf (_("Show or hide: %s"), ent_kind_get_label (kind));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, ent_kind_get_label (kind), -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "kind", GUINT_TO_POINTER (kind));
  g_signal_connect (button, "toggled", G_CALLBACK (kind_toggled_cb), self);

  return button;
}

/* The legend lists the kinds in the network, each toggle showing whether the view shows its kind. */
static void
rebuild (EntKindFilter *self)
{
  gboolean present[ENT_N_KINDS] = { FALSE };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);

  for (guint i = 0; self->graph != NULL && i < self->graph->entities->len; i++)
    present[((EntEntity *) g_ptr_array_index (self->graph->entities, i))->kind] = TRUE;

  for (guint kind = 0; kind < ENT_N_KINDS; kind++)
    if (present[kind])
      gtk_flow_box_append (self->flow_box, create_toggle (self, kind));
}

static void
ent_kind_filter_dispose (GObject *object)
{
  EntKindFilter *self = ENT_KIND_FILTER (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-kind-filter.ui");
  gtk_widget_class_bind_template_child (widget_class, EntKindFilter, flow_box);
}

static void
ent_kind_filter_init (EntKindFilter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
  g_return_if_fail (ENT_IS_KIND_FILTER (self));

  for (guint kind = 0; self->view != NULL && kind < ENT_N_KINDS; kind++)
    ent_graph_view_set_kind_visible (self->view, kind, TRUE);
  rebuild (self);
}
