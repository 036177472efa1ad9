/* ent-timeline-view.c: a strip with what happened and what was reported on a time axis, to filter by a range
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-timeline-view.h"

#include <math.h>
#include <glib/gi18n.h>

/*
 * The strip, from the top: the text of the selected range; the lanes of what
 * happened (entities and relations by their dates); the row of what was
 * reported (sources by the date they were published); the axis with its
 * labels. Row names sit in a gutter on the left, and clicking one chooses
 * what the range filters by. Days without a year have a band of their own on
 * the right, from January to December.
 */
#define HEIGHT        90
#define GUTTER        82
#define PAD_RIGHT     8
#define BAND_GAP      20
#define LANES_Y       18
#define LANE_HEIGHT   7
#define MARK_HEIGHT   5
#define MAX_LANES     4
#define REPORTED_Y    (LANES_Y + MAX_LANES * LANE_HEIGHT + 4)
#define AXIS_Y        (REPORTED_Y + LANE_HEIGHT + 4)
#define LABELS_Y      (AXIS_Y + 5)
/* A mark narrower than this is drawn as a dot. */
#define DOT_WIDTH     4.0
/* How far a press may move before it is a drag rather than a click. */
#define DRAG_THRESHOLD 3.0
/* The shortest and the longest stretch of days the axis shows across its band. */
#define MIN_VIEW_DAYS 14.0
#define MAX_VIEW_DAYS (365.25 * 10000)

/* A lane of an item that is drawn over others, as the lanes ran out: fainter, so that density shows. */
#define LANE_DENSE 0x80

struct _EntTimelineView
{
  GtkWidget     parent_instance;

  EntTimeline  *timeline;
  EntTimeMode   mode;
  gboolean      has_range;
  EntTimeRange  range;
  char         *range_text;

  /* The days each band shows across its width, and whether it has anything to show. */
  double        view_start[ENT_TIME_N_BANDS];
  double        view_end[ENT_TIME_N_BANDS];
  gboolean      band_shown[ENT_TIME_N_BANDS];

  /* Each item's lane, worked out again when the axis or the width changes. */
  guint8       *lanes;
  gboolean      lanes_valid;
  int           lanes_width;

  /* A press and what it turns into. */
  gboolean      pressed;
  gboolean      dragging;
  gboolean      moving;
  double        press_x;
  double        press_y;
  EntTimeBand   press_band;
  double        press_day;
  EntTimeRange  press_range;
  double        pointer_x;

  char         *month_names[12];
};

G_DEFINE_FINAL_TYPE (EntTimelineView, ent_timeline_view, GTK_TYPE_WIDGET)

enum
{
  RANGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The left edge and width of @band's part of the strip; %FALSE when it is not shown. */
static gboolean
band_area (EntTimelineView *self,
           EntTimeBand      band,
           double          *x,
           double          *width)
{
  double available = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER - PAD_RIGHT, 20);

  if (!self->band_shown[band])
    return FALSE;

  if (self->band_shown[ENT_TIME_BAND_YEARS] && self->band_shown[ENT_TIME_BAND_YEARLESS])
    {
      double years_width = floor ((available - BAND_GAP) * 0.7);

      *x = band == ENT_TIME_BAND_YEARS ? GUTTER : GUTTER + years_width + BAND_GAP;
      *width = band == ENT_TIME_BAND_YEARS ? years_width : available - BAND_GAP - years_width;
    }
  else
    {
      *x = GUTTER;
      *width = available;
    }
  return TRUE;
}

static double
day_to_x (EntTimelineView *self,
          EntTimeBand      band,
          double           day,
          double           x,
          double           width)
{
  return x + (day - self->view_start[band]) / (self->view_end[band] - self->view_start[band]) * width;
}

static double
x_to_day (EntTimelineView *self,
          EntTimeBand      band,
          double           px,
          double           x,
          double           width)
{
  return self->view_start[band] + (px - x) / width * (self->view_end[band] - self->view_start[band]);
}

/* The band under @px, if any. */
static gboolean
band_at (EntTimelineView *self,
         double           px,
         EntTimeBand     *band)
{
  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    {
      double x, width;

      if (band_area (self, b, &x, &width) && px >= x - BAND_GAP / 2.0 && px <= x + width + BAND_GAP / 2.0)
        {
          *band = b;
          return TRUE;
        }
    }
  return FALSE;
}

static double
clamp_day (EntTimeBand band,
           double      day)
{
  if (band == ENT_TIME_BAND_YEARLESS)
    return CLAMP (day, 0, ENT_TIME_YEARLESS_DAYS);
  return CLAMP (day, ent_time_day (band, 1, 1, 1), ent_time_day (band, 9999, 12, 31) + 1);
}

/*
 * The unit the axis labels at the present zoom, and how many of them go from
 * one label to the next: a label must fit between two of them.
 */
typedef struct
{
  EntTimePrecision unit;
  int              step;
} TickStep;

static const TickStep tick_steps[] = {
  { ENT_TIME_DAY, 1 }, { ENT_TIME_DAY, 2 }, { ENT_TIME_DAY, 5 },
  { ENT_TIME_MONTH, 1 }, { ENT_TIME_MONTH, 3 }, { ENT_TIME_MONTH, 6 },
  { ENT_TIME_YEAR, 1 }, { ENT_TIME_YEAR, 2 }, { ENT_TIME_YEAR, 5 }, { ENT_TIME_YEAR, 10 },
  { ENT_TIME_YEAR, 20 }, { ENT_TIME_YEAR, 50 }, { ENT_TIME_YEAR, 100 }, { ENT_TIME_YEAR, 200 },
  { ENT_TIME_YEAR, 500 }, { ENT_TIME_YEAR, 1000 },
};

