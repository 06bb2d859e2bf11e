/* slv-import-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "slv-import-job.h"
#include "store/slv-capture.h"
#include "core/slv-uuid.h"
#include "store/slv-import-store.h"
#include "store/slv-import-writer.h"

#define UNDO_CHUNK 2000

typedef struct
{
  SlvJobContext   *ctx;
  SlvImportEngine *engine;
  SlvImportWriter *writer;
  SlvBatchRecord  *batch;
  GPtrArray       *issues;       /* SlvIssueRecord of the open chunk */
  gint64           issue_seq;    /* report lines stored */
  guint64          warnings0;    /* warnings before a resume */
  guint            chunk_rows;
  gboolean         in_store;     /* the batch row is committed */
  gboolean         eof;
} Run;

/* -- the file hash, computed beside the import -- */

static gpointer
hash_file (gpointer data)
{
  g_autofree char *path = data;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buf = g_malloc (1 << 20);
  FILE *f = g_fopen (path, "rb");
  size_t n;

  if (f == NULL)
    return NULL;
  while ((n = fread (buf, 1, 1 << 20, f)) > 0)
    g_checksum_update (sum, buf, n);
  fclose (f);
  return g_strdup (g_checksum_get_string (sum));
}

/* -- running -- */

static void
collect_issue (guint64            row,
               const char        *column,
               const char        *value,
               const char        *reason,
               SlvImportSeverity  severity,
               gpointer           user_data)
{
  Run *run = user_data;
  SlvIssueRecord *issue;

  if (run->issue_seq + run->issues->len >= SLV_IMPORT_MAX_STORED_ISSUES)
    return;
  issue = g_new0 (SlvIssueRecord, 1);
  issue->row_no = row;
  issue->column = g_strdup (column);
  issue->value = g_strdup (value);
  issue->reason = g_strdup (reason);
  issue->severity = severity;
  g_ptr_array_add (run->issues, issue);
}

static gboolean
import_row (Run                 *run,
            const SlvImportRow  *row,
            GError             **error)
{
  SlvUpsertAction action;

  if (!row->rejected &&
      !slv_import_writer_apply (run->writer, row->values, row->insert_values, &action, error))
    return FALSE;
  if (!row->rejected && action == SLV_UPSERT_INSERT && row->insert_values == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("A new %s needs: %s."),
                                                 _(slv_import_engine_get_target (run->engine)->noun), row->missing);

      slv_import_engine_reject (run->engine, row, reason);
    }
  if (!row->rejected && slv_import_writer_last_was_repeat (run->writer))
    slv_import_engine_warn (run->engine, row, _("The row repeats the key of an earlier row; the later row wins."));
  if (row->rejected)
    run->batch->rejected++;
  else if (action == SLV_UPSERT_INSERT)
    run->batch->inserted++;
  else if (action == SLV_UPSERT_UPDATE)
    run->batch->updated++;
  else
    run->batch->unchanged++;
  return TRUE;
}

static gboolean
close_chunk (Run      *run,
             GError  **error)
{
  SlvStore *store = slv_job_context_get_store (run->ctx);
  g_autofree char *checkpoint = g_strdup_printf ("{\"batch_id\":\"%s\"}", run->batch->id);

  if (!slv_import_writer_flush (run->writer, error))
    return FALSE;
  for (guint i = 0; i < run->issues->len; i++)
    if (!slv_import_store_add_issue (store, run->batch->id, run->issue_seq + i,
                                     g_ptr_array_index (run->issues, i), error))
      return FALSE;
  run->batch->next_row = slv_import_engine_get_data_rows (run->engine);
  run->batch->rows_total = run->batch->next_row;
  run->batch->next_seq = slv_import_writer_get_next_seq (run->writer);
  run->batch->warnings = run->warnings0 + slv_import_engine_get_warnings (run->engine);
  return slv_import_store_save_progress (store, run->batch, error) &&
         slv_job_context_save (run->ctx, run->batch->rows_total, checkpoint, error);
}

static gboolean
chunk (SlvStore  *store,
       gpointer   data,
       GError   **error)
{
  Run *run = data;
  GCancellable *cancellable = slv_job_context_get_cancellable (run->ctx);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!run->in_store && !slv_import_store_add_batch (store, run->batch, error))
    return FALSE;
  for (guint n = 0; n < run->chunk_rows; n++)
    {
      GError *local_error = NULL;
      const SlvImportRow *row = slv_import_engine_next (run->engine, &local_error);

      if (row == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          run->eof = TRUE;
          break;
        }
      if (!import_row (run, row, error))
        return FALSE;
      if ((slv_import_engine_get_data_rows (run->engine) & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          slv_job_context_progress (run->ctx, slv_import_engine_get_fraction (run->engine),
                                    slv_import_engine_get_data_rows (run->engine), NULL);
        }
    }
  return close_chunk (run, error);
}

