/* test-dialogs.c: the entity, relation and source dialogs
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ent-entity-dialog.h"
#include "ent-relation-dialog.h"
#include "ent-source-dialog.h"
#include "ent-store.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"

static void
set_row (gpointer    dialog,
         GType       type,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, type, name)), text);
}

/* Checks what the user sees: the confirm button, the reason, and, for an
 * invalid dialog, the row that is wrong. */
static void
assert_shown (gpointer    dialog,
              GType       type,
              const char *problem,
              const char *problem_row)
{
  GtkWidget *confirm = template_child (dialog, type, "confirm_button");
  GtkLabel *label = template_child (dialog, type, "problem_label");

  g_assert_true (gtk_widget_get_sensitive (confirm) == (problem == NULL));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)) == (problem != NULL));
  if (problem != NULL)
    g_assert_cmpstr (gtk_label_get_label (label), ==, problem);
  if (problem_row != NULL)
    g_assert_true (gtk_widget_has_css_class (template_child (dialog, type, problem_row), "error"));
}

/* What the entity or relation dialog reports must be @problem, and it must show it. */
static void
assert_problem (gpointer    dialog,
                const char *problem,
                const char *problem_row)
{
  gboolean is_entity = ENT_IS_ENTITY_DIALOG (dialog);

  g_assert_true ((is_entity ? ent_entity_dialog_is_valid (dialog) : ent_relation_dialog_is_valid (dialog))
                 == (problem == NULL));
  g_assert_cmpstr (is_entity ? ent_entity_dialog_get_problem (dialog) : ent_relation_dialog_get_problem (dialog),
                   ==, problem);
  assert_shown (dialog, G_OBJECT_TYPE (dialog), problem, problem_row);
}

static void
assert_entity_problem (EntEntityDialog *dialog,
                       const char      *problem,
                       const char      *problem_row)
{
  assert_problem (dialog, problem, problem_row);
}

static void
open_existing_cb (EntEntityDialog *dialog,
                  gint64           entity_id,
                  gint64          *opened)
{
  *opened = entity_id;
}

