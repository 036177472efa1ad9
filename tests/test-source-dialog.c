/* test-source-dialog.c: a source made from a file, opened in the source dialog or dropped on the window
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "ent-source-dialog.h"
#include "ent-source-read.h"
#include "ent-test-util.h"
#include "ent-test-widgets.h"
#include "ent-window-private.h"

static const char *const row_names[] = { "title_row", "publisher_row", "url_row", "published_row" };

static const char *
row_text (EntSourceDialog *dialog,
          const char      *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (template_child (dialog, ENT_TYPE_SOURCE_DIALOG, name)));
}

static void
set_row (EntSourceDialog *dialog,
         const char      *name,
         const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (dialog, ENT_TYPE_SOURCE_DIALOG, name)), text);
}

static char *
dup_body (EntSourceDialog *dialog)
{
  GtkTextView *view = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "body_view");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
wait_until_loaded (EntSourceDialog *dialog)
{
  while (ent_source_dialog_is_loading (dialog))
    g_main_context_iteration (NULL, TRUE);
}

/* Loads @path as the Open button's response does, and checks that the button waits while it is read. */
static void
load_path (EntSourceDialog *dialog,
           const char      *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *button = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "open_button");
  GtkWidget *spinner = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "open_spinner");

  ent_source_dialog_load_file (dialog, file);
  g_assert_true (ent_source_dialog_is_loading (dialog));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_visible (spinner));

  wait_until_loaded (dialog);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_false (gtk_widget_get_visible (spinner));
}

static EntSourceDraft *
read_draft (const char *path)
{
  g_autoptr(GError) error = NULL;
  EntSourceDraft *draft = ent_source_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  return draft;
}

static void
assert_shows_draft (EntSourceDialog      *dialog,
                    const EntSourceDraft *draft)
{
  g_autofree char *body = dup_body (dialog);

  g_assert_cmpstr (row_text (dialog, "title_row"), ==, draft->title);
  g_assert_cmpstr (row_text (dialog, "publisher_row"), ==, draft->publisher);
  g_assert_cmpstr (row_text (dialog, "url_row"), ==, draft->url);
  g_assert_cmpstr (row_text (dialog, "published_row"), ==, draft->published);
  g_assert_cmpstr (body, ==, draft->body);
}

