/* ent-source-dialog.c
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
  AdwWindow             parent_instance;

  /* The source being edited, or 0 for a new one. */
  gint64                source_id;
  char                 *problem;
  GtkWidget            *problem_row;
  /* Why the last text file could not be loaded, until the next edit. */
  char                 *file_problem;
  GtkFileChooserNative *file_chooser;
  GCancellable         *cancellable;

  GtkWidget            *confirm_button;
  AdwEntryRow          *title_row;
  AdwEntryRow          *publisher_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *published_row;
  GtkWidget            *hint_label;
  GtkLabel             *problem_label;
  GtkTextView          *body_view;
};

G_DEFINE_FINAL_TYPE (EntSourceDialog, ent_source_dialog, ADW_TYPE_WINDOW)

enum {
  CONFIRMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Leading and trailing spaces are typing accidents, never meant. */
static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Optional fields are stored as NULL rather than as empty text. */
static char *
dup_optional (AdwEntryRow *row)
{
  char *text = dup_trimmed (row);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static void
set_problem (EntSourceDialog *self,
             GtkWidget       *row,
             const char      *problem)
{
  if (self->problem_row != NULL)
    gtk_widget_remove_css_class (self->problem_row, "error");

  g_free (self->problem);
  self->problem = g_strdup (problem);
  self->problem_row = row;

  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  /* The problem takes the hint's place rather than piling up below it. */
  gtk_widget_set_visible (self->hint_label, problem == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "source-dialog.confirm", problem == NULL);
}

static void
validate (EntSourceDialog *self)
{
  g_autofree char *title = dup_trimmed (self->title_row);
  g_autofree char *published = dup_optional (self->published_row);

  if (*title == '\0')
    set_problem (self, GTK_WIDGET (self->title_row), _("A title is required"));
  else if (published != NULL && !ent_date_is_valid (published))
    set_problem (self, GTK_WIDGET (self->published_row), _("Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD"));
  else if (self->file_problem != NULL)
    set_problem (self, NULL, self->file_problem);
  else
    set_problem (self, NULL, NULL);
}

static void
field_changed_cb (EntSourceDialog *self)
{
  g_clear_pointer (&self->file_problem, g_free);
  validate (self);
}

static void
entry_activated_cb (EntSourceDialog *self)
{
  /* The action is disabled while the dialog is invalid, so Enter then does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (self), "source-dialog.confirm", NULL);
}

static void
confirm_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntSourceDialog *self = ENT_SOURCE_DIALOG (widget);

  if (self->problem == NULL)
    g_signal_emit (self, signals[CONFIRMED], 0);
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
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;
  gsize length;

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
  validate (self);
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

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * ent_source_dialog_new:
 * @parent: the window the dialog belongs to
 * @source: (nullable): the source to edit, or %NULL to add a new one
 *
 * The dialog writes nothing: once it emits #EntSourceDialog::confirmed, the
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
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Source"));
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Save"));
      set_row_text (self->title_row, source->title);
      set_row_text (self->publisher_row, source->publisher);
      set_row_text (self->url_row, source->url);
      set_row_text (self->published_row, source->published);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                                source->body != NULL ? source->body : "", -1);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Source"));
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Add"));
    }

  validate (self);

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
  source->title = dup_trimmed (self->title_row);
  source->publisher = dup_optional (self->publisher_row);
  source->url = dup_optional (self->url_row);
  source->published = dup_optional (self->published_row);
  source->body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return source;
}

/**
 * ent_source_dialog_is_valid:
 * @self: a #EntSourceDialog
 *
 * Returns: whether the source as entered can be saved
 */
gboolean
ent_source_dialog_is_valid (EntSourceDialog *self)
{
  g_return_val_if_fail (ENT_IS_SOURCE_DIALOG (self), FALSE);

  return self->problem == NULL;
}

/**
 * ent_source_dialog_get_problem:
 * @self: a #EntSourceDialog
 *
 * Returns: (nullable): why the source cannot be saved, as shown to the
 *   user, or %NULL when it can
 */
const char *
ent_source_dialog_get_problem (EntSourceDialog *self)
{
  g_return_val_if_fail (ENT_IS_SOURCE_DIALOG (self), NULL);

  return self->problem;
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
  self->problem_row = NULL;

  G_OBJECT_CLASS (ent_source_dialog_parent_class)->dispose (object);
}

static void
ent_source_dialog_finalize (GObject *object)
{
  EntSourceDialog *self = (EntSourceDialog *)object;

  g_clear_object (&self->cancellable);
  g_free (self->problem);
  g_free (self->file_problem);

  G_OBJECT_CLASS (ent_source_dialog_parent_class)->finalize (object);
}

static void
ent_source_dialog_class_init (EntSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_source_dialog_dispose;
  object_class->finalize = ent_source_dialog_finalize;

  /**
   * EntSourceDialog::confirmed:
   * @self: a #EntSourceDialog
   *
   * The user accepted a valid source; read it with
   * ent_source_dialog_dup_source().
   */
  signals[CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "source-dialog.confirm", NULL, confirm_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-source-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, published_row);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, body_view);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_file_clicked_cb);
}

static void
ent_source_dialog_init (EntSourceDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
}
