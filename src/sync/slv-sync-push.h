/* slv-sync-push.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The push request and response of SYNC-PROTOCOL.md §5, as plain structs with
 * JSON encoders and strict decoders. Decoders never trust their input: any
 * missing member, wrong type, malformed id or clock stamp fails with a
 * SLV_SYNC_ERROR naming the op and member.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SLV_SYNC_MAX_BATCH_OPS    1000
#define SLV_SYNC_MAX_BATCH_BYTES  (4 * 1024 * 1024)

/* One field op. @value is a JSON scalar (never NULL: JSON null is a node). */
typedef struct
{
  char     *op_id;
  char     *table;
  char     *row;
  char     *field;
  JsonNode *value;
  char     *hlc;
  char     *base_hlc;   /* NULL if the client had no value */
} SlvSyncOp;

SlvSyncOp *slv_sync_op_new   (const char *op_id,
                              const char *table,
                              const char *row,
                              const char *field,
                              JsonNode   *value,
                              const char *hlc,
                              const char *base_hlc) G_GNUC_WARN_UNUSED_RESULT;
void       slv_sync_op_free  (SlvSyncOp  *op);

typedef struct
{
  char      *client_id;
  char      *node;
  char      *batch_id;
  char      *clock;
  GPtrArray *ops;        /* SlvSyncOp, owned */
} SlvSyncPushRequest;

SlvSyncPushRequest *slv_sync_push_request_new       (const char          *client_id,
                                                     const char          *node,
                                                     const char          *batch_id,
                                                     const char          *clock) G_GNUC_WARN_UNUSED_RESULT;
void                slv_sync_push_request_free      (SlvSyncPushRequest  *request);
/* Takes ownership of @op. */
void                slv_sync_push_request_add_op    (SlvSyncPushRequest  *request,
                                                     SlvSyncOp           *op);
char               *slv_sync_push_request_to_json   (SlvSyncPushRequest  *request) G_GNUC_WARN_UNUSED_RESULT;
/* More than SLV_SYNC_MAX_BATCH_OPS ops fails with SLV_SYNC_ERROR_TOO_LARGE. */
SlvSyncPushRequest *slv_sync_push_request_from_json (const char          *data,
                                                     gsize                length,
                                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

typedef enum
{
  SLV_SYNC_OP_APPLIED,
  SLV_SYNC_OP_DUPLICATE,
  SLV_SYNC_OP_SUPERSEDED,
  SLV_SYNC_OP_APPLIED_ON_DELETED,
  SLV_SYNC_OP_FORBIDDEN,
  SLV_SYNC_OP_INVALID,
  SLV_SYNC_OP_UNKNOWN_FIELD,
  SLV_SYNC_OP_BLOB_MISSING,
} SlvSyncOpStatus;

const char *slv_sync_op_status_to_string   (SlvSyncOpStatus  status);
gboolean    slv_sync_op_status_from_string (const char      *text,
                                            SlvSyncOpStatus *status);
/* Refused for good: the client copies the op to sync_rejection. */
gboolean    slv_sync_op_status_is_final_refusal (SlvSyncOpStatus status);

typedef struct
{
  char            *op_id;
  SlvSyncOpStatus  status;
  /* superseded: the value that holds the field */
  JsonNode        *winner_value;
  char            *winner_hlc;
  char            *winner_user;
  char            *conflict_id;   /* superseded, applied_on_deleted, concurrent overwrite */
  /* forbidden / invalid / unknown_field / blob_missing */
  char            *code;
  char            *detail;
  gboolean         has_current;
  JsonNode        *current_value;
  char            *current_hlc;
} SlvSyncOpResult;

SlvSyncOpResult *slv_sync_op_result_new  (const char       *op_id,
                                          SlvSyncOpStatus   status) G_GNUC_WARN_UNUSED_RESULT;
void             slv_sync_op_result_free (SlvSyncOpResult  *result);
void             slv_sync_op_result_set_refusal (SlvSyncOpResult *result,
                                                 const char      *code,
                                                 const char      *detail);

typedef struct
{
  char      *batch_id;
  gint64     commit_seq;   /* 0 when nothing was written */
  char      *server_hlc;
  char      *server_time;
  GPtrArray *results;      /* SlvSyncOpResult, owned, in op order */
} SlvSyncPushResponse;

SlvSyncPushResponse *slv_sync_push_response_new       (const char           *batch_id) G_GNUC_WARN_UNUSED_RESULT;
void                 slv_sync_push_response_free      (SlvSyncPushResponse  *response);
char                *slv_sync_push_response_to_json   (SlvSyncPushResponse  *response) G_GNUC_WARN_UNUSED_RESULT;
SlvSyncPushResponse *slv_sync_push_response_from_json (const char           *data,
                                                       gsize                 length,
                                                       GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* The result for @op_id, or NULL. */
SlvSyncOpResult     *slv_sync_push_response_find      (SlvSyncPushResponse  *response,
                                                       const char           *op_id);

/* Checks shared by both decoders. */
gboolean slv_sync_check_uuid (const char  *text,
                              const char  *what,
                              const char  *member,
                              GError     **error);
gboolean slv_sync_check_hlc  (const char  *text,
                              const char  *what,
                              const char  *member,
                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncOp, slv_sync_op_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncPushRequest, slv_sync_push_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncOpResult, slv_sync_op_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvSyncPushResponse, slv_sync_push_response_free)

G_END_DECLS
