/* ent-relation-dialog.c
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-relation-dialog"

#include "config.h"

#include "ent-relation-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

/* Entity names run long ("India-Belarus Inter-governmental Commission on …"),
 * so pickers ellipsize them rather than widen the dialog. */
#define PICKED_NAME_CHARS 22
#define LISTED_NAME_CHARS 40

struct _EntRelationDialog
{
  AdwWindow       parent_instance;

  EntGraph       *graph;
  /* The relation being edited, or 0 for a new one. */
  gint64          relation_id;
  /* The entity id of each item of the pickers' model, in the same order. */
  GArray         *entity_ids;
  char           *problem;
  GtkWidget      *problem_row;

  GtkWidget      *confirm_button;
  GtkWidget      *from_row;
  GtkDropDown    *from_dropdown;
  GtkWidget      *to_row;
  GtkDropDown    *to_dropdown;
  AdwEntryRow    *kind_row;
  AdwEntryRow    *label_row;
  GtkSwitch      *directed_switch;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  GtkLabel       *problem_label;
};

G_DEFINE_FINAL_TYPE (EntRelationDialog, ent_relation_dialog, ADW_TYPE_WINDOW)

enum {
  CONFIRMED,
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

static gint64
get_picked_id (EntRelationDialog *self,
               GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected >= self->entity_ids->len)
    return 0;

  return g_array_index (self->entity_ids, gint64, selected);
}

static void
pick_entity (EntRelationDialog *self,
             GtkDropDown       *dropdown,
             gint64             entity_id)
{
  for (guint i = 0; i < self->entity_ids->len; i++)
    {
      if (g_array_index (self->entity_ids, gint64, i) == entity_id)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
}

static void
set_problem (EntRelationDialog *self,
             GtkWidget         *row,
             const char        *problem)
{
  if (self->problem_row != NULL)
    gtk_widget_remove_css_class (self->problem_row, "error");

  g_free (self->problem);
  self->problem = g_strdup (problem);
  self->problem_row = row;

  if (row != NULL)
    gtk_widget_add_css_class (row, "error");

  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "relation-dialog.confirm", problem == NULL);
}

static void
validate (EntRelationDialog *self)
{
  g_autofree char *kind = dup_trimmed (self->kind_row);
  g_autofree char *start = dup_optional (self->start_row);
  g_autofree char *end = dup_optional (self->end_row);

  /* An entity may relate to itself, so the two ends may be the same. */
  if (get_picked_id (self, self->from_dropdown) == 0)
    set_problem (self, self->from_row, _("Choose the entity the relation starts from"));
  else if (get_picked_id (self, self->to_dropdown) == 0)
    set_problem (self, self->to_row, _("Choose the entity the relation leads to"));
  else if (*kind == '\0')
    set_problem (self, GTK_WIDGET (self->kind_row), _("A kind of relation is required"));
  else if (start != NULL && !ent_date_is_valid (start))
    set_problem (self, GTK_WIDGET (self->start_row), _("Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD"));
  else if (end != NULL && !ent_date_is_valid (end))
    set_problem (self, GTK_WIDGET (self->end_row), _("Dates are written YYYY, YYYY-MM, YYYY-MM-DD or --MM-DD"));
  else if (start != NULL && end != NULL && ent_date_is_before (end, start))
    set_problem (self, GTK_WIDGET (self->end_row), _("The end date is before the start date"));
  else
    set_problem (self, NULL, NULL);
}

static void
field_changed_cb (EntRelationDialog *self)
{
  validate (self);
}

static void
entry_activated_cb (EntRelationDialog *self)
{
  /* The action is disabled while the dialog is invalid, so Enter then does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (self), "relation-dialog.confirm", NULL);
}

static void
confirm_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntRelationDialog *self = ENT_RELATION_DIALOG (widget);

  if (self->problem == NULL)
    g_signal_emit (self, signals[CONFIRMED], 0);
}

static void
setup_name_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (user_data));
  gtk_list_item_set_child (item, label);
}

static void
bind_name_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *name = gtk_string_object_get_string (string);

  gtk_label_set_label (GTK_LABEL (label), name);
  /* The whole name, for when it is ellipsized. */
  gtk_widget_set_tooltip_text (label, name);
}

static GtkListItemFactory *
create_name_factory (int max_width_chars)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_name_cb), GINT_TO_POINTER (max_width_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name_cb), NULL);

  return factory;
}

static int
compare_entities_by_name (gconstpointer a,
                          gconstpointer b)
{
  const EntEntity *entity_a = *(EntEntity * const *) a;
  const EntEntity *entity_b = *(EntEntity * const *) b;

  return g_utf8_collate (entity_a->name, entity_b->name);
}

/* Names are unique only within a kind, so a name that two entities share
 * says which kind each one is. */
static char *
dup_picker_name (EntGraph  *graph,
                 EntEntity *entity)
{
  for (guint i = 0; i < graph->entities->len; i++)
    {
      EntEntity *other = g_ptr_array_index (graph->entities, i);

      if (other != entity && g_strcmp0 (other->name, entity->name) == 0)
        /* Translators: an entity's name, then its kind, to tell apart two entities of the same name */
        return g_strdup_printf (_("%s (%s)"), entity->name, ent_kind_get_label (entity->kind));
    }

  return g_strdup (entity->name);
}

