/* ent-graphml-write.c: writing a network as GraphML that networkx, Gephi and Entente read back
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graphml"

#include "config.h"

#include "ent-graphml.h"
#include "ent-xml.h"

#include <string.h>

/* How often, in entities and relations, the writer looks whether it is cancelled. */
#define ROWS_PER_CHECK 4096

/* The keys every node and every edge may have, in the order they are declared; their ids are "n0", "e0", … */
enum { NODE_LABEL, NODE_KIND, NODE_ROLE, NODE_DESCRIPTION, NODE_START, NODE_END, NODE_QUOTES, NODE_X, NODE_Y,
       N_NODE_KEYS };
enum { EDGE_KIND, EDGE_LABEL, EDGE_DIRECTED, EDGE_START, EDGE_END, EDGE_QUOTES, N_EDGE_KEYS };

static const struct {
  const char *name;
  const char *type;
} node_keys[N_NODE_KEYS] = {
  { "label", "string" },
  { "kind", "string" },
  { "role", "string" },
  { "description", "string" },
  { "start_date", "string" },
  { "end_date", "string" },
  { "quotes", "string" },
  { "x", "double" },
  { "y", "double" },
}, edge_keys[N_EDGE_KEYS] = {
  { "kind", "string" },
  { "label", "string" },
  { "directed", "boolean" },
  { "start_date", "string" },
  { "end_date", "string" },
  { "quotes", "string" },
};

/* A property key of the nodes or the edges: its key id and the type all its values have. */
typedef struct
{
  char            *id;
  EntPropertyType  type;
  gboolean         mixed;
} PropertyKey;

typedef struct
{
  GString    *out;
  EntGraph   *graph;
  GHashTable *node_properties; /* property key → PropertyKey */
  GHashTable *edge_properties;
  GHashTable *positions;       /* entity id → EntPosition */
} Writer;

static void
property_key_free (PropertyKey *key)
{
  g_free (key->id);
  g_free (key);
}

static void
declare_key (GString    *out,
             const char *id,
             const char *domain,
             const char *name,
             const char *type,
             gboolean    date)
{
  g_string_append_printf (out, "  <key id=\"%s\" for=\"%s\" attr.name=\"", id, domain);
  ent_xml_append_escaped (out, name);
  g_string_append_printf (out, "\" attr.type=\"%s\"", type);
  if (date)
    g_string_append (out, " " ENT_GRAPHML_TYPE_ATTR "=\"date\"");
  g_string_append (out, "/>\n");
}

/* Finds the property keys of @rows (entities or relations, whose properties are at @offset), ids after @prefix. */
static GHashTable *
collect_properties (GPtrArray  *rows,
                    gsize       offset,
                    const char *prefix,
                    GPtrArray  *order)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) property_key_free);

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *properties = G_STRUCT_MEMBER (GPtrArray *, g_ptr_array_index (rows, i), offset);

      for (guint p = 0; properties != NULL && p < properties->len; p++)
        {
          EntProperty *property = g_ptr_array_index (properties, p);
          PropertyKey *key = g_hash_table_lookup (keys, property->key);

          if (key == NULL)
            {
              key = g_new0 (PropertyKey, 1);
              key->id = g_strdup_printf ("%s%u", prefix, g_hash_table_size (keys));
              key->type = property->type;
              g_hash_table_insert (keys, property->key, key);
              g_ptr_array_add (order, property->key);
            }
          /* A key used with two types is one of strings, which holds them both. */
          key->mixed = key->mixed || key->type != property->type;
        }
    }
  return keys;
}

static void
declare_properties (GString    *out,
                    GHashTable *keys,
                    GPtrArray  *order,
                    const char *domain)
{
  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);
      PropertyKey *key = g_hash_table_lookup (keys, name);
      EntPropertyType type = key->mixed ? ENT_PROPERTY_STRING : key->type;

      declare_key (out, key->id, domain, name,
                   type == ENT_PROPERTY_NUMBER ? "double" : type == ENT_PROPERTY_BOOLEAN ? "boolean" : "string",
                   type == ENT_PROPERTY_DATE);
    }
}

