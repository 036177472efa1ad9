/* ent-csv.h: node and edge lists as spreadsheets write them, read into an import and written from a graph
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-import.h"

G_BEGIN_DECLS

/* Records as a file holds them, one at a time; errors are ENT_IMPORT_ERROR's. */
typedef struct _EntCsvReader EntCsvReader;

EntCsvReader *ent_csv_reader_new          (const char     *path,
                                           char            separator,
                                           GError        **error);
void          ent_csv_reader_free         (EntCsvReader   *self);
char          ent_csv_reader_get_separator (EntCsvReader  *self);
gboolean      ent_csv_reader_next         (EntCsvReader   *self,
                                           char         ***fields,
                                           guint          *n_fields,
                                           guint64        *line,
                                           GError        **error);
double        ent_csv_reader_get_fraction (EntCsvReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvReader, ent_csv_reader_free)

/* Whether a file lists entities (nodes) or relations (edges). */
typedef enum
{
  ENT_CSV_NODES,
  ENT_CSV_EDGES,
} EntCsvTable;

/* What a column of a file stands for. */
typedef enum
{
  ENT_CSV_ROLE_PROPERTY,      /* a property of each row, named after the column */
  ENT_CSV_ROLE_IGNORE,
  ENT_CSV_ROLE_ID,            /* how edges refer to nodes; an edge's own id is not kept */
  ENT_CSV_ROLE_NAME,
  ENT_CSV_ROLE_KIND,
  ENT_CSV_ROLE_DESCRIPTION,
  ENT_CSV_ROLE_ROLE,          /* what a person is, e.g. a minister */
  ENT_CSV_ROLE_START,
  ENT_CSV_ROLE_END,
  ENT_CSV_ROLE_QUOTES,        /* quote texts, a blank line between two */
  ENT_CSV_ROLE_QUOTE_SOURCES, /* the titles of the quotes' sources, one a line */
  ENT_CSV_ROLE_SOURCE,        /* an edge's first end */
  ENT_CSV_ROLE_TARGET,
  ENT_CSV_ROLE_SOURCE_NAME,   /* the name of an end that is given by id */
  ENT_CSV_ROLE_TARGET_NAME,
  ENT_CSV_ROLE_LABEL,
  ENT_CSV_ROLE_DIRECTED,      /* true/false, yes/no, 1/0, directed/undirected */
} EntCsvRole;

/* How an edge file names the ends of its edges. */
typedef enum
{
  ENT_CSV_ENDS_AUTO,    /* by id when the node file has an id column, else by name */
  ENT_CSV_ENDS_BY_ID,
  ENT_CSV_ENDS_BY_NAME,
} EntCsvEnds;

/*
 * What each column of a file stands for, as guessed from its headers and as
 * the person then changes it: @roles has one role for each of the file's
 * @n_columns columns.
 */
typedef struct
{
  EntCsvTable  table;
  char         separator; /* ',' ';' or '\t'; 0 to detect it */
  EntCsvEnds   ends;
  gboolean     directed;  /* for edges the file does not say it of */
  guint        n_columns;
  EntCsvRole  *roles;
} EntCsvMapping;

/* The start of a file, for the person to map its columns. */
typedef struct
{
  char       separator;
  GStrv      headers;
  GPtrArray *records; /* GStrv, each as long as @headers */
} EntCsvPreview;

EntCsvMapping   *ent_csv_mapping_new      (EntCsvTable           table,
                                           guint                 n_columns);
EntCsvMapping   *ent_csv_mapping_copy     (const EntCsvMapping  *self);
void             ent_csv_mapping_free     (EntCsvMapping        *self);
EntCsvMapping   *ent_csv_guess_mapping    (EntCsvTable           table,
                                           const EntCsvPreview  *preview);

EntCsvPreview   *ent_csv_preview          (const char           *path,
                                           guint                 n_records,
                                           GError              **error);
void             ent_csv_preview_free     (EntCsvPreview        *self);

/* The types a single value could have, as bits (1 << EntPropertyType), and the type all of a column's fit. */
EntCsvRole       ent_csv_guess_role       (EntCsvTable           table,
                                           const char           *name);
guint            ent_csv_value_types      (const char           *value);
EntPropertyType  ent_csv_column_type      (guint                 types);
gboolean         ent_csv_parse_directed   (const char           *value,
                                           gboolean             *directed);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvMapping, ent_csv_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntCsvPreview, ent_csv_preview_free)

EntImport *ent_csv_import (const char            *nodes_path,
                           const EntCsvMapping   *nodes,
                           const char            *edges_path,
                           const EntCsvMapping   *edges,
                           GCancellable          *cancellable,
                           EntImportProgressFunc  progress,
                           gpointer               user_data,
                           GError               **error);

const char *ent_csv_kind_column (EntGraph        *graph,
                                 const EntEntity *entity);

gboolean   ent_csv_export (EntGraph              *graph,
                           const char            *entities_path,
                           const char            *relations_path,
                           GError               **error);

G_END_DECLS
