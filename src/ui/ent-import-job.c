/* ent-import-job.c: the import assistant's work off the main thread: reading, and writing a new network or into the open one
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import-dialog"

#include "config.h"

#include "ent-import-job.h"
#include "ent-store.h"

void
_ent_import_job_free (EntImportJob *job)
{
  g_strfreev (job->paths);
  g_free (job->nodes_path);
  g_free (job->edges_path);
  g_clear_pointer (&job->nodes, ent_csv_mapping_free);
  g_clear_pointer (&job->edges, ent_csv_mapping_free);
  g_free (job->new_path);
  g_free (job->open_path);
  g_free (job->label);
  g_clear_pointer (&job->changeset, g_bytes_unref);
  g_free (job);
}

static void
job_progress_cb (double   fraction,
                 gpointer user_data)
{
  EntImportJob *job = user_data;

  g_atomic_int_set (job->progress_permille, (int) (1000 * (job->stage_start + fraction * job->stage_span)));
}

/* Reads the files; for CSV, whose mapping step came first, writes the new network too when there is to be one. */
void
_ent_import_job_read_thread (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  EntImportJob *job = task_data;
  g_autoptr(EntImport) import = NULL;
  g_autoptr(GError) error = NULL;

  job->stage_start = 0;
  job->stage_span = job->new_path != NULL ? 0.5 : 1.0;
  if (job->format == ENT_DATA_FORMAT_CSV)
    import = ent_csv_import (job->nodes_path, job->nodes, job->edges_path, job->edges, cancellable,
                             job_progress_cb, job, &error);
  else
    import = ent_data_read ((const char * const *) job->paths, job->format, cancellable, job_progress_cb, job, &error);

  job->stage_start = 0.5;
  if (import != NULL && job->new_path != NULL &&
      !ent_data_write_network (import, job->new_path, TRUE, cancellable, job_progress_cb, job, &job->counts, &error))
    g_clear_pointer (&import, ent_import_free);

  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&import), (GDestroyNotify) ent_import_free);
}

/*
 * Writes the import into the open network through a connection of the worker's own, as one edit that
 * the window's store then takes onto its undo stack: the window's store is the main thread's.
 */
void
_ent_import_job_write_open_thread (GTask        *task,
                                   gpointer      source_object,
                                   gpointer      task_data,
                                   GCancellable *cancellable)
{
  EntImportJob *job = task_data;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  job->stage_start = 0;
  job->stage_span = 1.0;
  store = ent_store_open (job->open_path, ENT_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !ent_store_import (store, job->import, job->label, FALSE, job->matches, cancellable, job_progress_cb, job,
                         &job->counts, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->changeset = ent_store_take_last_edit (store, &label);
  g_task_return_boolean (task, TRUE);
}

/* Writes what was read, which the dialog keeps meanwhile, as a new network. */
void
_ent_import_job_write_new_thread (GTask        *task,
                                  gpointer      source_object,
                                  gpointer      task_data,
                                  GCancellable *cancellable)
{
  EntImportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  job->stage_start = 0;
  job->stage_span = 1.0;
  if (!ent_data_write_network (job->import, job->new_path, TRUE, cancellable, job_progress_cb, job, &job->counts,
                               &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}
