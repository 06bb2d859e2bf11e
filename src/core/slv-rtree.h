/* slv-rtree.h: a spatial index of rectangles (R-tree).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Board items are indexed by the bounds of their turned outline, so drawing
 * asks only for what the viewport shows and a click looks at only what lies
 * under the pointer. Keys are opaque pointers (the board uses its item
 * objects); each key is in the tree at most once. Not thread-safe.
 */
#pragma once

#include "slv-geometry.h"

G_BEGIN_DECLS

typedef struct _SlvRTree SlvRTree;

typedef gboolean (*SlvRTreeFunc) (gpointer       key,
                                  const SlvRect *bounds,
                                  gpointer       user_data);

SlvRTree *slv_rtree_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void      slv_rtree_free         (SlvRTree       *tree);
void      slv_rtree_clear        (SlvRTree       *tree);
guint     slv_rtree_get_size     (SlvRTree       *tree);
/* Height of the tree: 1 for a single leaf (tests and statistics). */
guint     slv_rtree_get_height   (SlvRTree       *tree);

/* Adds @key, or moves it if it is already there. */
void      slv_rtree_insert       (SlvRTree       *tree,
                                  gpointer        key,
                                  const SlvRect  *bounds);
gboolean  slv_rtree_remove       (SlvRTree       *tree,
                                  gpointer        key);
gboolean  slv_rtree_lookup       (SlvRTree       *tree,
                                  gpointer        key,
                                  SlvRect        *bounds);
/* Replaces the whole content in one pass (sort-tile-recursive packing),
 * faster and tighter than inserting @n keys one by one. */
void      slv_rtree_load         (SlvRTree       *tree,
                                  gpointer       *keys,
                                  const SlvRect  *bounds,
                                  guint           n);

/* Calls @func for every key whose bounds meet @rect (edges included) until
 * it returns FALSE. */
void      slv_rtree_foreach_in_rect (SlvRTree     *tree,
                                     const SlvRect *rect,
                                     SlvRTreeFunc  func,
                                     gpointer      user_data);
/* Appends the keys whose bounds meet @rect, or contain the point, to @out. */
void      slv_rtree_query_rect   (SlvRTree       *tree,
                                  const SlvRect  *rect,
                                  GPtrArray      *out);
void      slv_rtree_query_point  (SlvRTree       *tree,
                                  double          x,
                                  double          y,
                                  GPtrArray      *out);
/* The bounds of everything; FALSE when empty. */
gboolean  slv_rtree_get_extents  (SlvRTree       *tree,
                                  SlvRect        *out);
/* Checks the tree's invariants (tests): every box covers its children,
 * every node but the root is at least minimally full, leaves at one depth. */
gboolean  slv_rtree_check        (SlvRTree       *tree);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvRTree, slv_rtree_free)

G_END_DECLS
