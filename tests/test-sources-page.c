/* test-sources-page.c: the sidebar page that chooses sources, to show only what they support
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ent-sources-page.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"

typedef struct
{
  GtkWidget      *window;
  EntSourcesPage *page;
  guint           n_changed;
  gint64          activated;
} Fixture;

static void
filter_changed_cb (EntSourcesPage *page,
                   Fixture        *fixture)
{
  fixture->n_changed++;
}

static void
source_activated_cb (EntSourcesPage *page,
                     gint64          source_id,
                     Fixture        *fixture)
{
  fixture->activated = source_id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  fixture->page = ENT_SOURCES_PAGE (ent_sources_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 640);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  g_signal_connect (fixture->page, "filter-changed", G_CALLBACK (filter_changed_cb), fixture);
  g_signal_connect (fixture->page, "source-activated", G_CALLBACK (source_activated_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

static GtkWidget *
list_view (Fixture *fixture)
{
  return template_child (fixture->page, ENT_TYPE_SOURCES_PAGE, "list_view");
}

/* The texts of the labels of the list's rows on screen, one a line. */
static char *
row_texts (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *texts = g_string_new (NULL);

  wait_for_frames (GTK_WIDGET (fixture->page), 3);
  collect_descendants (list_view (fixture), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (label)))
        g_string_append_printf (texts, "%s\n", gtk_label_get_text (label));
    }
  return g_string_free (texts, FALSE);
}

static GtkCheckButton *
row_check (Fixture *fixture,
           guint    index)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  wait_for_frames (GTK_WIDGET (fixture->page), 3);
  collect_descendants (list_view (fixture), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, >, index);
  return g_ptr_array_index (checks, index);
}

static EntSource *
add_source (EntGraph   *graph,
            gint64      id,
            const char *title,
            const char *publisher,
            const char *published)
{
  EntSource *source = g_new0 (EntSource, 1);

  source->id = id;
  source->title = g_strdup (title);
  source->publisher = g_strdup (publisher);
  source->published = g_strdup (published);
  source->body = g_strdup ("Text of it");
  ent_graph_take_source (graph, source);
  return source;
}

/* The bundled network's one source, with what it supports; choosing it lets the whole network through. */
static void
test_bundled (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autofree char *texts = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(EntItemFilter) filter = NULL;
  g_autoptr(EntItemFilter) cleared = NULL;
  GtkCheckButton *check;

  ent_sources_page_set_graph (fixture->page, graph);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_null (ent_sources_page_get_filter (fixture->page));

  texts = row_texts (fixture);
  expected = g_strdup_printf ("Aleinik's visit to Delhi\n%u entities · %u relations\n",
                              graph->entities->len, graph->relations->len);
  g_assert_cmpstr (texts, ==, expected);

  check = row_check (fixture, 0);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  filter = ent_sources_page_get_filter (fixture->page);
  g_assert_nonnull (filter);
  g_assert_cmpuint (ent_item_filter_get_n_entities (filter), ==, graph->entities->len);
  g_assert_cmpuint (ent_item_filter_get_n_relations (filter), ==, graph->relations->len);
  g_assert_cmpstr (ent_item_filter_get_caption (filter), ==, "Only what ‘Aleinik's visit to Delhi’ supports");

  /* The same network again keeps the choice, and says the filter is to be asked for again. */
  ent_sources_page_set_graph (fixture->page, graph);
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_true (gtk_check_button_get_active (row_check (fixture, 0)));

  ent_sources_page_clear (fixture->page);
  g_assert_cmpuint (fixture->n_changed, ==, 3);
  cleared = ent_sources_page_get_filter (fixture->page);
  g_assert_null (cleared);
  g_assert_false (gtk_check_button_get_active (row_check (fixture, 0)));
}

/* Titles and publishers come from files of others: shown as they are, never read as markup. */
static void
test_hostile_titles (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autofree char *texts = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  add_source (graph, 1, "<b>Bold</b> & co", "A & B <i>", "2024-03-11");
  ent_sources_page_set_graph (fixture->page, graph);

  texts = row_texts (fixture);
  g_assert_cmpstr (texts, ==, "<b>Bold</b> & co\nA & B <i> · 11 March 2024\n0 entities · 0 relations\n");
  collect_descendants (list_view (fixture), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      g_assert_false (gtk_label_get_use_markup (label));
      g_assert_cmpstr (pango_layout_get_text (gtk_label_get_layout (label)), ==, gtk_label_get_text (label));
    }
}