static SlvBatchRecord *
new_batch (SlvJobContext *ctx,
           JsonObject    *params)
{
  SlvBatchRecord *b = g_new0 (SlvBatchRecord, 1);
  const char *path = json_object_get_string_member (params, "path");

  b->id = g_strdup (json_object_get_string_member (params, "batch_id"));
  b->created_at = slv_timestamp_now ();
  b->user_name = g_strdup (json_object_get_string_member_with_default (params, "user", g_get_user_name ()));
  b->target = g_strdup (json_object_get_string_member (params, "target"));
  b->file_name = g_path_get_basename (path);
  b->file_path = g_strdup (path);
  b->file_size = json_object_get_int_member_with_default (params, "file_size", 0);
  b->file_mtime = json_object_get_int_member_with_default (params, "file_mtime", 0);
  b->mapping = g_strdup (json_object_get_string_member (params, "mapping"));
  b->state = g_strdup ("running");
  b->job_id = g_strdup (slv_job_context_get_id (ctx));
  return b;
}

static gboolean
file_unchanged (const SlvBatchRecord  *batch,
                GError               **error)
{
  GStatBuf st;

  if (g_stat (batch->file_path, &st) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The file “%s” is gone, so the import cannot resume; roll it back."), batch->file_path);
      return FALSE;
    }
  if (st.st_size != batch->file_size || (gint64) st.st_mtime != batch->file_mtime)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file “%s” changed since the import started, so it cannot resume; roll it back "
                     "and import the file again."), batch->file_name);
      return FALSE;
    }
  return TRUE;
}

/* Opens the file, and for a resume finds the batch and skips what it has. */
static gboolean
start_run (Run      *run,
           GError  **error)
{
  JsonObject *params = slv_job_context_get_params (run->ctx);
  SlvStore *store = slv_job_context_get_store (run->ctx);
  g_autoptr(SlvImportMapping) mapping = NULL;
  g_autoptr(GError) missing = NULL;

  mapping = slv_import_mapping_new_from_json (json_object_get_string_member (params, "mapping"), error);
  if (mapping == NULL)
    return FALSE;
  run->batch = slv_import_store_get_batch (store, json_object_get_string_member (params, "batch_id"), &missing);
  run->in_store = run->batch != NULL;
  if (run->batch == NULL)
    run->batch = new_batch (run->ctx, params);
  else if (!file_unchanged (run->batch, error))
    return FALSE;
  run->warnings0 = run->batch->warnings;
  run->issue_seq = run->in_store ? slv_import_store_count_issues (store, run->batch->id) : 0;
  run->engine = slv_import_engine_new (store, run->batch->file_path, mapping,
                                       json_object_get_string_member_with_default (params, "brand", NULL), error);
  if (run->engine == NULL)
    return FALSE;
  slv_import_engine_set_issue_func (run->engine, collect_issue, run);
  if (run->batch->next_row > 0 && !slv_import_engine_skip (run->engine, run->batch->next_row, error))
    return FALSE;
  run->writer = slv_import_writer_new (store, slv_import_target_get_table (slv_import_engine_get_target (run->engine)),
                                       slv_import_engine_get_brand (run->engine), run->batch->id,
                                       run->batch->next_seq, error);
  if (run->writer == NULL)
    return FALSE;
  slv_import_writer_set_since (run->writer, run->batch->created_at);
  return TRUE;
}

static char *
result_json (const SlvBatchRecord *b)
{
  return g_strdup_printf ("{\"batch_id\":\"%s\",\"rows\":%" G_GINT64_FORMAT ",\"inserted\":%" G_GINT64_FORMAT
                          ",\"updated\":%" G_GINT64_FORMAT ",\"unchanged\":%" G_GINT64_FORMAT
                          ",\"rejected\":%" G_GINT64_FORMAT ",\"warnings\":%" G_GINT64_FORMAT "}",
                          b->id, b->rows_total, b->inserted, b->updated, b->unchanged, b->rejected, b->warnings);
}

static char *
summary (const SlvBatchRecord *b)
{
  return g_strdup_printf (_("%" PRId64 " rows: %" PRId64 " new, %" PRId64
                            " changed, %" PRId64 " unchanged, %" PRId64 " rejected."),
                          b->rows_total, b->inserted, b->updated, b->unchanged, b->rejected);
}

