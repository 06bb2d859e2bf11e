/* slv-costing-session-async.c: edits that never wait for the disk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit of a field is validated and priced at once on a copy of the
 * costing, so the totals are current before the call returns (within the
 * frame that took the edit); the write follows in a worker thread. Writes
 * run one after the other in the order they were asked for. If a write
 * fails, the costing is read again from the workspace and the caller gets
 * the error. Status moves, added and removed lines and scenario copies are
 * written first and shown once written.
 */
#define G_LOG_DOMAIN "slv-costing-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-costing-session-private.h"

typedef enum
{
  WRITE_LINE,      /* optimistic: shown before written */
  WRITE_FIELD,     /* optimistic */
  WRITE_STATUS,
  WRITE_ADD,
  WRITE_REMOVE,
  WRITE_COPY,
  WRITE_RELOAD,
} WriteKind;

typedef struct
{
  WriteKind           kind;
  SlvStore           *store;
  SlvPricing         *pricing;
  char               *costing_id;
  SlvCostingLineKind  line_kind;
  char               *line_id;     /* material id or process for ADD */
  char               *extra;       /* rate id for ADD, name for COPY */
  GStrv               fields;
  GStrv               values;
  GTask              *outer;       /* the caller's, or NULL */
  /* results */
  char               *new_id;
  SlvCostingInput    *input;
  SlvCostMaster      *master;
} Write;

static void start_next (SlvCostingSession *self);

static void
write_free (gpointer data)
{
  Write *w = data;

  g_clear_object (&w->store);
  g_clear_object (&w->pricing);
  g_free (w->costing_id);
  g_free (w->line_id);
  g_free (w->extra);
  g_strfreev (w->fields);
  g_strfreev (w->values);
  g_clear_object (&w->outer);
  g_free (w->new_id);
  g_clear_pointer (&w->input, slv_costing_input_unref);
  g_clear_object (&w->master);
  g_free (w);
}

static gboolean
reload_in_thread (Write   *w,
                  GError **error)
{
  w->input = slv_costing_repo_load (w->store, w->costing_id, error);
  if (w->input == NULL)
    return FALSE;
  if (w->input->date[0] == '\0')
    {
      g_autofree char *today = slv_pricing_today ();

      slv_costing_input_set (w->input, "costing_date", today, NULL);
    }
  w->master = slv_pricing_dup_master (w->pricing, w->input->brand_id, error);
  return w->master != NULL;
}

static gboolean
write_in_thread (Write   *w,
                 GError **error)
{
  switch (w->kind)
    {
    case WRITE_LINE:
      return slv_costing_repo_set_line_fields (w->store, w->costing_id, w->line_kind, w->line_id,
                                               (const char * const *) w->fields,
                                               (const char * const *) w->values, error);
    case WRITE_FIELD:
      return slv_costing_repo_set_field (w->store, w->costing_id, w->fields[0], w->values[0], error);
    case WRITE_STATUS:
      return slv_costing_repo_set_status (w->store, w->costing_id, w->values[0], error);
    case WRITE_ADD:
      w->new_id = slv_costing_repo_add_line (w->store, w->costing_id, w->line_kind, w->line_id, w->extra, error);
      return w->new_id != NULL && reload_in_thread (w, error);
    case WRITE_REMOVE:
      return slv_costing_repo_remove_line (w->store, w->costing_id, w->line_kind, w->line_id, error) &&
             reload_in_thread (w, error);
    case WRITE_COPY:
      w->new_id = slv_costing_repo_copy (w->store, w->costing_id, w->extra, error);
      return w->new_id != NULL;
    case WRITE_RELOAD:
      return reload_in_thread (w, error);
    default:
      g_assert_not_reached ();
    }
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_in_thread (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
take_results (SlvCostingSession *self,
              Write             *w)
{
  if (w->master != NULL)
    g_set_object (&self->master, w->master);
  if (w->input != NULL)
    slv_costing_session_take_input (self, g_steal_pointer (&w->input), TRUE);
  else if (w->kind == WRITE_STATUS)
    {
      SlvCostingInput *copy = slv_costing_input_copy (self->input);

      slv_costing_input_set (copy, "status", w->values[0], NULL);
      slv_costing_session_take_input (self, copy, FALSE);
    }
}

static Write *
write_new (SlvCostingSession *self,
           WriteKind          kind)
{
  Write *w = g_new0 (Write, 1);

  w->kind = kind;
  w->store = g_object_ref (slv_costing_session_store (self));
  w->pricing = g_object_ref (self->pricing);
  w->costing_id = g_strdup (self->costing_id);
  return w;
}

static void
queue_write (SlvCostingSession *self,
             Write             *w);

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SlvCostingSession *self = SLV_COSTING_SESSION (source);
  Write *w = g_task_get_task_data (G_TASK (result));
  g_autoptr(GTask) outer = g_steal_pointer (&w->outer);
  GError *error = NULL;

  self->writing = FALSE;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      take_results (self, w);
      if (outer != NULL && w->new_id != NULL)
        g_task_return_pointer (outer, g_strdup (w->new_id), g_free);
      else if (outer != NULL)
        g_task_return_boolean (outer, TRUE);
    }
  else
    {
      /* What is shown may be ahead of the workspace: read it again. */
      if (w->kind == WRITE_LINE || w->kind == WRITE_FIELD)
        queue_write (self, write_new (self, WRITE_RELOAD));
      if (outer != NULL)
        g_task_return_error (outer, error);
      else
        {
          g_debug ("Reading costing %s again failed: %s", self->costing_id, error->message);
          g_error_free (error);
        }
    }
  g_object_unref (result);
  start_next (self);
}

