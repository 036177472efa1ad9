/* ent-dot-read.c: DOT files read into an import, parsed by cgraph in a helper process
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-dot"

#include "config.h"

#include "ent-dot.h"
#include "ent-csv.h"
#include "ent-dot-private.h"
#include "ent-dot-protocol.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/*
 * What cgraph read of a file comes from its helper process (see
 * ent-dot-helper.c); what the texts mean (labels, escapes, positions,
 * clusters, roles) is decided here, where it can be tested without Graphviz.
 */

/* Longer than any name a diagram can show, as for the CSV importer. */
#define MAX_NAME_LENGTH 1000

/* The kind of relations whose file gives them none. */
#define DEFAULT_RELATION_KIND "related-to"

/*
 * Attributes a layout writes, which say where Graphviz drew things and
 * nothing about the network: a file that dot wrote (dot -Tdot) has them.
 * "pos" is read as the stored layout instead.
 */
static const char * const drawing_attributes[] = {
  "pos", "bb", "lp", "xlp", "head_lp", "tail_lp", "lwidth", "lheight", "rects",
  "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_", "_background", NULL
};

/* What the property of one attribute name has been so far: the types its values fit and its properties. */
typedef struct
{
  guint      types;
  GPtrArray *properties; /* EntProperty, owned by their entities and relations */
} Column;

static void
column_free (Column *column)
{
  g_ptr_array_unref (column->properties);
  g_free (column);
}

typedef struct
{
  EntImport    *import;
  EntDotReply        *reply;
  GHashTable   *columns;  /* attribute name → Column */
  EntEntity   **entities; /* for each node, %NULL where it was skipped */
  GHashTable   *roles;    /* attribute name → EntCsvRole + 1, for nodes or for edges */
} Builder;

/* The value of the attribute @name among @n of them from @first, or %NULL; its index in @index. */
static const char *
attribute (const EntDotReply *reply,
           guint32      first,
           guint32      n,
           const char  *name,
           guint32     *index)
{
  for (guint32 i = first; i < first + n; i++)
    if (strcmp (reply->texts[reply->attributes[i].first], name) == 0)
      {
        if (index != NULL)
          *index = reply->attributes[i].second;
        return reply->texts[reply->attributes[i].second];
      }
  return NULL;
}

/* The text of a label: HTML-like, a record's fields or plain with escapes. */
static char *
label_text (const EntDotReply       *reply,
            guint32            index,
            gboolean           record,
            const EntDotNames *names)
{
  const char *label = reply->texts[index];

  if (reply->html[index])
    return _ent_dot_html_text (label);
  if (record)
    return _ent_dot_record_text (label, names);
  return _ent_dot_escaped_text (label, names);
}

/* What each attribute name stands for, guessed from the names as the CSV importer guesses from headers. */
static GHashTable *
guess_roles (const EntDotReply *reply,
             EntCsvTable  table)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EntCsvMapping) mapping = NULL;
  EntCsvPreview preview = { 0 };
  GHashTable *roles = g_hash_table_new (g_str_hash, g_str_equal);
  gsize n_objects = table == ENT_CSV_NODES ? reply->n_nodes : reply->n_edges;

  for (gsize i = 0; i < n_objects; i++)
    {
      guint32 first = table == ENT_CSV_NODES ? reply->nodes[i].first_attribute : reply->edges[i].first_attribute;
      guint32 n = table == ENT_CSV_NODES ? reply->nodes[i].n_attributes : reply->edges[i].n_attributes;

      for (guint32 k = first; k < first + n; k++)
        {
          char *name = reply->texts[reply->attributes[k].first];

          /* A label is the name, and an id the file's; what else would be guessed from them is not. */
          if (strcmp (name, "label") != 0 && !g_hash_table_contains (seen, name))
            {
              g_hash_table_add (seen, name);
              g_ptr_array_add (names, name);
            }
        }
    }
  g_ptr_array_add (names, NULL);
  preview.headers = (GStrv) names->pdata;
  preview.records = g_ptr_array_new ();
  mapping = ent_csv_guess_mapping (table, &preview);
  g_ptr_array_unref (preview.records);

  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->roles[i] == ENT_CSV_ROLE_KIND || mapping->roles[i] == ENT_CSV_ROLE_START ||
        mapping->roles[i] == ENT_CSV_ROLE_END ||
        (table == ENT_CSV_NODES && (mapping->roles[i] == ENT_CSV_ROLE_DESCRIPTION ||
                                    mapping->roles[i] == ENT_CSV_ROLE_ROLE)))
      g_hash_table_insert (roles, names->pdata[i], GUINT_TO_POINTER (mapping->roles[i] + 1));
  return roles;
}

