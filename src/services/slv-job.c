/* slv-job.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-job"

#include "config.h"

#include "slv-job-private.h"

struct _SlvJob
{
  GObject       parent_instance;

  char         *id;
  char         *kind;
  char         *title;
  SlvJobState   state;
  double        fraction;
  gint64        done;
  char         *message;
  char         *result;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (SlvJob, slv_job, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (SlvJobState, slv_job_state,
                    G_DEFINE_ENUM_VALUE (SLV_JOB_QUEUED, "queued"),
                    G_DEFINE_ENUM_VALUE (SLV_JOB_RUNNING, "running"),
                    G_DEFINE_ENUM_VALUE (SLV_JOB_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (SLV_JOB_FAILED, "failed"),
                    G_DEFINE_ENUM_VALUE (SLV_JOB_CANCELLED, "cancelled"),
                    G_DEFINE_ENUM_VALUE (SLV_JOB_INTERRUPTED, "interrupted"),
                    G_DEFINE_ENUM_VALUE (SLV_JOB_ROLLED_BACK, "rolled-back"))

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_STATE,
  PROP_FRACTION,
  PROP_DONE,
  PROP_MESSAGE,
  PROP_RESULT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_names[] = {
  "queued", "running", "done", "failed", "cancelled", "interrupted", "rolled-back",
};

const char *
slv_job_state_to_string (SlvJobState state)
{
  return (guint) state < G_N_ELEMENTS (state_names) ? state_names[state] : "failed";
}

SlvJobState
slv_job_state_from_string (const char *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (g_str_equal (state_names[i], text))
      return i;
  return SLV_JOB_FAILED;
}

static void
slv_job_dispose (GObject *object)
{
  SlvJob *self = SLV_JOB (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (slv_job_parent_class)->dispose (object);
}

static void
slv_job_finalize (GObject *object)
{
  SlvJob *self = SLV_JOB (object);

  g_free (self->id);
  g_free (self->kind);
  g_free (self->title);
  g_free (self->message);
  g_free (self->result);

  G_OBJECT_CLASS (slv_job_parent_class)->finalize (object);
}

static void
slv_job_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SlvJob *self = SLV_JOB (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_DONE:
      g_value_set_int64 (value, self->done);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_RESULT:
      g_value_set_string (value, self->result);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_job_class_init (SlvJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_job_dispose;
  object_class->finalize = slv_job_finalize;
  object_class->get_property = slv_job_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, SLV_TYPE_JOB_STATE, SLV_JOB_QUEUED,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] = g_param_spec_int64 ("done", NULL, NULL, 0, G_MAXINT64, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] = g_param_spec_string ("result", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_job_init (SlvJob *self)
{
  self->cancellable = g_cancellable_new ();
}

SlvJob *
slv_job_new_from_record (const SlvJobRecord *record)
{
  SlvJob *self = g_object_new (SLV_TYPE_JOB, NULL);

  self->id = g_strdup (record->id);
  self->kind = g_strdup (record->kind);
  self->title = g_strdup (record->title);
  self->state = slv_job_state_from_string (record->state);
  self->done = record->done;
  self->message = g_strdup (record->message);
  self->result = g_strdup (record->result);
  return self;
}

GCancellable *
slv_job_get_cancellable (SlvJob *self)
{
  return self->cancellable;
}

void
slv_job_reset_cancellable (SlvJob *self)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
slv_job_update (SlvJob     *self,
                int         state,
                double      fraction,
                gint64      done,
                const char *message,
                const char *result)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (state >= 0 && (SlvJobState) state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (fraction >= 0 && fraction != self->fraction)
    {
      self->fraction = CLAMP (fraction, 0.0, 1.0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (done >= 0 && done != self->done)
    {
      self->done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
  if (set_string (&self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  if (set_string (&self->result, result))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
slv_job_get_id (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), NULL);
  return self->id;
}

const char *
slv_job_get_kind (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), NULL);
  return self->kind;
}

const char *
slv_job_get_title (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), NULL);
  return self->title;
}

SlvJobState
slv_job_get_state (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), SLV_JOB_FAILED);
  return self->state;
}

double
slv_job_get_fraction (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), 0.0);
  return self->fraction;
}

gint64
slv_job_get_done (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), 0);
  return self->done;
}

const char *
slv_job_get_message (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), NULL);
  return self->message;
}

const char *
slv_job_get_result (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), NULL);
  return self->result;
}

gboolean
slv_job_is_finished (SlvJob *self)
{
  g_return_val_if_fail (SLV_IS_JOB (self), TRUE);
  return self->state == SLV_JOB_DONE || self->state == SLV_JOB_FAILED ||
         self->state == SLV_JOB_CANCELLED || self->state == SLV_JOB_ROLLED_BACK;
}

void
slv_job_cancel (SlvJob *self)
{
  g_return_if_fail (SLV_IS_JOB (self));
  g_cancellable_cancel (self->cancellable);
}
