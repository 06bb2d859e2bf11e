/* slv-job-queue.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-job-queue"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <unistd.h>

#include "slv-job-private.h"
#include "slv-job-queue.h"
#include "core/slv-uuid.h"
#include "store/slv-job-store.h"

#define REPORT_INTERVAL_US (100 * 1000)

typedef enum
{
  MODE_RUN,
  MODE_ROLLBACK,
} Mode;

struct _SlvJobQueue
{
  GObject       parent_instance;

  SlvStore     *store;
  char         *lock_dir;
  GMainContext *context;
  GThreadPool  *pool;
  GPtrArray    *jobs;          /* SlvJob */
  GHashTable   *kinds;         /* name → const SlvJobKind * */
  gint          shutting_down; /* atomic */
};

struct _SlvJobContext
{
  SlvJobQueue      *queue;
  SlvJob           *job;
  char             *id;
  const SlvJobKind *kind;
  Mode              mode;
  SlvStore         *store;
  JsonParser       *parser;
  JsonObject       *params;
  char             *checkpoint;
  GCancellable     *cancellable;
  char             *result;
  char             *message;
  gint64            done;
  gint64            last_report;
  int               lock_fd;
};

static void slv_job_queue_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SlvJobQueue, slv_job_queue, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, slv_job_queue_model_init))

/* -- updates from workers to the main thread -- */

typedef struct
{
  SlvJobQueue *queue;
  char        *id;
  int          state;
  double       fraction;
  gint64       done;
  char        *message;
  char        *result;
} Update;

static void
update_free (gpointer data)
{
  Update *u = data;

  g_object_unref (u->queue);
  g_free (u->id);
  g_free (u->message);
  g_free (u->result);
  g_free (u);
}

static gboolean
apply_update (gpointer data)
{
  Update *u = data;
  SlvJob *job = slv_job_queue_find (u->queue, u->id);

  if (job != NULL)
    slv_job_update (job, u->state, u->fraction, u->done, u->message, u->result);
  return G_SOURCE_REMOVE;
}

static void
post (SlvJobContext *ctx,
      int            state,
      double         fraction,
      gint64         done,
      const char    *message,
      const char    *result)
{
  Update *u = g_new0 (Update, 1);

  u->queue = g_object_ref (ctx->queue);
  u->id = g_strdup (ctx->id);
  u->state = state;
  u->fraction = fraction;
  u->done = done;
  u->message = g_strdup (message);
  u->result = g_strdup (result);
  g_main_context_invoke_full (ctx->queue->context, G_PRIORITY_DEFAULT, apply_update, u, update_free);
}

/* -- lock files -- */

static char *
lock_path (SlvJobQueue *self,
           const char  *id)
{
  g_autofree char *name = g_strconcat (id, ".lock", NULL);

  return g_build_filename (self->lock_dir, name, NULL);
}

