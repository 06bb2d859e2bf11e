/* slv-board-doc-arrange.c: align, distribute, pack, grid, by colour and
 * equal sizes, applied to top-level items (groups move as a whole).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-doc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-board-doc-private.h"
#include "core/slv-pack.h"

typedef struct
{
  GPtrArray *items;    /* top-level SlvBoardItem */
  SlvRect   *bounds;   /* their bounds now */
  SlvRect   *out;      /* where the bounds go */
  double    *scales;   /* NULL: move only */
} Layout;

static void
layout_clear (Layout *l)
{
  g_clear_pointer (&l->items, g_ptr_array_unref);
  g_clear_pointer (&l->bounds, g_free);
  g_clear_pointer (&l->out, g_free);
  g_clear_pointer (&l->scales, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Layout, layout_clear)

static void
layout_init (Layout    *l,
             GPtrArray *items)
{
  l->items = items;
  l->bounds = g_new (SlvRect, MAX (items->len, 1));
  l->out = g_new (SlvRect, MAX (items->len, 1));
  for (guint i = 0; i < items->len; i++)
    {
      slv_board_item_get_bounds (g_ptr_array_index (items, i), &l->bounds[i]);
      l->out[i] = l->bounds[i];
    }
}

static GPtrArray *
top_items (SlvBoardDoc        *self,
           const char * const *ids)
{
  g_auto(GStrv) top = slv_board_doc_resolve (self, ids, TRUE);
  GPtrArray *items = g_ptr_array_new ();

  for (guint i = 0; top[i] != NULL; i++)
    g_ptr_array_add (items, slv_board_doc_lookup (self, top[i]));
  return items;
}

/* One command moving (and scaling) each top-level item and its members
 * from bounds[i] to out[i]. */
static gboolean
commit_layout (SlvBoardDoc  *self,
               const char   *label,
               Layout       *l,
               GError      **error)
{
  SlvBoardCommand *cmd;

  if (self->gesture != NULL)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_BUSY,
                   _("Finish the current drag first."));
      return FALSE;
    }
  cmd = slv_board_command_new (label);
  for (guint i = 0; i < l->items->len; i++)
    {
      const char *one[] = { slv_entity_get_id (g_ptr_array_index (l->items, i)), NULL };
      g_autoptr(GPtrArray) members = slv_board_doc_expand (self, one);
      SlvPoint origin = { l->bounds[i].x, l->bounds[i].y };
      double s = l->scales ? l->scales[i] : 1;

      for (guint k = 0; k < members->len; k++)
        {
          g_autoptr(SlvBoardItemState) before = slv_board_item_dup_state (g_ptr_array_index (members, k));
          g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (before);
          SlvItemGeom g;

          slv_board_item_state_get_geom (before, &g);
          if (s != 1)
            slv_item_geom_scale_about (&g, origin, s, s, &g);
          g.x += l->out[i].x - l->bounds[i].x;
          g.y += l->out[i].y - l->bounds[i].y;
          slv_board_item_state_set_geom (after, &g);
          slv_board_command_record (cmd, before, after);
        }
    }
  return slv_board_doc_execute (self, cmd, NULL, error);
}

gboolean
slv_board_doc_align (SlvBoardDoc        *self,
                     const char * const *ids,
                     SlvAlign            align,
                     GError            **error)
{
  g_auto(Layout) l = { NULL };

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  layout_init (&l, top_items (self, ids));
  if (l.items->len < 2)
    return TRUE;
  slv_arrange_align (l.bounds, l.items->len, align, NULL, l.out);
  return commit_layout (self, _("Align"), &l, error);
}

gboolean
slv_board_doc_distribute (SlvBoardDoc        *self,
                          const char * const *ids,
                          SlvAxis             axis,
                          GError            **error)
{
  g_auto(Layout) l = { NULL };

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  layout_init (&l, top_items (self, ids));
  slv_arrange_distribute (l.bounds, l.items->len, axis, l.out);
  return commit_layout (self, _("Distribute"), &l, error);
}

