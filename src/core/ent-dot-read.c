/* ent-dot-read.c: DOT files read into an import, parsed by cgraph in a helper process
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-dot"

#include "config.h"

#include "ent-dot.h"
#include "ent-csv.h"
#include "ent-diagram.h"
#include "ent-dot-private.h"
#include "ent-dot-protocol.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/*
 * Graphviz's parser crashes on some inputs, so it never runs in the
 * application: the file's bytes go to a fresh helper process
 * (src/worker/entente-read-dot.c) on its stdin, and what cgraph read comes
 * back on its stdout. A crash, a limit the helper set on itself, a failure
 * or a garbled answer is an error here, and cancelling kills the helper.
 * What the texts mean (labels, escapes, charsets, positions) is decided
 * here, where it can be tested without Graphviz.
 */

/* Longer than any name a diagram can show, as for the CSV importer. */
#define MAX_NAME_LENGTH 1000

/* The kind of relations whose file gives them none. */
#define DEFAULT_RELATION_KIND "related-to"

/* Enough of the helper's stderr to explain a failure without flooding a dialog. */
#define MAX_DIAGNOSTICS_CHARS 500

/*
 * Attributes a layout writes, which say where Graphviz drew things and
 * nothing about the network: a file that dot wrote (dot -Tdot) has them.
 * "pos" is read as the stored layout instead.
 */
static const char * const drawing_attributes[] = {
  "pos", "bb", "lp", "xlp", "head_lp", "tail_lp", "lwidth", "lheight", "rects",
  "_draw_", "_ldraw_", "_hdraw_", "_tdraw_", "_hldraw_", "_tldraw_", "_background", NULL
};

/* The reply, taken apart and checked; the arrays point into the GVariants held here. */
typedef struct
{
  GVariant             *reply;
  GVariant             *arrays[5];
  char                **texts;      /* UTF-8 */
  gsize                 n_texts;
  const guint8         *html;
  const EntDotWireNode *nodes;
  gsize                 n_nodes;
  const EntDotWireEdge *edges;
  gsize                 n_edges;
  const EntDotWirePair *attributes;
  gsize                 n_attributes;
  const EntDotWirePair *clusters;
  gsize                 n_clusters;
  guint32               name;
  guint32               charset;
  gboolean              directed;
  guint32               more_graphs;
} Reply;

static void
reply_free (Reply *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->arrays); i++)
    g_clear_pointer (&self->arrays[i], g_variant_unref);
  g_clear_pointer (&self->reply, g_variant_unref);
  g_strfreev (self->texts);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

/* What the property of one attribute name has been so far: the types its values fit and its properties. */
typedef struct
{
  guint      types;
  GPtrArray *properties; /* EntProperty, owned by their entities and relations */
} Column;

static void
column_free (Column *column)
{
  g_ptr_array_unref (column->properties);
  g_free (column);
}

typedef struct
{
  EntImport    *import;
  Reply        *reply;
  GHashTable   *columns;  /* attribute name → Column */
  EntEntity   **entities; /* for each node, %NULL where it was skipped */
  GHashTable   *roles;    /* attribute name → EntCsvRole + 1, for nodes or for edges */
} Builder;

static gboolean
cannot_read (GError    **error,
             const char *base,
             const char *why)
{
  /* Translators: the first %s is a file's name, the second why it could not be read */
  g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID, _("“%s” could not be read: %s"), base, why);
  return FALSE;
}

/* The helper's stderr, valid UTF-8 of a length a message can show, without cgraph's "Error: ". */
static char *
diagnostics_to_string (GBytes *diagnostics)
{
  gsize size = 0;
  const char *data = diagnostics != NULL ? g_bytes_get_data (diagnostics, &size) : NULL;
  g_autofree char *text = g_strstrip (g_utf8_make_valid (data != NULL ? data : "", size));
  const char *start = g_str_has_prefix (text, "Error: ") ? text + strlen ("Error: ") : text;

  if (g_utf8_strlen (start, -1) > MAX_DIAGNOSTICS_CHARS)
    {
      g_autofree char *head = g_utf8_substring (start, 0, MAX_DIAGNOSTICS_CHARS);
      return g_strconcat (head, "…", NULL);
    }
  return g_strdup (start);
}

