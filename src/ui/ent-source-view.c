/* ent-source-view.c: the full text of a source, with its quotes highlighted
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-source-view"

#include "config.h"

#include "ent-source-view.h"
#include "ent-mentions.h"
#include "ent-pane.h"

#include <glib/gi18n.h>

struct _EntSourceView
{
  GtkWidget      parent_instance;

  EntGraph      *graph;
  gint64         quote_id;
  gint64         source_id;

  GtkTextTag    *mention_tag;
  GtkTextTag    *quote_tag;
  GtkTextTag    *current_quote_tag;
  GtkTextMark   *current_quote_mark;
  /* Mentions no quote links, of the entity the window shows (EntMention), or NULL. */
  GArray        *mentions;

  GtkStack      *stack;
  GtkLabel      *title_label;
  GtkWidget     *details_box;
  GtkLabel      *details_label;
  GtkWidget     *link_button;
  GtkLabel      *link_label;
  GtkTextView   *text_view;
};

G_DEFINE_FINAL_TYPE (EntSourceView, ent_source_view, GTK_TYPE_WIDGET)

enum {
  QUOTE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The accent colour of each style, tinted so that the text on it keeps its contrast. */
static const GdkRGBA quote_light = { 53 / 255.0, 132 / 255.0, 228 / 255.0, 0.22 };
static const GdkRGBA current_quote_light = { 53 / 255.0, 132 / 255.0, 228 / 255.0, 0.45 };
static const GdkRGBA quote_dark = { 120 / 255.0, 174 / 255.0, 237 / 255.0, 0.30 };
static const GdkRGBA current_quote_dark = { 120 / 255.0, 174 / 255.0, 237 / 255.0, 0.55 };
static const GdkRGBA underline_light = { 28 / 255.0, 113 / 255.0, 216 / 255.0, 1.0 };
static const GdkRGBA underline_dark = { 120 / 255.0, 174 / 255.0, 237 / 255.0, 1.0 };
/* A mention is only a hint, so its line is the colour of the text, faint. */
static const GdkRGBA mention_light = { 0.0, 0.0, 0.0, 0.35 };
static const GdkRGBA mention_dark = { 1.0, 1.0, 1.0, 0.40 };

static void
update_tag_colors (EntSourceView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_object_set (self->mention_tag,
                "underline-rgba", dark ? &mention_dark : &mention_light,
                NULL);
  g_object_set (self->quote_tag,
                "background-rgba", dark ? &quote_dark : &quote_light,
                NULL);
  g_object_set (self->current_quote_tag,
                "background-rgba", dark ? &current_quote_dark : &current_quote_light,
                "underline-rgba", dark ? &underline_dark : &underline_light,
                NULL);
}

static void
dark_changed_cb (EntSourceView *self)
{
  update_tag_colors (self);
}

static void
get_quote_bounds (EntSourceView *self,
                  EntQuote      *quote,
                  GtkTextIter   *start,
                  GtkTextIter   *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* Both count characters, not bytes, so the offsets of the store are the
   * offsets of the buffer. */
  gtk_text_buffer_get_iter_at_offset (buffer, start, (int) quote->start);
  gtk_text_buffer_get_iter_at_offset (buffer, end, (int) quote->end);
}

/* Of the quotes of the shown source that cover @offset, the shortest: when
 * quotes nest, the inner one is the one that can be clicked on its own. */
static EntQuote *
find_quote_at_offset (EntSourceView *self,
                      gint64         offset)
{
  EntQuote *found = NULL;

  for (guint i = 0; i < self->graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (self->graph->quotes, i);

      if (quote->source_id != self->source_id || offset < quote->start || offset >= quote->end)
        continue;
      if (found == NULL || quote->end - quote->start < found->end - found->start)
        found = quote;
    }

  return found;
}

static void
text_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  EntSourceView   *self)
{
  GtkTextIter iter;
  EntQuote *quote;
  int buffer_x;
  int buffer_y;

  /* A drag selects text to copy; only a plain click follows a quote. */
  if (n_press != 1 || self->graph == NULL ||
      gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &buffer_x, &buffer_y);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, buffer_x, buffer_y))
    return;

  quote = find_quote_at_offset (self, gtk_text_iter_get_offset (&iter));
  if (quote != NULL)
    g_signal_emit (self, signals[QUOTE_ACTIVATED], 0, quote->id);
}

