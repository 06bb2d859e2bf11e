/* slv-sync-rows.h: row writes of the sync connection (src/store only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-sync-store-private.h"

G_BEGIN_DECLS

/* Fields of one row to write (arrays of @n, borrowed). */
typedef struct
{
  const SlvSyncTablePolicy  *table;
  const char                *row_id;
  const char                *bucket;
  guint                      n;
  const SlvSyncFieldPolicy **fields;
  JsonNode                 **values;
  const char               **hlcs;
} SsFields;

gboolean  ss_set_clock       (SlvSyncStore  *self,
                              const char    *table,
                              const char    *row_id,
                              const char    *field,
                              const char    *hlc,
                              GError       **error);
char     *ss_get_clock       (SlvSyncStore  *self,
                              const char    *table,
                              const char    *row_id,
                              const char    *field) G_GNUC_WARN_UNUSED_RESULT;
gboolean  ss_row_exists      (SlvSyncStore  *self,
                              const char    *table,
                              const char    *row_id);
gboolean  ss_set_row_bucket  (SlvSyncStore  *self,
                              const char    *table,
                              const char    *row_id,
                              const char    *bucket,
                              GError       **error);
gboolean  ss_keep_unknown    (SlvSyncStore  *self,
                              const char    *table,
                              const char    *row_id,
                              const char    *field,
                              JsonNode      *value,
                              const char    *hlc,
                              const char    *bucket,
                              GError       **error);
gboolean  ss_update_row      (SlvSyncStore  *self,
                              SsFields      *w,
                              GError       **error);
gboolean  ss_fields_complete (SlvSyncStore  *self,
                              SsFields      *w);
gboolean  ss_insert_row      (SlvSyncStore  *self,
                              SsFields      *w,
                              gboolean      *inserted,
                              GError       **error);
gboolean  ss_delete_bucket   (SlvSyncStore  *self,
                              const char    *bucket,
                              guint         *evicted,
                              GError       **error);

G_END_DECLS
