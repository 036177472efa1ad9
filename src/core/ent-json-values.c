/* ent-json-values.c: the values of other programs' JSON files as typed properties
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-json"

#include "config.h"

#include "ent-json-private.h"
#include "ent-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A key's properties so far, and the types all their values could be of. */
typedef struct
{
  guint      types;
  GPtrArray *properties; /* EntProperty, owned by their entities and relations */
} KeyProperties;

static void
key_properties_free (KeyProperties *key)
{
  g_ptr_array_unref (key->properties);
  g_free (key);
}

/* The fewest digits that read back as @value, as the file most likely wrote it. */
static void
append_double (GString *text,
               double   value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (number, sizeof number, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (number, NULL) == value)
        break;
    }
  g_string_append (text, number);
}

static void
append_value (GString  *text,
              JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node) || JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *json = json_to_string (node, FALSE);

      g_string_append (text, json);
      return;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      g_string_append (text, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      g_string_append_printf (text, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (text, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_DOUBLE:
    default:
      append_double (text, json_node_get_double (node));
      break;
    }
}

/**
 * _ent_json_value_text:
 * @node: a value of a file
 *
 * A list of plain values becomes their texts joined with
 * %ENT_JSON_LIST_SEPARATOR, as a person reads a list; lists within it and
 * objects stay JSON text, which keeps what they hold.
 *
 * Returns: (transfer full) (nullable): @node as a property's text, or %NULL
 *   for null and for a list of nothing but nulls
 */
char *
_ent_json_value_text (JsonNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;
  guint n = 0;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      append_value (text, node);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_NULL (element))
        continue;
      if (n++ > 0)
        g_string_append (text, ENT_JSON_LIST_SEPARATOR);
      append_value (text, element);
    }
  return n > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/*
 * The types @node's text could be of, as ent_csv_value_types() has them. A
 * JSON string is a number or a boolean only where @text_typed says the
 * file writes every value as text, as FollowTheMoney does; a list of one
 * value is that value.
 */
static guint
value_types (JsonNode *node,
             gboolean  text_typed)
{
  if (JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) == 1)
    node = json_array_get_element (json_node_get_array (node), 0);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return 1 << ENT_PROPERTY_STRING;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return 1 << ENT_PROPERTY_STRING | 1 << ENT_PROPERTY_NUMBER;
    case G_TYPE_BOOLEAN:
      return 1 << ENT_PROPERTY_STRING | 1 << ENT_PROPERTY_BOOLEAN;
    case G_TYPE_STRING:
    default:
      if (text_typed)
        return ent_csv_value_types (json_node_get_string (node));
      return ent_csv_value_types (json_node_get_string (node)) & (1 << ENT_PROPERTY_STRING | 1 << ENT_PROPERTY_DATE);
    }
}

/* Initialises @self, which types the properties _ent_json_properties_add() makes once all are read. */
void
_ent_json_properties_init (EntJsonProperties *self,
                           EntImport         *import,
                           gboolean           text_typed)
{
  self->import = import;
  self->text_typed = text_typed;
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) key_properties_free);
}

static void
problem (EntJsonProperties *self,
         guint64            line,
         const char        *owner,
         const char        *message)
{
  if (line > 0)
    /* Translators: a problem of an imported file: its line, the item ("Node “a”"), what is wrong */
    ent_import_add_problem (self->import, line, _("Line %lu: %s: %s"), (gulong) line, owner, message);
  else
    ent_import_add_problem (self->import, 0, "%s: %s", owner, message);
}

/**
 * _ent_json_properties_add:
 * @self: the properties of an import
 * @line: the line of the file the value is on, or 0
 * @owner: the entity or relation, as problems name it ("Node “a”")
 * @properties: (element-type EntProperty): the owner's properties
 * @key: the property's key
 * @node: its value
 *
 * Adds the property @node is to @properties, unless it is null; one whose
 * key or value is longer than a property's may be is left out, noted in the
 * import's problems.
 */
void
_ent_json_properties_add (EntJsonProperties *self,
                          guint64            line,
                          const char        *owner,
                          GPtrArray         *properties,
                          const char        *key,
                          JsonNode          *node)
{
  g_autofree char *value = _ent_json_value_text (node);
  g_autofree char *message = NULL;
  KeyProperties *known;
  EntProperty *property;

  if (value == NULL)
    return;

  if (*key == '\0' || g_utf8_strlen (key, -1) > ENT_PROPERTY_KEY_MAX_LENGTH)
    message = g_strdup_printf (_("a property whose name is empty or longer than %u characters is left out"),
                               ENT_PROPERTY_KEY_MAX_LENGTH);
  else if (strlen (value) > ENT_PROPERTY_VALUE_MAX_LENGTH &&
           g_utf8_strlen (value, -1) > ENT_PROPERTY_VALUE_MAX_LENGTH)
    message = g_strdup_printf (_("the value of “%s” is longer than %u characters and is left out"), key,
                               ENT_PROPERTY_VALUE_MAX_LENGTH);
  if (message != NULL)
    {
      problem (self, line, owner, message);
      return;
    }

  for (guint i = 0; i < properties->len; i++)
    if (g_str_equal (((EntProperty *) g_ptr_array_index (properties, i))->key, key))
      return;

  known = g_hash_table_lookup (self->keys, key);
  if (known == NULL)
    {
      known = g_new0 (KeyProperties, 1);
      known->types = ~0u;
      known->properties = g_ptr_array_new ();
      g_hash_table_insert (self->keys, g_strdup (key), known);
    }

  property = g_new0 (EntProperty, 1);
  property->key = g_strdup (key);
  property->value = g_steal_pointer (&value);
  known->types &= value_types (node, self->text_typed);
  g_ptr_array_add (known->properties, property);
  g_ptr_array_add (properties, property);
}

/**
 * _ent_json_properties_finish:
 * @self: the properties of an import
 *
 * Gives each key's properties the type all its values have, as the CSV
 * importer types a column (ent_csv_column_type()), and frees what @self holds.
 */
void
_ent_json_properties_finish (EntJsonProperties *self)
{
  GHashTableIter iter;
  KeyProperties *known;

  g_hash_table_iter_init (&iter, self->keys);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &known))
    {
      EntPropertyType type = ent_csv_column_type (known->types);

      for (guint i = 0; i < known->properties->len; i++)
        {
          EntProperty *property = g_ptr_array_index (known->properties, i);

          property->type = type;
          if (type != ENT_PROPERTY_STRING)
            g_strstrip (property->value);
          if (type == ENT_PROPERTY_BOOLEAN)
            for (char *c = property->value; *c != '\0'; c++)
              *c = g_ascii_tolower (*c);
        }
    }
  g_clear_pointer (&self->keys, g_hash_table_unref);
}