/* Keeps @value as the property @key of an entity or relation, typed once every value of @key is read. */
static void
add_property (Builder    *self,
              GPtrArray  *properties,
              const char *key,
              const char *value)
{
  Column *column = g_hash_table_lookup (self->columns, key);
  EntProperty *property;

  if (g_utf8_strlen (key, -1) > ENT_PROPERTY_KEY_MAX_LENGTH || g_utf8_strlen (value, -1) > ENT_PROPERTY_VALUE_MAX_LENGTH)
    {
      ent_import_add_problem (self->import, 0, _("The attribute “%.40s…” is longer than Entente keeps and is left out"), key);
      return;
    }
  if (column == NULL)
    {
      column = g_new0 (Column, 1);
      column->types = G_MAXUINT;
      column->properties = g_ptr_array_new ();
      g_hash_table_insert (self->columns, g_strdup (key), column);
    }
  property = g_new0 (EntProperty, 1);
  property->key = g_strdup (key);
  property->value = g_strdup (value);
  column->types &= ent_csv_value_types (value);
  g_ptr_array_add (column->properties, property);
  g_ptr_array_add (properties, property);
}

/* The attributes of a node or an edge that a role takes: its kind, description, role (@roles) and dates. */
static void
read_roles (Builder      *self,
            guint32       first,
            guint32       n,
            const char  **start,
            const char  **end,
            const char  **roles)
{
  for (guint32 i = first; i < first + n; i++)
    {
      const char *key = self->reply->texts[self->reply->attributes[i].first];
      const char *value = self->reply->texts[self->reply->attributes[i].second];
      EntCsvRole role = GPOINTER_TO_UINT (g_hash_table_lookup (self->roles, key));

      if (role == ENT_CSV_ROLE_START + 1 && ent_date_is_valid (value))
        *start = value;
      else if (role == ENT_CSV_ROLE_END + 1 && ent_date_is_valid (value))
        *end = value;
      else if (role == ENT_CSV_ROLE_KIND + 1 || role == ENT_CSV_ROLE_DESCRIPTION + 1 || role == ENT_CSV_ROLE_ROLE + 1)
        roles[role - 1 - ENT_CSV_ROLE_KIND] = value;
    }
}

/* Whether an attribute of @entity only draws it as its kind is drawn, as Entente's own files give it. */
static gboolean
is_kind_look (Builder         *self,
              const EntEntity *entity,
              const char      *key,
              const char      *value)
{
  g_autofree char *look = entity != NULL ? _ent_dot_look_value (self->import->graph, entity, key) : NULL;

  return look != NULL && strcmp (look, value) == 0;
}

/*
 * The attributes of a node (@entity) or an edge that no role took, as
 * properties. A value that names a file (image, shapefile, fontpath) is
 * only text here, never opened.
 */
