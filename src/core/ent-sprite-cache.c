/* ent-sprite-cache.c: labels and node shapes drawn once per zoom, then copied
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-sprite-cache"

#include "config.h"

#include "ent-sprite-cache.h"
#include "ent-renderer-private.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

/*
 * Why this exists: stroking the halo around every glyph outline of every
 * label was 83 % of a frame, and a node's shape, outline and glyph cost
 * more to fill than to copy. On targets made of pixels each label is
 * drawn once per zoom and colours into an image, a sprite, and each kind's
 * node shape once per zoom and shade; frames then copy them, snapped to
 * whole device pixels as GTK places text. Sprites live until their layout
 * goes, another zoom replaces them, or their total size passes a budget.
 */

/*
 * A label drawn once into an image, with its halo, at one resolution and in
 * one set of colours. Stroking the halo around every glyph outline takes
 * most of a frame's time, so on screen each label is drawn once per zoom
 * and then copied, snapped to whole pixels as GTK places text.
 */
typedef struct
{
  double   scale;
  EntColor color;
  double   alpha;
  EntColor halo;
} SpriteLook;

typedef struct
{
  PangoLayout     *layout;     /* not owned: the sprite goes when the layout does */
  cairo_surface_t *surface;
  SpriteLook       look;
  int              origin_x;   /* where the label's corner is in the image */
  int              origin_y;
} Sprite;

/* Beyond this many bytes of sprites the cache starts over, so a long session does not keep every zoom's labels. */
#define SPRITE_BUDGET (48 * 1024 * 1024)
/* Items with the same text share a layout, some of them faded: a few sprites of each layout are kept. */
#define SPRITES_PER_LAYOUT 4

G_LOCK_DEFINE_STATIC (sprites);
static GHashTable *sprites;   /* PangoLayout * → GPtrArray of Sprite *, most recent last */
static gsize sprite_bytes;

static gsize
sprite_size (const Sprite *sprite)
{
  return (gsize) cairo_image_surface_get_stride (sprite->surface) * cairo_image_surface_get_height (sprite->surface);
}

static void
sprite_free (Sprite *sprite)
{
  cairo_surface_destroy (sprite->surface);
  g_free (sprite);
}

static void
forget_layout (gpointer key,
               gpointer value)
{
  GPtrArray *variants = value;

  for (guint i = 0; i < variants->len; i++)
    sprite_bytes -= sprite_size (g_ptr_array_index (variants, i));
  g_ptr_array_unref (variants);
}

static void
layout_finalized_cb (gpointer  data,
                     GObject  *layout)
{
  GPtrArray *variants;

  G_LOCK (sprites);
  variants = g_hash_table_lookup (sprites, layout);
  if (variants != NULL)
    {
      g_hash_table_steal (sprites, layout);
      forget_layout (layout, variants);
    }
  G_UNLOCK (sprites);
}

/* Forgets every sprite, releasing the weak references on their layouts. */
static void
clear_sprites (void)
{
  GHashTableIter iter;
  gpointer layout;

  g_hash_table_iter_init (&iter, sprites);
  while (g_hash_table_iter_next (&iter, &layout, NULL))
    g_object_weak_unref (G_OBJECT (layout), layout_finalized_cb, NULL);
  g_hash_table_remove_all (sprites);
  sprite_bytes = 0;
}

static Sprite *
make_sprite (PangoLayout      *layout,
             const SpriteLook *look)
{
  PangoRectangle ink, logical;
  Sprite *sprite = g_new0 (Sprite, 1);
  double scale = look->scale;
  double reach = ENT_STYLE_HALO_WIDTH / 2;
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
  sprite->look = *look;
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
  _ent_renderer_paint_label (cr, layout, &look->color, look->alpha, &look->halo);
  cairo_destroy (cr);

  return sprite;
}

static gboolean
sprite_matches (const Sprite     *sprite,
                const SpriteLook *look)
{
  return sprite->look.scale == look->scale && sprite->look.alpha == look->alpha &&
         memcmp (&sprite->look.color, &look->color, sizeof look->color) == 0 &&
         memcmp (&sprite->look.halo, &look->halo, sizeof look->halo) == 0;
}