static void
start_next (SlvCostingSession *self)
{
  GTask *task;

  if (self->writing || (task = g_queue_pop_head (self->writes)) == NULL)
    return;
  self->writing = TRUE;
  g_task_run_in_thread (task, write_thread);
}

static void
queue_write (SlvCostingSession *self,
             Write             *w)
{
  /* the task's reference is dropped in write_done_cb */
  GTask *task = g_task_new (self, NULL, write_done_cb, NULL);

  g_task_set_task_data (task, w, write_free);
  g_queue_push_tail (self->writes, task);
  start_next (self);
}

static GTask *
outer_task (SlvCostingSession  *self,
            gpointer            tag,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  return task;
}

void
slv_costing_session_edit_line_async (SlvCostingSession  *self,
                                     SlvCostingLineKind  kind,
                                     const char         *line_id,
                                     const char         *field,
                                     const char         *value,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SlvCostingInput) copy = NULL;
  GError *error = NULL;
  Write *w;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self) && line_id != NULL && field != NULL);

  task = outer_task (self, slv_costing_session_edit_line_async, cancellable, callback, user_data);
  w = write_new (self, WRITE_LINE);
  w->line_kind = kind;
  w->line_id = g_strdup (line_id);
  copy = slv_costing_session_prepare_line (self, kind, line_id, field, value, &w->fields, &w->values, &error);
  if (copy == NULL)
    {
      write_free (w);
      g_task_return_error (task, error);
      return;
    }
  slv_costing_session_take_input (self, g_steal_pointer (&copy), FALSE);
  w->outer = g_steal_pointer (&task);
  queue_write (self, w);
}

void
slv_costing_session_set_field_async (SlvCostingSession  *self,
                                     const char         *field,
                                     const char         *value,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SlvCostingInput) copy = NULL;
  GError *error = NULL;
  Write *w;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self) && field != NULL);

  task = outer_task (self, slv_costing_session_set_field_async, cancellable, callback, user_data);
  copy = slv_costing_session_prepare_field (self, field, value, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  slv_costing_session_take_input (self, g_steal_pointer (&copy), FALSE);
  w = write_new (self, WRITE_FIELD);
  w->fields = g_new0 (char *, 2);
  w->fields[0] = g_strdup (field);
  w->values = g_new0 (char *, 2);
  w->values[0] = g_strdup (value);
  w->outer = g_steal_pointer (&task);
  queue_write (self, w);
}

