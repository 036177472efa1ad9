/* ent-csv-mapping.c: what the columns of a CSV file stand for, guessed from its headers, and the types of their values
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-csv-mapping"

#include "config.h"

#include "ent-csv.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* Headers each role is guessed from, compared without case; the first column that fits takes the role. */
static const struct {
  EntCsvTable  table;
  EntCsvRole   role;
  const char  *headers[8];
} guesses[] = {
  { ENT_CSV_NODES, ENT_CSV_ROLE_ID, { "id", "~id", "key", NULL } },
  { ENT_CSV_NODES, ENT_CSV_ROLE_NAME, { "name", "label", "title", NULL } },
  { ENT_CSV_NODES, ENT_CSV_ROLE_KIND, { "kind", "type", "category", "~label", NULL } },
  { ENT_CSV_NODES, ENT_CSV_ROLE_DESCRIPTION, { "description", NULL } },
  { ENT_CSV_NODES, ENT_CSV_ROLE_ROLE, { "role", NULL } },
  { ENT_CSV_EDGES, ENT_CSV_ROLE_ID, { "id", "~id", NULL } },
  { ENT_CSV_EDGES, ENT_CSV_ROLE_SOURCE, { "source", "from", "~from", NULL } },
  { ENT_CSV_EDGES, ENT_CSV_ROLE_TARGET, { "target", "to", "~to", NULL } },
  /* The names beside the ids of the ends, as Entente's own export writes them. */
  { ENT_CSV_EDGES, ENT_CSV_ROLE_SOURCE_NAME, { "source_name", NULL } },
  { ENT_CSV_EDGES, ENT_CSV_ROLE_TARGET_NAME, { "target_name", NULL } },
  { ENT_CSV_EDGES, ENT_CSV_ROLE_DIRECTED, { "directed", NULL } },
  { ENT_CSV_EDGES, ENT_CSV_ROLE_KIND, { "kind", "type", "category", "~label", "relation", NULL } },
  { ENT_CSV_EDGES, ENT_CSV_ROLE_LABEL, { "label", "name", "title", NULL } },
};

/* Headers of the roles both kinds of file have. */
static const struct {
  EntCsvRole   role;
  const char  *headers[4];
} common_guesses[] = {
  { ENT_CSV_ROLE_START, { "start", "start_date", "start date", NULL } },
  { ENT_CSV_ROLE_END, { "end", "end_date", "end date", NULL } },
  { ENT_CSV_ROLE_QUOTES, { "quotes", NULL } },
  { ENT_CSV_ROLE_QUOTE_SOURCES, { "quote_sources", NULL } },
};

EntCsvMapping *
ent_csv_mapping_new (EntCsvTable table,
                     guint       n_columns)
{
  EntCsvMapping *self = g_new0 (EntCsvMapping, 1);

  self->table = table;
  self->ends = ENT_CSV_ENDS_AUTO;
  self->directed = TRUE;
  self->n_columns = n_columns;
  self->roles = g_new0 (EntCsvRole, MAX (n_columns, 1));
  return self;
}

EntCsvMapping *
ent_csv_mapping_copy (const EntCsvMapping *self)
{
  EntCsvMapping *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->roles = g_memdup2 (self->roles, sizeof (EntCsvRole) * MAX (self->n_columns, 1));
  return copy;
}

void
ent_csv_mapping_free (EntCsvMapping *self)
{
  if (self == NULL)
    return;
  g_free (self->roles);
  g_free (self);
}

static gboolean
role_taken (const EntCsvMapping *self,
            guint                before,
            EntCsvRole           role)
{
  for (guint i = 0; i < before; i++)
    if (self->roles[i] == role)
      return TRUE;
  return FALSE;
}

