/* ent-json-read.c: reading a network in Entente's own JSON format
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-json"

#include "config.h"

#include "ent-json.h"
#include "ent-json-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* How often, in items, the reader tells its progress and looks whether it is cancelled. */
#define ITEMS_PER_CHECK 1024

/* The parts of the read: the look over the bytes and json-glib's parse, then the items. */
#define SCANNED 0.05
#define PARSED  0.7

typedef struct
{
  EntImport             *import;
  EntJsonScan            scan;
  GCancellable          *cancellable;
  EntImportProgressFunc  progress;
  gpointer               user_data;
  guint                  done;
  guint                  total;
  /* EntSource → the number of characters of its body, for the quotes' offsets */
  GHashTable            *body_lengths;
  GError                *error;
} Reader;

typedef gboolean (*ReadItemFunc) (Reader      *self,
                                  EntJsonItem *item,
                                  JsonObject  *object);

static void
report (Reader *self,
        double  fraction)
{
  if (self->progress != NULL)
    self->progress (fraction, self->user_data);
}

static GPtrArray *
new_property_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
}

/* "#rrggbb" in lower case, as the kinds table stores colours. */
static gboolean
is_color (const char *color)
{
  return color != NULL && color[0] == '#' && strlen (color) == 7 && strspn (color + 1, "0123456789abcdef") == 6;
}

/* Reads the id of @item, which names the item from then on. */
static gboolean
read_id (EntJsonItem     *item,
         JsonObject      *object,
         EntJsonItemType  type,
         gint64          *id)
{
  if (!_ent_json_get_int (item, object, "id", TRUE, id))
    return FALSE;

  item->type = type;
  item->id = *id;
  return TRUE;
}

/* Whether @item is the first with its id or key; a second one is left out. */
static gboolean
is_first (EntJsonItem *item,
          gboolean     taken)
{
  if (taken)
    _ent_json_problem (item, _("It is listed twice"));
  return !taken;
}

static gboolean
read_kind (Reader      *self,
           EntJsonItem *item,
           JsonObject  *object)
{
  g_autoptr(EntKindInfo) kind = g_new0 (EntKindInfo, 1);

  if (!_ent_json_get_text (item, object, "key", TRUE, ENT_JSON_KEY_LENGTH, &kind->key))
    return FALSE;

  item->type = ENT_JSON_ITEM_KIND;
  item->key = kind->key;
  if (!is_first (item, ent_graph_get_kind (self->import->graph, kind->key) != NULL) ||
      !_ent_json_get_text (item, object, "label", TRUE, ENT_JSON_NAME_LENGTH, &kind->label) ||
      !_ent_json_get_text (item, object, "shape", TRUE, ENT_JSON_KEY_LENGTH, &kind->shape) ||
      !_ent_json_get_text (item, object, "glyph", TRUE, ENT_JSON_KEY_LENGTH, &kind->glyph) ||
      !_ent_json_get_text (item, object, "color", TRUE, ENT_JSON_KEY_LENGTH, &kind->color) ||
      !_ent_json_get_text (item, object, "dark_color", FALSE, ENT_JSON_KEY_LENGTH, &kind->dark_color))
    return FALSE;

  if (!is_color (kind->color) || (kind->dark_color != NULL && !is_color (kind->dark_color)))
    {
      _ent_json_problem (item, _("Its colours are not written as #rrggbb"));
      return FALSE;
    }

  ent_graph_take_kind (self->import->graph, g_steal_pointer (&kind));
  return TRUE;
}

static gboolean
read_source (Reader      *self,
             EntJsonItem *item,
             JsonObject  *object)
{
  g_autoptr(EntSource) source = g_new0 (EntSource, 1);

  if (!read_id (item, object, ENT_JSON_ITEM_SOURCE, &source->id) ||
      !is_first (item, ent_graph_get_source (self->import->graph, source->id) != NULL) ||
      !_ent_json_get_text (item, object, "title", TRUE, ENT_JSON_NAME_LENGTH, &source->title) ||
      !_ent_json_get_text (item, object, "publisher", FALSE, ENT_JSON_NAME_LENGTH, &source->publisher) ||
      !_ent_json_get_text (item, object, "url", FALSE, ENT_JSON_NAME_LENGTH, &source->url) ||
      !_ent_json_get_date (item, object, "published", &source->published) ||
      !_ent_json_get_text (item, object, "body", FALSE, ENT_JSON_TEXT_LENGTH, &source->body))
    return FALSE;

  if (source->body == NULL)
    source->body = g_strdup ("");
  g_hash_table_insert (self->body_lengths, source, GSIZE_TO_POINTER (g_utf8_strlen (source->body, -1)));
  ent_graph_take_source (self->import->graph, g_steal_pointer (&source));
  return TRUE;
}

