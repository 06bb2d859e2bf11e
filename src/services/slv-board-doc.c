/* slv-board-doc.c: loading, the model and its index, history, selection,
 * view and spatial queries. Commands live in slv-board-doc-edit.c,
 * slv-board-doc-arrange.c and slv-board-doc-gesture.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-doc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slv-board-doc-private.h"
#include "core/slv-fract-index.h"
#include "core/slv-uuid.h"
#include "store/slv-board-repo.h"

G_DEFINE_FINAL_TYPE (SlvBoardDoc, slv_board_doc, G_TYPE_OBJECT)
G_DEFINE_QUARK (slv-board-doc-error-quark, slv_board_doc_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BOARD_ID,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

enum {
  CHANGED,
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SlvBoardItem *x = (SlvBoardItem *) a, *y = (SlvBoardItem *) b;
  int c = strcmp (slv_board_item_get_z (x), slv_board_item_get_z (y));

  if (c != 0)
    return c;
  return g_strcmp0 (slv_entity_get_id (SLV_ENTITY (x)), slv_entity_get_id (SLV_ENTITY (y)));
}

static int
compare_items_ptr (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return compare_items (*(gconstpointer *) a, *(gconstpointer *) b, user_data);
}

static gboolean
is_drawable (SlvBoardItem *item)
{
  return slv_board_item_get_kind (item) != SLV_BOARD_ITEM_GROUP;
}

static void
index_item (SlvBoardDoc  *self,
            SlvBoardItem *item)
{
  SlvRect bounds;

  if (!is_drawable (item))
    return;
  slv_board_item_get_bounds (item, &bounds);
  slv_rtree_insert (self->index, item, &bounds);
}

void
slv_board_doc_emit_changed (SlvBoardDoc *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
notify_history (SlvBoardDoc *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

void
slv_board_gesture_free (SlvBoardGesture *gesture)
{
  if (gesture == NULL)
    return;
  slv_board_command_free (gesture->cmd);
  g_strfreev (gesture->ids);
  g_ptr_array_unref (gesture->start);
  g_array_unref (gesture->targets);
  g_free (gesture);
}

static void
slv_board_doc_finalize (GObject *object)
{
  SlvBoardDoc *self = SLV_BOARD_DOC (object);

  g_clear_pointer (&self->gesture, slv_board_gesture_free);
  g_clear_pointer (&self->index, slv_rtree_free);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->rank, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_free (self->board_id);

  G_OBJECT_CLASS (slv_board_doc_parent_class)->finalize (object);
}

static void
slv_board_doc_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SlvBoardDoc *self = SLV_BOARD_DOC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BOARD_ID:
      g_value_set_string (value, self->board_id);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, slv_board_doc_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, slv_board_doc_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, slv_board_doc_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, slv_board_doc_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_board_doc_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SlvBoardDoc *self = SLV_BOARD_DOC (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_BOARD_ID:
      self->board_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
slv_board_doc_class_init (SlvBoardDocClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = slv_board_doc_finalize;
  object_class->get_property = slv_board_doc_get_property;
  object_class->set_property = slv_board_doc_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SLV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOARD_ID] =
    g_param_spec_string ("board-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Anything drawn may have changed: items, their places, the history. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
}

static void
slv_board_doc_init (SlvBoardDoc *self)
{
  self->items = g_list_store_new (SLV_TYPE_BOARD_ITEM);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->index = slv_rtree_new ();
  self->rank = g_hash_table_new (NULL, NULL);
  self->rank_dirty = TRUE;
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_command_free);
  self->selection = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->selection, NULL);
  self->selected = g_hash_table_new (g_str_hash, g_str_equal);
  self->view_zoom = 1;
}

/* Builds the model from loaded states in one pass. */
static void
populate (SlvBoardDoc *self,
          GPtrArray   *states)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gpointer *keys = g_new (gpointer, MAX (states->len, 1));
  g_autofree SlvRect *bounds = g_new (SlvRect, MAX (states->len, 1));
  guint n_drawable = 0;

  for (guint i = 0; i < states->len; i++)
    {
      SlvBoardItem *item = slv_board_item_new_from_state (g_ptr_array_index (states, i));

      g_ptr_array_add (objects, item);
      g_hash_table_insert (self->by_id, (gpointer) slv_entity_get_id (SLV_ENTITY (item)), item);
      if (is_drawable (item))
        {
          keys[n_drawable] = item;
          slv_board_item_get_bounds (item, &bounds[n_drawable++]);
        }
    }
  /* Rows come ordered by z then id; sorting again costs little and keeps
   * the model's order exactly the one compare_items() defines. */
  g_list_store_splice (self->items, 0, 0, objects->pdata, objects->len);
  g_list_store_sort (self->items, compare_items, NULL);
  slv_rtree_load (self->index, keys, bounds, n_drawable);
}