void
slv_costing_session_set_status_async (SlvCostingSession  *self,
                                      const char         *status,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  Write *w;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self) && status != NULL);

  w = write_new (self, WRITE_STATUS);
  w->values = g_new0 (char *, 2);
  w->values[0] = g_strdup (status);
  w->outer = outer_task (self, slv_costing_session_set_status_async, cancellable, callback, user_data);
  queue_write (self, w);
}

void
slv_costing_session_add_line_async (SlvCostingSession  *self,
                                    SlvCostingLineKind  kind,
                                    const char         *material_or_process,
                                    const char         *rate_id,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Write *w;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self) && material_or_process != NULL);

  task = outer_task (self, slv_costing_session_add_line_async, cancellable, callback, user_data);
  if (!slv_costing_session_check_editable (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  w = write_new (self, WRITE_ADD);
  w->line_kind = kind;
  w->line_id = g_strdup (material_or_process);
  w->extra = g_strdup (rate_id);
  w->outer = g_steal_pointer (&task);
  queue_write (self, w);
}

void
slv_costing_session_remove_line_async (SlvCostingSession  *self,
                                       SlvCostingLineKind  kind,
                                       const char         *line_id,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Write *w;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self) && line_id != NULL);

  task = outer_task (self, slv_costing_session_remove_line_async, cancellable, callback, user_data);
  if (!slv_costing_session_check_editable (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  w = write_new (self, WRITE_REMOVE);
  w->line_kind = kind;
  w->line_id = g_strdup (line_id);
  w->outer = g_steal_pointer (&task);
  queue_write (self, w);
}

void
slv_costing_session_copy_scenario_async (SlvCostingSession  *self,
                                         const char         *name,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  Write *w;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self) && name != NULL);

  w = write_new (self, WRITE_COPY);
  w->extra = g_strdup (name);
  w->outer = outer_task (self, slv_costing_session_copy_scenario_async, cancellable, callback, user_data);
  queue_write (self, w);
}

void
slv_costing_session_reload_async (SlvCostingSession  *self,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  Write *w;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self));

  w = write_new (self, WRITE_RELOAD);
  w->outer = outer_task (self, slv_costing_session_reload_async, cancellable, callback, user_data);
  queue_write (self, w);
}

gboolean
slv_costing_session_edit_finish (SlvCostingSession  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
slv_costing_session_edit_finish_id (SlvCostingSession  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* -- opening -- */

typedef struct
{
  SlvPricing *pricing;
  char       *costing_id;
  char       *style_code;   /* when opened by style */
  char       *scenario;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *d = data;

  g_clear_object (&d->pricing);
  g_free (d->costing_id);
  g_free (d->style_code);
  g_free (d->scenario);
  g_free (d);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *d = task_data;
  GError *error = NULL;
  SlvCostingSession *session = NULL;

  if (d->costing_id == NULL)
    d->costing_id = slv_costing_repo_find (slv_pricing_get_store (d->pricing), d->style_code, d->scenario, &error);
  if (d->costing_id != NULL)
    session = slv_costing_session_new (d->pricing, d->costing_id, &error);

  /* the session holds what it needs */
  g_clear_object (&d->pricing);
  if (session != NULL)
    g_task_return_pointer (task, session, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
slv_costing_session_new_async (SlvPricing         *pricing,
                               const char         *costing_id,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *d;

  g_return_if_fail (SLV_IS_PRICING (pricing) && costing_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_costing_session_new_async);
  d = g_new0 (OpenData, 1);
  d->pricing = g_object_ref (pricing);
  d->costing_id = g_strdup (costing_id);
  g_task_set_task_data (task, d, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

void
slv_costing_session_open_style_async (SlvPricing         *pricing,
                                      const char         *style_code,
                                      const char         *scenario,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *d;

  g_return_if_fail (SLV_IS_PRICING (pricing) && style_code != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_costing_session_new_async);
  d = g_new0 (OpenData, 1);
  d->pricing = g_object_ref (pricing);
  d->style_code = g_strdup (style_code);
  d->scenario = g_strdup (scenario);
  g_task_set_task_data (task, d, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

SlvCostingSession *
slv_costing_session_new_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
slv_costing_session_get_busy (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), FALSE);
  return self->writing || !g_queue_is_empty (self->writes);
}