/* A reference in @member to another item, @other when it was read, or %NULL with the problem noted. */
static gpointer
resolve (EntJsonItem *item,
         const char  *member,
         gint64       id,
         gpointer     other)
{
  if (other == NULL)
    {
      char text[24];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, id);
      /* Translators: the name of a member of the file, then the id it gives */
      _ent_json_problem (item, _("“%s” refers to %s, which is missing or was skipped"), member, text);
    }
  return other;
}

static gboolean
read_quote (Reader      *self,
            EntJsonItem *item,
            JsonObject  *object)
{
  g_autoptr(EntQuote) quote = g_new0 (EntQuote, 1);
  EntSource *source;
  gsize body_length;
  const char *start;
  const char *end;

  if (!read_id (item, object, ENT_JSON_ITEM_QUOTE, &quote->id) ||
      !is_first (item, ent_graph_get_quote (self->import->graph, quote->id) != NULL) ||
      !_ent_json_get_int (item, object, "source", TRUE, &quote->source_id) ||
      (source = resolve (item, "source", quote->source_id,
                         ent_graph_get_source (self->import->graph, quote->source_id))) == NULL ||
      !_ent_json_get_int (item, object, "start", FALSE, &quote->start) ||
      !_ent_json_get_int (item, object, "end", FALSE, &quote->end) ||
      !_ent_json_get_text (item, object, "text", TRUE, ENT_JSON_TEXT_LENGTH, &quote->text))
    return FALSE;

  body_length = GPOINTER_TO_SIZE (g_hash_table_lookup (self->body_lengths, source));
  if (quote->start < 0 || quote->end <= quote->start || (guint64) quote->end > body_length)
    {
      _ent_json_problem (item, _("Its offsets are not a passage of its source"));
      return FALSE;
    }

  start = g_utf8_offset_to_pointer (source->body, quote->start);
  end = g_utf8_offset_to_pointer (start, quote->end - quote->start);
  if ((gsize) (end - start) != strlen (quote->text) || memcmp (start, quote->text, end - start) != 0)
    {
      _ent_json_problem (item, _("Its text is not its source's passage at its offsets"));
      return FALSE;
    }

  ent_graph_take_quote (self->import->graph, g_steal_pointer (&quote));
  return TRUE;
}

/* The quotes that back an entity or relation; ones that are not in the import are left out. */
static gboolean
read_evidence (Reader       *self,
               EntJsonItem  *item,
               JsonObject   *object,
               GArray      **quote_ids)
{
  JsonArray *array;
  guint n;

  if (!_ent_json_get_array (item, object, "quotes", &array))
    return FALSE;

  n = array != NULL ? json_array_get_length (array) : 0;
  *quote_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 id = _ent_json_is_id (node) ? json_node_get_int (node) : 0;
      gboolean listed = FALSE;

      if (id == 0 || ent_graph_get_quote (self->import->graph, id) == NULL)
        {
          _ent_json_problem (item, _("Quote %u of its list is missing or was skipped"), i + 1);
          continue;
        }

      /* Listing a quote twice says no more than listing it once. */
      for (guint j = 0; j < (*quote_ids)->len && !listed; j++)
        listed = g_array_index (*quote_ids, gint64, j) == id;
      if (!listed)
        g_array_append_val (*quote_ids, id);
    }
  return TRUE;
}

/* The whole of @value is a finite number in the C locale, as the store takes numbers. */
static gboolean
is_number (const char *value)
{
  char *end = NULL;
  double number = 0;

  if (g_ascii_isspace (value[0]) || value[0] == '\0')
    return FALSE;
  number = g_ascii_strtod (value, &end);
  return end != value && *end == '\0' && isfinite (number);
}

