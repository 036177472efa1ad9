/* ent-diagram.h: from a file to a drawn diagram
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-export.h"
#include "ent-export-scope.h"
#include "ent-layout.h"
#include "ent-scene.h"
#include "ent-store.h"

G_BEGIN_DECLS

/* How long a layout may take before it is given up, unless the caller says otherwise. */
#define ENT_DIAGRAM_LAYOUT_TIMEOUT_MS (5 * 60 * 1000)

/* Up to how many entities the engines that route slowly route edges (see ent-diagram.c). */
#define ENT_DIAGRAM_ROUTED_MAX_ENTITIES 60

/* What of the network `entente --export` draws: the view it would show. */
typedef struct
{
  /* ENT_EXPORT_SCOPE_ALL is taken for SHOWN when @kinds or @focus is set. */
  EntExportScope      scope;
  /* For ENT_EXPORT_SCOPE_NEIGHBOURS: an entity's id, or its name (ignoring case). */
  const char         *entity;
  /* The keys of the kinds shown (NULL for all); the entity in focus (id or name) and how many relations
   * around it are shown (0 for the view's default). */
  const char * const *kinds;
  const char         *focus;
  guint               focus_depth;
  /* Only this part of the graph, in points. */
  gboolean            has_area;
  EntRect             area;
  /* Only what these sources support: ids or titles (ignoring case), separated by commas; NULL for all. */
  const char         *sources;
  /* Only what happened, or was reported, in a time range: "1991", "2024-03..2024-05", "--03-11..--03-13";
   * NULL for all. */
  const char         *happened;
  const char         *reported;
} EntDiagramScope;

const char       *ent_diagram_choose_engine      (EntGraph          *graph,
                                                  const char       **reason);
gboolean          ent_diagram_positions_complete (EntGraph          *graph,
                                                  GArray            *positions);
EntLayoutRequest *ent_diagram_layout_request     (EntGraph          *graph,
                                                  const char        *engine,
                                                  GArray            *previous);
GArray           *ent_diagram_positions_from_layout (EntLayoutResult *result,
                                                     GArray          *previous);
GArray           *ent_diagram_routes_from_layout (EntLayoutResult   *result);
gboolean          ent_diagram_engine_routes      (const char        *engine,
                                                  guint              n_entities);
gboolean          ent_diagram_can_reroute        (const char        *engine,
                                                  guint              n_entities);
void              ent_diagram_reroute_async      (EntStore          *store,
                                                  EntGraph          *graph,
                                                  const char        *engine,
                                                  GArray            *positions,
                                                  GArray            *relation_ids,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
GArray           *ent_diagram_reroute_finish     (GAsyncResult      *result,
                                                  GError           **error);
EntScene         *ent_diagram_new_scene          (EntStore          *store,
                                                  EntGraph          *graph,
                                                  const char        *engine,
                                                  GArray            *positions,
                                                  GArray            *bundles);
EntLayoutRequest *ent_diagram_bundle_request     (EntScene          *scene,
                                                  const char        *engine);
GArray           *ent_diagram_bundles_from_layout (EntLayoutResult  *result);
void              ent_diagram_bundle_async       (EntStore          *store,
                                                  EntScene          *scene,
                                                  const char        *engine,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
GArray           *ent_diagram_bundle_finish      (GAsyncResult      *result,
                                                  GError           **error);
GArray           *ent_diagram_bundle             (EntStore          *store,
                                                  EntScene          *scene,
                                                  const char        *engine,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
gboolean          ent_diagram_bundle_file        (const char        *input,
                                                  const char        *output,
                                                  const char        *engine,
                                                  gboolean           relayout,
                                                  const EntExportOptions *png_size,
                                                  guint             *n_bundled,
                                                  GError           **error);
EntScene         *ent_diagram_build              (EntStore          *store,
                                                  EntGraph          *graph,
                                                  const char        *engine,
                                                  gboolean           relayout,
                                                  GCancellable      *cancellable,
                                                  gboolean          *laid_out,
                                                  GError           **error);
void              ent_diagram_build_async        (EntStore          *store,
                                                  EntGraph          *graph,
                                                  const char        *engine,
                                                  gboolean           relayout,
                                                  GCancellable      *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer           user_data);
EntScene         *ent_diagram_build_finish       (GAsyncResult      *result,
                                                  gboolean          *laid_out,
                                                  GError           **error);
gboolean          ent_diagram_export_file        (const char        *input,
                                                  const char        *output,
                                                  const char        *engine,
                                                  gboolean           relayout,
                                                  const EntExportOptions *options,
                                                  const EntDiagramScope *scope,
                                                  GError           **error);
gboolean          ent_diagram_write_report       (const char        *in,
                                                  const char        *out,
                                                  const char        *engine,
                                                  gboolean           relayout,
                                                  const EntDiagramScope *scope,
                                                  GError           **error);
guint8           *ent_diagram_scope_states       (EntScene          *scene,
                                                  EntGraph          *graph,
                                                  const EntDiagramScope *scope,
                                                  char             **filters,
                                                  GError           **error);

G_END_DECLS
