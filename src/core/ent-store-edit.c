/* ent-store-edit.c: the edits of a file: adding, changing, deleting and merging rows
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"
#include "ent-text.h"

#include <glib/gi18n-lib.h>

/*
 * Checks one text field. @empty is the whole message for a field that must
 * not be empty, %NULL for one that may; @invalid the message for text that
 * is not UTF-8. Each field has messages of its own, as translators need
 * whole sentences.
 */
gboolean
_ent_store_check_text (const char  *text,
                       const char  *empty,
                       const char  *invalid,
                       GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      if (empty == NULL)
        return TRUE;

      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID, empty);
      return FALSE;
    }

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID, invalid);
      return FALSE;
    }

  return TRUE;
}

gboolean
_ent_store_check_dates (const char  *start,
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

/* The checks of a source, the same for a new one and a changed one. */
static gboolean
check_source (const EntSource  *source,
              GError          **error)
{
  return _ent_store_check_text (source->title, _("The title must not be empty"),
                                _("The title is not valid UTF-8 text"), error) &&
         _ent_store_check_text (source->body, NULL, _("The text is not valid UTF-8 text"), error) &&
         _ent_store_check_text (source->publisher, NULL, _("The publisher is not valid UTF-8 text"), error) &&
         _ent_store_check_text (source->url, NULL, _("The address is not valid UTF-8 text"), error) &&
         _ent_store_check_dates (source->published, NULL, error);
}

static gboolean
check_entity_name (const char  *name,
                   GError     **error)
{
  return _ent_store_check_text (name, _("The name must not be empty"), _("The name is not valid UTF-8 text"), error);
}

/* The checks of an entity, the same for a new one and a changed one. */
static gboolean
check_entity (const EntEntity  *entity,
              GError          **error)
{
  return check_entity_name (entity->name, error) &&
         _ent_store_check_text (entity->role, NULL, _("The role is not valid UTF-8 text"), error) &&
         _ent_store_check_text (entity->description, NULL, _("The description is not valid UTF-8 text"), error) &&
         _ent_store_check_dates (entity->start_date, entity->end_date, error);
}

/* The checks of a relation, the same for a new one and a changed one. */
static gboolean
check_relation (const EntRelation  *relation,
                GError            **error)
{
  return _ent_store_check_text (relation->kind, _("The kind of relation must not be empty"),
                                _("The kind of relation is not valid UTF-8 text"), error) &&
         _ent_store_check_text (relation->label, NULL, _("The label is not valid UTF-8 text"), error) &&
         _ent_store_check_dates (relation->start_date, relation->end_date, error);
}

/* The checks of a quote's text; that it is its source's passage is checked against the file. */
static gboolean
check_quote (const char  *text,
             GError     **error)
{
  return _ent_store_check_text (text, _("The quote must not be empty"), _("The quote is not valid UTF-8 text"),
                                error);
}

gint64
ent_store_add_source (EntStore         *self,
                      const EntSource  *source,
                      GError          **error)
{
  gint64 id;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  if (!check_source (source, error) || !ent_store_begin (self, error))
    return 0;

  id = _ent_store_insert (self,
                          "INSERT INTO sources (title, publisher, url, published, body) "
                          "VALUES (?, ?, ?, ?, coalesce (?, ''))",
                          _("Could not add the source"), error, "sssss",
                          source->title, source->publisher, source->url, source->published, source->body);

  return _ent_store_finish (self, id > 0, error) ? id : 0;
}

gint64
ent_store_add_entity (EntStore         *self,
                      const EntEntity  *entity,
                      GError          **error)
{
  gint64 id;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);
  g_return_val_if_fail (entity != NULL, 0);
  g_return_val_if_fail (entity->kind < ENT_N_KINDS, 0);

  if (!check_entity (entity, error) || !ent_store_begin (self, error))
    return 0;

  id = _ent_store_insert (self,
                          "INSERT INTO entities (kind, name, role, description, start_date, end_date) "
                          "VALUES (?, ?, ?, coalesce (?, ''), ?, ?)",
                          _("Could not add the entity"), error, "ssssss",
                          ent_entity_get_kind_key (entity), entity->name, entity->role, entity->description,
                          entity->start_date, entity->end_date);

  return _ent_store_finish (self, id > 0, error) ? id : 0;
}

gint64
ent_store_add_relation (EntStore           *self,
                        const EntRelation  *relation,
                        GError            **error)
{
  gint64 id;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);
  g_return_val_if_fail (relation != NULL, 0);

  if (!check_relation (relation, error) || !ent_store_begin (self, error))
    return 0;

  id = _ent_store_insert (self,
                          "INSERT INTO relations (kind, from_entity, to_entity, label, directed, start_date, end_date) "
                          "VALUES (?, ?, ?, coalesce (?, ''), ?, ?, ?)",
                          _("Could not add the relation"), error, "siisbss",
                          relation->kind, relation->from_id, relation->to_id, relation->label,
                          relation->directed, relation->start_date, relation->end_date);

  return _ent_store_finish (self, id > 0, error) ? id : 0;
}

