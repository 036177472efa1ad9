/* ent-graph.h: the in-memory model of an Entente network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ENT_KIND_PERSON,
  ENT_KIND_COUNTRY,
  ENT_KIND_PLACE,
  ENT_KIND_COMMISSION,
  ENT_KIND_ORGANISATION,
  ENT_KIND_COMMUNITY,
  ENT_KIND_SECTOR,
  ENT_KIND_EVENT,
  ENT_N_KINDS
} EntKind;

/* The types a property's value may have; every value is stored as text. */
typedef enum
{
  ENT_PROPERTY_STRING,
  ENT_PROPERTY_NUMBER,
  ENT_PROPERTY_BOOLEAN,
  ENT_PROPERTY_DATE,
} EntPropertyType;

/* Bounds on a property, in characters, so that a file cannot hold a key or value no one can show. */
#define ENT_PROPERTY_KEY_MAX_LENGTH 200
#define ENT_PROPERTY_VALUE_MAX_LENGTH 10000
/* Bounds on an entity's aliases: how many, and how long each, in characters. */
#define ENT_ENTITY_MAX_ALIASES 100
#define ENT_ALIAS_MAX_LENGTH 500

/*
 * A typed key–value pair of an entity or a relation. A number is text that
 * parses as a finite double, a boolean "true" or "false", a date a valid
 * date as ent_date_is_valid() reads it.
 */
typedef struct
{
  char            *key;
  EntPropertyType  type;
  char            *value;
} EntProperty;

/*
 * A kind of entity as the file defines it: its shape and glyph are names of
 * the drawings of ent-style.c, its colours "#rrggbb", @dark_color %NULL when
 * the dark style uses @color too.
 */
typedef struct
{
  char *key;
  char *label;
  char *shape;
  char *glyph;
  char *color;
  char *dark_color;
} EntKindInfo;

typedef struct
{
  gint64  id;
  char   *title;
  char   *publisher;
  char   *url;
  char   *published;
  char   *body;
} EntSource;

typedef struct
{
  gint64   id;
  /* The built-in kind, or ENT_KIND_ORGANISATION for a kind the file added. */
  EntKind  kind;
  /* The key of its kind among the graph's kinds; %NULL stands for @kind's when it is stored. */
  char    *kind_key;
  char    *name;
  char    *role;
  char    *description;
  char    *start_date;
  char    *end_date;
  /* gint64 ids of the quotes that back this entity */
  GArray  *quote_ids;
  /* EntProperty, by key; %NULL for an entity not read from a file */
  GPtrArray *properties;
  /* Other names it goes by in the sources (char *), as the user wrote them; %NULL for none */
  GPtrArray *aliases;
  /* gint64 ids of those of @quote_ids that dispute it rather than support it; %NULL for none */
  GArray  *disputing_ids;
} EntEntity;

typedef struct
{
  gint64    id;
  char     *kind;
  gint64    from_id;
  gint64    to_id;
  char     *label;
  gboolean  directed;
  char     *start_date;
  char     *end_date;
  GArray   *quote_ids;
  /* EntProperty, by key; %NULL for a relation not read from a file */
  GPtrArray *properties;
  /* gint64 ids of those of @quote_ids that dispute it rather than support it; %NULL for none */
  GArray   *disputing_ids;
} EntRelation;

typedef struct
{
  gint64  id;
  gint64  source_id;
  /* Character (not byte) offsets into the source body, end exclusive. */
  gint64  start;
  gint64  end;
  char   *text;
} EntQuote;

typedef struct _EntGraph EntGraph;

struct _EntGraph
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public, read-only >*/
  GPtrArray       *kinds;      /* EntKindInfo, in the order the file added them */
  GPtrArray       *sources;    /* EntSource */
  GPtrArray       *entities;   /* EntEntity */
  GPtrArray       *relations;  /* EntRelation */
  GPtrArray       *quotes;     /* EntQuote */
  /*< private >*/
  GHashTable      *kind_index;
  GHashTable      *source_index;
  GHashTable      *entity_index;
  GHashTable      *relation_index;
  GHashTable      *quote_index;
};

const char  *ent_kind_to_string      (EntKind      kind);
gboolean     ent_kind_from_string    (const char  *str,
                                      EntKind     *kind);
const char  *ent_kind_get_label      (EntKind      kind);
const char  *ent_entity_get_kind_key (const EntEntity *entity);

const char  *ent_property_type_to_string   (EntPropertyType  type);
gboolean     ent_property_type_from_string (const char      *str,
                                            EntPropertyType *type);

gboolean     ent_quote_ids_contain   (GArray      *ids,
                                      gint64       quote_id);
gboolean     ent_date_is_valid       (const char  *date);
gboolean     ent_date_is_before      (const char  *end,
                                      const char  *start);
char        *ent_date_format         (const char  *date);
char        *ent_date_format_range   (const char  *start,
                                      const char  *end);

void         ent_property_free       (EntProperty *property);
void         ent_kind_info_free      (EntKindInfo *kind);
void         ent_source_free         (EntSource   *source);
void         ent_entity_free         (EntEntity   *entity);
void         ent_relation_free       (EntRelation *relation);
void         ent_quote_free          (EntQuote    *quote);

EntGraph    *ent_graph_new           (void);
EntGraph    *ent_graph_ref           (EntGraph    *self);
void         ent_graph_unref         (EntGraph    *self);
void         ent_graph_take_kind     (EntGraph    *self,
                                      EntKindInfo *kind);
void         ent_graph_remove_kind   (EntGraph    *self,
                                      const char  *key);
void         ent_graph_take_source   (EntGraph    *self,
                                      EntSource   *source);
void         ent_graph_take_entity   (EntGraph    *self,
                                      EntEntity   *entity);
void         ent_graph_take_relation (EntGraph    *self,
                                      EntRelation *relation);
void         ent_graph_take_quote    (EntGraph    *self,
                                      EntQuote    *quote);
EntKindInfo *ent_graph_get_kind      (EntGraph    *self,
                                      const char  *key);
EntSource   *ent_graph_get_source    (EntGraph    *self,
                                      gint64       id);
EntEntity   *ent_graph_get_entity    (EntGraph    *self,
                                      gint64       id);
EntRelation *ent_graph_get_relation  (EntGraph    *self,
                                      gint64       id);
EntQuote    *ent_graph_get_quote     (EntGraph    *self,
                                      gint64       id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntProperty, ent_property_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntKindInfo, ent_kind_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSource, ent_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntEntity, ent_entity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntRelation, ent_relation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntQuote, ent_quote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntGraph, ent_graph_unref)

G_END_DECLS
