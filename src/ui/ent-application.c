/* ent-application.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ent-application.h"
#include "ent-window.h"
#include "ent-user-data.h"

struct _EntApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (EntApplication, ent_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

EntApplication *
ent_application_new (void)
{
  return g_object_new (ENT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

static int
ent_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "entente", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static EntWindow *
new_window (EntApplication *self)
{
  EntWindow *window = g_object_new (ENT_TYPE_WINDOW, "application", self, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
ent_application_activate (GApplication *app)
{
  EntApplication *self = ENT_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = ent_user_database_ensure (&error);
  if (path == NULL)
    {
      ent_window_show_error (new_window (self), error->message);
      return;
    }

  ent_window_open_path (new_window (self), path);
}

static void
ent_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  EntApplication *self = ENT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      EntWindow *window = new_window (self);

      if (path != NULL)
        ent_window_open_path (window, path);
      else
        ent_window_show_error (window, _("Only local files can be opened"));
    }
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  EntApplication *self = user_data;
  static const char *developers[] = { "The Entente developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Entente"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Entente developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Entente developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Explore relationship networks with their evidence"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
ent_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (ent_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
ent_application_class_init (EntApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = ent_application_handle_local_options;
  app_class->startup = ent_application_startup;
  app_class->activate = ent_application_activate;
  app_class->open = ent_application_open;
}

static void
ent_application_init (EntApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore relationship networks with their evidence."));
}
