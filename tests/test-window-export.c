/* test-window-export.c: the window's export runs from the main loop, shows its progress, and Cancel leaves no file;
 * its dialog exports what it chooses
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ent-export-dialog.h"
#include "ent-graph-view.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"
#include "ent-window.h"
#include "ent-window-private.h"

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

static gboolean
has_no_dialog (Fixture *fixture)
{
  return _ent_window_get_export_dialog (fixture->window) == NULL;
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
  /* A tall, narrow window, whose visible area is taller than wide, without the panel beside the view. */
  if (data != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 960);
      g_object_set (fixture->window, "panel-visible", FALSE, NULL);
    }
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

/* Runs what @widget's shortcut for the key does, as a key press would. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                 widget, gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The export dialog as Ctrl+E opens it. */
static EntExportDialog *
open_dialog (Fixture *fixture)
{
  EntExportDialog *dialog;

  g_assert_null (_ent_window_get_export_dialog (fixture->window));
  g_assert_true (press_key (GTK_WIDGET (fixture->window), GDK_KEY_e, GDK_CONTROL_MASK));
  dialog = _ent_window_get_export_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Export Diagram");

  return dialog;
}

static gpointer
dialog_child (EntExportDialog *dialog,
              const char      *name)
{
  return template_child (dialog, ENT_TYPE_EXPORT_DIALOG, name);
}

/* The rows' positions in the dialog, as a user picks them. */
enum { FORMAT_PNG, FORMAT_SVG, FORMAT_PDF };
enum { SCOPE_ALL, SCOPE_SHOWN, SCOPE_VISIBLE, SCOPE_NEIGHBOURS };
enum { SIZE_SCREEN, SIZE_100, SIZE_200, SIZE_300_DPI, SIZE_WIDTH };

static void
choose (EntExportDialog *dialog,
        const char      *row,
        guint            position)
{
  AdwComboRow *combo = dialog_child (dialog, row);

  g_assert_cmpuint (position, <, g_list_model_get_n_items (adw_combo_row_get_model (combo)));
  adw_combo_row_set_selected (combo, position);
}

static gboolean
is_visible (EntExportDialog *dialog,
            const char      *name)
{
  return gtk_widget_is_visible (dialog_child (dialog, name));
}

static const char *
size_line (EntExportDialog *dialog)
{
  return adw_action_row_get_subtitle (dialog_child (dialog, "size_row"));
}

static gboolean
can_export (EntExportDialog *dialog)
{
  return gtk_widget_is_sensitive (dialog_child (dialog, "export_button"));
}

/* Exports through the dialog as its rows are set, and waits for the file. */
static char *
export_through (Fixture         *fixture,
                EntExportDialog *dialog,
                const char      *name)
{
  char *output = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (can_export (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (_ent_export_dialog_export_to (dialog, output));
  /* The dialog closes once the export has started. */
  g_assert_null (_ent_window_get_export_dialog (fixture->window));
  g_assert_true (wait_until (is_idle, fixture, 30));
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  g_assert_null (dialog);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));

  return output;
}

/* The entities an SVG export draws, by the ids of their groups. */
static GHashTable *
svg_entities (const char *path)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *svg = NULL;
  const char *at;

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  for (at = strstr (svg, "id=\"entity-"); at != NULL; at = strstr (at + 1, "id=\"entity-"))
    {
      gint64 id = g_ascii_strtoll (at + strlen ("id=\"entity-"), NULL, 10);

      g_assert_cmpint (id, >, 0);
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return ids;
}

static void
add_id (GHashTable *ids,
        gint64      id)
{
  g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
}

static void
assert_same_entities (GHashTable *found,
                      GHashTable *expected)
{
  GHashTableIter iter;
  gint64 *id;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (found, id))
      g_error ("entity %" G_GINT64_FORMAT " missing from the export", *id);
  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!g_hash_table_contains (expected, id))
      g_error ("entity %" G_GINT64_FORMAT " exported, but not to be", *id);
}

