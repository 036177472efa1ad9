/* ent-scene-kinds.c: the kinds of a scene's entities, how each is drawn, and their legend
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kind's look is read from its EntKindInfo once, when the scene is built,
 * so that drawing a frame only follows an index.
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include "ent-scene.h"
#include "ent-label-measure.h"
#include "ent-scene-private.h"

#include <glib/gi18n-lib.h>

/* Longest kind label drawn in the legend, in characters. */
#define KIND_LABEL_MAX_CHARS 60

static void
scene_kind_free (EntSceneKind *kind)
{
  if (kind == NULL)
    return;
  g_free (kind->key);
  g_free (kind->label);
  g_free (kind);
}

static guint
add_kind (EntSceneKinds *kinds,
          EntSceneKind  *kind)
{
  g_ptr_array_add (kinds->kinds, kind);
  g_hash_table_insert (kinds->index, kind->key, GUINT_TO_POINTER (kinds->kinds->len));

  return kinds->kinds->len - 1;
}

void
_ent_scene_kinds_init (EntSceneKinds *kinds,
                       EntGraph      *graph)
{
  kinds->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) scene_kind_free);
  kinds->index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < graph->kinds->len; i++)
    {
      const EntKindInfo *info = g_ptr_array_index (graph->kinds, i);
      EntSceneKind *kind = g_new0 (EntSceneKind, 1);

      kind->key = g_strdup (info->key);
      kind->label = ent_scene_sanitize_text (ent_style_kind_label (info), KIND_LABEL_MAX_CHARS);
      ent_style_look_from_info (info, &kind->look);
      add_kind (kinds, kind);
    }
}

void
_ent_scene_kinds_clear (EntSceneKinds *kinds)
{
  g_clear_pointer (&kinds->index, g_hash_table_unref);
  g_clear_pointer (&kinds->kinds, g_ptr_array_unref);
}

/*
 * The index of @entity's kind. A kind the graph does not list is drawn as
 * the entity's built-in kind, under its key, so that nothing is left out.
 */
guint
_ent_scene_kinds_resolve (EntSceneKinds   *kinds,
                          EntGraph        *graph,
                          const EntEntity *entity)
{
  const char *key = ent_entity_get_kind_key (entity);
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (kinds->index, key));
  EntSceneKind *kind;

  if (found > 0)
    return found - 1;

  kind = g_new0 (EntSceneKind, 1);
  kind->key = g_strdup (key);
  kind->label = ent_scene_sanitize_text (ent_style_entity_kind_label (graph, entity), KIND_LABEL_MAX_CHARS);
  ent_style_entity_look (graph, entity, &kind->look);

  return add_kind (kinds, kind);
}

/* The shape of @entity's node, for measuring it before there is a scene. */
EntShape
_ent_scene_entity_shape (EntGraph        *graph,
                         const EntEntity *entity)
{
  EntKindLook look;

  ent_style_entity_look (graph, entity, &look);
  return look.shape;
}

/* Which of the kinds @graph's entities have, by index; those it names beside its kinds are added. */
static GArray *
find_present (EntSceneKinds *kinds,
              EntGraph      *graph)
{
  GArray *present = g_array_new (FALSE, TRUE, sizeof (gboolean));

  for (guint i = 0; i < graph->entities->len; i++)
    {
      guint kind = _ent_scene_kinds_resolve (kinds, graph, g_ptr_array_index (graph->entities, i));

      if (kind >= present->len)
        g_array_set_size (present, kind + 1);
      g_array_index (present, gboolean, kind) = TRUE;
    }

  return present;
}

/**
 * ent_scene_list_kinds:
 * @graph: the network
 *
 * The kinds a legend of @graph lists: every kind that has entities, in the
 * order of the graph's kinds, each as a scene of @graph draws it.
 *
 * Returns: (transfer full) (element-type EntSceneKind): the kinds
 */