static double
unit_days (EntTimePrecision unit)
{
  return unit == ENT_TIME_DAY ? 1.0 : unit == ENT_TIME_MONTH ? 30.44 : 365.25;
}

static TickStep
choose_ticks (EntTimelineView *self,
              EntTimeBand      band,
              double           width,
              double           label_width)
{
  double px_per_day = width / (self->view_end[band] - self->view_start[band]);

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      if (band == ENT_TIME_BAND_YEARLESS && tick_steps[i].unit == ENT_TIME_YEAR)
        break;
      if (unit_days (tick_steps[i].unit) * tick_steps[i].step * px_per_day >= label_width + 10)
        return tick_steps[i];
    }

  return band == ENT_TIME_BAND_YEARLESS ? (TickStep) { ENT_TIME_MONTH, 6 } : tick_steps[G_N_ELEMENTS (tick_steps) - 1];
}

/* The unit a drag selects in at the present zoom: what the axis labels, but not finer than a day. */
static EntTimePrecision
drag_unit (EntTimelineView *self,
           EntTimeBand      band)
{
  double x, width;

  if (!band_area (self, band, &x, &width))
    return ENT_TIME_DAY;
  return choose_ticks (self, band, width, 40).unit;
}

static void
ensure_lanes (EntTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  const EntTimeItem *items;
  guint n_items;

  if (self->timeline == NULL || (self->lanes_valid && self->lanes_width == width))
    return;

  items = ent_timeline_get_items (self->timeline, &n_items);
  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    {
      double lane_end[MAX_LANES];
      double x, w;

      for (guint l = 0; l < MAX_LANES; l++)
        lane_end[l] = -G_MAXDOUBLE;
      if (!band_area (self, b, &x, &w))
        continue;

      for (guint i = 0; i < n_items; i++)
        {
          const EntTimeItem *item = &items[i];
          double x1, x2;
          guint lane = 0, best = 0;

          if (item->span.band != b || item->type == ENT_TIME_ITEM_SOURCE)
            continue;
          x1 = day_to_x (self, b, item->span.start, x, w);
          x2 = MAX (day_to_x (self, b, item->span.end, x, w), x1 + DOT_WIDTH) + 2;
          while (lane < MAX_LANES && lane_end[lane] > x1)
            {
              if (lane_end[lane] < lane_end[best])
                best = lane;
              lane++;
            }
          if (lane < MAX_LANES)
            {
              self->lanes[i] = lane;
              lane_end[lane] = x2;
            }
          else
            {
              self->lanes[i] = best | LANE_DENSE;
              lane_end[best] = MAX (lane_end[best], x2);
            }
        }
    }

  self->lanes_valid = TRUE;
  self->lanes_width = width;
}

/* Where item @i is drawn; %FALSE when its band is not shown. */
static gboolean
mark_rect (EntTimelineView *self,
           guint            i,
           graphene_rect_t *rect)
{
  guint n_items;
  const EntTimeItem *item = &ent_timeline_get_items (self->timeline, &n_items)[i];
  double x, width, x1, x2, y;

  if (!band_area (self, item->span.band, &x, &width))
    return FALSE;

  ensure_lanes (self);
  x1 = day_to_x (self, item->span.band, item->span.start, x, width);
  x2 = day_to_x (self, item->span.band, item->span.end, x, width);
  y = item->type == ENT_TIME_ITEM_SOURCE ? REPORTED_Y : LANES_Y + (self->lanes[i] & ~LANE_DENSE) * LANE_HEIGHT;
  if (x2 - x1 < DOT_WIDTH)
    {
      double cx = (x1 + x2) / 2;

      x1 = cx - DOT_WIDTH / 2 - 0.5;
      x2 = cx + DOT_WIDTH / 2 + 0.5;
    }
  graphene_rect_init (rect, x1, y, x2 - x1, MARK_HEIGHT);
  return TRUE;
}