/* Records why an import stopped, even when no chunk made it in. */
static void
note_failure (Run          *run,
              const GError *error)
{
  SlvStore *store = slv_job_context_get_store (run->ctx);
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  const char *message = cancelled ? _("Cancelled.") : error->message;

  if (run->batch == NULL)
    return;
  /* The rollback that follows keeps this message. */
  slv_import_store_set_batch_state (store, run->batch->id, "running", message, NULL, NULL);
  if (!run->in_store)
    {
      g_autoptr(SlvBatchRecord) existing = slv_import_store_get_batch (store, run->batch->id, NULL);

      if (existing == NULL)
        {
          g_free (run->batch->message);
          run->batch->message = g_strdup (message);
          slv_import_store_add_batch (store, run->batch, NULL);
        }
    }
}

static gboolean
import_run (SlvJobContext  *ctx,
            GError        **error)
{
  Run run = { ctx };
  JsonObject *params = slv_job_context_get_params (ctx);
  GThread *hasher;
  g_autofree char *sha = NULL;
  g_autofree char *result = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  run.chunk_rows = json_object_get_int_member_with_default (params, "chunk_rows", SLV_IMPORT_DEFAULT_CHUNK_ROWS);
  run.issues = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_issue_record_free);
  hasher = g_thread_new ("slv-import-hash", hash_file, g_strdup (json_object_get_string_member (params, "path")));

  ok = start_run (&run, error);
  /* a new row is one op for sync, expanded when it is pushed */
  slv_store_set_capture_row_ops (slv_job_context_get_store (ctx), TRUE);
  while (ok && !run.eof)
    {
      ok = slv_store_transaction (slv_job_context_get_store (ctx), chunk, &run, error);
      if (ok)
        run.in_store = TRUE;
      g_ptr_array_set_size (run.issues, 0);
      if (ok)
        run.issue_seq = slv_import_store_count_issues (slv_job_context_get_store (ctx), run.batch->id);
    }
  slv_store_set_capture_row_ops (slv_job_context_get_store (ctx), FALSE);
  sha = g_thread_join (hasher);
  if (ok)
    {
      message = summary (run.batch);
      ok = slv_import_store_set_batch_state (slv_job_context_get_store (ctx), run.batch->id, "done",
                                             message, sha, error);
    }
  if (ok)
    {
      result = result_json (run.batch);
      slv_job_context_set_result (ctx, result, message);
    }
  else if (error != NULL && *error != NULL)
    note_failure (&run, *error);

  g_clear_pointer (&run.writer, slv_import_writer_free);
  g_clear_pointer (&run.engine, slv_import_engine_free);
  g_clear_pointer (&run.batch, slv_batch_record_free);
  g_ptr_array_unref (run.issues);
  return ok;
}

/* -- undoing -- */

typedef struct
{
  const char *batch_id;
  guint64     rows;
  guint64     conflicts;
  gboolean    finished;
} Undo;

static gboolean
undo_chunk (SlvStore  *store,
            gpointer   data,
            GError   **error)
{
  Undo *undo = data;

  return slv_import_store_undo_step (store, undo->batch_id, UNDO_CHUNK, &undo->rows, &undo->conflicts,
                                     &undo->finished, error);
}

static gboolean
undo_all (SlvJobContext  *ctx,
          const char     *batch_id,
          Undo           *undo,
          GError        **error)
{
  undo->batch_id = batch_id;
  do
    {
      if (!slv_store_transaction (slv_job_context_get_store (ctx), undo_chunk, undo, error))
        return FALSE;
      slv_job_context_progress (ctx, 0.0, undo->rows, NULL);
    }
  while (!undo->finished);
  return TRUE;
}

static gboolean
import_rollback (SlvJobContext  *ctx,
                 GError        **error)
{
  JsonObject *params = slv_job_context_get_params (ctx);
  const char *batch_id = json_object_get_string_member (params, "batch_id");
  SlvStore *store = slv_job_context_get_store (ctx);
  g_autoptr(SlvBatchRecord) batch = slv_import_store_get_batch (store, batch_id, NULL);
  Undo undo = { 0 };
  g_autofree char *message = NULL;

  if (!undo_all (ctx, batch_id, &undo, error))
    return FALSE;
  if (batch == NULL)
    return TRUE;
  message = g_strdup_printf (_("Rolled back%s%s"), batch->message ? ": " : ".",
                             batch->message ? batch->message : "");
  return slv_import_store_set_batch_state (store, batch_id, "rolled_back", message, NULL, error);
}

