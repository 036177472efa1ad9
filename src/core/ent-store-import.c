/* ent-store-import.c: writing what an importer read into a network, in one transaction
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* How many rows are written between two looks at the cancellable and two progress reports. */
#define ROWS_PER_STEP 2048

/* Properties are written this many to a statement: most of what one row cost was running a statement
 * (its cursors, its checks of the owner, its end), not the row. Four parameters a row stay far below
 * SQLite's limit of 32,766. */
#define PROPERTIES_PER_BATCH 64

typedef enum
{
  INSERT_KIND,
  UPDATE_KIND,
  FIND_KIND,
  INSERT_SOURCE,
  FIND_SOURCE,
  INSERT_QUOTE,
  FIND_QUOTE,
  INSERT_ENTITY,
  INSERT_RELATION,
  FIND_RELATION,
  INSERT_ENTITY_PROPERTY,
  INSERT_RELATION_PROPERTY,
  INSERT_ENTITY_EVIDENCE,
  INSERT_RELATION_EVIDENCE,
  INSERT_POSITION,
  INSERT_ENTITY_PROPERTIES,
  INSERT_RELATION_PROPERTIES,
  N_STATEMENTS
} Statement;

/* An id of NULL lets SQLite choose one; the file's own id is bound when ids are kept. */
static const char * const statements[N_STATEMENTS] = {
  [INSERT_KIND] = "INSERT INTO kinds (key, label, shape, glyph, color, dark_color) VALUES (?, ?, ?, ?, ?, ?)",
  [UPDATE_KIND] = "UPDATE kinds SET label = ?2, shape = ?3, glyph = ?4, color = ?5, dark_color = ?6 WHERE key = ?1",
  [FIND_KIND] = "SELECT 1 FROM kinds WHERE key = ?",
  [INSERT_SOURCE] = "INSERT INTO sources (id, title, publisher, url, published, body) "
                    "VALUES (?, ?, ?, ?, ?, coalesce (?, ''))",
  [FIND_SOURCE] = "SELECT id FROM sources WHERE title = ? AND body = coalesce (?, '') LIMIT 1",
  [INSERT_QUOTE] = "INSERT INTO quotes (id, source_id, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?)",
  [FIND_QUOTE] = "SELECT id FROM quotes WHERE source_id = ? AND start_offset = ? AND end_offset = ? LIMIT 1",
  [INSERT_ENTITY] = "INSERT INTO entities (id, kind, name, role, description, start_date, end_date) "
                    "VALUES (?, ?, ?, ?, coalesce (?, ''), ?, ?)",
  [INSERT_RELATION] = "INSERT INTO relations (id, kind, from_entity, to_entity, label, directed, start_date, "
                      "end_date) VALUES (?, ?, ?, ?, coalesce (?, ''), ?, ?, ?)",
  [FIND_RELATION] = "SELECT id FROM relations WHERE from_entity = ? AND to_entity = ? AND kind = ? "
                    "AND label = coalesce (?, '') LIMIT 1",
  /* A merged entity or relation keeps the value of a key it has already. */
  [INSERT_ENTITY_PROPERTY] = "INSERT OR IGNORE INTO properties (entity_id, key, type, value) VALUES (?, ?, ?, ?)",
  [INSERT_RELATION_PROPERTY] = "INSERT OR IGNORE INTO properties (relation_id, key, type, value) VALUES (?, ?, ?, ?)",
  [INSERT_ENTITY_EVIDENCE] = "INSERT OR IGNORE INTO entity_evidence (entity_id, quote_id) VALUES (?, ?)",
  [INSERT_RELATION_EVIDENCE] = "INSERT OR IGNORE INTO relation_evidence (relation_id, quote_id) VALUES (?, ?)",
  [INSERT_POSITION] = "INSERT INTO positions (entity_id, engine, x, y, pinned) VALUES (?, ?, ?, ?, ?)",
  /* Made by prepare(): the statements of one property, with PROPERTIES_PER_BATCH rows of values. */
  [INSERT_ENTITY_PROPERTIES] = NULL,
  [INSERT_RELATION_PROPERTIES] = NULL,
};

