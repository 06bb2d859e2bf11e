/* slv-rtree.c: Guttman's R-tree with the quadratic split, plus
 * sort-tile-recursive bulk loading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-rtree"

#include "config.h"

#include <math.h>

#include "slv-rtree.h"

#define MAX_ENTRIES 16
#define MIN_ENTRIES 6

typedef struct _Node Node;

struct _Node
{
  Node     *parent;
  guint     level;                       /* 0 for a leaf */
  guint     count;
  SlvRect   box[MAX_ENTRIES + 1];        /* one spare slot before a split */
  gpointer  child[MAX_ENTRIES + 1];      /* Node * inside, keys in leaves */
};

struct _SlvRTree
{
  Node       *root;
  GHashTable *leaf_of;                   /* key → the leaf Node holding it */
};

typedef struct
{
  gpointer key;
  SlvRect  box;
} Entry;

static Node *
node_new (guint level)
{
  Node *n = g_new0 (Node, 1);

  n->level = level;
  return n;
}

static void
node_free_all (Node *n)
{
  if (n == NULL)
    return;
  if (n->level > 0)
    for (guint i = 0; i < n->count; i++)
      node_free_all (n->child[i]);
  g_free (n);
}

static void
node_bounds (const Node *n,
             SlvRect    *out)
{
  *out = n->count ? n->box[0] : slv_rect_make (0, 0, 0, 0);
  for (guint i = 1; i < n->count; i++)
    slv_rect_union (out, &n->box[i], out);
}

static guint
index_in_parent (const Node *n)
{
  for (guint i = 0; i < n->parent->count; i++)
    if (n->parent->child[i] == n)
      return i;
  g_assert_not_reached ();
  return 0;
}

/* Sets the entry for @n in its parent, and so on up to the root. */
static void
fix_upward (Node *n)
{
  while (n->parent != NULL)
    {
      node_bounds (n, &n->parent->box[index_in_parent (n)]);
      n = n->parent;
    }
}

static void
set_entry (SlvRTree       *tree,
           Node           *n,
           guint           i,
           gpointer        child,
           const SlvRect  *box)
{
  n->child[i] = child;
  n->box[i] = *box;
  if (n->level > 0)
    ((Node *) child)->parent = n;
  else
    g_hash_table_insert (tree->leaf_of, child, n);
}

static double
enlargement (const SlvRect *box,
             const SlvRect *add)
{
  SlvRect u;

  slv_rect_union (box, add, &u);
  return slv_rect_area (&u) - slv_rect_area (box);
}

static Node *
choose_node (SlvRTree      *tree,
             const SlvRect *box,
             guint          level)
{
  Node *n = tree->root;

  while (n->level > level)
    {
      guint best = 0;
      double best_grow = G_MAXDOUBLE, best_area = G_MAXDOUBLE;

      for (guint i = 0; i < n->count; i++)
        {
          double grow = enlargement (&n->box[i], box);
          double area = slv_rect_area (&n->box[i]);

          if (grow < best_grow || (grow == best_grow && area < best_area))
            {
              best = i;
              best_grow = grow;
              best_area = area;
            }
        }
      n = n->child[best];
    }
  return n;
}

static void
pick_seeds (const Entry *e,
            guint        n,
            guint       *a,
            guint       *b)
{
  double worst = -G_MAXDOUBLE;

  *a = 0, *b = 1;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        SlvRect u;
        double waste;

        slv_rect_union (&e[i].box, &e[j].box, &u);
        waste = slv_rect_area (&u) - slv_rect_area (&e[i].box) - slv_rect_area (&e[j].box);
        if (waste > worst)
          {
            worst = waste;
            *a = i, *b = j;
          }
      }
}

/* Which group the next entry joins: the one it enlarges less, then the
 * smaller, then the emptier. */
static gboolean
prefers_first (const SlvRect *a,
               guint          na,
               const SlvRect *b,
               guint          nb,
               const SlvRect *box)
{
  double ga = enlargement (a, box), gb = enlargement (b, box);

  if (ga != gb)
    return ga < gb;
  if (slv_rect_area (a) != slv_rect_area (b))
    return slv_rect_area (a) < slv_rect_area (b);
  return na <= nb;
}

