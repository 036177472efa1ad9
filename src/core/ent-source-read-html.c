/* ent-source-read-html.c: reading a saved web page into a draft source
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-source-read"

#include "config.h"

#include "ent-source-read-private.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

/* The longest address kept as a source's URL. */
#define MAX_URL_LENGTH 8192

/* Elements whose text is not the page's text: code, styles, menus, the page's own header and footer, forms. */
static const char * const dropped_elements[] = {
  "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside", "form",
  "button", "iframe", "head", "title", "select", "textarea", "object", "embed", "canvas", "audio", "video",
  "dialog", NULL
};

/* Elements that start and end a paragraph of the text. */
static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "br", "section",
  "figcaption", "dd", "dt", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "caption", "figure",
  "article", "main", "address", "hr", "details", "summary", "body", "html", "fieldset", "legend", "center",
  "hgroup", NULL
};

/* The names a page's <meta> elements give its date of publication by, the likeliest first. */
static const char * const date_names[] = {
  "article:published_time", "date", "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.date",
  "dcterms.created", "datepublished", "pubdate", "publishdate", "parsely-pub-date", "sailthru.date",
  "og:published_time", NULL
};

typedef struct
{
  GString  *out;
  GString  *paragraph;
  gboolean  space;
  guint     pre_depth;
} Extract;

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
    g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
is_one_of (xmlNode            *node,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (is_element (node, names[i]))
      return TRUE;
  return FALSE;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
has_ancestor (xmlNode    *node,
              const char *name)
{
  for (xmlNode *up = node->parent; up != NULL; up = up->parent)
    if (is_element (up, name))
      return TRUE;
  return FALSE;
}

/* Whether the element is hidden by its attributes: “hidden”, or a style of display: none. */
static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *style = NULL;
  g_autoptr(GString) compact = NULL;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  style = get_attribute (node, "style");
  if (style == NULL)
    return FALSE;
  compact = g_string_new (NULL);
  for (const char *p = style; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_tolower (*p));
  return strstr (compact->str, "display:none") != NULL || strstr (compact->str, "visibility:hidden") != NULL;
}

/* Whether the element and all in it are left out of the text. An article's header holds its headline, so it stays. */
static gboolean
is_dropped (xmlNode *node)
{
  if (is_element (node, "header") && has_ancestor (node, "article"))
    return is_hidden (node);
  return is_one_of (node, dropped_elements) || is_hidden (node);
}

static void
end_paragraph (Extract *extract)
{
  GString *paragraph = extract->paragraph;

  if (extract->pre_depth > 0 || paragraph->len > 0)
    {
      /* Preformatted text keeps its lines and indents, less the blank lines around it. */
      gsize start = 0;

      while (start < paragraph->len && paragraph->str[start] == '\n')
        start++;
      while (paragraph->len > start && g_ascii_isspace (paragraph->str[paragraph->len - 1]))
        g_string_truncate (paragraph, paragraph->len - 1);
      if (paragraph->len > start)
        {
          if (extract->out->len > 0)
            g_string_append (extract->out, "\n\n");
          g_string_append_len (extract->out, paragraph->str + start, paragraph->len - start);
        }
    }
  g_string_truncate (paragraph, 0);
  extract->space = FALSE;
}

static void
add_text (Extract    *extract,
          const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (extract->pre_depth > 0)
        {
          if (*p == '\r')
            {
              g_string_append_c (extract->paragraph, '\n');
              if (p[1] == '\n')
                p++;
            }
          else if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
            g_string_append_c (extract->paragraph, *p);
        }
      else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
        extract->space = TRUE;
      else if ((guchar) *p >= 0x20)
        {
          if (extract->space && extract->paragraph->len > 0)
            g_string_append_c (extract->paragraph, ' ');
          extract->space = FALSE;
          g_string_append_c (extract->paragraph, *p);
        }
    }
}

/* Enters @node; returns whether its children are read. */
static gboolean
enter (Extract *extract,
       xmlNode *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        add_text (extract, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || is_dropped (node))
    return FALSE;
  if (is_one_of (node, block_elements))
    end_paragraph (extract);
  else if (is_element (node, "td") || is_element (node, "th"))
    extract->space = TRUE;
  if (is_element (node, "pre"))
    extract->pre_depth++;
  return node->children != NULL;
}

static void
leave (Extract *extract,
       xmlNode *node)
{
  if (is_one_of (node, block_elements))
    end_paragraph (extract);
  if (is_element (node, "pre") && extract->pre_depth > 0)
    extract->pre_depth--;
  else if (is_element (node, "td") || is_element (node, "th"))
    extract->space = TRUE;
}

