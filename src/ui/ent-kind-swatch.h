/* ent-kind-swatch.h: the shape and colour that stand for a kind of entity
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-graph.h"
#include "ent-style.h"

G_BEGIN_DECLS

#define ENT_TYPE_KIND_SWATCH (ent_kind_swatch_get_type ())

G_DECLARE_FINAL_TYPE (EntKindSwatch, ent_kind_swatch, ENT, KIND_SWATCH, GtkWidget)

GtkWidget *ent_kind_swatch_new_for_look (const EntKindLook *look);
const EntKindLook *ent_kind_swatch_get_look (EntKindSwatch *self);
void       ent_kind_swatch_set_look   (EntKindSwatch     *self,
                                       const EntKindLook *look);
double     ent_kind_swatch_get_radius (EntKindSwatch     *self);
void       ent_kind_swatch_set_radius (EntKindSwatch     *self,
                                       double             radius);

G_END_DECLS
