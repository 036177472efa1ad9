/* ent-evidence-panel.h: the panel of the evidence behind the selected entity or relation
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ent-graph.h"

G_BEGIN_DECLS

#define ENT_TYPE_EVIDENCE_PANEL (ent_evidence_panel_get_type ())

G_DECLARE_FINAL_TYPE (EntEvidencePanel, ent_evidence_panel, ENT, EVIDENCE_PANEL, GtkWidget)

GtkWidget *ent_evidence_panel_new           (void);
void       ent_evidence_panel_set_graph     (EntEvidencePanel *self,
                                             EntGraph         *graph);
void       ent_evidence_panel_show_entity   (EntEvidencePanel *self,
                                             gint64            entity_id);
void       ent_evidence_panel_show_relation (EntEvidencePanel *self,
                                             gint64            relation_id);
gint64     ent_evidence_panel_get_entity    (EntEvidencePanel *self);
gint64     ent_evidence_panel_get_relation  (EntEvidencePanel *self);
gboolean   ent_evidence_panel_is_finding_mentions (EntEvidencePanel *self);
GArray    *ent_evidence_panel_get_unlinked_mentions (EntEvidencePanel *self);

G_END_DECLS