/* Opens and locks the job's lock file; -1 if another process holds it. */
static int
take_lock (SlvJobQueue  *self,
           const char   *id,
           GError      **error)
{
  g_autofree char *path = lock_path (self, id);
  int fd;

  if (g_mkdir_with_parents (self->lock_dir, 0750) != 0 ||
      (fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the lock file of a job: %s."), g_strerror (saved));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("The job is running in another window or process."));
      return -1;
    }
  return fd;
}

static gboolean
is_locked (SlvJobQueue *self,
           const char  *id)
{
  int fd = take_lock (self, id, NULL);

  if (fd < 0)
    return TRUE;
  close (fd);
  return FALSE;
}

/* -- the worker -- */

static void
context_free (SlvJobContext *ctx)
{
  if (ctx->lock_fd >= 0)
    close (ctx->lock_fd);
  g_clear_object (&ctx->store);
  g_clear_object (&ctx->parser);
  g_clear_object (&ctx->cancellable);
  g_clear_object (&ctx->job);
  g_clear_object (&ctx->queue);
  g_free (ctx->id);
  g_free (ctx->checkpoint);
  g_free (ctx->result);
  g_free (ctx->message);
  g_free (ctx);
}

static gboolean
prepare (SlvJobContext  *ctx,
         GError        **error)
{
  g_autoptr(SlvJobRecord) record = NULL;
  JsonNode *root;

  ctx->lock_fd = take_lock (ctx->queue, ctx->id, error);
  if (ctx->lock_fd < 0)
    return FALSE;
  ctx->store = slv_store_open (slv_store_get_path (ctx->queue->store), SLV_STORE_OPEN_DEFAULT, error);
  if (ctx->store == NULL)
    return FALSE;
  record = slv_job_store_get (ctx->store, ctx->id, error);
  if (record == NULL)
    return FALSE;
  ctx->parser = json_parser_new ();
  if (!json_parser_load_from_data (ctx->parser, record->params, -1, error))
    return FALSE;
  root = json_parser_get_root (ctx->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The job’s parameters are damaged."));
      return FALSE;
    }
  ctx->params = json_node_get_object (root);
  ctx->checkpoint = g_strdup (record->checkpoint);
  return TRUE;
}

/* Marks the job in the workspace and tells the main thread. */
static void
finish (SlvJobContext *ctx,
        SlvJobState    state,
        const char    *message)
{
  if (ctx->store != NULL)
    slv_job_store_set_state (ctx->store, ctx->id, slv_job_state_to_string (state), message, ctx->result, NULL);
  post (ctx, state, state == SLV_JOB_DONE ? 1.0 : -1, ctx->done, message, ctx->result);
}

static void
run_job (SlvJobContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) undo_error = NULL;
  gboolean cancelled;

  if (!ctx->kind->run (ctx, &error))
    {
      cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      if (cancelled && g_atomic_int_get (&ctx->queue->shutting_down))
        {
          finish (ctx, SLV_JOB_INTERRUPTED, _("Stopped when Selvedge closed; it can be resumed."));
          return;
        }
      if (ctx->kind->rollback != NULL && !ctx->kind->rollback (ctx, &undo_error))
        {
          g_autofree char *msg = g_strdup_printf (_("%s Rolling back failed too (%s); roll it back again."),
                                                  error->message, undo_error->message);

          finish (ctx, SLV_JOB_INTERRUPTED, msg);
          return;
        }
      finish (ctx, cancelled ? SLV_JOB_CANCELLED : SLV_JOB_FAILED,
              cancelled ? _("Cancelled; nothing was changed.") : error->message);
      return;
    }
  finish (ctx, SLV_JOB_DONE, ctx->message);
}

/* Set in the queue's worker threads: the last reference to a queue can go
 * there (context_free), and its shutdown must not wait for itself. */
static GPrivate in_worker = G_PRIVATE_INIT (NULL);

static void
worker (gpointer data,
        gpointer user_data)
{
  SlvJobContext *ctx = data;
  g_autoptr(GError) error = NULL;

  g_private_set (&in_worker, GINT_TO_POINTER (1));

  if (!prepare (ctx, &error))
    {
      /* A job another process runs keeps its state; others fail here. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY))
        finish (ctx, ctx->mode == MODE_RUN ? SLV_JOB_FAILED : SLV_JOB_INTERRUPTED, error->message);
      else
        post (ctx, SLV_JOB_INTERRUPTED, -1, -1, error->message, NULL);
      context_free (ctx);
      return;
    }
  slv_job_store_set_state (ctx->store, ctx->id, "running", NULL, NULL, NULL);
  post (ctx, SLV_JOB_RUNNING, -1, -1, ctx->mode == MODE_RUN ? _("Working…") : _("Rolling back…"), NULL);

  if (ctx->mode == MODE_RUN)
    run_job (ctx);
  else if (ctx->kind->rollback != NULL && !ctx->kind->rollback (ctx, &error))
    finish (ctx, SLV_JOB_INTERRUPTED, error->message);
  else
    finish (ctx, SLV_JOB_ROLLED_BACK, _("Rolled back; nothing of it is left."));
  context_free (ctx);
}

static gboolean
start (SlvJobQueue  *self,
       SlvJob       *job,
       Mode          mode,
       GError      **error)
{
  const SlvJobKind *kind = g_hash_table_lookup (self->kinds, slv_job_get_kind (job));
  SlvJobContext *ctx;

  if (kind == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This version of Selvedge cannot run jobs of kind “%s”."), slv_job_get_kind (job));
      return FALSE;
    }
  ctx = g_new0 (SlvJobContext, 1);
  ctx->queue = g_object_ref (self);
  ctx->job = g_object_ref (job);
  ctx->id = g_strdup (slv_job_get_id (job));
  ctx->kind = kind;
  ctx->mode = mode;
  ctx->lock_fd = -1;
  slv_job_reset_cancellable (job);
  ctx->cancellable = g_object_ref (slv_job_get_cancellable (job));
  slv_job_update (job, SLV_JOB_QUEUED, 0.0, -1, mode == MODE_RUN ? _("Waiting…") : _("Waiting to roll back…"), NULL);
  return g_thread_pool_push (self->pool, ctx, error);
}

/* -- GListModel -- */

static GType
slv_job_queue_get_item_type (GListModel *model)
{
  return SLV_TYPE_JOB;
}

static guint
slv_job_queue_get_n_items (GListModel *model)
{
  return SLV_JOB_QUEUE (model)->jobs->len;
}

static gpointer
slv_job_queue_get_item (GListModel *model,
                        guint       position)
{
  SlvJobQueue *self = SLV_JOB_QUEUE (model);

  if (position >= self->jobs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->jobs, position));
}

static void
slv_job_queue_model_init (GListModelInterface *iface)
{
  iface->get_item_type = slv_job_queue_get_item_type;
  iface->get_n_items = slv_job_queue_get_n_items;
  iface->get_item = slv_job_queue_get_item;
}

static void
add_job (SlvJobQueue *self,
         SlvJob      *job)
{
  g_ptr_array_add (self->jobs, g_object_ref (job));
  g_list_model_items_changed (G_LIST_MODEL (self), self->jobs->len - 1, 0, 1);
}

/* -- object -- */

static void
slv_job_queue_dispose (GObject *object)
{
  SlvJobQueue *self = SLV_JOB_QUEUE (object);

  slv_job_queue_shutdown (self);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slv_job_queue_parent_class)->dispose (object);
}

