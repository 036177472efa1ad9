/* ent-import-dialog.c: the import assistant: map the columns, choose where to, read, review matches, sum up
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import"

#include "config.h"

#include "ent-import-dialog.h"
#include "ent-import-job.h"
#include "ent-csv-mapping-group.h"
#include "ent-data.h"
#include "ent-import-types-group.h"
#include "ent-style.h"

#include <glib/gi18n.h>
#include <string.h>

/* Past this many matches, only the choice for all of them is offered, not a row each. */
#define MAX_REVIEW_ROWS 300

typedef enum
{
  STATE_SETUP,
  STATE_WORKING,
  STATE_REVIEW,
  STATE_SUMMARY,
  STATE_TYPES,
} State;

struct _EntImportDialog
{
  AdwWindow             parent_instance;

  EntStore             *store;
  EntGraph             *graph;
  GStrv                 paths;
  EntDataFormat         format;
  State                 state;
  gboolean              disposed;
  GPtrArray            *mapping_groups; /* EntCsvMappingGroup */
  GtkLabel             *problem_label;
  GCancellable         *cancellable;
  guint                 progress_source;
  /* The share of the work done, in thousandths, as the worker thread last set it. */
  int                   progress_permille;
  char                 *new_path;
  gboolean              opened;
  EntImport            *import;
  GArray               *matches;        /* EntImportMatch */
  GPtrArray            *decision_rows;  /* GtkDropDown, a match each */
  GPtrArray            *review_rows;    /* AdwActionRow */
  GtkDropDown          *all_decision;

  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkStack             *stack;
  AdwPreferencesPage   *setup_page;
  AdwActionRow         *open_row;
  GtkCheckButton       *new_check;
  GtkCheckButton       *open_check;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  AdwPreferencesGroup  *review_group;
  AdwPreferencesPage   *types_page;
  EntImportTypesGroup  *types_group;
  GtkLabel             *summary_title;
  GtkLabel             *summary_label;
  GtkWidget            *problems_heading;
  GtkLabel             *problems_label;
};

G_DEFINE_FINAL_TYPE (EntImportDialog, ent_import_dialog, ADW_TYPE_WINDOW)

enum
{
  OPEN_NETWORK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_state (EntImportDialog *self,
           State            state)
{
  static const char * const pages[] = { "setup", "progress", "review", "summary", "types" };

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), state != STATE_SUMMARY);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), state != STATE_WORKING);
  gtk_button_set_label (self->import_button, state == STATE_SUMMARY ? _("_Done") : _("_Import"));
}

static const char *
setup_problem (EntImportDialog *self)
{
  gboolean lists[2] = { FALSE, FALSE };

  for (guint i = 0; i < self->mapping_groups->len; i++)
    {
      EntCsvMappingGroup *group = g_ptr_array_index (self->mapping_groups, i);
      const char *problem = ent_csv_mapping_group_get_problem (group);
      EntCsvTable table = ent_csv_mapping_group_get_mapping (group)->table;

      if (problem != NULL)
        return problem;
      if (lists[table])
        return ent_data_csv_pair_problem (table);
      lists[table] = TRUE;
    }
  return NULL;
}

/* Shows @problem at the top of the setup page, or hides the line when it is %NULL. */
static void
show_problem (EntImportDialog *self,
              const char      *problem)
{
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
}

static void
validate (EntImportDialog *self)
{
  const char *problem = setup_problem (self);

  show_problem (self, problem);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), problem == NULL);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  EntImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_progress (EntImportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
}

static void
append_count (GString    *text,
              const char *label,
              guint       count)
{
  /* Translators: a line of the import's summary: what came in, and how many */
  g_string_append_printf (text, _("%s: %u"), label, count);
  g_string_append_c (text, '\n');
}

