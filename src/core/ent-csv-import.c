/* ent-csv-import.c: a node list and an edge list, as their columns are mapped, read into an import
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-csv-import"

#include "config.h"

#include "ent-csv.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* Longer than any name a diagram can show: a longer one is a column of text mapped as the names. */
#define MAX_NAME_LENGTH 1000

/* The kind of relations whose file gives them none. */
#define DEFAULT_RELATION_KIND "related-to"

/* Progress is told and cancellation looked at every this many records. */
#define PROGRESS_EVERY 1024

#define N_ROLES (ENT_CSV_ROLE_DIRECTED + 1)

/* A property column: its key, the types all its values so far could be of, and its properties. */
typedef struct
{
  char      *key;
  guint      types;
  GPtrArray *properties; /* EntProperty, owned by their entities and relations */
} PropertyColumn;

typedef struct
{
  EntImport             *import;
  GCancellable          *cancellable;
  EntImportProgressFunc  progress;
  gpointer               user_data;
  double                 progress_start;
  double                 progress_span;
  /*
   * The node file's ids, which are how its edges refer to its nodes and are
   * kept as nothing else: the import's ids are made up, 1, 2, …
   */
  GHashTable            *ids;   /* file id, in @strings → EntEntity */
  GHashTable            *names; /* its name → EntEntity, the first of that name */
  GStringChunk          *strings; /* the ids, kept in one block rather than a copy each */
  /* The sources made of the quotes that name them as theirs */
  EntImportQuotes       *sources;
  GHashTable            *kinds; /* type as the file writes it → EntEntity of that kind */
  GPtrArray             *columns; /* PropertyColumn */
  gboolean               have_nodes;
} Import;

/* One file being read: its mapping, and the column of each role (-1 for none). */
typedef struct
{
  const EntCsvMapping *mapping;
  char                *title;
  int                  column[N_ROLES];
  PropertyColumn     **properties; /* for each column, %NULL unless it is a property */
  guint                n_properties;
  /* The current record's fields, in the reader's buffer: those of roles are stripped there, in place. */
  char               **fields;
  guint                n_fields;
  guint64              line;
} Table;

static void
property_column_free (PropertyColumn *column)
{
  g_free (column->key);
  g_ptr_array_unref (column->properties);
  g_free (column);
}

/* A field of the current record by its role, "" when the file has no such column or the record is short. */
static const char *
field (const Table *table,
       EntCsvRole   role)
{
  int column = table->column[role];

  if (column < 0 || (guint) column >= table->n_fields)
    return "";
  return table->fields[column];
}

/* A field stripped of the white space around it in place, or %NULL when nothing else is in it. */
static const char *
stripped (const Table *table,
          EntCsvRole   role)
{
  int column = table->column[role];
  char *value, *end;

  if (column < 0 || (guint) column >= table->n_fields)
    return NULL;

  value = table->fields[column];
  while (g_ascii_isspace (*value))
    value++;
  end = value + strlen (value);
  while (end > value && g_ascii_isspace (end[-1]))
    end--;
  *end = '\0';
  return *value != '\0' ? value : NULL;
}

/* A field as it is, or %NULL when it holds only white space. */
static char *
text (const Table *table,
      EntCsvRole   role)
{
  const char *value = field (table, role);
  const char *p = value;

  while (g_ascii_isspace (*p))
    p++;
  return *p != '\0' ? g_strdup (value) : NULL;
}

/* A property key for a column from its header, made unique among the file's property columns. */
static char *
property_key (const Table *table,
              const char  *header,
              guint        column)
{
  g_autofree char *base = g_strstrip (g_strdup (header));
  char *key;

  if (*base == '\0')
    {
      g_free (base);
      /* Translators: the name of a property whose column has no header; %u counts columns from 1 */
      base = g_strdup_printf (_("column %u"), column + 1);
    }
  if (g_utf8_strlen (base, -1) > ENT_PROPERTY_KEY_MAX_LENGTH - 10)
    *g_utf8_offset_to_pointer (base, ENT_PROPERTY_KEY_MAX_LENGTH - 10) = '\0';

  key = g_strdup (base);
  for (guint n = 2; ; n++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < column && !taken; i++)
        taken = table->properties[i] != NULL && g_str_equal (table->properties[i]->key, key);
      if (!taken)
        return key;
      g_free (key);
      key = g_strdup_printf ("%s (%u)", base, n);
    }
}