static void
slv_job_queue_finalize (GObject *object)
{
  SlvJobQueue *self = SLV_JOB_QUEUE (object);

  g_free (self->lock_dir);
  g_hash_table_unref (self->kinds);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (slv_job_queue_parent_class)->finalize (object);
}

static void
slv_job_queue_class_init (SlvJobQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_job_queue_dispose;
  object_class->finalize = slv_job_queue_finalize;
}

static void
slv_job_queue_init (SlvJobQueue *self)
{
  self->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  self->kinds = g_hash_table_new (g_str_hash, g_str_equal);
  self->context = g_main_context_ref_thread_default ();
}

SlvJobQueue *
slv_job_queue_new (SlvStore *store,
                   guint     max_workers)
{
  SlvJobQueue *self;
  g_autofree char *cache = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  self = g_object_new (SLV_TYPE_JOB_QUEUE, NULL);
  self->store = g_object_ref (store);
  cache = slv_store_dup_cache_dir (store);
  self->lock_dir = g_build_filename (cache, "jobs", NULL);
  if (max_workers == 0)
    max_workers = CLAMP (g_get_num_processors (), 1, 4);
  self->pool = g_thread_pool_new (worker, self, max_workers, FALSE, NULL);
  return self;
}

void
slv_job_queue_register (SlvJobQueue      *self,
                        const SlvJobKind *kind)
{
  g_return_if_fail (SLV_IS_JOB_QUEUE (self));
  g_hash_table_replace (self->kinds, (gpointer) kind->kind, (gpointer) kind);
}

SlvJob *
slv_job_queue_submit (SlvJobQueue  *self,
                      const char   *kind,
                      const char   *title,
                      const char   *params,
                      GError      **error)
{
  g_autofree char *id = slv_uuid_v7_new ();
  SlvJobRecord record = { 0 };
  g_autoptr(SlvJob) job = NULL;

  g_return_val_if_fail (SLV_IS_JOB_QUEUE (self), NULL);

  if (self->pool == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The job queue has shut down."));
      return NULL;
    }
  if (!g_hash_table_contains (self->kinds, kind))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("There are no jobs of kind “%s”."), kind);
      return NULL;
    }
  record.id = id;
  record.kind = (char *) kind;
  record.title = (char *) title;
  record.state = (char *) "queued";
  record.params = (char *) params;
  if (!slv_job_store_add (self->store, &record, error))
    return NULL;
  job = slv_job_new_from_record (&record);
  add_job (self, job);
  if (!start (self, job, MODE_RUN, error))
    return NULL;
  return g_steal_pointer (&job);
}

SlvJob *
slv_job_queue_find (SlvJobQueue *self,
                    const char  *id)
{
  g_return_val_if_fail (SLV_IS_JOB_QUEUE (self), NULL);
  for (guint i = 0; self->jobs != NULL && i < self->jobs->len; i++)
    if (g_strcmp0 (slv_job_get_id (g_ptr_array_index (self->jobs, i)), id) == 0)
      return g_ptr_array_index (self->jobs, i);
  return NULL;
}

guint
slv_job_queue_recover (SlvJobQueue  *self,
                       GError      **error)
{
  g_autoptr(GPtrArray) records = slv_job_store_list (self->store, NULL, error);
  guint found = 0;

  if (records == NULL)
    return 0;
  for (guint i = 0; i < records->len; i++)
    {
      SlvJobRecord *r = g_ptr_array_index (records, i);
      g_autoptr(SlvJob) job = NULL;

      if (!g_str_equal (r->state, "running") && !g_str_equal (r->state, "queued") &&
          !g_str_equal (r->state, "interrupted"))
        continue;
      if (slv_job_queue_find (self, r->id) != NULL || is_locked (self, r->id))
        continue;
      if (!g_str_equal (r->state, "interrupted") &&
          !slv_job_store_set_state (self->store, r->id, "interrupted",
                                    _("Selvedge stopped while this job ran; resume it or roll it back."),
                                    NULL, error))
        return found;
      g_free (r->state);
      r->state = g_strdup ("interrupted");
      job = slv_job_new_from_record (r);
      add_job (self, job);
      found++;
    }
  return found;
}