static void
get_colors (EntTimelineView *self,
            GdkRGBA         *fg,
            GdkRGBA         *accent,
            GdkRGBA         *accent_bg,
            GdkRGBA         *background)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, fg);
  /* libadwaita 1.2 has no accent colour API; its stylesheet names the colours. */
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    gdk_rgba_parse (accent, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", accent_bg))
    *accent_bg = *accent;
  if (!gtk_style_context_lookup_color (context, "window_bg_color", background))
    gdk_rgba_parse (background, "#ffffff");
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y)
{
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* The label of a tick at @day: the year at a year's start, the month at a month's, else the day. */
static const char *
tick_label (EntTimelineView *self,
            EntTimeBand      band,
            gint32           day,
            char            *buffer,
            gsize            size)
{
  guint year, month, d;

  ent_time_day_to_date (band, day, &year, &month, &d);
  if (d != 1)
    g_snprintf (buffer, size, "%u", d);
  else if (month != 1 || band == ENT_TIME_BAND_YEARLESS)
    return self->month_names[month - 1];
  else
    g_snprintf (buffer, size, "%u", year);
  return buffer;
}

static void
draw_axis (EntTimelineView *self,
           cairo_t         *cr,
           PangoLayout     *layout,
           EntTimeBand      band,
           double           x,
           double           width,
           const GdkRGBA   *fg)
{
  TickStep ticks = choose_ticks (self, band, width, MAX (text_width (layout, "0000"), text_width (layout, "May")));
  EntTimePrecision minor_unit = ticks.unit == ENT_TIME_YEAR ? (ticks.step == 1 ? ENT_TIME_MONTH : ENT_TIME_YEAR)
                              : ticks.unit == ENT_TIME_MONTH ? (ticks.step == 1 ? ENT_TIME_DAY : ENT_TIME_MONTH)
                              : ENT_TIME_DAY;
  double px_per_day = width / (self->view_end[band] - self->view_start[band]);
  double last_label_end = -G_MAXDOUBLE;
  gint32 day, end = (gint32) ceil (self->view_end[band]);
  char buffer[16];

  cairo_save (cr);
  cairo_rectangle (cr, x - 1, 0, width + 2, HEIGHT);
  cairo_clip (cr);

  set_source (cr, fg, 0.35);
  cairo_rectangle (cr, x, AXIS_Y, width, 1);
  cairo_fill (cr);

  /* Minor ticks, where they are far enough apart to tell. */
  if (unit_days (minor_unit) * px_per_day >= 5 && minor_unit != ticks.unit)
    {
      set_source (cr, fg, 0.35);
      day = ent_time_floor (band, (gint32) floor (clamp_day (band, self->view_start[band])), minor_unit);
      for (; day <= end; )
        {
          double tx = round (day_to_x (self, band, day, x, width));
          gint32 next = ent_time_add_units (band, day, minor_unit, 1);

          cairo_rectangle (cr, tx, AXIS_Y + 1, 1, 3);
          if (next <= day)
            break;
          day = next;
        }
      cairo_fill (cr);
    }

  day = ent_time_floor (band, (gint32) floor (clamp_day (band, self->view_start[band])), ticks.unit);
  if (ticks.step > 1)
    {
      guint year, month, d;

      /* Ticks on round numbers: every fifth year on years that end in 0 or 5. */
      ent_time_day_to_date (band, day, &year, &month, &d);
      if (ticks.unit == ENT_TIME_YEAR)
        day = ent_time_add_units (band, day, ENT_TIME_YEAR, -(int) (year % ticks.step));
      else if (ticks.unit == ENT_TIME_MONTH)
        day = ent_time_add_units (band, day, ENT_TIME_MONTH, -(int) ((month - 1) % ticks.step));
      else
        day = ent_time_day (band, year, month, 1);
    }
  while (day <= end)
    {
      double tx = round (day_to_x (self, band, day, x, width));
      gint32 next = ent_time_add_units (band, day, ticks.unit, ticks.step);
      const char *label = tick_label (self, band, day, buffer, sizeof buffer);
      int label_width = text_width (layout, label);

      /* Days step from the first of each month, so that a month's ticks fall on the same days,
       * and the last of them is not crowded against the next month's first. */
      if (ticks.unit == ENT_TIME_DAY && ticks.step > 1)
        {
          gint32 next_month = ent_time_add_units (band, ent_time_floor (band, day, ENT_TIME_MONTH), ENT_TIME_MONTH, 1);

          if (next + (ticks.step + 1) / 2 > next_month)
            next = next_month;
        }

      set_source (cr, fg, 0.5);
      cairo_rectangle (cr, tx, AXIS_Y, 1, 5);
      cairo_fill (cr);
      /* The label of a unit that starts before the axis does stays at its left end, so that
       * the axis always says which month or year it shows; a label that would run into
       * another is left out. */
      {
        double lx = MAX (tx, x) + 3;
        double next_x = day_to_x (self, band, next, x, width);

        if (lx > last_label_end + 6 && lx + label_width <= x + width + 2 &&
            (tx >= x || lx + label_width + 6 < next_x))
          {
            set_source (cr, fg, 0.75);
            show_text (cr, layout, label, lx, LABELS_Y);
            last_label_end = lx + label_width;
          }
      }
      if (next <= day)
        break;
      day = next;
    }

  cairo_restore (cr);
}

static gboolean
item_in_range (EntTimelineView   *self,
               const EntTimeItem *item)
{
  gboolean source = item->type == ENT_TIME_ITEM_SOURCE;

  return self->has_range && source == (self->mode == ENT_TIME_REPORTED) &&
         ent_time_range_overlaps (&item->span, &self->range);
}

static void
draw_marks (EntTimelineView *self,
            cairo_t         *cr,
            EntTimeBand      band,
            double           x,
            double           width,
            const GdkRGBA   *fg,
            const GdkRGBA   *accent)
{
  guint n_items;
  const EntTimeItem *items = ent_timeline_get_items (self->timeline, &n_items);

  cairo_save (cr);
  cairo_rectangle (cr, x - DOT_WIDTH, 0, width + 2 * DOT_WIDTH, HEIGHT);
  cairo_clip (cr);
  for (guint i = 0; i < n_items; i++)
    {
      graphene_rect_t rect;
      gboolean dense;

      if (items[i].span.band != band || !mark_rect (self, i, &rect))
        continue;
      if (rect.origin.x > x + width + DOT_WIDTH || rect.origin.x + rect.size.width < x - DOT_WIDTH)
        continue;

      dense = items[i].type != ENT_TIME_ITEM_SOURCE && (self->lanes[i] & LANE_DENSE);
      if (item_in_range (self, &items[i]))
        set_source (cr, accent, dense ? 0.6 : 1.0);
      else
        set_source (cr, fg, dense ? 0.25 : 0.55);

      if (rect.size.width <= DOT_WIDTH + 1.5)
        cairo_arc (cr, rect.origin.x + rect.size.width / 2, rect.origin.y + MARK_HEIGHT / 2.0, MARK_HEIGHT / 2.0,
                   0, 2 * G_PI);
      else
        {
          double r = MARK_HEIGHT / 2.0;
          double x1 = rect.origin.x + 0.5, x2 = rect.origin.x + rect.size.width - 0.5;
          double y1 = rect.origin.y, y2 = rect.origin.y + MARK_HEIGHT;

          cairo_new_sub_path (cr);
          cairo_arc (cr, x1 + r, y1 + r, r, G_PI / 2, 3 * G_PI / 2);
          cairo_line_to (cr, x2 - r, y1);
          cairo_arc (cr, x2 - r, y1 + r, r, -G_PI / 2, G_PI / 2);
          cairo_line_to (cr, x1 + r, y2);
          cairo_close_path (cr);
        }
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
draw_range (EntTimelineView *self,
            cairo_t         *cr,
            PangoLayout     *layout,
            const GdkRGBA   *accent,
            const GdkRGBA   *accent_bg,
            const GdkRGBA   *background)
{
  double x, width, x1, x2, tx;
  int text_w, text_h;

  if (!self->has_range || !band_area (self, self->range.band, &x, &width))
    return;

  x1 = day_to_x (self, self->range.band, self->range.start, x, width);
  x2 = day_to_x (self, self->range.band, self->range.end, x, width);
  if (x2 < x || x1 > x + width)
    return;
  x1 = MAX (x1, x - 1);
  x2 = MIN (MAX (x2, x1 + 2), x + width + 1);

  set_source (cr, accent_bg, 0.18);
  cairo_rectangle (cr, x1, LANES_Y - 3, x2 - x1, AXIS_Y - LANES_Y + 3);
  cairo_fill (cr);
  set_source (cr, accent_bg, 0.8);
  cairo_rectangle (cr, round (x1), LANES_Y - 3, 1, AXIS_Y - LANES_Y + 3);
  cairo_rectangle (cr, round (x2) - 1, LANES_Y - 3, 1, AXIS_Y - LANES_Y + 3);
  cairo_fill (cr);

  pango_layout_set_text (layout, self->range_text, -1);
  pango_layout_get_pixel_size (layout, &text_w, &text_h);
  tx = CLAMP ((x1 + x2 - text_w) / 2, x, MAX (x, x + width - text_w));
  set_source (cr, background, 1.0);
  cairo_rectangle (cr, tx - 3, 0, text_w + 6, text_h);
  cairo_fill (cr);
  set_source (cr, accent, 1.0);
  cairo_move_to (cr, tx, 0);
  pango_cairo_show_layout (cr, layout);
}

static void
ent_timeline_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  EntTimelineView *self = ENT_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = NULL;
  PangoAttrList *attrs;
  GdkRGBA fg, accent, accent_bg, background;
  cairo_t *cr;
  gboolean any = FALSE;

  if (width <= 0 || height <= 0)
    return;

  get_colors (self, &fg, &accent, &accent_bg, &background);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = gtk_widget_create_pango_layout (widget, NULL);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    any |= self->band_shown[b];

  if (!any)
    {
      int text_w, text_h;

      pango_layout_set_text (layout, self->timeline == NULL ? _("No network is open")
                                                            : _("Nothing in this network has a date"), -1);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      set_source (cr, &fg, 0.55);
      cairo_move_to (cr, (width - text_w) / 2.0, (height - text_h) / 2.0);
      pango_cairo_show_layout (cr, layout);
      cairo_destroy (cr);
      return;
    }

  /* The rows' names; the one the range filters by stands out. */
  {
    set_source (cr, self->mode == ENT_TIME_HAPPENED ? &accent : &fg, self->mode == ENT_TIME_HAPPENED ? 1.0 : 0.6);
    show_text (cr, layout, C_("timeline row", "Happened"), 8, LANES_Y + (MAX_LANES * LANE_HEIGHT) / 2.0 - 8);
    set_source (cr, self->mode == ENT_TIME_REPORTED ? &accent : &fg, self->mode == ENT_TIME_REPORTED ? 1.0 : 0.6);
    show_text (cr, layout, C_("timeline row", "Reported"), 8, REPORTED_Y + MARK_HEIGHT / 2.0 - 8);
  }

  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    {
      double x, w;

      if (!band_area (self, b, &x, &w))
        continue;
      if (b == ENT_TIME_BAND_YEARLESS)
        {
          int text_w;
          const char *title = _("Year not given");

          text_w = text_width (layout, title);
          set_source (cr, &fg, 0.6);
          show_text (cr, layout, title, x + w - text_w, 0);
          if (self->band_shown[ENT_TIME_BAND_YEARS])
            {
              set_source (cr, &fg, 0.15);
              cairo_rectangle (cr, x - BAND_GAP / 2.0, 2, 1, HEIGHT - 4);
              cairo_fill (cr);
            }
        }
      draw_axis (self, cr, layout, b, x, w, &fg);
      draw_marks (self, cr, b, x, w, &fg, &accent);
    }
  draw_range (self, cr, layout, &accent, &accent_bg, &background);

  cairo_destroy (cr);
}

static void
ent_timeline_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = GUTTER + PAD_RIGHT + 160;
  else
    *minimum = *natural = HEIGHT;
}

static void
ent_timeline_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  ENT_TIMELINE_VIEW (widget)->lanes_valid = FALSE;
}

