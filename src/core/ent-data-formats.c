/* ent-data-formats.c: the data formats Entente reads and writes, and which one a file is in
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-data"

#include "config.h"

#include "ent-data.h"
#include "ent-csv.h"
#include "ent-gexf.h"
#include "ent-graphml.h"
#include "ent-cytoscape.h"
#include "ent-ftm.h"
#include "ent-dot.h"
#include "ent-json.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How much of a file is looked at to tell formats that share an extension apart. */
#define SNIFF_LENGTH 4096

static gboolean
write_csv (EntGraph      *graph,
           GPtrArray     *layouts,
           const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *entities_path = NULL;
  g_autofree char *relations_path = NULL;

  ent_data_csv_paths (path, &entities_path, &relations_path);
  return ent_csv_export (graph, entities_path, relations_path, error);
}

/* The start of @start after white space and a byte order mark. */
static const char *
skip_space (const char *start)
{
  if (g_str_has_prefix (start, "\xef\xbb\xbf"))
    start += 3;
  while (g_ascii_isspace (*start))
    start++;
  return start;
}

/*
 * A Cytoscape start: an object with "elements", or Cytoscape's desktop
 * export, whose "generated_by" names it; or a list of elements, whose first
 * has "data". Entente's own files have neither.
 */
static gboolean
sniff_cytoscape (const char *start,
                 gsize       length)
{
  start = skip_space (start);
  if (*start == '[')
    {
      start = skip_space (start + 1);
      return *start == '{' && strstr (start, "\"data\"") != NULL;
    }
  return *start == '{' && strstr (start, "\"entente-network\"") == NULL &&
         (strstr (start, "\"elements\"") != NULL ||
          (strstr (start, "\"generated_by\"") != NULL && strstr (start, "ytoscape") != NULL));
}

/* A FollowTheMoney start: a first line that is an object with a "schema" and an "id" or "properties". */
static gboolean
sniff_ftm (const char *start,
           gsize       length)
{
  g_autofree char *line = NULL;
  const char *end;

  start = skip_space (start);
  end = strchr (start, '\n');
  line = end != NULL ? g_strndup (start, end - start) : g_strdup (start);
  return *line == '{' && strstr (line, "\"schema\"") != NULL &&
         (strstr (line, "\"id\"") != NULL || strstr (line, "\"properties\"") != NULL);
}

/*
 * Every format, in the order file choosers list them. Where formats share
 * an extension, the first of them without a sniff function is the one a
 * file is taken to be in when no other's sniff function knows its start,
 * and the one an export by that extension writes.
 */
static const EntDataFormatInfo formats[] = {
  {
    .format = ENT_DATA_FORMAT_JSON,
    .name = "json",
    .filter_name = N_("Entente data (JSON)"),
    .mime_type = "application/json",
    .extensions = { "json" },
    .max_files = 1,
    .read_file = ent_json_read,
    .write = ent_json_write,
  },
  {
    .format = ENT_DATA_FORMAT_CSV,
    .name = "csv",
    .filter_name = N_("Spreadsheets (CSV)"),
    .export_filter_name = N_("Spreadsheets (CSV: an entities and a relations file)"),
    .mime_type = "text/csv",
    .extensions = { "csv" },
    .max_files = 2,
    .read = ent_data_read_csv,
    .write = write_csv,
  },
  {
    .format = ENT_DATA_FORMAT_GRAPHML,
    .name = "graphml",
    .filter_name = N_("GraphML (networkx, Gephi, yEd)"),
    .mime_type = "application/graphml+xml",
    .extensions = { "graphml" },
    .max_files = 1,
    .kinds_from_keys = TRUE,
    .read_file = ent_graphml_read,
    .write = ent_graphml_write,
  },
  {
    .format = ENT_DATA_FORMAT_GEXF,
    .name = "gexf",
    .filter_name = N_("Gephi networks (GEXF)"),
    .mime_type = "application/gexf+xml",
    .extensions = { "gexf" },
    .max_files = 1,
    .kinds_from_keys = TRUE,
    .read_file = ent_gexf_read,
    .write = ent_gexf_write,
  },
  {
    .format = ENT_DATA_FORMAT_GEXF_1_2,
    .name = "gexf-1.2",
    .filter_name = N_("Gephi networks (GEXF 1.2, for networkx 2)"),
    .mime_type = "application/gexf+xml",
    .extensions = { "gexf" },
    .max_files = 1,
    .kinds_from_keys = TRUE,
    .read_file = ent_gexf_read,
    .write = ent_gexf_write_1_2,
    .variant = TRUE,
  },
  {
    .format = ENT_DATA_FORMAT_CYTOSCAPE,
    .name = "cytoscape",
    .filter_name = N_("Cytoscape (JSON)"),
    .mime_type = "application/json",
    .extensions = { "cyjs", "json" },
    .sniff = sniff_cytoscape,
    .max_files = 1,
    .kinds_from_keys = TRUE,
    .read_file = ent_cytoscape_read,
    .write = ent_cytoscape_write,
  },
  {
    .format = ENT_DATA_FORMAT_FTM,
    .name = "ftm",
    .filter_name = N_("FollowTheMoney entities (JSON lines)"),
    .mime_type = "application/x-ndjson",
    .extensions = { "ijson", "jsonl", "ftm.json", "json" },
    .sniff = sniff_ftm,
    .max_files = 1,
    .read_file = ent_ftm_read,
  },
  {
    .format = ENT_DATA_FORMAT_DOT,
    .name = "dot",
    .filter_name = N_("Graphviz (DOT)"),
    .mime_type = "text/vnd.graphviz",
    .extensions = { "gv", "dot" },
    .max_files = 1,
    .kinds_from_keys = TRUE,
    .read_file = ent_dot_read,
    .write = ent_dot_write,
  },
};

