/* ent-ftm-read.c: reading FollowTheMoney entities, one JSON object a line, into an import
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-ftm"

#include "config.h"

#include "ent-ftm.h"
#include "ent-json-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* How often, in lines, the reader tells its progress and looks whether it is cancelled. */
#define LINES_PER_CHECK 1024

/* The share of the progress that reading the lines takes; the relations after them take the rest. */
#define LINES_READ 0.8

/*
 * The interval schemata that are edges, and the properties that hold their
 * ends, as FollowTheMoney's schema files (the YAML files of followthemoney/schema)
 * declare them in their "edge" sections.
 */
static const struct {
  const char *schema;
  const char *source;
  const char *target;
} edge_schemata[] = {
  { "Associate", "person", "associate" },
  { "Debt", "debtor", "creditor" },
  { "Directorship", "director", "organization" },
  { "Employment", "employee", "employer" },
  { "Family", "person", "relative" },
  { "Membership", "member", "organization" },
  { "Occupancy", "holder", "post" },
  { "Ownership", "owner", "asset" },
  { "Payment", "payer", "beneficiary" },
  { "Representation", "agent", "client" },
  { "Succession", "predecessor", "successor" },
  { "UnknownLink", "subject", "object" },
};

/* Properties of other schemata whose values are the ids of other entities: each becomes a relation. */
static const char * const reference_properties[] = { "addressEntity", "parent", "entity", NULL };

/* The properties an edge's label is taken from, the first there is. */
static const char * const label_properties[] = { "role", "relationship", "purpose", "summary", NULL };

/* A line of the file that is an edge or refers to other entities, resolved once every entity is read. */
typedef struct
{
  JsonNode  *root;
  guint64    line;
  EntEntity *entity; /* %NULL for an edge */
  guint      edge;   /* its index in edge_schemata */
} Pending;

typedef struct
{
  EntImport             *import;
  GCancellable          *cancellable;
  EntImportProgressFunc  progress;
  gpointer               user_data;
  GHashTable            *ids;     /* the file's id → EntEntity */
  GHashTable            *sources; /* url and publisher → EntSource */
  GArray                *pending; /* Pending */
  EntJsonProperties      properties;
  guint                  n_entities;
} Reader;

static void
pending_clear (Pending *pending)
{
  json_node_unref (pending->root);
}

static gboolean
is_one_of (const char         *name,
           const char * const *names)
{
  return g_strv_contains (names, name);
}

/* The object of the entity's properties: "properties", or for files that put them at the top, the entity itself. */
static JsonObject *
properties_of (JsonObject *entity)
{
  JsonNode *node = json_object_get_member (entity, "properties");

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : entity;
}

/*
 * The texts of a property: its values are a list, or in some exports a
 * single value; an entity embedded where its id belongs stands for its id.
 */
static GPtrArray *
values_of (JsonObject *properties,
           const char *name)
{
  JsonNode *node = json_object_get_member (properties, name);
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (node == NULL)
    return values;
  array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; i < (array != NULL ? json_array_get_length (array) : 1); i++)
    {
      JsonNode *value = array != NULL ? json_array_get_element (array, i) : node;

      if (JSON_NODE_HOLDS_OBJECT (value) && json_object_has_member (json_node_get_object (value), "id"))
        value = json_object_get_member (json_node_get_object (value), "id");
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
          *json_node_get_string (value) != '\0')
        g_ptr_array_add (values, g_strdup (json_node_get_string (value)));
    }
  return values;
}

static char *
first_value (JsonObject *properties,
             const char *name)
{
  g_autoptr(GPtrArray) values = values_of (properties, name);

  return values->len > 0 ? g_strdup (g_ptr_array_index (values, 0)) : NULL;
}

/* The date part of an FtM date, which may go on to the time ("2019-03-11T10:00"): the longest the store takes. */
static char *
date_part (const char *value)
{
  static const gsize lengths[] = { 10, 7, 4 };

  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (lengths); i++)
    if (strlen (value) >= lengths[i])
      {
        g_autofree char *date = g_strndup (value, lengths[i]);

        if (ent_date_is_valid (date))
          return g_steal_pointer (&date);
      }
  return NULL;
}