static gboolean
is_one_of (const char        *header,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (header, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether every value the preview has of @column says a direction, as Gephi's edge table's Type does. */
static gboolean
column_is_direction (const EntCsvPreview *preview,
                     guint                column)
{
  guint n = 0;

  for (guint r = 0; r < preview->records->len; r++)
    {
      const char *value = ((GStrv) g_ptr_array_index (preview->records, r))[column];
      gboolean directed;

      if (*value == '\0')
        continue;
      if (!ent_csv_parse_directed (value, &directed))
        return FALSE;
      n++;
    }
  return n > 0;
}

/**
 * ent_csv_guess_role:
 * @table: whether the name is of a node's or an edge's field
 * @name: a column's header, or the name another format gives a field
 *
 * Returns: the role a field of that name is taken to have, compared without
 *   case and the white space around it; %ENT_CSV_ROLE_PROPERTY for a name
 *   that says nothing known
 */
EntCsvRole
ent_csv_guess_role (EntCsvTable  table,
                    const char  *name)
{
  g_autofree char *header = g_strstrip (g_strdup (name));

  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    if (guesses[i].table == table && is_one_of (header, guesses[i].headers))
      return guesses[i].role;
  for (guint i = 0; i < G_N_ELEMENTS (common_guesses); i++)
    if (is_one_of (header, common_guesses[i].headers))
      return common_guesses[i].role;
  return ENT_CSV_ROLE_PROPERTY;
}

static EntCsvRole
guess_role (EntCsvTable          table,
            const EntCsvPreview *preview,
            guint                column)
{
  g_autofree char *header = g_strstrip (g_strdup (preview->headers[column]));

  if (table == ENT_CSV_EDGES && g_ascii_strcasecmp (header, "type") == 0 && column_is_direction (preview, column))
    return ENT_CSV_ROLE_DIRECTED;
  return ent_csv_guess_role (table, header);
}

/**
 * ent_csv_guess_mapping:
 * @table: whether the file lists nodes or edges
 * @preview: the start of the file
 *
 * Guesses what the file's columns stand for from their headers, as
 * spreadsheets and Gephi name them; a column whose header says nothing
 * known, or names a role an earlier column took, becomes a property. An
 * edge file's "type" column is the direction when its values say one.
 *
 * Returns: (transfer full): the guess, for the person to review
 */
EntCsvMapping *
ent_csv_guess_mapping (EntCsvTable          table,
                       const EntCsvPreview *preview)
{
  EntCsvMapping *self;

  g_return_val_if_fail (preview != NULL, NULL);

  self = ent_csv_mapping_new (table, g_strv_length (preview->headers));
  self->separator = preview->separator;
  for (guint i = 0; i < self->n_columns; i++)
    {
      EntCsvRole role = guess_role (table, preview, i);

      if (role != ENT_CSV_ROLE_PROPERTY && role_taken (self, i, role))
        role = ENT_CSV_ROLE_PROPERTY;
      self->roles[i] = role;
    }
  return self;
}

/* A record as wide as the header: short ones padded with empty fields, long ones cut. */
static GStrv
record_to_strv (char * const *fields,
                guint         n_fields,
                guint         width)
{
  GStrv strv = g_new0 (char *, width + 1);

  for (guint i = 0; i < width; i++)
    strv[i] = g_strdup (i < n_fields ? fields[i] : "");
  return strv;
}

/**
 * ent_csv_preview:
 * @path: a CSV file
 * @n_records: how many records after the header to give at most
 * @error: return location for an error
 *
 * Reads the header and the first records of @path, for the person to see
 * what its columns hold before mapping them.
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL with @error set
 */
EntCsvPreview *
ent_csv_preview (const char  *path,
                 guint        n_records,
                 GError     **error)
{
  g_autoptr(EntCsvReader) reader = NULL;
  g_autoptr(EntCsvPreview) self = NULL;
  g_autoptr(GError) local_error = NULL;
  char **fields;
  guint n_fields;

  g_return_val_if_fail (path != NULL, NULL);

  reader = ent_csv_reader_new (path, 0, error);
  if (reader == NULL)
    return NULL;

  self = g_new0 (EntCsvPreview, 1);
  self->separator = ent_csv_reader_get_separator (reader);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (!ent_csv_reader_next (reader, &fields, &n_fields, NULL, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("The file is empty"));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->headers = record_to_strv (fields, n_fields, n_fields);

  while (self->records->len < n_records &&
         ent_csv_reader_next (reader, &fields, &n_fields, NULL, &local_error))
    g_ptr_array_add (self->records, record_to_strv (fields, n_fields, g_strv_length (self->headers)));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
ent_csv_preview_free (EntCsvPreview *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->headers);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_free (self);
}

/* Whether @value, without the white space around it, is @word in any case. */
static gboolean
is_word (const char *value,
         gsize       len,
         const char *word)
{
  return len == strlen (word) && g_ascii_strncasecmp (value, word, len) == 0;
}

/* A finite number written in decimals, as spreadsheets write them: no hex, "inf" or "nan". */
static gboolean
is_number (const char *value,
           gsize       len)
{
  g_autofree char *copy = NULL;
  char *end = NULL;
  double d;

  if (len == 0 || len > 400)
    return FALSE;
  /* Most numbers in a spreadsheet are whole and short: those need no parsing to be known finite. */
  if (len <= 15 && strspn (value, "0123456789") == len)
    return TRUE;
  if (strspn (value, "0123456789+-.eE") < len)
    return FALSE;
  if (value[len] == '\0')
    {
      d = g_ascii_strtod (value, &end);
      return end == value + len && isfinite (d);
    }
  copy = g_strndup (value, len);
  d = g_ascii_strtod (copy, &end);
  return end == copy + len && isfinite (d);
}

/**
 * ent_csv_value_types:
 * @value: a cell's value
 *
 * Returns: the types @value could be of, as bits (1 << EntPropertyType);
 *   white space around it does not count
 */
guint
ent_csv_value_types (const char *value)
{
  const char *end;
  guint types = 1 << ENT_PROPERTY_STRING;
  gsize len;

  g_return_val_if_fail (value != NULL, 0);

  while (g_ascii_isspace (*value))
    value++;
  end = value + strlen (value);
  while (end > value && g_ascii_isspace (end[-1]))
    end--;
  len = end - value;

  if (is_number (value, len))
    types |= 1 << ENT_PROPERTY_NUMBER;
  if (is_word (value, len, "true") || is_word (value, len, "false"))
    types |= 1 << ENT_PROPERTY_BOOLEAN;
  if (len == 4 || len == 7 || len == 10)
    {
      char date[11];

      memcpy (date, value, len);
      date[len] = '\0';
      if (ent_date_is_valid (date))
        types |= 1 << ENT_PROPERTY_DATE;
    }
  return types;
}

/**
 * ent_csv_column_type:
 * @types: the types every value of a column could be of, ANDed
 *
 * Returns: the type of the column's properties: a number, a boolean or a
 *   date when every value is one, in that order, or else a string
 */
EntPropertyType
ent_csv_column_type (guint types)
{
  if (types & (1 << ENT_PROPERTY_NUMBER))
    return ENT_PROPERTY_NUMBER;
  if (types & (1 << ENT_PROPERTY_BOOLEAN))
    return ENT_PROPERTY_BOOLEAN;
  if (types & (1 << ENT_PROPERTY_DATE))
    return ENT_PROPERTY_DATE;
  return ENT_PROPERTY_STRING;
}

/**
 * ent_csv_parse_directed:
 * @value: a cell of an edge file's direction column
 * @directed: (out): whether the edge is directed
 *
 * Returns: %TRUE when @value says a direction: true/false, yes/no, 1/0,
 *   directed/undirected, in any case
 */
gboolean
ent_csv_parse_directed (const char *value,
                        gboolean   *directed)
{
  static const char * const yes[] = { "true", "yes", "1", "directed", NULL };
  static const char * const no[] = { "false", "no", "0", "undirected", NULL };
  g_autofree char *word = NULL;

  g_return_val_if_fail (value != NULL && directed != NULL, FALSE);

  word = g_strstrip (g_strdup (value));
  if (is_one_of (word, yes))
    *directed = TRUE;
  else if (is_one_of (word, no))
    *directed = FALSE;
  else
    return FALSE;
  return TRUE;
}
