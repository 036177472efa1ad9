/* ent-source-read-private.h: what the readers of each format of source share
 *
 * Copyright 2026 The Entente developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ent-source-read.h"

G_BEGIN_DECLS

char           *ent_source_collapse_space  (const char    *text,
                                            gssize         length);
char           *ent_source_shorten_title   (const char    *text,
                                            gssize         length);
char           *ent_source_first_line      (const char    *body);
char           *ent_source_reduce_date     (const char    *value);
gboolean        ent_source_check_body      (const char    *name,
                                            const char    *body,
                                            GError       **error);

EntSourceDraft *ent_source_read_html       (const char    *name,
                                            const char    *data,
                                            gsize          length,
                                            GError       **error);
EntSourceDraft *ent_source_read_pdf        (const char    *name,
                                            GBytes        *bytes,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
