/* slv-review-record.h: annotations and comments as plain records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the store reads and writes, what the review service wraps in
 * objects and what the report prints. Every string is owned.
 */
#pragma once

#include "slv-annotation.h"
#include "slv-review-status.h"

G_BEGIN_DECLS

typedef struct
{
  char                  *id;
  char                  *created_at;
  char                  *updated_at;
  char                  *board_id;
  char                  *item_id;       /* NULL: on the board itself */
  SlvAnnotationKind      kind;
  SlvAnnotationGeometry *geometry;
  char                  *color;         /* palette name */
  SlvReviewStatus        status;
  char                  *status_by;     /* NULL until someone sets a status */
  char                  *status_at;
  gint64                 number;        /* per board, for markers and reports */
  char                  *author;
  /* Thread summary, filled by listings: live comments only. */
  guint                  n_comments;
  char                  *first_line;    /* of the first comment, or NULL */
  char                  *last_activity; /* time of the latest comment */
  char                 **mentions;      /* everyone mentioned in the thread */
} SlvAnnotationRecord;

typedef struct
{
  char  *id;
  char  *created_at;
  char  *updated_at;
  char  *annotation_id;
  char  *author;
  char  *body;
  char **mentions;       /* names as written, see slv-mention.h */
  char  *edited_at;      /* NULL if never edited */
} SlvCommentRecord;

/* A board item as review needs it: where its content is and how it looks
 * (for reports drawn without the canvas). */
typedef struct
{
  char         *id;
  char         *kind;       /* board_item.kind: image, note, swatch… */
  SlvItemFrame  frame;
  char         *blob;       /* sha256 of the image, or NULL */
  char         *color;      /* #rrggbb, or NULL */
  char         *text;
  double        opacity;
  gboolean      grayscale;
} SlvReviewItem;

/* What an undoable annotation command changes: a snapshot of the
 * annotation's mutable fields. */
typedef struct
{
  gboolean         deleted;
  char            *item_id;
  char            *geometry;    /* JSON, as stored */
  char            *color;
  SlvReviewStatus  status;
  char            *status_by;
  char            *status_at;
} SlvAnnotationState;

typedef enum
{
  SLV_ANNOTATION_FIELD_DELETED = 1 << 0,
  SLV_ANNOTATION_FIELD_ANCHOR  = 1 << 1,   /* item_id and geometry */
  SLV_ANNOTATION_FIELD_COLOR   = 1 << 2,
  SLV_ANNOTATION_FIELD_STATUS  = 1 << 3,   /* status, status_by, status_at */
} SlvAnnotationFields;

SlvAnnotationRecord *slv_annotation_record_new   (void) G_GNUC_WARN_UNUSED_RESULT;
SlvAnnotationRecord *slv_annotation_record_copy  (const SlvAnnotationRecord *r) G_GNUC_WARN_UNUSED_RESULT;
void                 slv_annotation_record_free  (SlvAnnotationRecord       *r);

SlvCommentRecord    *slv_comment_record_new      (void) G_GNUC_WARN_UNUSED_RESULT;
SlvCommentRecord    *slv_comment_record_copy     (const SlvCommentRecord    *r) G_GNUC_WARN_UNUSED_RESULT;
void                 slv_comment_record_free     (SlvCommentRecord          *r);

SlvAnnotationState  *slv_annotation_state_new_from_record (const SlvAnnotationRecord *r,
                                                           gboolean                   deleted) G_GNUC_WARN_UNUSED_RESULT;
SlvAnnotationState  *slv_annotation_state_copy   (const SlvAnnotationState  *s) G_GNUC_WARN_UNUSED_RESULT;
void                 slv_annotation_state_free   (SlvAnnotationState        *s);
/* The fields in which @a and @b differ. */
SlvAnnotationFields  slv_annotation_state_diff   (const SlvAnnotationState  *a,
                                                  const SlvAnnotationState  *b);

void                 slv_review_item_free        (SlvReviewItem             *item);

/* Display labels of threads listed in number order (SlvAnnotationRecord):
 * "7", or "7a", "7b"… where offline edits made the same number twice.
 * An array of strings, one per record. */
GPtrArray           *slv_annotation_records_make_labels (GPtrArray          *records) G_GNUC_WARN_UNUSED_RESULT;

/* The first non-blank line of @body, trimmed, cut at @max_chars characters
 * with an ellipsis. Never NULL. */
char                *slv_review_first_line       (const char                *body,
                                                  guint                      max_chars) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvAnnotationRecord, slv_annotation_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvCommentRecord, slv_comment_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvAnnotationState, slv_annotation_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvReviewItem, slv_review_item_free)

G_END_DECLS
