/* ent-store-load.c: reading the network of a file, and dumping its rows
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static char *
column_strdup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Orders properties as SQLite's BINARY collation orders their keys: byte by byte. */
static int
compare_property_keys (gconstpointer a,
                       gconstpointer b)
{
  return strcmp ((*(EntProperty *const *) a)->key, (*(EntProperty *const *) b)->key);
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
  g_autoptr(sqlite3_stmt) stmt = _ent_store_prepare (self->db, sql, error, "");
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 owner = sqlite3_column_int64 (stmt, 0);
      gint64 quote = sqlite3_column_int64 (stmt, 1);
      gboolean disputes = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "disputes") == 0;
      GArray *ids = NULL, **disputing = NULL;

      if (for_entities)
        {
          EntEntity *entity = ent_graph_get_entity (graph, owner);
          if (entity != NULL)
            {
              ids = entity->quote_ids;
              disputing = &entity->disputing_ids;
            }
        }
      else
        {
          EntRelation *relation = ent_graph_get_relation (graph, owner);
          if (relation != NULL)
            {
              ids = relation->quote_ids;
              disputing = &relation->disputing_ids;
            }
        }

      if (ids != NULL)
        g_array_append_val (ids, quote);
      if (ids != NULL && disputes)
        {
          if (*disputing == NULL)
            *disputing = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_array_append_val (*disputing, quote);
        }
    }

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the evidence"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_kinds (EntStore  *self,
            EntGraph  *graph,
            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _ent_store_prepare (self->db, "SELECT key, label, shape, glyph, color, dark_color FROM kinds ORDER BY rowid",
                             error, "");
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntKindInfo *kind = g_new0 (EntKindInfo, 1);

      kind->key = column_strdup (stmt, 0);
      kind->label = column_strdup (stmt, 1);
      kind->shape = column_strdup (stmt, 2);
      kind->glyph = column_strdup (stmt, 3);
      kind->color = column_strdup (stmt, 4);
      kind->dark_color = column_strdup (stmt, 5);
      ent_graph_take_kind (graph, kind);
    }

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the kinds"));
      return FALSE;
    }

  return TRUE;
}

/* Reads the properties into their owners' arrays, by key as each owner lists them. */
static gboolean
load_properties (EntStore  *self,
                 EntGraph  *graph,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) unsorted = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer properties_to_sort;
  int rc;

  /* In the order of the rows, which needs no sorting by SQLite; each owner's few properties are put
   * in the order of their keys afterwards, where they are not in it already. */
  stmt = _ent_store_prepare (self->db,
                             "SELECT entity_id, relation_id, key, type, value FROM properties ORDER BY id",
                             error, "");
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      EntEntity *entity = ent_graph_get_entity (graph, sqlite3_column_int64 (stmt, 0));
      EntRelation *relation = ent_graph_get_relation (graph, sqlite3_column_int64 (stmt, 1));
      GPtrArray *properties = entity != NULL ? entity->properties : relation != NULL ? relation->properties : NULL;
      EntProperty *property;

      if (properties == NULL)
        continue;

      property = g_new0 (EntProperty, 1);
      property->key = column_strdup (stmt, 2);
      if (!ent_property_type_from_string ((const char *) sqlite3_column_text (stmt, 3), &property->type))
        property->type = ENT_PROPERTY_STRING;
      property->value = column_strdup (stmt, 4);
      if (properties->len > 0 &&
          strcmp (((EntProperty *) g_ptr_array_index (properties, properties->len - 1))->key, property->key) > 0)
        g_hash_table_add (unsorted, properties);
      g_ptr_array_add (properties, property);
    }

  if (rc != SQLITE_DONE)
    {
      _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the properties"));
      return FALSE;
    }

  g_hash_table_iter_init (&iter, unsorted);
  while (g_hash_table_iter_next (&iter, &properties_to_sort, NULL))
    g_ptr_array_sort ((GPtrArray *) properties_to_sort, compare_property_keys);

  return TRUE;
}

static GPtrArray *
new_property_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
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

  if (!_ent_store_exec (self->db, "SAVEPOINT ent_load", _("Could not read the file"), error))
    return NULL;

  sources = _ent_store_prepare (self->db, "SELECT id, title, publisher, url, published, body FROM sources ORDER BY id",
                                error, "");
  entities = sources ? _ent_store_prepare (self->db,
                                           "SELECT id, kind, name, role, description, start_date, end_date "
                                           "FROM entities ORDER BY id", error, "") : NULL;
  relations = entities ? _ent_store_prepare (self->db,
                                             "SELECT id, kind, from_entity, to_entity, label, directed, start_date, "
                                             "end_date FROM relations ORDER BY id", error, "") : NULL;
  quotes = relations ? _ent_store_prepare (self->db,
                                           "SELECT id, source_id, start_offset, end_offset, text "
                                           "FROM quotes ORDER BY id", error, "") : NULL;
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
      entity->kind_key = column_strdup (entities, 1);
      if (!ent_kind_from_string (entity->kind_key, &entity->kind))
        entity->kind = ENT_KIND_ORGANISATION;
      entity->name = column_strdup (entities, 2);
      entity->role = column_strdup (entities, 3);
      entity->description = column_strdup (entities, 4);
      entity->start_date = column_strdup (entities, 5);
      entity->end_date = column_strdup (entities, 6);
      entity->quote_ids = new_id_array ();
      entity->properties = new_property_array ();
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
      relation->properties = new_property_array ();
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

  ok = load_kinds (self, graph, error) &&
       load_properties (self, graph, error) &&
       _ent_store_load_aliases (self, graph, error) &&
       load_evidence (self, "SELECT entity_id, quote_id, stance FROM entity_evidence ORDER BY entity_id, quote_id",
                      graph, TRUE, error) &&
       load_evidence (self, "SELECT relation_id, quote_id, stance FROM relation_evidence ORDER BY relation_id, quote_id",
                      graph, FALSE, error);

out:
  if (!ok && error != NULL && *error == NULL)
    _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the file"));

  sqlite3_exec (self->db, "RELEASE ent_load", NULL, NULL, NULL);

  return ok ? g_steal_pointer (&graph) : NULL;
}

/**
 * ent_store_dump:
 * @self: a #EntStore
 * @error: return location for an error
 *
 * Returns: (transfer full): every row of every table of the file, in a
 *   stable order, as text: two files with the same dump hold the same data.
 *   Properties are dumped without their own ids, which nothing refers to.
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
    "SELECT * FROM kinds ORDER BY key",
    "SELECT entity_id, relation_id, key, type, value FROM properties ORDER BY entity_id, relation_id, key",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (ENT_IS_STORE (self), NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = _ent_store_prepare (self->db, queries[q], error, "");
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
          _ent_store_set_sqlite_error (error, self->db, rc, _("Could not read the file"));
          return NULL;
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
