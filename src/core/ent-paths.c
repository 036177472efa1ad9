/* ent-paths.c: the chains of relations that connect two entities
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The question is one of connection, not direction: relations are walked
 * either way. A chain costs STEP for each hop whose relation nothing
 * supports, plus one for each hop, and STEP is larger than any simple
 * chain is long, so evidence comes first, then shortness. Chains of equal
 * cost come in the order of their relation ids, read from the first entity.
 *
 * The k best chains are found with Yen's algorithm (with Lawler's saving:
 * a chain is only deviated from where it left the chain it came from).
 * Each of its searches is an A* search toward the end whose estimate comes
 * from one search out of the end, shared by all the searches of a query
 * and taken only as far as they need: the exact least cost to the end for
 * the entities it has settled, and for the others the least cost it has
 * not settled yet. The two take turns, the search out of the end walking
 * up to twice as much as the others (it serves them all), so that a query
 * walks near its two ends and where a chain can be: on a network where
 * most entities are a few steps apart, a small part of it. Ties of
 * estimate go to the entity reached at less cost, so that all the best
 * ways into an entity are known before it is left, whatever the estimates.
 *
 * Parallel relations between the same two entities are one link: the
 * query uses the first shown one, supported before unsupported, smaller id
 * first. Chains are thus sequences of entities.
 */

#define G_LOG_DOMAIN "ent-paths"

#include "config.h"

#include "ent-paths.h"

#include <stdlib.h>
#include <string.h>

#define NO_NODE G_MAXUINT32
#define NO_LIMIT G_MAXINT64

/* One end of a relation as seen from the other: the entity there and the relation, by index. */
typedef struct
{
  guint32 node;
  guint32 relation;
} Link;

typedef struct
{
  gint64  estimate;  /* cost so far plus the least cost from here to the end */
  gint64  cost;      /* cost so far */
  guint32 node;
} HeapEntry;

/* A chain as the search holds it: indices of entities and relations, from where the search starts. */
typedef struct
{
  GArray *nodes;      /* guint32 */
  GArray *relations;  /* guint32 */
  gint64  cost;
  /* Where it left the chain it was found from: it is only deviated from there on. */
  guint   deviation;
} Chain;

struct _EntPathIndex
{
  EntGraph   *graph;
  guint       n_entities;
  guint       n_relations;
  gint64     *entity_ids;     /* by index */
  gint64     *relation_ids;   /* by index, in increasing order */
  guint8     *supported;      /* by relation index */
  /* Each entity's links are links[offsets[i]] to links[offsets[i + 1]], by neighbour, then supported
   * first, then by relation index, so that parallel relations are next to each other. */
  guint32    *offsets;
  Link       *links;
  GHashTable *entity_index;   /* entity id → index + 1 */
  /* The cost of a hop that nothing supports beyond that of any hop. */
  gint64      step;

  /* The query under way */
  EntPathShownFunc shown;
  gpointer    user_data;
  guint32     query;
  guint32    *entity_asked;   /* == query when entity_shown holds the answer */
  guint8     *entity_shown;
  guint32    *relation_asked;
  guint8     *relation_shown;
  /* The search out of the end, which the estimates come from */
  guint32    *to_end_known;   /* == query when to_end holds a cost to the end */
  guint32    *to_end_settled; /* == query when that cost is the least */
  gint64     *to_end;
  /* Hops cost one or STEP + 1, so two queues in the order entities were reached are in order of cost:
   * the least cost not settled is at the head of one of them. */
  GArray     *end_near;       /* HeapEntry: reached by a supported hop */
  GArray     *end_far;        /* HeapEntry: reached by a hop that nothing supports */
  guint       end_near_head;
  guint       end_far_head;
  gint64      end_radius;     /* the least cost to the end of an entity not settled, NO_LIMIT past the last */
  guint       end_work;       /* entities settled, this query */
  guint       work;           /* entities the searches toward the end have left, this query */