static GPtrArray *
read_properties (Builder         *self,
                 guint32          first,
                 guint32          n,
                 const char      *start,
                 const char      *end,
                 const EntEntity *entity)
{
  GPtrArray *properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);

  for (guint32 i = first; i < first + n; i++)
    {
      const char *key = self->reply->texts[self->reply->attributes[i].first];
      const char *value = self->reply->texts[self->reply->attributes[i].second];
      EntCsvRole role = GPOINTER_TO_UINT (g_hash_table_lookup (self->roles, key));

      if (strcmp (key, "label") == 0 || g_strv_contains (drawing_attributes, key) ||
          (strcmp (key, "dir") == 0 && strcmp (value, "both") != 0) ||
          role == ENT_CSV_ROLE_KIND + 1 || role == ENT_CSV_ROLE_DESCRIPTION + 1 || role == ENT_CSV_ROLE_ROLE + 1 ||
          value == start || value == end || is_kind_look (self, entity, key, value))
        continue;
      add_property (self, properties, key, value);
    }
  return properties;
}

/*
 * The name of a node: its label's text, or the node's own name where the
 * label is empty. A label too long for a name is the description
 * (@description) instead; %NULL where even the node's name cannot be one.
 */
static char *
node_name (Builder              *self,
           const EntDotWireNode *node,
           char                **description)
{
  const EntDotReply *reply = self->reply;
  const char *name = reply->texts[node->name];
  EntDotNames names = { name, reply->texts[reply->name], NULL, NULL, NULL };
  const char *shape = attribute (reply, node->first_attribute, node->n_attributes, "shape", NULL);
  gboolean record = g_strcmp0 (shape, "record") == 0 || g_strcmp0 (shape, "Mrecord") == 0;
  g_autofree char *text = NULL;
  guint32 label = ENT_DOT_NONE;

  attribute (reply, node->first_attribute, node->n_attributes, "label", &label);
  text = label != ENT_DOT_NONE ? label_text (reply, label, record, &names)
                               : (record ? _ent_dot_record_text ("\\N", &names) : g_strdup (name));
  if (g_utf8_strlen (text, -1) > MAX_NAME_LENGTH)
    {
      ent_import_add_problem (self->import, 0, _("The label of the node “%.40s” is longer than %u characters: "
                                                 "it is kept as the description"), name, MAX_NAME_LENGTH);
      *description = g_steal_pointer (&text);
    }
  if (text != NULL && *text != '\0')
    return g_steal_pointer (&text);
  if (*name == '\0' || g_utf8_strlen (name, -1) > MAX_NAME_LENGTH)
    {
      ent_import_add_problem (self->import, 0, _("The node “%.40s” is skipped: its name is empty or too long"), name);
      g_clear_pointer (description, g_free);
      return NULL;
    }
  return g_strdup (name);
}

/* The "cluster" property of a node: its innermost cluster's label, or its name where it has none. */
static void
read_cluster (Builder              *self,
              const EntDotWireNode *node,
              EntEntity            *entity)
{
  const EntDotReply *reply = self->reply;
  const EntDotWirePair *cluster = &reply->clusters[node->cluster];
  EntDotNames names = { NULL, reply->texts[cluster->first], NULL, NULL, NULL };
  g_autofree char *label = cluster->second != ENT_DOT_NONE ? label_text (reply, cluster->second, FALSE, &names) : NULL;

  add_property (self, entity->properties, "cluster", label != NULL && *label != '\0' ? label : names.graph);
}

