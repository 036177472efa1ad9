/* ent-store.c: reading and writing .entente files
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-text.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
/* Undo and redo are SQLite sessions: changesets recorded per edit, inverted to undo. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <unistd.h>

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

G_DEFINE_FINAL_TYPE (EntStore, ent_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (ent-store-error-quark, ent_store_error)

/*
 * The schema, one migration a version. Version 1 held the network and its
 * evidence; version 2 added roles, stored layouts and the triggers that keep
 * every quote equal to its passage, for files edited outside Entente.
 *
 * The triggers are compared word for word when a file is opened, so a file
 * cannot bring its own code under one of our names.
 */
#define TRIGGER_QUOTES_INSERT \
  "CREATE TRIGGER quotes_match_insert BEFORE INSERT ON quotes\n" \
  "WHEN NEW.text IS NOT (SELECT substr (body, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset)\n" \
  "                      FROM sources WHERE id = NEW.source_id)\n" \
  "BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END"
#define TRIGGER_QUOTES_UPDATE \
  "CREATE TRIGGER quotes_match_update BEFORE UPDATE ON quotes\n" \
  "WHEN NEW.text IS NOT (SELECT substr (body, NEW.start_offset + 1, NEW.end_offset - NEW.start_offset)\n" \
  "                      FROM sources WHERE id = NEW.source_id)\n" \
  "BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END"
#define TRIGGER_SOURCES_UPDATE \
  "CREATE TRIGGER sources_keep_quotes BEFORE UPDATE OF body ON sources\n" \
  "WHEN EXISTS (SELECT 1 FROM quotes WHERE source_id = NEW.id\n" \
  "             AND text IS NOT substr (NEW.body, start_offset + 1, end_offset - start_offset))\n" \
  "BEGIN SELECT RAISE (ABORT, 'quote does not match its source'); END"

#define COUNT_MISMATCHED_QUOTES \
  "SELECT count (*) FROM quotes q JOIN sources s ON s.id = q.source_id " \
  "WHERE q.text IS NOT substr (s.body, q.start_offset + 1, q.end_offset - q.start_offset)"

static const char * const migrations[ENT_STORE_SCHEMA_VERSION] = {
  /* 0 → 1 */
  "CREATE TABLE sources (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  title TEXT NOT NULL CHECK (length (title) > 0),\n"
  "  publisher TEXT,\n"
  "  url TEXT,\n"
  "  published TEXT,\n"
  "  body TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE entities (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL CHECK (kind IN ('person', 'country', 'place', 'commission',\n"
  "                                     'organisation', 'community', 'sector', 'event')),\n"
  "  name TEXT NOT NULL CHECK (length (name) > 0),\n"
  "  description TEXT NOT NULL DEFAULT '',\n"
  "  start_date TEXT,\n"
  "  end_date TEXT\n"
  ");\n"
  "CREATE TABLE relations (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  kind TEXT NOT NULL CHECK (length (kind) > 0),\n"
  "  from_entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  to_entity INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  label TEXT NOT NULL DEFAULT '',\n"
  "  directed INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),\n"
  "  start_date TEXT,\n"
  "  end_date TEXT\n"
  ");\n"
  "CREATE TABLE quotes (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,\n"
  "  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),\n"
  "  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),\n"
  "  text TEXT NOT NULL\n"
  ");\n"
  "CREATE TABLE entity_evidence (\n"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (entity_id, quote_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE relation_evidence (\n"
  "  relation_id INTEGER NOT NULL REFERENCES relations (id) ON DELETE CASCADE,\n"
  "  quote_id INTEGER NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (relation_id, quote_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX relations_from ON relations (from_entity);\n"
  "CREATE INDEX relations_to ON relations (to_entity);\n"
  "CREATE INDEX quotes_source ON quotes (source_id);\n"
  "CREATE INDEX entity_evidence_quote ON entity_evidence (quote_id);\n"
  "CREATE INDEX relation_evidence_quote ON relation_evidence (quote_id);\n",

  /* 1 → 2 */
  "ALTER TABLE entities ADD COLUMN role TEXT;\n"
  "CREATE TABLE positions (\n"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,\n"
  "  engine TEXT NOT NULL,\n"
  "  x REAL NOT NULL,\n"
  "  y REAL NOT NULL,\n"
  "  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),\n"
  "  PRIMARY KEY (entity_id, engine)\n"
  ") WITHOUT ROWID;\n"
  TRIGGER_QUOTES_INSERT ";\n"
  TRIGGER_QUOTES_UPDATE ";\n"
  TRIGGER_SOURCES_UPDATE ";\n",
};

typedef struct
{
  const char *name;
  int         since;
} SchemaObject;

static const SchemaObject our_tables[] = {
  { "sources", 1 },
  { "entities", 1 },
  { "relations", 1 },
  { "quotes", 1 },
  { "entity_evidence", 1 },
  { "relation_evidence", 1 },
  { "positions", 2 },
};

static const struct {
  const char *name;
  const char *sql;
  int         since;
} our_triggers[] = {
  { "quotes_match_insert", TRIGGER_QUOTES_INSERT, 2 },
  { "quotes_match_update", TRIGGER_QUOTES_UPDATE, 2 },
  { "sources_keep_quotes", TRIGGER_SOURCES_UPDATE, 2 },
};

static void
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *what)
{
  EntStoreError code;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = ENT_STORE_ERROR_CORRUPT;
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      code = ENT_STORE_ERROR_READ_ONLY;
      break;

    case SQLITE_CONSTRAINT:
      code = ENT_STORE_ERROR_INVALID;
      break;

    default:
      code = ENT_STORE_ERROR_FAILED;
      break;
    }

  g_set_error (error, ENT_STORE_ERROR, code, "%s: %s", what, message);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, what);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, db, rc, _("Could not read the file"));
      return NULL;
    }

  return stmt;
}

