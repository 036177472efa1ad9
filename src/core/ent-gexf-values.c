/* ent-gexf-values.c: the attributes a GEXF file declares, and the values, times and viz: of its nodes and edges
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-gexf"

#include "config.h"

#include "ent-gexf-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

gboolean
_ent_gexf_fail (Reader      *self,
                int          code,
                GError     **error,
                const char  *message)
{
  g_set_error (error, ENT_IMPORT_ERROR, code, _("Line %lu: %s"), (gulong) ent_xml_reader_get_line (self->reader),
               message);
  return FALSE;
}

/* g_set_str() of GLib 2.76. */
void
_ent_gexf_set_text (char       **text,
                    const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*text);
  *text = copy;
}

/* Whether @text has more than @max characters; counting them is needed only where the bytes are too many. */
gboolean
_ent_gexf_too_long (const char *text,
                    gsize       max)
{
  gsize length = strlen (text);

  return length > max && (gsize) g_utf8_strlen (text, length) > max;
}

void
_ent_gexf_attribute_free (Attribute *attribute)
{
  g_free (attribute->id);
  g_free (attribute->title);
  g_free (attribute->fallback);
  g_ptr_array_unref (attribute->properties);
  g_free (attribute);
}

void
_ent_gexf_value_free (Value *value)
{
  g_free (value->value);
  if (value->spans != NULL)
    g_string_free (value->spans, TRUE);
  g_free (value);
}

/* A finite number in the C locale, the whole of @text, as the store takes numbers. */
static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return *end == '\0' && isfinite (*value);
}

/*
 * A time of the file as a date Entente keeps: with timeformat "date" or
 * "dateTime" (or none, where the value is a date), the date part of it.
 */
static char *
time_to_date (Reader     *self,
              const char *time)
{
  g_autofree char *date = NULL;

  if (time == NULL || (!self->dates && self->timeformat_given))
    return NULL;
  date = g_strndup (time, strcspn (time, "T"));
  return ent_date_is_valid (date) ? g_steal_pointer (&date) : NULL;
}

static Attribute *
find_attribute (Reader         *self,
                AttributeClass  class,
                const char     *id)
{
  GPtrArray *attributes = self->attributes[class];

  for (guint i = 0; id != NULL && i < attributes->len; i++)
    {
      Attribute *attribute = g_ptr_array_index (attributes, i);

      if (g_str_equal (attribute->id, id))
        return attribute;
    }
  return NULL;
}

/* What each attribute of @class stands for, guessed from its title as a CSV file's columns are from their headers. */
void
_ent_gexf_know_roles (Reader         *self,
                      AttributeClass  class)
{
  GPtrArray *attributes = self->attributes[class];
  g_autoptr(EntCsvPreview) preview = g_new0 (EntCsvPreview, 1);
  g_autoptr(EntCsvMapping) mapping = NULL;
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->roles_known[class])
    return;
  self->roles_known[class] = TRUE;

  preview->headers = g_new0 (char *, attributes->len + 1);
  preview->records = g_ptr_array_new ();
  for (guint i = 0; i < attributes->len; i++)
    preview->headers[i] = g_strdup (((Attribute *) g_ptr_array_index (attributes, i))->title);
  mapping = ent_csv_guess_mapping (class == CLASS_NODE ? ENT_CSV_NODES : ENT_CSV_EDGES, preview);

  for (guint i = 0; i < attributes->len; i++)
    {
      Attribute *attribute = g_ptr_array_index (attributes, i);
      EntCsvRole role = mapping->roles[i];

      /* Of the roles a column can have, those a GEXF node or edge has no field of its own for. */
      if (role == ENT_CSV_ROLE_KIND || role == ENT_CSV_ROLE_START || role == ENT_CSV_ROLE_END ||
          (class == CLASS_NODE && (role == ENT_CSV_ROLE_DESCRIPTION || role == ENT_CSV_ROLE_ROLE)) ||
          (class == CLASS_EDGE && role == ENT_CSV_ROLE_LABEL))
        attribute->role = role;
      else
        attribute->role = ENT_CSV_ROLE_PROPERTY;

      if (!g_hash_table_add (titles, attribute->title))
        {
          attribute->ignored = TRUE;
          ent_import_add_problem (self->import, 0, _("A second attribute titled “%s” is left out"), attribute->title);
        }
    }
}

/* The attribute types whose values are numbers. */
static const char * const number_types[] = {
  "integer", "long", "float", "double", "short", "byte", "bigdecimal", "biginteger", NULL
};

