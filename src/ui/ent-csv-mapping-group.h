/* ent-csv-mapping-group.h: the mapping step of a CSV file: what it lists and what each column stands for
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-csv.h"

G_BEGIN_DECLS

#define ENT_TYPE_CSV_MAPPING_GROUP (ent_csv_mapping_group_get_type ())

G_DECLARE_FINAL_TYPE (EntCsvMappingGroup, ent_csv_mapping_group, ENT, CSV_MAPPING_GROUP, AdwPreferencesGroup)

GtkWidget     *ent_csv_mapping_group_new         (const char         *path,
                                                  EntCsvPreview      *preview);
const char    *ent_csv_mapping_group_get_path    (EntCsvMappingGroup *self);
EntCsvMapping *ent_csv_mapping_group_get_mapping (EntCsvMappingGroup *self);
const char    *ent_csv_mapping_group_get_problem (EntCsvMappingGroup *self);

G_END_DECLS
