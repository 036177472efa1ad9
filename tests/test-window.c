/* test-window.c: the application window
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ent-graph-view.h"
#include "ent-kind-dialog.h"
#include "ent-kind-filter.h"
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

static GtkToggleButton *
find_legend_entry (EntKindFilter *filter,
                   const char    *label)
{
  GtkWidget *flow_box = template_child (filter, ENT_TYPE_KIND_FILTER, "flow_box");

  for (GtkWidget *child = gtk_widget_get_first_child (flow_box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      GtkWidget *box = gtk_button_get_child (GTK_BUTTON (button));

      if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box))), label))
        return GTK_TOGGLE_BUTTON (button);
    }

  return NULL;
}

static EntKindDialog *
find_kind_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ENT_IS_KIND_DIALOG (toplevel))
        return ENT_KIND_DIALOG (toplevel);
    }

  return NULL;
}

/* A kind the file adds is in the legend, hides and shows its nodes, and is edited from there with undo. */
static void
test_custom_kind (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "airports.entente", NULL);
  EntKindInfo airport = { .key = (char *) "airport", .label = (char *) "Airport", .shape = (char *) "diamond",
                          .glyph = (char *) "dot", .color = (char *) "#2ec27e", .dark_color = (char *) "#8ff0a4" };
  EntEntity minsk = { .kind_key = (char *) "airport", .name = (char *) "Minsk National Airport" };
  EntEntity aleinik = { .kind = ENT_KIND_PERSON, .name = (char *) "Sergei Aleinik" };
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_CREATE, &error);
  EntWindow *window;
  EntGraphView *view;
  EntKindFilter *filter;
  EntKindDialog *dialog;
  GtkToggleButton *entry;
  gint64 minsk_id;

  g_assert_no_error (error);
  g_assert_true (ent_store_add_kind (store, &airport, &error));
  minsk_id = ent_store_add_entity (store, &minsk, &error);
  g_assert_cmpint (ent_store_add_entity (store, &aleinik, &error), >, 0);
  g_clear_object (&store);

  window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, path));
  view = template_child (window, ENT_TYPE_WINDOW, "graph_view");
  filter = template_child (window, ENT_TYPE_WINDOW, "kind_filter");
  wait_for_scene (view);

  entry = find_legend_entry (filter, "Airport");
  g_assert_nonnull (entry);
  g_assert_nonnull (find_legend_entry (filter, "Person"));
  g_assert_true (ent_graph_view_is_entity_shown (view, minsk_id));
  gtk_toggle_button_set_active (entry, FALSE);
  g_assert_false (ent_graph_view_get_kind_visible (view, "airport"));
  g_assert_false (ent_graph_view_is_entity_shown (view, minsk_id));
  gtk_toggle_button_set_active (entry, TRUE);
  g_assert_true (ent_graph_view_is_entity_shown (view, minsk_id));

  /* The entry's menu opens the kind dialog; saving is one edit that Ctrl+Z takes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (entry), "legend.edit-kind", "s", "airport"));
  dialog = find_kind_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (template_child (dialog, ENT_TYPE_KIND_DIALOG, "name_row"), "Aerodrome");
  adw_combo_row_set_selected (template_child (dialog, ENT_TYPE_KIND_DIALOG, "shape_row"), 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit-dialog.confirm", NULL));
  g_assert_null (find_kind_dialog ());
  g_assert_cmpstr (ent_graph_get_kind (ent_window_get_graph (window), "airport")->label, ==, "Aerodrome");
  g_assert_cmpstr (ent_graph_get_kind (ent_window_get_graph (window), "airport")->shape, ==, "pin");
  g_assert_nonnull (find_legend_entry (filter, "Aerodrome"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (ent_graph_get_kind (ent_window_get_graph (window), "airport")->label, ==, "Airport");
  g_assert_cmpstr (ent_graph_get_kind (ent_window_get_graph (window), "airport")->shape, ==, "diamond");
  g_assert_nonnull (find_legend_entry (filter, "Airport"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
legend_expanded (gpointer filter)
{
  gboolean expanded;

  g_object_get (filter, "expanded", &expanded, NULL);
  return expanded;
}

/* Presses @button as the Space key does, and waits until it has been clicked: it looks pressed a moment first. */
static void
press_button (GtkWidget *button)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button));
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (gtk_widget_activate (button));
  while (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) == active && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)) != active);
  wait_for_frames (button, 2);
}