/* The sprite of @layout at this scale in these colours, made when there is none. Called with the lock held. */
static Sprite *
lookup_sprite (PangoLayout      *layout,
               const SpriteLook *look)
{
  GPtrArray *variants;
  Sprite *sprite;

  if (sprites == NULL)
    sprites = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);

  variants = g_hash_table_lookup (sprites, layout);
  for (guint i = 0; variants != NULL && i < variants->len; i++)
    if (sprite_matches (g_ptr_array_index (variants, i), look))
      return g_ptr_array_index (variants, i);

  if (sprite_bytes > SPRITE_BUDGET)
    {
      clear_sprites ();
      variants = NULL;
    }

  if (variants == NULL)
    {
      variants = g_ptr_array_new_with_free_func ((GDestroyNotify) sprite_free);
      g_hash_table_insert (sprites, layout, variants);
      g_object_weak_ref (G_OBJECT (layout), layout_finalized_cb, NULL);
    }

  /* Sprites at another zoom will not be wanted again soon; beyond that, the oldest goes. */
  for (guint i = variants->len; i > 0; i--)
    if (((Sprite *) g_ptr_array_index (variants, i - 1))->look.scale != look->scale)
      {
        sprite_bytes -= sprite_size (g_ptr_array_index (variants, i - 1));
        g_ptr_array_remove_index (variants, i - 1);
      }
  while (variants->len >= SPRITES_PER_LAYOUT)
    {
      sprite_bytes -= sprite_size (g_ptr_array_index (variants, 0));
      g_ptr_array_remove_index (variants, 0);
    }

  sprite = make_sprite (layout, look);
  sprite_bytes += sprite_size (sprite);
  g_ptr_array_add (variants, sprite);

  return sprite;
}

/*
 * Sprites serve targets made of pixels: image surfaces, and the recording
 * surfaces GTK replays onto the screen. PDF, SVG and print keep real text.
 * The transformation must be a plain uniform scale and shift, as on screen.
 * Fills in @target for the frame that @options and @background describe.
 */
gboolean
ent_sprite_cache_serves (cairo_t                *cr,
                         const EntRenderOptions *options,
                         const EntColor         *background,
                         EntSpriteTarget        *target)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  cairo_matrix_t matrix;

  if (type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING)
    return FALSE;

  cairo_get_matrix (cr, &matrix);
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != matrix.yy || matrix.xx <= 0)
    return FALSE;

  target->options = options;
  target->background = *background;
  target->device_scale = matrix.xx;
  /* GTK replays its recording at the screen's scale factor, which the caller's scale includes. */
  target->pixels = type == CAIRO_SURFACE_TYPE_RECORDING ? MAX (options->scale, matrix.xx) : matrix.xx;
  return TRUE;
}

/* Copies @surface so that its pixel (@origin_x, @origin_y) lands on the device pixel corner nearest (@x, @y). */
static void
blit_sprite (cairo_t               *cr,
             const EntSpriteTarget *target,
             cairo_surface_t       *surface,
             int                    origin_x,
             int                    origin_y,
             double                 x,
             double                 y)
{
  double ratio = target->device_scale / target->pixels;

  cairo_user_to_device (cr, &x, &y);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_scale (cr, ratio, ratio);
  cairo_translate (cr, round (x / ratio) - origin_x, round (y / ratio) - origin_y);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_rectangle (cr, 0, 0, cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface));
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * ent_sprite_cache_draw_label:
 * @cr: the target, which ent_sprite_cache_serves() accepted
 * @target: as ent_sprite_cache_serves() found it
 * @item: the item whose label it is, drawn at its label's corner
 * @layout: the label
 * @color: its text colour; the halo is the page's
 * @alpha: its opacity
 *
 * Copies the label's sprite, drawing it first when there is none yet.
 */
