/* ent-xml.c: reading XML files that come from someone else, and writing text into XML
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-xml"

#include "config.h"

#include "ent-xml.h"
#include "ent-import.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

struct _EntXmlReader
{
  GMappedFile      *file;
  xmlTextReaderPtr  reader;
  gsize             length;
  char             *base;
  /* The first error libxml2 reported, with its line. */
  char             *problem;
  guint64           problem_line;
};

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  problem)
{
  EntXmlReader *self = user_data;

  if (problem->level == XML_ERR_WARNING || self->problem != NULL)
    return;
  self->problem = g_strchomp (g_strdup (problem->message != NULL ? problem->message : ""));
  self->problem_line = problem->line > 0 ? (guint64) problem->line : 0;
}

static gpointer
init_parser (gpointer data)
{
  /* Done once before any thread parses, as libxml2 asks. */
  xmlInitParser ();
  return NULL;
}

/**
 * ent_xml_reader_new:
 * @path: an XML file
 * @error: return location for an error
 *
 * Opens @path for reading, with none of the parser's options that would
 * load, fetch or expand what the document names.
 *
 * Returns: (transfer full): the reader, before the first node, or %NULL with @error set
 */
EntXmlReader *
ent_xml_reader_new (const char  *path,
                    GError     **error)
{
  static GOnce once = G_ONCE_INIT;
  g_autoptr(EntXmlReader) self = g_new0 (EntXmlReader, 1);
  g_autoptr(GError) local_error = NULL;

  g_once (&once, init_parser, NULL);
  self->base = g_path_get_basename (path);
  self->file = g_mapped_file_new (path, FALSE, &local_error);
  if (self->file == NULL)
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_FAILED, _("Could not read “%s”: %s"), self->base,
                   local_error->message);
      return NULL;
    }

  self->length = g_mapped_file_get_length (self->file);
  if (self->length > ENT_IMPORT_MAX_FILE_SIZE)
    {
      g_autofree char *max = g_format_size (ENT_IMPORT_MAX_FILE_SIZE);

      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE, _("“%s” is larger than %s"), self->base, max);
      return NULL;
    }

  /*
   * No XML_PARSE_NOENT (entities stay references, which ent_xml_reader_read
   * refuses), no XML_PARSE_DTDLOAD nor _DTDATTR nor _DTDVALID (no external
   * subset is read), no XML_PARSE_XINCLUDE, no XML_PARSE_HUGE (libxml2's own
   * limits stay), and XML_PARSE_NONET in case anything would still fetch.
   * CDATA sections come as text; lines past 65,535 are counted
   * (XML_PARSE_BIG_LINES), so that a problem names its true line.
   */
  self->reader = xmlReaderForMemory (self->length > 0 ? g_mapped_file_get_contents (self->file) : "",
                                     (int) self->length, NULL, NULL,
                                     XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                       XML_PARSE_BIG_LINES);
  if (self->reader == NULL)
    {
      g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_FAILED, _("Could not read “%s”"), self->base);
      return NULL;
    }
  xmlTextReaderSetStructuredErrorHandler (self->reader, structured_error_cb, self);
  return g_steal_pointer (&self);
}

void
ent_xml_reader_free (EntXmlReader *self)
{
  if (self == NULL)
    return;
  if (self->reader != NULL)
    xmlFreeTextReader (self->reader);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_free (self->base);
  g_free (self->problem);
  g_free (self);
}

static gboolean
fail_at (EntXmlReader  *self,
         guint64        line,
         GError       **error,
         const char    *message)
{
  g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_INVALID,
               /* Translators: a file's name, the line, then what is wrong there */
               _("“%s”, line %" G_GUINT64_FORMAT ": %s"), self->base, line, message);
  return FALSE;
}

static gboolean
fail (EntXmlReader  *self,
      GError       **error,
      const char    *message)
{
  return fail_at (self, ent_xml_reader_get_line (self), error, message);
}

/*
 * Whether the document type the reader is at declares entities, general or
 * parameter ones, that a reference could expand. Asked of the node, not of
 * xmlTextReaderCurrentDoc(), which would leave the document for the caller
 * to free.
 */
