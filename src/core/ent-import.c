/* ent-import.c: what an importer read, its kinds and its problems, and how names compare
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import"

#include "config.h"

#include "ent-import.h"

#include <glib/gi18n-lib.h>

/* At most this many problems are kept: a broken file would otherwise list every one of its lines. */
#define MAX_PROBLEMS 1000

/* Kinds a file brings get the looks that follow, in turn, so that no two of the first dozen look alike
 * and none looks like a built-in kind: colours from GNOME's palette the built-in kinds leave. */
static const struct {
  const char *shape;
  const char *color;
  const char *dark_color;
} new_kind_looks[] = {
  { "diamond", "#2ec27e", "#8ff0a4" },
  { "hexagon", "#e66100", "#ffbe6f" },
  { "circle", "#9141ac", "#dc8add" },
  { "card", "#1a5fb4", "#99c1f1" },
  { "rounded-rectangle", "#a51d2d", "#ff7b63" },
  { "ellipse", "#63452c", "#b5835a" },
  { "pin", "#3d3846", "#c0bfbc" },
  { "rectangle", "#26a269", "#33d17a" },
  { "diamond", "#5e5c64", "#deddda" },
  { "hexagon", "#1c71d8", "#62a0ea" },
  { "circle", "#e5a50a", "#f9f06b" },
  { "card", "#613583", "#c061cb" },
};

G_DEFINE_QUARK (ent-import-error-quark, ent_import_error)

void
ent_import_layout_free (EntImportLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->engine);
  g_clear_pointer (&layout->positions, g_array_unref);
  g_free (layout);
}

void
ent_import_problem_free (EntImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

/* The kind a type names: a built-in one, or one of the import's own by its key. */
typedef struct
{
  EntKind  kind;
  char    *key;
} KindChoice;

static void
kind_choice_free (KindChoice *choice)
{
  g_free (choice->key);
  g_free (choice);
}

EntImport *
ent_import_new (void)
{
  EntImport *self = g_new0 (EntImport, 1);

  self->graph = ent_graph_new ();
  self->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_import_layout_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ent_import_problem_free);
  self->types = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->kinds_of_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) kind_choice_free);
  return self;
}

void
ent_import_free (EntImport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->types, g_hash_table_unref);
  g_clear_pointer (&self->kinds_of_types, g_hash_table_unref);
  g_free (self->type_key);
  g_free (self);
}

/**
 * ent_import_add_problem:
 * @self: an import
 * @line: the line of the file the problem is on, counting from 1, or 0
 * @format: what was skipped and why, for people
 *
 * Notes something the importer skipped. Past a thousand problems only the
 * first thousand are kept, and the last one says how many more there were.
 */
void
ent_import_add_problem (EntImport  *self,
                        guint64     line,
                        const char *format,
                        ...)
{
  EntImportProblem *problem;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  if (self->problems->len > MAX_PROBLEMS)
    return;

  problem = g_new0 (EntImportProblem, 1);
  problem->line = line;
  if (self->problems->len == MAX_PROBLEMS)
    problem->message = g_strdup (_("More problems were found than are listed"));
  else
    {
      va_start (args, format);
      problem->message = g_strdup_vprintf (format, args);
      va_end (args);
    }
  g_ptr_array_add (self->problems, problem);
}

/**
 * ent_import_fold_name:
 * @name: a name
 *
 * Folds @name as names compare when they are matched: case, diacritics and
 * the white space within and around it do not count ("  Sergei  ALEINIK"
 * and "Sergéi Aleinik" fold the same).
 *
 * Returns: (transfer full): the folded name
 */
char *
ent_import_fold_name (const char *name)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (name != NULL, NULL);

  decomposed = g_utf8_normalize (name, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (decomposed, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c) && g_unichar_combining_class (c) != 0)
        continue;
      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Whether @type names the built-in @kind: its key or its label, in English or translated, in any case. */
static gboolean
is_builtin_kind (const char *folded,
                 EntKind     kind)
{
  g_autofree char *key = ent_import_fold_name (ent_kind_to_string (kind));
  g_autofree char *label = ent_import_fold_name (ent_kind_get_label (kind));

  if (g_str_equal (folded, key) || g_str_equal (folded, label))
    return TRUE;
  return kind == ENT_KIND_ORGANISATION && g_str_equal (folded, "organization");
}

/* A key for a new kind: the folded type with runs of anything but letters and digits made one '-'. */
static char *
make_kind_key (const char *folded)
{
  GString *key = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = folded; *p != '\0' && key->len < 190; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash && key->len > 0)
            g_string_append_c (key, '-');
          dash = FALSE;
          g_string_append_unichar (key, c);
        }
      else
        dash = TRUE;
    }
  if (key->len == 0)
    g_string_append (key, "kind");
  return g_string_free (key, FALSE);
}

/**
 * ent_import_set_kind:
 * @self: an import
 * @entity: an entity of the import
 * @type: (nullable): the entity's type as the file says it
 *
 * Gives @entity the built-in kind @type names, or else a kind of the
 * import's own for @type, added to the import's kinds the first time with a
 * look no other new kind has. Entities without a type are of the kind
 * "entity". The import keeps @type, for ent_import_set_type_key() to put
 * back as a property when the entities take their kinds from another key.
 */
