/* ent-json-private.h: what the parts of the JSON reader share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ent-json.h"

G_BEGIN_DECLS

/* What a look over the bytes found before json-glib parses them. */
typedef struct
{
  guint       n_lines;
  /* The line each item of each table (a member of the root that is an array) starts on: GArray of guint. */
  GHashTable *item_lines;
} EntJsonScan;

typedef enum
{
  ENT_JSON_ITEM_ANY,      /* an item whose id is not known: @index in @table */
  ENT_JSON_ITEM_KIND,     /* @key */
  ENT_JSON_ITEM_SOURCE,   /* @id */
  ENT_JSON_ITEM_QUOTE,    /* @id */
  ENT_JSON_ITEM_ENTITY,   /* @id */
  ENT_JSON_ITEM_RELATION, /* @id */
  ENT_JSON_ITEM_LAYOUT,   /* @key, the engine */
  ENT_JSON_ITEM_PROPERTY, /* @key, of @parent */
  ENT_JSON_ITEM_POSITION, /* @index, of @parent */
} EntJsonItemType;

/*
 * An item of the file being read, as its problems name it. The name is
 * only made when there is a problem, as most items have none.
 */
typedef struct _EntJsonItem EntJsonItem;

struct _EntJsonItem
{
  EntJsonItemType    type;
  const EntJsonItem *parent;
  const char        *table;
  guint              index;
  gint64             id;
  const char        *key;
  guint64            line;
  EntImport         *import;
  /* Set when a value is larger than Entente reads, which fails the whole read. */
  GError           **error;
};

/* How long texts may be, in characters. */
#define ENT_JSON_KEY_LENGTH  ENT_PROPERTY_KEY_MAX_LENGTH    /* keys of kinds and properties, dates, names of looks */
#define ENT_JSON_NAME_LENGTH ENT_PROPERTY_VALUE_MAX_LENGTH  /* names, titles, labels, addresses, values */
#define ENT_JSON_TEXT_LENGTH ENT_IMPORT_MAX_LINE_LENGTH     /* descriptions, the bodies of sources, quotes */

GMappedFile *_ent_json_map       (const char   *path,
                                  const char  **data,
                                  gsize        *length,
                                  GError      **error);
gboolean  _ent_json_scan         (const char   *data,
                                  gsize         length,
                                  guint         first_line,
                                  EntJsonScan  *scan,
                                  GError      **error);
void      _ent_json_scan_clear   (EntJsonScan  *scan);
guint64   _ent_json_scan_line    (EntJsonScan  *scan,
                                  const char   *table,
                                  guint         index);
JsonParser *_ent_json_parse      (const char   *data,
                                  gsize         length,
                                  guint         first_line,
                                  GError      **error);
gboolean  _ent_json_write_object (JsonObject             *object,
                                  const char             *path,
                                  GCancellable           *cancellable,
                                  GError                **error);
JsonParser *_ent_json_load       (const char             *path,
                                  EntJsonScan            *scan,
                                  double                  scanned,
                                  double                  parsed,
                                  GCancellable           *cancellable,
                                  EntImportProgressFunc   progress,
                                  gpointer                user_data,
                                  GError                **error);

char     *_ent_json_item_name    (const EntJsonItem *item);
void      _ent_json_problem      (const EntJsonItem *item,
                                  const char        *format,
                                  ...) G_GNUC_PRINTF (2, 3);
gboolean  _ent_json_get_text     (const EntJsonItem *item,
                                  JsonObject        *object,
                                  const char        *member,
                                  gboolean           required,
                                  gsize              max_length,
                                  char             **text);
gboolean  _ent_json_get_date     (const EntJsonItem *item,
                                  JsonObject        *object,
                                  const char        *member,
                                  char             **date);
gboolean  _ent_json_get_int      (const EntJsonItem *item,
                                  JsonObject        *object,
                                  const char        *member,
                                  gboolean           positive,
                                  gint64            *value);
gboolean  _ent_json_get_double   (const EntJsonItem *item,
                                  JsonObject        *object,
                                  const char        *member,
                                  double            *value);
gboolean  _ent_json_get_boolean  (const EntJsonItem *item,
                                  JsonObject        *object,
                                  const char        *member,
                                  gboolean           fallback,
                                  gboolean          *value);
gboolean  _ent_json_get_array    (const EntJsonItem *item,
                                  JsonObject        *object,
                                  const char        *member,
                                  JsonArray        **array);
gboolean  _ent_json_is_id        (JsonNode          *node);

void      _ent_json_set_number   (JsonObject        *object,
                                  const char        *member,
                                  double             value);

/* How the values of a list are joined when a list of another program's file becomes one property. */
#define ENT_JSON_LIST_SEPARATOR "; "

/* The properties an import of another program's JSON makes, to be typed once all are read. */
typedef struct
{
  EntImport  *import;
  gboolean    text_typed;
  GHashTable *keys;
} EntJsonProperties;

char     *_ent_json_value_text        (JsonNode          *node);
void      _ent_json_properties_init   (EntJsonProperties *self,
                                       EntImport         *import,
                                       gboolean           text_typed);
void      _ent_json_properties_add    (EntJsonProperties *self,
                                       guint64            line,
                                       const char        *owner,
                                       GPtrArray         *properties,
                                       const char        *key,
                                       JsonNode          *node);
void      _ent_json_properties_finish (EntJsonProperties *self);

G_END_DECLS
