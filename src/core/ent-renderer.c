/* ent-renderer.c: draws a scene with Cairo
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-renderer"

#include "config.h"

#include "ent-renderer.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#define ARROW_LENGTH 8.0
#define ARROW_HALF   3.5

static void
set_color (cairo_t        *cr,
           const EntColor *color,
           double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

/* The page and text colours of libadwaita's light and dark styles. */
void
ent_renderer_get_colors (gboolean  dark,
                         EntColor *background,
                         EntColor *foreground,
                         EntColor *edge)
{
  if (dark)
    {
      *background = (EntColor) { 0.118, 0.118, 0.118 };
      *foreground = (EntColor) { 1.0, 1.0, 1.0 };
      *edge = (EntColor) { 0.60, 0.60, 0.64 };
    }
  else
    {
      *background = (EntColor) { 1.0, 1.0, 1.0 };
      *foreground = (EntColor) { 0.141, 0.122, 0.192 };
      *edge = (EntColor) { 0.47, 0.47, 0.52 };
    }
}

gboolean
ent_renderer_draws_labels (const EntRenderOptions *options)
{
  return ENT_STYLE_FONT_SIZE * options->scale >= ENT_RENDER_MIN_LABEL_PIXELS;
}

/* Appends the arrowhead at the end of a directed edge, pointing along the curve's last tangent. */
void
ent_renderer_append_arrow (cairo_t            *cr,
                           const EntSceneItem *edge)
{
  double tx = edge->p[6] - edge->p[4];
  double ty = edge->p[7] - edge->p[5];
  double length = hypot (tx, ty);
  double size = ARROW_LENGTH + edge->line_width;
  double half = ARROW_HALF + edge->line_width / 2;
  double ux, uy;

  if (length < 1e-9)
    {
      tx = edge->p[6] - edge->p[0];
      ty = edge->p[7] - edge->p[1];
      length = hypot (tx, ty);
      if (length < 1e-9)
        return;
    }

  ux = tx / length;
  uy = ty / length;

  cairo_move_to (cr, edge->p[6], edge->p[7]);
  cairo_line_to (cr, edge->p[6] - ux * size - uy * half, edge->p[7] - uy * size + ux * half);
  cairo_line_to (cr, edge->p[6] - ux * size + uy * half, edge->p[7] - uy * size - ux * half);
  cairo_close_path (cr);
}

