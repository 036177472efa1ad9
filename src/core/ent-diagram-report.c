/* ent-diagram-report.c: what `entente --report` does: a network's evidence report, without a display
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-diagram"

#include "config.h"

#include "ent-diagram.h"
#include "ent-diagram-private.h"
#include "ent-renderer.h"
#include "ent-report.h"

#include <glib/gi18n-lib.h>

/* The labels of the kinds @keys names, as the network has them: "Country, Person". */
static char *
kind_labels (EntScene           *scene,
             const char * const *keys)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint k = 0; keys[k] != NULL; k++)
    {
      int index = ent_scene_find_kind (scene, keys[k]);
      const char *label = index >= 0 ? ent_scene_get_kind (scene, index)->label : keys[k];

      if (labels->len > 0)
        /* Translators: what separates the kinds a report is limited to */
        g_string_append (labels, _(", "));
      g_string_append (labels, label);
    }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

/* Which filters the scope puts in force, in words; NULL for none. */
static char *
scope_caption (EntScene              *scene,
               const EntDiagramScope *scope)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (scope->kinds != NULL)
    {
      g_autofree char *labels = kind_labels (scene, scope->kinds);

      /* Translators: a report's caption when the kind filter is on */
      g_ptr_array_add (parts, g_strdup_printf (_("Only entities of the kinds %s"), labels));
    }
  if (scope->focus != NULL)
    {
      guint depth = scope->focus_depth > 0 ? scope->focus_depth : 1;

      /* Translators: a report's caption when an entity is in focus: its name, and how many relations around it */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Only what is within %2$u relation of ‘%1$s’",
                                                            "Only what is within %2$u relations of ‘%1$s’", depth),
                                               scope->focus, depth));
    }
  if (scope->scope == ENT_EXPORT_SCOPE_NEIGHBOURS && scope->entity != NULL)
    /* Translators: a report's caption when it is limited to an entity and its neighbours */
    g_ptr_array_add (parts, g_strdup_printf (_("Only ‘%s’ and its neighbours"), scope->entity));
  if (scope->has_area)
    /* Translators: a report's caption when it is limited to a rectangle of the diagram */
    g_ptr_array_add (parts, g_strdup (_("Only a part of the diagram")));

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  /* Translators: what separates the filters of a report's caption */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

/* Hides, besides, what lies outside the scope's area, as an export of that area leaves it out. */
static void
hide_outside_area (EntScene              *scene,
                   const EntDiagramScope *scope,
                   guint8                *states)
{
  for (guint i = 0; i < ent_scene_get_n_items (scene); i++)
    if (!ent_rect_intersects (&ent_scene_get_item (scene, i)->bounds, &scope->area))
      states[i] |= ENT_ITEM_STATE_HIDDEN;
}

/**
 * ent_diagram_write_report:
 * @input: (nullable): a .entente file, or %NULL for the user's copy of the bundled network
 * @output: the report to write: .html or .pdf
 * @engine: (nullable): the layout engine, or %NULL to choose by size
 * @relayout: lay out anew even when positions are stored
 * @scope: (nullable): the kinds, focus or part of the network the report keeps to; %NULL for all of it
 * @error: return location for an error
 *
 * What `entente --report` does: no display is needed.
 */
gboolean
ent_diagram_write_report (const char             *input,
                          const char             *output,
                          const char             *engine,
                          gboolean                relayout,
                          const EntDiagramScope  *scope,
                          GError                **error)
{
  g_autofree guint8 *states = NULL;
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *filters = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  EntReportOptions options = { 0 };

  g_return_val_if_fail (output != NULL, FALSE);

  /* Said before the network is opened or laid out. */
  lower = g_ascii_strdown (output, -1);
  if (!g_str_has_suffix (lower, ".html") && !g_str_has_suffix (lower, ".htm") && !g_str_has_suffix (lower, ".pdf"))
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Cannot tell the format of “%s”: name the report .html or .pdf"), output);
      return FALSE;
    }

  if (!_ent_diagram_open_file (input, engine, relayout, &path, &store, &graph, &scene, error))
    return FALSE;

  /* The network's title, as the window and --export --caption go by. */
  title = _ent_diagram_title (graph, path);

  if (scope != NULL)
    {
      states = ent_diagram_scope_states (scene, graph, scope, &filters, error);
      if (states == NULL)
        return FALSE;
      if (scope->has_area)
        hide_outside_area (scene, scope, states);
      caption = scope_caption (scene, scope);
      if (filters != NULL)
        {
          char *both = caption != NULL ? g_strdup_printf ("%s; %s", caption, filters) : g_strdup (filters);

          g_free (caption);
          caption = both;
        }
    }

  options.graph = graph;
  options.scene = scene;
  options.states = states;
  options.title = title;
  options.caption = caption;
  return ent_report_write (&options, output, NULL, error);
}