static guint
count_nodes (EntScene *scene)
{
  guint n = 0;

  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    if (ent_scene_get_item (scene, i)->type == ENT_SCENE_ITEM_NODE)
      n++;
  return n;
}

/* The first node of the scene, whose neighbours are some but not all of the rest. */
static const EntSceneItem *
find_node_with_some_neighbours (EntScene *scene)
{
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *node = ent_scene_get_item (scene, i);
      guint n_relations = 0;

      if (node->type != ENT_SCENE_ITEM_NODE)
        continue;
      for (guint j = 0; j < ent_scene_get_n_items (scene); j++)
        {
          const EntSceneItem *edge = ent_scene_get_item (scene, j);

          if (edge->type == ENT_SCENE_ITEM_EDGE && (edge->from_id == node->id || edge->to_id == node->id))
            n_relations++;
        }
      if (n_relations >= 2 && n_relations + 1 < count_nodes (scene))
        return node;
    }

  g_assert_not_reached ();
}

/* Zoomed in on one entity, "Visible area" exports the entities the view shows there, and only those. */
static void
test_dialog_visible_area (Fixture       *fixture,
                          gconstpointer  data)
{
  EntScene *scene = ent_graph_view_get_scene (fixture->view);
  const EntSceneItem *node = find_node_with_some_neighbours (scene);
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) found = NULL;
  g_autofree char *output = NULL;
  EntExportDialog *dialog;
  EntRect area;

  ent_graph_view_set_zoom (fixture->view, 3.0, 0, 0);
  ent_graph_view_center_on (fixture->view, node->cx, node->cy);
  wait_for_frames (view, 2);

  ent_graph_view_widget_to_graph (fixture->view, 0, 0, &area.x1, &area.y1);
  ent_graph_view_widget_to_graph (fixture->view, gtk_widget_get_width (view), gtk_widget_get_height (view),
                                  &area.x2, &area.y2);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE && ent_rect_intersects (&item->bounds, &area) &&
          ent_graph_view_is_entity_shown (fixture->view, item->id))
        add_id (expected, item->id);
    }
  g_assert_true (g_hash_table_contains (expected, &node->id));
  g_assert_cmpuint (g_hash_table_size (expected), <, count_nodes (scene));

  dialog = open_dialog (fixture);
  choose (dialog, "format_row", FORMAT_SVG);
  choose (dialog, "scope_row", SCOPE_VISIBLE);
  /* With the legend, and the caption, under the area: what lies below it on the diagram stays out. */
  g_assert_true (gtk_switch_get_active (dialog_child (dialog, "legend_switch")));
  gtk_switch_set_active (dialog_child (dialog, "caption_switch"), TRUE);
  output = export_through (fixture, dialog, "visible.svg");

  found = svg_entities (output);
  assert_same_entities (found, expected);
}

/* "Selection and neighbours" exports the selected entity and those it is related to; without a selection
 * there is no such choice. */
static void
test_dialog_neighbours (Fixture       *fixture,
                        gconstpointer  data)
{
  EntScene *scene = ent_graph_view_get_scene (fixture->view);
  const EntSceneItem *node = find_node_with_some_neighbours (scene);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) found = NULL;
  g_autofree char *output = NULL;
  EntExportDialog *dialog;
  AdwComboRow *scope;

  g_assert_cmpint (ent_graph_view_get_selected_entity (fixture->view), ==, 0);
  dialog = open_dialog (fixture);
  scope = dialog_child (dialog, "scope_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scope)), ==, SCOPE_NEIGHBOURS);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_null (_ent_window_get_export_dialog (fixture->window));

  ent_graph_view_select_entity (fixture->view, node->id);
  add_id (expected, node->id);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *edge = ent_scene_get_item (scene, i);

      if (edge->type != ENT_SCENE_ITEM_EDGE)
        continue;
      if (edge->from_id == node->id)
        add_id (expected, edge->to_id);
      else if (edge->to_id == node->id)
        add_id (expected, edge->from_id);
    }
  g_assert_cmpuint (g_hash_table_size (expected), >=, 3);
  g_assert_cmpuint (g_hash_table_size (expected), <, count_nodes (scene));

  dialog = open_dialog (fixture);
  scope = dialog_child (dialog, "scope_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (scope)), ==, SCOPE_NEIGHBOURS + 1);
  choose (dialog, "format_row", FORMAT_SVG);
  choose (dialog, "scope_row", SCOPE_NEIGHBOURS);
  output = export_through (fixture, dialog, "neighbours.svg");

  found = svg_entities (output);
  assert_same_entities (found, expected);
}