/**
 * ent_data_get_formats:
 * @n_formats: (out): how many there are
 *
 * Returns: (array length=n_formats): every data format, in the order file choosers list them
 */
const EntDataFormatInfo *
ent_data_get_formats (guint *n_formats)
{
  *n_formats = G_N_ELEMENTS (formats);
  return formats;
}

/**
 * ent_data_format_get_info:
 * @format: a format
 *
 * Returns: (transfer none): what Entente knows of @format
 */
const EntDataFormatInfo *
ent_data_format_get_info (EntDataFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return &formats[i];
  g_return_val_if_reached (NULL);
}

/* "json or csv", as a person would list them. */
static char *
list_names (gboolean extensions)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint j = 0; j < (extensions ? G_N_ELEMENTS (formats[i].extensions) : 1); j++)
      {
        const char *name = extensions ? formats[i].extensions[j] : formats[i].name;

        if (name == NULL || (extensions && strstr (names->str, name) != NULL))
          continue;
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append_printf (names, extensions ? ".%s" : "%s", name);
      }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/**
 * ent_data_format_for_name:
 * @name: a format's name ("json", "csv", …), in any case
 * @format: (out): the format
 * @error: return location for an error
 *
 * Returns: whether @name is a data format Entente reads and writes
 */
gboolean
ent_data_format_for_name (const char     *name,
                          EntDataFormat  *format,
                          GError        **error)
{
  g_autofree char *names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  names = list_names (FALSE);
  /* Translators: %s is a format's name, then the list of the names of the formats there are */
  g_set_error (error, ENT_DATA_ERROR, ENT_DATA_ERROR_UNKNOWN_FORMAT, _("“%s” is not a format Entente knows: use %s"),
               name, names);
  return FALSE;
}

/* Whether @path ends in ".@extension", in any case. */
static gboolean
has_extension (const char *path,
               const char *extension)
{
  gsize path_length = strlen (path), length = strlen (extension);

  return path_length > length + 1 && path[path_length - length - 1] == '.' &&
         g_ascii_strcasecmp (path + path_length - length, extension) == 0;
}

/* The start of the file at @path, or %NULL where there is none to read. */
static char *
read_start (const char *path,
            gsize      *length)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char *start;
  gsize read = 0;

  if (stream == NULL)
    return NULL;
  start = g_malloc (SNIFF_LENGTH + 1);
  g_input_stream_read_all (G_INPUT_STREAM (stream), start, SNIFF_LENGTH, &read, NULL, NULL);
  start[read] = '\0';
  *length = read;
  return start;
}

/**
 * ent_data_format_has_path:
 * @format: a format
 * @path: a file's path
 *
 * Returns: whether @path ends in one of @format's extensions
 */
gboolean
ent_data_format_has_path (EntDataFormat  format,
                          const char    *path)
{
  const EntDataFormatInfo *info = ent_data_format_get_info (format);

  for (guint i = 0; i < G_N_ELEMENTS (info->extensions) && info->extensions[i] != NULL; i++)
    if (has_extension (path, info->extensions[i]))
      return TRUE;
  return FALSE;
}

/**
 * ent_data_format_for_path:
 * @path: a file to read or write
 * @format: (out): its format
 * @error: return location for an error
 *
 * Finds the format of @path from its extension; where formats share one
 * (a ".json" file may be Entente's own or another program's), from the
 * start of the file when there is one.
 *
 * Returns: whether @path's extension is one of a data format
 */
gboolean
ent_data_format_for_path (const char     *path,
                          EntDataFormat  *format,
                          GError        **error)
{
  const EntDataFormatInfo *fallback = NULL;
  const EntDataFormatInfo *first = NULL;
  g_autofree char *start = NULL;
  g_autofree char *base = NULL;
  g_autofree char *names = NULL;
  gboolean looked = FALSE;
  gsize length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint j = 0; j < G_N_ELEMENTS (formats[i].extensions) && formats[i].extensions[j] != NULL; j++)
      {
        if (!has_extension (path, formats[i].extensions[j]))
          continue;
        if (first == NULL)
          first = &formats[i];
        if (formats[i].sniff == NULL)
          {
            if (fallback == NULL)
              fallback = &formats[i];
            break;
          }
        if (!looked)
          start = read_start (path, &length);
        looked = TRUE;
        if (start != NULL && formats[i].sniff (start, length))
          {
            *format = formats[i].format;
            return TRUE;
          }
        break;
      }

  /* A file no sniff function knows is read as the extension's usual format, whose reader says what is wrong. */
  if (fallback != NULL || first != NULL)
    {
      *format = (fallback != NULL ? fallback : first)->format;
      return TRUE;
    }

  base = g_path_get_basename (path);
  names = list_names (TRUE);
  /* Translators: %s is a file's name, then the list of the extensions Entente knows */
  g_set_error (error, ENT_DATA_ERROR, ENT_DATA_ERROR_UNKNOWN_FORMAT,
               _("“%s” does not end in one of %s: name the format with --format"), base, names);
  return FALSE;
}
