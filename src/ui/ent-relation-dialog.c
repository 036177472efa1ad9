/* ent-relation-dialog.c: the dialog that adds or edits a relation
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-relation-dialog"

#include "config.h"

#include "ent-relation-dialog.h"
#include "ent-property-editor.h"
#include "ent-style.h"

#include <glib/gi18n.h>

/* Entity names run long ("India-Belarus Inter-governmental Commission on …"),
 * so pickers ellipsize them rather than widen the dialog. */
#define PICKED_NAME_CHARS 22
#define LISTED_NAME_CHARS 40

struct _EntRelationDialog
{
  EntEditDialog   parent_instance;

  EntGraph       *graph;
  /* The relation being edited, or 0 for a new one. */
  gint64          relation_id;
  /* The entity id of each item of the pickers' model, in the same order. */
  GArray         *entity_ids;

  GtkWidget      *from_row;
  GtkDropDown    *from_dropdown;
  GtkWidget      *to_row;
  GtkDropDown    *to_dropdown;
  AdwEntryRow    *kind_row;
  AdwEntryRow    *label_row;
  GtkSwitch      *directed_switch;
  AdwEntryRow    *start_row;
  AdwEntryRow    *end_row;
  EntPropertyEditor *property_editor;
};

G_DEFINE_FINAL_TYPE (EntRelationDialog, ent_relation_dialog, ENT_TYPE_EDIT_DIALOG)

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
validate (EntEditDialog *dialog)
{
  EntRelationDialog *self = ENT_RELATION_DIALOG (dialog);
  g_autofree char *kind = ent_edit_dialog_dup_text (self->kind_row);
  GtkWidget *date_row;
  const char *date_problem = ent_edit_dialog_check_dates (self->start_row, self->end_row, &date_row);
  GtkWidget *property_widget;
  g_autofree char *property_problem = ent_property_editor_dup_problem (self->property_editor, &property_widget);

  /* An entity may relate to itself, so the two ends may be the same. */
  if (get_picked_id (self, self->from_dropdown) == 0)
    ent_edit_dialog_set_problem (dialog, self->from_row, _("Choose the entity the relation starts from"));
  else if (get_picked_id (self, self->to_dropdown) == 0)
    ent_edit_dialog_set_problem (dialog, self->to_row, _("Choose the entity the relation leads to"));
  else if (*kind == '\0')
    ent_edit_dialog_set_problem (dialog, GTK_WIDGET (self->kind_row), _("A kind of relation is required"));
  else if (date_problem != NULL)
    ent_edit_dialog_set_problem (dialog, date_row, date_problem);
  else
    ent_edit_dialog_set_problem (dialog, property_widget, property_problem);
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
        return g_strdup_printf (_("%s (%s)"), entity->name, ent_style_entity_kind_label (graph, entity));
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

/**
 * ent_relation_dialog_new:
 * @parent: the window the dialog belongs to
 * @graph: the network whose entities the relation may join
 * @relation: (nullable): the relation to edit, or %NULL to add a new one
 * @from_id: for a new relation, the entity to start from, or 0
 * @to_id: for a new relation, the entity to lead to, or 0
 *
 * The dialog writes nothing: once it emits #EntEditDialog::confirmed,
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
      ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), FALSE, _("Edit Relation"));
      pick_entity (self, self->from_dropdown, relation->from_id);
      pick_entity (self, self->to_dropdown, relation->to_id);
      ent_edit_dialog_set_text (self->kind_row, relation->kind);
      ent_edit_dialog_set_text (self->label_row, relation->label);
      gtk_switch_set_active (self->directed_switch, relation->directed);
      ent_edit_dialog_set_text (self->start_row, relation->start_date);
      ent_edit_dialog_set_text (self->end_row, relation->end_date);
      ent_property_editor_set_properties (self->property_editor, relation->properties);
    }
  else
    {
      ent_edit_dialog_set_adding (ENT_EDIT_DIALOG (self), TRUE, _("New Relation"));
      pick_entity (self, self->from_dropdown, from_id);
      pick_entity (self, self->to_dropdown, to_id);
    }

  ent_edit_dialog_validate (ENT_EDIT_DIALOG (self));

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
  relation->kind = ent_edit_dialog_dup_text (self->kind_row);
  relation->from_id = get_picked_id (self, self->from_dropdown);
  relation->to_id = get_picked_id (self, self->to_dropdown);
  /* The label column is never NULL in a file, only empty. */
  relation->label = ent_edit_dialog_dup_text (self->label_row);
  relation->directed = gtk_switch_get_active (self->directed_switch);
  relation->start_date = ent_edit_dialog_dup_optional_text (self->start_row);
  relation->end_date = ent_edit_dialog_dup_optional_text (self->end_row);
  relation->quote_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  relation->properties = ent_property_editor_dup_properties (self->property_editor);

  return relation;
}

static void
ent_relation_dialog_dispose (GObject *object)
{
  EntRelationDialog *self = (EntRelationDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_RELATION_DIALOG);
  g_clear_pointer (&self->graph, ent_graph_unref);

  G_OBJECT_CLASS (ent_relation_dialog_parent_class)->dispose (object);
}

static void
ent_relation_dialog_finalize (GObject *object)
{
  EntRelationDialog *self = (EntRelationDialog *)object;

  g_array_unref (self->entity_ids);

  G_OBJECT_CLASS (ent_relation_dialog_parent_class)->finalize (object);
}

static void
ent_relation_dialog_class_init (EntRelationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  EntEditDialogClass *edit_dialog_class = ENT_EDIT_DIALOG_CLASS (klass);

  object_class->dispose = ent_relation_dialog_dispose;
  object_class->finalize = ent_relation_dialog_finalize;
  edit_dialog_class->validate = validate;

  g_type_ensure (ENT_TYPE_PROPERTY_EDITOR);
  ent_edit_dialog_class_set_template (edit_dialog_class, RESOURCE_PREFIX "/ent-relation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, directed_switch);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, EntRelationDialog, property_editor);
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
