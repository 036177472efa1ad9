/* ent-scene-text.c: the text a scene shows, its labels and titles
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-scene"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ent-scene.h"
#include "ent-scene-private.h"

#include <string.h>

/* Longest label drawn on a node, in characters; the whole name is in the title. */
#define LABEL_MAX_CHARS 100
#define TITLE_MAX_CHARS 1000
/* How many of an item's properties its title lists, each on a line of its own. */
#define TITLE_MAX_PROPERTIES 20

/*
 * Makes any text safe to show: valid UTF-8, no control characters, runs of
 * white space folded into one space, and at most @max_chars characters, the
 * last of them an ellipsis when it was cut.
 */
char *
ent_scene_sanitize_text (const char *text,
                         gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize n_chars = 0;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (MIN (strlen (valid), max_chars * 4 + 4));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0xFFFD ||
          g_unichar_type (c) == G_UNICODE_FORMAT || g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
          g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          /* U+200D joins emoji sequences and must stay. */
          if (c != 0x200D)
            {
              space = out->len > 0;
              continue;
            }
        }

      if (space)
        {
          g_string_append_c (out, ' ');
          n_chars++;
          space = FALSE;
        }

      g_string_append_unichar (out, c);
      n_chars++;

      /* One character more than fits is enough to know the text must be cut. */
      if (n_chars > max_chars)
        break;
    }

  if (n_chars > max_chars)
    {
      g_string_truncate (out, g_utf8_offset_to_pointer (out->str, max_chars > 0 ? max_chars - 1 : 0) - out->str);
      g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

/* A node's label: the entity's name, and an event's dates below it. */
char *
_ent_scene_node_label (EntEntity *entity)
{
  g_autofree char *name = ent_scene_sanitize_text (entity->name, LABEL_MAX_CHARS);

  if (entity->kind == ENT_KIND_EVENT && entity->start_date != NULL)
    {
      g_autofree char *dates = ent_date_format_range (entity->start_date, entity->end_date);
      return g_strdup_printf ("%s\n%s", name, dates);
    }

  return g_steal_pointer (&name);
}

/* An edge's label: the relation's own, or else its kind. */
char *
_ent_scene_edge_label (EntRelation *relation)
{
  return ent_scene_sanitize_text (relation->label && *relation->label ? relation->label : relation->kind,
                                  LABEL_MAX_CHARS);
}

/* The first of @quote_ids that supports what lists it, or with @disputing the first that disputes it. */
static char *
first_quote (EntGraph *graph,
             GArray   *quote_ids,
             GArray   *disputing_ids,
             gboolean  disputing)
{
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      gint64 id = g_array_index (quote_ids, gint64, i);
      EntQuote *quote;

      if (ent_quote_ids_contain (disputing_ids, id) != disputing)
        continue;
      quote = ent_graph_get_quote (graph, id);
      return quote != NULL ? ent_scene_sanitize_text (quote->text, TITLE_MAX_CHARS) : NULL;
    }

  return NULL;
}

/* A line that says a quote disputes the item, and quotes the first that does; %NULL when none does. */
static char *
dispute_line (EntGraph *graph,
              GArray   *quote_ids,
              GArray   *disputing_ids)
{
  g_autofree char *quote = NULL;
  guint n = disputing_ids != NULL ? disputing_ids->len : 0;

  if (n == 0)
    return NULL;
  quote = first_quote (graph, quote_ids, disputing_ids, TRUE);
  /* Translators: a line of a relation's or entity's tooltip and SVG title; %s is the first quote that disputes it */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Disputed by %u quote: “%s”", "Disputed by %u quotes: “%s”",
                                       n),
                          n, quote != NULL ? quote : "");
}

/* "Name — “first quote”", a line on the quotes that dispute it, then a line "key: value" for each of the first
 * properties. */
static char *
make_title (const char *text,
            char       *quote,
            char       *dispute,
            GPtrArray  *properties)
{
  g_autofree char *clean = ent_scene_sanitize_text (text, TITLE_MAX_CHARS);
  g_autofree char *owned_quote = quote;
  g_autofree char *owned_dispute = dispute;
  GString *title = g_string_new (clean);

  if (owned_quote != NULL)
    g_string_append_printf (title, " — “%s”", owned_quote);
  if (owned_dispute != NULL)
    g_string_append_printf (title, "\n%s", owned_dispute);

  for (guint i = 0; properties != NULL && i < MIN (properties->len, TITLE_MAX_PROPERTIES); i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);
      g_autofree char *key = ent_scene_sanitize_text (property->key, LABEL_MAX_CHARS);
      g_autofree char *value = ent_scene_sanitize_text (property->value, LABEL_MAX_CHARS);

      g_string_append_printf (title, "\n%s: %s", key, value);
    }
  return g_string_free (title, FALSE);
}

/* "From → to: label — “first quote”", for the tooltip and the SVG title of a relation. */
static char *
edge_title (EntGraph           *graph,
            const EntSceneItem *item)
{
  EntRelation *relation = ent_graph_get_relation (graph, item->id);
  g_autofree char *from_name = ent_scene_sanitize_text (ent_graph_get_entity (graph, item->from_id)->name, 200);
  g_autofree char *to_name = ent_scene_sanitize_text (ent_graph_get_entity (graph, item->to_id)->name, 200);
  g_autofree char *summary = g_strdup_printf ("%s %s %s", from_name, item->directed ? "→" : "—", to_name);

  if (*item->label != '\0')
    {
      g_autofree char *with_label = g_strdup_printf ("%s: %s", summary, item->label);
      g_free (summary);
      summary = g_steal_pointer (&with_label);
    }

  return make_title (summary, first_quote (graph, relation->quote_ids, relation->disputing_ids, FALSE),
                     dispute_line (graph, relation->quote_ids, relation->disputing_ids), relation->properties);
}

/*
 * The plain text for an item's tooltip and SVG title: the entity's name, or
 * the relation's ends and label, the first quote behind it, and its
 * properties.
 */
char *
_ent_scene_item_title (EntGraph           *graph,
                       const EntSceneItem *item)
{
  EntEntity *entity;

  if (item->type != ENT_SCENE_ITEM_NODE)
    return edge_title (graph, item);

  entity = ent_graph_get_entity (graph, item->id);
  return make_title (entity->name, first_quote (graph, entity->quote_ids, entity->disputing_ids, FALSE),
                     dispute_line (graph, entity->quote_ids, entity->disputing_ids), entity->properties);
}
