/* ent-store.c: the EntStore object: opening, copying and closing a file, its properties and transactions
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

G_DEFINE_FINAL_TYPE (EntStore, ent_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ent-store-error-quark, ent_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/*
 * SQLite's advice for files that may come from someone else: no writes to
 * the schema by SQL, no functions with side effects from the schema, checked
 * cells and no memory mapping of the file.
 */
static gboolean
configure_connection (sqlite3  *db,
                      GError  **error)
{
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_busy_timeout (db, 5000);

  return _ent_store_exec (db,
                   "PRAGMA trusted_schema = OFF;"
                   "PRAGMA cell_size_check = ON;"
                   "PRAGMA mmap_size = 0;",
                   _("Could not configure the database"), error);
}

static gboolean
file_beside_exists (const char *path,
                    const char *suffix)
{
  g_autofree char *beside = g_strconcat (path, suffix, NULL);

  return g_file_test (beside, G_FILE_TEST_EXISTS);
}

/*
 * Reading a file in WAL mode makes SQLite create its -wal and -shm files,
 * even on a read-only connection. When we only looked at a file, those we
 * made are removed again, the -wal only while it is empty, as nothing was
 * written.
 */
static void
remove_files_beside (const char *path,
                     gboolean    made_wal,
                     gboolean    made_shm)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  GStatBuf st;

  if (made_wal && g_stat (wal, &st) == 0 && st.st_size == 0)
    g_unlink (wal);
  if (made_shm && !g_file_test (wal, G_FILE_TEST_EXISTS))
    g_unlink (shm);
}

static sqlite3 *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db, 1);

  if (!configure_connection (db, error))
    {
      sqlite3_close_v2 (db);
      return NULL;
    }

  return db;
}

static void
ent_store_finalize (GObject *object)
{
  EntStore *self = (EntStore *)object;

  if (self->transaction_depth > 0)
    g_critical ("Closing %s with a transaction open; it is rolled back", self->path);

  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->edit_label, g_free);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  if (self->path != NULL)
    remove_files_beside (self->path, self->made_wal, self->made_shm);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (ent_store_parent_class)->finalize (object);
}

static void
ent_store_class_init (EntStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_store_finalize;

  /**
   * EntStore::changed:
   *
   * An edit was committed, undone or redone: the graph must be loaded again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ent_store_init (EntStore *self)
{
  _ent_store_undo_init (self);
}

static EntStore *
open_read_only (const char  *path,
                sqlite3     *db,
                int          version,
                gboolean     made_wal,
                gboolean     made_shm,
                const char  *reason)
{
  EntStore *self = g_object_new (ENT_TYPE_STORE, NULL);

  self->made_wal = made_wal;
  self->made_shm = made_shm;
  self->path = g_strdup (path);
  self->db = db;
  self->file_version = version;
  self->read_only = TRUE;
  self->read_only_reason = g_strdup (reason);

  return self;
}

static gboolean
configure_for_writing (sqlite3  *db,
                       GError  **error)
{
  /* WAL keeps readers and the writer apart; FULL makes every edit durable when it is reported committed. */
  return _ent_store_exec (db,
                   "PRAGMA journal_mode = WAL;"
                   "PRAGMA synchronous = FULL;"
                   "PRAGMA foreign_keys = ON;",
                   _("Could not configure the database"), error);
}

