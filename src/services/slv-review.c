/* slv-review.c: the review of one board — models, selection, navigation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Commands (annotation edits, undo, comments) are in slv-review-commands.c.
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-review-private.h"
#include "core/slv-board.h"
#include "store/slv-repo.h"
#include "store/slv-review-repo.h"

struct _SlvReview
{
  GObject             parent_instance;

  SlvStore           *store;
  char               *board_id;
  char               *user_name;
  gboolean            review_mode;
  SlvReviewFilter     filter;
  SlvReviewStatus     status_filter;

  GListStore         *threads;     /* SlvReviewThread, by number */
  GListStore         *visible;     /* the filtered subset */
  GListStore         *comments;    /* SlvReviewComment of the selected thread */
  GHashTable         *by_id;       /* annotation id → SlvReviewThread (ref) */
  SlvReviewThread    *selected;
  guint               n_open;

  SlvReviewFrameFunc  frame_func;
  gpointer            frame_data;
  GDestroyNotify      frame_destroy;

  GPtrArray          *undo;        /* SlvReviewCommand, last = most recent */
  GPtrArray          *redo;
};

G_DEFINE_FINAL_TYPE (SlvReview, slv_review, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BOARD_ID,
  PROP_USER_NAME,
  PROP_REVIEW_MODE,
  PROP_FILTER,
  PROP_STATUS_FILTER,
  PROP_THREADS,
  PROP_VISIBLE,
  PROP_COMMENTS,
  PROP_SELECTED,
  PROP_N_OPEN,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const GEnumValue filter_values[] = {
  { SLV_REVIEW_FILTER_ALL, "SLV_REVIEW_FILTER_ALL", "all" },
  { SLV_REVIEW_FILTER_OPEN, "SLV_REVIEW_FILTER_OPEN", "open" },
  { SLV_REVIEW_FILTER_RESOLVED, "SLV_REVIEW_FILTER_RESOLVED", "resolved" },
  { SLV_REVIEW_FILTER_MINE, "SLV_REVIEW_FILTER_MINE", "mine" },
  { SLV_REVIEW_FILTER_MENTIONS_ME, "SLV_REVIEW_FILTER_MENTIONS_ME", "mentions-me" },
  { SLV_REVIEW_FILTER_STATUS, "SLV_REVIEW_FILTER_STATUS", "status" },
  { 0, NULL, NULL }
};

GType
slv_review_filter_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("SlvReviewFilter", filter_values));
  return type;
}

/* -- keeping list models in step -- */

/* Makes @list hold @items (same objects, same order) with one splice of
 * the part that differs, so views keep their rows and selection. */
static void
sync_list (GListStore *list,
           GPtrArray  *items)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_new = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), prefix);

      if (item != g_ptr_array_index (items, prefix))
        break;
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), n_old - 1 - suffix);

      if (item != g_ptr_array_index (items, n_new - 1 - suffix))
        break;
      suffix++;
    }
  if (prefix == n_old && n_old == n_new)
    return;
  g_list_store_splice (list, prefix, n_old - prefix - suffix,
                       items->pdata + prefix, n_new - prefix - suffix);
}

static gboolean
passes_filter (SlvReview       *self,
               SlvReviewThread *thread)
{
  SlvReviewStatus status = slv_review_thread_get_status (thread);

  switch (self->filter)
    {
    case SLV_REVIEW_FILTER_OPEN:
      return status == SLV_REVIEW_STATUS_OPEN;
    case SLV_REVIEW_FILTER_RESOLVED:
      return status == SLV_REVIEW_STATUS_RESOLVED;
    case SLV_REVIEW_FILTER_MINE:
      return slv_review_thread_get_mine (thread);
    case SLV_REVIEW_FILTER_MENTIONS_ME:
      return slv_review_thread_get_mentions_me (thread);
    case SLV_REVIEW_FILTER_STATUS:
      return status == self->status_filter;
    case SLV_REVIEW_FILTER_ALL:
    default:
      return TRUE;
    }
}

static void
refilter (SlvReview *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->threads));

  for (guint i = 0; i < n; i++)
    {
      SlvReviewThread *thread = g_list_model_get_item (G_LIST_MODEL (self->threads), i);

      if (passes_filter (self, thread))
        g_ptr_array_add (shown, thread);
      g_object_unref (thread);   /* self->threads keeps it alive */
    }
  sync_list (self->visible, shown);
}

