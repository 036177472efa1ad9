/* test-source-read.c: saved web pages, PDF documents, Markdown and text read as draft sources
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ent-graph.h"
#include "ent-source-read.h"
#include "ent-test-util.h"

static EntSourceDraft *
read_source (const char *path)
{
  g_autoptr(GError) error = NULL;
  EntSourceDraft *draft = ent_source_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_nonnull (draft->title);
  g_assert_cmpstr (draft->title, !=, "");
  g_assert_nonnull (draft->body);
  g_assert_true (g_utf8_validate (draft->body, -1, NULL));
  g_assert_null (strchr (draft->body, '\r'));
  g_assert_true (draft->published == NULL || ent_date_is_valid (draft->published));
  return draft;
}

static void
assert_source_fails (const char *path,
                   int         code,
                   const char *part_of_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSourceDraft) draft = ent_source_read_file (path, NULL, &error);

  g_assert_null (draft);
  g_assert_error (error, ENT_SOURCE_READ_ERROR, code);
  g_test_message ("%s", error->message);
  if (part_of_message != NULL && strstr (error->message, part_of_message) == NULL)
    g_error ("“%s” is not in the message “%s”", part_of_message, error->message);
}

static char *
source_data (const char *name)
{
  return data_path ("sources", name);
}

static void
test_news_page (void)
{
  g_autofree char *path = source_data ("news-page.html");
  g_autofree char *expected_path = source_data ("news-page.txt");
  g_autofree char *expected = NULL;
  g_autoptr(EntSourceDraft) draft = NULL;
  const char *leftovers[] = { "not text", "dataLayer", "font-family", "Most read", "Accept", "Share this",
                              "Topics", "Related", "Potash prices fall", "Search", "Opinion", "All rights",
                              "Advertisement", "World ›", NULL };

  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_assert_true (g_str_has_suffix (expected, "\n"));
  expected[strlen (expected) - 1] = '\0';

  draft = read_source (path);
  g_assert_cmpstr (draft->body, ==, expected);
  for (guint i = 0; leftovers[i] != NULL; i++)
    g_assert_null (strstr (draft->body, leftovers[i]));
  g_assert_cmpstr (draft->title, ==, "Belarus and India agree to widen trade in potash and pharmaceuticals");
  g_assert_cmpstr (draft->publisher, ==, "The Delhi Ledger");
  g_assert_cmpstr (draft->url, ==, "https://www.delhiledger.example/world/belarus-india-trade-talks");
  g_assert_cmpstr (draft->published, ==, "2024-05-17");
}

static void
test_html_metadata (TempDir       *fixture,
                    gconstpointer  data)
{
  /* No Open Graph: the <title>, the og:url for want of a canonical link, the <time> in the article. */
  const char *page =
    "<!doctype html><html><head>\n"
    "<title>\n  A  quiet\tvisit  - Minsk Herald\n</title>\n"
    "<meta property=\"og:site_name\" content=\"Minsk Herald\">\n"
    "<link rel=\"canonical\" href=\"javascript:alert(1)\">\n"
    "<meta property=\"og:url\" content=\"http://herald.example/a/1\">\n"
    "</head><body><article><p>Posted <time datetime=\"2023-11-02\">yesterday</time>.</p>"
    "<p>Text.</p></article></body></html>";
  g_autofree char *path = temp_dir_write (fixture, "page.htm", page, -1);
  g_autoptr(EntSourceDraft) draft = read_source (path);

  g_assert_cmpstr (draft->title, ==, "A quiet visit");
  g_assert_cmpstr (draft->publisher, ==, "Minsk Herald");
  g_assert_cmpstr (draft->url, ==, "http://herald.example/a/1");
  g_assert_cmpstr (draft->published, ==, "2023-11-02");
  g_assert_cmpstr (draft->body, ==, "Posted yesterday.\n\nText.");
}

