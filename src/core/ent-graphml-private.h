/* ent-graphml-private.h: what the parts of the GraphML reader share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-graphml.h"
#include "ent-xml.h"

G_BEGIN_DECLS

/* What yEd's graphics data of a node or an edge says: its labels and, for a node, where it is. */
typedef struct
{
  GPtrArray *labels;       /* (nullable) char *, the non-empty texts of its labels, in the file's order */
  gboolean   has_geometry;
  double     x;            /* the centre, in points, y growing downwards as in yEd */
  double     y;
} EntGraphmlGraphics;

typedef enum
{
  DOMAIN_NODE,
  DOMAIN_EDGE,
  DOMAIN_GRAPH,
  N_DOMAINS
} EntGraphmlDomain;

/* What the data of a key become. */
typedef enum
{
  USE_PROPERTY,
  USE_NAME,
  USE_KIND,
  USE_DESCRIPTION,
  USE_ROLE,
  USE_START,
  USE_END,
  USE_LABEL,
  USE_DIRECTED,
  USE_QUOTES,
  USE_X,
  USE_Y,
  USE_GRAPHICS,
  USE_KINDS,
  USE_IGNORE,
  N_USES
} EntGraphmlUse;

typedef struct
{
  char            *id;
  char            *name;     /* its attr.name; for a key of properties, their key, made unique */
  EntGraphmlUse              use;
  EntPropertyType  type;
  char            *fallback; /* its <default>, for elements without its data */
} EntGraphmlKey;

/* A node or an edge being read. */
typedef struct
{
  EntGraphmlDomain              domain;
  int                 depth;
  guint64             line;
  char               *id;
  char               *source;
  char               *target;
  gboolean            directed;   /* the graph's edgedefault, or the edge's own "directed" */
  gboolean            direction_given; /* by the edge's "directed", which a data key does not override */
  char               *values[N_USES];
  GPtrArray          *properties; /* EntProperty */
  GPtrArray          *seen;       /* keys, those it has data of */
  EntProperty        *x;          /* its Gephi position, also among @properties until it is a layout's */
  EntProperty        *y;
  EntGraphmlGraphics  graphics;
} EntGraphmlElement;

/* A graph being read: whether its edges are directed unless they say otherwise, and how deep it is. */
typedef struct
{
  gboolean directed;
  int      depth;
} EntGraphmlGraph;

/* An edge read, whose ends are found once every node is read: an edge may come before its nodes. */
typedef struct
{
  EntRelation *relation;
  char        *source;
  char        *target;
  guint64      line;
} EntGraphmlPending;

typedef struct
{
  EntImport             *import;
  EntXmlReader          *reader;
  char                  *title;
  GCancellable          *cancellable;
  EntImportProgressFunc  progress;
  gpointer               user_data;
  guint                  n_elements;
  GPtrArray             *all_keys;            /* EntGraphmlKey */
  GHashTable            *keys[N_DOMAINS];     /* id → EntGraphmlKey */
  GHashTable            *names[N_DOMAINS];    /* the property keys taken */
  gboolean               taken[N_DOMAINS][N_USES];
  GArray                *graphs;              /* EntGraphmlGraph, the open ones */
  GPtrArray             *elements;            /* EntGraphmlElement, the open ones */
  GHashTable            *nodes;               /* file id → EntEntity */
  GPtrArray             *pending;             /* EntGraphmlPending */
  GArray                *geometry;            /* EntPosition, from yEd */
  GArray                *xy;                  /* EntPosition, from Gephi's x and y */
  GArray                *xy_properties;       /* EntProperty *, the x and y of entities, and then their owners */
  gboolean               told_nested;
  gboolean               told_hyperedges;
  EntImportQuotes       *quotes;              /* their source, named after the file */
  gint64                 next_entity;
} EntGraphmlReader;

gboolean _ent_graphml_read_graphics  (EntXmlReader        *reader,
                                      EntGraphmlGraphics  *graphics,
                                      GError             **error);
void     _ent_graphml_graphics_clear (EntGraphmlGraphics  *graphics);

gboolean _ent_graphml_is_longer      (const char          *text,
                                      guint                max);
void     _ent_graphml_apply_datum    (EntGraphmlReader    *self,
                                      EntGraphmlElement   *element,
                                      EntGraphmlKey       *key,
                                      char                *value,
                                      guint64              at);
gboolean _ent_graphml_close_node     (EntGraphmlReader    *self,
                                      EntGraphmlElement   *element,
                                      GError             **error);
gboolean _ent_graphml_close_edge     (EntGraphmlReader    *self,
                                      EntGraphmlElement   *element,
                                      GError             **error);
void     _ent_graphml_finish         (EntGraphmlReader    *self);

G_END_DECLS
