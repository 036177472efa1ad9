/* ent-report.c: the evidence report: what it lists, and its HTML
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-report"

#include "config.h"

#include "ent-report-private.h"
#include "ent-export-private.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

static void
claim_free (EntReportClaim *claim)
{
  g_ptr_array_unref (claim->supporting);
  g_ptr_array_unref (claim->disputing);
  g_free (claim);
}

/* A claim with its quotes sorted into those that support it and those that dispute it. */
static EntReportClaim *
claim_new (EntGraph    *graph,
           EntEntity   *entity,
           EntRelation *relation)
{
  EntReportClaim *claim = g_new0 (EntReportClaim, 1);
  GArray *quote_ids = entity != NULL ? entity->quote_ids : relation->quote_ids;
  GArray *disputing_ids = entity != NULL ? entity->disputing_ids : relation->disputing_ids;

  claim->entity = entity;
  claim->relation = relation;
  claim->supporting = g_ptr_array_new ();
  claim->disputing = g_ptr_array_new ();
  for (guint i = 0; quote_ids != NULL && i < quote_ids->len; i++)
    {
      gint64 id = g_array_index (quote_ids, gint64, i);
      EntQuote *quote = ent_graph_get_quote (graph, id);

      if (quote == NULL)
        continue;
      g_ptr_array_add (ent_quote_ids_contain (disputing_ids, id) ? claim->disputing : claim->supporting, quote);
    }
  return claim;
}

/* A claim and what it is sorted by. */
typedef struct
{
  EntReportClaim *claim;
  guint           group;
  char           *keys[3];
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  for (guint k = 0; k < G_N_ELEMENTS (x->keys); k++)
    {
      int order = g_strcmp0 (x->keys[k], y->keys[k]);

      if (order != 0)
        return order;
    }
  return 0;
}

/* Sorts @claims by @entries, which it frees. */
static void
sort_claims (GPtrArray *claims,
             GArray    *entries)
{
  g_array_sort (entries, compare_entries);
  g_ptr_array_set_free_func (claims, NULL);
  g_ptr_array_set_size (claims, 0);
  g_ptr_array_set_free_func (claims, (GDestroyNotify) claim_free);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *entry = &g_array_index (entries, SortEntry, i);

      g_ptr_array_add (claims, entry->claim);
      for (guint k = 0; k < G_N_ELEMENTS (entry->keys); k++)
        g_free (entry->keys[k]);
    }
  g_array_unref (entries);
}

static char *
collate_key (const char *text)
{
  return g_utf8_collate_key (text != NULL ? text : "", -1);
}

/* Where @entity's kind comes among the graph's kinds, those it does not list after them. */
static guint
kind_group (EntGraph        *graph,
            const EntEntity *entity)
{
  const char *key = ent_entity_get_kind_key (entity);

  for (guint i = 0; i < graph->kinds->len; i++)
    if (g_strcmp0 (((EntKindInfo *) g_ptr_array_index (graph->kinds, i))->key, key) == 0)
      return i;
  return graph->kinds->len + entity->kind;
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const EntReportSource *x = a, *y = b;
  int order = g_utf8_collate (x->source->title != NULL ? x->source->title : "",
                              y->source->title != NULL ? y->source->title : "");

  return order != 0 ? order : (x->source->id < y->source->id ? -1 : x->source->id > y->source->id);
}