static void
test_html_structure (TempDir       *fixture,
                     gconstpointer  data)
{
  /* No article, no main: the body, with its preformatted text, line breaks and table. */
  const char *page =
    "<html><body>\n"
    "<div>First <b>bold</b>\n   word<br>after break</div>\n"
    "<div role=\"navigation\" style=\"display: none\">hidden menu</div>\n"
    "<pre>\n  line one\n    line two\n</pre>\n"
    "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>\n"
    "<ul><li>one</li><li>two</li></ul>\n"
    "<template><p>template</p></template><p hidden>secret</p>\n"
    "</body></html>";
  g_autofree char *path = temp_dir_write (fixture, "page.html", page, -1);
  g_autoptr(EntSourceDraft) draft = read_source (path);

  g_assert_cmpstr (draft->body, ==,
                   "First bold word\n\nafter break\n\n  line one\n    line two\n\na b\n\nc d\n\none\n\ntwo");
  g_assert_cmpstr (draft->title, ==, "First bold word");
  g_assert_null (draft->publisher);
  g_assert_null (draft->url);
  g_assert_null (draft->published);
}

static void
test_html_main (TempDir       *fixture,
                gconstpointer  data)
{
  const char *page =
    "<html><head><title>Other words | Herald</title>"
    "<meta property=\"og:title\" content=\" The  heading, told \">"
    "<meta name=\"date\" content=\"2022-03-09 08:00\"></head>"
    "<body><div class=\"menu\">Home</div>"
    "<div role=\"main\"><h1>The heading</h1><p>Only this.</p></div>"
    "<div>Footer text</div></body></html>";
  g_autofree char *path = temp_dir_write (fixture, "page.html", page, -1);
  g_autoptr(EntSourceDraft) draft = read_source (path);

  g_assert_cmpstr (draft->body, ==, "The heading\n\nOnly this.");
  g_assert_cmpstr (draft->title, ==, "The heading, told");
  g_assert_cmpstr (draft->published, ==, "2022-03-09");
}

static void
test_external_entity (void)
{
  g_autofree char *path = source_data ("external-entity.html");
  g_autoptr(EntSourceDraft) draft = read_source (path);

  g_assert_null (strstr (draft->body, "root:"));
  g_assert_null (strstr (draft->body, "/bin/"));
  g_assert_nonnull (strstr (draft->body, "Before &x; after."));
  g_assert_nonnull (strstr (draft->body, "A character reference stays: café & “quoted”."));
  g_assert_cmpstr (draft->title, ==, "Entities");
}

static void
test_windows_1251 (void)
{
  g_autofree char *path = source_data ("windows-1251.html");
  g_autoptr(EntSourceDraft) draft = read_source (path);

  g_assert_cmpstr (draft->body, ==,
                   "Министр иностранных дел Беларуси встретился с коллегой в Нью-Дели.\n\n"
                   "Стороны обсудили торговлю калием.");
  g_assert_cmpstr (draft->title, ==, "Визит в Дели");
}

static void
test_html_undeclared (TempDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *latin1 = temp_dir_write (fixture, "latin1.html",
                                            "<html><body><p>Caf\xe9 in Minsk</p></body></html>", -1);
  g_autofree char *utf8_declared = temp_dir_write (fixture, "utf8.html",
                                                   "<html><head><meta charset=\"utf-8\"></head>"
                                                   "<body><p>Caf\xe9</p></body></html>", -1);
  g_autofree char *unknown = temp_dir_write (fixture, "unknown.html",
                                             "<html><head><meta charset=\"x-martian\"></head>"
                                             "<body><p>Caf\xe9</p></body></html>", -1);

  assert_source_fails (latin1, ENT_SOURCE_READ_ERROR_NOT_UTF8, "UTF-8");
  assert_source_fails (utf8_declared, ENT_SOURCE_READ_ERROR_NOT_UTF8, "says its text is UTF-8");
  assert_source_fails (unknown, ENT_SOURCE_READ_ERROR_NOT_UTF8, "x-martian");
}