static void
show_summary (EntImportDialog       *self,
              const EntImportCounts *counts,
              const GError          *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);

  if (error != NULL)
    {
      gtk_label_set_text (self->summary_title, _("Nothing Was Imported"));
      gtk_label_set_text (self->summary_label, error->message);
    }
  else
    {
      gtk_label_set_text (self->summary_title, _("Imported"));
      append_count (text, _("Entities"), counts->entities);
      append_count (text, _("Relations"), counts->relations);
      append_count (text, _("Properties"), counts->properties);
      append_count (text, _("Sources"), counts->sources);
      append_count (text, _("Quotes"), counts->quotes);
      append_count (text, _("New kinds"), counts->kinds);
      if (counts->merged > 0)
        append_count (text, _("Merged into entities the network had"), counts->merged);
      if (counts->skipped > 0)
        append_count (text, _("Left out with the entities they belong to"), counts->skipped);
      g_strchomp (text->str);
      gtk_label_set_text (self->summary_label, text->str);
    }

  for (guint i = 0; self->import != NULL && i < self->import->problems->len; i++)
    {
      EntImportProblem *problem = g_ptr_array_index (self->import->problems, i);

      /* Each message says where in the file its problem is. */
      g_string_append_printf (problems, "%s\n", problem->message);
    }
  g_strchomp (problems->str);
  gtk_label_set_text (self->problems_label, problems->str);
  gtk_widget_set_visible (self->problems_heading, problems->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);
  set_state (self, STATE_SUMMARY);
}

static void
decision_changed_cb (GtkDropDown     *drop_down,
                     GParamSpec      *pspec,
                     EntImportDialog *self)
{
  guint decision = gtk_drop_down_get_selected (drop_down);

  if (drop_down == self->all_decision)
    {
      for (guint i = 0; i < self->matches->len; i++)
        g_array_index (self->matches, EntImportMatch, i).decision = decision;
      for (guint i = 0; i < self->decision_rows->len; i++)
        gtk_drop_down_set_selected (g_ptr_array_index (self->decision_rows, i), decision);
      return;
    }

  g_array_index (self->matches, EntImportMatch,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (drop_down), "match"))).decision = decision;
}

static GtkDropDown *
add_review_row (EntImportDialog *self,
                const char      *title,
                const char      *subtitle)
{
  const char * const decisions[] = { _("Merge"), _("Keep Both"), _("Leave Out"), NULL };
  GtkWidget *row = adw_action_row_new ();
  GtkDropDown *drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (decisions));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (GTK_WIDGET (drop_down), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (drop_down));
  g_signal_connect (drop_down, "notify::selected", G_CALLBACK (decision_changed_cb), self);
  adw_preferences_group_add (self->review_group, row);
  g_ptr_array_add (self->review_rows, row);
  return drop_down;
}

static void
show_review (EntImportDialog *self)
{
  /* Translators: the first row of the review of matching entities, whose choice is every one's */
  g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "All %u entity", "All %u entities",
                                                       self->matches->len), self->matches->len);

  /* The rows of an import that was reviewed before and then cancelled go. */
  for (guint i = 0; i < self->review_rows->len; i++)
    adw_preferences_group_remove (self->review_group, g_ptr_array_index (self->review_rows, i));
  g_ptr_array_set_size (self->review_rows, 0);
  g_ptr_array_set_size (self->decision_rows, 0);
  self->all_decision = NULL;

  if (self->matches->len > 1)
    self->all_decision = add_review_row (self, all, NULL);
  for (guint i = 0; i < self->matches->len && i < MAX_REVIEW_ROWS; i++)
    {
      EntImportMatch *match = &g_array_index (self->matches, EntImportMatch, i);
      EntEntity *entity = ent_graph_get_entity (self->import->graph, match->import_id);
      EntEntity *existing = ent_graph_get_entity (self->graph, match->existing_id);
      GtkDropDown *drop_down = add_review_row (self, entity->name, ent_style_entity_kind_label (self->graph, existing));

      g_object_set_data (G_OBJECT (drop_down), "match", GUINT_TO_POINTER (i));
      g_ptr_array_add (self->decision_rows, drop_down);
    }
  set_state (self, STATE_REVIEW);
}

