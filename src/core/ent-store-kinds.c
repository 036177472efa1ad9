/* ent-store-kinds.c: the edits of the kinds of entities a file defines
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

/* The names of the outlines and pictograms ent-style.c draws, as the kinds table stores them. */
static const char * const shapes[] = {
  "circle", "rounded-rectangle", "pin", "hexagon", "rectangle", "ellipse", "diamond", "card", NULL,
};
static const char * const glyphs[] = {
  "person", "flag", "dot", "table", "building", "group", "bar-chart", "calendar", NULL,
};

/* "#rrggbb" in lower case, as the file's CHECK asks. */
static gboolean
is_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]) || g_ascii_isupper (color[i]))
      return FALSE;
  return TRUE;
}

/* The checks of a kind, the same for a new one and a changed one. */
static gboolean
check_kind (const EntKindInfo  *kind,
            GError            **error)
{
  if (!_ent_store_check_text (kind->key, _("The kind must have a key"),
                              _("The key of the kind is not valid UTF-8 text"), error) ||
      !_ent_store_check_text (kind->label, _("The name of the kind must not be empty"),
                              _("The name of the kind is not valid UTF-8 text"), error))
    return FALSE;

  if (g_utf8_strlen (kind->key, -1) > ENT_PROPERTY_KEY_MAX_LENGTH)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("The key of the kind is longer than %d characters"), ENT_PROPERTY_KEY_MAX_LENGTH);
      return FALSE;
    }

  if (!is_color (kind->color) || (kind->dark_color != NULL && !is_color (kind->dark_color)))
    {
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                           _("Colours must be written as #rrggbb"));
      return FALSE;
    }

  if (kind->shape == NULL || !g_strv_contains (shapes, kind->shape))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("Entente cannot draw the shape “%s”"), kind->shape ? kind->shape : "");
      return FALSE;
    }

  if (kind->glyph == NULL || !g_strv_contains (glyphs, kind->glyph))
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("Entente cannot draw the glyph “%s”"), kind->glyph ? kind->glyph : "");
      return FALSE;
    }

  return TRUE;
}

/* Writes @kind with @sql, whose parameters are the kind's fields in the order of the table. */
static gboolean
write_kind (EntStore           *self,
            const EntKindInfo  *kind,
            const char         *sql,
            const char         *failed,
            int                *changes,
            GError            **error)
{
  gboolean ok;

  if (!check_kind (kind, error) || !ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self, sql, failed, changes, error, "ssssss", kind->key, kind->label, kind->shape,
                       kind->glyph, kind->color, kind->dark_color) &&
       (changes == NULL || _ent_store_check_found (*changes, error, _("There is no kind “%s”"), kind->key));

  return _ent_store_finish (self, ok, error);
}

/**
 * ent_store_add_kind:
 * @self: a #EntStore
 * @kind: the new kind; its key must not be taken
 * @error: return location for an error
 *
 * Adds a kind of entity to the file, drawn as @kind says.
 */
gboolean
ent_store_add_kind (EntStore           *self,
                    const EntKindInfo  *kind,
                    GError            **error)
{
  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return write_kind (self, kind,
                     "INSERT INTO kinds (key, label, shape, glyph, color, dark_color) VALUES (?, ?, ?, ?, ?, ?)",
                     _("Could not add the kind"), NULL, error);
}

/**
 * ent_store_update_kind:
 * @self: a #EntStore
 * @kind: the kind with its new label, colours, shape and glyph
 * @error: return location for an error
 *
 * Changes how the kind with @kind's key is named and drawn; its key stays,
 * as entities refer to it.
 */
gboolean
ent_store_update_kind (EntStore           *self,
                       const EntKindInfo  *kind,
                       GError            **error)
{
  int changes = 0;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return write_kind (self, kind,
                     "UPDATE kinds SET label = ?2, shape = ?3, glyph = ?4, color = ?5, dark_color = ?6 WHERE key = ?1",
                     _("Could not change the kind"), &changes, error);
}
