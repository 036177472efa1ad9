/* ent-graph.c: the in-memory model of an Entente network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graph"

#include "config.h"

#include "ent-graph.h"

#include <string.h>
#include <glib/gi18n-lib.h>

static const struct {
  const char *id;
  const char *label;
} kinds[ENT_N_KINDS] = {
  [ENT_KIND_PERSON]       = { "person",       N_("Person") },
  [ENT_KIND_COUNTRY]      = { "country",      N_("Country") },
  [ENT_KIND_PLACE]        = { "place",        N_("Place") },
  [ENT_KIND_COMMISSION]   = { "commission",   N_("Commission") },
  [ENT_KIND_ORGANISATION] = { "organisation", N_("Organisation") },
  [ENT_KIND_COMMUNITY]    = { "community",    N_("Community") },
  [ENT_KIND_SECTOR]       = { "sector",       N_("Sector") },
  [ENT_KIND_EVENT]        = { "event",        N_("Event") },
};

const char *
ent_kind_to_string (EntKind kind)
{
  g_return_val_if_fail (kind < ENT_N_KINDS, NULL);

  return kinds[kind].id;
}

gboolean
ent_kind_from_string (const char *str,
                      EntKind    *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < ENT_N_KINDS; i++)
    {
      if (g_str_equal (str, kinds[i].id))
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ent_kind_get_label (EntKind kind)
{
  g_return_val_if_fail (kind < ENT_N_KINDS, NULL);

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].label);
}

/* The key of @entity's kind among its graph's kinds: its own, or its built-in kind's when it has none. */
const char *
ent_entity_get_kind_key (const EntEntity *entity)
{
  g_return_val_if_fail (entity != NULL, NULL);

  return entity->kind_key != NULL ? entity->kind_key : ent_kind_to_string (entity->kind);
}

static const char * const property_types[] = {
  [ENT_PROPERTY_STRING]  = "string",
  [ENT_PROPERTY_NUMBER]  = "number",
  [ENT_PROPERTY_BOOLEAN] = "boolean",
  [ENT_PROPERTY_DATE]    = "date",
};

const char *
ent_property_type_to_string (EntPropertyType type)
{
  g_return_val_if_fail (type <= ENT_PROPERTY_DATE, NULL);

  return property_types[type];
}

/* The type named @str, as the file stores it; %FALSE for a name that is none of ours. */
gboolean
ent_property_type_from_string (const char      *str,
                               EntPropertyType *type)
{
  EntPropertyType t = ENT_PROPERTY_STRING;

  g_return_val_if_fail (type != NULL, FALSE);

  while (t <= ENT_PROPERTY_DATE && g_strcmp0 (str, property_types[t]) != 0)
    t++;

  if (t > ENT_PROPERTY_DATE)
    return FALSE;

  *type = t;
  return TRUE;
}

static gboolean
parse_digits (const char *str,
              guint       n_digits,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      v = v * 10 + (str[i] - '0');
    }

  *value = v;
  return TRUE;
}

/**
 * ent_date_is_before:
 * @end: a valid date
 * @start: a valid date
 *
 * Whether @end is certainly before @start, as a dialog checks an end date.
 * Only what both dates say is compared: "2020" is not before "2020-05", and
 * a day without a year ("--03-11") cannot be placed against a year at all.
 *
 * Returns: %TRUE when @end comes before @start
 */
gboolean
ent_date_is_before (const char *end,
                    const char *start)
{
  g_return_val_if_fail (end != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);

  if (g_str_has_prefix (end, "--") || g_str_has_prefix (start, "--"))
    return FALSE;

  return strncmp (end, start, MIN (strlen (end), strlen (start))) < 0;
}

/*
 * Dates are ISO 8601 text of reduced precision, because sources often give
 * only a year ("in 1991") or a day without its year ("March 11 to 13"):
 * YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD.
 */
gboolean
ent_date_is_valid (const char *date)
{
  guint year = 2000, month = 1, day = 1;
  gsize len;

  if (date == NULL)
    return FALSE;

  len = strlen (date);

  if (len == 7 && g_str_has_prefix (date, "--"))
    {
      if (!parse_digits (date + 2, 2, &month) || date[4] != '-' ||
          !parse_digits (date + 5, 2, &day))
        return FALSE;
    }
  else
    {
      if (len != 4 && len != 7 && len != 10)
        return FALSE;
      if (!parse_digits (date, 4, &year) || year == 0)
        return FALSE;
      if (len >= 7 && (date[4] != '-' || !parse_digits (date + 5, 2, &month)))
        return FALSE;
      if (len == 10 && (date[7] != '-' || !parse_digits (date + 8, 2, &day)))
        return FALSE;
    }

  /* A leap year stands in for a date that has no year, so 29 February is valid. */
  return g_date_valid_dmy (day, month, year);
}