static gboolean
declares_entities (EntXmlReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  xmlDtdPtr dtd = node != NULL && node->type == XML_DTD_NODE ? (xmlDtdPtr) node : NULL;

  return dtd != NULL && (dtd->entities != NULL || dtd->pentities != NULL);
}

/**
 * ent_xml_reader_read:
 * @self: the reader
 * @error: return location for an error
 *
 * Moves to the next node.
 *
 * Returns: 1 at a node, 0 at the end of the document, -1 with @error set
 */
int
ent_xml_reader_read (EntXmlReader  *self,
                     GError       **error)
{
  int ret = xmlTextReaderRead (self->reader);

  if (ret < 0 || self->problem != NULL)
    {
      g_autofree char *message = NULL;

      if (self->problem == NULL)
        fail (self, error, _("the file is not well-formed XML"));
      else
        {
          /* Translators: %s is what libxml2 says is wrong, in English */
          message = g_strdup_printf (_("the file is not well-formed XML (%s)"), self->problem);
          fail_at (self, self->problem_line, error, message);
        }
      return -1;
    }
  if (ret == 0)
    return 0;

  switch (xmlTextReaderNodeType (self->reader))
    {
    case XML_READER_TYPE_DOCUMENT_TYPE:
      if (declares_entities (self))
        {
          fail (self, error, _("the file declares entities, which Entente does not expand"));
          return -1;
        }
      break;
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
      fail (self, error, _("the file refers to an entity, which Entente does not expand"));
      return -1;
    default:
      break;
    }

  if (xmlTextReaderDepth (self->reader) > ENT_IMPORT_MAX_DEPTH)
    {
      g_autofree char *message = g_strdup_printf (_("elements are nested more than %d deep"), ENT_IMPORT_MAX_DEPTH);

      fail (self, error, message);
      return -1;
    }
  return 1;
}

/**
 * ent_xml_reader_skip:
 * @self: the reader, at an element
 * @error: return location for an error
 *
 * Moves past the current element, its children read but not looked at; the
 * reader is then at the node after it.
 *
 * Returns: whether the element ended well
 */
gboolean
ent_xml_reader_skip (EntXmlReader  *self,
                     GError       **error)
{
  int depth = xmlTextReaderDepth (self->reader);

  if (xmlTextReaderNodeType (self->reader) != XML_READER_TYPE_ELEMENT || xmlTextReaderIsEmptyElement (self->reader))
    return TRUE;

  /* Read node by node rather than with xmlTextReaderNext, so that every node inside passes the checks. */
  for (;;)
    {
      int ret = ent_xml_reader_read (self, error);

      if (ret < 0)
        return FALSE;
      if (ret == 0)
        return fail (self, error, _("the file ends inside an element"));
      if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_END_ELEMENT &&
          xmlTextReaderDepth (self->reader) == depth)
        return TRUE;
    }
}

xmlReaderTypes
ent_xml_reader_get_node_type (EntXmlReader *self)
{
  return xmlTextReaderNodeType (self->reader);
}

/* Whether the reader is at the start of an element named @local_name, in whatever namespace. */
gboolean
ent_xml_reader_is_start (EntXmlReader *self,
                         const char   *local_name)
{
  return xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ELEMENT &&
         g_strcmp0 (ent_xml_reader_get_local_name (self), local_name) == 0;
}

/* Whether the reader is at the end of an element named @local_name: its end tag, or an empty element. */
gboolean
ent_xml_reader_is_end (EntXmlReader *self,
                       const char   *local_name)
{
  int type = xmlTextReaderNodeType (self->reader);

  return (type == XML_READER_TYPE_END_ELEMENT ||
          (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement (self->reader))) &&
         g_strcmp0 (ent_xml_reader_get_local_name (self), local_name) == 0;
}

const char *
ent_xml_reader_get_local_name (EntXmlReader *self)
{
  return (const char *) xmlTextReaderConstLocalName (self->reader);
}

/* The namespace URI of the current node, or %NULL when it has none. */
const char *
ent_xml_reader_get_namespace (EntXmlReader *self)
{
  return (const char *) xmlTextReaderConstNamespaceUri (self->reader);
}

