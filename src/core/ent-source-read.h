/* ent-source-read.h: reading a saved file or a pasted text into a draft source
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The largest file read as a source; a larger one is refused before it is read. */
#define ENT_SOURCE_MAX_BYTES (G_GINT64_CONSTANT (64) * 1024 * 1024)
/* The longest body a source may have, in characters: some five thousand pages. */
#define ENT_SOURCE_MAX_CHARS 10000000
/* A title the file's metadata gives is shortened to this many characters… */
#define ENT_SOURCE_MAX_TITLE_CHARS 200
/* …and one taken from its first line, often a whole paragraph, to this many. */
#define ENT_SOURCE_LINE_TITLE_CHARS 100

#define ENT_SOURCE_READ_ERROR (ent_source_read_error_quark ())

typedef enum
{
  ENT_SOURCE_READ_ERROR_FAILED,
  ENT_SOURCE_READ_ERROR_TOO_LARGE,
  ENT_SOURCE_READ_ERROR_NOT_UTF8,
  ENT_SOURCE_READ_ERROR_INVALID,
  ENT_SOURCE_READ_ERROR_ENCRYPTED,
  ENT_SOURCE_READ_ERROR_EMPTY,
} EntSourceReadError;

typedef enum
{
  ENT_SOURCE_FORMAT_TEXT,
  ENT_SOURCE_FORMAT_MARKDOWN,
  ENT_SOURCE_FORMAT_HTML,
  ENT_SOURCE_FORMAT_PDF,
} EntSourceFormat;

/*
 * What a file or a pasted text gives for a new source, for the user to check
 * before it is stored. @body is never %NULL nor empty, and is the text the
 * user will quote from, exactly. The others are %NULL when the file does not
 * say; @published is a date as ent_date_is_valid() reads it, @url an http or
 * https address. ent_source_read_file() always gives a @title (the file's
 * name when nothing better is found).
 */
typedef struct
{
  char *title;
  char *publisher;
  char *url;
  char *published;
  char *body;
} EntSourceDraft;

GQuark           ent_source_read_error_quark (void);

void             ent_source_draft_free       (EntSourceDraft  *draft);

EntSourceFormat  ent_source_sniff_format     (const char      *name,
                                              const char      *data,
                                              gsize            length);

EntSourceDraft  *ent_source_read_file        (const char      *path,
                                              GCancellable    *cancellable,
                                              GError         **error);
EntSourceDraft  *ent_source_read_text        (const char      *text,
                                              gssize           length,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntSourceDraft, ent_source_draft_free)

G_END_DECLS
