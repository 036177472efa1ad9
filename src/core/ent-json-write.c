/* ent-json-write.c: writing a network in Entente's own JSON format
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-json"

#include "config.h"

#include "ent-json.h"
#include "ent-json-private.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* A member that is text, or null where the network has none. */
static void
set_text (JsonObject *object,
          const char *name,
          const char *text)
{
  if (text != NULL)
    json_object_set_string_member (object, name, text);
  else
    json_object_set_null_member (object, name);
}

/* Every record of the graph holds its id as its first member, as the graph's indexes use it. */
static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = **(const gint64 * const *) a;
  gint64 id_b = **(const gint64 * const *) b;

  return (id_a > id_b) - (id_a < id_b);
}

static GPtrArray *
sorted_by_id (GPtrArray *table)
{
  GPtrArray *sorted = g_ptr_array_copy (table, NULL, NULL);

  /* The copy would free the records it shares with @table. */
  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_ids);
  return sorted;
}

static JsonArray *
quote_ids_array (GArray *quote_ids)
{
  JsonArray *array = json_array_sized_new (quote_ids != NULL ? quote_ids->len : 0);

  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    json_array_add_int_element (array, g_array_index (quote_ids, gint64, i));
  return array;
}

static JsonArray *
properties_array (GPtrArray *properties)
{
  JsonArray *array = json_array_sized_new (properties != NULL ? properties->len : 0);

  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "key", property->key);
      json_object_set_string_member (object, "type", ent_property_type_to_string (property->type));
      json_object_set_string_member (object, "value", property->value);
      json_array_add_object_element (array, object);
    }
  return array;
}

static JsonObject *
kind_object (gconstpointer record)
{
  const EntKindInfo *kind = record;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "key", kind->key);
  set_text (object, "label", kind->label);
  set_text (object, "shape", kind->shape);
  set_text (object, "glyph", kind->glyph);
  set_text (object, "color", kind->color);
  set_text (object, "dark_color", kind->dark_color);
  return object;
}

static JsonObject *
source_object (gconstpointer record)
{
  const EntSource *source = record;
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", source->id);
  set_text (object, "title", source->title);
  set_text (object, "publisher", source->publisher);
  set_text (object, "url", source->url);
  set_text (object, "published", source->published);
  set_text (object, "body", source->body);
  return object;
}

static JsonObject *
quote_object (gconstpointer record)
{
  const EntQuote *quote = record;
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", quote->id);
  json_object_set_int_member (object, "source", quote->source_id);
  json_object_set_int_member (object, "start", quote->start);
  json_object_set_int_member (object, "end", quote->end);
  set_text (object, "text", quote->text);
  return object;
}

static JsonObject *
entity_object (gconstpointer record)
{
  const EntEntity *entity = record;
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", entity->id);
  json_object_set_string_member (object, "kind", ent_entity_get_kind_key (entity));
  set_text (object, "name", entity->name);
  set_text (object, "role", entity->role);
  set_text (object, "description", entity->description);
  set_text (object, "start_date", entity->start_date);
  set_text (object, "end_date", entity->end_date);
  json_object_set_array_member (object, "quotes", quote_ids_array (entity->quote_ids));
  json_object_set_array_member (object, "properties", properties_array (entity->properties));
  return object;
}

static JsonObject *
relation_object (gconstpointer record)
{
  const EntRelation *relation = record;
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", relation->id);
  set_text (object, "kind", relation->kind);
  json_object_set_int_member (object, "from", relation->from_id);
  json_object_set_int_member (object, "to", relation->to_id);
  set_text (object, "label", relation->label);
  json_object_set_boolean_member (object, "directed", relation->directed);
  set_text (object, "start_date", relation->start_date);
  set_text (object, "end_date", relation->end_date);
  json_object_set_array_member (object, "quotes", quote_ids_array (relation->quote_ids));
  json_object_set_array_member (object, "properties", properties_array (relation->properties));
  return object;
}