/* Counts, for every source, the claims that quote it. */
static void
count_sources (EntReport *report)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint list = 0; list < 2; list++)
    {
      GPtrArray *claims = list == 0 ? report->entities : report->relations;

      for (guint i = 0; i < claims->len; i++)
        {
          EntReportClaim *claim = g_ptr_array_index (claims, i);
          g_autoptr(GHashTable) cited = g_hash_table_new (g_int64_hash, g_int64_equal);

          for (guint side = 0; side < 2; side++)
            {
              GPtrArray *quotes = side == 0 ? claim->supporting : claim->disputing;

              for (guint q = 0; q < quotes->len; q++)
                {
                  EntQuote *quote = g_ptr_array_index (quotes, q);
                  EntSource *source = ent_graph_get_source (report->graph, quote->source_id);

                  if (source == NULL || !g_hash_table_add (cited, &source->id))
                    continue;
                  value = g_hash_table_lookup (counts, &source->id);
                  g_hash_table_insert (counts, &source->id, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
                }
            }
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      EntReportSource entry = {
        .source = ent_graph_get_source (report->graph, *(gint64 *) key),
        .n_claims = GPOINTER_TO_UINT (value),
      };

      g_array_append_val (report->sources, entry);
    }
  g_array_sort (report->sources, compare_sources);
}

/**
 * _ent_report_init:
 * @report: (out caller-allocates): what the report lists
 * @options: the graph, the diagram and the items it leaves out
 * @cancellable: (nullable): to give up
 * @error: return location for an error: only a cancel
 *
 * Sorts out what a report says, in its order. Clear it with _ent_report_clear(),
 * whatever this returns.
 */
gboolean
_ent_report_init (EntReport               *report,
                  const EntReportOptions  *options,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  EntGraph *graph = options->graph;
  g_autoptr(GHashTable) hidden_entities = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) hidden_relations = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GArray *entries;

  memset (report, 0, sizeof *report);
  report->options = options;
  report->graph = graph;
  report->title = g_strdup (options->title != NULL && options->title[0] != '\0' ? options->title : _("Network"));
  /* Translators: the date a report is written, in g_date_time_format()'s notation */
  report->date = g_date_time_format (now, _("%-d %B %Y"));
  report->entities = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
  report->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
  report->unsourced = g_ptr_array_new ();
  report->disputed = g_ptr_array_new ();
  report->sources = g_array_new (FALSE, FALSE, sizeof (EntReportSource));

  if (options->scene != NULL && options->states != NULL)
    for (guint i = 0; i < ent_scene_get_n_items (options->scene); i++)
      if (options->states[i] & ENT_ITEM_STATE_HIDDEN)
        {
          const EntSceneItem *item = ent_scene_get_item (options->scene, i);

          g_hash_table_add (item->type == ENT_SCENE_ITEM_NODE ? hidden_entities : hidden_relations,
                            (gpointer) &item->id);
        }

  entries = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (graph->entities, i);
      SortEntry entry = { 0 };

      if (g_hash_table_contains (hidden_entities, &entity->id))
        continue;
      entry.claim = claim_new (graph, entity, NULL);
      entry.group = kind_group (graph, entity);
      entry.keys[0] = collate_key (entity->name);
      g_array_append_val (entries, entry);
      g_ptr_array_add (report->entities, entry.claim);
    }
  sort_claims (report->entities, entries);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  entries = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  for (guint i = 0; i < graph->relations->len; i++)
    {
      EntRelation *relation = g_ptr_array_index (graph->relations, i);
      EntEntity *from = ent_graph_get_entity (graph, relation->from_id);
      EntEntity *to = ent_graph_get_entity (graph, relation->to_id);
      SortEntry entry = { 0 };

      /* A relation is not shown without both its ends. */
      if (g_hash_table_contains (hidden_relations, &relation->id) ||
          g_hash_table_contains (hidden_entities, &relation->from_id) ||
          g_hash_table_contains (hidden_entities, &relation->to_id))
        continue;
      entry.claim = claim_new (graph, NULL, relation);
      entry.keys[0] = collate_key (from != NULL ? from->name : NULL);
      entry.keys[1] = collate_key (to != NULL ? to->name : NULL);
      entry.keys[2] = collate_key (relation->label);
      g_array_append_val (entries, entry);
      g_ptr_array_add (report->relations, entry.claim);
    }
  sort_claims (report->relations, entries);

  for (guint list = 0; list < 2; list++)
    {
      GPtrArray *claims = list == 0 ? report->entities : report->relations;

      for (guint i = 0; i < claims->len; i++)
        {
          EntReportClaim *claim = g_ptr_array_index (claims, i);

          if (claim->supporting->len == 0)
            g_ptr_array_add (report->unsourced, claim);
          if (claim->disputing->len > 0)
            g_ptr_array_add (report->disputed, claim);
        }
    }

  count_sources (report);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

void
_ent_report_clear (EntReport *report)
{
  g_clear_pointer (&report->unsourced, g_ptr_array_unref);
  g_clear_pointer (&report->disputed, g_ptr_array_unref);
  g_clear_pointer (&report->entities, g_ptr_array_unref);
  g_clear_pointer (&report->relations, g_ptr_array_unref);
  g_clear_pointer (&report->sources, g_array_unref);
  g_clear_pointer (&report->title, g_free);
  g_clear_pointer (&report->date, g_free);
}

/* The label of @entity's kind as the network names it. */
const char *
_ent_report_kind_label (EntReport       *report,
                        const EntEntity *entity)
{
  EntKindInfo *kind = ent_graph_get_kind (report->graph, ent_entity_get_kind_key (entity));

  if (kind != NULL && kind->label != NULL && kind->label[0] != '\0')
    return kind->label;
  return ent_kind_get_label (entity->kind);
}

/* An entity's name, or a relation as "A — label → B" ("A — label — B" when it has no direction). */
char *
_ent_report_claim_name (EntReport            *report,
                        const EntReportClaim *claim)
{
  const EntRelation *relation = claim->relation;
  EntEntity *from, *to;
  const char *label;

  if (claim->entity != NULL)
    return g_strdup (claim->entity->name);

  from = ent_graph_get_entity (report->graph, relation->from_id);
  to = ent_graph_get_entity (report->graph, relation->to_id);
  label = relation->label != NULL && relation->label[0] != '\0' ? relation->label : relation->kind;
  if (relation->directed)
    /* Translators: a relation in a report: the entity it goes from, its label, the entity it goes to */
    return g_strdup_printf (_("%s — %s → %s"), from != NULL ? from->name : "?", label, to != NULL ? to->name : "?");
  /* Translators: a relation without a direction in a report: its two entities and its label */
  return g_strdup_printf (_("%s — %s — %s"), from != NULL ? from->name : "?", label, to != NULL ? to->name : "?");
}