/* Runs a query that answers one integer. */
static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (error, db, rc, _("Could not read the file"));
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

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

  return exec_sql (db,
                   "PRAGMA trusted_schema = OFF;"
                   "PRAGMA cell_size_check = ON;"
                   "PRAGMA mmap_size = 0;",
                   _("Could not configure the database"), error);
}

static gboolean
check_integrity (sqlite3     *db,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0)
    return TRUE;

  if ((rc & 0xff) == SQLITE_NOTADB)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_ENTENTE,
                 _("“%s” is not an Entente file"), path);
  else
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged and cannot be opened: %s"), path,
                 rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0)
                                  : sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
is_our_trigger (const char *name,
                const char *sql,
                int         version)
{
  for (guint i = 0; i < G_N_ELEMENTS (our_triggers); i++)
    if (our_triggers[i].since <= version &&
        g_str_equal (name, our_triggers[i].name) &&
        g_strcmp0 (sql, our_triggers[i].sql) == 0)
      return TRUE;
  return FALSE;
}

/*
 * Allows only what our own schema of @version has: no views, no virtual
 * tables and no triggers but ours, word for word. Tables and indexes that a
 * person added with the sqlite3 shell are left alone; they run no code when
 * we read or write our tables. A file from a newer version is only ever
 * read, so its triggers never fire and are allowed.
 */
static gboolean
check_schema (sqlite3     *db,
              const char  *path,
              int          version,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean newer = version > ENT_STORE_SCHEMA_VERSION;
  int rc;

  stmt = prepare (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *sql = (const char *) sqlite3_column_text (stmt, 3);
      gboolean allowed;

      if (type == NULL || name == NULL)
        allowed = FALSE;
      else if (g_str_equal (type, "table"))
        {
          allowed = sql == NULL || !g_str_has_prefix (sql, "CREATE VIRTUAL");
          if (allowed)
            g_hash_table_add (tables, g_strdup (name));
        }
      else if (g_str_equal (type, "index"))
        allowed = TRUE;
      else if (g_str_equal (type, "trigger"))
        allowed = newer || is_our_trigger (name, sql, version);
      else
        allowed = FALSE;

      if (!allowed)
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_UNSAFE_SCHEMA,
                       _("“%s” contains a %s “%s” that Entente did not create, and is not opened for safety"),
                       path, type ? type : "?", name ? name : "?");
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, db, rc, _("Could not read the file"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (our_tables); i++)
    {
      if (our_tables[i].since > version)
        continue;

      if (!g_hash_table_contains (tables, our_tables[i].name))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                       _("“%s” has no table “%s”"), path, our_tables[i].name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_header (sqlite3     *db,
              const char  *path,
              int         *version,
              GError     **error)
{
  gint64 application_id = 0;
  gint64 user_version = 0;

  if (!query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", &user_version, error))
    return FALSE;

  if (application_id != ENT_STORE_APPLICATION_ID || user_version < 1 || user_version > G_MAXINT)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_ENTENTE,
                   _("“%s” is not an Entente file"), path);
      return FALSE;
    }

  *version = user_version;
  return TRUE;
}

/* Everything Entente checks before it trusts a file, none of which writes to it. */
static gboolean
check_file (sqlite3     *db,
            const char  *path,
            int         *version,
            GError     **error)
{
  return check_integrity (db, path, error) &&
         check_header (db, path, version, error) &&
         check_schema (db, path, *version, error);
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

static gboolean
migrate (EntStore  *self,
         int        from,
         GError   **error)
{
  g_autofree char *pragmas = NULL;
  gint64 mismatched = 0;

  if (!ent_store_begin (self, error))
    return FALSE;

  for (int v = from; v < ENT_STORE_SCHEMA_VERSION; v++)
    {
      if (!exec_sql (self->db, migrations[v], _("Could not upgrade the file"), error))
        goto failed;
    }

  /* Files of version 1 had no triggers to keep quotes exact; refuse to adopt a broken one. */
  if (!query_int (self->db,
                  COUNT_MISMATCHED_QUOTES,
                  &mismatched, error))
    goto failed;

  if (mismatched > 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” cannot be upgraded: %lld quote does not match its source",
                                "“%s” cannot be upgraded: %lld quotes do not match their sources",
                                mismatched),
                   self->path, (long long) mismatched);
      goto failed;
    }

  pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                             ENT_STORE_APPLICATION_ID, ENT_STORE_SCHEMA_VERSION);
  if (!exec_sql (self->db, pragmas, _("Could not upgrade the file"), error))
    goto failed;

  return ent_store_commit (self, error);

failed:
  ent_store_rollback (self);
  return FALSE;
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

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

typedef struct
{
  char   *label;
  GBytes *changeset;
} Change;

static void
change_free (Change *change)
{
  g_free (change->label);
  g_bytes_unref (change->changeset);
  g_free (change);
}

