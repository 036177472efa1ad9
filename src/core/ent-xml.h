/* ent-xml.h: reading XML files that come from someone else, and writing text into XML
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/*
 * A pull reader over an XML file (libxml2's xmlTextReader) that loads no
 * DTD, reaches no network, expands no entity and reads no file the document
 * names: a document type that declares entities, or an entity reference, is
 * an error before any element is read. The file's size, its depth and the
 * length of a text are bounded by ENT_IMPORT_MAX_FILE_SIZE,
 * ENT_IMPORT_MAX_DEPTH and ENT_IMPORT_MAX_LINE_LENGTH. Errors are
 * ENT_IMPORT_ERROR_INVALID or _TOO_LARGE, and name the line.
 */
typedef struct _EntXmlReader EntXmlReader;

EntXmlReader *ent_xml_reader_new            (const char    *path,
                                             GError       **error);
void          ent_xml_reader_free           (EntXmlReader  *self);

int           ent_xml_reader_read           (EntXmlReader  *self,
                                             GError       **error);
gboolean      ent_xml_reader_skip           (EntXmlReader  *self,
                                             GError       **error);

xmlReaderTypes ent_xml_reader_get_node_type (EntXmlReader  *self);
gboolean      ent_xml_reader_is_start       (EntXmlReader  *self,
                                             const char    *local_name);
gboolean      ent_xml_reader_is_end         (EntXmlReader  *self,
                                             const char    *local_name);
const char   *ent_xml_reader_get_local_name (EntXmlReader  *self);
const char   *ent_xml_reader_get_namespace  (EntXmlReader  *self);
int           ent_xml_reader_get_depth      (EntXmlReader  *self);
gboolean      ent_xml_reader_is_empty       (EntXmlReader  *self);
char         *ent_xml_reader_get_attribute  (EntXmlReader  *self,
                                             const char    *name);
char         *ent_xml_reader_read_text      (EntXmlReader  *self,
                                             GError       **error);
guint64       ent_xml_reader_get_line       (EntXmlReader  *self);
double        ent_xml_reader_get_fraction   (EntXmlReader  *self);

void          ent_xml_append_escaped        (GString       *out,
                                             const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntXmlReader, ent_xml_reader_free)

G_END_DECLS
