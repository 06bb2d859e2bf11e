/* slv-board-shelf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-shelf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-board-shelf.h"
#include "core/slv-board.h"
#include "core/slv-board-item.h"
#include "core/slv-fract-index.h"
#include "core/slv-uuid.h"
#include "services/slv-board-doc.h"
#include "store/slv-board-repo.h"
#include "store/slv-repo.h"

#define NAME_MAX_CHARS 200

typedef enum
{
  OP_CREATE,
  OP_RENAME,
  OP_DUPLICATE,
  OP_DELETE,
} OpKind;

typedef struct
{
  OpKind  kind;
  char   *board_id;
  char   *old_name;
  char   *new_name;
  char   *label;
} Op;

struct _SlvBoardShelf
{
  GObject     parent_instance;
  SlvStore   *store;
  GListStore *boards;
  GPtrArray  *history;   /* Op */
  guint       position;  /* ops applied */
};

G_DEFINE_FINAL_TYPE (SlvBoardShelf, slv_board_shelf, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->board_id);
  g_free (op->old_name);
  g_free (op->new_name);
  g_free (op->label);
  g_free (op);
}

static void
slv_board_shelf_finalize (GObject *object)
{
  SlvBoardShelf *self = SLV_BOARD_SHELF (object);

  g_clear_object (&self->boards);
  g_clear_object (&self->store);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (slv_board_shelf_parent_class)->finalize (object);
}

static void
slv_board_shelf_class_init (SlvBoardShelfClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_board_shelf_finalize;

  /* The list or the undo history changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slv_board_shelf_init (SlvBoardShelf *self)
{
  self->boards = g_list_store_new (SLV_TYPE_BOARD);
  self->history = g_ptr_array_new_with_free_func (op_free);
}

SlvBoardShelf *
slv_board_shelf_new (SlvStore *store)
{
  SlvBoardShelf *self;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  self = g_object_new (SLV_TYPE_BOARD_SHELF, NULL);
  self->store = g_object_ref (store);
  return self;
}

GListModel *
slv_board_shelf_get_boards (SlvBoardShelf *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), NULL);
  return G_LIST_MODEL (self->boards);
}

gboolean
slv_board_shelf_reload (SlvBoardShelf  *self,
                        GError        **error)
{
  g_autoptr(GListStore) fresh = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);

  fresh = slv_repo_list (self->store, SLV_TYPE_BOARD, NULL, error);
  if (fresh == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (fresh));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fresh), i));
  g_list_store_splice (self->boards, 0, g_list_model_get_n_items (G_LIST_MODEL (self->boards)),
                       items->pdata, items->len);
  return TRUE;
}

static char *
clean_name (const char  *name,
            GError     **error)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  char *s = g_strstrip (g_steal_pointer (&valid));

  for (char *p = s; *p; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  if (*s == '\0')
    {
      g_free (s);
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID, _("A board needs a name."));
      return NULL;
    }
  if (g_utf8_strlen (s, -1) > NAME_MAX_CHARS)
    *g_utf8_offset_to_pointer (s, NAME_MAX_CHARS) = '\0';
  return s;
}

static void
push (SlvBoardShelf *self,
      OpKind         kind,
      const char    *board_id,
      const char    *old_name,
      const char    *new_name,
      char          *label)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->board_id = g_strdup (board_id);
  op->old_name = g_strdup (old_name);
  op->new_name = g_strdup (new_name);
  op->label = label;
  g_ptr_array_set_size (self->history, self->position);
  g_ptr_array_add (self->history, op);
  self->position++;
}

static gboolean
finish (SlvBoardShelf  *self,
        GError        **error)
{
  gboolean ok = slv_board_shelf_reload (self, error);

  g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

/* A position after @after and before the next board (NULL: at the end). */
static char *
position_after (SlvBoardShelf *self,
                const char    *after)
{
  g_autofree char *last = NULL;
  g_autoptr(GListStore) boards = NULL;
  g_autoptr(SlvBoard) following = NULL;
  const char *next = NULL;
  char *key;

  if (after == NULL)
    {
      last = slv_board_repo_dup_last_position (self->store, NULL);
      after = last;
    }
  else if ((boards = slv_repo_list (self->store, SLV_TYPE_BOARD, NULL, NULL)) != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (boards)) && next == NULL; i++)
      {
        SlvBoard *b = g_list_model_get_item (G_LIST_MODEL (boards), i);

        if (strcmp (slv_board_get_position (b), after) > 0)
          {
            following = b;
            next = slv_board_get_position (b);
          }
        else
          g_object_unref (b);
      }
  key = slv_fract_index_between (after, next);
  if (key == NULL)
    key = slv_fract_index_between (after, NULL);
  return key ? key : g_strdup_printf ("%s~", after ? after : "a0");
}