/* May run in whichever thread cancelled; forcing a subprocess to exit is thread-safe. */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  g_subprocess_force_exit (G_SUBPROCESS (user_data));
}

/* The installed helper, unless the environment names another (tests, uninstalled builds). */
static const char *
get_worker_path (void)
{
  const char *path = g_getenv ("ENTENTE_READ_DOT_WORKER");

  return path != NULL && *path != '\0' ? path : LIBEXECDIR "/entente-read-dot";
}

/* Hands @input to a fresh helper and returns what it printed, or %NULL with @error set. */
static GBytes *
run_helper (GBytes       *input,
            const char   *base,
            GCancellable *cancellable,
            GError      **error)
{
  const char *argv[] = { get_worker_path (), NULL };
  g_autoptr(GSubprocess) worker = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autoptr(GBytes) diagnostics = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *why = NULL;
  gulong cancelled_id = 0;
  gboolean talked;

  worker = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE, &local_error);
  if (worker == NULL)
    {
      /* Translators: the first %s is a program, the second why it did not start */
      why = g_strdup_printf (_("its helper %s could not be started: %s"), argv[0], local_error->message);
      return cannot_read (error, base, why), NULL;
    }

  /*
   * The cancellable is not handed to communicate, which would stop reading
   * and leave the helper running: cancelling kills the helper, and
   * communicating then ends as its pipes close.
   */
  if (cancellable != NULL)
    cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), worker, NULL);
  talked = g_subprocess_communicate (worker, input, NULL, &output, &diagnostics, &local_error);
  if (!talked)
    g_subprocess_force_exit (worker);
  g_subprocess_wait (worker, NULL, NULL);
  g_cancellable_disconnect (cancellable, cancelled_id);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (g_subprocess_get_if_signaled (worker))
    return cannot_read (error, base, _("Graphviz stopped on it")), NULL;
  if (!talked)
    return cannot_read (error, base, local_error->message), NULL;
  if (g_subprocess_get_exit_status (worker) != 0)
    {
      why = diagnostics_to_string (diagnostics);
      return cannot_read (error, base, *why != '\0' ? why : _("Graphviz stopped on it")), NULL;
    }
  return g_steal_pointer (&output);
}

static gboolean
check_pairs (const EntDotWirePair *pairs,
             gsize                 n_pairs,
             gsize                 n_texts,
             gboolean              second_optional)
{
  for (gsize i = 0; i < n_pairs; i++)
    if (pairs[i].first >= n_texts ||
        (pairs[i].second >= n_texts && !(second_optional && pairs[i].second == ENT_DOT_NONE)))
      return FALSE;
  return TRUE;
}

static gboolean
check_ranges (guint32 first,
              guint32 n,
              gsize   n_attributes)
{
  return first <= n_attributes && n <= n_attributes - first;
}

/* Whether every index of the reply points at something it holds. */
static gboolean
reply_is_consistent (const Reply *self)
{
  if (self->name >= self->n_texts || (self->charset >= self->n_texts && self->charset != ENT_DOT_NONE) ||
      !check_pairs (self->attributes, self->n_attributes, self->n_texts, FALSE) ||
      !check_pairs (self->clusters, self->n_clusters, self->n_texts, TRUE))
    return FALSE;
  for (gsize i = 0; i < self->n_nodes; i++)
    if (self->nodes[i].name >= self->n_texts ||
        (self->nodes[i].cluster >= self->n_clusters && self->nodes[i].cluster != ENT_DOT_NONE) ||
        !check_ranges (self->nodes[i].first_attribute, self->nodes[i].n_attributes, self->n_attributes))
      return FALSE;
  for (gsize i = 0; i < self->n_edges; i++)
    if (self->edges[i].tail >= self->n_nodes || self->edges[i].head >= self->n_nodes ||
        !check_ranges (self->edges[i].first_attribute, self->edges[i].n_attributes, self->n_attributes))
      return FALSE;
  return TRUE;
}

