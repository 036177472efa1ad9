/* ent-cytoscape-read.c: reading a network as Cytoscape and Cytoscape.js write it in JSON
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-cytoscape"

#include "config.h"

#include "ent-cytoscape.h"
#include "ent-json-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* How often, in elements, the reader tells its progress and looks whether it is cancelled. */
#define ITEMS_PER_CHECK 1024

/* The parts of the read: the look over the bytes and json-glib's parse, then the elements. */
#define SCANNED 0.05
#define PARSED  0.6

/* The kind of relations whose file gives them none, as the CSV importer has it. */
#define DEFAULT_RELATION_KIND "related-to"

/* The most members of an element's data that can stand for something of Entente's. */
#define MAX_USED 16

/* A compound node's child, and the id of its parent in the file. */
typedef struct
{
  EntEntity *child;
  char      *parent;
} Parent;

typedef struct
{
  EntImport             *import;
  char                  *title;
  GCancellable          *cancellable;
  EntImportProgressFunc  progress;
  gpointer               user_data;
  guint                  done;
  guint                  total;
  GHashTable            *ids;     /* the file's node id → EntEntity */
  EntImportQuotes       *sources; /* made of the quotes that name them */
  EntJsonProperties      properties;
  GArray                *positions;
  GArray                *parents; /* Parent */
  GError                *error;
} Reader;

/* The members of an element's data that were read as something of Entente's rather than as properties. */
typedef struct
{
  const char *members[MAX_USED];
  guint       n;
} Used;

static void
use (Used       *used,
     const char *member)
{
  if (used->n < MAX_USED)
    used->members[used->n++] = member;
}

static gboolean
is_used (const Used *used,
         const char *member)
{
  for (guint i = 0; i < used->n; i++)
    if (g_str_equal (used->members[i], member))
      return TRUE;
  return FALSE;
}

/* An id as the file writes it, text or a whole number, or %NULL. */
static char *
id_text (JsonObject *data,
         const char *member)
{
  JsonNode *node = json_object_get_member (data, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node) != '\0')
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/* Whether @member is text with more than white space in it. */
static gboolean
has_text (JsonObject *data,
          const char *member)
{
  JsonNode *node = json_object_get_member (data, member);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  for (text = json_node_get_string (node); g_ascii_isspace (*text); text++)
    ;
  return *text != '\0';
}

/*
 * The first of @members that is text, read as Entente's @text; the others
 * stay properties. %FALSE when the text is longer than Entente reads, which
 * fails the read.
 */
static gboolean
first_text (EntJsonItem        *item,
            JsonObject         *data,
            const char * const *members,
            gsize               max_length,
            Used               *used,
            char              **text)
{
  *text = NULL;
  for (guint i = 0; members[i] != NULL; i++)
    if (has_text (data, members[i]))
      {
        use (used, members[i]);
        return _ent_json_get_text (item, data, members[i], FALSE, max_length, text);
      }
  return TRUE;
}

/* A date of the element: the first of @members that is one; one that is not stays a property. */
static void
first_date (JsonObject         *data,
            const char * const *members,
            Used               *used,
            char              **date)
{
  *date = NULL;
  for (guint i = 0; members[i] != NULL; i++)
    if (has_text (data, members[i]) && ent_date_is_valid (json_object_get_string_member (data, members[i])))
      {
        use (used, members[i]);
        *date = g_strdup (json_object_get_string_member (data, members[i]));
        return;
      }
}

static void
read_dates (JsonObject  *data,
            Used        *used,
            char       **start,
            char       **end)
{
  static const char * const starts[] = { "start_date", "start", NULL };
  static const char * const ends[] = { "end_date", "end", NULL };

  first_date (data, starts, used, start);
  first_date (data, ends, used, end);
  if (*start != NULL && *end != NULL && ent_date_is_before (*end, *start))
    {
      g_clear_pointer (start, g_free);
      g_clear_pointer (end, g_free);
      used->n -= 2;
    }
}

/* Whether @node is a list of texts, each no longer than a quote may be. */
static gboolean
is_text_list (JsonNode *node)
{
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          strlen (json_node_get_string (element)) > ENT_JSON_TEXT_LENGTH)
        return FALSE;
    }
  return array != NULL;
}