/* Runs @thread on @job in a worker thread and shows the progress page meanwhile, its bar filled by the
 * worker through progress_permille; @done_cb gets the dialog, which the work keeps alive. */
static void
run_job (EntImportDialog     *self,
         EntImportJob                 *job,
         GTaskThreadFunc      thread,
         GAsyncReadyCallback  done_cb)
{
  g_autoptr(GTask) task = NULL;

  self->cancellable = g_cancellable_new ();
  job->progress_permille = &self->progress_permille;
  g_atomic_int_set (&self->progress_permille, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_source = g_timeout_add (100, update_progress_cb, self);
  set_state (self, STATE_WORKING);

  task = g_task_new (NULL, self->cancellable, done_cb, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) _ent_import_job_free);
  g_task_run_in_thread (task, thread);
}

static void
show_cancelled (EntImportDialog *self)
{
  show_problem (self, _("The import was cancelled; nothing was written"));
  set_state (self, STATE_SETUP);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(EntImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  EntImportJob *job = g_task_get_task_data (G_TASK (result));

  stop_progress (self);
  g_task_propagate_boolean (G_TASK (result), &error);
  /* The edit is in the file: the window's store takes it onto its undo stack even when the window has
   * closed this dialog meanwhile. */
  if (error == NULL && job->changeset != NULL)
    ent_store_add_edit (self->store, job->label, job->changeset);
  if (self->disposed)
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_cancelled (self);
      return;
    }
  show_summary (self, &job->counts, error);
}

/* Into the open network, in one undoable edit, written off the main thread. */
static void
write_into_open (EntImportDialog *self)
{
  g_autofree char *name = g_path_get_basename (self->paths[0]);
  EntImportJob *job = g_new0 (EntImportJob, 1);

  job->open_path = g_strdup (ent_store_get_path (self->store));
  job->import = self->import;
  job->matches = self->matches;
  /* Translators: the Undo menu's name of an import of the file %s */
  job->label = g_strdup_printf (_("Import “%s”"), name);
  run_job (self, job, _ent_import_job_write_open_thread, write_done_cb);
}

/* Whether a person may choose the key the entities take their kinds from: the format has them from a key, and
 * the file has some text key besides the one they are from. */
static gboolean
has_type_keys (EntImportDialog *self)
{
  g_autoptr(GPtrArray) keys = NULL;

  if (!ent_data_format_get_info (self->format)->kinds_from_keys)
    return FALSE;
  keys = ent_import_get_type_keys (self->import);
  return keys->len > (self->import->type_key != NULL ? 1 : 0);
}

static void
show_types (EntImportDialog *self)
{
  if (self->types_group == NULL)
    {
      self->types_group = ENT_IMPORT_TYPES_GROUP (ent_import_types_group_new ());
      adw_preferences_page_add (self->types_page, ADW_PREFERENCES_GROUP (self->types_group));
    }
  ent_import_types_group_set_import (self->types_group, self->import);
  set_state (self, STATE_TYPES);
}

/* Writes what was read: as a new network, or into the open one once its matches are reviewed. */
static void
write_import (EntImportDialog *self)
{
  if (self->new_path != NULL)
    {
      EntImportJob *job = g_new0 (EntImportJob, 1);

      job->new_path = g_strdup (self->new_path);
      job->import = self->import;
      run_job (self, job, _ent_import_job_write_new_thread, write_done_cb);
      return;
    }

  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = ent_import_find_matches (self->import, self->graph);
  if (self->matches->len > 0)
    show_review (self);
  else
    write_into_open (self);
}

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(EntImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  EntImportJob *job = g_task_get_task_data (G_TASK (result));

  stop_progress (self);
  g_clear_pointer (&self->import, ent_import_free);
  self->import = g_task_propagate_pointer (G_TASK (result), &error);
  /* Closed while the work went on: what there is to show is gone with the window. */
  if (self->disposed)
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      show_cancelled (self);
      return;
    }

  if (self->import == NULL || job->new_path != NULL)
    {
      show_summary (self, &job->counts, error);
      return;
    }

  if (has_type_keys (self))
    {
      show_types (self);
      return;
    }
  write_import (self);
}

