/* slv-board-doc-select.c: selection, spatial queries, the view, and the
 * item bookkeeping commands share (groups, new keys).
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

static void
ensure_rank (SlvBoardDoc *self)
{
  guint n;

  if (!self->rank_dirty)
    return;
  g_hash_table_remove_all (self->rank);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      /* The list keeps the reference; the rank table borrows. */
      SlvBoardItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_hash_table_insert (self->rank, item, GUINT_TO_POINTER (i + 1));
      g_object_unref (item);
    }
  self->rank_dirty = FALSE;
}

static guint
rank_of (SlvBoardDoc  *self,
         SlvBoardItem *item)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->rank, item));
}

guint
slv_board_doc_rank (SlvBoardDoc  *self,
                    SlvBoardItem *item)
{
  ensure_rank (self);
  return rank_of (self, item);
}

typedef struct
{
  const SlvRect *rect;
  GPtrArray     *out;
} QueryData;

static gboolean
collect_meeting (gpointer       key,
                 const SlvRect *bounds,
                 gpointer       user_data)
{
  QueryData *qd = user_data;
  SlvItemGeom g;

  /* Bounds inside the rect: no need to look at the turned outline. */
  if (slv_rect_contains_rect (qd->rect, bounds))
    {
      g_ptr_array_add (qd->out, key);
      return TRUE;
    }
  slv_board_item_get_geom (key, &g);
  if (slv_item_geom_intersects_rect (&g, qd->rect))
    g_ptr_array_add (qd->out, key);
  return TRUE;
}

typedef struct
{
  guint         rank;
  SlvBoardItem *item;
} Ranked;

static int
cmp_ranked (gconstpointer a,
            gconstpointer b)
{
  guint ra = ((const Ranked *) a)->rank, rb = ((const Ranked *) b)->rank;

  return ra < rb ? -1 : ra > rb;
}

/* Sorts @items[first…] bottom to top: one rank lookup per item, then a
 * sort on plain numbers. */
static void
sort_by_rank (SlvBoardDoc *self,
              GPtrArray   *items,
              guint        first)
{
  guint n = items->len - first;
  g_autofree Ranked *r = NULL;

  if (n < 2)
    return;
  ensure_rank (self);
  r = g_new (Ranked, n);
  for (guint i = 0; i < n; i++)
    {
      SlvBoardItem *item = g_ptr_array_index (items, first + i);

      r[i] = (Ranked) { rank_of (self, item), item };
    }
  qsort (r, n, sizeof (Ranked), cmp_ranked);
  for (guint i = 0; i < n; i++)
    items->pdata[first + i] = r[i].item;
}

void
slv_board_doc_query_rect (SlvBoardDoc   *self,
                          const SlvRect *rect,
                          GPtrArray     *out)
{
  QueryData qd = { rect, out };
  guint first = out->len;

  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  g_return_if_fail (rect != NULL && out != NULL);

  slv_rtree_foreach_in_rect (self->index, rect, collect_meeting, &qd);
  sort_by_rank (self, out, first);
}

static SlvBoardItem *
outermost (SlvBoardDoc  *self,
           SlvBoardItem *item)
{
  guint guard = 0;

  /* The guard stops a cycle of group ids (bad data) from looping. */
  while (item != NULL && slv_board_item_get_group_id (item) != NULL && guard++ < 64)
    {
      SlvBoardItem *parent = g_hash_table_lookup (self->by_id, slv_board_item_get_group_id (item));

      if (parent == NULL)
        break;
      item = parent;
    }
  return item;
}

SlvBoardItem *
slv_board_doc_pick (SlvBoardDoc *self,
                    double       x,
                    double       y,
                    double       tolerance)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  SlvRect r = { x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance };

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);

  slv_rtree_query_rect (self->index, &r, hits);
  sort_by_rank (self, hits, 0);
  for (guint i = hits->len; i > 0; i--)
    {
      SlvBoardItem *item = g_ptr_array_index (hits, i - 1);
      SlvItemGeom g;

      slv_board_item_get_geom (item, &g);
      if (slv_item_geom_contains_point (&g, x, y, tolerance))
        return outermost (self, item);
    }
  return NULL;
}