static void
test_html_truncated (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autofree char *original = source_data ("news-page.html");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (original, &contents, &length, NULL));

  /* Cut after the article's first paragraph: what is there is read. */
  {
    const char *cut = strstr (contents, "pharmaceuticals, after talks");
    g_autofree char *path = NULL;
    g_autoptr(EntSourceDraft) draft = NULL;

    g_assert_nonnull (cut);
    path = temp_dir_write (fixture, "cut.html", contents, cut - contents + strlen ("pharmaceuticals, af"));
    draft = read_source (path);
    g_assert_true (g_str_has_prefix (draft->body, "Belarus and India agree"));
    g_assert_true (g_str_has_suffix (draft->body, "pharmaceuticals, af"));
  }

  /* Cut in the middle of a character: read up to it. */
  {
    const char *cut = strstr (contents, "’ foreign ministers");
    g_autofree char *path = NULL;
    g_autoptr(EntSourceDraft) draft = NULL;

    g_assert_nonnull (cut);
    path = temp_dir_write (fixture, "cut.html", contents, cut - contents + 2);
    draft = read_source (path);
    g_assert_true (g_str_has_suffix (draft->body, "the two countries"));
  }

  /* Cut anywhere, down to the middle of a character: read or refused, never a crash. */
  for (gsize end = 0; end < length; end += 97)
    {
      g_autofree char *path = temp_dir_write (fixture, "cut.html", contents, end);
      g_autoptr(GError) error = NULL;
      g_autoptr(EntSourceDraft) draft = ent_source_read_file (path, NULL, &error);

      g_assert_true ((draft != NULL) != (error != NULL));
      if (error != NULL)
        g_assert_true (error->domain == ENT_SOURCE_READ_ERROR);
      else
        g_assert_true (g_utf8_validate (draft->body, -1, NULL));
    }
}

static void
test_text (TempDir       *fixture,
           gconstpointer  data)
{
  const char *text = "\xEF\xBB\xBF\r\n   \r\n  Minutes of   the meeting\r\nSecond line\rThird\n";
  g_autofree char *path = temp_dir_write (fixture, "notes.txt", text, -1);
  g_autoptr(EntSourceDraft) draft = read_source (path);

  g_assert_cmpstr (draft->body, ==, "\n   \n  Minutes of   the meeting\nSecond line\nThird\n");
  g_assert_cmpstr (draft->title, ==, "Minutes of the meeting");
  g_assert_null (draft->publisher);
  g_assert_null (draft->url);
  g_assert_null (draft->published);
}

static void
test_text_titles (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *long_line = repeat_text ("", "wordy ", 100, "end\nsecond line\n");
  g_autofree char *long_path = temp_dir_write (fixture, "long.txt", long_line, -1);
  g_autofree char *rule_path = temp_dir_write (fixture, "Aleinik visit.txt", "* * *\n----\n", -1);
  g_autoptr(EntSourceDraft) long_draft = read_source (long_path);
  g_autoptr(EntSourceDraft) rule_draft = read_source (rule_path);

  g_assert_cmpint (g_utf8_strlen (long_draft->title, -1), <=, ENT_SOURCE_LINE_TITLE_CHARS);
  g_assert_cmpint (g_utf8_strlen (long_draft->title, -1), >, ENT_SOURCE_LINE_TITLE_CHARS / 2);
  g_assert_true (g_str_has_prefix (long_draft->title, "wordy wordy"));
  g_assert_true (g_str_has_suffix (long_draft->title, "wordy…"));
  /* A line without a letter or a digit is no title: the file's name is. */
  g_assert_cmpstr (rule_draft->title, ==, "Aleinik visit");
}

static void
test_text_latin1 (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = temp_dir_write (fixture, "latin1.txt", "Line one\nCaf\xe9 au lait\n", -1);
  g_autofree char *nul = temp_dir_write (fixture, "nul.txt", "text\0more", 9);
  g_autofree char *empty = temp_dir_write (fixture, "empty.txt", " \n\t\n", -1);

  assert_source_fails (path, ENT_SOURCE_READ_ERROR_NOT_UTF8, "line 2");
  assert_source_fails (path, ENT_SOURCE_READ_ERROR_NOT_UTF8, "save it with the UTF-8 encoding");
  assert_source_fails (nul, ENT_SOURCE_READ_ERROR_INVALID, "not a text file");
  assert_source_fails (empty, ENT_SOURCE_READ_ERROR_EMPTY, "no text");
}

static void
test_text_utf16 (TempDir       *fixture,
                 gconstpointer  data)
{
  /* “Мінск\r\n” in UTF-16, little-endian and big-endian, each after its byte order mark. */
  const char le[] = "\xFF\xFE\x1C\x04\x56\x04\x3D\x04\x41\x04\x3A\x04\r\0\n\0";
  const char be[] = "\xFE\xFF\x04\x1C\x04\x56\x04\x3D\x04\x41\x04\x3A\0\r\0\n";
  g_autofree char *le_path = temp_dir_write (fixture, "le.txt", le, sizeof le - 1);
  g_autofree char *be_path = temp_dir_write (fixture, "be.txt", be, sizeof be - 1);
  g_autofree char *odd_path = temp_dir_write (fixture, "odd.txt", le, sizeof le - 2);
  g_autoptr(EntSourceDraft) le_draft = read_source (le_path);
  g_autoptr(EntSourceDraft) be_draft = read_source (be_path);

  g_assert_cmpstr (le_draft->body, ==, "Мінск\n");
  g_assert_cmpstr (le_draft->title, ==, "Мінск");
  g_assert_cmpstr (be_draft->body, ==, "Мінск\n");
  assert_source_fails (odd_path, ENT_SOURCE_READ_ERROR_NOT_UTF8, "UTF-16");
}

