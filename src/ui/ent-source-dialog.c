/* ent-source-dialog.c: the dialog that adds or edits a source
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-source-dialog"

#include "config.h"

#include "ent-source-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

struct _EntSourceDialog
{
  EntEditDialog         parent_instance;

  /* The source being edited, or 0 for a new one. */
  gint64                source_id;
  /* Why the last text file could not be loaded, until the next edit. */
  char                 *file_problem;
  GtkFileChooserNative *file_chooser;
  GCancellable         *cancellable;

  AdwEntryRow          *title_row;
  AdwEntryRow          *publisher_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *published_row;
  GtkTextView          *body_view;
};

G_DEFINE_FINAL_TYPE (EntSourceDialog, ent_source_dialog, ENT_TYPE_EDIT_DIALOG)

static void
validate (EntEditDialog *dialog)
{
  EntSourceDialog *self = ENT_SOURCE_DIALOG (dialog);
  g_autofree char *title = ent_edit_dialog_dup_text (self->title_row);
  GtkWidget *date_row;
  const char *date_problem = ent_edit_dialog_check_dates (self->published_row, NULL, &date_row);

  if (*title == '\0')
    ent_edit_dialog_set_problem (dialog, GTK_WIDGET (self->title_row), _("A title is required"));
  else if (date_problem != NULL)
    ent_edit_dialog_set_problem (dialog, date_row, date_problem);
  else
    ent_edit_dialog_set_problem (dialog, NULL, self->file_problem);
}

static void
edited_cb (EntSourceDialog *self)
{
  g_clear_pointer (&self->file_problem, g_free);
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

/* A file named "delhi-visit.txt" is most likely titled "delhi-visit". */
static char *
title_from_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  char *dot = strrchr (display, '.');

  if (dot != NULL && dot != display)
    *dot = '\0';

  return g_steal_pointer (&display);
}

static void
file_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EntSourceDialog) self = user_data;
  g_autofree char *contents = NULL;
  gsize length;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;

  if (!g_file_load_contents_finish (file, result, &contents, &length, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      problem = g_strdup (error->message);
    }
  else if (!g_utf8_validate_len (contents, length, NULL))
    {
      name = title_from_file (file);
      /* Translators: %s is the name of a file */
      problem = g_strdup_printf (_("“%s” is not UTF-8 text, so nothing was loaded"), name);
    }
  else
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), contents, length);
      if (gtk_editable_get_text (GTK_EDITABLE (self->title_row))[0] == '\0')
        {
          name = title_from_file (file);
          gtk_editable_set_text (GTK_EDITABLE (self->title_row), name);
        }
    }

  /* Set after the edits above, which clear it. */
  g_free (self->file_problem);
  self->file_problem = g_steal_pointer (&problem);
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

static void
file_chosen_cb (EntSourceDialog      *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->file_chooser);

  if (file != NULL)
    g_file_load_contents_async (file, self->cancellable, file_loaded_cb, g_object_ref (self));
}

static void
open_file_clicked_cb (EntSourceDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text Files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_pattern (filter, "*.txt");

  g_clear_object (&self->file_chooser);
  self->file_chooser = gtk_file_chooser_native_new (_("Open a Text File"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"),
                                                    _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

/**
 * ent_source_dialog_new:
 * @parent: the window the dialog belongs to
 * @source: (nullable): the source to edit, or %NULL to add a new one
 *
 * The dialog writes nothing: once it emits #EntEditDialog::confirmed, the
 * caller reads ent_source_dialog_dup_source() and destroys it.
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
EntSourceDialog *
ent_source_dialog_new (GtkWindow       *parent,
                       const EntSource *source)
{
  EntSourceDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (ENT_TYPE_SOURCE_DIALOG,
                       "transient-for", parent,
                       NULL);

  if (source != NULL)
    {
      self->source_id = source->id;
      ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), FALSE, _("Edit Source"));
      ent_edit_dialog_set_text (self->title_row, source->title);
      ent_edit_dialog_set_text (self->publisher_row, source->publisher);
      ent_edit_dialog_set_text (self->url_row, source->url);
      ent_edit_dialog_set_text (self->published_row, source->published);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                                source->body != NULL ? source->body : "", -1);
    }
  else
    {
      ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), TRUE, _("New Source"));
    }

  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));

  /* Typing starts in the first thing to fill in, not on the Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));

  return self;
}

/**
 * ent_source_dialog_dup_source:
 * @self: a #EntSourceDialog
 *
 * The text is returned exactly as entered, not trimmed, because quotes
 * point into it by offset.
 *
 * Returns: (transfer full): the source as entered, with the edited source's
 *   id or 0 for a new one; free with ent_source_free()
 */
EntSource *
ent_source_dialog_dup_source (EntSourceDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  EntSource *source;

  g_return_val_if_fail (ENT_IS_SOURCE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  source = g_new0 (EntSource, 1);
  source->id = self->source_id;
  source->title = ent_edit_dialog_dup_text (self->title_row);
  source->publisher = ent_edit_dialog_dup_optional_text (self->publisher_row);
  source->url = ent_edit_dialog_dup_optional_text (self->url_row);
  source->published = ent_edit_dialog_dup_optional_text (self->published_row);
  source->body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return source;
}

static void
ent_source_dialog_dispose (GObject *object)
{
  EntSourceDialog *self = (EntSourceDialog *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_SOURCE_DIALOG);

  G_OBJECT_CLASS (ent_source_dialog_parent_class)->dispose (object);
}

static void
ent_source_dialog_finalize (GObject *object)
{
  EntSourceDialog *self = (EntSourceDialog *)object;

  g_clear_object (&self->cancellable);
  g_free (self->file_problem);

  G_OBJECT_CLASS (ent_source_dialog_parent_class)->finalize (object);
}

static void
ent_source_dialog_class_init (EntSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EntEditDialogClass *edit_dialog_class = ENT_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = ent_source_dialog_dispose;
  object_class->finalize = ent_source_dialog_finalize;
  edit_dialog_class->validate = validate;

  ent_edit_dialog_class_set_template (edit_dialog_class, RESOURCE_PREFIX "/ent-source-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, body_view);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_file_clicked_cb);
}

static void
ent_source_dialog_init (EntSourceDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
}