static gboolean
undo_run (SlvJobContext  *ctx,
          GError        **error)
{
  JsonObject *params = slv_job_context_get_params (ctx);
  const char *batch_id = json_object_get_string_member (params, "batch_id");
  SlvStore *store = slv_job_context_get_store (ctx);
  g_autoptr(SlvBatchRecord) batch = slv_import_store_get_batch (store, batch_id, error);
  g_autofree char *message = NULL;
  g_autofree char *result = NULL;
  Undo undo = { 0 };

  if (batch == NULL)
    return FALSE;
  if (!g_str_equal (batch->state, "done") && !g_str_equal (batch->state, "undone"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The import of “%s” is %s; only a finished import can be undone."),
                   batch->file_name, batch->state);
      return FALSE;
    }
  if (!undo_all (ctx, batch_id, &undo, error))
    return FALSE;
  message = undo.conflicts > 0
    ? g_strdup_printf (_("Undone: %" PRIu64 " records restored; %" PRIu64
                         " fields edited since the import were kept."), undo.rows, undo.conflicts)
    : g_strdup_printf (_("Undone: %" PRIu64 " records restored."), undo.rows);
  result = g_strdup_printf ("{\"batch_id\":\"%s\",\"rows\":%" G_GUINT64_FORMAT ",\"conflicts\":%" G_GUINT64_FORMAT "}",
                            batch_id, undo.rows, undo.conflicts);
  slv_job_context_set_result (ctx, result, message);
  return slv_import_store_set_batch_state (store, batch_id, "undone", message, NULL, error);
}

static const SlvJobKind import_kind = { "import", import_run, import_rollback };
/* An undo cannot be taken back half-way: rolling it back finishes it. */
static const SlvJobKind undo_kind = { "import-undo", undo_run, undo_run };

void
slv_import_jobs_register (SlvJobQueue *queue)
{
  slv_job_queue_register (queue, &import_kind);
  slv_job_queue_register (queue, &undo_kind);
}

SlvJob *
slv_import_job_submit (SlvJobQueue       *queue,
                       const char        *path,
                       SlvImportMapping  *mapping,
                       const char        *brand_code,
                       guint              chunk_rows,
                       GError           **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *mapping_json = slv_import_mapping_to_json (mapping);
  g_autofree char *batch_id = slv_uuid_v7_new ();
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *title = NULL;
  g_autofree char *params = NULL;
  GStatBuf st;

  if (g_stat (absolute, &st) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no file “%s”."), path);
      return NULL;
    }
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "path");
  json_builder_add_string_value (b, absolute);
  json_builder_set_member_name (b, "target");
  json_builder_add_string_value (b, slv_import_mapping_get_target (mapping));
  json_builder_set_member_name (b, "mapping");
  json_builder_add_string_value (b, mapping_json);
  json_builder_set_member_name (b, "brand");
  if (brand_code != NULL)
    json_builder_add_string_value (b, brand_code);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "user");
  json_builder_add_string_value (b, g_get_user_name ());
  json_builder_set_member_name (b, "batch_id");
  json_builder_add_string_value (b, batch_id);
  json_builder_set_member_name (b, "file_size");
  json_builder_add_int_value (b, st.st_size);
  json_builder_set_member_name (b, "file_mtime");
  json_builder_add_int_value (b, st.st_mtime);
  json_builder_set_member_name (b, "chunk_rows");
  json_builder_add_int_value (b, chunk_rows ? chunk_rows : SLV_IMPORT_DEFAULT_CHUNK_ROWS);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  params = json_generator_to_data (gen, NULL);
  title = g_strdup_printf (_("Import %s into %s"), base, slv_import_mapping_get_target (mapping));
  return slv_job_queue_submit (queue, "import", title, params, error);
}

SlvJob *
slv_import_undo_submit (SlvJobQueue  *queue,
                        const char   *batch_id,
                        GError      **error)
{
  g_autofree char *params = g_strdup_printf ("{\"batch_id\":\"%s\"}", batch_id);
  g_autofree char *title = g_strdup_printf (_("Undo import %s"), batch_id);

  if (!slv_uuid_is_valid (batch_id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not an import id."), batch_id);
      return NULL;
    }
  return slv_job_queue_submit (queue, "import-undo", title, params, error);
}

gboolean
slv_import_result_parse (const char       *json,
                         char            **batch_id,
                         SlvImportCounts  *counts)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  JsonObject *o;

  memset (counts, 0, sizeof *counts);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  if (batch_id != NULL)
    *batch_id = g_strdup (json_object_get_string_member_with_default (o, "batch_id", NULL));
  counts->rows = json_object_get_int_member_with_default (o, "rows", 0);
  counts->inserted = json_object_get_int_member_with_default (o, "inserted", 0);
  counts->updated = json_object_get_int_member_with_default (o, "updated", 0);
  counts->unchanged = json_object_get_int_member_with_default (o, "unchanged", 0);
  counts->rejected = json_object_get_int_member_with_default (o, "rejected", 0);
  counts->warnings = json_object_get_int_member_with_default (o, "warnings", 0);
  return TRUE;
}
