/* ent-application.h: the application: its command line, headless export, one instance and a window per file
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-window.h"

G_BEGIN_DECLS

#define ENT_TYPE_APPLICATION (ent_application_get_type ())

G_DECLARE_FINAL_TYPE (EntApplication, ent_application, ENT, APPLICATION, AdwApplication)

EntApplication *ent_application_new         (void);
EntWindow      *ent_application_find_window (EntApplication *self,
                                             GFile          *file);

G_END_DECLS
