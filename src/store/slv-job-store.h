/* slv-job-store.h: the job queue's table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job row lives as long as the workspace: queued → running → done,
 * failed, cancelled or rolled-back. A job found "running" when no process
 * runs it was interrupted (the app was killed); services decide whether it
 * resumes from its checkpoint or rolls back.
 */
#pragma once

#include "slv-store.h"

G_BEGIN_DECLS

typedef struct
{
  char   *id;
  char   *kind;
  char   *title;
  char   *state;
  char   *params;        /* JSON */
  char   *checkpoint;    /* JSON or NULL */
  char   *result;        /* JSON or NULL */
  gint64  done;
  gint64  total;
  char   *message;
  char   *created_at;
  char   *started_at;
  char   *finished_at;
} SlvJobRecord;

void          slv_job_record_free      (SlvJobRecord        *record);

/* Adds a queued job; id and created_at are filled in when NULL. */
gboolean      slv_job_store_add        (SlvStore            *store,
                                        const SlvJobRecord  *record,
                                        GError             **error);
SlvJobRecord *slv_job_store_get        (SlvStore            *store,
                                        const char          *id,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Jobs in @state (NULL: all), oldest first; SlvJobRecord elements. */
GPtrArray    *slv_job_store_list       (SlvStore            *store,
                                        const char          *state,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Moves a job to @state: running sets started_at, the final states set
 * finished_at. @message and @result replace the stored ones when given. */
gboolean      slv_job_store_set_state  (SlvStore            *store,
                                        const char          *id,
                                        const char          *state,
                                        const char          *message,
                                        const char          *result,
                                        GError             **error);
/* Progress, and the checkpoint to resume from (NULL keeps it). Call in the
 * transaction that commits the work the checkpoint describes. */
gboolean      slv_job_store_save       (SlvStore            *store,
                                        const char          *id,
                                        gint64               done,
                                        gint64               total,
                                        const char          *checkpoint,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvJobRecord, slv_job_record_free)

G_END_DECLS
