/* test-timeline-view.c: the timeline strip: its marks, clicks and keys that choose a range, the filter and what it says
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "ent-test-util.h"
#include "ent-test-widgets.h"
#include "ent-timeline-view.h"

typedef struct
{
  GtkWidget       *window;
  EntTimelineView *view;
  EntGraph        *graph;
  guint            n_changes;
} Fixture;

static void
count_change (EntTimelineView *view,
              Fixture         *fixture)
{
  fixture->n_changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->graph = load_bundled ();
  fixture->window = gtk_window_new ();
  fixture->view = ENT_TIMELINE_VIEW (ent_timeline_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, -1);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  ent_timeline_view_set_graph (fixture->view, fixture->graph);
  g_signal_connect (fixture->view, "range-changed", G_CALLBACK (count_change), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (gtk_widget_get_width (GTK_WIDGET (fixture->view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ent_graph_unref (fixture->graph);
}

static gint32
day (guint year,
     guint month,
     guint d)
{
  return ent_time_day (ENT_TIME_BAND_YEARS, year, month, d);
}

/* A relation of the bundled network dated 1991. */
static const EntRelation *
relation_of_1991 (EntGraph *graph)
{
  for (guint i = 0; i < graph->relations->len; i++)
    {
      const EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (g_strcmp0 (relation->start_date, "1991") == 0)
        return relation;
    }
  g_assert_not_reached ();
}

static gboolean
press_key (EntTimelineView *view,
           guint            keyval,
           GdkModifierType  state)
{
  GtkEventController *keys = find_controller (GTK_WIDGET (view), GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static void
assert_range (EntTimelineView *view,
              EntTimeBand      band,
              gint32           start,
              gint32           end)
{
  EntTimeRange range;

  g_assert_true (ent_timeline_view_get_range (view, &range));
  g_assert_cmpint (range.band, ==, band);
  g_assert_cmpint (range.start, ==, start);
  g_assert_cmpint (range.end, ==, end);
}

/* Writes the strip as a PNG when ENTENTE_TIMELINE_SCREENSHOT names a file, to look at it. */
static void
maybe_screenshot (Fixture    *fixture,
                  const char *suffix)
{
  const char *path = g_getenv ("ENTENTE_TIMELINE_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  int height = gtk_widget_get_height (GTK_WIDGET (fixture->view));
  GskRenderer *renderer;

  if (path == NULL)
    return;

  wait_for_frames (GTK_WIDGET (fixture->view), 2);
  paintable = gtk_widget_paintable_new (fixture->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (fixture->window),
                          gtk_widget_get_height (fixture->window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  file = g_strdup_printf ("%s%s.png", path, suffix);
  g_assert_true (gdk_texture_save_to_png (texture, file));
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
}

/* Clicking the 1991 mark selects 1991, and the filter lets through what happened then. */
static void
test_click_mark (Fixture       *fixture,
                 gconstpointer  data)
{
  const EntRelation *relation = relation_of_1991 (fixture->graph);
  g_autoptr(EntTimeline) timeline = ent_timeline_new (fixture->graph);
  EntTimeRange year = { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };
  g_autoptr(EntItemFilter) expected = ent_timeline_filter (timeline, ENT_TIME_HAPPENED, &year);
  g_autoptr(EntItemFilter) filter = NULL;
  g_autofree char *value = NULL;
  double x, y;

  g_assert_null (ent_timeline_view_get_filter (fixture->view));
  gtk_test_accessible_assert_role (fixture->view, GTK_ACCESSIBLE_ROLE_SLIDER);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, "No time range is chosen");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));
  maybe_screenshot (fixture, "");

  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_RELATION, relation->id, &x, &y));
  ent_timeline_view_click (fixture->view, x, y);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  assert_range (fixture->view, ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1));
  g_assert_cmpint (ent_timeline_view_get_mode (fixture->view), ==, ENT_TIME_HAPPENED);

  filter = ent_timeline_view_get_filter (fixture->view);
  g_assert_nonnull (filter);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what happened in 1991");
  g_assert_true (ent_item_filter_has_relation (filter, relation->id));
  g_assert_true (ent_item_filter_has_entity (filter, relation->from_id));
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, ent_item_filter_get_n_entities (expected));
  g_assert_cmpuint (ent_item_filter_get_n_relations (filter), ==, ent_item_filter_get_n_relations (expected));

  value = g_strdup_printf ("1991: %u entities and %u relations", ent_item_filter_get_n_entities (expected),
                           ent_item_filter_get_n_relations (expected));
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Only what happened in 1991");
  maybe_screenshot (fixture, "-1991");

  /* The same click again changes nothing; a click away from the marks clears the range. */
  ent_timeline_view_click (fixture->view, x, y);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  ent_timeline_view_click (fixture->view, x, 80);
  g_assert_cmpuint (fixture->n_changes, ==, 2);
  g_assert_null (ent_timeline_view_get_filter (fixture->view));
}