static void
test_too_large (TempDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  gint64 start;

  g_assert_cmpint (fd, >=, 0);
  /* A sparse file: 200 MB long, no disk taken. */
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  start = g_get_monotonic_time ();
  assert_source_fails (path, ENT_SOURCE_READ_ERROR_TOO_LARGE, "larger than 64.0\u00a0MiB");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 0.5 * G_USEC_PER_SEC * test_slowdown ());

  assert_source_fails (fixture->dir, ENT_SOURCE_READ_ERROR_FAILED, "not a file");
}

static void
test_missing (void)
{
  assert_source_fails ("/nonexistent/entente/source.txt", ENT_SOURCE_READ_ERROR_FAILED, "“source.txt” does not exist");
}

static void
test_cancelled (void)
{
  g_autofree char *path = source_data ("news-page.html");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSourceDraft) draft = NULL;

  g_cancellable_cancel (cancellable);
  draft = ent_source_read_file (path, cancellable, &error);
  g_assert_null (draft);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Two pages of text, with @title (when not %NULL) and a date of creation in the document's metadata. */
static void
write_pdf (const char *path,
           const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2024-05-17T10:00:00");
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 14);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "First page of the statement.");
  cairo_move_to (cr, 72, 130);
  cairo_show_text (cr, "Potash and machinery.");
  cairo_show_page (cr);
  cairo_move_to (cr, 72, 100);
  cairo_show_text (cr, "Second page, signed in Minsk.");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_pdf (TempDir       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "statement.pdf", NULL);
  g_autoptr(EntSourceDraft) draft = NULL;
  const char *first;
  const char *second;

  write_pdf (path, "Joint statement on trade");
  draft = read_source (path);
  g_test_message ("body: %s", draft->body);
  first = strstr (draft->body, "First page of the statement.");
  second = strstr (draft->body, "Second page, signed in Minsk.");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first < second);
  g_assert_nonnull (strstr (draft->body, "Potash and machinery.\n\nSecond page"));
  g_assert_false (g_str_has_suffix (draft->body, "\n"));
  g_assert_cmpstr (draft->title, ==, "Joint statement on trade");
  g_assert_cmpstr (draft->published, ==, "2024-05-17");
  g_assert_null (draft->url);
}

static void
test_pdf_untitled (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "untitled.pdf", NULL);
  g_autoptr(EntSourceDraft) draft = NULL;

  write_pdf (path, NULL);
  draft = read_source (path);
  g_assert_cmpstr (draft->title, ==, "First page of the statement.");
}

static void
test_pdf_invalid (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = temp_dir_write (fixture, "report.pdf", "Just some text, saved with a wrong name.\n", -1);
  g_autofree char *damaged = temp_dir_write (fixture, "damaged.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<", -1);

  g_autofree char *office = temp_dir_write (fixture, "minutes.docx", "PK\x03\x04\x14\0\x06\0\0\0", 10);

  assert_source_fails (text, ENT_SOURCE_READ_ERROR_INVALID, "not a PDF document");
  assert_source_fails (office, ENT_SOURCE_READ_ERROR_INVALID, "Save it as PDF or as plain text");
  assert_source_fails (damaged, ENT_SOURCE_READ_ERROR_INVALID, "damaged");
}

/* A PDF document encrypted with a password that is not the empty one, as poppler finds when it tries that. */
static char *
encrypted_pdf (void)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    "<< /Filter /Standard /V 1 /R 2 /P -4 "
    "/O <0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef> "
    "/U <fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210> >>",
  };
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      g_array_append_val (offsets, pdf->len);
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf,
                          "trailer\n<< /Size %u /Root 1 0 R /Encrypt 4 0 R "
                          "/ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\n"
                          "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", offsets->len + 1, xref);
  return g_string_free (pdf, FALSE);
}

