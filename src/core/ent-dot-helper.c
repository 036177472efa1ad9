/* ent-dot-helper.c: a DOT file handed to the cgraph helper process, and its answer checked
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-dot"

#include "config.h"

#include "ent-dot-private.h"
#include "ent-import.h"

#include <string.h>
#include <glib/gi18n-lib.h>

/*
 * Graphviz's parser crashes on some inputs, so it never runs in the
 * application: the file's bytes go to a fresh helper process
 * (src/worker/entente-read-dot.c) on its stdin, and what cgraph read comes
 * back on its stdout. A crash, a limit the helper set on itself, a failure
 * or a garbled answer is an error here, and cancelling kills the helper.
 */

/* Enough of the helper's stderr to explain a failure without flooding a dialog. */
#define MAX_DIAGNOSTICS_CHARS 500

void
_ent_dot_reply_free (EntDotReply *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->arrays); i++)
    g_clear_pointer (&self->arrays[i], g_variant_unref);
  g_clear_pointer (&self->reply, g_variant_unref);
  g_strfreev (self->texts);
  g_free (self);
}


/* Sets @error to say why @base could not be read. */
gboolean
_ent_dot_cannot_read (GError     **error,
                      const char  *base,
                      const char  *why)
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
      return _ent_dot_cannot_read (error, base, why), NULL;
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
    return _ent_dot_cannot_read (error, base, _("Graphviz stopped on it")), NULL;
  if (!talked)
    return _ent_dot_cannot_read (error, base, local_error->message), NULL;
  if (g_subprocess_get_exit_status (worker) != 0)
    {
      why = diagnostics_to_string (diagnostics);
      return _ent_dot_cannot_read (error, base, *why != '\0' ? why : _("Graphviz stopped on it")), NULL;
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
reply_is_consistent (const EntDotReply *self)
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
convert_texts (EntDotReply       *self,
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
      return _ent_dot_cannot_read (error, base, why);
    }
  if (!latin1 && !g_utf8_validate_len (data, length, NULL))
    {
      /* Translators: %lu is a line of the file */
      why = g_strdup_printf (_("line %lu is not valid UTF-8"), (gulong) invalid_line (data, length));
      return _ent_dot_cannot_read (error, base, why);
    }

  self->texts = g_new0 (char *, self->n_texts + 1);
  for (gsize i = 0; i < self->n_texts; i++)
    {
      g_autoptr(GVariant) text = g_variant_get_child_value (texts, i);
      const char *bytes = g_variant_get_bytestring (text);

      self->texts[i] = latin1 ? g_convert (bytes, -1, "UTF-8", "ISO-8859-1", NULL, NULL, NULL) : g_strdup (bytes);
      if (self->texts[i] == NULL || !g_utf8_validate (self->texts[i], -1, NULL))
        return _ent_dot_cannot_read (error, base, _("its helper gave a malformed answer"));
    }
  return TRUE;
}

/* The helper is our own program, but it runs a parser that misbehaves, so its answer is checked like any input. */
static EntDotReply *
parse_reply (GBytes      *bytes,
             GBytes      *input,
             const char  *base,
             GError     **error)
{
  g_autoptr(EntDotReply) self = g_new0 (EntDotReply, 1);
  g_autoptr(GVariant) texts = NULL;
  gsize n_html;

  self->reply = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENT_DOT_REPLY_TYPE), bytes, FALSE));
  if (!g_variant_is_normal_form (self->reply))
    return _ent_dot_cannot_read (error, base, _("its helper gave a malformed answer")), NULL;

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
    return _ent_dot_cannot_read (error, base, _("its helper gave a malformed answer")), NULL;

  if (!convert_texts (self, texts, input, base, error))
    return NULL;
  return g_steal_pointer (&self);
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
    return _ent_dot_cannot_read (error, base, _("it is not a DOT file")), NULL;
  return g_mapped_file_get_bytes (file);
}

/**
 * _ent_dot_read_reply:
 * @path: a DOT file
 * @base: its name, for messages
 * @cancellable: (nullable): stops the helper
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): what cgraph read of @path's first
 *   graph, its texts in UTF-8, or %NULL with @error set
 */
EntDotReply *
_ent_dot_read_reply (const char   *path,
                     const char   *base,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr(GBytes) input = read_input (path, base, error);
  g_autoptr(GBytes) output = NULL;

  if (input == NULL || (output = run_helper (input, base, cancellable, error)) == NULL)
    return NULL;
  return parse_reply (output, input, base, error);
}