static gboolean
is_of_type (const char      *value,
            EntPropertyType  type)
{
  switch (type)
    {
    case ENT_PROPERTY_NUMBER:
      return is_number (value);
    case ENT_PROPERTY_BOOLEAN:
      return g_str_equal (value, "true") || g_str_equal (value, "false");
    case ENT_PROPERTY_DATE:
      return ent_date_is_valid (value);
    case ENT_PROPERTY_STRING:
    default:
      return TRUE;
    }
}

static gboolean
has_property (GPtrArray  *properties,
              const char *key)
{
  for (guint i = 0; i < properties->len; i++)
    if (g_str_equal (((EntProperty *) g_ptr_array_index (properties, i))->key, key))
      return TRUE;
  return FALSE;
}

/* One property; one that is not as it must be is left out, and its owner stays. */
static void
read_property (EntJsonItem *owner,
               JsonNode    *node,
               guint        index,
               GPtrArray   *properties)
{
  g_autoptr(EntProperty) property = g_new0 (EntProperty, 1);
  g_autofree char *type = NULL;
  EntJsonItem item = *owner;

  item.type = ENT_JSON_ITEM_PROPERTY;
  item.parent = owner;
  item.key = "";
  item.line = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _ent_json_problem (owner, _("Property %u of its list is not an object"), index + 1);
      return;
    }

  if (!_ent_json_get_text (&item, json_node_get_object (node), "key", TRUE, ENT_JSON_KEY_LENGTH, &property->key))
    return;
  item.key = property->key;

  if (!_ent_json_get_text (&item, json_node_get_object (node), "type", TRUE, ENT_JSON_KEY_LENGTH, &type) ||
      !_ent_json_get_text (&item, json_node_get_object (node), "value", FALSE, ENT_JSON_NAME_LENGTH,
                           &property->value))
    return;

  if (!ent_property_type_from_string (type, &property->type))
    {
      _ent_json_problem (&item, _("“type” is not “string”, “number”, “boolean” or “date”"));
      return;
    }
  if (property->value == NULL || !is_of_type (property->value, property->type))
    {
      _ent_json_problem (&item, _("“value” is not of the type “%s”"), type);
      return;
    }
  if (!is_first (&item, has_property (properties, property->key)))
    return;

  g_ptr_array_add (properties, g_steal_pointer (&property));
}

static gboolean
read_properties (EntJsonItem  *item,
                 JsonObject   *object,
                 GPtrArray   **properties)
{
  JsonArray *array;
  guint n;

  if (!_ent_json_get_array (item, object, "properties", &array))
    return FALSE;

  *properties = new_property_array ();
  n = array != NULL ? json_array_get_length (array) : 0;
  for (guint i = 0; i < n && *item->error == NULL; i++)
    read_property (item, json_array_get_element (array, i), i, *properties);
  return *item->error == NULL;
}

/* The kind of @entity: a built-in one, one of the file's, or, for a key the file does not list, one made for it. */
static void
set_kind (Reader      *self,
          EntJsonItem *item,
          EntEntity   *entity,
          const char  *key)
{
  if (ent_kind_from_string (key, &entity->kind))
    return;

  if (ent_graph_get_kind (self->import->graph, key) != NULL)
    {
      entity->kind = ENT_KIND_ORGANISATION;
      entity->kind_key = g_strdup (key);
      return;
    }

  _ent_json_problem (item, _("Its kind “%s” is not among the file's kinds"), key);
  ent_import_set_kind (self->import, entity, key);
}

static gboolean
read_entity (Reader      *self,
             EntJsonItem *item,
             JsonObject  *object)
{
  g_autoptr(EntEntity) entity = g_new0 (EntEntity, 1);
  g_autofree char *kind = NULL;

  if (!read_id (item, object, ENT_JSON_ITEM_ENTITY, &entity->id) ||
      !is_first (item, ent_graph_get_entity (self->import->graph, entity->id) != NULL) ||
      !_ent_json_get_text (item, object, "kind", TRUE, ENT_JSON_KEY_LENGTH, &kind) ||
      !_ent_json_get_text (item, object, "name", TRUE, ENT_JSON_NAME_LENGTH, &entity->name) ||
      !_ent_json_get_text (item, object, "role", FALSE, ENT_JSON_NAME_LENGTH, &entity->role) ||
      !_ent_json_get_text (item, object, "description", FALSE, ENT_JSON_TEXT_LENGTH, &entity->description) ||
      !_ent_json_get_date (item, object, "start_date", &entity->start_date) ||
      !_ent_json_get_date (item, object, "end_date", &entity->end_date) ||
      !read_evidence (self, item, object, &entity->quote_ids) ||
      !read_properties (item, object, &entity->properties))
    return FALSE;

  set_kind (self, item, entity, kind);
  ent_graph_take_entity (self->import->graph, g_steal_pointer (&entity));
  return TRUE;
}