/* With a kind hidden, "What the filters show" exports what the view shows, and "Whole network" everything. */
static void
test_dialog_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  EntScene *scene = ent_graph_view_get_scene (fixture->view);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) everything = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GHashTable) found_all = NULL;
  g_autofree char *output = NULL;
  g_autofree char *output_all = NULL;
  EntExportDialog *dialog;

  ent_graph_view_set_kind_visible (fixture->view, "sector", FALSE);
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type != ENT_SCENE_ITEM_NODE)
        continue;
      add_id (everything, item->id);
      if (ent_graph_view_is_entity_shown (fixture->view, item->id))
        add_id (expected, item->id);
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_assert_cmpuint (g_hash_table_size (expected), <, g_hash_table_size (everything));

  dialog = open_dialog (fixture);
  choose (dialog, "format_row", FORMAT_SVG);
  choose (dialog, "scope_row", SCOPE_SHOWN);
  output = export_through (fixture, dialog, "shown.svg");
  found = svg_entities (output);
  assert_same_entities (found, expected);

  dialog = open_dialog (fixture);
  choose (dialog, "format_row", FORMAT_SVG);
  choose (dialog, "scope_row", SCOPE_ALL);
  output_all = export_through (fixture, dialog, "all.svg");
  found_all = svg_entities (output_all);
  assert_same_entities (found_all, everything);
}

/*
 * With the timeline's 1991 chosen, an export of what the filters show and
 * the evidence report hold only what happened then, and say so; the chip
 * over the diagram takes the filter away.
 */
static void
test_time_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  EntTimelineView *timeline = template_child (fixture->window, ENT_TYPE_WINDOW, "timeline");
  GtkBox *chips = template_child (fixture->window, ENT_TYPE_WINDOW, "filter_chips");
  EntScene *scene = ent_graph_view_get_scene (fixture->view);
  EntGraph *graph = ent_window_get_graph (fixture->window);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) found = NULL;
  g_autofree char *output = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *report = g_build_filename (fixture->dir, "report.html", NULL);
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  EntExportDialog *dialog;
  gint64 recognition = 0;
  double x, y;

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      if (g_strcmp0 (entity->start_date, "1991") == 0)
        recognition = entity->id;
    }
  g_assert_cmpint (recognition, !=, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-timeline", NULL);
  wait_for_frames (GTK_WIDGET (timeline), 30);
  g_assert_true (ent_timeline_view_find_mark (timeline, ENT_TIME_ITEM_ENTITY, recognition, &x, &y));
  ent_timeline_view_click (timeline, x, y);
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chips)));
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (chips)));

  /* What the view shows: the 1991 event, and the ends of the relations of 1991. */
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (scene, i);

      if (item->type == ENT_SCENE_ITEM_NODE && ent_graph_view_is_entity_shown (fixture->view, item->id))
        add_id (expected, item->id);
    }
  g_assert_cmpuint (g_hash_table_size (expected), ==, 3);
  g_assert_true (g_hash_table_contains (expected, &recognition));

  dialog = open_dialog (fixture);
  choose (dialog, "format_row", FORMAT_SVG);
  choose (dialog, "scope_row", SCOPE_SHOWN);
  output = export_through (fixture, dialog, "1991.svg");
  found = svg_entities (output);
  assert_same_entities (found, expected);
  g_assert_true (g_file_get_contents (output, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "Only what happened in 1991"));

  g_assert_true (_ent_window_write_report (fixture->window, report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (report, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Only what happened in 1991"));
  g_assert_nonnull (strstr (html, "independence in 1991"));
  /* Sergei Aleinik is no part of 1991, nor is his quote. */
  g_assert_null (strstr (html, "Belarusian Minister of Foreign Affairs, Sergei Aleinik"));

  /* The chip's button takes the filter away. */
  g_signal_emit_by_name (gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (chips))), "clicked");
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chips)));
  g_assert_null (ent_view_state_get_filter (ent_graph_view_get_view_state (fixture->view), ENT_VIEW_FILTER_TIME));
  g_assert_false (ent_timeline_view_get_range (timeline, &(EntTimeRange) { 0 }));
}

