/* ent-entity-dialog.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-entity-dialog"

#include "config.h"

#include "ent-entity-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

struct _EntEntityDialog
{
  AdwWindow       parent_instance;

  EntGraph       *graph;
  /* The entity being edited, or 0 for a new one. */
  gint64          entity_id;
  /* The entity of the same kind and name that makes this one a duplicate. */
  gint64          duplicate_id;
  char           *problem;
  GtkWidget      *problem_row;

  GtkWidget      *confirm_button;
  AdwComboRow    *kind_row;
  AdwEntryRow    *name_row;
  AdwEntryRow    *role_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  GtkWidget      *problem_box;
  GtkLabel       *problem_label;
  GtkWidget      *open_button;
};

G_DEFINE_FINAL_TYPE (EntEntityDialog, ent_entity_dialog, ADW_TYPE_WINDOW)

enum {
  CONFIRMED,
  OPEN_EXISTING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Leading and trailing spaces are typing accidents, never meant. */
static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Optional fields are stored as NULL rather than as empty text. */
static char *
dup_optional (AdwEntryRow *row)
{
  char *text = dup_trimmed (row);

  if (*text == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static EntKind
get_kind (EntEntityDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < ENT_N_KINDS ? (EntKind) selected : ENT_KIND_PERSON;
}

/* Returns the entity of @kind named @name, ignoring case and the entity
 * being edited, or NULL. */
static EntEntity *
find_duplicate (EntEntityDialog *self,
                EntKind          kind,
                const char      *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  if (self->graph == NULL)
    return NULL;

  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *other = g_ptr_array_index (self->graph->entities, i);
      g_autofree char *other_trimmed = NULL;
      g_autofree char *other_folded = NULL;

      if (other->id == self->entity_id || other->kind != kind || other->name == NULL)
        continue;

      other_trimmed = g_strstrip (g_strdup (other->name));
      other_folded = g_utf8_casefold (other_trimmed, -1);
      if (g_str_equal (folded, other_folded))
        return other;
    }

  return NULL;
}

static void
set_problem (EntEntityDialog *self,
             GtkWidget       *row,
             char            *problem)
{
  if (self->problem_row != NULL)
    gtk_widget_remove_css_class (self->problem_row, "error");

  g_free (self->problem);
  self->problem = problem;
  self->problem_row = row;

  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (self->problem_box, problem != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_set_visible (self->open_button, self->duplicate_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entity-dialog.confirm", problem == NULL);
}

static void
validate (EntEntityDialog *self)
{
  g_autofree char *name = dup_trimmed (self->name_row);
  g_autofree char *start = dup_optional (self->start_row);
  g_autofree char *end = dup_optional (self->end_row);
  EntKind kind = get_kind (self);
  EntEntity *duplicate;

  self->duplicate_id = 0;

  if (*name == '\0')
    {
      set_problem (self, GTK_WIDGET (self->name_row), g_strdup (_("A name is required")));
      return;
    }

  if (start != NULL && !ent_date_is_valid (start))
    {
      set_problem (self, GTK_WIDGET (self->start_row),
                   g_strdup (_("Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD")));
      return;
    }

  if (end != NULL && !ent_date_is_valid (end))
    {
      set_problem (self, GTK_WIDGET (self->end_row),
                   g_strdup (_("Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD")));
      return;
    }

  if (start != NULL && end != NULL && ent_date_is_before (end, start))
    {
      set_problem (self, GTK_WIDGET (self->end_row),
                   g_strdup (_("The end date is before the start date")));
      return;
    }

  duplicate = find_duplicate (self, kind, name);
  if (duplicate != NULL)
    {
      g_autofree char *kind_label = g_utf8_strdown (ent_kind_get_label (kind), -1);

      self->duplicate_id = duplicate->id;
      /* Translators: the first %s is a kind of entity in lower case, such as
       * "country"; the second is the name the user typed. */
      set_problem (self, GTK_WIDGET (self->name_row),
                   g_strdup_printf (_("There is already a %s named “%s”"), kind_label, duplicate->name));
      return;
    }

  set_problem (self, NULL, NULL);
}

static void
field_changed_cb (EntEntityDialog *self)
{
  validate (self);
}

static void
kind_changed_cb (EntEntityDialog *self)
{
  /* Only people hold an office or a position. */
  gtk_widget_set_visible (GTK_WIDGET (self->role_row), get_kind (self) == ENT_KIND_PERSON);
  validate (self);
}

static void
entry_activated_cb (EntEntityDialog *self)
{
  /* The action is disabled while the dialog is invalid, so Enter then does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (self), "entity-dialog.confirm", NULL);
}

static void
open_clicked_cb (EntEntityDialog *self)
{
  if (self->duplicate_id != 0)
    g_signal_emit (self, signals[OPEN_EXISTING], 0, self->duplicate_id);
}

static void
confirm_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntEntityDialog *self = ENT_ENTITY_DIALOG (widget);

  if (self->problem == NULL)
    g_signal_emit (self, signals[CONFIRMED], 0);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * ent_entity_dialog_new:
 * @parent: the window the dialog belongs to
 * @graph: the network, to find duplicate names in
 * @entity: (nullable): the entity to edit, or %NULL to add a new one
 *
 * The dialog writes nothing: once it emits #EntEntityDialog::confirmed, the
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

  if (entity != NULL)
    {
      self->entity_id = entity->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Entity"));
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Save"));
      adw_combo_row_set_selected (self->kind_row, entity->kind);
      set_row_text (self->name_row, entity->name);
      set_row_text (self->role_row, entity->role);
      set_row_text (self->description_row, entity->description);
      set_row_text (self->start_row, entity->start_date);
      set_row_text (self->end_row, entity->end_date);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Entity"));
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Add"));
    }

  validate (self);

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
  entity->name = dup_trimmed (self->name_row);
  /* A role typed before the kind changed from person is hidden, so it is
   * not kept either. */
  if (entity->kind == ENT_KIND_PERSON)
    entity->role = dup_optional (self->role_row);
  entity->description = dup_optional (self->description_row);
  entity->start_date = dup_optional (self->start_row);
  entity->end_date = dup_optional (self->end_row);
  entity->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return entity;
}

/**
 * ent_entity_dialog_is_valid:
 * @self: a #EntEntityDialog
 *
 * Returns: whether the entity as entered can be saved
 */
gboolean
ent_entity_dialog_is_valid (EntEntityDialog *self)
{
  g_return_val_if_fail (ENT_IS_ENTITY_DIALOG (self), FALSE);

  return self->problem == NULL;
}

/**
 * ent_entity_dialog_get_problem:
 * @self: a #EntEntityDialog
 *
 * Returns: (nullable): why the entity cannot be saved, as shown to the user,
 *   or %NULL when it can
 */
const char *
ent_entity_dialog_get_problem (EntEntityDialog *self)
{
  g_return_val_if_fail (ENT_IS_ENTITY_DIALOG (self), NULL);

  return self->problem;
}

static void
ent_entity_dialog_dispose (GObject *object)
{
  EntEntityDialog *self = (EntEntityDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_ENTITY_DIALOG);
  self->problem_row = NULL;
  g_clear_pointer (&self->graph, ent_graph_unref);

  G_OBJECT_CLASS (ent_entity_dialog_parent_class)->dispose (object);
}

static void
ent_entity_dialog_finalize (GObject *object)
{
  EntEntityDialog *self = (EntEntityDialog *)object;

  g_free (self->problem);

  G_OBJECT_CLASS (ent_entity_dialog_parent_class)->finalize (object);
}

static void
ent_entity_dialog_class_init (EntEntityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_entity_dialog_dispose;
  object_class->finalize = ent_entity_dialog_finalize;

  /**
   * EntEntityDialog::confirmed:
   * @self: a #EntEntityDialog
   *
   * The user accepted a valid entity; read it with ent_entity_dialog_dup_entity().
   */
  signals[CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

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

  gtk_widget_class_install_action (widget_class, "entity-dialog.confirm", NULL, confirm_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-entity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, EntEntityDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
}

static void
ent_entity_dialog_init (EntEntityDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows follow EntKind, so a row's position is its kind. */
  for (EntKind kind = 0; kind < ENT_N_KINDS; kind++)
    gtk_string_list_append (kinds, ent_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}
