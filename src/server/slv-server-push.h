/* slv-server-push.h: what the push files share (slv-server-push*.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-server-private.h"

G_BEGIN_DECLS

typedef struct _PushRow PushRow;

/* The stored value of a field before this batch. */
typedef struct _PushOp PushOp;

typedef struct
{
  char   *value;     /* JSON text; "null" for JSON null */
  char   *hlc;
  char   *user_id;
  PushOp *op;        /* the op of this batch that wrote it, or NULL */
} CurField;

struct _PushOp
{
  SlvSyncOp                *op;
  const SlvSyncFieldPolicy *field;      /* NULL: unknown */
  PushRow                  *row;        /* NULL: unknown table */
  SlvSyncOpResult          *result;     /* owned by the response */
  char                     *value;      /* JSON text of op->value */
  gboolean                  decided;    /* result->status is final for this op */
  gboolean                  write;      /* wins: goes into sync_field */
  gboolean                  moves;      /* changes a bucket key of an existing row */
};

struct _PushRow
{
  const SlvSyncTablePolicy *table;
  char                     *row_id;
  gboolean                  exists;     /* sync_row existed before this batch */
  gboolean                  created;    /* inserted by this batch */
  char                     *bucket;
  SlvSyncBucketKind         kind;
  guint                     roles;      /* the user's roles in the bucket */
  char                     *new_bucket; /* set when a bucket key changes */
  gboolean                  deleted;
  gboolean                  purged;
  char                     *deleted_hlc;
  gboolean                  deleted_changed;
  GHashTable               *current;    /* field → CurField */
  GHashTable               *columns;    /* field → string value, cache */
  GPtrArray                *ops;        /* PushOp, borrowed */
};

typedef struct
{
  char       *id;
  PushRow    *row;
  const char *field;
  const char *kind;
  char       *winner_value;
  char       *winner_hlc;
  char       *winner_user;
  char       *loser_value;
  char       *loser_hlc;
  char       *loser_user;
} PushConflict;

typedef struct
{
  SlvRequest          *req;
  SlvSyncPushRequest  *request;
  SlvSyncPushResponse *response;
  GPtrArray           *ops;            /* PushOp, owned, request order */
  GPtrArray           *rows;           /* PushRow, owned, (table, row) order */
  GHashTable          *row_index;      /* "table/row" → PushRow */
  GPtrArray           *conflicts;      /* PushConflict, owned */
  GHashTable          *blobs;          /* verified sha256 present */
  GHashTable          *costing_status; /* costing id → status */
  char                *server_hlc;
  char                *server_time;
  gint64               seq;
} PushBatch;

/* slv-server-push.c */
void      push_refuse            (PushOp           *pop,
                                  SlvSyncOpStatus   status,
                                  const char       *code,
                                  const char       *detail,
                                  gboolean          with_current);
CurField *push_row_current       (PushRow          *row,
                                  const char       *field);
/* The value of @field for bucket and validation purposes: the batch's op
 * if the batch sets it, else the stored value (as a string, or NULL). */
const char *push_row_column      (PushRow          *row,
                                  const char       *field);

/* slv-server-push-apply.c: checks and last-writer-wins, no SQL. */
void      push_apply_rows        (PushBatch        *batch);
/* Buckets and permissions of rows the database does not know yet; returns
 * the rows to insert. */
GPtrArray *push_plan_new_rows    (PushBatch        *batch);

/* slv-server-push-write.c: loading, and helpers for JSON parameters */
void      rec_key                (GString          *out,
                                  const char       *key);
void      rec_str                (GString          *out,
                                  const char       *key,
                                  const char       *value);
void      rec_raw                (GString          *out,
                                  const char       *key,
                                  const char       *json);
void      rec_begin              (GString          *out);
gboolean  run_json               (PushBatch        *batch,
                                  const char       *sql,
                                  GString          *json,
                                  const char       *extra,
                                  PGresult        **result,
                                  GError          **error);
void      add_bucket_record      (GString          *json,
                                  const char       *bucket);
/* Closes @json (an array) and registers its buckets. */
gboolean  register_buckets       (PushBatch        *batch,
                                  GString          *json,
                                  GError          **error);
gboolean  push_load              (PushBatch        *batch,
                                  GError          **error);
gboolean  push_insert_rows       (PushBatch        *batch,
                                  GPtrArray        *rows,
                                  GError          **error);

/* slv-server-push-commit.c */
gboolean  push_write             (PushBatch        *batch,
                                  GError          **error);

G_END_DECLS
