/* ent-property-list.c: the properties of an entity or a relation, each a key and its value as people read it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-property-list"

#include "config.h"

#include "ent-property-list.h"
#include "ent-pane.h"

#include <glib/gi18n.h>

/*
 * A heading and a boxed list of one row a property, the key small above its
 * value, as the property rows of GNOME's own details pages read. The values
 * are selectable, so that a code or a figure can be copied; a web address is
 * a link, which opens only when the user follows it.
 */

struct _EntPropertyList
{
  GtkWidget   parent_instance;

  GtkWidget  *heading;
  GtkWidget  *list;
};

G_DEFINE_FINAL_TYPE (EntPropertyList, ent_property_list, GTK_TYPE_WIDGET)

static gboolean
is_link (const EntProperty *property)
{
  return property->type == ENT_PROPERTY_STRING && property->value != NULL &&
         (g_ascii_strncasecmp (property->value, "http://", 7) == 0 ||
          g_ascii_strncasecmp (property->value, "https://", 8) == 0) &&
         g_uri_is_valid (property->value, G_URI_FLAGS_NONE, NULL);
}

/* Dates and yes-or-no values as people say them; numbers and text as the file has them. */
static char *
dup_value_text (const EntProperty *property)
{
  switch (property->type)
    {
    case ENT_PROPERTY_DATE:
      return ent_date_format (property->value);
    case ENT_PROPERTY_BOOLEAN:
      return g_strdup (g_strcmp0 (property->value, "true") == 0 ? _("Yes") : _("No"));
    case ENT_PROPERTY_NUMBER:
    case ENT_PROPERTY_STRING:
    default:
      return g_strdup (property->value != NULL ? property->value : "");
    }
}

static GtkWidget *
create_label (const char *text,
              gboolean    link)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "selectable", TRUE,
                                   NULL);

  if (link)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", text, text);

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), text);
    }

  return label;
}

static GtkWidget *
create_row (const EntProperty *property)
{
  g_autofree char *value = dup_value_text (property);
  g_autofree char *accessible = NULL;
  GtkWidget *key;
  GtkWidget *box;
  GtkWidget *row;

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 3,
                      "margin-top", 8,
                      "margin-bottom", 8,
                      "margin-start", 12,
                      "margin-end", 12,
                      NULL);
  key = create_label (property->key, FALSE);
  gtk_widget_add_css_class (key, "caption");
  gtk_widget_add_css_class (key, "dim-label");
  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), create_label (value, is_link (property)));

  row = g_object_new (GTK_TYPE_LIST_BOX_ROW,
                      "activatable", FALSE,
                      "focusable", FALSE,
                      "child", box,
                      NULL);

  /* GTK 4.8 does not name a row after its content, and a screen reader
   * announces a row by its name. */
  /* Translators: a property as a screen reader reads it, its name and its value, e.g. "IATA: MSQ" */
  accessible = g_strdup_printf (_("%s: %s"), property->key, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

GtkWidget *
ent_property_list_new (void)
{
  return g_object_new (ENT_TYPE_PROPERTY_LIST, NULL);
}

/**
 * ent_property_list_set_properties:
 * @self: a #EntPropertyList
 * @properties: (nullable) (element-type EntProperty): the properties to show, in their order
 *
 * Shows @properties in place of those shown before; the list keeps no
 * reference to them.
 */
void
ent_property_list_set_properties (EntPropertyList *self,
                                  GPtrArray       *properties)
{
  g_return_if_fail (ENT_IS_PROPERTY_LIST (self));

  ent_pane_clear_list (GTK_LIST_BOX (self->list));

  for (guint i = 0; properties != NULL && i < properties->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), create_row (g_ptr_array_index (properties, i)));
}

static void
ent_property_list_dispose (GObject *object)
{
  EntPropertyList *self = ENT_PROPERTY_LIST (object);

  g_clear_pointer (&self->heading, gtk_widget_unparent);
  g_clear_pointer (&self->list, gtk_widget_unparent);

  G_OBJECT_CLASS (ent_property_list_parent_class)->dispose (object);
}

static void
ent_property_list_class_init (EntPropertyListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_property_list_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ent_property_list_init (EntPropertyList *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->heading = g_object_new (GTK_TYPE_LABEL,
                                "label", _("Properties"),
                                "xalign", 0.0f,
                                "margin-top", 18,
                                NULL);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_widget_set_parent (self->heading, GTK_WIDGET (self));

  self->list = g_object_new (GTK_TYPE_LIST_BOX,
                             "selection-mode", GTK_SELECTION_NONE,
                             NULL);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_widget_set_parent (self->list, GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Properties"), -1);
}
