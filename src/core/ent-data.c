/* ent-data.c: a network's data in and out of files: formats, new networks from imports, exports
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-data"

#include "config.h"

#include "ent-data.h"
#include "ent-csv.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (ent-data-error-quark, ent_data_error)

/**
 * ent_data_network_path:
 * @path: where a person chose to write a network
 *
 * A network keeps the extension of its MIME type, by which GIO knows it:
 * a network it does not know by name it opens to guess its type whenever a
 * file chooser lists it, and that open and close in Entente's own process
 * drops SQLite's POSIX locks on the network, which another program reading
 * it could then take its write-ahead log from.
 *
 * Returns: (transfer full): @path, with ".entente" added when it has not got it
 */
char *
ent_data_network_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (g_str_has_suffix (path, ".entente"))
    return g_strdup (path);
  return g_strconcat (path, ".entente", NULL);
}

/**
 * ent_data_csv_paths:
 * @path: the path of a CSV export, "network.csv"
 * @entities_path: (out) (transfer full): "network-entities.csv"
 * @relations_path: (out) (transfer full): "network-relations.csv"
 *
 * A network is exported as CSV in two files, one a table: the names of
 * both come from the one name asked for.
 */
void
ent_data_csv_paths (const char  *path,
                    char       **entities_path,
                    char       **relations_path)
{
  g_autofree char *stem = g_strdup (path);

  if (g_str_has_suffix (stem, ".csv") || g_str_has_suffix (stem, ".CSV"))
    stem[strlen (stem) - strlen (".csv")] = '\0';
  *entities_path = g_strconcat (stem, "-entities.csv", NULL);
  *relations_path = g_strconcat (stem, "-relations.csv", NULL);
}

/* Whether @mapping has both ends of an edge. */
static gboolean
has_ends (const EntCsvMapping *mapping)
{
  gboolean source = FALSE, target = FALSE;

  for (guint i = 0; i < mapping->n_columns; i++)
    {
      source |= mapping->roles[i] == ENT_CSV_ROLE_SOURCE;
      target |= mapping->roles[i] == ENT_CSV_ROLE_TARGET;
    }
  return source && target;
}

/* What is wrong with two CSV files that both list @table. */
const char *
ent_data_csv_pair_problem (EntCsvTable table)
{
  return table == ENT_CSV_EDGES ? _("Both files list relations: one must list the entities")
                                : _("Both files list entities: one must list the relations, with a source and a "
                                    "target column");
}

/**
 * ent_data_guess_csv:
 * @preview: the start of a CSV file
 *
 * Guesses whether a CSV file lists entities or relations, and the roles of
 * its columns, from its headers: a list of relations has a source and a
 * target column.
 *
 * Returns: (transfer full): the guessed mapping
 */
EntCsvMapping *
ent_data_guess_csv (const EntCsvPreview *preview)
{
  EntCsvMapping *mapping = ent_csv_guess_mapping (ENT_CSV_EDGES, preview);

  if (has_ends (mapping))
    return mapping;
  ent_csv_mapping_free (mapping);
  return ent_csv_guess_mapping (ENT_CSV_NODES, preview);
}

/**
 * ent_data_read_csv:
 * @paths: (array zero-terminated=1): one or two CSV files, a node list and/or an edge list
 * @cancellable: (nullable): to stop reading
 * @progress: (nullable): called now and then with how much is read
 * @user_data: for @progress
 * @error: return location for an error
 *
 * Reads a network from CSV files with the roles of their columns guessed
 * from their headers and first records.
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 */
EntImport *
ent_data_read_csv (const char * const     *paths,
                   GCancellable           *cancellable,
                   EntImportProgressFunc   progress,
                   gpointer                user_data,
                   GError                **error)
{
  g_autoptr(EntCsvMapping) nodes = NULL;
  g_autoptr(EntCsvMapping) edges = NULL;
  const char *nodes_path = NULL;
  const char *edges_path = NULL;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(EntCsvPreview) preview = NULL;
      g_autoptr(EntCsvMapping) mapping = NULL;

      if (i == 2)
        {
          g_set_error (error, ENT_DATA_ERROR, ENT_DATA_ERROR_FAILED,
                       _("A network is read from at most two CSV files: its entities and its relations"));
          return NULL;
        }

      preview = ent_csv_preview (paths[i], ENT_DATA_CSV_PREVIEW_RECORDS, error);
      if (preview == NULL)
        return NULL;
      mapping = ent_data_guess_csv (preview);
      if ((mapping->table == ENT_CSV_EDGES ? edges_path : nodes_path) != NULL)
        {
          g_set_error_literal (error, ENT_DATA_ERROR, ENT_DATA_ERROR_FAILED, ent_data_csv_pair_problem (mapping->table));
          return NULL;
        }

      if (mapping->table == ENT_CSV_EDGES)
        {
          edges_path = paths[i];
          edges = g_steal_pointer (&mapping);
        }
      else
        {
          nodes_path = paths[i];
          nodes = g_steal_pointer (&mapping);
        }
    }

  return ent_csv_import (nodes_path, nodes, edges_path, edges, cancellable, progress, user_data, error);
}

