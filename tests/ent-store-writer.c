/* ent-store-writer.c: makes edits until it is killed, for test-crash
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "ent-store.h"

/*
 * Usage: ent-store-writer FILE START
 *
 * Edit k (from START + 1 on) is, for odd k, one transaction that adds the
 * entity "e<k>" with a quote as its evidence, and for even k the rename of
 * "e<k-1>" to "e<k-1>/e<k>". The number of each edit is printed once its
 * transaction has committed.
 */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  gint64 source_id = 1;
  gint64 k;

  if (argc != 3)
    return 2;

  store = ent_store_open (argv[1], ENT_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  k = g_ascii_strtoll (argv[2], NULL, 10);
  if (k == 0)
    {
      EntSource source = { .title = (char *) "Notes", .body = (char *) "Aleinik arrived in Delhi." };
      source_id = ent_store_add_source (store, &source, &error);
      if (source_id == 0)
        g_error ("%s", error->message);
    }

  /* An entity added before this run is found by its place in the sequence: edit k added entity (k + 1) / 2. */
  for (k = k + 1;; k++)
    {
      if (k % 2 == 1)
        {
          g_autofree char *name = g_strdup_printf ("e%" G_GINT64_FORMAT, k);
          EntEntity entity = { .kind = ENT_KIND_PERSON, .name = name };
          gint64 entity_id, quote_id;

          if (!ent_store_begin (store, &error) ||
              (entity_id = ent_store_add_entity (store, &entity, &error)) == 0 ||
              (quote_id = ent_store_add_quote (store, source_id, 19, 24, "Delhi", &error)) == 0 ||
              !ent_store_add_entity_evidence (store, entity_id, quote_id, &error) ||
              !ent_store_commit (store, &error))
            g_error ("%s", error->message);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("e%" G_GINT64_FORMAT "/e%" G_GINT64_FORMAT, k - 1, k);

          if (!ent_store_set_entity_name (store, (k + 1) / 2, name, &error))
            g_error ("%s", error->message);
        }

      printf ("%" G_GINT64_FORMAT "\n", k);
      fflush (stdout);
    }

  return 0;
}