static void
test_entity_new (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GType type = ENT_TYPE_ENTITY_DIALOG;
  EntEntityDialog *dialog;
  g_autoptr(EntEntity) entity = NULL;
  gint64 opened = 0;

  dialog = ent_entity_dialog_new (NULL, graph, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_button_get_label (template_child (dialog, type, "confirm_button")), ==, "_Add");

  assert_entity_problem (dialog, "A name is required", "name_row");

  set_row (dialog, type, "name_row", "  Minsk ");
  assert_entity_problem (dialog, NULL, NULL);
  g_assert_false (gtk_widget_has_css_class (template_child (dialog, type, "name_row"), "error"));

  set_row (dialog, type, "start_row", "2023-13");
  assert_entity_problem (dialog, "Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD", "start_row");

  set_row (dialog, type, "start_row", "2023-05-10");
  set_row (dialog, type, "end_row", "2023-04");
  assert_entity_problem (dialog, "The end date is before the start date", "end_row");

  /* Only what both dates say is compared. */
  set_row (dialog, type, "end_row", "2023");
  assert_entity_problem (dialog, NULL, NULL);
  set_row (dialog, type, "end_row", "--01-01");
  assert_entity_problem (dialog, NULL, NULL);
  set_row (dialog, type, "end_row", "");

  adw_combo_row_set_selected (template_child (dialog, type, "kind_row"), ENT_KIND_COUNTRY);
  g_assert_false (gtk_widget_get_visible (template_child (dialog, type, "role_row")));
  set_row (dialog, type, "name_row", " india");
  assert_entity_problem (dialog, "There is already a country named “India”", "name_row");
  g_assert_true (gtk_widget_is_visible (template_child (dialog, type, "open_button")));
  g_signal_connect (dialog, "open-existing", G_CALLBACK (open_existing_cb), &opened);
  g_signal_emit_by_name (template_child (dialog, type, "open_button"), "clicked");
  g_assert_cmpint (opened, ==, find_entity (graph, "India")->id);

  /* Names are unique within a kind only. */
  adw_combo_row_set_selected (template_child (dialog, type, "kind_row"), ENT_KIND_PLACE);
  set_row (dialog, type, "name_row", "Sergei Aleinik");
  assert_entity_problem (dialog, NULL, NULL);
  g_assert_false (gtk_widget_is_visible (template_child (dialog, type, "open_button")));

  entity = ent_entity_dialog_dup_entity (dialog);
  g_assert_cmpint (entity->id, ==, 0);
  g_assert_cmpint (entity->kind, ==, ENT_KIND_PLACE);
  g_assert_cmpstr (entity->name, ==, "Sergei Aleinik");
  g_assert_null (entity->role);
  g_assert_cmpstr (entity->start_date, ==, "2023-05-10");
  g_assert_null (entity->end_date);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
confirmed_cb (gpointer  dialog,
              gboolean *confirmed)
{
  *confirmed = TRUE;
}

static void
test_entity_edit (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GType type = ENT_TYPE_ENTITY_DIALOG;
  EntEntity *original = find_entity (graph, "S Jaishankar");
  EntEntityDialog *dialog;
  g_autoptr(EntEntity) entity = NULL;
  gboolean confirmed = FALSE;

  dialog = ent_entity_dialog_new (NULL, graph, original);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "confirmed", G_CALLBACK (confirmed_cb), &confirmed);

  g_assert_cmpstr (gtk_button_get_label (template_child (dialog, type, "confirm_button")), ==, "_Save");
  g_assert_cmpuint (adw_combo_row_get_selected (template_child (dialog, type, "kind_row")), ==, ENT_KIND_PERSON);
  g_assert_true (gtk_widget_get_visible (template_child (dialog, type, "role_row")));
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, type, "name_row")), ==, "S Jaishankar");
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, type, "role_row")), ==,
                   original->role != NULL ? original->role : "");
  g_assert_cmpstr (gtk_editable_get_text (template_child (dialog, type, "description_row")), ==,
                   original->description != NULL ? original->description : "");
  /* Its own name is no duplicate. */
  assert_entity_problem (dialog, NULL, NULL);

  set_row (dialog, type, "role_row", "Minister of External Affairs");
  set_row (dialog, type, "start_row", "2019");

  /* Enter in the last row confirms a valid dialog. */
  g_signal_emit_by_name (template_child (dialog, type, "end_row"), "entry-activated");
  g_assert_true (confirmed);

  entity = ent_entity_dialog_dup_entity (dialog);
  g_assert_cmpint (entity->id, ==, original->id);
  g_assert_cmpint (entity->kind, ==, ENT_KIND_PERSON);
  g_assert_cmpstr (entity->name, ==, "S Jaishankar");
  g_assert_cmpstr (entity->role, ==, "Minister of External Affairs");
  g_assert_cmpstr (entity->start_date, ==, "2019");

  /* Nor does an invalid one. */
  confirmed = FALSE;
  set_row (dialog, type, "name_row", "");
  g_signal_emit_by_name (template_child (dialog, type, "end_row"), "entry-activated");
  g_assert_false (confirmed);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
assert_relation_problem (EntRelationDialog *dialog,
                         const char        *problem,
                         const char        *problem_row)
{
  assert_problem (dialog, problem, problem_row);
}