static void
ent_store_init (EntStore *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
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
  return exec_sql (db,
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

      if (!configure_for_writing (db, error) || !migrate (self, 0, error))
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

  if (!check_file (db, path, &version, error))
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
  if (!check_header (db, path, &reopened_version, error) ||
      !check_schema (db, path, reopened_version, error))
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
  if (version < ENT_STORE_SCHEMA_VERSION && !migrate (self, version, error))
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

static gboolean
check_writable (EntStore  *self,
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

  if (!check_writable (self, error))
    return FALSE;

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT ent_%u", self->transaction_depth);

  if (!exec_sql (self->db, sql, _("Could not start a change"), error))
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

  if (!exec_sql (self->db, sql, _("Could not save the change"), error))
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
static gboolean
finish (EntStore  *self,
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

static gint64
step_insert (EntStore      *self,
             sqlite3_stmt  *stmt,
             const char    *what,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, what);
      return 0;
    }

  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
check_text (const char  *text,
            gboolean     required,
            const char  *field,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;

      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("The %s must not be empty"), field);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text"), field);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_dates (const char  *start,
             const char  *end,
             GError     **error)
{
  if ((start != NULL && !ent_date_is_valid (start)) ||
      (end != NULL && !ent_date_is_valid (end)))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("Dates must be written as YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD"));
      return FALSE;
    }

  return TRUE;
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

gint64
ent_store_add_source (EntStore         *self,
                      const EntSource  *source,
                      GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  if (!check_text (source->title, TRUE, _("title"), error) ||
      !check_text (source->body, FALSE, _("text"), error) ||
      !check_text (source->publisher, FALSE, _("publisher"), error) ||
      !check_text (source->url, FALSE, _("address"), error) ||
      !check_dates (source->published, NULL, error))
    return 0;

  if (!ent_store_begin (self, error))
    return 0;

  stmt = prepare (self->db,
                  "INSERT INTO sources (title, publisher, url, published, body) VALUES (?, ?, ?, ?, ?)",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, source->title, -1, SQLITE_STATIC);
      bind_optional_text (stmt, 2, source->publisher);
      bind_optional_text (stmt, 3, source->url);
      bind_optional_text (stmt, 4, source->published);
      sqlite3_bind_text (stmt, 5, source->body ? source->body : "", -1, SQLITE_STATIC);
      id = step_insert (self, stmt, _("Could not add the source"), error);
    }

  return finish (self, id > 0, error) ? id : 0;
}

gint64
ent_store_add_entity (EntStore         *self,
                      const EntEntity  *entity,
                      GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);
  g_return_val_if_fail (entity != NULL, 0);
  g_return_val_if_fail (entity->kind < ENT_N_KINDS, 0);

  if (!check_text (entity->name, TRUE, _("name"), error) ||
      !check_text (entity->role, FALSE, _("role"), error) ||
      !check_text (entity->description, FALSE, _("description"), error) ||
      !check_dates (entity->start_date, entity->end_date, error))
    return 0;

  if (!ent_store_begin (self, error))
    return 0;

  stmt = prepare (self->db,
                  "INSERT INTO entities (kind, name, role, description, start_date, end_date) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, ent_kind_to_string (entity->kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, entity->name, -1, SQLITE_STATIC);
      bind_optional_text (stmt, 3, entity->role);
      sqlite3_bind_text (stmt, 4, entity->description ? entity->description : "", -1, SQLITE_STATIC);
      bind_optional_text (stmt, 5, entity->start_date);
      bind_optional_text (stmt, 6, entity->end_date);
      id = step_insert (self, stmt, _("Could not add the entity"), error);
    }

  return finish (self, id > 0, error) ? id : 0;
}

gint64
ent_store_add_relation (EntStore           *self,
                        const EntRelation  *relation,
                        GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);
  g_return_val_if_fail (relation != NULL, 0);

  if (!check_text (relation->kind, TRUE, _("kind of relation"), error) ||
      !check_text (relation->label, FALSE, _("label"), error) ||
      !check_dates (relation->start_date, relation->end_date, error))
    return 0;

  if (!ent_store_begin (self, error))
    return 0;

  stmt = prepare (self->db,
                  "INSERT INTO relations (kind, from_entity, to_entity, label, directed, start_date, end_date) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, relation->kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, relation->from_id);
      sqlite3_bind_int64 (stmt, 3, relation->to_id);
      sqlite3_bind_text (stmt, 4, relation->label ? relation->label : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, relation->directed ? 1 : 0);
      bind_optional_text (stmt, 6, relation->start_date);
      bind_optional_text (stmt, 7, relation->end_date);
      id = step_insert (self, stmt, _("Could not add the relation"), error);
    }

  return finish (self, id > 0, error) ? id : 0;
}

static char *
get_source_body (EntStore  *self,
                 gint64     source_id,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self->db, "SELECT body FROM sources WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, source_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  if (rc == SQLITE_DONE)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                 _("There is no source with the id %lld"), (long long) source_id);
  else
    set_sqlite_error (error, self->db, rc, _("Could not read the source"));

  return NULL;
}

/**
 * ent_store_add_quote:
 * @self: a #EntStore
 * @source_id: the source quoted
 * @start: the first character of the passage
 * @end: the character after the passage
 * @text: the passage
 * @error: return location for an error
 *
 * Stores a quote, but only when @text is exactly the characters of the
 * source between @start and @end.
 *
 * Returns: the new quote's id, or 0 with @error set
 */
gint64
ent_store_add_quote (EntStore    *self,
                     gint64       source_id,
                     gint64       start,
                     gint64       end,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *body = NULL;
  g_autofree char *passage = NULL;
  gint64 id = 0;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);

  if (!check_text (text, TRUE, _("quote"), error))
    return 0;

  if (!ent_store_begin (self, error))
    return 0;

  body = get_source_body (self, source_id, error);
  if (body != NULL)
    {
      passage = ent_text_substring (body, start, end);
      if (g_strcmp0 (passage, text) != 0)
        g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                     _("The quote “%s” is not the text of its source at characters %lld–%lld"),
                     text, (long long) start, (long long) end);
      else
        stmt = prepare (self->db,
                        "INSERT INTO quotes (source_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?)",
                        error);
    }

  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, source_id);
      sqlite3_bind_int64 (stmt, 2, start);
      sqlite3_bind_int64 (stmt, 3, end);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
      id = step_insert (self, stmt, _("Could not add the quote"), error);
    }

  return finish (self, id > 0, error) ? id : 0;
}

static gboolean
add_evidence (EntStore    *self,
              const char  *sql,
              gint64       owner_id,
              gint64       quote_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;

  if (!ent_store_begin (self, error))
    return FALSE;

  stmt = prepare (self->db, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_int64 (stmt, 2, quote_id);
      ok = step_insert (self, stmt, _("Could not add the evidence"), error) != 0;
    }

  return finish (self, ok, error);
}

