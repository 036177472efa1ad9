/* bench-memory.c: the peak memory of a first frame, and of the window with a network open
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>

/* Reads a "VmHWM:  1234 kB" line of /proc/PID/status, in MB; NAN when there is none. */
double
bench_read_peak_memory (const char *status_path)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (status_path, &status, NULL, NULL))
    return NAN;

  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return NAN;

  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

/* Runs "entente-bench first-frame FILE" in a process of its own, which reports its peak memory. */
double
bench_measure_peak_memory (const RunOptions *options,
                           const char       *path)
{
  const char *argv[] = { options->self_path, "first-frame", path, NULL };
  g_autofree char *output = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return NAN;

  return g_ascii_strtod (output, NULL);
}

/*
 * The whole application with the network open, under the display the
 * caller gives. It is watched until its peak memory has stayed the same
 * for two seconds, by which time the file is open and drawn, then ended.
 */
double
bench_measure_window_memory (const RunOptions *options,
                             const char       *path)
{
  const char *argv[] = { options->window_path, path, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *status_path = NULL;
  GPid pid;
  double peak = NAN, start = bench_now_ms (), stable_since = bench_now_ms ();

  if (options->window_path == NULL || g_getenv ("DISPLAY") == NULL)
    return NAN;

  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  if (!g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("%s: %s\n", options->window_path, error->message);
      return NAN;
    }

  status_path = g_strdup_printf ("/proc/%d/status", pid);
  while (bench_now_ms () - start < 60000 && bench_now_ms () - stable_since < 2000)
    {
      double current;

      g_usleep (100000);
      current = bench_read_peak_memory (status_path);
      if (isnan (current))
        break;
      if (isnan (peak) || current > peak)
        {
          peak = current;
          stable_since = bench_now_ms ();
        }
    }

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  /* Less than a second of life means it never showed the file. */
  return bench_now_ms () - start > 1000 ? peak : NAN;
}
