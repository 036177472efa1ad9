/* ent-gexf-write.c: writing a network as GEXF 1.3, as Gephi and networkx read it and its schema validates it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-gexf"

#include "config.h"

#include "ent-gexf.h"
#include "ent-gexf-private.h"
#include "ent-csv.h"
#include "ent-style.h"
#include "ent-xml.h"

#include <math.h>
#include <string.h>

/* Cancellation is looked at every this many entities and relations. */
#define CHECK_EVERY 1024

/* A property key of nodes or edges, as the attribute it is written as. */
typedef struct
{
  char            *key;
  EntPropertyType  type;
  gboolean         mixed; /* of more than one type, so written as text */
  guint            index;
  char             id[16];  /* "p" and the index, the attribute's id */
} Column;

typedef struct
{
  EntGraph   *graph;
  GString    *out;
  GHashTable *positions;            /* entity id → EntPosition of the layout written */
  GHashTable *columns[2];           /* key → Column, for entities and relations */
  GPtrArray  *column_list[2];       /* Column, in the order they are first met */
  gboolean    partial_dates[2];     /* some dates are not GEXF times, so written as attributes */
  gboolean    descriptions;
  gboolean    roles;
  gboolean    quotes;
  gboolean    times;
  gboolean    all_undirected;
} Writer;

static void
column_free (Column *column)
{
  g_free (column->key);
  g_free (column);
}

/**
 * _ent_gexf_kind_color:
 * @graph: a network
 * @entity: one of its entities
 *
 * Returns: (transfer full): the colour of @entity's kind, "#rrggbb", as the
 *   network defines it or as the built-in kind has it
 */
char *
_ent_gexf_kind_color (EntGraph        *graph,
                      const EntEntity *entity)
{
  EntKindInfo *info = ent_graph_get_kind (graph, ent_entity_get_kind_key (entity));
  EntColor color;

  if (info != NULL && info->color != NULL)
    return g_ascii_strdown (info->color, -1);
  ent_style_kind_color (entity->kind, FALSE, &color);
  return g_strdup_printf ("#%02x%02x%02x", (guint) round (color.red * 255), (guint) round (color.green * 255),
                          (guint) round (color.blue * 255));
}

/* Whether @date can be a GEXF time: the schema takes xs:date, a full one. */
static gboolean
is_time (const char *date)
{
  return date != NULL && strlen (date) == 10 && date[4] == '-' && ent_date_is_valid (date);
}

static gboolean
is_weight (const EntProperty *property)
{
  return g_str_equal (property->key, "weight") && property->type == ENT_PROPERTY_NUMBER;
}

/* Notes the keys and types of @properties, and whether the dates need attributes. */
static void
survey (Writer     *self,
        guint       table,
        GPtrArray  *properties,
        const char *start,
        const char *end)
{
  self->times |= is_time (start) || is_time (end);
  self->partial_dates[table] |= (start != NULL && !is_time (start)) || (end != NULL && !is_time (end));
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);
      Column *column = g_hash_table_lookup (self->columns[table], property->key);

      if (table == 1 && is_weight (property))
        continue;
      if (column == NULL)
        {
          column = g_new0 (Column, 1);
          column->key = g_strdup (property->key);
          column->type = property->type;
          column->index = self->column_list[table]->len;
          g_snprintf (column->id, sizeof column->id, "p%u", column->index);
          g_ptr_array_add (self->column_list[table], column);
          g_hash_table_insert (self->columns[table], column->key, column);
        }
      column->mixed |= column->type != property->type;
    }
}

static void
append_attribute (GString    *out,
                  const char *id,
                  const char *title,
                  const char *type)
{
  g_string_append_printf (out, "      <attribute id=\"%s\" title=\"", id);
  ent_xml_append_escaped (out, title);
  g_string_append_printf (out, "\" type=\"%s\"/>\n", type);
}

static const char *
column_type (const Column *column)
{
  if (column->mixed)
    return "string";
  switch (column->type)
    {
    case ENT_PROPERTY_NUMBER:
      return "double";
    case ENT_PROPERTY_BOOLEAN:
      return "boolean";
    case ENT_PROPERTY_DATE:
    case ENT_PROPERTY_STRING:
    default:
      return "string";
    }
}

/* The declarations of a class's attributes: what Entente has fields for first, so a reader takes their roles. */
static void
append_attributes (Writer *self,
                   guint   table)
{
  GPtrArray *columns = self->column_list[table];

  g_string_append_printf (self->out, "    <attributes class=\"%s\">\n", table == 0 ? "node" : "edge");
  if (table == 0)
    append_attribute (self->out, ENT_GEXF_KIND, ENT_GEXF_KIND, "string");
  if (table == 0 && self->descriptions)
    append_attribute (self->out, ENT_GEXF_DESCRIPTION, ENT_GEXF_DESCRIPTION, "string");
  if (table == 0 && self->roles)
    append_attribute (self->out, ENT_GEXF_ROLE, ENT_GEXF_ROLE, "string");
  if (self->partial_dates[table])
    {
      append_attribute (self->out, ENT_GEXF_START, ENT_GEXF_START, "string");
      append_attribute (self->out, ENT_GEXF_END, ENT_GEXF_END, "string");
    }
  if (table == 1 && self->quotes)
    append_attribute (self->out, ENT_GEXF_QUOTES, ENT_GEXF_QUOTES, "string");
  for (guint i = 0; i < columns->len; i++)
    {
      Column *column = g_ptr_array_index (columns, i);

      append_attribute (self->out, column->id, column->key, column_type (column));
    }
  g_string_append (self->out, "    </attributes>\n");
}

