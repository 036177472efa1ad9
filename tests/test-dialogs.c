/* test-dialogs.c: the entity, relation and source dialogs
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ent-edit.h"
#include "ent-entity-dialog.h"
#include "ent-property-editor.h"
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

/* A kind the file added is a kind of its own: a name is taken within it only, and the problem names it. */
static void
test_entity_custom_kind (void)
{
  g_autoptr(EntGraph) graph = load_bundled ();
  GType type = ENT_TYPE_ENTITY_DIALOG;
  EntEntityDialog *dialog;
  g_autoptr(EntEntity) entered = NULL;
  gint64 opened = 0;
  guint airport_row = graph->kinds->len;

  add_airport_kind (graph);
  add_kind_entity (graph, 1000, ENT_KIND_ORGANISATION, "airport", "Indira Gandhi International Airport");

  dialog = ent_entity_dialog_new (NULL, graph, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "open-existing", G_CALLBACK (open_existing_cb), &opened);

  adw_combo_row_set_selected (template_child (dialog, type, "kind_row"), ENT_KIND_ORGANISATION);
  set_row (dialog, type, "name_row", "indira gandhi international airport");
  assert_entity_problem (dialog, NULL, NULL);

  adw_combo_row_set_selected (template_child (dialog, type, "kind_row"), airport_row);
  assert_entity_problem (dialog, "There is already an entity of the kind “Airport” named “Indira Gandhi International Airport”",
                         "name_row");
  g_signal_emit_by_name (template_child (dialog, type, "open_button"), "clicked");
  g_assert_cmpint (opened, ==, 1000);

  set_row (dialog, type, "name_row", "UN Security Council (UNSC)");
  assert_entity_problem (dialog, NULL, NULL);
  entered = ent_entity_dialog_dup_entity (dialog);
  g_assert_cmpstr (entered->kind_key, ==, "airport");
  g_assert_cmpint (entered->kind, ==, ENT_KIND_ORGANISATION);

  adw_combo_row_set_selected (template_child (dialog, type, "kind_row"), ENT_KIND_ORGANISATION);
  assert_entity_problem (dialog, "There is already an organisation named “UN Security Council (UNSC)”", "name_row");

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

/* The widgets of the property editor's row @index: its entries, its drop-down, its switch and its remove button. */
typedef struct
{
  GtkWidget *key;
  GtkWidget *type;
  GtkWidget *value;
  GtkWidget *toggle;
  GtkWidget *remove;
} PropertyRow;

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

static guint
count_property_rows (gpointer editor)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect (editor, ADW_TYPE_PREFERENCES_ROW, rows);
  return rows->len;
}

static PropertyRow
property_row (gpointer editor,
              guint    index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();
  PropertyRow row = { NULL };

  collect (editor, ADW_TYPE_PREFERENCES_ROW, rows);
  g_assert_cmpuint (index, <, rows->len);
  collect (g_ptr_array_index (rows, index), GTK_TYPE_ENTRY, entries);
  collect (g_ptr_array_index (rows, index), GTK_TYPE_DROP_DOWN, dropdowns);
  collect (g_ptr_array_index (rows, index), GTK_TYPE_SWITCH, switches);
  collect (g_ptr_array_index (rows, index), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (entries->len, ==, 2);
  row.key = g_ptr_array_index (entries, 0);
  row.value = g_ptr_array_index (entries, 1);
  row.type = g_ptr_array_index (dropdowns, 0);
  row.toggle = g_ptr_array_index (switches, 0);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), "user-trash-symbolic") == 0)
      row.remove = g_ptr_array_index (buttons, i);
  g_assert_nonnull (row.remove);

  return row;
}

/* Types into @row as the user would: the key, then the type, then the value. */
static void
fill_row (PropertyRow     *row,
          const char      *key,
          EntPropertyType  type,
          const char      *value)
{
  gtk_editable_set_text (GTK_EDITABLE (row->key), key);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row->type), type);
  gtk_editable_set_text (GTK_EDITABLE (row->value), value);
}

/*
 * The bundled network in a file of its own, where Belarus has properties,
 * as an import gives them; @graph gets the network as it is then.
 */