int
ent_xml_reader_get_depth (EntXmlReader *self)
{
  return xmlTextReaderDepth (self->reader);
}

/* Whether the current element is written as `<name/>`, with no end tag to come. */
gboolean
ent_xml_reader_is_empty (EntXmlReader *self)
{
  return xmlTextReaderIsEmptyElement (self->reader) == 1;
}

/**
 * ent_xml_reader_get_attribute:
 * @self: the reader, at an element
 * @name: the attribute's qualified name
 *
 * Returns: (transfer full) (nullable): the attribute's value, or %NULL when the element has none
 */
char *
ent_xml_reader_get_attribute (EntXmlReader *self,
                              const char   *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (self->reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/**
 * ent_xml_reader_read_text:
 * @self: the reader, at the start of an element
 * @error: return location for an error
 *
 * Reads the text inside the current element, that of the elements within it
 * too, up to its end, where the reader then is.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
ent_xml_reader_read_text (EntXmlReader  *self,
                          GError       **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int depth = xmlTextReaderDepth (self->reader);

  if (xmlTextReaderIsEmptyElement (self->reader))
    return g_strdup ("");

  for (;;)
    {
      int ret = ent_xml_reader_read (self, error);
      int type;

      if (ret < 0)
        return NULL;
      if (ret == 0)
        {
          fail (self, error, _("the file ends inside an element"));
          return NULL;
        }

      type = xmlTextReaderNodeType (self->reader);
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (self->reader) == depth)
        return g_string_free (g_steal_pointer (&text), FALSE);
      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE)
        {
          const char *value = (const char *) xmlTextReaderConstValue (self->reader);

          g_string_append (text, value != NULL ? value : "");
          if (text->len > ENT_IMPORT_MAX_LINE_LENGTH)
            {
              g_autofree char *max = g_format_size (ENT_IMPORT_MAX_LINE_LENGTH);

              g_set_error (error, ENT_IMPORT_ERROR, ENT_IMPORT_ERROR_TOO_LARGE,
                           /* Translators: a file's name, the line, then a size */
                           _("“%s”, line %" G_GUINT64_FORMAT ": a text is longer than %s"), self->base,
                           ent_xml_reader_get_line (self), max);
              return NULL;
            }
        }
    }
}

/* The line (from 1) the current node starts on; where it has none, the line the parser is at, which may be ahead. */
guint64
ent_xml_reader_get_line (EntXmlReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  long node_line = node != NULL ? xmlGetLineNo (node) : -1;
  int line;

  if (node_line > 0)
    return (guint64) node_line;
  line = xmlTextReaderGetParserLineNumber (self->reader);
  return line > 0 ? (guint64) line : 0;
}

/* How much of the file is read, from 0 to 1. */
double
ent_xml_reader_get_fraction (EntXmlReader *self)
{
  long consumed = xmlTextReaderByteConsumed (self->reader);

  if (self->length == 0 || consumed <= 0)
    return 0;
  return MIN (1.0, (double) consumed / (double) self->length);
}

/**
 * ent_xml_append_escaped:
 * @out: where to write
 * @text: UTF-8 text
 *
 * Appends @text so that it reads back the same from element content and
 * from attribute values in double quotes: markup characters and line ends
 * as references, and the characters XML 1.0 cannot hold (most control
 * characters) as U+FFFD.
 */
void
ent_xml_append_escaped (GString    *out,
                        const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;
      gunichar c;

      /* Bytes that stand for themselves go in a run: all but markup, control characters and the
       * lead byte 0xEF of U+FFFE and U+FFFF. */
      while ((guchar) *p >= 0x20 && (guchar) *p != 0xef &&
             *p != '&' && *p != '<' && *p != '>' && *p != '"')
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (*p == '\0')
        break;

      c = g_utf8_get_char (p);
      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          if (c < 0x20 || c == 0xfffe || c == 0xffff)
            g_string_append_unichar (out, 0xfffd);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
      p = g_utf8_next_char (p);
    }
}