static SlvBoardDoc *
load (SlvStore    *store,
      const char  *board_id,
      GError     **error)
{
  g_autoptr(SlvBoardDoc) self = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *name = NULL;
  g_autofree char *deleted = NULL;
  GError *local = NULL;

  name = slv_store_dup_field (store, "board", board_id, "name", &local);
  if (local == NULL)
    deleted = slv_store_dup_field (store, "board", board_id, "deleted", &local);
  if (local != NULL || g_strcmp0 (deleted, "1") == 0)
    {
      g_clear_error (&local);
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND,
                   _("The board %s is not in this workspace (it may have been deleted)."), board_id);
      return NULL;
    }
  states = slv_board_repo_load_items (store, board_id, error);
  if (states == NULL)
    return NULL;

  self = g_object_new (SLV_TYPE_BOARD_DOC, "store", store, "board-id", board_id, NULL);
  populate (self, states);
  if (!slv_board_repo_get_view (store, board_id, &self->view_x, &self->view_y, &self->view_zoom, error) &&
      error != NULL && *error != NULL)
    return NULL;
  self->view_zoom = CLAMP (self->view_zoom, SLV_BOARD_ZOOM_MIN, SLV_BOARD_ZOOM_MAX);
  return g_steal_pointer (&self);
}

SlvBoardDoc *
slv_board_doc_load (SlvStore    *store,
                    const char  *board_id,
                    GError     **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  g_return_val_if_fail (board_id != NULL, NULL);
  return load (store, board_id, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  SlvBoardDoc *doc = load (source_object, task_data, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
slv_board_doc_load_async (SlvStore            *store,
                          const char          *board_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLV_IS_STORE (store));
  g_return_if_fail (board_id != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_board_doc_load_async);
  g_task_set_task_data (task, g_strdup (board_id), g_free);
  g_task_run_in_thread (task, load_thread);
}

SlvBoardDoc *
slv_board_doc_load_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

SlvStore *
slv_board_doc_get_store (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);
  return self->store;
}

const char *
slv_board_doc_get_board_id (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);
  return self->board_id;
}

GListModel *
slv_board_doc_get_items (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);
  return G_LIST_MODEL (self->items);
}

SlvBoardItem *
slv_board_doc_lookup (SlvBoardDoc *self,
                      const char  *id)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/* -- the model -- */

