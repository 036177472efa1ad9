/* ent-window-export.c: the window's export: its choices, and the export drawn a part at a time with progress
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-window"

#include "config.h"

#include "ent-window-private.h"
#include "ent-export.h"

#include <glib/gi18n.h>

/* An export that takes longer than this shows its progress, and a Cancel button. */
#define PROGRESS_DELAY_MS 300
/* How long one turn of the main loop may spend exporting before the window draws and takes input again. */
#define STEP_BUDGET_US (30 * 1000)
/* The rows of a PNG strip drawn in one step: a strip of a 16,384-pixel-wide image takes 16 MB. */
#define WINDOW_STRIP_ROWS 256

struct _EntWindowExport
{
  EntWindow        *window;
  EntExportJob     *job;
  char             *path;
  guint             source;
  guint             progress_timeout;
  AdwMessageDialog *progress;
  GtkProgressBar   *progress_bar;
};

static void
export_free (EntWindowExport *export)
{
  g_clear_handle_id (&export->source, g_source_remove);
  g_clear_handle_id (&export->progress_timeout, g_source_remove);
  if (export->progress != NULL)
    gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&export->progress)));
  /* A job not done leaves no file. */
  g_clear_pointer (&export->job, ent_export_job_free);
  g_free (export->path);
  g_free (export);
}

static void
export_end (EntWindow  *self,
            const char *message)
{
  g_clear_pointer (&self->export, export_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  _ent_window_show_toast (self, message);
}

/**
 * _ent_window_cancel_export:
 * @self: a window
 *
 * Stops the export under way, if any: it leaves no file.
 */
void
_ent_window_cancel_export (EntWindow *self)
{
  g_clear_pointer (&self->export, export_free);
}

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      EntWindow        *self)
{
  if (self->export == NULL || self->export->progress != dialog)
    return;

  /* The dialog closes itself after its response. */
  self->export->progress = NULL;
  export_end (self, _("Export cancelled"));
}

static gboolean
show_progress_cb (gpointer user_data)
{
  EntWindow *self = user_data;
  EntWindowExport *export = self->export;
  g_autofree char *name = g_path_get_basename (export->path);
  g_autofree char *heading = g_strdup_printf (_("Exporting “%s”"), name);

  export->progress_timeout = 0;
  export->progress = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  export->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (export->progress_bar, TRUE);
  gtk_progress_bar_set_fraction (export->progress_bar, ent_export_job_get_fraction (export->job));
  adw_message_dialog_set_extra_child (export->progress, GTK_WIDGET (export->progress_bar));
  adw_message_dialog_add_response (export->progress, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (export->progress, "cancel");
  g_signal_connect (export->progress, "response", G_CALLBACK (progress_response_cb), self);
  gtk_window_present (GTK_WINDOW (export->progress));

  return G_SOURCE_REMOVE;
}

static gboolean
export_step_cb (gpointer user_data)
{
  EntWindow *self = user_data;
  EntWindowExport *export = self->export;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean done = FALSE;

  while (!done && g_get_monotonic_time () - start < STEP_BUDGET_US)
    if (!ent_export_job_step (export->job, &done, &error))
      {
        export->source = 0;
        export_end (self, error->message);
        return G_SOURCE_REMOVE;
      }

  if (done)
    {
      g_autofree char *name = g_path_get_basename (export->path);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      g_clear_pointer (&export->job, ent_export_job_free);
      export->source = 0;
      export_end (self, message);
      return G_SOURCE_REMOVE;
    }

  if (export->progress_bar != NULL)
    gtk_progress_bar_set_fraction (export->progress_bar, ent_export_job_get_fraction (export->job));
  return G_SOURCE_CONTINUE;
}

/**
 * ent_window_export_file:
 * @self: a window
 * @path: the file to write: .svg, .png or .pdf
 * @options: size, colours, legend, area and the items left out
 *
 * Exports the diagram a part at a time from the main loop, so that the
 * window stays live; one that takes more than a moment shows its progress
 * with a Cancel button. Cancelled, or failing, it leaves no file. The end is
 * told in a toast.
 *
 * Returns: %TRUE if the export started
 */
gboolean
ent_window_export_file (EntWindow              *self,
                        const char             *path,
                        const EntExportOptions *options)
{
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  g_autoptr(GError) error = NULL;
  EntExportOptions job_options = *options;
  EntExportFormat format;
  EntExportJob *job;

  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (scene == NULL || self->export != NULL)
    return FALSE;

  if (job_options.strip_rows == 0)
    job_options.strip_rows = WINDOW_STRIP_ROWS;
  if (!ent_export_format_for_path (path, &format, &error) ||
      (job = ent_export_job_new (scene, path, format, &job_options, &error)) == NULL)
    {
      _ent_window_show_toast (self, error->message);
      return FALSE;
    }

  self->export = g_new0 (EntWindowExport, 1);
  self->export->window = self;
  self->export->job = job;
  self->export->path = g_strdup (path);
  self->export->source = g_idle_add (export_step_cb, self);
  self->export->progress_timeout = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);

  return TRUE;
}

/**
 * ent_window_is_exporting:
 * @self: a window
 *
 * Returns: whether an export is under way
 */
gboolean
ent_window_is_exporting (EntWindow *self)
{
  g_return_val_if_fail (ENT_IS_WINDOW (self), FALSE);

  return self->export != NULL;
}

