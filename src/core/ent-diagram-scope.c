/* ent-diagram-scope.c: the part of the network `entente --export` draws
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-diagram"

#include "config.h"

#include "ent-diagram.h"
#include "ent-source-filter.h"
#include "ent-timeline.h"
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

/* The source @text names: its id, or else its title ignoring case; 0 when none does. */
static gint64
find_source (EntGraph    *graph,
             const char  *text,
             GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autoptr(GString) known = g_string_new (NULL);
  char *end = NULL;
  gint64 id = g_ascii_strtoll (text, &end, 10);

  if (end != NULL && *end == '\0' && id > 0 && ent_graph_get_source (graph, id) != NULL)
    return id;

  for (guint i = 0; i < graph->sources->len; i++)
    {
      EntSource *source = g_ptr_array_index (graph->sources, i);
      g_autofree char *title = g_utf8_casefold (source->title, -1);

      if (g_str_equal (title, folded))
        return source->id;
      /* A few of them, to say what there is. */
      if (i < 5)
        g_string_append_printf (known, "%s%" G_GINT64_FORMAT " “%s”", i > 0 ? ", " : "", source->id, source->title);
    }

  if (graph->sources->len > 5)
    g_string_append (known, ", …");
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("No source has the id or title “%s”; the network has %s"), text,
               graph->sources->len > 0 ? known->str : _("no sources"));
  return 0;
}

/* Shows only what the sources that @list names support. */
static gboolean
filter_sources (EntViewState  *view,
                EntGraph      *graph,
                const char    *list,
                GError       **error)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(EntItemFilter) filter = NULL;
  EntSourceSelection selection = { 0 };

  for (guint i = 0; names[i] != NULL; i++)
    {
      gint64 id;

      g_strstrip (names[i]);
      if (names[i][0] == '\0')
        continue;
      id = find_source (graph, names[i], error);
      if (id == 0)
        return FALSE;
      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Name the sources by their ids or titles"));
      return FALSE;
    }

  selection.source_ids = ids;
  filter = ent_source_filter_new (graph, &selection);
  ent_view_state_set_filter (view, ENT_VIEW_FILTER_SOURCES, filter);
  return TRUE;
}

/* A time range as "DATE" or "DATE..DATE", each date as the file stores dates, both with a year or neither. */
static gboolean
parse_period (const char    *text,
              EntTimeRange  *range,
              GError       **error)
{
  g_auto(GStrv) ends = g_strsplit (text, "..", 2);
  EntTimeRange first, last;
  EntTimePrecision precision;

  g_strstrip (ends[0]);
  if (ends[1] != NULL)
    g_strstrip (ends[1]);

  if (!ent_time_span_parse (ends[0], &first, &precision) ||
      !ent_time_span_parse (ends[1] != NULL ? ends[1] : ends[0], &last, &precision) ||
      first.band != last.band || last.end <= first.start)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("“%s” is not a time range: give a date (1991, 2024-03, 2024-03-11 or --03-11) or two "
                     "joined by “..”, the earlier first"), text);
      return FALSE;
    }

  *range = (EntTimeRange) { first.band, first.start, last.end };
  return TRUE;
}

/* Shows only what happened, or was reported, in the time range @text says. */
static gboolean
filter_time (EntViewState  *view,
             EntGraph      *graph,
             const char    *text,
             EntTimeMode    mode,
             GError       **error)
{
  g_autoptr(EntTimeline) timeline = NULL;
  g_autoptr(EntItemFilter) filter = NULL;
  EntTimeRange range;

  if (!parse_period (text, &range, error))
    return FALSE;

  timeline = ent_timeline_new (graph);
  filter = ent_timeline_filter (timeline, mode, &range);
  ent_view_state_set_filter (view, ENT_VIEW_FILTER_TIME, filter);
  return TRUE;
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
 * Sets up a view as the window would, with @scope's kind filter, source
 * and time filters and focus, and tells which items an export of it leaves
 * out; @filters, if given, gets what the source and time filters show, for
 * the caption (%NULL without them).
 *
 * Returns: (transfer full) (nullable): item states for EntExportOptions
 */
guint8 *
ent_diagram_scope_states (EntScene               *scene,
                          EntGraph               *graph,
                          const EntDiagramScope  *scope,
                          char                  **filters,
                          GError                **error)
{
  g_autoptr(EntViewState) view = ent_view_state_new ();
  EntExportScope what = scope->scope;
  gint64 entity_id = 0;

  ent_view_state_set_scene (view, scene);

  if (scope->kinds != NULL && !show_kinds (view, scene, scope->kinds, error))
    return NULL;

  if (scope->sources != NULL && !filter_sources (view, graph, scope->sources, error))
    return NULL;
  if (scope->happened != NULL && scope->reported != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Choose what happened or what was reported in a time range, not both"));
      return NULL;
    }
  if (scope->happened != NULL && !filter_time (view, graph, scope->happened, ENT_TIME_HAPPENED, error))
    return NULL;
  if (scope->reported != NULL && !filter_time (view, graph, scope->reported, ENT_TIME_REPORTED, error))
    return NULL;
  if (filters != NULL)
    *filters = ent_view_state_describe_filters (view);

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
  else if (what == ENT_EXPORT_SCOPE_ALL && (scope->kinds != NULL || scope->focus != NULL || scope->sources != NULL ||
                                            scope->happened != NULL || scope->reported != NULL))
    what = ENT_EXPORT_SCOPE_SHOWN;

  return ent_export_scope_states (view, what, entity_id, error);
}