static char *
first_date (JsonObject         *properties,
            const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *value = first_value (properties, names[i]);
      char *date = date_part (value);

      if (date != NULL)
        return date;
    }
  return NULL;
}

/* Reads a record's start and end dates: an interval's startDate and endDate, or a payment's date. */
static void
read_dates (JsonObject  *properties,
            char       **start,
            char       **end)
{
  static const char * const starts[] = { "startDate", "date", NULL };
  static const char * const ends[] = { "endDate", NULL };

  *start = first_date (properties, starts);
  *end = first_date (properties, ends);
  if (*start != NULL && *end != NULL && ent_date_is_before (*end, *start))
    g_clear_pointer (end, g_free);
}

/*
 * The source the entity's provenance names. FollowTheMoney says where an
 * entity comes from, not what the source says of it: the source is listed
 * with its address, publisher and date and an empty body, and no quote is
 * made up for it; the entity keeps the same properties, which say which
 * source is its own.
 */
static void
add_source (Reader     *self,
            JsonObject *properties)
{
  g_autofree char *url = first_value (properties, "sourceUrl");
  g_autofree char *publisher = first_value (properties, "publisher");
  g_autofree char *retrieved = first_value (properties, "retrievedAt");
  g_autofree char *key = NULL;
  EntSource *source;

  if (url == NULL && publisher == NULL)
    return;
  key = g_strdup_printf ("%s\n%s", url != NULL ? url : "", publisher != NULL ? publisher : "");
  if (g_hash_table_contains (self->sources, key) || strlen (key) > ENT_JSON_NAME_LENGTH)
    return;

  source = g_new0 (EntSource, 1);
  source->id = self->import->graph->sources->len + 1;
  source->title = g_strdup (publisher != NULL ? publisher : url);
  source->publisher = g_strdup (publisher);
  source->url = g_strdup (url);
  source->published = date_part (retrieved);
  source->body = g_strdup ("");
  ent_graph_take_source (self->import->graph, source);
  g_hash_table_insert (self->sources, g_steal_pointer (&key), source);
}

/*
 * Every property of the entity but those in @skip and @also (which are read
 * as something else) as a property, multi-valued ones joined with
 * %ENT_JSON_LIST_SEPARATOR.
 */
static GPtrArray *
read_properties (Reader             *self,
                 guint64             line,
                 JsonObject         *entity,
                 const char * const *skip,
                 const char * const *also)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
  g_autofree char *owner = g_strdup_printf (_("Entity “%s”"), json_object_get_string_member (entity, "id"));
  JsonObject *properties = properties_of (entity);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, properties);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    if (!is_one_of (name, skip) && !is_one_of (name, also) &&
        (properties != entity || !is_one_of (name, (const char * const[]) { "id", "schema", NULL })))
      _ent_json_properties_add (&self->properties, line, owner, result, name, node);

  /* What the envelope says beside the properties (caption, datasets, referents, first_seen, …) is kept too. */
  if (properties != entity)
    {
      json_object_iter_init_ordered (&iter, entity);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        if (!is_one_of (name, (const char * const[]) { "id", "schema", "properties", NULL }))
          _ent_json_properties_add (&self->properties, line, owner, result, name, node);
    }
  return result;
}

/* A text of the file longer than Entente reads fails the read, as the other importers do. */
static gboolean
check_length (const char  *text,
              guint64      line,
              gsize        max_length,
              GError     **error)
{
  if (text == NULL || strlen (text) <= max_length || (gsize) g_utf8_strlen (text, -1) <= max_length)
    return TRUE;
  g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
               _("Line %lu: a name is longer than %u characters"), (gulong) line, (guint) max_length);
  return FALSE;
}