/* The line of the first byte of @data that is not UTF-8, counting from 1. */
static guint64
invalid_line (const char *data,
              gsize       length)
{
  const char *end;
  guint64 line = 1;

  g_utf8_validate_len (data, length, &end);
  for (const char *p = data; p < end; p++)
    line += *p == '\n';
  return line;
}

/*
 * The texts in UTF-8. cgraph reads bytes: a file that says charset=latin1
 * has its texts converted; any other file must be UTF-8 throughout, or it
 * is an error with the line of its first byte that is not.
 */
static gboolean
convert_texts (Reply       *self,
               GVariant    *texts,
               GBytes      *input,
               const char  *base,
               GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (input, &length);
  g_autoptr(GVariant) charset_text = self->charset != ENT_DOT_NONE ? g_variant_get_child_value (texts, self->charset) : NULL;
  const char *charset = charset_text != NULL ? g_variant_get_bytestring (charset_text) : "UTF-8";
  gboolean latin1 = _ent_dot_is_latin1 (charset);
  g_autofree char *why = NULL;

  if (!latin1 && g_ascii_strcasecmp (charset, "utf-8") != 0 && g_ascii_strcasecmp (charset, "utf8") != 0)
    {
      /* Translators: %s is the name of a character set */
      why = g_strdup_printf (_("it is in the character set “%s”; Entente reads UTF-8 and Latin-1"), charset);
      return cannot_read (error, base, why);
    }
  if (!latin1 && !g_utf8_validate_len (data, length, NULL))
    {
      /* Translators: %lu is a line of the file */
      why = g_strdup_printf (_("line %lu is not valid UTF-8"), (gulong) invalid_line (data, length));
      return cannot_read (error, base, why);
    }

  self->texts = g_new0 (char *, self->n_texts + 1);
  for (gsize i = 0; i < self->n_texts; i++)
    {
      g_autoptr(GVariant) text = g_variant_get_child_value (texts, i);
      const char *bytes = g_variant_get_bytestring (text);

      self->texts[i] = latin1 ? g_convert (bytes, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL) : g_strdup (bytes);
      if (self->texts[i] == NULL || !g_utf8_validate (self->texts[i], -1, NULL))
        return cannot_read (error, base, _("its helper gave a malformed answer"));
    }
  return TRUE;
}

