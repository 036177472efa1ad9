/* ent-json.h: Entente's own JSON format, which keeps every row of a network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-graph.h"
#include "ent-import.h"

G_BEGIN_DECLS

/* The "format" and "version" members of every file; data/entente-network.schema.json describes the rest. */
#define ENT_JSON_FORMAT  "entente-network"
#define ENT_JSON_VERSION 1

EntImport *ent_json_read  (const char             *path,
                           GCancellable           *cancellable,
                           EntImportProgressFunc   progress,
                           gpointer                user_data,
                           GError                **error);
gboolean   ent_json_write (EntGraph               *graph,
                           GPtrArray              *layouts,
                           const char             *path,
                           GCancellable           *cancellable,
                           GError                **error);

G_END_DECLS
