/* ent-source-read.c: reading a saved file or a pasted text into a draft source
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-source-read"

#include "config.h"

#include "ent-source-read.h"
#include "ent-source-read-private.h"
#include "ent-graph.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How much of a file is read at a time, between looks at whether the reading is cancelled. */
#define READ_CHUNK (256 * 1024)

/* How far into a file the signs of HTML are looked for. */
#define SNIFF_BYTES 1024

/* How many bytes of a line are looked at for a title: far more than a title needs, bounded. */
#define TITLE_SCAN_BYTES 4096

/* How many lines Markdown's front matter may have before it is taken for text. */
#define FRONT_MATTER_MAX_LINES 64

G_DEFINE_QUARK (ent-source-read-error-quark, ent_source_read_error)

void
ent_source_draft_free (EntSourceDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->title);
  g_free (draft->publisher);
  g_free (draft->url);
  g_free (draft->published);
  g_free (draft->body);
  g_free (draft);
}

/**
 * ent_source_collapse_space:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Returns: (transfer full) (nullable): @text with each run of white space
 *   made one space and none at either end, or %NULL when nothing is left
 */
char *
ent_source_collapse_space (const char *text,
                           gssize      length)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, length);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* The byte length of at most @max bytes of @text that ends on a character's boundary. */
static gsize
bounded_length (const char *text,
                gsize       length,
                gsize       max)
{
  if (length <= max)
    return length;
  while (max > 0 && ((guchar) text[max] & 0xC0) == 0x80)
    max--;
  return max;
}

/* @text with its white space collapsed, and shortened to @max characters with an ellipsis at a word's end. */
static char *
shorten (const char *text,
         gssize      length,
         glong       max)
{
  g_autofree char *title = NULL;
  const char *cut;
  const char *space;

  if (text == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);
  title = ent_source_collapse_space (text, bounded_length (text, length, TITLE_SCAN_BYTES));
  if (title == NULL || g_utf8_strlen (title, -1) <= max)
    return g_steal_pointer (&title);

  /* One character is left for the ellipsis; a word cut in two is dropped, unless it is most of the title. */
  cut = g_utf8_offset_to_pointer (title, max - 1);
  space = g_utf8_strrchr (title, cut - title, ' ');
  if (space != NULL && g_utf8_pointer_to_offset (title, space) > max / 2)
    cut = space;
  while (cut > title && cut[-1] == ' ')
    cut--;
  return g_strdup_printf ("%.*s…", (int) (cut - title), title);
}

/**
 * ent_source_shorten_title:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a NUL
 *
 * Returns: (transfer full) (nullable): @text as a title: its white space
 *   collapsed, and shortened to ENT_SOURCE_MAX_TITLE_CHARS with an ellipsis
 *   at a word's end; %NULL when nothing is left
 */
char *
ent_source_shorten_title (const char *text,
                          gssize      length)
{
  return shorten (text, length, ENT_SOURCE_MAX_TITLE_CHARS);
}

