/* ent-window-edit.c: the editing of the main window: its dialogs and confirmations, and the edits they make
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-mentions.h"
#include "ent-edit.h"
#include "ent-entity-dialog.h"
#include "ent-kind-dialog.h"
#include "ent-relation-dialog.h"
#include "ent-source-dialog.h"
#include "ent-source-view.h"

#include <glib/gi18n.h>
#include <string.h>

/* The longest name New Entity from Selection proposes, in characters: a name, not a paragraph. */
#define ENTITY_NAME_FROM_PASSAGE_MAX 200

/* Edits need a writable file, and most of them a selection. */
void
_ent_window_update_edit_actions (EntWindow *self)
{
  static const char * const edit_actions[] = {
    "win.add-entity", "win.add-relation", "win.add-source", "win.edit-selected",
    "win.delete-selected", "win.merge", "win.add-evidence", "win.entity-from-selection", "win.relation-from-selection",
    "win.edit-source",
    "win.accept-mentions", "win.set-stance",
  };
  gboolean writable = self->store != NULL && !ent_store_is_read_only (self->store);
  gboolean selected = ent_graph_view_get_selected_entity (self->graph_view) != 0 ||
                      ent_graph_view_get_selected_relation (self->graph_view) != 0;
  const char *undo = self->store ? ent_store_get_undo_label (self->store) : NULL;
  const char *redo = self->store ? ent_store_get_redo_label (self->store) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], writable);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-selected", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-selected", writable && selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge",
                                 writable && ent_graph_view_get_selected_entity (self->graph_view) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self->kind_filter), "legend.edit-kind", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable && undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable && redo != NULL);

  /* The menu names what Undo and Redo would do, as GNOME applications do. */
  /* Translators: a menu item, e.g. "Undo Rename “Sergei Aleinik”" */
  undo_label = undo ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item, e.g. "Redo Rename “Sergei Aleinik”" */
  redo_label = redo ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->edit_section);
  g_menu_append (self->edit_section, undo_label, "win.undo");
  g_menu_append (self->edit_section, redo_label, "win.redo");
}

static void
node_moved_cb (EntWindow    *self,
               gint64        entity_id,
               double        x,
               double        y,
               EntGraphView *view)
{
  g_autoptr(GError) error = NULL;

  if (ent_store_is_read_only (self->store) || ent_graph_get_entity (self->graph, entity_id) == NULL)
    return;

  if (!ent_edit_move_entity (self->store, self->graph, _ent_window_get_engine (self, NULL), entity_id, x, y, &error))
    _ent_window_show_toast (self, error->message);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EntWindow        *self)
{
  gint64 entity = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "entity-id"));
  gint64 relation = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "relation-id"));
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!g_str_equal (response, "delete"))
    return;

  if (entity != 0)
    done = ent_edit_delete_entity (self->store, self->graph, entity, &error);
  else
    done = ent_edit_delete_relation (self->store, relation, &error);
  if (!done)
    _ent_window_show_toast (self, error->message);
}

/* Deleting asks first, and says what goes with the entity. */
static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 entity_id = ent_graph_view_get_selected_entity (self->graph_view);
  gint64 relation_id = ent_graph_view_get_selected_relation (self->graph_view);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (entity_id != 0)
    {
      EntEntity *entity = ent_graph_get_entity (self->graph, entity_id);
      g_autofree char *relations = NULL;
      g_autofree char *quotes = NULL;
      guint n_relations = 0, n_quotes = 0;

      if (entity == NULL || !ent_store_count_dependents (self->store, entity_id, &n_relations, &n_quotes, &error))
        {
          if (error != NULL)
            _ent_window_show_toast (self, error->message);
          return;
        }

      relations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations", n_relations), n_relations);
      quotes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", n_quotes), n_quotes);
      heading = g_strdup_printf (_("Delete “%s”?"), entity->name);
      /* Translators: e.g. "3 relations and 5 quotes go with it. You can undo this." */
      body = g_strdup_printf (_("%s and %s go with it. You can undo this."), relations, quotes);
    }
  else if (relation_id != 0)
    {
      heading = g_strdup (_("Delete This Relation?"));
      body = g_strdup (_("Its quotes stay in their sources. You can undo this."));
    }
  else
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "entity-id", GSIZE_TO_POINTER (entity_id));
  g_object_set_data (G_OBJECT (dialog), "relation-id", GSIZE_TO_POINTER (relation_id));
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EntWindow        *self)
{
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  guint position = gtk_drop_down_get_selected (choice);
  gint64 keep = ent_graph_view_get_selected_entity (self->graph_view);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "merge") || ent_graph_get_entity (self->graph, keep) == NULL ||
      position == GTK_INVALID_LIST_POSITION)
    return;

  if (!ent_edit_merge_entities (self->store, self->graph, keep, g_array_index (ids, gint64, position), &error))
    _ent_window_show_toast (self, error->message);
}

