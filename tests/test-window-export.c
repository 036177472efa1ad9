/* test-window-export.c: the window's export runs from the main loop, shows its progress, and Cancel leaves no file
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ent-graph-view.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"
#include "ent-window.h"

typedef struct
{
  char         *dir;
  char         *path;
  EntWindow    *window;
  EntGraphView *view;
} Fixture;

static gboolean
wait_until (gboolean (*done) (Fixture *fixture),
            Fixture   *fixture,
            double     seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * test_slowdown () * G_USEC_PER_SEC;

  while (!done (fixture) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return done (fixture);
}

static gboolean
is_drawn (Fixture *fixture)
{
  GtkRevealer *progress = template_child (fixture->window, ENT_TYPE_WINDOW, "progress_revealer");

  return ent_graph_view_get_scene (fixture->view) != NULL && !gtk_revealer_get_reveal_child (progress);
}

static gboolean
is_idle (Fixture *fixture)
{
  return !ent_window_is_exporting (fixture->window);
}

/* The progress dialog of the window's export, if it shows. */
static AdwMessageDialog *
find_progress (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (fixture->window))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
shows_progress (Fixture *fixture)
{
  return find_progress (fixture) != NULL;
}

/* The names in the fixture's folder other than the network: an export, or a temporary file left behind. */
static GPtrArray *
list_outputs (Fixture *fixture)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "india-belarus.entente"))
      g_ptr_array_add (names, g_strdup (name));
  return names;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("entente-window-export-XXXXXX", NULL);
  fixture->path = copy_bundled (fixture->dir, "india-belarus.entente");
  fixture->window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (ent_window_open_path (fixture->window, fixture->path));
  fixture->view = template_child (fixture->window, ENT_TYPE_WINDOW, "graph_view");
  g_assert_true (wait_until (is_drawn, fixture, 30));
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) outputs = list_outputs (fixture);

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < outputs->len; i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, g_ptr_array_index (outputs, i), NULL);
      g_unlink (path);
    }
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A quick export ends with the file, and no progress dialog shows for it. */
static void
test_export_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "network.svg", NULL);
  EntExportOptions options = { .legend = TRUE };
  g_autofree char *svg = NULL;
  g_autoptr(GPtrArray) outputs = NULL;
  EntScene *scene = ent_graph_view_get_scene (fixture->view);

  g_assert_true (ent_window_export_file (fixture->window, output, &options));
  g_assert_true (ent_window_is_exporting (fixture->window));
  /* One export at a time. */
  g_assert_false (ent_window_export_file (fixture->window, output, &options));
  g_assert_true (wait_until (is_idle, fixture, 30));
  g_assert_null (find_progress (fixture));

  g_assert_true (g_file_get_contents (output, &svg, NULL, NULL));
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE && item->id > 0)
        {
          g_autofree char *id = g_strdup_printf ("id=\"entity-%" G_GINT64_FORMAT "\"", item->id);
          if (strstr (svg, id) == NULL)
            g_error ("%s missing", id);
        }
    }

  outputs = list_outputs (fixture);
  g_assert_cmpuint (outputs->len, ==, 1);
}

/* A large PNG shows its progress while the window stays live; its Cancel leaves no file, temporary or not. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "large.png", NULL);
  EntExportOptions options = { .width = 30000, .legend = TRUE, .strip_rows = 32 };
  g_autoptr(GPtrArray) outputs = NULL;
  AdwMessageDialog *progress;
  GtkProgressBar *bar;

  g_assert_true (ent_window_export_file (fixture->window, output, &options));
  g_assert_true (wait_until (shows_progress, fixture, 30));
  g_assert_true (ent_window_is_exporting (fixture->window));

  /* It moves on while the dialog shows. */
  progress = find_progress (fixture);
  bar = GTK_PROGRESS_BAR (adw_message_dialog_get_extra_child (progress));
  wait_for_frames (GTK_WIDGET (fixture->view), 3);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), >, 0.0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), <, 1.0);
  outputs = list_outputs (fixture);
  /* Only the temporary file so far. */
  g_assert_cmpuint (outputs->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (outputs, 0), "."));
  g_clear_pointer (&outputs, g_ptr_array_unref);

  /* Its one button, clicked. */
  g_assert_true (gtk_widget_activate (first_descendant (GTK_WIDGET (progress), GTK_TYPE_BUTTON)));
  g_assert_true (wait_until (is_idle, fixture, 10));
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  g_assert_null (find_progress (fixture));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  outputs = list_outputs (fixture);
  g_assert_cmpuint (outputs->len, ==, 0);

  /* And the next export runs. */
  g_assert_true (ent_window_export_file (fixture->window, output, &(EntExportOptions) { .legend = TRUE }));
  g_assert_true (wait_until (is_idle, fixture, 30));
  g_assert_true (g_file_test (output, G_FILE_TEST_EXISTS));
}

/* A window closed while it exports leaves no file either. */
static void
test_close_while_exporting (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "closed.png", NULL);
  EntExportOptions options = { .width = 30000, .legend = TRUE, .strip_rows = 32 };
  g_autoptr(GPtrArray) outputs = NULL;

  g_assert_true (ent_window_export_file (fixture->window, output, &options));
  wait_for_frames (GTK_WIDGET (fixture->view), 3);
  g_assert_true (ent_window_is_exporting (fixture->window));
  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));

  outputs = list_outputs (fixture);
  g_assert_cmpuint (outputs->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/ent/window-export/svg", Fixture, NULL, fixture_set_up, test_export_svg, fixture_tear_down);
  g_test_add ("/ent/window-export/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/ent/window-export/close", Fixture, NULL, fixture_set_up, test_close_while_exporting,
              fixture_tear_down);

  return g_test_run ();
}