/* The range and its counts for people, e.g. "1991: 4 entities and 3 relations". */
static void
update_accessible (EntTimelineView *self)
{
  g_autoptr(EntItemFilter) filter = ent_timeline_view_get_filter (self);
  g_autofree char *value = NULL;
  g_autofree char *entities = NULL;
  g_autofree char *relations = NULL;

  if (filter == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, _("No time range is chosen"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Drag across the time axis, or press the arrow keys, to show only what "
                                        "happened in a time range"),
                                      -1);
      return;
    }

  entities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities",
                                           ent_item_filter_get_n_entities (filter)),
                              ent_item_filter_get_n_entities (filter));
  relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                            ent_item_filter_get_n_relations (filter)),
                               ent_item_filter_get_n_relations (filter));
  /* Translators: a time range and what it shows, e.g. "1991: 4 entities and 3 relations" */
  value = g_strdup_printf (_("%s: %s and %s"), self->range_text, entities, relations);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, ent_item_filter_get_caption (filter),
                                  -1);
}

/* Keeps the range in view: moved by keys, it may have left it. */
static void
reveal_range (EntTimelineView *self)
{
  EntTimeBand band = self->range.band;
  double span = self->view_end[band] - self->view_start[band];
  double width = self->range.end - self->range.start;

  if (self->range.start >= self->view_start[band] && self->range.end <= self->view_end[band])
    return;

  span = MIN (MAX (span, width * 1.5), band == ENT_TIME_BAND_YEARLESS ? ENT_TIME_YEARLESS_DAYS : MAX_VIEW_DAYS);
  self->view_start[band] = (self->range.start + self->range.end) / 2.0 - span / 2;
  self->view_end[band] = self->view_start[band] + span;
  if (band == ENT_TIME_BAND_YEARLESS)
    {
      double shift = self->view_start[band] < 0 ? -self->view_start[band]
                   : self->view_end[band] > ENT_TIME_YEARLESS_DAYS ? ENT_TIME_YEARLESS_DAYS - self->view_end[band] : 0;

      self->view_start[band] += shift;
      self->view_end[band] += shift;
    }
  self->lanes_valid = FALSE;
}

