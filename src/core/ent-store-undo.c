/* ent-store-undo.c: undo and redo: each edit recorded as an SQLite changeset, inverted to undo it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>

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

void
_ent_store_undo_init (EntStore *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
}

/*
 * Edge bundles are left out of the changesets: the triggers that drop them
 * with the positions they were made for fire again when an undo or a redo
 * changes positions, and a changeset that held them as well would then
 * find them gone, or find new ones where it put its own, and fail. So an
 * undo does not bring back the bundles of a layout it restores.
 */
static int
record_table_cb (void       *user_data,
                 const char *table)
{
  return g_strcmp0 (table, "bundles") != 0;
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
    {
      sqlite3session_table_filter (self->session, record_table_cb, NULL);
      rc = sqlite3session_attach (self->session, NULL);
    }

  if (rc != SQLITE_OK)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not start a change"));
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
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not save the change"));
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
  _ent_store_emit_changed (self);
  return TRUE;
}

/**
 * ent_store_take_last_edit:
 * @self: a #EntStore
 * @label: (out) (transfer full): the edit's label
 *
 * Takes the newest edit off the undo stack, for another store of the same
 * file to undo: see ent_store_add_edit().
 *
 * Returns: (transfer full) (nullable): the edit's changeset, or %NULL when
 *   there is no edit to undo
 */
GBytes *
ent_store_take_last_edit (EntStore  *self,
                          char     **label)
{
  Change *change;
  GBytes *changeset;

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  *label = NULL;
  if (self->undo_stack->len == 0)
    return NULL;

  change = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  *label = g_steal_pointer (&change->label);
  changeset = g_steal_pointer (&change->changeset);
  change_free (change);
  return changeset;
}

/**
 * ent_store_add_edit:
 * @self: a #EntStore
 * @label: what the edit did, for the Undo menu item
 * @changeset: the edit, as ent_store_take_last_edit() gave it
 *
 * Makes an edit that another store of the same file wrote (on another
 * thread, whose connection is its own) the newest edit of this one's undo
 * stack, as if it had been made here, and says the file changed.
 */
void
ent_store_add_edit (EntStore   *self,
                    const char *label,
                    GBytes     *changeset)
{
  Change *change;

  g_return_if_fail (ENT_IS_STORE (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (changeset != NULL);

  change = g_new0 (Change, 1);
  change->label = g_strdup (label);
  change->changeset = g_bytes_ref (changeset);
  g_ptr_array_add (self->undo_stack, change);
  g_ptr_array_set_size (self->redo_stack, 0);
  _ent_store_emit_changed (self);
}

/* Right after an edit nothing else can have changed the same rows, so any conflict means the file was changed behind our back. */
static int
conflict_cb (void                   *user_data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  return SQLITE_CHANGESET_ABORT;
}

/*
 * Applies a changeset, inverted for an undo, in a transaction of its own,
 * with foreign key actions turned off: the changeset holds every row the
 * edit changed, cascades included, so they must not run again. The caller
 * turns them back on.
 */
static gboolean
apply_change (EntStore    *self,
              GBytes      *changeset,
              gboolean     invert,
              GError     **error)
{
  void *inverted = NULL;
  int size = 0;
  int rc = SQLITE_OK;

  if (invert)
    rc = sqlite3changeset_invert (g_bytes_get_size (changeset), (void *) g_bytes_get_data (changeset, NULL),
                                  &size, &inverted);
  if (rc != SQLITE_OK)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not undo the change"));
      return FALSE;
    }

  /* The pragma only takes effect outside a transaction. */
  if (!_ent_store_exec (self->db, "PRAGMA foreign_keys = OFF", _("Could not undo the change"), error) ||
      !ent_store_begin (self, error))
    {
      sqlite3_free (inverted);
      return FALSE;
    }

  rc = sqlite3changeset_apply (self->db,
                               invert ? size : (int) g_bytes_get_size (changeset),
                               invert ? inverted : (void *) g_bytes_get_data (changeset, NULL),
                               NULL, conflict_cb, NULL);
  sqlite3_free (inverted);

  if (rc != SQLITE_OK)
    _ent_store_set_sqlite_error (error, self->db, rc,
                                 invert ? _("Could not undo the change, as the file was changed by another program")
                                        : _("Could not redo the change, as the file was changed by another program"));

  return _ent_store_finish (self, rc == SQLITE_OK, error);
}

/*
 * Turns foreign key actions back on after apply_change() or a bulk import, and reads the
 * setting back, as the pragma is silently ignored inside a transaction: no
 * later edit may run without them. The failure goes to @error when
 * @report, that is when nothing failed before; otherwise the caller reports
 * that first error and this one is logged as a warning.
 */
gboolean
_ent_store_restore_foreign_keys (EntStore  *self,
                                 gboolean   report,
                                 GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *failed = _("Could not turn the checks of references between rows back on");
  gint64 on = 0;

  if (_ent_store_exec (self->db, "PRAGMA foreign_keys = ON", failed, &local_error) &&
      _ent_store_query_int (self->db, "PRAGMA foreign_keys", &on, &local_error) &&
      on != 1)
    g_set_error_literal (&local_error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED, failed);

  if (local_error == NULL)
    return TRUE;

  if (report)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_warning ("%s", local_error->message);
  return FALSE;
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
  gboolean applied;
  gboolean restored;

  if (from->len == 0 || !_ent_store_check_writable (self, error))
    return FALSE;

  change = g_ptr_array_index (from, from->len - 1);
  applied = apply_change (self, change->changeset, invert, error);
  restored = _ent_store_restore_foreign_keys (self, applied, error);

  /* An applied change has changed the file even when the checks could not be turned back on. */
  if (!applied)
    return FALSE;

  /* Moved before the signal, so that what its handlers ask of the undo and redo stacks is true. */
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  _ent_store_emit_changed (self);
  return restored;
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