/* Only the rows of the format chosen show; the PNG's size is told as the choices change it. */
static void
test_dialog_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  EntExportDialog *dialog = open_dialog (fixture);
  g_autofree char *screen = NULL;
  g_autofree char *no_legend = NULL;
  g_autofree char *visible = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pdf = NULL;
  gsize length;

  /* PNG by default, at the screen's size. */
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "format_row")), ==, FORMAT_PNG);
  g_assert_true (is_visible (dialog, "size_row"));
  g_assert_false (is_visible (dialog, "width_row"));
  g_assert_false (is_visible (dialog, "paper_row"));
  g_assert_false (is_visible (dialog, "poster_row"));
  g_assert_true (is_visible (dialog, "background_row"));
  g_assert_true (gtk_switch_get_active (dialog_child (dialog, "legend_switch")));
  g_assert_false (gtk_switch_get_active (dialog_child (dialog, "caption_switch")));
  g_assert_true (can_export (dialog));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == dialog_child (dialog, "export_button"));

  screen = g_strdup (size_line (dialog));
  g_assert_true (g_str_has_suffix (screen, "MB uncompressed"));
  g_assert_nonnull (strstr (screen, " × "));

  gtk_switch_set_active (dialog_child (dialog, "legend_switch"), FALSE);
  no_legend = g_strdup (size_line (dialog));
  g_assert_cmpstr (no_legend, !=, screen);

  choose (dialog, "scope_row", SCOPE_VISIBLE);
  visible = g_strdup (size_line (dialog));
  g_assert_cmpstr (visible, !=, no_legend);

  choose (dialog, "size_row", SIZE_WIDTH);
  g_assert_true (is_visible (dialog, "width_row"));
  gtk_spin_button_set_value (dialog_child (dialog, "width_spin"), 640);
  g_assert_true (g_str_has_prefix (size_line (dialog), "640 × "));
  g_assert_true (can_export (dialog));

  choose (dialog, "format_row", FORMAT_SVG);
  g_assert_false (is_visible (dialog, "size_row"));
  g_assert_false (is_visible (dialog, "width_row"));
  g_assert_false (is_visible (dialog, "paper_row"));

  choose (dialog, "format_row", FORMAT_PDF);
  g_assert_false (is_visible (dialog, "size_row"));
  g_assert_true (is_visible (dialog, "paper_row"));
  g_assert_true (is_visible (dialog, "orientation_row"));
  g_assert_true (is_visible (dialog, "poster_row"));
  g_assert_true (can_export (dialog));

  /* A page the diagram's size has no orientation, unless it is printed as a poster. */
  choose (dialog, "paper_row", 3);
  g_assert_false (is_visible (dialog, "orientation_row"));
  gtk_spin_button_set_value (dialog_child (dialog, "poster_spin"), 4);
  g_assert_true (is_visible (dialog, "orientation_row"));
  choose (dialog, "paper_row", 0);
  choose (dialog, "orientation_row", 1);
  gtk_spin_button_set_value (dialog_child (dialog, "poster_spin"), 1);

  output = export_through (fixture, dialog, "visible.pdf");
  g_assert_true (g_file_get_contents (output, &pdf, &length, NULL));
  g_assert_true (length > 4 && memcmp (pdf, "%PDF", 4) == 0);
}