/* Whether @line has a letter or a digit, as a line that can stand for a title has. */
static gboolean
has_alnum (const char *line,
           gsize       length)
{
  for (const char *p = line; p < line + length; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * ent_source_first_line:
 * @body: a source's text, UTF-8 with \n line ends
 *
 * Returns: (transfer full) (nullable): the first line of @body that has a
 *   letter or a digit, as a title, or %NULL when there is none
 */
char *
ent_source_first_line (const char *body)
{
  const char *line = body;

  while (line != NULL && *line != '\0')
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      if (has_alnum (line, bounded_length (line, length, TITLE_SCAN_BYTES)))
        return shorten (line, length, ENT_SOURCE_LINE_TITLE_CHARS);
      line = end != NULL ? end + 1 : NULL;
    }
  return NULL;
}

/**
 * ent_source_reduce_date:
 * @value: (nullable): a date or a time a file gives, such as
 *   “2024-05-17T09:30:00+05:30”
 *
 * Returns: (transfer full) (nullable): the date of @value as YYYY-MM-DD
 *   (or YYYY-MM or YYYY when only those are given), or %NULL when @value
 *   is not such a date
 */
char *
ent_source_reduce_date (const char *value)
{
  g_autofree char *date = NULL;
  gsize length;

  if (value == NULL)
    return NULL;
  date = g_strstrip (g_strdup (value));
  length = strlen (date);
  if (length > 10 && (date[10] == 'T' || date[10] == 't' || date[10] == ' '))
    {
      date[10] = '\0';
      length = 10;
    }
  /* A date without its year (“--05-17”) means nothing for a publication. */
  if (date[0] == '-' || (length != 4 && length != 7 && length != 10) || !ent_date_is_valid (date))
    return NULL;
  return g_steal_pointer (&date);
}

/**
 * ent_source_check_body:
 * @name: the file's name, for the message
 * @body: the text read
 * @error: return location for an error
 *
 * Returns: whether @body can be a source's body: it has something other
 *   than white space and is no longer than ENT_SOURCE_MAX_CHARS
 */
gboolean
ent_source_check_body (const char  *name,
                       const char  *body,
                       GError     **error)
{
  gboolean blank = TRUE;

  for (const char *p = body; *p != '\0' && blank; p = g_utf8_next_char (p))
    blank = g_unichar_isspace (g_utf8_get_char (p));
  if (blank)
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_EMPTY, _("“%s” has no text to quote"), name);
      return FALSE;
    }
  if (g_utf8_strlen (body, -1) > ENT_SOURCE_MAX_CHARS)
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_TOO_LARGE,
                   _("The text of “%s” is too long: a source holds at most %d characters"), name,
                   ENT_SOURCE_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* Whether @name ends with one of @extensions, whatever their case. */
static gboolean
has_extension (const char         *name,
               const char * const *extensions)
{
  const char *dot;

  if (name == NULL || (dot = strrchr (name, '.')) == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (dot + 1, extensions[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char * const html_extensions[] = { "html", "htm", "xhtml", NULL };
static const char * const markdown_extensions[] = { "md", "markdown", NULL };
static const char * const pdf_extensions[] = { "pdf", NULL };

static gboolean
looks_like_html (const char *data,
                 gsize       length)
{
  g_autofree char *start = NULL;
  gsize n = MIN (length, SNIFF_BYTES);

  /* A NUL would end the search early; the signs are ASCII, so a copy without NULs does. */
  start = g_ascii_strdown (data, n);
  for (gsize i = 0; i < n; i++)
    if (start[i] == '\0')
      start[i] = ' ';
  return strstr (start, "<html") != NULL || strstr (start, "<!doctype html") != NULL;
}

/**
 * ent_source_sniff_format:
 * @name: (nullable): the file's name
 * @data: the start of the file, or all of it
 * @length: the length of @data
 *
 * Decides how a file is read: what its content shows first (“%PDF-” at its
 * start, “<html” or “<!doctype html” near its start), then its name's
 * extension; plain text when neither tells.
 *
 * Returns: the file's format
 */
EntSourceFormat
ent_source_sniff_format (const char *name,
                         const char *data,
                         gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, ENT_SOURCE_FORMAT_TEXT);

  if (length >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return ENT_SOURCE_FORMAT_PDF;
  if (looks_like_html (data, length))
    return ENT_SOURCE_FORMAT_HTML;
  if (has_extension (name, pdf_extensions))
    return ENT_SOURCE_FORMAT_PDF;
  if (has_extension (name, html_extensions))
    return ENT_SOURCE_FORMAT_HTML;
  if (has_extension (name, markdown_extensions))
    return ENT_SOURCE_FORMAT_MARKDOWN;
  return ENT_SOURCE_FORMAT_TEXT;
}

/* @data with its \r\n and lone \r made \n. */
static char *
normalise_line_ends (const char *data,
                     gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, data[i]);
    }
  return g_string_free (out, FALSE);
}

/* The line, counted from 1, that byte @offset of @data is on. */
static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/*
 * The text of a plain text or Markdown file as UTF-8 with \n line ends: a
 * UTF-8 byte order mark is dropped, UTF-16 with one is converted; any other
 * encoding is refused, since guessing it could change what the user quotes.
 */
static char *
decode_text (const char  *name,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autofree char *converted = NULL;
  const char *end;

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE) &&
      (guchar) data[0] + (guchar) data[1] == 0xFF + 0xFE)
    {
      const char *from = (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      converted = g_convert (data + 2, length - 2, "UTF-8", from, NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_NOT_UTF8,
                       _("“%s” starts as UTF-16 text but is damaged further on. Open it in a text editor, save "
                         "it with the UTF-8 encoding, and read it again."), name);
          return NULL;
        }
      data = converted;
      length = written;
    }
  else if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_INVALID,
                   _("“%s” is not a text file: it holds zero bytes, as programs and images do"), name);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_NOT_UTF8,
                   _("“%s” is not UTF-8 text (line %u has a byte that UTF-8 does not allow). Open it in a "
                     "text editor, save it with the UTF-8 encoding, and read it again."),
                   name, line_of (data, end - data));
      return NULL;
    }
  return normalise_line_ends (data, length);
}

