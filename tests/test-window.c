/* test-window.c: the application window
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ent-test-util.h"
#include "ent-test-widgets.h"
#include "ent-window.h"

static void
test_open_bundled_and_refuse_garbage (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "india-belarus.entente");
  g_autofree char *garbage = g_build_filename (dir, "garbage.entente", NULL);
  g_autofree char *subtitle = NULL;
  EntWindow *window;
  EntGraph *graph;

  window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (ent_window_open_path (window, path));
  graph = ent_window_get_graph (window);
  g_assert_nonnull (graph);
  g_assert_cmpuint (graph->entities->len, >=, 18);

  /* A file of random bytes is refused and the open network stays. */
  g_assert_true (g_file_set_contents (garbage, "\x13\x37 not a database at all \xff\xfe", -1, NULL));
  g_assert_false (ent_window_open_path (window, garbage));
  g_assert_true (ent_window_get_graph (window) == graph);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add_func ("/ent/window/open-bundled-refuse-garbage", test_open_bundled_and_refuse_garbage);

  return g_test_run ();
}
