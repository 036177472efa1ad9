/* bench-generate.c: seeded networks of four shapes, written through the store
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every network goes through the store API, as the application writes them,
 * and depends only on its size, shape and seed, so two machines measure the
 * same files.
 */

#define G_LOG_DOMAIN "entente-bench"

#include "config.h"

#include "entente-bench.h"

#include "ent-diagram.h"
#include "ent-store.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#define RELATIONS_PER_ENTITY 1.5
/* A dense network has as many relations per entity as the air-routes data set: 57,645 among 3,749. */
#define DENSE_RELATIONS_PER_ENTITY 15.0
/* Its clusters, as regions of that network, each with a few hubs that most of its relations meet. */
#define DENSE_CLUSTER_SIZE 100
#define DENSE_HUBS 5
#define QUOTES_PER_SOURCE 100

static const char * const shape_names[] = { "tree", "local", "hub", "clustered", "dense" };

static const char * const words[] = {
  "minister", "trade", "council", "energy", "defence", "bank", "steel", "harbour",
  "commission", "federal", "union", "port", "river", "agreement", "joint", "state",
  "national", "oil", "grain", "rail", "holding", "capital", "treaty", "north",
  "south", "east", "west", "group", "fund", "research", "agency", "mission",
};

static const char * const relation_kinds[] = {
  "meets", "signs", "funds", "owns", "advises", "member of", "chairs", "trades with",
};

/* Words up to a length between @min and @max characters, all ASCII, so characters are bytes. */
static char *
random_text (GRand *rand,
             int    min,
             int    max)
{
  int target = g_rand_int_range (rand, min, max + 1);
  GString *text = g_string_new (NULL);

  while ((int) text->len < target)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  g_string_truncate (text, target);
  if (text->str[text->len - 1] == ' ')
    text->str[text->len - 1] = 's';

  return g_string_free (text, FALSE);
}

static guint
random_other (GRand *rand,
              guint  n,
              guint  not)
{
  guint j;

  do
    j = g_rand_int_range (rand, 0, n);
  while (j == not);

  return j;
}

/* A node in the same block of @size as @i, or any other node when the block has only @i. */
static guint
random_in_block (GRand *rand,
                 guint  n,
                 guint  i,
                 guint  size)
{
  guint first = i / size * size;
  guint last = MIN (first + size, n);

  if (last - first < 2)
    return random_other (rand, n, i);

  return first + random_other (rand, last - first, i - first);
}

/* The entity that @i joins in the spanning structure: one placed before it. */
static guint
spanning_partner (GRand  *rand,
                  Shape   shape,
                  GArray *endpoints,
                  guint   i,
                  guint   side)
{
  guint back, start;

  switch (shape)
    {
    case SHAPE_TREE:
      return g_rand_int_range (rand, 0, i);
    case SHAPE_LOCAL:
      /* Entities sit on a grid; each joins one already placed within a few cells. The distance is
       * drawn once: MIN () would evaluate it twice and could go back past the first entity. */
      back = (guint) g_rand_int_range (rand, 1, 4) * (g_rand_boolean (rand) ? 1 : side);
      return i - MIN (i, back);
    case SHAPE_HUB:
      /* Preferential attachment: the well connected gather more relations. */
      return endpoints->len > 0 && g_rand_int_range (rand, 0, 4) > 0
             ? g_array_index (endpoints, guint, g_rand_int_range (rand, 0, endpoints->len))
             : (guint) g_rand_int_range (rand, 0, i);
    case SHAPE_CLUSTERED:
      /* Clusters of 40; the first entity of each joins an earlier cluster. */
      return i % 40 == 0 ? (guint) g_rand_int_range (rand, 0, i) : i - 1 - g_rand_int_range (rand, 0, i % 40);
    case SHAPE_DENSE:
      /* Each entity joins one of its cluster's hubs; the first hub of each cluster joins an earlier one's. */
      start = i / DENSE_CLUSTER_SIZE * DENSE_CLUSTER_SIZE;
      if (i == start)
        return i - DENSE_CLUSTER_SIZE * (guint) g_rand_int_range (rand, 1, i / DENSE_CLUSTER_SIZE + 1);
      return start + g_rand_int_range (rand, 0, MIN (DENSE_HUBS, i - start));
    default:
      g_assert_not_reached ();
    }
}

