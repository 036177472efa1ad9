/* ent-gexf.h: GEXF, the format of Gephi, read into an import and written from a network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-import.h"

G_BEGIN_DECLS

/* The namespace of what Entente writes: GEXF 1.3's, as its schema and networkx 3 know it. */
#define ENT_GEXF_NAMESPACE "http://gexf.net/1.3"
/* GEXF 1.2's, the newest that networkx 2 (Debian 12's) and Gephi before 0.9 read. */
#define ENT_GEXF_1_2_NAMESPACE     "http://www.gexf.net/1.2draft"
#define ENT_GEXF_1_2_VIZ_NAMESPACE "http://www.gexf.net/1.2draft/viz"

EntImport *ent_gexf_read  (const char             *path,
                           GCancellable           *cancellable,
                           EntImportProgressFunc   progress,
                           gpointer                user_data,
                           GError                **error);
gboolean   ent_gexf_write (EntGraph               *graph,
                           GPtrArray              *layouts,
                           const char             *path,
                           GCancellable           *cancellable,
                           GError                **error);
gboolean   ent_gexf_write_1_2 (EntGraph           *graph,
                               GPtrArray          *layouts,
                               const char         *path,
                               GCancellable       *cancellable,
                               GError            **error);

G_END_DECLS
