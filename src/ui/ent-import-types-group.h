/* ent-import-types-group.h: the step of an import where a person chooses which key gives the entities their kinds
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-import.h"

G_BEGIN_DECLS

#define ENT_TYPE_IMPORT_TYPES_GROUP (ent_import_types_group_get_type ())

G_DECLARE_FINAL_TYPE (EntImportTypesGroup, ent_import_types_group, ENT, IMPORT_TYPES_GROUP, AdwPreferencesGroup)

GtkWidget *ent_import_types_group_new        (void);
void       ent_import_types_group_set_import (EntImportTypesGroup *self,
                                              EntImport           *import);

G_END_DECLS
