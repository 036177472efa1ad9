/* ent-test-widgets.h: what the widget tests share: GTK set up for a test, template children
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Helpers for the tests only, so they go without the library's prefix. */
void     widget_test_init (int         *argc,
                           char      ***argv);
gpointer template_child   (gpointer     widget,
                           GType        type,
                           const char  *name);

G_END_DECLS