gboolean
slv_board_doc_get_bounds (SlvBoardDoc        *self,
                          const char * const *ids,
                          SlvRect            *out)
{
  g_auto(GStrv) top = NULL;
  gboolean any = FALSE;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  top = slv_board_doc_resolve (self, ids, FALSE);
  for (guint i = 0; top[i] != NULL; i++)
    {
      SlvRect b;

      slv_board_item_get_bounds (g_hash_table_lookup (self->by_id, top[i]), &b);
      if (any)
        slv_rect_union (out, &b, out);
      else
        *out = b;
      any = TRUE;
    }
  return any;
}

gboolean
slv_board_doc_get_extents (SlvBoardDoc *self,
                           SlvRect     *out)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  return slv_rtree_get_extents (self->index, out);
}

/* -- selection -- */

const char * const *
slv_board_doc_get_selection (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), NULL);
  return (const char * const *) self->selection->pdata;
}

gboolean
slv_board_doc_is_selected (SlvBoardDoc *self,
                           const char  *id)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  return id != NULL && g_hash_table_contains (self->selected, id);
}

static void
emit_selection_changed (SlvBoardDoc *self)
{
  g_signal_emit_by_name (self, "selection-changed");
}

void
slv_board_doc_select (SlvBoardDoc        *self,
                      const char * const *ids,
                      SlvSelectMode       mode)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (SLV_IS_BOARD_DOC (self));

  /* NULL here means nothing, not the selection. */
  top = ids ? slv_board_doc_resolve (self, ids, FALSE) : g_new0 (char *, 1);
  for (guint i = 0; top[i] != NULL; i++)
    g_hash_table_add (listed, top[i]);
  if (mode != SLV_SELECT_REPLACE)
    for (guint i = 0; i + 1 < self->selection->len; i++)
      {
        const char *id = g_ptr_array_index (self->selection, i);

        if (mode == SLV_SELECT_ADD || !g_hash_table_contains (listed, id))
          g_ptr_array_add (next, g_strdup (id));
      }
  for (guint i = 0; top[i] != NULL; i++)
    {
      gboolean was = g_hash_table_contains (self->selected, top[i]);
      gboolean keep = mode == SLV_SELECT_REPLACE || (mode == SLV_SELECT_ADD && !was) ||
                      (mode == SLV_SELECT_TOGGLE && !was);

      if (keep)
        g_ptr_array_add (next, g_strdup (top[i]));
    }
  g_ptr_array_add (next, NULL);
  g_ptr_array_unref (self->selection);
  self->selection = g_steal_pointer (&next);
  slv_board_doc_sync_selected (self);
  emit_selection_changed (self);
}

void
slv_board_doc_select_all (SlvBoardDoc *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n;

  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (slv_board_item_get_group_id (item) == NULL)
        g_ptr_array_add (ids, (gpointer) slv_entity_get_id (SLV_ENTITY (item)));
    }
  g_ptr_array_add (ids, NULL);
  slv_board_doc_select (self, (const char * const *) ids->pdata, SLV_SELECT_REPLACE);
}

void
slv_board_doc_select_rect (SlvBoardDoc   *self,
                           const SlvRect *rect,
                           gboolean       touching,
                           SlvSelectMode  mode)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_return_if_fail (SLV_IS_BOARD_DOC (self));

  slv_board_doc_query_rect (self, rect, hits);
  for (guint i = 0; i < hits->len; i++)
    {
      SlvBoardItem *top = outermost (self, g_ptr_array_index (hits, i));
      SlvRect b;

      if (!g_hash_table_add (seen, top))
        continue;
      slv_board_item_get_bounds (top, &b);
      if (touching || slv_rect_contains_rect (rect, &b))
        g_ptr_array_add (ids, (gpointer) slv_entity_get_id (SLV_ENTITY (top)));
    }
  g_ptr_array_add (ids, NULL);
  slv_board_doc_select (self, (const char * const *) ids->pdata, mode);
}

/* -- view -- */

void
slv_board_doc_get_view (SlvBoardDoc *self,
                        double      *x,
                        double      *y,
                        double      *zoom)
{
  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  if (x != NULL)
    *x = self->view_x;
  if (y != NULL)
    *y = self->view_y;
  if (zoom != NULL)
    *zoom = self->view_zoom;
}