static void
append_data (GString    *out,
             const char *key,
             const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, "      <data key=\"");
  g_string_append (out, key);
  g_string_append (out, "\">");
  ent_xml_append_escaped (out, value);
  g_string_append (out, "</data>\n");
}

static void
append_number (GString    *out,
               const char *key,
               double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  /* g_ascii_dtostr writes as many digits as read the same double back. */
  append_data (out, key, g_ascii_dtostr (text, sizeof text, value));
}

/* The texts of the quotes @quote_ids names, a blank line between two, or %NULL for none. */
static char *
quotes_text (EntGraph *graph,
             GArray   *quote_ids)
{
  GString *text = NULL;

  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (graph, g_array_index (quote_ids, gint64, i));

      if (quote == NULL)
        continue;
      if (text == NULL)
        text = g_string_new (NULL);
      else
        g_string_append (text, ENT_GRAPHML_QUOTE_SEPARATOR);
      g_string_append (text, quote->text);
    }
  return text != NULL ? g_string_free (text, FALSE) : NULL;
}

static void
append_properties (GString    *out,
                   GHashTable *keys,
                   GPtrArray  *properties)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);

      append_data (out, ((PropertyKey *) g_hash_table_lookup (keys, property->key))->id, property->value);
    }
}

static void
append_entity (Writer    *self,
               EntEntity *entity)
{
  g_autofree char *quotes = quotes_text (self->graph, entity->quote_ids);
  EntPosition *position = g_hash_table_lookup (self->positions, &entity->id);
  GString *out = self->out;

  g_string_append_printf (out, "    <node id=\"n%" G_GINT64_FORMAT "\">\n", entity->id);
  append_data (out, "n0", entity->name);
  append_data (out, "n1", ent_entity_get_kind_key (entity));
  append_data (out, "n2", entity->role);
  append_data (out, "n3", entity->description);
  append_data (out, "n4", entity->start_date);
  append_data (out, "n5", entity->end_date);
  append_data (out, "n6", quotes);
  if (position != NULL)
    {
      /* As Gephi writes its positions, with y growing upwards. */
      append_number (out, "n7", position->x);
      append_number (out, "n8", -position->y);
    }
  append_properties (out, self->node_properties, entity->properties);
  g_string_append (out, "    </node>\n");
}

static void
append_relation (Writer      *self,
                 EntRelation *relation)
{
  g_autofree char *quotes = quotes_text (self->graph, relation->quote_ids);
  GString *out = self->out;

  g_string_append_printf (out, "    <edge id=\"e%" G_GINT64_FORMAT "\" source=\"n%" G_GINT64_FORMAT "\" target=\"n%"
                          G_GINT64_FORMAT "\">\n", relation->id, relation->from_id, relation->to_id);
  append_data (out, "e0", relation->kind);
  append_data (out, "e1", relation->label);
  append_data (out, "e2", relation->directed ? "true" : "false");
  append_data (out, "e3", relation->start_date);
  append_data (out, "e4", relation->end_date);
  append_data (out, "e5", quotes);
  append_properties (out, self->edge_properties, relation->properties);
  g_string_append (out, "    </edge>\n");
}

/*
 * The graph's kinds, one a line: key, shape, glyph, colour and dark colour,
 * then the label, each after a tab. The label goes last and escaped as C
 * strings are (but for letters beyond ASCII), so that no tab or line end in
 * it is taken for a separator.
 */
static char *
kinds_text (EntGraph *graph)
{
  static char exceptions[129];
  GString *text = g_string_new (NULL);

  if (exceptions[0] == '\0')
    for (guint c = 0x80; c <= 0xff; c++)
      exceptions[c - 0x80] = (char) c;

  for (guint i = 0; i < graph->kinds->len; i++)
    {
      EntKindInfo *kind = g_ptr_array_index (graph->kinds, i);
      g_autofree char *label = g_strescape (kind->label != NULL ? kind->label : "", exceptions);

      g_string_append_printf (text, "%s%s\t%s\t%s\t%s\t%s\t%s", i > 0 ? "\n" : "", kind->key,
                              kind->shape != NULL ? kind->shape : "", kind->glyph != NULL ? kind->glyph : "",
                              kind->color != NULL ? kind->color : "", kind->dark_color != NULL ? kind->dark_color : "",
                              label);
    }
  return g_string_free (text, FALSE);
}

