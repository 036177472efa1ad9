/* ent-user-data.c: the user's own copy of the bundled network
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-user-data"

#include "config.h"

#include "ent-user-data.h"

#include <errno.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#define BUNDLED_NAME "india-belarus.entente"

/*
 * The installed copy lives in the package's data folder. ENTENTE_DATA_DIR
 * points elsewhere, so the program runs from its build folder and tests use
 * the file just built.
 */
char *
ent_bundled_database_path (void)
{
  const char *dir = g_getenv ("ENTENTE_DATA_DIR");

  return g_build_filename (dir != NULL && *dir != '\0' ? dir : PKGDATADIR, BUNDLED_NAME, NULL);
}

char *
ent_user_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "entente", BUNDLED_NAME, NULL);
}

/**
 * ent_user_database_ensure:
 * @error: return location for an error
 *
 * Gives the path of the user's copy of the bundled network, copying the
 * installed file there on first use. An existing copy is never overwritten,
 * even by two instances starting at once: the copy is written under a
 * temporary name and linked into place, which fails if the name is taken.
 *
 * Returns: (transfer full): the path, or %NULL with @error set
 */
char *
ent_user_database_ensure (GError **error)
{
  g_autofree char *path = ent_user_database_path ();
  g_autofree char *bundled = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp_path = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) tmp = NULL;
  int saved_errno;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  bundled = ent_bundled_database_path ();
  source = g_file_new_for_path (bundled);
  tmp_path = g_strdup_printf ("%s.%d.tmp", path, (int) getpid ());
  tmp = g_file_new_for_path (tmp_path);

  if (!g_file_copy (source, tmp, G_FILE_COPY_OVERWRITE | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                    NULL, NULL, NULL, error))
    {
      g_prefix_error (error, _("Could not copy the bundled network: "));
      g_unlink (tmp_path);
      return NULL;
    }

  if (link (tmp_path, path) != 0 && errno != EEXIST)
    {
      saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  g_unlink (tmp_path);
  return g_steal_pointer (&path);
}
