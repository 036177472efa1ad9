/* ent-application.c: the application: its command line, headless export, one instance and a window per file
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-application"

#include "config.h"

#include "ent-application.h"
#include "ent-data.h"
#include "ent-diagram.h"
#include "ent-window.h"
#include "ent-user-data.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct _EntApplication
{
  AdwApplication  parent_instance;

  /* Files named on the command line, opened when the application activates. */
  GPtrArray      *startup_files;
};

G_DEFINE_FINAL_TYPE (EntApplication, ent_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the diagram (.svg, .png or .pdf) or the data (.json, or .csv: NAME-entities.csv and "
       "NAME-relations.csv) to FILE and exit, without opening a window"), N_("FILE") },
  { "report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the evidence report (.html or .pdf) to FILE and exit: the diagram, then every entity and relation "
       "with its quotes; --kinds, --focus and --area keep it to part of the network"), N_("FILE") },
  { "import", 'i', 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Read a network from FILE (.json, or .csv: given twice for the entities and the relations) into a new "
       "network, the file given with --output, and exit"), N_("FILE") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL, N_("The new network an import makes"), N_("FILE") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The data format of --import or --export, when the file’s name does not say (json, csv, …)"), N_("FORMAT") },
  { "engine", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Lay out with ENGINE: dot, neato, fdp, sfdp, circo or twopi (default: chosen by the network’s size)"),
    N_("ENGINE") },
  { "relayout", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Lay the network out anew instead of using stored positions"), NULL },
  { "bundle", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Bundle the edges of the stored layout with Graphviz’s mingle, store the bundles in the file and exit; "
       "with --export, draw them in the diagram too"), NULL },
  { "area", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The part of the network an exported diagram shows: all (the default), shown (what --kinds and --focus "
       "show), X1,Y1,X2,Y2 (a rectangle of the diagram, in points) or neighbours:ENTITY (an entity, by id or "
       "name, with its neighbours)"), N_("AREA") },
  { "kinds", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show only entities of these kinds in an exported diagram, as the kind filter does"), N_("KIND,…") },
  { "sources", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --report, show only what these sources support, by id or title"), N_("SOURCE,…") },
  { "happened", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --report, show only what happened in a time range: 1991, 2024-03..2024-05"),
    N_("DATE[..DATE]") },
  { "reported", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export or --report, show only what sources published in a time range support"),
    N_("DATE[..DATE]") },
  { "focus", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show only an entity, by id or name, and what is within DEPTH relations of it (default 1)"),
    N_("ENTITY[:DEPTH]") },
  { "background", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The background of an exported diagram: light (the default), dark or transparent"), N_("BACKGROUND") },
  { "legend", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Draw the legend in an exported diagram: yes (the default) or no"),
    N_("yes|no") },
  { "caption", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Add a caption with the network’s title and the date to an exported diagram"), NULL },
  { "width", 0, 0, G_OPTION_ARG_INT, NULL, N_("The width of an exported PNG in pixels"), N_("PX") },
  { "height", 0, 0, G_OPTION_ARG_INT, NULL, N_("The height of an exported PNG in pixels"), N_("PX") },
  { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, NULL, N_("The resolution of an exported PNG, in dots per inch of the diagram"),
    N_("N") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Pixels per point of an exported PNG (default: its longest side 4,096 pixels, at most 2 pixels a point)"),
    N_("N") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The paper of an exported PDF: a4, letter, a3 or diagram (default: one page the diagram’s size)"),
    N_("PAPER") },
  { "orientation", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Turn an exported PDF’s paper: portrait or landscape"),
    N_("ORIENTATION") },
  { "margin", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("The margins of an exported PDF’s paper in millimetres, 0 for none (default: 10)"), N_("MM") },
  { "poster", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Print an exported PDF enlarged over N pages of its paper (A4 by default), with marks to glue them"),
    N_("N") },
  /* Taken here rather than by GApplication, so that --export sees its file too. */
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

EntApplication *
ent_application_new (void)
{
  return g_object_new (ENT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/*
 * Files named on the command line open when the application activates; an
 * instance that is already running opens them instead, in its own windows.
 */
static int
take_files (EntApplication  *self,
            const char     **files)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (self->startup_files, g_file_new_for_commandline_arg (files[i]));

  if (self->startup_files->len == 0)
    return -1;

  if (!g_application_register (G_APPLICATION (self), NULL, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return 1;
    }

  if (!g_application_get_is_remote (G_APPLICATION (self)))
    return -1;

  g_application_open (G_APPLICATION (self), (GFile **) self->startup_files->pdata, self->startup_files->len, "");
  return 0;
}

/* What `entente --import` does: a new network from files of another format, and what was skipped on the way. */
static int
import_files (const char * const *inputs,
              const char         *output,
              const char         *format_name)
{
  g_autoptr(EntImport) import = NULL;
  g_autoptr(GError) error = NULL;
  EntImportCounts counts;
  EntDataFormat format;

  if (output == NULL)
    {
      g_printerr (_("An import needs the new network’s file: --output=FILE.entente\n"));
      return 2;
    }

  if (format_name != NULL ? !ent_data_format_for_name (format_name, &format, &error)
                          : !ent_data_format_for_path (inputs[0], &format, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return 2;
    }

  import = ent_data_read (inputs, format, NULL, NULL, NULL, &error);
  if (import == NULL || !ent_data_write_network (import, output, FALSE, NULL, NULL, NULL, &counts, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < import->problems->len; i++)
    {
      EntImportProblem *problem = g_ptr_array_index (import->problems, i);

      /* Each message says where in the file its problem is. */
      g_printerr ("entente: %s\n", problem->message);
    }
  /* Translators: what `entente --import` says it did */
  g_print (_("Imported entities: %u, relations: %u, properties: %u, sources: %u; problems: %u\n"), counts.entities,
           counts.relations, counts.properties, counts.sources, import->problems->len);
  return 0;
}

/* The data, not the diagram, when --export names a data file or --format a data format. */
static gboolean
exports_data (const char    *output,
              const char    *format_name,
              EntDataFormat *format)
{
  if (format_name != NULL)
    return ent_data_format_for_name (format_name, format, NULL);
  return ent_data_format_for_path (output, format, NULL);
}

static int
export_data (const char    *input,
             const char    *output,
             EntDataFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = input != NULL ? g_strdup (input) : ent_user_database_ensure (&error);
  g_autoptr(EntStore) store = path != NULL ? ent_store_open (path, ENT_STORE_OPEN_DEFAULT, &error) : NULL;

  if (store == NULL || !ent_data_export (store, output, format, NULL, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* What `entente --bundle` does, saying on stderr what it is doing, as that may take a while. */
static int
bundle_file (const char             *input,
             const char             *output,
             const char             *engine,
             gboolean                relayout,
             const EntExportOptions *png_size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autofree char *path = input != NULL ? g_strdup (input) : ent_user_database_ensure (&error);
  guint n_bundled = 0;

  if (path != NULL)
    g_printerr (_("Bundling the edges of %s with Graphviz’s mingle…\n"), path);
  if (path == NULL || !ent_diagram_bundle_file (path, output, engine, relayout, png_size, &n_bundled, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return 1;
    }

  /* Translators: what `entente --bundle` says when it is done; %.1f is seconds */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Bundled %u relation in %.1f s\n", "Bundled %u relations in %.1f s\n",
                           n_bundled),
              n_bundled, g_timer_elapsed (timer, NULL));
  return 0;
}

/* --area: all, shown, X1,Y1,X2,Y2 or neighbours:ENTITY. */
static gboolean
read_area (const char      *text,
           EntDiagramScope *scope)
{
  g_auto(GStrv) numbers = NULL;
  double values[4];

  if (g_str_equal (text, "all"))
    return TRUE;
  if (g_str_equal (text, "shown"))
    {
      scope->scope = ENT_EXPORT_SCOPE_SHOWN;
      return TRUE;
    }
  if (g_str_has_prefix (text, "neighbours:") || g_str_has_prefix (text, "neighbors:"))
    {
      scope->scope = ENT_EXPORT_SCOPE_NEIGHBOURS;
      scope->entity = strchr (text, ':') + 1;
      return TRUE;
    }

  numbers = g_strsplit (text, ",", -1);
  if (g_strv_length (numbers) == 4)
    {
      guint i;

      for (i = 0; i < 4; i++)
        {
          char *end = NULL;

          values[i] = g_ascii_strtod (g_strstrip (numbers[i]), &end);
          if (end == numbers[i] || *end != '\0' || !isfinite (values[i]) || fabs (values[i]) > 1e7)
            break;
        }
      if (i == 4 && values[2] > values[0] && values[3] > values[1])
        {
          scope->scope = ENT_EXPORT_SCOPE_SHOWN;
          scope->has_area = TRUE;
          scope->area = (EntRect) { values[0], values[1], values[2], values[3] };
          return TRUE;
        }
    }

  g_printerr (_("The area must be all, shown, X1,Y1,X2,Y2 with X1 < X2 and Y1 < Y2, or neighbours:ENTITY\n"));
  return FALSE;
}

/* The part of the network, and how it looks: --area, --kinds, --sources, --happened, --reported, --focus,
 * --background, --legend, --caption. */
static gboolean
read_scope (GVariantDict     *options,
            EntDiagramScope  *scope,
            char           ***kinds,
            char            **focus_name,
            EntExportOptions *look)
{
  /* Borrowed from @options, which outlives the export. */
  const char *area = NULL;
  g_autofree char *kind_list = NULL;
  g_autofree char *background = NULL;
  g_autofree char *legend = NULL;
  const char *focus = NULL;

  if (g_variant_dict_lookup (options, "area", "&s", &area) && !read_area (area, scope))
    return FALSE;

  if (g_variant_dict_lookup (options, "kinds", "s", &kind_list))
    {
      *kinds = g_strsplit (kind_list, ",", -1);
      for (guint i = 0; (*kinds)[i] != NULL; i++)
        g_strstrip ((*kinds)[i]);
      scope->kinds = (const char * const *) *kinds;
    }

  g_variant_dict_lookup (options, "sources", "&s", &scope->sources);
  g_variant_dict_lookup (options, "happened", "&s", &scope->happened);
  g_variant_dict_lookup (options, "reported", "&s", &scope->reported);

  if (g_variant_dict_lookup (options, "focus", "&s", &focus))
    {
      const char *colon = strrchr (focus, ':');
      char *end = NULL;

      scope->focus = focus;
      if (colon != NULL)
        {
          guint64 depth = g_ascii_strtoull (colon + 1, &end, 10);

          if (end == colon + 1 || *end != '\0' || depth < 1 || depth > 100)
            {
              g_printerr (_("The depth of --focus must be a number from 1 to 100\n"));
              return FALSE;
            }
          scope->focus_depth = (guint) depth;
          /* The entity without its depth. */
          *focus_name = g_strndup (focus, colon - focus);
          scope->focus = *focus_name;
        }
    }

  look->legend = TRUE;
  if (g_variant_dict_lookup (options, "legend", "s", &legend))
    {
      if (g_str_equal (legend, "no") || g_str_equal (legend, "false"))
        look->legend = FALSE;
      else if (!g_str_equal (legend, "yes") && !g_str_equal (legend, "true"))
        {
          g_printerr (_("--legend must be yes or no\n"));
          return FALSE;
        }
    }

  if (g_variant_dict_lookup (options, "background", "s", &background))
    {
      if (g_str_equal (background, "dark"))
        look->dark = TRUE;
      else if (g_str_equal (background, "transparent"))
        look->transparent = TRUE;
      else if (!g_str_equal (background, "light"))
        {
          g_printerr (_("The background must be light, dark or transparent\n"));
          return FALSE;
        }
    }

  look->caption = g_variant_dict_contains (options, "caption");
  return TRUE;
}

/* The size of an exported PNG: one of --width, --height, --dpi and --scale, or none for the size of a screen. */
static gboolean
read_png_size (GVariantDict     *options,
               EntExportOptions *size)
{
  guint n_given = 0;

  n_given += g_variant_dict_lookup (options, "width", "i", &size->width);
  n_given += g_variant_dict_lookup (options, "height", "i", &size->height);
  n_given += g_variant_dict_lookup (options, "dpi", "d", &size->dpi);
  n_given += g_variant_dict_lookup (options, "scale", "d", &size->scale);

  if (n_given > 1)
    g_printerr (_("Give the size of a PNG once: --width, --height, --dpi or --scale\n"));
  else if ((g_variant_dict_contains (options, "width") && (size->width < 1 || size->width > ENT_EXPORT_MAX_PIXELS)) ||
           (g_variant_dict_contains (options, "height") && (size->height < 1 || size->height > ENT_EXPORT_MAX_PIXELS)))
    g_printerr (_("The width and height of a PNG must be from 1 to %d pixels\n"), ENT_EXPORT_MAX_PIXELS);
  else if (g_variant_dict_contains (options, "dpi") && (!(size->dpi > 0) || size->dpi > 72000))
    g_printerr (_("The dpi must be a number above 0 and at most 72000\n"));
  else if (g_variant_dict_contains (options, "scale") && (!(size->scale > 0) || size->scale > 1000))
    g_printerr (_("The scale must be a number above 0 and at most 1000\n"));
  else
    return TRUE;

  return FALSE;
}

/* The paper of an exported PDF: --page, --orientation, --margin and --poster, which only a PDF has. */
static gboolean
read_pdf_page (GVariantDict     *options,
               EntExportOptions *export)
{
  g_autofree char *output = NULL;
  g_autofree char *page = NULL;
  g_autofree char *orientation = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_margin = g_variant_dict_contains (options, "margin");
  gboolean has_poster = g_variant_dict_contains (options, "poster");
  EntExportFormat format;
  double margin = 0.0;

  g_variant_dict_lookup (options, "page", "s", &page);
  g_variant_dict_lookup (options, "orientation", "s", &orientation);
  if (page == NULL && orientation == NULL && !has_margin && !has_poster)
    return TRUE;

  if (!g_variant_dict_lookup (options, "export", "^ay", &output) ||
      !ent_export_format_for_path (output, &format, NULL) || format != ENT_EXPORT_FORMAT_PDF)
    {
      g_printerr (_("--page, --orientation, --margin and --poster are for a PDF: export to a file named .pdf\n"));
      return FALSE;
    }

  if (page != NULL && !ent_export_page_from_name (page, &export->page, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  if (orientation != NULL && g_ascii_strcasecmp (orientation, "landscape") == 0)
    export->landscape = TRUE;
  else if (orientation != NULL && g_ascii_strcasecmp (orientation, "portrait") != 0)
    {
      g_printerr (_("Unknown orientation “%s”: choose portrait or landscape\n"), orientation);
      return FALSE;
    }

  if (has_poster)
    {
      g_variant_dict_lookup (options, "poster", "i", &export->poster_pages);
      if (export->poster_pages < 1 || export->poster_pages > ENT_EXPORT_POSTER_MAX_PAGES)
        {
          g_printerr (_("A poster can have from 1 to %d pages\n"), ENT_EXPORT_POSTER_MAX_PAGES);
          return FALSE;
        }
    }

  if (has_margin)
    {
      g_variant_dict_lookup (options, "margin", "d", &margin);
      if (!(margin >= 0) || margin > 200)
        {
          g_printerr (_("The margin must be from 0 to 200 millimetres\n"));
          return FALSE;
        }
      /* The options' 0 is the default margin: none is below 0. */
      export->margin = margin == 0 ? -1.0 : margin * 72.0 / 25.4;
    }

  /* The diagram's own page has no paper to turn nor margins. */
  if ((orientation != NULL || has_margin) && export->page == ENT_EXPORT_PAGE_DIAGRAM && export->poster_pages <= 1)
    {
      g_printerr (_("--orientation and --margin are for paper: give --page=a4, letter or a3, or --poster\n"));
      return FALSE;
    }

  return TRUE;
}

/* What `entente --report` does: the evidence report of one network, kept to --kinds, --focus and --area. */
static int
write_report (GVariantDict      *options,
              const char       **files,
              const char        *output,
              const char        *engine,
              EntDiagramScope   *scope,
              char            ***kinds,
              char             **focus_name,
              EntExportOptions  *look)
{
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "export") || g_variant_dict_contains (options, "bundle"))
    {
      g_printerr (_("--report cannot be given with --export or --bundle\n"));
      return 2;
    }
  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr (_("Only one network can be reported on at a time\n"));
      return 2;
    }
  if (!read_scope (options, scope, kinds, focus_name, look))
    return 2;

  if (!ent_diagram_write_report (files != NULL ? files[0] : NULL, output, engine,
                                 g_variant_dict_contains (options, "relayout"), scope, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return 1;
    }
  return 0;
}

static int
ent_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  EntApplication *self = ENT_APPLICATION (app);
  g_autofree char *output = NULL;
  g_autofree char *report = NULL;
  g_autofree char *engine = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *import_output = NULL;
  g_autofree const char **files = NULL;
  g_autofree const char **imports = NULL;
  g_autoptr(GError) error = NULL;
  EntDataFormat format;
  EntExportOptions png_size = { 0 };
  EntDiagramScope scope = { 0 };
  g_auto(GStrv) kinds = NULL;
  g_autofree char *focus_name = NULL;
  gboolean bundle;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "entente", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "format", "s", &format_name);

  /* Importing and exporting need no display nor bus: they are done here, before GTK starts or the instance
   * registers. */
  if (g_variant_dict_lookup (options, "import", "^a&ay", &imports))
    {
      g_variant_dict_lookup (options, "output", "^ay", &import_output);
      return import_files (imports, import_output, format_name);
    }

  bundle = g_variant_dict_contains (options, "bundle");
  g_variant_dict_lookup (options, "report", "^ay", &report);
  if (!g_variant_dict_lookup (options, "export", "^ay", &output) && !bundle && report == NULL)
    return take_files (self, files);

  g_variant_dict_lookup (options, "engine", "s", &engine);

  if (report != NULL)
    return write_report (options, files, report, engine, &scope, &kinds, &focus_name, &png_size);

  if (files != NULL && files[0] != NULL && files[1] != NULL)
    {
      g_printerr (bundle ? _("Only one file can be bundled at a time\n") : _("Only one file can be exported at a time\n"));
      return 2;
    }

  if (output != NULL && exports_data (output, format_name, &format))
    {
      if (!bundle)
        return export_data (files != NULL ? files[0] : NULL, output, format);
      g_printerr (_("Bundled edges can only be exported in a diagram: .svg, .png or .pdf\n"));
      return 2;
    }

  if (!read_scope (options, &scope, &kinds, &focus_name, &png_size))
    return 2;

  if (!read_png_size (options, &png_size))
    return 2;
  if (!read_pdf_page (options, &png_size))
    return 2;

  if (bundle)
    return bundle_file (files != NULL ? files[0] : NULL, output, engine, g_variant_dict_contains (options, "relayout"),
                        &png_size);

  if (!ent_diagram_export_file (files != NULL ? files[0] : NULL, output, engine,
                                g_variant_dict_contains (options, "relayout"), &png_size, &scope, &error))
    {
      g_printerr ("entente: %s\n", error->message);
      return 1;
    }

  return 0;
}

static EntWindow *
new_window (EntApplication *self)
{
  EntWindow *window = g_object_new (ENT_TYPE_WINDOW, "application", self, NULL);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* The network open last time, as long as it is still there; otherwise the user's copy of the bundled one. */
static char *
startup_path (GError **error)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-file");

  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&last);

  return ent_user_database_ensure (error);
}

static void
ent_application_activate (GApplication *app)
{
  EntApplication *self = ENT_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWindow *window;

  if (self->startup_files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->startup_files);

      self->startup_files = g_ptr_array_new_with_free_func (g_object_unref);
      g_application_open (app, (GFile **) files->pdata, files->len, "");
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = startup_path (&error);
  if (path == NULL)
    {
      ent_window_show_error (new_window (self), error->message);
      return;
    }

  ent_window_open_path (new_window (self), path);
}

/* Symbolic links and ".." resolved, so that one file has one name. */
static GFile *
canonical_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *real = path != NULL ? realpath (path, NULL) : NULL;

  return real != NULL ? g_file_new_for_path (real) : g_object_ref (file);
}

/**
 * ent_application_find_window:
 * @self: a #EntApplication
 * @file: a .entente file
 *
 * Returns: (transfer none) (nullable): the window that has @file open
 */
EntWindow *
ent_application_find_window (EntApplication *self,
                             GFile          *file)
{
  g_autoptr(GFile) wanted = NULL;

  g_return_val_if_fail (ENT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  wanted = canonical_file (file);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      const char *path = ENT_IS_WINDOW (l->data) ? ent_window_get_path (l->data) : NULL;
      g_autoptr(GFile) shown = path != NULL ? g_file_new_for_path (path) : NULL;
      g_autoptr(GFile) canonical = shown != NULL ? canonical_file (shown) : NULL;

      if (canonical != NULL && g_file_equal (canonical, wanted))
        return l->data;
    }

  return NULL;
}

/* A window per file: a file that is open already raises its window. */
static void
ent_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  EntApplication *self = ENT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      EntWindow *window = ent_application_find_window (self, files[i]);

      if (window != NULL)
        gtk_window_present (GTK_WINDOW (window));
      else if (path != NULL)
        ent_window_open_path (new_window (self), path);
      else
        ent_window_show_error (new_window (self), _("Only local files can be opened"));
    }
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  EntApplication *self = user_data;
  static const char *developers[] = { "The Entente developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Entente"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Entente developers"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Entente developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Explore relationship networks with their evidence"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
ent_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (ent_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
ent_application_finalize (GObject *object)
{
  EntApplication *self = ENT_APPLICATION (object);

  g_clear_pointer (&self->startup_files, g_ptr_array_unref);

  G_OBJECT_CLASS (ent_application_parent_class)->finalize (object);
}

static void
ent_application_class_init (EntApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ent_application_finalize;

  app_class->handle_local_options = ent_application_handle_local_options;
  app_class->startup = ent_application_startup;
  app_class->activate = ent_application_activate;
  app_class->open = ent_application_open;
}

static void
ent_application_init (EntApplication *self)
{
  self->startup_files = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore relationship networks with their evidence."));
}