typedef struct
{
  guint year;    /* 0 when not given */
  guint month;   /* 0 when not given */
  guint day;     /* 0 when not given */
} DateParts;

static gboolean
date_parts (const char *date,
            DateParts  *parts)
{
  gsize len;

  *parts = (DateParts) { 0, 0, 0 };
  if (!ent_date_is_valid (date))
    return FALSE;

  len = strlen (date);
  if (g_str_has_prefix (date, "--"))
    {
      parse_digits (date + 2, 2, &parts->month);
      parse_digits (date + 5, 2, &parts->day);
      return TRUE;
    }

  parse_digits (date, 4, &parts->year);
  if (len >= 7)
    parse_digits (date + 5, 2, &parts->month);
  if (len == 10)
    parse_digits (date + 8, 2, &parts->day);
  return TRUE;
}

static char *
month_name (guint month)
{
  /* Any year will do to name a month; strftime gives it in the user's language. */
  g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, month, 1, 0, 0, 0);

  return g_date_time_format (dt, "%B");
}

/**
 * ent_date_format:
 * @date: a date as stored
 *
 * Returns: (transfer full): the date for people, in the precision it has:
 *   "1991", "March 2024", "11 March 2024", "11 March"
 */
char *
ent_date_format (const char *date)
{
  DateParts parts;
  g_autofree char *month = NULL;

  if (!date_parts (date, &parts))
    return g_strdup (date != NULL ? date : "");

  if (parts.month == 0)
    return g_strdup_printf ("%u", parts.year);

  month = month_name (parts.month);
  if (parts.day == 0)
    /* Translators: a month and a year, e.g. "March 2024" */
    return g_strdup_printf (_("%s %u"), month, parts.year);
  if (parts.year == 0)
    /* Translators: a day and a month, e.g. "11 March" */
    return g_strdup_printf (_("%u %s"), parts.day, month);
  /* Translators: a day, a month and a year, e.g. "11 March 2024" */
  return g_strdup_printf (_("%u %s %u"), parts.day, month, parts.year);
}

/**
 * ent_date_format_range:
 * @start: (nullable): the first date
 * @end: (nullable): the last date
 *
 * Returns: (transfer full): the dates for people, sharing what both have:
 *   "11–13 March", "1991 – 2024"
 */
char *
ent_date_format_range (const char *start,
                       const char *end)
{
  DateParts a, b;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (end == NULL || g_strcmp0 (start, end) == 0)
    return ent_date_format (start);
  if (start == NULL)
    return ent_date_format (end);

  if (date_parts (start, &a) && date_parts (end, &b) &&
      a.year == b.year && a.month == b.month && a.month != 0 && a.day != 0 && b.day != 0)
    {
      g_autofree char *month = month_name (a.month);

      if (a.year == 0)
        /* Translators: days of one month, e.g. "11–13 March" */
        return g_strdup_printf (_("%u–%u %s"), a.day, b.day, month);
      /* Translators: days of one month of a year, e.g. "11–13 March 2024" */
      return g_strdup_printf (_("%u–%u %s %u"), a.day, b.day, month, a.year);
    }

  first = ent_date_format (start);
  last = ent_date_format (end);
  return g_strdup_printf ("%s – %s", first, last);
}

void
ent_property_free (EntProperty *property)
{
  if (property == NULL)
    return;

  g_free (property->key);
  g_free (property->value);
  g_free (property);
}

void
ent_kind_info_free (EntKindInfo *kind)
{
  if (kind == NULL)
    return;

  g_free (kind->key);
  g_free (kind->label);
  g_free (kind->shape);
  g_free (kind->glyph);
  g_free (kind->color);
  g_free (kind->dark_color);
  g_free (kind);
}

void
ent_source_free (EntSource *source)
{
  if (source == NULL)
    return;

  g_free (source->title);
  g_free (source->publisher);
  g_free (source->url);
  g_free (source->published);
  g_free (source->body);
  g_free (source);
}

/* Whether @ids, an array of gint64 quote ids (or %NULL), holds @quote_id: a quote disputes what lists it. */
gboolean
ent_quote_ids_contain (GArray *ids,
                       gint64  quote_id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == quote_id)
      return TRUE;
  return FALSE;
}

