/* ent-json-scan.c: a JSON file's bytes, looked over before json-glib parses them, and the parse
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-json"

#include "config.h"

#include "ent-json-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The line (from @first_line, @data's) and column (in characters, from 1) of @at in @data. */
static void
locate (const char *data,
        const char *at,
        guint       first_line,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = first_line;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  /* The bytes before @at on its line are valid UTF-8, as the check stopped at @at. */
  *column = g_utf8_strlen (line_start, at - line_start) + 1;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/**
 * _ent_json_scan:
 * @data: the file's bytes
 * @length: how many there are
 * @first_line: the line of the file @data starts on, from 1
 * @scan: (out caller-allocates): what the scan found, for _ent_json_scan_clear()
 * @error: return location for an error
 *
 * Checks what json-glib's parser would not survive or would not say
 * clearly: bytes that are not UTF-8, and arrays and objects nested deeper
 * than %ENT_IMPORT_MAX_DEPTH (the parser recurses, so a file nested a
 * hundred thousand deep would overflow the stack). On the way it notes the
 * line each item of the root's arrays starts on, as json-glib's tree keeps
 * no lines, and the problems of an item name its line.
 *
 * Returns: %TRUE when the file may be parsed
 */
gboolean
_ent_json_scan (const char   *data,
                gsize         length,
                guint         first_line,
                EntJsonScan  *scan,
                GError      **error)
{
  const char *end = data + length;
  const char *invalid = NULL;
  const char *key = NULL;
  gsize key_length = 0;
  GArray *lines = NULL;
  gboolean in_string = FALSE;
  gboolean expect_item = FALSE;
  gboolean ended = FALSE;
  guint depth = 0;
  guint line = first_line;

  scan->n_lines = 0;
  scan->item_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint bad_line, bad_column;

      locate (data, invalid, first_line, &bad_line, &bad_column);
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                   _("Line %u, column %u: the file is not valid UTF-8 text"), bad_line, bad_column);
      return FALSE;
    }

  for (const char *p = data; p < end; p++)
    {
      char c = *p;

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '\\' && p + 1 < end)
            p++;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 1)
                key_length = p - key;
            }
          continue;
        }

      if (is_space (c))
        continue;

      /* json-glib would take a second value after the first without a word. */
      if (ended)
        {
          guint column;

          locate (data, p, first_line, &line, &column);
          g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                       _("Line %u, column %u: the file goes on after its network"), line, column);
          return FALSE;
        }

      /* An item of a table starts at the first thing after its array's "[" or a ",". */
      if (expect_item && depth == 2 && c != ']')
        {
          g_array_append_val (lines, line);
          expect_item = FALSE;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          if (depth == 1)
            key = p + 1;
          break;

        case '[':
        case '{':
          if (++depth > ENT_IMPORT_MAX_DEPTH)
            {
              guint column;

              locate (data, p, first_line, &line, &column);
              g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                           _("Line %u, column %u: the file is nested deeper than %d levels"),
                           line, column, ENT_IMPORT_MAX_DEPTH);
              return FALSE;
            }
          if (depth == 2 && c == '[' && key != NULL)
            {
              /* A member the root has twice is the last one to json-glib, and so here. */
              lines = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_replace (scan->item_lines, g_strndup (key, key_length), lines);
              expect_item = TRUE;
            }
          break;

        case ']':
        case '}':
          if (depth > 0)
            depth--;
          ended = depth == 0;
          if (depth == 1)
            {
              lines = NULL;
              expect_item = FALSE;
            }
          break;

        case ',':
          expect_item = depth == 2 && lines != NULL;
          break;

        default:
          break;
        }
    }

  scan->n_lines = line;
  return TRUE;
}

void
_ent_json_scan_clear (EntJsonScan *scan)
{
  g_clear_pointer (&scan->item_lines, g_hash_table_unref);
}

