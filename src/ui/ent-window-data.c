/* ent-window-data.c: the main window's data files: Import… through the assistant, and Export Data…
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-data.h"
#include "ent-import-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

static void
open_network_cb (EntImportDialog *dialog,
                 const char      *path,
                 EntWindow       *self)
{
  _ent_window_open_file (self, path);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EntWindow       *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  EntImportDialog *assistant;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path == NULL)
        {
          _ent_window_show_toast (self, _("Only local files can be imported"));
          return;
        }
      g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return;
  g_ptr_array_add (paths, NULL);

  assistant = ent_import_dialog_new (GTK_WINDOW (self), self->store, self->graph,
                                     (const char * const *) paths->pdata, &error);
  if (assistant == NULL)
    {
      _ent_window_show_toast (self, error->message);
      return;
    }
  g_signal_connect_object (assistant, "open-network", G_CALLBACK (open_network_cb), self, 0);
  gtk_window_present (GTK_WINDOW (assistant));
  g_object_unref (assistant);
}

/* A filter for every data format, and before them, for choosing files to import, one for all of them. */
static void
add_format_filters (GtkFileChooser *chooser,
                    gboolean        exporting)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const EntDataFormatInfo *formats;
  guint n_formats;

  formats = ent_data_get_formats (&n_formats);
  gtk_file_filter_set_name (all, _("All data files"));
  if (!exporting)
    gtk_file_chooser_add_filter (chooser, all);

  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      const char *name = exporting && formats[i].export_filter_name != NULL ? formats[i].export_filter_name
                                                                            : formats[i].filter_name;

      if (exporting ? formats[i].write == NULL : formats[i].variant)
        continue;
      gtk_file_filter_set_name (filter, _(name));
      /* The format an export takes when its file's name fits it, as where formats share an extension. */
      g_object_set_data (G_OBJECT (filter), "ent-data-format", GINT_TO_POINTER (formats[i].format + 1));
      for (guint j = 0; j < G_N_ELEMENTS (formats[i].extensions) && formats[i].extensions[j] != NULL; j++)
        {
          gtk_file_filter_add_suffix (filter, formats[i].extensions[j]);
          gtk_file_filter_add_suffix (all, formats[i].extensions[j]);
        }
      gtk_file_chooser_add_filter (chooser, filter);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import a Network"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  add_format_filters (GTK_FILE_CHOOSER (dialog), FALSE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_data (EntWindow     *self,
             const char    *path,
             GtkFileFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_path_get_basename (path);
  int chosen = filter != NULL ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "ent-data-format")) - 1 : -1;
  EntDataFormat format = chosen;

  if ((chosen < 0 || !ent_data_format_has_path (format, path)) && !ent_data_format_for_path (path, &format, &error))
    {
      _ent_window_show_toast (self, error->message);
      return;
    }
  if (!ent_data_export (self->store, path, format, NULL, &error))
    {
      _ent_window_show_toast (self, error->message);
      return;
    }

  if (format == ENT_DATA_FORMAT_CSV)
    {
      g_autofree char *entities = NULL;
      g_autofree char *relations = NULL;
      g_autofree char *entities_name = NULL;
      g_autofree char *relations_name = NULL;

      ent_data_csv_paths (path, &entities, &relations);
      entities_name = g_path_get_basename (entities);
      relations_name = g_path_get_basename (relations);
      /* Translators: shown once the network's data is written to the two CSV files named */
      message = g_strdup_printf (_("Exported to “%s” and “%s”"), entities_name, relations_name);
    }
  else
    /* Translators: shown once the network's data is written to the file %s */
    message = g_strdup_printf (_("Exported to “%s”"), name);
  _ent_window_show_toast (self, message);
}

static void
export_data_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         EntWindow       *self)
{
  g_autofree char *path = _ent_window_chosen_path (self, dialog, response, _("Only local files can be written"));

  if (path != NULL && self->store != NULL)
    export_data (self, path, gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog)));
  g_object_unref (dialog);
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->store == NULL)
    return;

  base = g_path_get_basename (ent_store_get_path (self->store));
  if (g_str_has_suffix (base, ".entente"))
    base[strlen (base) - strlen (".entente")] = '\0';
  name = g_strconcat (base, ".json", NULL);

  dialog = gtk_file_chooser_native_new (_("Export the Data"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  add_format_filters (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_data_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_ent_window_data_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export-data",
                                       NULL);
}