static void
show_nothing (EntSourceView *self)
{
  self->quote_id = 0;
  self->source_id = 0;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
load_source (EntSourceView *self,
             EntSource     *source)
{
  g_autofree char *published = NULL;
  g_autofree char *details = NULL;
  gboolean has_publisher = source->publisher != NULL && *source->publisher != '\0';
  gboolean has_url = source->url != NULL && *source->url != '\0';

  self->source_id = source->id;

  gtk_label_set_label (self->title_label, source->title);

  if (source->published != NULL && *source->published != '\0')
    published = ent_date_format (source->published);
  if (has_publisher && published != NULL)
    /* Translators: a source's publisher and its date of publication */
    details = g_strdup_printf (_("%s · %s"), source->publisher, published);
  else if (has_publisher)
    details = g_strdup (source->publisher);
  else
    details = g_steal_pointer (&published);
  gtk_label_set_label (self->details_label, details != NULL ? details : "");
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details != NULL);

  gtk_link_button_set_uri (GTK_LINK_BUTTON (self->link_button), has_url ? source->url : "");
  gtk_label_set_label (self->link_label, has_url ? source->url : "");
  gtk_widget_set_visible (self->link_button, has_url);
  gtk_widget_set_visible (self->details_box, details != NULL || has_url);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), source->body, -1);
}

static void
highlight (EntSourceView *self,
           EntQuote      *current)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->quote_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_quote_tag, &start, &end);

  for (guint i = 0; i < self->graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (self->graph->quotes, i);

      if (quote->source_id != current->source_id)
        continue;

      get_quote_bounds (self, quote, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->quote_tag, &start, &end);
    }

  get_quote_bounds (self, current, &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->current_quote_tag, &start, &end);

  /* Moving the cursor clears any selection the reader left behind. */
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_buffer_move_mark (buffer, self->current_quote_mark, &start);
  /* Unlike scrolling to an iter, scrolling to a mark waits for the lines to
   * be measured, so it also works before the view is shown. A third of the
   * way down leaves some of what comes before the quote in sight. */
  gtk_text_view_scroll_to_mark (self->text_view, self->current_quote_mark, 0.0, TRUE, 0.0, 0.3);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, current->text,
                                  -1);
}

/* Underlines the mentions that are in the shown source. */
static void
underline_mentions (EntSourceView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->mention_tag, &start, &end);

  for (guint i = 0; self->source_id != 0 && self->mentions != NULL && i < self->mentions->len; i++)
    {
      const EntMention *mention = &g_array_index (self->mentions, EntMention, i);

      if (mention->source_id != self->source_id)
        continue;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, (int) mention->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) mention->end);
      gtk_text_buffer_apply_tag (buffer, self->mention_tag, &start, &end);
    }
}

/**
 * ent_source_view_set_mentions:
 * @self: a #EntSourceView
 * @mentions: (nullable) (element-type EntMention): mentions that no quote
 *   links yet, of the entity the window shows; copied
 *
 * Those of them in the shown source, or in a source shown later, are lightly underlined.
 */
void
ent_source_view_set_mentions (EntSourceView *self,
                              GArray        *mentions)
{
  g_return_if_fail (ENT_IS_SOURCE_VIEW (self));

  g_clear_pointer (&self->mentions, g_array_unref);
  if (mentions != NULL && mentions->len > 0)
    {
      self->mentions = g_array_sized_new (FALSE, FALSE, sizeof (EntMention), mentions->len);
      g_array_append_vals (self->mentions, mentions->data, mentions->len);
    }

  /* Nothing is shown any more once the view is disposed. */
  if (self->text_view != NULL)
    underline_mentions (self);
}

