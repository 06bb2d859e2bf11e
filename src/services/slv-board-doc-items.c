/* slv-board-doc-items.c: commands on the structure of a board: flip, crop,
 * group, ungroup, duplicate, delete and z-order.
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

static gboolean
check_idle (SlvBoardDoc  *self,
            GError      **error)
{
  if (self->gesture == NULL)
    return TRUE;
  g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_BUSY,
               _("Finish the current drag first."));
  return FALSE;
}

static const char *
id_of (gpointer item)
{
  return slv_entity_get_id (SLV_ENTITY (item));
}

static int
cmp_position (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint pa = slv_board_doc_rank (user_data, *(SlvBoardItem **) a);
  guint pb = slv_board_doc_rank (user_data, *(SlvBoardItem **) b);

  return pa < pb ? -1 : pa > pb;
}

/* -- flip -- */

gboolean
slv_board_doc_flip (SlvBoardDoc        *self,
                    const char * const *ids,
                    gboolean            horizontal,
                    GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SlvBoardCommand *cmd;
  SlvRect bounds;
  gboolean single;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!check_idle (self, error))
    return FALSE;
  top = slv_board_doc_resolve (self, ids, TRUE);
  items = slv_board_doc_expand (self, (const char * const *) top);
  single = items->len == 1;
  if (!slv_board_doc_get_bounds (self, (const char * const *) top, &bounds))
    return TRUE;

  /* One item mirrors its content in place; several mirror as a whole
   * across the middle of their bounds. */
  cmd = slv_board_command_new (horizontal ? _("Flip horizontally") : _("Flip vertically"));
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(SlvBoardItemState) before = slv_board_item_dup_state (g_ptr_array_index (items, i));
      g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (before);
      SlvItemGeom g;
      SlvPoint c;

      slv_board_item_state_get_geom (after, &g);
      if (horizontal)
        g.flip_h = !g.flip_h;
      else
        g.flip_v = !g.flip_v;
      if (!single)
        {
          c = slv_item_geom_get_center (&g);
          if (horizontal)
            c.x = 2 * (bounds.x + bounds.w / 2) - c.x;
          else
            c.y = 2 * (bounds.y + bounds.h / 2) - c.y;
          slv_item_geom_set_center (&g, c);
          g.rotation = slv_angle_normalize (-g.rotation);
        }
      slv_board_item_state_set_geom (after, &g);
      slv_board_command_record (cmd, before, after);
    }
  return slv_board_doc_execute (self, cmd, NULL, error);
}

/* -- crop -- */

/* Where the part @crop of the image lands, in the local coordinates of
 * the item that now shows @old (both normalised to the image). */
static SlvRect
crop_in_local (const SlvItemGeom *g,
               const SlvRect     *old,
               const SlvRect     *crop)
{
  double sx = g->w / old->w, sy = g->h / old->h;
  SlvRect r;

  r.w = crop->w * sx;
  r.h = crop->h * sy;
  r.x = (crop->x - old->x) * sx;
  r.y = (crop->y - old->y) * sy;
  if (g->flip_h)
    r.x = g->w - r.x - r.w;
  if (g->flip_v)
    r.y = g->h - r.y - r.h;
  return r;
}