/* Each record of @table as an object, in the order of the table's ids, or in the table's own order for kinds. */
static JsonArray *
table_array (GPtrArray     *table,
             gboolean       by_id,
             JsonObject * (*to_object) (gconstpointer record))
{
  g_autoptr(GPtrArray) sorted = by_id ? sorted_by_id (table) : g_ptr_array_ref (table);
  JsonArray *array = json_array_sized_new (sorted->len);

  for (guint i = 0; i < sorted->len; i++)
    json_array_add_object_element (array, to_object (g_ptr_array_index (sorted, i)));
  return array;
}

/*
 * A coordinate or other number as a JSON number that reads back as the same double. json-glib
 * writes doubles with 17 digits, which is enough, but appends ".0" to any
 * without a point, which makes "1e+20" the invalid "1e+20.0". Whole numbers
 * go as integers, which are exact up to 2^63; what is left of those forms
 * (a single digit with an exponent, such as 1e-300, never a layout's) goes
 * one step towards zero, the only change a value can see on the way.
 */
void
_ent_json_set_number (JsonObject *object,
                      const char *name,
                      double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 0x1p63)
    {
      json_object_set_int_member (object, name, (gint64) value);
      return;
    }

  g_ascii_dtostr (text, sizeof text, value);
  if (strchr (text, '.') == NULL)
    value = nextafter (value, 0);
  json_object_set_double_member (object, name, value);
}

static JsonArray *
layouts_array (GPtrArray *layouts)
{
  JsonArray *array = json_array_sized_new (layouts != NULL ? layouts->len : 0);

  for (guint i = 0; layouts != NULL && i < layouts->len; i++)
    {
      EntImportLayout *layout = g_ptr_array_index (layouts, i);
      JsonObject *object = json_object_new ();
      JsonArray *positions = json_array_sized_new (layout->positions->len);

      for (guint p = 0; p < layout->positions->len; p++)
        {
          EntPosition *position = &g_array_index (layout->positions, EntPosition, p);
          JsonObject *item = json_object_new ();

          json_object_set_int_member (item, "entity", position->entity_id);
          _ent_json_set_number (item, "x", position->x);
          _ent_json_set_number (item, "y", position->y);
          json_object_set_boolean_member (item, "pinned", position->pinned);
          json_array_add_object_element (positions, item);
        }

      json_object_set_string_member (object, "engine", layout->engine);
      json_object_set_array_member (object, "positions", positions);
      json_array_add_object_element (array, object);
    }
  return array;
}

/**
 * ent_json_write:
 * @graph: a network
 * @layouts: (nullable) (element-type EntImportLayout): its stored layouts
 * @path: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @graph and @layouts to @path in Entente's JSON format: every kind,
 * and every other table in id order. The file is written beside @path and
 * renamed into place, so a failed or cancelled write leaves what was there.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ent_json_write (EntGraph      *graph,
                GPtrArray     *layouts,
                const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  JsonObject *object;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  object = json_object_new ();
  json_object_set_string_member (object, "format", ENT_JSON_FORMAT);
  json_object_set_int_member (object, "version", ENT_JSON_VERSION);
  json_object_set_array_member (object, "kinds", table_array (graph->kinds, FALSE, kind_object));
  json_object_set_array_member (object, "sources", table_array (graph->sources, TRUE, source_object));
  json_object_set_array_member (object, "quotes", table_array (graph->quotes, TRUE, quote_object));
  json_object_set_array_member (object, "entities", table_array (graph->entities, TRUE, entity_object));
  json_object_set_array_member (object, "relations", table_array (graph->relations, TRUE, relation_object));
  json_object_set_array_member (object, "layouts", layouts_array (layouts));
  return _ent_json_write_object (object, path, cancellable, error);
}

/**
 * _ent_json_write_object:
 * @object: (transfer full): the file's root
 * @path: where to write it
 * @cancellable: (nullable): to stop writing
 * @error: return location for an error
 *
 * Writes @object beside @path and renames it into place, so a failed or
 * cancelled write leaves what was there.
 *
 * Returns: whether the file was written
 */
gboolean
_ent_json_write_object (JsonObject    *object,
                        const char    *path,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *data = NULL;
  gsize length;

  json_object_unref (object);
  /* One item a line or so, so that the reader's line numbers point at an item and files diff well. */
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