static void
append_value (GString    *out,
              const char *id,
              const char *value)
{
  if (value == NULL)
    return;
  g_string_append (out, "        <attvalue for=\"");
  g_string_append (out, id);
  g_string_append (out, "\" value=\"");
  ent_xml_append_escaped (out, value);
  g_string_append (out, "\"/>\n");
}

/* XML attributes start and end, where the dates are GEXF times. */
static void
append_times (GString    *out,
              const char *start,
              const char *end)
{
  if (is_time (start))
    g_string_append_printf (out, " start=\"%s\"", start);
  if (is_time (end))
    g_string_append_printf (out, " end=\"%s\"", end);
}

/* The values of a node or an edge, with @first those of the fields Entente has, as attvalue pairs of id and value. */
static void
append_values (Writer      *self,
               guint        table,
               const char **first,
               GPtrArray   *properties,
               const char  *start,
               const char  *end)
{
  g_string_append (self->out, "      <attvalues>\n");
  for (guint i = 0; first[i] != NULL; i += 2)
    append_value (self->out, first[i], first[i + 1]);
  append_value (self->out, ENT_GEXF_START, is_time (start) ? NULL : start);
  append_value (self->out, ENT_GEXF_END, is_time (end) ? NULL : end);
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);
      Column *column = g_hash_table_lookup (self->columns[table], property->key);

      if (column != NULL)
        append_value (self->out, column->id, property->value);
    }
  g_string_append (self->out, "      </attvalues>\n");
}

static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=\"%s\"", name, g_ascii_dtostr (text, sizeof text, value));
}

static void
append_node (Writer    *self,
             EntEntity *entity)
{
  g_autofree char *color = _ent_gexf_kind_color (self->graph, entity);
  EntPosition *position = g_hash_table_lookup (self->positions, &entity->id);
  const char *first[] = {
    ENT_GEXF_KIND, ent_csv_kind_column (self->graph, entity),
    ENT_GEXF_DESCRIPTION, entity->description != NULL && *entity->description != '\0' ? entity->description : NULL,
    ENT_GEXF_ROLE, entity->role != NULL && *entity->role != '\0' ? entity->role : NULL,
    NULL,
  };
  guint rgb = (guint) g_ascii_strtoull (color + 1, NULL, 16);

  g_string_append_printf (self->out, "    <node id=\"%" G_GINT64_FORMAT "\" label=\"", entity->id);
  ent_xml_append_escaped (self->out, entity->name);
  g_string_append_c (self->out, '"');
  append_times (self->out, entity->start_date, entity->end_date);
  g_string_append (self->out, ">\n");
  append_values (self, 0, first, entity->properties, entity->start_date, entity->end_date);
  g_string_append_printf (self->out, "      <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", rgb >> 16, (rgb >> 8) & 0xff,
                          rgb & 0xff);
  if (position != NULL)
    {
      /* A stored layout's y grows downwards, GEXF's upwards. */
      g_string_append (self->out, "      <viz:position");
      append_number (self->out, "x", position->x);
      append_number (self->out, "y", -position->y);
      g_string_append (self->out, "/>\n");
    }
  g_string_append (self->out, "    </node>\n");
}

/* The texts of the quotes that back @relation, a blank line between two, as the CSV export writes them. */
static char *
quote_texts (Writer      *self,
             EntRelation *relation)
{
  g_autoptr(GString) texts = NULL;

  for (guint i = 0; relation->quote_ids != NULL && i < relation->quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (self->graph, g_array_index (relation->quote_ids, gint64, i));

      if (quote == NULL)
        continue;
      if (texts == NULL)
        texts = g_string_new (NULL);
      else
        g_string_append (texts, "\n\n");
      g_string_append (texts, quote->text);
    }
  return texts != NULL ? g_string_free (g_steal_pointer (&texts), FALSE) : NULL;
}