GPtrArray *
ent_scene_list_kinds (EntGraph *graph)
{
  EntSceneKinds kinds;
  g_autoptr(GArray) present = NULL;
  GPtrArray *listed = g_ptr_array_new_with_free_func ((GDestroyNotify) scene_kind_free);

  g_return_val_if_fail (graph != NULL, listed);

  _ent_scene_kinds_init (&kinds, graph);
  present = find_present (&kinds, graph);
  for (guint kind = 0; kind < present->len; kind++)
    if (g_array_index (present, gboolean, kind))
      g_ptr_array_add (listed, g_steal_pointer (&g_ptr_array_index (kinds.kinds, kind)));
  _ent_scene_kinds_clear (&kinds);

  return listed;
}

/* The legend below @bounds: every kind that has entities, in the order of the kinds, and how edges are drawn,
 * wrapped into rows. */
void
_ent_scene_kinds_build_legend (EntSceneKinds *kinds,
                               EntGraph      *graph,
                               const EntRect *bounds,
                               GArray        *legend,
                               EntRect       *legend_bounds)
{
  g_autoptr(GArray) present = find_present (kinds, graph);
  double x, y, row_height = ENT_STYLE_FONT_SIZE * 2.2;
  double max_width = MAX (360.0, bounds->x2 - bounds->x1);
  gboolean sourced = FALSE, unsourced = FALSE, disputed = FALSE;

  x = bounds->x1;
  y = bounds->y2 + 24;
  *legend_bounds = (EntRect) { x - 8, y - 8, x, y };

  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);

      if (relation->quote_ids != NULL && relation->quote_ids->len > 0)
        sourced = TRUE;
      else
        unsourced = TRUE;
      if (relation->disputing_ids != NULL && relation->disputing_ids->len > 0)
        disputed = TRUE;
    }

  /* The kinds present, then how edges are drawn: wider with more sources, dashed without a quote, crossed where a
   * quote disputes them. */
  for (guint n = 0; n < present->len + 3; n++)
    {
      EntSceneLegendEntry entry = { .kind = n };
      const char *label;
      PangoRectangle logical;
      double w, h, entry_width;

      if (n < present->len)
        {
          if (!g_array_index (present, gboolean, n))
            continue;
          label = ((EntSceneKind *) g_ptr_array_index (kinds->kinds, n))->label;
        }
      else if (n == present->len)
        {
          if (!sourced)
            continue;
          entry = (EntSceneLegendEntry) { .type = ENT_LEGEND_EDGE_SOURCES };
          /* Translators: in the legend, beside a thin and a thick line */
          label = _("More sources, wider");
        }
      else if (n == present->len + 1)
        {
          if (!unsourced)
            continue;
          entry = (EntSceneLegendEntry) { .type = ENT_LEGEND_EDGE_UNSOURCED };
          /* Translators: in the legend, beside a dashed line */
          label = _("No quote yet");
        }
      else
        {
          if (!disputed)
            continue;
          entry = (EntSceneLegendEntry) { .type = ENT_LEGEND_EDGE_DISPUTED };
          /* Translators: in the legend, beside a line crossed by two orange strokes */
          label = _("Disputed by a quote");
        }

      entry.layout = ent_label_layout_new (label, 0);
      pango_layout_get_extents (entry.layout, NULL, &logical);
      _ent_scene_label_extents (&logical, NULL, &w, &h);
      entry_width = 22 + w + 18;

      if (x > bounds->x1 && x + entry_width > bounds->x1 + max_width)
        {
          x = bounds->x1;
          y += row_height;
        }

      entry.cx = x + 8;
      entry.cy = y + row_height / 2;
      entry.label_x = x + 20;
      entry.label_y = entry.cy - h / 2;
      g_array_append_val (legend, entry);

      ent_rect_union (legend_bounds, &(EntRect) { x - 8, y - 8, x + entry_width, y + row_height + 8 });
      x += entry_width;
    }
}