gboolean
ent_store_add_entity_evidence (EntStore  *self,
                               gint64     entity_id,
                               gint64     quote_id,
                               GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  return add_evidence (self,
                       "INSERT OR IGNORE INTO entity_evidence (entity_id, quote_id) VALUES (?, ?)",
                       entity_id, quote_id, error);
}

gboolean
ent_store_add_relation_evidence (EntStore  *self,
                                 gint64     relation_id,
                                 gint64     quote_id,
                                 GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  return add_evidence (self,
                       "INSERT OR IGNORE INTO relation_evidence (relation_id, quote_id) VALUES (?, ?)",
                       relation_id, quote_id, error);
}

gboolean
ent_store_set_entity_name (EntStore    *self,
                           gint64       entity_id,
                           const char  *name,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  if (!check_text (name, TRUE, _("name"), error))
    return FALSE;

  if (!ent_store_begin (self, error))
    return FALSE;

  stmt = prepare (self->db, "UPDATE entities SET name = ? WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, entity_id);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        set_sqlite_error (error, self->db, rc, _("Could not rename the entity"));
      else if (sqlite3_changes (self->db) == 0)
        g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                     _("There is no entity with the id %lld"), (long long) entity_id);
      else
        ok = TRUE;
    }

  return finish (self, ok, error);
}

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static GArray *
new_id_array (void)
{
  return g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Reads rows of (owner id, quote id) into the owners' quote_ids. */
static gboolean
load_evidence (EntStore                 *self,
               const char               *sql,
               EntGraph                 *graph,
               gboolean                  for_entities,
               GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      gint64 quote = sqlite3_column_int64 (stmt, 1);
      GArray *ids = NULL;

      if (for_entities)
        {
          EntEntity *entity = ent_graph_get_entity (graph, owner);
          if (entity != NULL)
            ids = entity->quote_ids;
        }
      else
        {
          EntRelation *relation = ent_graph_get_relation (graph, owner);
          if (relation != NULL)
            ids = relation->quote_ids;
        }

      if (ids != NULL)
        g_array_append_val (ids, quote);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the evidence"));
      return FALSE;
    }

  return TRUE;
}

/**
 * ent_store_load_graph:
 * @self: a #EntStore
 * @error: return location for an error
 *
 * Reads the whole network, in one read transaction so that it is consistent.
 *
 * Returns: (transfer full): the graph, or %NULL with @error set
 */
EntGraph *
ent_store_load_graph (EntStore  *self,
                      GError   **error)
{
  g_autoptr(EntGraph) graph = ent_graph_new ();
  g_autoptr(sqlite3_stmt) sources = NULL;
  g_autoptr(sqlite3_stmt) entities = NULL;
  g_autoptr(sqlite3_stmt) relations = NULL;
  g_autoptr(sqlite3_stmt) quotes = NULL;
  gboolean ok = FALSE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  if (!exec_sql (self->db, "SAVEPOINT ent_load", _("Could not read the file"), error))
    return NULL;

  sources = prepare (self->db, "SELECT id, title, publisher, url, published, body FROM sources ORDER BY id", error);
  entities = sources ? prepare (self->db,
                                "SELECT id, kind, name, role, description, start_date, end_date "
                                "FROM entities ORDER BY id", error) : NULL;
  relations = entities ? prepare (self->db,
                                  "SELECT id, kind, from_entity, to_entity, label, directed, start_date, end_date "
                                  "FROM relations ORDER BY id", error) : NULL;
  quotes = relations ? prepare (self->db,
                                "SELECT id, source_id, start_offset, end_offset, text FROM quotes ORDER BY id",
                                error) : NULL;
  if (quotes == NULL)
    goto out;

  while ((rc = sqlite3_step (sources)) == SQLITE_ROW)
    {
      EntSource *source = g_new0 (EntSource, 1);

      source->id = sqlite3_column_int64 (sources, 0);
      source->title = column_strdup (sources, 1);
      source->publisher = column_strdup (sources, 2);
      source->url = column_strdup (sources, 3);
      source->published = column_strdup (sources, 4);
      source->body = column_strdup (sources, 5);
      ent_graph_take_source (graph, source);
    }
  if (rc != SQLITE_DONE)
    goto out;

  while ((rc = sqlite3_step (entities)) == SQLITE_ROW)
    {
      EntEntity *entity = g_new0 (EntEntity, 1);

      entity->id = sqlite3_column_int64 (entities, 0);
      if (!ent_kind_from_string ((const char *) sqlite3_column_text (entities, 1), &entity->kind))
        entity->kind = ENT_KIND_ORGANISATION;
      entity->name = column_strdup (entities, 2);
      entity->role = column_strdup (entities, 3);
      entity->description = column_strdup (entities, 4);
      entity->start_date = column_strdup (entities, 5);
      entity->end_date = column_strdup (entities, 6);
      entity->quote_ids = new_id_array ();
      ent_graph_take_entity (graph, entity);
    }
  if (rc != SQLITE_DONE)
    goto out;

  while ((rc = sqlite3_step (relations)) == SQLITE_ROW)
    {
      EntRelation *relation = g_new0 (EntRelation, 1);

      relation->id = sqlite3_column_int64 (relations, 0);
      relation->kind = column_strdup (relations, 1);
      relation->from_id = sqlite3_column_int64 (relations, 2);
      relation->to_id = sqlite3_column_int64 (relations, 3);
      relation->label = column_strdup (relations, 4);
      relation->directed = sqlite3_column_int (relations, 5) != 0;
      relation->start_date = column_strdup (relations, 6);
      relation->end_date = column_strdup (relations, 7);
      relation->quote_ids = new_id_array ();
      ent_graph_take_relation (graph, relation);
    }
  if (rc != SQLITE_DONE)
    goto out;

  while ((rc = sqlite3_step (quotes)) == SQLITE_ROW)
    {
      EntQuote *quote = g_new0 (EntQuote, 1);

      quote->id = sqlite3_column_int64 (quotes, 0);
      quote->source_id = sqlite3_column_int64 (quotes, 1);
      quote->start = sqlite3_column_int64 (quotes, 2);
      quote->end = sqlite3_column_int64 (quotes, 3);
      quote->text = column_strdup (quotes, 4);
      ent_graph_take_quote (graph, quote);
    }
  if (rc != SQLITE_DONE)
    goto out;

  ok = load_evidence (self, "SELECT entity_id, quote_id FROM entity_evidence ORDER BY entity_id, quote_id",
                      graph, TRUE, error) &&
       load_evidence (self, "SELECT relation_id, quote_id FROM relation_evidence ORDER BY relation_id, quote_id",
                      graph, FALSE, error);

out:
  if (!ok && error != NULL && *error == NULL)
    set_sqlite_error (error, self->db, rc, _("Could not read the file"));

  sqlite3_exec (self->db, "RELEASE ent_load", NULL, NULL, NULL);

  return ok ? g_steal_pointer (&graph) : NULL;
}