static void
test_relation (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GType type = ENT_TYPE_RELATION_DIALOG;
  gint64 aleinik = find_entity (graph, "Sergei Aleinik")->id;
  gint64 jaishankar = find_entity (graph, "S Jaishankar")->id;
  EntRelationDialog *dialog;
  g_autoptr(EntRelation) relation = NULL;

  dialog = ent_relation_dialog_new (NULL, graph, NULL, 0, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (ent_relation_dialog_get_problem (dialog), ==, "Choose the entity the relation starts from");
  assert_shown (dialog, type, ent_relation_dialog_get_problem (dialog), "from_row");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = ent_relation_dialog_new (NULL, graph, NULL, aleinik, jaishankar);
  gtk_window_present (GTK_WINDOW (dialog));
  assert_relation_problem (dialog, "A kind of relation is required", "kind_row");

  set_row (dialog, type, "kind_row", "meets");
  assert_relation_problem (dialog, NULL, NULL);

  set_row (dialog, type, "start_row", "2023-05-11");
  set_row (dialog, type, "end_row", "2023-05-1");
  assert_relation_problem (dialog, "Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD", "end_row");
  set_row (dialog, type, "end_row", "2022");
  assert_relation_problem (dialog, "The end date is before the start date", "end_row");
  set_row (dialog, type, "end_row", "2023-05-13");
  assert_relation_problem (dialog, NULL, NULL);

  relation = ent_relation_dialog_dup_relation (dialog);
  g_assert_cmpint (relation->id, ==, 0);
  g_assert_cmpint (relation->from_id, ==, aleinik);
  g_assert_cmpint (relation->to_id, ==, jaishankar);
  g_assert_cmpstr (relation->kind, ==, "meets");
  g_assert_true (relation->directed);
  g_assert_cmpstr (relation->end_date, ==, "2023-05-13");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_relation_edit (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  EntRelation *original;
  EntRelationDialog *dialog;
  g_autoptr(EntRelation) relation = NULL;

  g_assert_cmpuint (graph->relations->len, >, 0);
  original = g_ptr_array_index (graph->relations, 0);

  dialog = ent_relation_dialog_new (NULL, graph, original, 0, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  assert_relation_problem (dialog, NULL, NULL);

  relation = ent_relation_dialog_dup_relation (dialog);
  g_assert_cmpint (relation->id, ==, original->id);
  g_assert_cmpint (relation->from_id, ==, original->from_id);
  g_assert_cmpint (relation->to_id, ==, original->to_id);
  g_assert_cmpstr (relation->kind, ==, original->kind);
  g_assert_true (relation->directed == original->directed);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_source (void)
{
  GType type = ENT_TYPE_SOURCE_DIALOG;
  EntSource original = {
    .id = 7,
    .title = (char *) "A Visit",
    .published = (char *) "2023-05-12",
    .body = (char *) "  Text with spaces at both ends.\n",
  };
  EntSourceDialog *dialog;
  g_autoptr(EntSource) source = NULL;

  dialog = ent_source_dialog_new (NULL, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (ent_source_dialog_is_valid (dialog));
  g_assert_cmpstr (ent_source_dialog_get_problem (dialog), ==, "A title is required");
  assert_shown (dialog, type, "A title is required", "title_row");

  set_row (dialog, type, "title_row", "A Title");
  g_assert_true (ent_source_dialog_is_valid (dialog));
  assert_shown (dialog, type, NULL, NULL);

  set_row (dialog, type, "published_row", "12 May 2023");
  assert_shown (dialog, type, "Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD", "published_row");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = ent_source_dialog_new (NULL, &original);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (ent_source_dialog_is_valid (dialog));
  set_row (dialog, type, "publisher_row", "A Publisher");
  source = ent_source_dialog_dup_source (dialog);
  g_assert_cmpint (source->id, ==, 7);
  g_assert_cmpstr (source->title, ==, "A Visit");
  g_assert_cmpstr (source->publisher, ==, "A Publisher");
  g_assert_null (source->url);
  g_assert_cmpstr (source->published, ==, "2023-05-12");
  /* Quotes point into the text by offset, so it is kept exactly. */
  g_assert_cmpstr (source->body, ==, original.body);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_edit_dialog_fields (void)
{
  g_autoptr(AdwEntryRow) start = g_object_ref_sink (ADW_ENTRY_ROW (adw_entry_row_new ()));
  g_autoptr(AdwEntryRow) end = g_object_ref_sink (ADW_ENTRY_ROW (adw_entry_row_new ()));
  g_autofree char *trimmed = NULL;
  g_autofree char *optional = NULL;
  GtkWidget *row = NULL;

  /* Empty dates are left out, not wrong. */
  g_assert_null (ent_edit_dialog_check_dates (start, end, &row));
  g_assert_null (row);
  g_assert_null (ent_edit_dialog_dup_optional_text (end));

  ent_edit_dialog_set_text (start, " 2023-05 ");
  trimmed = ent_edit_dialog_dup_text (start);
  g_assert_cmpstr (trimmed, ==, "2023-05");
  ent_edit_dialog_set_text (end, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (end)), ==, "");
  g_assert_null (ent_edit_dialog_check_dates (start, end, &row));
  g_assert_null (row);

  ent_edit_dialog_set_text (end, "2023-04");
  g_assert_cmpstr (ent_edit_dialog_check_dates (start, end, &row), ==, "The end date is before the start date");
  g_assert_true (row == GTK_WIDGET (end));
  /* A single date has no end to come before. */
  g_assert_null (ent_edit_dialog_check_dates (start, NULL, &row));
  g_assert_null (row);

  ent_edit_dialog_set_text (start, "2023-13");
  g_assert_cmpstr (ent_edit_dialog_check_dates (start, end, &row), ==,
                   "Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD");
  g_assert_true (row == GTK_WIDGET (start));
  optional = ent_edit_dialog_dup_optional_text (start);
  g_assert_cmpstr (optional, ==, "2023-13");
}

static void
count_cb (gpointer    dialog,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_edit_dialog_problem (void)
{
  EntSourceDialog *dialog = ent_source_dialog_new (NULL, NULL);
  EntEditDialog *edit_dialog = ENT_EDIT_DIALOG (dialog);
  GType type = ENT_TYPE_SOURCE_DIALOG;
  GtkWidget *title_row = template_child (dialog, type, "title_row");
  GtkWidget *url_row = template_child (dialog, type, "url_row");
  /* The hint about dates, which stands above the problem. */
  GtkWidget *hint = gtk_widget_get_prev_sibling (template_child (dialog, type, "problem_label"));
  guint notified = 0;

  g_assert_true (GTK_IS_LABEL (hint));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_destroy_with_parent (GTK_WINDOW (dialog)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Source");
  g_signal_connect (dialog, "notify::valid", G_CALLBACK (count_cb), &notified);

  /* A problem moves from row to row and is told once. */
  ent_edit_dialog_set_problem (edit_dialog, url_row, "A problem");
  g_assert_false (ent_edit_dialog_is_valid (edit_dialog));
  g_assert_cmpstr (ent_edit_dialog_get_problem (edit_dialog), ==, "A problem");
  g_assert_true (gtk_widget_has_css_class (url_row, "error"));
  g_assert_false (gtk_widget_has_css_class (title_row, "error"));
  g_assert_cmpuint (notified, ==, 0);
  assert_shown (dialog, type, "A problem", "url_row");
  g_assert_false (gtk_widget_get_visible (hint));

  ent_edit_dialog_set_problem (edit_dialog, NULL, NULL);
  g_assert_true (ent_edit_dialog_is_valid (edit_dialog));
  g_assert_false (gtk_widget_has_css_class (url_row, "error"));
  g_assert_cmpuint (notified, ==, 1);
  assert_shown (dialog, type, NULL, NULL);
  g_assert_true (gtk_widget_get_visible (hint));

  ent_edit_dialog_validate (edit_dialog);
  g_assert_cmpuint (notified, ==, 2);
  assert_shown (dialog, type, "A title is required", "title_row");

  ent_edit_dialog_set_adding (edit_dialog, FALSE, "Edit Source");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Source");
  g_assert_cmpstr (gtk_button_get_label (template_child (dialog, type, "confirm_button")), ==, "_Save");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ent/dialogs/entity-new", test_entity_new);
  g_test_add_func ("/ent/dialogs/entity-edit", test_entity_edit);
  g_test_add_func ("/ent/dialogs/relation", test_relation);
  g_test_add_func ("/ent/dialogs/relation-edit", test_relation_edit);
  g_test_add_func ("/ent/dialogs/source", test_source);
  g_test_add_func ("/ent/dialogs/edit-dialog-fields", test_edit_dialog_fields);
  g_test_add_func ("/ent/dialogs/edit-dialog-problem", test_edit_dialog_problem);

  return g_test_run ();
}