static void
fill_pickers (EntRelationDialog *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->graph->entities->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->graph->entities, i));
  g_ptr_array_sort (sorted, compare_entities_by_name);

  for (guint i = 0; i < sorted->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (sorted, i);
      g_autofree char *name = dup_picker_name (self->graph, entity);

      gtk_string_list_append (names, name);
      g_array_append_val (self->entity_ids, entity->id);
    }

  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (names));
  /* Nothing is picked until the caller or the user says so. */
  gtk_drop_down_set_selected (self->from_dropdown, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (self->to_dropdown, GTK_INVALID_LIST_POSITION);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/**
 * ent_relation_dialog_new:
 * @parent: the window the dialog belongs to
 * @graph: the network whose entities the relation may join
 * @relation: (nullable): the relation to edit, or %NULL to add a new one
 * @from_id: for a new relation, the entity to start from, or 0
 * @to_id: for a new relation, the entity to lead to, or 0
 *
 * The dialog writes nothing: once it emits #EntRelationDialog::confirmed,
 * the caller reads ent_relation_dialog_dup_relation() and destroys it.
 *
 * Returns: (transfer none): a new dialog, owned by GTK's list of toplevels
 */
EntRelationDialog *
ent_relation_dialog_new (GtkWindow         *parent,
                         EntGraph          *graph,
                         const EntRelation *relation,
                         gint64             from_id,
                         gint64             to_id)
{
  EntRelationDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (graph != NULL, NULL);

  self = g_object_new (ENT_TYPE_RELATION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->graph = ent_graph_ref (graph);
  fill_pickers (self);

  if (relation != NULL)
    {
      self->relation_id = relation->id;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Relation"));
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Save"));
      pick_entity (self, self->from_dropdown, relation->from_id);
      pick_entity (self, self->to_dropdown, relation->to_id);
      set_row_text (self->kind_row, relation->kind);
      set_row_text (self->label_row, relation->label);
      gtk_switch_set_active (self->directed_switch, relation->directed);
      set_row_text (self->start_row, relation->start_date);
      set_row_text (self->end_row, relation->end_date);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Relation"));
      gtk_button_set_label (GTK_BUTTON (self->confirm_button), _("_Add"));
      pick_entity (self, self->from_dropdown, from_id);
      pick_entity (self, self->to_dropdown, to_id);
    }

  validate (self);

  /* With both ends chosen, typing starts with the kind of relation. */
  if (from_id != 0 && to_id != 0)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));

  return self;
}

/**
 * ent_relation_dialog_dup_relation:
 * @self: a #EntRelationDialog
 *
 * Returns: (transfer full): the relation as entered, with the edited
 *   relation's id or 0 for a new one; free with ent_relation_free()
 */
EntRelation *
ent_relation_dialog_dup_relation (EntRelationDialog *self)
{
  EntRelation *relation;

  g_return_val_if_fail (ENT_IS_RELATION_DIALOG (self), NULL);

  relation = g_new0 (EntRelation, 1);
  relation->id = self->relation_id;
  relation->kind = dup_trimmed (self->kind_row);
  relation->from_id = get_picked_id (self, self->from_dropdown);
  relation->to_id = get_picked_id (self, self->to_dropdown);
  /* The label column is never NULL in a file, only empty. */
  relation->label = dup_trimmed (self->label_row);
  relation->directed = gtk_switch_get_active (self->directed_switch);
  relation->start_date = dup_optional (self->start_row);
  relation->end_date = dup_optional (self->end_row);
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  return relation;
}

/**
 * ent_relation_dialog_is_valid:
 * @self: a #EntRelationDialog
 *
 * Returns: whether the relation as entered can be saved
 */
gboolean
ent_relation_dialog_is_valid (EntRelationDialog *self)
{
  g_return_val_if_fail (ENT_IS_RELATION_DIALOG (self), FALSE);

  return self->problem == NULL;
}

/**
 * ent_relation_dialog_get_problem:
 * @self: a #EntRelationDialog
 *
 * Returns: (nullable): why the relation cannot be saved, as shown to the
 *   user, or %NULL when it can
 */
const char *
ent_relation_dialog_get_problem (EntRelationDialog *self)
{
  g_return_val_if_fail (ENT_IS_RELATION_DIALOG (self), NULL);

  return self->problem;
}

static void
ent_relation_dialog_dispose (GObject *object)
{
  EntRelationDialog *self = (EntRelationDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_RELATION_DIALOG);
  self->problem_row = NULL;
  g_clear_pointer (&self->graph, ent_graph_unref);

  G_OBJECT_CLASS (ent_relation_dialog_parent_class)->dispose (object);
}

static void
ent_relation_dialog_finalize (GObject *object)
{
  EntRelationDialog *self = (EntRelationDialog *)object;

  g_array_unref (self->entity_ids);
  g_free (self->problem);

  G_OBJECT_CLASS (ent_relation_dialog_parent_class)->finalize (object);
}

static void
ent_relation_dialog_class_init (EntRelationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_relation_dialog_dispose;
  object_class->finalize = ent_relation_dialog_finalize;

  /**
   * EntRelationDialog::confirmed:
   * @self: a #EntRelationDialog
   *
   * The user accepted a valid relation; read it with
   * ent_relation_dialog_dup_relation().
   */
  signals[CONFIRMED] =
    g_signal_new ("confirmed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "relation-dialog.confirm", NULL, confirm_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-relation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, directed_switch);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
ent_relation_dialog_init (EntRelationDialog *self)
{
  g_autoptr(GtkListItemFactory) picked_factory = create_name_factory (PICKED_NAME_CHARS);
  g_autoptr(GtkListItemFactory) listed_factory = create_name_factory (LISTED_NAME_CHARS);

  self->entity_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_factory (self->from_dropdown, picked_factory);
  gtk_drop_down_set_list_factory (self->from_dropdown, listed_factory);
  gtk_drop_down_set_factory (self->to_dropdown, picked_factory);
  gtk_drop_down_set_list_factory (self->to_dropdown, listed_factory);
}