static gboolean
read_relation (Reader      *self,
               EntJsonItem *item,
               JsonObject  *object)
{
  g_autoptr(EntRelation) relation = g_new0 (EntRelation, 1);
  EntGraph *graph = self->import->graph;

  if (!read_id (item, object, ENT_JSON_ITEM_RELATION, &relation->id) ||
      !is_first (item, ent_graph_get_relation (graph, relation->id) != NULL) ||
      !_ent_json_get_text (item, object, "kind", TRUE, ENT_JSON_NAME_LENGTH, &relation->kind) ||
      !_ent_json_get_int (item, object, "from", TRUE, &relation->from_id) ||
      resolve (item, "from", relation->from_id, ent_graph_get_entity (graph, relation->from_id)) == NULL ||
      !_ent_json_get_int (item, object, "to", TRUE, &relation->to_id) ||
      resolve (item, "to", relation->to_id, ent_graph_get_entity (graph, relation->to_id)) == NULL ||
      !_ent_json_get_text (item, object, "label", FALSE, ENT_JSON_NAME_LENGTH, &relation->label) ||
      !_ent_json_get_boolean (item, object, "directed", TRUE, &relation->directed) ||
      !_ent_json_get_date (item, object, "start_date", &relation->start_date) ||
      !_ent_json_get_date (item, object, "end_date", &relation->end_date) ||
      !read_evidence (self, item, object, &relation->quote_ids) ||
      !read_properties (item, object, &relation->properties))
    return FALSE;

  ent_graph_take_relation (self->import->graph, g_steal_pointer (&relation));
  return TRUE;
}

/* One position of a layout; one that is not as it must be is left out. */
static void
read_position (Reader      *self,
               EntJsonItem *layout,
               JsonNode    *node,
               guint        index,
               GArray      *positions,
               GHashTable  *placed)
{
  EntJsonItem item = *layout;
  EntPosition position = { 0, };
  EntEntity *entity;
  JsonObject *object;

  item.type = ENT_JSON_ITEM_POSITION;
  item.parent = layout;
  item.index = index;
  item.line = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _ent_json_problem (&item, _("It is not an object"));
      return;
    }

  object = json_node_get_object (node);
  if (!_ent_json_get_int (&item, object, "entity", TRUE, &position.entity_id) ||
      (entity = resolve (&item, "entity", position.entity_id,
                         ent_graph_get_entity (self->import->graph, position.entity_id))) == NULL ||
      !_ent_json_get_double (&item, object, "x", &position.x) ||
      !_ent_json_get_double (&item, object, "y", &position.y) ||
      !_ent_json_get_boolean (&item, object, "pinned", FALSE, &position.pinned))
    return;

  if (!is_first (&item, !g_hash_table_add (placed, entity)))
    return;

  g_array_append_val (positions, position);
}

static gboolean
read_layout (Reader      *self,
             EntJsonItem *item,
             JsonObject  *object)
{
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);
  g_autofree char *engine = NULL;
  JsonArray *array;
  GArray *positions;

  if (!_ent_json_get_text (item, object, "engine", TRUE, ENT_JSON_KEY_LENGTH, &engine))
    return FALSE;

  item->type = ENT_JSON_ITEM_LAYOUT;
  item->key = engine;
  for (guint i = 0; i < self->import->layouts->len; i++)
    if (!is_first (item, g_str_equal (((EntImportLayout *) g_ptr_array_index (self->import->layouts, i))->engine,
                                      engine)))
      return FALSE;

  if (!_ent_json_get_array (item, object, "positions", &array))
    return FALSE;

  positions = ent_import_add_layout (self->import, engine);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    read_position (self, item, json_array_get_element (array, i), i, positions, placed);
  item->key = NULL;
  return TRUE;
}