/**
 * ent_store_save_copy:
 * @self: a #EntStore
 * @path: where to write the copy; must not exist
 * @error: return location for an error
 *
 * Writes a compact copy of the file as it is now, in the rollback journal
 * mode, so that it can be read from a folder nobody may write to (an
 * installed file) and copied as one file.
 */
gboolean
ent_store_save_copy (EntStore    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                   _("“%s” already exists"), path);
      return FALSE;
    }

  stmt = prepare (self->db, "VACUUM INTO ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not write the copy"));
      return FALSE;
    }

  return TRUE;
}

/**
 * ent_store_check_integrity:
 * @self: a #EntStore
 * @error: return location for an error
 *
 * Runs SQLite's full integrity check and our own: every quote is still the
 * passage of its source.
 */
gboolean
ent_store_check_integrity (EntStore  *self,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 mismatched = 0;
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  stmt = prepare (self->db, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: %s"), self->path,
                   rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (!query_int (self->db,
                  COUNT_MISMATCHED_QUOTES,
                  &mismatched, error))
    return FALSE;

  if (mismatched > 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                   _("“%s” has quotes that do not match their sources"), self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * ent_store_load_positions:
 * @self: a #EntStore
 * @engine: the layout engine the positions were made with
 * @error: return location for an error
 *
 * Returns: (transfer full): a #GArray of #EntPosition, ordered by entity, or
 *   %NULL with @error set
 */
GArray *
ent_store_load_positions (EntStore    *self,
                          const char  *engine,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  stmt = prepare (self->db,
                  "SELECT entity_id, x, y, pinned FROM positions WHERE engine = ? ORDER BY entity_id",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, engine, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntPosition position = {
        .entity_id = sqlite3_column_int64 (stmt, 0),
        .x = sqlite3_column_double (stmt, 1),
        .y = sqlite3_column_double (stmt, 2),
        .pinned = sqlite3_column_int (stmt, 3) != 0,
      };

      if (isfinite (position.x) && isfinite (position.y))
        g_array_append_val (positions, position);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the layout"));
      return NULL;
    }

  return g_steal_pointer (&positions);
}

/**
 * ent_store_save_positions:
 * @self: a #EntStore
 * @engine: the layout engine the positions were made with
 * @positions: (array length=n_positions): the positions
 * @n_positions: how many
 * @error: return location for an error
 *
 * Stores the positions of @engine's layout, in one transaction. Entities
 * not named keep the position they had.
 */
gboolean
ent_store_save_positions (EntStore           *self,
                          const char         *engine,
                          const EntPosition  *positions,
                          guint               n_positions,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (engine != NULL && *engine != '\0', FALSE);
  g_return_val_if_fail (positions != NULL || n_positions == 0, FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  stmt = prepare (self->db,
                  "INSERT INTO positions (entity_id, engine, x, y, pinned) VALUES (?, ?, ?, ?, ?) "
                  "ON CONFLICT (entity_id, engine) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned",
                  error);
  ok = stmt != NULL;

  for (guint i = 0; ok && i < n_positions; i++)
    {
      int rc;

      if (!isfinite (positions[i].x) || !isfinite (positions[i].y))
        {
          g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                       _("A position must be a finite number"));
          ok = FALSE;
          break;
        }

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, positions[i].entity_id);
      sqlite3_bind_text (stmt, 2, engine, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 3, positions[i].x);
      sqlite3_bind_double (stmt, 4, positions[i].y);
      sqlite3_bind_int (stmt, 5, positions[i].pinned ? 1 : 0);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, _("Could not save the layout"));
          ok = FALSE;
        }
    }

  return finish (self, ok, error);
}

/**
 * ent_store_edit_begin:
 * @self: a #EntStore
 * @label: what the edit does, for the Undo menu item ("Rename Aleinik")
 * @error: return location for an error
 *
 * Starts one undoable edit: a transaction during which every change to the
 * file is recorded, until ent_store_edit_commit() or
 * ent_store_edit_cancel().
 */
gboolean
ent_store_edit_begin (EntStore    *self,
                      const char  *label,
                      GError     **error)
{
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (self->session == NULL && self->transaction_depth == 0, FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  rc = sqlite3session_create (self->db, "main", &self->session);
  if (rc == SQLITE_OK)
    rc = sqlite3session_attach (self->session, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not start a change"));
      g_clear_pointer (&self->session, sqlite3session_delete);
      ent_store_rollback (self);
      return FALSE;
    }

  self->edit_label = g_strdup (label);
  return TRUE;
}

void
ent_store_edit_cancel (EntStore *self)
{
  g_return_if_fail (ENT_IS_STORE (self));
  g_return_if_fail (self->session != NULL);

  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->edit_label, g_free);
  ent_store_rollback (self);
}