/* The helper is our own program, but it runs a parser that misbehaves, so its answer is checked like any input. */
static Reply *
parse_reply (GBytes      *bytes,
             GBytes      *input,
             const char  *base,
             GError     **error)
{
  g_autoptr(Reply) self = g_new0 (Reply, 1);
  g_autoptr(GVariant) texts = NULL;
  gsize n_html;

  self->reply = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENT_DOT_REPLY_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (self->reply))
    return cannot_read (error, base, _("its helper gave a malformed answer")), NULL;

  g_variant_get (self->reply, ENT_DOT_REPLY_FORMAT, &texts, &self->arrays[0], &self->name, &self->charset,
                 &self->directed, &self->more_graphs, &self->arrays[1], &self->arrays[2], &self->arrays[3],
                 &self->arrays[4]);
  self->n_texts = g_variant_n_children (texts);
  self->html = g_variant_get_fixed_array (self->arrays[0], &n_html, 1);
  self->nodes = g_variant_get_fixed_array (self->arrays[1], &self->n_nodes, sizeof (EntDotWireNode));
  self->edges = g_variant_get_fixed_array (self->arrays[2], &self->n_edges, sizeof (EntDotWireEdge));
  self->attributes = g_variant_get_fixed_array (self->arrays[3], &self->n_attributes, sizeof (EntDotWirePair));
  self->clusters = g_variant_get_fixed_array (self->arrays[4], &self->n_clusters, sizeof (EntDotWirePair));
  if (n_html != self->n_texts || !reply_is_consistent (self))
    return cannot_read (error, base, _("its helper gave a malformed answer")), NULL;

  if (!convert_texts (self, texts, input, base, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The value of the attribute @name among @n of them from @first, or %NULL; its index in @index. */
static const char *
attribute (const Reply *reply,
           guint32      first,
           guint32      n,
           const char  *name,
           guint32     *index)
{
  for (guint32 i = first; i < first + n; i++)
    if (strcmp (reply->texts[reply->attributes[i].first], name) == 0)
      {
        if (index != NULL)
          *index = reply->attributes[i].second;
        return reply->texts[reply->attributes[i].second];
      }
  return NULL;
}

/* The text of a label: HTML-like, a record's fields or plain with escapes. */
static char *
label_text (const Reply       *reply,
            guint32            index,
            gboolean           record,
            const EntDotNames *names)
{
  const char *label = reply->texts[index];

  if (reply->html[index])
    return _ent_dot_html_text (label);
  if (record)
    return _ent_dot_record_text (label, names);
  return _ent_dot_escaped_text (label, names);
}

/* What each attribute name stands for, guessed from the names as the CSV importer guesses from headers. */
static GHashTable *
guess_roles (const Reply *reply,
             EntCsvTable  table)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(EntCsvMapping) mapping = NULL;
  EntCsvPreview preview = { 0 };
  GHashTable *roles = g_hash_table_new (g_str_hash, g_str_equal);
  gsize n_objects = table == ENT_CSV_NODES ? reply->n_nodes : reply->n_edges;

  for (gsize i = 0; i < n_objects; i++)
    {
      guint32 first = table == ENT_CSV_NODES ? reply->nodes[i].first_attribute : reply->edges[i].first_attribute;
      guint32 n = table == ENT_CSV_NODES ? reply->nodes[i].n_attributes : reply->edges[i].n_attributes;

      for (guint32 k = first; k < first + n; k++)
        {
          char *name = reply->texts[reply->attributes[k].first];

          /* A label is the name, and an id the file's; what else would be guessed from them is not. */
          if (strcmp (name, "label") != 0 && !g_hash_table_contains (seen, name))
            {
              g_hash_table_add (seen, name);
              g_ptr_array_add (names, name);
            }
        }
    }
  g_ptr_array_add (names, NULL);
  preview.headers = (GStrv) names->pdata;
  preview.records = g_ptr_array_new ();
  mapping = ent_csv_guess_mapping (table, &preview);
  g_ptr_array_unref (preview.records);

  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->roles[i] == ENT_CSV_ROLE_KIND || mapping->roles[i] == ENT_CSV_ROLE_START ||
        mapping->roles[i] == ENT_CSV_ROLE_END ||
        (table == ENT_CSV_NODES && (mapping->roles[i] == ENT_CSV_ROLE_DESCRIPTION ||
                                    mapping->roles[i] == ENT_CSV_ROLE_ROLE)))
      g_hash_table_insert (roles, names->pdata[i], GUINT_TO_POINTER (mapping->roles[i] + 1));
  return roles;
}

/* Keeps @value as the property @key of an entity or relation, typed once every value of @key is read. */
static void
add_property (Builder    *self,
              GPtrArray  *properties,
              const char *key,
              const char *value)
{
  Column *column = g_hash_table_lookup (self->columns, key);
  EntProperty *property;

  if (g_utf8_strlen (key, -1) > ENT_PROPERTY_KEY_MAX_LENGTH || g_utf8_strlen (value, -1) > ENT_PROPERTY_VALUE_MAX_LENGTH)
    {
      ent_import_add_problem (self->import, 0, _("The attribute “%.40s…” is longer than Entente keeps and is left out"), key);
      return;
    }
  if (column == NULL)
    {
      column = g_new0 (Column, 1);
      column->types = G_MAXUINT;
      column->properties = g_ptr_array_new ();
      g_hash_table_insert (self->columns, g_strdup (key), column);
    }
  property = g_new0 (EntProperty, 1);
  property->key = g_strdup (key);
  property->value = g_strdup (value);
  column->types &= ent_csv_value_types (value);
  g_ptr_array_add (column->properties, property);
  g_ptr_array_add (properties, property);
}

