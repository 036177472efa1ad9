/* ent-store-sql.c: running SQL for the store, binding its parameters and reporting its errors
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>

/*
 * SQLite's result codes become the store's error codes. The only triggers of
 * our schema keep every quote equal to its passage, so a trigger's refusal is
 * a quote that does not match its source.
 */
void
_ent_store_set_sqlite_error (GError     **error,
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
      code = rc == SQLITE_CONSTRAINT_TRIGGER ? ENT_STORE_ERROR_QUOTE_MISMATCH : ENT_STORE_ERROR_INVALID;
      break;

    default:
      code = ENT_STORE_ERROR_FAILED;
      break;
    }

  g_set_error (error, ENT_STORE_ERROR, code, "%s: %s", what, message);
}

/* Runs SQL without parameters, such as pragmas and transaction control. */
gboolean
_ent_store_exec (sqlite3     *db,
                 const char  *sql,
                 const char  *what,
                 GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _ent_store_set_sqlite_error (error, db, rc, what);
      return FALSE;
    }

  return TRUE;
}

/*
 * The one way the store binds parameters: a string with a letter for each,
 * 'i' a gint64, 'b' a gboolean, 'd' a double and 's' a string, where NULL or
 * "" is bound as NULL. It keeps a statement's values on the line after its
 * SQL, binds absent text the same way everywhere, and lets one function
 * prepare, bind, step and report, so that no statement runs unchecked.
 * Strings are bound without a copy: they must live until the statement is
 * stepped.
 */
static void
bind_valist (sqlite3_stmt *stmt,
             const char   *types,
             va_list       args)
{
  for (int i = 0; types[i] != '\0'; i++)
    {
      int column = i + 1;

      switch (types[i])
        {
        case 'i':
          sqlite3_bind_int64 (stmt, column, va_arg (args, gint64));
          break;

        case 'b':
          sqlite3_bind_int (stmt, column, va_arg (args, gboolean) ? 1 : 0);
          break;

        case 'd':
          sqlite3_bind_double (stmt, column, va_arg (args, double));
          break;

        case 's':
          {
            const char *text = va_arg (args, const char *);

            if (text != NULL && *text != '\0')
              sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
            else
              sqlite3_bind_null (stmt, column);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static sqlite3_stmt *
prepare_valist (sqlite3     *db,
                const char  *sql,
                GError     **error,
                const char  *types,
                va_list      args)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _ent_store_set_sqlite_error (error, db, rc, _("Could not read the file"));
      return NULL;
    }

  bind_valist (stmt, types, args);
  return stmt;
}

/* Prepares @sql with its parameters bound as @types says. */
sqlite3_stmt *
_ent_store_prepare (sqlite3     *db,
                    const char  *sql,
                    GError     **error,
                    const char  *types,
                    ...)
{
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, types);
  stmt = prepare_valist (db, sql, error, types, args);
  va_end (args);

  return stmt;
}

/* Binds new parameters to a statement already stepped, to run it again. */
void
_ent_store_bind (sqlite3_stmt *stmt,
                 const char   *types,
                 ...)
{
  va_list args;

  sqlite3_reset (stmt);
  va_start (args, types);
  bind_valist (stmt, types, args);
  va_end (args);
}

/* Steps a statement that answers no rows. */
gboolean
_ent_store_step_done (sqlite3       *db,
                      sqlite3_stmt  *stmt,
                      const char    *what,
                      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, db, rc, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
run_valist (EntStore    *self,
            const char  *sql,
            const char  *what,
            int         *changes,
            GError     **error,
            const char  *types,
            va_list      args)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_valist (self->db, sql, error, types, args);

  if (stmt == NULL || !_ent_store_step_done (self->db, stmt, what, error))
    return FALSE;

  if (changes != NULL)
    *changes = sqlite3_changes (self->db);
  return TRUE;
}

/* Runs one statement that answers no rows; @changes, if not %NULL, gets how many rows it changed. */
gboolean
_ent_store_run (EntStore    *self,
                const char  *sql,
                const char  *what,
                int         *changes,
                GError     **error,
                const char  *types,
                ...)
{
  gboolean ok;
  va_list args;

  va_start (args, types);
  ok = run_valist (self, sql, what, changes, error, types, args);
  va_end (args);

  return ok;
}

/* Runs one INSERT into a table with row ids, and answers the new row's id, or 0 with @error set. */
gint64
_ent_store_insert (EntStore    *self,
                   const char  *sql,
                   const char  *what,
                   GError     **error,
                   const char  *types,
                   ...)
{
  gboolean ok;
  va_list args;

  va_start (args, types);
  ok = run_valist (self, sql, what, NULL, error, types, args);
  va_end (args);

  return ok ? sqlite3_last_insert_rowid (self->db) : 0;
}

/* Runs a query without parameters that answers one integer. */
gboolean
_ent_store_query_int (sqlite3     *db,
                      const char  *sql,
                      gint64      *value,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ent_store_prepare (db, sql, error, "");
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _ent_store_set_sqlite_error (error, db, rc, _("Could not read the file"));
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Fails with %ENT_STORE_ERROR_NOT_FOUND and the message @format when a statement changed no row. */
gboolean
_ent_store_check_found_valist (int          changes,
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

gboolean
_ent_store_check_found (int          changes,
                        GError     **error,
                        const char  *format,
                        ...)
{
  va_list args;
  gboolean found;

  va_start (args, format);
  found = _ent_store_check_found_valist (changes, error, format, args);
  va_end (args);

  return found;
}