gboolean
ent_store_edit_commit (EntStore  *self,
                       GError   **error)
{
  void *data = NULL;
  int size = 0;
  int rc;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->session != NULL, FALSE);

  rc = sqlite3session_changeset (self->session, &size, &data);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not save the change"));
      ent_store_edit_cancel (self);
      return FALSE;
    }

  g_clear_pointer (&self->session, sqlite3session_delete);

  if (!ent_store_commit (self, error))
    {
      sqlite3_free (data);
      g_clear_pointer (&self->edit_label, g_free);
      return FALSE;
    }

  /* An edit that changed nothing is not worth an Undo. */
  if (size > 0)
    {
      Change *change = g_new0 (Change, 1);

      change->label = g_steal_pointer (&self->edit_label);
      change->changeset = g_bytes_new (data, size);
      g_ptr_array_add (self->undo_stack, change);
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  sqlite3_free (data);
  g_clear_pointer (&self->edit_label, g_free);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Right after an edit nothing else can have changed the same rows, so any conflict means the file was changed behind our back. */
static int
conflict_cb (void                   *user_data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

static gboolean
apply_change (EntStore    *self,
              GBytes      *changeset,
              gboolean     invert,
              GError     **error)
{
  void *inverted = NULL;
  int size = 0;
  int rc = SQLITE_OK;
  gboolean ok;

  if (invert)
    rc = sqlite3changeset_invert (g_bytes_get_size (changeset), (void *) g_bytes_get_data (changeset, NULL),
                                  &size, &inverted);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not undo the change"));
      return FALSE;
    }

  /* The changeset holds every row the edit changed, cascades included: foreign key actions must
   * not run again while it is applied. The pragma only takes effect outside a transaction. */
  if (!exec_sql (self->db, "PRAGMA foreign_keys = OFF", _("Could not undo the change"), error) ||
      !ent_store_begin (self, error))
    {
      sqlite3_free (inverted);
      exec_sql (self->db, "PRAGMA foreign_keys = ON", NULL, NULL);
      return FALSE;
    }

  rc = sqlite3changeset_apply (self->db,
                               invert ? size : (int) g_bytes_get_size (changeset),
                               invert ? inverted : (void *) g_bytes_get_data (changeset, NULL),
                               NULL, conflict_cb, NULL);
  sqlite3_free (inverted);

  if (rc != SQLITE_OK)
    set_sqlite_error (error, self->db, rc,
                      invert ? _("Could not undo the change, as the file was changed by another program")
                             : _("Could not redo the change, as the file was changed by another program"));

  ok = finish (self, rc == SQLITE_OK, error);
  exec_sql (self->db, "PRAGMA foreign_keys = ON", NULL, NULL);
  if (ok)
    g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

/* Applies the newest change of @from (inverted for an undo) and moves it to @to. */
static gboolean
replay (EntStore   *self,
        GPtrArray  *from,
        GPtrArray  *to,
        gboolean    invert,
        GError    **error)
{
  Change *change;

  if (from->len == 0 || !check_writable (self, error))
    return FALSE;

  change = g_ptr_array_index (from, from->len - 1);
  if (!apply_change (self, change->changeset, invert, error))
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  return TRUE;
}

/**
 * ent_store_undo:
 * @self: a #EntStore
 * @error: return location for an error
 *
 * Undoes the last edit of this session, in one transaction.
 */
gboolean
ent_store_undo (EntStore  *self,
                GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->session == NULL, FALSE);

  return replay (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
ent_store_redo (EntStore  *self,
                GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->session == NULL, FALSE);

  return replay (self, self->redo_stack, self->undo_stack, FALSE, error);
}

const char *
ent_store_get_undo_label (EntStore *self)
{
  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  return ((Change *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->label;
}

const char *
ent_store_get_redo_label (EntStore *self)
{
  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;
  return ((Change *) g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1))->label;
}

/* Runs one statement with integer and text parameters: 'i' binds a gint64, 's' a string (NULL for NULL). */
static gboolean
run (EntStore    *self,
     const char  *sql,
     const char  *what,
     int         *changes,
     GError     **error,
     const char  *types,
     ...)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, sql, error);
  va_list args;
  int rc;

  if (stmt == NULL)
    return FALSE;

  va_start (args, types);
  for (int i = 0; types[i] != '\0'; i++)
    {
      if (types[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else
        bind_optional_text (stmt, i + 1, va_arg (args, const char *));
    }
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, what);
      return FALSE;
    }

  if (changes != NULL)
    *changes = sqlite3_changes (self->db);
  return TRUE;
}

static gboolean check_found_valist (int          changes,
                                    GError     **error,
                                    const char  *format,
                                    va_list      args) G_GNUC_PRINTF (3, 0);
static gboolean check_found (int          changes,
                             GError     **error,
                             const char  *format,
                             ...) G_GNUC_PRINTF (3, 4);

static gboolean
check_found_valist (int          changes,
                    GError     **error,
                    const char  *format,
                    va_list      args)
{
  g_autofree char *message = NULL;

  if (changes > 0)
    return TRUE;

  message = g_strdup_vprintf (format, args);
  g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
check_found (int          changes,
             GError     **error,
             const char  *format,
             ...)
{
  va_list args;
  gboolean found;

  va_start (args, format);
  found = check_found_valist (changes, error, format, args);
  va_end (args);

  return found;
}

static gboolean delete_row (EntStore    *self,
                            const char  *sql,
                            gint64       id,
                            const char  *failed,
                            GError     **error,
                            const char  *missing,
                            ...) G_GNUC_PRINTF (6, 7);

/*
 * Deletes the row @id with @sql in an edit of its own. @failed says what
 * could not be done; @missing, a format taking the id, that there was
 * nothing to delete.
 */
static gboolean
delete_row (EntStore    *self,
            const char  *sql,
            gint64       id,
            const char  *failed,
            GError     **error,
            const char  *missing,
            ...)
{
  int changes = 0;
  gboolean ok;
  va_list args;

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = run (self, sql, failed, &changes, error, "i", id);
  if (ok)
    {
      va_start (args, missing);
      ok = check_found_valist (changes, error, missing, args);
      va_end (args);
    }

  return finish (self, ok, error);
}

gboolean
ent_store_update_entity (EntStore         *self,
                         const EntEntity  *entity,
                         GError          **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (entity != NULL && entity->kind < ENT_N_KINDS, FALSE);

  if (!check_text (entity->name, TRUE, _("name"), error) ||
      !check_text (entity->role, FALSE, _("role"), error) ||
      !check_text (entity->description, FALSE, _("description"), error) ||
      !check_dates (entity->start_date, entity->end_date, error))
    return FALSE;

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = run (self,
            "UPDATE entities SET kind = ?, name = ?, role = ?, description = coalesce (?, ''), "
            "start_date = ?, end_date = ? WHERE id = ?",
            _("Could not change the entity"), &changes, error, "ssssssi",
            ent_kind_to_string (entity->kind), entity->name, entity->role, entity->description,
            entity->start_date, entity->end_date, entity->id) &&
       check_found (changes, error, _("There is no entity with the id %lld"), (long long) entity->id);

  return finish (self, ok, error);
}

/* The quotes that back @entity_id or its relations and nothing else: they go when it goes. */
#define QUOTES_ONLY_OF_ENTITY \
  "SELECT quote_id FROM entity_evidence WHERE entity_id = ?1 " \
  "UNION SELECT e.quote_id FROM relation_evidence e JOIN relations r ON r.id = e.relation_id " \
  "      WHERE r.from_entity = ?1 OR r.to_entity = ?1 " \
  "EXCEPT SELECT quote_id FROM entity_evidence WHERE entity_id <> ?1 " \
  "EXCEPT SELECT e.quote_id FROM relation_evidence e JOIN relations r ON r.id = e.relation_id " \
  "      WHERE r.from_entity <> ?1 AND r.to_entity <> ?1"

gboolean
ent_store_count_dependents (EntStore  *self,
                            gint64     entity_id,
                            guint     *n_relations,
                            guint     *n_quotes,
                            GError   **error)
{
  g_autoptr(sqlite3_stmt) relations = NULL;
  g_autoptr(sqlite3_stmt) quotes = NULL;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  relations = prepare (self->db, "SELECT count (*) FROM relations WHERE from_entity = ?1 OR to_entity = ?1", error);
  quotes = relations ? prepare (self->db, "SELECT count (*) FROM (" QUOTES_ONLY_OF_ENTITY ")", error) : NULL;
  if (quotes == NULL)
    return FALSE;

  sqlite3_bind_int64 (relations, 1, entity_id);
  sqlite3_bind_int64 (quotes, 1, entity_id);
  if (sqlite3_step (relations) != SQLITE_ROW || sqlite3_step (quotes) != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, sqlite3_errcode (self->db), _("Could not read the file"));
      return FALSE;
    }

  *n_relations = sqlite3_column_int (relations, 0);
  *n_quotes = sqlite3_column_int (quotes, 0);
  return TRUE;
}

/**
 * ent_store_delete_entity:
 * @self: a #EntStore
 * @entity_id: the entity
 * @error: return location for an error
 *
 * Deletes the entity with its relations, its stored positions, and the
 * quotes that backed only it or its relations.
 */
gboolean
ent_store_delete_entity (EntStore  *self,
                         gint64     entity_id,
                         GError   **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = run (self, "CREATE TEMP TABLE IF NOT EXISTS doomed_quotes (id INTEGER PRIMARY KEY)",
            _("Could not delete the entity"), NULL, error, "") &&
       run (self, "DELETE FROM temp.doomed_quotes", _("Could not delete the entity"), NULL, error, "") &&
       run (self, "INSERT INTO temp.doomed_quotes " QUOTES_ONLY_OF_ENTITY,
            _("Could not delete the entity"), NULL, error, "i", entity_id) &&
       run (self, "DELETE FROM entities WHERE id = ?", _("Could not delete the entity"), &changes, error,
            "i", entity_id) &&
       check_found (changes, error, _("There is no entity with the id %lld"), (long long) entity_id) &&
       run (self, "DELETE FROM quotes WHERE id IN (SELECT id FROM temp.doomed_quotes)",
            _("Could not delete the entity"), NULL, error, "");

  return finish (self, ok, error);
}

gboolean
ent_store_update_relation (EntStore           *self,
                           const EntRelation  *relation,
                           GError            **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (relation != NULL, FALSE);

  if (!check_text (relation->kind, TRUE, _("kind of relation"), error) ||
      !check_text (relation->label, FALSE, _("label"), error) ||
      !check_dates (relation->start_date, relation->end_date, error))
    return FALSE;

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = run (self,
            "UPDATE relations SET kind = ?, from_entity = ?, to_entity = ?, label = coalesce (?, ''), "
            "directed = ?, start_date = ?, end_date = ? WHERE id = ?",
            _("Could not change the relation"), &changes, error, "siisissi",
            relation->kind, relation->from_id, relation->to_id, relation->label,
            (gint64) (relation->directed ? 1 : 0), relation->start_date, relation->end_date, relation->id) &&
       check_found (changes, error, _("There is no relation with the id %lld"), (long long) relation->id);

  return finish (self, ok, error);
}

gboolean
ent_store_delete_relation (EntStore  *self,
                           gint64     relation_id,
                           GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM relations WHERE id = ?", relation_id, _("Could not delete the relation"),
                     error, _("There is no relation with the id %lld"), (long long) relation_id);
}

