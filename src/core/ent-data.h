/* ent-data.h: a network's data in and out of files: formats, new networks from imports, exports
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-csv.h"
#include "ent-import.h"
#include "ent-store.h"

G_BEGIN_DECLS

#define ENT_DATA_ERROR (ent_data_error_quark ())

typedef enum
{
  ENT_DATA_ERROR_UNKNOWN_FORMAT,
  ENT_DATA_ERROR_EXISTS,
  ENT_DATA_ERROR_FAILED,
} EntDataError;

typedef enum
{
  ENT_DATA_FORMAT_JSON,
  ENT_DATA_FORMAT_CSV,
  ENT_DATA_FORMAT_GRAPHML,
  ENT_DATA_FORMAT_CYTOSCAPE,
  ENT_DATA_FORMAT_FTM,
  ENT_DATA_FORMAT_DOT,
  ENT_DATA_FORMAT_GEXF,
  ENT_DATA_FORMAT_GEXF_1_2,
} EntDataFormat;

/* Reads a network from @paths (as many as the format's max_files). */
typedef EntImport *(*EntDataReadFunc)  (const char * const     *paths,
                                        GCancellable           *cancellable,
                                        EntImportProgressFunc   progress,
                                        gpointer                user_data,
                                        GError                **error);
/* Reads a network from the one file at @path. */
typedef EntImport *(*EntDataReadFileFunc) (const char             *path,
                                           GCancellable           *cancellable,
                                           EntImportProgressFunc   progress,
                                           gpointer                user_data,
                                           GError                **error);
/* Writes @graph, with its stored @layouts (EntImportLayout), to @path. */
typedef gboolean   (*EntDataWriteFunc) (EntGraph               *graph,
                                        GPtrArray              *layouts,
                                        const char             *path,
                                        GCancellable           *cancellable,
                                        GError                **error);
/* Whether the first bytes of a file (@length of them, NUL-terminated) are in the format. */
typedef gboolean   (*EntDataSniffFunc) (const char             *start,
                                        gsize                   length);

/* A data format, and how Entente reads and writes it. */
typedef struct
{
  EntDataFormat        format;
  const char          *name;               /* for --format */
  const char          *filter_name;        /* translatable (N_), for file choosers */
  const char          *export_filter_name; /* (nullable) when exporting says more than filter_name */
  const char          *mime_type;
  const char          *extensions[4];      /* lower case, no dot; the first is the one exports get */
  EntDataSniffFunc     sniff;              /* (nullable) for formats that share an extension */
  guint                max_files;          /* how many files make one network */
  /* Whether its entities' kinds come from one of their keys, which a person may choose when importing. */
  gboolean             kinds_from_keys;
  EntDataReadFunc      read;               /* (nullable) for formats of several files */
  EntDataReadFileFunc  read_file;          /* (nullable) for formats of one file */
  EntDataWriteFunc     write;              /* (nullable) for formats Entente only reads */
  /* Whether it is another way of writing the format before it, which is what reads its files. */
  gboolean             variant;
} EntDataFormatInfo;

/* How many records of a CSV file its columns' roles are guessed from, and its mapping step shows. */
#define ENT_DATA_CSV_PREVIEW_RECORDS 20

GQuark      ent_data_error_quark    (void);
const EntDataFormatInfo *ent_data_get_formats     (guint                  *n_formats);
const EntDataFormatInfo *ent_data_format_get_info (EntDataFormat           format);
gboolean    ent_data_format_has_path  (EntDataFormat           format,
                                       const char             *path);
EntImport  *ent_data_read_csv         (const char * const     *paths,
                                       GCancellable           *cancellable,
                                       EntImportProgressFunc   progress,
                                       gpointer                user_data,
                                       GError                **error);
gboolean    ent_data_format_for_name  (const char             *name,
                                       EntDataFormat          *format,
                                       GError                **error);
gboolean    ent_data_format_for_path  (const char             *path,
                                       EntDataFormat          *format,
                                       GError                **error);
char       *ent_data_network_path     (const char             *path);
void        ent_data_csv_paths        (const char             *path,
                                       char                  **entities_path,
                                       char                  **relations_path);
EntCsvMapping *ent_data_guess_csv    (const EntCsvPreview    *preview);
const char *ent_data_csv_pair_problem (EntCsvTable             table);
EntImport  *ent_data_read             (const char * const     *paths,
                                       EntDataFormat           format,
                                       GCancellable           *cancellable,
                                       EntImportProgressFunc   progress,
                                       gpointer                user_data,
                                       GError                **error);
gboolean    ent_data_write_network    (EntImport              *import,
                                       const char             *path,
                                       gboolean                replace,
                                       GCancellable           *cancellable,
                                       EntImportProgressFunc   progress,
                                       gpointer                user_data,
                                       EntImportCounts        *counts,
                                       GError                **error);
gboolean    ent_data_export           (EntStore               *store,
                                       const char             *path,
                                       EntDataFormat           format,
                                       GCancellable           *cancellable,
                                       GError                **error);

G_END_DECLS
