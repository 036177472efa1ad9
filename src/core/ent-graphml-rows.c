/* ent-graphml-rows.c: GraphML nodes and edges made entities and relations, and the file's drawing a layout
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graphml"

#include "config.h"

#include "ent-graphml-private.h"
#include "ent-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The kind of relations whose file gives them none, as for CSV files. */
#define DEFAULT_RELATION_KIND "related-to"

/* The property that keeps a yEd node's or edge's labels after its first, which is its name or label. */
#define OTHER_LABELS_KEY "other labels"

static gboolean
too_large (EntGraphmlReader  *self,
           guint64            at,
           const char        *what,
           GError           **error)
{
  g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
               /* Translators: a file's name, a line, what is too long (“a node's label”), then a number */
               _("“%s”, line %lu: %s is longer than %u characters, the most Entente reads"),
               self->title, (gulong) at, what, ENT_PROPERTY_VALUE_MAX_LENGTH);
  return FALSE;
}

gboolean
_ent_graphml_is_longer (const char *text,
                        guint       max)
{
  return strlen (text) > max && g_utf8_strlen (text, -1) > max;
}

/* @value as a property of @key's type, or %NULL when it is empty or too long (which is noted). */
static EntProperty *
make_property (EntGraphmlReader *self,
               EntGraphmlKey    *key,
               const char       *value,
               guint64           at)
{
  EntProperty *property;
  guint types;

  if (*value == '\0' || strspn (value, " \t\r\n") == strlen (value))
    return NULL;
  if (_ent_graphml_is_longer (value, ENT_PROPERTY_VALUE_MAX_LENGTH))
    {
      ent_import_add_problem (self->import, at,
                              _("Line %lu: the value of “%s” is longer than %u characters and is left out"),
                              (gulong) at, key->name, ENT_PROPERTY_VALUE_MAX_LENGTH);
      return NULL;
    }

  property = g_new0 (EntProperty, 1);
  property->key = g_strdup (key->name);
  property->value = g_strdup (value);
  /* A value that is not of its key's type is kept as the text it is. */
  types = key->type != ENT_PROPERTY_STRING ? ent_csv_value_types (value) : 0;
  property->type = (types & (1u << key->type)) ? key->type : ENT_PROPERTY_STRING;
  if (property->type != ENT_PROPERTY_STRING)
    g_strstrip (property->value);
  if (property->type == ENT_PROPERTY_BOOLEAN)
    for (char *c = property->value; *c != '\0'; c++)
      *c = g_ascii_tolower (*c);
  return property;
}

/* Gives @element the datum @value of @key: a property, a position, or one of its fields. */
void
_ent_graphml_apply_datum (EntGraphmlReader  *self,
                          EntGraphmlElement *element,
                          EntGraphmlKey     *key,
                          char              *value,
                          guint64            at)
{
  EntProperty *property;

  g_ptr_array_add (element->seen, key);
  switch (key->use)
    {
    case USE_PROPERTY:
    case USE_X:
    case USE_Y:
      property = make_property (self, key, value, at);
      if (property == NULL)
        break;
      if (key->use == USE_X && property->type == ENT_PROPERTY_NUMBER)
        element->x = property;
      else if (key->use == USE_Y && property->type == ENT_PROPERTY_NUMBER)
        element->y = property;
      g_ptr_array_add (element->properties, property);
      break;
    case USE_GRAPHICS:
    case USE_KINDS:
    case USE_IGNORE:
      break;
    default:
      if (element->values[key->use] == NULL)
        element->values[key->use] = g_strdup (value);
      break;
    }
  g_free (value);
}