typedef struct
{
  const char *name;
  const char *collection_id;
  const char *position;
  const char *background;
  char       *id;
  const char *source;   /* board whose items are copied, or NULL */
} NewBoard;

/* Copies the live items of @from into @to with new ids; groups are
 * written before their members, which refer to them. */
static gboolean
copy_items (SlvStore    *store,
            const char  *from,
            const char  *to,
            GError     **error)
{
  g_autoptr(GPtrArray) items = slv_board_repo_load_items (store, from, error);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean progress = TRUE;

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      SlvBoardItemState *s = g_ptr_array_index (items, i);

      g_hash_table_insert (ids, s->id, slv_uuid_v7_new ());
    }
  while (progress)
    {
      progress = FALSE;
      for (guint i = 0; i < items->len; i++)
        {
          SlvBoardItemState *s = g_ptr_array_index (items, i);
          g_autoptr(SlvBoardItemState) copy = NULL;
          gboolean known_group = s->group_id && g_hash_table_contains (ids, s->group_id);

          if (g_hash_table_contains (written, s->id) ||
              (known_group && !g_hash_table_contains (written, s->group_id)))
            continue;
          copy = slv_board_item_state_copy (s);
          g_free (copy->id);
          copy->id = g_strdup (g_hash_table_lookup (ids, s->id));
          g_free (copy->board_id);
          copy->board_id = g_strdup (to);
          g_free (copy->group_id);
          copy->group_id = known_group ? g_strdup (g_hash_table_lookup (ids, s->group_id)) : NULL;
          if (!slv_board_repo_write_item (store, NULL, copy, error))
            return FALSE;
          g_hash_table_add (written, s->id);
          progress = TRUE;
        }
    }
  return TRUE;
}

static gboolean
insert_board_tx (SlvStore  *store,
                 gpointer   user_data,
                 GError   **error)
{
  NewBoard *nb = user_data;
  g_autofree char *brand = slv_board_repo_dup_brand_id (store, error);

  if (brand == NULL)
    return FALSE;
  if (!slv_store_insert (store, "board", &nb->id, error, "brand_id", brand,
                         "collection_id", nb->collection_id, "name", nb->name,
                         "position", nb->position, "background", nb->background, NULL))
    return FALSE;
  return nb->source == NULL || copy_items (store, nb->source, nb->id, error);
}

gboolean
slv_board_shelf_create (SlvBoardShelf  *self,
                        const char     *name,
                        const char     *collection_id,
                        char          **out_id,
                        GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *position = NULL;
  NewBoard nb = { 0 };

  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);

  clean = clean_name (name, error);
  if (clean == NULL)
    return FALSE;
  position = position_after (self, NULL);
  nb.name = clean;
  nb.collection_id = collection_id;
  nb.position = position;
  if (!slv_store_transaction (self->store, insert_board_tx, &nb, error))
    return FALSE;
  push (self, OP_CREATE, nb.id, NULL, clean, g_strdup_printf (_("New board “%s”"), clean));
  if (out_id != NULL)
    *out_id = g_strdup (nb.id);
  g_free (nb.id);
  return finish (self, error);
}

static char *
dup_board_field (SlvBoardShelf  *self,
                 const char     *board_id,
                 const char     *field,
                 GError        **error)
{
  g_autofree char *deleted = slv_store_dup_field (self->store, "board", board_id, "deleted", NULL);

  if (g_strcmp0 (deleted, "0") != 0)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND,
                   _("The board is no longer in this workspace."));
      return NULL;
    }
  return slv_store_dup_field (self->store, "board", board_id, field, error);
}