static char *
entity_name_cb (GtkStringObject *item)
{
  return g_strdup (gtk_string_object_get_string (item));
}

/* Merging: the selected entity keeps its name and takes over another's relations and quotes. */
static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 keep_id = ent_graph_view_get_selected_entity (self->graph_view);
  EntEntity *keep = keep_id != 0 ? ent_graph_get_entity (self->graph, keep_id) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *choice;

  if (keep == NULL)
    return;

  for (guint i = 0; i < self->graph->entities->len; i++)
    {
      EntEntity *entity = g_ptr_array_index (self->graph->entities, i);

      if (entity->id == keep_id)
        continue;
      gtk_string_list_append (names, entity->name);
      g_array_append_val (ids, entity->id);
    }

  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)),
                              gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                           G_CALLBACK (entity_name_cb), NULL, NULL));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (choice), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The entity to merge"), -1);

  heading = g_strdup_printf (_("Merge into “%s”"), keep->name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("The entity chosen below is the same as this one. Its relations and quotes move here, and it is deleted.")));
  adw_message_dialog_set_extra_child (dialog, choice);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "choice", choice);
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (merge_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The passage selected in the source viewer becomes a quote backing the selection in the diagram. */
static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 entity_id = ent_graph_view_get_selected_entity (self->graph_view);
  gint64 relation_id = ent_graph_view_get_selected_relation (self->graph_view);
  EntQuote passage = { .source_id = ent_source_view_get_source (self->source_view) };
  g_autoptr(GError) error = NULL;

  if (ent_graph_get_source (self->graph, passage.source_id) == NULL ||
      !ent_source_view_get_selection (self->source_view, &passage.start, &passage.end))
    {
      _ent_window_show_toast (self, _("Select a passage of the source first"));
      return;
    }

  if (relation_id == 0 && entity_id == 0)
    {
      _ent_window_show_toast (self, _("Select in the diagram what the passage backs"));
      return;
    }

  if (ent_edit_add_evidence (self->store, self->graph, entity_id, relation_id, &passage, &error) == 0)
    _ent_window_show_toast (self, error->message);
}

/* A quote marked as disputing, or supporting, what it is attached to: from the evidence panel, as (entity, relation,
 * quote, disputes). */
static void
set_stance_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 entity_id, relation_id, quote_id;
  gboolean disputes;

  g_variant_get (parameter, "(xxxb)", &entity_id, &relation_id, &quote_id, &disputes);
  if (self->store != NULL && !ent_edit_set_stance (self->store, entity_id, relation_id, quote_id, disputes, &error))
    _ent_window_show_toast (self, error->message);
}

/* Mentions of an entity that no quote holds, accepted from the evidence panel: the
 * entity and the passages, (source, start, end) each; all of them are one edit. */
static void
accept_mentions_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  g_autoptr(GArray) passages = g_array_new (FALSE, TRUE, sizeof (EntQuote));
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entity_id, source_id, start, end;

  if (self->store == NULL || ent_store_is_read_only (self->store) || self->graph == NULL)
    return;

  g_variant_get (parameter, "(xa(xxx))", &entity_id, &iter);
  while (g_variant_iter_next (iter, "(xxx)", &source_id, &start, &end))
    {
      EntQuote passage = { .source_id = source_id, .start = start, .end = end };

      g_array_append_val (passages, passage);
    }

  if (!ent_edit_add_evidence_many (self->store, self->graph, entity_id, passages, NULL, &error))
    _ent_window_show_toast (self, error->message);
}

