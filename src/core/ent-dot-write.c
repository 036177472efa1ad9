/* ent-dot-write.c: a network written as a Graphviz DOT file that dot draws as Entente does
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-dot"

#include "config.h"

#include "ent-dot.h"
#include "ent-dot-private.h"
#include "ent-style.h"

#include <math.h>
#include <string.h>

/*
 * Graphviz 2.42's lexer refuses a quoted string longer than 16 KB ("longer
 * than 16384?"), but joins strings written "…" + "…". Longer texts are
 * written in pieces of at most this many bytes, cut between characters.
 */
#define MAX_PIECE_LENGTH 8192

/* Objects checked for cancellation every this many. */
#define CHECK_EVERY 1024

/* The attributes the writer sets itself, which a property of the same name does not take. */
static const char * const own_attributes[] = {
  "label", "kind", "description", "role", "start", "end", "pos", "dir", NULL
};

/* The Graphviz shape closest to each of Entente's, in the order of EntShape. */
static const char * const graphviz_shapes[ENT_N_SHAPES] = {
  "circle", "box", "invtriangle", "hexagon", "box", "ellipse", "diamond", "note",
};

/*
 * Appends @text as a quoted string, in pieces no longer than the lexer
 * reads. As a label (@escaped) a backslash is written "\\" and a line break
 * "\n", which Graphviz reads back as themselves; in any other attribute
 * Graphviz reads backslashes as they are, and only a quote is escaped.
 */
static void
append_quoted (GString    *out,
               const char *text,
               gboolean    escaped)
{
  gsize piece = 0;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize before = out->len;

      if (piece >= MAX_PIECE_LENGTH)
        {
          g_string_append (out, "\" + \"");
          piece = 0;
          before = out->len;
        }
      if (*p == '"')
        g_string_append (out, "\\\"");
      else if (escaped && *p == '\\')
        g_string_append (out, "\\\\");
      else if (escaped && *p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\\' && (p[1] == '"' || p[1] == '\n' || p[1] == '\0'))
        /* Graphviz cannot read a lone backslash before these: it is kept doubled instead. */
        g_string_append (out, "\\\\");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      piece += out->len - before;
    }
  g_string_append_c (out, '"');
}

/* Appends ", key=value" or the first "key=value" of an attribute list. */
static void
append_attribute (GString    *out,
                  gboolean   *first,
                  const char *key,
                  const char *value,
                  gboolean    escaped)
{
  if (value == NULL)
    return;
  g_string_append (out, *first ? " [" : ", ");
  *first = FALSE;
  append_quoted (out, key, FALSE);
  g_string_append_c (out, '=');
  append_quoted (out, value, escaped);
}

static gboolean
has_property (GPtrArray  *properties,
              const char *key)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    if (strcmp (((EntProperty *) g_ptr_array_index (properties, i))->key, key) == 0)
      return TRUE;
  return FALSE;
}

static void
append_properties (GString   *out,
                   gboolean  *first,
                   GPtrArray *properties)
{
  for (guint i = 0; properties != NULL && i < properties->len; i++)
    {
      EntProperty *property = g_ptr_array_index (properties, i);

      if (!g_strv_contains (own_attributes, property->key))
        append_attribute (out, first, property->key, property->value, FALSE);
    }
}

static char *
color_to_string (const EntColor *color)
{
  return g_strdup_printf ("#%02x%02x%02x", (guint) lround (CLAMP (color->red, 0, 1) * 255),
                          (guint) lround (CLAMP (color->green, 0, 1) * 255),
                          (guint) lround (CLAMP (color->blue, 0, 1) * 255));
}

/* The Graphviz attributes that draw an entity in its kind's look. */
static const char * const look_attributes[] = { "shape", "style", "fillcolor", "color", NULL };

/*
 * The value the writer gives the look attribute @key of @entity, from its
 * kind's shape and colour; %NULL for any other attribute. The reader drops
 * values equal to it, so that a file written here reads back with the
 * properties it was written from.
 */