/**
 * ent_store_open:
 * @path: the file
 * @flags: how to open it
 * @error: return location for an error
 *
 * Opens a .entente file. The file is checked without writing to it first;
 * only a file that passes is opened for writing and upgraded. A file of a
 * newer version, or one we may not write, opens read-only and says why in
 * ent_store_get_read_only_reason().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
EntStore *
ent_store_open (const char         *path,
                EntStoreOpenFlags   flags,
                GError            **error)
{
  g_autoptr(EntStore) self = NULL;
  sqlite3 *db;
  int version = 0;
  int reopened_version = 0;
  gboolean made_wal, made_shm;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(flags & ENT_STORE_OPEN_CREATE) || (flags & ENT_STORE_OPEN_READ_ONLY))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                       _("“%s” does not exist"), path);
          return NULL;
        }

      db = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
      if (db == NULL)
        return NULL;

      self = g_object_new (ENT_TYPE_STORE, NULL);
      self->path = g_strdup (path);
      self->db = db;

      if (!configure_for_writing (db, error) || !_ent_store_migrate (self, 0, error))
        return NULL;

      self->file_version = ENT_STORE_SCHEMA_VERSION;

      return g_steal_pointer (&self);
    }

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_ENTENTE,
                   _("“%s” is not a regular file"), path);
      return NULL;
    }

  made_wal = !file_beside_exists (path, "-wal");
  made_shm = !file_beside_exists (path, "-shm");

  db = open_connection (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    {
      remove_files_beside (path, made_wal, made_shm);
      return NULL;
    }

  if (!_ent_store_check_file (db, path, &version, error))
    {
      sqlite3_close_v2 (db);
      remove_files_beside (path, made_wal, made_shm);
      return NULL;
    }

  if (version > ENT_STORE_SCHEMA_VERSION)
    return open_read_only (path, db, version, made_wal, made_shm,
                           _("This file was made by a newer version of Entente. It can be read, but not changed."));

  if ((flags & ENT_STORE_OPEN_READ_ONLY) && version == ENT_STORE_SCHEMA_VERSION)
    return open_read_only (path, db, version, made_wal, made_shm, _("The file was opened read-only."));

  if (access (path, W_OK) != 0)
    {
      if (version == ENT_STORE_SCHEMA_VERSION)
        return open_read_only (path, db, version, made_wal, made_shm,
                               _("You do not have permission to change this file."));

      sqlite3_close_v2 (db);
      remove_files_beside (path, made_wal, made_shm);
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
                   _("“%s” was made by an older version of Entente and must be upgraded, but you do not have permission to change it"),
                   path);
      return NULL;
    }

  if (flags & ENT_STORE_OPEN_READ_ONLY)
    {
      sqlite3_close_v2 (db);
      remove_files_beside (path, made_wal, made_shm);
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
                   _("“%s” was made by an older version of Entente and must be upgraded before it can be read"),
                   path);
      return NULL;
    }

  sqlite3_close_v2 (db);

  db = open_connection (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;

  self = g_object_new (ENT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->db = db;

  /* The file may have changed since it was checked; the cheap checks run again on this connection. */
  if (!_ent_store_check_header (db, path, &reopened_version, error) ||
      !_ent_store_check_schema (db, path, reopened_version, error))
    return NULL;

  if (reopened_version != version)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                   _("“%s” was changed by another program while it was being opened"), path);
      return NULL;
    }

  if (!configure_for_writing (db, error))
    return NULL;

  self->file_version = version;
  if (version < ENT_STORE_SCHEMA_VERSION && !_ent_store_migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
ent_store_get_path (EntStore *self)
{
  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  return self->path;
}

gboolean
ent_store_is_read_only (EntStore *self)
{
  g_return_val_if_fail (ENT_IS_STORE (self), TRUE);

  return self->read_only;
}

const char *
ent_store_get_read_only_reason (EntStore *self)
{
  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  return self->read_only_reason;
}

/* The schema version the file had when it was opened, before any upgrade. */
int
ent_store_get_file_version (EntStore *self)
{
  g_return_val_if_fail (ENT_IS_STORE (self), 0);

  return self->file_version;
}

gboolean
_ent_store_check_writable (EntStore  *self,
                           GError   **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_READ_ONLY,
               "%s", self->read_only_reason);
  return FALSE;
}

/**
 * ent_store_begin:
 * @self: a #EntStore
 * @error: return location for an error
 *
 * Starts a transaction, or a savepoint inside the one already open, so that
 * several edits can be committed as one. Every write function of the store
 * calls this itself, so a single edit needs no explicit transaction.
 */
gboolean
ent_store_begin (EntStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  if (!_ent_store_check_writable (self, error))
    return FALSE;

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT ent_%u", self->transaction_depth);

  if (!_ent_store_exec (self->db, sql, _("Could not start a change"), error))
    return FALSE;

  self->transaction_depth++;
  return TRUE;
}

gboolean
ent_store_commit (EntStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE ent_%u", self->transaction_depth - 1);

  if (!_ent_store_exec (self->db, sql, _("Could not save the change"), error))
    {
      ent_store_rollback (self);
      return FALSE;
    }

  self->transaction_depth--;
  return TRUE;
}

void
ent_store_rollback (EntStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (ENT_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  if (self->transaction_depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO ent_%u; RELEASE ent_%u",
                           self->transaction_depth - 1, self->transaction_depth - 1);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("Rolling back failed: %s", sqlite3_errmsg (self->db));

  self->transaction_depth--;
}

/* Ends the transaction of one edit: committed when @ok, rolled back otherwise. */
gboolean
_ent_store_finish (EntStore  *self,
                   gboolean   ok,
                   GError   **error)
{
  if (!ok)
    {
      ent_store_rollback (self);
      return FALSE;
    }

  return ent_store_commit (self, error);
}

void
_ent_store_emit_changed (EntStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
copy_failed (int      saved_errno,
             GError **error)
{
  g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
               "%s: %s", _("Could not write the copy"), g_strerror (saved_errno));
  return FALSE;
}

/**
 * ent_store_save_copy:
 * @self: a #EntStore
 * @path: where to write the copy; a file there is replaced
 * @error: return location for an error
 *
 * Writes a compact copy of the file as it is now, in the rollback journal
 * mode, so that it can be read from a folder nobody may write to (an
 * installed file) and copied as one file.
 *
 * The copy is written beside @path under another name and renamed into
 * place once complete, so a copy that fails never leaves a half-written
 * file, nor harms the one it was to replace.
 */
gboolean
ent_store_save_copy (EntStore    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *partial = NULL;
  int fd;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  name = g_strdup_printf (".%s.XXXXXX", base);
  partial = g_build_filename (dir, name, NULL);

  /* VACUUM INTO writes into an empty file, which reserves the name. */
  fd = g_mkstemp_full (partial, O_RDWR, 0666);
  if (fd < 0)
    return copy_failed (errno, error);
  close (fd);

  stmt = _ent_store_prepare (self->db, "VACUUM INTO ?", error, "s", partial);
  if (stmt == NULL || !_ent_store_step_done (self->db, stmt, _("Could not write the copy"), error))
    {
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      return copy_failed (saved_errno, error);
    }

  return TRUE;
}
