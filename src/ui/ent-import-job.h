/* ent-import-job.h: the import assistant's work off the main thread: reading, and writing a new network or into the open one
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-csv.h"
#include "ent-data.h"
#include "ent-import.h"

G_BEGIN_DECLS

/* What the worker thread reads and writes; it owns copies of all it needs. */
typedef struct
{
  GStrv           paths;
  EntDataFormat   format;
  char           *nodes_path;
  char           *edges_path;
  EntCsvMapping  *nodes;
  EntCsvMapping  *edges;
  char           *new_path;
  /* Writing into the open network: its file, the import and the person's choices (the dialog's, which
   * it keeps while the work goes on), and the edit as the worker's store recorded it. */
  char           *open_path;
  EntImport      *import;
  GArray         *matches;
  char           *label;
  GBytes         *changeset;
  int            *progress_permille;
  /* The part of the bar the current stage fills: reading, then writing a new network. */
  double          stage_start;
  double          stage_span;
  EntImportCounts counts;
} EntImportJob;

void _ent_import_job_free              (EntImportJob *job);
void _ent_import_job_read_thread       (GTask        *task,
                                        gpointer      source_object,
                                        gpointer      task_data,
                                        GCancellable *cancellable);
void _ent_import_job_write_new_thread  (GTask        *task,
                                        gpointer      source_object,
                                        gpointer      task_data,
                                        GCancellable *cancellable);
void _ent_import_job_write_open_thread (GTask        *task,
                                        gpointer      source_object,
                                        gpointer      task_data,
                                        GCancellable *cancellable);

G_END_DECLS
