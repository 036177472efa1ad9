/* ent-source-read-pdf.c: reading a PDF document into a draft source
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-source-read"

#include "config.h"

#include "ent-source-read-private.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* A page's text as UTF-8 with \n line ends, without the white space at its end. */
static char *
page_text (PopplerPage *page)
{
  g_autofree char *raw = poppler_page_get_text (page);
  g_autofree char *valid = NULL;
  GString *text;

  if (raw == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (raw, -1);
  text = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (text, '\n');
          if (p[1] == '\n')
            p++;
        }
      /* Poppler ends some lines with a form feed; other control characters are no text. */
      else if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
        g_string_append_c (text, *p);
    }
  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

/**
 * ent_source_read_pdf:
 * @name: the file's name, for messages
 * @bytes: the document
 * @cancellable: (nullable): looked at between pages
 * @error: return location for an error
 *
 * Reads a PDF document with poppler: the text of its pages in order, each
 * apart from the next by one blank line (“\n\n”, rather than a form feed,
 * which a text view would show as a box), the title its metadata gives (else
 * its first line) and its date of creation as its date of publication.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
EntSourceDraft *
ent_source_read_pdf (const char    *name,
                     GBytes        *bytes,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(EntSourceDraft) draft = g_new0 (EntSourceDraft, 1);
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *title = NULL;
  glong n_chars = 0;
  int n_pages;

  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_ENCRYPTED,
                     _("“%s” is encrypted with a password. Save a copy without the password and read that."),
                     name);
      else
        g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_INVALID,
                     _("“%s” is damaged, or is not a PDF document"), name);
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      page = poppler_document_get_page (document, i);
      if (page == NULL)
        continue;
      text = page_text (page);
      if (*text == '\0')
        continue;
      n_chars += g_utf8_strlen (text, -1) + 2;
      /* Checked page by page, so that a document of many pages is refused before all are read. */
      if (n_chars > ENT_SOURCE_MAX_CHARS + 2)
        {
          g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_TOO_LARGE,
                       _("The text of “%s” is too long: a source holds at most %d characters"), name,
                       ENT_SOURCE_MAX_CHARS);
          return NULL;
        }
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, text);
    }
  if (body->len == 0)
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_EMPTY,
                   _("“%s” has no text to quote: its pages may be scanned images"), name);
      return NULL;
    }
  draft->body = g_string_free (g_steal_pointer (&body), FALSE);
  if (!ent_source_check_body (name, draft->body, error))
    return NULL;

  title = poppler_document_get_title (document);
  draft->title = ent_source_shorten_title (title, -1);
  if (draft->title == NULL)
    draft->title = ent_source_first_line (draft->body);
  created = poppler_document_get_creation_date_time (document);
  if (created != NULL)
    {
      g_autofree char *date = g_date_time_format (created, "%Y-%m-%d");

      draft->published = ent_source_reduce_date (date);
    }
  return g_steal_pointer (&draft);
}
