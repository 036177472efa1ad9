/* ent-export-file.c: the temporary file an export is written to, renamed over the target once complete
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-export"

#include "config.h"

#include "ent-export-private.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

/* Always FALSE, for the failure @saved_errno tells of, writing @path. */
gboolean
_ent_export_set_errno_error (GError     **error,
                             const char  *path,
                             int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write “%s”: %s"), path,
               g_strerror (saved_errno));
  return FALSE;
}

/**
 * _ent_export_open_temporary:
 * @path: the file an export is to replace
 * @temporary: (out): the temporary file's path, for the caller to free, and to unlink unless it is renamed
 * @error: return location for an error
 *
 * Opens a new file beside @path, so that renaming it over @path once it is
 * complete is atomic: an export cut short or failed leaves no file, or the
 * old one.
 *
 * Returns: (nullable): the file, or %NULL on error
 */
FILE *
_ent_export_open_temporary (const char  *path,
                            char       **temporary,
                            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  FILE *file;
  int fd;

  *temporary = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (*temporary, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (temporary, g_free);
      _ent_export_set_errno_error (error, path, saved_errno);
      return NULL;
    }

  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      int saved_errno = errno;

      close (fd);
      _ent_export_set_errno_error (error, path, saved_errno);
    }
  return file;
}

/**
 * _ent_export_finish_temporary:
 * @file: (transfer full): the temporary file, complete; it is closed
 * @temporary: its path
 * @path: the target
 * @error: return location for an error
 *
 * Writes @file out to the disk and renames it over @path.
 *
 * Returns: whether @path is now the new file; if not, @temporary is the caller's to unlink
 */
gboolean
_ent_export_finish_temporary (FILE        *file,
                              const char  *temporary,
                              const char  *path,
                              GError     **error)
{
  int saved_errno = 0;

  if (fflush (file) != 0 || fsync (fileno (file)) != 0)
    saved_errno = errno;
  if (fclose (file) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (temporary, path) != 0)
    saved_errno = errno;
  if (saved_errno != 0)
    return _ent_export_set_errno_error (error, path, saved_errno);
  return TRUE;
}
