/* ent-property-editor.c: the rows of a form in which the properties of an entity or a relation are edited
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-property-editor"

#include "config.h"

#include "ent-property-editor.h"
#include "ent-store.h"

#include <glib/gi18n.h>

/*
 * A group of the form with a row a property: its key, the type of its value,
 * the value (a switch for a yes-or-no one) and a button that removes it. The
 * editor writes nothing; it says what is wrong with what is typed by the
 * store's own rules, so that the form cannot be confirmed with a property
 * the store would refuse, and it emits #EntPropertyEditor::changed whenever
 * anything in it changes, for the form to check itself again.
 */

typedef struct
{
  GtkWidget *row;
  GtkWidget *key_entry;
  GtkWidget *type_dropdown;
  GtkWidget *value_stack;
  GtkWidget *value_entry;
  GtkWidget *value_switch;
  GtkWidget *remove_button;
} Row;

struct _EntPropertyEditor
{
  AdwPreferencesGroup  parent_instance;

  /* Row, in the order they are shown. */
  GPtrArray           *rows;
  /* The type drop-downs, one width for all, so that the rows' columns line up. */
  GtkSizeGroup        *type_sizes;

  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (EntPropertyEditor, ent_property_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of EntPropertyType, so that a type's position is the type. */
/* Translators: the types a property's value may have */
static const char * const type_labels[] = {
  N_("Text"),
  N_("Number"),
  N_("Yes or No"),
  N_("Date"),
};

static EntPropertyType
row_get_type (Row *row)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (row->type_dropdown));

  return selected < G_N_ELEMENTS (type_labels) ? (EntPropertyType) selected : ENT_PROPERTY_STRING;
}

/* The property as typed; spaces around a key or a value are typing accidents, never meant. */
static EntProperty *
row_dup_property (Row *row)
{
  EntProperty *property = g_new0 (EntProperty, 1);

  property->key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->key_entry))));
  property->type = row_get_type (row);
  if (property->type == ENT_PROPERTY_BOOLEAN)
    property->value = g_strdup (gtk_switch_get_active (GTK_SWITCH (row->value_switch)) ? "true" : "false");
  else
    property->value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->value_entry))));

  return property;
}

static void
emit_changed (EntPropertyEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
entry_activated_cb (EntPropertyEditor *self)
{
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0);
}

/* A yes-or-no value is a switch; any other an entry, with a hint of how the type is written. */
static void
show_type (Row *row)
{
  EntPropertyType type = row_get_type (row);

  gtk_stack_set_visible_child (GTK_STACK (row->value_stack),
                               type == ENT_PROPERTY_BOOLEAN ? row->value_switch : row->value_entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->value_entry),
                                  type == ENT_PROPERTY_NUMBER ? "0" :
                                  /* Translators: how a date is typed: the letters may be translated, the digits stay as they are */
                                  type == ENT_PROPERTY_DATE ? _("YYYY-MM-DD") : _("Value"));
  gtk_entry_set_input_purpose (GTK_ENTRY (row->value_entry),
                               type == ENT_PROPERTY_NUMBER ? GTK_INPUT_PURPOSE_NUMBER : GTK_INPUT_PURPOSE_FREE_FORM);
}

static Row *
find_row (EntPropertyEditor *self,
          GtkWidget         *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);

  for (guint i = 0; i < self->rows->len; i++)
    if (((Row *) g_ptr_array_index (self->rows, i))->row == row)
      return g_ptr_array_index (self->rows, i);

  return NULL;
}

static void
type_changed_cb (EntPropertyEditor *self,
                 GParamSpec        *pspec,
                 GtkWidget         *dropdown)
{
  Row *row = find_row (self, dropdown);

  if (row != NULL)
    show_type (row);
  emit_changed (self);
}

static void
remove_clicked_cb (EntPropertyEditor *self,
                   GtkWidget         *button)
{
  Row *row = find_row (self, button);
  GtkWidget *widget;

  g_return_if_fail (row != NULL);

  /* The row leaves the list before anyone hears of the change and its
   * widgets go only after, so that a form that marked one of them as wrong
   * has marked another, or none, by the time they are gone. */
  widget = g_object_ref (row->row);
  g_ptr_array_remove (self->rows, row);
  emit_changed (self);
  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), widget);
  g_object_unref (widget);

  /* The focus was on the button that is gone; it goes on where more are added. */
  gtk_widget_grab_focus (self->add_button);
}

static GtkWidget *
labelled (GtkWidget  *widget,
          const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return widget;
}