/* <attribute id title type>, of the <attributes> being read. */
gboolean
_ent_gexf_read_attribute (Reader  *self,
                          GError **error)
{
  g_autofree char *written = ent_xml_reader_get_attribute (self->reader, "type");
  g_autofree char *type = g_ascii_strdown (written != NULL ? written : "string", -1);
  Attribute *attribute = g_new0 (Attribute, 1);

  attribute->id = ent_xml_reader_get_attribute (self->reader, "id");
  attribute->title = ent_xml_reader_get_attribute (self->reader, "title");
  attribute->properties = g_ptr_array_new ();
  g_ptr_array_add (self->attributes[self->current_class], attribute);
  if (attribute->id == NULL)
    return _ent_gexf_fail (self, ENT_IMPORT_ERROR_INVALID, error, _("an <attribute> has no id"));
  if (attribute->title == NULL || *attribute->title == '\0')
    _ent_gexf_set_text (&attribute->title, attribute->id);
  if (_ent_gexf_too_long (attribute->title, ENT_PROPERTY_KEY_MAX_LENGTH))
    return _ent_gexf_fail (self, ENT_IMPORT_ERROR_TOO_LARGE, error, _("an attribute's title is too long"));

  if (g_str_equal (type, "boolean"))
    attribute->type = ENT_PROPERTY_BOOLEAN;
  else if (g_str_equal (type, "date"))
    attribute->type = ENT_PROPERTY_DATE;
  else if (g_strv_contains (number_types, type))
    attribute->type = ENT_PROPERTY_NUMBER;
  else
    attribute->type = ENT_PROPERTY_STRING;
  attribute->dates = attribute->type == ENT_PROPERTY_STRING;
  return TRUE;
}

/* <attvalue for value start end>: a static value, or one of a time span, kept with the span as text. */
void
_ent_gexf_read_attvalue (Reader         *self,
                         AttributeClass  class,
                         Element        *element)
{
  g_autofree char *id = ent_xml_reader_get_attribute (self->reader, "for");
  g_autofree char *value = ent_xml_reader_get_attribute (self->reader, "value");
  g_autofree char *start = ent_xml_reader_get_attribute (self->reader, "start");
  g_autofree char *end = ent_xml_reader_get_attribute (self->reader, "end");
  Attribute *attribute;
  Value *held;

  /* GEXF 1.0 names the attribute with "id". */
  if (id == NULL)
    id = ent_xml_reader_get_attribute (self->reader, "id");
  attribute = find_attribute (self, class, id);
  if (attribute == NULL || value == NULL)
    {
      ent_import_add_problem (self->import, ent_xml_reader_get_line (self->reader),
                              _("Line %lu: a value of an attribute that is not declared is left out"),
                              (gulong) ent_xml_reader_get_line (self->reader));
      return;
    }

  held = g_hash_table_lookup (element->values, attribute);
  if (held == NULL)
    {
      held = g_new0 (Value, 1);
      g_hash_table_insert (element->values, attribute, held);
    }
  if (start == NULL && end == NULL)
    {
      _ent_gexf_set_text (&held->value, value);
      return;
    }
  if (held->spans == NULL)
    held->spans = g_string_new (NULL);
  else
    g_string_append (held->spans, "; ");
  g_string_append_printf (held->spans, "%s [%s, %s]", value, start != NULL ? start : "", end != NULL ? end : "");
}

/* Adds a property of @type, or of strings where @value is not of it; a second of the same key says nothing new. */
EntProperty *
_ent_gexf_add_property (Reader          *self,
                        Element         *element,
                        const char      *key,
                        EntPropertyType  type,
                        const char      *value)
{
  GPtrArray *properties = element->entity != NULL ? element->entity->properties : element->relation->properties;
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  guint types = ent_csv_value_types (stripped);
  EntProperty *property;

  if (g_hash_table_contains (element->keys, key))
    return NULL;
  if (_ent_gexf_too_long (value, ENT_PROPERTY_VALUE_MAX_LENGTH))
    {
      ent_import_add_problem (self->import, element->line,
                              _("Line %lu: the value of “%s” is longer than %u characters and is left out"),
                              (gulong) element->line, key, ENT_PROPERTY_VALUE_MAX_LENGTH);
      return NULL;
    }

  property = g_new0 (EntProperty, 1);
  property->key = g_strdup (key);
  property->type = type;
  if (type != ENT_PROPERTY_STRING && (types & (1u << type)) != 0)
    property->value = type == ENT_PROPERTY_BOOLEAN ? g_ascii_strdown (stripped, -1) : g_steal_pointer (&stripped);
  else
    {
      property->type = ENT_PROPERTY_STRING;
      property->value = g_strdup (value);
    }
  g_ptr_array_add (properties, property);
  g_hash_table_add (element->keys, property->key);
  return property;
}