/* The attributes of a node or an edge that a role takes: its kind, description, role (@roles) and dates. */
static void
read_roles (Builder      *self,
            guint32       first,
            guint32       n,
            const char  **start,
            const char  **end,
            const char  **roles)
{
  for (guint32 i = first; i < first + n; i++)
    {
      const char *key = self->reply->texts[self->reply->attributes[i].first];
      const char *value = self->reply->texts[self->reply->attributes[i].second];
      EntCsvRole role = GPOINTER_TO_UINT (g_hash_table_lookup (self->roles, key));

      if (role == ENT_CSV_ROLE_START + 1 && ent_date_is_valid (value))
        *start = value;
      else if (role == ENT_CSV_ROLE_END + 1 && ent_date_is_valid (value))
        *end = value;
      else if (role == ENT_CSV_ROLE_KIND + 1 || role == ENT_CSV_ROLE_DESCRIPTION + 1 || role == ENT_CSV_ROLE_ROLE + 1)
        roles[role - 1 - ENT_CSV_ROLE_KIND] = value;
    }
}

/* Whether an attribute of @entity only draws it as its kind is drawn, as Entente's own files give it. */
static gboolean
is_kind_look (Builder         *self,
              const EntEntity *entity,
              const char      *key,
              const char      *value)
{
  g_autofree char *look = entity != NULL ? _ent_dot_look_value (self->import->graph, entity, key) : NULL;

  return look != NULL && strcmp (look, value) == 0;
}

/*
 * The attributes of a node (@entity) or an edge that no role took, as
 * properties. A value that names a file (image, shapefile, fontpath) is
 * only text here, never opened.
 */
static GPtrArray *
read_properties (Builder         *self,
                 guint32          first,
                 guint32          n,
                 const char      *start,
                 const char      *end,
                 const EntEntity *entity)
{
  GPtrArray *properties = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_property_free);

  for (guint32 i = first; i < first + n; i++)
    {
      const char *key = self->reply->texts[self->reply->attributes[i].first];
      const char *value = self->reply->texts[self->reply->attributes[i].second];
      EntCsvRole role = GPOINTER_TO_UINT (g_hash_table_lookup (self->roles, key));

      if (strcmp (key, "label") == 0 || g_strv_contains (drawing_attributes, key) ||
          (strcmp (key, "dir") == 0 && strcmp (value, "both") != 0) ||
          role == ENT_CSV_ROLE_KIND + 1 || role == ENT_CSV_ROLE_DESCRIPTION + 1 || role == ENT_CSV_ROLE_ROLE + 1 ||
          value == start || value == end || is_kind_look (self, entity, key, value))
        continue;
      add_property (self, properties, key, value);
    }
  return properties;
}

/*
 * The name of a node: its label's text, or the node's own name where the
 * label is empty. A label too long for a name is the description
 * (@description) instead; %NULL where even the node's name cannot be one.
 */
