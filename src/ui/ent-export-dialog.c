/* ent-export-dialog.c: the choices of a diagram export: format, what part of the network, size, paper, look
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-export-dialog"

#include "config.h"

#include "ent-export-dialog.h"
#include "ent-export-scope.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The dialog shows only the choices that apply to the format chosen, and
 * tells before anything is written how large a PNG would be: a PNG too large
 * to make cannot be exported. Export asks for the file, then hands the
 * options to the window, which writes it a part at a time and shows its
 * progress; the dialog closes then.
 */

struct _EntExportDialog
{
  AdwWindow       parent_instance;

  EntWindow      *window;
  EntGraphView   *view;
  char           *title;
  /* What the view's filters show, said in the caption of an export that follows them. */
  char           *filters;
  /* The entity selected when the dialog opened, whose neighbours it may export; 0 for none. */
  gint64          entity_id;

  AdwComboRow    *format_row;
  AdwComboRow    *scope_row;
  GtkStringList  *scope_list;
  GtkWidget      *png_group;
  AdwComboRow    *size_row;
  GtkWidget      *width_row;
  GtkSpinButton  *width_spin;
  GtkWidget      *pdf_group;
  AdwComboRow    *paper_row;
  AdwComboRow    *orientation_row;
  GtkSpinButton  *poster_spin;
  AdwComboRow    *background_row;
  GtkSwitch      *legend_switch;
  GtkSwitch      *caption_switch;
  GtkWidget      *export_button;
};

G_DEFINE_FINAL_TYPE (EntExportDialog, ent_export_dialog, ADW_TYPE_WINDOW)

/* The formats in the order of the Format row. */
static const struct
{
  EntExportFormat  format;
  const char      *extension;
  const char      *name;
} formats[] = {
  { ENT_EXPORT_FORMAT_PNG, "png", N_("PNG image") },
  { ENT_EXPORT_FORMAT_SVG, "svg", N_("SVG drawing") },
  { ENT_EXPORT_FORMAT_PDF, "pdf", N_("PDF document") },
};

/* The parts of the network in the order of the Export row; the last is there only with a selection. */
typedef enum
{
  SCOPE_ALL,
  SCOPE_SHOWN,
  SCOPE_VISIBLE,
  SCOPE_NEIGHBOURS,
} Scope;

/* The PNG sizes in the order of the Size row: for a screen, at 100 % and 200 % of the diagram, for print,
 * and a width of the user's. */
enum
{
  SIZE_SCREEN,
  SIZE_100,
  SIZE_200,
  SIZE_300_DPI,
  SIZE_WIDTH,
};

/* The papers in the order of the Paper row. */
static const EntExportPage pages[] = {
  ENT_EXPORT_PAGE_A4, ENT_EXPORT_PAGE_LETTER, ENT_EXPORT_PAGE_A3, ENT_EXPORT_PAGE_DIAGRAM,
};

/* The backgrounds in the order of the Background row. */
enum
{
  BACKGROUND_LIGHT,
  BACKGROUND_DARK,
  BACKGROUND_TRANSPARENT,
};

static guint
chosen_format (EntExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
}

static EntExportPage
chosen_page (EntExportDialog *self)
{
  return pages[MIN (adw_combo_row_get_selected (self->paper_row), G_N_ELEMENTS (pages) - 1)];
}

/* The part of the graph the view shows, for "Visible area". */
static void
visible_area (EntExportDialog *self,
              EntRect         *area)
{
  GtkWidget *view = GTK_WIDGET (self->view);

  ent_graph_view_widget_to_graph (self->view, 0, 0, &area->x1, &area->y1);
  ent_graph_view_widget_to_graph (self->view, gtk_widget_get_width (view), gtk_widget_get_height (view),
                                  &area->x2, &area->y2);
}

/*
 * The options as the rows set them. @area holds the visible area when that
 * is chosen; @item_states gets the items left out, to be freed with g_free()
 * once the export has started, which copies them.
 */
