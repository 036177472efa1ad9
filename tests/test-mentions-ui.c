/* test-mentions-ui.c: aliases in the entity dialog, and accepting unlinked mentions from the evidence panel
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ent-edit.h"
#include "ent-entity-dialog.h"
#include "ent-evidence-panel.h"
#include "ent-relation-dialog.h"
#include "ent-source-view.h"
#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"
#include "ent-window.h"

/* The rows of the dialog's aliases, the row that adds one left out. */
static GPtrArray *
alias_rows (EntEntityDialog *dialog)
{
  GtkWidget *group = template_child (dialog, ENT_TYPE_ENTITY_DIALOG, "aliases_group");
  GPtrArray *rows = g_ptr_array_new ();

  collect_descendants (group, ADW_TYPE_ACTION_ROW, rows);
  return rows;
}

static void
type_alias (EntEntityDialog *dialog,
            const char      *alias)
{
  GtkWidget *row = template_child (dialog, ENT_TYPE_ENTITY_DIALOG, "alias_row");

  gtk_editable_set_text (GTK_EDITABLE (row), alias);
  g_signal_emit_by_name (row, "entry-activated");
}

static void
assert_alias_rows (EntEntityDialog    *dialog,
                   const char * const *aliases)
{
  g_autoptr(GPtrArray) rows = alias_rows (dialog);

  g_assert_cmpuint (rows->len, ==, g_strv_length ((char **) aliases));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==, aliases[i]);
}

/* Aliases added in the dialog are saved with the rest of the entity, in one edit, and Undo takes them back. */
static void
test_dialog_aliases (void)
{
  g_autoptr(EntStore) store = open_copy_of_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) graph = ent_store_load_graph (store, &error);
  g_autoptr(EntGraph) after = NULL;
  g_autoptr(EntEntity) entity = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *too_long = g_strnfill (ENT_ALIAS_MAX_LENGTH + 1, 'a');
  g_autofree char *expected = g_strdup_printf ("An alias is longer than %d characters", ENT_ALIAS_MAX_LENGTH);
  const char * const none[] = { NULL };
  const char * const one[] = { "Aleinik", NULL };
  const char * const two[] = { "Aleinik", "Алейник", NULL };
  GtkWidget *alias_row;
  EntEntityDialog *dialog;
  EntEntity *minister;

  g_assert_no_error (error);
  minister = find_entity (graph, "Sergei Aleinik");
  g_assert_null (minister->aliases);

  dialog = ent_entity_dialog_new (NULL, graph, minister);
  gtk_window_present (GTK_WINDOW (dialog));
  alias_row = template_child (dialog, ENT_TYPE_ENTITY_DIALOG, "alias_row");
  assert_alias_rows (dialog, none);

  /* Enter adds the alias and empties the row for the next; Enter on nothing adds nothing. */
  type_alias (dialog, "Aleinik");
  assert_alias_rows (dialog, one);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (alias_row)), ==, "");
  type_alias (dialog, "   ");
  assert_alias_rows (dialog, one);

  /* The same alias again is ignored. */
  type_alias (dialog, " Aleinik ");
  assert_alias_rows (dialog, one);
  type_alias (dialog, "Алейник");
  assert_alias_rows (dialog, two);
  g_assert_true (ent_entity_dialog_is_valid (dialog));

  /* One the file would refuse is not added, and the dialog says why until the row changes. */
  type_alias (dialog, too_long);
  assert_alias_rows (dialog, two);
  g_assert_false (ent_entity_dialog_is_valid (dialog));
  g_assert_cmpstr (ent_entity_dialog_get_problem (dialog), ==, expected);
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, ENT_TYPE_ENTITY_DIALOG, "confirm_button")));
  gtk_editable_set_text (GTK_EDITABLE (alias_row), "");
  g_assert_true (ent_entity_dialog_is_valid (dialog));
  type_alias (dialog, "Sergei\tAleinik");
  g_assert_false (ent_entity_dialog_is_valid (dialog));
  gtk_editable_set_text (GTK_EDITABLE (alias_row), "");

  /* Each row has a button that removes its alias. */
  rows = alias_rows (dialog);
  g_signal_emit_by_name (first_descendant (g_ptr_array_index (rows, 1), GTK_TYPE_BUTTON), "clicked");
  assert_alias_rows (dialog, one);

  entity = ent_entity_dialog_dup_entity (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (entity->aliases);
  g_assert_cmpuint (entity->aliases->len, ==, 1);
  g_assert_true (ent_edit_update_entity (store, graph, entity, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ent_store_get_undo_label (store), ==, "Edit “Sergei Aleinik”");

  /* Stored, and shown again when the dialog opens next. */
  after = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  minister = find_entity (after, "Sergei Aleinik");
  g_assert_nonnull (minister->aliases);
  g_assert_cmpuint (minister->aliases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (minister->aliases, 0), ==, "Aleinik");
  dialog = ent_entity_dialog_new (NULL, after, minister);
  assert_alias_rows (dialog, one);

  /* Removing all of them saves none. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = alias_rows (dialog);
  g_signal_emit_by_name (first_descendant (g_ptr_array_index (rows, 0), GTK_TYPE_BUTTON), "clicked");
  g_clear_pointer (&entity, ent_entity_free);
  entity = ent_entity_dialog_dup_entity (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (entity->aliases);
  g_assert_cmpuint (entity->aliases->len, ==, 0);

  /* Undo takes the added alias back. */
  g_assert_true (ent_store_undo (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, ent_graph_unref);
  after = ent_store_load_graph (store, &error);
  g_assert_null (find_entity (after, "Sergei Aleinik")->aliases);
}

/* Runs the main loop until the panel has found the mentions in its graph, for at most ten seconds. */
static void
wait_for_mentions (EntEvidencePanel *panel)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (ent_evidence_panel_is_finding_mentions (panel) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (ent_evidence_panel_is_finding_mentions (panel));
}

/* The panel's line of unlinked mentions, or NULL when it is hidden; and the count of its rows. */
static const char *
mentions_line (EntEvidencePanel *panel,
               guint            *n_rows)
{
  GtkExpander *expander = template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "mentions_expander");
  g_autoptr(GPtrArray) rows = list_rows (template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "mentions_list"));

  *n_rows = rows->len;
  return gtk_widget_get_visible (GTK_WIDGET (expander)) ? gtk_expander_get_label (expander) : NULL;
}

