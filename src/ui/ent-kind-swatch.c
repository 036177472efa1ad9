/* ent-kind-swatch.c: the shape and colour that stand for a kind of entity
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-kind-swatch"

#include "config.h"

#include "ent-kind-swatch.h"
#include "ent-style.h"

#include <adwaita.h>

/* The size of the swatch, as small as a line of text beside it. */
#define SWATCH_SIZE 14
/* The widest shapes reach 1.2 radii from their centre: this radius fits them to the swatch. */
#define FIT_RADIUS (SWATCH_SIZE / 2.0 / 1.2)

struct _EntKindSwatch
{
  GtkWidget parent_instance;

  EntKindLook look;
  double      radius;
};

G_DEFINE_FINAL_TYPE (EntKindSwatch, ent_kind_swatch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RADIUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ent_kind_swatch_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = *natural = SWATCH_SIZE;
}

static void
ent_kind_swatch_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  EntKindSwatch *self = ENT_KIND_SWATCH (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  const EntColor *color = ent_kind_look_color (&self->look, adw_style_manager_get_dark (adw_style_manager_get_default ()));

  ent_style_append_shape (cr, self->look.shape, width / 2.0, height / 2.0, self->radius);
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
ent_kind_swatch_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntKindSwatch *self = ENT_KIND_SWATCH (object);

  switch (prop_id)
    {
    case PROP_RADIUS:
      g_value_set_double (value, self->radius);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_kind_swatch_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EntKindSwatch *self = ENT_KIND_SWATCH (object);

  switch (prop_id)
    {
    case PROP_RADIUS:
      ent_kind_swatch_set_radius (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_kind_swatch_class_init (EntKindSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ent_kind_swatch_get_property;
  object_class->set_property = ent_kind_swatch_set_property;
  widget_class->measure = ent_kind_swatch_measure;
  widget_class->snapshot = ent_kind_swatch_snapshot;

  properties[PROP_RADIUS] =
    g_param_spec_double ("radius", NULL, NULL, 1.0, FIT_RADIUS, FIT_RADIUS,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The kind is always written out in words next to the swatch, so the shape is decoration to assistive technologies. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
ent_kind_swatch_init (EntKindSwatch *self)
{
  self->radius = FIT_RADIUS;
  ent_style_builtin_look (ENT_KIND_PERSON, &self->look);

  /* The palette differs between the light and the dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

/* A swatch of a kind as a scene draws it. */
GtkWidget *
ent_kind_swatch_new_for_look (const EntKindLook *look)
{
  GtkWidget *swatch = g_object_new (ENT_TYPE_KIND_SWATCH, NULL);

  ent_kind_swatch_set_look (ENT_KIND_SWATCH (swatch), look);
  return swatch;
}

const EntKindLook *
ent_kind_swatch_get_look (EntKindSwatch *self)
{
  g_return_val_if_fail (ENT_IS_KIND_SWATCH (self), NULL);

  return &self->look;
}

void
ent_kind_swatch_set_look (EntKindSwatch     *self,
                          const EntKindLook *look)
{
  g_return_if_fail (ENT_IS_KIND_SWATCH (self));
  g_return_if_fail (look != NULL);

  self->look = *look;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
ent_kind_swatch_get_radius (EntKindSwatch *self)
{
  g_return_val_if_fail (ENT_IS_KIND_SWATCH (self), FIT_RADIUS);

  return self->radius;
}

/**
 * ent_kind_swatch_set_radius:
 * @self: a #EntKindSwatch
 * @radius: the radius of the shape, in pixels; the default fits the widest shapes to the swatch
 */
void
ent_kind_swatch_set_radius (EntKindSwatch *self,
                            double         radius)
{
  g_return_if_fail (ENT_IS_KIND_SWATCH (self));

  radius = CLAMP (radius, 1.0, FIT_RADIUS);
  if (self->radius == radius)
    return;

  self->radius = radius;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RADIUS]);
}
