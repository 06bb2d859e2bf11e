/* slv-board-doc-gesture.c: drags that move, resize, rotate or fade items
 * live and end as one undoable step; the one-shot resize and rotate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-doc"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "slv-board-doc-private.h"

#define MIN_SIZE 4.0

static const char *
gesture_label (SlvGestureKind kind)
{
  switch (kind)
    {
    case SLV_GESTURE_MOVE:
      return _("Move");
    case SLV_GESTURE_RESIZE:
      return _("Resize");
    case SLV_GESTURE_ROTATE:
      return _("Rotate");
    case SLV_GESTURE_OPACITY:
      return _("Change opacity");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What snapping may line up with: drawable items outside the drag. */
static GArray *
snap_targets (SlvBoardDoc   *self,
              GPtrArray     *moving,
              const SlvRect *area)
{
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (SlvRect));
  g_autoptr(GPtrArray) near = g_ptr_array_new ();
  g_autoptr(GHashTable) skip = g_hash_table_new (NULL, NULL);
  SlvRect all;

  for (guint i = 0; i < moving->len; i++)
    g_hash_table_add (skip, g_ptr_array_index (moving, i));
  if (area == NULL)
    {
      if (!slv_board_doc_get_extents (self, &all))
        return targets;
      area = &all;
    }
  slv_board_doc_query_rect (self, area, near);
  for (guint i = 0; i < near->len; i++)
    {
      SlvRect b;

      if (g_hash_table_contains (skip, g_ptr_array_index (near, i)))
        continue;
      slv_board_item_get_bounds (g_ptr_array_index (near, i), &b);
      g_array_append_val (targets, b);
    }
  return targets;
}

static gboolean
begin (SlvBoardDoc        *self,
       SlvGestureKind      kind,
       const char * const *ids,
       const SlvRect      *snap_area,
       gboolean            snapping,
       GError            **error)
{
  g_auto(GStrv) top = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SlvBoardGesture *g;

  if (self->gesture != NULL)
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_BUSY,
                   _("Another drag is still under way."));
      return FALSE;
    }
  top = slv_board_doc_resolve (self, ids, TRUE);
  items = slv_board_doc_expand (self, (const char * const *) top);

  g = g_new0 (SlvBoardGesture, 1);
  g->kind = kind;
  g->cmd = slv_board_command_new (gesture_label (kind));
  g->start = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_board_item_state_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (g->start, slv_board_item_dup_state (g_ptr_array_index (items, i)));
  g->single = items->len == 1 &&
              slv_board_item_get_kind (g_ptr_array_index (items, 0)) != SLV_BOARD_ITEM_GROUP;
  if (!slv_board_doc_get_bounds (self, (const char * const *) top, &g->start_bounds))
    g->start_bounds = slv_rect_make (0, 0, 0, 0);
  g->targets = snapping ? snap_targets (self, items, snap_area)
                        : g_array_new (FALSE, FALSE, sizeof (SlvRect));
  g->ids = g_steal_pointer (&top);
  self->gesture = g;
  return TRUE;
}

gboolean
slv_board_doc_begin_gesture (SlvBoardDoc        *self,
                             SlvGestureKind      kind,
                             const char * const *ids,
                             const SlvRect      *snap_area,
                             GError            **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  g_return_val_if_fail (kind <= SLV_GESTURE_OPACITY, FALSE);
  return begin (self, kind, ids, snap_area, TRUE, error);
}

gboolean
slv_board_doc_in_gesture (SlvBoardDoc *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  return self->gesture != NULL;
}

/* Shows @after for start state @i and records it. */
static void
preview (SlvBoardDoc             *self,
         guint                    i,
         const SlvBoardItemState *after)
{
  const SlvBoardItemState *before = g_ptr_array_index (self->gesture->start, i);

  slv_board_command_record (self->gesture->cmd, before, after);
  slv_board_doc_apply_state (self, before->id, after);
}

typedef void (*GeomFunc) (SlvItemGeom *g,
                          gpointer     data);

static void
update_all (SlvBoardDoc *self,
            GeomFunc     func,
            gpointer     data)
{
  for (guint i = 0; i < self->gesture->start->len; i++)
    {
      g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (g_ptr_array_index (self->gesture->start, i));
      SlvItemGeom g;

      slv_board_item_state_get_geom (after, &g);
      func (&g, data);
      slv_board_item_state_set_geom (after, &g);
      preview (self, i, after);
    }
  slv_board_doc_emit_changed (self);
}

