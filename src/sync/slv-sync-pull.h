/* slv-sync-pull.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pull page (SYNC-PROTOCOL.md §6): the changes after a cursor, grouped per
 * row, plus evictions, buckets gained and lost, and buckets to resync.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLV_SYNC_PULL_DEFAULT_LIMIT 2000
#define SLV_SYNC_PULL_MAX_LIMIT     10000

typedef struct
{
  char     *field;
  JsonNode *value;
  char     *hlc;
} SlvSyncFieldValue;

typedef struct
{
  gint64     seq;
  char      *bucket;
  char      *table;
  char      *row;
  GPtrArray *fields;   /* SlvSyncFieldValue, owned */
} SlvSyncChange;

/* A row left a bucket at @seq: apply in seq order with the changes. */
typedef struct
{
  gint64  seq;
  char   *table;
  char   *row;
  char   *bucket;   /* the bucket the row left; may be NULL */
} SlvSyncEviction;

typedef struct
{
  char       *cursor;
  gint64      checkpoint;
  gboolean    has_more;
  char       *server_hlc;
  char       *server_time;
  char      **buckets_current;
  char      **buckets_removed;
  GPtrArray  *changes;   /* SlvSyncChange, owned */
  GPtrArray  *evict;     /* SlvSyncEviction, owned */
  char      **resync;
} SlvSyncPullPage;

SlvSyncChange   *slv_sync_change_new          (gint64           seq,
                                               const char      *bucket,
                                               const char      *table,
                                               const char      *row) G_GNUC_WARN_UNUSED_RESULT;
void             slv_sync_change_free         (SlvSyncChange   *change);
/* Adds a field; takes a reference on @value. */
void             slv_sync_change_add_field    (SlvSyncChange   *change,
                                               const char      *field,
                                               JsonNode        *value,
                                               const char      *hlc);
/* The field named @field, or NULL. */
SlvSyncFieldValue *slv_sync_change_find_field (SlvSyncChange   *change,
                                               const char      *field);

SlvSyncPullPage *slv_sync_pull_page_new       (void) G_GNUC_WARN_UNUSED_RESULT;
void             slv_sync_pull_page_free      (SlvSyncPullPage *page);
char            *slv_sync_pull_page_to_json   (SlvSyncPullPage *page) G_GNUC_WARN_UNUSED_RESULT;
SlvSyncPullPage *slv_sync_pull_page_from_json (const char      *data,
                                               gsize            length,
                                               GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Streaming writer used by the server for large pages; the output is what
 * slv_sync_pull_page_to_json() writes. Call _begin, then for each row
 * _change_begin, _field… (@value_json is JSON text), then _end. */
void slv_sync_pull_write_change_begin (GString     *out,
                                       gboolean     first,
                                       gint64       seq,
                                       const char  *bucket,
                                       const char  *table,
                                       const char  *row);
void slv_sync_pull_write_field        (GString     *out,
                                       gboolean     first,
                                       const char  *field,
                                       const char  *value_json,
                                       const char  *hlc);
void slv_sync_pull_write_change_end   (GString     *out);
void slv_sync_pull_write_eviction     (GString     *out,
                                       gboolean     first,
                                       gint64       seq,
                                       const char  *bucket,
                                       const char  *table,
                                       const char  *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncChange, slv_sync_change_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncPullPage, slv_sync_pull_page_free)

G_END_DECLS