/* The entity's name: its first name, else its caption, else another name it has, else its id. */
static char *
entity_name (JsonObject *entity)
{
  static const char * const others[] = { "alias", "previousName", "weakAlias", "full", "title", NULL };
  JsonObject *properties = properties_of (entity);
  char *name = first_value (properties, "name");

  if (name == NULL && json_object_has_member (entity, "caption"))
    name = first_value (entity, "caption");
  for (guint i = 0; name == NULL && others[i] != NULL; i++)
    name = first_value (properties, others[i]);
  return name != NULL ? name : g_strdup (json_object_get_string_member (entity, "id"));
}

/* An entity of a schema that is not an edge; its references to others wait until every entity is read. */
static gboolean
read_thing (Reader      *self,
            JsonNode    *root,
            guint64      line,
            const char  *schema,
            GError     **error)
{
  JsonObject *object = json_node_get_object (root);
  JsonObject *properties = properties_of (object);
  g_autoptr(EntEntity) entity = g_new0 (EntEntity, 1);
  g_autoptr(GPtrArray) names = values_of (properties, "name");
  g_autoptr(GPtrArray) descriptions = values_of (properties, "description");
  Pending pending = { json_node_ref (root), line, NULL, 0 };
  const char *also[3] = { NULL, };
  guint n_also = 0;

  entity->id = self->import->graph->entities->len + 1;
  entity->name = entity_name (object);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (descriptions->len > 0)
    {
      g_ptr_array_add (descriptions, NULL);
      entity->description = g_strjoinv ("\n\n", (char **) descriptions->pdata);
    }
  if (!check_length (entity->name, line, ENT_JSON_NAME_LENGTH, error) ||
      !check_length (entity->description, line, ENT_JSON_TEXT_LENGTH, error))
    {
      json_node_unref (pending.root);
      return FALSE;
    }

  /* FtM's Address is a place; every other schema is a kind of its own where no built-in one has its name. */
  ent_import_set_kind (self->import, entity, g_str_equal (schema, "Address") ? "place" : schema);
  read_dates (properties, &entity->start_date, &entity->end_date);
  /* A single name is the entity's; with more, the whole list is kept as a property too. */
  if (names->len <= 1)
    also[n_also++] = "name";
  if (descriptions->len > 0)
    also[n_also++] = "description";
  entity->properties = read_properties (self, line, object, reference_properties, also);
  add_source (self, properties);

  pending.entity = entity;
  g_array_append_val (self->pending, pending);
  g_hash_table_insert (self->ids, g_strdup (json_object_get_string_member (object, "id")), entity);
  ent_graph_take_entity (self->import->graph, g_steal_pointer (&entity));
  return TRUE;
}

/* The entities the values of @name refer to; a value that is not an entity's id of the file is a problem. */
static GPtrArray *
find_ends (Reader     *self,
           guint64     line,
           JsonObject *properties,
           const char *name)
{
  g_autoptr(GPtrArray) ids = values_of (properties, name);
  GPtrArray *ends = g_ptr_array_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      EntEntity *end = g_hash_table_lookup (self->ids, g_ptr_array_index (ids, i));

      if (end != NULL)
        g_ptr_array_add (ends, end);
      else
        /* Translators: a line of the file, a property, the id it gives */
        ent_import_add_problem (self->import, line, _("Line %lu: “%s” refers to “%s”, which is not in the file"),
                                (gulong) line, name, (const char *) g_ptr_array_index (ids, i));
    }
  return ends;
}

static EntRelation *
new_relation (Reader     *self,
              const char *kind,
              EntEntity  *from,
              EntEntity  *to)
{
  EntRelation *relation = g_new0 (EntRelation, 1);

  relation->id = self->import->graph->relations->len + 1;
  relation->kind = g_strdup (kind);
  relation->from_id = from->id;
  relation->to_id = to->id;
  relation->directed = TRUE;
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return relation;
}

/*
 * An edge schema's entity as relations: one for each pair of its ends, as
 * FollowTheMoney allows more than one on either side, of the kind its
 * schema names, with its dates and label; one without an end is a problem.
 */
