/* ent-entity-dialog.h
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_ENTITY_DIALOG (ent_entity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (EntEntityDialog, ent_entity_dialog, ENT, ENTITY_DIALOG, AdwWindow)

EntEntityDialog *ent_entity_dialog_new         (GtkWindow       *parent,
                                                EntGraph        *graph,
                                                const EntEntity *entity);
EntEntity       *ent_entity_dialog_dup_entity  (EntEntityDialog *self);
gboolean         ent_entity_dialog_is_valid    (EntEntityDialog *self);
const char      *ent_entity_dialog_get_problem (EntEntityDialog *self);

G_END_DECLS