/* How many stretches of the source viewer's text are underlined as mentions. */
static guint
count_underlined (EntWindow *window)
{
  GtkTextView *text_view = first_descendant (first_descendant (GTK_WIDGET (window), ENT_TYPE_SOURCE_VIEW),
                                             GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "mention");
  GtkTextIter iter;
  guint n = 0;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (gtk_text_iter_starts_tag (&iter, tag))
    n++;
  while (gtk_text_iter_forward_to_tag_toggle (&iter, tag))
    if (gtk_text_iter_starts_tag (&iter, tag))
      n++;

  return n;
}

static guint
count_quotes (EntWindow  *window,
              const char *name)
{
  return find_entity (ent_window_get_graph (window), name)->quote_ids->len;
}

/* With the alias "Aleinik", the article mentions the minister three times where none of his quotes is; the
 * panel lists them, one is added, and Add All adds the rest in one edit. */
static void
test_accept_mentions (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-mentions-ui-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "india-belarus.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  EntEvidencePanel *panel;
  EntWindow *window;
  EntGraph *graph;
  gint64 minister;
  guint n_rows = 0, before;

  {
    g_autoptr(EntStore) store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
    g_autoptr(EntGraph) stored = NULL;
    g_autoptr(GPtrArray) aliases = g_ptr_array_new ();

    g_assert_no_error (error);
    stored = ent_store_load_graph (store, &error);
    g_assert_no_error (error);
    g_ptr_array_add (aliases, (char *) "Aleinik");
    g_assert_true (ent_store_set_aliases (store, find_entity (stored, "Sergei Aleinik")->id, aliases, &error));
    g_assert_no_error (error);
  }

  window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, path));
  wait_for_scene (ent_window_get_graph_view (window));
  panel = first_descendant (GTK_WIDGET (window), ENT_TYPE_EVIDENCE_PANEL);
  g_assert_nonnull (panel);

  minister = find_entity (ent_window_get_graph (window), "Sergei Aleinik")->id;
  ent_graph_view_select_entity (ent_window_get_graph_view (window), minister);
  g_assert_cmpint (ent_evidence_panel_get_entity (panel), ==, minister);
  wait_for_mentions (panel);
  g_assert_cmpstr (mentions_line (panel, &n_rows), ==, "3 unlinked mentions");
  g_assert_cmpuint (n_rows, ==, 3);

  /* The source viewer, once it shows the article, underlines them. */
  g_assert_cmpuint (count_underlined (window), ==, 0);
  g_signal_emit_by_name (panel, "quote-activated",
                         g_array_index (find_entity (ent_window_get_graph (window), "Sergei Aleinik")->quote_ids,
                                        gint64, 0));
  g_assert_cmpuint (count_underlined (window), ==, 3);

  /* Each row shows the sentence, the mention in bold, and where it is from. */
  rows = list_rows (template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "mentions_list"));
  collect_descendants (g_ptr_array_index (rows, 0), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, ==, 2);
  g_assert_true (gtk_label_get_use_markup (g_ptr_array_index (labels, 0)));
  g_assert_nonnull (strstr (gtk_label_get_label (g_ptr_array_index (labels, 0)), "<b>Aleinik</b>"));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (g_ptr_array_index (labels, 1)), "— "));

  /* One added: a quote more, a mention fewer. */
  before = count_quotes (window, "Sergei Aleinik");
  g_signal_emit_by_name (first_descendant (g_ptr_array_index (rows, 0), GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpuint (count_quotes (window, "Sergei Aleinik"), ==, before + 1);
  wait_for_mentions (panel);
  g_assert_cmpstr (mentions_line (panel, &n_rows), ==, "2 unlinked mentions");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_quotes (window, "Sergei Aleinik"), ==, before);
  wait_for_mentions (panel);
  g_assert_cmpstr (mentions_line (panel, &n_rows), ==, "3 unlinked mentions");

  /* Add All: three quotes in one edit, and no mention left unlinked. */
  g_signal_emit_by_name (template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "add_all_button"), "clicked");
  graph = ent_window_get_graph (window);
  g_assert_cmpuint (count_quotes (window, "Sergei Aleinik"), ==, before + 3);
  g_assert_cmpuint (graph->quotes->len, >=, 3);
  wait_for_mentions (panel);
  g_assert_null (mentions_line (panel, &n_rows));
  g_assert_cmpuint (n_rows, ==, 0);
  g_assert_cmpuint (count_underlined (window), ==, 0);

  /* One Undo takes all three back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (count_quotes (window, "Sergei Aleinik"), ==, before);
  wait_for_mentions (panel);
  g_assert_cmpstr (mentions_line (panel, &n_rows), ==, "3 unlinked mentions");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The open toplevel of @type, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* New Entity from Selection: the name selected in the source opens the entity dialog with it, and the new entity
 * has the passage as its quote, in one edit. */