/* What is said of a claim beside its name: an entity's kind (unless its heading says it) and role, the dates;
 * NULL for nothing. */
char *
_ent_report_claim_details (EntReport            *report,
                           const EntReportClaim *claim,
                           gboolean              with_kind)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char *start = claim->entity != NULL ? claim->entity->start_date : claim->relation->start_date;
  const char *end = claim->entity != NULL ? claim->entity->end_date : claim->relation->end_date;

  if (claim->entity != NULL)
    {
      if (with_kind)
        g_string_append (details, _ent_report_kind_label (report, claim->entity));
      if (claim->entity->role != NULL && claim->entity->role[0] != '\0')
        {
          if (details->len > 0)
            /* Translators: what separates the parts of a claim's details in a report */
            g_string_append (details, _(" · "));
          g_string_append (details, claim->entity->role);
        }
    }
  if ((start != NULL && start[0] != '\0') || (end != NULL && end[0] != '\0'))
    {
      g_autofree char *dates = ent_date_format_range (start != NULL && start[0] != '\0' ? start : NULL,
                                                      end != NULL && end[0] != '\0' ? end : NULL);

      if (details->len > 0)
        g_string_append (details, _(" · "));
      g_string_append (details, dates);
    }
  return details->len > 0 ? g_string_free (g_steal_pointer (&details), FALSE) : NULL;
}

/* A quote's text, shortened past ENT_REPORT_QUOTE_MAX_CHARS characters. */
char *
_ent_report_quote_text (const EntQuote *quote,
                        gboolean       *shortened)
{
  const char *text = quote->text != NULL ? quote->text : "";
  glong length = g_utf8_strlen (text, -1);

  g_autofree char *start = NULL;

  *shortened = length > ENT_REPORT_QUOTE_MAX_CHARS;
  if (!*shortened)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, ENT_REPORT_QUOTE_MAX_CHARS);
  return g_strconcat (start, "…", NULL);
}

/* A source as a report cites it: its title, publisher and date, those it has. */
char *
_ent_report_source_line (const EntSource *source)
{
  g_autoptr(GString) line = g_string_new (source->title);

  if (source->publisher != NULL && source->publisher[0] != '\0')
    /* Translators: what separates a source's title, publisher and date in a report */
    g_string_append_printf (line, _(", %s"), source->publisher);
  if (source->published != NULL && source->published[0] != '\0')
    {
      g_autofree char *date = ent_date_format (source->published);

      g_string_append_printf (line, _(", %s"), date);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Whether @url may be a link: a web address, never a script or a file of the reader's. */
gboolean
_ent_report_is_web_address (const char *url)
{
  return url != NULL && (g_ascii_strncasecmp (url, "https://", 8) == 0 || g_ascii_strncasecmp (url, "http://", 7) == 0);
}

/**
 * ent_report_write:
 * @options: the graph, the diagram, the items the filters leave out, the title and caption
 * @path: the file to write, .html (or .htm) or .pdf; replaced only once the new one is complete
 * @cancellable: (nullable): to give up, leaving no file
 * @error: return location for an error
 *
 * Writes the evidence report: the diagram, the claims no quote supports and
 * those a quote disputes, then every entity and relation with its quotes,
 * and the sources cited.
 */
gboolean
ent_report_write (const EntReportOptions  *options,
                  const char              *path,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autofree char *lower = NULL;
  g_autofree char *temporary = NULL;
  EntReport report;
  gboolean pdf, written;
  FILE *file;

  g_return_val_if_fail (options != NULL && options->graph != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  pdf = g_str_has_suffix (lower, ".pdf");
  if (!pdf && !g_str_has_suffix (lower, ".html") && !g_str_has_suffix (lower, ".htm"))
    {
      g_set_error (error, ENT_EXPORT_ERROR, ENT_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Cannot tell the format of “%s”: name the report .html or .pdf"), path);
      return FALSE;
    }

  if (!_ent_report_init (&report, options, cancellable, error))
    {
      _ent_report_clear (&report);
      return FALSE;
    }

  file = _ent_export_open_temporary (path, &temporary, error);
  if (file == NULL)
    {
      if (temporary != NULL)
        g_unlink (temporary);
      _ent_report_clear (&report);
      return FALSE;
    }

  if (pdf)
    written = _ent_report_write_pdf (&report, file, path, cancellable, error);
  else
    {
      g_autoptr(GString) html = g_string_new (NULL);

      written = _ent_report_write_html (&report, html, cancellable, error);
      if (written && fwrite (html->str, 1, html->len, file) != html->len)
        written = _ent_export_set_errno_error (error, path, errno);
    }
  _ent_report_clear (&report);

  /* A cancel at the last moment still leaves no file. */
  if (written && g_cancellable_set_error_if_cancelled (cancellable, error))
    written = FALSE;
  if (written)
    written = _ent_export_finish_temporary (file, temporary, path, error);
  else
    fclose (file);
  if (!written)
    g_unlink (temporary);
  return written;
}