/*
 * Gives @entity the kind @type names. Finding it folds names, and a file has
 * few types, so each type's kind is found once, on an entity of the
 * reader's own, whose kind and noted type each entity of that type takes.
 */
void
_ent_gexf_set_kind (Reader     *self,
                    EntEntity  *entity,
                    const char *type)
{
  EntEntity *model = g_hash_table_lookup (self->kinds, type != NULL ? type : "");
  const char *noted;

  if (model == NULL)
    {
      model = g_new0 (EntEntity, 1);
      ent_import_set_kind (self->import, model, type);
      g_hash_table_insert (self->kinds, g_strdup (type != NULL ? type : ""), model);
    }
  entity->kind = model->kind;
  _ent_gexf_set_text (&entity->kind_key, model->kind_key);
  noted = g_hash_table_lookup (self->import->types, model);
  if (noted != NULL)
    g_hash_table_replace (self->import->types, entity, g_strdup (noted));
}

/* Forgets the entities _ent_gexf_set_kind() found kinds on, which are not the import's. */
void
_ent_gexf_clear_kinds (Reader *self)
{
  GHashTableIter iter;
  EntEntity *model;

  g_hash_table_iter_init (&iter, self->kinds);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &model))
    g_hash_table_remove (self->import->types, model);
  g_hash_table_unref (self->kinds);
}

/* A start or end date from an attribute; one that is no date is kept as a property. */
static void
set_date (Reader      *self,
          Element     *element,
          Attribute   *attribute,
          const char  *value,
          char       **date)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));

  if (*date == NULL && ent_date_is_valid (stripped))
    *date = g_steal_pointer (&stripped);
  else
    _ent_gexf_add_property (self, element, attribute->title, attribute->type, value);
}

/* One attribute's value on a node or edge, put where its role says. */
static void
apply_value (Reader     *self,
             Element    *element,
             Attribute  *attribute,
             const char *value,
             gboolean    dynamic)
{
  EntEntity *entity = element->entity;
  EntRelation *relation = element->relation;
  EntProperty *property;

  if (attribute->ignored)
    return;
  switch (dynamic ? ENT_CSV_ROLE_PROPERTY : attribute->role)
    {
    case ENT_CSV_ROLE_KIND:
      if (entity != NULL && *value != '\0')
        {
          _ent_gexf_set_kind (self, entity, value);
          element->has_kind = TRUE;
        }
      else if (relation != NULL && relation->kind == NULL && *value != '\0')
        relation->kind = g_strdup (value);
      return;
    case ENT_CSV_ROLE_DESCRIPTION:
      _ent_gexf_set_text (&entity->description, value);
      return;
    case ENT_CSV_ROLE_ROLE:
      _ent_gexf_set_text (&entity->role, value);
      return;
    case ENT_CSV_ROLE_LABEL:
      if (relation->label == NULL)
        relation->label = g_strdup (value);
      return;
    case ENT_CSV_ROLE_START:
      set_date (self, element, attribute, value, entity != NULL ? &entity->start_date : &relation->start_date);
      return;
    case ENT_CSV_ROLE_END:
      set_date (self, element, attribute, value, entity != NULL ? &entity->end_date : &relation->end_date);
      return;
    default:
      property = _ent_gexf_add_property (self, element, attribute->title, dynamic ? ENT_PROPERTY_STRING : attribute->type,
                               value);
      if (property != NULL)
        {
          if (attribute->dates && !ent_date_is_valid (property->value))
            attribute->dates = FALSE;
          g_ptr_array_add (attribute->properties, property);
        }
    }
}

/* Every attribute's value on the element, or its default, in the order the attributes are declared. */
void
_ent_gexf_apply_values (Reader         *self,
                        AttributeClass  class,
                        Element        *element)
{
  GPtrArray *attributes = self->attributes[class];

  for (guint i = 0; i < attributes->len; i++)
    {
      Attribute *attribute = g_ptr_array_index (attributes, i);
      Value *value = g_hash_table_lookup (element->values, attribute);

      if (value != NULL && value->spans != NULL)
        apply_value (self, element, attribute, value->spans->str, TRUE);
      else if (value != NULL)
        apply_value (self, element, attribute, value->value, FALSE);
      else if (attribute->fallback != NULL)
        apply_value (self, element, attribute, attribute->fallback, FALSE);
    }
}

