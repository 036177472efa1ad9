/* ent-user-data.h: the user's own copy of the bundled network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ent_bundled_database_path (void);
char *ent_user_database_path    (void);
char *ent_user_database_ensure  (GError **error);

G_END_DECLS