/*
 * The text of @root as the user will read it: paragraphs apart by one blank
 * line, the white space in each collapsed, preformatted text as it is. The
 * tree is walked without recursion, so that a deep page cannot exhaust the stack.
 */
static char *
extract_text (xmlNode *root)
{
  g_autoptr(GString) paragraph = g_string_new (NULL);
  Extract extract = { g_string_new (NULL), paragraph, FALSE, 0 };
  xmlNode *node = root;

  if (enter (&extract, root))
    {
      node = root->children;
      while (node != NULL)
        {
          if (enter (&extract, node))
            {
              node = node->children;
              continue;
            }
          if (node->type == XML_ELEMENT_NODE && node->children == NULL && !is_dropped (node))
            leave (&extract, node);
          while (node->next == NULL && node->parent != root && node->parent != NULL)
            {
              node = node->parent;
              leave (&extract, node);
            }
          node = node->next;
        }
      leave (&extract, root);
    }
  end_paragraph (&extract);
  return g_string_free (extract.out, FALSE);
}

typedef enum
{
  WALK_ON,
  WALK_PAST, /* not into the element's children */
  WALK_STOP,
} Walk;

/* Calls @func on each element under @root in the order of the document, leaving out dropped ones when @skip_dropped. */
typedef Walk (*ElementFunc) (xmlNode *node, gpointer user_data);

static void
foreach_element (xmlNode     *root,
                 gboolean     skip_dropped,
                 ElementFunc  func,
                 gpointer     user_data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE && !(skip_dropped && is_dropped (node)))
        {
          Walk walk = func (node, user_data);

          if (walk == WALK_STOP)
            return;
          descend = walk == WALK_ON && node->children != NULL;
        }
      if (descend)
        {
          node = node->children;
          continue;
        }
      while (node != root && node->next == NULL)
        node = node->parent;
      if (node == root)
        return;
      node = node->next;
    }
}

typedef struct
{
  xmlNode *article;
  gsize    article_length;
  xmlNode *main;
  xmlNode *role_main;
  xmlNode *body;
} Candidates;

static Walk
find_candidates_cb (xmlNode  *node,
                    gpointer  user_data)
{
  Candidates *candidates = user_data;
  g_autofree char *role = NULL;

  if (is_element (node, "article"))
    {
      /*
       * A page that lists articles: the longest is the one read. Articles in
       * it (its comments, say) are part of it, and are not read again, so
       * that articles in articles cannot make the reading slow.
       */
      g_autofree char *text = extract_text (node);
      gsize length = strlen (text);

      if (length > candidates->article_length)
        {
          candidates->article = node;
          candidates->article_length = length;
        }
      return WALK_PAST;
    }
  else if (is_element (node, "main") && candidates->main == NULL)
    candidates->main = node;
  else if (is_element (node, "body") && candidates->body == NULL)
    candidates->body = node;
  if (candidates->role_main == NULL && (role = get_attribute (node, "role")) != NULL &&
      g_ascii_strcasecmp (g_strstrip (role), "main") == 0)
    candidates->role_main = node;
  return WALK_ON;
}

/* The part of the page that is its text: its article, else its main part, else its body. */
static xmlNode *
find_content (htmlDocPtr doc,
              char     **text)
{
  Candidates candidates = { NULL, 0, NULL, NULL, NULL };
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *order[5];

  if (root == NULL)
    return NULL;
  foreach_element (root, TRUE, find_candidates_cb, &candidates);
  order[0] = candidates.article;
  order[1] = candidates.main;
  order[2] = candidates.role_main;
  order[3] = candidates.body;
  order[4] = root;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *found = NULL;

      if (order[i] == NULL)
        continue;
      found = extract_text (order[i]);
      if (*found != '\0')
        {
          *text = g_steal_pointer (&found);
          return order[i];
        }
    }
  return NULL;
}

typedef struct
{
  char *og_title;
  char *title;
  char *site_name;
  char *canonical;
  char *og_url;
  char *dates[G_N_ELEMENTS (date_names)];
} Metadata;