gboolean
slv_board_doc_set_view (SlvBoardDoc  *self,
                        double        x,
                        double        y,
                        double        zoom,
                        GError      **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!isfinite (x) || !isfinite (y) || !isfinite (zoom) || zoom <= 0)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("The view position or zoom is not a number."));
      return FALSE;
    }
  zoom = CLAMP (zoom, SLV_BOARD_ZOOM_MIN, SLV_BOARD_ZOOM_MAX);
  if (!slv_board_repo_set_view (self->store, self->board_id, x, y, zoom, error))
    return FALSE;
  self->view_x = x;
  self->view_y = y;
  self->view_zoom = zoom;
  return TRUE;
}

/* -- bookkeeping for commands -- */

GStrv
slv_board_doc_resolve (SlvBoardDoc        *self,
                       const char * const *ids,
                       gboolean            skip_locked)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  if (ids == NULL)
    ids = slv_board_doc_get_selection (self);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      SlvBoardItem *item = outermost (self, g_hash_table_lookup (self->by_id, ids[i]));

      if (item == NULL || (skip_locked && slv_board_item_get_locked (item)))
        continue;
      if (g_hash_table_add (seen, item))
        g_ptr_array_add (out, g_strdup (slv_entity_get_id (SLV_ENTITY (item))));
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

GPtrArray *
slv_board_doc_children (SlvBoardDoc *self,
                        const char  *group_id)
{
  GPtrArray *out = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SlvBoardItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (slv_board_item_get_group_id (item), group_id) == 0)
        g_ptr_array_add (out, item);
    }
  return out;
}

static void
expand_into (SlvBoardDoc  *self,
             SlvBoardItem *item,
             GPtrArray    *out,
             GHashTable   *seen,
             guint         depth)
{
  g_autoptr(GPtrArray) kids = NULL;

  if (depth > 64 || !g_hash_table_add (seen, item))
    return;
  g_ptr_array_add (out, item);
  if (slv_board_item_get_kind (item) != SLV_BOARD_ITEM_GROUP)
    return;
  kids = slv_board_doc_children (self, slv_entity_get_id (SLV_ENTITY (item)));
  for (guint i = 0; i < kids->len; i++)
    expand_into (self, g_ptr_array_index (kids, i), out, seen, depth + 1);
}

GPtrArray *
slv_board_doc_expand (SlvBoardDoc        *self,
                      const char * const *ids)
{
  GPtrArray *out = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      SlvBoardItem *item = g_hash_table_lookup (self->by_id, ids[i]);

      if (item != NULL)
        expand_into (self, item, out, seen, 0);
    }
  return out;
}

GStrv
slv_board_doc_top_keys (SlvBoardDoc *self,
                        guint        count)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autoptr(SlvBoardItem) top = n ? g_list_model_get_item (G_LIST_MODEL (self->items), n - 1) : NULL;
  const char *top_z = top ? slv_board_item_get_z (top) : NULL;
  GStrv keys = slv_fract_index_n_between (top_z, NULL, count);

  if (keys == NULL)
    {
      /* The top key is in no format we know (another tool wrote it):
       * extend it, which still sorts above. */
      keys = g_new0 (char *, count + 1);
      for (guint i = 0; i < count; i++)
        keys[i] = g_strdup_printf ("%s~%06u", top_z, i);
    }
  return keys;
}

void
slv_board_doc_prepare_new (SlvBoardDoc       *self,
                           SlvBoardItemState *state)
{
  if (state->id == NULL)
    state->id = slv_uuid_v7_new ();
  g_free (state->board_id);
  state->board_id = g_strdup (self->board_id);
  if (state->z == NULL)
    {
      g_auto(GStrv) keys = slv_board_doc_top_keys (self, 1);

      state->z = g_strdup (keys[0]);
    }
}

/* The state @id will have once @cmd is applied. */
static const SlvBoardItemState *
effective (SlvBoardDoc     *self,
           SlvBoardCommand *cmd,
           const char      *id)
{
  const SlvItemChange *c = slv_board_command_lookup (cmd, id);
  SlvBoardItem *item;

  if (c != NULL)
    return c->after;
  item = g_hash_table_lookup (self->by_id, id);
  return item ? slv_board_item_get_state (item) : NULL;
}