/* The publisher drop-down, the dates (an invalid one shown as such and ignored), and the search. */
static void
test_controls (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GtkDropDown *publishers = template_child (fixture->page, ENT_TYPE_SOURCES_PAGE, "publisher_drop_down");
  GtkWidget *from = template_child (fixture->page, ENT_TYPE_SOURCES_PAGE, "from_entry");
  GtkWidget *search = template_child (fixture->page, ENT_TYPE_SOURCES_PAGE, "search_entry");
  GListModel *model;
  g_autoptr(EntItemFilter) by_publisher = NULL;
  g_autoptr(EntItemFilter) by_date = NULL;
  g_autoptr(EntItemFilter) ignored = NULL;
  g_autofree char *texts = NULL;

  add_source (graph, 100, "Talks in Delhi", "The Hindu", "2024-03-11");
  add_source (graph, 101, "Minsk meeting", "BelTA", "2023");
  add_source (graph, 102, "Second talks", "the hindu", NULL);
  ent_sources_page_set_graph (fixture->page, graph);

  model = gtk_drop_down_get_model (publishers);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Any publisher");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), ==, "BelTA");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), ==, "The Hindu");

  gtk_drop_down_set_selected (publishers, 2);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  by_publisher = ent_sources_page_get_filter (fixture->page);
  g_assert_cmpstr (ent_item_filter_get_caption (by_publisher), ==, "Only what ‘The Hindu’ published");
  gtk_drop_down_set_selected (publishers, 0);

  gtk_editable_set_text (GTK_EDITABLE (from), "2024-13");
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  ignored = ent_sources_page_get_filter (fixture->page);
  g_assert_null (ignored);
  gtk_editable_set_text (GTK_EDITABLE (from), "2024");
  g_assert_false (gtk_widget_has_css_class (from, "error"));
  by_date = ent_sources_page_get_filter (fixture->page);
  g_assert_cmpstr (ent_item_filter_get_caption (by_date), ==, "Only what sources published since 2024 support");

  /* The search narrows the rows, not what is chosen. */
  fixture->n_changed = 0;
  gtk_editable_set_text (GTK_EDITABLE (search), "HINDU");
  g_signal_emit_by_name (search, "search-changed");
  texts = row_texts (fixture);
  g_assert_cmpstr (texts, ==,
                   "Talks in Delhi\nThe Hindu · 11 March 2024\n0 entities · 0 relations\n"
                   "Second talks\nthe hindu\n0 entities · 0 relations\n");
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

/* Thousands of sources: rows are made for those on screen only, and clearing them is one change of the
 * filter, not one for each. */
static void
test_many_sources (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  GtkWidget *from = template_child (fixture->page, ENT_TYPE_SOURCES_PAGE, "from_entry");
  g_autoptr(EntItemFilter) filter = NULL;

  for (gint64 id = 1; id <= 5000; id++)
    {
      g_autofree char *title = g_strdup_printf ("Article %" G_GINT64_FORMAT, id);

      add_source (graph, id, title, id % 2 == 0 ? "Even" : "Odd", "2024");
    }
  ent_sources_page_set_graph (fixture->page, graph);
  wait_for_frames (GTK_WIDGET (fixture->page), 3);

  collect_descendants (list_view (fixture), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, >, 0);
  g_assert_cmpuint (checks->len, <, 500);

  gtk_editable_set_text (GTK_EDITABLE (from), "2024-03");
  fixture->n_changed = 0;
  ent_sources_page_clear (fixture->page);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  filter = ent_sources_page_get_filter (fixture->page);
  g_assert_null (filter);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "");
}