static Row *
append_row (EntPropertyEditor *self,
            const EntProperty *property)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  Row *row = g_new0 (Row, 1);
  GtkWidget *box;

  for (guint i = 0; i < G_N_ELEMENTS (type_labels); i++)
    gtk_string_list_append (types, _(type_labels[i]));

  row->key_entry = labelled (g_object_new (GTK_TYPE_ENTRY,
                                           "placeholder-text", _("Name"),
                                           "width-chars", 6,
                                           "hexpand", TRUE,
                                           "valign", GTK_ALIGN_CENTER,
                                           NULL),
                             _("Name of the property"));
  row->type_dropdown = labelled (g_object_new (GTK_TYPE_DROP_DOWN,
                                               "model", types,
                                               "valign", GTK_ALIGN_CENTER,
                                               NULL),
                                 _("Type of the value"));
  gtk_size_group_add_widget (self->type_sizes, row->type_dropdown);
  row->value_entry = labelled (g_object_new (GTK_TYPE_ENTRY,
                                             "width-chars", 6,
                                             "hexpand", TRUE,
                                             "valign", GTK_ALIGN_CENTER,
                                             NULL),
                               _("Value of the property"));
  row->value_switch = labelled (g_object_new (GTK_TYPE_SWITCH,
                                              "halign", GTK_ALIGN_START,
                                              "valign", GTK_ALIGN_CENTER,
                                              NULL),
                                _("Value of the property"));
  row->value_stack = g_object_new (GTK_TYPE_STACK, "hexpand", TRUE, "hhomogeneous", TRUE, NULL);
  gtk_stack_add_child (GTK_STACK (row->value_stack), row->value_entry);
  gtk_stack_add_child (GTK_STACK (row->value_stack), row->value_switch);
  row->remove_button = labelled (g_object_new (GTK_TYPE_BUTTON,
                                               "icon-name", "user-trash-symbolic",
                                               "tooltip-text", _("Remove Property"),
                                               "valign", GTK_ALIGN_CENTER,
                                               NULL),
                                 _("Remove Property"));
  gtk_widget_add_css_class (row->remove_button, "flat");

  if (property != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (row->key_entry), property->key);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (row->type_dropdown), property->type);
      if (property->type == ENT_PROPERTY_BOOLEAN)
        gtk_switch_set_active (GTK_SWITCH (row->value_switch), g_strcmp0 (property->value, "true") == 0);
      else
        gtk_editable_set_text (GTK_EDITABLE (row->value_entry), property->value != NULL ? property->value : "");
    }
  show_type (row);

  box = g_object_new (GTK_TYPE_BOX,
                      "spacing", 6,
                      "margin-top", 6,
                      "margin-bottom", 6,
                      "margin-start", 6,
                      "margin-end", 6,
                      NULL);
  gtk_box_append (GTK_BOX (box), row->key_entry);
  gtk_box_append (GTK_BOX (box), row->type_dropdown);
  gtk_box_append (GTK_BOX (box), row->value_stack);
  gtk_box_append (GTK_BOX (box), row->remove_button);

  /* Only what is in the row takes the focus, not the row itself. */
  row->row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                           "activatable", FALSE,
                           "focusable", FALSE,
                           "child", box,
                           NULL);

  /* Connected once filled in, so that filling in is no change. */
  g_signal_connect_object (row->key_entry, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->value_entry, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->key_entry, "activate", G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->value_entry, "activate", G_CALLBACK (entry_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->value_switch, "notify::active", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->type_dropdown, "notify::selected", G_CALLBACK (type_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);

  g_ptr_array_add (self->rows, row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row->row);
  return row;
}

static void
add_clicked_cb (EntPropertyEditor *self)
{
  ent_property_editor_add (self);
}

GtkWidget *
ent_property_editor_new (void)
{
  return g_object_new (ENT_TYPE_PROPERTY_EDITOR, NULL);
}

/**
 * ent_property_editor_set_properties:
 * @self: a #EntPropertyEditor
 * @properties: (nullable) (element-type EntProperty): the properties to edit
 *
 * Shows a row for each of @properties, in place of the rows there were.
 */
void
ent_property_editor_set_properties (EntPropertyEditor *self,
                                    GPtrArray         *properties)
{
  g_return_if_fail (ENT_IS_PROPERTY_EDITOR (self));

  while (self->rows->len > 0)
    {
      Row *row = g_ptr_array_index (self->rows, self->rows->len - 1);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->row);
      g_ptr_array_remove_index (self->rows, self->rows->len - 1);
    }

  for (guint i = 0; properties != NULL && i < properties->len; i++)
    append_row (self, g_ptr_array_index (properties, i));

  emit_changed (self);
}