static gboolean
any_directed (EntGraph *graph)
{
  for (guint i = 0; i < graph->relations->len; i++)
    if (((EntRelation *) g_ptr_array_index (graph->relations, i))->directed)
      return TRUE;
  return FALSE;
}

/**
 * ent_graphml_write:
 * @graph: a network
 * @layouts: (nullable) (element-type EntImportLayout): its stored layouts
 * @path: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @graph to @path as GraphML: each entity a node with its name as
 * its "label" (Gephi's label key), its kind's key, role, description,
 * dates, the texts of its quotes and its properties; each relation an edge
 * with its kind, label, direction, dates, quotes and properties; the
 * kinds themselves as the graph's "kinds"; and the positions of the layout
 * the network opens with as Gephi's x and y. The file is written beside
 * @path and renamed into place, so a failed or cancelled write leaves what
 * was there.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ent_graphml_write (EntGraph      *graph,
                   GPtrArray     *layouts,
                   const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) node_order = g_ptr_array_new ();
  g_autoptr(GPtrArray) edge_order = g_ptr_array_new ();
  g_autoptr(GHashTable) node_properties = NULL;
  g_autoptr(GHashTable) edge_properties = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *kinds = NULL;
  gboolean directed;
  Writer self;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Property keys have ids of their own, "np0", "ep0", …, so that Entente's keep theirs whatever the properties. */
  node_properties = collect_properties (graph->entities, G_STRUCT_OFFSET (EntEntity, properties), "np", node_order);
  edge_properties = collect_properties (graph->relations, G_STRUCT_OFFSET (EntRelation, properties), "ep", edge_order);
  positions = ent_import_find_opening_positions (graph, layouts, TRUE);
  self = (Writer) { out, graph, node_properties, edge_properties, positions };

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
                        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
                        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  declare_key (out, "g0", "graph", ENT_GRAPHML_KINDS_KEY, "string", FALSE);
  for (guint i = 0; i < N_NODE_KEYS; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      if ((i != NODE_X && i != NODE_Y) || g_hash_table_size (positions) > 0)
        declare_key (out, id, "node", node_keys[i].name, node_keys[i].type, i == NODE_START || i == NODE_END);
    }
  declare_properties (out, node_properties, node_order, "node");
  for (guint i = 0; i < N_EDGE_KEYS; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      declare_key (out, id, "edge", edge_keys[i].name, edge_keys[i].type, i == EDGE_START || i == EDGE_END);
    }
  declare_properties (out, edge_properties, edge_order, "edge");

  /*
   * networkx refuses an edge whose "directed" differs from the graph's
   * edgedefault, in either direction, so a network with directed and
   * undirected relations cannot say so edge by edge: the graph is directed
   * when any relation is, and each edge says what it is in the "directed"
   * key, which networkx keeps as an attribute and Entente reads back.
   */
  directed = any_directed (graph);
  g_string_append_printf (out, "  <graph id=\"G\" edgedefault=\"%s\">\n", directed ? "directed" : "undirected");
  kinds = kinds_text (graph);
  g_string_append (out, "    <data key=\"g0\">");
  ent_xml_append_escaped (out, kinds);
  g_string_append (out, "</data>\n");

  for (guint i = 0; i < graph->entities->len; i++)
    {
      if (i % ROWS_PER_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      append_entity (&self, g_ptr_array_index (graph->entities, i));
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      if (i % ROWS_PER_CHECK == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      append_relation (&self, g_ptr_array_index (graph->relations, i));
    }
  g_string_append (out, "  </graph>\n</graphml>\n");

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
