/* test-evidence.c: the evidence panel and the source view
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ent-evidence-panel.h"
#include "ent-source-view.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"

static void
record_id_cb (gpointer  instance,
              gint64    id,
              gint64   *recorded)
{
  *recorded = id;
}

static void
test_panel_entity (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GtkWidget *window;
  GtkWidget *panel = create_panel (&window);
  g_autoptr(GPtrArray) relation_rows = NULL;
  g_autoptr(GPtrArray) quote_rows = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  EntEntity *jaishankar = find_entity (graph, "S Jaishankar");
  GType type = ENT_TYPE_EVIDENCE_PANEL;
  gint64 activated = 0;

  g_signal_connect (panel, "relation-activated", G_CALLBACK (record_id_cb), &activated);
  g_signal_connect (panel, "entity-activated", G_CALLBACK (record_id_cb), &activated);
  g_signal_connect (panel, "quote-activated", G_CALLBACK (record_id_cb), &activated);

  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  assert_shows (panel, jaishankar->id, 0, "S Jaishankar", "Person · External Affairs Minister of India");

  /*
   * One row per relation the entity takes part in, each naming the other
   * end. In the bundled network he takes part in three: he meets Sergei
   * Aleinik, is minister of India and takes part in their meeting.
   */
  relation_rows = list_rows (template_child (panel, type, "links_list"));
  g_assert_cmpuint (relation_rows->len, ==, 3);

  for (guint i = 0; i < relation_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (relation_rows, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
      EntRelation *relation;
      gint64 other_id;

      activated = 0;
      g_signal_emit_by_name (row, "activate");
      relation = ent_graph_get_relation (graph, activated);
      g_assert_nonnull (relation);
      g_assert_true (relation->from_id == jaishankar->id || relation->to_id == jaishankar->id);
      other_id = relation->from_id == jaishankar->id ? relation->to_id : relation->from_id;
      g_assert_true (g_str_has_suffix (title, ent_graph_get_entity (graph, other_id)->name));
      g_hash_table_add (titles, (gpointer) title);

      /* The button at the end of the row goes to the other entity. */
      activated = 0;
      g_signal_emit_by_name (first_descendant (row, GTK_TYPE_BUTTON), "clicked");
      g_assert_cmpint (activated, ==, other_id);
    }
  g_assert_true (g_hash_table_contains (titles, "meets — Sergei Aleinik"));
  g_assert_true (g_hash_table_contains (titles, "External Affairs Minister of → India"));
  g_assert_true (g_hash_table_contains (titles, "takes part in → Meeting with S Jaishankar"));

  /* One row per quote; its text is the quote's, in quotation marks, and
   * activating it names that very quote. The bundled network has one quote
   * for him, the passage that names him. */
  quote_rows = list_rows (template_child (panel, type, "quotes_list"));
  g_assert_cmpuint (jaishankar->quote_ids->len, ==, 1);
  g_assert_cmpuint (quote_rows->len, ==, 1);
  g_assert_false (gtk_widget_get_visible (template_child (panel, type, "no_quotes_label")));

  for (guint i = 0; i < quote_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (quote_rows, i);
      GtkLabel *label = first_descendant (row, GTK_TYPE_LABEL);
      EntQuote *quote;

      activated = 0;
      g_signal_emit_by_name (row, "activate");
      quote = ent_graph_get_quote (graph, activated);
      g_assert_nonnull (quote);

      g_assert_cmpstr (quote->text, ==, "India's External Affairs Minister S Jaishankar");
      g_assert_cmpstr (gtk_label_get_label (label), ==, "“India's External Affairs Minister S Jaishankar”");
      g_assert_false (gtk_label_get_selectable (label));
      g_hash_table_add (seen, g_memdup2 (&quote->id, sizeof quote->id));
    }

  for (guint i = 0; i < jaishankar->quote_ids->len; i++)
    g_assert_true (g_hash_table_contains (seen, &g_array_index (jaishankar->quote_ids, gint64, i)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_panel_relation (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GtkWidget *window;
  GtkWidget *panel = create_panel (&window);
  EntEntity *aleinik = find_entity (graph, "Sergei Aleinik");
  EntEntity *jaishankar = find_entity (graph, "S Jaishankar");
  EntEntity *delhi = find_entity (graph, "Delhi");
  EntEntity *belarus = find_entity (graph, "Belarus");
  EntRelation *meets = NULL;
  EntRelation *visits = NULL;
  EntRelation *minister_of = NULL;
  GType type = ENT_TYPE_EVIDENCE_PANEL;
  gint64 activated = 0;

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (relation->from_id == aleinik->id && relation->to_id == jaishankar->id)
        meets = relation;
      if (relation->from_id == aleinik->id && relation->to_id == delhi->id)
        visits = relation;
      if (relation->from_id == aleinik->id && relation->to_id == belarus->id)
        minister_of = relation;
    }
  g_assert_nonnull (meets);
  g_assert_false (meets->directed);
  g_assert_nonnull (visits);
  g_assert_true (visits->directed);
  g_assert_nonnull (minister_of);

  g_signal_connect (panel, "entity-activated", G_CALLBACK (record_id_cb), &activated);
  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  assert_shows (panel, 0, meets->id, "Sergei Aleinik — S Jaishankar", "Relation · meets");

  /* Both ends, in order, each taking the user to its entity. */
  {
    g_autoptr(GPtrArray) rows = list_rows (template_child (panel, type, "links_list"));
    g_autoptr(GPtrArray) quote_rows = list_rows (template_child (panel, type, "quotes_list"));

    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "Sergei Aleinik");
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "S Jaishankar");
    g_signal_emit_by_name (g_ptr_array_index (rows, 0), "activate");
    g_assert_cmpint (activated, ==, aleinik->id);
    g_signal_emit_by_name (g_ptr_array_index (rows, 1), "activate");
    g_assert_cmpint (activated, ==, jaishankar->id);

    g_assert_cmpuint (quote_rows->len, ==, meets->quote_ids->len);
  }

  ent_evidence_panel_show_relation (ENT_EVIDENCE_PANEL (panel), visits->id);
  g_assert_cmpstr (gtk_label_get_label (template_child (panel, type, "title_label")), ==, "Sergei Aleinik → Delhi");
  /* Its label only repeats its kind, which the header already says. */
  g_assert_false (gtk_widget_get_visible (template_child (panel, type, "description_label")));
  g_assert_true (gtk_widget_get_visible (template_child (panel, type, "dates_label")));
  g_assert_cmpstr (gtk_label_get_label (template_child (panel, type, "dates_label")), ==, "11–13 March");

  ent_evidence_panel_show_relation (ENT_EVIDENCE_PANEL (panel), minister_of->id);
  g_assert_cmpstr (gtk_label_get_label (template_child (panel, type, "kind_label")), ==, "Relation · minister of");
  g_assert_true (gtk_widget_get_visible (template_child (panel, type, "description_label")));
  g_assert_cmpstr (gtk_label_get_label (template_child (panel, type, "description_label")), ==, minister_of->label);
  g_assert_false (gtk_widget_get_visible (template_child (panel, type, "dates_label")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_panel_empty (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GtkWidget *window;
  GtkWidget *panel = create_panel (&window);
  EntEntity *delhi = find_entity (graph, "Delhi");
  GType type = ENT_TYPE_EVIDENCE_PANEL;

  g_assert_cmpstr (visible_page (panel, type), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (template_child (panel, type, "stack")))), ==,
                   "Nothing Selected");

  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  g_assert_cmpstr (visible_page (panel, type), ==, "empty");

  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), delhi->id);
  g_assert_cmpstr (visible_page (panel, type), ==, "details");
  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), 0);
  g_assert_cmpstr (visible_page (panel, type), ==, "empty");
  g_assert_cmpint (ent_evidence_panel_get_entity (ENT_EVIDENCE_PANEL (panel)), ==, 0);

  /* An id that is not in the network shows nothing rather than stale evidence. */
  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), delhi->id);
  ent_evidence_panel_show_relation (ENT_EVIDENCE_PANEL (panel), G_MAXINT64);
  g_assert_cmpstr (visible_page (panel, type), ==, "empty");
  g_assert_cmpint (ent_evidence_panel_get_relation (ENT_EVIDENCE_PANEL (panel)), ==, 0);

  /* A new graph keeps the selection; no graph clears it. */
  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), delhi->id);
  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  g_assert_cmpint (ent_evidence_panel_get_entity (ENT_EVIDENCE_PANEL (panel)), ==, delhi->id);
  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), NULL);
  g_assert_cmpstr (visible_page (panel, type), ==, "empty");
  g_assert_cmpint (ent_evidence_panel_get_entity (ENT_EVIDENCE_PANEL (panel)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A network whose source is not ASCII, to check that offsets count
 * characters: "–" takes three bytes in UTF-8, "🤝" four and one character
 * each. */
static EntGraph *
create_unicode_graph (void)
{
  static const char *body = "Minsk – Delhi: “Дружба” — मित्रता – 🤝 the visit – ends here.";
  static const char *quoted[] = { "Delhi", "Дружба", "मित्रता – 🤝 the", "ends here" };
  EntGraph *graph = ent_graph_new ();
  EntSource *source = g_new0 (EntSource, 1);
  EntEntity *entity = g_new0 (EntEntity, 1);

  source->id = 1;
  source->title = g_strdup ("Ünïcode – test");
  source->publisher = g_strdup ("The Publisher");
  source->published = g_strdup ("2024-03-11");
  source->url = g_strdup ("https://example.org/a-rather-long-address/of-a-source");
  source->body = g_strdup (body);
  ent_graph_take_source (graph, source);

  for (guint i = 0; i < G_N_ELEMENTS (quoted); i++)
    {
      EntQuote *quote = g_new0 (EntQuote, 1);
      const char *at = strstr (body, quoted[i]);

      g_assert_nonnull (at);
      quote->id = i + 1;
      quote->source_id = source->id;
      quote->start = g_utf8_pointer_to_offset (body, at);
      quote->end = quote->start + g_utf8_strlen (quoted[i], -1);
      quote->text = g_strdup (quoted[i]);
      ent_graph_take_quote (graph, quote);
    }

  entity->id = 1;
  entity->kind = ENT_KIND_PLACE;
  entity->name = g_strdup ("Nowhere");
  entity->description = g_strdup ("");
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  ent_graph_take_entity (graph, entity);

  return graph;
}

static void
test_panel_no_quotes (void)
{
  g_autoptr(EntGraph) graph = create_unicode_graph ();
  GtkWidget *window;
  GtkWidget *panel = create_panel (&window);
  GType type = ENT_TYPE_EVIDENCE_PANEL;

  ent_evidence_panel_set_graph (ENT_EVIDENCE_PANEL (panel), graph);
  ent_evidence_panel_show_entity (ENT_EVIDENCE_PANEL (panel), 1);

  g_assert_cmpstr (gtk_label_get_label (template_child (panel, type, "kind_label")), ==, "Place");
  g_assert_true (gtk_widget_get_visible (template_child (panel, type, "no_quotes_label")));
  g_assert_false (gtk_widget_get_visible (template_child (panel, type, "quotes_list")));
  g_assert_false (gtk_widget_get_visible (template_child (panel, type, "links_list")));
  g_assert_false (gtk_widget_get_visible (template_child (panel, type, "description_label")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkTextBuffer *
source_buffer (GtkWidget *view)
{
  return gtk_text_view_get_buffer (template_child (view, ENT_TYPE_SOURCE_VIEW, "text_view"));
}

/* Every character inside a quote of the source carries the "quote" tag and
 * no other does; the "current-quote" tag covers exactly @current. */
static void
assert_tags (GtkWidget *view,
             EntGraph  *graph,
             EntQuote  *current)
{
  GtkTextBuffer *buffer = source_buffer (view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *quote_tag = gtk_text_tag_table_lookup (table, "quote");
  GtkTextTag *current_tag = gtk_text_tag_table_lookup (table, "current-quote");
  int n_chars = gtk_text_buffer_get_char_count (buffer);
  g_autofree gboolean *quoted = g_new0 (gboolean, n_chars);
  GtkTextIter iter;

  g_assert_nonnull (quote_tag);
  g_assert_nonnull (current_tag);

  for (guint i = 0; i < graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (graph->quotes, i);

      if (quote->source_id != current->source_id)
        continue;
      g_assert_cmpint (quote->end, <=, n_chars);
      for (gint64 offset = quote->start; offset < quote->end; offset++)
        quoted[offset] = TRUE;
    }

  for (int offset = 0; offset < n_chars; offset++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      g_assert_cmpint (gtk_text_iter_has_tag (&iter, quote_tag), ==, quoted[offset]);
      g_assert_cmpint (gtk_text_iter_has_tag (&iter, current_tag), ==,
                       offset >= current->start && offset < current->end);
    }

  g_assert_false (gtk_text_buffer_get_has_selection (buffer));
}

static void
test_source_every_quote (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  g_autoptr(GtkWidget) view = g_object_ref_sink (ent_source_view_new ());

  g_assert_cmpstr (visible_page (view, ENT_TYPE_SOURCE_VIEW), ==, "empty");
  g_assert_null (ent_source_view_dup_highlighted_text (ENT_SOURCE_VIEW (view)));

  ent_source_view_set_graph (ENT_SOURCE_VIEW (view), graph);
  g_assert_cmpuint (graph->quotes->len, >, 0);

  for (guint i = 0; i < graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (graph->quotes, i);
      g_autofree char *highlighted = NULL;

      ent_source_view_show_quote (ENT_SOURCE_VIEW (view), quote->id);
      g_assert_cmpint (ent_source_view_get_quote (ENT_SOURCE_VIEW (view)), ==, quote->id);
      g_assert_cmpint (ent_source_view_get_source (ENT_SOURCE_VIEW (view)), ==, quote->source_id);
      g_assert_cmpstr (visible_page (view, ENT_TYPE_SOURCE_VIEW), ==, "source");

      highlighted = ent_source_view_dup_highlighted_text (ENT_SOURCE_VIEW (view));
      g_assert_cmpstr (highlighted, ==, quote->text);
      assert_tags (view, graph, quote);
    }

  ent_source_view_show_quote (ENT_SOURCE_VIEW (view), 0);
  g_assert_cmpint (ent_source_view_get_quote (ENT_SOURCE_VIEW (view)), ==, 0);
  g_assert_cmpstr (visible_page (view, ENT_TYPE_SOURCE_VIEW), ==, "empty");
  g_assert_null (ent_source_view_dup_highlighted_text (ENT_SOURCE_VIEW (view)));
}

static void
test_source_characters (void)
{
  g_autoptr(EntGraph) graph = create_unicode_graph ();
  g_autoptr(GtkWidget) view = g_object_ref_sink (ent_source_view_new ());

  ent_source_view_set_graph (ENT_SOURCE_VIEW (view), graph);

  for (guint i = 0; i < graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (graph->quotes, i);
      g_autofree char *highlighted = NULL;

      ent_source_view_show_quote (ENT_SOURCE_VIEW (view), quote->id);
      highlighted = ent_source_view_dup_highlighted_text (ENT_SOURCE_VIEW (view));
      g_assert_cmpstr (highlighted, ==, quote->text);
      assert_tags (view, graph, quote);
    }

  g_assert_cmpstr (gtk_label_get_label (template_child (view, ENT_TYPE_SOURCE_VIEW, "title_label")), ==, "Ünïcode – test");
  g_assert_cmpstr (gtk_label_get_label (template_child (view, ENT_TYPE_SOURCE_VIEW, "details_label")), ==,
                   "The Publisher · 11 March 2024");
  g_assert_true (gtk_widget_get_visible (template_child (view, ENT_TYPE_SOURCE_VIEW, "link_button")));
}

static GtkGesture *
find_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "quote-click") == 0)
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* Where the middle of the character at @offset is, in the text view's own
 * coordinates, as the click gesture reports them. */
static void
offset_to_point (GtkTextView *text_view,
                 int          offset,
                 double      *x,
                 double      *y)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int window_x;
  int window_y;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, offset);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + MAX (rect.width, 1) / 2, rect.y + rect.height / 2,
                                         &window_x, &window_y);
  *x = window_x;
  *y = window_y;
}

static EntQuote *
last_quote (EntGraph *graph)
{
  EntQuote *last = NULL;

  for (guint i = 0; i < graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (graph->quotes, i);

      if (last == NULL || quote->start > last->start)
        last = quote;
    }

  return last;
}

/* The nearest offset before @offset that no quote covers. */
static int
unquoted_offset_before (EntGraph *graph,
                        int       offset)
{
  for (int candidate = offset - 1; candidate >= 0; candidate--)
    {
      gboolean quoted = FALSE;

      for (guint i = 0; i < graph->quotes->len && !quoted; i++)
        {
          EntQuote *quote = g_ptr_array_index (graph->quotes, i);

          quoted = candidate >= quote->start && candidate < quote->end;
        }
      if (!quoted)
        return candidate;
    }

  g_assert_not_reached ();
}

/* GTK 4.8 cannot synthesise pointer events, so the test emits the click
 * gesture's "released" signal with the coordinates a click on a character
 * would have: the view's own conversion to text offsets and its choice of
 * quote still run. */
static void
test_source_click (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  EntSourceView *view = ENT_SOURCE_VIEW (ent_source_view_new ());
  GtkWidget *window = gtk_window_new ();
  GtkTextView *text_view = template_child (view, ENT_TYPE_SOURCE_VIEW, "text_view");
  GtkGesture *gesture = find_click_gesture (GTK_WIDGET (text_view));
  EntQuote *last = last_quote (graph);
  EntQuote *inner = NULL;
  GtkTextIter start;
  GtkTextIter end;
  GdkRectangle visible;
  GdkRectangle location;
  gint64 activated = 0;
  double x, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 420, 300);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  ent_source_view_set_graph (view, graph);
  g_signal_connect (view, "quote-activated", G_CALLBACK (record_id_cb), &activated);

  /* The last quote of the article is far below the first screenful, so it
   * is in sight only if the view scrolled to it. */
  ent_source_view_show_quote (view, last->id);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (window, 5);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &start, (int) last->start);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &start, &location);
  g_assert_cmpint (visible.y, >, 0);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);

  /* A quote nested in longer ones wins over them. */
  for (guint i = 0; i < graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (graph->quotes, i);

      for (guint j = 0; j < graph->quotes->len; j++)
        {
          EntQuote *outer = g_ptr_array_index (graph->quotes, j);

          if (outer != quote && outer->source_id == quote->source_id &&
              outer->start <= quote->start && outer->end >= quote->end &&
              outer->end - outer->start > quote->end - quote->start)
            {
              if (inner == NULL || quote->end - quote->start < inner->end - inner->start)
                inner = quote;
            }
        }
    }
  g_assert_nonnull (inner);

  ent_source_view_show_quote (view, last->id);
  wait_for_frames (window, 3);
  offset_to_point (text_view, (int) last->start + 1, &x, &y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
  g_assert_cmpint (activated, ==, last->id);

  ent_source_view_show_quote (view, inner->id);
  wait_for_frames (window, 3);
  offset_to_point (text_view, (int) (inner->start + inner->end) / 2, &x, &y);
  activated = 0;
  g_signal_emit_by_name (gesture, "released", 1, x, y);
  g_assert_cmpint (activated, ==, inner->id);

  /* Text outside every quote leads nowhere. */
  offset_to_point (text_view, unquoted_offset_before (graph, (int) inner->start), &x, &y);
  activated = 0;
  g_signal_emit_by_name (gesture, "released", 1, x, y);
  g_assert_cmpint (activated, ==, 0);

  /* A double click selects a word, and a drag selects text: neither follows
   * a quote. */
  offset_to_point (text_view, (int) (inner->start + inner->end) / 2, &x, &y);
  g_signal_emit_by_name (gesture, "released", 2, x, y);
  g_assert_cmpint (activated, ==, 0);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &start, (int) inner->start);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &end, (int) inner->end);
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (text_view), &start, &end);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
  g_assert_cmpint (activated, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add_func ("/ent/evidence/panel/entity", test_panel_entity);
  g_test_add_func ("/ent/evidence/panel/relation", test_panel_relation);
  g_test_add_func ("/ent/evidence/panel/empty", test_panel_empty);
  g_test_add_func ("/ent/evidence/panel/no-quotes", test_panel_no_quotes);
  g_test_add_func ("/ent/evidence/source/every-quote", test_source_every_quote);
  g_test_add_func ("/ent/evidence/source/characters", test_source_characters);
  g_test_add_func ("/ent/evidence/source/click", test_source_click);

  return g_test_run ();
}