gboolean
slv_board_doc_crop (SlvBoardDoc    *self,
                    const char     *id,
                    const SlvRect  *crop,
                    GError        **error)
{
  g_autoptr(SlvBoardItemState) before = NULL;
  g_autoptr(SlvBoardItemState) after = NULL;
  SlvBoardCommand *cmd;
  SlvBoardItem *item;
  SlvRect old, local;
  SlvItemGeom g;
  SlvAffine m;
  SlvPoint c;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (crop != NULL, FALSE);

  if (!check_idle (self, error))
    return FALSE;
  item = slv_board_doc_lookup (self, id);
  if (item == NULL || slv_board_item_get_kind (item) != SLV_BOARD_ITEM_IMAGE)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_NOT_FOUND,
                   _("Only images can be cropped."));
      return FALSE;
    }
  if (!(crop->x >= 0 && crop->y >= 0 && crop->w > 0 && crop->h > 0 &&
        crop->x + crop->w <= 1 + 1e-9 && crop->y + crop->h <= 1 + 1e-9))
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("The crop must be a part of the image."));
      return FALSE;
    }
  {
    const char *one[] = { id, NULL };
    g_auto(GStrv) top = slv_board_doc_resolve (self, one, TRUE);

    /* locked, or in a locked group */
    if (top[0] == NULL)
      return TRUE;
  }

  before = slv_board_item_dup_state (item);
  after = slv_board_item_state_copy (before);
  slv_board_item_parse_crop (before->crop, &old);
  slv_board_item_state_get_geom (before, &g);
  local = crop_in_local (&g, &old, crop);
  slv_item_geom_get_transform (&g, &m);
  c = slv_affine_apply (&m, local.x + local.w / 2, local.y + local.h / 2);
  g.w = local.w;
  g.h = local.h;
  slv_item_geom_set_center (&g, c);
  slv_board_item_state_set_geom (after, &g);
  g_free (after->crop);
  after->crop = slv_board_item_format_crop (crop);

  cmd = slv_board_command_new (_("Crop"));
  slv_board_command_record (cmd, before, after);
  return slv_board_doc_execute (self, cmd, NULL, error);
}

/* -- groups -- */

/* A key just above @z, below whatever comes next on the board. */
static char *
key_above (SlvBoardDoc *self,
           const char  *z)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (strcmp (slv_board_item_get_z (item), z) > 0)
        {
          char *k = slv_fract_index_between (z, slv_board_item_get_z (item));

          return k ? k : g_strdup (z);
        }
    }
  {
    char *k = slv_fract_index_between (z, NULL);

    return k ? k : g_strdup (z);
  }
}

gboolean
slv_board_doc_group (SlvBoardDoc        *self,
                     const char * const *ids,
                     char              **out_id,
                     GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(SlvBoardCommand) cmd = NULL;
  g_autoptr(SlvBoardItemState) group = slv_board_item_state_new ();
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  const char *select[2] = { NULL, NULL };
  SlvRect bounds;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!check_idle (self, error))
    return FALSE;
  top = slv_board_doc_resolve (self, ids, TRUE);
  if (g_strv_length (top) < 2)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("Select two or more unlocked items to group them."));
      return FALSE;
    }
  for (guint i = 0; top[i] != NULL; i++)
    g_ptr_array_add (members, slv_board_doc_lookup (self, top[i]));
  g_ptr_array_sort_with_data (members, cmp_position, self);
  slv_board_doc_get_bounds (self, (const char * const *) top, &bounds);

  group->id = slv_uuid_v7_new ();
  group->kind = g_strdup ("group");
  group->x = bounds.x, group->y = bounds.y, group->w = bounds.w, group->h = bounds.h;
  group->z = key_above (self, slv_board_item_get_z (g_ptr_array_index (members, members->len - 1)));
  slv_board_doc_prepare_new (self, group);

  /* The group row first: members refer to it. */
  cmd = slv_board_command_new (_("Group"));
  slv_board_command_record (cmd, NULL, group);
  for (guint i = 0; i < members->len; i++)
    {
      g_autoptr(SlvBoardItemState) before = slv_board_item_dup_state (g_ptr_array_index (members, i));
      g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (before);

      g_free (after->group_id);
      after->group_id = g_strdup (group->id);
      slv_board_command_record (cmd, before, after);
    }
  select[0] = group->id;
  if (!slv_board_doc_execute (self, g_steal_pointer (&cmd), select, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = g_strdup (group->id);
  return TRUE;
}

gboolean
slv_board_doc_ungroup (SlvBoardDoc        *self,
                       const char * const *ids,
                       GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) select = g_ptr_array_new_with_free_func (g_free);
  SlvBoardCommand *cmd;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!check_idle (self, error))
    return FALSE;
  top = slv_board_doc_resolve (self, ids, TRUE);
  cmd = slv_board_command_new (_("Ungroup"));
  for (guint i = 0; top[i] != NULL; i++)
    {
      SlvBoardItem *group = slv_board_doc_lookup (self, top[i]);
      g_autoptr(GPtrArray) kids = NULL;
      g_autoptr(SlvBoardItemState) gstate = NULL;

      if (slv_board_item_get_kind (group) != SLV_BOARD_ITEM_GROUP)
        {
          g_ptr_array_add (select, g_strdup (top[i]));
          continue;
        }
      kids = slv_board_doc_children (self, top[i]);
      for (guint k = 0; k < kids->len; k++)
        {
          g_autoptr(SlvBoardItemState) before = slv_board_item_dup_state (g_ptr_array_index (kids, k));
          g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (before);

          g_clear_pointer (&after->group_id, g_free);
          slv_board_command_record (cmd, before, after);
          g_ptr_array_add (select, g_strdup (before->id));
        }
      gstate = slv_board_item_dup_state (group);
      slv_board_command_record (cmd, gstate, NULL);
    }
  g_ptr_array_add (select, NULL);
  return slv_board_doc_execute (self, cmd, (const char * const *) select->pdata, error);
}

