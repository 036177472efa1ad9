/* ent-entity-dialog.c: the dialog that adds or edits an entity
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-entity-dialog"

#include "config.h"

#include "ent-entity-dialog.h"
#include "ent-property-editor.h"
#include "ent-search.h"
#include "ent-store.h"
#include "ent-style.h"

#include <glib/gi18n.h>

struct _EntEntityDialog
{
  EntEditDialog   parent_instance;

  EntGraph       *graph;
  /* The keys of the kind row's rows, in its order: the graph's kinds. */
  GStrv           kind_keys;
  /* The entity being edited, or 0 for a new one. */
  gint64          entity_id;
  /* The entity of the same kind and name that makes this one a duplicate. */
  gint64          duplicate_id;

  AdwComboRow    *kind_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  GtkWidget      *open_button;
  EntPropertyEditor *property_editor;
  AdwPreferencesGroup *aliases_group;
  AdwEntryRow    *alias_row;
  /* The aliases as listed, each one once; a row of the aliases group stands for each, in this order. */
  GPtrArray      *aliases;
  /* Why the alias typed in alias_row was not taken, until it is changed. */
  char           *alias_problem;
};

G_DEFINE_FINAL_TYPE (EntEntityDialog, ent_entity_dialog, ENT_TYPE_EDIT_DIALOG)

enum {
  OPEN_EXISTING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_kind_key (EntEntityDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return self->kind_keys != NULL && selected < g_strv_length (self->kind_keys) ? self->kind_keys[selected]
                                                                               : ent_kind_to_string (ENT_KIND_PERSON);
}

/* The built-in kind of the chosen row; a kind the file added is stored as an organisation is. */
static EntKind
get_kind (EntEntityDialog *self)
{
  EntKind kind = ENT_KIND_ORGANISATION;

  ent_kind_from_string (get_kind_key (self), &kind);
  return kind;
}

/* Lists the graph's kinds, by the names they are shown by; a graph built in memory lists none, so the built-in ones. */
static void
fill_kind_row (EntEntityDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  for (guint i = 0; i < self->graph->kinds->len; i++)
    {
      const EntKindInfo *info = g_ptr_array_index (self->graph->kinds, i);

      gtk_string_list_append (labels, ent_style_kind_label (info));
      g_strv_builder_add (keys, info->key);
    }
  for (EntKind kind = 0; self->graph->kinds->len == 0 && kind < ENT_N_KINDS; kind++)
    {
      gtk_string_list_append (labels, ent_kind_get_label (kind));
      g_strv_builder_add (keys, ent_kind_to_string (kind));
    }

  self->kind_keys = g_strv_builder_end (keys);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

static void
select_kind (EntEntityDialog *self,
             const char      *key)
{
  for (guint i = 0; self->kind_keys[i] != NULL; i++)
    if (g_str_equal (self->kind_keys[i], key))
      adw_combo_row_set_selected (self->kind_row, i);
}

/* Each built-in kind has a sentence of its own, as languages inflect the
 * word for the kind and make other words agree with it; a kind the file
 * added is named as its label, which no sentence can agree with. */
static char *
dup_duplicate_problem (EntEntityDialog *self,
                       EntEntity       *duplicate)
{
  EntKind kind;

  if (!ent_kind_from_string (ent_entity_get_kind_key (duplicate), &kind))
    /* Translators: a kind the file added, e.g. "Airport", and the name an entity of it already has */
    return g_strdup_printf (_("There is already an entity of the kind “%s” named “%s”"),
                            ent_style_entity_kind_label (self->graph, duplicate), duplicate->name);

  switch (kind)
    {
    case ENT_KIND_COUNTRY:
      return g_strdup_printf (_("There is already a country named “%s”"), duplicate->name);
    case ENT_KIND_PLACE:
      return g_strdup_printf (_("There is already a place named “%s”"), duplicate->name);
    case ENT_KIND_COMMISSION:
      return g_strdup_printf (_("There is already a commission named “%s”"), duplicate->name);
    case ENT_KIND_ORGANISATION:
      return g_strdup_printf (_("There is already an organisation named “%s”"), duplicate->name);
    case ENT_KIND_COMMUNITY:
      return g_strdup_printf (_("There is already a community named “%s”"), duplicate->name);
    case ENT_KIND_SECTOR:
      return g_strdup_printf (_("There is already a sector named “%s”"), duplicate->name);
    case ENT_KIND_EVENT:
      return g_strdup_printf (_("There is already an event named “%s”"), duplicate->name);
    case ENT_KIND_PERSON:
    default:
      return g_strdup_printf (_("There is already a person named “%s”"), duplicate->name);
    }
}

static void
validate (EntEditDialog *dialog)
{
  EntEntityDialog *self = ENT_ENTITY_DIALOG (dialog);
  g_autofree char *name = ent_edit_dialog_dup_text (self->name_row);
  GtkWidget *date_row;
  const char *date_problem = ent_edit_dialog_check_dates (self->start_row, self->end_row, &date_row);
  GtkWidget *property_widget;
  g_autofree char *property_problem = ent_property_editor_dup_problem (self->property_editor, &property_widget);

  self->duplicate_id = 0;

  if (*name == '\0')
    {
      ent_edit_dialog_set_problem (dialog, GTK_WIDGET (self->name_row), _("A name is required"));
    }
  else if (date_problem != NULL)
    {
      ent_edit_dialog_set_problem (dialog, date_row, date_problem);
    }
  else if (property_problem != NULL)
    {
      ent_edit_dialog_set_problem (dialog, property_widget, property_problem);
    }
  else if (self->alias_problem != NULL)
    {
      ent_edit_dialog_set_problem (dialog, GTK_WIDGET (self->alias_row), self->alias_problem);
    }
  else
    {
      EntEntity *duplicate = self->graph != NULL ? ent_graph_find_same_name (self->graph, get_kind_key (self), name,
                                                                              self->entity_id)
                                                 : NULL;
      g_autofree char *problem = duplicate != NULL ? dup_duplicate_problem (self, duplicate) : NULL;

      self->duplicate_id = duplicate != NULL ? duplicate->id : 0;
      ent_edit_dialog_set_problem (dialog, problem != NULL ? GTK_WIDGET (self->name_row) : NULL, problem);
    }

  gtk_widget_set_visible (self->open_button, self->duplicate_id != 0);
}

static void
remove_alias_clicked_cb (GtkButton       *button,
                         EntEntityDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  g_return_if_fail (index >= 0 && (guint) index < self->aliases->len);

  g_ptr_array_remove_index (self->aliases, index);
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

/* A row for the alias at @index of the list, placed at that position, above the row that adds one. */
static void
insert_alias_row (EntEntityDialog *self,
                  guint            index)
{
  const char *alias = g_ptr_array_index (self->aliases, index);
  g_autofree char *remove_label = NULL;
  GtkWidget *row;
  GtkWidget *remove;

  /* Aliases are plain text ("AT&T"); markup is turned off before any is set. */
  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alias);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Alias"));
  /* Translators: what a screen reader says for the button that removes an alias, e.g. "Remove “Aleinik”" */
  remove_label = g_strdup_printf (_("Remove “%s”"), alias);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_alias_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  /* The group lists its rows in a list box of its own, the one the entry row is in. */
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->alias_row))), row, index);
}