/* The visit, 11–13 March without a year, has its mark in the band of days without a year. */
static void
test_click_yearless (Fixture       *fixture,
                     gconstpointer  data)
{
  EntEntity *visit = find_entity (fixture->graph, "Aleinik's visit to India");
  g_autoptr(EntItemFilter) filter = NULL;
  double x, y, x_1991, y_1991;

  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_ENTITY, visit->id, &x, &y));
  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_RELATION,
                                              relation_of_1991 (fixture->graph)->id, &x_1991, &y_1991));
  /* Right of the years, in a band of its own. */
  g_assert_cmpfloat (x, >, x_1991);
  ent_timeline_view_click (fixture->view, x, y);
  assert_range (fixture->view, ENT_TIME_BAND_YEARLESS, 70, 73);
  filter = ent_timeline_view_get_filter (fixture->view);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what happened on 11–13 March (year not given)");
  g_assert_true (ent_item_filter_has_entity (filter, visit->id));
  maybe_screenshot (fixture, "-visit");
}

/* Arrow keys move the range by its width, Shift with them moves its end, Escape clears it. */
static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  EntTimeRange range = { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };
  g_autoptr(EntItemFilter) filter = NULL;

  /* Without a range, Right starts one at the first of what has a date, in the axis's unit. */
  g_assert_true (press_key (fixture->view, GDK_KEY_Right, 0));
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_true (ent_timeline_view_get_range (fixture->view, &range));
  g_assert_cmpint (range.band, ==, ENT_TIME_BAND_YEARS);
  g_assert_cmpint (range.start, ==, day (1991, 1, 1));

  range = (EntTimeRange) { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };
  ent_timeline_view_set_range (fixture->view, &range);
  fixture->n_changes = 0;

  g_assert_true (press_key (fixture->view, GDK_KEY_Right, 0));
  assert_range (fixture->view, ENT_TIME_BAND_YEARS, day (1992, 1, 1), day (1993, 1, 1));
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "1992: 0 entities and 0 relations");
  filter = ent_timeline_view_get_filter (fixture->view);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 0);

  g_assert_true (press_key (fixture->view, GDK_KEY_Left, GDK_SHIFT_MASK));
  assert_range (fixture->view, ENT_TIME_BAND_YEARS, day (1992, 1, 1), day (1993, 1, 1));
  g_assert_true (press_key (fixture->view, GDK_KEY_Left, 0));
  g_assert_true (press_key (fixture->view, GDK_KEY_Right, GDK_SHIFT_MASK));
  assert_range (fixture->view, ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1993, 1, 1));
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Only what happened between 1991 and 1992");
  g_assert_cmpuint (fixture->n_changes, ==, 3);

  /* Home and End: to the first and the last of what has a date. */
  g_assert_true (press_key (fixture->view, GDK_KEY_End, 0));
  assert_range (fixture->view, ENT_TIME_BAND_YEARS, day (1990, 1, 1), day (1992, 1, 1));
  g_assert_true (press_key (fixture->view, GDK_KEY_Home, 0));
  assert_range (fixture->view, ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1993, 1, 1));

  /* M switches to what was reported: the bundled source has no date, so nothing. */
  g_assert_true (press_key (fixture->view, GDK_KEY_m, 0));
  g_assert_cmpint (ent_timeline_view_get_mode (fixture->view), ==, ENT_TIME_REPORTED);
  g_clear_pointer (&filter, ent_item_filter_unref);
  filter = ent_timeline_view_get_filter (fixture->view);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what was reported between 1991 and 1992");
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 0);
  ent_timeline_view_set_mode (fixture->view, ENT_TIME_HAPPENED);

  fixture->n_changes = 0;
  g_assert_true (press_key (fixture->view, GDK_KEY_Escape, 0));
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_false (ent_timeline_view_get_range (fixture->view, &range));
  g_assert_null (ent_timeline_view_get_filter (fixture->view));
  /* With nothing to clear, Escape is for the window. */
  g_assert_false (press_key (fixture->view, GDK_KEY_Escape, 0));
}

