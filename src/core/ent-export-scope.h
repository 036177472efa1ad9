/* ent-export-scope.h: which part of the network an export shows
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-view-state.h"

G_BEGIN_DECLS

typedef enum
{
  /* The whole network, whatever the view's filters hide. */
  ENT_EXPORT_SCOPE_ALL,
  /* What the view's kind filter and focus show (with an area, the visible part of it). */
  ENT_EXPORT_SCOPE_SHOWN,
  /* An entity and its neighbours, among what the view shows. */
  ENT_EXPORT_SCOPE_NEIGHBOURS,
} EntExportScope;

guint8 *ent_export_scope_states (EntViewState    *view,
                                 EntExportScope   scope,
                                 gint64           entity_id,
                                 GError         **error);

G_END_DECLS
