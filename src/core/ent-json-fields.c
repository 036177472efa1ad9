/* ent-json-fields.c: reading the typed members of an item of a JSON file, and naming its problems
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-json"

#include "config.h"

#include "ent-json-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/**
 * _ent_json_item_name:
 * @item: an item of the file
 *
 * Returns: (transfer full): the item as people are told about it: "Entity 12",
 *   "Entity 12, property “born”", "Item 3 of “relations”"
 */
char *
_ent_json_item_name (const EntJsonItem *item)
{
  g_autofree char *parent = item->parent != NULL ? _ent_json_item_name (item->parent) : NULL;
  char id[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, item->id);

  switch (item->type)
    {
    case ENT_JSON_ITEM_KIND:
      return g_strdup_printf (_("Kind “%s”"), item->key);
    case ENT_JSON_ITEM_SOURCE:
      return g_strdup_printf (_("Source %s"), id);
    case ENT_JSON_ITEM_QUOTE:
      return g_strdup_printf (_("Quote %s"), id);
    case ENT_JSON_ITEM_ENTITY:
      return g_strdup_printf (_("Entity %s"), id);
    case ENT_JSON_ITEM_RELATION:
      return g_strdup_printf (_("Relation %s"), id);
    case ENT_JSON_ITEM_LAYOUT:
      return g_strdup_printf (_("Layout “%s”"), item->key);
    case ENT_JSON_ITEM_PROPERTY:
      /* Translators: an entity or relation, then the name of one of its properties */
      return g_strdup_printf (_("%s, property “%s”"), parent, item->key);
    case ENT_JSON_ITEM_POSITION:
      /* Translators: a layout, then the number of one of its positions */
      return g_strdup_printf (_("%s, position %u"), parent, item->index + 1);
    case ENT_JSON_ITEM_ANY:
    default:
      /* Translators: the number of an item, then the name of its list in the file, e.g. “entities” */
      return g_strdup_printf (_("Item %u of “%s”"), item->index + 1, item->table);
    }
}

static guint64
item_line (const EntJsonItem *item)
{
  while (item->line == 0 && item->parent != NULL)
    item = item->parent;
  return item->line;
}

/**
 * _ent_json_problem:
 * @item: the item that has the problem
 * @format: what it is, for people
 *
 * Notes a problem of @item in the import, with the item's name and line.
 */
void
_ent_json_problem (const EntJsonItem *item,
                   const char        *format,
                   ...)
{
  g_autofree char *name = _ent_json_item_name (item);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (item_line (item) > 0)
    /* Translators: a problem of an item of an imported file: its line, the item ("Entity 12"), what is wrong */
    ent_import_add_problem (item->import, item_line (item), _("Line %lu: %s: %s"), (gulong) item_line (item), name,
                            message);
  else
    ent_import_add_problem (item->import, 0, "%s: %s", name, message);
}

