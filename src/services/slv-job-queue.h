/* slv-job-queue.h: long work that survives a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Jobs (imports, undo of imports, and later pricing runs and proposal
 * generation) are rows in the workspace's job table and run on a pool of
 * worker threads, each with its own connection to the workspace. A job
 * commits its work in chunks and saves a checkpoint in the same
 * transaction, so after the app was killed the job is found "interrupted"
 * (slv_job_queue_recover) and can be resumed from its checkpoint or rolled
 * back. A running job holds a lock file in the workspace's cache, so two
 * windows or processes never run the same job.
 *
 * The queue is a GListModel of SlvJob for the UI.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "slv-job.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

typedef struct _SlvJobContext SlvJobContext;

/* Runs in a worker thread. Returns FALSE with @error to fail (or
 * G_IO_ERROR_CANCELLED when the job's cancellable fired). */
typedef gboolean (*SlvJobFunc) (SlvJobContext  *context,
                                GError        **error);

typedef struct
{
  const char *kind;
  /* Starts the job, or resumes it when slv_job_context_get_checkpoint()
   * is not NULL. */
  SlvJobFunc  run;
  /* Undoes what a failed, cancelled or interrupted run committed. Must be
   * idempotent: it may itself be interrupted and run again. */
  SlvJobFunc  rollback;
} SlvJobKind;

#define SLV_TYPE_JOB_QUEUE (slv_job_queue_get_type ())
G_DECLARE_FINAL_TYPE (SlvJobQueue, slv_job_queue, SLV, JOB_QUEUE, GObject)

/* A queue for the workspace of @store, with at most @max_workers threads
 * (0: one per processor, at most 4). Updates reach jobs in the thread-default
 * main context of the caller. */
SlvJobQueue   *slv_job_queue_new              (SlvStore            *store,
                                               guint                max_workers);
void           slv_job_queue_register         (SlvJobQueue         *self,
                                               const SlvJobKind    *kind);
/* Queues a new job with @params (a JSON object, as text). */
SlvJob        *slv_job_queue_submit           (SlvJobQueue         *self,
                                               const char          *kind,
                                               const char          *title,
                                               const char          *params,
                                               GError             **error);
/* Finds jobs a killed app left running or queued, marks them interrupted
 * and adds them to the model. Returns how many there are. */
guint          slv_job_queue_recover          (SlvJobQueue         *self,
                                               GError             **error);
/* Continues an interrupted job from its checkpoint. */
gboolean       slv_job_queue_resume           (SlvJobQueue         *self,
                                               const char          *id,
                                               GError             **error);
/* Undoes what an interrupted job committed. */
gboolean       slv_job_queue_rollback         (SlvJobQueue         *self,
                                               const char          *id,
                                               GError             **error);
SlvJob        *slv_job_queue_find             (SlvJobQueue         *self,
                                               const char          *id);
/* Runs the main context until @job stops (finished or interrupted). */
void           slv_job_queue_wait             (SlvJobQueue         *self,
                                               SlvJob              *job);
/* Stops the workers at their next checkpoint, leaving their jobs
 * interrupted (to resume next time), and waits for them. */
void           slv_job_queue_shutdown         (SlvJobQueue         *self);

/* -- for job functions, in the worker thread -- */

const char    *slv_job_context_get_id         (SlvJobContext       *context);
/* The worker's own connection to the workspace. */
SlvStore      *slv_job_context_get_store      (SlvJobContext       *context);
JsonObject    *slv_job_context_get_params     (SlvJobContext       *context);
/* The checkpoint saved last (JSON text), or NULL for a fresh start. */
const char    *slv_job_context_get_checkpoint (SlvJobContext       *context);
GCancellable  *slv_job_context_get_cancellable (SlvJobContext      *context);
/* Progress for the UI; cheap to call often (throttled). */
void           slv_job_context_progress       (SlvJobContext       *context,
                                               double               fraction,
                                               gint64               done,
                                               const char          *message);
/* Saves progress and the checkpoint. Call inside the transaction that
 * commits the work the checkpoint describes. */
gboolean       slv_job_context_save           (SlvJobContext       *context,
                                               gint64               done,
                                               const char          *checkpoint,
                                               GError             **error);
/* What the job hands back when it is done (JSON text) and its last words. */
void           slv_job_context_set_result     (SlvJobContext       *context,
                                               const char          *result,
                                               const char          *message);

G_END_DECLS