/* A new text for a source is refused by the file when a quote no longer matches it. */
gboolean
ent_store_update_source (EntStore         *self,
                         const EntSource  *source,
                         GError          **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!check_text (source->title, TRUE, _("title"), error) ||
      !check_text (source->body, FALSE, _("text"), error) ||
      !check_text (source->publisher, FALSE, _("publisher"), error) ||
      !check_text (source->url, FALSE, _("address"), error) ||
      !check_dates (source->published, NULL, error))
    return FALSE;

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = run (self,
            "UPDATE sources SET title = ?, publisher = ?, url = ?, published = ?, body = coalesce (?, '') "
            "WHERE id = ?",
            _("Could not change the source"), &changes, error, "sssssi",
            source->title, source->publisher, source->url, source->published, source->body, source->id) &&
       check_found (changes, error, _("There is no source with the id %lld"), (long long) source->id);

  if (!ok && error != NULL && *error != NULL && strstr ((*error)->message, "quote does not match") != NULL)
    {
      g_clear_error (error);
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                   _("The new text no longer contains every quote taken from this source"));
    }

  return finish (self, ok, error);
}

gboolean
ent_store_delete_source (EntStore  *self,
                         gint64     source_id,
                         GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM sources WHERE id = ?", source_id, _("Could not delete the source"),
                     error, _("There is no source with the id %lld"), (long long) source_id);
}