static char *
node_name (Builder              *self,
           const EntDotWireNode *node,
           char                **description)
{
  const Reply *reply = self->reply;
  const char *name = reply->texts[node->name];
  EntDotNames names = { name, reply->texts[reply->name], NULL, NULL, NULL };
  const char *shape = attribute (reply, node->first_attribute, node->n_attributes, "shape", NULL);
  gboolean record = g_strcmp0 (shape, "record") == 0 || g_strcmp0 (shape, "Mrecord") == 0;
  g_autofree char *text = NULL;
  guint32 label = ENT_DOT_NONE;

  attribute (reply, node->first_attribute, node->n_attributes, "label", &label);
  text = label != ENT_DOT_NONE ? label_text (reply, label, record, &names)
                               : (record ? _ent_dot_record_text ("\\N", &names) : g_strdup (name));
  if (g_utf8_strlen (text, -1) > MAX_NAME_LENGTH)
    {
      ent_import_add_problem (self->import, 0, _("The label of the node “%.40s” is longer than %u characters: "
                                                 "it is kept as the description"), name, MAX_NAME_LENGTH);
      *description = g_steal_pointer (&text);
    }
  if (text != NULL && *text != '\0')
    return g_steal_pointer (&text);
  if (*name == '\0' || g_utf8_strlen (name, -1) > MAX_NAME_LENGTH)
    {
      ent_import_add_problem (self->import, 0, _("The node “%.40s” is skipped: its name is empty or too long"), name);
      g_clear_pointer (description, g_free);
      return NULL;
    }
  return g_strdup (name);
}

/* The "cluster" property of a node: its innermost cluster's label, or its name where it has none. */
static void
read_cluster (Builder              *self,
              const EntDotWireNode *node,
              EntEntity            *entity)
{
  const Reply *reply = self->reply;
  const EntDotWirePair *cluster = &reply->clusters[node->cluster];
  EntDotNames names = { NULL, reply->texts[cluster->first], NULL, NULL, NULL };
  g_autofree char *label = cluster->second != ENT_DOT_NONE ? label_text (reply, cluster->second, FALSE, &names) : NULL;

  add_property (self, entity->properties, "cluster", label != NULL && *label != '\0' ? label : names.graph);
}

static void
read_nodes (Builder *self)
{
  const Reply *reply = self->reply;

  GHashTableIter iter;
  gpointer key, role;

  self->roles = guess_roles (reply, ENT_CSV_NODES);
  /* The attribute the kinds come from, which a person may change for another in the import assistant. */
  g_hash_table_iter_init (&iter, self->roles);
  while (g_hash_table_iter_next (&iter, &key, &role))
    if (GPOINTER_TO_UINT (role) == ENT_CSV_ROLE_KIND + 1)
      self->import->type_key = g_strdup (key);

  for (gsize i = 0; i < reply->n_nodes; i++)
    {
      const EntDotWireNode *node = &reply->nodes[i];
      const char *roles[ENT_CSV_ROLE_ROLE - ENT_CSV_ROLE_KIND + 1] = { NULL };
      const char *start = NULL, *end = NULL;
      char *description = NULL;
      char *name = node_name (self, node, &description);
      EntEntity *entity;

      if (name == NULL)
        continue;
      entity = g_new0 (EntEntity, 1);
      entity->id = self->import->graph->entities->len + 1;
      entity->name = name;
      entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      read_roles (self, node->first_attribute, node->n_attributes, &start, &end, roles);
      ent_import_set_kind (self->import, entity, roles[0]);
      entity->properties = read_properties (self, node->first_attribute, node->n_attributes, start, end, entity);
      entity->description = description != NULL ? description : g_strdup (roles[ENT_CSV_ROLE_DESCRIPTION - ENT_CSV_ROLE_KIND]);
      entity->role = g_strdup (roles[ENT_CSV_ROLE_ROLE - ENT_CSV_ROLE_KIND]);
      entity->start_date = g_strdup (start);
      entity->end_date = g_strdup (end);
      if (node->cluster != ENT_DOT_NONE && attribute (reply, node->first_attribute, node->n_attributes, "cluster", NULL) == NULL)
        read_cluster (self, node, entity);
      ent_graph_take_entity (self->import->graph, entity);
      self->entities[i] = entity;
    }
  g_clear_pointer (&self->roles, g_hash_table_unref);
}

