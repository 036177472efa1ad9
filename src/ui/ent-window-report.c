/* ent-window-report.c: Export → Evidence Report in the main window
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report holds what the window shows: the diagram with the filters in
 * force, and every claim they let through with its quotes, as one HTML
 * file or a PDF.
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-export-scope.h"
#include "ent-report.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/**
 * _ent_window_write_report:
 * @self: a window
 * @path: the file to write: .html, .htm or .pdf
 * @error: return location for an error
 *
 * Writes the evidence report of what the window shows to @path, through a
 * temporary file, so that a failure leaves nothing.
 *
 * Returns: whether it was written
 */
gboolean
_ent_window_write_report (EntWindow   *self,
                          const char  *path,
                          GError     **error)
{
  EntViewState *view = ent_graph_view_get_view_state (self->graph_view);
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  g_autofree guint8 *states = NULL;
  g_autofree char *caption = NULL;
  EntReportOptions options = { 0 };

  if (scene != NULL)
    {
      states = ent_export_scope_states (view, ENT_EXPORT_SCOPE_SHOWN, 0, error);
      if (states == NULL)
        return FALSE;
      caption = ent_view_state_describe_filters (view);
    }

  options.graph = self->graph;
  options.scene = scene;
  options.states = states;
  options.title = adw_window_title_get_title (self->window_title);
  options.caption = caption;
  return ent_report_write (&options, path, NULL, error);
}

static void
report_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EntWindow       *self)
{
  g_autofree char *path = _ent_window_chosen_path (self, dialog, response, _("Only local files can be written"));
  g_autoptr(GError) error = NULL;

  g_object_unref (dialog);
  if (path == NULL || self->graph == NULL)
    return;

  /* A name without an extension gets the HTML one, the format a browser opens. */
  if (!g_str_has_suffix (path, ".html") && !g_str_has_suffix (path, ".htm") && !g_str_has_suffix (path, ".pdf"))
    {
      char *html = g_strconcat (path, ".html", NULL);

      g_free (path);
      path = html;
    }

  if (_ent_window_write_report (self, path, &error))
    {
      g_autofree char *name = g_path_get_basename (path);
      /* Translators: shown once the evidence report is written to the file %s */
      g_autofree char *message = g_strdup_printf (_("Wrote the evidence report “%s”"), name);

      _ent_window_show_toast (self, message);
    }
  else
    _ent_window_show_toast (self, error->message);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (self->graph == NULL)
    return;

  /* Translators: the suggested file name of an evidence report: the network's title */
  name = g_strdup_printf (_("%s — evidence.html"), adw_window_title_get_title (self->window_title));
  g_strdelimit (name, "/", '-');
  dialog = gtk_file_chooser_native_new (_("Evidence Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  _ent_window_add_file_filter (GTK_FILE_CHOOSER (dialog), _("Web page (HTML)"), "text/html", "*.html");
  _ent_window_add_file_filter (GTK_FILE_CHOOSER (dialog), _("PDF document"), "application/pdf", "*.pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (report_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_ent_window_report_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-report", NULL);
}