/*
 * The quotes Entente writes: "quotes", a list of their texts, and
 * "quote_sources", the titles of their sources in the same order. As the
 * CSV importer does, each source is made of the quotes that name it, a
 * blank line between two; a quote without a title is the file's.
 */
static void
read_quotes (Reader     *self,
             JsonObject *data,
             Used       *used,
             GArray     *quote_ids)
{
  JsonNode *texts = json_object_get_member (data, "quotes");
  JsonNode *titles = json_object_get_member (data, "quote_sources");
  guint n_titles;

  if (!is_text_list (texts))
    return;
  use (used, "quotes");
  if (is_text_list (titles))
    use (used, "quote_sources");
  else
    titles = NULL;

  n_titles = titles != NULL ? json_array_get_length (json_node_get_array (titles)) : 0;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (texts)); i++)
    {
      const char *text = json_array_get_string_element (json_node_get_array (texts), i);
      const char *title = i < n_titles ? json_array_get_string_element (json_node_get_array (titles), i) : "";
      gint64 id;
      gboolean known = FALSE;

      if (*text == '\0')
        continue;
      id = ent_import_quotes_add (self->sources, *title != '\0' ? title : self->title, text);
      for (guint k = 0; k < quote_ids->len && !known; k++)
        known = g_array_index (quote_ids, gint64, k) == id;
      if (!known)
        g_array_append_val (quote_ids, id);
    }
}

/* Every member of @data that was not read as something of Entente's, as a property, and the element's classes. */
static GPtrArray *
read_properties (Reader      *self,
                 EntJsonItem *item,
                 JsonObject  *element,
                 JsonObject  *data,
                 const Used  *used)
{
  GPtrArray *properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  g_autofree char *owner = _ent_json_item_name (item);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, data);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    if (!is_used (used, member))
      _ent_json_properties_add (&self->properties, item->line, owner, properties, member, node);

  /* Cytoscape's classes are the element's style classes, which say what it is as much as its data does. */
  node = json_object_get_member (element, "classes");
  if (node != NULL)
    _ent_json_properties_add (&self->properties, item->line, owner, properties, "classes", node);
  return properties;
}

