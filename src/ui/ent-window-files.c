/* ent-window-files.c: the main window's files: new, open, open recent, the example, save a copy, drop
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-application.h"
#include "ent-data.h"
#include "ent-source-dialog.h"
#include "ent-user-data.h"

#include <glib/gi18n.h>
#include <string.h>

#define ENTENTE_MIME_TYPE "application/x-entente"
#define MAX_RECENT_FILES 10

/* Tells the desktop's recent files about @path, so that it is in our Open Recent menu and in every other list. */
void
_ent_window_add_recent_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) ENTENTE_MIME_TYPE,
    .app_name = (char *) "entente",
    .app_exec = (char *) "entente %f",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/*
 * A window per file: a file open already raises its window; a window with
 * no network, or one made for a test without an application, takes the file
 * itself; otherwise a new window opens, unless the file cannot be opened.
 */
static void
open_file (EntWindow *self,
           GFile     *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  EntWindow *window;

  if (path == NULL)
    {
      _ent_window_show_toast (self, _("Only local files can be opened"));
      return;
    }

  window = ENT_IS_APPLICATION (app) ? ent_application_find_window (ENT_APPLICATION (app), file) : NULL;
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (app == NULL || self->graph == NULL)
    {
      ent_window_open_path (self, path);
      return;
    }

  window = g_object_new (ENT_TYPE_WINDOW, "application", app, NULL);
  if (!_ent_window_load (window, path, &error))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      _ent_window_show_toast (self, error->message);
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* Opens the network in @path as a file from the file manager would open. */
void
_ent_window_open_file (EntWindow  *self,
                       const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  open_file (self, file);
}

/* Offers @chooser the files of @mime_type, or whose names match @pattern, under @name. */
void
_ent_window_add_file_filter (GtkFileChooser *chooser,
                             const char     *name,
                             const char     *mime_type,
                             const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* Shows a file chooser for a network, which calls @response_cb and then is freed there. */
static void
show_network_chooser (EntWindow            *self,
                      const char           *title,
                      GtkFileChooserAction  action,
                      const char           *accept_label,
                      const char           *current_name,
                      GCallback             response_cb)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  _ent_window_add_file_filter (GTK_FILE_CHOOSER (dialog), _("Entente networks"), ENTENTE_MIME_TYPE, "*.entente");
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The local path the user chose in @dialog, or NULL; when it is not local, after a toast saying @not_local. */
char *
_ent_window_chosen_path (EntWindow       *self,
                         GtkNativeDialog *dialog,
                         int              response,
                         const char      *not_local)
{
  g_autoptr(GFile) file = NULL;
  char *path;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    _ent_window_show_toast (self, not_local);

  return path;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  EntWindow       *self)
{
  g_autofree char *path = _ent_window_chosen_path (self, dialog, response, _("Only local files can be opened"));

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      open_file (self, file);
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_network_chooser (ENT_WINDOW (widget), _("Open a Network"), GTK_FILE_CHOOSER_ACTION_OPEN,
                        _("_Open"), NULL, G_CALLBACK (open_response_cb));
}

/* The chooser has asked before replacing a file, so the new network starts afresh there: an empty import
 * written as a new network, which is renamed into place whole and leaves no log of the old file beside it. */
static gboolean
create_network (const char  *path,
                GError     **error)
{
  g_autoptr(EntImport) empty = ent_import_new ();

  return ent_data_write_network (empty, path, TRUE, NULL, NULL, NULL, NULL, error);
}

static void
new_network (EntWindow  *self,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* Starting afresh in a file that a window shows would pull it from under that window. */
  if ((ENT_IS_APPLICATION (app) && ent_application_find_window (ENT_APPLICATION (app), file) != NULL) ||
      g_strcmp0 (ent_window_get_path (self), path) == 0)
    _ent_window_show_toast (self, _("That network is open; a new one needs another file"));
  else if (!create_network (path, &error))
    _ent_window_show_toast (self, error->message);
  else
    open_file (self, file);
}

/*
 * The network file the person chose in @dialog, given the extension it needs when it has not got it
 * (ent_data_network_path() says why), or NULL. The chooser asked before replacing the file it was
 * given; a file of the name with the extension is not replaced unasked.
 */
static char *
chosen_network_path (EntWindow       *self,
                     GtkNativeDialog *dialog,
                     int              response)
{
  g_autofree char *chosen = _ent_window_chosen_path (self, dialog, response, _("Only local files can be written"));
  g_autofree char *path = chosen != NULL ? ent_data_network_path (chosen) : NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (path == NULL || g_str_equal (path, chosen) || !g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  name = g_path_get_basename (path);
  /* Translators: %s is a network's file name, which the name chosen lacked the extension of */
  message = g_strdup_printf (_("“%s” already exists: choose it to replace it"), name);
  _ent_window_show_toast (self, message);
  return NULL;
}

static void
new_network_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         EntWindow       *self)
{
  g_autofree char *path = chosen_network_path (self, dialog, response);

  if (path != NULL)
    new_network (self, path);

  g_object_unref (dialog);
}

static void
new_network_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autofree char *name = g_strdup_printf ("%s.entente", _("Untitled Network"));

  show_network_chooser (ENT_WINDOW (widget), _("New Network"), GTK_FILE_CHOOSER_ACTION_SAVE,
                        _("_Create"), name, G_CALLBACK (new_network_response_cb));
}

static void
open_example_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ent_user_database_ensure (&error);
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      _ent_window_show_toast (self, error->message);
      return;
    }

  file = g_file_new_for_path (path);
  open_file (self, file);
}