static void
read_nodes (Builder *self)
{
  const EntDotReply *reply = self->reply;

  GHashTableIter iter;
  gpointer key, role;

  self->roles = guess_roles (reply, ENT_CSV_NODES);
  /* The attribute the kinds come from, which a person may change for another in the import assistant. */
  g_hash_table_iter_init (&iter, self->roles);
  while (g_hash_table_iter_next (&iter, &key, &role))
    if (GPOINTER_TO_UINT (role) == ENT_CSV_ROLE_KIND + 1)
      self->import->type_key = g_strdup (key);

  for (gsize i = 0; i < reply->n_nodes; i++)
    {
      const EntDotWireNode *node = &reply->nodes[i];
      const char *roles[ENT_CSV_ROLE_ROLE - ENT_CSV_ROLE_KIND + 1] = { NULL };
      const char *start = NULL, *end = NULL;
      char *description = NULL;
      char *name = node_name (self, node, &description);
      EntEntity *entity;

      if (name == NULL)
        continue;
      entity = g_new0 (EntEntity, 1);
      entity->id = self->import->graph->entities->len + 1;
      entity->name = name;
      entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      read_roles (self, node->first_attribute, node->n_attributes, &start, &end, roles);
      ent_import_set_kind (self->import, entity, roles[0]);
      entity->properties = read_properties (self, node->first_attribute, node->n_attributes, start, end, entity);
      entity->description = description != NULL ? description : g_strdup (roles[ENT_CSV_ROLE_DESCRIPTION - ENT_CSV_ROLE_KIND]);
      entity->role = g_strdup (roles[ENT_CSV_ROLE_ROLE - ENT_CSV_ROLE_KIND]);
      entity->start_date = g_strdup (start);
      entity->end_date = g_strdup (end);
      if (node->cluster != ENT_DOT_NONE && attribute (reply, node->first_attribute, node->n_attributes, "cluster", NULL) == NULL)
        read_cluster (self, node, entity);
      ent_graph_take_entity (self->import->graph, entity);
      self->entities[i] = entity;
    }
  g_clear_pointer (&self->roles, g_hash_table_unref);
}

static void
read_edges (Builder *self)
{
  const EntDotReply *reply = self->reply;

  self->roles = guess_roles (reply, ENT_CSV_EDGES);
  for (gsize i = 0; i < reply->n_edges; i++)
    {
      const EntDotWireEdge *edge = &reply->edges[i];
      const char *tail = reply->texts[reply->nodes[edge->tail].name];
      const char *head = reply->texts[reply->nodes[edge->head].name];
      g_autofree char *edge_name = g_strconcat (tail, reply->directed ? "->" : "--", head, NULL);
      EntDotNames names = { NULL, reply->texts[reply->name], edge_name, tail, head };
      const char *dir = attribute (reply, edge->first_attribute, edge->n_attributes, "dir", NULL);
      const char *roles[ENT_CSV_ROLE_ROLE - ENT_CSV_ROLE_KIND + 1] = { NULL };
      const char *start = NULL, *end = NULL;
      EntEntity *from = self->entities[edge->tail], *to = self->entities[edge->head];
      EntRelation *relation;
      guint32 label = ENT_DOT_NONE;

      if (from == NULL || to == NULL)
        {
          ent_import_add_problem (self->import, 0, _("The edge %.40s is skipped: a node it joins was skipped"), edge_name);
          continue;
        }
      relation = g_new0 (EntRelation, 1);
      relation->id = self->import->graph->relations->len + 1;
      relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      read_roles (self, edge->first_attribute, edge->n_attributes, &start, &end, roles);
      relation->properties = read_properties (self, edge->first_attribute, edge->n_attributes, start, end, NULL);
      relation->kind = g_strdup (roles[0] != NULL ? roles[0] : DEFAULT_RELATION_KIND);
      /* dir=back draws the arrow at the tail: the relation goes from the head. */
      relation->directed = g_strcmp0 (dir, "none") != 0 && (reply->directed || dir != NULL);
      relation->from_id = g_strcmp0 (dir, "back") == 0 ? to->id : from->id;
      relation->to_id = g_strcmp0 (dir, "back") == 0 ? from->id : to->id;
      relation->start_date = g_strdup (start);
      relation->end_date = g_strdup (end);
      attribute (reply, edge->first_attribute, edge->n_attributes, "label", &label);
      if (label != ENT_DOT_NONE)
        relation->label = label_text (reply, label, FALSE, &names);
      if (relation->label != NULL && g_utf8_strlen (relation->label, -1) > MAX_NAME_LENGTH)
        {
          ent_import_add_problem (self->import, 0, _("The label of the edge %.40s is longer than %u characters "
                                                     "and is left out"), edge_name, MAX_NAME_LENGTH);
          g_clear_pointer (&relation->label, g_free);
        }
      ent_graph_take_relation (self->import->graph, relation);
    }
  g_clear_pointer (&self->roles, g_hash_table_unref);
}