/* Splits the overfull @n into @n and a new sibling (quadratic split). */
static Node *
split (SlvRTree *tree,
       Node     *n)
{
  Entry e[MAX_ENTRIES + 1];
  gboolean used[MAX_ENTRIES + 1] = { FALSE };
  guint total = n->count, left = total - 2;
  Node *sib = node_new (n->level);
  SlvRect ba, bb;
  guint sa, sb;

  for (guint i = 0; i < total; i++)
    e[i] = (Entry) { n->child[i], n->box[i] };
  pick_seeds (e, total, &sa, &sb);
  n->count = 0;
  set_entry (tree, n, n->count++, e[sa].key, &e[sa].box);
  set_entry (tree, sib, sib->count++, e[sb].key, &e[sb].box);
  used[sa] = used[sb] = TRUE;
  ba = e[sa].box, bb = e[sb].box;

  for (; left > 0; left--)
    {
      guint pick = 0;
      double best = -1;
      gboolean to_a;

      /* The entry whose choice matters most goes next. */
      for (guint i = 0; i < total; i++)
        if (!used[i] && fabs (enlargement (&ba, &e[i].box) - enlargement (&bb, &e[i].box)) > best)
          {
            best = fabs (enlargement (&ba, &e[i].box) - enlargement (&bb, &e[i].box));
            pick = i;
          }
      if (n->count + left == MIN_ENTRIES)
        to_a = TRUE;
      else if (sib->count + left == MIN_ENTRIES)
        to_a = FALSE;
      else
        to_a = prefers_first (&ba, n->count, &bb, sib->count, &e[pick].box);
      used[pick] = TRUE;
      if (to_a)
        {
          set_entry (tree, n, n->count++, e[pick].key, &e[pick].box);
          slv_rect_union (&ba, &e[pick].box, &ba);
        }
      else
        {
          set_entry (tree, sib, sib->count++, e[pick].key, &e[pick].box);
          slv_rect_union (&bb, &e[pick].box, &bb);
        }
    }
  return sib;
}

static void
handle_overflow (SlvRTree *tree,
                 Node     *n)
{
  while (n->count > MAX_ENTRIES)
    {
      Node *sib = split (tree, n);
      SlvRect box;

      if (n->parent == NULL)
        {
          Node *root = node_new (n->level + 1);

          node_bounds (n, &box);
          set_entry (tree, root, root->count++, n, &box);
          tree->root = root;
        }
      node_bounds (n, &n->parent->box[index_in_parent (n)]);
      node_bounds (sib, &box);
      set_entry (tree, n->parent, n->parent->count++, sib, &box);
      n = n->parent;
    }
  fix_upward (n);
}

static void
insert_at_level (SlvRTree      *tree,
                 gpointer       child,
                 const SlvRect *box,
                 guint          level)
{
  Node *n = choose_node (tree, box, level);

  set_entry (tree, n, n->count++, child, box);
  handle_overflow (tree, n);
}

SlvRTree *
slv_rtree_new (void)
{
  SlvRTree *tree = g_new0 (SlvRTree, 1);

  tree->root = node_new (0);
  tree->leaf_of = g_hash_table_new (NULL, NULL);
  return tree;
}

void
slv_rtree_free (SlvRTree *tree)
{
  if (tree == NULL)
    return;
  node_free_all (tree->root);
  g_hash_table_unref (tree->leaf_of);
  g_free (tree);
}

void
slv_rtree_clear (SlvRTree *tree)
{
  g_return_if_fail (tree != NULL);
  node_free_all (tree->root);
  tree->root = node_new (0);
  g_hash_table_remove_all (tree->leaf_of);
}

guint
slv_rtree_get_size (SlvRTree *tree)
{
  g_return_val_if_fail (tree != NULL, 0);
  return g_hash_table_size (tree->leaf_of);
}

guint
slv_rtree_get_height (SlvRTree *tree)
{
  g_return_val_if_fail (tree != NULL, 0);
  return tree->root->level + 1;
}

static guint
index_of_key (const Node *leaf,
              gpointer    key)
{
  for (guint i = 0; i < leaf->count; i++)
    if (leaf->child[i] == key)
      return i;
  g_assert_not_reached ();
  return 0;
}

gboolean
slv_rtree_lookup (SlvRTree *tree,
                  gpointer  key,
                  SlvRect  *bounds)
{
  Node *leaf;

  g_return_val_if_fail (tree != NULL, FALSE);
  leaf = g_hash_table_lookup (tree->leaf_of, key);
  if (leaf == NULL)
    return FALSE;
  if (bounds != NULL)
    *bounds = leaf->box[index_of_key (leaf, key)];
  return TRUE;
}

