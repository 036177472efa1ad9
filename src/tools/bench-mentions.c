/* bench-mentions.c: times the mention finder on names and articles given in files
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "entente-bench.h"
#include "ent-mentions.h"

#include <stdlib.h>
#include <string.h>

/*
 * entente-bench mentions [--runs N] NAMES ARTICLES
 *
 * NAMES has a line "ENTITY-ID<TAB>NAME" per name or alias; ARTICLES holds
 * the articles, each ended by a form feed. Prints the number of places
 * where names are found and the best time of N runs of building the finder and finding
 * them all, in milliseconds: "mentions 12345 ms 678.9".
 */
int
bench_command_mentions (int   argc,
                        char *argv[])
{
  g_autofree char *names_text = NULL;
  g_autofree char *articles_text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) articles = NULL;
  g_autoptr(GError) error = NULL;
  guint runs = 3, n_mentions = 0;
  double best = G_MAXDOUBLE;
  int arg = 1;

  if (argc >= 3 && g_str_equal (argv[1], "--runs"))
    {
      runs = MAX (1, (guint) g_ascii_strtoull (argv[2], NULL, 10));
      arg = 3;
    }
  if (argc != arg + 2)
    {
      g_printerr ("Usage: entente-bench mentions [--runs N] NAMES ARTICLES\n");
      return 2;
    }

  if (!g_file_get_contents (argv[arg], &names_text, NULL, &error) ||
      !g_file_get_contents (argv[arg + 1], &articles_text, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  lines = g_strsplit (names_text, "\n", -1);
  articles = g_strsplit (articles_text, "\f", -1);

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(EntMentionFinder) finder = NULL;
      g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (EntMention));
      gint64 start = g_get_monotonic_time ();
      double ms;

      finder = ent_mention_finder_new ();
      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *tab = strchr (lines[i], '\t');

          if (tab != NULL)
            ent_mention_finder_add_name (finder, g_ascii_strtoll (lines[i], NULL, 10), tab + 1);
        }
      for (guint i = 0; articles[i] != NULL; i++)
        ent_mention_finder_find (finder, i + 1, articles[i], mentions);

      ms = (g_get_monotonic_time () - start) / 1000.0;
      best = MIN (best, ms);
      /* Places in the text, as a pattern finds them: two entities of one name are found at the same place. */
      n_mentions = 0;
      for (guint i = 0; i < mentions->len; i++)
        {
          const EntMention *m = &g_array_index (mentions, EntMention, i);
          const EntMention *before = i > 0 ? &g_array_index (mentions, EntMention, i - 1) : NULL;

          n_mentions += before == NULL || before->source_id != m->source_id || before->start != m->start ||
                        before->end != m->end;
        }
    }

  g_print ("mentions %u ms %.1f\n", n_mentions, best);
  return 0;
}