static void
set_selected (SlvReview       *self,
              SlvReviewThread *thread)
{
  if (self->selected == thread)
    return;
  g_set_object (&self->selected, thread);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
load_comments (SlvReview  *self,
               GError    **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->comments));

  if (self->selected != NULL)
    {
      records = slv_review_repo_list_comments (self->store, slv_review_thread_get_id (self->selected), error);
      if (records == NULL)
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      SlvReviewComment *c = g_list_model_get_item (G_LIST_MODEL (self->comments), i);

      g_hash_table_insert (old, (gpointer) slv_review_comment_get_id (c), c);
    }
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      SlvCommentRecord *r = records->pdata[i];
      SlvReviewComment *c = g_hash_table_lookup (old, r->id);

      c = c ? g_object_ref (c) : slv_review_comment_new ();
      slv_review_comment_update (c, r, self->user_name);
      g_ptr_array_add (items, c);
    }
  sync_list (self->comments, items);
  return TRUE;
}

static void
update_n_open (SlvReview *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->threads));
  guint open = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvReviewThread) t = g_list_model_get_item (G_LIST_MODEL (self->threads), i);

      open += slv_review_thread_get_status (t) == SLV_REVIEW_STATUS_OPEN;
    }
  if (open != self->n_open)
    {
      self->n_open = open;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_OPEN]);
    }
}