/* The element's "data", which holds everything but its position and classes. */
static JsonObject *
element_data (EntJsonItem *item,
              JsonObject  *element)
{
  JsonNode *node = json_object_get_member (element, "data");

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      _ent_json_problem (item, _("It has no “data”"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* The node's "position", outside its data, in Cytoscape's coordinates, whose y grows downwards as ours does. */
static void
read_position (Reader     *self,
               JsonObject *element,
               EntEntity  *entity)
{
  JsonNode *node = json_object_get_member (element, "position");
  EntPosition position = { .entity_id = entity->id };
  JsonObject *object;
  JsonNode *x, *y;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  x = json_object_get_member (object, "x");
  y = json_object_get_member (object, "y");
  if (x == NULL || y == NULL || !JSON_NODE_HOLDS_VALUE (x) || !JSON_NODE_HOLDS_VALUE (y) ||
      json_node_get_value_type (x) == G_TYPE_STRING || json_node_get_value_type (y) == G_TYPE_STRING)
    return;

  position.x = json_node_get_double (x);
  position.y = json_node_get_double (y);
  if (isfinite (position.x) && isfinite (position.y))
    g_array_append_val (self->positions, position);
}

static void
read_node (Reader      *self,
           EntJsonItem *item,
           JsonObject  *element)
{
  static const char * const names[] = { "name", "label", NULL };
  static const char * const kinds[] = { "kind", "type", "category", NULL };
  static const char * const roles[] = { "role", NULL };
  static const char * const descriptions[] = { "description", NULL };
  JsonObject *data = element_data (item, element);
  g_autoptr(EntEntity) entity = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind = NULL;
  Used used = { { "id" }, 1 };

  if (data == NULL)
    return;
  id = id_text (data, "id");
  if (id == NULL)
    {
      _ent_json_problem (item, _("Its “data” has no “id”"));
      return;
    }
  if (g_hash_table_contains (self->ids, id))
    {
      _ent_json_problem (item, _("Its id “%s” is that of an earlier node"), id);
      return;
    }

  entity = g_new0 (EntEntity, 1);
  entity->id = self->import->graph->entities->len + 1;
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!first_text (item, data, names, ENT_JSON_NAME_LENGTH, &used, &entity->name) ||
      !first_text (item, data, kinds, ENT_JSON_NAME_LENGTH, &used, &kind) ||
      !first_text (item, data, roles, ENT_JSON_NAME_LENGTH, &used, &entity->role) ||
      !first_text (item, data, descriptions, ENT_JSON_TEXT_LENGTH, &used, &entity->description))
    return;

  /* Without a name or label, a field whose name says it is one, as a station_name or gene_name, else the id. */
  if (entity->name == NULL)
    {
      JsonObjectIter iter;
      const char *member;
      JsonNode *node;

      json_object_iter_init_ordered (&iter, data);
      while (entity->name == NULL && json_object_iter_next_ordered (&iter, &member, &node))
        if (g_str_has_suffix (member, "name") && has_text (data, member))
          {
            use (&used, member);
            if (!_ent_json_get_text (item, data, member, FALSE, ENT_JSON_NAME_LENGTH, &entity->name))
              return;
          }
    }
  if (entity->name == NULL)
    entity->name = g_strdup (id);

  /* A compound node's parent becomes a relation once every node is read, as it may come later. */
  if (json_object_has_member (data, "parent"))
    {
      Parent parent = { NULL, id_text (data, "parent") };

      if (parent.parent != NULL)
        {
          use (&used, "parent");
          parent.child = entity;
          g_array_append_val (self->parents, parent);
        }
    }

  /* The key the kinds come from, for the person to choose another in the assistant. */
  for (guint i = 0; kind != NULL && self->import->type_key == NULL && kinds[i] != NULL; i++)
    if (has_text (data, kinds[i]))
      self->import->type_key = g_strdup (kinds[i]);
  ent_import_set_kind (self->import, entity, kind);
  read_dates (data, &used, &entity->start_date, &entity->end_date);
  read_quotes (self, data, &used, entity->quote_ids);
  entity->properties = read_properties (self, item, element, data, &used);
  read_position (self, element, entity);
  g_hash_table_insert (self->ids, g_steal_pointer (&id), entity);
  ent_graph_take_entity (self->import->graph, g_steal_pointer (&entity));
}

/* The node an edge's @member names, or %NULL with the problem noted. */
static EntEntity *
find_end (Reader      *self,
          EntJsonItem *item,
          JsonObject  *data,
          const char  *member)
{
  g_autofree char *id = id_text (data, member);
  EntEntity *entity = id != NULL ? g_hash_table_lookup (self->ids, id) : NULL;

  if (id == NULL)
    _ent_json_problem (item, _("Its “data” has no “%s”"), member);
  else if (entity == NULL)
    /* Translators: the name of a member of the file, then the id it gives */
    _ent_json_problem (item, _("“%s” refers to “%s”, which is not a node of the file"), member, id);
  return entity;
}

static void
read_edge (Reader      *self,
           EntJsonItem *item,
           JsonObject  *element)
{
  static const char * const kinds[] = { "interaction", "kind", "type", "category", NULL };
  static const char * const labels[] = { "label", "name", NULL };
  JsonObject *data = element_data (item, element);
  g_autoptr(EntRelation) relation = NULL;
  JsonNode *directed;
  EntEntity *from, *to;
  /* An edge's id is made up anew, as Entente numbers its relations; many files have none. */
  Used used = { { "id", "source", "target" }, 3 };

  if (data == NULL || (from = find_end (self, item, data, "source")) == NULL ||
      (to = find_end (self, item, data, "target")) == NULL)
    return;

  relation = g_new0 (EntRelation, 1);
  relation->id = self->import->graph->relations->len + 1;
  relation->from_id = from->id;
  relation->to_id = to->id;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!first_text (item, data, kinds, ENT_JSON_NAME_LENGTH, &used, &relation->kind) ||
      !first_text (item, data, labels, ENT_JSON_NAME_LENGTH, &used, &relation->label))
    return;
  if (relation->kind == NULL)
    relation->kind = g_strdup (DEFAULT_RELATION_KIND);

  /* Cytoscape's edges have a source and a target but no direction: Entente writes its own in "directed". */
  directed = json_object_get_member (data, "directed");
  relation->directed = TRUE;
  if (directed != NULL && JSON_NODE_HOLDS_VALUE (directed) && json_node_get_value_type (directed) == G_TYPE_BOOLEAN)
    {
      use (&used, "directed");
      relation->directed = json_node_get_boolean (directed);
    }

  read_dates (data, &used, &relation->start_date, &relation->end_date);
  read_quotes (self, data, &used, relation->quote_ids);
  relation->properties = read_properties (self, item, element, data, &used);
  ent_graph_take_relation (self->import->graph, g_steal_pointer (&relation));
}

/*
 * A compound node's parent as a relation "parent" from the child to it: a
 * property would hold an id of the file that Entente does not keep, where
 * a relation shows which node holds which, and keeps it when the network
 * is written again.
 */
static void
add_parents (Reader *self)
{
  for (guint i = 0; i < self->parents->len; i++)
    {
      Parent *parent = &g_array_index (self->parents, Parent, i);
      EntEntity *entity = g_hash_table_lookup (self->ids, parent->parent);
      EntRelation *relation;

      if (entity == NULL)
        {
          ent_import_add_problem (self->import, 0, _("Node “%s”: its parent “%s” is not a node of the file"),
                                  parent->child->name, parent->parent);
          continue;
        }
      relation = g_new0 (EntRelation, 1);
      relation->id = self->import->graph->relations->len + 1;
      relation->kind = g_strdup ("parent");
      relation->from_id = parent->child->id;
      relation->to_id = entity->id;
      relation->directed = TRUE;
      relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      relation->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
      ent_graph_take_relation (self->import->graph, relation);
    }
}

typedef void (*ReadElementFunc) (Reader      *self,
                                 EntJsonItem *item,
                                 JsonObject  *element);

/* Whether an element of a flat list is an edge: its group says so, or, without one, its data has both ends. */
static gboolean
is_edge (JsonObject *element)
{
  JsonNode *data = json_object_get_member (element, "data");
  JsonNode *group = json_object_get_member (element, "group");

  if (group != NULL && JSON_NODE_HOLDS_VALUE (group) && json_node_get_value_type (group) == G_TYPE_STRING)
    return g_str_equal (json_node_get_string (group), "edges");
  return data != NULL && JSON_NODE_HOLDS_OBJECT (data) &&
         json_object_has_member (json_node_get_object (data), "source") &&
         json_object_has_member (json_node_get_object (data), "target");
}

/*
 * Reads the elements of @array named @table with @read_element: all of
 * them, or in a flat list of nodes and edges, those that are edges when
 * @edges, else the nodes.
 */
static gboolean
read_elements (Reader          *self,
               JsonArray       *array,
               const char      *table,
               gboolean         flat,
               gboolean         edges,
               ReadElementFunc  read_element)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      EntJsonItem item = {
        .type = ENT_JSON_ITEM_ANY,
        .table = table,
        .index = i,
        .import = self->import,
        .error = &self->error,
      };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          if (!edges || !flat)
            _ent_json_problem (&item, _("It is not an object"));
          continue;
        }
      if (flat && is_edge (json_node_get_object (node)) != edges)
        continue;

      if (++self->done % ITEMS_PER_CHECK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, &self->error))
            return FALSE;
          if (self->progress != NULL)
            self->progress (PARSED + (1 - PARSED) * self->done / MAX (self->total, 1), self->user_data);
        }
      read_element (self, &item, json_node_get_object (node));
      if (self->error != NULL)
        return FALSE;
    }
  return TRUE;
}

