/* entente-read-dot.c: the helper that parses DOT files with cgraph
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "entente-read-dot"

#include "config.h"

#include "ent-dot-protocol.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <graphviz/cgraph.h>

/*
 * The application starts this program for every DOT file it reads (see
 * src/core/ent-dot-read.c), because Graphviz's parser crashes on some
 * inputs; here a crash costs nothing but this process. It is a program of
 * its own rather than a mode of entente-layout: it links cgraph only, not
 * the layout engines and their plugins, and limits itself as the layout
 * helper cannot (a layout may rightly take minutes).
 *
 * It reads the file's bytes from stdin, parses them with cgraph, walks the
 * graph and writes what it holds to stdout as one GVariant of the type in
 * ent-dot-protocol.h. It only parses: no layout and no rendering run, so
 * nothing a file names (image, shapefile, fontpath, imagepath) is ever
 * opened, and the only file this program opens is its own stdin. What the
 * texts mean (labels, escapes, positions, charsets) is for the application
 * to decide; this program sends them as cgraph read them.
 *
 * On a parse error it prints cgraph's message, with its line, on stderr and
 * exits with status 1.
 */

/* Every text of the reply once, and which of them are HTML-like. */
typedef struct
{
  GHashTable *index;   /* text → its index + 1 */
  GPtrArray  *texts;   /* GVariant "ay" */
  GByteArray *html;
} Texts;

/* cgraph's messages, kept for the one that explains a failure. */
static GString *messages;

static int
keep_message_cb (char *message)
{
  g_string_append (messages, message);
  return 0;
}

/* The address space is left alone in a build with AddressSanitizer, which reserves terabytes for its shadow. */
static void
limit_resources (void)
{
  struct rlimit cpu = { ENT_DOT_MAX_CPU_SECONDS, ENT_DOT_MAX_CPU_SECONDS + 5 };
#if !defined (__SANITIZE_ADDRESS__)
  struct rlimit memory = { ENT_DOT_MAX_ADDRESS_SPACE, ENT_DOT_MAX_ADDRESS_SPACE };

  setrlimit (RLIMIT_AS, &memory);
#endif
  setrlimit (RLIMIT_CPU, &cpu);
}

/* cgraph reads the file through this, a chunk at a time, as it would read a FILE. */
typedef struct
{
  const char *data;
  gsize       length;
  gsize       offset;
} Input;

static int
input_read (void *channel,
            char *buffer,
            int   size)
{
  Input *input = channel;
  gsize n = MIN ((gsize) size, input->length - input->offset);

  memcpy (buffer, input->data + input->offset, n);
  input->offset += n;
  return (int) n;
}

static guint32
text_index (Texts      *texts,
            const char *text)
{
  gpointer found;

  if (text == NULL)
    return ENT_DOT_NONE;
  found = g_hash_table_lookup (texts->index, text);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  g_ptr_array_add (texts->texts, g_variant_new_bytestring (text));
  g_byte_array_append (texts->html, (const guint8[]) { aghtmlstr ((char *) text) != 0 }, 1);
  g_hash_table_insert (texts->index, (gpointer) text, GUINT_TO_POINTER (texts->texts->len));
  return texts->texts->len - 1;
}

/*
 * The attributes @object has a value for. Unset ones read as "", which no
 * one wrote; a value a `node [...]` or `edge [...]` statement gave is set
 * for the objects after it, as Graphviz draws them, so it is kept.
 */
static void
add_attributes (Texts    *texts,
                GArray   *attributes,
                Agraph_t *graph,
                void     *object,
                int       kind,
                guint32  *first,
                guint32  *n)
{
  *first = attributes->len;
  for (Agsym_t *symbol = agnxtattr (graph, kind, NULL); symbol != NULL; symbol = agnxtattr (graph, kind, symbol))
    {
      const char *value = agxget (object, symbol);
      EntDotWirePair pair;

      if (value == NULL || *value == '\0')
        continue;
      pair.first = text_index (texts, symbol->name);
      pair.second = text_index (texts, value);
      g_array_append_val (attributes, pair);
    }
  *n = attributes->len - *first;
}

/*
 * Subgraphs named "cluster…" as Graphviz 2.42 draws them. Walking outer
 * clusters before inner ones leaves each node in its innermost cluster.
 * A cluster's label is its own, not the one a graph above it set.
 */
static void
add_clusters (Texts      *texts,
              Agraph_t   *subgraph,
              GHashTable *node_index,
              GArray     *nodes,
              GArray     *clusters)
{
  gboolean is_cluster = strncmp (agnameof (subgraph), "cluster", 7) == 0;

  if (is_cluster)
    {
      Agraph_t *parent = agparent (subgraph);
      const char *label = agget (subgraph, "label");
      const char *above = parent != NULL ? agget (parent, "label") : NULL;
      EntDotWirePair cluster = { text_index (texts, agnameof (subgraph)), ENT_DOT_NONE };

      if (label != NULL && *label != '\0' && g_strcmp0 (label, above) != 0)
        cluster.second = text_index (texts, label);
      g_array_append_val (clusters, cluster);

      for (Agnode_t *node = agfstnode (subgraph); node != NULL; node = agnxtnode (subgraph, node))
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (node_index, node)) - 1;

          g_array_index (nodes, EntDotWireNode, index).cluster = clusters->len - 1;
        }
    }

  for (Agraph_t *child = agfstsubg (subgraph); child != NULL; child = agnxtsubg (child))
    add_clusters (texts, child, node_index, nodes, clusters);
}