/* The part of the graph the view shows, for "export the visible area". */
static void
visible_area (EntWindow *self,
              EntRect   *area)
{
  GtkWidget *view = GTK_WIDGET (self->graph_view);

  ent_graph_view_widget_to_graph (self->graph_view, 0, 0, &area->x1, &area->y1);
  ent_graph_view_widget_to_graph (self->graph_view, gtk_widget_get_width (view), gtk_widget_get_height (view),
                                  &area->x2, &area->y2);
}

/* The PNG sizes the export dialog offers: for a screen, at 100 % and 200 % of the diagram, and for print. */
static const struct
{
  const char       *id;
  const char       *label;
  EntExportOptions  size;
} png_sizes[] = {
  { "screen", N_("Screen"), { 0 } },
  { "100", N_("100 %"), { .scale = 1.0 } },
  { "200", N_("200 %"), { .scale = 2.0 } },
  { "300dpi", N_("300 dpi for print"), { .dpi = 300.0 } },
};

/* The size in pixels and in memory of each choice, worked out when the dialog opens, as "Screen — 4,096 × 2,730 px". */
static char *
png_size_label (EntScene *scene,
                guint     choice)
{
  EntExportOptions options = png_sizes[choice].size;
  int width, height;

  options.legend = TRUE;
  if (!ent_export_png_size (scene, &options, &width, &height, NULL))
    /* Translators: a PNG size in the export dialog; %s is its name, such as "300 dpi for print" */
    return g_strdup_printf (_("%s — too large for a PNG"), _(png_sizes[choice].label));

  /* Translators: a PNG size in the export dialog: its name, width and height in pixels, and the megabytes
   * its pixels take before compression */
  return g_strdup_printf (_("%s — %'d × %'d px, %'.0f MB uncompressed"), _(png_sizes[choice].label), width, height,
                          MAX (1.0, (double) width * height * 3 / 1e6));
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EntWindow       *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autofree char *path = NULL;
  const char *area_choice, *scale_choice, *background_choice;
  EntExportOptions options = { 0 };
  EntRect area;

  if (ent_graph_view_get_scene (self->graph_view) != NULL)
    path = _ent_window_chosen_path (self, dialog, response, _("Only local files can be written"));
  if (path == NULL)
    {
      g_object_unref (dialog);
      return;
    }

  area_choice = gtk_file_chooser_get_choice (chooser, "area");
  scale_choice = gtk_file_chooser_get_choice (chooser, "scale");
  background_choice = gtk_file_chooser_get_choice (chooser, "background");

  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    if (g_strcmp0 (scale_choice, png_sizes[i].id) == 0)
      options = png_sizes[i].size;
  options.legend = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "legend"), "false") != 0;
  options.caption = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "caption"), "true") == 0;
  options.title = adw_window_title_get_title (self->window_title);
  options.dark = g_strcmp0 (background_choice, "dark") == 0;
  options.transparent = g_strcmp0 (background_choice, "transparent") == 0;
  if (g_strcmp0 (area_choice, "visible") == 0)
    {
      visible_area (self, &area);
      options.area = &area;
    }

  ent_window_export_file (self, path, &options);
  g_object_unref (dialog);
}

static void
add_choice (GtkFileChooser *chooser,
            const char     *id,
            const char     *label,
            const char    **ids,
            const char    **labels,
            const char     *chosen)
{
  gtk_file_chooser_add_choice (chooser, id, label, ids, labels);
  gtk_file_chooser_set_choice (chooser, id, chosen);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EntWindow *self = ENT_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileChooser *chooser;
  static const char *area_ids[] = { "all", "visible", NULL };
  static const char *background_ids[] = { "light", "dark", "transparent", NULL };
  const char *scale_ids[G_N_ELEMENTS (png_sizes) + 1] = { NULL };
  char *scale_labels[G_N_ELEMENTS (png_sizes) + 1] = { NULL };
  EntScene *scene = ent_graph_view_get_scene (self->graph_view);
  const char *area_labels[] = { _("Whole network"), _("Visible area"), NULL };
  const char *background_labels[] = { _("Light"), _("Dark"), _("Transparent"), NULL };
  const char *patterns[][2] = { { "*.png", N_("PNG image") }, { "*.svg", N_("SVG drawing") }, { "*.pdf", N_("PDF document") } };
  g_autofree char *name = NULL;

  if (scene == NULL || self->export != NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    {
      scale_ids[i] = png_sizes[i].id;
      scale_labels[i] = png_size_label (scene, i);
    }

  dialog = gtk_file_chooser_native_new (_("Export the Diagram"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (dialog);

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(patterns[i][1]));
      gtk_file_filter_add_pattern (filter, patterns[i][0]);
      gtk_file_chooser_add_filter (chooser, filter);
    }

  add_choice (chooser, "area", _("Export"), area_ids, area_labels, "all");
  add_choice (chooser, "scale", _("PNG size"), scale_ids, (const char **) scale_labels, "screen");
  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    g_free (scale_labels[i]);
  add_choice (chooser, "background", _("Background"), background_ids, background_labels, "light");
  add_choice (chooser, "legend", _("Include the legend"), NULL, NULL, "true");
  add_choice (chooser, "caption", _("Caption with the title and date"), NULL, NULL, "false");

  name = g_strdup_printf ("%s.png", adw_window_title_get_title (self->window_title));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (chooser, name);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_ent_window_export_class_init (EntWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
