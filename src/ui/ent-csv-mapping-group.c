/* ent-csv-mapping-group.c: the mapping step of a CSV file: what it lists and what each column stands for
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-import"

#include "config.h"

#include "ent-csv-mapping-group.h"
#include "ent-data.h"

#include <glib/gi18n.h>

/* How many of a column's first values its row shows, and how long they may be together. */
#define N_SAMPLES     3
#define SAMPLE_LENGTH 60

struct _EntCsvMappingGroup
{
  AdwPreferencesGroup  parent_instance;

  char                *path;
  EntCsvPreview       *preview;
  EntCsvMapping       *mapping;
  AdwComboRow         *table_row;
  /* AdwComboRow, one a column */
  GPtrArray           *column_rows;
};

G_DEFINE_FINAL_TYPE (EntCsvMappingGroup, ent_csv_mapping_group, ADW_TYPE_PREFERENCES_GROUP)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  EntCsvRole  role;
  const char *label;
} RoleChoice;

/* The roles a column of each kind of list may have, in the order the drop-downs list them. */
static const RoleChoice node_roles[] = {
  { ENT_CSV_ROLE_PROPERTY, N_("Property") },
  { ENT_CSV_ROLE_IGNORE, N_("Left Out") },
  { ENT_CSV_ROLE_ID, N_("Id") },
  { ENT_CSV_ROLE_NAME, N_("Name") },
  { ENT_CSV_ROLE_KIND, N_("Kind") },
  { ENT_CSV_ROLE_DESCRIPTION, N_("Description") },
  { ENT_CSV_ROLE_ROLE, N_("Role") },
  { ENT_CSV_ROLE_START, N_("Start Date") },
  { ENT_CSV_ROLE_END, N_("End Date") },
  { ENT_CSV_ROLE_QUOTES, N_("Quotes") },
  { ENT_CSV_ROLE_QUOTE_SOURCES, N_("Sources of the Quotes") },
};

static const RoleChoice edge_roles[] = {
  { ENT_CSV_ROLE_PROPERTY, N_("Property") },
  { ENT_CSV_ROLE_IGNORE, N_("Left Out") },
  { ENT_CSV_ROLE_SOURCE, N_("Source") },
  { ENT_CSV_ROLE_TARGET, N_("Target") },
  { ENT_CSV_ROLE_SOURCE_NAME, N_("Name of the Source") },
  { ENT_CSV_ROLE_TARGET_NAME, N_("Name of the Target") },
  { ENT_CSV_ROLE_KIND, N_("Kind") },
  { ENT_CSV_ROLE_LABEL, N_("Label") },
  { ENT_CSV_ROLE_DIRECTED, N_("Direction") },
  { ENT_CSV_ROLE_START, N_("Start Date") },
  { ENT_CSV_ROLE_END, N_("End Date") },
  { ENT_CSV_ROLE_QUOTES, N_("Quotes") },
  { ENT_CSV_ROLE_QUOTE_SOURCES, N_("Sources of the Quotes") },
  { ENT_CSV_ROLE_ID, N_("Id") },
};

static const RoleChoice *
roles_of (EntCsvTable  table,
          guint       *n_roles)
{
  *n_roles = table == ENT_CSV_EDGES ? G_N_ELEMENTS (edge_roles) : G_N_ELEMENTS (node_roles);
  return table == ENT_CSV_EDGES ? edge_roles : node_roles;
}

/* The first values of @column, for the person to see what it holds. */
static char *
samples_of (EntCsvMappingGroup *self,
            guint               column)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < self->preview->records->len && n < N_SAMPLES; i++)
    {
      GStrv record = g_ptr_array_index (self->preview->records, i);

      if (record[column] == NULL || *record[column] == '\0')
        continue;
      if (n++ > 0)
        g_string_append (text, ", ");
      g_string_append (text, record[column]);
    }

  if (g_utf8_strlen (text->str, -1) > SAMPLE_LENGTH)
    {
      g_string_truncate (text, g_utf8_offset_to_pointer (text->str, SAMPLE_LENGTH) - text->str);
      g_string_append (text, "…");
    }
  /* A line end in a value would make the row as tall as the value. */
  g_strdelimit (text->str, "\r\n\t", ' ');
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
column_changed_cb (AdwComboRow        *row,
                   GParamSpec         *pspec,
                   EntCsvMappingGroup *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint n_roles;
  const RoleChoice *roles = roles_of (self->mapping->table, &n_roles);
  guint selected = adw_combo_row_get_selected (row);

  if (selected < n_roles)
    self->mapping->roles[column] = roles[selected].role;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Shows the roles of the mapping's table in every column's drop-down, each at its column's role. */
static void
show_mapping (EntCsvMappingGroup *self)
{
  guint n_roles;
  const RoleChoice *roles = roles_of (self->mapping->table, &n_roles);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_roles; i++)
    gtk_string_list_append (labels, _(roles[i].label));

  for (guint column = 0; column < self->column_rows->len; column++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, column);
      guint selected = 0;

      for (guint i = 0; i < n_roles; i++)
        if (roles[i].role == self->mapping->roles[column])
          selected = i;
      /* A role the table has not got stands for a property. */
      self->mapping->roles[column] = roles[selected].role;

      g_signal_handlers_block_by_func (row, column_changed_cb, self);
      adw_combo_row_set_model (row, G_LIST_MODEL (labels));
      adw_combo_row_set_selected (row, selected);
      g_signal_handlers_unblock_by_func (row, column_changed_cb, self);
    }
}

