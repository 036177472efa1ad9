/* test-window.c: the application window
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ent-store.h"
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

static char *
create_network (const char *dir,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  char *path = g_build_filename (dir, name, NULL);

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return path;
}

static void
test_empty_network (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *path = create_network (dir, "empty.entente");
  EntWindow *window = g_object_new (ENT_TYPE_WINDOW, NULL);
  GtkStack *stack = template_child (window, ENT_TYPE_WINDOW, "view_stack");

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, path));
  g_assert_cmpuint (ent_window_get_graph (window)->entities->len, ==, 0);
  g_assert_cmpstr (ent_window_get_path (window), ==, path);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Waits, for at most five seconds, until @menu lists @n_items files. */
static void
wait_for_menu (GMenuModel *menu,
               int         n_items)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_menu_model_get_n_items (menu) != n_items && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, n_items);
}

static void
test_recent_menu (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *first = create_network (dir, "first.entente");
  g_autofree char *second = create_network (dir, "second.entente");
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *text_uri = NULL;
  g_autofree char *label = NULL;
  g_autofree char *target = NULL;
  g_autofree char *second_uri = NULL;
  g_autoptr(GFile) second_file = g_file_new_for_path (second);
  EntWindow *window = g_object_new (ENT_TYPE_WINDOW, NULL);
  GMenuModel *menu = template_child (window, ENT_TYPE_WINDOW, "recent_menu");
  GtkRecentManager *manager = gtk_recent_manager_get_default ();

  /* The files the other tests opened are forgotten first. */
  gtk_recent_manager_purge_items (manager, NULL);
  wait_for_menu (menu, 0);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, first));
  wait_for_menu (menu, 1);
  g_assert_true (ent_window_open_path (window, second));
  wait_for_menu (menu, 2);

  /* The newest comes first, by its name, and opens through the window's action. */
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, "second.entente");
  g_assert_true (g_menu_model_get_item_attribute (menu, 0, G_MENU_ATTRIBUTE_TARGET, "s", &target));
  second_uri = g_file_get_uri (second_file);
  g_assert_cmpstr (target, ==, second_uri);

  /* Other applications' files and files that are gone are not listed. */
  g_assert_true (g_file_set_contents (text, "notes", -1, NULL));
  text_uri = g_filename_to_uri (text, NULL, NULL);
  g_assert_true (gtk_recent_manager_add_item (manager, text_uri));
  g_assert_no_errno (g_unlink (first));
  wait_for_menu (menu, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("entente-window-data-XXXXXX", NULL);

  /* The windows add what they open to the recent files, which are the user's but for this. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  widget_test_init (&argc, &argv);

  g_test_add_func ("/ent/window/open-bundled-refuse-garbage", test_open_bundled_and_refuse_garbage);
  g_test_add_func ("/ent/window/empty-network", test_empty_network);
  g_test_add_func ("/ent/window/recent-menu", test_recent_menu);

  return g_test_run ();
}
