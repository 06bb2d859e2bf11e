/* slv-server-push-apply.c: per-op decisions of a push batch, without SQL:
 * permissions, values, domain rules, field groups, then last-writer-wins by
 * HLC with the conflict log (SYNC-PROTOCOL.md §3, §5, §7).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <string.h>

#include "core/slv-uuid.h"
#include "slv-server-push.h"

#define HLC_NODE(hlc) ((hlc) + 30)

static const char *
row_column_cb (const char *field,
               gpointer    user_data)
{
  return push_row_column (user_data, field);
}

static gboolean
is_line_table (const SlvSyncTablePolicy *table)
{
  return strcmp (table->name, "bom_line") == 0 || strcmp (table->name, "process_line") == 0;
}

/* Buckets and roles of rows that do not exist yet; returns the rows worth
 * inserting (those with at least one op the user may write). */
GPtrArray *
push_plan_new_rows (PushBatch *batch)
{
  GPtrArray *insert = g_ptr_array_new ();

  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);
      g_autoptr(GError) error = NULL;
      gboolean any = FALSE;

      if (row->exists)
        continue;
      row->bucket = slv_sync_policy_row_bucket (row->table, row->row_id, row_column_cb, row, &error);
      if (row->bucket != NULL)
        {
          slv_sync_bucket_parse (row->bucket, &row->kind, NULL, NULL);
          row->roles = slv_principal_roles_in (batch->req->principal, row->bucket);
        }
      for (guint j = 0; j < row->ops->len; j++)
        {
          PushOp *pop = g_ptr_array_index (row->ops, j);

          if (pop->decided)
            continue;
          if (row->bucket == NULL)
            push_refuse (pop, SLV_SYNC_OP_INVALID, "missing_bucket_key", error->message, FALSE);
          else if (row->roles == 0)
            push_refuse (pop, SLV_SYNC_OP_FORBIDDEN, "forbidden", "You have no access to this brand or supplier.", FALSE);
          else if (!slv_sync_policy_can_write (pop->field, row->kind, row->roles))
            push_refuse (pop, SLV_SYNC_OP_FORBIDDEN, "forbidden", "Your role cannot set this field.", FALSE);
          else
            any = TRUE;
        }
      if (any)
        g_ptr_array_add (insert, row);
    }
  return insert;
}

static gboolean
value_differs (CurField   *cur,
               const char *value)
{
  return cur != NULL && cur->value != NULL && strcmp (cur->value, value) != 0;
}

static const char *
string_value (PushOp *pop)
{
  JsonNode *v = pop->op->value;

  return JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING
         ? json_node_get_string (v) : NULL;
}

