/* ent-csv-reader.c: the records of a CSV file, as RFC 4180 and spreadsheets write them
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-csv-reader"

#include "config.h"

#include "ent-csv.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/* How much of the start of a file the separator is detected from. */
#define DETECT_LINES 20
#define DETECT_BYTES (64 * 1024)

/*
 * The file is mapped rather than read, so that a large one costs no memory
 * but the current record's; a record's fields are copied into one buffer a
 * span at a time (a field without quotes is one span), NUL-terminated, and
 * handed out as pointers into it until the next record. A file has millions
 * of fields, so the buffer and the fields' offsets are grown by hand, without
 * a call per byte or per field.
 */
struct _EntCsvReader
{
  GMappedFile *file;
  const char  *data;
  gsize        len;
  gsize        pos;
  guint64      line;   /* the line the next record starts on */
  char         separator;
  char        *buffer;
  gsize        buffer_len;
  gsize        buffer_size;
  gsize       *offsets; /* where each field starts in @buffer */
  guint        n_fields;
  guint        offsets_size;
  GPtrArray   *fields;
};

/* The line ends in @len bytes at @p: LF, CRLF and a lone CR each end one. */
static guint64
count_lines (const char *p,
             gsize       len)
{
  guint64 n = 0;

  for (gsize i = 0; i < len; i++)
    if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n')))
      n++;
  return n;
}

/*
 * The separator that splits the first lines into the same number of fields
 * most often, outside quotes; ties go to the one that splits the header most,
 * then to the comma.
 */
static char
detect_separator (const char *data,
                  gsize       len)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[DETECT_LINES][G_N_ELEMENTS (candidates)] = { { 0 } };
  guint n_lines = 0;
  gboolean quoted = FALSE;
  char best = ',';
  guint best_agree = 0, best_header = 0;

  len = MIN (len, DETECT_BYTES);
  for (gsize i = 0; i < len && n_lines < DETECT_LINES; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
            i++;
          n_lines++;
        }
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          if (c == candidates[k])
            counts[n_lines][k]++;
    }
  if (n_lines < DETECT_LINES && !quoted)
    n_lines++;

  for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
    {
      guint agree = 0;

      if (counts[0][k] == 0)
        continue;
      for (guint l = 1; l < n_lines; l++)
        if (counts[l][k] == counts[0][k])
          agree++;
      if (best_header == 0 || agree > best_agree || (agree == best_agree && counts[0][k] > best_header))
        {
          best = candidates[k];
          best_agree = agree;
          best_header = counts[0][k];
        }
    }
  return best;
}

/**
 * ent_csv_reader_new:
 * @path: a CSV file
 * @separator: ',', ';' or '\t', or 0 to detect it from the first lines
 * @error: return location for an error
 *
 * Opens @path to read its records, the header first. A byte order mark is
 * skipped; a file that is empty or larger than Entente reads is refused.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL with @error set
 */
EntCsvReader *
ent_csv_reader_new (const char  *path,
                    char         separator,
                    GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  EntCsvReader *self;
  g_autofree char *max = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  if (g_mapped_file_get_length (file) > ENT_IMPORT_MAX_FILE_SIZE)
    {
      max = g_format_size (ENT_IMPORT_MAX_FILE_SIZE);
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than Entente reads (%s at most)"), max);
      return NULL;
    }

  self = g_new0 (EntCsvReader, 1);
  self->data = g_mapped_file_get_contents (file);
  self->len = g_mapped_file_get_length (file);
  self->file = g_steal_pointer (&file);
  self->line = 1;
  if (self->len >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    self->pos = 3;

  if (self->pos == self->len)
    {
      g_set_error_literal (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("The file is empty"));
      ent_csv_reader_free (self);
      return NULL;
    }

  self->separator = separator != 0 ? separator : detect_separator (self->data + self->pos, self->len - self->pos);
  self->buffer_size = 4096;
  self->buffer = g_malloc (self->buffer_size);
  self->fields = g_ptr_array_new ();
  return self;
}

void
ent_csv_reader_free (EntCsvReader *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self->buffer);
  g_free (self->offsets);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self);
}

char
ent_csv_reader_get_separator (EntCsvReader *self)
{
  g_return_val_if_fail (self != NULL, ',');
  return self->separator;
}

/* How much of the file is read, from 0 to 1. */
double
ent_csv_reader_get_fraction (EntCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 1.0);
  return self->len > 0 ? (double) self->pos / self->len : 1.0;
}

static gboolean
set_too_long (guint64   line,
              GError  **error)
{
  g_autofree char *max = g_format_size (ENT_IMPORT_MAX_LINE_LENGTH);

  g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
               _("Line %lu is longer than Entente reads (%s at most)"), (gulong) line, max);
  return FALSE;
}

/* Copies @n bytes to the end of the record's buffer. */
static void
append (EntCsvReader *self,
        const char   *bytes,
        gsize         n)
{
  if (self->buffer_len + n > self->buffer_size)
    {
      self->buffer_size = MAX (self->buffer_size * 2, self->buffer_len + n);
      self->buffer = g_realloc (self->buffer, self->buffer_size);
    }
  memcpy (self->buffer + self->buffer_len, bytes, n);
  self->buffer_len += n;
}

