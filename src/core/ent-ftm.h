/* ent-ftm.h: FollowTheMoney entities, as Aleph and OpenSanctions publish them in JSON lines, read
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ent-import.h"

G_BEGIN_DECLS

EntImport *ent_ftm_read (const char             *path,
                         GCancellable           *cancellable,
                         EntImportProgressFunc   progress,
                         gpointer                user_data,
                         GError                **error);

G_END_DECLS