/* A property waiting to be written, with the network's id of its owner. */
typedef struct
{
  gint64             owner_id;
  const EntProperty *property;
} PendingProperty;

typedef struct
{
  EntStore              *store;
  EntImport             *import;
  gboolean               keep_ids;
  GCancellable          *cancellable;
  EntImportProgressFunc  progress;
  gpointer               user_data;
  EntImportCounts        counts;
  sqlite3_stmt          *stmts[N_STATEMENTS];
  /* The import's ids → the network's, when ids are not kept; a missing entity was skipped. */
  GHashTable            *sources;
  GHashTable            *quotes;
  GHashTable            *entities;
  /* The import's entity ids → their EntImportMatch */
  GHashTable            *matches;
  guint64                rows;
  guint64                total_rows;
  /* Properties not written yet, all of entities or all of relations as @pending_statement says. */
  PendingProperty        pending[PROPERTIES_PER_BATCH];
  guint                  n_pending;
  Statement              pending_statement;
} Import;

static void
import_clear (Import *self)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->quotes, g_hash_table_unref);
  g_clear_pointer (&self->entities, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_hash_table_unref);
}

static GHashTable *
id_map_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

static void
id_map_insert (GHashTable *map,
               gint64      from,
               gint64      to)
{
  g_hash_table_insert (map, g_memdup2 (&from, sizeof from), g_memdup2 (&to, sizeof to));
}

/* The network's id of the import's @id, or 0 when it did not come in. */
static gint64
map_id (Import     *self,
        GHashTable *map,
        gint64      id)
{
  gint64 *to;

  if (self->keep_ids)
    return id;
  to = g_hash_table_lookup (map, &id);
  return to != NULL ? *to : 0;
}

static gboolean
prepare (Import  *self,
         GError **error)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    {
      g_autofree char *batch = NULL;
      int rc;

      if (i == INSERT_ENTITY_PROPERTIES || i == INSERT_RELATION_PROPERTIES)
        {
          const char *one = statements[i == INSERT_ENTITY_PROPERTIES ? INSERT_ENTITY_PROPERTY : INSERT_RELATION_PROPERTY];
          GString *sql = g_string_new (one);

          for (guint row = 1; row < PROPERTIES_PER_BATCH; row++)
            g_string_append (sql, ", (?, ?, ?, ?)");
          batch = g_string_free (sql, FALSE);
        }
      rc = sqlite3_prepare_v3 (self->store->db, batch != NULL ? batch : statements[i], -1,
                               SQLITE_PREPARE_PERSISTENT, &self->stmts[i], NULL);
      if (rc != SQLITE_OK)
        {
          _ent_store_set_sqlite_error (error, self->store->db, rc, _("Could not import"));
          return FALSE;
        }
    }
  return TRUE;
}

/* Counts a row written, and now and then reports progress and looks whether to stop. */
static gboolean
step (Import  *self,
      GError **error)
{
  if (++self->rows % ROWS_PER_STEP != 0)
    return TRUE;
  if (self->progress != NULL && self->total_rows > 0)
    self->progress (MIN (1.0, (double) self->rows / self->total_rows), self->user_data);
  return !g_cancellable_set_error_if_cancelled (self->cancellable, error);
}

static gboolean
run (Import     *self,
     Statement   statement,
     const char *what,
     GError    **error)
{
  return _ent_store_step_done (self->store->db, self->stmts[statement], what, error);
}

/* Runs a query of one id, which is 0 when it answers no row. */
static gboolean
find_id (Import     *self,
         Statement   statement,
         gint64     *id,
         GError    **error)
{
  int rc = sqlite3_step (self->stmts[statement]);

  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (self->stmts[statement], 0) : 0;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return TRUE;
  _ent_store_set_sqlite_error (error, self->store->db, rc, _("Could not import"));
  return FALSE;
}

/* The new id of a row just inserted, or the file's when ids are kept. */
static gint64
inserted_id (Import *self,
             gint64  id)
{
  return self->keep_ids ? id : sqlite3_last_insert_rowid (self->store->db);
}