static void
start (EntImportDialog *self)
{
  EntImportJob *job = g_new0 (EntImportJob, 1);

  job->paths = g_strdupv (self->paths);
  job->format = self->format;
  /* A CSV file's kinds come from the column its mapping step chose; other files are read first, for the
   * person to choose the key their kinds come from before anything is written. */
  if (self->format == ENT_DATA_FORMAT_CSV)
    job->new_path = g_strdup (self->new_path);
  for (guint i = 0; i < self->mapping_groups->len; i++)
    {
      EntCsvMappingGroup *group = g_ptr_array_index (self->mapping_groups, i);
      EntCsvMapping *mapping = ent_csv_mapping_group_get_mapping (group);

      *(mapping->table == ENT_CSV_EDGES ? &job->edges_path : &job->nodes_path) =
        g_strdup (ent_csv_mapping_group_get_path (group));
      *(mapping->table == ENT_CSV_EDGES ? &job->edges : &job->nodes) = ent_csv_mapping_copy (mapping);
    }

  run_job (self, job, _ent_import_job_read_thread, work_done_cb);
}

static void
new_network_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         EntImportDialog *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)) : NULL;
  g_autofree char *chosen = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *path = chosen != NULL ? ent_data_network_path (chosen) : NULL;

  g_object_unref (dialog);
  if (path == NULL)
    return;

  /* The chooser asked before replacing the file it was given, not one of the name with the extension. */
  if (!g_str_equal (path, chosen) && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("“%s” already exists: choose it to replace it"), name);

      show_problem (self, message);
      return;
    }

  /* The network the window shows must not be pulled from under it. */
  if (self->store != NULL && g_strcmp0 (path, ent_store_get_path (self->store)) == 0)
    {
      show_problem (self, _("That network is open; a new one needs another file"));
      return;
    }

  g_free (self->new_path);
  self->new_path = g_steal_pointer (&path);
  start (self);
}

static void
choose_new_network (EntImportDialog *self)
{
  g_autofree char *base = g_path_get_basename (self->paths[0]);
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');
  GtkFileChooserNative *dialog;

  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".entente", NULL);

  dialog = gtk_file_chooser_native_new (_("New Network"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (new_network_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (widget);

  switch (self->state)
    {
    case STATE_SETUP:
      if (gtk_check_button_get_active (self->open_check))
        {
          g_clear_pointer (&self->new_path, g_free);
          start (self);
        }
      else
        choose_new_network (self);
      break;

    case STATE_REVIEW:
      write_into_open (self);
      break;

    case STATE_TYPES:
      write_import (self);
      break;

    case STATE_SUMMARY:
      if (self->new_path != NULL && self->import != NULL && !self->opened)
        {
          self->opened = TRUE;
          g_signal_emit (self, signals[OPEN_NETWORK], 0, self->new_path);
        }
      gtk_window_destroy (GTK_WINDOW (self));
      break;

    case STATE_WORKING:
      break;
    }
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (widget);

  if (self->state == STATE_WORKING)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
ent_import_dialog_dispose (GObject *object)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  stop_progress (self);

  G_OBJECT_CLASS (ent_import_dialog_parent_class)->dispose (object);
}

static void
ent_import_dialog_finalize (GObject *object)
{
  EntImportDialog *self = ENT_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_strfreev (self->paths);
  g_clear_pointer (&self->mapping_groups, g_ptr_array_unref);
  g_free (self->new_path);
  g_clear_pointer (&self->import, ent_import_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->decision_rows, g_ptr_array_unref);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ent_import_dialog_parent_class)->finalize (object);
}

static void
ent_import_dialog_class_init (EntImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_import_dialog_dispose;
  object_class->finalize = ent_import_dialog_finalize;

  /**
   * EntImportDialog::open-network:
   * @path: the new network's file
   *
   * Emitted when the person is done with an import into a new network, which is to open.
   */
  signals[OPEN_NETWORK] = g_signal_new ("open-network", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, setup_page);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, open_row);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, new_check);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, open_check);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, review_group);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, types_page);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, summary_title);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, EntImportDialog, problems_label);

  gtk_widget_class_install_action (widget_class, "import.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
ent_import_dialog_init (EntImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  self->mapping_groups = g_ptr_array_new ();
  self->decision_rows = g_ptr_array_new ();
  self->review_rows = g_ptr_array_new ();
}

/* The problems of the setup, at the top of its page, where they are seen. */
static void
add_problem_label (EntImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();

  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->problem_label));
  adw_preferences_page_add (self->setup_page, ADW_PREFERENCES_GROUP (group));
}