/* Where @item belongs in the sorted list (binary search). */
static guint
sorted_position (SlvBoardDoc  *self,
                 SlvBoardItem *item)
{
  guint lo = 0, hi = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(SlvBoardItem) other = g_list_model_get_item (G_LIST_MODEL (self->items), mid);

      if (compare_items (other, item, NULL) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
unlist (SlvBoardDoc  *self,
        SlvBoardItem *item)
{
  guint pos;

  if (g_list_store_find (self->items, item, &pos))
    g_list_store_remove (self->items, pos);
  self->rank_dirty = TRUE;
}

void
slv_board_doc_apply_state (SlvBoardDoc             *self,
                           const char              *id,
                           const SlvBoardItemState *state)
{
  SlvBoardItem *item = g_hash_table_lookup (self->by_id, id);

  if (state == NULL)
    {
      if (item == NULL)
        return;
      slv_rtree_remove (self->index, item);
      g_hash_table_remove (self->by_id, id);
      if (self->bulk == NULL)
        unlist (self, item);   /* drops the last reference */
      self->rank_dirty = TRUE;
      return;
    }
  if (item == NULL)
    {
      g_autoptr(SlvBoardItem) created = slv_board_item_new_from_state (state);

      g_hash_table_insert (self->by_id, (gpointer) slv_entity_get_id (SLV_ENTITY (created)), created);
      if (self->bulk != NULL)
        g_ptr_array_add (self->bulk, g_object_ref (created));
      else
        g_list_store_insert (self->items, sorted_position (self, created), created);
      index_item (self, created);
      self->rank_dirty = TRUE;
      return;
    }
  if (self->bulk != NULL)
    {
      slv_board_item_apply_state (item, state);
      self->rank_dirty = TRUE;
    }
  else if (g_strcmp0 (slv_board_item_get_z (item), state->z) != 0)
    {
      g_object_ref (item);
      unlist (self, item);
      slv_board_item_apply_state (item, state);
      g_list_store_insert (self->items, sorted_position (self, item), item);
      g_object_unref (item);
    }
  else
    slv_board_item_apply_state (item, state);
  index_item (self, item);
}

/* -- history -- */

typedef struct
{
  SlvBoardCommand *cmd;
  gboolean         forward;
} WriteData;

static gboolean
write_tx (SlvStore  *store,
          gpointer   user_data,
          GError   **error)
{
  WriteData *wd = user_data;
  guint n = slv_board_command_get_n_changes (wd->cmd);

  for (guint k = 0; k < n; k++)
    {
      const SlvItemChange *c = slv_board_command_get_change (wd->cmd, wd->forward ? k : n - 1 - k);
      const SlvBoardItemState *from = wd->forward ? c->before : c->after;
      const SlvBoardItemState *to = wd->forward ? c->after : c->before;

      if (from == NULL && to == NULL)
        continue;
      if (from != NULL && to != NULL && slv_board_item_state_equal (from, to))
        continue;
      if (!slv_board_repo_write_item (store, from, to, error))
        return FALSE;
    }
  return TRUE;
}

/* The list again from the live items, in one change. */
static void
rebuild_list (SlvBoardDoc *self)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_full (g_hash_table_size (self->by_id), g_object_unref);
  GHashTableIter iter;
  gpointer item;

  /* Held here too: the splice lets go of the old list before it takes
   * the new one, and most items are in both. */
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    g_ptr_array_add (all, g_object_ref (item));
  g_ptr_array_sort_with_data (all, (GCompareDataFunc) compare_items_ptr, NULL);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       all->pdata, all->len);
  self->rank_dirty = TRUE;
}

/* Commands larger than this rebuild the list once instead of moving
 * items in it one by one. */
#define BULK_CHANGES 48

static void
apply_command (SlvBoardDoc     *self,
               SlvBoardCommand *cmd,
               gboolean         forward)
{
  guint n = slv_board_command_get_n_changes (cmd);
  gboolean bulk = n > BULK_CHANGES;

  if (bulk)
    self->bulk = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint k = 0; k < n; k++)
    {
      const SlvItemChange *c = slv_board_command_get_change (cmd, forward ? k : n - 1 - k);

      slv_board_doc_apply_state (self, c->id, forward ? c->after : c->before);
    }
  if (bulk)
    {
      rebuild_list (self);
      g_clear_pointer (&self->bulk, g_ptr_array_unref);
    }
}

