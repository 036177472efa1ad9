/* ent-graph-view-a11y.c: what the graph view tells screen readers
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-graph-view"

#include "config.h"

#include "ent-graph-view-private.h"

#include <glib/gi18n.h>

/* A node's label on one line, for screen readers: an event's date follows its name. */
static char *
spoken_label (const EntSceneItem *item)
{
  g_auto(GStrv) lines = NULL;

  if (item == NULL || item->label == NULL)
    return g_strdup ("");

  lines = g_strsplit (item->label, "\n", -1);
  return g_strjoinv (", ", lines);
}

/*
 * Screen readers hear what is selected as the view's name, as a list view
 * would speak its focused row, and how much is shown when nothing is; then
 * the filters and the chain that choose what is shown.
 */
void
_ent_graph_view_update_accessible (EntGraphView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *filters = NULL;
  int selected = _ent_graph_view_selected_index (self);

  if (selected >= 0 && self->selected_entity != 0)
    {
      const EntSceneItem *item = ent_scene_get_item (self->scene, selected);
      guint n_relations = ent_view_state_count_relations (self->state, item->id);

      label = spoken_label (item);
      /* Translators: how a selected entity is described to screen readers, e.g. "Person · 3 relations" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u relation", "%s · %u relations", n_relations),
                                     ent_scene_get_kind (self->scene, item->kind)->label, n_relations);
    }
  else if (selected >= 0)
    {
      const EntSceneItem *item = ent_scene_get_item (self->scene, selected);
      g_autofree char *from = spoken_label (ent_scene_find_node (self->scene, item->from_id));
      g_autofree char *to = spoken_label (ent_scene_find_node (self->scene, item->to_id));

      if (item->directed)
        /* Translators: a selected relation read to screen readers: from which entity to which */
        label = g_strdup_printf (_("%s → %s"), from, to);
      else
        /* Translators: a selected relation without direction read to screen readers: between which entities */
        label = g_strdup_printf (_("%s — %s"), from, to);
      description = g_strdup (ent_scene_get_title (self->scene, selected));
    }
  else if (self->scene != NULL)
    {
      g_autofree char *entities = NULL;
      g_autofree char *relations = NULL;
      guint n_entities, n_relations;

      ent_view_state_count_shown (self->state, &n_entities, &n_relations);
      label = g_strdup (_("Network diagram"));
      entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", n_entities), n_entities);
      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
      /* Translators: what the diagram shows, e.g. "Showing 19 entities and 24 relations" */
      description = g_strdup_printf (_("Showing %s and %s"), entities, relations);
    }
  else
    {
      label = g_strdup (_("Network diagram"));
      description = g_strdup (_("No network is open"));
    }

  filters = self->scene != NULL ? ent_view_state_describe_filters (self->state) : NULL;
  if (filters != NULL)
    {
      g_autofree char *shown = g_steal_pointer (&description);

      /* Translators: what the diagram shows or what is selected, then the filters and the chain that choose what
       * it shows, e.g. "Showing 3 entities and 2 relations · Only what happened in 1991" */
      description = g_strdup_printf (_("%s · %s"), shown, filters);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