/* Another entity for @i to join, of the shape's character; for a hub it may be @i itself. */
static guint
further_partner (GRand  *rand,
                 Shape   shape,
                 GArray *endpoints,
                 guint   n,
                 guint   i,
                 guint   side)
{
  switch (shape)
    {
    case SHAPE_TREE:
      return i >= 8 ? i - g_rand_int_range (rand, 1, 9) : random_other (rand, n, i);
    case SHAPE_LOCAL:
      {
        int dx = g_rand_int_range (rand, -3, 4), dy = g_rand_int_range (rand, -3, 4);
        gint64 j = (gint64) i + dx + (gint64) dy * side;

        return j >= 0 && j < n && j != i ? (guint) j : random_in_block (rand, n, i, side);
      }
    case SHAPE_HUB:
      return g_array_index (endpoints, guint, g_rand_int_range (rand, 0, endpoints->len));
    case SHAPE_CLUSTERED:
      return g_rand_int_range (rand, 0, 10) < 9 ? random_in_block (rand, n, i, 40) : random_other (rand, n, i);
    case SHAPE_DENSE:
      {
        guint first = i / DENSE_CLUSTER_SIZE * DENSE_CLUSTER_SIZE;
        guint n_clusters = (n + DENSE_CLUSTER_SIZE - 1) / DENSE_CLUSTER_SIZE;
        guint cluster = (guint) g_rand_int_range (rand, 0, n_clusters) * DENSE_CLUSTER_SIZE;
        int draw = g_rand_int_range (rand, 0, 20);

        /* Most relations stay in the cluster, half of them at a hub; one in ten goes to another cluster's hubs. */
        if (draw < 9)
          return first + g_rand_int_range (rand, 0, MIN (DENSE_HUBS, n - first));
        if (draw < 18)
          return random_in_block (rand, n, i, DENSE_CLUSTER_SIZE);
        return cluster + g_rand_int_range (rand, 0, MIN (DENSE_HUBS, n - cluster));
      }
    default:
      g_assert_not_reached ();
    }
}

/* Both ends go to @endpoints too, so that hubs can draw on how often each entity is already joined. */
static void
add_pair (GArray *pairs,
          GArray *endpoints,
          guint   i,
          guint   j)
{
  guint pair[2] = { i, j };

  g_array_append_val (pairs, pair);
  g_array_append_val (endpoints, i);
  g_array_append_val (endpoints, j);
}

/*
 * The relations of a network of @n entities, as pairs of indices: a
 * spanning structure first, so that every shape is connected, then more
 * relations of the same character until there are 1.5 per entity.
 */
static GArray *
generate_pairs (GRand *rand,
                Shape  shape,
                guint  n)
{
  guint n_pairs = (guint) (n * (shape == SHAPE_DENSE ? DENSE_RELATIONS_PER_ENTITY : RELATIONS_PER_ENTITY));
  guint side = MAX (1, (guint) sqrt (n));
  g_autoptr(GArray) endpoints = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  for (guint i = 1; i < n; i++)
    add_pair (pairs, endpoints, i, spanning_partner (rand, shape, endpoints, i, side));

  while (n > 1 && pairs->len < n_pairs)
    {
      guint i = g_rand_int_range (rand, 0, n);
      guint j = further_partner (rand, shape, endpoints, n, i, side);

      if (j != i)
        add_pair (pairs, endpoints, i, j);
    }

  return pairs;
}

/*
 * Adds one quote per relation. The store checks each quote against the
 * whole body of its source, so sources hold QUOTES_PER_SOURCE quotes each,
 * which keeps that check short.
 */
