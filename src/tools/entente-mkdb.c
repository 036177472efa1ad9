/* entente-mkdb.c: builds a .entente file from a network file
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-mkdb"

#include "config.h"

#include "ent-network-file.h"
#include "ent-store.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

/*
 * Used by the build: every quote of the network must be found, once, in its
 * source, or the build fails. The network is built in a work file beside
 * OUTPUT and copied over it, compacted, by ent_store_save_copy (), which
 * renames a complete copy into place, so a failed build leaves no
 * half-written file.
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autofree char *work = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("Usage: %s NETWORK-FILE OUTPUT.entente\n", argv[0]);
      return 2;
    }

  work = g_strconcat (argv[2], ".work", NULL);
  wal = g_strconcat (work, "-wal", NULL);
  shm = g_strconcat (work, "-shm", NULL);
  g_unlink (work);
  g_unlink (wal);
  g_unlink (shm);

  store = ent_store_open (work, ENT_STORE_OPEN_CREATE, &error);
  if (store == NULL ||
      !ent_network_file_import (store, argv[1], &error) ||
      !ent_store_save_copy (store, argv[2], &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      g_clear_object (&store);
      g_unlink (work);
      return 1;
    }

  g_clear_object (&store);
  g_unlink (work);

  return 0;
}
