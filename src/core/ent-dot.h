/* ent-dot.h: Graphviz DOT files, read by cgraph in a helper process and written for dot
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-import.h"

G_BEGIN_DECLS

EntImport *ent_dot_read  (const char             *path,
                          GCancellable           *cancellable,
                          EntImportProgressFunc   progress,
                          gpointer                user_data,
                          GError                **error);
gboolean   ent_dot_write (EntGraph               *graph,
                          GPtrArray              *layouts,
                          const char             *path,
                          GCancellable           *cancellable,
                          GError                **error);

G_END_DECLS