static EntStore *
open_with_properties (EntGraph **graph)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-dialogs-XXXXXX", NULL);
  g_autofree char *path = copy_bundled (dir, "network.entente");
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) bundled = NULL;
  EntStore *store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  const EntProperty properties[] = {
    { (char *) "capital", ENT_PROPERTY_STRING, (char *) "Minsk" },
    { (char *) "landlocked", ENT_PROPERTY_BOOLEAN, (char *) "true" },
    { (char *) "population", ENT_PROPERTY_NUMBER, (char *) "9.2e6" },
  };

  g_assert_no_error (error);
  bundled = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (properties); i++)
    g_assert_true (ent_store_set_property (store, find_entity (bundled, "Belarus")->id, 0, &properties[i], &error));

  *graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);
  return store;
}

/*
 * The entity dialog shows an entity's properties, adds, edits and removes
 * them, checks them as the store would as they are typed, and Save writes
 * them with the rest, in one edit.
 */
static void
test_entity_properties (void)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntStore) store = open_with_properties (&graph);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntGraph) after = NULL;
  g_autoptr(EntEntity) entity = NULL;
  g_autofree char *stored = NULL;
  GType type = ENT_TYPE_ENTITY_DIALOG;
  EntEntityDialog *dialog;
  GtkWidget *editor;
  gboolean confirmed = FALSE;
  PropertyRow row;

  dialog = ent_entity_dialog_new (NULL, graph, find_entity (graph, "Belarus"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_signal_connect (dialog, "confirmed", G_CALLBACK (confirmed_cb), &confirmed);
  editor = template_child (dialog, type, "property_editor");

  /* The rows as stored, each with the control of its type. */
  g_assert_cmpuint (count_property_rows (editor), ==, 3);
  row = property_row (editor, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row.key)), ==, "capital");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row.value)), ==, "Minsk");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (row.type)), ==, ENT_PROPERTY_STRING);
  g_assert_true (gtk_widget_get_visible (row.value) && !gtk_widget_get_child_visible (row.toggle));
  row = property_row (editor, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (row.type)), ==, ENT_PROPERTY_BOOLEAN);
  g_assert_true (gtk_widget_get_child_visible (row.toggle) && gtk_switch_get_active (GTK_SWITCH (row.toggle)));
  assert_entity_problem (dialog, NULL, NULL);

  /* Each control is named for a screen reader, and the rows themselves take no focus. */
  g_assert_false (gtk_widget_get_focusable (gtk_widget_get_ancestor (row.key, ADW_TYPE_PREFERENCES_ROW)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row.remove), ==, "Remove Property");

  /* Edit one: an invalid number keeps Save insensitive, and the value is marked, until it is one. */
  row = property_row (editor, 2);
  gtk_editable_set_text (GTK_EDITABLE (row.value), "lots");
  assert_entity_problem (dialog, "“lots” is not a number", NULL);
  g_assert_true (gtk_widget_has_css_class (row.value, "error"));
  g_assert_false (gtk_widget_get_sensitive (template_child (dialog, type, "confirm_button")));
  g_signal_emit_by_name (row.value, "activate");
  g_assert_false (confirmed);
  gtk_editable_set_text (GTK_EDITABLE (row.value), " 9.3e6 ");
  assert_entity_problem (dialog, NULL, NULL);
  g_assert_false (gtk_widget_has_css_class (row.value, "error"));

  /* Remove one. */
  g_signal_emit_by_name (property_row (editor, 1).remove, "clicked");
  g_assert_cmpuint (count_property_rows (editor), ==, 2);

  /* Add one: it starts empty, and its key is where typing goes. */
  g_signal_emit_by_name (template_child (editor, ENT_TYPE_PROPERTY_EDITOR, "add_button"), "clicked");
  g_assert_cmpuint (count_property_rows (editor), ==, 3);
  row = property_row (editor, 2);
  g_assert_true (gtk_widget_has_focus (row.key) || gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)), row.key));
  assert_entity_problem (dialog, "The name of the property must not be empty", NULL);
  g_assert_true (gtk_widget_has_css_class (row.key, "error"));

  gtk_editable_set_text (GTK_EDITABLE (row.key), "capital");
  assert_entity_problem (dialog, "There are two properties named “capital”", NULL);
  g_assert_true (gtk_widget_has_css_class (row.key, "error"));
  fill_row (&row, "independence", ENT_PROPERTY_DATE, "1991-13");
  assert_entity_problem (dialog, "Dates must be written as YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD", NULL);
  gtk_editable_set_text (GTK_EDITABLE (row.value), "1991-08-25");
  assert_entity_problem (dialog, NULL, NULL);

  /* Save: Enter in a value confirms a valid form, and what it gives is written in one edit. */
  g_signal_emit_by_name (row.value, "activate");
  g_assert_true (confirmed);
  entity = ent_entity_dialog_dup_entity (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ent_edit_update_entity (store, graph, entity, &error));
  g_assert_no_error (error);
  after = ent_store_load_graph (store, &error);
  stored = describe_properties (find_entity (after, "Belarus")->properties);
  g_assert_cmpstr (stored, ==,
                   "capital string Minsk\n"
                   "independence date 1991-08-25\n"
                   "population number 9.3e6\n");
  g_assert_cmpstr (ent_store_get_undo_label (store), ==, "Edit “Belarus”");
}