/* A member of @object that is a list, or %NULL. */
static JsonArray *
get_list (JsonObject *object,
          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/*
 * Finds the elements in the three shapes Cytoscape's files have: its
 * desktop export and Cytoscape.js's json() ({"elements": {"nodes": […],
 * "edges": […]}}, with or without the network's data beside them), or a
 * flat list of elements, as the root or as "elements".
 */
static gboolean
find_elements (JsonNode   *root,
               JsonArray **nodes,
               JsonArray **edges,
               JsonArray **flat,
               GError    **error)
{
  JsonNode *elements = NULL;

  *nodes = *edges = *flat = NULL;
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    elements = root;
  else if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    elements = json_object_get_member (json_node_get_object (root), "elements");

  if (elements != NULL && JSON_NODE_HOLDS_ARRAY (elements))
    *flat = json_node_get_array (elements);
  else if (elements != NULL && JSON_NODE_HOLDS_OBJECT (elements))
    {
      *nodes = get_list (json_node_get_object (elements), "nodes");
      *edges = get_list (json_node_get_object (elements), "edges");
    }
  else
    {
      g_set_error_literal (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                           root == NULL ? _("The file is empty")
                                        : _("The file is JSON, but not a Cytoscape network: it has no “elements”"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_root (Reader    *self,
           JsonNode  *root,
           GError   **error)
{
  JsonArray *nodes, *edges, *flat;

  if (!find_elements (root, &nodes, &edges, &flat, error))
    return FALSE;

  self->total = flat != NULL ? json_array_get_length (flat)
                             : (nodes != NULL ? json_array_get_length (nodes) : 0) +
                               (edges != NULL ? json_array_get_length (edges) : 0);
  /* Nodes first, as an edge may come before the nodes it joins. */
  if (!(flat != NULL ? read_elements (self, flat, "elements", TRUE, FALSE, read_node) &&
                       read_elements (self, flat, "elements", TRUE, TRUE, read_edge)
                     : read_elements (self, nodes, "nodes", FALSE, FALSE, read_node) &&
                       read_elements (self, edges, "edges", FALSE, TRUE, read_edge)))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  add_parents (self);
  ent_import_add_opening_layout (self->import, self->positions);
  return TRUE;
}

/**
 * ent_cytoscape_read:
 * @path: a Cytoscape or Cytoscape.js JSON file
 * @cancellable: (nullable): a #GCancellable, looked at between elements
 * @progress: (nullable) (scope call): called now and then with how much is read
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Reads the nodes and edges of @path. A node's name is its data's "name" or
 * "label" (else a field whose name ends in "name", else its id), its kind
 * its "kind", "type" or "category", an edge's kind its "interaction" (as
 * Cytoscape names it), "kind", "type" or "category"; every other field of
 * an element's data is a property, lists joined with
 * %ENT_JSON_LIST_SEPARATOR, nulls left out. Positions are a stored layout
 * when every node has one. The network's own data has nowhere to go in
 * Entente and is left out, as are the elements' states (selected, locked).
 * Elements that cannot come in are listed in the import's problems.
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set
 */
EntImport *
ent_cytoscape_read (const char             *path,
                    GCancellable           *cancellable,
                    EntImportProgressFunc   progress,
                    gpointer                user_data,
                    GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(EntImportQuotes) sources = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) parents = NULL;
  EntJsonScan scan;
  Reader self = { 0, };
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Its problems name the element, not the line: the scan's lines are those of the root's arrays. */
  parser = _ent_json_load (path, &scan, SCANNED, PARSED, cancellable, progress, user_data, error);
  _ent_json_scan_clear (&scan);
  if (parser == NULL)
    return NULL;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  parents = g_array_new (FALSE, FALSE, sizeof (Parent));
  self.import = ent_import_new ();
  sources = ent_import_quotes_new (self.import);
  self.title = g_path_get_basename (path);
  self.cancellable = cancellable;
  self.progress = progress;
  self.user_data = user_data;
  self.ids = ids;
  self.sources = sources;
  self.positions = positions;
  self.parents = parents;
  _ent_json_properties_init (&self.properties, self.import, FALSE);

  ok = read_root (&self, json_parser_get_root (parser), error);
  _ent_json_properties_finish (&self.properties);
  for (guint i = 0; i < parents->len; i++)
    g_free (g_array_index (parents, Parent, i).parent);

  /* The sources' bodies are their quotes, complete only now. */
  if (ok)
    ent_import_quotes_finish (sources);
  g_free (self.title);

  if (!ok)
    {
      ent_import_free (self.import);
      return NULL;
    }
  if (progress != NULL)
    progress (1.0, user_data);
  return self.import;
}
