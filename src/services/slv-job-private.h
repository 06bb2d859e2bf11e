/* slv-job-private.h: what the queue does to jobs (private to services).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-job.h"
#include "store/slv-job-store.h"

G_BEGIN_DECLS

SlvJob       *slv_job_new_from_record (const SlvJobRecord *record);
GCancellable *slv_job_get_cancellable (SlvJob             *self);
void          slv_job_reset_cancellable (SlvJob           *self);
void          slv_job_update          (SlvJob             *self,
                                       int                 state,      /* -1: keep */
                                       double              fraction,   /* < 0: keep */
                                       gint64              done,       /* < 0: keep */
                                       const char         *message,    /* NULL: keep */
                                       const char         *result);    /* NULL: keep */

G_END_DECLS