static gboolean
build_options (EntExportDialog   *self,
               EntExportOptions  *options,
               EntRect           *area,
               guint8           **item_states,
               GError           **error)
{
  EntViewState *view_state = ent_graph_view_get_view_state (self->view);
  Scope scope = adw_combo_row_get_selected (self->scope_row);
  guint background = adw_combo_row_get_selected (self->background_row);

  *options = (EntExportOptions) { 0 };
  *item_states = NULL;

  if (formats[chosen_format (self)].format == ENT_EXPORT_FORMAT_PNG)
    switch (adw_combo_row_get_selected (self->size_row))
      {
      case SIZE_100:
        options->scale = 1.0;
        break;
      case SIZE_200:
        options->scale = 2.0;
        break;
      case SIZE_300_DPI:
        options->dpi = 300.0;
        break;
      case SIZE_WIDTH:
        options->width = gtk_spin_button_get_value_as_int (self->width_spin);
        break;
      default:
        /* The screen's size is the export's own when none is asked for. */
        break;
      }

  options->dark = background == BACKGROUND_DARK;
  options->transparent = background == BACKGROUND_TRANSPARENT;
  options->legend = gtk_switch_get_active (self->legend_switch);
  options->caption = gtk_switch_get_active (self->caption_switch);
  options->title = self->title;

  options->page = chosen_page (self);
  options->landscape = adw_combo_row_get_selected (self->orientation_row) == 1;
  options->poster_pages = gtk_spin_button_get_value_as_int (self->poster_spin);

  switch (scope)
    {
    case SCOPE_ALL:
      *item_states = ent_export_scope_states (view_state, ENT_EXPORT_SCOPE_ALL, 0, error);
      break;
    case SCOPE_VISIBLE:
      visible_area (self, area);
      options->area = area;
      G_GNUC_FALLTHROUGH;
    case SCOPE_SHOWN:
      *item_states = ent_export_scope_states (view_state, ENT_EXPORT_SCOPE_SHOWN, 0, error);
      break;
    case SCOPE_NEIGHBOURS:
    default:
      *item_states = ent_export_scope_states (view_state, ENT_EXPORT_SCOPE_NEIGHBOURS, self->entity_id, error);
      break;
    }
  options->item_states = *item_states;

  g_clear_pointer (&self->filters, g_free);
  if (scope != SCOPE_ALL)
    self->filters = ent_view_state_describe_filters (view_state);
  options->filters = self->filters;

  return *item_states != NULL;
}

/* Shows the rows of the format chosen, and tells how large a PNG would be; Export only for what can be made. */
static void
update (EntExportDialog *self)
{
  EntScene *scene;
  EntExportFormat format;
  EntExportOptions options;
  g_autofree guint8 *item_states = NULL;
  g_autoptr(GError) error = NULL;
  gboolean possible;
  gboolean own_size;
  EntRect area;

  /* The template sets its rows before the dialog knows its view. */
  if (self->view == NULL)
    return;

  format = formats[chosen_format (self)].format;
  gtk_widget_set_visible (self->png_group, format == ENT_EXPORT_FORMAT_PNG);
  gtk_widget_set_visible (self->width_row, adw_combo_row_get_selected (self->size_row) == SIZE_WIDTH);
  gtk_widget_set_visible (self->pdf_group, format == ENT_EXPORT_FORMAT_PDF);
  /* A page the diagram's own size has no orientation; a poster of it is printed on A4, which has. */
  own_size = chosen_page (self) == ENT_EXPORT_PAGE_DIAGRAM;
  gtk_widget_set_visible (GTK_WIDGET (self->orientation_row),
                          !own_size || gtk_spin_button_get_value_as_int (self->poster_spin) > 1);

  scene = ent_graph_view_get_scene (self->view);
  possible = scene != NULL && build_options (self, &options, &area, &item_states, &error);
  if (possible && format == ENT_EXPORT_FORMAT_PNG)
    {
      int width, height;
      g_autofree char *size = NULL;

      if (ent_export_png_size (scene, &options, &width, &height, NULL))
        {
          /* Three bytes a pixel, four with the transparency. */
          g_autofree char *bytes = g_format_size ((guint64) width * height * (options.transparent ? 4 : 3));

          /* Translators: the size of the PNG an export would make: its width and height in pixels, and the
           * memory its pixels take before compression, such as "33.5 MB" */
          size = g_strdup_printf (_("%'d × %'d px, %s uncompressed"), width, height, bytes);
        }
      else
        {
          /* Translators: %'d is the longest side a PNG can have, in pixels */
          size = g_strdup_printf (_("Too large for a PNG, which can be at most %'d pixels a side"),
                                  ENT_EXPORT_MAX_PIXELS);
          possible = FALSE;
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row), size);
    }
  else if (error != NULL && format == ENT_EXPORT_FORMAT_PNG)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->size_row), error->message);

  gtk_widget_set_sensitive (self->export_button, possible);
}

static void
choice_changed_cb (EntExportDialog *self)
{
  update (self);
}

/**
 * _ent_export_dialog_export_to:
 * @self: an export dialog
 * @path: the file to write
 *
 * Exports to @path what the dialog's rows choose, as Export does once the
 * file is chosen, and closes the dialog when the export has started.
 *
 * Returns: %TRUE if the export started
 */
gboolean
_ent_export_dialog_export_to (EntExportDialog *self,
                              const char      *path)
{
  EntExportOptions options;
  g_autofree guint8 *item_states = NULL;
  g_autoptr(GError) error = NULL;
  gboolean started;
  EntRect area;

  g_return_val_if_fail (ENT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!gtk_widget_get_sensitive (self->export_button) || ent_graph_view_get_scene (self->view) == NULL)
    return FALSE;

  if (!build_options (self, &options, &area, &item_states, &error))
    {
      ent_window_show_error (self->window, error->message);
      return FALSE;
    }

  started = ent_window_export_file (self->window, path, &options);
  if (started)
    gtk_window_destroy (GTK_WINDOW (self));
  return started;
}