/* Kinds the network has already keep their looks, but for a whole new network the file's. */
static gboolean
import_kinds (Import  *self,
              GError **error)
{
  GPtrArray *kinds = self->import->graph->kinds;

  for (guint i = 0; i < kinds->len; i++)
    {
      EntKindInfo *kind = g_ptr_array_index (kinds, i);
      gint64 found;

      _ent_store_bind (self->stmts[FIND_KIND], "s", kind->key);
      if (!find_id (self, FIND_KIND, &found, error))
        return FALSE;
      if (found && !self->keep_ids)
        continue;

      _ent_store_bind (self->stmts[found ? UPDATE_KIND : INSERT_KIND], "ssssss", kind->key, kind->label,
                       kind->shape, kind->glyph, kind->color, kind->dark_color);
      if (!run (self, found ? UPDATE_KIND : INSERT_KIND, _("Could not import the kinds"), error))
        return FALSE;
      if (!found)
        self->counts.kinds++;
    }
  return TRUE;
}

/* Into a network that has them already, a source with the same title and text and a quote of its
 * same passage are the ones the network has, so importing a file twice brings its evidence once. */
static gboolean
import_sources (Import  *self,
                GError **error)
{
  EntGraph *graph = self->import->graph;

  for (guint i = 0; i < graph->sources->len; i++)
    {
      EntSource *source = g_ptr_array_index (graph->sources, i);
      gint64 id = 0;

      if (!_ent_store_check_text (source->title, _("The title must not be empty"),
                                  _("The title is not valid UTF-8 text"), error) ||
          !_ent_store_check_dates (source->published, NULL, error))
        return FALSE;

      if (!self->keep_ids)
        {
          _ent_store_bind (self->stmts[FIND_SOURCE], "ss", source->title, source->body);
          if (!find_id (self, FIND_SOURCE, &id, error))
            return FALSE;
        }
      if (id == 0)
        {
          _ent_store_bind (self->stmts[INSERT_SOURCE], "isssss", source->id, source->title, source->publisher,
                           source->url, source->published, source->body);
          if (!self->keep_ids)
            sqlite3_bind_null (self->stmts[INSERT_SOURCE], 1);
          if (!run (self, INSERT_SOURCE, _("Could not import a source"), error))
            return FALSE;
          id = inserted_id (self, source->id);
          self->counts.sources++;
        }
      if (!self->keep_ids)
        id_map_insert (self->sources, source->id, id);
      if (!step (self, error))
        return FALSE;
    }

  for (guint i = 0; i < graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (graph->quotes, i);
      gint64 source_id = map_id (self, self->sources, quote->source_id);
      gint64 id = 0;

      if (!self->keep_ids)
        {
          _ent_store_bind (self->stmts[FIND_QUOTE], "iii", source_id, quote->start, quote->end);
          if (!find_id (self, FIND_QUOTE, &id, error))
            return FALSE;
        }
      if (id == 0)
        {
          _ent_store_bind (self->stmts[INSERT_QUOTE], "iiiis", quote->id, source_id, quote->start, quote->end,
                           quote->text);
          if (!self->keep_ids)
            sqlite3_bind_null (self->stmts[INSERT_QUOTE], 1);
          if (!run (self, INSERT_QUOTE, _("Could not import a quote"), error))
            return FALSE;
          id = inserted_id (self, quote->id);
          self->counts.quotes++;
        }
      if (!self->keep_ids)
        id_map_insert (self->quotes, quote->id, id);
      if (!step (self, error))
        return FALSE;
    }
  return TRUE;
}

/* Binds @property of @owner_id as the row from parameter @first of @stmt. */
static void
bind_property (sqlite3_stmt      *stmt,
               int                first,
               gint64             owner_id,
               const EntProperty *property)
{
  sqlite3_bind_int64 (stmt, first, owner_id);
  sqlite3_bind_text (stmt, first + 1, property->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, ent_property_type_to_string (property->type), -1, SQLITE_STATIC);
  /* An empty value is a value, not NULL. */
  sqlite3_bind_text (stmt, first + 3, property->value != NULL ? property->value : "", -1, SQLITE_STATIC);
}

