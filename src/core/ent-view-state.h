/* ent-view-state.h: what the diagram shows and how, short of drawing it
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ent-graph.h"
#include "ent-item-filter.h"
#include "ent-scene.h"

G_BEGIN_DECLS

typedef struct _EntViewState EntViewState;

EntViewState   *ent_view_state_new              (void);
void            ent_view_state_free             (EntViewState *self);

void            ent_view_state_set_scene        (EntViewState *self,
                                                 EntScene     *scene);
EntScene       *ent_view_state_get_scene        (EntViewState *self);
guint           ent_view_state_get_n_edges      (EntViewState *self);
int             ent_view_state_node_index       (EntViewState *self,
                                                 gint64        entity_id);
int             ent_view_state_edge_index       (EntViewState *self,
                                                 gint64        relation_id);

gboolean        ent_view_state_set_kind_visible (EntViewState *self,
                                                 const char   *key,
                                                 gboolean      visible);
gboolean        ent_view_state_get_kind_visible (EntViewState *self,
                                                 const char   *key);
gboolean        ent_view_state_set_focus        (EntViewState *self,
                                                 gint64        entity_id,
                                                 guint         depth);
gint64          ent_view_state_get_focus        (EntViewState *self);
GHashTable     *ent_view_state_reach            (EntViewState *self,
                                                 gint64        entity_id,
                                                 guint         depth);

/* The filters a view holds at once, one of each; each hides what it leaves out. */
typedef enum
{
  ENT_VIEW_FILTER_SOURCES,
  ENT_VIEW_FILTER_TIME,
  ENT_VIEW_N_FILTERS
} EntViewFilter;

gboolean        ent_view_state_set_filter       (EntViewState  *self,
                                                 EntViewFilter  slot,
                                                 EntItemFilter *filter);
EntItemFilter  *ent_view_state_get_filter       (EntViewState  *self,
                                                 EntViewFilter  slot);
char           *ent_view_state_describe_filters (EntViewState  *self);

gboolean        ent_view_state_is_hidden        (EntViewState *self,
                                                 guint         index);
gboolean        ent_view_state_entity_shown     (EntViewState *self,
                                                 gint64        entity_id);
gboolean        ent_view_state_relation_shown   (EntViewState *self,
                                                 gint64        relation_id);
void            ent_view_state_count_shown      (EntViewState *self,
                                                 guint        *n_entities,
                                                 guint        *n_relations);
guint           ent_view_state_count_relations  (EntViewState *self,
                                                 gint64        entity_id);
int             ent_view_state_hit_test         (EntViewState *self,
                                                 double        x,
                                                 double        y,
                                                 double        reach);

gboolean        ent_view_state_set_chain        (EntViewState *self,
                                                 GArray       *entity_ids,
                                                 GArray       *relation_ids,
                                                 const char   *caption);
gboolean        ent_view_state_has_chain        (EntViewState *self);
gboolean        ent_view_state_in_chain         (EntViewState *self,
                                                 guint         index);

void            ent_view_state_update_states    (EntViewState *self,
                                                 int           selected,
                                                 int           hover);
const guint8   *ent_view_state_get_states       (EntViewState *self);

/* A node gliding from where an earlier scene had it to where its scene has it. */
typedef struct
{
  gint64 entity_id;
  double from_x;
  double from_y;
  double to_x;
  double to_y;
} EntNodeGlide;

/* How long a glide takes, in microseconds. */
#define ENT_VIEW_STATE_GLIDE_US (250 * 1000)

GArray         *ent_view_state_find_glides      (EntScene     *before,
                                                 EntScene     *after);
double          ent_view_state_glide_ease       (double        t);
void            ent_view_state_apply_glides     (EntScene     *scene,
                                                 GArray       *glides,
                                                 double        t);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntViewState, ent_view_state_free)

G_END_DECLS