/* Another network keeps the chosen source, and the filter is what it supports there; without a network, none. */
static void
test_other_network (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(EntGraph) bundled = load_bundled ();
  g_autoptr(EntGraph) other = ent_graph_new ();
  EntSource *source = g_ptr_array_index (bundled->sources, 0);
  EntQuote *quote = g_new0 (EntQuote, 1);
  EntEntity *entity;
  g_autoptr(EntItemFilter) before = NULL;
  g_autoptr(EntItemFilter) after = NULL;
  g_autoptr(EntItemFilter) none = NULL;

  add_source (other, source->id, "Aleinik's visit to Delhi", NULL, NULL);
  quote->id = 1;
  quote->source_id = source->id;
  quote->text = g_strdup ("Text");
  ent_graph_take_quote (other, quote);
  entity = add_kind_entity (other, 1, ENT_KIND_PERSON, NULL, "Somebody");
  g_array_append_val (entity->quote_ids, quote->id);
  add_kind_entity (other, 2, ENT_KIND_PERSON, NULL, "Somebody else");

  ent_sources_page_set_graph (fixture->page, bundled);
  gtk_check_button_set_active (row_check (fixture, 0), TRUE);
  before = ent_sources_page_get_filter (fixture->page);
  g_assert_cmpuint (ent_item_filter_get_n_entities (before), ==, bundled->entities->len);

  ent_sources_page_set_graph (fixture->page, other);
  g_assert_true (gtk_check_button_get_active (row_check (fixture, 0)));
  after = ent_sources_page_get_filter (fixture->page);
  g_assert_cmpuint (ent_item_filter_get_n_entities (after), ==, 1);
  g_assert_true (ent_item_filter_has_entity (after, 1));
  g_assert_cmpuint (ent_item_filter_get_n_relations (after), ==, 0);

  ent_sources_page_set_graph (fixture->page, NULL);
  none = ent_sources_page_get_filter (fixture->page);
  g_assert_null (none);
}

/* A row's button asks to read its source. */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  EntSource *source = g_ptr_array_index (graph->sources, 0);

  ent_sources_page_set_graph (fixture->page, graph);
  wait_for_frames (GTK_WIDGET (fixture->page), 3);
  collect_descendants (list_view (fixture), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (!GTK_IS_CHECK_BUTTON (g_ptr_array_index (buttons, i)))
      g_signal_emit_by_name (g_ptr_array_index (buttons, i), "clicked");
  g_assert_cmpint (fixture->activated, ==, source->id);
}

/* A picture of the page, in light and dark, where ENTENTE_TEST_SCREENSHOTS names a folder. */
static void
save_picture (GtkWidget  *widget,
              const char *path)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (gtk_widget_get_parent (widget));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_picture (Fixture       *fixture,
              gconstpointer  data)
{
  const char *dir = g_getenv ("ENTENTE_TEST_SCREENSHOTS");
  g_autoptr(EntGraph) graph = load_bundled ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *from = template_child (fixture->page, ENT_TYPE_SOURCES_PAGE, "from_entry");
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;

  if (dir == NULL)
    {
      g_test_skip ("ENTENTE_TEST_SCREENSHOTS is not set");
      return;
    }

  add_source (graph, 100, "Talks in Delhi on trade, education and the training of diplomats", "The Hindu",
              "2024-03-11");
  add_source (graph, 101, "<b>Minsk</b> & Delhi", "BelTA", "2023");
  add_source (graph, 102, "Notes", NULL, NULL);
  ent_sources_page_set_graph (fixture->page, graph);
  gtk_check_button_set_active (row_check (fixture, 0), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (from), "2024-1");
  /* As after moving to it with the keyboard: its focus ring shows. */
  gtk_widget_grab_focus (GTK_WIDGET (row_check (fixture, 1)));
  gtk_window_set_focus_visible (GTK_WINDOW (fixture->window), TRUE);

  light = g_build_filename (dir, "sources-page-light.png", NULL);
  dark = g_build_filename (dir, "sources-page-dark.png", NULL);
  wait_for_frames (GTK_WIDGET (fixture->page), 5);
  save_picture (GTK_WIDGET (fixture->page), light);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames (GTK_WIDGET (fixture->page), 5);
  save_picture (GTK_WIDGET (fixture->page), dark);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add ("/sources-page/bundled", Fixture, NULL, fixture_set_up, test_bundled, fixture_tear_down);
  g_test_add ("/sources-page/hostile-titles", Fixture, NULL, fixture_set_up, test_hostile_titles, fixture_tear_down);
  g_test_add ("/sources-page/controls", Fixture, NULL, fixture_set_up, test_controls, fixture_tear_down);
  g_test_add ("/sources-page/many-sources", Fixture, NULL, fixture_set_up, test_many_sources, fixture_tear_down);
  g_test_add ("/sources-page/other-network", Fixture, NULL, fixture_set_up, test_other_network, fixture_tear_down);
  g_test_add ("/sources-page/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/sources-page/picture", Fixture, NULL, fixture_set_up, test_picture, fixture_tear_down);

  return g_test_run ();
}
