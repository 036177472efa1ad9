/* ent-graphml.h: GraphML, as networkx, Gephi and yEd write it, read into an import and written from a graph
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-import.h"

G_BEGIN_DECLS

/*
 * The names of the keys Entente writes and reads back beyond those a
 * graph tool has: the graph's kinds (one a line, see ent-graphml-write.c),
 * and the attribute of a <key> that says its strings are dates, after
 * yEd's own "yfiles.type".
 */
#define ENT_GRAPHML_KINDS_KEY  "kinds"
#define ENT_GRAPHML_TYPE_ATTR  "entente.type"

/* What stands between two quotes in the "quotes" text of an entity or relation: a blank line, as in the CSV files. */
#define ENT_GRAPHML_QUOTE_SEPARATOR "\n\n"

EntImport *ent_graphml_read  (const char             *path,
                              GCancellable           *cancellable,
                              EntImportProgressFunc   progress,
                              gpointer                user_data,
                              GError                **error);
gboolean   ent_graphml_write (EntGraph               *graph,
                              GPtrArray              *layouts,
                              const char             *path,
                              GCancellable           *cancellable,
                              GError                **error);

G_END_DECLS