static void
alias_changed_cb (EntEntityDialog *self)
{
  if (self->alias_problem == NULL)
    return;

  g_clear_pointer (&self->alias_problem, g_free);
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

/* Enter in the alias row adds what it holds, unless the entity has that alias already or the file would refuse it. */
static void
alias_activated_cb (EntEntityDialog *self)
{
  g_autofree char *alias = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->alias_row))));
  g_autoptr(GError) error = NULL;

  if (*alias == '\0')
    return;

  for (guint i = 0; i < self->aliases->len; i++)
    if (g_str_equal (g_ptr_array_index (self->aliases, i), alias))
      {
        gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
        return;
      }

  g_ptr_array_add (self->aliases, g_strdup (alias));
  if (!ent_store_check_aliases (self->aliases, &error))
    {
      g_ptr_array_remove_index (self->aliases, self->aliases->len - 1);
      g_free (self->alias_problem);
      self->alias_problem = g_strdup (error->message);
      ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
      return;
    }

  insert_alias_row (self, self->aliases->len - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

static void
kind_changed_cb (EntEntityDialog *self)
{
  /* Only people hold an office or a position. */
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), get_kind (self) == ENT_KIND_PERSON);
  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));
}

static void
open_clicked_cb (EntEntityDialog *self)
{
  if (self->duplicate_id != 0)
    g_signal_emit (self, signals[OPEN_EXISTING], 0, self->duplicate_id);
}

