/* ent-csv-export.c: a network written as two CSV files, its entities and its relations
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-csv-export"

#include "config.h"

#include "ent-csv.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

/* A field, in quotes when it holds a separator, a quote or a line end, as RFC 4180 says. */
static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *quote; (quote = strchr (value, '"')) != NULL; value = quote + 1)
    {
      g_string_append_len (out, value, quote - value + 1);
      g_string_append_c (out, '"');
    }
  g_string_append (out, value);
  g_string_append_c (out, '"');
}

static void
append_id (GString *out,
           gint64   id,
           gboolean first)
{
  if (!first)
    g_string_append_c (out, ',');
  g_string_append_printf (out, "%" G_GINT64_FORMAT, id);
}

/* The property keys of @rows (EntEntity or EntRelation, whose properties are at @offset), in order of first appearance. */
static GPtrArray *
property_keys (GPtrArray *rows,
               gsize      offset)
{
  GPtrArray *keys = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *properties = G_STRUCT_MEMBER (GPtrArray *, g_ptr_array_index (rows, i), offset);

      for (guint k = 0; properties != NULL && k < properties->len; k++)
        {
          EntProperty *property = g_ptr_array_index (properties, k);

          if (g_hash_table_add (seen, property->key))
            g_ptr_array_add (keys, property->key);
        }
    }
  return keys;
}

static void
append_header (GString    *out,
               const char *fixed,
               GPtrArray  *keys)
{
  g_string_append (out, fixed);
  for (guint k = 0; k < keys->len; k++)
    append_field (out, g_ptr_array_index (keys, k), FALSE);
  g_string_append (out, ",quotes,quote_sources\r\n");
}

/* A row's properties in the columns of @keys, then its quotes and their sources' titles. */
static void
append_tail (GString    *out,
             EntGraph   *graph,
             GPtrArray  *keys,
             GPtrArray  *properties,
             GArray     *quote_ids)
{
  g_autoptr(GString) texts = g_string_new (NULL);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint k = 0; k < keys->len; k++)
    {
      const char *value = NULL;

      for (guint i = 0; properties != NULL && i < properties->len && value == NULL; i++)
        {
          EntProperty *property = g_ptr_array_index (properties, i);

          if (g_str_equal (property->key, g_ptr_array_index (keys, k)))
            value = property->value;
        }
      append_field (out, value, FALSE);
    }

  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      EntQuote *quote = ent_graph_get_quote (graph, g_array_index (quote_ids, gint64, i));
      EntSource *source = quote != NULL ? ent_graph_get_source (graph, quote->source_id) : NULL;

      if (quote == NULL)
        continue;
      if (texts->len > 0)
        {
          g_string_append (texts, "\n\n");
          g_string_append_c (titles, '\n');
        }
      g_string_append (texts, quote->text);
      /* One title a line: a line end within a title would shift the titles of the quotes after it. */
      if (source != NULL)
        for (const char *p = source->title; *p != '\0'; p++)
          g_string_append_c (titles, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
  append_field (out, texts->str, FALSE);
  append_field (out, titles->str, FALSE);
  g_string_append (out, "\r\n");
}

/*
 * What the kind column says of @entity: a built-in kind's key, which every network knows by that
 * name in any language, or else its kind's label, which an import makes the same kind of again
 * (its key is made from the label) and which people read better than a key.
 */
const char *
ent_csv_kind_column (EntGraph        *graph,
                     const EntEntity *entity)
{
  const char *key = ent_entity_get_kind_key (entity);
  EntKindInfo *kind = ent_graph_get_kind (graph, key);
  EntKind builtin;

  if (ent_kind_from_string (key, &builtin) || kind == NULL || kind->label == NULL)
    return key;
  return kind->label;
}

