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
  EntKind  kind;
  char    *name;
  char    *role;
  char    *description;
  char    *start_date;
  char    *end_date;
  /* gint64 ids of the quotes that back this entity */
  GArray  *quote_ids;
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
  GPtrArray       *sources;    /* EntSource */
  GPtrArray       *entities;   /* EntEntity */
  GPtrArray       *relations;  /* EntRelation */
  GPtrArray       *quotes;     /* EntQuote */
  /*< private >*/
  GHashTable      *source_index;
  GHashTable      *entity_index;
  GHashTable      *relation_index;
  GHashTable      *quote_index;
};

const char  *ent_kind_to_string      (EntKind      kind);
gboolean     ent_kind_from_string    (const char  *str,
                                      EntKind     *kind);
const char  *ent_kind_get_label      (EntKind      kind);

gboolean     ent_date_is_valid       (const char  *date);
gboolean     ent_date_is_before      (const char  *end,
                                      const char  *start);
char        *ent_date_format         (const char  *date);
char        *ent_date_format_range   (const char  *start,
                                      const char  *end);

void         ent_source_free         (EntSource   *source);
void         ent_entity_free         (EntEntity   *entity);
void         ent_relation_free       (EntRelation *relation);
void         ent_quote_free          (EntQuote    *quote);

EntGraph    *ent_graph_new           (void);
EntGraph    *ent_graph_ref           (EntGraph    *self);
void         ent_graph_unref         (EntGraph    *self);
void         ent_graph_take_source   (EntGraph    *self,
                                      EntSource   *source);
void         ent_graph_take_entity   (EntGraph    *self,
                                      EntEntity   *entity);
void         ent_graph_take_relation (EntGraph    *self,
                                      EntRelation *relation);
void         ent_graph_take_quote    (EntGraph    *self,
                                      EntQuote    *quote);
EntSource   *ent_graph_get_source    (EntGraph    *self,
                                      gint64       id);
EntEntity   *ent_graph_get_entity    (EntGraph    *self,
                                      gint64       id);
EntRelation *ent_graph_get_relation  (EntGraph    *self,
                                      gint64       id);
EntQuote    *ent_graph_get_quote     (EntGraph    *self,
                                      gint64       id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSource, ent_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntEntity, ent_entity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntRelation, ent_relation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntQuote, ent_quote_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntGraph, ent_graph_unref)

G_END_DECLS