static gboolean
add_quotes (EntStore  *store,
            GRand     *rand,
            GArray    *relation_ids,
            GError   **error)
{
  for (guint first = 0; first < relation_ids->len; first += QUOTES_PER_SOURCE)
    {
      guint last = MIN (first + QUOTES_PER_SOURCE, relation_ids->len);
      g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Report %u", first / QUOTES_PER_SOURCE + 1);
      EntSource source = { .title = title, .publisher = (char *) "Entente benchmark", .published = (char *) "2024-05-01" };
      gint64 source_id;
      gint64 offset = 0;

      for (guint i = first; i < last; i++)
        {
          char *text = random_text (rand, 30, 120);

          g_ptr_array_add (texts, text);
          g_string_append (body, text);
          g_string_append (body, ". ");
        }
      source.body = body->str;

      source_id = ent_store_add_source (store, &source, error);
      if (source_id == 0)
        return FALSE;

      for (guint i = first; i < last; i++)
        {
          const char *text = g_ptr_array_index (texts, i - first);
          gint64 length = strlen (text);
          gint64 quote_id = ent_store_add_quote (store, source_id, offset, offset + length, text, error);

          if (quote_id == 0 ||
              !ent_store_add_relation_evidence (store, g_array_index (relation_ids, gint64, i), quote_id, error))
            return FALSE;
          offset += length + 2;
        }
    }

  return TRUE;
}

static gboolean
generate_network (EntStore  *store,
                  guint      n,
                  Shape      shape,
                  guint32    seed,
                  GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) entity_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GArray) relation_ids = NULL;
  g_autoptr(GArray) pairs = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = random_text (rand, 8, 40);
      g_autofree char *date = NULL;
      EntEntity entity = { .kind = i % ENT_N_KINDS, .name = name };
      gint64 id;

      if (entity.kind == ENT_KIND_EVENT)
        {
          date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1990, 2025),
                                  g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
          entity.start_date = date;
        }

      id = ent_store_add_entity (store, &entity, error);
      if (id == 0)
        return FALSE;
      g_array_append_val (entity_ids, id);
    }

  pairs = generate_pairs (rand, shape, n);
  relation_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), pairs->len);
  for (guint i = 0; i < pairs->len; i++)
    {
      const guint *pair = &g_array_index (pairs, guint, 2 * i);
      g_autofree char *label = random_text (rand, 8, 40);
      EntRelation relation = {
        .kind = (char *) relation_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (relation_kinds))],
        .from_id = g_array_index (entity_ids, gint64, pair[0]),
        .to_id = g_array_index (entity_ids, gint64, pair[1]),
        .label = label,
        .directed = g_rand_int_range (rand, 0, 10) < 7,
      };
      gint64 id = ent_store_add_relation (store, &relation, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (relation_ids, id);
    }

  return add_quotes (store, rand, relation_ids, error);
}

const char *
bench_shape_name (Shape shape)
{
  g_return_val_if_fail (shape < G_N_ELEMENTS (shape_names), NULL);

  return shape_names[shape];
}

gboolean
bench_parse_shape (const char *name,
                   Shape      *shape)
{
  for (guint i = 0; i < G_N_ELEMENTS (shape_names); i++)
    if (g_strcmp0 (name, shape_names[i]) == 0)
      {
        *shape = i;
        return TRUE;
      }

  return FALSE;
}

/*
 * Writes the network in one transaction and, with @engine, lays it out once
 * in the worker and stores the positions, as the window does on first open.
 */
gboolean
bench_generate_file (const char  *path,
                     guint        n,
                     Shape        shape,
                     guint32      seed,
                     const char  *engine,
                     double      *layout_ms,
                     GError     **error)
{
  g_autoptr(EntStore) store = NULL;
  g_autoptr(EntGraph) graph = NULL;
  g_autoptr(EntScene) scene = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  double start;

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);

  store = ent_store_open (path, ENT_STORE_OPEN_CREATE, error);
  if (store == NULL || !ent_store_begin (store, error))
    return FALSE;

  if (!generate_network (store, n, shape, seed, error))
    {
      ent_store_rollback (store);
      return FALSE;
    }

  if (!ent_store_commit (store, error))
    return FALSE;

  if (engine == NULL)
    return TRUE;

  graph = ent_store_load_graph (store, error);
  if (graph == NULL)
    return FALSE;
  if (g_str_equal (engine, "auto"))
    engine = ent_diagram_choose_engine (graph, NULL);

  start = bench_now_ms ();
  scene = ent_diagram_build (store, graph, engine, FALSE, NULL, NULL, error);
  if (layout_ms != NULL)
    *layout_ms = bench_now_ms () - start;
  return scene != NULL;
}
