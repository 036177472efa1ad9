/* ent-property-editor.h: the rows of a form in which the properties of an entity or a relation are edited
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_PROPERTY_EDITOR (ent_property_editor_get_type ())

G_DECLARE_FINAL_TYPE (EntPropertyEditor, ent_property_editor, ENT, PROPERTY_EDITOR, AdwPreferencesGroup)

GtkWidget *ent_property_editor_new            (void);
void       ent_property_editor_set_properties (EntPropertyEditor  *self,
                                               GPtrArray          *properties);
GPtrArray *ent_property_editor_dup_properties (EntPropertyEditor  *self);
char      *ent_property_editor_dup_problem    (EntPropertyEditor  *self,
                                               GtkWidget         **problem_widget);
void       ent_property_editor_add            (EntPropertyEditor  *self);

G_END_DECLS
