/* ent-dot-text.c: the text of Graphviz labels: escapes, HTML-like labels and records
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ent-dot"

#include "config.h"

#include "ent-dot-private.h"

#include <string.h>

/* Appends @name for an escape, or the escape itself where it means nothing here, as Graphviz leaves it. */
static void
append_name (GString    *out,
             const char *name,
             char        escape)
{
  if (name != NULL)
    g_string_append (out, name);
  else
    g_string_append_printf (out, "\\%c", escape);
}

/* Ends the text at its last character that is not white space or a line break. */
static char *
strip_end (GString *text)
{
  while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
    g_string_truncate (text, text->len - 1);
  return g_string_free (text, FALSE);
}

/*
 * The text of a plain label as Graphviz 2.42 draws it: first the names are
 * put in for \N, \G, \E, \T and \H, then \n, \l and \r break the line and a
 * backslash before any other character stands for that character. The
 * names go in first, so a backslash in a name is read as one in the label
 * would be, as Graphviz does.
 */
char *
_ent_dot_escaped_text (const char        *label,
                       const EntDotNames *names)
{
  g_autoptr(GString) named = g_string_sized_new (strlen (label));
  GString *text;

  for (const char *p = label; *p != '\0'; p++)
    {
      if (p[0] != '\\' || p[1] == '\0')
        {
          g_string_append_c (named, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'N':
          append_name (named, names->node, 'N');
          break;
        case 'G':
          append_name (named, names->graph, 'G');
          break;
        case 'E':
          append_name (named, names->edge, 'E');
          break;
        case 'T':
          append_name (named, names->tail, 'T');
          break;
        case 'H':
          append_name (named, names->head, 'H');
          break;
        default:
          g_string_append_c (named, '\\');
          g_string_append_c (named, *p);
        }
    }

  text = g_string_sized_new (named->len);
  for (const char *p = named->str; *p != '\0'; p++)
    {
      if (p[0] != '\\' || p[1] == '\0')
        g_string_append_c (text, *p);
      else if (strchr ("nlr", *++p) != NULL)
        g_string_append_c (text, '\n');
      else
        g_string_append_c (text, *p);
    }
  return strip_end (text);
}

/* The character of "&amp;", "&#233;" or "&#xe9;" at @p, and how long the reference is; 0 for anything else. */
static gunichar
reference (const char *p,
           gsize      *length)
{
  static const struct {
    const char *name;
    gunichar    c;
  } entities[] = { { "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' }, { "apos;", '\'' } };
  const char *end;
  guint64 c;
  char *digits_end;

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_has_prefix (p + 1, entities[i].name))
      {
        *length = 1 + strlen (entities[i].name);
        return entities[i].c;
      }
  if (p[1] != '#' || (end = strchr (p, ';')) == NULL || end - p > 10)
    return 0;
  if (p[2] == 'x' || p[2] == 'X')
    c = g_ascii_strtoull (p + 3, &digits_end, 16);
  else
    c = g_ascii_strtoull (p + 2, &digits_end, 10);
  if (digits_end != end || digits_end == p + 2 || c == 0 || c > G_MAXUINT32 || !g_unichar_validate (c))
    return 0;
  *length = end - p + 1;
  return c;
}

/* Folds each run of white space into one space and each run of line breaks into one, with no space around it. */
static char *
tidy_lines (const char *raw)
{
  GString *text = g_string_new (NULL);
  gboolean space = FALSE, line = FALSE;

  for (const char *p = raw; *p != '\0'; p++)
    {
      if (*p == '\n')
        line = TRUE;
      else if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (text->len > 0 && (line || space))
            g_string_append_c (text, line ? '\n' : ' ');
          line = space = FALSE;
          g_string_append_c (text, *p);
        }
    }
  return g_string_free (text, FALSE);
}

/*
 * The text of an HTML-like label: what is between its tags, a line break
 * for each <BR/> and table row and a space between cells. Only XML's five
 * entities and numeric character references are decoded; any other "&…;"
 * is left as it is written, and nothing a tag names (<IMG SRC>) is opened.
 */
char *
_ent_dot_html_text (const char *label)
{
  g_autoptr(GString) raw = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      gsize length = 0;
      gunichar c;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          const char *name = p + 1 + (p[1] == '/');

          if (end == NULL)
            break;
          if (g_ascii_strncasecmp (name, "br", 2) == 0 || (p[1] == '/' && g_ascii_strncasecmp (name, "tr", 2) == 0))
            g_string_append_c (raw, '\n');
          else if (p[1] == '/' && g_ascii_strncasecmp (name, "td", 2) == 0)
            g_string_append_c (raw, ' ');
          p = end;
        }
      else if (*p == '&' && (c = reference (p, &length)) != 0)
        {
          g_string_append_unichar (raw, c);
          p += length - 1;
        }
      else
        g_string_append_c (raw, *p);
    }
  return tidy_lines (raw->str);
}

/* Ends the record field being read: its text, escapes read, joined to the others with " | ". */
static void
end_field (GString           *text,
           GString           *field,
           const EntDotNames *names)
{
  g_autofree char *stripped = g_strstrip (g_strdup (field->str));
  g_autofree char *escaped = _ent_dot_escaped_text (stripped, names);

  g_string_truncate (field, 0);
  if (*escaped == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " | ");
  g_string_append (text, escaped);
}

/*
 * The text of a record label, "{a|<f0> b}": its fields' text one after
 * the other, without the braces that stack them and the ports that name
 * them. "\{", "\}", "\|", "\<", "\>" and "\ " are those characters; other
 * escapes are read as in any label.
 */
char *
_ent_dot_record_text (const char        *label,
                      const EntDotNames *names)
{
  GString *text = g_string_new (NULL);
  g_autoptr(GString) field = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] != '\0' && strchr ("{}|<> ", p[1]) != NULL)
        g_string_append_c (field, *++p);
      else if (p[0] == '\\' && p[1] != '\0')
        {
          g_string_append_len (field, p, 2);
          p++;
        }
      else if (*p == '{' || *p == '}' || *p == '|')
        end_field (text, field, names);
      else if (*p == '<')
        {
          while (p[1] != '\0' && p[1] != '>')
            p++;
          if (p[1] == '>')
            p++;
        }
      else
        g_string_append_c (field, *p);
    }
  end_field (text, field, names);
  return g_string_free (text, FALSE);
}

/* Whether @charset is one of the names Graphviz takes for Latin-1. */
gboolean
_ent_dot_is_latin1 (const char *charset)
{
  static const char * const names[] = { "latin-1", "latin1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1",
                                        "iso-ir-100", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (charset, names[i]) == 0)
      return TRUE;
  return FALSE;
}
