/* slv-review-thread.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include "slv-review-private.h"
#include "core/slv-mention.h"

struct _SlvReviewThread
{
  GObject              parent_instance;
  SlvAnnotationRecord *record;       /* owned, never NULL */
  char                *label;
  gboolean             mine;
  gboolean             mentions_me;
};

G_DEFINE_FINAL_TYPE (SlvReviewThread, slv_review_thread, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_LABEL,
  PROP_KIND,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_STATUS_BY,
  PROP_STATUS_AT,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_FIRST_LINE,
  PROP_N_COMMENTS,
  PROP_LAST_ACTIVITY,
  PROP_COLOR,
  PROP_ITEM_ID,
  PROP_GEOMETRY,
  PROP_MINE,
  PROP_MENTIONS_ME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
same_geometry (const SlvAnnotationGeometry *a,
               const SlvAnnotationGeometry *b)
{
  g_autofree char *ja = a ? slv_annotation_geometry_to_json (a) : NULL;
  g_autofree char *jb = b ? slv_annotation_geometry_to_json (b) : NULL;

  return g_strcmp0 (ja, jb) == 0;
}

/* The properties that differ between two records. */
static void
notify_changes (SlvReviewThread           *self,
                const SlvAnnotationRecord *o,
                const SlvAnnotationRecord *n)
{
  struct { gboolean changed; guint prop; } checks[] = {
    { g_strcmp0 (o->id, n->id) != 0, PROP_ID },
    { o->number != n->number, PROP_NUMBER },
    { o->kind != n->kind, PROP_KIND },
    { o->status != n->status, PROP_STATUS },
    { o->status != n->status, PROP_STATUS_LABEL },
    { g_strcmp0 (o->status_by, n->status_by) != 0, PROP_STATUS_BY },
    { g_strcmp0 (o->status_at, n->status_at) != 0, PROP_STATUS_AT },
    { g_strcmp0 (o->author, n->author) != 0, PROP_AUTHOR },
    { g_strcmp0 (o->created_at, n->created_at) != 0, PROP_CREATED_AT },
    { g_strcmp0 (o->first_line, n->first_line) != 0, PROP_FIRST_LINE },
    { o->n_comments != n->n_comments, PROP_N_COMMENTS },
    { g_strcmp0 (o->last_activity, n->last_activity) != 0, PROP_LAST_ACTIVITY },
    { g_strcmp0 (o->color, n->color) != 0, PROP_COLOR },
    { g_strcmp0 (o->item_id, n->item_id) != 0, PROP_ITEM_ID },
    { !same_geometry (o->geometry, n->geometry), PROP_GEOMETRY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    if (checks[i].changed)
      g_object_notify_by_pspec (G_OBJECT (self), properties[checks[i].prop]);
}

static void
slv_review_thread_finalize (GObject *object)
{
  SlvReviewThread *self = SLV_REVIEW_THREAD (object);

  g_clear_pointer (&self->record, slv_annotation_record_free);
  g_free (self->label);

  G_OBJECT_CLASS (slv_review_thread_parent_class)->finalize (object);
}

static void
slv_review_thread_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SlvReviewThread *self = SLV_REVIEW_THREAD (object);
  const SlvAnnotationRecord *r = self->record;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, r->id);
      break;
    case PROP_NUMBER:
      g_value_set_int64 (value, r->number);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_KIND:
      g_value_set_enum (value, r->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, r->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, slv_review_status_get_label (r->status));
      break;
    case PROP_STATUS_BY:
      g_value_set_string (value, r->status_by);
      break;
    case PROP_STATUS_AT:
      g_value_set_string (value, r->status_at);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, r->author);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, r->created_at);
      break;
    case PROP_FIRST_LINE:
      g_value_set_string (value, r->first_line ? r->first_line : "");
      break;
    case PROP_N_COMMENTS:
      g_value_set_uint (value, r->n_comments);
      break;
    case PROP_LAST_ACTIVITY:
      g_value_set_string (value, r->last_activity);
      break;
    case PROP_COLOR:
      g_value_set_string (value, r->color);
      break;
    case PROP_ITEM_ID:
      g_value_set_string (value, r->item_id);
      break;
    case PROP_GEOMETRY:
      g_value_set_boxed (value, r->geometry);
      break;
    case PROP_MINE:
      g_value_set_boolean (value, self->mine);
      break;
    case PROP_MENTIONS_ME:
      g_value_set_boolean (value, self->mentions_me);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_prop (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
bool_prop (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
slv_review_thread_class_init (SlvReviewThreadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = slv_review_thread_finalize;
  object_class->get_property = slv_review_thread_get_property;

  properties[PROP_ID] = string_prop ("id");
  properties[PROP_NUMBER] = g_param_spec_int64 ("number", NULL, NULL, 0, G_MAXINT64, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = string_prop ("label");
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SLV_TYPE_ANNOTATION_KIND,
                                             SLV_ANNOTATION_PIN,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, SLV_TYPE_REVIEW_STATUS,
                                               SLV_REVIEW_STATUS_OPEN,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] = string_prop ("status-label");
  properties[PROP_STATUS_BY] = string_prop ("status-by");
  properties[PROP_STATUS_AT] = string_prop ("status-at");
  properties[PROP_AUTHOR] = string_prop ("author");
  properties[PROP_CREATED_AT] = string_prop ("created-at");
  properties[PROP_FIRST_LINE] = string_prop ("first-line");
  properties[PROP_N_COMMENTS] = g_param_spec_uint ("n-comments", NULL, NULL, 0, G_MAXUINT, 0,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ACTIVITY] = string_prop ("last-activity");
  properties[PROP_COLOR] = string_prop ("color");
  properties[PROP_ITEM_ID] = string_prop ("item-id");
  properties[PROP_GEOMETRY] = g_param_spec_boxed ("geometry", NULL, NULL, SLV_TYPE_ANNOTATION_GEOMETRY,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINE] = bool_prop ("mine");
  properties[PROP_MENTIONS_ME] = bool_prop ("mentions-me");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_review_thread_init (SlvReviewThread *self)
{
  self->record = slv_annotation_record_new ();
  self->label = g_strdup ("");
}

SlvReviewThread *
slv_review_thread_new (void)
{
  return g_object_new (SLV_TYPE_REVIEW_THREAD, NULL);
}

void
slv_review_thread_update (SlvReviewThread           *self,
                          const SlvAnnotationRecord *record,
                          const char                *label,
                          const char                *user_name)
{
  SlvAnnotationRecord *old;
  gboolean mine, mentions_me;

  g_return_if_fail (SLV_IS_REVIEW_THREAD (self));
  g_return_if_fail (record != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  old = g_steal_pointer (&self->record);
  self->record = slv_annotation_record_copy (record);
  notify_changes (self, old, self->record);
  slv_annotation_record_free (old);

  if (g_strcmp0 (self->label, label) != 0)
    {
      g_free (self->label);
      self->label = g_strdup (label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }
  mine = user_name != NULL && *user_name != '\0' && g_strcmp0 (record->author, user_name) == 0;
  mentions_me = slv_mentions_include_user ((const char * const *) record->mentions, user_name);
  if (mine != self->mine)
    {
      self->mine = mine;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINE]);
    }
  if (mentions_me != self->mentions_me)
    {
      self->mentions_me = mentions_me;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MENTIONS_ME]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(type, name, expr) \
  type slv_review_thread_get_##name (SlvReviewThread *self) \
  { \
    g_return_val_if_fail (SLV_IS_REVIEW_THREAD (self), 0); \
    return expr; \
  }

GETTER (const char *, id, self->record->id)
GETTER (gint64, number, self->record->number)
GETTER (const char *, label, self->label)
GETTER (SlvAnnotationKind, kind, self->record->kind)
GETTER (SlvReviewStatus, status, self->record->status)
GETTER (const char *, status_by, self->record->status_by)
GETTER (const char *, status_at, self->record->status_at)
GETTER (const char *, author, self->record->author)
GETTER (const char *, first_line, self->record->first_line ? self->record->first_line : "")
GETTER (guint, n_comments, self->record->n_comments)
GETTER (const char *, color, self->record->color)
GETTER (const char *, item_id, self->record->item_id)
GETTER (const SlvAnnotationGeometry *, geometry, self->record->geometry)
GETTER (gboolean, mine, self->mine)
GETTER (gboolean, mentions_me, self->mentions_me)
GETTER (const SlvAnnotationRecord *, record, self->record)

#undef GETTER
