/* ent-dot-protocol.h: what the DOT reader and its helper say to each other
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/*
 * Both src/core/ent-dot-read.c and the helper (src/worker/entente-read-dot.c)
 * include this header, and only this one of the core's: the helper links
 * GLib and cgraph, not the core library. So everything here is a type or a
 * constant.
 */
#include <glib.h>

G_BEGIN_DECLS

/*
 * Request: the bytes of a DOT file on the helper's stdin, as they are.
 *
 * Reply, a serialised GVariant on its stdout: every text of the graph once,
 * as cgraph read it (bytes in the file's charset, which is why they are
 * byte strings and not GVariant strings, which must be UTF-8), whether
 * each is an HTML-like string, the name and charset of the graph (indices
 * into the texts), whether it is directed, how many more graphs the file
 * holds after it, and then the nodes, edges, attributes and clusters as
 * fixed-size arrays of indices:
 *
 *   node:    name, innermost cluster (ENT_DOT_NONE: none), first attribute, number of attributes
 *   edge:    tail node, head node, first attribute, number of attributes
 *   cluster: name, label (ENT_DOT_NONE: none of its own)
 *
 * Attributes are (name, value) pairs, each object's one after the other in
 * the attribute array. They are built together, so the format carries no
 * version.
 */
#define ENT_DOT_NODE_TYPE      "(uuuu)"   /* EntDotWireNode */
#define ENT_DOT_EDGE_TYPE      "(uuuu)"   /* EntDotWireEdge */
#define ENT_DOT_PAIR_TYPE      "(uu)"     /* EntDotWirePair, attributes and clusters */

#define ENT_DOT_REPLY_TYPE \
  "(aayayuubua" ENT_DOT_NODE_TYPE "a" ENT_DOT_EDGE_TYPE "a" ENT_DOT_PAIR_TYPE "a" ENT_DOT_PAIR_TYPE ")"
/* For g_variant_new () and g_variant_get (): each array as a GVariant of its own. */
#define ENT_DOT_REPLY_FORMAT \
  "(@aay@ayuubu@a" ENT_DOT_NODE_TYPE "@a" ENT_DOT_EDGE_TYPE "@a" ENT_DOT_PAIR_TYPE "@a" ENT_DOT_PAIR_TYPE ")"

/* An index that stands for nothing. */
#define ENT_DOT_NONE G_MAXUINT32

typedef struct
{
  guint32 name;
  guint32 cluster;
  guint32 first_attribute;
  guint32 n_attributes;
} EntDotWireNode;       /* (uuuu) */

typedef struct
{
  guint32 tail;
  guint32 head;
  guint32 first_attribute;
  guint32 n_attributes;
} EntDotWireEdge;       /* (uuuu) */

typedef struct
{
  guint32 first;
  guint32 second;
} EntDotWirePair;       /* (uu) */

G_STATIC_ASSERT (sizeof (EntDotWireNode) == 16);
G_STATIC_ASSERT (sizeof (EntDotWireEdge) == 16);
G_STATIC_ASSERT (sizeof (EntDotWirePair) == 8);

/*
 * What the helper may take of the machine, which it sets on itself before
 * cgraph sees a byte: the address space (not in a build with
 * AddressSanitizer, which reserves terabytes for its shadow memory) and
 * seconds of processor time, after which the kernel stops it.
 */
#define ENT_DOT_MAX_ADDRESS_SPACE (G_GUINT64_CONSTANT (8) << 30)
#define ENT_DOT_MAX_CPU_SECONDS   60

G_END_DECLS
