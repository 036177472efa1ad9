/* ent-edit-dialog.h: what the entity, relation and source dialogs share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ENT_TYPE_EDIT_DIALOG (ent_edit_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (EntEditDialog, ent_edit_dialog, ENT, EDIT_DIALOG, AdwWindow)

struct _EntEditDialogClass
{
  AdwWindowClass parent_class;

  /* Checks what is entered and reports the first thing wrong with it
   * through ent_edit_dialog_set_problem(). */
  void (*validate) (EntEditDialog *self);
};

void        ent_edit_dialog_class_set_template (EntEditDialogClass *klass,
                                                const char         *resource_path);
void        ent_edit_dialog_set_adding         (EntEditDialog      *self,
                                                gboolean            adding,
                                                const char         *title);
void        ent_edit_dialog_validate           (EntEditDialog      *self);
void        ent_edit_dialog_set_problem        (EntEditDialog      *self,
                                                GtkWidget          *row,
                                                const char         *problem);
gboolean    ent_edit_dialog_is_valid           (EntEditDialog      *self);
const char *ent_edit_dialog_get_problem        (EntEditDialog      *self);

char       *ent_edit_dialog_dup_text           (AdwEntryRow        *row);
char       *ent_edit_dialog_dup_optional_text  (AdwEntryRow        *row);
void        ent_edit_dialog_set_text           (AdwEntryRow        *row,
                                                const char         *text);
const char *ent_edit_dialog_check_dates        (AdwEntryRow        *start_row,
                                                AdwEntryRow        *end_row,
                                                GtkWidget         **problem_row);

G_END_DECLS