static void
append_edge (Writer      *self,
             EntRelation *relation)
{
  g_autofree char *quotes = quote_texts (self, relation);
  const char *first[] = { ENT_GEXF_QUOTES, quotes, NULL };

  g_string_append_printf (self->out,
                          "    <edge id=\"%" G_GINT64_FORMAT "\" source=\"%" G_GINT64_FORMAT "\" target=\"%"
                          G_GINT64_FORMAT "\"", relation->id, relation->from_id, relation->to_id);
  /*
   * In a network of both, an undirected relation is "mutual": a relation
   * both ways, which networkx takes in a directed graph where it refuses
   * "undirected" there.
   */
  if (!relation->directed && !self->all_undirected)
    g_string_append (self->out, " type=\"mutual\"");
  g_string_append (self->out, " kind=\"");
  ent_xml_append_escaped (self->out, relation->kind);
  g_string_append_c (self->out, '"');
  if (relation->label != NULL && *relation->label != '\0')
    {
      g_string_append (self->out, " label=\"");
      ent_xml_append_escaped (self->out, relation->label);
      g_string_append_c (self->out, '"');
    }
  for (guint i = 0; relation->properties != NULL && i < relation->properties->len; i++)
    if (is_weight (g_ptr_array_index (relation->properties, i)))
      g_string_append_printf (self->out, " weight=\"%s\"",
                              ((EntProperty *) g_ptr_array_index (relation->properties, i))->value);
  append_times (self->out, relation->start_date, relation->end_date);
  g_string_append (self->out, ">\n");
  append_values (self, 1, first, relation->properties, relation->start_date, relation->end_date);
  g_string_append (self->out, "    </edge>\n");
}

static void
survey_graph (Writer *self)
{
  EntGraph *graph = self->graph;

  self->all_undirected = graph->relations->len > 0;
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      self->descriptions |= entity->description != NULL && *entity->description != '\0';
      self->roles |= entity->role != NULL && *entity->role != '\0';
      survey (self, 0, entity->properties, entity->start_date, entity->end_date);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      self->quotes |= relation->quote_ids != NULL && relation->quote_ids->len > 0;
      self->all_undirected &= !relation->directed;
      survey (self, 1, relation->properties, relation->start_date, relation->end_date);
    }
}

/* Writes GEXF 1.3, or with @version_1_2 the same in GEXF 1.2's namespaces. */
static gboolean
write_version (EntGraph      *graph,
               GPtrArray     *layouts,
               const char    *path,
               gboolean       version_1_2,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GHashTable) node_columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) edge_columns = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) node_list = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  g_autoptr(GPtrArray) edge_list = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  g_autoptr(GFile) file = NULL;
  Writer self = { graph, out, positions, { node_columns, edge_columns }, { node_list, edge_list }, };

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  self.positions = positions = ent_import_find_opening_positions (graph, layouts, FALSE);
  survey_graph (&self);

  /*
   * 1.3 in the schema's namespace, not Gephi's www.gexf.net, which networkx
   * does not read; the schema puts the viz: elements in it too, so that is
   * what the prefix names. 1.2 has a namespace of its own for them.
   */
  if (version_1_2)
    g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<gexf xmlns=\"" ENT_GEXF_1_2_NAMESPACE "\" xmlns:viz=\"" ENT_GEXF_1_2_VIZ_NAMESPACE "\" "
                          "version=\"1.2\">\n");
  else
    g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<gexf xmlns=\"" ENT_GEXF_NAMESPACE "\" xmlns:viz=\"" ENT_GEXF_NAMESPACE "\" version=\"1.3\">\n");
  g_string_append (out, "  <meta>\n    <creator>Entente</creator>\n  </meta>\n");
  g_string_append_printf (out, "  <graph defaultedgetype=\"%s\" mode=\"%s\"%s>\n",
                          self.all_undirected ? "undirected" : "directed", self.times ? "dynamic" : "static",
                          self.times ? " timeformat=\"date\"" : "");
  append_attributes (&self, 0);
  append_attributes (&self, 1);

  g_string_append (out, "  <nodes>\n");
  for (guint i = 0; i < graph->entities->len; i++)
    {
      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      append_node (&self, g_ptr_array_index (graph->entities, i));
    }
  g_string_append (out, "  </nodes>\n  <edges>\n");
  for (guint i = 0; i < graph->relations->len; i++)
    {
      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      append_edge (&self, g_ptr_array_index (graph->relations, i));
    }
  g_string_append (out, "  </edges>\n  </graph>\n</gexf>\n");

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}

/**
 * ent_gexf_write:
 * @graph: a network
 * @layouts: (nullable) (element-type EntImportLayout): its stored layouts
 * @path: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @graph to @path as GEXF 1.3: each entity a node with its kind (as
 * the CSV export names it), description, role and properties as typed
 * attributes, its kind's colour as viz:color and its place in the layout
 * the network opens with as viz:position; each relation an edge with its kind, label, direction,
 * quotes (their texts) and properties. Full dates are GEXF times, others
 * attributes. The file is written beside @path and renamed into place, so
 * a failed or cancelled write leaves what was there.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ent_gexf_write (EntGraph      *graph,
                GPtrArray     *layouts,
                const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  return write_version (graph, layouts, path, FALSE, cancellable, error);
}

/**
 * ent_gexf_write_1_2:
 * @graph: a network
 * @layouts: (nullable) (element-type EntImportLayout): its stored layouts
 * @path: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Writes @graph as ent_gexf_write() does, in GEXF 1.2's namespaces, for the
 * programs that read no newer GEXF.
 *
 * Returns: %TRUE when the file is written
 */
gboolean
ent_gexf_write_1_2 (EntGraph      *graph,
                    GPtrArray     *layouts,
                    const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return write_version (graph, layouts, path, TRUE, cancellable, error);
}