/* The member as a plain value of @type, or %NULL; @present says whether it is there at all and not null. */
static JsonNode *
get_value (JsonObject *object,
           const char *member,
           GType       type,
           gboolean   *present)
{
  JsonNode *node = json_object_get_member (object, member);

  *present = node != NULL && !JSON_NODE_HOLDS_NULL (node);
  if (!*present || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

/**
 * _ent_json_get_text:
 * @item: the item read
 * @object: its object
 * @member: the member to read
 * @required: whether the member must be there and not empty
 * @max_length: the most characters it may have
 * @text: (out) (transfer full): the text, or %NULL for a member that is
 *   absent or null
 *
 * Returns: %TRUE when the member is as it must be; else the problem is
 *   noted, or, for a text longer than @max_length, @item's error set
 */
gboolean
_ent_json_get_text (const EntJsonItem *item,
                    JsonObject        *object,
                    const char        *member,
                    gboolean           required,
                    gsize              max_length,
                    char             **text)
{
  gboolean present;
  JsonNode *node = get_value (object, member, G_TYPE_STRING, &present);
  const char *value;
  gsize length;

  *text = NULL;
  if (node == NULL)
    {
      if (present)
        _ent_json_problem (item, _("“%s” is not text"), member);
      else if (required)
        _ent_json_problem (item, _("“%s” is missing"), member);
      return !present && !required;
    }

  value = json_node_get_string (node);
  length = strlen (value);
  if (required && length == 0)
    {
      _ent_json_problem (item, _("“%s” is empty"), member);
      return FALSE;
    }

  /* Counting characters is needed only where the bytes are too many. */
  if (length > max_length && (gsize) g_utf8_strlen (value, length) > max_length)
    {
      g_autofree char *name = _ent_json_item_name (item);
      g_autofree char *message = g_strdup_printf (_("“%s” is longer than %u characters"), member,
                                                  (guint) max_length);

      g_set_error (item->error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
                   _("Line %u: %s: %s"), (guint) item_line (item), name, message);
      return FALSE;
    }

  *text = g_strndup (value, length);
  return TRUE;
}

/* A date as ent_date_is_valid() reads it, or absent. */
gboolean
_ent_json_get_date (const EntJsonItem *item,
                    JsonObject        *object,
                    const char        *member,
                    char             **date)
{
  if (!_ent_json_get_text (item, object, member, FALSE, ENT_JSON_KEY_LENGTH, date))
    return FALSE;

  if (*date != NULL && !ent_date_is_valid (*date))
    {
      _ent_json_problem (item, _("“%s” is not a date"), member);
      g_clear_pointer (date, g_free);
      return FALSE;
    }

  return TRUE;
}

/* Whether @node is an id: a whole number greater than 0. */
gboolean
_ent_json_is_id (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
         json_node_get_int (node) > 0;
}

/* A whole number that must be there; greater than 0 when @positive. */
gboolean
_ent_json_get_int (const EntJsonItem *item,
                   JsonObject        *object,
                   const char        *member,
                   gboolean           positive,
                   gint64            *value)
{
  gboolean present;
  JsonNode *node = get_value (object, member, G_TYPE_INT64, &present);

  if (node == NULL || (positive && json_node_get_int (node) <= 0))
    {
      if (positive)
        _ent_json_problem (item, _("“%s” is not a positive whole number"), member);
      else
        _ent_json_problem (item, _("“%s” is not a whole number"), member);
      return FALSE;
    }

  *value = json_node_get_int (node);
  return TRUE;
}

/* A finite number that must be there; json-glib reads one without a point or exponent as a whole number. */
gboolean
_ent_json_get_double (const EntJsonItem *item,
                      JsonObject        *object,
                      const char        *member,
                      double            *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64) &&
      isfinite (json_node_get_double (node)))
    {
      *value = json_node_get_double (node);
      return TRUE;
    }

  _ent_json_problem (item, _("“%s” is not a number"), member);
  return FALSE;
}

/* true or false, or @fallback when the member is absent or null. */
gboolean
_ent_json_get_boolean (const EntJsonItem *item,
                       JsonObject        *object,
                       const char        *member,
                       gboolean           fallback,
                       gboolean          *value)
{
  gboolean present;
  JsonNode *node = get_value (object, member, G_TYPE_BOOLEAN, &present);

  *value = fallback;
  if (node == NULL && present)
    _ent_json_problem (item, _("“%s” is not true or false"), member);
  if (node == NULL)
    return !present;

  *value = json_node_get_boolean (node);
  return TRUE;
}

/* A list, or %NULL when the member is absent or null. */
gboolean
_ent_json_get_array (const EntJsonItem *item,
                     JsonObject        *object,
                     const char        *member,
                     JsonArray        **array)
{
  JsonNode *node = json_object_get_member (object, member);

  *array = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _ent_json_problem (item, _("“%s” is not a list"), member);
      return FALSE;
    }

  *array = json_node_get_array (node);
  return TRUE;
}