  /* The search under way */
  guint32     search;
  guint32    *reached;
  guint32    *closed;
  guint32    *blocked;
  gint64     *cost;
  guint32    *parent;
  guint32    *parent_relation;
  GArray     *heap;           /* HeapEntry: the entities whose least cost to the end is known */
  GArray     *frontier;       /* HeapEntry, by cost so far: the others, which all have the same estimate */
  GArray     *cut;            /* guint32: the neighbours the first entity of a search may not go to */
};

void
ent_path_free (EntPath *path)
{
  if (path == NULL)
    return;
  g_clear_pointer (&path->entity_ids, g_array_unref);
  g_clear_pointer (&path->relation_ids, g_array_unref);
  g_free (path);
}

/* Whether a quote backs @relation without disputing it. */
gboolean
ent_relation_is_supported (const EntRelation *relation)
{
  g_return_val_if_fail (relation != NULL, FALSE);

  for (guint i = 0; relation->quote_ids != NULL && i < relation->quote_ids->len; i++)
    if (!ent_quote_ids_contain (relation->disputing_ids, g_array_index (relation->quote_ids, gint64, i)))
      return TRUE;
  return FALSE;
}

static void
chain_free (Chain *chain)
{
  g_array_unref (chain->nodes);
  g_array_unref (chain->relations);
  g_free (chain);
}

static int
compare_relations_by_id (gconstpointer a,
                         gconstpointer b)
{
  const EntRelation *x = *(EntRelation * const *) a;
  const EntRelation *y = *(EntRelation * const *) b;

  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_links (const void *a,
               const void *b,
               void       *data)
{
  const Link *x = a, *y = b;
  const guint8 *supported = data;

  if (x->node != y->node)
    return x->node < y->node ? -1 : 1;
  if (supported[x->relation] != supported[y->relation])
    return supported[x->relation] ? -1 : 1;
  return x->relation < y->relation ? -1 : x->relation > y->relation;
}

/* Builds the arrays the queries walk: for @graph as it is now. */
EntPathIndex *
ent_path_index_new (EntGraph *graph)
{
  EntPathIndex *self;
  g_autoptr(GPtrArray) relations = NULL;
  g_autofree guint32 *ends = NULL;
  g_autofree guint32 *fill = NULL;
  guint n_links = 0;

  g_return_val_if_fail (graph != NULL, NULL);

  self = g_new0 (EntPathIndex, 1);
  self->graph = ent_graph_ref (graph);
  self->n_entities = graph->entities->len;
  self->n_relations = graph->relations->len;
  self->step = (gint64) self->n_entities + 1;
  self->entity_ids = g_new (gint64, self->n_entities);
  self->entity_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->n_entities; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);

      self->entity_ids[i] = entity->id;
      g_hash_table_insert (self->entity_index, &self->entity_ids[i], GUINT_TO_POINTER (i + 1));
    }

  /* Relations by id, so that comparing indices compares ids. */
  relations = g_ptr_array_copy (graph->relations, NULL, NULL);
  /* The copy would free them with the graph's function. */
  g_ptr_array_set_free_func (relations, NULL);
  g_ptr_array_sort (relations, compare_relations_by_id);
  self->relation_ids = g_new (gint64, self->n_relations);
  self->supported = g_new (guint8, self->n_relations);
  ends = g_new (guint32, 2 * (gsize) self->n_relations);
  self->offsets = g_new0 (guint32, self->n_entities + 1);
  for (guint i = 0; i < self->n_relations; i++)
    {
      EntRelation *relation = g_ptr_array_index (relations, i);
      gpointer from = g_hash_table_lookup (self->entity_index, &relation->from_id);
      gpointer to = g_hash_table_lookup (self->entity_index, &relation->to_id);

      self->relation_ids[i] = relation->id;
      self->supported[i] = ent_relation_is_supported (relation);
      /* A relation of an entity to itself is in no simple chain. */
      if (from == NULL || to == NULL || from == to)
        {
          ends[2 * i] = NO_NODE;
          continue;
        }
      ends[2 * i] = GPOINTER_TO_UINT (from) - 1;
      ends[2 * i + 1] = GPOINTER_TO_UINT (to) - 1;
      self->offsets[ends[2 * i] + 1]++;
      self->offsets[ends[2 * i + 1] + 1]++;
      n_links += 2;
    }
  for (guint i = 0; i < self->n_entities; i++)
    self->offsets[i + 1] += self->offsets[i];

  self->links = g_new (Link, MAX (n_links, 1));
  fill = g_memdup2 (self->offsets, sizeof (guint32) * self->n_entities);
  for (guint i = 0; i < self->n_relations; i++)
    {
      guint32 a = ends[2 * i], b = ends[2 * i + 1];

      if (a == NO_NODE)
        continue;
      self->links[fill[a]++] = (Link) { b, i };
      self->links[fill[b]++] = (Link) { a, i };
    }
  for (guint i = 0; i < self->n_entities; i++)
    g_qsort_with_data (self->links + self->offsets[i], self->offsets[i + 1] - self->offsets[i], sizeof (Link),
                       compare_links, self->supported);

  self->entity_asked = g_new0 (guint32, self->n_entities);
  self->entity_shown = g_new0 (guint8, self->n_entities);
  self->relation_asked = g_new0 (guint32, self->n_relations);
  self->relation_shown = g_new0 (guint8, self->n_relations);
  self->to_end_known = g_new0 (guint32, self->n_entities);
  self->to_end_settled = g_new0 (guint32, self->n_entities);
  self->to_end = g_new0 (gint64, self->n_entities);
  self->end_near = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  self->end_far = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  self->reached = g_new0 (guint32, self->n_entities);
  self->closed = g_new0 (guint32, self->n_entities);
  self->blocked = g_new0 (guint32, self->n_entities);
  self->cost = g_new0 (gint64, self->n_entities);
  self->parent = g_new0 (guint32, self->n_entities);
  self->parent_relation = g_new0 (guint32, self->n_entities);
  self->heap = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  self->frontier = g_array_new (FALSE, FALSE, sizeof (HeapEntry));
  self->cut = g_array_new (FALSE, FALSE, sizeof (guint32));

  return self;
}