GtkWidget *
ent_source_view_new (void)
{
  return g_object_new (ENT_TYPE_SOURCE_VIEW, NULL);
}

/**
 * ent_source_view_set_graph:
 * @self: a #EntSourceView
 * @graph: (nullable): the network whose sources to show
 *
 * Shows the quote that was shown before in @graph, reloading its source, as
 * @graph may hold an edited version of it; when it is gone, the view shows
 * nothing.
 */
void
ent_source_view_set_graph (EntSourceView *self,
                           EntGraph      *graph)
{
  gint64 quote_id, source_id;

  g_return_if_fail (ENT_IS_SOURCE_VIEW (self));

  quote_id = self->quote_id;
  source_id = self->source_id;

  ent_pane_replace_graph (&self->graph, graph);

  self->source_id = 0;
  /* A source shown without a quote of its own (a new one, say) stays shown. */
  if (quote_id == 0 && source_id != 0)
    ent_source_view_show_source (self, source_id);
  else
    ent_source_view_show_quote (self, quote_id);
}

/**
 * ent_source_view_show_source:
 * @self: a #EntSourceView
 * @source_id: a source of the graph
 *
 * Shows a source from its start, with every quote of it highlighted: a new
 * source, to read and take entities and relations from.
 */
void
ent_source_view_show_source (EntSourceView *self,
                             gint64         source_id)
{
  EntSource *source;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (ENT_IS_SOURCE_VIEW (self));

  source = self->graph != NULL ? ent_graph_get_source (self->graph, source_id) : NULL;
  if (source == NULL)
    {
      show_nothing (self);
      return;
    }

  if (source->id != self->source_id)
    {
      load_source (self, source);
      buffer = gtk_text_view_get_buffer (self->text_view);
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
  self->quote_id = 0;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->quote_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_quote_tag, &start, &end);
  for (guint i = 0; i < self->graph->quotes->len; i++)
    {
      EntQuote *quote = g_ptr_array_index (self->graph->quotes, i);

      if (quote->source_id != source->id)
        continue;
      get_quote_bounds (self, quote, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->quote_tag, &start, &end);
    }
  underline_mentions (self);
  gtk_stack_set_visible_child_name (self->stack, "source");
}

/**
 * ent_source_view_show_quote:
 * @self: a #EntSourceView
 * @quote_id: a quote of the graph, or 0 for nothing
 *
 * Shows the source of the quote with every quote of it highlighted, this
 * one the most, and scrolls to it.
 */
void
ent_source_view_show_quote (EntSourceView *self,
                            gint64         quote_id)
{
  EntQuote *quote = NULL;
  EntSource *source = NULL;

  g_return_if_fail (ENT_IS_SOURCE_VIEW (self));

  if (self->graph != NULL && quote_id != 0)
    quote = ent_graph_get_quote (self->graph, quote_id);
  if (quote != NULL)
    source = ent_graph_get_source (self->graph, quote->source_id);

  if (source == NULL)
    {
      show_nothing (self);
      return;
    }

  if (source->id != self->source_id)
    load_source (self, source);

  self->quote_id = quote->id;
  highlight (self, quote);
  underline_mentions (self);
  gtk_stack_set_visible_child_name (self->stack, "source");
}

/**
 * ent_source_view_get_quote:
 * @self: a #EntSourceView
 *
 * Returns: the id of the shown quote, or 0 when none is shown
 */
gint64
ent_source_view_get_quote (EntSourceView *self)
{
  g_return_val_if_fail (ENT_IS_SOURCE_VIEW (self), 0);

  return self->quote_id;
}

/**
 * ent_source_view_get_source:
 * @self: a #EntSourceView
 *
 * Returns: the id of the shown source, or 0 when none is shown
 */
gint64
ent_source_view_get_source (EntSourceView *self)
{
  g_return_val_if_fail (ENT_IS_SOURCE_VIEW (self), 0);

  return self->source_id;
}

/**
 * ent_source_view_dup_highlighted_text:
 * @self: a #EntSourceView
 *
 * Reads the buffer, not the graph, so that it tells what the reader sees.
 *
 * Returns: (transfer full) (nullable): the text of the current quote exactly
 *   as highlighted in the buffer, or %NULL when no quote is shown
 */