static gboolean
gesture_is (SlvBoardDoc    *self,
            SlvGestureKind  kind)
{
  g_return_val_if_fail (self->gesture != NULL, FALSE);
  g_return_val_if_fail (self->gesture->kind == kind, FALSE);
  return TRUE;
}

static void
offset_geom (SlvItemGeom *g,
             gpointer     data)
{
  const SlvPoint *d = data;

  g->x += d->x;
  g->y += d->y;
}

void
slv_board_doc_gesture_move (SlvBoardDoc *self,
                            double       dx,
                            double       dy,
                            double       tolerance,
                            GArray      *guides)
{
  SlvPoint d = { dx, dy };

  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  if (!gesture_is (self, SLV_GESTURE_MOVE) || !isfinite (dx) || !isfinite (dy))
    return;
  if (tolerance > 0)
    {
      SlvRect moved = self->gesture->start_bounds;
      SlvPoint corr;

      moved.x += dx;
      moved.y += dy;
      slv_snap_rect (&moved, SLV_SNAP_ALL, (SlvRect *) self->gesture->targets->data,
                     self->gesture->targets->len, tolerance, &corr, guides);
      d.x += corr.x;
      d.y += corr.y;
    }
  update_all (self, offset_geom, &d);
}

typedef struct
{
  SlvRect from, to;
} ScaleData;

static void
scale_geom (SlvItemGeom *g,
            gpointer     data)
{
  const ScaleData *s = data;
  double sx = s->from.w > 0 ? s->to.w / s->from.w : 1;
  double sy = s->from.h > 0 ? s->to.h / s->from.h : 1;

  slv_item_geom_scale_about (g, (SlvPoint) { s->from.x, s->from.y }, sx, sy, g);
  g->x += s->to.x - s->from.x;
  g->y += s->to.y - s->from.y;
}

typedef struct
{
  SlvHandle      handle;
  SlvPoint       pointer;
  SlvResizeFlags flags;
} ResizeData;

static void
resize_single (SlvItemGeom *g,
               gpointer     data)
{
  const ResizeData *r = data;

  slv_item_geom_resize (g, r->handle, r->pointer, r->flags, MIN_SIZE, g);
}

void
slv_board_doc_gesture_resize (SlvBoardDoc    *self,
                              SlvHandle       handle,
                              SlvPoint        pointer,
                              SlvResizeFlags  flags,
                              double          tolerance,
                              GArray         *guides)
{
  SlvBoardGesture *g;
  SlvSnapLines lines = slv_snap_lines_for_handle (handle);
  ScaleData s;

  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  if (!gesture_is (self, SLV_GESTURE_RESIZE) || !isfinite (pointer.x) || !isfinite (pointer.y))
    return;
  g = self->gesture;
  if (g->start->len == 0)
    return;

  if (g->single)
    {
      const SlvBoardItemState *st = g_ptr_array_index (g->start, 0);
      ResizeData r = { handle, pointer, flags };

      /* Snap an unturned item's moving edges, then resize to the snapped
       * pointer. */
      if (tolerance > 0 && slv_angle_normalize (st->rotation) == 0 && !(flags & SLV_RESIZE_FROM_CENTER))
        {
          SlvRect start = { st->x, st->y, st->w, st->h }, out;
          SlvPoint corr;

          slv_rect_resize (&start, handle, pointer, flags, MIN_SIZE, &out);
          if (slv_snap_rect (&out, lines, (SlvRect *) g->targets->data, g->targets->len,
                             tolerance, &corr, guides))
            r.pointer.x += corr.x, r.pointer.y += corr.y;
        }
      update_all (self, resize_single, &r);
      return;
    }

  s.from = g->start_bounds;
  slv_rect_resize (&s.from, handle, pointer, flags, MIN_SIZE, &s.to);
  if (tolerance > 0 && !(flags & (SLV_RESIZE_FROM_CENTER | SLV_RESIZE_ASPECT)))
    {
      SlvPoint corr;

      if (slv_snap_rect (&s.to, lines, (SlvRect *) g->targets->data, g->targets->len,
                         tolerance, &corr, guides))
        {
          pointer.x += corr.x, pointer.y += corr.y;
          slv_rect_resize (&s.from, handle, pointer, flags, MIN_SIZE, &s.to);
        }
    }
  update_all (self, scale_geom, &s);
}

typedef struct
{
  SlvPoint origin;
  double   degrees;
} RotateData;

static void
rotate_geom (SlvItemGeom *g,
             gpointer     data)
{
  const RotateData *r = data;

  slv_item_geom_rotate_about (g, r->origin, r->degrees, g);
}