/* The bundled network is shown clear of the legend and the zoom buttons, fitted and centred; the legend collapses. */
static void
test_nothing_hidden (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-window-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "india-belarus.entente");
  g_autoptr(GSettings) settings = g_settings_new ("org.entente.Entente");
  EntWindow *window = g_object_new (ENT_TYPE_WINDOW, NULL);
  EntGraphView *view = template_child (window, ENT_TYPE_WINDOW, "graph_view");
  EntKindFilter *filter = template_child (window, ENT_TYPE_WINDOW, "kind_filter");
  GtkWidget *controls[] = { GTK_WIDGET (filter), template_child (window, ENT_TYPE_WINDOW, "zoom_controls") };
  GtkWidget *button = template_child (filter, ENT_TYPE_KIND_FILTER, "expand_button");
  GtkWidget *entries = template_child (filter, ENT_TYPE_KIND_FILTER, "flow_box");
  EntScene *scene;
  double fit_zoom;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, path));
  wait_for_scene (view);
  wait_for_frames (GTK_WIDGET (window), 3);

  /* Opened, and fitted again after zooming in. The first fit may come before the floating controls have their
   * final sizes, so the zoom to compare with is that of a fit once they have them. */
  assert_nodes_clear (view, controls, G_N_ELEMENTS (controls));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-fit", NULL));
  wait_for_frames (GTK_WIDGET (window), 3);
  fit_zoom = ent_graph_view_get_zoom (view);
  for (int i = 0; i < 3; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.zoom-fit", NULL));
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), ==, fit_zoom);
  assert_nodes_clear (view, controls, G_N_ELEMENTS (controls));

  /* Each node centred on, as a search result is. */
  scene = ent_graph_view_get_scene (view);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type != ENT_SCENE_ITEM_NODE)
        continue;
      ent_graph_view_center_on (view, item->cx, item->cy);
      assert_node_clear (view, item->id, controls, G_N_ELEMENTS (controls));
    }

  /* Collapsed from the keyboard, the legend is its button, remembered; the next fit has more room. */
  g_assert_true (gtk_widget_get_mapped (entries));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Hide Legend");
  press_button (button);
  g_assert_false (legend_expanded (filter));
  g_assert_false (gtk_widget_get_mapped (entries));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show Legend");
  g_assert_false (g_settings_get_boolean (settings, "legend-visible"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (filter)), <, 100);
  ent_graph_view_zoom_fit (view);
  g_assert_cmpfloat (ent_graph_view_get_zoom (view), >=, fit_zoom);
  assert_nodes_clear (view, controls, G_N_ELEMENTS (controls));

  press_button (button);
  g_assert_true (legend_expanded (filter));
  g_assert_true (gtk_widget_get_mapped (entries));
  g_assert_true (g_settings_get_boolean (settings, "legend-visible"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new window's legend starts as the last one was left. */
  g_settings_set_boolean (settings, "legend-visible", FALSE);
  window = g_object_new (ENT_TYPE_WINDOW, NULL);
  g_assert_false (legend_expanded (template_child (window, ENT_TYPE_WINDOW, "kind_filter")));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "legend-visible");
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
  g_test_add_func ("/ent/window/custom-kind", test_custom_kind);
  g_test_add_func ("/ent/window/nothing-hidden", test_nothing_hidden);

  return g_test_run ();
}