static void
panel_quote_remove_requested_cb (EntWindow *self,
                                 gint64     quote_id)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || ent_store_is_read_only (self->store))
    {
      _ent_window_show_toast (self, ent_store_get_read_only_reason (self->store));
      return;
    }

  if (!ent_edit_remove_evidence (self->store, ent_evidence_panel_get_entity (self->evidence_panel),
                                 ent_evidence_panel_get_relation (self->evidence_panel), quote_id, &error))
    _ent_window_show_toast (self, error->message);
}

/* The source viewer underlines where the sources name the shown entity with no quote of it there. */
static void
panel_mentions_changed_cb (EntWindow *self)
{
  /* The panel says so as the window is taken apart, too. */
  if (self->source_view != NULL && self->evidence_panel != NULL)
    ent_source_view_set_mentions (self->source_view,
                                  ent_evidence_panel_get_unlinked_mentions (self->evidence_panel));
}

static void
view_centre (EntWindow *self,
             double    *x,
             double    *y)
{
  ent_graph_view_widget_to_graph (self->graph_view,
                                  gtk_widget_get_width (GTK_WIDGET (self->graph_view)) / 2.0,
                                  gtk_widget_get_height (GTK_WIDGET (self->graph_view)) / 2.0,
                                  x, y);
}