/* Reads the header, checks it against the mapping and finds each role's column. */
static gboolean
table_init (Import               *self,
            Table                *table,
            EntCsvReader         *reader,
            const char           *path,
            const EntCsvMapping  *mapping,
            GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  table->mapping = mapping;
  table->title = g_path_get_basename (path);
  for (guint r = 0; r < N_ROLES; r++)
    table->column[r] = -1;

  if (!ent_csv_reader_next (reader, &table->fields, &table->n_fields, &table->line, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("The file is empty"));
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", table->title);
      return FALSE;
    }
  if (table->n_fields != mapping->n_columns)
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                   _("%s: the file has %u columns, not the %u it was mapped with"),
                   table->title, table->n_fields, mapping->n_columns);
      return FALSE;
    }

  table->properties = g_new0 (PropertyColumn *, MAX (table->n_fields, 1));
  for (guint i = 0; i < table->n_fields; i++)
    {
      EntCsvRole role = mapping->roles[i];

      if (role == ENT_CSV_ROLE_PROPERTY)
        {
          PropertyColumn *column = g_new0 (PropertyColumn, 1);

          column->key = property_key (table, table->fields[i], i);
          column->types = ~0u;
          column->properties = g_ptr_array_new ();
          table->properties[i] = column;
          table->n_properties++;
          g_ptr_array_add (self->columns, column);
        }
      else if (role != ENT_CSV_ROLE_IGNORE && table->column[role] < 0)
        table->column[role] = i;
    }
  return TRUE;
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->title, g_free);
  g_clear_pointer (&table->properties, g_free);
}

/* Checks a row's dates; %FALSE notes the row as skipped. */
static gboolean
read_dates (Import       *self,
            const Table  *table,
            const char  **start,
            const char  **end)
{
  *start = stripped (table, ENT_CSV_ROLE_START);
  *end = stripped (table, ENT_CSV_ROLE_END);

  for (guint i = 0; i < 2; i++)
    {
      const char *date = i == 0 ? *start : *end;

      if (date != NULL && !ent_date_is_valid (date))
        {
          ent_import_add_problem (self->import, table->line,
                                  _("Line %lu is skipped: “%s” is not a date (YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD)"),
                                  (gulong) table->line, date);
          return FALSE;
        }
    }
  if (*start != NULL && *end != NULL && ent_date_is_before (*end, *start))
    {
      ent_import_add_problem (self->import, table->line,
                              _("Line %lu is skipped: its end date is before its start date"), (gulong) table->line);
      return FALSE;
    }
  return TRUE;
}

/*
 * The quotes of a row as evidence of it: its quotes column holds their texts
 * with a blank line between two, its quote-sources column their sources'
 * titles one a line, in the same order; a quote without a title is the
 * file's.
 */
static void
read_quotes (Import      *self,
             const Table *table,
             GArray      *quote_ids)
{
  const char *quotes = field (table, ENT_CSV_ROLE_QUOTES);
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) titles = NULL;
  guint n_titles;

  if (*quotes == '\0')
    return;

  texts = g_strsplit (quotes, "\n\n", -1);
  titles = g_strsplit (field (table, ENT_CSV_ROLE_QUOTE_SOURCES), "\n", -1);
  n_titles = g_strv_length (titles);
  for (guint i = 0, n = 0; texts[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      gint64 id;
      gboolean known = FALSE;

      if (*texts[i] == '\0')
        continue;
      title = g_strstrip (g_strdup (n < n_titles ? titles[n] : ""));
      n++;
      id = ent_import_quotes_add (self->sources, *title != '\0' ? title : table->title, texts[i]);
      for (guint k = 0; k < quote_ids->len && !known; k++)
        known = g_array_index (quote_ids, gint64, k) == id;
      if (!known)
        g_array_append_val (quote_ids, id);
    }
}