/* Paints a label's halo, then its text, with its top-left corner at the current point. */
static void
paint_label (cairo_t        *cr,
             PangoLayout    *layout,
             const EntColor *color,
             double          alpha,
             const EntColor *halo)
{
  double x, y;

  cairo_get_current_point (cr, &x, &y);
  pango_cairo_layout_path (cr, layout);
  set_color (cr, halo, 0.85);
  cairo_set_line_width (cr, ENT_RENDER_HALO_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  set_color (cr, color, alpha);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/*
 * A label drawn once into an image, with its halo, at one resolution and in
 * one set of colours. Stroking the halo around every glyph outline takes
 * most of a frame's time, so on screen each label is drawn once per zoom
 * and then copied, snapped to whole pixels as GTK places text.
 */
typedef struct
{
  PangoLayout     *layout;     /* not owned: the sprite goes when the layout does */
  cairo_surface_t *surface;
  double           scale;
  EntColor         color;
  double           alpha;
  EntColor         halo;
  int              origin_x;   /* where the label's corner is in the image */
  int              origin_y;
} Sprite;

/* Beyond this many bytes of sprites the cache starts over, so a long session does not keep every zoom's labels. */
#define SPRITE_BUDGET (48 * 1024 * 1024)

G_LOCK_DEFINE_STATIC (sprites);
static GHashTable *sprites;   /* PangoLayout * → Sprite * */
static gsize sprite_bytes;

static void
sprite_free (Sprite *sprite)
{
  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

static void
layout_finalized_cb (gpointer  data,
                     GObject  *layout)
{
  G_LOCK (sprites);
  g_hash_table_remove (sprites, layout);
  G_UNLOCK (sprites);
}

/* Forgets every sprite, releasing the weak references on their layouts. */
static void
clear_sprites (void)
{
  GHashTableIter iter;
  Sprite *sprite;

  g_hash_table_iter_init (&iter, sprites);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &sprite))
    g_object_weak_unref (G_OBJECT (sprite->layout), layout_finalized_cb, NULL);
  g_hash_table_remove_all (sprites);
  sprite_bytes = 0;
}

static Sprite *
make_sprite (PangoLayout    *layout,
             double          scale,
             const EntColor *color,
             double          alpha,
             const EntColor *halo)
{
  PangoRectangle ink, logical;
  Sprite *sprite = g_new0 (Sprite, 1);
  double reach = ENT_RENDER_HALO_WIDTH / 2;
  double x1, y1, x2, y2;
  cairo_t *cr;

  pango_layout_get_extents (layout, &ink, &logical);
  pango_extents_to_pixels (&ink, NULL);
  pango_extents_to_pixels (&logical, NULL);
  x1 = MIN (ink.x, logical.x) - reach;
  y1 = MIN (ink.y, logical.y) - reach;
  x2 = MAX (ink.x + ink.width, logical.x + logical.width) + reach;
  y2 = MAX (ink.y + ink.height, logical.y + logical.height) + reach;

  sprite->layout = layout;
  sprite->scale = scale;
  sprite->color = *color;
  sprite->alpha = alpha;
  sprite->halo = *halo;
  /* A pixel of room on each side for antialiasing. */
  sprite->origin_x = (int) ceil (-x1 * scale) + 1;
  sprite->origin_y = (int) ceil (-y1 * scale) + 1;
  sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                sprite->origin_x + (int) ceil (x2 * scale) + 1,
                                                sprite->origin_y + (int) ceil (y2 * scale) + 1);

  cr = cairo_create (sprite->surface);
  cairo_translate (cr, sprite->origin_x, sprite->origin_y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  paint_label (cr, layout, color, alpha, halo);
  cairo_destroy (cr);

  return sprite;
}

static gboolean
sprite_matches (const Sprite   *sprite,
                double          scale,
                const EntColor *color,
                double          alpha,
                const EntColor *halo)
{
  return sprite->scale == scale && sprite->alpha == alpha &&
         memcmp (&sprite->color, color, sizeof *color) == 0 &&
         memcmp (&sprite->halo, halo, sizeof *halo) == 0;
}

/* The sprite of @layout at @scale in these colours, made when there is none. Called with the lock held. */
static Sprite *
lookup_sprite (PangoLayout    *layout,
               double          scale,
               const EntColor *color,
               double          alpha,
               const EntColor *halo)
{
  Sprite *sprite;

  if (sprites == NULL)
    sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) sprite_free);

  sprite = g_hash_table_lookup (sprites, layout);
  if (sprite != NULL && sprite_matches (sprite, scale, color, alpha, halo))
    return sprite;

  if (sprite == NULL)
    g_object_weak_ref (G_OBJECT (layout), layout_finalized_cb, NULL);
  else
    sprite_bytes -= cairo_image_surface_get_stride (sprite->surface) * cairo_image_surface_get_height (sprite->surface);

  if (sprite_bytes > SPRITE_BUDGET)
    {
      /* clear_sprites () drops this layout's weak reference too. */
      clear_sprites ();
      g_object_weak_ref (G_OBJECT (layout), layout_finalized_cb, NULL);
    }

  sprite = make_sprite (layout, scale, color, alpha, halo);
  sprite_bytes += cairo_image_surface_get_stride (sprite->surface) * cairo_image_surface_get_height (sprite->surface);
  g_hash_table_replace (sprites, layout, sprite);

  return sprite;
}

/*
 * Sprites serve targets made of pixels: image surfaces, and the recording
 * surfaces GTK replays onto the screen. PDF, SVG and print keep real text.
 * The transformation must be a plain uniform scale and shift, as on screen.
 */
