/* slv-sync-problem.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 9457 problem details with the protocol's `code` and `retryable`
 * members (SYNC-PROTOCOL.md §11). Every non-200 response of the server is one.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLV_SYNC_PROBLEM_CONTENT_TYPE "application/problem+json"
#define SLV_SYNC_PROBLEM_TYPE_BASE    "https://selvedge.org/problems/"

typedef struct
{
  guint       status;
  char       *code;
  char       *title;
  char       *detail;
  gboolean    retryable;
  char       *server_time;
  JsonObject *extra;   /* further members, e.g. "offset" or "retry_after" */
} SlvSyncProblem;

/* A problem for a known @code gets its usual status, title and retryable
 * flag; @status 0 takes the code's usual status. */
SlvSyncProblem *slv_sync_problem_new        (guint            status,
                                             const char      *code,
                                             const char      *detail) G_GNUC_WARN_UNUSED_RESULT;
void            slv_sync_problem_free       (SlvSyncProblem  *problem);
void            slv_sync_problem_set_int    (SlvSyncProblem  *problem,
                                             const char      *member,
                                             gint64           value);
void            slv_sync_problem_set_string (SlvSyncProblem  *problem,
                                             const char      *member,
                                             const char      *value);
char           *slv_sync_problem_to_json    (SlvSyncProblem  *problem) G_GNUC_WARN_UNUSED_RESULT;
SlvSyncProblem *slv_sync_problem_from_json  (const char      *data,
                                             gsize            length,
                                             GError         **error) G_GNUC_WARN_UNUSED_RESULT;
/* The usual HTTP status of @code (500 for unknown codes). */
guint           slv_sync_problem_code_status    (const char *code);
gboolean        slv_sync_problem_code_retryable (const char *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncProblem, slv_sync_problem_free)

G_END_DECLS