/* A PNG too large to make says so, and cannot be exported. */
static void
test_dialog_too_large (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  EntExportDialog *dialog;
  g_autofree char *output = g_build_filename (fixture->dir, "too-large.png", NULL);
  g_autofree char *fits = NULL;
  g_autoptr(GPtrArray) outputs = NULL;

  /* The visible area of this window is taller than wide: at the widest PNG, it would be too high. */
  g_assert_cmpint (gtk_widget_get_height (view), >, gtk_widget_get_width (view));

  dialog = open_dialog (fixture);
  choose (dialog, "scope_row", SCOPE_VISIBLE);
  gtk_switch_set_active (dialog_child (dialog, "legend_switch"), FALSE);
  choose (dialog, "size_row", SIZE_WIDTH);
  gtk_spin_button_set_value (dialog_child (dialog, "width_spin"), 1000);
  g_assert_true (can_export (dialog));
  fits = g_strdup (size_line (dialog));
  g_assert_true (g_str_has_prefix (fits, "1000 × "));

  gtk_spin_button_set_value (dialog_child (dialog, "width_spin"), 32767);
  g_assert_cmpstr (size_line (dialog), !=, fits);
  g_assert_nonnull (strstr (size_line (dialog), "Too large"));
  g_assert_false (can_export (dialog));
  g_assert_false (_ent_export_dialog_export_to (dialog, output));
  g_assert_false (ent_window_is_exporting (fixture->window));
  g_assert_true (_ent_window_get_export_dialog (fixture->window) == dialog);

  /* SVG has no such limit. */
  choose (dialog, "format_row", FORMAT_SVG);
  g_assert_true (can_export (dialog));
  choose (dialog, "format_row", FORMAT_PNG);
  g_assert_false (can_export (dialog));

  gtk_spin_button_set_value (dialog_child (dialog, "width_spin"), 1000);
  g_assert_cmpstr (size_line (dialog), ==, fits);
  g_assert_true (can_export (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  outputs = list_outputs (fixture);
  g_assert_cmpuint (outputs->len, ==, 0);
}

/* Ctrl+E opens the dialog and Escape closes it, leaving nothing behind; while an export runs it does not open. */
static void
test_dialog_escape (Fixture       *fixture,
                    gconstpointer  data)
{
  EntExportDialog *dialog = open_dialog (fixture);
  g_autoptr(GPtrArray) outputs = NULL;
  g_autofree char *output = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_toplevels = g_list_model_get_n_items (toplevels);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (press_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0));
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  g_assert_null (dialog);
  g_assert_null (_ent_window_get_export_dialog (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_toplevels - 1);
  g_assert_false (ent_window_is_exporting (fixture->window));
  outputs = list_outputs (fixture);
  g_assert_cmpuint (outputs->len, ==, 0);

  /* It opens again, and Cancel closes it the same way. */
  dialog = open_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate (dialog_child (dialog, "cancel_button")));
  /* A button activated from the keyboard shows itself pressed for a moment before it acts. */
  for (gint64 end = g_get_monotonic_time () + 5 * test_slowdown () * G_USEC_PER_SEC;
       dialog != NULL && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (dialog);
  g_assert_null (_ent_window_get_export_dialog (fixture->window));

  /* Not while an export runs. */
  output = g_build_filename (fixture->dir, "large.png", NULL);
  g_assert_true (ent_window_export_file (fixture->window, output,
                                         &(EntExportOptions) { .width = 30000, .strip_rows = 32 }));
  g_assert_false (press_key (GTK_WIDGET (fixture->window), GDK_KEY_e, GDK_CONTROL_MASK) &&
                  _ent_window_get_export_dialog (fixture->window) != NULL);
  g_assert_null (_ent_window_get_export_dialog (fixture->window));
  _ent_window_cancel_export (fixture->window);
}

/* The toplevel of @type, shown and transient for @parent, if there is one. */
static GtkWindow *
find_transient (GtkWindow *parent,
                GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          gtk_window_get_transient_for (toplevel) == parent)
        return toplevel;
    }

  return NULL;
}

