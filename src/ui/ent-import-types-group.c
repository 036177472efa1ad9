/* ent-import-types-group.c: the step of an import where a person chooses which key gives the entities their kinds
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import-types-group"

#include "config.h"

#include "ent-import-types-group.h"
#include "ent-style.h"

#include <glib/gi18n.h>

/* How many kinds are listed by name; the rest are counted. */
#define MAX_KIND_ROWS 12

struct _EntImportTypesGroup
{
  AdwPreferencesGroup  parent_instance;

  /* The dialog's, which outlives this step. */
  EntImport           *import;
  GPtrArray           *keys;      /* the keys the combo row lists, before its last item (none) */
  AdwComboRow         *key_row;
  GPtrArray           *kind_rows; /* AdwActionRow */
  gboolean             filling;
};

G_DEFINE_FINAL_TYPE (EntImportTypesGroup, ent_import_types_group, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  const char *label;
  guint       count;
} KindCount;

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const KindCount *first = a, *second = b;

  if (first->count != second->count)
    return first->count > second->count ? -1 : 1;
  return g_utf8_collate (first->label, second->label);
}

/* Lists the kinds the entities have now, the most common first, with how many of each. */
static void
show_kinds (EntImportTypesGroup *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KindCount));
  GHashTableIter iter;
  gpointer label, number;

  for (guint i = 0; i < self->kind_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->kind_rows, i));
  g_ptr_array_set_size (self->kind_rows, 0);

  for (guint i = 0; i < self->import->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->import->graph->entities, i);
      const char *kind = ent_style_entity_kind_label (self->import->graph, entity);

      guint count_before = GPOINTER_TO_UINT (g_hash_table_lookup (counts, kind));

      g_hash_table_insert (counts, (gpointer) kind, GUINT_TO_POINTER (count_before + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &label, &number))
    {
      KindCount entry = { label, GPOINTER_TO_UINT (number) };

      g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_counts);

  for (guint i = 0; i < sorted->len && i <= MAX_KIND_ROWS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      guint count = g_array_index (sorted, KindCount, i).count;

      if (i < MAX_KIND_ROWS)
        title = g_strdup (g_array_index (sorted, KindCount, i).label);
      else
        {
          guint more = sorted->len - MAX_KIND_ROWS;

          for (guint j = i + 1; j < sorted->len; j++)
            count += g_array_index (sorted, KindCount, j).count;
          /* Translators: the last row of the kinds an import gives, for those not listed by name */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more kind", "%u more kinds", more), more);
        }
      /* Translators: how many imported entities are of a kind */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entity", "%u entities", count), count);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->kind_rows, row);
    }
}

static void
key_selected_cb (AdwComboRow         *row,
                 GParamSpec          *pspec,
                 EntImportTypesGroup *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->import == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  ent_import_set_type_key (self->import, selected < self->keys->len ? g_ptr_array_index (self->keys, selected) : NULL);
  show_kinds (self);
}

/**
 * ent_import_types_group_set_import:
 * @self: the group
 * @import: what was read, which the group changes as the person chooses
 *
 * Offers the keys @import's entities may take their kinds from, the one
 * they have them from now chosen.
 */
void
ent_import_types_group_set_import (EntImportTypesGroup *self,
                                   EntImport           *import)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (ENT_IS_IMPORT_TYPES_GROUP (self));

  self->import = import;
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  /* Copied: the import's keys are its properties', which choosing another key frees. */
  self->keys = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr(GPtrArray) keys = ent_import_get_type_keys (import);

    for (guint i = 0; i < keys->len; i++)
      {
        g_ptr_array_add (self->keys, g_strdup (keys->pdata[i]));
        gtk_string_list_append (names, keys->pdata[i]);
      }
  }
  /* Translators: the choice of an import's key for the entities' kinds that gives them none */
  gtk_string_list_append (names, _("None: one kind for all"));

  self->filling = TRUE;
  adw_combo_row_set_model (self->key_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->key_row, import->type_key != NULL ? 0 : self->keys->len);
  self->filling = FALSE;
  show_kinds (self);
}

static void
ent_import_types_group_finalize (GObject *object)
{
  EntImportTypesGroup *self = ENT_IMPORT_TYPES_GROUP (object);

  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_pointer (&self->kind_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (ent_import_types_group_parent_class)->finalize (object);
}

static void
ent_import_types_group_class_init (EntImportTypesGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ent_import_types_group_finalize;
}

static void
ent_import_types_group_init (EntImportTypesGroup *self)
{
  self->kind_rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Kinds"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Which of the file’s keys gives each entity its kind; the others stay its "
                                           "properties"));

  self->key_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), _("_Kinds From"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->key_row), TRUE);
  g_signal_connect (self->key_row, "notify::selected", G_CALLBACK (key_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->key_row));
}

GtkWidget *
ent_import_types_group_new (void)
{
  return g_object_new (ENT_TYPE_IMPORT_TYPES_GROUP, NULL);
}