/* A field's text, %NULL when there is nothing but white space in it. */
static char *
take_value (EntGraphmlElement *element,
            EntGraphmlUse      use)
{
  char *value = g_steal_pointer (&element->values[use]);

  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

/* The dates of @element; one that is not a date, or an end before the start, is kept as a property. */
static void
take_dates (EntGraphmlReader   *self,
            EntGraphmlElement  *element,
            char              **start,
            char              **end)
{
  static const char * const names[] = { "start", "end" };

  *start = take_value (element, USE_START);
  *end = take_value (element, USE_END);
  for (guint i = 0; i < 2; i++)
    {
      char **date = i == 0 ? start : end;
      EntProperty *property;

      if (*date == NULL)
        continue;
      if (!ent_date_is_valid (*date))
        ent_import_add_problem (self->import, element->line,
                                _("Line %lu: “%s” is not a date (YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD), and is kept as a property"),
                                (gulong) element->line, *date);
      else if (i == 1 && *start != NULL && ent_date_is_before (*end, *start))
        ent_import_add_problem (self->import, element->line,
                                _("Line %lu: the end date is before the start date, and is kept as a property"),
                                (gulong) element->line);
      else
        continue;
      property = g_new0 (EntProperty, 1);
      property->key = g_strdup (names[i]);
      property->type = ENT_PROPERTY_STRING;
      property->value = g_steal_pointer (date);
      g_ptr_array_add (element->properties, property);
    }
}

/* The quotes of @element's "quotes" text, in a source named after the file that holds them all. */
static GArray *
take_quotes (EntGraphmlReader  *self,
             EntGraphmlElement *element)
{
  g_autofree char *text = take_value (element, USE_QUOTES);
  g_auto(GStrv) passages = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (text == NULL)
    return ids;

  if (self->quotes == NULL)
    self->quotes = ent_import_quotes_new (self->import);

  passages = g_strsplit (text, ENT_GRAPHML_QUOTE_SEPARATOR, -1);
  for (guint i = 0; passages[i] != NULL; i++)
    {
      gint64 id;
      gboolean listed = FALSE;

      if (*g_strstrip (passages[i]) == '\0')
        continue;
      id = ent_import_quotes_add (self->quotes, self->title, passages[i]);
      /* A passage quoted twice is one quote, and evidence of the element once. */
      for (guint j = 0; j < ids->len && !listed; j++)
        listed = g_array_index (ids, gint64, j) == id;
      if (!listed)
        g_array_append_val (ids, id);
    }
  return ids;
}

/*
 * Gives @entity the kind @type names: one of the kinds the file lists, as
 * Entente writes them, or else one found or made as every importer does;
 * the import keeps the type either way, should the person choose another
 * key for the kinds.
 */
static void
set_kind (EntGraphmlReader *self,
          EntEntity        *entity,
          const char       *type)
{
  EntKind builtin;

  if (type != NULL && !ent_kind_from_string (type, &builtin) && ent_graph_get_kind (self->import->graph, type) != NULL)
    {
      entity->kind = ENT_KIND_ORGANISATION;
      entity->kind_key = g_strdup (type);
      g_hash_table_replace (self->import->types, entity, g_strdup (type));
      return;
    }
  ent_import_set_kind (self->import, entity, type);
}

static void
add_position (GArray *positions,
              gint64  id,
              double  x,
              double  y)
{
  EntPosition position = { id, x, y, FALSE };

  g_array_append_val (positions, position);
}

/* A yEd node's or edge's labels after the first, one a line, as a property, unless a key has the property's name. */
static void
keep_other_labels (EntGraphmlReader  *self,
                   EntGraphmlElement *element)
{
  GPtrArray *labels = element->graphics.labels;
  g_autoptr(GString) others = NULL;
  EntProperty *property;

  if (labels == NULL || labels->len < 2 || g_hash_table_contains (self->names[element->domain], OTHER_LABELS_KEY))
    return;

  others = g_string_new (NULL);
  for (guint i = 1; i < labels->len; i++)
    g_string_append_printf (others, "%s%s", i > 1 ? "\n" : "", (char *) g_ptr_array_index (labels, i));
  if (_ent_graphml_is_longer (others->str, ENT_PROPERTY_VALUE_MAX_LENGTH))
    return;
  property = g_new0 (EntProperty, 1);
  property->key = g_strdup (OTHER_LABELS_KEY);
  property->value = g_string_free (g_steal_pointer (&others), FALSE);
  g_ptr_array_add (element->properties, property);
}

gboolean
_ent_graphml_close_node (EntGraphmlReader   *self,
                         EntGraphmlElement  *element,
                         GError            **error)
{
  g_autoptr(EntEntity) entity = g_new0 (EntEntity, 1);
  GPtrArray *labels = element->graphics.labels;
  g_autofree char *kind = NULL;

  if (element->id == NULL)
    {
      ent_import_add_problem (self->import, element->line, _("Line %lu: a node without an id is left out"),
                              (gulong) element->line);
      return TRUE;
    }
  if (g_hash_table_contains (self->nodes, element->id))
    {
      ent_import_add_problem (self->import, element->line,
                              _("Line %lu: an earlier node has the id “%s”, and this one is left out"),
                              (gulong) element->line, element->id);
      return TRUE;
    }

  /* A yEd node's first label is the one it shows as its name, as networkx reads it; the rest are kept. */
  entity->name = take_value (element, USE_NAME);
  if (entity->name == NULL && labels != NULL)
    entity->name = g_strdup (g_ptr_array_index (labels, 0));
  if (entity->name == NULL)
    entity->name = g_strdup (element->id);
  if (_ent_graphml_is_longer (entity->name, ENT_PROPERTY_VALUE_MAX_LENGTH))
    return too_large (self, element->line, _("a node's label"), error);
  keep_other_labels (self, element);

  entity->id = ++self->next_entity;
  kind = take_value (element, USE_KIND);
  set_kind (self, entity, kind);
  entity->role = g_steal_pointer (&element->values[USE_ROLE]);
  entity->description = g_steal_pointer (&element->values[USE_DESCRIPTION]);
  take_dates (self, element, &entity->start_date, &entity->end_date);
  entity->quote_ids = take_quotes (self, element);
  entity->properties = g_steal_pointer (&element->properties);

  if (element->graphics.has_geometry)
    add_position (self->geometry, entity->id, element->graphics.x, element->graphics.y);
  if (element->x != NULL && element->y != NULL)
    {
      /* Gephi's y grows upwards, a stored layout's downwards. */
      add_position (self->xy, entity->id, g_ascii_strtod (element->x->value, NULL),
                    -g_ascii_strtod (element->y->value, NULL));
      g_array_append_val (self->xy_properties, element->x);
      g_array_append_val (self->xy_properties, element->y);
      g_array_append_val (self->xy_properties, entity->properties);
    }

  g_hash_table_insert (self->nodes, g_strdup (element->id), entity);
  ent_graph_take_entity (self->import->graph, g_steal_pointer (&entity));
  return TRUE;
}

gboolean
_ent_graphml_close_edge (EntGraphmlReader   *self,
                         EntGraphmlElement  *element,
                         GError            **error)
{
  EntRelation *relation;
  EntGraphmlPending *pending;
  g_autofree char *direction = take_value (element, USE_DIRECTED);
  g_autofree char *kind = take_value (element, USE_KIND);

  if (element->source == NULL || element->target == NULL)
    {
      ent_import_add_problem (self->import, element->line, _("Line %lu: an edge without both its ends is left out"),
                              (gulong) element->line);
      return TRUE;
    }
  if (direction != NULL && !element->direction_given &&
      !ent_csv_parse_directed (direction, &element->directed))
    ent_import_add_problem (self->import, element->line,
                            _("Line %lu: “%s” is not a direction (directed or undirected), so the file's default is taken"),
                            (gulong) element->line, direction);

  relation = g_new0 (EntRelation, 1);
  relation->kind = kind != NULL ? g_steal_pointer (&kind) : g_strdup (DEFAULT_RELATION_KIND);
  relation->label = g_steal_pointer (&element->values[USE_LABEL]);
  if (relation->label == NULL && element->graphics.labels != NULL)
    relation->label = g_strdup (g_ptr_array_index (element->graphics.labels, 0));
  keep_other_labels (self, element);
  relation->directed = element->directed;
  take_dates (self, element, &relation->start_date, &relation->end_date);
  relation->quote_ids = take_quotes (self, element);
  relation->properties = g_steal_pointer (&element->properties);

  if ((relation->label != NULL && _ent_graphml_is_longer (relation->label, ENT_PROPERTY_VALUE_MAX_LENGTH)) ||
      _ent_graphml_is_longer (relation->kind, ENT_PROPERTY_VALUE_MAX_LENGTH))
    {
      ent_relation_free (relation);
      return too_large (self, element->line, _("an edge's label"), error);
    }

  pending = g_new0 (EntGraphmlPending, 1);
  pending->relation = relation;
  pending->source = g_steal_pointer (&element->source);
  pending->target = g_steal_pointer (&element->target);
  pending->line = element->line;
  g_ptr_array_add (self->pending, pending);
  return TRUE;
}

/* Gives each edge its ends, now that every node is read; one whose end is not a node is left out. */
static void
resolve_edges (EntGraphmlReader *self)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      EntGraphmlPending *pending = g_ptr_array_index (self->pending, i);
      EntEntity *from = g_hash_table_lookup (self->nodes, pending->source);
      EntEntity *to = g_hash_table_lookup (self->nodes, pending->target);

      if (from == NULL || to == NULL)
        {
          ent_import_add_problem (self->import, pending->line,
                                  _("Line %lu: the edge's end “%s” is not a node of the file, and the edge is left out"),
                                  (gulong) pending->line, from == NULL ? pending->source : pending->target);
          continue;
        }
      pending->relation->id = self->import->graph->relations->len + 1;
      pending->relation->from_id = from->id;
      pending->relation->to_id = to->id;
      ent_graph_take_relation (self->import->graph, g_steal_pointer (&pending->relation));
    }
}

