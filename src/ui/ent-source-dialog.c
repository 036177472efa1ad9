/* ent-source-dialog.c: the dialog that adds or edits a source
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-source-dialog"

#include "config.h"

#include "ent-source-dialog.h"
#include "ent-source-read.h"

#include <glib/gi18n.h>

/* The rows a file's draft fills, in the order of #EntSourceDraft's fields. */
enum
{
  ROW_TITLE,
  ROW_PUBLISHER,
  ROW_URL,
  ROW_PUBLISHED,
  N_ROWS
};

struct _EntSourceDialog
{
  EntEditDialog         parent_instance;

  /* The source being edited, or 0 for a new one. */
  gint64                source_id;
  /* The text of a saved source is not replaced by a file or a paste: its quotes point into it by offset. */
  gboolean              body_locked;
  /* Why the last file or paste gave no text, until the next edit. */
  char                 *file_problem;
  GtkFileChooserNative *file_chooser;
  /* The file or clipboard being read, if any; reading another cancels it. */
  GCancellable         *cancellable;
  /* What the last file or paste put in each row: a row that still shows it, or nothing, takes the next one's. */
  char                 *filled[N_ROWS];
  GtkDropTarget        *drop_target;

  AdwEntryRow          *title_row;
  AdwEntryRow          *publisher_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *published_row;
  GtkTextView          *body_view;
  GtkButton            *open_button;
  GtkButton            *paste_button;
  GtkSpinner           *open_spinner;
};

G_DEFINE_FINAL_TYPE (EntSourceDialog, ent_source_dialog, ENT_TYPE_EDIT_DIALOG)

static void
validate (EntEditDialog *dialog)
{
  EntSourceDialog *self = ENT_SOURCE_DIALOG (dialog);
  g_autofree char *title = ent_edit_dialog_dup_text (self->title_row);
  GtkWidget *date_row;
  const char *date_problem = ent_edit_dialog_check_dates (self->published_row, NULL, &date_row);

  /* Why the file just opened gave nothing is what the user wants to know, more than that a title is missing. */
  if (self->file_problem != NULL)
    ent_edit_dialog_set_problem (dialog, NULL, self->file_problem);
  else if (*title == '\0')
    ent_edit_dialog_set_problem (dialog, GTK_WIDGET (self->title_row), _("A title is required"));
  else
    ent_edit_dialog_set_problem (dialog, date_row, date_problem);
}

static void
edited_cb (EntSourceDialog *self)
{
  g_clear_pointer (&self->file_problem, g_free);
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

/* Shows @problem, which the edits made before it would have cleared, until the next edit. */
static void
show_file_problem (EntSourceDialog *self,
                   const char      *problem)
{
  g_free (self->file_problem);
  self->file_problem = g_strdup (problem);
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

static void
set_loading (EntSourceDialog *self,
             gboolean         loading)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), !loading && !self->body_locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paste_button), !loading && !self->body_locked);
  gtk_widget_set_visible (GTK_WIDGET (self->open_spinner), loading);
  gtk_spinner_set_spinning (self->open_spinner, loading);
}

/*
 * Puts @value in the row @index unless the user has written there: a row
 * that is empty, or still shows what the last file put in it, takes it. A
 * row the last file filled and this one has nothing for is emptied, so that
 * one file's publisher is not left on another's text.
 */
static void
fill_row (EntSourceDialog *self,
          guint            index,
          AdwEntryRow     *row,
          const char      *value)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (row));

  if (value == NULL)
    value = "";

  if (*current != '\0' && g_strcmp0 (current, self->filled[index]) != 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_free (self->filled[index]);
  self->filled[index] = g_strdup (value);
}

static void
apply_draft (EntSourceDialog      *self,
             const EntSourceDraft *draft)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), draft->body, -1);
  fill_row (self, ROW_TITLE, self->title_row, draft->title);
  fill_row (self, ROW_PUBLISHER, self->publisher_row, draft->publisher);
  fill_row (self, ROW_URL, self->url_row, draft->url);
  fill_row (self, ROW_PUBLISHED, self->published_row, draft->published);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  EntSourceDraft *draft = ent_source_read_file (task_data, cancellable, &error);

  if (draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, draft, (GDestroyNotify) ent_source_draft_free);
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EntSourceDialog *self = ENT_SOURCE_DIALOG (object);
  GTask *task = G_TASK (result);
  g_autoptr(EntSourceDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  draft = g_task_propagate_pointer (task, &error);

  /* Cancelled by the dialog closing, or by another file taking this one's place. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (task) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);

  if (draft != NULL)
    {
      apply_draft (self, draft);
      show_file_problem (self, NULL);
    }
  else
    {
      show_file_problem (self, error->message);
    }
}

/**
 * ent_source_dialog_load_file:
 * @self: a #EntSourceDialog
 * @file: a text, Markdown, HTML or PDF file
 *
 * Reads @file on a worker thread and puts its text in the body and what it
 * says of itself in the rows the user has not written in; or, when it
 * cannot be read, shows why. A file loaded before it is done is given up.
 * The text of a saved source is never replaced: quotes point into it.
 *
 * Returns: %FALSE when the dialog's text cannot be replaced, so the file is not read
 */
gboolean
ent_source_dialog_load_file (EntSourceDialog *self,
                             GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ENT_IS_SOURCE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->body_locked)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      set_loading (self, FALSE);
      show_file_problem (self, _("Only files on this computer can be read as sources"));
      return TRUE;
    }

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, file_read_cb, NULL);
  g_task_set_source_tag (task, ent_source_dialog_load_file);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, read_thread);
  set_loading (self, TRUE);
  return TRUE;
}

