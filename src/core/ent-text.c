/* ent-text.c: character-offset helpers for source texts
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-text"

#include "config.h"

#include "ent-text.h"

#include <string.h>
#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (ent-text-error-quark, ent_text_error)

/*
 * Finds @passage in @text and gives its position in characters, end
 * exclusive. A passage that occurs more than once is an error: a quote must
 * point at one place in its source.
 */
gboolean
ent_text_find_unique (const char  *text,
                      const char  *passage,
                      gint64      *start,
                      gint64      *end,
                      GError     **error)
{
  const char *found;
  const char *again;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (passage != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  if (*passage == '\0' || !g_utf8_validate (passage, -1, NULL) ||
      !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, ENT_TEXT_ERROR, ENT_TEXT_ERROR_INVALID,
                   _("A quote must be non-empty, valid UTF-8 text"));
      return FALSE;
    }

  found = strstr (text, passage);
  if (found == NULL)
    {
      g_set_error (error, ENT_TEXT_ERROR, ENT_TEXT_ERROR_NOT_FOUND,
                   _("The passage “%s” is not in the source"), passage);
      return FALSE;
    }

  /* Overlapping occurrences count too: start the second search one character on. */
  again = strstr (g_utf8_next_char (found), passage);
  if (again != NULL)
    {
      g_set_error (error, ENT_TEXT_ERROR, ENT_TEXT_ERROR_AMBIGUOUS,
                   _("The passage “%s” occurs more than once in the source"), passage);
      return FALSE;
    }

  *start = g_utf8_pointer_to_offset (text, found);
  *end = *start + g_utf8_strlen (passage, -1);

  return TRUE;
}

/* Returns the characters [start, end) of @text, or %NULL when they are out of range. */
char *
ent_text_substring (const char *text,
                    gint64      start,
                    gint64      end)
{
  glong length;

  g_return_val_if_fail (text != NULL, NULL);

  length = g_utf8_strlen (text, -1);
  if (start < 0 || end < start || end > length)
    return NULL;

  return g_utf8_substring (text, start, end);
}
