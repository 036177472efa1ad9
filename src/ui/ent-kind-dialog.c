/* ent-kind-dialog.c: the form that renames a kind of entity and changes its colour and shape
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-kind-dialog"

#include "config.h"

#include "ent-kind-dialog.h"
#include "ent-kind-swatch.h"
#include "ent-style.h"

#include <glib/gi18n.h>

struct _EntKindDialog
{
  EntEditDialog   parent_instance;

  /* The kind as it was: its key, its glyph and its colours stay unless changed. */
  EntKindInfo    *kind;
  EntKindLook     look;

  AdwEntryRow    *name_row;
  GtkColorButton *color_button;
  AdwComboRow    *shape_row;
};

G_DEFINE_FINAL_TYPE (EntKindDialog, ent_kind_dialog, ENT_TYPE_EDIT_DIALOG)

/* The names of the shapes, in the order of EntShape. */
static const char * const shape_labels[ENT_N_SHAPES] = {
  N_("Circle"), N_("Rounded Rectangle"), N_("Pin"), N_("Hexagon"),
  N_("Rectangle"), N_("Ellipse"), N_("Diamond"), N_("Card"),
};

static void
validate (EntEditDialog *dialog)
{
  EntKindDialog *self = ENT_KIND_DIALOG (dialog);
  g_autofree char *name = ent_edit_dialog_dup_text (self->name_row);

  ent_edit_dialog_set_problem (dialog, *name == '\0' ? GTK_WIDGET (self->name_row) : NULL,
                               *name == '\0' ? _("A name is required") : NULL);
}

static void
setup_shape_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                EntKindDialog            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  gtk_box_append (GTK_BOX (box), ent_kind_swatch_new_for_look (&self->look));
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

/* Each shape is shown as it would look, in the kind's colour. */
static void
bind_shape_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               EntKindDialog            *self)
{
  EntKindLook look = self->look;
  GtkWidget *box = gtk_list_item_get_child (item);

  look.shape = MIN (gtk_list_item_get_position (item), ENT_N_SHAPES - 1);
  ent_kind_swatch_set_look (ENT_KIND_SWATCH (gtk_widget_get_first_child (box)), &look);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (box)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
ent_kind_dialog_dispose (GObject *object)
{
  EntKindDialog *self = ENT_KIND_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_KIND_DIALOG);
  g_clear_pointer (&self->kind, ent_kind_info_free);

  G_OBJECT_CLASS (ent_kind_dialog_parent_class)->dispose (object);
}

static void
ent_kind_dialog_class_init (EntKindDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EntEditDialogClass *edit_dialog_class = ENT_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = ent_kind_dialog_dispose;
  edit_dialog_class->validate = validate;

  ent_edit_dialog_class_set_template (edit_dialog_class, RESOURCE_PREFIX "/ent-kind-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntKindDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, EntKindDialog, color_button);
  gtk_widget_class_bind_template_child (widget_class, EntKindDialog, shape_row);
}

static void
ent_kind_dialog_init (EntKindDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ent_kind_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @kind: the kind to edit
 *
 * Returns: (transfer floating): the dialog, filled in with @kind
 */
EntKindDialog *
ent_kind_dialog_new (GtkWindow         *parent,
                     const EntKindInfo *kind)
{
  g_autoptr(GtkStringList) shapes = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  EntKindDialog *self;
  GdkRGBA rgba;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (kind != NULL && kind->key != NULL, NULL);

  self = g_object_new (ENT_TYPE_KIND_DIALOG, "transient-for", parent, NULL);
  self->kind = g_new0 (EntKindInfo, 1);
  self->kind->key = g_strdup (kind->key);
  self->kind->label = g_strdup (kind->label);
  self->kind->shape = g_strdup (kind->shape);
  self->kind->glyph = g_strdup (kind->glyph);
  self->kind->color = g_strdup (kind->color);
  self->kind->dark_color = g_strdup (kind->dark_color);
  ent_style_look_from_info (kind, &self->look);

  ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), FALSE, _("Edit Kind"));
  ent_edit_dialog_set_text (self->name_row, ent_style_kind_label (kind));

  rgba = (GdkRGBA) { self->look.light.red, self->look.light.green, self->look.light.blue, 1.0 };
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  for (EntShape shape = 0; shape < ENT_N_SHAPES; shape++)
    gtk_string_list_append (shapes, _(shape_labels[shape]));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_shape_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_shape_cb), self);
  adw_combo_row_set_factory (self->shape_row, factory);
  adw_combo_row_set_model (self->shape_row, G_LIST_MODEL (shapes));
  adw_combo_row_set_selected (self->shape_row, self->look.shape);

  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));

  return self;
}

static char *
dup_color (GtkColorButton *button)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  return g_strdup_printf ("#%02x%02x%02x", (guint) CLAMP (rgba.red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba.green * 255 + 0.5, 0, 255), (guint) CLAMP (rgba.blue * 255 + 0.5, 0, 255));
}

/**
 * ent_kind_dialog_dup_kind:
 * @self: a #EntKindDialog
 *
 * The kind as entered. A new colour brings a lighter shade of it for the
 * dark style; the glyph stays.
 *
 * Returns: (transfer full): the kind; free with ent_kind_info_free()
 */
EntKindInfo *
ent_kind_dialog_dup_kind (EntKindDialog *self)
{
  EntKindInfo *kind;
  g_autofree char *color = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (ENT_IS_KIND_DIALOG (self), NULL);

  color = dup_color (self->color_button);
  label = ent_edit_dialog_dup_text (self->name_row);

  kind = g_new0 (EntKindInfo, 1);
  kind->key = g_strdup (self->kind->key);
  /* An untouched built-in name stays as stored, to be shown in the user's language. */
  kind->label = g_strdup (g_str_equal (label, ent_style_kind_label (self->kind)) ? self->kind->label : label);
  kind->shape = g_strdup (ent_style_shape_name (MIN (adw_combo_row_get_selected (self->shape_row), ENT_N_SHAPES - 1)));
  kind->glyph = g_strdup (ent_style_glyph_name (self->look.glyph));
  if (g_ascii_strcasecmp (color, self->kind->color != NULL ? self->kind->color : "") == 0)
    {
      kind->color = g_strdup (self->kind->color);
      kind->dark_color = g_strdup (self->kind->dark_color);
    }
  else
    {
      kind->dark_color = ent_style_dark_color_for (color);
      kind->color = g_steal_pointer (&color);
    }

  return kind;
}