static void
test_entity_from_selection (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-mentions-ui-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "india-belarus.entente");
  const char *name = "External Affairs Minister";
  EntEvidencePanel *panel;
  EntWindow *window;
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWindow *dialog;
  EntEntity *added;
  EntQuote *quote;
  EntSource *source;
  guint n_entities;
  g_autofree char *body_text = NULL;
  g_autofree char *quoted = NULL;
  const char *at;

  window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, path));
  wait_for_scene (ent_window_get_graph_view (window));
  panel = first_descendant (GTK_WIDGET (window), ENT_TYPE_EVIDENCE_PANEL);
  n_entities = ent_window_get_graph (window)->entities->len;

  /* Nothing selected: a message, no dialog. */
  ent_graph_view_select_entity (ent_window_get_graph_view (window),
                                find_entity (ent_window_get_graph (window), "Sergei Aleinik")->id);
  g_signal_emit_by_name (panel, "quote-activated",
                         g_array_index (find_entity (ent_window_get_graph (window), "Sergei Aleinik")->quote_ids,
                                        gint64, 0));
  text_view = first_descendant (first_descendant (GTK_WIDGET (window), ENT_TYPE_SOURCE_VIEW), GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (text_view);

  /* The text's context menu offers it, with New Relation and Add as Evidence. */
  {
    g_autoptr(GMenuModel) section = g_menu_model_get_item_link (gtk_text_view_get_extra_menu (text_view), 0,
                                                                G_MENU_LINK_SECTION);
    const char *expected[] = { "win.entity-from-selection", "win.relation-from-selection", "win.add-evidence" };

    g_assert_cmpint (g_menu_model_get_n_items (section), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *action = NULL;

        g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
        g_assert_cmpstr (action, ==, expected[i]);
      }
  }

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.entity-from-selection", NULL));
  g_assert_null (find_toplevel (ENT_TYPE_ENTITY_DIALOG));

  /* The second "External Affairs Minister" of the article, with a line's spaces around it as a mouse takes them. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  at = strstr (strstr (body_text, name) + 1, name);
  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (body_text, at) - 1);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (body_text, at) + strlen (name));
  gtk_text_buffer_select_range (buffer, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.entity-from-selection", NULL));
  dialog = find_toplevel (ENT_TYPE_ENTITY_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, ENT_TYPE_ENTITY_DIALOG, "name_row")), ==, name);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit-dialog.confirm", NULL));

  g_assert_cmpuint (ent_window_get_graph (window)->entities->len, ==, n_entities + 1);
  added = find_entity (ent_window_get_graph (window), name);
  g_assert_cmpuint (added->quote_ids->len, ==, 1);
  quote = ent_graph_get_quote (ent_window_get_graph (window), g_array_index (added->quote_ids, gint64, 0));
  source = ent_graph_get_source (ent_window_get_graph (window), quote->source_id);
  quoted = g_utf8_substring (source->body, quote->start, quote->end);
  /* The passage without the spaces around it. */
  g_assert_cmpstr (quote->text, ==, quoted);
  g_assert_cmpstr (quote->text, ==, name);
  g_assert_cmpint (quote->start, ==, g_utf8_pointer_to_offset (body_text, at));

  /* One Undo takes the entity and its quote back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ent_window_get_graph (window)->entities->len, ==, n_entities);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* New Relation from Selection: a sentence that names India and Belarus opens the relation dialog between them, and
 * the new relation has the sentence as its quote, in one edit. */
static void
test_relation_from_selection (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-mentions-ui-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "india-belarus.entente");
  const char *sentence = "India and Belarus have established various mechanisms for exchanging views on bilateral, "
                         "regional, and international issues.";
  g_autofree char *body_text = NULL;
  g_autoptr(EntRelation) proposed = NULL;
  EntEvidencePanel *panel;
  EntWindow *window;
  EntGraph *graph;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWindow *dialog;
  EntRelation *added = NULL;
  EntQuote *quote;
  gint64 india, belarus;
  guint n_relations;
  const char *at;

  window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, path));
  wait_for_scene (ent_window_get_graph_view (window));
  panel = first_descendant (GTK_WIDGET (window), ENT_TYPE_EVIDENCE_PANEL);
  graph = ent_window_get_graph (window);
  india = find_entity (graph, "India")->id;
  belarus = find_entity (graph, "Belarus")->id;
  n_relations = graph->relations->len;

  ent_graph_view_select_entity (ent_window_get_graph_view (window), find_entity (graph, "Sergei Aleinik")->id);
  g_signal_emit_by_name (panel, "quote-activated",
                         g_array_index (find_entity (graph, "Sergei Aleinik")->quote_ids, gint64, 0));
  buffer = gtk_text_view_get_buffer (first_descendant (first_descendant (GTK_WIDGET (window), ENT_TYPE_SOURCE_VIEW),
                                                       GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body_text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  at = strstr (body_text, sentence);
  g_assert_nonnull (at);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (body_text, at));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (body_text, at) + g_utf8_strlen (sentence, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.relation-from-selection", NULL));
  dialog = find_toplevel (ENT_TYPE_RELATION_DIALOG);
  g_assert_nonnull (dialog);
  proposed = ent_relation_dialog_dup_relation (ENT_RELATION_DIALOG (dialog));
  g_assert_cmpint (proposed->from_id, ==, india);
  g_assert_cmpint (proposed->to_id, ==, belarus);
  gtk_editable_set_text (template_child (dialog, ENT_TYPE_RELATION_DIALOG, "kind_row"), "exchanges views with");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit-dialog.confirm", NULL));

  graph = ent_window_get_graph (window);
  g_assert_cmpuint (graph->relations->len, ==, n_relations + 1);
  for (guint i = 0; i < graph->relations->len; i++)
    if (g_str_equal (((EntRelation *) g_ptr_array_index (graph->relations, i))->kind, "exchanges views with"))
      added = g_ptr_array_index (graph->relations, i);
  g_assert_nonnull (added);
  g_assert_cmpint (added->from_id, ==, india);
  g_assert_cmpuint (added->quote_ids->len, ==, 1);
  quote = ent_graph_get_quote (graph, g_array_index (added->quote_ids, gint64, 0));
  g_assert_cmpstr (quote->text, ==, sentence);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (ent_window_get_graph (window)->relations->len, ==, n_relations);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A quote marked as disputing from the evidence panel: one edit; the panel lists it under Disputing, the diagram
 * crosses the relation. */
static void
test_dispute_from_panel (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-mentions-ui-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "india-belarus.entente");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  EntEvidencePanel *panel;
  EntWindow *window;
  EntRelation *relation;
  GtkWidget *stance = NULL, *header;
  gint64 relation_id;

  window = g_object_new (ENT_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ent_window_open_path (window, path));
  wait_for_scene (ent_window_get_graph_view (window));
  panel = first_descendant (GTK_WIDGET (window), ENT_TYPE_EVIDENCE_PANEL);
  relation = g_ptr_array_index (ent_window_get_graph (window)->relations, 0);
  relation_id = relation->id;
  g_assert_null (relation->disputing_ids);

  ent_graph_view_select_relation (ent_window_get_graph_view (window), relation_id);
  rows = list_rows (template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "quotes_list"));
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_null (gtk_list_box_row_get_header (g_ptr_array_index (rows, 0)));
  collect_descendants (g_ptr_array_index (rows, 0), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Mark as Disputing") == 0)
      stance = g_ptr_array_index (buttons, i);
  g_assert_nonnull (stance);
  g_signal_emit_by_name (stance, "clicked");

  relation = ent_graph_get_relation (ent_window_get_graph (window), relation_id);
  g_assert_nonnull (relation->disputing_ids);
  g_assert_cmpuint (relation->disputing_ids->len, ==, 1);
  for (guint i = 0; i < ent_scene_get_n_items (ent_graph_view_get_scene (ent_window_get_graph_view (window))); i++)
    {
      const EntSceneItem *item = ent_scene_get_item (ent_graph_view_get_scene (ent_window_get_graph_view (window)), i);

      if (item->type == ENT_SCENE_ITEM_EDGE && item->id == relation_id)
        g_assert_true (item->disputed);
    }

  /* The panel, shown anew, heads the quote "Disputing". */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = list_rows (template_child (panel, ENT_TYPE_EVIDENCE_PANEL, "quotes_list"));
  header = gtk_list_box_row_get_header (g_ptr_array_index (rows, rows->len - 1));
  if (header == NULL)
    header = gtk_list_box_row_get_header (g_ptr_array_index (rows, 0));
  g_assert_nonnull (header);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (header)), ==, "Disputing");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (ent_graph_get_relation (ent_window_get_graph (window), relation_id)->disputing_ids);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add_func ("/ent/mentions-ui/dialog-aliases", test_dialog_aliases);
  g_test_add_func ("/ent/mentions-ui/accept-mentions", test_accept_mentions);
  g_test_add_func ("/ent/mentions-ui/entity-from-selection", test_entity_from_selection);
  g_test_add_func ("/ent/mentions-ui/relation-from-selection", test_relation_from_selection);
  g_test_add_func ("/ent/mentions-ui/dispute-from-panel", test_dispute_from_panel);

  return g_test_run ();
}
