/* test-xml.c: the XML reader refuses what would expand, fetch or read what a file names
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ent-import.h"
#include "ent-test-util.h"
#include "ent-xml.h"

#include <string.h>

/* Reads the whole file; returns the text of every element named "v", one after the other, or NULL with @error. */
static char *
read_all (const char  *path,
          GError     **error)
{
  g_autoptr(EntXmlReader) reader = ent_xml_reader_new (path, error);
  g_autoptr(GString) texts = g_string_new (NULL);
  int ret;

  if (reader == NULL)
    return NULL;
  while ((ret = ent_xml_reader_read (reader, error)) > 0)
    if (ent_xml_reader_is_start (reader, "v"))
      {
        g_autofree char *attribute = ent_xml_reader_get_attribute (reader, "a");
        g_autofree char *text = ent_xml_reader_read_text (reader, error);

        if (text == NULL)
          return NULL;
        g_string_append_printf (texts, "[%s|%s]", attribute != NULL ? attribute : "", text);
      }
  if (ret < 0)
    return NULL;
  return g_string_free (g_steal_pointer (&texts), FALSE);
}

/* @contents, which must be read, has the texts @expected, as read_all() gives them. */
static void
assert_reads (TempDir    *fixture,
              const char *contents,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_dir_write (fixture, "file.xml", contents, -1);
  g_autofree char *texts = read_all (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (texts, ==, expected);
}

static void
test_reads_text_and_attributes (TempDir       *fixture,
                                gconstpointer  data)
{
  assert_reads (fixture,
                "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:x\">\n"
                "<v a=\"1 &amp; 2\">one <![CDATA[<two>]]> &lt;three&gt;</v>\n"
                "<v>f<i>ou</i>r</v><v/></r>\n",
                "[1 & 2|one <two> <three>][|four][|]");
}

/* A document type without entities, as some tools write one, is read. */
static void
test_doctype_without_entities (TempDir       *fixture,
                               gconstpointer  data)
{
  assert_reads (fixture,
                "<?xml version=\"1.0\"?>\n"
                "<!DOCTYPE r SYSTEM \"http://www.graphdrawing.org/dtds/graphml.dtd\">\n"
                "<r><v>x</v></r>\n",
                "[|x]");
}

static void
assert_refused (TempDir    *fixture,
                const char *contents,
                int         code,
                const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_dir_write (fixture, "file.xml", contents, -1);
  g_autofree char *texts = read_all (path, &error);

  g_assert_null (texts);
  g_assert_error (error, ENT_IMPORT_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_billion_laughs (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY l0 \"ha\">\n");

  for (int i = 1; i < 10; i++)
    g_string_append_printf (laughs, "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">\n", i,
                            i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (laughs, "]>\n<r><v a=\"&l9;\">&l9;</v></r>\n");
  /* Refused by libxml2's own bound on expansion or by the reader's look at the document type, whichever is first. */
  assert_refused (fixture, laughs->str, ENT_IMPORT_ERROR_INVALID, "line");
  g_string_truncate (laughs, strstr (laughs->str, "]>") - laughs->str);
  g_string_append (laughs, "]>\n<r><v>&l9;</v></r>\n");
  assert_refused (fixture, laughs->str, ENT_IMPORT_ERROR_INVALID, "line");
  /* Declared entities that expand to little are refused too, by the reader. */
  assert_refused (fixture, "<!DOCTYPE r [ <!ENTITY e \"x\"> ]>\n<r><v>&e;</v></r>", ENT_IMPORT_ERROR_INVALID,
                  "entities");
}

static void
test_parameter_entity_laughs (TempDir       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) laughs = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY % l0 \"ha\">\n");

  for (int i = 1; i < 10; i++)
    g_string_append_printf (laughs, "<!ENTITY %% l%d \"%%l%d;%%l%d;%%l%d;%%l%d;%%l%d;%%l%d;%%l%d;%%l%d;\">\n", i,
                            i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
  g_string_append (laughs, "%l9;\n]>\n<r><v>x</v></r>\n");
  assert_refused (fixture, laughs->str, ENT_IMPORT_ERROR_INVALID, "line");
}

/* The content of the file an external entity names never appears, in the text or in an error. */
static void
test_external_entity (TempDir       *fixture,
                      gconstpointer  data)
{
  assert_refused (fixture,
                  "<?xml version=\"1.0\"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM \"file:///etc/passwd\"> ]>\n"
                  "<r><v>&x;</v></r>\n",
                  ENT_IMPORT_ERROR_INVALID, "entities");
  assert_refused (fixture,
                  "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"file:///etc/passwd\">\n<r><v>&x;</v></r>\n",
                  ENT_IMPORT_ERROR_INVALID, "line 3");
}

static void
test_broken_files (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new ("<r>");

  assert_refused (fixture, "<?xml version=\"1.0\"?>\n<r>\n<v>one</v>\n<v>tw", ENT_IMPORT_ERROR_INVALID, "line 4");
  assert_refused (fixture, "<r><v>caf\xe9</v></r>", ENT_IMPORT_ERROR_INVALID, "well-formed");
  assert_refused (fixture, "not xml at all", ENT_IMPORT_ERROR_INVALID, "well-formed");
  assert_refused (fixture, "", ENT_IMPORT_ERROR_INVALID, "well-formed");

  for (int i = 0; i < 100000; i++)
    g_string_append (deep, "<v>");
  assert_refused (fixture, deep->str, ENT_IMPORT_ERROR_INVALID, "nested");
}

/* What ent_xml_append_escaped writes reads back the same, in text and in an attribute. */
static void
test_escaping_round_trip (TempDir       *fixture,
                          gconstpointer  data)
{
  const char *text = "a & b < c > d \"e\" 'f'\tg\nh\r\ni \x01 Ферма 🌾";
  g_autoptr(GString) xml = g_string_new ("<r><v a=\"");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *expected_text = NULL;
  g_autofree char *expected = NULL;

  ent_xml_append_escaped (xml, text);
  g_string_append (xml, "\">");
  ent_xml_append_escaped (xml, text);
  g_string_append (xml, "</v></r>");
  path = temp_dir_write (fixture, "file.xml", xml->str, xml->len);
  texts = read_all (path, &error);
  g_assert_no_error (error);

  /* The one control character XML cannot hold is replaced. */
  expected_text = g_strdup ("a & b < c > d \"e\" 'f'\tg\nh\r\ni \xef\xbf\xbd Ферма 🌾");
  expected = g_strdup_printf ("[%s|%s]", expected_text, expected_text);
  g_assert_cmpstr (texts, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ent/xml/reads-text-and-attributes", TempDir, NULL, temp_dir_set_up, test_reads_text_and_attributes,
              temp_dir_tear_down);
  g_test_add ("/ent/xml/doctype-without-entities", TempDir, NULL, temp_dir_set_up, test_doctype_without_entities,
              temp_dir_tear_down);
  g_test_add ("/ent/xml/billion-laughs", TempDir, NULL, temp_dir_set_up, test_billion_laughs, temp_dir_tear_down);
  g_test_add ("/ent/xml/parameter-entity-laughs", TempDir, NULL, temp_dir_set_up, test_parameter_entity_laughs,
              temp_dir_tear_down);
  g_test_add ("/ent/xml/external-entity", TempDir, NULL, temp_dir_set_up, test_external_entity, temp_dir_tear_down);
  g_test_add ("/ent/xml/broken-files", TempDir, NULL, temp_dir_set_up, test_broken_files, temp_dir_tear_down);
  g_test_add ("/ent/xml/escaping-round-trip", TempDir, NULL, temp_dir_set_up, test_escaping_round_trip,
              temp_dir_tear_down);

  return g_test_run ();
}