/* The file's name without its extension, as the title of last resort. */
static char *
title_from_name (const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  char *dot = strrchr (name, '.');

  if (dot != NULL && dot != name)
    *dot = '\0';
  return ent_source_shorten_title (name, -1);
}

/* A value of Markdown's front matter (“title: Some words”), without the quotes around it. */
static char *
front_matter_value (const char *line,
                    gsize       length,
                    const char *key)
{
  gsize key_length = strlen (key);
  g_autofree char *value = NULL;
  gsize n;

  if (length <= key_length || g_ascii_strncasecmp (line, key, key_length) != 0 || line[key_length] != ':')
    return NULL;
  value = g_strstrip (g_strndup (line + key_length + 1, length - key_length - 1));
  n = strlen (value);
  if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0])
    {
      value[n - 1] = '\0';
      return ent_source_shorten_title (value + 1, -1);
    }
  return ent_source_shorten_title (value, -1);
}

/*
 * Reads the front matter that static site generators put at the start of a
 * Markdown file (“---”, lines of “key: value”, “---”) for its title and date.
 * Returns where the text after it starts, or @body when there is none.
 */
static const char *
read_front_matter (const char     *body,
                   EntSourceDraft *draft)
{
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  const char *line;

  if (!g_str_has_prefix (body, "---\n"))
    return body;
  line = body + 4;
  for (guint n = 0; n < FRONT_MATTER_MAX_LINES && *line != '\0'; n++)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);
      g_autofree char *raw_date = NULL;

      if ((length == 3 && (strncmp (line, "---", 3) == 0 || strncmp (line, "...", 3) == 0)))
        {
          draft->title = g_steal_pointer (&title);
          draft->published = g_steal_pointer (&date);
          return end != NULL ? end + 1 : line + length;
        }
      if (title == NULL)
        title = front_matter_value (line, length, "title");
      if (date == NULL && (raw_date = front_matter_value (line, length, "date")) != NULL)
        date = ent_source_reduce_date (raw_date);
      if (end == NULL)
        break;
      line = end + 1;
    }
  return body;
}

/* A heading's text as a title: without the marks of emphasis and code that Markdown shows as styles. */
static char *
heading_title (const char *text,
               gsize       length,
               glong       max)
{
  g_autoptr(GString) plain = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    if (text[i] != '*' && text[i] != '`')
      g_string_append_c (plain, text[i]);
  return shorten (plain->str, plain->len, max);
}

/*
 * The title of a Markdown text: the first level-one heading (“# Title”, or a
 * line underlined with “=”), outside fenced code; else the first line that
 * has a letter or a digit, without the marks of a heading.
 */
