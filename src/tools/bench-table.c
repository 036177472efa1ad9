/* bench-table.c: the Markdown table of the figures of every size
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include <math.h>

static void
append_value (GString    *row,
              double      value,
              int         digits,
              const char *suffix)
{
  if (isnan (value))
    g_string_append (row, " n/a |");
  else
    g_string_append_printf (row, " %.*f%s |", digits, value, suffix);
}

typedef double (*Getter) (SizeFigures *figures);

static void
print_row (GPtrArray  *all,
           const char *what,
           const char *target,
           Getter      get,
           int         digits,
           const char *suffix)
{
  g_autoptr(GString) row = g_string_new (NULL);

  g_string_append_printf (row, "| %s | %s |", what, target);
  for (guint i = 0; i < all->len; i++)
    append_value (row, get (g_ptr_array_index (all, i)), digits, suffix);
  g_print ("%s\n", row->str);
}

#define GETTER(name, expr) \
  static double name (SizeFigures *f) { return (expr); }

GETTER (get_generate, f->generate_ms / 1000.0)
GETTER (get_open, f->open_ms)
GETTER (get_first_frame, f->first_frame_ms)
GETTER (get_frame_fit, f->frame_ms[0])
GETTER (get_frame_50, f->frame_ms[1])
GETTER (get_frame_100, f->frame_ms[2])
GETTER (get_frame_400, f->frame_ms[3])
GETTER (get_pan, f->pan_ms)
GETTER (get_zoom_step, f->zoom_step_ms)
GETTER (get_pan_max, MAX (f->pan_max_ms, f->pan_fit_max_ms))
GETTER (get_hit, f->hit_us)
GETTER (get_svg, f->svg_ms)
GETTER (get_svg_cli, f->svg_cli_ms)
GETTER (get_svg_ratio, f->svg_ms / f->svg_cli_ms)
GETTER (get_png, f->png_ms)
GETTER (get_png_cli, f->png_cli_ms)
GETTER (get_png_ratio, f->png_ms / f->png_cli_ms)
GETTER (get_peak, f->peak_mb)
GETTER (get_window, f->window_mb)

static void
print_layout_rows (GPtrArray *all)
{
  static const char * const engines[] = { "dot", "neato", "fdp", "sfdp", "twopi", "circo" };

  for (guint e = 0; e < G_N_ELEMENTS (engines); e++)
    {
      g_autoptr(GString) row = g_string_new (NULL);
      gboolean any = FALSE;

      g_string_append_printf (row, "| layout %s: worker ms / CLI ms (ratio) | ≤1.05× |", engines[e]);
      for (guint i = 0; i < all->len; i++)
        {
          SizeFigures *figures = g_ptr_array_index (all, i);
          LayoutFigure *figure = g_hash_table_lookup (figures->layouts, engines[e]);

          if (figure == NULL)
            {
              g_string_append (row, " — |");
              continue;
            }
          any = TRUE;
          g_string_append_printf (row, " %.0f / %.0f (%.2f×) |", figure->worker_ms, figure->cli_ms,
                                  figure->worker_ms / figure->cli_ms);
        }
      if (any)
        g_print ("%s\n", row->str);
    }
}

void
bench_print_table (GPtrArray        *all,
                   const RunOptions *options)
{
  g_autoptr(GString) header = g_string_new ("| measure (median) | target 1k / 10k |");
  g_autoptr(GString) rule = g_string_new ("|---|---|");

  for (guint i = 0; i < all->len; i++)
    {
      g_string_append_printf (header, " %u |", ((SizeFigures *) g_ptr_array_index (all, i))->size);
      g_string_append (rule, "---:|");
    }

  g_print ("\nShape %s, seed %u, %u runs per figure (layouts of 10,000: 3, of 50,000: 1).\n\n",
           bench_shape_name (options->shape), options->seed, options->runs);
  g_print ("%s\n%s\n", header->str, rule->str);
  print_row (all, "generate + first layout (s, once)", "", get_generate, 1, "");
  print_row (all, "open + build graph (ms)", "", get_open, 1, "");
  print_layout_rows (all);
  print_row (all, "open → first frame, stored positions (ms)", "≤50 / ≤300", get_first_frame, 1, "");
  print_row (all, "frame fit-all (ms)", "≤4 / ≤16", get_frame_fit, 2, "");
  print_row (all, "frame 50 % (ms)", "", get_frame_50, 2, "");
  print_row (all, "frame 100 % (ms)", "≤4 / ≤8", get_frame_100, 2, "");
  print_row (all, "frame 400 % (ms)", "", get_frame_400, 2, "");
  print_row (all, "pan step at 100 % (ms)", "", get_pan, 2, "");
  print_row (all, "zoom gesture step, stretched frame (ms)", "", get_zoom_step, 2, "");
  print_row (all, "longest pan frame, 100 % or fit (ms)", "≤100 (50k)", get_pan_max, 1, "");
  print_row (all, "hit-test at a point (µs)", "", get_hit, 1, "");
  print_row (all, "SVG export, stored layout (ms)", "", get_svg, 0, "");
  print_row (all, "`sfdp -Tsvg` (ms)", "", get_svg_cli, 0, "");
  print_row (all, "SVG export / `sfdp -Tsvg`", "≤0.5× / ≤0.5×", get_svg_ratio, 2, "×");
  print_row (all, "PNG export, stored layout (ms)", "", get_png, 0, "");
  print_row (all, "`sfdp -Tpng` (ms)", "", get_png_cli, 0, "");
  print_row (all, "PNG export / `sfdp -Tpng`", "", get_png_ratio, 2, "×");
  print_row (all, "peak memory, open → first frame (MB)", "", get_peak, 0, "");
  print_row (all, "peak memory, window with graph (MB)", "≤120 / ≤250", get_window, 0, "");
  g_print ("\nAt 50,000 the layout worker ran once (while generating), `sfdp -Tplain` once, and the `sfdp -Tsvg`\n"
           "and `-Tpng` figures are the `-Tplain` time: a lower bound, since they lay out the same graph first.\n"
           "PNG exports are at most 8192 pixels a side.\n");
}
