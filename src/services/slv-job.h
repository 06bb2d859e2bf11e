/* slv-job.h: one piece of long work, as the UI sees it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SlvJob lives on the main thread; the queue updates its state and
 * progress from the worker, so widgets can bind to its properties. A job
 * left "interrupted" by a killed app can be resumed or rolled back through
 * the queue.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  SLV_JOB_QUEUED,
  SLV_JOB_RUNNING,
  SLV_JOB_DONE,
  SLV_JOB_FAILED,        /* stopped by an error; its work was rolled back */
  SLV_JOB_CANCELLED,     /* stopped by the user; its work was rolled back */
  SLV_JOB_INTERRUPTED,   /* the app stopped mid-job: resume or roll back */
  SLV_JOB_ROLLED_BACK,   /* an interrupted job, undone */
} SlvJobState;

#define SLV_TYPE_JOB_STATE (slv_job_state_get_type ())
GType slv_job_state_get_type (void);

#define SLV_TYPE_JOB (slv_job_get_type ())
G_DECLARE_FINAL_TYPE (SlvJob, slv_job, SLV, JOB, GObject)

const char  *slv_job_get_id         (SlvJob      *self);
const char  *slv_job_get_kind       (SlvJob      *self);
const char  *slv_job_get_title      (SlvJob      *self);
SlvJobState  slv_job_get_state      (SlvJob      *self);
/* 0.0–1.0 */
double       slv_job_get_fraction   (SlvJob      *self);
/* Units of work done (rows for imports). */
gint64       slv_job_get_done       (SlvJob      *self);
/* What is happening, or why it failed. */
const char  *slv_job_get_message    (SlvJob      *self);
/* JSON written by the job when it is done, or NULL. */
const char  *slv_job_get_result     (SlvJob      *self);
/* TRUE once the job will not change any more (done, failed, cancelled, rolled back). */
gboolean     slv_job_is_finished    (SlvJob      *self);
/* Asks the job to stop; it rolls back what it did and ends cancelled. */
void         slv_job_cancel         (SlvJob      *self);

const char  *slv_job_state_to_string   (SlvJobState  state);
SlvJobState  slv_job_state_from_string (const char  *text);

G_END_DECLS