static char *
markdown_title (const char *text)
{
  gboolean fenced = FALSE;
  const char *line = text;

  while (line != NULL && *line != '\0')
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);
      const char *p = line;
      gsize indent = 0;

      while (indent < 3 && p < line + length && *p == ' ')
        p++, indent++;
      if (g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~"))
        fenced = !fenced;
      else if (!fenced && p + 1 < line + length && p[0] == '#' && (p[1] == ' ' || p[1] == '\t'))
        {
          const char *stop = line + length;
          const char *closing;
          char *title;

          /* A closing sequence of “#” after a space is not part of the heading. */
          while (stop > p + 1 && (stop[-1] == ' ' || stop[-1] == '\t'))
            stop--;
          closing = stop;
          while (closing > p + 1 && closing[-1] == '#')
            closing--;
          if (closing < stop && (closing[-1] == ' ' || closing[-1] == '\t'))
            stop = closing;
          title = heading_title (p + 1, stop - p - 1, ENT_SOURCE_MAX_TITLE_CHARS);
          if (title != NULL)
            return title;
        }
      else if (!fenced && end != NULL && has_alnum (line, bounded_length (line, length, TITLE_SCAN_BYTES)))
        {
          const char *next = end + 1;
          gsize n = strspn (next, "=");
          gsize rest = strspn (next + n, " \t");

          if (n > 0 && (next[n + rest] == '\n' || next[n + rest] == '\0'))
            return heading_title (line, length, ENT_SOURCE_MAX_TITLE_CHARS);
        }
      line = end != NULL ? end + 1 : NULL;
    }

  /* No heading of the first level: the first line that says something, less any marks of a heading. */
  line = text;
  while (line != NULL && *line != '\0')
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);

      if (has_alnum (line, bounded_length (line, length, TITLE_SCAN_BYTES)))
        {
          gsize marks = strspn (line, " #");

          return heading_title (line + marks, length - marks, ENT_SOURCE_LINE_TITLE_CHARS);
        }
      line = end != NULL ? end + 1 : NULL;
    }
  return NULL;
}

/* Whether @data starts as a file of an office suite does (a ZIP archive, or the compound file of older ones). */
static gboolean
is_office_document (const char *data,
                    gsize       length)
{
  return (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0) ||
    (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0);
}

static EntSourceDraft *
read_plain (const char       *name,
            const char       *path,
            const char       *data,
            gsize             length,
            EntSourceFormat   format,
            GError          **error)
{
  g_autoptr(EntSourceDraft) draft = g_new0 (EntSourceDraft, 1);

  if (is_office_document (data, length))
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_INVALID,
                   _("“%s” is an office document or an archive, which Entente cannot read. Save it as PDF or "
                     "as plain text, and read that."), name);
      return NULL;
    }
  draft->body = decode_text (name, data, length, error);
  if (draft->body == NULL || !ent_source_check_body (name, draft->body, error))
    return NULL;

  if (format == ENT_SOURCE_FORMAT_MARKDOWN)
    {
      const char *text = read_front_matter (draft->body, draft);

      if (draft->title == NULL)
        draft->title = markdown_title (text);
    }
  else
    draft->title = ent_source_first_line (draft->body);
  if (draft->title == NULL)
    draft->title = title_from_name (path);
  return g_steal_pointer (&draft);
}

/*
 * Reads all of @path, which must be a file no larger than
 * ENT_SOURCE_MAX_BYTES. Its size is looked at before anything is read, and
 * the reading stops past the limit all the same, for a file that grows.
 */
static GBytes *
read_bounded (const char    *path,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    goto failed;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_FAILED, _("“%s” is not a file"), name);
      return NULL;
    }
  if (g_file_info_get_size (info) > ENT_SOURCE_MAX_BYTES)
    goto too_large;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    goto failed;
  bytes = g_byte_array_sized_new (MIN ((gsize) g_file_info_get_size (info) + 1, (gsize) ENT_SOURCE_MAX_BYTES + 1));
  for (;;)
    {
      gsize read = 0;

      g_byte_array_set_size (bytes, size + READ_CHUNK);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes->data + size, READ_CHUNK, &read, cancellable,
                                    &local_error))
        goto failed;
      size += read;
      if (size > ENT_SOURCE_MAX_BYTES)
        goto too_large;
      if (read < READ_CHUNK)
        break;
    }
  g_byte_array_set_size (bytes, size);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_FAILED, _("“%s” does not exist"), name);
  else
    g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_FAILED, _("Could not read “%s”: %s"), name,
                 local_error->message);
  return NULL;

too_large:
  {
    g_autofree char *max = g_format_size_full (ENT_SOURCE_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

    g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_TOO_LARGE,
                 _("“%s” is larger than %s, the most Entente reads as a source"), name, max);
    return NULL;
  }
}