static void
table_changed_cb (AdwComboRow        *row,
                  GParamSpec         *pspec,
                  EntCsvMappingGroup *self)
{
  EntCsvTable table = adw_combo_row_get_selected (row) == 1 ? ENT_CSV_EDGES : ENT_CSV_NODES;

  if (table == self->mapping->table)
    return;

  /* The headers say more of a column's role in the other kind of list than the roles chosen so far. */
  g_clear_pointer (&self->mapping, ent_csv_mapping_free);
  self->mapping = ent_csv_guess_mapping (table, self->preview);
  show_mapping (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ent_csv_mapping_group_finalize (GObject *object)
{
  EntCsvMappingGroup *self = ENT_CSV_MAPPING_GROUP (object);

  g_free (self->path);
  g_clear_pointer (&self->preview, ent_csv_preview_free);
  g_clear_pointer (&self->mapping, ent_csv_mapping_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ent_csv_mapping_group_parent_class)->finalize (object);
}

static void
ent_csv_mapping_group_class_init (EntCsvMappingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ent_csv_mapping_group_finalize;

  /**
   * EntCsvMappingGroup::changed:
   *
   * Emitted when the person changes what the file lists or a column's role.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ent_csv_mapping_group_init (EntCsvMappingGroup *self)
{
  self->column_rows = g_ptr_array_new ();
}

/**
 * ent_csv_mapping_group_new:
 * @path: the CSV file
 * @preview: (transfer full): its start, from ent_csv_preview()
 *
 * Returns: (transfer floating): a group of rows: what the file lists, and a
 *   row for each column with its first values and a drop-down of its role,
 *   as guessed from the headers until the person changes them
 */
GtkWidget *
ent_csv_mapping_group_new (const char    *path,
                           EntCsvPreview *preview)
{
  EntCsvMappingGroup *self = g_object_new (ENT_TYPE_CSV_MAPPING_GROUP, NULL);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GtkStringList) tables = gtk_string_list_new (NULL);

  self->path = g_strdup (path);
  self->preview = preview;
  self->mapping = ent_data_guess_csv (preview);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), name);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Columns that are no field of Entente’s come in as properties"));

  self->table_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->table_row), _("The File Lists"));
  gtk_string_list_append (tables, _("Entities"));
  gtk_string_list_append (tables, _("Relations"));
  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (tables));
  adw_combo_row_set_selected (self->table_row, self->mapping->table == ENT_CSV_EDGES ? 1 : 0);
  g_signal_connect (self->table_row, "notify::selected", G_CALLBACK (table_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->table_row));

  for (guint column = 0; preview->headers[column] != NULL; column++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *samples = samples_of (self, column);
      const char *header = *preview->headers[column] != '\0' ? preview->headers[column] : _("(no header)");

      /* Headers and values are the file's: text, never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), header);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (column));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);
      g_ptr_array_add (self->column_rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (row));
    }

  show_mapping (self);
  return GTK_WIDGET (self);
}

const char *
ent_csv_mapping_group_get_path (EntCsvMappingGroup *self)
{
  g_return_val_if_fail (ENT_IS_CSV_MAPPING_GROUP (self), NULL);

  return self->path;
}

/* Returns: (transfer none): the mapping as the person has chosen it */
EntCsvMapping *
ent_csv_mapping_group_get_mapping (EntCsvMappingGroup *self)
{
  g_return_val_if_fail (ENT_IS_CSV_MAPPING_GROUP (self), NULL);

  return self->mapping;
}

static gboolean
has_role (EntCsvMapping *mapping,
          EntCsvRole     role)
{
  for (guint i = 0; i < mapping->n_columns; i++)
    if (mapping->roles[i] == role)
      return TRUE;
  return FALSE;
}

/* Returns: (nullable): what keeps the file from being imported as mapped, for people */
const char *
ent_csv_mapping_group_get_problem (EntCsvMappingGroup *self)
{
  g_return_val_if_fail (ENT_IS_CSV_MAPPING_GROUP (self), NULL);

  if (self->mapping->table == ENT_CSV_NODES && !has_role (self->mapping, ENT_CSV_ROLE_NAME))
    return _("Choose the column that holds the entities’ names");
  if (self->mapping->table == ENT_CSV_EDGES &&
      (!has_role (self->mapping, ENT_CSV_ROLE_SOURCE) || !has_role (self->mapping, ENT_CSV_ROLE_TARGET)))
    return _("Choose the columns that hold each relation’s source and target");
  return NULL;
}