/**
 * ent_import_dialog_new:
 * @parent: the window importing
 * @store: (nullable): the network @parent shows, which the import may go into
 * @graph: (nullable): that network as loaded
 * @paths: (array zero-terminated=1): the files to import: one JSON file, or one or two CSV files
 * @error: return location for an error
 *
 * Makes the assistant for importing @paths, reading the start of each CSV
 * file for its mapping step.
 *
 * Returns: (transfer full): the dialog, or %NULL with @error set
 */
EntImportDialog *
ent_import_dialog_new (GtkWindow          *parent,
                       EntStore           *store,
                       EntGraph           *graph,
                       const char * const *paths,
                       GError            **error)
{
  g_autoptr(EntImportDialog) self = NULL;
  g_autoptr(GPtrArray) previews = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_csv_preview_free);
  EntDataFormat format;

  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);

  if (!ent_data_format_for_path (paths[0], &format, error))
    return NULL;

  self = g_object_ref_sink (g_object_new (ENT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL));
  self->paths = g_strdupv ((char **) paths);
  self->format = format;
  add_problem_label (self);

  /* Every file's start is read before a group is made of any, so that one that cannot be read leaves none. */
  for (guint i = 0; format == ENT_DATA_FORMAT_CSV && paths[i] != NULL; i++)
    {
      EntCsvPreview *preview = ent_csv_preview (paths[i], ENT_DATA_CSV_PREVIEW_RECORDS, error);

      if (preview == NULL)
        return NULL;
      g_ptr_array_add (previews, preview);
    }

  for (guint i = 0; i < previews->len; i++)
    {
      /* The group takes the preview. */
      GtkWidget *group = ent_csv_mapping_group_new (paths[i], g_steal_pointer (&previews->pdata[i]));

      g_signal_connect_swapped (group, "changed", G_CALLBACK (validate), self);
      /* The entities' file comes first, as the relations refer to its entities. */
      if (ent_csv_mapping_group_get_mapping (ENT_CSV_MAPPING_GROUP (group))->table == ENT_CSV_NODES)
        g_ptr_array_insert (self->mapping_groups, 0, group);
      else
        g_ptr_array_add (self->mapping_groups, group);
    }
  for (guint i = 0; i < self->mapping_groups->len; i++)
    adw_preferences_page_add (self->setup_page, g_ptr_array_index (self->mapping_groups, i));

  /* A read-only network cannot take the import; nor can a window without one. */
  if (store != NULL && graph != NULL && !ent_store_is_read_only (store))
    {
      g_autofree char *name = g_path_get_basename (ent_store_get_path (store));

      self->store = g_object_ref (store);
      self->graph = ent_graph_ref (graph);
      adw_action_row_set_subtitle (self->open_row, name);
      /* Into a network that has nothing yet is what a person importing into it most likely wants. */
      gtk_check_button_set_active (graph->entities->len == 0 ? self->open_check : self->new_check, TRUE);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->open_row), FALSE);

  set_state (self, STATE_SETUP);
  validate (self);
  return g_steal_pointer (&self);
}