/**
 * ent_entity_dialog_new:
 * @parent: the window the dialog belongs to
 * @graph: the network, to find duplicate names in
 * @entity: (nullable): the entity to edit, or %NULL to add a new one
 *
 * The dialog writes nothing: once it emits #EntEditDialog::confirmed, the
 * caller reads ent_entity_dialog_dup_entity() and destroys it.
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
EntEntityDialog *
ent_entity_dialog_new (GtkWindow       *parent,
                       EntGraph        *graph,
                       const EntEntity *entity)
{
  EntEntityDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (graph != NULL, NULL);

  self = g_object_new (ENT_TYPE_ENTITY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->graph = ent_graph_ref (graph);
  fill_kind_row (self);

  if (entity != NULL)
    {
      /* An entity without an id is a new one, filled in beforehand: from a passage of a source, say. */
      self->entity_id = entity->id;
      if (entity->id != 0)
        ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), FALSE, _("Edit Entity"));
      else
        ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), TRUE, _("New Entity"));
      select_kind (self, ent_entity_get_kind_key (entity));
      ent_edit_dialog_set_text (self->name_row, entity->name);
      ent_edit_dialog_set_text (self->role_row, entity->role);
      ent_edit_dialog_set_text (self->description_row, entity->description);
      ent_edit_dialog_set_text (self->start_row, entity->start_date);
      ent_edit_dialog_set_text (self->end_row, entity->end_date);
      ent_property_editor_set_properties (self->property_editor, entity->properties);
      for (guint i = 0; entity->aliases != NULL && i < entity->aliases->len; i++)
        {
          g_ptr_array_add (self->aliases, g_strdup (g_ptr_array_index (entity->aliases, i)));
          insert_alias_row (self, i);
        }
    }
  else
    {
      ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), TRUE, _("New Entity"));
    }

  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));

  /* Typing starts in the first thing to fill in, not on the Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));

  return self;
}

/**
 * ent_entity_dialog_dup_entity:
 * @self: a #EntEntityDialog
 *
 * Returns: (transfer full): the entity as entered, with the edited entity's
 *   id or 0 for a new one; free with ent_entity_free()
 */
EntEntity *
ent_entity_dialog_dup_entity (EntEntityDialog *self)
{
  EntEntity *entity;

  g_return_val_if_fail (ENT_IS_ENTITY_DIALOG (self), NULL);

  entity = g_new0 (EntEntity, 1);
  entity->id = self->entity_id;
  entity->kind = get_kind (self);
  entity->kind_key = g_strdup (get_kind_key (self));
  entity->name = ent_edit_dialog_dup_text (self->name_row);
  /* A role typed before the kind changed from person is hidden, so it is
   * not kept either. */
  if (entity->kind == ENT_KIND_PERSON)
    entity->role = ent_edit_dialog_dup_optional_text (self->role_row);
  entity->description = ent_edit_dialog_dup_optional_text (self->description_row);
  entity->start_date = ent_edit_dialog_dup_optional_text (self->start_row);
  entity->end_date = ent_edit_dialog_dup_optional_text (self->end_row);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  entity->properties = ent_property_editor_dup_properties (self->property_editor);
  /* Always an array, so that aliases the user removed are removed from the file too. */
  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->aliases->len; i++)
    g_ptr_array_add (entity->aliases, g_strdup (g_ptr_array_index (self->aliases, i)));

  return entity;
}

static void
ent_entity_dialog_dispose (GObject *object)
{
  EntEntityDialog *self = (EntEntityDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_ENTITY_DIALOG);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_pointer (&self->kind_keys, g_strfreev);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->alias_problem, g_free);

  G_OBJECT_CLASS (ent_entity_dialog_parent_class)->dispose (object);
}

static void
ent_entity_dialog_class_init (EntEntityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EntEditDialogClass *edit_dialog_class = ENT_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = ent_entity_dialog_dispose;
  edit_dialog_class->validate = validate;

  /**
   * EntEntityDialog::open-existing:
   * @self: a #EntEntityDialog
   * @entity_id: the entity that already has the name and kind entered
   */
  signals[OPEN_EXISTING] =
    g_signal_new ("open-existing",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (ENT_TYPE_PROPERTY_EDITOR);
  ent_edit_dialog_class_set_template (edit_dialog_class, RESOURCE_PREFIX "/ent-entity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, property_editor);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, aliases_group);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, alias_row);
  gtk_widget_class_bind_template_callback (widget_class, alias_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, alias_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
}

static void
ent_entity_dialog_init (EntEntityDialog *self)
{
  self->aliases = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