static void
test_pdf_encrypted (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *contents = encrypted_pdf ();
  g_autofree char *path = temp_dir_write (fixture, "secret.pdf", contents, -1);

  assert_source_fails (path, ENT_SOURCE_READ_ERROR_ENCRYPTED, "password");
}

static void
test_html_hostile (TempDir       *fixture,
                   gconstpointer  data)
{
  /* Elements nested far deeper than a page needs, and articles in articles: read at once. */
  g_autofree char *deep = repeat_text ("<html><body>", "<div><article><header><p>x", 100000, "end");
  g_autofree char *path = temp_dir_write (fixture, "deep.html", deep, -1);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSourceDraft) draft = ent_source_read_file (path, NULL, &error);

  g_assert_true (draft != NULL || error != NULL);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC * test_slowdown ());
}

static void
test_markdown (void)
{
  g_autofree char *path = source_data ("briefing.md");
  g_autofree char *contents = NULL;
  g_autoptr(EntSourceDraft) draft = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  draft = read_source (path);
  /* The text as written, markup and all: that is what the user quotes. */
  g_assert_cmpstr (draft->body, ==, contents);
  g_assert_cmpstr (draft->title, ==, "Minsk talks: what was agreed");
}

static void
test_markdown_titles (TempDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *setext = temp_dir_write (fixture, "setext.md", "\nThe visit\n=========\n\nText.\n", -1);
  g_autofree char *no_heading = temp_dir_write (fixture, "plain.markdown", "## Only a subheading\n\nText.\n", -1);
  g_autofree char *front = temp_dir_write (fixture, "front.md",
                                           "---\ntitle: \"Notes: the Minsk visit\"\ndate: 2024-05-17\n"
                                           "layout: post\n---\n\n# Heading\n", -1);
  g_autoptr(EntSourceDraft) setext_draft = read_source (setext);
  g_autoptr(EntSourceDraft) no_heading_draft = read_source (no_heading);
  g_autoptr(EntSourceDraft) front_draft = read_source (front);

  g_assert_cmpstr (setext_draft->title, ==, "The visit");
  g_assert_cmpstr (no_heading_draft->title, ==, "Only a subheading");
  g_assert_cmpstr (front_draft->title, ==, "Notes: the Minsk visit");
  g_assert_cmpstr (front_draft->published, ==, "2024-05-17");
  g_assert_true (g_str_has_prefix (front_draft->body, "---\ntitle:"));
}

static void
test_pasted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EntSourceDraft) draft = ent_source_read_text ("\r\n  Talks in Delhi \r\nThe ministers met.", -1, &error);
  g_autoptr(EntSourceDraft) symbols = NULL;
  g_autoptr(EntSourceDraft) nul = NULL;
  g_autoptr(EntSourceDraft) blank = NULL;
  g_autoptr(EntSourceDraft) latin1 = NULL;
  g_autoptr(EntSourceDraft) too_long = NULL;
  g_autofree char *long_text = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (draft->body, ==, "\n  Talks in Delhi \nThe ministers met.");
  g_assert_cmpstr (draft->title, ==, "Talks in Delhi");
  g_assert_null (draft->publisher);

  symbols = ent_source_read_text ("* * *", -1, &error);
  g_assert_no_error (error);
  g_assert_null (symbols->title);

  nul = ent_source_read_text ("a\0b", 3, &error);
  g_assert_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_INVALID);
  g_clear_error (&error);

  blank = ent_source_read_text (" \n ", -1, &error);
  g_assert_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "The pasted text has nothing to quote");
  g_clear_error (&error);

  latin1 = ent_source_read_text ("caf\xe9", -1, &error);
  g_assert_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_NOT_UTF8);
  g_clear_error (&error);

  long_text = g_malloc (ENT_SOURCE_MAX_CHARS + 2);
  memset (long_text, 'a', ENT_SOURCE_MAX_CHARS + 1);
  long_text[ENT_SOURCE_MAX_CHARS + 1] = '\0';
  too_long = ent_source_read_text (long_text, -1, &error);
  g_assert_error (error, ENT_SOURCE_READ_ERROR, ENT_SOURCE_READ_ERROR_TOO_LARGE);
  g_assert_null (too_long);
}