void
ent_sprite_cache_draw_label (cairo_t               *cr,
                             const EntSpriteTarget *target,
                             const EntSceneItem    *item,
                             PangoLayout           *layout,
                             const EntColor        *color,
                             double                 alpha)
{
  SpriteLook look = { target->pixels, *color, alpha, target->background };
  Sprite *sprite;

  G_LOCK (sprites);
  sprite = lookup_sprite (layout, &look);
  blit_sprite (cr, target, sprite->surface, sprite->origin_x, sprite->origin_y, item->label_x, item->label_y);
  G_UNLOCK (sprites);
}

/*
 * A node's shape, outline and glyph, drawn once per zoom, kind and shade
 * and then copied for every node of that kind, as labels are: each of
 * these paths costs more to fill than the copy. Sprites are kept by the
 * kind's index in its scene and hold the look they were drawn with, so
 * that a scene whose kind at that index looks otherwise draws its own.
 */
typedef struct
{
  cairo_surface_t *surface;
  int              origin;      /* the shape's centre is at (origin, origin) */
  double           pixels;
  double           radius;
  double           alpha;
  gboolean         glyph;
  gboolean         dark;
  EntKindLook      look;
} NodeSprite;

G_LOCK_DEFINE_STATIC (node_sprites);
/* NodeSprite, two per kind index: at 2 * kind the opaque one, then the faded one. */
static GArray *node_sprites;

static gboolean
same_look (const EntKindLook *a,
           const EntKindLook *b)
{
  return a->shape == b->shape && a->glyph == b->glyph &&
         a->light.red == b->light.red && a->light.green == b->light.green && a->light.blue == b->light.blue &&
         a->dark.red == b->dark.red && a->dark.green == b->dark.green && a->dark.blue == b->dark.blue;
}

/**
 * ent_sprite_cache_draw_node:
 * @cr: the target, which ent_sprite_cache_serves() accepted
 * @target: as ent_sprite_cache_serves() found it
 * @item: the node
 * @alpha: its opacity
 *
 * Copies the sprite of a node's shape, drawing it first when the one kept
 * for this kind and shade is of another zoom, size, style or look.
 */
void
ent_sprite_cache_draw_node (cairo_t               *cr,
                            const EntSpriteTarget *target,
                            const EntSceneItem    *item,
                            double                 alpha)
{
  const EntRenderOptions *options = target->options;
  guint slot = 2 * item->kind + (alpha < 1.0);
  double radius = item->radius;
  gboolean glyph = radius * options->scale >= ENT_RENDER_TINY_NODE_PIXELS;
  NodeSprite *sprite;

  G_LOCK (node_sprites);
  if (node_sprites == NULL)
    node_sprites = g_array_new (FALSE, TRUE, sizeof (NodeSprite));
  if (slot >= node_sprites->len)
    g_array_set_size (node_sprites, slot + 1);
  sprite = &g_array_index (node_sprites, NodeSprite, slot);
  if (sprite->surface == NULL || sprite->pixels != target->pixels || sprite->radius != radius ||
      sprite->alpha != alpha || sprite->glyph != glyph || sprite->dark != options->dark ||
      !same_look (&sprite->look, item->look))
    {
      /* Shapes reach 1.2 radii from the centre, their outline half a point further. */
      int size;
      cairo_t *sprite_cr;

      g_clear_pointer (&sprite->surface, cairo_surface_destroy);
      sprite->origin = (int) ceil ((radius * ENT_STYLE_SHAPE_REACH + 1) * target->pixels) + 1;
      sprite->pixels = target->pixels;
      sprite->radius = radius;
      sprite->alpha = alpha;
      sprite->glyph = glyph;
      sprite->dark = options->dark;
      sprite->look = *item->look;
      size = 2 * sprite->origin;
      sprite->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      sprite_cr = cairo_create (sprite->surface);
      cairo_translate (sprite_cr, sprite->origin, sprite->origin);
      cairo_scale (sprite_cr, target->pixels, target->pixels);
      _ent_renderer_paint_node_shape (sprite_cr, options, &target->background, item->look, 0, 0, radius, alpha);
      cairo_destroy (sprite_cr);
    }
  blit_sprite (cr, target, sprite->surface, sprite->origin, sprite->origin, item->cx, item->cy);
  G_UNLOCK (node_sprites);
}
