/* ent-store.h: reading and writing .entente files
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-import.h"
#include "ent-position.h"

G_BEGIN_DECLS

/* "ENTE" in ASCII: PRAGMA application_id of every .entente file. */
#define ENT_STORE_APPLICATION_ID 0x454E5445
#define ENT_STORE_SCHEMA_VERSION 7

#define ENT_STORE_ERROR (ent_store_error_quark ())

/* Callers tell errors apart by these codes; the messages are for people. */
typedef enum
{
  ENT_STORE_ERROR_NOT_ENTENTE,
  ENT_STORE_ERROR_CORRUPT,
  ENT_STORE_ERROR_UNSAFE_SCHEMA,
  ENT_STORE_ERROR_READ_ONLY,
  /* A value the schema refuses: an empty name, a bad date, a broken reference. */
  ENT_STORE_ERROR_INVALID,
  /* A quote that is not its source's passage, whether the store or the file's triggers found it. */
  ENT_STORE_ERROR_QUOTE_MISMATCH,
  ENT_STORE_ERROR_NOT_FOUND,
  ENT_STORE_ERROR_FAILED,
} EntStoreError;

typedef enum
{
  ENT_STORE_OPEN_DEFAULT   = 0,
  /* Create a new, empty file when none exists at the path. */
  ENT_STORE_OPEN_CREATE    = 1 << 0,
  ENT_STORE_OPEN_READ_ONLY = 1 << 1,
} EntStoreOpenFlags;

#define ENT_TYPE_STORE (ent_store_get_type ())

G_DECLARE_FINAL_TYPE (EntStore, ent_store, ENT, STORE, GObject)

GQuark       ent_store_error_quark              (void);

EntStore    *ent_store_open                     (const char         *path,
                                                 EntStoreOpenFlags   flags,
                                                 GError            **error);
const char  *ent_store_get_path                 (EntStore           *self);
gboolean     ent_store_is_read_only             (EntStore           *self);
const char  *ent_store_get_read_only_reason     (EntStore           *self);
int          ent_store_get_file_version         (EntStore           *self);

gboolean     ent_store_begin                    (EntStore           *self,
                                                 GError            **error);
gboolean     ent_store_commit                   (EntStore           *self,
                                                 GError            **error);
void         ent_store_rollback                 (EntStore           *self);

gint64       ent_store_add_source               (EntStore           *self,
                                                 const EntSource    *source,
                                                 GError            **error);
gint64       ent_store_add_entity               (EntStore           *self,
                                                 const EntEntity    *entity,
                                                 GError            **error);
gint64       ent_store_add_relation             (EntStore           *self,
                                                 const EntRelation  *relation,
                                                 GError            **error);
gint64       ent_store_add_quote                (EntStore           *self,
                                                 gint64              source_id,
                                                 gint64              start,
                                                 gint64              end,
                                                 const char         *text,
                                                 GError            **error);
gboolean     ent_store_add_entity_evidence      (EntStore           *self,
                                                 gint64              entity_id,
                                                 gint64              quote_id,
                                                 GError            **error);
gboolean     ent_store_set_stance               (EntStore           *self,
                                                 gint64              entity_id,
                                                 gint64              relation_id,
                                                 gint64              quote_id,
                                                 gboolean            disputes,
                                                 GError            **error);
gboolean     ent_store_add_relation_evidence    (EntStore           *self,
                                                 gint64              relation_id,
                                                 gint64              quote_id,
                                                 GError            **error);
gboolean     ent_store_edit_begin               (EntStore           *self,
                                                 const char         *label,
                                                 GError            **error);
gboolean     ent_store_edit_commit              (EntStore           *self,
                                                 GError            **error);
void         ent_store_edit_cancel              (EntStore           *self);
gboolean     ent_store_undo                     (EntStore           *self,
                                                 GError            **error);
gboolean     ent_store_redo                     (EntStore           *self,
                                                 GError            **error);
const char  *ent_store_get_undo_label           (EntStore           *self);
GBytes      *ent_store_take_last_edit           (EntStore           *self,
                                                 char              **label);
void         ent_store_add_edit                 (EntStore           *self,
                                                 const char         *label,
                                                 GBytes             *changeset);
const char  *ent_store_get_redo_label           (EntStore           *self);

gboolean     ent_store_check_aliases            (GPtrArray          *aliases,
                                                 GError            **error);
