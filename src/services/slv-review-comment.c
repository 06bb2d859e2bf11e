/* slv-review-comment.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include "slv-review-private.h"
#include "core/slv-mention.h"

struct _SlvReviewComment
{
  GObject           parent_instance;
  SlvCommentRecord *record;   /* owned, never NULL */
  gboolean          mine;
  gboolean          mentions_me;
};

G_DEFINE_FINAL_TYPE (SlvReviewComment, slv_review_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AUTHOR,
  PROP_BODY,
  PROP_CREATED_AT,
  PROP_EDITED_AT,
  PROP_EDITED,
  PROP_MINE,
  PROP_MENTIONS_ME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
slv_review_comment_finalize (GObject *object)
{
  SlvReviewComment *self = SLV_REVIEW_COMMENT (object);

  g_clear_pointer (&self->record, slv_comment_record_free);

  G_OBJECT_CLASS (slv_review_comment_parent_class)->finalize (object);
}

static void
slv_review_comment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SlvReviewComment *self = SLV_REVIEW_COMMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->record->id);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->record->author);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->record->body);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, self->record->created_at);
      break;
    case PROP_EDITED_AT:
      g_value_set_string (value, self->record->edited_at);
      break;
    case PROP_EDITED:
      g_value_set_boolean (value, self->record->edited_at != NULL);
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

static void
slv_review_comment_class_init (SlvReviewCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = slv_review_comment_finalize;
  object_class->get_property = slv_review_comment_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, ro);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, ro);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, ro);
  properties[PROP_CREATED_AT] = g_param_spec_string ("created-at", NULL, NULL, NULL, ro);
  properties[PROP_EDITED_AT] = g_param_spec_string ("edited-at", NULL, NULL, NULL, ro);
  properties[PROP_EDITED] = g_param_spec_boolean ("edited", NULL, NULL, FALSE, ro);
  properties[PROP_MINE] = g_param_spec_boolean ("mine", NULL, NULL, FALSE, ro);
  properties[PROP_MENTIONS_ME] = g_param_spec_boolean ("mentions-me", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
slv_review_comment_init (SlvReviewComment *self)
{
  self->record = slv_comment_record_new ();
}

SlvReviewComment *
slv_review_comment_new (void)
{
  return g_object_new (SLV_TYPE_REVIEW_COMMENT, NULL);
}

static void
set_flag (SlvReviewComment *self,
          gboolean         *field,
          gboolean          value,
          guint             prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
slv_review_comment_update (SlvReviewComment       *self,
                           const SlvCommentRecord *record,
                           const char             *user_name)
{
  SlvCommentRecord *old;

  g_return_if_fail (SLV_IS_REVIEW_COMMENT (self));
  g_return_if_fail (record != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  old = g_steal_pointer (&self->record);
  self->record = slv_comment_record_copy (record);
  if (g_strcmp0 (old->id, record->id) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
  if (g_strcmp0 (old->author, record->author) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
  if (g_strcmp0 (old->body, record->body) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
  if (g_strcmp0 (old->created_at, record->created_at) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (g_strcmp0 (old->edited_at, record->edited_at) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED_AT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITED]);
    }
  slv_comment_record_free (old);
  set_flag (self, &self->mine, user_name != NULL && *user_name != '\0' &&
            g_strcmp0 (record->author, user_name) == 0, PROP_MINE);
  set_flag (self, &self->mentions_me,
            slv_mentions_include_user ((const char * const *) record->mentions, user_name),
            PROP_MENTIONS_ME);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
slv_review_comment_get_id (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), NULL);
  return self->record->id;
}

const char *
slv_review_comment_get_author (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), NULL);
  return self->record->author;
}

const char *
slv_review_comment_get_body (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), NULL);
  return self->record->body;
}

const char *
slv_review_comment_get_created_at (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), NULL);
  return self->record->created_at;
}

const char *
slv_review_comment_get_edited_at (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), NULL);
  return self->record->edited_at;
}

gboolean
slv_review_comment_get_mine (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), FALSE);
  return self->mine;
}

gboolean
slv_review_comment_get_mentions_me (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), FALSE);
  return self->mentions_me;
}

const SlvCommentRecord *
slv_review_comment_get_record (SlvReviewComment *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW_COMMENT (self), NULL);
  return self->record;
}
