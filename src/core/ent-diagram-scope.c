/* ent-diagram-scope.c: the part of the network `entente --export` draws
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-diagram"

#include "config.h"

#include "ent-diagram.h"
#include "ent-view-state.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

/* The entity @text names: its id, or else its name ignoring case; 0 when none, or more than one, does. */
static gint64
find_entity (EntScene    *scene,
             EntGraph    *graph,
             const char  *text,
             GError     **error)
{
  g_autofree char *folded = NULL;
  gint64 found = 0;
  char *end = NULL;
  gint64 id;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Name an entity by its id or its name"));
      return 0;
    }

  id = g_ascii_strtoll (text, &end, 10);
  if (end != NULL && *end == '\0' && id > 0 && ent_scene_find_node (scene, id) != NULL)
    return id;

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      g_autofree char *name = g_utf8_casefold (entity->name, -1);

      if (g_strcmp0 (name, folded) != 0)
        continue;
      if (found != 0)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("More than one entity is named “%s”: give its id instead"), text);
          return 0;
        }
      found = entity->id;
    }

  if (found == 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("No entity has the id or name “%s”"), text);
  return found;
}

/* Shows only the kinds @keys names, each of which must be a kind of the network. */
static gboolean
show_kinds (EntViewState        *view,
            EntScene            *scene,
            const char * const  *keys,
            GError             **error)
{
  for (guint k = 0; keys[k] != NULL; k++)
    if (ent_scene_find_kind (scene, keys[k]) < 0)
      {
        g_autoptr(GString) known = g_string_new (NULL);

        for (guint i = 0; i < ent_scene_get_n_kinds (scene); i++)
          g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", ent_scene_get_kind (scene, i)->key);
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("The network has no kind “%s”; its kinds are %s"), keys[k], known->str);
        return FALSE;
      }

  for (guint i = 0; i < ent_scene_get_n_kinds (scene); i++)
    {
      const char *key = ent_scene_get_kind (scene, i)->key;

      ent_view_state_set_kind_visible (view, key, g_strv_contains (keys, key));
    }
  return TRUE;
}

/**
 * ent_diagram_scope_states:
 * @scene: the diagram
 * @graph: its network
 * @scope: the kinds, focus and part to draw
 * @error: return location for an error: an unknown kind or entity
 *
 * Sets up a view as the window would, with @scope's kind filter and focus,
 * and tells which items an export of it leaves out.
 *
 * Returns: (transfer full) (nullable): item states for EntExportOptions
 */
guint8 *
ent_diagram_scope_states (EntScene               *scene,
                          EntGraph               *graph,
                          const EntDiagramScope  *scope,
                          GError                **error)
{
  g_autoptr(EntViewState) view = ent_view_state_new ();
  EntExportScope what = scope->scope;
  gint64 entity_id = 0;

  ent_view_state_set_scene (view, scene);

  if (scope->kinds != NULL && !show_kinds (view, scene, scope->kinds, error))
    return NULL;

  if (scope->focus != NULL)
    {
      gint64 focus = find_entity (scene, graph, scope->focus, error);

      if (focus == 0)
        return NULL;
      ent_view_state_set_focus (view, focus, scope->focus_depth > 0 ? scope->focus_depth : 1);
    }

  if (what == ENT_EXPORT_SCOPE_NEIGHBOURS)
    {
      entity_id = find_entity (scene, graph, scope->entity, error);
      if (entity_id == 0)
        return NULL;
    }
  else if (what == ENT_EXPORT_SCOPE_ALL && (scope->kinds != NULL || scope->focus != NULL))
    what = ENT_EXPORT_SCOPE_SHOWN;

  return ent_export_scope_states (view, what, entity_id, error);
}