static gboolean
wait_for_transient (GtkWindow *parent,
                    GType      type,
                    GtkWindow **found)
{
  gint64 end = g_get_monotonic_time () + 10 * test_slowdown () * G_USEC_PER_SEC;

  while ((*found = find_transient (parent, type)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  return *found != NULL;
}

/* Enter asks for the file, named after the network, with the format's extension; a name typed without it
 * gets it, and asks before it replaces a file of that name. */
static void
test_dialog_chooser (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "chosen.svg", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GHashTable) found = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *svg = NULL;
  EntExportDialog *dialog;
  GtkWindow *chooser, *message;
  GtkFileFilter *filter;

  if (test_slowdown () > 1)
    {
      /* GTK's own file chooser, which only this test opens, loads libcloudproviders and GIO modules that keep
       * what they allocate until the process ends; the sanitizer build would report it as leaked. */
      g_test_skip ("The file chooser is checked in the build without sanitizers");
      return;
    }

  dialog = open_dialog (fixture);
  g_assert_true (g_file_set_contents (output, "an older file", -1, NULL));
  choose (dialog, "format_row", FORMAT_SVG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  g_assert_true (wait_for_transient (GTK_WINDOW (dialog), GTK_TYPE_FILE_CHOOSER_DIALOG, &chooser));

  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  expected_name = g_strdup_printf ("%s.svg", adw_window_title_get_title (fixture->window->window_title));
  g_strdelimit (expected_name, "/\\:", '-');
  g_assert_cmpstr (name, ==, expected_name);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "SVG drawing");

  /* The chooser settles on its first folder before it takes another. */
  wait_for_frames (GTK_WIDGET (chooser), 20);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  wait_for_frames (GTK_WIDGET (chooser), 20);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "chosen");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (wait_for_transient (GTK_WINDOW (dialog), ADW_TYPE_MESSAGE_DIALOG, &message));
  g_assert_false (ent_window_is_exporting (fixture->window));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "replace");

  g_assert_true (wait_until (has_no_dialog, fixture, 10));
  g_assert_true (wait_until (is_idle, fixture, 30));
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  g_assert_null (dialog);
  g_assert_true (g_file_get_contents (output, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml") || strstr (svg, "<svg") != NULL);
  found = svg_entities (output);
  g_assert_cmpuint (g_hash_table_size (found), ==, count_nodes (ent_graph_view_get_scene (fixture->view)));
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
  g_test_add ("/ent/window-export/dialog/visible-area", Fixture, NULL, fixture_set_up, test_dialog_visible_area,
              fixture_tear_down);
  g_test_add ("/ent/window-export/dialog/neighbours", Fixture, NULL, fixture_set_up, test_dialog_neighbours,
              fixture_tear_down);
  g_test_add ("/ent/window-export/dialog/filters", Fixture, NULL, fixture_set_up, test_dialog_filters,
              fixture_tear_down);
  g_test_add ("/ent/window-export/dialog/time-filter", Fixture, NULL, fixture_set_up, test_time_filter,
              fixture_tear_down);
  g_test_add ("/ent/window-export/dialog/rows", Fixture, NULL, fixture_set_up, test_dialog_rows, fixture_tear_down);
  g_test_add ("/ent/window-export/dialog/too-large", Fixture, "narrow", fixture_set_up, test_dialog_too_large,
              fixture_tear_down);
  g_test_add ("/ent/window-export/dialog/chooser", Fixture, NULL, fixture_set_up, test_dialog_chooser,
              fixture_tear_down);
  g_test_add ("/ent/window-export/dialog/escape", Fixture, NULL, fixture_set_up, test_dialog_escape,
              fixture_tear_down);

  return g_test_run ();
}
