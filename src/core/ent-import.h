/* ent-import.h: what an importer read from a file, before it is written into a network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-position.h"

G_BEGIN_DECLS

#define ENT_IMPORT_ERROR (ent_import_error_quark ())

typedef enum
{
  /* The file is not in the format it was read as, or is broken (truncated, bad UTF-8, too deep). */
  ENT_IMPORT_ERROR_INVALID,
  /* The file, a line or a value is larger than Entente reads. */
  ENT_IMPORT_ERROR_TOO_LARGE,
  ENT_IMPORT_ERROR_FAILED,
} EntImportError;

/* A key whose values are more varied than this is not offered as the entities' types. */
#define ENT_IMPORT_MAX_TYPES 100

/* Bounds on what an importer reads, so that no file can take the machine's memory. */
#define ENT_IMPORT_MAX_FILE_SIZE   (G_GINT64_CONSTANT (1) << 30)
#define ENT_IMPORT_MAX_LINE_LENGTH (16 * 1024 * 1024)
#define ENT_IMPORT_MAX_DEPTH       64

/* A stored layout of an imported network: the positions @engine placed its entities at. */
typedef struct
{
  char   *engine;
  GArray *positions; /* EntPosition, entity ids as in the import's graph */
} EntImportLayout;

/* Something the importer could not take, and where in the file it was (line 0: the whole file). */
typedef struct
{
  guint64  line;
  char    *message;
} EntImportProblem;

/*
 * A network as read from a file. The ids in @graph are the file's own (or
 * made up by the importer, 1, 2, …): positive and unique per table, and every
 * reference among them resolves. Entities of a kind no built-in one fits
 * have @kind_key set to a kind in @graph's kinds, which the importer added
 * with ent_import_add_kind().
 */
typedef struct
{
  EntGraph   *graph;
  GPtrArray  *layouts;    /* EntImportLayout */
  GPtrArray  *problems;   /* EntImportProblem, what was skipped */
  /* The file's key whose values gave the entities their kinds, or %NULL; set by the importer, then by
   * ent_import_set_type_key(). */
  char       *type_key;
  /* EntEntity → the type it was given its kind from, as the file wrote it */
  GHashTable *types;
  /* A type as the file wrote it → the kind ent_import_set_kind() found for it, so each is looked up once */
  GHashTable *kinds_of_types;
} EntImport;

/* What becomes of an imported entity that matches one the network has. */
typedef enum
{
  ENT_IMPORT_MERGE,     /* its relations, evidence and properties go to the existing one */
  ENT_IMPORT_KEEP_BOTH, /* it comes in as an entity of its own */
  ENT_IMPORT_SKIP,      /* it stays out, with the relations it has */
} EntImportDecision;

/* An imported entity with the same kind and folded name as one the network has. */
typedef struct
{
  gint64            import_id;
  gint64            existing_id;
  EntImportDecision decision;
} EntImportMatch;

/* How much of an import came in. */
typedef struct
{
  guint kinds;
  guint sources;
  guint entities;
  guint relations;
  guint quotes;
  guint properties;
  guint merged;
  guint skipped;
} EntImportCounts;

/* Called now and then from the thread that reads, with how much of the file is read. */
typedef void (*EntImportProgressFunc) (double   fraction,
                                       gpointer user_data);

GQuark       ent_import_error_quark  (void);
EntImport   *ent_import_new          (void);
void         ent_import_free         (EntImport   *self);
void         ent_import_add_problem  (EntImport   *self,
                                      guint64      line,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (3, 4);
void         ent_import_set_kind     (EntImport   *self,
                                      EntEntity   *entity,
                                      const char  *type);
GPtrArray   *ent_import_get_type_keys (EntImport  *self);
void         ent_import_set_type_key  (EntImport  *self,
                                       const char *key);
gboolean     ent_import_add_opening_layout     (EntImport  *self,
                                                GArray     *positions);
GHashTable  *ent_import_find_opening_positions (EntGraph   *graph,
                                                GPtrArray  *layouts,
                                                gboolean    complete);
GArray      *ent_import_add_layout   (EntImport   *self,
                                      const char  *engine);
char        *ent_import_fold_name    (const char  *name);
GArray      *ent_import_find_matches (EntImport   *self,
                                      EntGraph    *existing);

/* Sources an importer makes of the quotes a file gives as text, each source's body its quotes one after the other. */
typedef struct _EntImportQuotes EntImportQuotes;

EntImportQuotes *ent_import_quotes_new    (EntImport       *import);
gint64           ent_import_quotes_add    (EntImportQuotes *self,
                                           const char      *title,
                                           const char      *text);
void             ent_import_quotes_finish (EntImportQuotes *self);
void             ent_import_quotes_free   (EntImportQuotes *self);

void         ent_import_layout_free  (EntImportLayout  *layout);
void         ent_import_problem_free (EntImportProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntImport, ent_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntImportQuotes, ent_import_quotes_free)

G_END_DECLS