/* The row's property columns as its properties, typed once the whole file is read. */
static GPtrArray *
read_properties (Import      *self,
                 const Table *table)
{
  GPtrArray *properties = g_ptr_array_new_full (table->n_properties, (GDestroyNotify) ent_property_free);

  for (guint i = 0; i < table->n_fields && i < table->mapping->n_columns; i++)
    {
      PropertyColumn *column = table->properties[i];
      const char *value = table->fields[i];
      const char *p = value;
      EntProperty *property;

      while (g_ascii_isspace (*p))
        p++;
      if (column == NULL || *p == '\0')
        continue;
      if (strlen (value) > ENT_PROPERTY_VALUE_MAX_LENGTH && g_utf8_strlen (value, -1) > ENT_PROPERTY_VALUE_MAX_LENGTH)
        {
          ent_import_add_problem (self->import, table->line,
                                  _("Line %lu: the value of “%s” is longer than %u characters and is left out"),
                                  (gulong) table->line, column->key, ENT_PROPERTY_VALUE_MAX_LENGTH);
          continue;
        }

      property = g_new0 (EntProperty, 1);
      property->key = g_strdup (column->key);
      property->value = g_strdup (value);
      /* Once a value of the column is only a string, the column is of strings: the rest need no look. */
      if (column->types != 1u << ENT_PROPERTY_STRING)
        column->types &= ent_csv_value_types (value);
      g_ptr_array_add (column->properties, property);
      g_ptr_array_add (properties, property);
    }
  return properties;
}

/* Gives @entity the kind @type names; a file has few types, and finding a type's kind folds names, so each is found once. */
static void
set_kind (Import     *self,
          EntEntity  *entity,
          const char *type)
{
  EntEntity *known = g_hash_table_lookup (self->kinds, type != NULL ? type : "");

  if (known == NULL)
    {
      known = g_new0 (EntEntity, 1);
      ent_import_set_kind (self->import, known, type);
      g_hash_table_insert (self->kinds, g_strdup (type != NULL ? type : ""), known);
    }
  entity->kind = known->kind;
  entity->kind_key = g_strdup (known->kind_key);
}

static EntEntity *
new_entity (Import     *self,
            const char *name,
            const char *type)
{
  EntEntity *entity = g_new0 (EntEntity, 1);

  entity->id = self->import->graph->entities->len + 1;
  entity->name = g_strdup (name);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  set_kind (self, entity, type);
  return entity;
}

static void
read_node (Import      *self,
           const Table *table)
{
  const char *id = stripped (table, ENT_CSV_ROLE_ID);
  const char *name = stripped (table, ENT_CSV_ROLE_NAME);
  const char *kind = stripped (table, ENT_CSV_ROLE_KIND);
  const char *start = NULL;
  const char *end = NULL;
  EntEntity *entity;

  if (name == NULL)
    name = id;
  if (name == NULL)
    {
      ent_import_add_problem (self->import, table->line, _("Line %lu is skipped: it has no name"), (gulong) table->line);
      return;
    }
  if (strlen (name) > MAX_NAME_LENGTH && g_utf8_strlen (name, -1) > MAX_NAME_LENGTH)
    {
      ent_import_add_problem (self->import, table->line,
                              _("Line %lu is skipped: its name is longer than %u characters"),
                              (gulong) table->line, MAX_NAME_LENGTH);
      return;
    }
  if (id != NULL && g_hash_table_contains (self->ids, id))
    {
      ent_import_add_problem (self->import, table->line,
                              _("Line %lu is skipped: an earlier line has its id “%s”"), (gulong) table->line, id);
      return;
    }
  if (!read_dates (self, table, &start, &end))
    return;

  entity = new_entity (self, name, kind);
  entity->role = text (table, ENT_CSV_ROLE_ROLE);
  entity->description = text (table, ENT_CSV_ROLE_DESCRIPTION);
  entity->start_date = g_strdup (start);
  entity->end_date = g_strdup (end);
  read_quotes (self, table, entity->quote_ids);
  entity->properties = read_properties (self, table);
  ent_graph_take_entity (self->import->graph, entity);

  if (id != NULL)
    g_hash_table_insert (self->ids, g_string_chunk_insert (self->strings, id), entity);
  if (!g_hash_table_contains (self->names, entity->name))
    g_hash_table_insert (self->names, entity->name, entity);
}

/* What an edge file's ends name: the node file's ids, its names, or (until the first end found in
 * either) not known yet. */
typedef enum
{
  ENDS_ID,
  ENDS_NAME,
  ENDS_UNDECIDED,
} Ends;

/*
 * The entity an edge's end names, by id or by name. Without a node file
 * the ends are the nodes: each new one is made, named by the end's name
 * column where the file has one.
 */