/**
 * ent_source_dialog_is_loading:
 * @self: a #EntSourceDialog
 *
 * Returns: whether a file, or the clipboard for Paste as Source, is being read
 */
gboolean
ent_source_dialog_is_loading (EntSourceDialog *self)
{
  g_return_val_if_fail (ENT_IS_SOURCE_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  EntSourceDraft *draft;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* GDK's own message speaks of transfer formats, which mean nothing to the user. */
  if (text == NULL)
    {
      g_task_return_new_error (task, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_EMPTY,
                               _("The clipboard holds no text to paste as a source"));
      return;
    }

  draft = ent_source_read_text (text, -1, &error);
  if (draft == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, draft, (GDestroyNotify) ent_source_draft_free);
}

/*
 * Paste as Source: the clipboard's text becomes the body and its first line
 * the title, as a file's would, where Ctrl+V in the text pastes only the text.
 */
static void
paste_clicked_cb (EntSourceDialog *self)
{
  GTask *task;

  if (self->body_locked)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, file_read_cb, NULL);
  g_task_set_source_tag (task, paste_clicked_cb);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->cancellable,
                                 clipboard_read_cb, task);
  set_loading (self, TRUE);
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
    ent_source_dialog_load_file (self, file);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_types,
            const char     *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_auto(GStrv) types = g_strsplit (mime_types, " ", -1);
  g_auto(GStrv) globs = g_strsplit (patterns, " ", -1);

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, types[i]);
  for (guint i = 0; globs[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, globs[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
open_file_clicked_cb (EntSourceDialog *self)
{
  GtkFileChooser *chooser;

  g_clear_object (&self->file_chooser);
  self->file_chooser = gtk_file_chooser_native_new (_("Open a File"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"),
                                                    _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->file_chooser);
  /* The first filter is the one chosen. */
  add_filter (chooser, _("Texts, Web Pages and PDF Documents"),
              "text/plain text/markdown text/html application/xhtml+xml application/pdf",
              "*.txt *.md *.markdown *.html *.htm *.xhtml *.pdf");
  add_filter (chooser, _("Text Files"), "text/plain", "*.txt");
  add_filter (chooser, _("Markdown Files"), "text/markdown", "*.md *.markdown");
  add_filter (chooser, _("Web Pages"), "text/html application/xhtml+xml", "*.html *.htm *.xhtml");
  add_filter (chooser, _("PDF Documents"), "application/pdf", "*.pdf");
  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         EntSourceDialog *self)
{
  GSList *files;
  GFile *file = NULL;

  if (self->body_locked)
    return FALSE;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      /* One file makes one source; the first of several is the one read. */
      files = gdk_file_list_get_files (g_value_get_boxed (value));
      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }

  return file != NULL && ent_source_dialog_load_file (self, file);
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
      /* Only a source without text can have no quotes for sure. */
      self->body_locked = source->body != NULL && *source->body != '\0';
      if (self->body_locked)
        {
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button),
                                       _("Quotes point into the text of this source, so a file cannot replace it"));
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->paste_button),
                                       _("Quotes point into the text of this source, so a pasted text cannot replace it"));
          gtk_drop_target_set_actions (self->drop_target, 0);
          set_loading (self, FALSE);
        }
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
  g_clear_object (&self->cancellable);
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

  g_free (self->file_problem);
  for (guint i = 0; i < N_ROWS; i++)
    g_free (self->filled[i]);

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
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, paste_button);
  gtk_widget_class_bind_template_child (widget_class, EntSourceDialog, open_spinner);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, paste_clicked_cb);
}

static void
ent_source_dialog_init (EntSourceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A file dropped anywhere on the dialog, its text among it, is read rather than its name pasted. */
  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drop_target), GTK_PHASE_CAPTURE);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
}