/* cgraph keeps edges by their tails; the file's order is their sequence numbers'. */
static int
compare_edges (gconstpointer a,
               gconstpointer b)
{
  Agedge_t *first = *(Agedge_t * const *) a, *second = *(Agedge_t * const *) b;

  return AGSEQ (first) < AGSEQ (second) ? -1 : AGSEQ (first) > AGSEQ (second);
}

static GVariant *
fixed_array (const char *type,
             GArray     *array,
             gsize       element_size)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE (type), array->data, array->len, element_size);
}

static GVariant *
describe (Agraph_t *graph,
          guint32   more_graphs)
{
  Texts texts = {
    g_hash_table_new (g_str_hash, g_str_equal),
    g_ptr_array_new (),
    g_byte_array_new (),
  };
  g_autoptr(GHashTable) node_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (EntDotWireNode));
  g_autoptr(GArray) edges = g_array_new (FALSE, TRUE, sizeof (EntDotWireEdge));
  g_autoptr(GArray) attributes = g_array_new (FALSE, TRUE, sizeof (EntDotWirePair));
  g_autoptr(GArray) clusters = g_array_new (FALSE, TRUE, sizeof (EntDotWirePair));
  g_autoptr(GPtrArray) in_order = g_ptr_array_new ();
  guint32 name, charset;
  GVariant *reply;

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    {
      EntDotWireNode wire = { text_index (&texts, agnameof (node)), ENT_DOT_NONE, 0, 0 };

      add_attributes (&texts, attributes, graph, node, AGNODE, &wire.first_attribute, &wire.n_attributes);
      g_array_append_val (nodes, wire);
      g_hash_table_insert (node_index, node, GUINT_TO_POINTER (nodes->len));
    }

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    for (Agedge_t *edge = agfstout (graph, node); edge != NULL; edge = agnxtout (graph, edge))
      g_ptr_array_add (in_order, edge);
  g_ptr_array_sort (in_order, compare_edges);

  for (guint i = 0; i < in_order->len; i++)
    {
      Agedge_t *edge = g_ptr_array_index (in_order, i);
      EntDotWireEdge wire = {
        GPOINTER_TO_UINT (g_hash_table_lookup (node_index, agtail (edge))) - 1,
        GPOINTER_TO_UINT (g_hash_table_lookup (node_index, aghead (edge))) - 1,
        0, 0,
      };

      add_attributes (&texts, attributes, graph, edge, AGEDGE, &wire.first_attribute, &wire.n_attributes);
      g_array_append_val (edges, wire);
    }

  for (Agraph_t *child = agfstsubg (graph); child != NULL; child = agnxtsubg (child))
    add_clusters (&texts, child, node_index, nodes, clusters);

  name = text_index (&texts, agnameof (graph));
  charset = text_index (&texts, agget (graph, "charset"));
  reply = g_variant_new (ENT_DOT_REPLY_FORMAT,
                         g_variant_new_array (G_VARIANT_TYPE_BYTESTRING,
                                              (GVariant **) texts.texts->pdata, texts.texts->len),
                         g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, texts.html->data, texts.html->len, 1),
                         name, charset, agisdirected (graph) != 0, more_graphs,
                         fixed_array (ENT_DOT_NODE_TYPE, nodes, sizeof (EntDotWireNode)),
                         fixed_array (ENT_DOT_EDGE_TYPE, edges, sizeof (EntDotWireEdge)),
                         fixed_array (ENT_DOT_PAIR_TYPE, attributes, sizeof (EntDotWirePair)),
                         fixed_array (ENT_DOT_PAIR_TYPE, clusters, sizeof (EntDotWirePair)));

  g_hash_table_unref (texts.index);
  g_ptr_array_unref (texts.texts);
  g_byte_array_unref (texts.html);
  return g_variant_ref_sink (reply);
}

int
main (int   argc,
      char *argv[])
{
  static Agiodisc_t io = { input_read, NULL, NULL };
  Agdisc_t discipline = { &AgMemDisc, &AgIdDisc, &io };
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  Input input = { 0 };
  Agraph_t *graph;
  guint32 more_graphs = 0;

  limit_resources ();

  if (!g_file_get_contents ("/dev/stdin", &data, &input.length, &error))
    {
      fprintf (stderr, "entente-read-dot: %s\n", error->message);
      return EXIT_FAILURE;
    }
  input.data = data;

  messages = g_string_new (NULL);
  agseterr (AGERR);
  agseterrf (keep_message_cb);
  graph = agread (&input, &discipline);
  if (graph == NULL)
    {
      fprintf (stderr, "%s\n", messages->len > 0 ? g_strstrip (messages->str) : "There is no graph in the file");
      return EXIT_FAILURE;
    }

  /* Further graphs are only counted: the application reads the first. A broken one ends the count. */
  for (Agraph_t *next; (next = agread (&input, &discipline)) != NULL; agclose (next))
    more_graphs++;

  reply = describe (graph, more_graphs);
  if (fwrite (g_variant_get_data (reply), 1, g_variant_get_size (reply), stdout) != g_variant_get_size (reply) ||
      fflush (stdout) != 0)
    {
      fprintf (stderr, "entente-read-dot: could not write the reply\n");
      return EXIT_FAILURE;
    }

  /* As entente-layout does, leave freeing cgraph's graph to the kernel (see its main ()). */
  _exit (EXIT_SUCCESS);
}