/* A drag selects whole units of the axis; a drag that starts on the range moves it. */
static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  GtkGesture *drag = GTK_GESTURE (find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_GESTURE_DRAG));
  const EntRelation *relation = relation_of_1991 (fixture->graph);
  EntTimeRange range;
  double x, y;

  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_RELATION, relation->id, &x, &y));
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 1.0, 0.0);
  /* Less than the threshold: still a click. */
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 0.0);
  g_assert_true (ent_timeline_view_get_range (fixture->view, &range));
  g_assert_cmpint (ent_time_range_get_precision (&range), !=, ENT_TIME_DAY);
  g_assert_cmpint (range.start, <=, day (1991, 12, 31));
  g_signal_emit_by_name (drag, "drag-end", 40.0, 0.0);

  /* Moving the 1991 range left by a wide step. */
  range = (EntTimeRange) { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };
  ent_timeline_view_set_range (fixture->view, &range);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", -200.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", -200.0, 0.0);
  g_assert_true (ent_timeline_view_get_range (fixture->view, &range));
  g_assert_cmpint (ent_time_range_get_precision (&range), ==, ENT_TIME_YEAR);
  g_assert_cmpint (ent_time_range_count_units (&range, ENT_TIME_YEAR), ==, 1);
  g_assert_cmpint (range.start, <, day (1991, 1, 1));
}

/* Scrolling zooms the axis about the pointer: what is under it stays there, and the labels follow the zoom. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkEventController *motion = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  GtkEventController *scroll = find_controller (GTK_WIDGET (fixture->view), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  EntEntity *visit = find_entity (fixture->graph, "Aleinik's visit to India");
  EntTimeRange range = { ENT_TIME_BAND_YEARLESS, 70, 73 };
  double x, y, after_x, after_y;
  gboolean handled = FALSE;

  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_ENTITY, visit->id, &x, &y));
  g_signal_emit_by_name (motion, "motion", x + 1.5, y);
  for (guint i = 0; i < 12; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, -1.0, &handled);
  g_assert_true (handled);
  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_ENTITY, visit->id, &after_x, &after_y));
  g_assert_cmpfloat (fabs (after_x - x), <, 12);
  ent_timeline_view_set_range (fixture->view, &range);
  maybe_screenshot (fixture, "-zoomed");

  /* Zoomed out as far as it goes, the band without years still shows one year. */
  for (guint i = 0; i < 40; i++)
    g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_ENTITY, visit->id, &after_x, &after_y));
  g_assert_cmpfloat (fabs (after_x - x), <, 2);
  wait_for_frames (GTK_WIDGET (fixture->view), 1);
}

/* A network of two people, whose meeting one source reports: published in March 2024, the other in 1991. */
static EntGraph *
reported_graph (void)
{
  EntGraph *graph = ent_graph_new ();
  const char *published[] = { "2024-03", "1991" };

  for (gint64 id = 1; id <= 2; id++)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);
      EntSource *source = g_new0 (EntSource, 1);

      entity->id = id;
      entity->kind = ENT_KIND_PERSON;
      entity->name = g_strdup_printf ("Person %" G_GINT64_FORMAT, id);
      entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      ent_graph_take_entity (graph, entity);
      source->id = 100 + id;
      source->title = g_strdup_printf ("Source %" G_GINT64_FORMAT, id);
      source->published = g_strdup (published[id - 1]);
      source->body = g_strdup ("They met.");
      ent_graph_take_source (graph, source);
    }

  {
    EntRelation *relation = g_new0 (EntRelation, 1);
    EntQuote *quote = g_new0 (EntQuote, 1);

    quote->id = 7;
    quote->source_id = 101;
    quote->end = 9;
    quote->text = g_strdup ("They met.");
    ent_graph_take_quote (graph, quote);
    relation->id = 10;
    relation->kind = g_strdup ("meets");
    relation->from_id = 1;
    relation->to_id = 2;
    relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_array_append_val (relation->quote_ids, quote->id);
    ent_graph_take_relation (graph, relation);
  }
  return graph;
}