/* The stored enum value (JSON "…") compared with the op's. */
static gboolean
moves_backwards (PushOp  *pop,
                 CurField *cur)
{
  g_autoptr(JsonNode) old = NULL;
  const char *now = string_value (pop);

  if (cur == NULL || cur->value == NULL || now == NULL ||
      (old = slv_json_parse (cur->value, strlen (cur->value), NULL)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (old) || json_node_get_value_type (old) != G_TYPE_STRING)
    return FALSE;
  return slv_sync_policy_enum_rank (pop->field, now) <
         slv_sync_policy_enum_rank (pop->field, json_node_get_string (old));
}

static gboolean
frozen (PushBatch *batch,
        PushRow   *row)
{
  const char *costing;

  if (strcmp (row->table->name, "costing") == 0)
    {
      CurField *cur = push_row_current (row, "status");

      return cur != NULL && g_strcmp0 (cur->value, "\"frozen\"") == 0;
    }
  if (!is_line_table (row->table) || (costing = push_row_column (row, "costing_id")) == NULL)
    return FALSE;
  return g_strcmp0 (g_hash_table_lookup (batch->costing_status, costing), "frozen") == 0;
}

/* A bucket-key change: the user needs write access in the new bucket too. */
static gboolean
check_move (PushBatch *batch,
            PushRow   *row,
            PushOp    *pop)
{
  g_autofree char *bucket = NULL;
  SlvSyncBucketKind kind;
  guint roles;

  if (!row->exists || !slv_sync_policy_is_bucket_key (row->table, pop->op->field) ||
      !value_differs (push_row_current (row, pop->op->field), pop->value))
    return TRUE;
  bucket = slv_sync_policy_row_bucket (row->table, row->row_id, row_column_cb, row, NULL);
  if (bucket == NULL || !slv_sync_bucket_parse (bucket, &kind, NULL, NULL))
    return FALSE;
  roles = slv_principal_roles_in (batch->req->principal, bucket);
  if (!slv_sync_policy_can_write (pop->field, kind, roles))
    return FALSE;
  pop->moves = strcmp (bucket, row->bucket) != 0;
  return TRUE;
}

static void
check_op (PushBatch *batch,
          PushRow   *row,
          PushOp    *pop)
{
  const SlvSyncFieldPolicy *f = pop->field;
  CurField *cur = push_row_current (row, pop->op->field);
  guint roles = row->roles;
  g_autoptr(GError) error = NULL;

  if (roles == 0)
    push_refuse (pop, SLV_SYNC_OP_FORBIDDEN, "forbidden", "You have no access to this row.", FALSE);
  else if (!slv_sync_policy_can_write (f, row->kind, roles))
    push_refuse (pop, SLV_SYNC_OP_FORBIDDEN, "forbidden", "Your role cannot change this field.", TRUE);
  else if (!slv_sync_policy_check_value (f, pop->op->value, &error))
    push_refuse (pop, SLV_SYNC_OP_INVALID, "validation_failed", error->message, TRUE);
  else if ((f->flags & SLV_SYNC_FIELD_IMMUTABLE) && value_differs (cur, pop->value))
    push_refuse (pop, SLV_SYNC_OP_FORBIDDEN, "immutable", "This field cannot change once the row exists.", TRUE);
  else if ((f->flags & SLV_SYNC_FIELD_FORWARD_ONLY) && !(roles & SLV_SYNC_ROLE_ADMIN) && moves_backwards (pop, cur))
    push_refuse (pop, SLV_SYNC_OP_INVALID, "status_backwards", "Only an admin can move the status back.", TRUE);
  else if (frozen (batch, row) && !(roles & SLV_SYNC_ROLE_ADMIN && strcmp (f->name, "status") == 0))
    push_refuse (pop, SLV_SYNC_OP_INVALID, "frozen", "The costing is frozen; unfreeze it or copy it to a new scenario.", TRUE);
  else if (f->type == SLV_SYNC_TYPE_BLOB_REF && string_value (pop) != NULL &&
           !g_hash_table_contains (batch->blobs, string_value (pop) + 7))
    push_refuse (pop, SLV_SYNC_OP_BLOB_MISSING, "blob_missing", "Upload the blob, then push this op again.", FALSE);
  else if (!check_move (batch, row, pop))
    push_refuse (pop, SLV_SYNC_OP_FORBIDDEN, "forbidden", "You cannot move this row to that supplier.", TRUE);
}

static PushOp *
find_op (PushRow    *row,
         const char *field,
         const char *hlc)
{
  for (guint i = 0; i < row->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (row->ops, i);

      if (strcmp (pop->op->field, field) == 0 && (hlc == NULL || strcmp (pop->op->hlc, hlc) == 0))
        return pop;
    }
  return NULL;
}

/* Field groups win or lose together: all members present with one HLC and
 * none refused, else the whole group is refused alike. */
static void
check_group (PushRow *row,
             PushOp  *pop)
{
  g_autofree const char **members = slv_sync_policy_group_members (row->table, pop->field);
  SlvSyncOpStatus status = SLV_SYNC_OP_INVALID;
  const char *code = NULL;

  for (guint i = 0; members[i] != NULL; i++)
    {
      PushOp *m = find_op (row, members[i], pop->op->hlc);

      if (m == NULL && code == NULL)
        code = "partial_group";
      else if (m != NULL && m->decided && slv_sync_op_status_is_final_refusal (m->result->status))
        code = "group_refused";
      else if (m != NULL && m->decided && m->result->status == SLV_SYNC_OP_BLOB_MISSING)
        {
          status = SLV_SYNC_OP_BLOB_MISSING;
          code = "blob_missing";
          break;
        }
    }
  if (code == NULL)
    return;
  for (guint i = 0; members[i] != NULL; i++)
    {
      PushOp *m = find_op (row, members[i], pop->op->hlc);

      if (m != NULL && !m->decided)
        push_refuse (m, status, code, status == SLV_SYNC_OP_BLOB_MISSING
                     ? "A blob of this field group is missing; upload it and push the group again."
                     : "Fields of a group are written together, all with one clock stamp.", TRUE);
    }
}

/* A new row must carry its required fields, or none of it is written. */
static void
check_required (PushRow *row)
{
  SlvSyncOpStatus status = SLV_SYNC_OP_INVALID;
  const char *missing = NULL;

  for (guint i = 0; i < row->table->n_fields; i++)
    {
      const SlvSyncFieldPolicy *f = &row->table->fields[i];
      PushOp *pop;

      if (!(f->flags & SLV_SYNC_FIELD_REQUIRED))
        continue;
      pop = find_op (row, f->name, NULL);
      if (pop != NULL && pop->decided && pop->result->status == SLV_SYNC_OP_BLOB_MISSING)
        status = SLV_SYNC_OP_BLOB_MISSING;
      else if (pop == NULL || pop->decided)
        missing = f->name;
    }
  if (missing == NULL && status != SLV_SYNC_OP_BLOB_MISSING)
    return;
  for (guint i = 0; i < row->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (row->ops, i);
      g_autofree char *detail = g_strdup_printf ("A new %s needs “%s”.", row->table->name, missing);

      if (!pop->decided)
        push_refuse (pop, status, status == SLV_SYNC_OP_BLOB_MISSING ? "blob_missing" : "incomplete_row",
                     status == SLV_SYNC_OP_BLOB_MISSING ? "Upload the blob, then push the row again." : detail,
                     FALSE);
    }
}

static PushConflict *
add_conflict (PushBatch  *batch,
              PushRow    *row,
              PushOp     *pop,
              const char *kind)
{
  PushConflict *c = g_new0 (PushConflict, 1);

  c->row = row;
  c->field = pop->field->name;
  c->kind = kind;
  g_ptr_array_add (batch->conflicts, c);
  return c;
}

static void
set_conflict_id (PushConflict *c)
{
  g_autofree char *name = g_strdup_printf ("conflict:%s:%s:%s:%s", c->row->table->name,
                                           c->row->row_id, c->field, c->loser_hlc);

  c->id = slv_uuid_v5_new (name);
}

static void
conflict_loser_op (PushBatch  *batch,
                   PushRow    *row,
                   PushOp     *pop,
                   const char *kind,
                   const char *winner_value,
                   const char *winner_hlc,
                   const char *winner_user)
{
  PushConflict *c = add_conflict (batch, row, pop, kind);

  c->winner_value = g_strdup (winner_value);
  c->winner_hlc = g_strdup (winner_hlc);
  c->winner_user = g_strdup (winner_user);
  c->loser_value = g_strdup (pop->value);
  c->loser_hlc = g_strdup (pop->op->hlc);
  c->loser_user = g_strdup (batch->req->principal->user_id);
  set_conflict_id (c);
  /* an edit of a field of a deleted row can be in two conflicts; the
   * result names the last */
  g_free (pop->result->conflict_id);
  pop->result->conflict_id = g_strdup (c->id);
}

static void
conflict_loser_current (PushBatch *batch,
                        PushRow   *row,
                        PushOp    *pop,
                        CurField  *cur)
{
  PushConflict *c = add_conflict (batch, row, pop, "concurrent_write");

  c->winner_value = g_strdup (pop->value);
  c->winner_hlc = g_strdup (pop->op->hlc);
  c->winner_user = g_strdup (batch->req->principal->user_id);
  c->loser_value = g_strdup (cur->value);
  c->loser_hlc = g_strdup (cur->hlc);
  c->loser_user = g_strdup (cur->user_id);
  set_conflict_id (c);
  /* an edit of a field of a deleted row can be in two conflicts; the
   * result names the last */
  g_free (pop->result->conflict_id);
  pop->result->conflict_id = g_strdup (c->id);
}

static void
remember_winner (PushBatch *batch,
                 PushRow   *row,
                 PushOp    *pop)
{
  CurField *cur = g_new0 (CurField, 1);
  CurField *old = push_row_current (row, pop->op->field);

  /* a later op of this batch on the same field: only the last is written */
  if (old != NULL && old->op != NULL)
    old->op->write = FALSE;
  cur->op = pop;
  cur->value = g_strdup (pop->value);
  cur->hlc = g_strdup (pop->op->hlc);
  cur->user_id = g_strdup (batch->req->principal->user_id);
  g_hash_table_replace (row->current, g_strdup (pop->op->field), cur);
}

static void
supersede (PushBatch *batch,
           PushRow   *row,
           PushOp    *pop,
           CurField  *cur)
{
  pop->decided = TRUE;
  pop->result->status = SLV_SYNC_OP_SUPERSEDED;
  pop->result->winner_value = slv_json_parse (cur->value, strlen (cur->value), NULL);
  pop->result->winner_hlc = g_strdup (cur->hlc);
  pop->result->winner_user = g_strdup (cur->user_id);
  /* an older write of the same device is history, not a conflict */
  if (strcmp (HLC_NODE (cur->hlc), HLC_NODE (pop->op->hlc)) != 0)
    conflict_loser_op (batch, row, pop, "concurrent_write", cur->value, cur->hlc, cur->user_id);
}

/* An edit that reaches a deleted row: kept in the tombstone (or dropped for
 * a purged row) and logged, unless the same device edited before deleting. */
static gboolean
edit_on_deleted (PushBatch *batch,
                 PushRow   *row,
                 PushOp    *pop)
{
  if (!row->deleted || strcmp (pop->op->field, "deleted") == 0)
    return FALSE;
  if (!row->purged && row->deleted_hlc != NULL &&
      strcmp (HLC_NODE (row->deleted_hlc), HLC_NODE (pop->op->hlc)) == 0 &&
      strcmp (pop->op->hlc, row->deleted_hlc) < 0)
    return FALSE;
  pop->result->status = SLV_SYNC_OP_APPLIED_ON_DELETED;
  conflict_loser_op (batch, row, pop, "edit_on_deleted", "true", row->deleted_hlc, NULL);
  return TRUE;
}

static void
decide (PushBatch *batch,
        PushRow   *row,
        PushOp    *pop)
{
  CurField *cur = push_row_current (row, pop->op->field);
  int cmp = cur != NULL ? strcmp (pop->op->hlc, cur->hlc) : 1;

  if (cmp == 0)
    {
      pop->decided = TRUE;
      pop->result->status = SLV_SYNC_OP_DUPLICATE;
      return;
    }
  if (cmp < 0)
    {
      supersede (batch, row, pop, cur);
      return;
    }
  pop->decided = TRUE;
  if (row->purged)
    {
      /* values of a purged row are never restored */
      pop->write = FALSE;
      if (strcmp (pop->op->field, "deleted") == 0)
        pop->result->status = SLV_SYNC_OP_APPLIED_ON_DELETED;
      else
        edit_on_deleted (batch, row, pop);
      return;
    }
  pop->write = TRUE;
  if (cur != NULL && g_strcmp0 (pop->op->base_hlc, cur->hlc) != 0 &&
      strcmp (HLC_NODE (cur->hlc), HLC_NODE (pop->op->hlc)) != 0)
    conflict_loser_current (batch, row, pop, cur);
  if (strcmp (pop->op->field, "deleted") == 0)
    {
      row->deleted = JSON_NODE_HOLDS_VALUE (pop->op->value) && json_node_get_boolean (pop->op->value);
      g_free (row->deleted_hlc);
      row->deleted_hlc = g_strdup (pop->op->hlc);
      row->deleted_changed = TRUE;
    }
  else
    edit_on_deleted (batch, row, pop);
  if (pop->moves && pop->write)
    {
      g_free (row->new_bucket);
      row->new_bucket = slv_sync_policy_row_bucket (row->table, row->row_id, row_column_cb, row, NULL);
    }
  if (pop->write)
    remember_winner (batch, row, pop);
}

static void
apply_row (PushBatch *batch,
           PushRow   *row)
{
  for (guint i = 0; i < row->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (row->ops, i);

      if (!pop->decided)
        check_op (batch, row, pop);
    }
  for (guint i = 0; i < row->ops->len; i++)
    {
      PushOp *pop = g_ptr_array_index (row->ops, i);

      if (!pop->decided && pop->field->group != NULL)
        check_group (row, pop);
    }
  if (row->created)
    check_required (row);
  /* deletes first, so edits see the row's final tombstone state */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < row->ops->len; i++)
      {
        PushOp *pop = g_ptr_array_index (row->ops, i);

        if (!pop->decided && (strcmp (pop->op->field, "deleted") == 0) == (pass == 0))
          decide (batch, row, pop);
      }
}

void
push_apply_rows (PushBatch *batch)
{
  for (guint i = 0; i < batch->rows->len; i++)
    {
      PushRow *row = g_ptr_array_index (batch->rows, i);

      if (row->exists || row->created)
        apply_row (batch, row);
      else
        for (guint j = 0; j < row->ops->len; j++)
          {
            PushOp *pop = g_ptr_array_index (row->ops, j);

            if (!pop->decided)
              push_refuse (pop, SLV_SYNC_OP_FORBIDDEN, "forbidden", "You cannot create this row.", FALSE);
          }
    }
}