gboolean
ent_store_delete_quote (EntStore  *self,
                        gint64     quote_id,
                        GError   **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM quotes WHERE id = ?", quote_id, _("Could not remove the quote"),
                     error, _("There is no quote with the id %lld"), (long long) quote_id);
}

/**
 * ent_store_remove_evidence:
 * @self: a #EntStore
 * @entity_id: the entity the quote backs, or 0
 * @relation_id: the relation the quote backs, or 0
 * @quote_id: the quote
 * @error: return location for an error
 *
 * Takes a quote back from what it backs. A quote that then backs nothing
 * is deleted; its passage stays in the source.
 */
gboolean
ent_store_remove_evidence (EntStore  *self,
                           gint64     entity_id,
                           gint64     relation_id,
                           gint64     quote_id,
                           GError   **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail ((entity_id != 0) != (relation_id != 0), FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  if (entity_id != 0)
    ok = run (self, "DELETE FROM entity_evidence WHERE entity_id = ? AND quote_id = ?",
              _("Could not remove the quote"), &changes, error, "ii", entity_id, quote_id);
  else
    ok = run (self, "DELETE FROM relation_evidence WHERE relation_id = ? AND quote_id = ?",
              _("Could not remove the quote"), &changes, error, "ii", relation_id, quote_id);

  ok = ok &&
       check_found (changes, error, _("There is no quote with the id %lld"), (long long) quote_id) &&
       run (self, "DELETE FROM quotes WHERE id = ?1 "
                  "AND NOT EXISTS (SELECT 1 FROM entity_evidence WHERE quote_id = ?1) "
                  "AND NOT EXISTS (SELECT 1 FROM relation_evidence WHERE quote_id = ?1)",
            _("Could not remove the quote"), NULL, error, "i", quote_id);

  return finish (self, ok, error);
}

static gboolean
entity_exists (EntStore  *self,
               gint64     entity_id,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self->db, "SELECT 1 FROM entities WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entity_id);
  return check_found (sqlite3_step (stmt) == SQLITE_ROW ? 1 : 0, error,
                      _("There is no entity with the id %lld"), (long long) entity_id);
}

/**
 * ent_store_merge_entities:
 * @self: a #EntStore
 * @keep_id: the entity that stays, with its name
 * @other_id: the entity merged into it
 * @error: return location for an error
 *
 * Moves every relation and every quote of @other_id to @keep_id and deletes
 * @other_id. Nothing else is lost: a relation between the two becomes a
 * relation of @keep_id with itself.
 */
gboolean
ent_store_merge_entities (EntStore  *self,
                          gint64     keep_id,
                          gint64     other_id,
                          GError   **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  if (keep_id == other_id)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID, _("An entity cannot be merged with itself"));
      return FALSE;
    }

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = entity_exists (self, keep_id, error) &&
       run (self, "UPDATE relations SET from_entity = ?1 WHERE from_entity = ?2", _("Could not merge"), NULL, error,
            "ii", keep_id, other_id) &&
       run (self, "UPDATE relations SET to_entity = ?1 WHERE to_entity = ?2", _("Could not merge"), NULL, error,
            "ii", keep_id, other_id) &&
       run (self, "INSERT OR IGNORE INTO entity_evidence (entity_id, quote_id) "
                  "SELECT ?1, quote_id FROM entity_evidence WHERE entity_id = ?2",
            _("Could not merge"), NULL, error, "ii", keep_id, other_id) &&
       run (self, "DELETE FROM entities WHERE id = ?", _("Could not merge"), &changes, error, "i", other_id) &&
       check_found (changes, error, _("There is no entity with the id %lld"), (long long) other_id);

  return finish (self, ok, error);
}

/**
 * ent_store_dump:
 * @self: a #EntStore
 * @error: return location for an error
 *
 * Returns: (transfer full): every row of every table of the file, in a
 *   stable order, as text: two files with the same dump hold the same data
 */
char *
ent_store_dump (EntStore  *self,
                GError   **error)
{
  static const char * const queries[] = {
    "SELECT * FROM sources ORDER BY id",
    "SELECT * FROM entities ORDER BY id",
    "SELECT * FROM relations ORDER BY id",
    "SELECT * FROM quotes ORDER BY id",
    "SELECT * FROM entity_evidence ORDER BY entity_id, quote_id",
    "SELECT * FROM relation_evidence ORDER BY relation_id, quote_id",
    "SELECT * FROM positions ORDER BY entity_id, engine",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare (self->db, queries[q], error);
      int rc;

      if (stmt == NULL)
        return NULL;

      g_string_append_printf (out, "# %s\n", queries[q]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s%s", c > 0 ? "|" : "", text ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }

      if (rc != SQLITE_DONE)
        {
          set_sqlite_error (error, self->db, rc, _("Could not read the file"));
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
