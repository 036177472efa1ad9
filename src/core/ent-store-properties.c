/* ent-store-properties.c: the edits of the typed properties of entities and relations
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-store"

#include "config.h"

#include "ent-store.h"
#include "ent-store-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>

/* The whole of @value is a finite number in the C locale, as a file in any language stores it. */
static gboolean
is_number (const char *value)
{
  char *end = NULL;
  double number;

  if (*value == '\0' || g_ascii_isspace (*value))
    return FALSE;

  number = g_ascii_strtod (value, &end);
  return *end == '\0' && isfinite (number);
}

/**
 * ent_store_check_property:
 * @property: a property
 * @error: return location for an error
 *
 * Checks @property as ent_store_set_property() does before it writes
 * anything, the same for a new one and a changed one, so that a form can
 * say what is wrong with a value as it is typed.
 *
 * Returns: whether the store would take @property
 */
gboolean
ent_store_check_property (const EntProperty  *property,
                          GError            **error)
{
  g_return_val_if_fail (property != NULL, FALSE);

  if (!_ent_store_check_text (property->key, _("The name of the property must not be empty"),
                              _("The name of the property is not valid UTF-8 text"), error) ||
      !_ent_store_check_text (property->value, NULL, _("The value is not valid UTF-8 text"), error))
    return FALSE;

  if (g_utf8_strlen (property->key, -1) > ENT_PROPERTY_KEY_MAX_LENGTH)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("The name of the property is longer than %d characters"), ENT_PROPERTY_KEY_MAX_LENGTH);
      return FALSE;
    }

  if (property->value == NULL || g_utf8_strlen (property->value, -1) > ENT_PROPERTY_VALUE_MAX_LENGTH)
    {
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("The value must be text of at most %d characters"), ENT_PROPERTY_VALUE_MAX_LENGTH);
      return FALSE;
    }

  switch (property->type)
    {
    case ENT_PROPERTY_STRING:
      return TRUE;

    case ENT_PROPERTY_NUMBER:
      if (is_number (property->value))
        return TRUE;
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("“%s” is not a number"), property->value);
      return FALSE;

    case ENT_PROPERTY_BOOLEAN:
      if (g_str_equal (property->value, "true") || g_str_equal (property->value, "false"))
        return TRUE;
      g_set_error (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID,
                   _("A yes-or-no value must be “true” or “false”, not “%s”"), property->value);
      return FALSE;

    case ENT_PROPERTY_DATE:
      return _ent_store_check_dates (property->value, NULL, error);

    default:
      g_set_error_literal (error, ENT_STORE_ERROR, ENT_STORE_ERROR_INVALID, _("The type of the value is unknown"));
      return FALSE;
    }
}

/* The one of an entity's or a relation's id that is set. Each has a statement of its own, which the
 * index of its owner and key serves: one "IS" for both would make SQLite choose the other index, and
 * walk every property of the other kind of owner with the key. */
static gint64
owner_id (gint64 entity_id,
          gint64 relation_id)
{
  return entity_id != 0 ? entity_id : relation_id;
}

/**
 * ent_store_set_property:
 * @self: a #EntStore
 * @entity_id: the entity the property belongs to, or 0
 * @relation_id: the relation the property belongs to, or 0
 * @property: the property
 * @error: return location for an error
 *
 * Gives the entity or the relation the property, or changes its type and
 * value when it has one of that key already.
 */
gboolean
ent_store_set_property (EntStore           *self,
                        gint64              entity_id,
                        gint64              relation_id,
                        const EntProperty  *property,
                        GError            **error)
{
  const char *type;
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail ((entity_id != 0) != (relation_id != 0), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  if (!ent_store_check_property (property, error) || !ent_store_begin (self, error))
    return FALSE;

  /* An update keeps the row's id, so undo and redo see a change rather than a new row. */
  type = ent_property_type_to_string (property->type);
  ok = _ent_store_run (self,
                       entity_id != 0 ? "UPDATE properties SET type = ?, value = coalesce (?, '') "
                                        "WHERE entity_id = ? AND key = ?"
                                      : "UPDATE properties SET type = ?, value = coalesce (?, '') "
                                        "WHERE relation_id = ? AND key = ?",
                       _("Could not set the property"), &changes, error, "ssis",
                       type, property->value, owner_id (entity_id, relation_id), property->key);
  if (ok && changes == 0)
    ok = _ent_store_run (self,
                         "INSERT INTO properties (entity_id, relation_id, key, type, value) "
                         "VALUES (nullif (?, 0), nullif (?, 0), ?, ?, coalesce (?, ''))",
                         _("Could not set the property"), NULL, error, "iisss",
                         entity_id, relation_id, property->key, type, property->value);

  return _ent_store_finish (self, ok, error);
}

/**
 * ent_store_remove_property:
 * @self: a #EntStore
 * @entity_id: the entity the property belongs to, or 0
 * @relation_id: the relation the property belongs to, or 0
 * @key: the property's key
 * @error: return location for an error
 */
gboolean
ent_store_remove_property (EntStore    *self,
                           gint64       entity_id,
                           gint64       relation_id,
                           const char  *key,
                           GError     **error)
{
  int changes = 0;
  gboolean ok;

  g_return_val_if_fail (ENT_IS_STORE (self), FALSE);
  g_return_val_if_fail ((entity_id != 0) != (relation_id != 0), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!ent_store_begin (self, error))
    return FALSE;

  ok = _ent_store_run (self,
                       entity_id != 0 ? "DELETE FROM properties WHERE entity_id = ? AND key = ?"
                                      : "DELETE FROM properties WHERE relation_id = ? AND key = ?",
                       _("Could not remove the property"), &changes, error, "is",
                       owner_id (entity_id, relation_id), key) &&
       _ent_store_check_found (changes, error, _("There is no property “%s”"), key);

  return _ent_store_finish (self, ok, error);
}
