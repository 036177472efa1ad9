/* ent-network-file.h: reading networks written as text
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-store.h"

G_BEGIN_DECLS

gboolean ent_network_file_import (EntStore    *store,
                                  const char  *path,
                                  GError     **error);

G_END_DECLS
