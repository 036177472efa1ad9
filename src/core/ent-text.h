/* ent-text.h: character-offset helpers for source texts
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ENT_TEXT_ERROR (ent_text_error_quark ())

typedef enum
{
  ENT_TEXT_ERROR_NOT_FOUND,
  ENT_TEXT_ERROR_AMBIGUOUS,
  ENT_TEXT_ERROR_INVALID,
} EntTextError;

GQuark    ent_text_error_quark (void);

gboolean  ent_text_find_unique (const char  *text,
                                const char  *passage,
                                gint64      *start,
                                gint64      *end,
                                GError     **error);
char     *ent_text_substring   (const char  *text,
                                gint64       start,
                                gint64       end);

G_END_DECLS