static void
metadata_clear (Metadata *metadata)
{
  g_free (metadata->og_title);
  g_free (metadata->title);
  g_free (metadata->site_name);
  g_free (metadata->canonical);
  g_free (metadata->og_url);
  for (guint i = 0; i < G_N_ELEMENTS (metadata->dates); i++)
    g_free (metadata->dates[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metadata, metadata_clear)

/* Whether the space-separated tokens of @list have @token, whatever its case. */
static gboolean
has_token (const char *list,
           const char *token)
{
  g_auto(GStrv) tokens = NULL;

  if (list == NULL)
    return FALSE;
  tokens = g_strsplit_set (list, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;
  return FALSE;
}

static void
read_meta (Metadata *metadata,
           xmlNode  *node)
{
  g_autofree char *property = get_attribute (node, "property");
  g_autofree char *name = get_attribute (node, "name");
  g_autofree char *itemprop = get_attribute (node, "itemprop");
  g_autofree char *content = get_attribute (node, "content");
  char *keys[] = { property, name, itemprop };

  if (content == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autofree char *key = NULL;

      if (keys[k] == NULL)
        continue;
      key = g_ascii_strdown (g_strstrip (keys[k]), -1);
      if (g_str_equal (key, "og:title") && metadata->og_title == NULL)
        metadata->og_title = ent_source_collapse_space (content, -1);
      else if (g_str_equal (key, "og:site_name") && metadata->site_name == NULL)
        metadata->site_name = ent_source_collapse_space (content, -1);
      else if (g_str_equal (key, "og:url") && metadata->og_url == NULL)
        metadata->og_url = g_strstrip (g_strdup (content));
      for (guint i = 0; date_names[i] != NULL; i++)
        if (g_str_equal (key, date_names[i]) && metadata->dates[i] == NULL)
          metadata->dates[i] = ent_source_reduce_date (content);
    }
}

static Walk
read_metadata_cb (xmlNode  *node,
                  gpointer  user_data)
{
  Metadata *metadata = user_data;

  if (is_element (node, "meta"))
    read_meta (metadata, node);
  else if (is_element (node, "title") && metadata->title == NULL && !has_ancestor (node, "svg"))
    {
      xmlChar *text = xmlNodeGetContent (node);

      metadata->title = ent_source_collapse_space ((const char *) text, -1);
      xmlFree (text);
    }
  else if (is_element (node, "link") && metadata->canonical == NULL)
    {
      g_autofree char *rel = get_attribute (node, "rel");
      g_autofree char *href = get_attribute (node, "href");

      if (href != NULL && has_token (rel, "canonical"))
        metadata->canonical = g_strstrip (g_steal_pointer (&href));
    }
  return WALK_ON;
}

static Walk
find_time_cb (xmlNode  *node,
              gpointer  user_data)
{
  char **date = user_data;
  g_autofree char *datetime = NULL;

  if (!is_element (node, "time") || (datetime = get_attribute (node, "datetime")) == NULL)
    return WALK_ON;
  *date = ent_source_reduce_date (datetime);
  return *date == NULL ? WALK_ON : WALK_STOP;
}

/* @value when it is an absolute http or https address, else %NULL. */
static char *
web_address (const char *value)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (value == NULL || strlen (value) > MAX_URL_LENGTH)
    return NULL;
  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return NULL;
  return g_strdup (value);
}

/* @title less a “ | Site” or “ - Site” at its end that names @site. */
static char *
title_without_site (const char *title,
                    const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " · ", " :: ", NULL };
  gsize title_length = strlen (title);
  gsize site_length = site != NULL ? strlen (site) : 0;

  if (site_length == 0 || title_length <= site_length)
    return g_strdup (title);
  for (guint i = 0; separators[i] != NULL; i++)
    {
      gsize separator_length = strlen (separators[i]);
      gsize keep;

      if (title_length <= site_length + separator_length)
        continue;
      keep = title_length - site_length - separator_length;
      if (strncmp (title + keep, separators[i], separator_length) == 0 &&
          g_ascii_strcasecmp (title + keep + separator_length, site) == 0)
        return g_strndup (title, keep);
    }
  return g_strdup (title);
}

static Walk
find_h1_cb (xmlNode  *node,
            gpointer  user_data)
{
  char **title = user_data;
  xmlChar *text;

  if (!is_element (node, "h1"))
    return WALK_ON;
  text = xmlNodeGetContent (node);
  *title = ent_source_shorten_title ((const char *) text, -1);
  xmlFree (text);
  return *title == NULL ? WALK_ON : WALK_STOP;
}

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "utf-8") == 0 || g_ascii_strcasecmp (encoding, "utf8") == 0;
}

/*
 * Whether the page's bytes can be read as its characters: UTF-8, or an
 * encoding it declares (in a <meta> element, or a UTF-16 byte order mark)
 * that libxml2 knows. An undeclared one is refused rather than guessed.
 */
