/* ent-paths.h: the chains of relations that connect two entities
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-graph.h"

G_BEGIN_DECLS

/* A chain of relations between two entities. */
typedef struct
{
  GArray *entity_ids;    /* gint64: from the first entity to the last, n_hops + 1 of them */
  GArray *relation_ids;  /* gint64: the hops, in order */
  guint   n_unsupported; /* hops whose relation has no supporting (non-disputing) quote */
} EntPath;

void      ent_path_free (EntPath *path);

/* Whether a relation (@is_relation) or an entity is shown; the query only walks what this says is shown. */
typedef gboolean (*EntPathShownFunc) (gboolean is_relation,
                                      gint64   id,
                                      gpointer user_data);

/*
 * The network as the path query walks it, built once per graph. It keeps a
 * reference on the graph and reads it as it was when the index was built.
 * An index answers one query at a time: it reuses its scratch space.
 */
typedef struct _EntPathIndex EntPathIndex;

EntPathIndex *ent_path_index_new  (EntGraph         *graph);
void          ent_path_index_free (EntPathIndex     *self);
GPtrArray    *ent_path_index_find (EntPathIndex     *self,
                                   gint64            from_id,
                                   gint64            to_id,
                                   guint             max_paths,
                                   EntPathShownFunc  shown,
                                   gpointer          user_data);

gboolean      ent_relation_is_supported (const EntRelation *relation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntPath, ent_path_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntPathIndex, ent_path_index_free)

G_END_DECLS