static void
read_edge (Reader  *self,
           Pending *pending)
{
  JsonObject *object = json_node_get_object (pending->root);
  JsonObject *properties = properties_of (object);
  const char *schema = edge_schemata[pending->edge].schema;
  const char *ends[] = { edge_schemata[pending->edge].source, edge_schemata[pending->edge].target, NULL };
  const char *also[2] = { NULL, NULL };
  g_autoptr(GPtrArray) sources = find_ends (self, pending->line, properties, ends[0]);
  g_autoptr(GPtrArray) targets = find_ends (self, pending->line, properties, ends[1]);
  g_autofree char *label = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  if (sources->len == 0 || targets->len == 0)
    {
      const char *missing = sources->len == 0 ? ends[0] : ends[1];

      /* Translators: a line of the file, the entity's schema (e.g. Payment), the property of its missing end */
      ent_import_add_problem (self->import, pending->line,
                              _("Line %lu: the %s has no “%s” in the file and is left out"),
                              (gulong) pending->line, schema, missing);
      return;
    }

  for (guint i = 0; label_properties[i] != NULL && label == NULL; i++)
    if ((label = first_value (properties, label_properties[i])) != NULL)
      also[0] = label_properties[i];
  if (label != NULL && g_utf8_strlen (label, -1) > ENT_JSON_NAME_LENGTH)
    {
      g_clear_pointer (&label, g_free);
      also[0] = NULL;
    }
  read_dates (properties, &start, &end);

  for (guint s = 0; s < sources->len; s++)
    for (guint t = 0; t < targets->len; t++)
      {
        EntRelation *relation = new_relation (self, schema, g_ptr_array_index (sources, s),
                                              g_ptr_array_index (targets, t));

        relation->label = g_strdup (label);
        relation->start_date = g_strdup (start);
        relation->end_date = g_strdup (end);
        relation->properties = read_properties (self, pending->line, object, ends, also);
        ent_graph_take_relation (self->import->graph, relation);
      }
}

/* An entity's references to others (its address, its parent) as relations of the kind the property names. */
static void
read_references (Reader  *self,
                 Pending *pending)
{
  JsonObject *properties = properties_of (json_node_get_object (pending->root));

  for (guint i = 0; reference_properties[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) targets = find_ends (self, pending->line, properties, reference_properties[i]);

      for (guint t = 0; t < targets->len; t++)
        {
          EntRelation *relation = new_relation (self, reference_properties[i], pending->entity,
                                                g_ptr_array_index (targets, t));

          relation->properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);
          ent_graph_take_relation (self->import->graph, relation);
        }
    }
}

static gint
edge_schema (const char *schema)
{
  for (guint i = 0; i < G_N_ELEMENTS (edge_schemata); i++)
    if (g_str_equal (schema, edge_schemata[i].schema))
      return i;
  return -1;
}

/* @member of @object when it is text that is not empty, else %NULL. */
static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    return NULL;
  return json_node_get_string (node);
}

/* One line of the file, @length bytes from @data, which is line @line. */
static gboolean
read_line (Reader      *self,
           const char  *data,
           gsize        length,
           guint64      line,
           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonNode) root = NULL;
  EntJsonScan scan;
  JsonObject *object;
  const char *schema, *id;
  gboolean ok;
  gint edge;

  if (length > ENT_IMPORT_MAX_LINE_LENGTH)
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
                   _("Line %lu is longer than %u MB, the most Entente reads of a line"), (gulong) line,
                   ENT_IMPORT_MAX_LINE_LENGTH / (1024 * 1024));
      return FALSE;
    }
  ok = _ent_json_scan (data, length, line, &scan, error);
  _ent_json_scan_clear (&scan);
  if (!ok || (parser = _ent_json_parse (data, length, line, error)) == NULL)
    return FALSE;

  root = json_parser_steal_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  schema = object != NULL ? get_string (object, "schema") : NULL;
  id = object != NULL ? get_string (object, "id") : NULL;
  if (schema == NULL || id == NULL)
    {
      /* A file whose first entity is not one is not of the format at all. */
      if (self->n_entities == 0)
        {
          g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
                       _("Line %lu: the file is JSON, but not FollowTheMoney entities: "
                         "the line is not an object with a “schema” and an “id”"), (gulong) line);
          return FALSE;
        }
      ent_import_add_problem (self->import, line,
                              _("Line %lu is left out: it is not an object with a “schema” and an “id”"),
                              (gulong) line);
      return TRUE;
    }
  self->n_entities++;
  if (g_hash_table_contains (self->ids, id))
    {
      ent_import_add_problem (self->import, line, _("Line %lu is left out: an earlier line has its id “%s”"),
                              (gulong) line, id);
      return TRUE;
    }

  edge = edge_schema (schema);
  if (edge < 0)
    return read_thing (self, root, line, schema, error);

  /* The id is taken, so that a second line with it is noted, though an edge is no entity. */
  g_hash_table_insert (self->ids, g_strdup (id), NULL);
  g_array_append_val (self->pending, ((Pending) { json_node_ref (root), line, NULL, edge }));
  return TRUE;
}

