/* ent-gexf-private.h: what the parts of the GEXF reader, and its writer, share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-csv.h"
#include "ent-gexf.h"
#include "ent-xml.h"

G_BEGIN_DECLS

/* The kind of relations whose file gives them none, as for CSV files. */
#define ENT_GEXF_DEFAULT_RELATION_KIND "related-to"

/* The titles of the attributes Entente writes for what is not a property. */
#define ENT_GEXF_KIND        "kind"
#define ENT_GEXF_DESCRIPTION "description"
#define ENT_GEXF_ROLE        "role"
#define ENT_GEXF_START       "start_date"
#define ENT_GEXF_END         "end_date"
#define ENT_GEXF_QUOTES      "quotes"
/* The properties a node's viz:color and viz:size are kept as. */
#define ENT_GEXF_COLOR       "viz:color"
#define ENT_GEXF_SIZE        "viz:size"

typedef enum
{
  CLASS_NODE,
  CLASS_EDGE,
  N_CLASSES,
} AttributeClass;

/* A declared attribute of nodes or edges: its type, default and what it stands for. */
typedef struct
{
  char            *id;
  char            *title;
  EntPropertyType  type;
  char            *fallback;   /* its <default>, or %NULL */
  EntCsvRole       role;
  gboolean         ignored;    /* a second attribute of the same title */
  gboolean         dates;      /* a string attribute whose values so far are all dates */
  GPtrArray       *properties; /* EntProperty made from it, owned by their entities and relations */
} Attribute;

/* The value of an attribute on one node or edge: a static one, and the dynamic ones with their times. */
typedef struct
{
  char    *value;
  GString *spans;
} Value;

typedef struct
{
  EntImport             *import;
  EntXmlReader          *reader;
  GCancellable          *cancellable;
  EntImportProgressFunc  progress;
  gpointer               user_data;
  GPtrArray             *attributes[N_CLASSES]; /* Attribute, as declared */
  gboolean               roles_known[N_CLASSES];
  AttributeClass         current_class;
  GHashTable            *nodes;     /* file id → EntEntity, for the edges */
  GArray                *positions; /* EntPosition, y downwards */
  GHashTable            *adopted;   /* kind keys whose colour is a node's viz:color */
  GHashTable            *kinds;     /* a type as the file writes it → an entity of its kind */
  gboolean               have_graph;
  gboolean               dates;     /* whether times are dates (timeformat date or dateTime) */
  gboolean               timeformat_given;
  gboolean               directed;  /* the graph's defaultedgetype */
  gboolean               told_types; /* of an edge type that is no direction */
  gint64                 next_entity;
  guint                  n_elements;
} Reader;

/* A node or an edge while it is read. */
typedef struct
{
  EntEntity   *entity;
  EntRelation *relation;
  guint64      line;
  GHashTable  *values;  /* Attribute → Value */
  GHashTable  *keys;    /* the keys of its properties so far */
  GString     *spells;
  GString     *parents;
  char        *spell_start;
  char        *spell_end;
  char        *color;
  gboolean     has_kind;
  gboolean     placed;
  EntPosition  position;
} Element;

void      _ent_gexf_attribute_free (Attribute       *attribute);
void      _ent_gexf_value_free     (Value           *value);
gboolean  _ent_gexf_fail           (Reader          *self,
                                    int              code,
                                    GError         **error,
                                    const char      *message);
void      _ent_gexf_set_text       (char           **text,
                                    const char      *value);
gboolean  _ent_gexf_too_long       (const char      *text,
                                    gsize            max);
void      _ent_gexf_know_roles     (Reader          *self,
                                    AttributeClass   class);
gboolean  _ent_gexf_read_attribute (Reader          *self,
                                    GError         **error);
void      _ent_gexf_read_attvalue  (Reader          *self,
                                    AttributeClass   class,
                                    Element         *element);
EntProperty *_ent_gexf_add_property (Reader         *self,
                                    Element         *element,
                                    const char      *key,
                                    EntPropertyType  type,
                                    const char      *value);
void      _ent_gexf_set_kind       (Reader          *self,
                                    EntEntity       *entity,
                                    const char      *type);
void      _ent_gexf_clear_kinds    (Reader          *self);
void      _ent_gexf_apply_values   (Reader          *self,
                                    AttributeClass   class,
                                    Element         *element);
void      _ent_gexf_read_times     (Reader          *self,
                                    Element         *element,
                                    char           **start_date,
                                    char           **end_date);
void      _ent_gexf_read_spell     (Reader          *self,
                                    Element         *element);
void      _ent_gexf_read_viz       (Reader          *self,
                                    Element         *element,
                                    const char      *name);

char     *_ent_gexf_kind_color     (EntGraph        *graph,
                                    const EntEntity *entity);

G_END_DECLS