/* Gives each attribute's properties the type all its values have, written as that type is stored. */
static void
type_properties (Builder *self)
{
  GHashTableIter iter;
  Column *column;

  g_hash_table_iter_init (&iter, self->columns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &column))
    for (guint i = 0; i < column->properties->len; i++)
      {
        EntProperty *property = g_ptr_array_index (column->properties, i);

        property->type = ent_csv_column_type (column->types);
        if (property->type != ENT_PROPERTY_STRING)
          g_strstrip (property->value);
        if (property->type == ENT_PROPERTY_BOOLEAN)
          for (char *c = property->value; *c != '\0'; c++)
            *c = g_ascii_tolower (*c);
      }
}

/* A node's "pos", "x,y" or "x,y!" in points, y growing upwards as in every Graphviz file. */
static gboolean
parse_position (const char *pos,
                double     *x,
                double     *y)
{
  char *end;

  *x = g_ascii_strtod (pos, &end);
  if (end == pos || *end != ',')
    return FALSE;
  pos = end + 1;
  *y = g_ascii_strtod (pos, &end);
  return end != pos && (*end == '\0' || strcmp (end, "!") == 0) && isfinite (*x) && isfinite (*y);
}

/*
 * The nodes' "pos" as a stored layout of the engine the network will be
 * opened with, so that it opens as the file was drawn; only when every
 * entity has one. Graphviz's y grows upwards and Entente's downwards: the
 * positions are flipped.
 */
static void
read_positions (Builder *self)
{
  const EntDotReply *reply = self->reply;
  g_autoptr(GArray) positions = g_array_new (FALSE, TRUE, sizeof (EntPosition));

  for (gsize i = 0; i < reply->n_nodes; i++)
    {
      const char *pos = attribute (reply, reply->nodes[i].first_attribute, reply->nodes[i].n_attributes, "pos", NULL);
      EntPosition position = { 0 };

      if (self->entities[i] == NULL)
        continue;
      if (pos == NULL || !parse_position (pos, &position.x, &position.y))
        return;
      position.entity_id = self->entities[i]->id;
      position.pinned = g_str_has_suffix (pos, "!");
      position.y = -position.y;
      g_array_append_val (positions, position);
    }
  ent_import_add_opening_layout (self->import, positions);
}


/**
 * ent_dot_read:
 * @path: a Graphviz DOT file
 * @cancellable: (nullable): stops the reading, and its helper
 * @progress: (nullable): told how much is read now and then
 * @user_data: for @progress
 * @error: return location for an error
 *
 * Reads the first graph of @path: its nodes as entities, named by their
 * labels, its edges as relations, the attributes set on them as
 * properties, the innermost cluster of each node as its "cluster"
 * property, and the nodes' "pos" as a stored layout when every node has
 * one.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
EntImport *
ent_dot_read (const char             *path,
              GCancellable           *cancellable,
              EntImportProgressFunc   progress,
              gpointer                user_data,
              GError                **error)
{
  Builder self = { 0 };
  g_autofree EntEntity **entities = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autoptr(EntDotReply) reply = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = g_filename_display_basename (path);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (reply = _ent_dot_read_reply (path, base, cancellable, error)) == NULL)
    return NULL;
  if (progress != NULL)
    progress (0.5, user_data);

  import = ent_import_new ();
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) column_free);
  entities = g_new0 (EntEntity *, reply->n_nodes + 1);
  self = (Builder) { import, reply, columns, entities, NULL };
  if (reply->more_graphs > 0)
    ent_import_add_problem (import, 0, g_dngettext (GETTEXT_PACKAGE,
                                                    "The file holds %u more graph after the first, which is not read",
                                                    "The file holds %u more graphs after the first, which are not read",
                                                    reply->more_graphs), reply->more_graphs);

  read_nodes (&self);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  read_edges (&self);
  type_properties (&self);
  read_positions (&self);
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&import);
}