static SlvBoardItemState *
model_state (SlvBoardDoc *self,
             const char  *id)
{
  SlvBoardItem *item = g_hash_table_lookup (self->by_id, id);

  return item ? slv_board_item_dup_state (item) : NULL;
}

static guint
depth_of (SlvBoardDoc     *self,
          SlvBoardCommand *cmd,
          const char      *id)
{
  const SlvBoardItemState *s = effective (self, cmd, id);
  guint depth = 0;

  while (s != NULL && s->group_id != NULL && depth < 64)
    {
      s = effective (self, cmd, s->group_id);
      depth++;
    }
  return depth;
}

typedef struct
{
  char  *id;
  guint  depth;
} GroupRef;

static int
cmp_deepest (gconstpointer a,
             gconstpointer b)
{
  const GroupRef *x = a, *y = b;

  return (int) y->depth - (int) x->depth;
}

static void
note_ancestors (SlvBoardDoc             *self,
                SlvBoardCommand         *cmd,
                const SlvBoardItemState *s,
                GHashTable              *groups)
{
  const char *gid = s ? s->group_id : NULL;
  guint guard = 0;

  while (gid != NULL && guard++ < 64 && !g_hash_table_contains (groups, gid))
    {
      const SlvBoardItemState *g = effective (self, cmd, gid);

      g_hash_table_add (groups, g_strdup (gid));
      gid = g ? g->group_id : NULL;
    }
}

/* The union of the bounds of @gid's members once @cmd applies. */
static gboolean
members_bounds (SlvBoardDoc     *self,
                SlvBoardCommand *cmd,
                const char      *gid,
                SlvRect         *out)
{
  g_autoptr(GPtrArray) kids = slv_board_doc_children (self, gid);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any = FALSE;
  GHashTableIter iter;
  gpointer id;

  /* Members now, and items the command puts in the group. */
  for (guint i = 0; i < kids->len; i++)
    g_hash_table_add (ids, (gpointer) slv_entity_get_id (g_ptr_array_index (kids, i)));
  for (guint i = 0; i < slv_board_command_get_n_changes (cmd); i++)
    {
      const SlvItemChange *c = slv_board_command_get_change (cmd, i);

      if (c->after != NULL && g_strcmp0 (c->after->group_id, gid) == 0)
        g_hash_table_add (ids, c->id);
    }
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      const SlvBoardItemState *s = effective (self, cmd, id);
      SlvItemGeom g;
      SlvRect b;

      if (s == NULL || g_strcmp0 (s->group_id, gid) != 0)
        continue;
      slv_board_item_state_get_geom (s, &g);
      slv_item_geom_get_bounds (&g, &b);
      if (any)
        slv_rect_union (out, &b, out);
      else
        *out = b;
      any = TRUE;
    }
  return any;
}

void
slv_board_doc_fit_groups (SlvBoardDoc     *self,
                          SlvBoardCommand *cmd)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (GroupRef));
  guint n = slv_board_command_get_n_changes (cmd);
  GHashTableIter iter;
  gpointer key;

  for (guint k = 0; k < n; k++)
    {
      const SlvItemChange *c = slv_board_command_get_change (cmd, k);

      note_ancestors (self, cmd, c->before, groups);
      note_ancestors (self, cmd, c->after, groups);
    }
  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (order, ((GroupRef) { key, depth_of (self, cmd, key) }));
  g_array_sort (order, cmp_deepest);

  for (guint i = 0; i < order->len; i++)
    {
      const char *gid = g_array_index (order, GroupRef, i).id;
      const SlvBoardItemState *cur = effective (self, cmd, gid);
      g_autoptr(SlvBoardItemState) before = model_state (self, gid);
      g_autoptr(SlvBoardItemState) fitted = NULL;
      SlvRect b;

      if (cur == NULL || g_strcmp0 (cur->kind, "group") != 0)
        continue;
      if (!members_bounds (self, cmd, gid, &b))
        {
          slv_board_command_record (cmd, before ? before : cur, NULL);
          continue;
        }
      fitted = slv_board_item_state_copy (cur);
      fitted->x = b.x, fitted->y = b.y, fitted->w = MAX (b.w, 1), fitted->h = MAX (b.h, 1);
      fitted->rotation = 0;
      if (!slv_board_item_state_equal (fitted, cur))
        slv_board_command_record (cmd, before ? before : cur, fitted);
    }
}
