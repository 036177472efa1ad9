/* ent-store-private.h: the EntStore instance and the functions its files share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-store.h"

/* Undo and redo are SQLite sessions: changesets recorded per edit, inverted to undo. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _EntStore
{
  GObject   parent_instance;

  sqlite3  *db;
  char     *path;
  char     *read_only_reason;
  int       file_version;
  guint     transaction_depth;
  gboolean  read_only;
  /* The edit being recorded, and the changesets of past edits for undo and redo. */
  sqlite3_session *session;
  char            *edit_label;
  GPtrArray       *undo_stack;   /* Change */
  GPtrArray       *redo_stack;   /* Change */
  /* Files SQLite made beside a WAL file to read it, to be removed again. */
  gboolean  made_wal;
  gboolean  made_shm;
};

/* ent-store.c */
gboolean      _ent_store_check_writable        (EntStore      *self,
                                                GError       **error);
gboolean      _ent_store_finish                (EntStore      *self,
                                                gboolean       ok,
                                                GError       **error);
void          _ent_store_emit_changed          (EntStore      *self);

/* ent-store-aliases.c */
gboolean      _ent_store_load_aliases          (EntStore      *self,
                                                EntGraph      *graph,
                                                GError       **error);

/* ent-store-edit.c */
gboolean      _ent_store_check_text            (const char    *text,
                                                const char    *empty,
                                                const char    *invalid,
                                                GError       **error);
gboolean      _ent_store_check_dates           (const char    *start,
                                                const char    *end,
                                                GError       **error);

/* ent-store-sql.c */
void          _ent_store_set_sqlite_error      (GError       **error,
                                                sqlite3       *db,
                                                int            rc,
                                                const char    *what);
gboolean      _ent_store_exec                  (sqlite3       *db,
                                                const char    *sql,
                                                const char    *what,
                                                GError       **error);
sqlite3_stmt *_ent_store_prepare               (sqlite3       *db,
                                                const char    *sql,
                                                GError       **error,
                                                const char    *types,
                                                ...);
void          _ent_store_bind                  (sqlite3_stmt  *stmt,
                                                const char    *types,
                                                ...);
gboolean      _ent_store_step_done             (sqlite3       *db,
                                                sqlite3_stmt  *stmt,
                                                const char    *what,
                                                GError       **error);
gboolean      _ent_store_run                   (EntStore      *self,
                                                const char    *sql,
                                                const char    *what,
                                                int           *changes,
                                                GError       **error,
                                                const char    *types,
                                                ...);
gint64        _ent_store_insert                (EntStore      *self,
                                                const char    *sql,
                                                const char    *what,
                                                GError       **error,
                                                const char    *types,
                                                ...);
gboolean      _ent_store_query_int             (sqlite3       *db,
                                                const char    *sql,
                                                gint64        *value,
                                                GError       **error);
gboolean      _ent_store_check_found_valist    (int            changes,
                                                GError       **error,
                                                const char    *format,
                                                va_list        args) G_GNUC_PRINTF (3, 0);
gboolean      _ent_store_check_found           (int            changes,
                                                GError       **error,
                                                const char    *format,
                                                ...) G_GNUC_PRINTF (3, 4);

/* ent-store-schema.c */
gboolean      _ent_store_migrate               (EntStore      *self,
                                                int            from,
                                                GError       **error);
gboolean      _ent_store_is_our_trigger        (const char    *name,
                                                const char    *sql,
                                                int            version);
const char   *_ent_store_find_missing_table    (GHashTable    *tables,
                                                int            version);

/* ent-store-check.c */
gboolean      _ent_store_check_file            (sqlite3       *db,
                                                const char    *path,
                                                int           *version,
                                                GError       **error);
gboolean      _ent_store_check_header          (sqlite3       *db,
                                                const char    *path,
                                                int           *version,
                                                GError       **error);
gboolean      _ent_store_check_schema          (sqlite3       *db,
                                                const char    *path,
                                                int            version,
                                                GError       **error);
gboolean      _ent_store_count_mismatched_quotes (sqlite3     *db,
                                                  gint64      *mismatched,
                                                  GError     **error);

/* ent-store-routes.c */
gboolean      _ent_store_read_points           (sqlite3_stmt  *stmt,
                                                int            column,
                                                EntRoute      *route);
gboolean      _ent_store_bind_points           (sqlite3_stmt  *stmt,
                                                int            index,
                                                const EntRoute *route,
                                                GError       **error);

/* ent-store-undo.c */
void          _ent_store_undo_init             (EntStore      *self);
gboolean      _ent_store_restore_foreign_keys  (EntStore      *self,
                                                gboolean       report,
                                                GError       **error);

G_END_DECLS
