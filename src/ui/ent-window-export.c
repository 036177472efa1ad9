/* ent-window-export.c: the window's export: its dialog, and the export drawn a part at a time with progress
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-export.h"

#include <glib/gi18n.h>

/* An export that takes longer than this shows its progress, and a Cancel button. */
#define PROGRESS_DELAY_MS 300
/* How long one turn of the main loop may spend exporting before the window draws and takes input again. */
#define STEP_BUDGET_US (30 * 1000)
/* The rows of a PNG strip drawn in one step: a strip of a 16,384-pixel-wide image takes 16 MB. */
#define WINDOW_STRIP_ROWS 256

struct _EntWindowExport
{
  EntWindow        *window;
  EntExportJob     *job;
  char             *path;
  guint             source;
  guint             progress_timeout;
  AdwMessageDialog *progress;
  GtkProgressBar   *progress_bar;
};

static void
export_free (EntWindowExport *export)
{
  g_clear_handle_id (&export->source, g_source_remove);
  g_clear_handle_id (&export->progress_timeout, g_source_remove);
  if (export->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&export->progress)));
  /* A job not done leaves no file. */
  g_clear_pointer (&export->job, ent_export_job_free);
  g_free (export->path);
  g_free (export);
}

static void
export_end (EntWindow  *self,
            const char *message)
{
  g_clear_pointer (&self->export, export_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  _ent_window_show_toast (self, message);
}

/**
 * _ent_window_cancel_export:
 * @self: a window
 *
 * Stops the export under way, if any: it leaves no file.
 */
void
_ent_window_cancel_export (EntWindow *self)
{
  g_clear_pointer (&self->export, export_free);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      EntWindow        *self)
{
  if (self->export == NULL || self->export->progress != dialog)
    return;

  /* The dialog closes itself after its response. */
  self->export->progress = NULL;
  export_end (self, _("Export cancelled"));
}

static gboolean
show_progress_cb (gpointer user_data)
{
  EntWindow *self = user_data;
  EntWindowExport *export = self->export;
  g_autofree char *name = g_path_get_basename (export->path);
  g_autofree char *heading = g_strdup_printf (_("Exporting “%s”"), name);

  export->progress_timeout = 0;
  export->progress = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  export->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (export->progress_bar, TRUE);
  gtk_progress_bar_set_fraction (export->progress_bar, ent_export_job_get_fraction (export->job));
  adw_message_dialog_set_extra_child (export->progress, GTK_WIDGET (export->progress_bar));
  adw_message_dialog_add_response (export->progress, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (export->progress, "cancel");
  g_signal_connect (export->progress, "response", G_CALLBACK (progress_response_cb), self);
  gtk_window_present (GTK_WINDOW (export->progress));

  return G_SOURCE_REMOVE;
}

static gboolean
export_step_cb (gpointer user_data)
{
  EntWindow *self = user_data;
  EntWindowExport *export = self->export;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean done = FALSE;

  while (!done && g_get_monotonic_time () - start < STEP_BUDGET_US)
    if (!ent_export_job_step (export->job, &done, &error))
      {
        export->source = 0;
        export_end (self, error->message);
        return G_SOURCE_REMOVE;
      }

  if (done)
    {
      g_autofree char *name = g_path_get_basename (export->path);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      g_clear_pointer (&export->job, ent_export_job_free);
      export->source = 0;
      export_end (self, message);
      return G_SOURCE_REMOVE;
    }

  if (export->progress_bar != NULL)
    gtk_progress_bar_set_fraction (export->progress_bar, ent_export_job_get_fraction (export->job));
  return G_SOURCE_CONTINUE;
}

/**
 * ent_window_export_file:
 * @self: a window
 * @path: the file to write: .svg, .png or .pdf
 * @options: size, colours, legend, area and the items left out
 *
 * Exports the diagram a part at a time from the main loop, so that the
 * window stays live; one that takes more than a moment shows its progress
 * with a Cancel button. Cancelled, or failing, it leaves no file. The end is
 * told in a toast.
 *
 * Returns: %TRUE if the export started
 */
gboolean
ent_window_export_file (EntWindow              *self,
                        const char             *path,
                        const EntExportOptions *options)
{
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  g_autoptr(GError) error = NULL;
  EntExportOptions job_options = *options;
  EntExportFormat format;
  EntExportJob *job;

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (scene == NULL || self->export != NULL)
    return FALSE;

  if (job_options.strip_rows == 0)
    job_options.strip_rows = WINDOW_STRIP_ROWS;
  if (!ent_export_format_for_path (path, &format, &error) ||
      (job = ent_export_job_new (scene, path, format, &job_options, &error)) == NULL)
    {
      _ent_window_show_toast (self, error->message);
      return FALSE;
    }

  self->export = g_new0 (EntWindowExport, 1);
  self->export->window = self;
  self->export->job = job;
  self->export->path = g_strdup (path);
  self->export->source = g_idle_add (export_step_cb, self);
  self->export->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);

  return TRUE;
}

/**
 * ent_window_is_exporting:
 * @self: a window
 *
 * Returns: whether an export is under way
 */
gboolean
ent_window_is_exporting (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);

  return self->export != NULL;
}

static void
export_dialog_destroyed_cb (EntWindow *self)
{
  self->export_dialog = NULL;
}

/**
 * _ent_window_get_export_dialog:
 * @self: a window
 *
 * Returns: (transfer none) (nullable): the export dialog that win.export opened, while it is open
 */
EntExportDialog *
_ent_window_get_export_dialog (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), NULL);

  return self->export_dialog;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (ent_graph_view_get_scene (self->graph_view) == NULL || self->export != NULL)
    return;

  if (self->export_dialog == NULL)
    {
      self->export_dialog = ent_export_dialog_new (self, adw_window_title_get_title (self->window_title));
      g_signal_connect_object (self->export_dialog, "destroy", G_CALLBACK (export_dialog_destroyed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->export_dialog));
}

void
_ent_window_export_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
