/* slv-import-writer.h: upsert rows by natural key and record before-images.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer imports rows into one table of one brand for one batch. Each
 * row is found by its natural key (live or tombstoned); a new key inserts
 * a row, a known key updates only the columns that differ, and what was
 * there before goes into import_change so the batch can be undone. Rows
 * inserted in a chunk are recorded together, as one list of ids.
 */
#pragma once

#include "slv-store.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_IMPORT_COLUMN_TEXT,
  SLV_IMPORT_COLUMN_DECIMAL,   /* compared by value: "12.50" equals "12.5" */
} SlvImportColumnKind;

typedef struct
{
  const char          *table;
  guint                n_keys;      /* the first n_keys columns are the natural key */
  guint                n_columns;   /* at most 60 */
  const char * const  *columns;
  const SlvImportColumnKind *kinds;       /* NULL: all text */
} SlvImportTable;

typedef enum
{
  SLV_UPSERT_INSERT,
  SLV_UPSERT_UPDATE,
  SLV_UPSERT_UNCHANGED,
} SlvUpsertAction;

typedef struct _SlvImportWriter SlvImportWriter;

/* @next_seq: the first import_change sequence number to use (0 for a new
 * batch, the saved one when an import resumes). */
SlvImportWriter *slv_import_writer_new          (SlvStore              *store,
                                                 const SlvImportTable  *table,
                                                 const char            *brand_id,
                                                 const char            *batch_id,
                                                 gint64                 next_seq,
                                                 GError               **error);
void             slv_import_writer_free         (SlvImportWriter       *self);

/* What applying @values (one per column; NULL = not given) would do. If
 * @before is given (n_columns slots) it receives the current values of the
 * columns that would change ("" for none), newly allocated, NULL for the
 * others. */
gboolean         slv_import_writer_classify     (SlvImportWriter       *self,
                                                 const char * const    *values,
                                                 SlvUpsertAction       *action,
                                                 char                 **before,
                                                 GError               **error);
/* Writes the row and records the change; call inside a transaction. An
 * existing row is updated from @values (NULL = keep); a new one is made
 * from @insert_values (defaults filled in), or not at all when
 * @insert_values is NULL (*@action is then INSERT and nothing is written). */
gboolean         slv_import_writer_apply        (SlvImportWriter       *self,
                                                 const char * const    *values,
                                                 const char * const    *insert_values,
                                                 SlvUpsertAction       *action,
                                                 GError               **error);
/* Records the rows inserted since the last flush; call before committing. */
gboolean         slv_import_writer_flush        (SlvImportWriter       *self,
                                                 GError               **error);
gint64           slv_import_writer_get_next_seq (SlvImportWriter       *self);
/* Rows updated at or after @timestamp count as written by this batch: a
 * later row with the same key is a repeat. */
void             slv_import_writer_set_since    (SlvImportWriter       *self,
                                                 const char            *timestamp);
/* TRUE if the last row applied found a row this batch had written. */
gboolean         slv_import_writer_last_was_repeat (SlvImportWriter    *self);
/* After a transaction rolled back: forget its unflushed work. */
void             slv_import_writer_rewind       (SlvImportWriter       *self,
                                                 gint64                 next_seq);

/* Undoes up to @max_changes change records of @batch_id, newest first, and
 * deletes them: inserted rows become tombstones, updated fields get their
 * before-values back unless they were edited since (counted in
 * *@conflicts). *@finished when nothing is left. Call inside a transaction. */
gboolean         slv_import_store_undo_step     (SlvStore              *store,
                                                 const char            *batch_id,
                                                 guint                  max_changes,
                                                 guint64               *rows,
                                                 guint64               *conflicts,
                                                 gboolean              *finished,
                                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvImportWriter, slv_import_writer_free)

G_END_DECLS