/* -- duplicate and delete -- */

static guint
depth (SlvBoardDoc  *self,
       SlvBoardItem *item)
{
  guint d = 0;

  while (item != NULL && slv_board_item_get_group_id (item) != NULL && d < 64)
    {
      item = slv_board_doc_lookup (self, slv_board_item_get_group_id (item));
      d++;
    }
  return d;
}

gboolean
slv_board_doc_duplicate (SlvBoardDoc        *self,
                         const char * const *ids,
                         double              dx,
                         double              dy,
                         GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) select = g_ptr_array_new ();
  g_auto(GStrv) keys = NULL;
  SlvBoardCommand *cmd;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!check_idle (self, error))
    return FALSE;
  top = slv_board_doc_resolve (self, ids, FALSE);
  items = slv_board_doc_expand (self, (const char * const *) top);
  /* Stacking order kept; keys above everything. */
  g_ptr_array_sort_with_data (items, cmp_position, self);
  keys = slv_board_doc_top_keys (self, items->len);
  for (guint i = 0; i < items->len; i++)
    g_hash_table_insert (new_ids, (gpointer) id_of (g_ptr_array_index (items, i)), slv_uuid_v7_new ());

  cmd = slv_board_command_new (_("Duplicate"));
  /* Groups before their members (outer first), for the references. */
  for (guint pass = 0; pass <= 64; pass++)
    for (guint i = 0; i < items->len; i++)
      {
        SlvBoardItem *item = g_ptr_array_index (items, i);
        g_autoptr(SlvBoardItemState) copy = NULL;
        const char *parent;

        if (depth (self, item) != pass)
          continue;
        copy = slv_board_item_dup_state (item);
        g_free (copy->id);
        copy->id = g_strdup (g_hash_table_lookup (new_ids, id_of (item)));
        g_free (copy->z);
        copy->z = g_strdup (keys[i]);
        parent = copy->group_id ? g_hash_table_lookup (new_ids, copy->group_id) : NULL;
        g_free (copy->group_id);
        copy->group_id = g_strdup (parent);
        copy->x += dx;
        copy->y += dy;
        copy->locked = FALSE;
        slv_board_command_record (cmd, NULL, copy);
        if (parent == NULL)
          g_ptr_array_add (select, g_hash_table_lookup (new_ids, id_of (item)));
      }
  g_ptr_array_add (select, NULL);
  return slv_board_doc_execute (self, cmd, (const char * const *) select->pdata, error);
}

