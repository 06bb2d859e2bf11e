/* slv-import-store.h: import batches, their reports and mapping profiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records here are plain structs; src/services wraps them in objects.
 * Functions that change a batch during an import are meant to run inside
 * the chunk's transaction (slv_store_transaction), so counts, checkpoints
 * and data always commit together.
 */
#pragma once

#include "slv-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *id;
  char   *created_at;
  char   *finished_at;
  char   *user_name;
  char   *target;
  char   *file_name;
  char   *file_path;
  gint64  file_size;
  gint64  file_mtime;
  char   *file_sha256;
  char   *mapping;        /* JSON */
  char   *state;          /* running, done, failed, rolled_back, undone */
  gint64  next_row;
  gint64  next_seq;
  gint64  rows_total;
  gint64  inserted;
  gint64  updated;
  gint64  unchanged;
  gint64  rejected;
  gint64  warnings;
  char   *job_id;
  char   *message;
} SlvBatchRecord;

typedef struct
{
  gint64  row_no;
  char   *column;
  char   *value;
  char   *reason;
  int     severity;       /* 1 warning, 2 rejected */
} SlvIssueRecord;

typedef struct
{
  char *name;
  char *target;
  char *mapping;          /* JSON */
  char *updated_at;
} SlvMappingRecord;

void              slv_batch_record_free            (SlvBatchRecord   *record);
void              slv_issue_record_free            (SlvIssueRecord   *record);
void              slv_mapping_record_free          (SlvMappingRecord *record);

/* The brand imports go to: the one with @code, or the only brand there is. */
gboolean          slv_import_store_find_brand      (SlvStore         *store,
                                                    const char       *code,
                                                    char            **brand_id,
                                                    char            **base_currency,
                                                    GError          **error);
/* The id of the live row of @table whose @column is @value (and brand). */
char             *slv_import_store_find_id         (SlvStore         *store,
                                                    const char       *table,
                                                    const char       *column,
                                                    const char       *value,
                                                    const char       *brand_id,
                                                    GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* Adds a batch (id, created_at and state are filled in when NULL). */
gboolean          slv_import_store_add_batch       (SlvStore               *store,
                                                    const SlvBatchRecord   *record,
                                                    GError                **error);
SlvBatchRecord   *slv_import_store_get_batch       (SlvStore               *store,
                                                    const char             *id,
                                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* All batches, newest first; SlvBatchRecord elements. */
GPtrArray        *slv_import_store_list_batches    (SlvStore               *store,
                                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* Writes the counters and checkpoint of @record (next_row, next_seq,
 * rows_total, inserted, updated, unchanged, rejected, warnings). */
gboolean          slv_import_store_save_progress   (SlvStore               *store,
                                                    const SlvBatchRecord   *record,
                                                    GError                **error);
/* Sets the state (and finished_at unless running), with an optional
 * message and file hash (NULL keeps them). */
gboolean          slv_import_store_set_batch_state (SlvStore               *store,
                                                    const char             *id,
                                                    const char             *state,
                                                    const char             *message,
                                                    const char             *sha256,
                                                    GError                **error);

gboolean          slv_import_store_add_issue       (SlvStore               *store,
                                                    const char             *batch_id,
                                                    gint64                  seq,
                                                    const SlvIssueRecord   *issue,
                                                    GError                **error);
/* The report of a batch in row order; at most @limit lines (0: all). */
GPtrArray        *slv_import_store_list_issues     (SlvStore               *store,
                                                    const char             *batch_id,
                                                    guint                   limit,
                                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* Number of report lines stored for @batch_id. */
gint64            slv_import_store_count_issues    (SlvStore               *store,
                                                    const char             *batch_id);

/* Mapping profiles. */
gboolean          slv_import_store_save_mapping    (SlvStore               *store,
                                                    const char             *name,
                                                    const char             *target,
                                                    const char             *mapping,
                                                    GError                **error);
SlvMappingRecord *slv_import_store_get_mapping     (SlvStore               *store,
                                                    const char             *name,
                                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;
/* Profiles for @target (NULL: all), by name. */
GPtrArray        *slv_import_store_list_mappings   (SlvStore               *store,
                                                    const char             *target,
                                                    GError                **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean          slv_import_store_delete_mapping  (SlvStore               *store,
                                                    const char             *name,
                                                    GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvBatchRecord, slv_batch_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvIssueRecord, slv_issue_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvMappingRecord, slv_mapping_record_free)

G_END_DECLS