/* Applies freshly read thread records to the objects and models. */
static void
apply_records (SlvReview *self,
               GPtrArray *records)
{
  g_autoptr(GPtrArray) labels = slv_annotation_records_make_labels (records);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  for (guint i = 0; i < records->len; i++)
    {
      SlvAnnotationRecord *r = records->pdata[i];
      SlvReviewThread *t = g_hash_table_lookup (self->by_id, r->id);

      t = t ? g_object_ref (t) : slv_review_thread_new ();
      slv_review_thread_update (t, r, labels->pdata[i], self->user_name);
      g_hash_table_insert (by_id, g_strdup (r->id), g_object_ref (t));
      g_ptr_array_add (items, t);
    }
  g_hash_table_unref (self->by_id);
  self->by_id = by_id;
  sync_list (self->threads, items);
  refilter (self);
  update_n_open (self);
  if (self->selected != NULL && !g_hash_table_contains (by_id, slv_review_thread_get_id (self->selected)))
    set_selected (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
slv_review_refresh (SlvReview  *self,
                    GError    **error)
{
  g_autoptr(GPtrArray) records = slv_review_repo_list_threads (self->store, self->board_id, error);

  if (records == NULL)
    return FALSE;
  apply_records (self, records);
  return load_comments (self, error);
}

/* -- GObject -- */

static void
slv_review_dispose (GObject *object)
{
  SlvReview *self = SLV_REVIEW (object);

  if (self->frame_destroy != NULL)
    self->frame_destroy (self->frame_data);
  self->frame_func = NULL;
  self->frame_destroy = NULL;
  g_clear_object (&self->selected);
  g_clear_object (&self->threads);
  g_clear_object (&self->visible);
  g_clear_object (&self->comments);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (slv_review_parent_class)->dispose (object);
}

static void
slv_review_finalize (GObject *object)
{
  SlvReview *self = SLV_REVIEW (object);

  g_free (self->board_id);
  g_free (self->user_name);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (slv_review_parent_class)->finalize (object);
}

static void
slv_review_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SlvReview *self = SLV_REVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BOARD_ID:
      g_value_set_string (value, self->board_id);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_REVIEW_MODE:
      g_value_set_boolean (value, self->review_mode);
      break;
    case PROP_FILTER:
      g_value_set_enum (value, self->filter);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_enum (value, self->status_filter);
      break;
    case PROP_THREADS:
      g_value_set_object (value, self->threads);
      break;
    case PROP_VISIBLE:
      g_value_set_object (value, self->visible);
      break;
    case PROP_COMMENTS:
      g_value_set_object (value, self->comments);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    case PROP_N_OPEN:
      g_value_set_uint (value, self->n_open);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, slv_review_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, slv_review_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, slv_review_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, slv_review_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_review_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SlvReview *self = SLV_REVIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_BOARD_ID:
      self->board_id = g_value_dup_string (value);
      break;
    case PROP_USER_NAME:
      slv_review_set_user_name (self, g_value_get_string (value));
      break;
    case PROP_REVIEW_MODE:
      slv_review_set_review_mode (self, g_value_get_boolean (value));
      break;
    case PROP_FILTER:
      slv_review_set_filter (self, g_value_get_enum (value));
      break;
    case PROP_STATUS_FILTER:
      slv_review_set_status_filter (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_review_class_init (SlvReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = slv_review_dispose;
  object_class->finalize = slv_review_finalize;
  object_class->get_property = slv_review_get_property;
  object_class->set_property = slv_review_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SLV_TYPE_STORE, co);
  properties[PROP_BOARD_ID] = g_param_spec_string ("board-id", NULL, NULL, NULL, co);
  properties[PROP_USER_NAME] = g_param_spec_string ("user-name", NULL, NULL, NULL, rw);
  properties[PROP_REVIEW_MODE] = g_param_spec_boolean ("review-mode", NULL, NULL, FALSE, rw);
  properties[PROP_FILTER] = g_param_spec_enum ("filter", NULL, NULL, SLV_TYPE_REVIEW_FILTER,
                                               SLV_REVIEW_FILTER_ALL, rw);
  properties[PROP_STATUS_FILTER] = g_param_spec_enum ("status-filter", NULL, NULL, SLV_TYPE_REVIEW_STATUS,
                                                      SLV_REVIEW_STATUS_OPEN, rw);
  properties[PROP_THREADS] = g_param_spec_object ("threads", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_VISIBLE] = g_param_spec_object ("visible", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_COMMENTS] = g_param_spec_object ("comments", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  properties[PROP_SELECTED] = g_param_spec_object ("selected", NULL, NULL, SLV_TYPE_REVIEW_THREAD, ro);
  properties[PROP_N_OPEN] = g_param_spec_uint ("n-open", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the threads were re-read (any write, reload): recount. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slv_review_init (SlvReview *self)
{
  self->threads = g_list_store_new (SLV_TYPE_REVIEW_THREAD);
  self->visible = g_list_store_new (SLV_TYPE_REVIEW_THREAD);
  self->comments = g_list_store_new (SLV_TYPE_REVIEW_COMMENT);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_review_command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_review_command_free);
  self->status_filter = SLV_REVIEW_STATUS_OPEN;
}

/* -- public API -- */

SlvReview *
slv_review_new (SlvStore    *store,
                const char  *board_id,
                const char  *user_name,
                GError     **error)
{
  g_autoptr(SlvReview) self = NULL;
  g_autoptr(SlvEntity) board = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);

  board = slv_repo_get (store, SLV_TYPE_BOARD, board_id, error);
  if (board == NULL)
    return NULL;
  self = g_object_new (SLV_TYPE_REVIEW, "store", store, "board-id", board_id,
                       "user-name", user_name, NULL);
  if (!slv_review_refresh (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
slv_review_reload (SlvReview  *self,
                   GError    **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  return slv_review_refresh (self, error);
}

SlvStore *
slv_review_get_store (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return self->store;
}

const char *
slv_review_get_board_id (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return self->board_id;
}

const char *
slv_review_get_user_name (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return self->user_name;
}

void
slv_review_set_user_name (SlvReview  *self,
                          const char *user_name)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_annotation_record_free);
  guint n;

  g_return_if_fail (SLV_IS_REVIEW (self));

  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;
  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  /* "mine" and "mentions me" depend on the name: re-derive them. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->threads));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvReviewThread) t = g_list_model_get_item (G_LIST_MODEL (self->threads), i);

      g_ptr_array_add (records, slv_annotation_record_copy (slv_review_thread_get_record (t)));
    }
  if (n > 0)
    apply_records (self, records);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->comments));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvReviewComment) c = g_list_model_get_item (G_LIST_MODEL (self->comments), i);
      g_autoptr(SlvCommentRecord) r = slv_comment_record_copy (slv_review_comment_get_record (c));

      slv_review_comment_update (c, r, self->user_name);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
}

gboolean
slv_review_get_review_mode (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);
  return self->review_mode;
}

void
slv_review_set_review_mode (SlvReview *self,
                            gboolean   review_mode)
{
  g_return_if_fail (SLV_IS_REVIEW (self));

  review_mode = !!review_mode;
  if (self->review_mode == review_mode)
    return;
  self->review_mode = review_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_MODE]);
}

SlvReviewFilter
slv_review_get_filter (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), SLV_REVIEW_FILTER_ALL);
  return self->filter;
}

void
slv_review_set_filter (SlvReview       *self,
                       SlvReviewFilter  filter)
{
  g_return_if_fail (SLV_IS_REVIEW (self));
  g_return_if_fail (filter <= SLV_REVIEW_FILTER_STATUS);

  if (self->filter == filter)
    return;
  self->filter = filter;
  refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

SlvReviewStatus
slv_review_get_status_filter (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), SLV_REVIEW_STATUS_OPEN);
  return self->status_filter;
}

void
slv_review_set_status_filter (SlvReview       *self,
                              SlvReviewStatus  status)
{
  g_return_if_fail (SLV_IS_REVIEW (self));
  g_return_if_fail (slv_review_status_to_string (status) != NULL);

  if (self->status_filter == status)
    return;
  self->status_filter = status;
  if (self->filter == SLV_REVIEW_FILTER_STATUS)
    refilter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

GListModel *
slv_review_get_threads (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->threads);
}

GListModel *
slv_review_get_visible (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->visible);
}

GListModel *
slv_review_get_comments (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return G_LIST_MODEL (self->comments);
}

guint
slv_review_get_n_open (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), 0);
  return self->n_open;
}

guint
slv_review_count_status (SlvReview       *self,
                         SlvReviewStatus  status)
{
  guint n, count = 0;

  g_return_val_if_fail (SLV_IS_REVIEW (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->threads));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvReviewThread) t = g_list_model_get_item (G_LIST_MODEL (self->threads), i);

      count += slv_review_thread_get_status (t) == status;
    }
  return count;
}

void
slv_review_set_frame_func (SlvReview          *self,
                           SlvReviewFrameFunc  func,
                           gpointer            user_data,
                           GDestroyNotify      destroy)
{
  g_return_if_fail (SLV_IS_REVIEW (self));

  if (self->frame_destroy != NULL)
    self->frame_destroy (self->frame_data);
  self->frame_func = func;
  self->frame_data = user_data;
  self->frame_destroy = destroy;
}

/* -- selection and navigation -- */

SlvReviewThread *
slv_review_get_selected (SlvReview *self)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return self->selected;
}

SlvReviewThread *
slv_review_find_thread (SlvReview  *self,
                        const char *annotation_id)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), NULL);
  return annotation_id ? g_hash_table_lookup (self->by_id, annotation_id) : NULL;
}

gboolean
slv_review_select (SlvReview   *self,
                   const char  *annotation_id,
                   GError     **error)
{
  SlvReviewThread *thread = NULL;

  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);

  if (annotation_id != NULL && (thread = slv_review_find_thread (self, annotation_id)) == NULL)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_NOT_FOUND,
                   _("The annotation no longer exists; it may have been deleted."));
      return FALSE;
    }
  set_selected (self, thread);
  return load_comments (self, error);
}

gboolean
slv_review_lookup_frame (SlvReview    *self,
                         const char   *item_id,
                         SlvItemFrame *frame)
{
  if (self->frame_func != NULL)
    return self->frame_func (item_id, frame, self->frame_data) && slv_item_frame_is_valid (frame);
  return slv_review_repo_get_item_frame (self->store, item_id, frame, NULL);
}

gboolean
slv_review_check_item_edit (SlvReview  *self,
                            GError    **error)
{
  g_return_val_if_fail (SLV_IS_REVIEW (self), FALSE);

  if (!self->review_mode)
    return TRUE;
  g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_READ_ONLY,
               _("The board is in review mode: items cannot be changed, only annotated "
                 "and commented. Leave review mode to edit the board."));
  return FALSE;
}

/* -- undo history, for slv-review-commands.c -- */

GPtrArray *
slv_review_get_undo_stack (SlvReview *self)
{
  return self->undo;
}

GPtrArray *
slv_review_get_redo_stack (SlvReview *self)
{
  return self->redo;
}

void
slv_review_history_changed (SlvReview *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}