char *
_ent_dot_look_value (EntGraph        *graph,
                     const EntEntity *entity,
                     const char      *key)
{
  EntKindLook look;

  ent_style_entity_look (graph, entity, &look);
  if (strcmp (key, "shape") == 0)
    return g_strdup (graphviz_shapes[look.shape]);
  if (strcmp (key, "style") == 0)
    return g_strdup (look.shape == ENT_SHAPE_ROUNDED_RECTANGLE ? "rounded,filled" : "filled");
  if (strcmp (key, "fillcolor") == 0 || strcmp (key, "color") == 0)
    return color_to_string (&look.light);
  return NULL;
}

/* The kind's look as Graphviz attributes, unless the entity's properties (read from a DOT file) say otherwise. */
static void
append_look (GString         *out,
             gboolean        *first,
             EntGraph        *graph,
             const EntEntity *entity)
{
  for (guint i = 0; look_attributes[i] != NULL; i++)
    if (!has_property (entity->properties, look_attributes[i]))
      {
        g_autofree char *value = _ent_dot_look_value (graph, entity, look_attributes[i]);

        append_attribute (out, first, look_attributes[i], value, FALSE);
      }
}

static void
append_entity (GString    *out,
               EntGraph   *graph,
               EntEntity  *entity,
               GHashTable *positions)
{
  EntPosition *position = g_hash_table_lookup (positions, &entity->id);
  gboolean first = TRUE;

  g_string_append_printf (out, "  n%" G_GINT64_FORMAT, entity->id);
  append_attribute (out, &first, "label", entity->name, TRUE);
  append_attribute (out, &first, "kind", ent_entity_get_kind_key (entity), FALSE);
  append_look (out, &first, graph, entity);
  append_attribute (out, &first, "description", entity->description, FALSE);
  append_attribute (out, &first, "role", entity->role, FALSE);
  append_attribute (out, &first, "start", entity->start_date, FALSE);
  append_attribute (out, &first, "end", entity->end_date, FALSE);
  if (position != NULL)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *pos = NULL;

      /* Graphviz's y grows upwards, Entente's downwards: flipped back. */
      pos = g_strconcat (g_ascii_dtostr (x, sizeof x, position->x), ",",
                         g_ascii_dtostr (y, sizeof y, -position->y), position->pinned ? "!" : "", NULL);
      append_attribute (out, &first, "pos", pos, FALSE);
    }
  append_properties (out, &first, entity->properties);
  g_string_append (out, first ? ";\n" : "];\n");
}

static void
append_relation (GString     *out,
                 EntRelation *relation)
{
  gboolean first = TRUE;

  g_string_append_printf (out, "  n%" G_GINT64_FORMAT " -> n%" G_GINT64_FORMAT, relation->from_id, relation->to_id);
  append_attribute (out, &first, "label", relation->label, TRUE);
  append_attribute (out, &first, "kind", relation->kind, FALSE);
  if (!relation->directed)
    append_attribute (out, &first, "dir", "none", FALSE);
  append_attribute (out, &first, "start", relation->start_date, FALSE);
  append_attribute (out, &first, "end", relation->end_date, FALSE);
  append_properties (out, &first, relation->properties);
  g_string_append (out, first ? ";\n" : "];\n");
}

/**
 * ent_dot_write:
 * @graph: a network
 * @layouts: (nullable) (element-type EntImportLayout): its stored layouts
 * @path: where to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes @graph as a directed DOT graph: each entity a node labelled with
 * its name and drawn in its kind's shape and colour, its kind, dates and
 * properties as attributes and its position in the stored layout of the
 * engine the network opens with as "pos"; each relation an edge, with
 * dir=none where it has no direction. The file is written whole or not at
 * all.
 *
 * Returns: whether the file was written
 */
gboolean
ent_dot_write (EntGraph      *graph,
               GPtrArray     *layouts,
               const char    *path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GString) out = g_string_new ("digraph \"network\" {\n  graph [charset=\"UTF-8\"];\n");
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  positions = ent_import_find_opening_positions (graph, layouts, TRUE);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      append_entity (out, graph, g_ptr_array_index (graph->entities, i), positions);
    }
  for (guint i = 0; i < graph->relations->len; i++)
    {
      if (i % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      append_relation (out, g_ptr_array_index (graph->relations, i));
    }
  g_string_append (out, "}\n");

  file = g_file_new_for_path (path);
  return g_file_replace_contents (file, out->str, out->len, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                  cancellable, error);
}
