/* ent-property-list.h: the properties of an entity or a relation, each a key and its value as people read it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_PROPERTY_LIST (ent_property_list_get_type ())

G_DECLARE_FINAL_TYPE (EntPropertyList, ent_property_list, ENT, PROPERTY_LIST, GtkWidget)

GtkWidget *ent_property_list_new            (void);
void       ent_property_list_set_properties (EntPropertyList *self,
                                             GPtrArray       *properties);

G_END_DECLS