void
slv_board_doc_gesture_rotate (SlvBoardDoc *self,
                              double       degrees,
                              double       step)
{
  SlvBoardGesture *g;
  RotateData r;

  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  if (!gesture_is (self, SLV_GESTURE_ROTATE) || !isfinite (degrees))
    return;
  g = self->gesture;
  if (g->start->len == 0)
    return;
  if (step > 0)
    {
      /* One item lands on whole steps of its own angle. */
      double base = g->single ? ((SlvBoardItemState *) g_ptr_array_index (g->start, 0))->rotation : 0;

      degrees = round ((base + degrees) / step) * step - base;
    }
  r.origin = slv_rect_center (&g->start_bounds);
  r.degrees = degrees;
  update_all (self, rotate_geom, &r);
}

void
slv_board_doc_gesture_opacity (SlvBoardDoc *self,
                               double       opacity)
{
  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  if (!gesture_is (self, SLV_GESTURE_OPACITY) || !isfinite (opacity))
    return;
  for (guint i = 0; i < self->gesture->start->len; i++)
    {
      g_autoptr(SlvBoardItemState) after = slv_board_item_state_copy (g_ptr_array_index (self->gesture->start, i));

      after->opacity = CLAMP (opacity, 0, 1);
      preview (self, i, after);
    }
  slv_board_doc_emit_changed (self);
}

/* Puts every recorded item back as it was when the gesture began. */
static void
revert (SlvBoardDoc     *self,
        SlvBoardCommand *cmd)
{
  for (guint i = slv_board_command_get_n_changes (cmd); i > 0; i--)
    {
      const SlvItemChange *c = slv_board_command_get_change (cmd, i - 1);

      slv_board_doc_apply_state (self, c->id, c->before);
    }
}

gboolean
slv_board_doc_end_gesture (SlvBoardDoc  *self,
                           GError      **error)
{
  SlvBoardGesture *g;
  SlvBoardCommand *cmd;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);
  if (self->gesture == NULL)
    return TRUE;
  g = g_steal_pointer (&self->gesture);
  cmd = g_steal_pointer (&g->cmd);
  slv_board_gesture_free (g);

  /* The execute below takes @cmd; keep a copy of what to undo if the
   * write fails. */
  {
    g_autoptr(SlvBoardCommand) undo = slv_board_command_new (NULL);

    for (guint i = 0; i < slv_board_command_get_n_changes (cmd); i++)
      {
        const SlvItemChange *c = slv_board_command_get_change (cmd, i);

        slv_board_command_record (undo, c->before, c->after);
      }
    ok = slv_board_doc_execute (self, cmd, NULL, error);
    if (!ok)
      {
        revert (self, undo);
        slv_board_doc_emit_changed (self);
      }
  }
  return ok;
}

void
slv_board_doc_cancel_gesture (SlvBoardDoc *self)
{
  SlvBoardGesture *g;

  g_return_if_fail (SLV_IS_BOARD_DOC (self));
  if (self->gesture == NULL)
    return;
  g = g_steal_pointer (&self->gesture);
  revert (self, g->cmd);
  slv_board_gesture_free (g);
  slv_board_doc_emit_changed (self);
}

/* -- one-shot versions -- */

gboolean
slv_board_doc_resize (SlvBoardDoc        *self,
                      const char * const *ids,
                      SlvHandle           handle,
                      SlvPoint            pointer,
                      SlvResizeFlags      flags,
                      GError            **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!begin (self, SLV_GESTURE_RESIZE, ids, NULL, FALSE, error))
    return FALSE;
  slv_board_doc_gesture_resize (self, handle, pointer, flags, 0, NULL);
  return slv_board_doc_end_gesture (self, error);
}

gboolean
slv_board_doc_rotate (SlvBoardDoc        *self,
                      const char * const *ids,
                      double              degrees,
                      GError            **error)
{
  g_return_val_if_fail (SLV_IS_BOARD_DOC (self), FALSE);

  if (!isfinite (degrees))
    {
      g_set_error (error, SLV_BOARD_DOC_ERROR, SLV_BOARD_DOC_ERROR_INVALID,
                   _("The angle is not a number."));
      return FALSE;
    }
  if (!begin (self, SLV_GESTURE_ROTATE, ids, NULL, FALSE, error))
    return FALSE;
  slv_board_doc_gesture_rotate (self, degrees, 0);
  return slv_board_doc_end_gesture (self, error);
}