static gboolean
can_use_sprites (cairo_t                *cr,
                 const EntRenderOptions *options,
                 double                 *device_scale,
                 double                 *pixels)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  cairo_matrix_t matrix;

  if (type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != matrix.yy || matrix.xx <= 0)
    return FALSE;

  *device_scale = matrix.xx;
  /* GTK replays its recording at the screen's scale factor, which the caller's scale includes. */
  *pixels = type == CAIRO_SURFACE_TYPE_RECORDING ? MAX (options->scale, matrix.xx) : matrix.xx;
  return TRUE;
}

/* Draws a label over a halo of the page colour, so edges passing beneath it do not cross the letters. */
static void
draw_label (cairo_t                *cr,
            const EntRenderOptions *options,
            PangoLayout            *layout,
            double                  x,
            double                  y,
            const EntColor         *color,
            double                  alpha,
            const EntColor         *halo)
{
  double device_scale, pixels, dx = x, dy = y;
  double clip_x1, clip_y1, clip_x2, clip_y2;
  PangoRectangle ink, logical;
  Sprite *sprite;

  /* Without culling every label comes here; one outside the clip is not worth a sprite. */
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  cairo_clip_extents (cr, &clip_x1, &clip_y1, &clip_x2, &clip_y2);
  if (x + MAX (ink.x + ink.width, logical.x + logical.width) + ENT_RENDER_HALO_WIDTH < clip_x1 ||
      y + MAX (ink.y + ink.height, logical.y + logical.height) + ENT_RENDER_HALO_WIDTH < clip_y1 ||
      x + MIN (ink.x, logical.x) - ENT_RENDER_HALO_WIDTH > clip_x2 ||
      y + MIN (ink.y, logical.y) - ENT_RENDER_HALO_WIDTH > clip_y2)
    return;

  if (!can_use_sprites (cr, options, &device_scale, &pixels))
    {
      cairo_move_to (cr, x, y);
      paint_label (cr, layout, color, alpha, halo);
      return;
    }

  cairo_user_to_device (cr, &dx, &dy);

  G_LOCK (sprites);
  sprite = lookup_sprite (layout, pixels, color, alpha, halo);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_scale (cr, device_scale / pixels, device_scale / pixels);
  cairo_translate (cr, round (dx * pixels / device_scale) - sprite->origin_x,
                   round (dy * pixels / device_scale) - sprite->origin_y);
  cairo_set_source_surface (cr, sprite->surface, 0, 0);
  cairo_rectangle (cr, 0, 0, cairo_image_surface_get_width (sprite->surface),
                   cairo_image_surface_get_height (sprite->surface));
  cairo_fill (cr);
  cairo_restore (cr);
  G_UNLOCK (sprites);
}