static void
range_changed (EntTimelineView *self)
{
  g_clear_pointer (&self->range_text, g_free);
  if (self->has_range)
    self->range_text = ent_time_range_format (&self->range);
  /* While a drag goes on, what assistive technologies read waits for its end. */
  if (!self->dragging)
    update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

static void
select_range (EntTimelineView    *self,
              const EntTimeRange *range)
{
  if (range == NULL)
    {
      if (!self->has_range)
        return;
      self->has_range = FALSE;
    }
  else
    {
      if (self->has_range && ent_time_range_equal (&self->range, range))
        return;
      self->has_range = TRUE;
      self->range = *range;
    }
  range_changed (self);
}

/* The item whose mark is at (@x, @y), the shortest when marks cover each other; -1 for none. */
static int
mark_at (EntTimelineView *self,
         double           x,
         double           y)
{
  guint n_items;
  const EntTimeItem *items;
  int found = -1;

  if (self->timeline == NULL)
    return -1;

  items = ent_timeline_get_items (self->timeline, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      graphene_rect_t rect;

      if (!mark_rect (self, i, &rect))
        continue;
      graphene_rect_inset (&rect, -2, -1);
      if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      if (found < 0 || items[i].span.end - items[i].span.start < items[found].span.end - items[found].span.start)
        found = i;
    }
  return found;
}

/**
 * ent_timeline_view_click:
 * @self: a timeline view
 * @x: where, in the widget
 * @y: where, in the widget
 *
 * What a click does: on a mark, selects exactly the days of its dates (the
 * 1991 mark selects 1991), to filter by what happened then or, for a source,
 * by what was reported then; on a row's name, filters by that row; elsewhere,
 * clears the range. The click gesture calls it, and so can tests.
 */
void
ent_timeline_view_click (EntTimelineView *self,
                         double           x,
                         double           y)
{
  int found;

  g_return_if_fail (ENT_IS_TIMELINE_VIEW (self));

  if (x < GUTTER)
    {
      if (y >= LANES_Y - 4 && y < REPORTED_Y - 2)
        ent_timeline_view_set_mode (self, ENT_TIME_HAPPENED);
      else if (y >= REPORTED_Y - 2 && y < AXIS_Y)
        ent_timeline_view_set_mode (self, ENT_TIME_REPORTED);
      return;
    }

  found = mark_at (self, x, y);
  if (found >= 0)
    {
      guint n_items;
      const EntTimeItem *item = &ent_timeline_get_items (self->timeline, &n_items)[found];
      EntTimeMode mode = item->type == ENT_TIME_ITEM_SOURCE ? ENT_TIME_REPORTED : ENT_TIME_HAPPENED;

      if (mode != self->mode)
        {
          self->mode = mode;
          self->has_range = TRUE;
          self->range = item->span;
          range_changed (self);
        }
      else
        select_range (self, &item->span);
    }
  else
    select_range (self, NULL);
}

/**
 * ent_timeline_view_find_mark:
 * @self: a timeline view
 * @type: an entity, a relation or a source
 * @id: its id
 * @x: (out): the middle of its mark, in the widget
 * @y: (out): the middle of its mark, in the widget
 *
 * Returns: %FALSE when it has no mark: no date, or none in a band shown
 */
gboolean
ent_timeline_view_find_mark (EntTimelineView *self,
                             EntTimeItemType  type,
                             gint64           id,
                             double          *x,
                             double          *y)
{
  guint n_items;
  const EntTimeItem *items;

  g_return_val_if_fail (ENT_IS_TIMELINE_VIEW (self), FALSE);

  if (self->timeline == NULL)
    return FALSE;

  items = ent_timeline_get_items (self->timeline, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      graphene_rect_t rect;

      if (items[i].type != type || items[i].id != id || !mark_rect (self, i, &rect))
        continue;
      *x = rect.origin.x + rect.size.width / 2;
      *y = rect.origin.y + rect.size.height / 2;
      return TRUE;
    }
  return FALSE;
}

/* A mark's tooltip: what it stands for, and its dates. */
static gboolean
query_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip)
{
  EntTimelineView *self = ENT_TIMELINE_VIEW (widget);
  g_autofree char *dates = NULL;
  g_autofree char *text = NULL;
  const EntTimeItem *item;
  guint n_items;
  int found;

  if (keyboard || (found = mark_at (self, x, y)) < 0)
    return FALSE;

  item = &ent_timeline_get_items (self->timeline, &n_items)[found];
  dates = ent_time_range_format (&item->span);
  if (item->type == ENT_TIME_ITEM_SOURCE)
    /* Translators: the tooltip of a source on the timeline: its title and when it was published */
    text = g_strdup_printf (_("“%s”, published %s"), item->label, dates);
  else
    /* Translators: the tooltip of an entity or relation on the timeline: its name and its dates */
    text = g_strdup_printf (_("%s · %s"), item->label, dates);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
drag_begin (GtkGestureDrag  *gesture,
            double           x,
            double           y,
            EntTimelineView *self)
{
  double bx, width;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->pressed = TRUE;
  self->dragging = FALSE;
  self->press_x = x;
  self->press_y = y;
  self->moving = FALSE;
  if (x < GUTTER || !band_at (self, x, &self->press_band) || !band_area (self, self->press_band, &bx, &width))
    {
      self->press_band = ENT_TIME_N_BANDS;
      return;
    }

  self->press_day = x_to_day (self, self->press_band, x, bx, width);
  if (self->has_range && self->range.band == self->press_band)
    {
      double x1 = day_to_x (self, self->press_band, self->range.start, bx, width);
      double x2 = day_to_x (self, self->press_band, self->range.end, bx, width);

      /* Grabbing the range moves it; a press elsewhere starts a new one. */
      self->moving = x >= MIN (x1, x2 - 4) - 2 && x <= MAX (x2, x1 + 4) + 2;
      self->press_range = self->range;
    }
}

static void
drag_update (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             EntTimelineView *self)
{
  EntTimeBand band = self->press_band;
  EntTimeRange range;
  double bx, width, day;

  if (!self->pressed || band == ENT_TIME_N_BANDS || !band_area (self, band, &bx, &width))
    return;
  if (!self->dragging && fabs (dx) < DRAG_THRESHOLD)
    return;
  self->dragging = TRUE;

  day = clamp_day (band, x_to_day (self, band, self->press_x + dx, bx, width));
  range.band = band;
  if (self->moving)
    {
      EntTimePrecision unit = ent_time_range_get_precision (&self->press_range);
      int n = MAX (ent_time_range_count_units (&self->press_range, unit), 1);
      double moved = self->press_range.start + (day - self->press_day);

      /* By whole units of the range, to the one nearest where the pointer took it. */
      range.start = ent_time_floor (band, (gint32) floor (clamp_day (band, moved + unit_days (unit) / 2)), unit);
      range.end = ent_time_add_units (band, range.start, unit, n);
      if (ent_time_range_count_units (&range, unit) < n)
        return;
    }
  else
    {
      EntTimePrecision unit = drag_unit (self, band);
      double lo = MIN (day, self->press_day);
      double hi = MIN (MAX (day, self->press_day), clamp_day (band, G_MAXINT32) - 1);

      range.start = ent_time_floor (band, (gint32) floor (lo), unit);
      range.end = ent_time_add_units (band, ent_time_floor (band, (gint32) floor (hi), unit), unit, 1);
      if (range.end <= range.start)
        return;
    }
  select_range (self, &range);
}

static void
drag_end (GtkGestureDrag  *gesture,
          double           dx,
          double           dy,
          EntTimelineView *self)
{
  gboolean was_drag = self->dragging;

  if (!self->pressed)
    return;
  self->pressed = FALSE;
  self->dragging = FALSE;
  if (!was_drag)
    ent_timeline_view_click (self, self->press_x, self->press_y);
  else
    update_accessible (self);
}

static void
drag_cancel (GtkGesture       *gesture,
             GdkEventSequence *sequence,
             EntTimelineView  *self)
{
  if (self->dragging)
    update_accessible (self);
  self->pressed = FALSE;
  self->dragging = FALSE;
}

static void
pointer_motion (GtkEventControllerMotion *controller,
                double                    x,
                double                    y,
                EntTimelineView          *self)
{
  self->pointer_x = x;
}

/* Zooms @band's axis by @factor about the day at @px, which stays where it is. */
static void
zoom_band (EntTimelineView *self,
           EntTimeBand      band,
           double           factor,
           double           px)
{
  double x, width, day, span, max_span;

  if (!band_area (self, band, &x, &width))
    return;

  day = x_to_day (self, band, px, x, width);
  max_span = band == ENT_TIME_BAND_YEARLESS ? ENT_TIME_YEARLESS_DAYS : MAX_VIEW_DAYS;
  span = CLAMP ((self->view_end[band] - self->view_start[band]) * factor, MIN_VIEW_DAYS, max_span);
  self->view_start[band] = day - (px - x) / width * span;
  self->view_end[band] = self->view_start[band] + span;
  if (band == ENT_TIME_BAND_YEARLESS)
    {
      double shift = self->view_start[band] < 0 ? -self->view_start[band]
                   : self->view_end[band] > ENT_TIME_YEARLESS_DAYS ? ENT_TIME_YEARLESS_DAYS - self->view_end[band] : 0;

      self->view_start[band] += shift;
      self->view_end[band] += shift;
    }
  self->lanes_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scrolled (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          EntTimelineView          *self)
{
  EntTimeBand band;
  double x, width;

  if (!band_at (self, self->pointer_x, &band) || !band_area (self, band, &x, &width))
    return FALSE;

  if (dy != 0)
    zoom_band (self, band, pow (1.2, CLAMP (dy, -5, 5)), self->pointer_x);
  if (dx != 0)
    {
      double shift = dx * 20 / width * (self->view_end[band] - self->view_start[band]);

      if (band == ENT_TIME_BAND_YEARLESS)
        shift = CLAMP (shift, -self->view_start[band], ENT_TIME_YEARLESS_DAYS - self->view_end[band]);
      self->view_start[band] += shift;
      self->view_end[band] += shift;
      self->lanes_valid = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}

/* The band keys start a range in: the one with years, if the network has both. */
static gboolean
key_band (EntTimelineView *self,
          EntTimeBand     *band)
{
  if (self->has_range)
    {
      *band = self->range.band;
      return TRUE;
    }
  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    if (self->band_shown[b])
      {
        *band = b;
        return TRUE;
      }
  return FALSE;
}

static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             EntTimelineView       *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  EntTimeRange range, extent;
  EntTimeBand band;
  EntTimePrecision unit;

  if (keyval == GDK_KEY_Escape)
    {
      if (!self->has_range)
        return FALSE;
      ent_timeline_view_clear_range (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_m || keyval == GDK_KEY_M)
    {
      ent_timeline_view_set_mode (self, self->mode == ENT_TIME_HAPPENED ? ENT_TIME_REPORTED : ENT_TIME_HAPPENED);
      return TRUE;
    }
  if (keyval != GDK_KEY_Left && keyval != GDK_KEY_Right && keyval != GDK_KEY_KP_Left && keyval != GDK_KEY_KP_Right &&
      keyval != GDK_KEY_Home && keyval != GDK_KEY_End)
    return FALSE;
  if (self->timeline == NULL || !key_band (self, &band) || !ent_timeline_get_extent (self->timeline, band, &extent))
    return FALSE;

  if (!self->has_range)
    {
      /* The first unit (or the last) of what the band holds, in the unit its axis labels. */
      unit = drag_unit (self, band);
      range.band = band;
      if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left || keyval == GDK_KEY_End)
        range.start = ent_time_floor (band, extent.end - 1, unit);
      else
        range.start = ent_time_floor (band, extent.start, unit);
      range.end = ent_time_add_units (band, range.start, unit, 1);
    }
  else
    {
      range = self->range;
      unit = ent_time_range_get_precision (&range);
      if (keyval == GDK_KEY_Home || keyval == GDK_KEY_End)
        {
          int n = MAX (ent_time_range_count_units (&range, unit), 1);

          if (keyval == GDK_KEY_Home)
            range.start = ent_time_floor (band, extent.start, unit);
          else
            range.start = ent_time_add_units (band, ent_time_floor (band, extent.end - 1, unit), unit, 1 - n);
          range.end = ent_time_add_units (band, range.start, unit, n);
        }
      else if (shift)
        ent_time_range_extend (&range, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1);
      else
        ent_time_range_move (&range, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1);
    }

  if (self->has_range && ent_time_range_equal (&range, &self->range))
    return TRUE;
  self->has_range = TRUE;
  self->range = range;
  reveal_range (self);
  range_changed (self);
  return TRUE;
}

static void
ent_timeline_view_dispose (GObject *object)
{
  EntTimelineView *self = ENT_TIMELINE_VIEW (object);

  g_clear_pointer (&self->timeline, ent_timeline_free);
  g_clear_pointer (&self->lanes, g_free);
  g_clear_pointer (&self->range_text, g_free);

  G_OBJECT_CLASS (ent_timeline_view_parent_class)->dispose (object);
}

static void
ent_timeline_view_finalize (GObject *object)
{
  EntTimelineView *self = ENT_TIMELINE_VIEW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->month_names); i++)
    g_free (self->month_names[i]);

  G_OBJECT_CLASS (ent_timeline_view_parent_class)->finalize (object);
}