/* The element's start and end, from its own attributes or else from its first and last spells. */
void
_ent_gexf_read_times (Reader   *self,
                      Element  *element,
                      char    **start_date,
                      char    **end_date)
{
  const char *names[2][3] = { { "start", "startopen", "timestamp" }, { "end", "endopen", "timestamp" } };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *time = NULL;
      char **date = i == 0 ? start_date : end_date;

      for (guint j = 0; j < 3 && time == NULL; j++)
        time = ent_xml_reader_get_attribute (self->reader, names[i][j]);
      if (time == NULL)
        continue;
      *date = time_to_date (self, time);
      if (*date == NULL)
        _ent_gexf_add_property (self, element, i == 0 ? "start" : "end", ENT_PROPERTY_NUMBER, time);
    }
}

/* <spell start end>: each kept as text, "start/end" as ISO 8601 writes a span, the first start and last end as dates. */
void
_ent_gexf_read_spell (Reader  *self,
                      Element *element)
{
  g_autofree char *start = ent_xml_reader_get_attribute (self->reader, "start");
  g_autofree char *end = ent_xml_reader_get_attribute (self->reader, "end");

  if (start == NULL)
    start = ent_xml_reader_get_attribute (self->reader, "startopen");
  if (end == NULL)
    end = ent_xml_reader_get_attribute (self->reader, "endopen");
  if (element->spells == NULL)
    {
      element->spells = g_string_new (NULL);
      element->spell_start = time_to_date (self, start);
    }
  else
    g_string_append (element->spells, "; ");
  g_string_append_printf (element->spells, "%s/%s", start != NULL ? start : "", end != NULL ? end : "");
  g_free (element->spell_end);
  element->spell_end = time_to_date (self, end);
}

/* The "#rrggbb" of <viz:color r g b> or <viz:color hex>; its alpha is not kept. */
static char *
read_color (Reader *self)
{
  g_autofree char *hex = ent_xml_reader_get_attribute (self->reader, "hex");
  const char *channels[] = { "r", "g", "b" };
  guint rgb[3];

  if (hex != NULL)
    {
      const char *digits = hex[0] == '#' ? hex + 1 : hex;

      if (strlen (digits) == 6 && strspn (digits, "0123456789abcdefABCDEF") == 6)
        {
          g_autofree char *lower = g_ascii_strdown (digits, -1);

          return g_strconcat ("#", lower, NULL);
        }
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = ent_xml_reader_get_attribute (self->reader, channels[i]);
      double value;

      if (!parse_double (text, &value) || value < 0 || value > 255)
        return NULL;
      rgb[i] = (guint) value;
    }
  return g_strdup_printf ("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
}

/* viz:position, viz:color, viz:size, viz:thickness and viz:shape; a shape's uri is never opened, nor kept. */
void
_ent_gexf_read_viz (Reader     *self,
                    Element    *element,
                    const char *name)
{
  g_autofree char *value = ent_xml_reader_get_attribute (self->reader, "value");
  g_autofree char *key = g_strconcat ("viz:", name, NULL);
  double number = 0;

  if (g_str_equal (name, "position") && element->entity != NULL)
    {
      g_autofree char *x = ent_xml_reader_get_attribute (self->reader, "x");
      g_autofree char *y = ent_xml_reader_get_attribute (self->reader, "y");

      /* GEXF's y grows upwards, a stored layout's downwards. */
      element->placed = parse_double (x, &element->position.x) && parse_double (y, &number);
      element->position.y = -number;
      if (!element->placed)
        ent_import_add_problem (self->import, element->line, _("Line %lu: a position that is not two numbers is left out"),
                                (gulong) element->line);
    }
  else if (g_str_equal (name, "color"))
    {
      g_free (element->color);
      element->color = read_color (self);
    }
  else if (value != NULL && (g_str_equal (name, "size") || g_str_equal (name, "thickness")))
    _ent_gexf_add_property (self, element, key, ENT_PROPERTY_NUMBER, value);
  else if (value != NULL && g_str_equal (name, "shape"))
    _ent_gexf_add_property (self, element, key, ENT_PROPERTY_STRING, value);
}