static GString *
write_entities (EntGraph *graph)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) keys = property_keys (graph->entities, G_STRUCT_OFFSET (EntEntity, properties));

  append_header (out, "id,name,kind,role,description,start_date,end_date", keys);
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      append_id (out, entity->id, TRUE);
      append_field (out, entity->name, FALSE);
      append_field (out, ent_csv_kind_column (graph, entity), FALSE);
      append_field (out, entity->role, FALSE);
      append_field (out, entity->description, FALSE);
      append_field (out, entity->start_date, FALSE);
      append_field (out, entity->end_date, FALSE);
      append_tail (out, graph, keys, entity->properties, entity->quote_ids);
    }
  return out;
}

static GString *
write_relations (EntGraph *graph)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) keys = property_keys (graph->relations, G_STRUCT_OFFSET (EntRelation, properties));

  append_header (out, "id,source,target,source_name,target_name,kind,label,directed,start_date,end_date", keys);
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      EntEntity *from = ent_graph_get_entity (graph, relation->from_id);
      EntEntity *to = ent_graph_get_entity (graph, relation->to_id);

      append_id (out, relation->id, TRUE);
      append_id (out, relation->from_id, FALSE);
      append_id (out, relation->to_id, FALSE);
      append_field (out, from != NULL ? from->name : NULL, FALSE);
      append_field (out, to != NULL ? to->name : NULL, FALSE);
      append_field (out, relation->kind, FALSE);
      append_field (out, relation->label, FALSE);
      append_field (out, relation->directed ? "true" : "false", FALSE);
      append_field (out, relation->start_date, FALSE);
      append_field (out, relation->end_date, FALSE);
      append_tail (out, graph, keys, relation->properties, relation->quote_ids);
    }
  return out;
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Writes @contents to a new file beside @path, flushed to the disk; its name is returned. */
static char *
write_temporary (const char  *path,
                 GString     *contents,
                 GError     **error)
{
  g_autofree char *temp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (temp, O_WRONLY, 0666);
  gsize written = 0;

  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return NULL;
    }
  while (written < contents->len)
    {
      gssize n = write (fd, contents->str + written, contents->len - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (temp);
          set_io_error (error, saved_errno, path);
          return NULL;
        }
      written += n;
    }
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      set_io_error (error, saved_errno, path);
      return NULL;
    }
  return g_steal_pointer (&temp);
}

/**
 * ent_csv_export:
 * @graph: a network
 * @entities_path: the file to write its entities to
 * @relations_path: the file to write its relations to
 * @error: return location for an error
 *
 * Writes @graph's entities and relations as CSV, UTF-8 with a header row
 * and CRLF record ends, for spreadsheets and other tools: properties as
 * columns, each row's quotes in a column (a blank line between two) and the
 * titles of their sources in the next (one a line). Both files are written
 * in full beside their paths first and then renamed into place, so a failed
 * export leaves no file half written.
 *
 * Returns: %TRUE when both files are written
 */
gboolean
ent_csv_export (EntGraph    *graph,
                const char  *entities_path,
                const char  *relations_path,
                GError     **error)
{
  g_autoptr(GString) entities = NULL;
  g_autoptr(GString) relations = NULL;
  g_autofree char *entities_temp = NULL;
  g_autofree char *relations_temp = NULL;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (entities_path != NULL && relations_path != NULL, FALSE);

  entities = write_entities (graph);
  relations = write_relations (graph);

  entities_temp = write_temporary (entities_path, entities, error);
  if (entities_temp == NULL)
    return FALSE;
  relations_temp = write_temporary (relations_path, relations, error);
  if (relations_temp == NULL)
    {
      g_unlink (entities_temp);
      return FALSE;
    }

  if (g_rename (entities_temp, entities_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (entities_temp);
      g_unlink (relations_temp);
      return set_io_error (error, saved_errno, entities_path);
    }
  if (g_rename (relations_temp, relations_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (relations_temp);
      return set_io_error (error, saved_errno, relations_path);
    }
  return TRUE;
}