/**
 * ent_data_read:
 * @paths: (array zero-terminated=1): the file to read, or for CSV one or two (entities, relations)
 * @format: their format
 * @cancellable: (nullable): to stop reading
 * @progress: (nullable): called now and then with how much is read
 * @user_data: for @progress
 * @error: return location for an error
 *
 * Reads a network from files in a data format.
 *
 * Returns: (transfer full): what was read, or %NULL with @error set
 */
EntImport *
ent_data_read (const char * const     *paths,
               EntDataFormat           format,
               GCancellable           *cancellable,
               EntImportProgressFunc   progress,
               gpointer                user_data,
               GError                **error)
{
  const EntDataFormatInfo *info = ent_data_format_get_info (format);

  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);

  /* A format of several files says itself what each must be. */
  if (info->max_files == 1 && paths[1] != NULL)
    {
      /* Translators: %s is the name of a format, "json" */
      g_set_error (error, ENT_DATA_ERROR, ENT_DATA_ERROR_FAILED, _("A network is read from one %s file"), info->name);
      return NULL;
    }
  if (info->read_file != NULL)
    return info->read_file (paths[0], cancellable, progress, user_data, error);
  return info->read (paths, cancellable, progress, user_data, error);
}

static void
remove_beside (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* A name beside @path that nothing has, for the new network to be written under until it is whole. */
static char *
partial_path (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *partial = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (partial, O_RDWR, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"), base,
                   g_strerror (saved_errno));
      g_free (partial);
      return NULL;
    }
  /* The store makes its file anew where none is; the name stays reserved by its randomness. */
  close (fd);
  g_unlink (partial);
  return partial;
}

/**
 * ent_data_write_network:
 * @import: what an importer read
 * @path: the new network's file
 * @replace: whether a file at @path is replaced; when not, it is an error
 * @cancellable: (nullable): to stop writing
 * @progress: (nullable): called now and then with how much is written
 * @user_data: for @progress
 * @counts: (out caller-allocates) (optional): what came in
 * @error: return location for an error
 *
 * Writes @import as a new network, keeping its ids. The network is written
 * beside @path under another name and renamed into place once complete, so
 * a failed or cancelled import leaves no file, and the one it was to
 * replace as it was.
 *
 * Returns: whether the network was written
 */
gboolean
ent_data_write_network (EntImport              *import,
                        const char             *path,
                        gboolean                replace,
                        GCancellable           *cancellable,
                        EntImportProgressFunc   progress,
                        gpointer                user_data,
                        EntImportCounts        *counts,
                        GError                **error)
{
  g_autofree char *partial = NULL;
  g_autoptr(EntStore) store = NULL;
  gboolean ok;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!replace && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, ENT_DATA_ERROR, ENT_DATA_ERROR_EXISTS, _("“%s” already exists"), path);
      return FALSE;
    }

  partial = partial_path (path, error);
  if (partial == NULL)
    return FALSE;

  store = ent_store_open (partial, ENT_STORE_OPEN_CREATE, error);
  /* Every row passed the schema's checks and foreign keys as it was written. */
  ok = store != NULL &&
       ent_store_import (store, import, NULL, TRUE, NULL, cancellable, progress, user_data, counts, error);
  /* Closed first, so that SQLite puts its write-ahead log into the file and removes it. */
  g_clear_object (&store);

  if (ok)
    {
      /* A log left beside an old file at @path would be read into the new one. */
      remove_beside (path);
      if (g_rename (partial, path) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"),
                       path, g_strerror (saved_errno));
          ok = FALSE;
        }
    }

  if (!ok)
    g_unlink (partial);
  remove_beside (partial);
  return ok;
}

/**
 * ent_data_export:
 * @store: the network
 * @path: where to write it; for CSV, the name both files are named after (see ent_data_csv_paths())
 * @format: the format
 * @cancellable: (nullable): to stop writing
 * @error: return location for an error
 *
 * Writes the network's data: JSON, lossless, with its stored layouts; or
 * CSV, an entities file and a relations file.
 *
 * Returns: whether the files were written
 */
gboolean
ent_data_export (EntStore       *store,
                 const char     *path,
                 EntDataFormat   format,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(GPtrArray) layouts = NULL;
  const EntDataFormatInfo *info;

  g_return_val_if_fail (ENT_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  info = ent_data_format_get_info (format);
  if (info->write == NULL)
    {
      /* Translators: %s is a format's name in a file chooser, e.g. “FollowTheMoney entities (JSON lines)” */
      g_set_error (error, ENT_DATA_ERROR, ENT_DATA_ERROR_UNKNOWN_FORMAT, _("Entente reads %s but does not write it"),
                   _(info->filter_name));
      return FALSE;
    }

  graph = ent_store_load_graph (store, error);
  if (graph == NULL)
    return FALSE;
  layouts = ent_store_load_layouts (store, error);
  return layouts != NULL && info->write (graph, layouts, path, cancellable, error);
}