/* Clicking a source selects when it was published, to filter by what was reported then; the row names switch. */
static void
test_click_source (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EntGraph) graph = reported_graph ();
  g_autoptr(EntItemFilter) filter = NULL;
  double x, y;

  ent_timeline_view_set_graph (fixture->view, graph);
  wait_for_frames (GTK_WIDGET (fixture->view), 1);
  g_assert_true (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_SOURCE, 101, &x, &y));
  ent_timeline_view_click (fixture->view, x, y);
  g_assert_cmpint (ent_timeline_view_get_mode (fixture->view), ==, ENT_TIME_REPORTED);
  assert_range (fixture->view, ENT_TIME_BAND_YEARS, day (2024, 3, 1), day (2024, 4, 1));
  filter = ent_timeline_view_get_filter (fixture->view);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what was reported in March 2024");
  g_assert_true (ent_item_filter_has_relation (filter, 10));
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 2);
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT,
                                       "March 2024: 2 entities and 1 relation");
  maybe_screenshot (fixture, "-reported");

  /* The row names in the gutter choose what the range filters by. */
  fixture->n_changes = 0;
  ent_timeline_view_click (fixture->view, 10, 30);
  g_assert_cmpint (ent_timeline_view_get_mode (fixture->view), ==, ENT_TIME_HAPPENED);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_clear_pointer (&filter, ent_item_filter_unref);
  filter = ent_timeline_view_get_filter (fixture->view);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, 0);
  ent_timeline_view_click (fixture->view, 10, y);
  g_assert_cmpint (ent_timeline_view_get_mode (fixture->view), ==, ENT_TIME_REPORTED);
  g_assert_cmpuint (fixture->n_changes, ==, 2);
}

/* Without a graph the strip says so and has no filter. */
static void
test_no_graph (Fixture       *fixture,
               gconstpointer  data)
{
  EntTimeRange range = { ENT_TIME_BAND_YEARS, day (1991, 1, 1), day (1992, 1, 1) };
  double x, y;

  ent_timeline_view_set_range (fixture->view, &range);
  fixture->n_changes = 0;
  ent_timeline_view_set_graph (fixture->view, NULL);
  g_assert_cmpuint (fixture->n_changes, ==, 1);
  g_assert_null (ent_timeline_view_get_filter (fixture->view));
  g_assert_false (ent_timeline_view_find_mark (fixture->view, ENT_TIME_ITEM_RELATION, 1, &x, &y));
  g_assert_false (press_key (fixture->view, GDK_KEY_Right, 0));
  wait_for_frames (GTK_WIDGET (fixture->view), 2);
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  if (g_getenv ("ENTENTE_TIMELINE_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  g_test_add ("/timeline-view/click-mark", Fixture, NULL, fixture_set_up, test_click_mark, fixture_tear_down);
  g_test_add ("/timeline-view/click-yearless", Fixture, NULL, fixture_set_up, test_click_yearless, fixture_tear_down);
  g_test_add ("/timeline-view/keys", Fixture, NULL, fixture_set_up, test_keys, fixture_tear_down);
  g_test_add ("/timeline-view/drag", Fixture, NULL, fixture_set_up, test_drag, fixture_tear_down);
  g_test_add ("/timeline-view/click-source", Fixture, NULL, fixture_set_up, test_click_source, fixture_tear_down);
  g_test_add ("/timeline-view/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/timeline-view/no-graph", Fixture, NULL, fixture_set_up, test_no_graph, fixture_tear_down);

  return g_test_run ();
}