static void
set_selection (SlvBoardDoc        *self,
               const char * const *ids)
{
  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_contains (self->by_id, ids[i]))
      g_ptr_array_add (self->selection, g_strdup (ids[i]));
  g_ptr_array_add (self->selection, NULL);
  slv_board_doc_sync_selected (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
slv_board_doc_sync_selected (SlvBoardDoc *self)
{
  g_hash_table_remove_all (self->selected);
  for (guint i = 0; i + 1 < self->selection->len; i++)
    g_hash_table_add (self->selected, g_ptr_array_index (self->selection, i));
}

/* Drops ids that no longer name a live item. */
static void
prune_selection (SlvBoardDoc *self)
{
  for (guint i = 0; i + 1 < self->selection->len;)
    if (!g_hash_table_contains (self->by_id, g_ptr_array_index (self->selection, i)))
      g_ptr_array_remove_index (self->selection, i);
    else
      i++;
  slv_board_doc_sync_selected (self);
}

gboolean
slv_board_doc_execute (SlvBoardDoc        *self,
                       SlvBoardCommand    *cmd,
                       const char * const *select_after,
                       GError            **error)
{
  g_autoptr(SlvBoardCommand) owned = cmd;
  WriteData wd = { cmd, TRUE };

  slv_board_doc_fit_groups (self, cmd);
  if (slv_board_command_is_empty (cmd))
    return TRUE;
  if (!slv_store_transaction (self->store, write_tx, &wd, error))
    return FALSE;

  slv_board_command_set_selection (cmd, slv_board_doc_get_selection (self),
                                   select_after ? select_after : slv_board_doc_get_selection (self));
  apply_command (self, cmd, TRUE);
  g_ptr_array_set_size (self->history, self->history_pos);
  g_ptr_array_add (self->history, g_steal_pointer (&owned));
  self->history_pos++;
  if (select_after != NULL)
    set_selection (self, slv_board_command_get_selection (cmd, TRUE));
  else
    prune_selection (self);
  notify_history (self);
  slv_board_doc_emit_changed (self);
  return TRUE;
}

static gboolean
step (SlvBoardDoc  *self,
      gboolean      forward,
      GError      **error)
{
  SlvBoardCommand *cmd;
  WriteData wd;

  if (self->gesture != NULL)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_BUSY,
                   _("Finish moving the items before undoing or redoing."));
      return FALSE;
    }
  if (forward ? !slv_board_doc_can_redo (self) : !slv_board_doc_can_undo (self))
    return TRUE;
  cmd = g_ptr_array_index (self->history, forward ? self->history_pos : self->history_pos - 1);
  wd = (WriteData) { cmd, forward };
  if (!slv_store_transaction (self->store, write_tx, &wd, error))
    return FALSE;
  apply_command (self, cmd, forward);
  self->history_pos += forward ? 1 : -1;
  set_selection (self, slv_board_command_get_selection (cmd, forward));
  notify_history (self);
  slv_board_doc_emit_changed (self);
  return TRUE;
}

gboolean
slv_board_doc_undo (SlvBoardDoc  *self,
                    GError      **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  return step (self, FALSE, error);
}

gboolean
slv_board_doc_redo (SlvBoardDoc  *self,
                    GError      **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  return step (self, TRUE, error);
}

gboolean
slv_board_doc_can_undo (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  return self->history_pos > 0;
}

gboolean
slv_board_doc_can_redo (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  return self->history_pos < self->history->len;
}

const char *
slv_board_doc_get_undo_label (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);
  if (!slv_board_doc_can_undo (self))
    return NULL;
  return slv_board_command_get_label (g_ptr_array_index (self->history, self->history_pos - 1));
}

const char *
slv_board_doc_get_redo_label (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);
  if (!slv_board_doc_can_redo (self))
    return NULL;
  return slv_board_command_get_label (g_ptr_array_index (self->history, self->history_pos));
}

guint
slv_board_doc_get_history_length (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), 0);
  return self->history->len;
}
