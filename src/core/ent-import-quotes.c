/* ent-import-quotes.c: sources an importer makes of the quotes a file gives as text
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import"

#include "config.h"

#include "ent-import.h"

/* What separates two quotes in the body of the source they are made into. */
#define QUOTE_SEPARATOR "\n\n"

/* A source being made of quotes: its body so far, and its quotes by text, so that none is there twice. */
typedef struct
{
  EntSource  *source;
  GString    *body;
  gint64      n_chars;
  GHashTable *quotes; /* text → EntQuote */
} SourceBody;

struct _EntImportQuotes
{
  EntImport  *import;
  GHashTable *sources; /* title → SourceBody */
};

static void
source_body_free (SourceBody *body)
{
  g_string_free (body->body, TRUE);
  g_hash_table_unref (body->quotes);
  g_free (body);
}

/**
 * ent_import_quotes_new:
 * @import: the import the sources and quotes are added to
 *
 * Files other than Entente's own carry a quote as its text alone (a
 * column, a key, a field), with at most the title of its source. The
 * sources are then made of their quotes: each source's body is its quotes
 * one after the other, a blank line between two, each quote that passage,
 * so that every quote matches its source as the store requires.
 *
 * Returns: (transfer full): the sources to come, for ent_import_quotes_finish()
 */
EntImportQuotes *
ent_import_quotes_new (EntImport *import)
{
  EntImportQuotes *self = g_new0 (EntImportQuotes, 1);

  self->import = import;
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) source_body_free);
  return self;
}

void
ent_import_quotes_free (EntImportQuotes *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->sources);
  g_free (self);
}

static SourceBody *
get_source (EntImportQuotes *self,
            const char      *title)
{
  SourceBody *body = g_hash_table_lookup (self->sources, title);

  if (body == NULL)
    {
      body = g_new0 (SourceBody, 1);
      body->source = g_new0 (EntSource, 1);
      body->source->id = self->import->graph->sources->len + 1;
      body->source->title = g_strdup (title);
      body->body = g_string_new (NULL);
      body->quotes = g_hash_table_new (g_str_hash, g_str_equal);
      ent_graph_take_source (self->import->graph, body->source);
      g_hash_table_insert (self->sources, body->source->title, body);
    }
  return body;
}

/**
 * ent_import_quotes_add:
 * @self: the sources being made
 * @title: the title of the quote's source
 * @text: the quote
 *
 * Returns: the id of the quote of @title with @text: one more passage of its
 *   source's body, unless it has it already
 */
gint64
ent_import_quotes_add (EntImportQuotes *self,
                       const char      *title,
                       const char      *text)
{
  SourceBody *body = get_source (self, title);
  EntQuote *quote = g_hash_table_lookup (body->quotes, text);

  if (quote != NULL)
    return quote->id;

  if (body->body->len > 0)
    {
      g_string_append (body->body, QUOTE_SEPARATOR);
      body->n_chars += g_utf8_strlen (QUOTE_SEPARATOR, -1);
    }
  quote = g_new0 (EntQuote, 1);
  quote->id = self->import->graph->quotes->len + 1;
  quote->source_id = body->source->id;
  quote->start = body->n_chars;
  quote->text = g_strdup (text);
  g_string_append (body->body, text);
  body->n_chars += g_utf8_strlen (text, -1);
  quote->end = body->n_chars;
  ent_graph_take_quote (self->import->graph, quote);
  g_hash_table_insert (body->quotes, quote->text, quote);
  return quote->id;
}

/* Gives each source its body, complete once every quote is added. */
void
ent_import_quotes_finish (EntImportQuotes *self)
{
  GHashTableIter iter;
  SourceBody *body;

  g_hash_table_iter_init (&iter, self->sources);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &body))
    {
      g_free (body->source->body);
      body->source->body = g_strdup (body->body->str);
    }
}