void
ent_path_index_free (EntPathIndex *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_hash_table_unref (self->entity_index);
  g_free (self->entity_ids);
  g_free (self->relation_ids);
  g_free (self->supported);
  g_free (self->offsets);
  g_free (self->links);
  g_free (self->entity_asked);
  g_free (self->entity_shown);
  g_free (self->relation_asked);
  g_free (self->relation_shown);
  g_free (self->to_end_known);
  g_free (self->to_end_settled);
  g_free (self->to_end);
  g_array_unref (self->end_near);
  g_array_unref (self->end_far);
  g_free (self->reached);
  g_free (self->closed);
  g_free (self->blocked);
  g_free (self->cost);
  g_free (self->parent);
  g_free (self->parent_relation);
  g_array_unref (self->heap);
  g_array_unref (self->frontier);
  g_array_unref (self->cut);
  g_free (self);
}

/* The stamps say "already this query" or "already this search" without clearing arrays; when a
 * counter comes round again, its arrays are cleared once. */
static void
begin_query (EntPathIndex *self)
{
  if (++self->query == 0)
    {
      memset (self->entity_asked, 0, sizeof (guint32) * self->n_entities);
      memset (self->relation_asked, 0, sizeof (guint32) * self->n_relations);
      memset (self->to_end_known, 0, sizeof (guint32) * self->n_entities);
      memset (self->to_end_settled, 0, sizeof (guint32) * self->n_entities);
      self->query = 1;
    }
}