static void
collect_entries (Node   *n,
                 GArray *out)
{
  for (guint i = 0; i < n->count; i++)
    {
      if (n->level == 0)
        {
          Entry e = { n->child[i], n->box[i] };

          g_array_append_val (out, e);
        }
      else
        collect_entries (n->child[i], out);
    }
}

static void
remove_entry (Node  *n,
              guint  i)
{
  n->count--;
  n->child[i] = n->child[n->count];
  n->box[i] = n->box[n->count];
  if (n->level > 0 && i < n->count)
    ((Node *) n->child[i])->parent = n;
}

/* Removes underfull nodes on the way up and puts their keys back. */
static void
condense (SlvRTree *tree,
          Node     *n)
{
  g_autoptr(GArray) orphans = g_array_new (FALSE, FALSE, sizeof (Entry));

  while (n->parent != NULL)
    {
      Node *parent = n->parent;

      if (n->count < MIN_ENTRIES)
        {
          remove_entry (parent, index_in_parent (n));
          collect_entries (n, orphans);
          for (guint i = 0; i < orphans->len; i++)
            g_hash_table_remove (tree->leaf_of, g_array_index (orphans, Entry, i).key);
          node_free_all (n);
        }
      else
        node_bounds (n, &parent->box[index_in_parent (n)]);
      n = parent;
    }
  while (tree->root->level > 0 && tree->root->count == 1)
    {
      Node *old = tree->root;

      tree->root = old->child[0];
      tree->root->parent = NULL;
      g_free (old);
    }
  if (tree->root->count == 0 && tree->root->level > 0)
    {
      g_free (tree->root);
      tree->root = node_new (0);
    }
  for (guint i = 0; i < orphans->len; i++)
    {
      Entry *e = &g_array_index (orphans, Entry, i);

      insert_at_level (tree, e->key, &e->box, 0);
    }
}

gboolean
slv_rtree_remove (SlvRTree *tree,
                  gpointer  key)
{
  Node *leaf;

  g_return_val_if_fail (tree != NULL, FALSE);
  leaf = g_hash_table_lookup (tree->leaf_of, key);
  if (leaf == NULL)
    return FALSE;
  remove_entry (leaf, index_of_key (leaf, key));
  g_hash_table_remove (tree->leaf_of, key);
  condense (tree, leaf);
  return TRUE;
}

void
slv_rtree_insert (SlvRTree      *tree,
                  gpointer       key,
                  const SlvRect *bounds)
{
  Node *leaf;

  g_return_if_fail (tree != NULL);
  g_return_if_fail (bounds != NULL);

  leaf = g_hash_table_lookup (tree->leaf_of, key);
  if (leaf != NULL)
    {
      /* A small move inside the leaf's box changes only the entry. */
      if (leaf->parent == NULL ||
          slv_rect_contains_rect (&leaf->parent->box[index_in_parent (leaf)], bounds))
        {
          leaf->box[index_of_key (leaf, key)] = *bounds;
          return;
        }
      slv_rtree_remove (tree, key);
    }
  insert_at_level (tree, key, bounds, 0);
}

static int
cmp_center_x (gconstpointer a,
              gconstpointer b)
{
  const Entry *ea = a, *eb = b;
  double ca = ea->box.x + ea->box.w / 2, cb = eb->box.x + eb->box.w / 2;

  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

static int
cmp_center_y (gconstpointer a,
              gconstpointer b)
{
  const Entry *ea = a, *eb = b;
  double ca = ea->box.y + ea->box.h / 2, cb = eb->box.y + eb->box.h / 2;

  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/* Packs @n entries into nodes of @level, evenly filled, tiled by x then y;
 * returns the entries of the level above. */
static GArray *
pack_level (SlvRTree *tree,
            GArray   *entries,
            guint     level)
{
  GArray *up = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint n = entries->len;
  guint nodes = (n + MAX_ENTRIES - 1) / MAX_ENTRIES;
  guint slices = (guint) ceil (sqrt (nodes));
  Entry *e = (Entry *) entries->data;

  qsort (e, n, sizeof (Entry), cmp_center_x);
  for (guint s = 0, start = 0; s < slices; s++)
    {
      guint end = (guint) ((guint64) n * (s + 1) / slices);
      guint sn = end - start;
      guint k = (sn + MAX_ENTRIES - 1) / MAX_ENTRIES;

      qsort (e + start, sn, sizeof (Entry), cmp_center_y);
      for (guint j = 0, from = start; j < k; j++)
        {
          guint to = start + (guint) ((guint64) sn * (j + 1) / k);
          Node *node = node_new (level);
          Entry parent;

          for (guint i = from; i < to; i++)
            set_entry (tree, node, node->count++, e[i].key, &e[i].box);
          parent.key = node;
          node_bounds (node, &parent.box);
          g_array_append_val (up, parent);
          from = to;
        }
      start = end;
    }
  return up;
}

void
slv_rtree_load (SlvRTree      *tree,
                gpointer      *keys,
                const SlvRect *bounds,
                guint          n)
{
  g_autoptr(GArray) level_entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry), n);
  guint level = 0;

  g_return_if_fail (tree != NULL);
  slv_rtree_clear (tree);
  if (n <= MAX_ENTRIES)
    {
      for (guint i = 0; i < n; i++)
        slv_rtree_insert (tree, keys[i], &bounds[i]);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      Entry e = { keys[i], bounds[i] };

      g_array_append_val (level_entries, e);
    }
  g_free (tree->root);
  while (level_entries->len > 1)
    {
      GArray *up = pack_level (tree, level_entries, level++);

      g_array_unref (level_entries);
      level_entries = up;
    }
  tree->root = g_array_index (level_entries, Entry, 0).key;
  tree->root->parent = NULL;
}