/* Starts a field at the end of the record's buffer. */
static void
start_field (EntCsvReader *self)
{
  if (self->n_fields == self->offsets_size)
    {
      self->offsets_size = MAX (self->offsets_size * 2, 16);
      self->offsets = g_renew (gsize, self->offsets, self->offsets_size);
    }
  self->offsets[self->n_fields++] = self->buffer_len;
}

/* Reads a quoted field from just after its opening quote, to just after its closing one. */
static gboolean
read_quoted (EntCsvReader  *self,
             gsize          limit,
             guint64        first_line,
             GError       **error)
{
  guint64 opened = self->line;

  for (;;)
    {
      const char *start = self->data + self->pos;
      const char *quote = memchr (start, '"', limit - self->pos);

      if (quote == NULL)
        {
          if (limit < self->len)
            return set_too_long (first_line, error);
          g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                       _("The quote opened on line %lu is never closed"), (gulong) opened);
          return FALSE;
        }

      append (self, start, quote - start);
      self->line += count_lines (start, quote - start);
      self->pos = quote - self->data + 1;
      if (self->pos < limit && self->data[self->pos] == '"')
        {
          append (self, "\"", 1);
          self->pos++;
          continue;
        }
      if (self->pos < self->len && self->data[self->pos] != self->separator &&
          self->data[self->pos] != '\n' && self->data[self->pos] != '\r')
        {
          g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                       _("Line %lu has text after the closing quote of a field; a quote inside a quoted field is written twice"),
                       (gulong) self->line);
          return FALSE;
        }
      return TRUE;
    }
}

/*
 * A record's bytes are UTF-8 text without NUL bytes, or an error says on
 * which line they are not; @ascii says that no byte has its high bit set,
 * which is valid UTF-8 without a look.
 */
static gboolean
check_text (EntCsvReader  *self,
            gsize          start,
            guint64        first_line,
            gboolean       ascii,
            GError       **error)
{
  const char *end = NULL;
  const char *nul = memchr (self->data + start, '\0', self->pos - start);

  if (nul != NULL)
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                   _("Line %lu holds a NUL byte: the file is binary data, not CSV text"),
                   (gulong) (first_line + count_lines (self->data + start, nul - self->data - start)));
      return FALSE;
    }
  if (!ascii && !g_utf8_validate_len (self->data + start, self->pos - start, &end))
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                   _("Line %lu is not valid UTF-8 text"),
                   (gulong) (first_line + count_lines (self->data + start, end - self->data - start)));
      return FALSE;
    }
  return TRUE;
}

/* Reads one record, blank lines included, into the buffer. */
static gboolean
read_record (EntCsvReader  *self,
             GError       **error)
{
  gsize start = self->pos;
  gsize limit = MIN (self->len, start + ENT_IMPORT_MAX_LINE_LENGTH + 1);
  guint64 first_line = self->line;
  const char sep = self->separator;
  /* The high bits of every byte outside quotes, and of every byte for a record with a quoted field. */
  guchar high = 0;

  self->buffer_len = 0;
  self->n_fields = 0;

  for (;;)
    {
      start_field (self);
      if (self->pos < self->len && self->data[self->pos] == '"')
        {
          self->pos++;
          high = 0x80;
          if (!read_quoted (self, limit, first_line, error))
            return FALSE;
        }
      else
        {
          const char *p = self->data + self->pos;
          const char *end = self->data + limit;

          while (p < end && *p != sep && *p != '\n' && *p != '\r')
            high |= (guchar) *p++;
          if (p == end && limit < self->len)
            return set_too_long (first_line, error);
          append (self, self->data + self->pos, p - self->data - self->pos);
          self->pos = p - self->data;
        }
      append (self, "", 1);

      if (self->pos >= self->len)
        break;
      if (self->data[self->pos] == sep)
        {
          self->pos++;
          continue;
        }
      if (self->data[self->pos] == '\r' && self->pos + 1 < self->len && self->data[self->pos + 1] == '\n')
        self->pos++;
      self->pos++;
      self->line++;
      break;
    }

  if (self->pos - start > ENT_IMPORT_MAX_LINE_LENGTH)
    return set_too_long (first_line, error);
  return check_text (self, start, first_line, (high & 0x80) == 0, error);
}

/**
 * ent_csv_reader_next:
 * @self: a reader
 * @fields: (out) (transfer none): the record's fields, valid until the next call; the caller may change
 *   them in place (strip them, say) without making copies
 * @n_fields: (out): how many fields the record has
 * @line: (out) (optional): the line the record starts on
 * @error: return location for an error
 *
 * Reads the next record, skipping blank lines.
 *
 * Returns: %TRUE with a record, %FALSE at the end of the file or with @error set
 */
gboolean
ent_csv_reader_next (EntCsvReader   *self,
                     char         ***fields,
                     guint          *n_fields,
                     guint64        *line,
                     GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fields != NULL && n_fields != NULL, FALSE);

  for (;;)
    {
      gsize start = self->pos;
      guint64 first_line = self->line;

      if (self->pos >= self->len)
        return FALSE;
      if (!read_record (self, error))
        return FALSE;
      if (self->n_fields == 1 && self->buffer_len == 1 && self->data[start] != '"')
        continue;

      g_ptr_array_set_size (self->fields, self->n_fields);
      for (guint i = 0; i < self->n_fields; i++)
        self->fields->pdata[i] = self->buffer + self->offsets[i];
      *fields = (char **) self->fields->pdata;
      *n_fields = self->n_fields;
      if (line != NULL)
        *line = first_line;
      return TRUE;
    }
}