static void
begin_search (EntPathIndex *self)
{
  if (++self->search == 0)
    {
      memset (self->reached, 0, sizeof (guint32) * self->n_entities);
      memset (self->closed, 0, sizeof (guint32) * self->n_entities);
      memset (self->blocked, 0, sizeof (guint32) * self->n_entities);
      self->search = 1;
    }
  g_array_set_size (self->heap, 0);
  g_array_set_size (self->frontier, 0);
  g_array_set_size (self->cut, 0);
}

static inline gboolean
entity_is_shown (EntPathIndex *self,
                 guint32       node)
{
  if (self->shown == NULL)
    return TRUE;
  if (self->entity_asked[node] != self->query)
    {
      self->entity_asked[node] = self->query;
      self->entity_shown[node] = self->shown (FALSE, self->entity_ids[node], self->user_data) != FALSE;
    }
  return self->entity_shown[node];
}

static inline gboolean
relation_is_shown (EntPathIndex *self,
                   guint32       relation)
{
  if (self->shown == NULL)
    return TRUE;
  if (self->relation_asked[relation] != self->query)
    {
      self->relation_asked[relation] = self->query;
      self->relation_shown[relation] = self->shown (TRUE, self->relation_ids[relation], self->user_data) != FALSE;
    }
  return self->relation_shown[relation];
}

static inline gint64
relation_cost (EntPathIndex *self,
               guint32       relation)
{
  return self->supported[relation] ? 1 : self->step + 1;
}

/*
 * The link that the query uses of the parallel ones at *pos: the first
 * shown one, as they come supported first, then by id. Moves *pos past
 * them; FALSE when none of them is shown.
 */
static inline gboolean
take_link (EntPathIndex *self,
           guint32      *pos,
           guint32       end,
           Link         *link)
{
  guint32 node = self->links[*pos].node;
  gboolean found = FALSE;

  for (; *pos < end && self->links[*pos].node == node; (*pos)++)
    if (!found && relation_is_shown (self, self->links[*pos].relation))
      {
        *link = self->links[*pos];
        found = TRUE;
      }
  return found;
}

/* Moves *pos past the parallel links at it, without asking which are shown. */
static inline void
skip_links (EntPathIndex *self,
            guint32      *pos,
            guint32       end)
{
  guint32 node = self->links[*pos].node;

  while (*pos < end && self->links[*pos].node == node)
    (*pos)++;
}

static inline gboolean
heap_before (const HeapEntry *a,
             const HeapEntry *b)
{
  if (a->estimate != b->estimate)
    return a->estimate < b->estimate;
  /* Smaller costs so far first: every best way into an entity is then known before the entity is
   * left, so it can take the one of the smallest relation id. */
  if (a->cost != b->cost)
    return a->cost < b->cost;
  return a->node < b->node;
}

