/* ent-cytoscape-write.c: writing a network as Cytoscape's desktop export, which Cytoscape.js reads too
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-cytoscape"

#include "config.h"

#include "ent-cytoscape.h"
#include "ent-json-private.h"

#include <string.h>

/* The version of the desktop export's shape, as Cytoscape 3 writes it. */
#define FORMAT_VERSION "1.0"

static void
set_text (JsonObject *data,
          const char *member,
          const char *text)
{
  if (text != NULL)
    json_object_set_string_member (data, member, text);
}

/*
 * A property as its JSON type, a number or a boolean where its text reads
 * back the same, else as text; its key unless one of Entente's fields has
 * it, which the reader takes as that field.
 */
static void
set_property (JsonObject        *data,
              const EntProperty *property)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 whole;
  double number;

  if (json_object_has_member (data, property->key))
    return;

  if (property->type == ENT_PROPERTY_BOOLEAN &&
      (g_str_equal (property->value, "true") || g_str_equal (property->value, "false")))
    {
      json_object_set_boolean_member (data, property->key, g_str_equal (property->value, "true"));
      return;
    }
  if (property->type == ENT_PROPERTY_NUMBER)
    {
      if (g_ascii_string_to_signed (property->value, 10, G_MININT64, G_MAXINT64, &whole, NULL))
        {
          g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, whole);
          if (g_str_equal (text, property->value))
            {
              json_object_set_int_member (data, property->key, whole);
              return;
            }
        }
      number = g_ascii_strtod (property->value, NULL);
      if (g_str_equal (g_ascii_dtostr (text, sizeof text, number), property->value))
        {
          _ent_json_set_number (data, property->key, number);
          return;
        }
    }
  json_object_set_string_member (data, property->key, property->value);
}

/* The texts of the quotes that back a record, and their sources' titles in the same order, as the reader takes them. */
static void
set_quotes (JsonObject *data,
            EntGraph   *graph,
            GArray     *quote_ids)
{
  JsonArray *texts = json_array_new ();
  JsonArray *titles = json_array_new ();

  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (graph, g_array_index (quote_ids, gint64, i));
      EntSource *source = quote != NULL ? ent_graph_get_source (graph, quote->source_id) : NULL;

      if (quote == NULL)
        continue;
      json_array_add_string_element (texts, quote->text);
      json_array_add_string_element (titles, source != NULL && source->title != NULL ? source->title : "");
    }
  json_object_set_array_member (data, "quotes", texts);
  json_object_set_array_member (data, "quote_sources", titles);
}

static void
set_properties (JsonObject *data,
                GPtrArray  *properties)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    set_property (data, g_ptr_array_index (properties, i));
}

static char *
node_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static JsonObject *
node_object (EntGraph    *graph,
             EntEntity   *entity,
             GHashTable  *positions)
{
  JsonObject *element = json_object_new ();
  JsonObject *data = json_object_new ();
  EntPosition *position = g_hash_table_lookup (positions, &entity->id);
  g_autofree char *id = node_id (entity->id);

  json_object_set_string_member (data, "id", id);
  json_object_set_string_member (data, "name", entity->name);
  json_object_set_string_member (data, "kind", ent_entity_get_kind_key (entity));
  set_text (data, "role", entity->role);
  set_text (data, "description", entity->description);
  set_text (data, "start_date", entity->start_date);
  set_text (data, "end_date", entity->end_date);
  set_quotes (data, graph, entity->quote_ids);
  set_properties (data, entity->properties);
  json_object_set_object_member (element, "data", data);

  if (position != NULL)
    {
      JsonObject *xy = json_object_new ();

      _ent_json_set_number (xy, "x", position->x);
      _ent_json_set_number (xy, "y", position->y);
      json_object_set_object_member (element, "position", xy);
    }
  return element;
}

static JsonObject *
edge_object (EntGraph    *graph,
             EntRelation *relation)
{
  JsonObject *element = json_object_new ();
  JsonObject *data = json_object_new ();
  g_autofree char *id = g_strdup_printf ("e%" G_GINT64_FORMAT, relation->id);
  g_autofree char *source = node_id (relation->from_id);
  g_autofree char *target = node_id (relation->to_id);

  json_object_set_string_member (data, "id", id);
  json_object_set_string_member (data, "source", source);
  json_object_set_string_member (data, "target", target);
  /* Cytoscape's name for what kind of edge it is. */
  json_object_set_string_member (data, "interaction", relation->kind);
  set_text (data, "label", relation->label);
  json_object_set_boolean_member (data, "directed", relation->directed);
  set_text (data, "start_date", relation->start_date);
  set_text (data, "end_date", relation->end_date);
  set_quotes (data, graph, relation->quote_ids);
  set_properties (data, relation->properties);
  json_object_set_object_member (element, "data", data);
  return element;
}

/**
 * ent_cytoscape_write:
 * @graph: a network
 * @layouts: (nullable) (element-type EntImportLayout): its stored layouts
 * @path: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @graph to @path in the shape of Cytoscape's desktop export: each
 * entity a node with its name, kind, role, description, dates, properties
 * and quotes (their texts in "quotes", their sources' titles in
 * "quote_sources") in its data, and its position in the layout the network
 * opens with; each relation an edge with its kind as "interaction", its
 * label, dates, properties, quotes and, as Cytoscape's edges have none, its
 * direction in "directed". The file is written beside @path and renamed
 * into place, so a failed or cancelled write leaves what was there.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ent_cytoscape_write (EntGraph      *graph,
                     GPtrArray     *layouts,
                     const char    *path,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autofree char *name = NULL;
  JsonObject *object, *network, *elements;
  JsonArray *nodes, *edges;
  char *dot;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  positions = ent_import_find_opening_positions (graph, layouts, FALSE);
  nodes = json_array_sized_new (graph->entities->len);
  for (guint i = 0; i < graph->entities->len; i++)
    json_array_add_object_element (nodes, node_object (graph, g_ptr_array_index (graph->entities, i), positions));
  edges = json_array_sized_new (graph->relations->len);
  for (guint i = 0; i < graph->relations->len; i++)
    json_array_add_object_element (edges, edge_object (graph, g_ptr_array_index (graph->relations, i)));

  /* The network's name, which Cytoscape shows, is the file's, as Entente keeps none of its own. */
  name = g_path_get_basename (path);
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    *dot = '\0';
  network = json_object_new ();
  json_object_set_string_member (network, "name", name);
  elements = json_object_new ();
  json_object_set_array_member (elements, "nodes", nodes);
  json_object_set_array_member (elements, "edges", edges);
  object = json_object_new ();
  json_object_set_string_member (object, "format_version", FORMAT_VERSION);
  json_object_set_string_member (object, "generated_by", "Entente " PACKAGE_VERSION);
  json_object_set_object_member (object, "data", network);
  json_object_set_object_member (object, "elements", elements);
  return _ent_json_write_object (object, path, cancellable, error);
}