static gboolean
visit (Node          *n,
       const SlvRect *rect,
       SlvRTreeFunc   func,
       gpointer       user_data)
{
  for (guint i = 0; i < n->count; i++)
    {
      if (!slv_rect_intersects (&n->box[i], rect))
        continue;
      if (n->level == 0)
        {
          if (!func (n->child[i], &n->box[i], user_data))
            return FALSE;
        }
      else if (!visit (n->child[i], rect, func, user_data))
        return FALSE;
    }
  return TRUE;
}

void
slv_rtree_foreach_in_rect (SlvRTree      *tree,
                           const SlvRect *rect,
                           SlvRTreeFunc   func,
                           gpointer       user_data)
{
  g_return_if_fail (tree != NULL);
  g_return_if_fail (rect != NULL && func != NULL);
  visit (tree->root, rect, func, user_data);
}

static gboolean
append_key (gpointer       key,
            const SlvRect *bounds,
            gpointer       user_data)
{
  g_ptr_array_add (user_data, key);
  return TRUE;
}

void
slv_rtree_query_rect (SlvRTree      *tree,
                      const SlvRect *rect,
                      GPtrArray     *out)
{
  slv_rtree_foreach_in_rect (tree, rect, append_key, out);
}

void
slv_rtree_query_point (SlvRTree  *tree,
                       double     x,
                       double     y,
                       GPtrArray *out)
{
  SlvRect r = { x, y, 0, 0 };

  slv_rtree_foreach_in_rect (tree, &r, append_key, out);
}

gboolean
slv_rtree_get_extents (SlvRTree *tree,
                       SlvRect  *out)
{
  g_return_val_if_fail (tree != NULL, FALSE);
  if (g_hash_table_size (tree->leaf_of) == 0)
    return FALSE;
  node_bounds (tree->root, out);
  return TRUE;
}

/* Containment up to rounding: boxes store x, w, so x + w may differ from
 * the edge it was made from in the last bit. */
static gboolean
covers (const SlvRect *outer,
        const SlvRect *inner)
{
  SlvRect grown = *outer;
  double eps = 1e-9 * (1 + fabs (outer->x) + fabs (outer->y) + outer->w + outer->h);

  slv_rect_inflate (&grown, eps, eps);
  return slv_rect_contains_rect (&grown, inner);
}

static gboolean
check_node (SlvRTree *tree,
            Node     *n,
            guint    *keys)
{
  if (n != tree->root && (n->count < MIN_ENTRIES || n->count > MAX_ENTRIES))
    return FALSE;
  for (guint i = 0; i < n->count; i++)
    {
      if (n->level == 0)
        {
          if (g_hash_table_lookup (tree->leaf_of, n->child[i]) != n)
            return FALSE;
          (*keys)++;
          continue;
        }
      {
        Node *c = n->child[i];
        SlvRect cb;

        node_bounds (c, &cb);
        if (c->parent != n || c->level + 1 != n->level ||
            !covers (&n->box[i], &cb) || !check_node (tree, c, keys))
          return FALSE;
      }
    }
  return TRUE;
}

gboolean
slv_rtree_check (SlvRTree *tree)
{
  guint keys = 0;

  g_return_val_if_fail (tree != NULL, FALSE);
  return tree->root->parent == NULL && check_node (tree, tree->root, &keys) &&
         keys == g_hash_table_size (tree->leaf_of);
}