static void
entity_confirmed_cb (EntEntityDialog *dialog,
                     EntWindow       *self)
{
  g_autoptr(EntEntity) entity = ent_entity_dialog_dup_entity (dialog);
  g_autoptr(GError) error = NULL;

  const EntQuote *passage = g_object_get_data (G_OBJECT (dialog), "passage");

  if (entity->id == 0)
    {
      double x, y;
      gint64 new_id;

      /* A new entity goes to a free spot near where the user is looking; one made from a passage has it as its
       * first quote, in the same edit. */
      view_centre (self, &x, &y);
      if (ent_edit_add_entity_with_quote (self->store, self->graph, entity, passage, _ent_window_get_engine (self, NULL),
                                          x, y, &new_id, &error))
        _ent_window_select_entity (self, new_id);
      else
        _ent_window_show_toast (self, error->message);
    }
  else if (!ent_edit_update_entity (self->store, self->graph, entity, &error))
    _ent_window_show_toast (self, error->message);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
open_existing_cb (EntEntityDialog *dialog,
                  gint64           entity_id,
                  EntWindow       *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  _ent_window_select_entity (self, entity_id);
}

static void
show_entity_dialog (EntWindow       *self,
                    const EntEntity *entity)
{
  EntEntityDialog *dialog = ent_entity_dialog_new (GTK_WINDOW (self), self->graph, entity);

  g_signal_connect (dialog, "confirmed", G_CALLBACK (entity_confirmed_cb), self);
  g_signal_connect (dialog, "open-existing", G_CALLBACK (open_existing_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The name in a passage, as the entity dialog's name: its words with single spaces between them, not too long. */
static char *
name_from_passage (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (name, "%s%s", name->len > 0 ? " " : "", words[i]);
  if (g_utf8_strlen (name->str, -1) > ENTITY_NAME_FROM_PASSAGE_MAX)
    {
      g_autofree char *cut = g_utf8_substring (name->str, 0, ENTITY_NAME_FROM_PASSAGE_MAX);

      g_string_assign (name, cut);
    }
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The passage selected in the source viewer, without the spaces a selection takes with it; its text in @text.
 * FALSE, with a message, when nothing is selected. */
static gboolean
selected_passage (EntWindow  *self,
                  EntQuote   *passage,
                  char      **text)
{
  EntSource *source;

  passage->source_id = ent_source_view_get_source (self->source_view);
  source = self->graph != NULL ? ent_graph_get_source (self->graph, passage->source_id) : NULL;
  if (source != NULL && ent_source_view_get_selection (self->source_view, &passage->start, &passage->end))
    {
      *text = g_utf8_substring (source->body, passage->start, passage->end);
      for (const char *p = *text; *p != '\0' && g_unichar_isspace (g_utf8_get_char (p)); p = g_utf8_next_char (p))
        passage->start++;
      for (const char *p = *text + strlen (*text); p > *text && passage->end > passage->start;)
        {
          p = g_utf8_prev_char (p);
          if (!g_unichar_isspace (g_utf8_get_char (p)))
            break;
          passage->end--;
        }
      if (passage->end > passage->start)
        return TRUE;
      g_clear_pointer (text, g_free);
    }

  _ent_window_show_toast (self, _("Select a passage of the source first"));
  return FALSE;
}

/* New Entity from Selection: the entity dialog opens with the selected passage as the name, and the passage becomes
 * the new entity's first quote. */
static void
entity_from_selection_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  EntQuote passage = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  EntEntityDialog *dialog;

  if (!selected_passage (self, &passage, &text))
    return;
  name = name_from_passage (text);
  dialog = ent_entity_dialog_new (GTK_WINDOW (self), self->graph,
                                  &(EntEntity) { .kind = ENT_KIND_PERSON, .name = name });
  g_object_set_data_full (G_OBJECT (dialog), "passage", g_memdup2 (&passage, sizeof passage), g_free);
  g_signal_connect (dialog, "confirmed", G_CALLBACK (entity_confirmed_cb), self);
  g_signal_connect (dialog, "open-existing", G_CALLBACK (open_existing_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
relation_confirmed_cb (EntRelationDialog *dialog,
                       EntWindow         *self)
{
  g_autoptr(EntRelation) relation = ent_relation_dialog_dup_relation (dialog);
  g_autoptr(GError) error = NULL;

  if (ent_graph_get_entity (self->graph, relation->from_id) == NULL ||
      ent_graph_get_entity (self->graph, relation->to_id) == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  if (!ent_edit_save_relation_with_quote (self->store, self->graph, relation,
                                          relation->id == 0 ? g_object_get_data (G_OBJECT (dialog), "passage") : NULL,
                                          &error))
    _ent_window_show_toast (self, error->message);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_relation_dialog (EntWindow         *self,
                      const EntRelation *relation,
                      gint64             from_id,
                      gint64             to_id)
{
  EntRelationDialog *dialog = ent_relation_dialog_new (GTK_WINDOW (self), self->graph, relation, from_id, to_id);

  g_signal_connect (dialog, "confirmed", G_CALLBACK (relation_confirmed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* How far around a passage, in characters, the entities mentioned are offered as a relation's ends. */
#define RELATION_ENDS_REACH 300

/* New Relation from Selection: the relation dialog opens with the two entities mentioned in the passage, or nearest
 * it, as its ends, and the passage becomes the new relation's first quote. */
static void
relation_from_selection_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  EntQuote passage = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GArray) near = NULL;
  gint64 from_id = 0, to_id = 0;
  EntRelationDialog *dialog;

  if (!selected_passage (self, &passage, &text))
    return;

  near = ent_mentions_near (self->graph, passage.source_id, passage.start, passage.end, RELATION_ENDS_REACH);
  if (near->len > 0)
    from_id = g_array_index (near, gint64, 0);
  if (near->len > 1)
    to_id = g_array_index (near, gint64, 1);
  /* Without mentions enough, the selection in the diagram is an end. */
  if (from_id == 0)
    from_id = ent_graph_view_get_selected_entity (self->graph_view);
  else if (to_id == 0 && ent_graph_view_get_selected_entity (self->graph_view) != from_id)
    to_id = ent_graph_view_get_selected_entity (self->graph_view);

  dialog = ent_relation_dialog_new (GTK_WINDOW (self), self->graph, NULL, from_id, to_id);
  g_object_set_data_full (G_OBJECT (dialog), "passage", g_memdup2 (&passage, sizeof passage), g_free);
  g_signal_connect (dialog, "confirmed", G_CALLBACK (relation_confirmed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
source_confirmed_cb (EntSourceDialog *dialog,
                     EntWindow       *self)
{
  g_autoptr(EntSource) source = ent_source_dialog_dup_source (dialog);
  g_autoptr(GError) error = NULL;
  gint64 new_id = 0;

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (!ent_edit_save_source_full (self->store, source, &new_id, &error))
    _ent_window_show_toast (self, error->message);
  else if (new_id != 0)
    {
      /* A new source is opened to be read: its entities and relations are taken from the text. */
      ent_source_view_show_source (self->source_view, new_id);
      gtk_stack_set_visible_child_name (self->side_stack, "source");
    }
}

static void
show_source_dialog (EntWindow       *self,
                    const EntSource *source)
{
  EntSourceDialog *dialog = ent_source_dialog_new (GTK_WINDOW (self), source);

  g_signal_connect (dialog, "confirmed", G_CALLBACK (source_confirmed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);

  if (self->graph == NULL)
    return;

  if (g_str_equal (action_name, "win.add-entity"))
    show_entity_dialog (self, NULL);
  else if (g_str_equal (action_name, "win.add-relation"))
    {
      gint64 from = ent_graph_view_get_selected_entity (self->graph_view);
      gint64 to = from != 0 && ent_graph_get_entity (self->graph, self->previous_entity) ? self->previous_entity : 0;

      /* A new relation starts from the selected entity and leads to the one selected before it. */
      show_relation_dialog (self, NULL, from, to);
    }
  else if (g_str_equal (action_name, "win.add-source"))
    show_source_dialog (self, NULL);
  else if (g_str_equal (action_name, "win.edit-source"))
    {
      EntSource *source = ent_graph_get_source (self->graph, ent_source_view_get_source (self->source_view));
      if (source != NULL)
        show_source_dialog (self, source);
    }
}

static void
edit_selected_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  gint64 relation = ent_graph_view_get_selected_relation (self->graph_view);
  gint64 entity = ent_graph_view_get_selected_entity (self->graph_view);

  if (relation != 0 && ent_graph_get_relation (self->graph, relation) != NULL)
    show_relation_dialog (self, ent_graph_get_relation (self->graph, relation), 0, 0);
  else if (entity != 0 && ent_graph_get_entity (self->graph, entity) != NULL)
    show_entity_dialog (self, ent_graph_get_entity (self->graph, entity));
}

static void
connect_requested_cb (EntWindow *self,
                      gint64     from_id,
                      gint64     to_id)
{
  if (self->store != NULL && !ent_store_is_read_only (self->store))
    show_relation_dialog (self, NULL, from_id, to_id);
}

static void
kind_confirmed_cb (EntKindDialog *dialog,
                   EntWindow     *self)
{
  g_autoptr(EntKindInfo) kind = ent_kind_dialog_dup_kind (dialog);
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));

  if (!ent_edit_update_kind (self->store, self->graph, kind, &error))
    _ent_window_show_toast (self, error->message);
}

/* A kind is edited from its entry in the legend; only the kinds the file lists can be. */
static void
edit_kind_cb (EntWindow  *self,
              const char *key)
{
  EntKindInfo *kind = self->graph != NULL ? ent_graph_get_kind (self->graph, key) : NULL;
  EntKindDialog *dialog;

  if (kind == NULL || self->store == NULL || ent_store_is_read_only (self->store))
    return;

  dialog = ent_kind_dialog_new (GTK_WINDOW (self), kind);
  g_signal_connect (dialog, "confirmed", G_CALLBACK (kind_confirmed_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
item_activated_cb (EntWindow *self,
                   gint64     entity_id,
                   gint64     relation_id)
{
  if (self->store != NULL && !ent_store_is_read_only (self->store))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-selected", NULL);
}

void
_ent_window_edit_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_install_action (widget_class, "win.add-entity", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-relation", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.add-source", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.edit-source", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "win.edit-selected", NULL, edit_selected_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "win.entity-from-selection", NULL, entity_from_selection_action);
  gtk_widget_class_install_action (widget_class, "win.relation-from-selection", NULL, relation_from_selection_action);
  gtk_widget_class_install_action (widget_class, "win.accept-mentions", "(xa(xxx))", accept_mentions_action);
  gtk_widget_class_install_action (widget_class, "win.set-stance", "(xxxb)", set_stance_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-entity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-relation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.entity-from-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.relation-from-selection", NULL);
}

void
_ent_window_edit_init (EntWindow *self)
{
  g_signal_connect_swapped (self->graph_view, "node-moved", G_CALLBACK (node_moved_cb), self);
  g_signal_connect_swapped (self->graph_view, "item-activated", G_CALLBACK (item_activated_cb), self);
  g_signal_connect_swapped (self->graph_view, "connect-requested", G_CALLBACK (connect_requested_cb), self);
  g_signal_connect_swapped (self->kind_filter, "edit-kind", G_CALLBACK (edit_kind_cb), self);
  g_signal_connect_swapped (self->evidence_panel, "quote-remove-requested",
                            G_CALLBACK (panel_quote_remove_requested_cb), self);
  g_signal_connect_object (self->evidence_panel, "mentions-changed", G_CALLBACK (panel_mentions_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