/*
 * The file's drawing as the layout the network opens with, under the engine
 * that would lay it out: yEd's geometry, else Gephi's x and y, which are
 * then not kept as properties too. Only when every node has a position: a
 * layout with some nodes placed and others not is worse than a new one.
 */
static void
store_layout (EntGraphmlReader *self)
{
  if (ent_import_add_opening_layout (self->import, self->geometry))
    return;
  if (ent_import_add_opening_layout (self->import, self->xy))
    {
      for (guint i = 0; i + 2 < self->xy_properties->len; i += 3)
        {
          GPtrArray *owner = g_array_index (self->xy_properties, gpointer, i + 2);

          g_ptr_array_remove (owner, g_array_index (self->xy_properties, gpointer, i));
          g_ptr_array_remove (owner, g_array_index (self->xy_properties, gpointer, i + 1));
        }
    }
  else if (self->geometry->len > 0 || self->xy->len > 0)
    ent_import_add_problem (self->import, 0,
                            _("Only some of the nodes have positions, so the network is laid out anew"));
}

/* Once every node is read: the edges with their ends, the file's drawing as a layout, the quotes' source. */
void
_ent_graphml_finish (EntGraphmlReader *self)
{
  resolve_edges (self);
  store_layout (self);
  if (self->quotes != NULL)
    ent_import_quotes_finish (self->quotes);
}
