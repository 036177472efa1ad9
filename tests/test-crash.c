/* test-crash.c: a store killed in the middle of edits loses nothing it committed
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>

#include "ent-store.h"

#define ROUNDS 100

static const char *writer_path;

/*
 * Reads the file after a crash and gives the number of the last edit it
 * holds, checking on the way that every edit is whole: each entity has its
 * evidence, and names follow the writer's sequence with no gaps.
 */
static gint64
last_edit_in_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  gint64 last = 0;

  store = ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ent_store_check_integrity (store, &error));
  g_assert_no_error (error);

  graph = ent_store_load_graph (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      gint64 k = 2 * (gint64) entity->id - 1;
      g_autofree char *added = g_strdup_printf ("e%" G_GINT64_FORMAT, k);
      g_autofree char *renamed = g_strdup_printf ("e%" G_GINT64_FORMAT "/e%" G_GINT64_FORMAT, k, k + 1);

      g_assert_cmpuint (entity->quote_ids->len, ==, 1);
      if (g_str_equal (entity->name, renamed))
        last = k + 1;
      else
        {
          g_assert_cmpstr (entity->name, ==, added);
          /* Only the newest entity can still wait for its rename. */
          g_assert_cmpuint (i, ==, graph->entities->len - 1);
          last = k;
        }
    }

  g_assert_cmpuint (graph->entities->len, ==, (last + 1) / 2);
  return last;
}

static void
test_kill_during_edits (void)
{
  g_autofree char *dir = g_dir_make_tmp ("entente-crash-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crash.entente", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  gint64 committed = 0;
  guint mid_transaction = 0;

  for (int round = 0; round < ROUNDS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, committed);
      gint64 reported = committed;
      gint64 in_file;
      int wanted = g_rand_int_range (rand, 1, 30);

      writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                 writer_path, path, start, NULL);
      g_assert_no_error (error);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));

      for (int i = 0; i < wanted; i++)
        {
          g_autofree char *line = g_data_input_stream_read_line (lines, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_nonnull (line);
          reported = g_ascii_strtoll (line, NULL, 10);
        }

      /* Let the next edit get under way, then kill without warning. */
      g_usleep (g_rand_int_range (rand, 0, 4000));
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (writer));

      in_file = last_edit_in_file (path);
      g_assert_cmpint (in_file, >=, reported);
      if (in_file == reported)
        mid_transaction++;
      committed = in_file;
    }

  g_test_message ("%d kills, %" G_GINT64_FORMAT " edits committed, %u kills before the next commit",
                  ROUNDS, committed, mid_transaction);
  g_assert_cmpint (committed, >=, ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    {
      g_printerr ("Usage: %s WRITER\n", argv[0]);
      return 2;
    }
  writer_path = argv[1];

  g_test_add_func ("/ent/store/sigkill-during-edits", test_kill_during_edits);

  return g_test_run ();
}