void
ent_import_set_kind (EntImport  *self,
                     EntEntity  *entity,
                     const char *type)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *key = NULL;
  KindChoice *choice;
  EntKindInfo *info;

  g_return_if_fail (self != NULL);
  g_return_if_fail (entity != NULL);

  trimmed = g_strstrip (g_strdup (type != NULL ? type : ""));
  if (g_utf8_strlen (trimmed, -1) > 200)
    *g_utf8_offset_to_pointer (trimmed, 200) = '\0';
  if (*trimmed != '\0')
    g_hash_table_replace (self->types, entity, g_strdup (trimmed));
  else
    g_hash_table_remove (self->types, entity);

  /* A type seen before has its kind, unless that was one of the import's own that has gone since. */
  choice = g_hash_table_lookup (self->kinds_of_types, trimmed);
  if (choice != NULL && (choice->key == NULL || ent_graph_get_kind (self->graph, choice->key) != NULL))
    {
      entity->kind = choice->kind;
      g_free (entity->kind_key);
      entity->kind_key = g_strdup (choice->key);
      return;
    }

  choice = g_new0 (KindChoice, 1);
  g_hash_table_replace (self->kinds_of_types, g_strdup (trimmed), choice);
  folded = ent_import_fold_name (trimmed);
  for (EntKind kind = 0; kind < ENT_N_KINDS; kind++)
    if (*folded != '\0' && is_builtin_kind (folded, kind))
      {
        choice->kind = entity->kind = kind;
        g_clear_pointer (&entity->kind_key, g_free);
        return;
      }

  key = *folded != '\0' ? make_kind_key (folded) : g_strdup ("entity");
  choice->kind = entity->kind = ENT_KIND_ORGANISATION;
  choice->key = g_strdup (key);
  g_free (entity->kind_key);
  entity->kind_key = g_strdup (key);

  if (ent_graph_get_kind (self->graph, key) != NULL)
    return;

  info = g_new0 (EntKindInfo, 1);
  info->key = g_steal_pointer (&key);
  if (*trimmed != '\0')
    {
      guint look = self->graph->kinds->len % G_N_ELEMENTS (new_kind_looks);

      info->label = g_steal_pointer (&trimmed);
      info->shape = g_strdup (new_kind_looks[look].shape);
      info->color = g_strdup (new_kind_looks[look].color);
      info->dark_color = g_strdup (new_kind_looks[look].dark_color);
    }
  else
    {
      /* Translators: the kind of imported entities whose file gives them no type */
      info->label = g_strdup (_("Entity"));
      info->shape = g_strdup ("circle");
      info->color = g_strdup ("#77767b");
      info->dark_color = g_strdup ("#9a9996");
    }
  info->glyph = g_strdup ("dot");
  ent_graph_take_kind (self->graph, info);
}

/**
 * ent_import_add_layout:
 * @self: an import
 * @engine: the layout engine that placed the positions
 *
 * Returns: (transfer none): the positions of @engine's layout, empty, for
 *   the importer to fill
 */
GArray *
ent_import_add_layout (EntImport  *self,
                       const char *engine)
{
  EntImportLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (engine != NULL, NULL);

  for (guint i = 0; i < self->layouts->len; i++)
    {
      layout = g_ptr_array_index (self->layouts, i);
      if (g_str_equal (layout->engine, engine))
        return layout->positions;
    }

  layout = g_new0 (EntImportLayout, 1);
  layout->engine = g_strdup (engine);
  layout->positions = g_array_new (FALSE, FALSE, sizeof (EntPosition));
  g_ptr_array_add (self->layouts, layout);
  return layout->positions;
}

static char *
match_key (const EntEntity *entity)
{
  g_autofree char *folded = ent_import_fold_name (entity->name != NULL ? entity->name : "");
  const char *kind = ent_entity_get_kind_key (entity);

  return g_strconcat (kind, "\n", folded, NULL);
}

/**
 * ent_import_find_matches:
 * @self: an import
 * @existing: the network it is to go into
 *
 * Finds the imported entities that are most likely ones @existing has
 * already: the same kind, and the same name but for case, spacing and
 * diacritics. Each match is to be merged until the person decides
 * otherwise.
 *
 * Returns: (transfer full) (element-type EntImportMatch): the matches, in
 *   the import's order
 */
GArray *
ent_import_find_matches (EntImport *self,
                         EntGraph  *existing)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (EntImportMatch));

  g_return_val_if_fail (self != NULL, matches);
  g_return_val_if_fail (existing != NULL, matches);

  for (guint i = 0; i < existing->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (existing->entities, i);
      char *key = match_key (entity);

      /* The first of several same-named entities is the one to merge into. */
      if (g_hash_table_contains (names, key))
        g_free (key);
      else
        g_hash_table_insert (names, key, entity);
    }

  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->graph->entities, i);
      g_autofree char *key = match_key (entity);
      EntEntity *other = g_hash_table_lookup (names, key);

      if (other != NULL)
        {
          EntImportMatch match = { entity->id, other->id, ENT_IMPORT_MERGE };
          g_array_append_val (matches, match);
        }
    }

  return matches;
}