static char *
get_source_body (EntStore  *self,
                 gint64     source_id,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _ent_store_prepare (self->db, "SELECT body FROM sources WHERE id = ?", error, "i", source_id);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  if (rc == SQLITE_DONE)
    g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_NOT_FOUND,
                 _("There is no source with the id %lld"), (long long) source_id);
  else
    _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the source"));

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
  g_autofree char *body = NULL;
  g_autofree char *passage = NULL;
  gint64 id = 0;

  g_return_val_if_fail (ENT_IS_STORE (self), 0);

  if (!check_quote (text, error) || !ent_store_begin (self, error))
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
        id = _ent_store_insert (self,
                                "INSERT INTO quotes (source_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?)",
                                _("Could not add the quote"), error, "iiis", source_id, start, end, text);
    }

  return _ent_store_finish (self, id > 0, error) ? id : 0;
}

static gboolean
add_evidence (EntStore    *self,
              const char  *sql,
              gint64       owner_id,
              gint64       quote_id,
              GError     **error)
{
  if (!ent_store_begin (self, error))
    return FALSE;

  return _ent_store_finish (self,
                            _ent_store_run (self, sql, _("Could not add the evidence"), NULL, error,
                                            "ii", owner_id, quote_id),
                            error);
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

/**
 * ent_store_set_stance:
 * @self: a #EntStore
 * @entity_id: the entity the quote is attached to, unless @relation_id is given
 * @relation_id: the relation it is attached to, or 0
 * @quote_id: the quote
 * @disputes: whether it disputes what it is attached to, rather than supports it
 * @error: return location for an error, such as %ENT_STORE_ERROR_NOT_FOUND
 */
gboolean
ent_store_set_stance (EntStore  *self,
                      gint64     entity_id,
                      gint64     relation_id,
                      gint64     quote_id,
                      gboolean   disputes,
                      GError   **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self,
                       relation_id != 0 ? "UPDATE relation_evidence SET stance = ?1 WHERE relation_id = ?2 AND quote_id = ?3"
                                        : "UPDATE entity_evidence SET stance = ?1 WHERE entity_id = ?2 AND quote_id = ?3",
                       _("Could not change what the quote says of it"), &changes, error, "sii",
                       disputes ? "disputes" : "supports", relation_id != 0 ? relation_id : entity_id, quote_id) &&
       _ent_store_check_found (changes, error, _("The quote is not evidence for it"));

  return _ent_store_finish (self, ok, error);
}