static void
draw_edge (cairo_t                *cr,
           const EntSceneItem     *item,
           const EntRenderOptions *options,
           const EntColor         *edge_color,
           const EntColor         *text_color,
           const EntColor         *background,
           guint8                  state,
           gboolean                simple)
{
  double alpha = (state & ENT_ITEM_STATE_FADED) ? 0.2 : 1.0;
  const EntColor *stroke = edge_color;
  double width = item->line_width;

  if (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
    {
      stroke = &options->accent;
      width += (state & ENT_ITEM_STATE_SELECTED) ? 1.5 : 0.75;
    }

  if (simple)
    {
      /* Far out an edge is a hairline between its ends: cheap, and curves are not visible anyway. */
      cairo_move_to (cr, item->p[0], item->p[1]);
      cairo_line_to (cr, item->p[6], item->p[7]);
      return;
    }

  cairo_save (cr);
  set_color (cr, stroke, alpha);
  cairo_set_line_width (cr, width);
  if (item->dashed)
    {
      static const double dashes[] = { 4.0, 3.0 };
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_move_to (cr, item->p[0], item->p[1]);
  cairo_curve_to (cr, item->p[2], item->p[3], item->p[4], item->p[5], item->p[6], item->p[7]);
  cairo_stroke (cr);

  if (item->directed)
    {
      ent_renderer_append_arrow (cr, item);
      cairo_fill (cr);
    }

  if (item->layout != NULL &&
      (options->edge_labels || options->scale >= ENT_RENDER_EDGE_LABEL_SCALE ||
       (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))) &&
      ent_renderer_draws_labels (options))
    {
      cairo_set_dash (cr, NULL, 0, 0);
      draw_label (cr, options, item->layout, item->label_x, item->label_y, text_color, 0.85 * alpha, background);
    }
  cairo_restore (cr);
}

static void
draw_node (cairo_t                *cr,
           const EntSceneItem     *item,
           const EntRenderOptions *options,
           const EntColor         *text_color,
           const EntColor         *background,
           guint8                  state)
{
  double alpha = (state & ENT_ITEM_STATE_FADED) ? 0.25 : 1.0;
  EntColor color;

  ent_style_kind_color (item->kind, options->dark, &color);

  if (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
    {
      /* A ring around the shape: accent coloured for the selection, thinner for hover. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, item->cx, item->cy, item->radius * 1.25 + 3, 0, 2 * G_PI);
      set_color (cr, &options->accent, (state & ENT_ITEM_STATE_SELECTED) ? 1.0 : 0.6);
      cairo_set_line_width (cr, (state & ENT_ITEM_STATE_SELECTED) ? 3.0 : 2.0);
      cairo_stroke (cr);
    }

  ent_style_append_shape (cr, item->kind, item->cx, item->cy, item->radius);
  set_color (cr, &color, alpha);
  cairo_fill_preserve (cr);
  set_color (cr, background, 0.9 * alpha);
  cairo_set_line_width (cr, 1.0);
  /* Set each time: a label drawn before leaves round joins behind, and culling changes what came before. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);

  /* The glyph takes the page colour, which contrasts with every kind's colour in either style. */
  if (item->radius * options->scale >= ENT_RENDER_TINY_NODE_PIXELS)
    {
      ent_style_append_glyph (cr, item->kind, item->cx, item->cy, item->radius);
      set_color (cr, background, alpha);
      cairo_fill (cr);
    }

  if (item->layout != NULL && ent_renderer_draws_labels (options))
    draw_label (cr, options, item->layout, item->label_x, item->label_y, text_color, alpha, background);
}

/*
 * Far out, where a node is a few pixels across, its outline and glyph
 * cannot be seen: the shapes of each kind are filled together, one path per
 * kind and shade instead of one per node. Selected and highlighted nodes
 * keep their rings and are drawn on top, one by one.
 */
static void
draw_tiny_nodes (EntScene               *scene,
                 cairo_t                *cr,
                 const EntRenderOptions *options,
                 GArray                 *indices,
                 guint                   first,
                 const EntColor         *text_color,
                 const EntColor         *background,
                 GArray                 *drawn)
{
  for (guint kind = 0; kind < ENT_N_KINDS; kind++)
    for (int faded = 0; faded <= 1; faded++)
      {
        gboolean any = FALSE;
        EntColor color;

        for (guint i = first; i < indices->len; i++)
          {
            guint index = g_array_index (indices, guint, i);
            const EntSceneItem *item = ent_scene_get_item (scene, index);
            guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

            if (item->kind != kind || (state & ~ENT_ITEM_STATE_FADED) != 0 ||
                ((state & ENT_ITEM_STATE_FADED) != 0) != faded)
              continue;

            ent_style_append_shape (cr, item->kind, item->cx, item->cy, item->radius);
            any = TRUE;
          }

        if (!any)
          continue;
        ent_style_kind_color (kind, options->dark, &color);
        set_color (cr, &color, faded ? 0.25 : 1.0);
        cairo_fill (cr);
      }

  for (guint i = first; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

      if (state & ENT_ITEM_STATE_HIDDEN)
        continue;
      if (state & (ENT_ITEM_STATE_SELECTED | ENT_ITEM_STATE_HIGHLIGHTED))
        draw_node (cr, ent_scene_get_item (scene, index), options, text_color, background, state);
      if (drawn != NULL)
        g_array_append_val (drawn, index);
    }
}

static void
draw_legend (EntScene               *scene,
             cairo_t                *cr,
             const EntRenderOptions *options,
             const EntRect          *visible,
             const EntColor         *text_color,
             const EntColor         *background)
{
  const EntSceneLegendEntry *entries;
  guint n_entries;
  EntRect bounds;

  ent_scene_get_legend (scene, &entries, &n_entries, &bounds);
  if (n_entries == 0 || (visible != NULL && !ent_rect_intersects (&bounds, visible)))
    return;

  for (guint i = 0; i < n_entries; i++)
    {
      EntColor color;

      ent_style_kind_color (entries[i].kind, options->dark, &color);
      ent_style_append_shape (cr, entries[i].kind, entries[i].cx, entries[i].cy, 6.5);
      set_color (cr, &color, 1.0);
      cairo_fill (cr);

      if (ent_renderer_draws_labels (options))
        {
          set_color (cr, text_color, 1.0);
          cairo_move_to (cr, entries[i].label_x, entries[i].label_y);
          pango_cairo_show_layout (cr, entries[i].layout);
        }
    }
}

/**
 * ent_renderer_draw:
 * @scene: the scene
 * @cr: a context whose transformation maps graph points to the device
 * @options: what to draw and how
 * @drawn: (nullable) (element-type guint): if given, receives the index of
 *   every item drawn, in the order drawn
 *
 * Draws the items of @scene that meet the visible rectangle, or come within
 * a device pixel of it, found through the scene's spatial index, with labels only where they can be read and
 * plain lines for edges when zoomed far out.
 */
void
ent_renderer_draw (EntScene               *scene,
                   cairo_t                *cr,
                   const EntRenderOptions *options,
                   GArray                 *drawn)
{
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  EntColor background, text_color, edge_color;
  gboolean simple = options->scale < ENT_RENDER_SIMPLE_EDGE_SCALE;
  const EntRect *visible = NULL;
  EntRect grown;
  guint i;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  ent_renderer_get_colors (options->dark, &background, &text_color, &edge_color);

  if (options->visible != NULL)
    {
      /* Antialiasing reaches up to a device pixel past the bounds of what an item paints. */
      double dx = 1, dy = 0, pixel;

      grown = *options->visible;
      cairo_user_to_device_distance (cr, &dx, &dy);
      pixel = 1.0 / MAX (hypot (dx, dy), 1e-9);
      grown.x1 -= pixel;
      grown.y1 -= pixel;
      grown.x2 += pixel;
      grown.y2 += pixel;
      visible = &grown;
      ent_scene_query_rect (scene, visible, indices);
    }
  else
    {
      g_array_set_size (indices, ent_scene_get_n_items (scene));
      for (i = 0; i < indices->len; i++)
        g_array_index (indices, guint, i) = i;
    }

  cairo_save (cr);

  if (simple)
    {
      /* All simple edges go into one path, stroked once, without antialiasing. */
      cairo_save (cr);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_set_line_width (cr, 1.0 / MAX (options->scale, 1e-6));
      set_color (cr, &edge_color, 0.8);
    }

  for (i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const EntSceneItem *item = ent_scene_get_item (scene, index);
      guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

      if (item->type != ENT_SCENE_ITEM_EDGE)
        break;
      if (state & ENT_ITEM_STATE_HIDDEN)
        continue;

      draw_edge (cr, item, options, &edge_color, &text_color, &background, state, simple);
      if (drawn != NULL)
        g_array_append_val (drawn, index);
    }

  if (simple)
    {
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  if (ENT_STYLE_NODE_SIZE / 2 * options->scale < ENT_RENDER_TINY_NODE_PIXELS)
    draw_tiny_nodes (scene, cr, options, indices, i, &text_color, &background, drawn);
  else
    for (; i < indices->len; i++)
      {
        guint index = g_array_index (indices, guint, i);
        guint8 state = options->item_states ? options->item_states[index] : ENT_ITEM_STATE_NORMAL;

        if (state & ENT_ITEM_STATE_HIDDEN)
          continue;

        draw_node (cr, ent_scene_get_item (scene, index), options, &text_color, &background, state);
        if (drawn != NULL)
          g_array_append_val (drawn, index);
      }

  if (options->legend)
    draw_legend (scene, cr, options, visible, &text_color, &background);

  cairo_restore (cr);
}
