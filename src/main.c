/* main.c: the entente program: sets up the locale and runs the application
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ent-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(EntApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* ENTENTE_LOCALEDIR lets the program run from its build folder in any language. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ENTENTE_LOCALEDIR") ? g_getenv ("ENTENTE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ent_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