/* Writes the properties waiting: a whole batch in one statement, fewer one by one. A key an owner has
 * already is ignored, so a merged entity or relation keeps its own value, and the first of a key twice
 * in the file wins, as the rows go in the order they came. */
static gboolean
flush_properties (Import  *self,
                  GError **error)
{
  gboolean whole = self->n_pending == PROPERTIES_PER_BATCH;
  Statement statement = !whole ? self->pending_statement
                        : self->pending_statement == INSERT_ENTITY_PROPERTY ? INSERT_ENTITY_PROPERTIES
                        : INSERT_RELATION_PROPERTIES;
  guint rows = whole ? PROPERTIES_PER_BATCH : 1;

  for (guint done = 0; done < self->n_pending; done += rows)
    {
      sqlite3_reset (self->stmts[statement]);
      for (guint row = 0; row < rows; row++)
        bind_property (self->stmts[statement], 4 * row + 1, self->pending[done + row].owner_id,
                       self->pending[done + row].property);
      if (!run (self, statement, _("Could not import a property"), error))
        return FALSE;
      self->counts.properties += sqlite3_changes (self->store->db);
    }
  self->n_pending = 0;
  return TRUE;
}

/* Queues the @properties of @owner_id, to be written by @statement's kind of row. */
static gboolean
import_properties (Import     *self,
                   Statement   statement,
                   gint64      owner_id,
                   GPtrArray  *properties,
                   GError    **error)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      if ((self->n_pending > 0 && self->pending_statement != statement) ||
          self->n_pending == PROPERTIES_PER_BATCH)
        {
          if (!flush_properties (self, error))
            return FALSE;
        }
      self->pending_statement = statement;
      self->pending[self->n_pending].owner_id = owner_id;
      self->pending[self->n_pending].property = g_ptr_array_index (properties, i);
      self->n_pending++;
    }
  return TRUE;
}