/* A new entity, and a relation, take their properties from the dialog as well. */
static void
test_properties_new_and_relation (void)
{
  EntRelationDialog *relation_dialog;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntStore) store = open_with_properties (&graph);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntEntity) entity = NULL;
  g_autoptr(EntRelation) relation = NULL;
  EntRelation *original = g_ptr_array_index (graph->relations, 0);
  EntEntityDialog *dialog = ent_entity_dialog_new (NULL, graph, NULL);
  GtkWidget *editor = template_child (dialog, ENT_TYPE_ENTITY_DIALOG, "property_editor");
  PropertyRow row;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_property_rows (editor), ==, 0);
  set_row (dialog, ENT_TYPE_ENTITY_DIALOG, "name_row", "Minsk");
  ent_property_editor_add (ENT_PROPERTY_EDITOR (editor));
  row = property_row (editor, 0);
  gtk_editable_set_text (GTK_EDITABLE (row.key), "capital");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (row.type), ENT_PROPERTY_BOOLEAN);
  gtk_switch_set_active (GTK_SWITCH (row.toggle), TRUE);
  assert_entity_problem (dialog, NULL, NULL);
  entity = ent_entity_dialog_dup_entity (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (entity->properties->len, ==, 1);
  g_assert_cmpstr (((EntProperty *) g_ptr_array_index (entity->properties, 0))->value, ==, "true");

  relation_dialog = ent_relation_dialog_new (NULL, graph, original, 0, 0);
  gtk_window_present (GTK_WINDOW (relation_dialog));
  editor = template_child (relation_dialog, ENT_TYPE_RELATION_DIALOG, "property_editor");
  ent_property_editor_add (ENT_PROPERTY_EDITOR (editor));
  assert_problem (relation_dialog, "The name of the property must not be empty", NULL);
  row = property_row (editor, 0);
  fill_row (&row, "since", ENT_PROPERTY_NUMBER, "inf");
  assert_problem (relation_dialog, "“inf” is not a number", NULL);
  gtk_editable_set_text (GTK_EDITABLE (row.value), "1992");
  assert_problem (relation_dialog, NULL, NULL);
  relation = ent_relation_dialog_dup_relation (relation_dialog);
  gtk_window_destroy (GTK_WINDOW (relation_dialog));
  g_assert_true (ent_edit_save_relation (store, graph, relation, &error));
  g_assert_no_error (error);
  g_clear_pointer (&graph, ent_graph_unref);
  graph = ent_store_load_graph (store, &error);
  g_assert_cmpuint (ent_graph_get_relation (graph, relation->id)->properties->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ent/dialogs/entity-new", test_entity_new);
  g_test_add_func ("/ent/dialogs/entity-edit", test_entity_edit);
  g_test_add_func ("/ent/dialogs/entity-custom-kind", test_entity_custom_kind);
  g_test_add_func ("/ent/dialogs/entity-properties", test_entity_properties);
  g_test_add_func ("/ent/dialogs/properties-new-and-relation", test_properties_new_and_relation);
  g_test_add_func ("/ent/dialogs/relation", test_relation);
  g_test_add_func ("/ent/dialogs/relation-edit", test_relation_edit);
  g_test_add_func ("/ent/dialogs/source", test_source);
  g_test_add_func ("/ent/dialogs/edit-dialog-fields", test_edit_dialog_fields);
  g_test_add_func ("/ent/dialogs/edit-dialog-problem", test_edit_dialog_problem);

  return g_test_run ();
}