static gboolean
check_encoding (const char  *name,
                const char  *data,
                gsize        length,
                htmlDocPtr   doc,
                GError     **error)
{
  const char *declared = doc->encoding != NULL ? (const char *) doc->encoding : NULL;
  xmlCharEncodingHandlerPtr handler;

  if (length >= 2 && (guchar) data[0] + (guchar) data[1] == 0xFF + 0xFE &&
      ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE))
    return TRUE;
  if (declared != NULL && !is_utf8_name (declared))
    {
      handler = xmlFindCharEncodingHandler (declared);
      if (handler == NULL)
        {
          g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_NOT_UTF8,
                       _("“%s” says its text is in the encoding “%s”, which Entente does not know. Save the page "
                         "again with the UTF-8 encoding and read it again."), name, declared);
          return FALSE;
        }
      xmlCharEncCloseFunc (handler);
      return TRUE;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      if (declared != NULL)
        g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_NOT_UTF8,
                     _("“%s” says its text is UTF-8, but it is not. Save the page again with the UTF-8 "
                       "encoding and read it again."), name);
      else
        g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_NOT_UTF8,
                     _("“%s” is not UTF-8 and does not say which encoding its text is in. Save the page again "
                       "with the UTF-8 encoding and read it again."), name);
      return FALSE;
    }
  return TRUE;
}

/*
 * The length of @data less a UTF-8 character cut short at its end, as a page
 * whose saving was interrupted has; @length when there is none.
 */
static gsize
without_cut_character (const char *data,
                       gsize       length)
{
  const char *end;
  gsize rest;
  guchar lead;
  gsize needed;

  if (g_utf8_validate_len (data, length, &end))
    return length;
  rest = length - (end - data);
  lead = (guchar) *end;
  needed = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (lead >= 0xF5 || rest >= needed)
    return length;
  for (gsize i = 1; i < rest; i++)
    if (((guchar) end[i] & 0xC0) != 0x80)
      return length;
  return end - data;
}

static htmlDocPtr
parse (const char *data,
       gsize       length)
{
  /* No XML_PARSE_NOENT nor DTD loading: nothing the page names is fetched, read or expanded. */
  return htmlReadMemory (length > 0 ? data : "", (int) length, NULL, NULL,
                         HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
}

static gpointer
init_parser (gpointer data)
{
  /* Done once before any thread parses, as libxml2 asks. */
  xmlInitParser ();
  return NULL;
}

/**
 * ent_source_read_html:
 * @name: the file's name, for messages
 * @data: the page
 * @length: its length, at most ENT_SOURCE_MAX_BYTES
 * @error: return location for an error
 *
 * Reads a saved web page: the text of its article (or main part, or body)
 * and what its <head> says of it. libxml2's HTML parser reads it without
 * the network, without loading or expanding entities a document type declares.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
EntSourceDraft *
ent_source_read_html (const char  *name,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(EntSourceDraft) draft = g_new0 (EntSourceDraft, 1);
  g_auto(Metadata) metadata = { NULL, };
  htmlDocPtr doc;
  xmlNode *content;
  const char *title;

  g_return_val_if_fail (length <= (gsize) ENT_SOURCE_MAX_BYTES, NULL);

  g_once (&once, init_parser, NULL);
  doc = parse (data, length);
  if (doc != NULL && (doc->encoding == NULL || is_utf8_name ((const char *) doc->encoding)) &&
      without_cut_character (data, length) < length)
    {
      /* A UTF-8 page cut short in the middle of a character is read up to it. */
      length = without_cut_character (data, length);
      xmlFreeDoc (doc);
      doc = parse (data, length);
    }
  if (doc == NULL)
    {
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_INVALID,
                   _("“%s” could not be read as a web page"), name);
      return NULL;
    }
  if (!check_encoding (name, data, length, doc, error))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  content = find_content (doc, &draft->body);
  if (content == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_EMPTY, _("“%s” has no text to quote"), name);
      return NULL;
    }
  foreach_element (xmlDocGetRootElement (doc), FALSE, read_metadata_cb, &metadata);
  for (guint i = 0; i < G_N_ELEMENTS (metadata.dates) && draft->published == NULL; i++)
    draft->published = g_steal_pointer (&metadata.dates[i]);
  if (draft->published == NULL)
    foreach_element (content, TRUE, find_time_cb, &draft->published);

  title = metadata.og_title != NULL ? metadata.og_title : metadata.title;
  if (title != NULL)
    {
      g_autofree char *shorter = title_without_site (title, metadata.site_name);

      draft->title = ent_source_shorten_title (shorter, -1);
    }
  if (draft->title == NULL)
    foreach_element (content, TRUE, find_h1_cb, &draft->title);
  if (draft->title == NULL)
    draft->title = ent_source_first_line (draft->body);
  if (metadata.site_name != NULL)
    draft->publisher = ent_source_shorten_title (metadata.site_name, -1);
  draft->url = web_address (metadata.canonical);
  if (draft->url == NULL)
    draft->url = web_address (metadata.og_url);
  xmlFreeDoc (doc);

  if (!ent_source_check_body (name, draft->body, error))
    return NULL;
  return g_steal_pointer (&draft);
}