static EntEntity *
find_end (Import      *self,
          const Table *table,
          Ends        *ends,
          EntCsvRole   role,
          EntCsvRole   name_role)
{
  const char *key = stripped (table, role);
  GHashTable *index;
  EntEntity *entity;
  const char *name = NULL;

  if (key == NULL)
    {
      ent_import_add_problem (self->import, table->line,
                              _("Line %lu is skipped: an end of its edge is empty"), (gulong) table->line);
      return NULL;
    }

  /* The first end found among the node file's ids or its names says which of them the edges name: a
   * node list with ids may still have its edges name the nodes, as R's row-numbered exports do. */
  if (*ends == ENDS_UNDECIDED)
    {
      if (g_hash_table_contains (self->ids, key))
        *ends = ENDS_ID;
      else if (g_hash_table_contains (self->names, key))
        *ends = ENDS_NAME;
    }
  index = *ends == ENDS_NAME ? self->names : self->ids;
  entity = g_hash_table_lookup (index, key);
  if (entity != NULL)
    return entity;
  if (self->have_nodes)
    {
      ent_import_add_problem (self->import, table->line,
                              _("Line %lu is skipped: the node file has no “%s” for its edge to end at"),
                              (gulong) table->line, key);
      return NULL;
    }

  name = *ends == ENDS_ID ? stripped (table, name_role) : NULL;
  entity = new_entity (self, name != NULL ? name : key, NULL);
  entity->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  ent_graph_take_entity (self->import->graph, entity);
  g_hash_table_insert (index, *ends == ENDS_ID ? g_string_chunk_insert (self->strings, key) : entity->name, entity);
  return entity;
}

static void
read_edge (Import      *self,
           const Table *table,
           Ends        *ends)
{
  const char *kind = stripped (table, ENT_CSV_ROLE_KIND);
  const char *direction = stripped (table, ENT_CSV_ROLE_DIRECTED);
  const char *start = NULL;
  const char *end = NULL;
  EntEntity *from, *to;
  EntRelation *relation;
  gboolean directed = table->mapping->directed;

  if (!read_dates (self, table, &start, &end))
    return;
  from = find_end (self, table, ends, ENT_CSV_ROLE_SOURCE, ENT_CSV_ROLE_SOURCE_NAME);
  if (from == NULL)
    return;
  to = find_end (self, table, ends, ENT_CSV_ROLE_TARGET, ENT_CSV_ROLE_TARGET_NAME);
  if (to == NULL)
    return;
  if (direction != NULL && !ent_csv_parse_directed (direction, &directed))
    ent_import_add_problem (self->import, table->line,
                            _("Line %lu: “%s” is not a direction (directed or undirected), so the file's default is taken"),
                            (gulong) table->line, direction);

  relation = g_new0 (EntRelation, 1);
  relation->id = self->import->graph->relations->len + 1;
  relation->kind = g_strdup (kind != NULL ? kind : DEFAULT_RELATION_KIND);
  relation->from_id = from->id;
  relation->to_id = to->id;
  relation->label = text (table, ENT_CSV_ROLE_LABEL);
  relation->directed = directed;
  relation->start_date = g_strdup (start);
  relation->end_date = g_strdup (end);
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  read_quotes (self, table, relation->quote_ids);
  relation->properties = read_properties (self, table);
  ent_graph_take_relation (self->import->graph, relation);
}

