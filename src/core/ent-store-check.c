/* ent-store-check.c: the checks a file passes before Entente trusts it, and its integrity check
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>

/* Counts the quotes that are not the passage of their source at their offsets. */
gboolean
_ent_store_count_mismatched_quotes (sqlite3  *db,
                                    gint64   *mismatched,
                                    GError  **error)
{
  return _ent_store_query_int (db,
                               "SELECT count (*) FROM quotes q JOIN sources s ON s.id = q.source_id "
                               "WHERE q.text IS NOT substr (s.body, q.start_offset + 1, q.end_offset - q.start_offset)",
                               mismatched, error);
}

static gboolean
quick_check (sqlite3     *db,
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

/*
 * Allows only what our own schema of @version has: no views, no virtual
 * tables and no triggers but ours, word for word. Tables and indexes that a
 * person added with the sqlite3 shell are left alone; they run no code when
 * we read or write our tables. A file from a newer version is only ever
 * read, so its triggers never fire and are allowed.
 */
gboolean
_ent_store_check_schema (sqlite3     *db,
                         const char  *path,
                         int          version,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean newer = version > ENT_STORE_SCHEMA_VERSION;
  const char *missing;
  int rc;

  stmt = _ent_store_prepare (db, "SELECT type, name, tbl_name, sql FROM sqlite_schema", error, "");
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
        allowed = newer || _ent_store_is_our_trigger (name, sql, version);
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
      _ent_store_set_sqlite_error (error, db, rc, _("Could not read the file"));
      return FALSE;
    }

  missing = _ent_store_find_missing_table (tables, version);
  if (missing != NULL)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_CORRUPT,
                   _("“%s” has no table “%s”"), path, missing);
      return FALSE;
    }

  return TRUE;
}

gboolean
_ent_store_check_header (sqlite3     *db,
                         const char  *path,
                         int         *version,
                         GError     **error)
{
  gint64 application_id = 0;
  gint64 user_version = 0;

  if (!_ent_store_query_int (db, "PRAGMA application_id", &application_id, error) ||
      !_ent_store_query_int (db, "PRAGMA user_version", &user_version, error))
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
gboolean
_ent_store_check_file (sqlite3     *db,
                       const char  *path,
                       int         *version,
                       GError     **error)
{
  return quick_check (db, path, error) &&
         _ent_store_check_header (db, path, version, error) &&
         _ent_store_check_schema (db, path, *version, error);
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

  stmt = _ent_store_prepare (self->db, "PRAGMA integrity_check", error, "");
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

  if (!_ent_store_count_mismatched_quotes (self->db, &mismatched, error))
    return FALSE;

  if (mismatched > 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                   _("“%s” has quotes that do not match their sources"), self->path);
      return FALSE;
    }

  return TRUE;
}