char *
ent_source_view_dup_highlighted_text (EntSourceView *self)
{
  GtkTextIter start;
  GtkTextIter end;

  g_return_val_if_fail (ENT_IS_SOURCE_VIEW (self), NULL);

  if (self->quote_id == 0)
    return NULL;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->text_view), &start);
  if (!gtk_text_iter_starts_tag (&start, self->current_quote_tag) &&
      !gtk_text_iter_forward_to_tag_toggle (&start, self->current_quote_tag))
    return NULL;

  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, self->current_quote_tag);

  return gtk_text_iter_get_text (&start, &end);
}

/**
 * ent_source_view_get_selection:
 * @self: a #EntSourceView
 * @start: (out): the first selected character of the source
 * @end: (out): the character after the selection
 *
 * Returns: whether a passage of the shown source is selected
 */
gboolean
ent_source_view_get_selection (EntSourceView *self,
                               gint64        *start,
                               gint64        *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  g_return_val_if_fail (ENT_IS_SOURCE_VIEW (self), FALSE);

  if (self->source_id == 0)
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->text_view);
  if (!gtk_text_buffer_get_selection_bounds (buffer, &from, &to))
    return FALSE;

  *start = gtk_text_iter_get_offset (&from);
  *end = gtk_text_iter_get_offset (&to);
  return *end > *start;
}

static void
ent_source_view_dispose (GObject *object)
{
  EntSourceView *self = (EntSourceView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ENT_TYPE_SOURCE_VIEW);
  g_clear_pointer (&self->graph, ent_graph_unref);
  g_clear_pointer (&self->mentions, g_array_unref);

  G_OBJECT_CLASS (ent_source_view_parent_class)->dispose (object);
}

static void
ent_source_view_class_init (EntSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ent_source_view_dispose;

  /**
   * EntSourceView::quote-activated:
   * @self: a #EntSourceView
   * @quote_id: the quote the user clicked on
   */
  signals[QUOTE_ACTIVATED] = ent_pane_signal_new_id (G_TYPE_FROM_CLASS (klass), "quote-activated");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ent-source-view.ui");
  gtk_widget_class_bind_template_child (widget_class, EntSourceView, stack);
  gtk_widget_class_bind_template_child (widget_class, EntSourceView, title_label);
  gtk_widget_class_bind_template_child (widget_class, EntSourceView, details_box);
  gtk_widget_class_bind_template_child (widget_class, EntSourceView, details_label);
  gtk_widget_class_bind_template_child (widget_class, EntSourceView, link_button);
  gtk_widget_class_bind_template_child (widget_class, EntSourceView, link_label);
  gtk_widget_class_bind_template_child (widget_class, EntSourceView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, text_released_cb);
}

static void
ent_source_view_init (EntSourceView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  /* Created first, so that the line of the current quote is drawn over it. */
  self->mention_tag = gtk_text_buffer_create_tag (buffer, "mention",
                                                  "underline", PANGO_UNDERLINE_SINGLE,
                                                  NULL);
  self->quote_tag = gtk_text_buffer_create_tag (buffer, "quote", NULL);
  /* Created second, so it takes precedence where the two overlap. */
  self->current_quote_tag = gtk_text_buffer_create_tag (buffer, "current-quote",
                                                        "underline", PANGO_UNDERLINE_SINGLE,
                                                        NULL);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->current_quote_mark = gtk_text_buffer_create_mark (buffer, "current-quote", &start, TRUE);
  update_tag_colors (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);

  /* What a selected passage can become, in the text's own context menu, beside Copy: the window's actions. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    g_autoptr(GMenu) section = g_menu_new ();

    g_menu_append (section, _("New _Entity from Selection…"), "win.entity-from-selection");
    g_menu_append (section, _("New _Relation from Selection…"), "win.relation-from-selection");
    g_menu_append (section, _("_Add as Evidence"), "win.add-evidence");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));
  }
}