static void
read_edges (Builder *self)
{
  const Reply *reply = self->reply;

  self->roles = guess_roles (reply, ENT_CSV_EDGES);
  for (gsize i = 0; i < reply->n_edges; i++)
    {
      const EntDotWireEdge *edge = &reply->edges[i];
      const char *tail = reply->texts[reply->nodes[edge->tail].name];
      const char *head = reply->texts[reply->nodes[edge->head].name];
      g_autofree char *edge_name = g_strconcat (tail, reply->directed ? "->" : "--", head, NULL);
      EntDotNames names = { NULL, reply->texts[reply->name], edge_name, tail, head };
      const char *dir = attribute (reply, edge->first_attribute, edge->n_attributes, "dir", NULL);
      const char *roles[ENT_CSV_ROLE_ROLE - ENT_CSV_ROLE_KIND + 1] = { NULL };
      const char *start = NULL, *end = NULL;
      EntEntity *from = self->entities[edge->tail], *to = self->entities[edge->head];
      EntRelation *relation;
      guint32 label = ENT_DOT_NONE;

      if (from == NULL || to == NULL)
        {
          ent_import_add_problem (self->import, 0, _("The edge %.40s is skipped: a node it joins was skipped"), edge_name);
          continue;
        }
      relation = g_new0 (EntRelation, 1);
      relation->id = self->import->graph->relations->len + 1;
      relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      read_roles (self, edge->first_attribute, edge->n_attributes, &start, &end, roles);
      relation->properties = read_properties (self, edge->first_attribute, edge->n_attributes, start, end, NULL);
      relation->kind = g_strdup (roles[0] != NULL ? roles[0] : DEFAULT_RELATION_KIND);
      /* dir=back draws the arrow at the tail: the relation goes from the head. */
      relation->directed = g_strcmp0 (dir, "none") != 0 && (reply->directed || dir != NULL);
      relation->from_id = g_strcmp0 (dir, "back") == 0 ? to->id : from->id;
      relation->to_id = g_strcmp0 (dir, "back") == 0 ? from->id : to->id;
      relation->start_date = g_strdup (start);
      relation->end_date = g_strdup (end);
      attribute (reply, edge->first_attribute, edge->n_attributes, "label", &label);
      if (label != ENT_DOT_NONE)
        relation->label = label_text (reply, label, FALSE, &names);
      if (relation->label != NULL && g_utf8_strlen (relation->label, -1) > MAX_NAME_LENGTH)
        {
          ent_import_add_problem (self->import, 0, _("The label of the edge %.40s is longer than %u characters "
                                                     "and is left out"), edge_name, MAX_NAME_LENGTH);
          g_clear_pointer (&relation->label, g_free);
        }
      ent_graph_take_relation (self->import->graph, relation);
    }
  g_clear_pointer (&self->roles, g_hash_table_unref);
}

/* Gives each attribute's properties the type all its values have, written as that type is stored. */
static void
type_properties (Builder *self)
{
  GHashTableIter iter;
  Column *column;

  g_hash_table_iter_init (&iter, self->columns);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &column))
    for (guint i = 0; i < column->properties->len; i++)
      {
        EntProperty *property = g_ptr_array_index (column->properties, i);

        property->type = ent_csv_column_type (column->types);
        if (property->type != ENT_PROPERTY_STRING)
          g_strstrip (property->value);
        if (property->type == ENT_PROPERTY_BOOLEAN)
          for (char *c = property->value; *c != '\0'; c++)
            *c = g_ascii_tolower (*c);
      }
}

/* A node's "pos", "x,y" or "x,y!" in points, y growing upwards as in every Graphviz file. */
static gboolean
parse_position (const char *pos,
                double     *x,
                double     *y)
{
  char *end;

  *x = g_ascii_strtod (pos, &end);
  if (end == pos || *end != ',')
    return FALSE;
  pos = end + 1;
  *y = g_ascii_strtod (pos, &end);
  return end != pos && (*end == '\0' || strcmp (end, "!") == 0) && isfinite (*x) && isfinite (*y);
}