/* Runs @place over the rects in @order, writing back into l->out. */
static void
place_in_order (Layout      *l,
                const guint *order,
                gboolean     pack,
                guint        columns,
                double       gap)
{
  guint n = l->items->len;
  g_autofree SlvRect *in = g_new (SlvRect, MAX (n, 1));
  g_autofree SlvRect *out = g_new (SlvRect, MAX (n, 1));
  SlvRect all;

  slv_arrange_bounds (l->bounds, n, &all);
  for (guint k = 0; k < n; k++)
    in[k] = l->bounds[order[k]];
  if (pack)
    slv_pack_rects (in, n, gap, all.x, all.y, out);
  else
    slv_arrange_grid (in, n, columns, gap, out);
  for (guint k = 0; k < n; k++)
    l->out[order[k]] = out[k];
}

gboolean
slv_board_doc_pack (SlvBoardDoc        *self,
                    const char * const *ids,
                    double              gap,
                    GError            **error)
{
  g_auto(Layout) l = { NULL };
  g_autofree guint *order = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  layout_init (&l, top_items (self, ids));
  if (l.items->len == 0)
    return TRUE;
  order = slv_arrange_reading_order (l.bounds, l.items->len);
  place_in_order (&l, order, TRUE, 0, isfinite (gap) ? MAX (gap, 0) : 0);
  return commit_layout (self, _("Pack"), &l, error);
}

gboolean
slv_board_doc_arrange_grid (SlvBoardDoc        *self,
                            const char * const *ids,
                            guint               columns,
                            double              gap,
                            GError            **error)
{
  g_auto(Layout) l = { NULL };
  g_autofree guint *order = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  layout_init (&l, top_items (self, ids));
  if (l.items->len == 0)
    return TRUE;
  order = slv_arrange_reading_order (l.bounds, l.items->len);
  place_in_order (&l, order, FALSE, columns, isfinite (gap) ? MAX (gap, 0) : 0);
  return commit_layout (self, _("Arrange as grid"), &l, error);
}

gboolean
slv_board_doc_arrange_by_colour (SlvBoardDoc        *self,
                                 const char * const *ids,
                                 const guint32      *colours,
                                 double              gap,
                                 GError            **error)
{
  g_auto(Layout) l = { NULL };
  g_autoptr(GArray) labs = g_array_new (FALSE, FALSE, sizeof (SlvLab));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree guint *order = NULL;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (ids != NULL && colours != NULL, FALSE);

  /* Each listed item keeps the colour given for it. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *one[] = { ids[i], NULL };
      g_auto(GStrv) top = slv_board_doc_resolve (self, one, TRUE);
      SlvBoardItem *item = top[0] ? slv_board_doc_lookup (self, top[0]) : NULL;
      SlvLab lab;

      if (item == NULL || !g_hash_table_add (seen, item))
        continue;
      g_ptr_array_add (items, item);
      slv_rgb_to_lab (colours[i], &lab);
      g_array_append_val (labs, lab);
    }
  layout_init (&l, g_steal_pointer (&items));
  if (l.items->len == 0)
    return TRUE;
  order = slv_arrange_colour_order ((SlvLab *) labs->data, labs->len);
  place_in_order (&l, order, FALSE, 0, isfinite (gap) ? MAX (gap, 0) : 0);
  return commit_layout (self, _("Arrange by colour"), &l, error);
}

gboolean
slv_board_doc_equal_size (SlvBoardDoc        *self,
                          const char * const *ids,
                          SlvEqualSize        mode,
                          GError            **error)
{
  g_auto(Layout) l = { NULL };

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  layout_init (&l, top_items (self, ids));
  if (l.items->len < 2)
    return TRUE;
  l.scales = g_new (double, l.items->len);
  slv_arrange_equal_size (l.bounds, l.items->len, mode, l.scales, l.out);
  return commit_layout (self, _("Make sizes equal"), &l, error);
}