static SlvJob *
interrupted_job (SlvJobQueue  *self,
                 const char   *id,
                 GError      **error)
{
  SlvJob *job;

  if (slv_job_queue_find (self, id) == NULL)
    slv_job_queue_recover (self, NULL);
  job = slv_job_queue_find (self, id);
  if (job == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no interrupted job %s in this workspace."), id);
      return NULL;
    }
  if (slv_job_get_state (job) != SLV_JOB_INTERRUPTED)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The job “%s” is %s, not interrupted."),
                   slv_job_get_title (job), slv_job_state_to_string (slv_job_get_state (job)));
      return NULL;
    }
  return job;
}

gboolean
slv_job_queue_resume (SlvJobQueue  *self,
                      const char   *id,
                      GError      **error)
{
  SlvJob *job;

  g_return_val_if_fail (SLV_IS_JOB_QUEUE (self), FALSE);
  job = interrupted_job (self, id, error);
  return job != NULL && start (self, job, MODE_RUN, error);
}

gboolean
slv_job_queue_rollback (SlvJobQueue  *self,
                        const char   *id,
                        GError      **error)
{
  SlvJob *job;

  g_return_val_if_fail (SLV_IS_JOB_QUEUE (self), FALSE);
  job = interrupted_job (self, id, error);
  return job != NULL && start (self, job, MODE_ROLLBACK, error);
}

void
slv_job_queue_wait (SlvJobQueue *self,
                    SlvJob      *job)
{
  g_return_if_fail (SLV_IS_JOB_QUEUE (self));
  while (slv_job_get_state (job) == SLV_JOB_QUEUED || slv_job_get_state (job) == SLV_JOB_RUNNING)
    g_main_context_iteration (self->context, TRUE);
}

void
slv_job_queue_shutdown (SlvJobQueue *self)
{
  g_return_if_fail (SLV_IS_JOB_QUEUE (self));
  if (self->pool == NULL)
    return;
  g_atomic_int_set (&self->shutting_down, 1);
  for (guint i = 0; i < self->jobs->len; i++)
    g_cancellable_cancel (slv_job_get_cancellable (g_ptr_array_index (self->jobs, i)));
  /* From a worker (which dropped the last reference) the pool cannot wait
   * for its own thread: it is freed when that thread returns. */
  g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, g_private_get (&in_worker) == NULL);
  /* Deliver what the workers said last. */
  while (g_main_context_pending (self->context) && g_main_context_is_owner (self->context))
    g_main_context_iteration (self->context, FALSE);
}

/* -- the context -- */

const char *
slv_job_context_get_id (SlvJobContext *context)
{
  return context->id;
}

SlvStore *
slv_job_context_get_store (SlvJobContext *context)
{
  return context->store;
}

JsonObject *
slv_job_context_get_params (SlvJobContext *context)
{
  return context->params;
}

const char *
slv_job_context_get_checkpoint (SlvJobContext *context)
{
  return context->checkpoint;
}

GCancellable *
slv_job_context_get_cancellable (SlvJobContext *context)
{
  return context->cancellable;
}

void
slv_job_context_progress (SlvJobContext *context,
                          double         fraction,
                          gint64         done,
                          const char    *message)
{
  gint64 now = g_get_monotonic_time ();

  context->done = MAX (context->done, done);
  if (now - context->last_report < REPORT_INTERVAL_US)
    return;
  context->last_report = now;
  post (context, -1, fraction, done, message, NULL);
}

gboolean
slv_job_context_save (SlvJobContext  *context,
                      gint64          done,
                      const char     *checkpoint,
                      GError        **error)
{
  if (!slv_job_store_save (context->store, context->id, done, 0, checkpoint, error))
    return FALSE;
  context->done = done;
  if (checkpoint != NULL)
    {
      g_free (context->checkpoint);
      context->checkpoint = g_strdup (checkpoint);
    }
  return TRUE;
}

void
slv_job_context_set_result (SlvJobContext *context,
                            const char    *result,
                            const char    *message)
{
  g_free (context->result);
  context->result = g_strdup (result);
  g_free (context->message);
  context->message = g_strdup (message);
}