/* Reads each item of the root's array @table with @read_item; an item that is not as it must be is left out. */
static gboolean
read_table (Reader       *self,
            JsonObject   *root,
            const char   *table,
            ReadItemFunc  read_item)
{
  JsonNode *node = json_object_get_member (root, table);
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      EntJsonItem item = {
        .type = ENT_JSON_ITEM_ANY,
        .table = table,
        .index = i,
        .line = _ent_json_scan_line (&self->scan, table, i),
        .import = self->import,
        .error = &self->error,
      };

      if (++self->done % ITEMS_PER_CHECK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, &self->error))
            return FALSE;
          report (self, PARSED + (1 - PARSED) * self->done / self->total);
        }

      if (!JSON_NODE_HOLDS_OBJECT (element))
        _ent_json_problem (&item, _("It is not an object"));
      else
        read_item (self, &item, json_node_get_object (element));

      if (self->error != NULL)
        return FALSE;
    }

  return TRUE;
}

static const struct {
  const char   *name;
  ReadItemFunc  read_item;
} tables[] = {
  { "kinds", read_kind },
  { "sources", read_source },
  { "quotes", read_quote },
  { "entities", read_entity },
  { "relations", read_relation },
  { "layouts", read_layout },
};

/* Whether @root is our format, of a version this reader knows, with its tables lists. */
static gboolean
check_root (JsonNode  *root,
            GError   **error)
{
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *node;

  if (root == NULL)
    {
      g_set_error_literal (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("The file is empty"));
      return FALSE;
    }

  node = object != NULL ? json_object_get_member (object, "format") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), ENT_JSON_FORMAT) != 0)
    {
      g_set_error_literal (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                           _("The file is JSON, but not an Entente network: its “format” is not “entente-network”"));
      return FALSE;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) != ENT_JSON_VERSION)
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                   _("The network is of a version of the format other than %d, the one this Entente reads"),
                   ENT_JSON_VERSION);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      node = json_object_get_member (object, tables[i].name);
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                       _("The file's “%s” is not a list"), tables[i].name);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * ent_json_read:
 * @path: a file in Entente's JSON format
 * @cancellable: (nullable): a #GCancellable, looked at between items
 * @progress: (nullable) (scope call): called now and then with how much is read
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Reads the network in @path with the file's ids, as
 * data/entente-network.schema.json describes it. An item that is not as it
 * must be is left out, with what depends on it, and listed in the
 * import's problems; a file that is not one of ours, is broken or holds
 * more than Entente reads is an error in %ENT_IMPORT_ERROR, with the line
 * where it broke.
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set
 */
EntImport *
ent_json_read (const char             *path,
               GCancellable           *cancellable,
               EntImportProgressFunc   progress,
               gpointer                user_data,
               GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autoptr(GHashTable) body_lengths = NULL;
  Reader self = { 0, };
  JsonObject *root;
  gboolean ok = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = _ent_json_load (path, &self.scan, SCANNED, PARSED, cancellable, progress, user_data, error);
  if (parser == NULL)
    return NULL;
  if (!check_root (json_parser_get_root (parser), error))
    {
      _ent_json_scan_clear (&self.scan);
      return NULL;
    }

  import = ent_import_new ();
  body_lengths = g_hash_table_new (NULL, NULL);
  root = json_node_get_object (json_parser_get_root (parser));
  self.import = import;
  self.cancellable = cancellable;
  self.progress = progress;
  self.user_data = user_data;
  self.body_lengths = body_lengths;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      JsonNode *node = json_object_get_member (root, tables[i].name);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        self.total += json_array_get_length (json_node_get_array (node));
    }

  for (guint i = 0; i < G_N_ELEMENTS (tables) && ok; i++)
    ok = read_table (&self, root, tables[i].name, tables[i].read_item);

  _ent_json_scan_clear (&self.scan);
  if (!ok)
    {
      g_propagate_error (error, self.error);
      return NULL;
    }

  report (&self, 1.0);
  return g_steal_pointer (&import);
}
