/* ent-edit-dialog.c: what the entity, relation and source dialogs share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-edit-dialog"

#include "config.h"

#include "ent-edit-dialog.h"
#include "ent-graph.h"

#include <glib/gi18n.h>

/*
 * An edit dialog writes nothing itself: it checks what is typed as it is
 * typed, names the first problem under the form and marks the row it is in,
 * and only lets the user confirm a valid form. The caller then reads the
 * result and destroys the dialog.
 *
 * Every template has a `confirm_button` and a `problem_label`, which the
 * dialog fills in; whatever else a template shows only while the form is
 * valid, or invalid, it binds to #EntEditDialog:valid.
 */

typedef struct
{
  char      *problem;
  GtkWidget *problem_row;
} EntEditDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (EntEditDialog, ent_edit_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The template's own children, which each subclass declares by name. */
static gpointer
get_template_child (EntEditDialog *self,
                    const char    *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), name);
}

static void
field_changed_cb (EntEditDialog *self)
{
  ent_edit_dialog_validate (self);
}

static void
entry_activated_cb (EntEditDialog *self)
{
  /* The action is disabled while the dialog is invalid, so Enter then does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (self), "edit-dialog.confirm", NULL);
}

static void
confirm_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntEditDialog *self = ENT_EDIT_DIALOG (widget);

  if (ent_edit_dialog_is_valid (self))
    g_signal_emit (self, signals[CONFIRMED], 0);
}

/**
 * ent_edit_dialog_class_set_template:
 * @klass: the class of a subclass
 * @resource_path: the subclass's template
 *
 * Sets the template and binds what every form has: its `confirm_button`
 * and `problem_label`, and the callbacks `field_changed_cb`, for the fields
 * that are checked, and `entry_activated_cb`, which confirms on Enter.
 */
void
ent_edit_dialog_class_set_template (EntEditDialogClass *klass,
                                    const char         *resource_path)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, resource_path);
  /* Bound by name only, for tests and bindings to find them. */
  gtk_widget_class_bind_template_child_full (widget_class, "confirm_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "problem_label", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

/**
 * ent_edit_dialog_set_adding:
 * @self: a #EntEditDialog
 * @adding: whether the dialog adds something new rather than edits it
 * @title: the dialog's title
 */
void
ent_edit_dialog_set_adding (EntEditDialog *self,
                            gboolean       adding,
                            const char    *title)
{
  g_return_if_fail (ENT_IS_EDIT_DIALOG (self));

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (get_template_child (self, "confirm_button"), adding ? _("_Add") : _("_Save"));
}

/**
 * ent_edit_dialog_validate:
 * @self: a #EntEditDialog
 *
 * Checks the form again, for a change the template does not see.
 */
void
ent_edit_dialog_validate (EntEditDialog *self)
{
  g_return_if_fail (ENT_IS_EDIT_DIALOG (self));

  ENT_EDIT_DIALOG_GET_CLASS (self)->validate (self);
}

/**
 * ent_edit_dialog_set_problem:
 * @self: a #EntEditDialog
 * @row: (nullable): the row the problem is in, if any
 * @problem: (nullable): why the form cannot be confirmed, or %NULL when it can
 */
void
ent_edit_dialog_set_problem (EntEditDialog *self,
                             GtkWidget     *row,
                             const char    *problem)
{
  EntEditDialogPrivate *priv = ent_edit_dialog_get_instance_private (self);
  GtkWidget *label = get_template_child (self, "problem_label");
  g_autofree char *previous = NULL;

  g_return_if_fail (ENT_IS_EDIT_DIALOG (self));

  if (priv->problem_row != NULL)
    gtk_widget_remove_css_class (priv->problem_row, "error");
  priv->problem_row = row;
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  /* Copied before the old one is freed, which @problem may be. */
  previous = g_steal_pointer (&priv->problem);
  priv->problem = g_strdup (problem);

  gtk_label_set_label (GTK_LABEL (label), priv->problem != NULL ? priv->problem : "");
  gtk_widget_set_visible (label, priv->problem != NULL);
  if ((previous == NULL) != (priv->problem == NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "edit-dialog.confirm", priv->problem == NULL);
}

/**
 * ent_edit_dialog_is_valid:
 * @self: a #EntEditDialog
 *
 * Returns: whether what is entered can be saved
 */
gboolean
ent_edit_dialog_is_valid (EntEditDialog *self)
{
  EntEditDialogPrivate *priv = ent_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (ENT_IS_EDIT_DIALOG (self), FALSE);

  return priv->problem == NULL;
}

/**
 * ent_edit_dialog_get_problem:
 * @self: a #EntEditDialog
 *
 * Returns: (nullable): why what is entered cannot be saved, as shown to the
 *   user, or %NULL when it can
 */
const char *
ent_edit_dialog_get_problem (EntEditDialog *self)
{
  EntEditDialogPrivate *priv = ent_edit_dialog_get_instance_private (self);

  g_return_val_if_fail (ENT_IS_EDIT_DIALOG (self), NULL);

  return priv->problem;
}

/**
 * ent_edit_dialog_dup_text:
 * @row: a row of a form
 *
 * Leading and trailing spaces are typing accidents, never meant.
 *
 * Returns: (transfer full): the row's text without them
 */
char *
ent_edit_dialog_dup_text (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/**
 * ent_edit_dialog_dup_optional_text:
 * @row: a row of a form for an optional field
 *
 * Optional fields are stored as %NULL rather than as empty text.
 *
 * Returns: (transfer full) (nullable): the row's text as
 *   ent_edit_dialog_dup_text() returns it, or %NULL when that is empty
 */
char *
ent_edit_dialog_dup_optional_text (AdwEntryRow *row)
{
  char *text = ent_edit_dialog_dup_text (row);

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/**
 * ent_edit_dialog_set_text:
 * @row: a row of a form
 * @text: (nullable): a field's value, %NULL for an empty optional field
 */
void
ent_edit_dialog_set_text (AdwEntryRow *row,
                          const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * ent_edit_dialog_check_dates:
 * @start_row: the row of a date, or of the start of a period
 * @end_row: (nullable): the row of the end of the period, if it has one
 * @problem_row: (out): the row the problem is in, or %NULL
 *
 * Both dates are optional; when both are given, the end may not come before
 * the start.
 *
 * Returns: (nullable): what is wrong with the dates, as shown to the user,
 *   or %NULL when nothing is
 */
const char *
ent_edit_dialog_check_dates (AdwEntryRow  *start_row,
                             AdwEntryRow  *end_row,
                             GtkWidget   **problem_row)
{
  g_autofree char *start = ent_edit_dialog_dup_optional_text (start_row);
  g_autofree char *end = end_row != NULL ? ent_edit_dialog_dup_optional_text (end_row) : NULL;

  g_return_val_if_fail (problem_row != NULL, NULL);

  if (start != NULL && !ent_date_is_valid (start))
    {
      *problem_row = GTK_WIDGET (start_row);
      return _("Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD");
    }

  if (end != NULL && !ent_date_is_valid (end))
    {
      *problem_row = GTK_WIDGET (end_row);
      return _("Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD");
    }

  if (start != NULL && end != NULL && ent_date_is_before (end, start))
    {
      *problem_row = GTK_WIDGET (end_row);
      return _("The end date is before the start date");
    }

  *problem_row = NULL;
  return NULL;
}

static void
ent_edit_dialog_dispose (GObject *object)
{
  EntEditDialog *self = (EntEditDialog *)object;
  EntEditDialogPrivate *priv = ent_edit_dialog_get_instance_private (self);

  /* The row belongs to the subclass's template, which is gone by now. */
  priv->problem_row = NULL;

  G_OBJECT_CLASS (ent_edit_dialog_parent_class)->dispose (object);
}

static void
ent_edit_dialog_finalize (GObject *object)
{
  EntEditDialog *self = (EntEditDialog *)object;
  EntEditDialogPrivate *priv = ent_edit_dialog_get_instance_private (self);

  g_free (priv->problem);

  G_OBJECT_CLASS (ent_edit_dialog_parent_class)->finalize (object);
}

static void
ent_edit_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EntEditDialog *self = ENT_EDIT_DIALOG (object);
  EntEditDialogPrivate *priv = ent_edit_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, priv->problem == NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ent_edit_dialog_class_init (EntEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_edit_dialog_dispose;
  object_class->finalize = ent_edit_dialog_finalize;
  object_class->get_property = ent_edit_dialog_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EntEditDialog::confirmed:
   * @self: a #EntEditDialog
   *
   * The user accepted a valid form; the subclass says how to read it.
   */
  signals[CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "edit-dialog.confirm", NULL, confirm_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ent_edit_dialog_init (EntEditDialog *self)
{
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}