/**
 * ent_property_editor_add:
 * @self: a #EntPropertyEditor
 *
 * Adds an empty row, of a text value, and moves the focus to its key, as
 * the "Add Property" button does.
 */
void
ent_property_editor_add (EntPropertyEditor *self)
{
  Row *row;

  g_return_if_fail (ENT_IS_PROPERTY_EDITOR (self));

  row = append_row (self, NULL);
  gtk_widget_grab_focus (row->key_entry);
  emit_changed (self);
}

/**
 * ent_property_editor_dup_properties:
 * @self: a #EntPropertyEditor
 *
 * Returns: (transfer full) (element-type EntProperty): the properties as
 *   entered, in the order of the rows
 */
GPtrArray *
ent_property_editor_dup_properties (EntPropertyEditor *self)
{
  GPtrArray *properties;

  g_return_val_if_fail (ENT_IS_PROPERTY_EDITOR (self), NULL);

  properties = g_ptr_array_new_full (self->rows->len, (GDestroyNotify) ent_property_free);
  for (guint i = 0; i < self->rows->len; i++)
    g_ptr_array_add (properties, row_dup_property (g_ptr_array_index (self->rows, i)));

  return properties;
}

/**
 * ent_property_editor_dup_problem:
 * @self: a #EntPropertyEditor
 * @problem_widget: (out) (transfer none): the entry the problem is in, or %NULL
 *
 * Checks each row as the store would check its property, and that no two
 * rows have the same key, which the store allows once only.
 *
 * Returns: (transfer full) (nullable): the first thing wrong, as shown to
 *   the user, or %NULL when nothing is
 */
char *
ent_property_editor_dup_problem (EntPropertyEditor  *self,
                                 GtkWidget         **problem_widget)
{
  g_autoptr(GPtrArray) properties = NULL;

  g_return_val_if_fail (ENT_IS_PROPERTY_EDITOR (self), NULL);
  g_return_val_if_fail (problem_widget != NULL, NULL);

  properties = ent_property_editor_dup_properties (self);
  for (guint i = 0; i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);
      /* The key alone first, so that the problem is shown where it is. */
      EntProperty key_only = { .key = property->key, .type = ENT_PROPERTY_STRING, .value = (char *) "" };
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GError) error = NULL;

      if (!ent_store_check_property (&key_only, &error))
        {
          *problem_widget = row->key_entry;
          return g_strdup (error->message);
        }

      for (guint j = 0; j < i; j++)
        if (g_str_equal (((EntProperty *) g_ptr_array_index (properties, j))->key, property->key))
          {
            *problem_widget = row->key_entry;
            return g_strdup_printf (_("There are two properties named “%s”"), property->key);
          }

      if (!ent_store_check_property (property, &error))
        {
          *problem_widget = row->value_entry;
          return g_strdup (error->message);
        }
    }

  *problem_widget = NULL;
  return NULL;
}

static void
ent_property_editor_dispose (GObject *object)
{
  EntPropertyEditor *self = ENT_PROPERTY_EDITOR (object);

  /* The rows go with the widgets they name. */
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_PROPERTY_EDITOR);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->type_sizes);

  G_OBJECT_CLASS (ent_property_editor_parent_class)->dispose (object);
}

/* Each signal only says that something happened in the rows; the form reads what. */
static guint
new_signal (GType       type,
            const char *name)
{
  return g_signal_new (name, type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ent_property_editor_class_init (EntPropertyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_property_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-property-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EntPropertyEditor, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  /**
   * EntPropertyEditor::changed:
   * @self: a #EntPropertyEditor
   *
   * A row was added or removed, or something in one changed.
   */
  signals[CHANGED] = new_signal (G_TYPE_FROM_CLASS (klass), "changed");

  /**
   * EntPropertyEditor::entry-activated:
   * @self: a #EntPropertyEditor
   *
   * Enter was pressed in a key or a value, which confirms the form as it
   * does in the form's other entries.
   */
  signals[ENTRY_ACTIVATED] = new_signal (G_TYPE_FROM_CLASS (klass), "entry-activated");
}

static void
ent_property_editor_init (EntPropertyEditor *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->type_sizes = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_widget_init_template (GTK_WIDGET (self));
}