gboolean
ent_store_set_entity_name (EntStore    *self,
                           gint64       entity_id,
                           const char  *name,
                           GError     **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);

  if (!check_entity_name (name, error) || !ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self, "UPDATE entities SET name = ? WHERE id = ?", _("Could not rename the entity"),
                       &changes, error, "si", name, entity_id) &&
       _ent_store_check_found (changes, error, _("There is no entity with the id %lld"), (long long) entity_id);

  return _ent_store_finish (self, ok, error);
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

  ok = _ent_store_run (self, sql, failed, &changes, error, "i", id);
  if (ok)
    {
      va_start (args, missing);
      ok = _ent_store_check_found_valist (changes, error, missing, args);
      va_end (args);
    }

  return _ent_store_finish (self, ok, error);
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

  if (!check_entity (entity, error) || !ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self,
                       "UPDATE entities SET kind = ?, name = ?, role = ?, description = coalesce (?, ''), "
                       "start_date = ?, end_date = ? WHERE id = ?",
                       _("Could not change the entity"), &changes, error, "ssssssi",
                       ent_entity_get_kind_key (entity), entity->name, entity->role, entity->description,
                       entity->start_date, entity->end_date, entity->id) &&
       _ent_store_check_found (changes, error, _("There is no entity with the id %lld"), (long long) entity->id);

  return _ent_store_finish (self, ok, error);
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

  relations = _ent_store_prepare (self->db, "SELECT count (*) FROM relations WHERE from_entity = ?1 OR to_entity = ?1",
                                  error, "i", entity_id);
  quotes = relations ? _ent_store_prepare (self->db, "SELECT count (*) FROM (" QUOTES_ONLY_OF_ENTITY ")",
                                           error, "i", entity_id) : NULL;
  if (quotes == NULL)
    return FALSE;

  if (sqlite3_step (relations) != SQLITE_ROW || sqlite3_step (quotes) != SQLITE_ROW)
    {
      _ent_store_set_sqlite_error (error, self->db, sqlite3_errcode (self->db), _("Could not read the file"));
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

  ok = _ent_store_run (self, "CREATE TEMP TABLE IF NOT EXISTS doomed_quotes (id INTEGER PRIMARY KEY)",
                       _("Could not delete the entity"), NULL, error, "") &&
       _ent_store_run (self, "DELETE FROM temp.doomed_quotes", _("Could not delete the entity"), NULL, error, "") &&
       _ent_store_run (self, "INSERT INTO temp.doomed_quotes " QUOTES_ONLY_OF_ENTITY,
                       _("Could not delete the entity"), NULL, error, "i", entity_id) &&
       _ent_store_run (self, "DELETE FROM entities WHERE id = ?", _("Could not delete the entity"), &changes, error,
                       "i", entity_id) &&
       _ent_store_check_found (changes, error, _("There is no entity with the id %lld"), (long long) entity_id) &&
       _ent_store_run (self, "DELETE FROM quotes WHERE id IN (SELECT id FROM temp.doomed_quotes)",
                       _("Could not delete the entity"), NULL, error, "");

  return _ent_store_finish (self, ok, error);
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

  if (!check_relation (relation, error) || !ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self,
                       "UPDATE relations SET kind = ?, from_entity = ?, to_entity = ?, label = coalesce (?, ''), "
                       "directed = ?, start_date = ?, end_date = ? WHERE id = ?",
                       _("Could not change the relation"), &changes, error, "siisbssi",
                       relation->kind, relation->from_id, relation->to_id, relation->label,
                       relation->directed, relation->start_date, relation->end_date, relation->id) &&
       _ent_store_check_found (changes, error, _("There is no relation with the id %lld"), (long long) relation->id);

  return _ent_store_finish (self, ok, error);
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

  if (!check_source (source, error) || !ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self,
                       "UPDATE sources SET title = ?, publisher = ?, url = ?, published = ?, body = coalesce (?, '') "
                       "WHERE id = ?",
                       _("Could not change the source"), &changes, error, "sssssi",
                       source->title, source->publisher, source->url, source->published, source->body, source->id) &&
       _ent_store_check_found (changes, error, _("There is no source with the id %lld"), (long long) source->id);

  /* The file's trigger refused the text; its own message names no source. */
  if (!ok && error != NULL && g_error_matches (*error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH))
    {
      g_clear_error (error);
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_QUOTE_MISMATCH,
                           _("The new text no longer contains every quote taken from this source"));
    }

  return _ent_store_finish (self, ok, error);
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
    ok = _ent_store_run (self, "DELETE FROM entity_evidence WHERE entity_id = ? AND quote_id = ?",
                         _("Could not remove the quote"), &changes, error, "ii", entity_id, quote_id);
  else
    ok = _ent_store_run (self, "DELETE FROM relation_evidence WHERE relation_id = ? AND quote_id = ?",
                         _("Could not remove the quote"), &changes, error, "ii", relation_id, quote_id);

  ok = ok &&
       _ent_store_check_found (changes, error, _("There is no quote with the id %lld"), (long long) quote_id) &&
       _ent_store_run (self, "DELETE FROM quotes WHERE id = ?1 "
                             "AND NOT EXISTS (SELECT 1 FROM entity_evidence WHERE quote_id = ?1) "
                             "AND NOT EXISTS (SELECT 1 FROM relation_evidence WHERE quote_id = ?1)",
                       _("Could not remove the quote"), NULL, error, "i", quote_id);

  return _ent_store_finish (self, ok, error);
}

static gboolean
entity_exists (EntStore  *self,
               gint64     entity_id,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = _ent_store_prepare (self->db, "SELECT 1 FROM entities WHERE id = ?", error,
                                                     "i", entity_id);

  if (stmt == NULL)
    return FALSE;

  return _ent_store_check_found (sqlite3_step (stmt) == SQLITE_ROW ? 1 : 0, error,
                                 _("There is no entity with the id %lld"), (long long) entity_id);
}

/**
 * ent_store_merge_entities:
 * @self: a #EntStore
 * @keep_id: the entity that stays, with its name
 * @other_id: the entity merged into it
 * @error: return location for an error
 *
 * Moves every relation, every quote and every property of @other_id to
 * @keep_id and deletes @other_id. Nothing else is lost: a relation between
 * the two becomes a relation of @keep_id with itself; of a property both
 * have, @keep_id's value stays.
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
       _ent_store_run (self, "UPDATE relations SET from_entity = ?1 WHERE from_entity = ?2",
                       _("Could not merge"), NULL, error, "ii", keep_id, other_id) &&
       _ent_store_run (self, "UPDATE relations SET to_entity = ?1 WHERE to_entity = ?2",
                       _("Could not merge"), NULL, error, "ii", keep_id, other_id) &&
       _ent_store_run (self, "INSERT OR IGNORE INTO entity_evidence (entity_id, quote_id, stance) "
                             "SELECT ?1, quote_id, stance FROM entity_evidence WHERE entity_id = ?2",
                       _("Could not merge"), NULL, error, "ii", keep_id, other_id) &&
       /* A property both have keeps the value of @keep_id; the other's goes with it. */
       _ent_store_run (self, "UPDATE OR IGNORE properties SET entity_id = ?1 WHERE entity_id = ?2",
                       _("Could not merge"), NULL, error, "ii", keep_id, other_id) &&
       _ent_store_run (self, "DELETE FROM entities WHERE id = ?", _("Could not merge"), &changes, error,
                       "i", other_id) &&
       _ent_store_check_found (changes, error, _("There is no entity with the id %lld"), (long long) other_id);

  return _ent_store_finish (self, ok, error);
}