/*
 * The nodes' "pos" as a stored layout of the engine the network will be
 * opened with, so that it opens as the file was drawn; only when every
 * entity has one. Graphviz's y grows upwards and Entente's downwards: the
 * positions are flipped.
 */
static void
read_positions (Builder *self)
{
  const Reply *reply = self->reply;
  g_autoptr(GArray) positions = g_array_new (FALSE, TRUE, sizeof (EntPosition));
  GArray *layout;

  for (gsize i = 0; i < reply->n_nodes; i++)
    {
      const char *pos = attribute (reply, reply->nodes[i].first_attribute, reply->nodes[i].n_attributes, "pos", NULL);
      EntPosition position = { 0 };

      if (self->entities[i] == NULL)
        continue;
      if (pos == NULL || !parse_position (pos, &position.x, &position.y))
        return;
      position.entity_id = self->entities[i]->id;
      position.pinned = g_str_has_suffix (pos, "!");
      position.y = -position.y;
      g_array_append_val (positions, position);
    }
  if (positions->len == 0 || !ent_diagram_positions_complete (self->import->graph, positions))
    return;

  layout = ent_import_add_layout (self->import, ent_diagram_choose_engine (self->import->graph, NULL));
  g_array_append_vals (layout, positions->data, positions->len);
}

/* Reads the whole of @path, bounded by what Entente reads, with no NUL byte in it. */
static GBytes *
read_input (const char  *path,
            const char  *base,
            GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  gsize length;

  if (file == NULL)
    return NULL;
  length = g_mapped_file_get_length (file);
  if (length > ENT_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *max = g_format_size (ENT_IMPORT_MAX_FILE_SIZE);

      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
                   _("The file is larger than %s, the most Entente reads"), max);
      return NULL;
    }
  if (length == 0 || memchr (g_mapped_file_get_contents (file), '\0', length) != NULL)
    return cannot_read (error, base, _("it is not a DOT file")), NULL;
  return g_mapped_file_get_bytes (file);
}

/**
 * ent_dot_read:
 * @path: a Graphviz DOT file
 * @cancellable: (nullable): stops the reading, and its helper
 * @progress: (nullable): told how much is read now and then
 * @user_data: for @progress
 * @error: return location for an error
 *
 * Reads the first graph of @path: its nodes as entities, named by their
 * labels, its edges as relations, the attributes set on them as
 * properties, the innermost cluster of each node as its "cluster"
 * property, and the nodes' "pos" as a stored layout when every node has
 * one.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error set
 */
EntImport *
ent_dot_read (const char             *path,
              GCancellable           *cancellable,
              EntImportProgressFunc   progress,
              gpointer                user_data,
              GError                **error)
{
  Builder self = { 0 };
  g_autofree EntEntity **entities = NULL;
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(EntImport) import = NULL;
  g_autoptr(Reply) reply = NULL;
  g_autoptr(GBytes) input = NULL, output = NULL;
  g_autofree char *base = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  base = g_filename_display_basename (path);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      (input = read_input (path, base, error)) == NULL ||
      (output = run_helper (input, base, cancellable, error)) == NULL ||
      (reply = parse_reply (output, input, base, error)) == NULL)
    return NULL;
  if (progress != NULL)
    progress (0.5, user_data);

  import = ent_import_new ();
  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) column_free);
  entities = g_new0 (EntEntity *, reply->n_nodes + 1);
  self = (Builder) { import, reply, columns, entities, NULL };
  if (reply->more_graphs > 0)
    ent_import_add_problem (import, 0, g_dngettext (GETTEXT_PACKAGE,
                                                    "The file holds %u more graph after the first, which is not read",
                                                    "The file holds %u more graphs after the first, which are not read",
                                                    reply->more_graphs), reply->more_graphs);

  read_nodes (&self);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  read_edges (&self);
  type_properties (&self);
  read_positions (&self);
  if (progress != NULL)
    progress (1.0, user_data);
  return g_steal_pointer (&import);
}
