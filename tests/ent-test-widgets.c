/* ent-test-widgets.c: what the widget tests share: GTK set up for a test, template children
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-test-widgets"

#include "config.h"

#include "ent-test-widgets.h"

#include <adwaita.h>

/* The application's widgets are libadwaita's, so it is set up as the application does. */
void
widget_test_init (int    *argc,
                  char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

/*
 * The widgets inside a template are private to their class; a test reads
 * them the way a language binding would, by their names in the template.
 */
gpointer
template_child (gpointer    widget,
                GType       type,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return child;
}