static void
test_sniff (void)
{
  static const struct {
    const char      *name;
    const char      *start;
    EntSourceFormat  format;
  } cases[] = {
    { "a.txt", "%PDF-1.4\n", ENT_SOURCE_FORMAT_PDF },
    { "a.txt", "\xEF\xBB\xBF\n<!-- saved -->\n<!DOCTYPE HTML>\n<HTML>", ENT_SOURCE_FORMAT_HTML },
    { NULL, "<html lang=\"en\">", ENT_SOURCE_FORMAT_HTML },
    { "page.HTM", "<p>a fragment</p>", ENT_SOURCE_FORMAT_HTML },
    { "notes.md", "# Notes", ENT_SOURCE_FORMAT_MARKDOWN },
    { "notes.Markdown", "text", ENT_SOURCE_FORMAT_MARKDOWN },
    { "notes.md", "<!doctype html><html>", ENT_SOURCE_FORMAT_HTML },
    { "report.pdf", "not a PDF", ENT_SOURCE_FORMAT_PDF },
    { "dir.md/notes", "text", ENT_SOURCE_FORMAT_TEXT },
    { "notes", "Plain words", ENT_SOURCE_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ent_source_sniff_format (cases[i].name, cases[i].start, strlen (cases[i].start)), ==,
                     cases[i].format);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ent/source-read/html/news-page", test_news_page);
  g_test_add ("/ent/source-read/html/metadata", TempDir, NULL, temp_dir_set_up, test_html_metadata,
              temp_dir_tear_down);
  g_test_add ("/ent/source-read/html/structure", TempDir, NULL, temp_dir_set_up, test_html_structure,
              temp_dir_tear_down);
  g_test_add ("/ent/source-read/html/main", TempDir, NULL, temp_dir_set_up, test_html_main, temp_dir_tear_down);
  g_test_add_func ("/ent/source-read/html/external-entity", test_external_entity);
  g_test_add_func ("/ent/source-read/html/windows-1251", test_windows_1251);
  g_test_add ("/ent/source-read/html/undeclared-encoding", TempDir, NULL, temp_dir_set_up, test_html_undeclared,
              temp_dir_tear_down);
  g_test_add ("/ent/source-read/html/truncated", TempDir, NULL, temp_dir_set_up, test_html_truncated,
              temp_dir_tear_down);
  g_test_add ("/ent/source-read/html/hostile", TempDir, NULL, temp_dir_set_up, test_html_hostile,
              temp_dir_tear_down);
  g_test_add ("/ent/source-read/text/plain", TempDir, NULL, temp_dir_set_up, test_text, temp_dir_tear_down);
  g_test_add ("/ent/source-read/text/titles", TempDir, NULL, temp_dir_set_up, test_text_titles, temp_dir_tear_down);
  g_test_add ("/ent/source-read/text/latin1", TempDir, NULL, temp_dir_set_up, test_text_latin1, temp_dir_tear_down);
  g_test_add ("/ent/source-read/text/utf16", TempDir, NULL, temp_dir_set_up, test_text_utf16, temp_dir_tear_down);
  g_test_add ("/ent/source-read/file/too-large", TempDir, NULL, temp_dir_set_up, test_too_large,
              temp_dir_tear_down);
  g_test_add_func ("/ent/source-read/file/missing", test_missing);
  g_test_add_func ("/ent/source-read/file/cancelled", test_cancelled);
  g_test_add ("/ent/source-read/pdf/cairo", TempDir, NULL, temp_dir_set_up, test_pdf, temp_dir_tear_down);
  g_test_add ("/ent/source-read/pdf/untitled", TempDir, NULL, temp_dir_set_up, test_pdf_untitled,
              temp_dir_tear_down);
  g_test_add ("/ent/source-read/pdf/invalid", TempDir, NULL, temp_dir_set_up, test_pdf_invalid, temp_dir_tear_down);
  g_test_add ("/ent/source-read/pdf/encrypted", TempDir, NULL, temp_dir_set_up, test_pdf_encrypted,
              temp_dir_tear_down);
  g_test_add_func ("/ent/source-read/markdown/heading", test_markdown);
  g_test_add ("/ent/source-read/markdown/titles", TempDir, NULL, temp_dir_set_up, test_markdown_titles,
              temp_dir_tear_down);
  g_test_add_func ("/ent/source-read/pasted", test_pasted);
  g_test_add_func ("/ent/source-read/sniff", test_sniff);

  return g_test_run ();
}
