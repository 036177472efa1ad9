/* test-window-bundles.c: Bundle Edges in the window: the bundles are stored and drawn, Cancel stops it, Remove Bundles undoes it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ent-graph-view.h"
#include "ent-store.h"
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

/* Runs the main loop until @done says so, for at most @seconds. */
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
is_bundled (Fixture *fixture)
{
  EntScene *scene = ent_graph_view_get_scene (fixture->view);

  return scene != NULL && ent_scene_has_bundles (scene);
}

/* A copy of the bundled network in a window, laid out. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("entente-window-bundles-XXXXXX", NULL);
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
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The view's pixels, as it draws itself now. */
static GBytes *
render_view (EntGraphView *view)
{
  GtkWidget *widget = GTK_WIDGET (view);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  gsize stride = 4 * width;
  guchar *pixels = g_malloc (stride * height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, pixels, stride);

  return g_bytes_new_take (pixels, stride * height);
}

/*
 * Bundle Edges shows its progress as a layout does, stores a bundle for
 * each relation between two entities, and the view then draws them, in
 * another picture than before.
 */
static void
test_bundle_edges (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkRevealer *progress = template_child (fixture->window, ENT_TYPE_WINDOW, "progress_revealer");
  GtkLabel *progress_label = template_child (fixture->window, ENT_TYPE_WINDOW, "progress_label");
  EntScene *before_scene = ent_graph_view_get_scene (fixture->view);
  g_autoptr(GBytes) before = render_view (fixture->view);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected = NULL;
  guint n_bundled = 0;

  g_assert_false (ent_scene_has_bundles (before_scene));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.bundle-edges", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (progress));
  g_assert_cmpstr (gtk_label_get_label (progress_label), ==, "Bundling the edges…");

  g_assert_true (wait_until (is_bundled, fixture, 30));
  g_assert_false (gtk_revealer_get_reveal_child (progress));
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  after = render_view (fixture->view);
  g_assert_false (g_bytes_equal (before, after));

  for (guint i = 0; i < ent_scene_get_n_items (ent_graph_view_get_scene (fixture->view)); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (ent_graph_view_get_scene (fixture->view), i);

      n_bundled += item->type == ENT_SCENE_ITEM_EDGE && item->bundle != NULL;
    }
  stored = sqlite_shell (fixture->path, "SELECT count (*) FROM bundles");
  expected = g_strdup_printf ("%u", n_bundled);
  g_assert_cmpuint (n_bundled, >, 0);
  g_assert_cmpstr (stored, ==, expected);
}

/*
 * Remove Bundles takes them away again: none stored, and the relations are
 * drawn along Graphviz's routes as before, exactly as before bundling.
 */
static void
test_remove_bundles (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *stored = NULL;

  g_assert_true (ent_scene_has_routes (ent_graph_view_get_scene (fixture->view)));
  before = render_view (fixture->view);
  /* With nothing bundled there is nothing to remove. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unbundle-edges", NULL);
  g_assert_false (ent_scene_has_bundles (ent_graph_view_get_scene (fixture->view)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.bundle-edges", NULL));
  g_assert_true (wait_until (is_bundled, fixture, 30));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.unbundle-edges", NULL));

  g_assert_false (ent_scene_has_bundles (ent_graph_view_get_scene (fixture->view)));
  g_assert_true (ent_scene_has_routes (ent_graph_view_get_scene (fixture->view)));
  stored = sqlite_shell (fixture->path, "SELECT count (*) FROM bundles");
  g_assert_cmpstr (stored, ==, "0");
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  after = render_view (fixture->view);
  g_assert_true (g_bytes_equal (before, after));
}

static gboolean
is_idle (Fixture *fixture)
{
  GtkRevealer *progress = template_child (fixture->window, ENT_TYPE_WINDOW, "progress_revealer");

  return !gtk_revealer_get_reveal_child (progress);
}

/* Cancel stops the bundling: nothing is stored, and the view keeps what it drew. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  EntScene *before_scene = ent_graph_view_get_scene (fixture->view);
  g_autofree char *stored = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.bundle-edges", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel-layout", NULL));
  g_assert_true (wait_until (is_idle, fixture, 30));

  g_assert_true (ent_graph_view_get_scene (fixture->view) == before_scene);
  stored = sqlite_shell (fixture->path, "SELECT count (*) FROM bundles");
  g_assert_cmpstr (stored, ==, "0");
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/ent/window-bundles/bundle-edges", Fixture, NULL, fixture_set_up, test_bundle_edges, fixture_tear_down);
  g_test_add ("/ent/window-bundles/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/ent/window-bundles/remove-bundles", Fixture, NULL, fixture_set_up, test_remove_bundles,
              fixture_tear_down);

  return g_test_run ();
}
