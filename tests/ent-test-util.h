/* ent-test-util.h: what several tests need of the bundled network and of a store
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-data.h"
#include "ent-graph.h"
#include "ent-scene.h"
#include "ent-store.h"

G_BEGIN_DECLS

/* Helpers for the tests only, so they go without the library's prefix. */
EntGraph  *load_graph   (const char *path);
EntGraph  *load_bundled (void);
EntEntity *find_entity  (EntGraph   *graph,
                         const char *name);
char      *copy_bundled (const char *dir,
                         const char *name);
char      *describe_properties (GPtrArray *properties);
void       add_airport_kind (EntGraph  *graph);
EntEntity *add_kind_entity  (EntGraph   *graph,
                             gint64      id,
                             EntKind     kind,
                             const char *kind_key,
                             const char *name);
EntEntity *middle_entity    (EntGraph   *graph);
const EntSceneItem *find_edge (EntScene *scene,
                               gint64    relation_id);

double     test_slowdown       (void);
char      *temp_path           (const char *name);
char      *write_temp_file     (const char *name,
                                const char *contents,
                                gssize      length);

/* A folder of a test's own, made before it and emptied and removed after it. */
typedef struct
{
  char *dir;
} TempDir;

void       temp_dir_set_up     (TempDir       *fixture,
                                gconstpointer  data);
void       temp_dir_tear_down  (TempDir       *fixture,
                                gconstpointer  data);
char      *temp_dir_write      (TempDir       *fixture,
                                const char    *name,
                                const char    *contents,
                                gssize         length);

char      *write_truncated     (const char *original,
                                const char *name);
char      *repeat_text         (const char *start,
                                const char *unit,
                                guint       n,
                                const char *end);
char      *deep_text           (const char *start,
                                guint       depth,
                                const char *end);
EntImportLayout *awkward_layout (EntGraph   *graph,
                                 const char *engine,
                                 gboolean    pins);
void       make_ministry       (EntGraph   *graph,
                                EntEntity  *entity,
                                const char *label);

char      *data_path           (const char *folder,
                                const char *name);
EntImport *read_ok             (EntDataReadFileFunc  read,
                                const char          *path);
EntImport *read_data_file      (EntDataReadFileFunc  read,
                                const char          *folder,
                                const char          *name);
void       assert_read_fails   (EntDataReadFileFunc  read,
                                const char          *path,
                                int                  code,
                                const char          *part_of_message);
void       assert_contents_fail (EntDataReadFileFunc  read,
                                 const char          *name,
                                 const char          *contents,
                                 int                  code,
                                 const char          *part_of_message);
EntStore  *store_of_import     (EntImport           *import,
                                const char          *path);
const char *property_value     (GPtrArray       *properties,
                                const char      *key,
                                EntPropertyType  type);
void       add_property        (GPtrArray      **properties,
                                const char      *key,
                                EntPropertyType  type,
                                const char      *value);
char      *sqlite_shell        (const char *path,
                                const char *sql);
void       sqlite_shell_script (const char *path,
                                const char *script);

EntStore  *open_copy_of_bundled (void);
char      *dump_store           (EntStore   *store);
void       assert_one_step      (EntStore   *store,
                                 const char *before,
                                 const char *after);
void       assert_unchanged     (EntStore   *store,
                                 const char *before);

/*
 * An edit the window makes, composed in the core: it sets @label to the name
 * the edit should have in the Undo menu.
 */
typedef gboolean (*ComposedFunc) (EntStore  *store,
                                  EntGraph  *graph,
                                  char     **label,
                                  GError   **error);

typedef struct
{
  const char   *name;
  ComposedFunc  func;
} ComposedEdit;

void       add_composed_tests (const ComposedEdit *edits,
                               guint               n_edits);

G_END_DECLS