static void
heap_push (GArray    *heap,
           HeapEntry  entry)
{
  HeapEntry *entries;
  guint i = heap->len;

  g_array_set_size (heap, heap->len + 1);
  entries = (HeapEntry *) heap->data;
  while (i > 0 && heap_before (&entry, &entries[(i - 1) / 2]))
    {
      entries[i] = entries[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  entries[i] = entry;
}

static HeapEntry
heap_pop (GArray *heap)
{
  HeapEntry *entries = (HeapEntry *) heap->data;
  HeapEntry top = entries[0], last = entries[heap->len - 1];
  guint n = heap->len - 1, i = 0;

  while (2 * i + 1 < n)
    {
      guint child = 2 * i + 1;

      if (child + 1 < n && heap_before (&entries[child + 1], &entries[child]))
        child++;
      if (!heap_before (&entries[child], &last))
        break;
      entries[i] = entries[child];
      i = child;
    }
  entries[i] = last;
  g_array_set_size (heap, n);
  return top;
}

/* Moves the head of @queue past the entries that are settled or were bettered; the one there then, if any. */
static inline const HeapEntry *
end_queue_head (EntPathIndex *self,
                GArray       *queue,
                guint        *head)
{
  for (; *head < queue->len; (*head)++)
    {
      const HeapEntry *entry = &g_array_index (queue, HeapEntry, *head);

      if (self->to_end_settled[entry->node] != self->query && entry->cost == self->to_end[entry->node])
        return entry;
    }
  return NULL;
}

/* The entry of the least cost to the end not settled yet, and that cost as end_radius. */
static const HeapEntry *
end_queue_first (EntPathIndex *self)
{
  const HeapEntry *near = end_queue_head (self, self->end_near, &self->end_near_head);
  const HeapEntry *far = end_queue_head (self, self->end_far, &self->end_far_head);
  const HeapEntry *first = near != NULL && (far == NULL || near->cost <= far->cost) ? near : far;

  self->end_radius = first != NULL ? first->cost : NO_LIMIT;
  return first;
}

/* Settles the next entity of the search out of the end: end_radius is not NO_LIMIT. */
static void
settle_toward_end (EntPathIndex *self)
{
  HeapEntry top = *end_queue_first (self);
  guint32 pos = self->offsets[top.node], stop = self->offsets[top.node + 1];
  Link link;

  self->to_end_settled[top.node] = self->query;
  self->end_work++;
  /* The frontier's estimate is too high for it now: it goes among those whose estimate is known. */
  if (self->reached[top.node] == self->search && self->closed[top.node] != self->search)
    heap_push (self->heap, (HeapEntry) { self->cost[top.node] + top.cost, self->cost[top.node], top.node });
  while (pos < stop)
    {
      guint32 next = self->links[pos].node;
      gint64 cost;

      /* What cannot come nearer is not asked about: the caller's function may be slow. */
      if ((self->to_end_known[next] == self->query && self->to_end[next] <= top.cost + 1) ||
          !entity_is_shown (self, next))
        {
          skip_links (self, &pos, stop);
          continue;
        }
      if (!take_link (self, &pos, stop, &link))
        continue;
      cost = top.cost + relation_cost (self, link.relation);
      if (self->to_end_known[link.node] != self->query || cost < self->to_end[link.node])
        {
          self->to_end_known[link.node] = self->query;
          self->to_end[link.node] = cost;
          g_array_append_val (self->supported[link.relation] ? self->end_near : self->end_far,
                              ((HeapEntry) { cost, cost, link.node }));
        }
    }
  end_queue_first (self);
}

/* Begins Dijkstra's search out of @end through what is shown, which the estimates come from. */
static void
begin_end_search (EntPathIndex *self,
                  guint32       end)
{
  g_array_set_size (self->end_near, 0);
  g_array_set_size (self->end_far, 0);
  self->end_near_head = 0;
  self->end_far_head = 0;
  self->to_end[end] = 0;
  self->to_end_known[end] = self->query;
  g_array_append_val (self->end_near, ((HeapEntry) { 0, 0, end }));
  self->end_work = 0;
  self->work = 0;
  /* Before any search toward the end: what it puts in their heap is cleared with them. */
  settle_toward_end (self);
}

/*
 * Puts @node, reached at @cost, among those to leave. Its estimate is its
 * cost plus the least cost to the end: exact once the search out of the
 * end has settled it; until then, no less than the least that search has
 * not settled, which all the frontier's entities share. None when that
 * search has settled all it reaches without @node: no chain goes through
 * it then.
 */
static inline void
push_open (EntPathIndex *self,
           guint32       node,
           gint64        cost)
{
  if (self->to_end_settled[node] == self->query)
    heap_push (self->heap, (HeapEntry) { cost + self->to_end[node], cost, node });
  else if (self->end_radius != NO_LIMIT)
    heap_push (self->frontier, (HeapEntry) { cost, cost, node });
}

static gboolean
is_cut (EntPathIndex *self,
        guint32       node)
{
  for (guint i = 0; i < self->cut->len; i++)
    if (g_array_index (self->cut, guint32, i) == node)
      return TRUE;
  return FALSE;
}

/* Reverses the guint32 of @array from @first on. */
static void
reverse_tail (GArray *array,
              guint   first)
{
  guint32 *values = (guint32 *) array->data;

  for (guint i = first, j = array->len; i + 1 < j; i++, j--)
    {
      guint32 value = values[i];

      values[i] = values[j - 1];
      values[j - 1] = value;
    }
}

/*
 * The best chain from @start to @end that avoids the entities blocked in
 * this search and, from @start, the neighbours in the cut, if it costs no
 * more than @limit: appended to @chain, without @start. Of the chains of
 * least cost it finds the one whose relations, read from @end back, come
 * first.
 */
static gboolean
search_chain (EntPathIndex *self,
              guint32       start,
              guint32       end,
              gint64        limit,
              Chain        *chain,
              gint64       *chain_cost)
{
  guint first_node = chain->nodes->len, first_relation = chain->relations->len;

  self->reached[start] = self->search;
  self->cost[start] = 0;
  self->parent[start] = NO_NODE;
  push_open (self, start, 0);

  for (;;)
    {
      const HeapEntry *known = NULL, *far = NULL;
      HeapEntry top;
      gboolean from_frontier;
      guint32 pos, stop;
      Link link;

      while (self->frontier->len > 0)
        {
          far = &g_array_index (self->frontier, HeapEntry, 0);
          /* Those settled by the search out of the end have gone among the others. When that search is
           * over, the rest cannot reach the end. */
          if (self->closed[far->node] != self->search && far->cost == self->cost[far->node] &&
              self->to_end_settled[far->node] != self->query && self->end_radius != NO_LIMIT)
            break;
          heap_pop (self->frontier);
          far = NULL;
        }
      while (self->heap->len > 0)
        {
          known = &g_array_index (self->heap, HeapEntry, 0);
          if (self->closed[known->node] != self->search && known->cost == self->cost[known->node])
            break;
          heap_pop (self->heap);
          known = NULL;
        }
      if (far == NULL && known == NULL)
        break;
      /* The frontier's estimates are their costs so far plus end_radius. */
      from_frontier = far != NULL &&
                      (known == NULL || far->cost + self->end_radius < known->estimate ||
                       (far->cost + self->end_radius == known->estimate && far->cost < known->cost));
      top = from_frontier ? (HeapEntry) { far->cost + self->end_radius, far->cost, far->node } : *known;
      if (top.estimate > limit)
        return FALSE;
      /* Where the estimate is only the reach of the search out of the end, that search goes on for as
       * long as it has settled no more than twice what the searches toward the end have left: all the
       * searches of the query share it. */
      if (from_frontier && self->end_work <= 2 * self->work)
        {
          settle_toward_end (self);
          continue;
        }
      heap_pop (from_frontier ? self->frontier : self->heap);
      self->closed[top.node] = self->search;
      self->work++;
      if (top.node == end)
        break;

      pos = self->offsets[top.node];
      stop = self->offsets[top.node + 1];
      while (pos < stop)
        {
          guint32 next = self->links[pos].node;
          gint64 cost;

          /* Those with a cheaper way in already are passed by before asking which are shown. */
          if (self->blocked[next] == self->search || self->closed[next] == self->search ||
              (top.node == start && is_cut (self, next)) ||
              (self->reached[next] == self->search && self->cost[next] < top.cost + 1) ||
              !entity_is_shown (self, next))
            {
              skip_links (self, &pos, stop);
              continue;
            }
          if (!take_link (self, &pos, stop, &link))
            continue;
          cost = top.cost + relation_cost (self, link.relation);
          if (self->reached[next] != self->search || cost < self->cost[next])
            {
              self->reached[next] = self->search;
              self->cost[next] = cost;
              self->parent[next] = top.node;
              self->parent_relation[next] = link.relation;
              push_open (self, next, cost);
            }
          else if (cost == self->cost[next] && link.relation < self->parent_relation[next])
            {
              self->parent[next] = top.node;
              self->parent_relation[next] = link.relation;
            }
        }
    }

  if (self->closed[end] != self->search)
    return FALSE;

  *chain_cost = self->cost[end];
  for (guint32 node = end; node != start; node = self->parent[node])
    {
      g_array_append_val (chain->nodes, node);
      g_array_append_val (chain->relations, self->parent_relation[node]);
    }
  /* They were appended from the end back. */
  reverse_tail (chain->nodes, first_node);
  reverse_tail (chain->relations, first_relation);
  return TRUE;
}

static Chain *
chain_new (void)
{
  Chain *chain = g_new0 (Chain, 1);

  chain->nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  chain->relations = g_array_new (FALSE, FALSE, sizeof (guint32));
  return chain;
}

/* Cost first; then the relations from the end back, which the caller reads the other way round. */
static int
chain_compare (const Chain *a,
               const Chain *b)
{
  if (a->cost != b->cost)
    return a->cost < b->cost ? -1 : 1;
  /* Equal costs are equal lengths. */
  for (guint i = a->relations->len; i > 0; i--)
    {
      guint32 x = g_array_index (a->relations, guint32, i - 1);
      guint32 y = g_array_index (b->relations, guint32, i - 1);

      if (x != y)
        return x < y ? -1 : 1;
    }
  return 0;
}

/* The cost of the @need-th best candidate: no chain that costs more can be one of the answers. */
static gint64
candidate_limit (GPtrArray *candidates,
                 guint      need)
{
  g_autofree gint64 *costs = NULL;
  gint64 limit;

  if (candidates->len < need || need == 0)
    return NO_LIMIT;
  costs = g_new (gint64, candidates->len);
  for (guint i = 0; i < candidates->len; i++)
    costs[i] = ((Chain *) g_ptr_array_index (candidates, i))->cost;
  for (guint i = 0; i < need; i++)
    for (guint j = i + 1; j < candidates->len; j++)
      if (costs[j] < costs[i])
        {
          gint64 t = costs[i];

          costs[i] = costs[j];
          costs[j] = t;
        }
  limit = costs[need - 1];
  return limit;
}

static gboolean
has_chain (GPtrArray   *chains,
           const Chain *chain)
{
  for (guint i = 0; i < chains->len; i++)
    {
      const Chain *other = g_ptr_array_index (chains, i);

      if (other->nodes->len == chain->nodes->len &&
          memcmp (other->nodes->data, chain->nodes->data, sizeof (guint32) * chain->nodes->len) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The candidates that leave @previous at each of its entities from where it left its own. */
static void
add_deviations (EntPathIndex *self,
                GPtrArray    *found,
                GPtrArray    *candidates,
                const Chain  *previous,
                guint32       end,
                guint         max_paths)
{
  const guint32 *nodes = (const guint32 *) previous->nodes->data;
  gint64 root_cost = 0;

  for (guint i = 0; i + 1 < previous->nodes->len; i++)
    {
      if (i >= previous->deviation)
        {
          gint64 limit = candidate_limit (candidates, max_paths - found->len);
          Chain *candidate = chain_new ();
          gint64 spur_cost;

          begin_search (self);
          for (guint j = 0; j < i; j++)
            self->blocked[nodes[j]] = self->search;
          /* The chains already found that share this beginning may not be taken again. */
          for (guint c = 0; c < found->len; c++)
            {
              const Chain *other = g_ptr_array_index (found, c);

              if (other->nodes->len > i + 1 &&
                  memcmp (other->nodes->data, nodes, sizeof (guint32) * (i + 1)) == 0)
                g_array_append_val (self->cut, g_array_index (other->nodes, guint32, i + 1));
            }

          g_array_append_vals (candidate->nodes, nodes, i + 1);
          g_array_append_vals (candidate->relations, previous->relations->data, i);
          candidate->deviation = i;
          if (search_chain (self, nodes[i], end, limit == NO_LIMIT ? NO_LIMIT : limit - root_cost,
                            candidate, &spur_cost) &&
              (candidate->cost = root_cost + spur_cost, !has_chain (candidates, candidate)))
            g_ptr_array_add (candidates, candidate);
          else
            chain_free (candidate);
        }
      root_cost += relation_cost (self, g_array_index (previous->relations, guint32, i));
    }
}

static EntPath *
path_new (void)
{
  EntPath *path = g_new0 (EntPath, 1);

  path->entity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  path->relation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return path;
}

/*
 * Up to @max_paths chains from @from_id to @to_id through what @shown
 * shows (everything when it is %NULL), best first: fewer hops that nothing
 * supports, then fewer hops, then smaller relation ids from @from_id on.
 * Chains that differ only in which of parallel relations they take are one.
 * Empty when the two are not connected, or one of them is unknown or hidden.
 */
GPtrArray *
ent_path_index_find (EntPathIndex     *self,
                     gint64            from_id,
                     gint64            to_id,
                     guint             max_paths,
                     EntPathShownFunc  shown,
                     gpointer          user_data)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_path_free);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  gpointer from, to;
  guint32 start, end;
  Chain *first;
  gint64 first_cost;

  g_return_val_if_fail (self != NULL, paths);

  from = g_hash_table_lookup (self->entity_index, &from_id);
  to = g_hash_table_lookup (self->entity_index, &to_id);
  if (max_paths == 0 || from == NULL || to == NULL)
    return paths;

  self->shown = shown;
  self->user_data = user_data;
  begin_query (self);
  /* The search goes from the last entity to the first, so that its order among chains of equal cost,
   * by the relations at the end of the search first, is that of relation ids from the first entity. */
  start = GPOINTER_TO_UINT (to) - 1;
  end = GPOINTER_TO_UINT (from) - 1;
  if (!entity_is_shown (self, start) || !entity_is_shown (self, end))
    return paths;
  if (start == end)
    {
      EntPath *path = path_new ();

      g_array_append_val (path->entity_ids, from_id);
      g_ptr_array_add (paths, path);
      return paths;
    }

  begin_end_search (self, end);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) chain_free);
  candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) chain_free);
  first = chain_new ();
  g_array_append_val (first->nodes, start);
  begin_search (self);
  if (!search_chain (self, start, end, NO_LIMIT, first, &first_cost))
    {
      /* Not connected through what is shown. */
      chain_free (first);
      self->shown = NULL;
      self->user_data = NULL;
      return paths;
    }
  first->cost = first_cost;
  g_ptr_array_add (found, first);

  while (found->len < max_paths)
    {
      guint best = 0;

      add_deviations (self, found, candidates, g_ptr_array_index (found, found->len - 1), end, max_paths);
      if (candidates->len == 0)
        break;
      for (guint i = 1; i < candidates->len; i++)
        if (chain_compare (g_ptr_array_index (candidates, i), g_ptr_array_index (candidates, best)) < 0)
          best = i;
      g_ptr_array_add (found, g_ptr_array_steal_index_fast (candidates, best));
    }

  for (guint i = 0; i < found->len; i++)
    {
      const Chain *chain = g_ptr_array_index (found, i);
      EntPath *path = path_new ();

      for (guint j = chain->nodes->len; j > 0; j--)
        g_array_append_val (path->entity_ids, self->entity_ids[g_array_index (chain->nodes, guint32, j - 1)]);
      for (guint j = chain->relations->len; j > 0; j--)
        {
          guint32 relation = g_array_index (chain->relations, guint32, j - 1);

          g_array_append_val (path->relation_ids, self->relation_ids[relation]);
          path->n_unsupported += !self->supported[relation];
        }
      g_ptr_array_add (paths, path);
    }

  self->shown = NULL;
  self->user_data = NULL;
  return paths;
}