static void
ent_timeline_view_class_init (EntTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_timeline_view_dispose;
  object_class->finalize = ent_timeline_view_finalize;
  widget_class->snapshot = ent_timeline_view_snapshot;
  widget_class->measure = ent_timeline_view_measure;
  widget_class->size_allocate = ent_timeline_view_size_allocate;
  widget_class->query_tooltip = query_tooltip;

  /**
   * EntTimelineView::range-changed:
   *
   * The selected range, or what it filters by, changed: the filter is another.
   */
  signals[RANGE_CHANGED] = g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
ent_timeline_view_init (EntTimelineView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  for (guint i = 0; i < G_N_ELEMENTS (self->month_names); i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, i + 1, 1, 0, 0, 0);

      self->month_names[i] = g_date_time_format (dt, "%b");
    }

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (scroll, "scroll", G_CALLBACK (scrolled), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (motion, "enter", G_CALLBACK (pointer_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  update_accessible (self);
}

GtkWidget *
ent_timeline_view_new (void)
{
  return g_object_new (ENT_TYPE_TIMELINE_VIEW, NULL);
}

/* Shows what @graph dated; %NULL clears it. The range is cleared; the axis shows all that has a date. */
void
ent_timeline_view_set_graph (EntTimelineView *self,
                             EntGraph        *graph)
{
  guint n_items = 0;
  gboolean had_range;

  g_return_if_fail (ENT_IS_TIMELINE_VIEW (self));

  g_clear_pointer (&self->timeline, ent_timeline_free);
  g_clear_pointer (&self->lanes, g_free);
  self->lanes_valid = FALSE;
  for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
    self->band_shown[b] = FALSE;

  if (graph != NULL)
    {
      self->timeline = ent_timeline_new (graph);
      ent_timeline_get_items (self->timeline, &n_items);
      self->lanes = g_new0 (guint8, MAX (n_items, 1));
      for (guint b = 0; b < ENT_TIME_N_BANDS; b++)
        {
          EntTimeRange extent;
          double span, pad;

          self->band_shown[b] = ent_timeline_get_extent (self->timeline, b, &extent);
          if (!self->band_shown[b])
            continue;
          if (b == ENT_TIME_BAND_YEARLESS)
            {
              self->view_start[b] = 0;
              self->view_end[b] = ENT_TIME_YEARLESS_DAYS;
              continue;
            }
          /* All of it, with a year or a tenth of it on either side, so its ends are not on the edges. */
          span = extent.end - extent.start;
          pad = MAX (span * 0.1, 365.25);
          self->view_start[b] = extent.start - pad;
          self->view_end[b] = extent.end + pad;
        }
    }

  had_range = self->has_range;
  self->has_range = FALSE;
  if (had_range)
    range_changed (self);
  else
    update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ent_timeline_view_get_filter:
 * @self: a timeline view
 *
 * Returns: (transfer full) (nullable): what the selected range lets through,
 *   by what happened or what was reported then; %NULL when no range is selected
 */
EntItemFilter *
ent_timeline_view_get_filter (EntTimelineView *self)
{
  g_return_val_if_fail (ENT_IS_TIMELINE_VIEW (self), NULL);

  if (self->timeline == NULL || !self->has_range)
    return NULL;
  return ent_timeline_filter (self->timeline, self->mode, &self->range);
}

void
ent_timeline_view_clear_range (EntTimelineView *self)
{
  g_return_if_fail (ENT_IS_TIMELINE_VIEW (self));

  select_range (self, NULL);
}

/* The selected range; %FALSE when there is none. */
gboolean
ent_timeline_view_get_range (EntTimelineView *self,
                             EntTimeRange    *range)
{
  g_return_val_if_fail (ENT_IS_TIMELINE_VIEW (self), FALSE);

  if (!self->has_range)
    return FALSE;
  *range = self->range;
  return TRUE;
}

/* Selects @range, and shows it; %NULL clears it. */
void
ent_timeline_view_set_range (EntTimelineView    *self,
                             const EntTimeRange *range)
{
  g_return_if_fail (ENT_IS_TIMELINE_VIEW (self));
  g_return_if_fail (range == NULL || (range->band < ENT_TIME_N_BANDS && range->start < range->end));

  if (range != NULL && self->band_shown[range->band])
    {
      EntTimeRange old = self->range;

      self->range = *range;
      reveal_range (self);
      self->range = old;
    }
  select_range (self, range);
}

/* Whether the range filters by what happened in it or by what was reported in it. */
void
ent_timeline_view_set_mode (EntTimelineView *self,
                            EntTimeMode      mode)
{
  g_return_if_fail (ENT_IS_TIMELINE_VIEW (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  range_changed (self);
}

EntTimeMode
ent_timeline_view_get_mode (EntTimelineView *self)
{
  g_return_val_if_fail (ENT_IS_TIMELINE_VIEW (self), ENT_TIME_HAPPENED);

  return self->mode;
}