gboolean
slv_board_shelf_rename (SlvBoardShelf  *self,
                        const char     *board_id,
                        const char     *name,
                        GError        **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *old = NULL;
  GError *local = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);

  clean = clean_name (name, error);
  if (clean == NULL)
    return FALSE;
  old = dup_board_field (self, board_id, "name", &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (g_strcmp0 (old, clean) == 0)
    return TRUE;
  if (!slv_store_update_field (self->store, "board", board_id, "name", clean, error))
    return FALSE;
  push (self, OP_RENAME, board_id, old, clean, g_strdup_printf (_("Rename board “%s”"), old));
  return finish (self, error);
}

gboolean
slv_board_shelf_duplicate (SlvBoardShelf  *self,
                           const char     *board_id,
                           const char     *name,
                           char          **out_id,
                           GError        **error)
{
  g_autofree char *old = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *collection = NULL;
  g_autofree char *position = NULL;
  g_autofree char *background = NULL;
  g_autofree char *here = NULL;
  GError *local = NULL;
  NewBoard nb = { 0 };

  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);

  old = dup_board_field (self, board_id, "name", &local);
  if (local == NULL)
    collection = slv_store_dup_field (self->store, "board", board_id, "collection_id", &local);
  if (local == NULL)
    background = slv_store_dup_field (self->store, "board", board_id, "background", &local);
  if (local == NULL)
    here = slv_store_dup_field (self->store, "board", board_id, "position", &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  {
    g_autofree char *copy_name = name ? g_strdup (name) : g_strdup_printf (_("%s (copy)"), old);

    clean = clean_name (copy_name, error);
  }
  if (clean == NULL)
    return FALSE;
  position = position_after (self, here);
  nb = (NewBoard) { clean, collection, position, background, NULL, board_id };
  if (!slv_store_transaction (self->store, insert_board_tx, &nb, error))
    return FALSE;
  push (self, OP_DUPLICATE, nb.id, NULL, clean, g_strdup_printf (_("Duplicate board “%s”"), old));
  if (out_id != NULL)
    *out_id = g_strdup (nb.id);
  g_free (nb.id);
  return finish (self, error);
}

gboolean
slv_board_shelf_delete (SlvBoardShelf  *self,
                        const char     *board_id,
                        GError        **error)
{
  g_autofree char *old = NULL;
  GError *local = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);

  old = dup_board_field (self, board_id, "name", &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!slv_store_set_deleted (self->store, "board", board_id, TRUE, error))
    return FALSE;
  push (self, OP_DELETE, board_id, old, NULL, g_strdup_printf (_("Delete board “%s”"), old));
  return finish (self, error);
}

gboolean
slv_board_shelf_can_undo (SlvBoardShelf *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);
  return self->position > 0;
}

gboolean
slv_board_shelf_can_redo (SlvBoardShelf *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);
  return self->position < self->history->len;
}

const char *
slv_board_shelf_get_undo_label (SlvBoardShelf *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), NULL);
  if (self->position == 0)
    return NULL;
  return ((Op *) g_ptr_array_index (self->history, self->position - 1))->label;
}

/* Applies @op forwards (redo) or backwards (undo). */
static gboolean
apply_op (SlvBoardShelf  *self,
          Op             *op,
          gboolean        forward,
          GError        **error)
{
  switch (op->kind)
    {
    case OP_CREATE:
    case OP_DUPLICATE:
      return slv_store_set_deleted (self->store, "board", op->board_id, !forward, error);
    case OP_DELETE:
      return slv_store_set_deleted (self->store, "board", op->board_id, forward, error);
    case OP_RENAME:
      return slv_store_update_field (self->store, "board", op->board_id, "name",
                                     forward ? op->new_name : op->old_name, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
slv_board_shelf_undo (SlvBoardShelf  *self,
                      GError        **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);
  if (self->position == 0)
    return TRUE;
  if (!apply_op (self, g_ptr_array_index (self->history, self->position - 1), FALSE, error))
    return FALSE;
  self->position--;
  return finish (self, error);
}

gboolean
slv_board_shelf_redo (SlvBoardShelf  *self,
                      GError        **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_SHELF (self), FALSE);
  if (self->position == self->history->len)
    return TRUE;
  if (!apply_op (self, g_ptr_array_index (self->history, self->position), TRUE, error))
    return FALSE;
  self->position++;
  return finish (self, error);
}