gboolean
slv_board_doc_delete (SlvBoardDoc        *self,
                      const char * const *ids,
                      GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *none[] = { NULL };
  SlvBoardCommand *cmd;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!check_idle (self, error))
    return FALSE;
  top = slv_board_doc_resolve (self, ids, TRUE);
  items = slv_board_doc_expand (self, (const char * const *) top);
  cmd = slv_board_command_new (_("Delete"));
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(SlvBoardItemState) before = slv_board_item_dup_state (g_ptr_array_index (items, i));

      slv_board_command_record (cmd, before, NULL);
    }
  return slv_board_doc_execute (self, cmd, none, error);
}

/* -- z-order -- */

/* Gives @order (every item of the board, bottom to top) keys that follow
 * it, changing as few as it can: the moved block gets keys between its new
 * neighbours; if there is no room, the whole board is renumbered. */
static void
record_order (SlvBoardDoc     *self,
              SlvBoardCommand *cmd,
              GPtrArray       *order,
              guint            first,
              guint            count)
{
  const char *below = first > 0 ? slv_board_item_get_z (g_ptr_array_index (order, first - 1)) : NULL;
  const char *above = first + count < order->len ?
                      slv_board_item_get_z (g_ptr_array_index (order, first + count)) : NULL;
  g_auto(GStrv) keys = slv_fract_index_n_between (below, above, count);
  guint from = first, n = count;

  if (keys == NULL)
    {
      keys = slv_fract_index_n_between (NULL, NULL, order->len);
      from = 0, n = order->len;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvBoardItemState) before = slv_board_item_dup_state (g_ptr_array_index (order, from + i));
      g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (before);

      g_free (after->z);
      after->z = g_strdup (keys[i]);
      slv_board_command_record (cmd, before, after);
    }
}

/* The index in @rest (the items not moved) where the block goes, given
 * how many of them lie below its lowest and below its highest item. */
static guint
block_target (guint     n_rest,
              guint     below_first,
              guint     below_last,
              SlvZOrder order)
{
  switch (order)
    {
    case SLV_Z_TO_FRONT:
      return n_rest;
    case SLV_Z_TO_BACK:
      return 0;
    case SLV_Z_RAISE:
      return MIN (below_last + 1, n_rest);
    case SLV_Z_LOWER:
      return below_first > 0 ? below_first - 1 : 0;
    default:
      g_return_val_if_reached (below_first);
    }
}

gboolean
slv_board_doc_reorder (SlvBoardDoc        *self,
                       const char * const *ids,
                       SlvZOrder           order,
                       GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) moving = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GHashTable) in_block = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint below_first = G_MAXUINT, below_last = 0, target;
  SlvBoardCommand *cmd;
  static const char *labels[] = { N_("Bring forward"), N_("Send backward"),
                                  N_("Bring to front"), N_("Send to back") };

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (order <= SLV_Z_TO_BACK, FALSE);

  if (!check_idle (self, error))
    return FALSE;
  top = slv_board_doc_resolve (self, ids, TRUE);
  moving = slv_board_doc_expand (self, (const char * const *) top);
  if (moving->len == 0)
    return TRUE;
  g_ptr_array_sort_with_data (moving, cmp_position, self);
  for (guint i = 0; i < moving->len; i++)
    g_hash_table_add (in_block, g_ptr_array_index (moving, i));

  /* The others, bottom to top. */
  for (guint i = 0; i < n; i++)
    {
      SlvBoardItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_object_unref (item);   /* the list keeps it */
      if (g_hash_table_contains (in_block, item))
        {
          below_first = MIN (below_first, rest->len);
          below_last = rest->len;
        }
      else
        g_ptr_array_add (rest, item);
    }
  target = block_target (rest->len, below_first, below_last, order);

  /* Splice the block in at @target and renumber it there. */
  for (guint i = 0; i < moving->len; i++)
    g_ptr_array_insert (rest, target + i, g_ptr_array_index (moving, i));
  cmd = slv_board_command_new (_(labels[order]));
  record_order (self, cmd, rest, target, moving->len);
  return slv_board_doc_execute (self, cmd, NULL, error);
}