static void
test_load_html (void)
{
  g_autofree char *path = data_path ("sources", "news-page.html");
  g_autoptr(EntSourceDraft) draft = read_draft (path);
  EntSourceDialog *dialog = ent_source_dialog_new (NULL, NULL);
  g_autoptr(EntSource) source = NULL;

  /* The page has every row, so the test would not show a row left out. */
  g_assert_nonnull (draft->publisher);
  g_assert_nonnull (draft->url);
  g_assert_nonnull (draft->published);

  gtk_window_present (GTK_WINDOW (dialog));
  load_path (dialog, path);
  assert_shows_draft (dialog, draft);
  g_assert_true (ent_source_dialog_is_valid (dialog));

  source = ent_source_dialog_dup_source (dialog);
  g_assert_cmpint (source->id, ==, 0);
  g_assert_cmpstr (source->title, ==, draft->title);
  g_assert_cmpstr (source->published, ==, "2024-05-17");
  g_assert_cmpstr (source->body, ==, draft->body);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_typed_rows_kept (TempDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *html = data_path ("sources", "news-page.html");
  g_autoptr(EntSourceDraft) draft = read_draft (html);
  /* A second file with a title and a date of its own, and no publisher or address. */
  g_autofree char *markdown = temp_dir_write (fixture, "notes.md",
                                              "# Notes on the visit\n\nThe ministers met in May.\n", -1);
  g_autoptr(EntSourceDraft) second = read_draft (markdown);
  EntSourceDialog *dialog = ent_source_dialog_new (NULL, NULL);
  g_autofree char *body = NULL;

  g_assert_null (second->publisher);
  g_assert_null (second->url);

  gtk_window_present (GTK_WINDOW (dialog));
  set_row (dialog, "publisher_row", "My Own Publisher");
  load_path (dialog, html);
  g_assert_cmpstr (row_text (dialog, "publisher_row"), ==, "My Own Publisher");
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, draft->title);
  g_assert_cmpstr (row_text (dialog, "url_row"), ==, draft->url);
  g_assert_cmpstr (row_text (dialog, "published_row"), ==, draft->published);

  /* The title the user changes is theirs; the rows the first file filled follow the second file. */
  set_row (dialog, "title_row", "A Title I Chose");
  load_path (dialog, markdown);
  body = dup_body (dialog);
  g_assert_cmpstr (body, ==, second->body);
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "A Title I Chose");
  g_assert_cmpstr (row_text (dialog, "publisher_row"), ==, "My Own Publisher");
  g_assert_cmpstr (row_text (dialog, "url_row"), ==, "");
  g_assert_cmpstr (row_text (dialog, "published_row"), ==, second->published != NULL ? second->published : "");
  g_assert_true (ent_source_dialog_is_valid (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_hostile_file (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = temp_dir_write (fixture, "report.pdf", "This is not a PDF at all.\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSourceDraft) none = ent_source_read_file (path, NULL, &error);
  EntSourceDialog *dialog = ent_source_dialog_new (NULL, NULL);
  GtkWidget *confirm = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "confirm_button");
  GtkLabel *problem = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "problem_label");
  g_autofree char *body = NULL;

  g_assert_null (none);
  g_assert_nonnull (error);

  gtk_window_present (GTK_WINDOW (dialog));
  load_path (dialog, path);
  body = dup_body (dialog);
  g_assert_cmpstr (body, ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (row_names); i++)
    g_assert_cmpstr (row_text (dialog, row_names[i]), ==, "");

  /* Why the file gave nothing is shown, rather than that a title is missing. */
  g_assert_false (ent_source_dialog_is_valid (dialog));
  g_assert_cmpstr (ent_source_dialog_get_problem (dialog), ==, error->message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  g_assert_cmpstr (gtk_label_get_label (problem), ==, error->message);
  g_assert_false (gtk_widget_get_sensitive (confirm));

  /* The next edit clears it. */
  set_row (dialog, "title_row", "A Title");
  g_assert_true (ent_source_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problem)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Quotes point into a saved source's text by offset, so no file replaces it. */
static void
test_saved_text_kept (void)
{
  g_autofree char *path = data_path ("sources", "news-page.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EntSource original = {
    .id = 3,
    .title = (char *) "A Visit",
    .body = (char *) "The text quotes point into.",
  };
  EntSourceDialog *dialog = ent_source_dialog_new (NULL, &original);
  GtkWidget *button = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "open_button");
  g_autofree char *body = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_false (ent_source_dialog_load_file (dialog, file));
  g_assert_false (ent_source_dialog_is_loading (dialog));
  body = dup_body (dialog);
  g_assert_cmpstr (body, ==, original.body);
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "A Visit");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A saved source without text has no quotes, and takes a file's. */
  original.body = (char *) "";
  dialog = ent_source_dialog_new (NULL, &original);
  button = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "open_button");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_sensitive (button));
  load_path (dialog, path);
  g_clear_pointer (&body, g_free);
  body = dup_body (dialog);
  g_assert_true (g_str_has_prefix (body, "Belarus and India agree"));
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "A Visit");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A file dropped on the dialog is read, not its name pasted into the text. */
static void
test_drop_on_dialog (void)
{
  g_autofree char *path = data_path ("sources", "news-page.html");
  g_autoptr(EntSourceDraft) draft = read_draft (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  EntSourceDialog *dialog = ent_source_dialog_new (NULL, NULL);
  GtkEventController *target = find_controller (GTK_WIDGET (dialog), GTK_TYPE_DROP_TARGET);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  gtk_window_present (GTK_WINDOW (dialog));
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);
  wait_until_loaded (dialog);
  assert_shows_draft (dialog, draft);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Paste as Source takes the clipboard's text, and its first line as the title; Ctrl+V in the text pastes it as before. */
static void
test_paste_as_source (void)
{
  const char *text = "Ministers meet in Minsk\r\n\r\nThe ministers met on Friday.\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSourceDraft) draft = ent_source_read_text (text, -1, &error);
  EntSourceDialog *dialog = ent_source_dialog_new (NULL, NULL);
  GtkWidget *button = template_child (dialog, ENT_TYPE_SOURCE_DIALOG, "paste_button");
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), text);
  set_row (dialog, "publisher_row", "A Publisher");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ent_source_dialog_is_loading (dialog));
  g_assert_false (gtk_widget_get_sensitive (button));
  wait_until_loaded (dialog);
  g_assert_true (gtk_widget_get_sensitive (button));

  body = dup_body (dialog);
  g_assert_cmpstr (body, ==, draft->body);
  g_assert_cmpstr (row_text (dialog, "title_row"), ==, "Ministers meet in Minsk");
  g_assert_cmpstr (row_text (dialog, "publisher_row"), ==, "A Publisher");
  g_assert_true (ent_source_dialog_is_valid (dialog));

  /* Nothing to quote on the clipboard: said so, and the text stays. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), " \n\t\n");
  g_signal_emit_by_name (button, "clicked");
  wait_until_loaded (dialog);
  g_clear_pointer (&body, g_free);
  body = dup_body (dialog);
  g_assert_cmpstr (body, ==, draft->body);
  g_assert_cmpstr (ent_source_dialog_get_problem (dialog), ==, "The pasted text has nothing to quote");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static EntSourceDialog *
find_source_dialog (EntWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ENT_IS_SOURCE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        return ENT_SOURCE_DIALOG (toplevel);
    }

  return NULL;
}

static guint
count_source_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);
      count += ENT_IS_SOURCE_DIALOG (toplevel);
    }

  return count;
}

static gboolean
has_source (EntGraph   *graph,
            const char *title,
            const char *body)
{
  for (guint i = 0; i < graph->sources->len; i++)
    {
      EntSource *source = g_ptr_array_index (graph->sources, i);

      if (g_strcmp0 (source->title, title) == 0 && g_strcmp0 (source->body, body) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_drop_on_window (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *network = copy_bundled (fixture->dir, "india-belarus.entente");
  g_autofree char *other = copy_bundled (fixture->dir, "other.entente");
  g_autofree char *html = data_path ("sources", "news-page.html");
  g_autoptr(EntSourceDraft) draft = read_draft (html);
  g_autoptr(GFile) html_file = g_file_new_for_path (html);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  EntWindow *window = g_object_new (ENT_TYPE_WINDOW, NULL);
  GSList *files;
  EntSourceDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));

  /* With no network open there is nothing to add a source to. */
  files = g_slist_prepend (NULL, html_file);
  g_assert_true (_ent_window_drop_files (window, files));
  g_assert_null (find_source_dialog (window));

  g_assert_true (ent_window_open_path (window, network));
  g_assert_true (_ent_window_drop_files (window, files));
  g_slist_free (files);

  dialog = find_source_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "New Source");
  wait_until_loaded (dialog);
  assert_shows_draft (dialog, draft);

  /* Another file dropped on the window goes to the dialog open over it. */
  set_row (dialog, "title_row", "");
  files = g_slist_prepend (NULL, html_file);
  g_assert_true (_ent_window_drop_files (window, files));
  g_slist_free (files);
  g_assert_cmpuint (count_source_dialogs (), ==, 1);
  g_assert_true (ent_source_dialog_is_loading (dialog));
  wait_until_loaded (dialog);
  assert_shows_draft (dialog, draft);

  /* Saving it adds the source to the network, text and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "edit-dialog.confirm", NULL));
  g_assert_null (find_source_dialog (window));
  g_assert_true (has_source (ent_window_get_graph (window), draft->title, draft->body));

  /* A network dropped is opened, as it was before sources could be dropped. */
  files = g_slist_prepend (NULL, other_file);
  g_assert_true (_ent_window_drop_files (window, files));
  g_slist_free (files);
  g_assert_null (find_source_dialog (window));
  g_assert_cmpstr (ent_window_get_path (window), ==, other);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  widget_test_init (&argc, &argv);

  g_test_add_func ("/ent/source-dialog/load-html", test_load_html);
  g_test_add ("/ent/source-dialog/typed-rows-kept", TempDir, NULL, temp_dir_set_up, test_typed_rows_kept,
              temp_dir_tear_down);
  g_test_add ("/ent/source-dialog/hostile-file", TempDir, NULL, temp_dir_set_up, test_hostile_file,
              temp_dir_tear_down);
  g_test_add_func ("/ent/source-dialog/saved-text-kept", test_saved_text_kept);
  g_test_add_func ("/ent/source-dialog/drop-on-dialog", test_drop_on_dialog);
  g_test_add_func ("/ent/source-dialog/paste-as-source", test_paste_as_source);
  g_test_add ("/ent/source-dialog/drop-on-window", TempDir, NULL, temp_dir_set_up, test_drop_on_window,
              temp_dir_tear_down);

  return g_test_run ();
}