static void
save_copy (EntWindow  *self,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) own = g_file_new_for_path (ent_store_get_path (self->store));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  /* The open file must not be replaced under SQLite's feet. */
  if (g_file_equal (file, own))
    {
      _ent_window_show_toast (self, _("A copy cannot replace the network it is copied from"));
      return;
    }

  if (!ent_store_save_copy (self->store, path, &error))
    {
      _ent_window_show_toast (self, error->message);
      return;
    }

  name = g_path_get_basename (path);
  /* Translators: shown once the open network has been copied to the file %s */
  message = g_strdup_printf (_("Saved a copy as “%s”"), name);
  _ent_window_show_toast (self, message);
  _ent_window_add_recent_file (path);
}

static void
save_copy_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       EntWindow       *self)
{
  g_autofree char *path = chosen_network_path (self, dialog, response);

  if (path != NULL && self->store != NULL)
    save_copy (self, path);

  g_object_unref (dialog);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autofree char *base = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  base = g_path_get_basename (ent_store_get_path (self->store));
  if (g_str_has_suffix (base, ".entente"))
    base[strlen (base) - strlen (".entente")] = '\0';
  /* Translators: the suggested name of a copy of the network file %s, before its extension */
  copy_name = g_strdup_printf (_("%s copy"), base);
  name = g_strconcat (copy_name, ".entente", NULL);

  show_network_chooser (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE,
                        _("_Save"), name, G_CALLBACK (save_copy_response_cb));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  open_file (ENT_WINDOW (widget), file);
}

static int
compare_recent_cb (gconstpointer a,
                   gconstpointer b)
{
  GDateTime *modified_a = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *modified_b = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (modified_b, modified_a);
}

/* The Open Recent menu lists our networks that are still there, the newest first. */
static void
update_recent_menu (EntWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  items = g_list_sort (items, compare_recent_cb);
  g_menu_remove_all (self->recent_menu);

  for (GList *l = items; l != NULL && n < MAX_RECENT_FILES; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), ENTENTE_MIME_TYPE) != 0 ||
          !gtk_recent_info_exists (info))
        continue;

      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/*
 * Whether a dropped @file is a network to open rather than a text to add as
 * a source: a network is known by its extension or its content type, as the
 * file manager knows it, and not by reading it, which a slow disk would make
 * the window wait for. Whatever else is dropped the source readers take, and
 * they say clearly what they cannot read.
 */
static gboolean
is_network_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_utf8_strdown (name, -1) : NULL;
  g_autofree char *type = NULL;

  if (lower == NULL || g_str_has_suffix (lower, ".entente"))
    return TRUE;

  type = g_content_type_guess (name, NULL, 0, NULL);
  return g_content_type_is_mime_type (type, ENTENTE_MIME_TYPE) ||
         g_content_type_is_mime_type (type, "application/vnd.sqlite3");
}

/* A source dialog of @self that is not in @before, the windows there were, if given. */
static EntSourceDialog *
find_new_source_dialog (EntWindow *self,
                        GPtrArray *before)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ENT_IS_SOURCE_DIALOG (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (self) &&
          (before == NULL || !g_ptr_array_find (before, window, NULL)))
        return ENT_SOURCE_DIALOG (window);
    }

  return NULL;
}

/* Opens the Add Source dialog with @file loaded in it, or says why no source can be added. */
static void
add_source_from_file (EntWindow *self,
                      GFile     *file)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new ();
  GListModel *toplevels = gtk_window_get_toplevels ();
  EntSourceDialog *dialog = find_new_source_dialog (self, NULL);

  /* A source dialog already open takes the file, rather than a second dialog opening over it. */
  if (dialog != NULL)
    {
      if (!ent_source_dialog_load_file (dialog, file))
        _ent_window_show_toast (self, _("The text of a saved source cannot be replaced by a file"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (self->graph == NULL || self->store == NULL)
    {
      _ent_window_show_toast (self, _("Open a network to add a source to it"));
      return;
    }
  if (ent_store_is_read_only (self->store))
    {
      _ent_window_show_toast (self, _("This network cannot be changed, so no source can be added to it"));
      return;
    }

  /* The action opens the dialog that stores the source, as the menu does. */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      g_ptr_array_add (before, window);
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-source", NULL);

  dialog = find_new_source_dialog (self, before);
  if (dialog != NULL)
    ent_source_dialog_load_file (dialog, file);
}

/*
 * What the window does with files dropped on it: networks open, each in its
 * window; the first other file opens Add Source with its text, as a source
 * is checked by the person adding it, one at a time.
 */
gboolean
_ent_window_drop_files (EntWindow *self,
                        GSList    *files)
{
  GFile *source_file = NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (is_network_file (l->data))
        open_file (self, l->data);
      else if (source_file == NULL)
        source_file = l->data;
    }

  if (source_file != NULL)
    add_source_from_file (self, source_file);

  return files != NULL;
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EntWindow     *self)
{
  GSList *files = NULL;
  gboolean accepted;

  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));

  accepted = _ent_window_drop_files (self, files);
  g_slist_free (files);
  return accepted;
}

void
_ent_window_files_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.new-network", NULL, new_network_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-network", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

void
_ent_window_files_init (EntWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}
