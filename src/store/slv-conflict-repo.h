/* slv-conflict-repo.h: the conflict log and refused writes, for review.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server writes a conflict row for every write that lost to a
 * concurrent one (SYNC-PROTOCOL.md §7); the workspace keeps the writes the
 * server refused in sync_rejection. Restoring a conflict writes the other
 * value as a new edit (with the rest of its field group) and marks the
 * conflict restored; dismissing marks it dismissed. Both sync like any edit.
 */
#pragma once

#include "slv-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *id;
  char   *table;
  char   *row_id;
  char   *field;
  char   *kind;          /* concurrent_write, edit_on_deleted, duplicate_key */
  char   *document;      /* what the row is called: "NL-001 Linen shirt" */
  char   *winner_value;  /* JSON text */
  char   *winner_user;
  gint64  winner_ms;     /* when (the stamp's wall time), Unix ms */
  char   *loser_value;   /* JSON text */
  char   *loser_user;
  gint64  loser_ms;
} SlvConflictRecord;

typedef struct
{
  char   *op_id;
  char   *table;
  char   *row_id;
  char   *field;
  char   *document;
  char   *value;         /* JSON text */
  char   *status;        /* forbidden, invalid, unknown_field */
  char   *code;
  char   *detail;
  gint64  at_ms;
} SlvRejectionRecord;

void        slv_conflict_record_free   (SlvConflictRecord  *record);
void        slv_rejection_record_free  (SlvRejectionRecord *record);

/* Open conflicts, grouped by document (table, row), newest first inside. */
GPtrArray  *slv_conflicts_list_open    (SlvStore    *store,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    slv_conflict_restore       (SlvStore    *store,
                                        const char  *id,
                                        const char  *user_id,
                                        GError     **error);
gboolean    slv_conflict_dismiss       (SlvStore    *store,
                                        const char  *id,
                                        const char  *user_id,
                                        GError     **error);
/* Refused writes not yet dismissed, newest first. */
GPtrArray  *slv_rejections_list        (SlvStore    *store,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    slv_rejection_dismiss      (SlvStore    *store,
                                        const char  *op_id,
                                        GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvConflictRecord, slv_conflict_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvRejectionRecord, slv_rejection_record_free)

G_END_DECLS
