/* slv-review-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include "slv-review-record.h"

SlvAnnotationRecord *
slv_annotation_record_new (void)
{
  SlvAnnotationRecord *r = g_new0 (SlvAnnotationRecord, 1);

  r->status = SLV_REVIEW_STATUS_OPEN;
  return r;
}

SlvAnnotationRecord *
slv_annotation_record_copy (const SlvAnnotationRecord *r)
{
  SlvAnnotationRecord *c;

  g_return_val_if_fail (r != NULL, NULL);

  c = g_new0 (SlvAnnotationRecord, 1);
  *c = *r;
  c->id = g_strdup (r->id);
  c->created_at = g_strdup (r->created_at);
  c->updated_at = g_strdup (r->updated_at);
  c->board_id = g_strdup (r->board_id);
  c->item_id = g_strdup (r->item_id);
  c->geometry = r->geometry ? slv_annotation_geometry_copy (r->geometry) : NULL;
  c->color = g_strdup (r->color);
  c->status_by = g_strdup (r->status_by);
  c->status_at = g_strdup (r->status_at);
  c->author = g_strdup (r->author);
  c->first_line = g_strdup (r->first_line);
  c->last_activity = g_strdup (r->last_activity);
  c->mentions = g_strdupv (r->mentions);
  return c;
}

void
slv_annotation_record_free (SlvAnnotationRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->id);
  g_free (r->created_at);
  g_free (r->updated_at);
  g_free (r->board_id);
  g_free (r->item_id);
  g_clear_pointer (&r->geometry, slv_annotation_geometry_free);
  g_free (r->color);
  g_free (r->status_by);
  g_free (r->status_at);
  g_free (r->author);
  g_free (r->first_line);
  g_free (r->last_activity);
  g_strfreev (r->mentions);
  g_free (r);
}

SlvCommentRecord *
slv_comment_record_new (void)
{
  return g_new0 (SlvCommentRecord, 1);
}

SlvCommentRecord *
slv_comment_record_copy (const SlvCommentRecord *r)
{
  SlvCommentRecord *c;

  g_return_val_if_fail (r != NULL, NULL);

  c = g_new0 (SlvCommentRecord, 1);
  c->id = g_strdup (r->id);
  c->created_at = g_strdup (r->created_at);
  c->updated_at = g_strdup (r->updated_at);
  c->annotation_id = g_strdup (r->annotation_id);
  c->author = g_strdup (r->author);
  c->body = g_strdup (r->body);
  c->mentions = g_strdupv (r->mentions);
  c->edited_at = g_strdup (r->edited_at);
  return c;
}

void
slv_comment_record_free (SlvCommentRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->id);
  g_free (r->created_at);
  g_free (r->updated_at);
  g_free (r->annotation_id);
  g_free (r->author);
  g_free (r->body);
  g_strfreev (r->mentions);
  g_free (r->edited_at);
  g_free (r);
}

SlvAnnotationState *
slv_annotation_state_new_from_record (const SlvAnnotationRecord *r,
                                      gboolean                   deleted)
{
  SlvAnnotationState *s;

  g_return_val_if_fail (r != NULL, NULL);

  s = g_new0 (SlvAnnotationState, 1);
  s->deleted = deleted;
  s->item_id = g_strdup (r->item_id);
  s->geometry = r->geometry ? slv_annotation_geometry_to_json (r->geometry) : NULL;
  s->color = g_strdup (r->color);
  s->status = r->status;
  s->status_by = g_strdup (r->status_by);
  s->status_at = g_strdup (r->status_at);
  return s;
}

SlvAnnotationState *
slv_annotation_state_copy (const SlvAnnotationState *s)
{
  SlvAnnotationState *c;

  g_return_val_if_fail (s != NULL, NULL);

  c = g_new0 (SlvAnnotationState, 1);
  c->deleted = s->deleted;
  c->item_id = g_strdup (s->item_id);
  c->geometry = g_strdup (s->geometry);
  c->color = g_strdup (s->color);
  c->status = s->status;
  c->status_by = g_strdup (s->status_by);
  c->status_at = g_strdup (s->status_at);
  return c;
}

void
slv_annotation_state_free (SlvAnnotationState *s)
{
  if (s == NULL)
    return;
  g_free (s->item_id);
  g_free (s->geometry);
  g_free (s->color);
  g_free (s->status_by);
  g_free (s->status_at);
  g_free (s);
}

SlvAnnotationFields
slv_annotation_state_diff (const SlvAnnotationState *a,
                           const SlvAnnotationState *b)
{
  SlvAnnotationFields f = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (!a->deleted != !b->deleted)
    f |= SLV_ANNOTATION_FIELD_DELETED;
  if (g_strcmp0 (a->item_id, b->item_id) != 0 || g_strcmp0 (a->geometry, b->geometry) != 0)
    f |= SLV_ANNOTATION_FIELD_ANCHOR;
  if (g_strcmp0 (a->color, b->color) != 0)
    f |= SLV_ANNOTATION_FIELD_COLOR;
  if (a->status != b->status || g_strcmp0 (a->status_by, b->status_by) != 0 ||
      g_strcmp0 (a->status_at, b->status_at) != 0)
    f |= SLV_ANNOTATION_FIELD_STATUS;
  return f;
}

void
slv_review_item_free (SlvReviewItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->kind);
  g_free (item->blob);
  g_free (item->color);
  g_free (item->text);
  g_free (item);
}

char *
slv_review_first_line (const char *body,
                       guint       max_chars)
{
  g_auto(GStrv) lines = NULL;

  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    return g_strdup ("");
  lines = g_strsplit (body, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (max_chars > 0 && (guint) g_utf8_strlen (line, -1) > max_chars)
        {
          g_autofree char *cut = g_utf8_substring (line, 0, max_chars > 1 ? max_chars - 1 : 0);

          return g_strconcat (g_strchomp (cut), "…", NULL);
        }
      return g_strdup (line);
    }
  return g_strdup ("");
}

GPtrArray *
slv_annotation_records_make_labels (GPtrArray *records)
{
  g_autoptr(GHashTable) count = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (records != NULL, labels);

  for (guint i = 0; i < records->len; i++)
    {
      SlvAnnotationRecord *r = records->pdata[i];

      g_hash_table_insert (count, &r->number,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (count, &r->number)) + 1));
    }
  for (guint i = 0; i < records->len; i++)
    {
      SlvAnnotationRecord *r = records->pdata[i];
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (seen, &r->number));

      g_hash_table_insert (seen, &r->number, GUINT_TO_POINTER (k + 1));
      if (GPOINTER_TO_UINT (g_hash_table_lookup (count, &r->number)) == 1)
        g_ptr_array_add (labels, g_strdup_printf ("%" G_GINT64_FORMAT, r->number));
      else
        g_ptr_array_add (labels, g_strdup_printf ("%" G_GINT64_FORMAT "%c", r->number,
                                                  (char) ('a' + MIN (k, 25u))));
    }
  return labels;
}