void
ent_entity_free (EntEntity *entity)
{
  if (entity == NULL)
    return;

  g_free (entity->kind_key);
  g_free (entity->name);
  g_free (entity->role);
  g_free (entity->description);
  g_free (entity->start_date);
  g_free (entity->end_date);
  g_clear_pointer (&entity->quote_ids, g_array_unref);
  g_clear_pointer (&entity->properties, g_ptr_array_unref);
  g_clear_pointer (&entity->aliases, g_ptr_array_unref);
  g_clear_pointer (&entity->disputing_ids, g_array_unref);
  g_free (entity);
}

void
ent_relation_free (EntRelation *relation)
{
  if (relation == NULL)
    return;

  g_free (relation->kind);
  g_free (relation->label);
  g_free (relation->start_date);
  g_free (relation->end_date);
  g_clear_pointer (&relation->quote_ids, g_array_unref);
  g_clear_pointer (&relation->properties, g_ptr_array_unref);
  g_clear_pointer (&relation->disputing_ids, g_array_unref);
  g_free (relation);
}

void
ent_quote_free (EntQuote *quote)
{
  if (quote == NULL)
    return;

  g_free (quote->text);
  g_free (quote);
}

EntGraph *
ent_graph_new (void)
{
  EntGraph *self = g_new0 (EntGraph, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_kind_info_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_source_free);
  self->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_entity_free);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_relation_free);
  self->quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_quote_free);
  self->kind_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->entity_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->relation_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->quote_index = g_hash_table_new (g_int64_hash, g_int64_equal);

  return self;
}

EntGraph *
ent_graph_ref (EntGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ent_graph_unref (EntGraph *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->kind_index);
  g_hash_table_unref (self->source_index);
  g_hash_table_unref (self->entity_index);
  g_hash_table_unref (self->relation_index);
  g_hash_table_unref (self->quote_index);
  g_ptr_array_unref (self->kinds);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->entities);
  g_ptr_array_unref (self->relations);
  g_ptr_array_unref (self->quotes);
  g_free (self);
}

/* The id is the first member of every record, so the index keys point into the records. */
#define TAKE(array, index, item)                                   \
  G_STMT_START {                                                   \
    g_ptr_array_add (array, item);                                 \
    g_hash_table_insert (index, &(item)->id, item);                \
  } G_STMT_END

void
ent_graph_take_kind (EntGraph    *self,
                     EntKindInfo *kind)
{
  g_return_if_fail (self != NULL && kind != NULL && kind->key != NULL);

  g_ptr_array_add (self->kinds, kind);
  g_hash_table_insert (self->kind_index, kind->key, kind);
}

/* Removes the kind @key from the graph's kinds; its entities are the caller's to change. */
void
ent_graph_remove_kind (EntGraph   *self,
                       const char *key)
{
  EntKindInfo *kind;

  g_return_if_fail (self != NULL && key != NULL);

  kind = g_hash_table_lookup (self->kind_index, key);
  if (kind == NULL)
    return;
  g_hash_table_remove (self->kind_index, key);
  g_ptr_array_remove (self->kinds, kind);
}

void
ent_graph_take_source (EntGraph  *self,
                       EntSource *source)
{
  g_return_if_fail (self != NULL && source != NULL);
  TAKE (self->sources, self->source_index, source);
}

void
ent_graph_take_entity (EntGraph  *self,
                       EntEntity *entity)
{
  g_return_if_fail (self != NULL && entity != NULL);
  TAKE (self->entities, self->entity_index, entity);
}

void
ent_graph_take_relation (EntGraph    *self,
                         EntRelation *relation)
{
  g_return_if_fail (self != NULL && relation != NULL);
  TAKE (self->relations, self->relation_index, relation);
}

void
ent_graph_take_quote (EntGraph *self,
                      EntQuote *quote)
{
  g_return_if_fail (self != NULL && quote != NULL);
  TAKE (self->quotes, self->quote_index, quote);
}

EntKindInfo *
ent_graph_get_kind (EntGraph   *self,
                    const char *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->kind_index, key);
}

EntSource *
ent_graph_get_source (EntGraph *self,
                      gint64    id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->source_index, &id);
}

EntEntity *
ent_graph_get_entity (EntGraph *self,
                      gint64    id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->entity_index, &id);
}

EntRelation *
ent_graph_get_relation (EntGraph *self,
                        gint64    id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->relation_index, &id);
}

EntQuote *
ent_graph_get_quote (EntGraph *self,
                     gint64    id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->quote_index, &id);
}