gboolean     ent_store_set_aliases              (EntStore           *self,
                                                 gint64              entity_id,
                                                 GPtrArray          *aliases,
                                                 GError            **error);
gboolean     ent_store_update_entity            (EntStore           *self,
                                                 const EntEntity    *entity,
                                                 GError            **error);
gboolean     ent_store_delete_entity            (EntStore           *self,
                                                 gint64              entity_id,
                                                 GError            **error);
gboolean     ent_store_count_dependents         (EntStore           *self,
                                                 gint64              entity_id,
                                                 guint              *n_relations,
                                                 guint              *n_quotes,
                                                 GError            **error);
gboolean     ent_store_update_relation          (EntStore           *self,
                                                 const EntRelation  *relation,
                                                 GError            **error);
gboolean     ent_store_delete_relation          (EntStore           *self,
                                                 gint64              relation_id,
                                                 GError            **error);
gboolean     ent_store_update_source            (EntStore           *self,
                                                 const EntSource    *source,
                                                 GError            **error);
gboolean     ent_store_delete_source            (EntStore           *self,
                                                 gint64              source_id,
                                                 GError            **error);
gboolean     ent_store_delete_quote             (EntStore           *self,
                                                 gint64              quote_id,
                                                 GError            **error);
gboolean     ent_store_remove_evidence          (EntStore           *self,
                                                 gint64              entity_id,
                                                 gint64              relation_id,
                                                 gint64              quote_id,
                                                 GError            **error);
gboolean     ent_store_merge_entities           (EntStore           *self,
                                                 gint64              keep_id,
                                                 gint64              other_id,
                                                 GError            **error);
gboolean     ent_store_add_kind                 (EntStore           *self,
                                                 const EntKindInfo  *kind,
                                                 GError            **error);
gboolean     ent_store_update_kind              (EntStore           *self,
                                                 const EntKindInfo  *kind,
                                                 GError            **error);
gboolean     ent_store_set_property             (EntStore           *self,
                                                 gint64              entity_id,
                                                 gint64              relation_id,
                                                 const EntProperty  *property,
                                                 GError            **error);
gboolean     ent_store_check_property           (const EntProperty  *property,
                                                 GError            **error);
gboolean     ent_store_remove_property          (EntStore           *self,
                                                 gint64              entity_id,
                                                 gint64              relation_id,
                                                 const char         *key,
                                                 GError            **error);
char        *ent_store_dump                     (EntStore           *self,
                                                 GError            **error);

gboolean     ent_store_set_entity_name          (EntStore           *self,
                                                 gint64              entity_id,
                                                 const char         *name,
                                                 GError            **error);

GArray      *ent_store_load_positions           (EntStore           *self,
                                                 const char         *engine,
                                                 GError            **error);
gboolean     ent_store_save_positions           (EntStore           *self,
                                                 const char         *engine,
                                                 const EntPosition  *positions,
                                                 guint               n_positions,
                                                 GError            **error);

GArray      *ent_store_load_routes              (EntStore           *self,
                                                 const char         *engine,
                                                 GError            **error);
gboolean     ent_store_save_routes              (EntStore           *self,
                                                 const char         *engine,
                                                 const EntRoute     *routes,
                                                 guint               n_routes,
                                                 gboolean            replace,
                                                 GError            **error);

GArray      *ent_store_load_bundles             (EntStore           *self,
                                                 const char         *engine,
                                                 GError            **error);
gboolean     ent_store_save_bundles             (EntStore           *self,
                                                 const char         *engine,
                                                 const EntRoute     *bundles,
                                                 guint               n_bundles,
                                                 GError            **error);

gboolean     ent_store_check_integrity          (EntStore           *self,
                                                 GError            **error);
gboolean     ent_store_save_copy                (EntStore           *self,
                                                 const char         *path,
                                                 GError            **error);

GPtrArray   *ent_store_load_layouts             (EntStore           *self,
                                                 GError            **error);
gboolean     ent_store_import                   (EntStore              *self,
                                                 EntImport             *import,
                                                 const char            *edit_label,
                                                 gboolean               keep_ids,
                                                 GArray                *matches,
                                                 GCancellable          *cancellable,
                                                 EntImportProgressFunc  progress,
                                                 gpointer               user_data,
                                                 EntImportCounts       *counts,
                                                 GError               **error);

EntGraph    *ent_store_load_graph               (EntStore           *self,
                                                 GError            **error);

G_END_DECLS