/**
 * ent_source_read_file:
 * @path: a file someone saved: a web page, a PDF document, Markdown or plain text
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Reads @path as a draft source, in the format ent_source_sniff_format()
 * finds. Everything in the file is untrusted: its size is bounded, HTML
 * fetches and expands nothing it names, and text in an encoding that is not
 * declared is refused rather than guessed. Blocks: run it in a thread.
 *
 * The body is the text as the user will read it: a text or Markdown file as
 * it is written (markup and all), with \n line ends; a web page's article
 * as paragraphs apart by a blank line; a PDF document's pages in order, apart
 * by a blank line too.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set in
 *   ENT_SOURCE_READ_ERROR (or G_IO_ERROR_CANCELLED)
 */
EntSourceDraft *
ent_source_read_file (const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(EntSourceDraft) draft = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_basename (path);
  bytes = read_bounded (path, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  switch (ent_source_sniff_format (path, data, length))
    {
    case ENT_SOURCE_FORMAT_PDF:
      /* Some writers put a few bytes before the header, which readers of PDF allow within the first kilobyte. */
      if (g_strstr_len (data, MIN (length, SNIFF_BYTES), "%PDF-") == NULL)
        {
          g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_INVALID,
                       _("“%s” is not a PDF document, though its name says so"), name);
          return NULL;
        }
      draft = ent_source_read_pdf (name, bytes, cancellable, error);
      break;
    case ENT_SOURCE_FORMAT_HTML:
      draft = ent_source_read_html (name, data, length, error);
      break;
    case ENT_SOURCE_FORMAT_MARKDOWN:
      draft = read_plain (name, path, data, length, ENT_SOURCE_FORMAT_MARKDOWN, error);
      break;
    case ENT_SOURCE_FORMAT_TEXT:
    default:
      draft = read_plain (name, path, data, length, ENT_SOURCE_FORMAT_TEXT, error);
      break;
    }
  if (draft == NULL)
    return NULL;
  if (draft->title == NULL)
    draft->title = title_from_name (path);
  return g_steal_pointer (&draft);
}

/**
 * ent_source_read_text:
 * @text: text the user pasted
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @error: return location for an error
 *
 * Reads @text as a draft source: it must be UTF-8, without NUL characters;
 * its line ends become \n, and its first line that has a letter or a digit
 * its title (%NULL when there is none).
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
EntSourceDraft *
ent_source_read_text (const char  *text,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(EntSourceDraft) draft = g_new0 (EntSourceDraft, 1);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);
  if ((guint64) length > (guint64) ENT_SOURCE_MAX_BYTES)
    {
      g_autofree char *max = g_format_size_full (ENT_SOURCE_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_TOO_LARGE,
                   _("The pasted text is larger than %s, the most Entente reads as a source"), max);
      return NULL;
    }
  draft->body = decode_text ("", text, length, &local_error);
  if (draft->body != NULL)
    ent_source_check_body ("", draft->body, &local_error);
  if (local_error != NULL)
    {
      /* The messages name a file; these say the same of what was pasted. */
      switch (local_error->code)
        {
        case ENT_SOURCE_READ_ERROR_NOT_UTF8:
          g_set_error (error, ENT_SOURCE_READ_ERROR, local_error->code, _("The pasted text is not UTF-8"));
          break;
        case ENT_SOURCE_READ_ERROR_INVALID:
          g_set_error (error, ENT_SOURCE_READ_ERROR, local_error->code,
                       _("The pasted text holds zero bytes, as programs and images do"));
          break;
        case ENT_SOURCE_READ_ERROR_EMPTY:
          g_set_error (error, ENT_SOURCE_READ_ERROR, local_error->code, _("The pasted text has nothing to quote"));
          break;
        case ENT_SOURCE_READ_ERROR_TOO_LARGE:
          g_set_error (error, ENT_SOURCE_READ_ERROR, local_error->code,
                       _("The pasted text is too long: a source holds at most %d characters"), ENT_SOURCE_MAX_CHARS);
          break;
        default:
          g_propagate_error (error, g_steal_pointer (&local_error));
          break;
        }
      return NULL;
    }
  draft->title = ent_source_first_line (draft->body);
  return g_steal_pointer (&draft);
}