/* The line item @index of the root's array @table starts on, or 0 when the scan did not see it. */
guint64
_ent_json_scan_line (EntJsonScan *scan,
                     const char  *table,
                     guint        index)
{
  GArray *lines = g_hash_table_lookup (scan->item_lines, table);

  if (lines == NULL || index >= lines->len)
    return 0;
  return g_array_index (lines, guint, index);
}

/**
 * _ent_json_map:
 * @path: a JSON file
 * @data: (out): its bytes
 * @length: (out): how many there are
 * @error: return location for an error
 *
 * Returns: (transfer full): the file, mapped, or %NULL when it cannot be
 *   read or is larger than %ENT_IMPORT_MAX_FILE_SIZE
 */
GMappedFile *
_ent_json_map (const char  *path,
               const char **data,
               gsize       *length,
               GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);

  if (file == NULL)
    return NULL;

  *length = g_mapped_file_get_length (file);
  *data = *length > 0 ? g_mapped_file_get_contents (file) : "";
  if (*length > ENT_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (ENT_IMPORT_MAX_FILE_SIZE);

      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %s, the most Entente reads"), size);
      return NULL;
    }
  return g_steal_pointer (&file);
}

static void
parse_error_cb (JsonParser *parser,
                gpointer    error,
                gpointer    user_data)
{
  guint *where = user_data;

  where[0] = json_parser_get_current_line (parser);
  where[1] = json_parser_get_current_pos (parser);
}

/**
 * _ent_json_parse:
 * @data: bytes _ent_json_scan() found may be parsed
 * @length: how many there are
 * @first_line: the line of the file @data starts on, from 1
 * @error: return location for an error
 *
 * Parses @data; json-glib's error says where it broke in a message of its
 * own, which is put in ours, with the line in the file.
 *
 * Returns: (transfer full): the parser, holding the tree, or %NULL
 */
JsonParser *
_ent_json_parse (const char  *data,
                 gsize        length,
                 guint        first_line,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  guint where[2] = { 0, 0 };
  const char *message;

  g_signal_connect (parser, "error", G_CALLBACK (parse_error_cb), where);
  if (json_parser_load_from_data (parser, data, length, &local_error))
    return g_steal_pointer (&parser);

  message = strstr (local_error->message, "Parse error: ");
  message = message != NULL ? message + strlen ("Parse error: ") : local_error->message;
  g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
               _("Line %u, column %u: the file is not valid JSON: %s"), where[0] + first_line - 1, where[1], message);
  return NULL;
}

/**
 * _ent_json_load:
 * @path: a JSON file
 * @scan: (out caller-allocates): what the scan of its bytes found, for _ent_json_scan_clear()
 * @scanned: the share of the read that the scan stands for
 * @parsed: the share of the read that is done once the file is parsed
 * @cancellable: (nullable): to stop reading
 * @progress: (nullable) (scope call): told @scanned, then @parsed
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Maps @path, scans its bytes and parses them: what every reader of a whole
 * JSON file does first.
 *
 * Returns: (transfer full): the parser, holding the tree, or %NULL with
 *   @error set (and @scan cleared)
 */
JsonParser *
_ent_json_load (const char             *path,
                EntJsonScan            *scan,
                double                  scanned,
                double                  parsed,
                GCancellable           *cancellable,
                EntImportProgressFunc   progress,
                gpointer                user_data,
                GError                **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize length;

  memset (scan, 0, sizeof (EntJsonScan));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  file = _ent_json_map (path, &data, &length, error);
  if (file == NULL)
    return NULL;
  if (!_ent_json_scan (data, length, 1, scan, error))
    {
      _ent_json_scan_clear (scan);
      return NULL;
    }
  if (progress != NULL)
    progress (scanned, user_data);

  parser = _ent_json_parse (data, length, 1, error);
  if (parser == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _ent_json_scan_clear (scan);
      return NULL;
    }
  if (progress != NULL)
    progress (parsed, user_data);
  return g_steal_pointer (&parser);
}