typedef struct
{
  EntExportDialog *dialog;
  char            *path;
} Replacing;

static gboolean
replace_cb (gpointer user_data)
{
  Replacing *replacing = user_data;

  /* Unless the window closed meanwhile, and the dialog with it. */
  if (replacing->dialog->view != NULL)
    _ent_export_dialog_export_to (replacing->dialog, replacing->path);

  g_object_unref (replacing->dialog);
  g_free (replacing->path);
  g_free (replacing);
  return G_SOURCE_REMOVE;
}

static void
replace_response_cb (AdwMessageDialog *message,
                     const char       *response,
                     EntExportDialog  *self)
{
  Replacing *replacing;

  if (g_strcmp0 (response, "replace") != 0)
    return;

  /* The export closes this dialog, which the message belongs to: not before the message has closed. */
  replacing = g_new0 (Replacing, 1);
  replacing->dialog = g_object_ref (self);
  replacing->path = g_strdup (g_object_get_data (G_OBJECT (message), "path"));
  g_idle_add (replace_cb, replacing);
}

/* The file chooser asked before replacing the name it was given, but not the name with the extension added. */
static void
confirm_replace (EntExportDialog *self,
                 const char      *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
  AdwMessageDialog *message;

  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_set_body (message, _("A file of this name already exists. The export replaces it."));
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (message, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (message, "cancel");
  adw_message_dialog_set_close_response (message, "cancel");
  g_object_set_data_full (G_OBJECT (message), "path", g_strdup (path), g_free);
  g_signal_connect_object (message, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (message));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     EntExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *suffix = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path == NULL)
        ent_window_show_error (self->window, _("Only local files can be written"));
    }
  g_object_unref (chooser);
  if (path == NULL)
    return;

  /* The format is the one chosen here: a name typed without its extension gets it. */
  suffix = g_strconcat (".", formats[chosen_format (self)].extension, NULL);
  if (strlen (path) <= strlen (suffix) || g_ascii_strcasecmp (path + strlen (path) - strlen (suffix), suffix) != 0)
    {
      char *with_suffix = g_strconcat (path, suffix, NULL);

      g_free (path);
      path = with_suffix;
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          confirm_replace (self, path);
          return;
        }
    }

  _ent_export_dialog_export_to (self, path);
}

static void
export_clicked_cb (EntExportDialog *self)
{
  guint format = chosen_format (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;

  if (!gtk_widget_get_sensitive (self->export_button))
    return;

  chooser = gtk_file_chooser_native_new (_("Export Diagram"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));

  pattern = g_strconcat ("*.", formats[format].extension, NULL);
  gtk_file_filter_set_name (filter, _(formats[format].name));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  name = g_strdup_printf ("%s.%s", self->title, formats[format].extension);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ent_export_dialog_dispose (GObject *object)
{
  EntExportDialog *self = ENT_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->view);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->filters, g_free);

  G_OBJECT_CLASS (ent_export_dialog_parent_class)->dispose (object);
}

static void
ent_export_dialog_class_init (EntExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, scope_list);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, png_group);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, pdf_group);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, poster_spin);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, caption_switch);
  gtk_widget_class_bind_template_child (widget_class, EntExportDialog, export_button);
  /* Bound by name only, for tests to find them. */
  gtk_widget_class_bind_template_child_full (widget_class, "cancel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "poster_row", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ent_export_dialog_init (EntExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ent_export_dialog_new:
 * @window: the window whose diagram is exported
 * @title: the network's title, for the caption and the file's name
 *
 * The dialog follows the view of @window as it is when it opens: its
 * filters, the part of the diagram it shows, and its selection, whose
 * neighbours it offers to export.
 *
 * Returns: (transfer none): the dialog, modal to @window
 */
EntExportDialog *
ent_export_dialog_new (EntWindow  *window,
                       const char *title)
{
  EntExportDialog *self;

  g_return_val_if_fail (ENT_IS_WINDOW (window), NULL);

  self = g_object_new (ENT_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  self->window = window;
  self->view = g_object_ref (ent_window_get_graph_view (window));
  self->title = g_strdup (title != NULL ? title : "");
  self->entity_id = ent_graph_view_get_selected_entity (self->view);

  if (self->entity_id != 0 && ent_graph_view_is_entity_shown (self->view, self->entity_id))
    gtk_string_list_append (self->scope_list, _("Selection and neighbours"));

  update (self);
  /* Enter exports; the rows are a Tab away. */
  gtk_window_set_focus (GTK_WINDOW (self), self->export_button);
  return self;
}