/* Reads every line, then makes the relations, as an edge may come before the entities it joins. */
static gboolean
read_lines (Reader      *self,
            const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end = data + length;
  guint64 line = 0;

  for (const char *p = data; p < end; line++)
    {
      const char *next = memchr (p, '\n', end - p);
      gsize line_length = (next != NULL ? next : end) - p;

      if (line_length > 0 && p[line_length - 1] == '\r')
        line_length--;
      /* A blank line, as files end with, holds nothing. */
      if (line_length > 0 && strspn (p, " \t\r") < line_length &&
          !read_line (self, p, line_length, line + 1, error))
        return FALSE;
      p = next != NULL ? next + 1 : end;

      if ((line + 1) % LINES_PER_CHECK == 0)
        {
          if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
            return FALSE;
          if (self->progress != NULL)
            self->progress (LINES_READ * (p - data) / length, self->user_data);
        }
    }

  if (self->n_entities == 0)
    {
      g_set_error_literal (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("The file is empty"));
      return FALSE;
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      Pending *pending = &g_array_index (self->pending, Pending, i);

      if (pending->entity != NULL)
        read_references (self, pending);
      else
        read_edge (self, pending);
      if ((i + 1) % LINES_PER_CHECK == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ent_ftm_read:
 * @path: a file of FollowTheMoney entities, one JSON object a line
 * @cancellable: (nullable): a #GCancellable, looked at between lines
 * @progress: (nullable) (scope call): called now and then with how much is read
 * @user_data: data for @progress
 * @error: return location for an error
 *
 * Reads the entities of @path as Aleph and OpenSanctions write them, each
 * {"id", "schema", "properties": {name: [values…]}}. The edge schemata
 * (Payment, Ownership, Membership, …) become relations from their source
 * to their target, of the kind the schema names; every other schema is an
 * entity, of a built-in kind where one has the schema's name (Person,
 * Organization, Country, Event, and Address as a place), else of a kind
 * of its own; addressEntity, parent and entity, which name other entities,
 * become relations. Every other property, and what the envelope says
 * beside the properties, is kept as a property. A line that cannot come in
 * or a reference to an id the file does not have is listed in the import's
 * problems with its line; a file that is not FtM, is broken or holds more
 * than Entente reads is an error.
 *
 * Returns: (transfer full): what the file holds, or %NULL with @error set
 */
EntImport *
ent_ftm_read (const char             *path,
              GCancellable           *cancellable,
              EntImportProgressFunc   progress,
              gpointer                user_data,
              GError                **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) sources = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(EntImport) import = NULL;
  Reader self = { 0, };
  const char *data;
  gsize length;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  file = _ent_json_map (path, &data, &length, error);
  if (file == NULL)
    return NULL;

  import = ent_import_new ();
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (pending, (GDestroyNotify) pending_clear);
  self.import = import;
  self.cancellable = cancellable;
  self.progress = progress;
  self.user_data = user_data;
  self.ids = ids;
  self.sources = sources;
  self.pending = pending;
  /* FollowTheMoney writes every value as text: a number or a date is one when all the values of its property are. */
  _ent_json_properties_init (&self.properties, import, TRUE);

  ok = read_lines (&self, data, length, error);
  _ent_json_properties_finish (&self.properties);
  if (!ok)
    return NULL;

  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&import);
}
