/* ent-window-private.h: what the parts of the main window share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-window.h"
#include "ent-connection-panel.h"
#include "ent-sources-page.h"
#include "ent-timeline-view.h"
#include "ent-evidence-panel.h"
#include "ent-export-dialog.h"
#include "ent-graph-view.h"
#include "ent-kind-filter.h"
#include "ent-source-view.h"
#include "ent-store.h"

G_BEGIN_DECLS

typedef struct _EntWindowExport EntWindowExport;
typedef struct _EntPathIndex EntPathIndex;

struct _EntWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  EntStore             *store;
  EntGraph             *graph;
  char                 *engine;
  GCancellable         *layout_cancellable;
  GCancellable         *route_cancellable;
  gboolean              panel_visible;
  gboolean              paned_placed;
  gulong                store_changed_id;
  /* The entity selected before the current one: a new relation joins the two. */
  gint64                current_entity;
  gint64                previous_entity;

  AdwWindowTitle       *window_title;
  GtkMenuButton        *engine_button;
  AdwToastOverlay      *toast_overlay;
  GtkInfoBar           *read_only_bar;
  GtkLabel             *read_only_label;
  GtkStack             *view_stack;
  AdwStatusPage        *status_page;
  GtkPaned             *paned;
  EntGraphView         *graph_view;
  GtkRevealer          *progress_revealer;
  GtkSpinner           *progress_spinner;
  GtkLabel             *progress_label;
  GtkRevealer          *focus_revealer;
  GtkLabel             *focus_label;
  GtkSpinButton        *focus_depth;
  EntKindFilter        *kind_filter;
  GtkWidget            *zoom_controls;
  GtkButton            *zoom_button;
  GtkStack             *side_stack;
  EntEvidencePanel     *evidence_panel;
  EntSourceView        *source_view;
  EntConnectionPanel   *connection_panel;
  EntSourcesPage       *sources_page;
  EntTimelineView      *timeline;
  GtkRevealer          *timeline_revealer;
  GtkToggleButton      *timeline_button;
  GtkBox               *filter_chips;
  /* What "Why connected?" searches, made for @path_graph when first asked; the chains it found last. */
  EntPathIndex         *path_index;
  EntGraph             *path_graph;
  GPtrArray            *chains;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkScrolledWindow    *search_scroller;
  GtkListBox           *search_results;
  GMenu                *edit_section;
  GMenu                *recent_menu;
  /* The export under way, if any, and the dialog that chooses one, while it is open. */
  EntWindowExport      *export;
  EntExportDialog      *export_dialog;
};

/* ent-window.c */
void        _ent_window_update_title        (EntWindow       *self);
gboolean    _ent_window_load                (EntWindow       *self,
                                             const char      *path,
                                             GError         **error);
void        _ent_window_show_toast          (EntWindow       *self,
                                             const char      *message);
const char *_ent_window_get_engine          (EntWindow       *self,
                                             const char     **reason);
void        _ent_window_reroute             (EntWindow       *self);
void        _ent_window_set_running         (EntWindow       *self,
                                             const char      *label);
void        _ent_window_show_layout         (EntWindow       *self,
                                             GArray          *bundles);
void        _ent_window_build_diagram       (EntWindow       *self,
                                             gboolean         relayout);
void        _ent_window_select_entity       (EntWindow       *self,
                                             gint64           entity_id);

/* ent-window-actions.c */
void        _ent_window_actions_class_init  (EntWindowClass  *klass);
void        _ent_window_actions_init        (EntWindow       *self);

/* ent-window-bundles.c */
void        _ent_window_bundles_class_init  (EntWindowClass  *klass);
void        _ent_window_bundles_update      (EntWindow       *self);

/* ent-window-edit.c */
void        _ent_window_edit_class_init     (EntWindowClass  *klass);
void        _ent_window_edit_init           (EntWindow       *self);
void        _ent_window_update_edit_actions (EntWindow       *self);

/* ent-window-data.c */
void        _ent_window_data_class_init     (EntWindowClass  *klass);

/* ent-window-export.c */
void        _ent_window_export_class_init   (EntWindowClass  *klass);
void        _ent_window_cancel_export       (EntWindow       *self);
EntExportDialog *_ent_window_get_export_dialog (EntWindow    *self);

/* ent-window-files.c */
void        _ent_window_files_class_init    (EntWindowClass  *klass);
void        _ent_window_files_init          (EntWindow       *self);
void        _ent_window_add_recent_file     (const char      *path);
void        _ent_window_open_file           (EntWindow       *self,
                                             const char      *path);
gboolean    _ent_window_drop_files          (EntWindow       *self,
                                             GSList          *files);
void        _ent_window_add_file_filter     (GtkFileChooser  *chooser,
                                             const char      *name,
                                             const char      *mime_type,
                                             const char      *pattern);
char       *_ent_window_chosen_path         (EntWindow       *self,
                                             GtkNativeDialog *dialog,
                                             int              response,
                                             const char      *not_local);

/* ent-window-filters.c */
void        _ent_window_filters_class_init  (EntWindowClass  *klass);
void        _ent_window_filters_init        (EntWindow       *self);
void        _ent_window_filters_graph_changed (EntWindow     *self);

/* ent-window-paths.c */
void        _ent_window_paths_class_init    (EntWindowClass  *klass);
void        _ent_window_paths_init          (EntWindow       *self);
void        _ent_window_paths_dispose       (EntWindow       *self);
void        _ent_window_paths_graph_changed (EntWindow       *self);
void        _ent_window_show_connection     (EntWindow       *self,
                                             gint64           from_id,
                                             gint64           to_id);

/* ent-window-report.c */
void        _ent_window_report_class_init   (EntWindowClass  *klass);
gboolean    _ent_window_write_report        (EntWindow       *self,
                                             const char      *path,
                                             GError         **error);

/* ent-window-search.c */
void        _ent_window_search_class_init   (EntWindowClass  *klass);
void        _ent_window_search_init         (EntWindow       *self);

G_END_DECLS