/* Reads every record of one file, with its share of the progress. */
static gboolean
read_table (Import               *self,
            const char           *path,
            const EntCsvMapping  *mapping,
            GError              **error)
{
  g_autoptr(EntCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  Table table = { 0 };
  Ends ends = ENDS_NAME;
  gboolean failed;
  guint n = 0;

  reader = ent_csv_reader_new (path, mapping->separator, error);
  if (reader == NULL || !table_init (self, &table, reader, path, mapping, error))
    {
      table_clear (&table);
      return FALSE;
    }

  if (mapping->table == ENT_CSV_EDGES)
    {
      if (table.column[ENT_CSV_ROLE_SOURCE] < 0 || table.column[ENT_CSV_ROLE_TARGET] < 0)
        {
          g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                       _("%s: no column is mapped as the edges' source and none as their target"), table.title);
          table_clear (&table);
          return FALSE;
        }
      if (mapping->ends != ENT_CSV_ENDS_AUTO)
        ends = mapping->ends == ENT_CSV_ENDS_BY_ID ? ENDS_ID : ENDS_NAME;
      else if (!self->have_nodes)
        ends = table.column[ENT_CSV_ROLE_SOURCE_NAME] >= 0 ? ENDS_ID : ENDS_NAME;
      else if (g_hash_table_size (self->ids) > 0)
        ends = ENDS_UNDECIDED;
    }

  while (ent_csv_reader_next (reader, &table.fields, &table.n_fields, &table.line, &local_error))
    {
      if (table.n_fields != mapping->n_columns)
        ent_import_add_problem (self->import, table.line,
                                _("Line %lu has %u fields where the header has %u"),
                                (gulong) table.line, table.n_fields, mapping->n_columns);
      if (mapping->table == ENT_CSV_NODES)
        read_node (self, &table);
      else
        read_edge (self, &table, &ends);

      if (++n % PROGRESS_EVERY == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            {
              table_clear (&table);
              return FALSE;
            }
          if (self->progress != NULL)
            self->progress (self->progress_start + self->progress_span * ent_csv_reader_get_fraction (reader),
                            self->user_data);
        }
    }
  failed = local_error != NULL;
  if (failed)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", table.title);
  table_clear (&table);
  return !failed;
}

/* Gives each property column's properties the type all its values have, written as that type is stored. */
static void
type_properties (Import *self)
{
  for (guint i = 0; i < self->columns->len; i++)
    {
      PropertyColumn *column = g_ptr_array_index (self->columns, i);
      EntPropertyType type = ent_csv_column_type (column->types);

      for (guint k = 0; k < column->properties->len; k++)
        {
          EntProperty *property = g_ptr_array_index (column->properties, k);

          property->type = type;
          if (type != ENT_PROPERTY_STRING)
            g_strstrip (property->value);
          if (type == ENT_PROPERTY_BOOLEAN)
            for (char *c = property->value; *c != '\0'; c++)
              *c = g_ascii_tolower (*c);
        }
    }
}

/**
 * ent_csv_import:
 * @nodes_path: (nullable): a CSV file of entities
 * @nodes: (nullable): what its columns stand for; needed with @nodes_path
 * @edges_path: (nullable): a CSV file of relations between them
 * @edges: (nullable): what its columns stand for; needed with @edges_path
 * @cancellable: (nullable): a cancellable, looked at between records
 * @progress: (nullable): told how much is read now and then
 * @user_data: for @progress
 * @error: return location for an error
 *
 * Reads a node list, an edge list or both into an import. Rows that cannot
 * come in (no name, a bad date, an edge to a node that is not there, an id
 * used twice) are skipped and listed in the import's problems with their
 * lines; a file that cannot be read at all is an error. Without a node file
 * the edges' ends are the entities.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
EntImport *
ent_csv_import (const char            *nodes_path,
                const EntCsvMapping   *nodes,
                const char            *edges_path,
                const EntCsvMapping   *edges,
                GCancellable          *cancellable,
                EntImportProgressFunc  progress,
                gpointer               user_data,
                GError               **error)
{
  g_autoptr(EntImport) import = ent_import_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStringChunk) strings = g_string_chunk_new (64 * 1024);
  g_autoptr(EntImportQuotes) sources = ent_import_quotes_new (import);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) ent_entity_free);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) property_column_free);
  Import self = { import, cancellable, progress, user_data, 0.0, 1.0, ids, names, strings, sources, kinds, columns,
                  nodes_path != NULL };

  g_return_val_if_fail (nodes_path != NULL || edges_path != NULL, NULL);
  g_return_val_if_fail (nodes_path == NULL || (nodes != NULL && nodes->table == ENT_CSV_NODES), NULL);
  g_return_val_if_fail (edges_path == NULL || (edges != NULL && edges->table == ENT_CSV_EDGES), NULL);

  if (nodes_path != NULL)
    {
      self.progress_span = edges_path != NULL ? 0.5 : 1.0;
      if (!read_table (&self, nodes_path, nodes, error))
        return NULL;
    }
  if (edges_path != NULL)
    {
      self.progress_start = nodes_path != NULL ? 0.5 : 0.0;
      self.progress_span = 1.0 - self.progress_start;
      if (!read_table (&self, edges_path, edges, error))
        return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  type_properties (&self);
  ent_import_quotes_finish (sources);

  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&import);
}