static gboolean
import_evidence (Import     *self,
                 Statement   statement,
                 gint64      owner_id,
                 GArray     *quote_ids,
                 GError    **error)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      gint64 quote_id = map_id (self, self->quotes, g_array_index (quote_ids, gint64, i));

      if (quote_id == 0)
        continue;
      _ent_store_bind (self->stmts[statement], "ii", owner_id, quote_id);
      if (!run (self, statement, _("Could not import the evidence"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_entities (Import  *self,
                 GError **error)
{
  GPtrArray *entities = self->import->graph->entities;

  for (guint i = 0; i < entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (entities, i);
      EntImportMatch *match = g_hash_table_lookup (self->matches, &entity->id);
      gint64 id;

      if (match != NULL && match->decision == ENT_IMPORT_SKIP)
        {
          self->counts.skipped++;
          continue;
        }

      if (match != NULL && match->decision == ENT_IMPORT_MERGE)
        {
          id = match->existing_id;
          self->counts.merged++;
        }
      else
        {
          if (!_ent_store_check_text (entity->name, _("The name must not be empty"),
                                      _("The name is not valid UTF-8 text"), error) ||
              !_ent_store_check_dates (entity->start_date, entity->end_date, error))
            return FALSE;

          _ent_store_bind (self->stmts[INSERT_ENTITY], "issssss", entity->id,
                           ent_entity_get_kind_key (entity),
                           entity->name, entity->role, entity->description, entity->start_date,
                           entity->end_date);
          if (!self->keep_ids)
            sqlite3_bind_null (self->stmts[INSERT_ENTITY], 1);
          if (!run (self, INSERT_ENTITY, _("Could not import an entity"), error))
            return FALSE;
          id = inserted_id (self, entity->id);
          self->counts.entities++;
        }

      if (!self->keep_ids)
        id_map_insert (self->entities, entity->id, id);
      if (!import_properties (self, INSERT_ENTITY_PROPERTY, id, entity->properties, error) ||
          !import_evidence (self, INSERT_ENTITY_EVIDENCE, id, entity->quote_ids, error) ||
          !step (self, error))
        return FALSE;
    }
  return flush_properties (self, error);
}

static gboolean
import_relations (Import  *self,
                  GError **error)
{
  GPtrArray *relations = self->import->graph->relations;

  for (guint i = 0; i < relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (relations, i);
      gint64 from = map_id (self, self->entities, relation->from_id);
      gint64 to = map_id (self, self->entities, relation->to_id);
      gint64 id = 0;

      /* A relation of a skipped entity stays out with it. */
      if (from == 0 || to == 0)
        {
          self->counts.skipped++;
          continue;
        }

      if (!_ent_store_check_text (relation->kind, _("The kind of relation must not be empty"),
                                  _("The kind of relation is not valid UTF-8 text"), error) ||
          !_ent_store_check_dates (relation->start_date, relation->end_date, error))
        return FALSE;

      /* Between two merged entities the same relation may be there already, and takes the evidence. */
      if (!self->keep_ids && g_hash_table_size (self->matches) > 0)
        {
          _ent_store_bind (self->stmts[FIND_RELATION], "iiss", from, to, relation->kind, relation->label);
          if (!find_id (self, FIND_RELATION, &id, error))
            return FALSE;
        }
      if (id == 0)
        {
          _ent_store_bind (self->stmts[INSERT_RELATION], "isiisbss", relation->id, relation->kind, from, to,
                           relation->label, relation->directed, relation->start_date, relation->end_date);
          if (!self->keep_ids)
            sqlite3_bind_null (self->stmts[INSERT_RELATION], 1);
          if (!run (self, INSERT_RELATION, _("Could not import a relation"), error))
            return FALSE;
          id = inserted_id (self, relation->id);
          self->counts.relations++;
        }

      if (!import_properties (self, INSERT_RELATION_PROPERTY, id, relation->properties, error) ||
          !import_evidence (self, INSERT_RELATION_EVIDENCE, id, relation->quote_ids, error) ||
          !step (self, error))
        return FALSE;
    }
  return flush_properties (self, error);
}

/* Only a whole new network takes the file's layouts: into one that has a layout of its own, positions
 * from another drawing would land anywhere, and the layout engine places the newcomers instead. */
static gboolean
import_layouts (Import  *self,
                GError **error)
{
  if (!self->keep_ids)
    return TRUE;

  for (guint i = 0; i < self->import->layouts->len; i++)
    {
      EntImportLayout *layout = g_ptr_array_index (self->import->layouts, i);

      for (guint j = 0; j < layout->positions->len; j++)
        {
          EntPosition *position = &g_array_index (layout->positions, EntPosition, j);

          if (!isfinite (position->x) || !isfinite (position->y))
            continue;
          _ent_store_bind (self->stmts[INSERT_POSITION], "isddb", position->entity_id, layout->engine,
                           position->x, position->y, position->pinned);
          if (!run (self, INSERT_POSITION, _("Could not import the layout"), error) || !step (self, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* After a bulk import, written without foreign keys: every reference must lead to a row. */
static gboolean
check_references (Import  *self,
                  GError **error)
{
  gint64 broken = 0;

  if (!_ent_store_query_int (self->store->db, "SELECT count (*) FROM pragma_foreign_key_check", &broken, error))
    return FALSE;
  if (broken > 0)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_FAILED,
                   g_dngettext (GETTEXT_PACKAGE, "Could not import: %" G_GINT64_FORMAT " reference leads to no row",
                                "Could not import: %" G_GINT64_FORMAT " references lead to no row", (gulong) broken),
                   broken);
      return FALSE;
    }
  return TRUE;
}

static guint64
count_rows (EntImport *import)
{
  guint64 rows = import->graph->sources->len + import->graph->quotes->len +
                 import->graph->entities->len + import->graph->relations->len;

  for (guint i = 0; i < import->layouts->len; i++)
    rows += ((EntImportLayout *) g_ptr_array_index (import->layouts, i))->positions->len;
  return rows;
}

/**
 * ent_store_import:
 * @self: a #EntStore
 * @import: what an importer read
 * @edit_label: (nullable): the label of the undoable edit the import makes, or %NULL to import
 *   in a plain transaction (into a new network, which has nothing to undo)
 * @keep_ids: whether the rows keep the import's ids, as a lossless file's must; only into an
 *   empty network
 * @matches: (nullable) (element-type EntImportMatch): what becomes of the imported entities
 *   that match existing ones, from ent_import_find_matches() and the person's review
 * @cancellable: (nullable): to stop the import
 * @progress: (nullable): called now and then with the share of rows written
 * @user_data: for @progress
 * @counts: (out caller-allocates) (optional): what came in
 * @error: return location for an error
 *
 * Writes @import into the network in one transaction: kinds, sources and
 * quotes, entities with their properties and evidence, relations with
 * theirs, and (into a new network) the layouts. A source the network has
 * (same title and text) is not brought twice, nor a quote of the same
 * passage. A failed or cancelled import writes nothing.
 *
 * Returns: whether the import was written
 */
gboolean
ent_store_import (EntStore              *self,
                  EntImport             *import,
                  const char            *edit_label,
                  gboolean               keep_ids,
                  GArray                *matches,
                  GCancellable          *cancellable,
                  EntImportProgressFunc  progress,
                  gpointer               user_data,
                  EntImportCounts       *counts,
                  GError               **error)
{
  Import state = {
    .store = self,
    .import = import,
    .keep_ids = keep_ids,
    .cancellable = cancellable,
    .progress = progress,
    .user_data = user_data,
    .sources = id_map_new (),
    .quotes = id_map_new (),
    .entities = id_map_new (),
    .matches = g_hash_table_new (g_int64_hash, g_int64_equal),
    .total_rows = count_rows (import),
  };
  gboolean bulk;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      EntImportMatch *match = &g_array_index (matches, EntImportMatch, i);
      g_hash_table_insert (state.matches, &match->import_id, match);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      import_clear (&state);
      return FALSE;
    }

  /* A whole new network is written once, and its file is thrown away if that fails: the journal can be
   * kept in memory rather than every page written twice, once to the write-ahead log and once more when
   * it is checkpointed. */
  bulk = keep_ids && edit_label == NULL &&
         _ent_store_exec (self->db, "PRAGMA journal_mode = MEMORY", _("Could not import"), NULL);
  /* Nor does it need SQLite to look up each row's references as it goes in, which took more than half of
   * what writing the rows cost: it has nothing to delete, so no action of a foreign key is missed, and one
   * pass over the rows at the end checks every reference. The pragma only takes effect out of a
   * transaction. */
  if (bulk && !_ent_store_exec (self->db, "PRAGMA foreign_keys = OFF", _("Could not import"), error))
    {
      import_clear (&state);
      return FALSE;
    }

  ok = edit_label != NULL ? ent_store_edit_begin (self, edit_label, error) : ent_store_begin (self, error);
  if (!ok)
    {
      import_clear (&state);
      return FALSE;
    }

  /* The rows of a large import touch more pages than SQLite keeps by default, and reading them back
   * again and again would take most of the time. */
  ok = _ent_store_exec (self->db, "PRAGMA cache_size = -262144", _("Could not import"), error) &&
       prepare (&state, error) &&
       import_kinds (&state, error) &&
       import_sources (&state, error) &&
       import_entities (&state, error) &&
       import_relations (&state, error) &&
       import_layouts (&state, error) &&
       (!bulk || check_references (&state, error));
  import_clear (&state);
  _ent_store_exec (self->db, "PRAGMA cache_size = -2000", _("Could not import"), NULL);

  if (!ok)
    {
      if (edit_label != NULL)
        ent_store_edit_cancel (self);
      else
        ent_store_rollback (self);
    }
  else
    ok = edit_label != NULL ? ent_store_edit_commit (self, error) : ent_store_commit (self, error);

  if (bulk)
    {
      _ent_store_exec (self->db, "PRAGMA journal_mode = WAL", _("Could not import"), NULL);
      /* No later edit may run without the checks. */
      if (!_ent_store_restore_foreign_keys (self, ok, error))
        ok = FALSE;
    }
  if (!ok)
    return FALSE;

  if (progress != NULL)
    progress (1.0, user_data);
  if (counts != NULL)
    *counts = state.counts;
  return TRUE;
}
