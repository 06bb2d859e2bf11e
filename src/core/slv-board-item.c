/* slv-board-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-item"

#include "config.h"

#include <math.h>
#include <string.h>

#include "slv-board-item.h"

struct _SlvBoardItem
{
  SlvEntity          parent_instance;
  SlvBoardItemState  st;   /* st.id stays NULL: the entity holds the id */
};

G_DEFINE_FINAL_TYPE (SlvBoardItem, slv_board_item, SLV_TYPE_ENTITY)

#define F(prop, type, member) { prop, type, G_STRUCT_OFFSET (SlvBoardItem, st.member) }

static const SlvFieldSpec fields[] = {
  F ("board-id", SLV_FIELD_STRING, board_id),
  F ("kind", SLV_FIELD_STRING, kind),
  F ("x", SLV_FIELD_DOUBLE, x),
  F ("y", SLV_FIELD_DOUBLE, y),
  F ("w", SLV_FIELD_DOUBLE, w),
  F ("h", SLV_FIELD_DOUBLE, h),
  F ("rotation", SLV_FIELD_DOUBLE, rotation),
  F ("z", SLV_FIELD_STRING, z),
  F ("opacity", SLV_FIELD_DOUBLE, opacity),
  F ("locked", SLV_FIELD_BOOLEAN, locked),
  F ("group-id", SLV_FIELD_STRING, group_id),
  F ("blob", SLV_FIELD_STRING, blob),
  F ("crop", SLV_FIELD_STRING, crop),
  F ("flip-h", SLV_FIELD_BOOLEAN, flip_h),
  F ("flip-v", SLV_FIELD_BOOLEAN, flip_v),
  F ("grayscale", SLV_FIELD_BOOLEAN, grayscale),
  F ("text", SLV_FIELD_STRING, text),
  F ("color", SLV_FIELD_STRING, color),
  F ("style-id", SLV_FIELD_STRING, style_id),
  F ("props", SLV_FIELD_STRING, props),
};

#undef F

/* "id" then the fields' columns. */
static const char * const column_names[] = {
  "id", "board_id", "kind", "x", "y", "w", "h", "rotation", "z", "opacity", "locked",
  "group_id", "blob", "crop", "flip_h", "flip_v", "grayscale", "text", "color",
  "style_id", "props",
};

G_STATIC_ASSERT (G_N_ELEMENTS (column_names) == G_N_ELEMENTS (fields) + 1);

static GParamSpec *field_pspecs[G_N_ELEMENTS (fields)];

static const char * const kind_names[] = {
  [SLV_BOARD_ITEM_IMAGE] = "image", [SLV_BOARD_ITEM_NOTE] = "note",
  [SLV_BOARD_ITEM_SWATCH] = "swatch", [SLV_BOARD_ITEM_STYLE] = "style",
  [SLV_BOARD_ITEM_SHAPE] = "shape", [SLV_BOARD_ITEM_GROUP] = "group",
};

/* Where column @index lives in a state. */
static gpointer
member (const SlvBoardItemState *s,
        guint                    index,
        SlvFieldType            *type)
{
  if (index == 0)
    {
      *type = SLV_FIELD_STRING;
      return (gpointer) &s->id;
    }
  *type = fields[index - 1].type;
  return (guint8 *) s + fields[index - 1].offset - G_STRUCT_OFFSET (SlvBoardItem, st);
}

const char * const *
slv_board_item_state_columns (guint *n_columns)
{
  if (n_columns != NULL)
    *n_columns = G_N_ELEMENTS (column_names);
  return column_names;
}

SlvFieldType
slv_board_item_state_column_type (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (column_names), SLV_FIELD_STRING);
  return index == 0 ? SLV_FIELD_STRING : fields[index - 1].type;
}

gpointer
slv_board_item_state_column_ptr (SlvBoardItemState *s,
                                 guint              index)
{
  SlvFieldType type;

  g_return_val_if_fail (s != NULL && index < G_N_ELEMENTS (column_names), NULL);
  return member (s, index, &type);
}

SlvBoardItemState *
slv_board_item_state_new (void)
{
  SlvBoardItemState *s = g_new0 (SlvBoardItemState, 1);

  s->w = s->h = 100;
  s->opacity = 1;
  return s;
}

void
slv_board_item_state_clear (SlvBoardItemState *s)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      SlvFieldType type;
      gpointer p = member (s, i, &type);

      if (type == SLV_FIELD_STRING)
        g_clear_pointer ((char **) p, g_free);
    }
}

void
slv_board_item_state_free (SlvBoardItemState *s)
{
  if (s == NULL)
    return;
  slv_board_item_state_clear (s);
  g_free (s);
}

SlvBoardItemState *
slv_board_item_state_copy (const SlvBoardItemState *s)
{
  SlvBoardItemState *c;

  g_return_val_if_fail (s != NULL, NULL);
  c = g_memdup2 (s, sizeof *s);
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      SlvFieldType type;
      char **p = member (c, i, &type);

      if (type == SLV_FIELD_STRING)
        *p = g_strdup (*p);
    }
  return c;
}

static gboolean
member_equal (gconstpointer a,
              gconstpointer b,
              SlvFieldType  type)
{
  switch (type)
    {
    case SLV_FIELD_STRING:
      return g_strcmp0 (*(char * const *) a, *(char * const *) b) == 0;
    case SLV_FIELD_DOUBLE:
      return *(const double *) a == *(const double *) b;
    case SLV_FIELD_BOOLEAN:
      return !*(const gboolean *) a == !*(const gboolean *) b;
    case SLV_FIELD_INT:
      return *(const gint64 *) a == *(const gint64 *) b;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
slv_board_item_state_equal (const SlvBoardItemState *a,
                            const SlvBoardItemState *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    {
      SlvFieldType type;
      gpointer pa = member (a, i, &type), pb = member (b, i, &type);

      if (!member_equal (pa, pb, type))
        return FALSE;
    }
  return TRUE;
}

char *
slv_board_item_state_dup_column (const SlvBoardItemState *s,
                                 guint                    index)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  SlvFieldType type;
  gpointer p;

  g_return_val_if_fail (index < G_N_ELEMENTS (column_names), NULL);
  p = member (s, index, &type);
  switch (type)
    {
    case SLV_FIELD_STRING:
      return g_strdup (*(char **) p);
    case SLV_FIELD_DOUBLE:
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, *(double *) p));
    case SLV_FIELD_BOOLEAN:
      return g_strdup (*(gboolean *) p ? "1" : "0");
    case SLV_FIELD_INT:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
slv_board_item_state_set_column (SlvBoardItemState *s,
                                 guint              index,
                                 const char        *value)
{
  SlvFieldType type;
  gpointer p;
  char *end = NULL;
  double d;

  g_return_val_if_fail (index < G_N_ELEMENTS (column_names), FALSE);
  p = member (s, index, &type);
  switch (type)
    {
    case SLV_FIELD_STRING:
      g_free (*(char **) p);
      *(char **) p = g_strdup (value);
      return TRUE;
    case SLV_FIELD_DOUBLE:
      if (value == NULL)
        return FALSE;
      d = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0' || !isfinite (d))
        return FALSE;
      *(double *) p = d;
      return TRUE;
    case SLV_FIELD_BOOLEAN:
      if (g_strcmp0 (value, "0") != 0 && g_strcmp0 (value, "1") != 0)
        return FALSE;
      *(gboolean *) p = value[0] == '1';
      return TRUE;
    case SLV_FIELD_INT:
    default:
      g_return_val_if_reached (FALSE);
    }
}

void
slv_board_item_state_get_geom (const SlvBoardItemState *s,
                               SlvItemGeom             *out)
{
  *out = (SlvItemGeom) { s->x, s->y, s->w, s->h, s->rotation, s->flip_h, s->flip_v };
}

void
slv_board_item_state_set_geom (SlvBoardItemState *s,
                               const SlvItemGeom *g)
{
  s->x = g->x;
  s->y = g->y;
  s->w = g->w;
  s->h = g->h;
  s->rotation = g->rotation;
  s->flip_h = g->flip_h;
  s->flip_v = g->flip_v;
}

const char *
slv_board_item_kind_to_string (SlvBoardItemKind kind)
{
  g_return_val_if_fail (kind <= SLV_BOARD_ITEM_GROUP, NULL);
  return kind_names[kind];
}

gboolean
slv_board_item_kind_from_string (const char       *text,
                                 SlvBoardItemKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

void
slv_board_item_parse_crop (const char *text,
                           SlvRect    *out)
{
  g_auto(GStrv) parts = NULL;
  double v[4];

  *out = slv_rect_make (0, 0, 1, 1);
  if (text == NULL)
    return;
  parts = g_strsplit (text, " ", -1);
  if (g_strv_length (parts) != 4)
    return;
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      v[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (v[i]))
        return;
    }
  if (v[0] < 0 || v[1] < 0 || v[2] <= 0 || v[3] <= 0 ||
      v[0] + v[2] > 1 + 1e-9 || v[1] + v[3] > 1 + 1e-9)
    return;
  *out = slv_rect_make (v[0], v[1], v[2], v[3]);
}

char *
slv_board_item_format_crop (const SlvRect *crop)
{
  char b[4][G_ASCII_DTOSTR_BUF_SIZE];

  if (crop == NULL || slv_rect_equal (crop, &(SlvRect) { 0, 0, 1, 1 }, 1e-12))
    return NULL;
  return g_strjoin (" ", g_ascii_dtostr (b[0], sizeof b[0], crop->x),
                    g_ascii_dtostr (b[1], sizeof b[1], crop->y),
                    g_ascii_dtostr (b[2], sizeof b[2], crop->w),
                    g_ascii_dtostr (b[3], sizeof b[3], crop->h), NULL);
}

static void
slv_board_item_class_init (SlvBoardItemClass *klass)
{
  slv_entity_class_install_fields (SLV_ENTITY_CLASS (klass), "board_item", fields, G_N_ELEMENTS (fields));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    field_pspecs[i] = g_object_class_find_property (G_OBJECT_CLASS (klass), fields[i].name);
}

static void
slv_board_item_init (SlvBoardItem *self)
{
  self->st.w = self->st.h = 100;
  self->st.opacity = 1;
}

SlvBoardItem *
slv_board_item_new_from_state (const SlvBoardItemState *state)
{
  SlvBoardItem *self;

  g_return_val_if_fail (state != NULL && state->id != NULL, NULL);
  self = g_object_new (SLV_TYPE_BOARD_ITEM, "id", state->id, NULL);
  slv_board_item_apply_state (self, state);
  return self;
}

const SlvBoardItemState *
slv_board_item_get_state (SlvBoardItem *self)
{
  g_return_val_if_fail (SLV_IS_BOARD_ITEM (self), NULL);
  return &self->st;
}

SlvBoardItemState *
slv_board_item_dup_state (SlvBoardItem *self)
{
  SlvBoardItemState *s;

  g_return_val_if_fail (SLV_IS_BOARD_ITEM (self), NULL);
  s = slv_board_item_state_copy (&self->st);
  g_free (s->id);
  s->id = g_strdup (slv_entity_get_id (SLV_ENTITY (self)));
  return s;
}

gboolean
slv_board_item_apply_state (SlvBoardItem            *self,
                            const SlvBoardItemState *state)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (SLV_IS_BOARD_ITEM (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < G_N_ELEMENTS (column_names); i++)
    {
      SlvFieldType type;
      gpointer dst = member (&self->st, i, &type);
      gpointer src = member (state, i, &type);

      if (member_equal (dst, src, type))
        continue;
      switch (type)
        {
        case SLV_FIELD_STRING:
          g_free (*(char **) dst);
          *(char **) dst = g_strdup (*(char **) src);
          break;
        case SLV_FIELD_DOUBLE:
          *(double *) dst = *(double *) src;
          break;
        case SLV_FIELD_BOOLEAN:
          *(gboolean *) dst = !!*(gboolean *) src;
          break;
        case SLV_FIELD_INT:
        default:
          g_assert_not_reached ();
        }
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), field_pspecs[i - 1]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

SlvBoardItemKind
slv_board_item_get_kind (SlvBoardItem *self)
{
  SlvBoardItemKind kind = SLV_BOARD_ITEM_SHAPE;

  g_return_val_if_fail (SLV_IS_BOARD_ITEM (self), kind);
  slv_board_item_kind_from_string (self->st.kind, &kind);
  return kind;
}

void
slv_board_item_get_geom (SlvBoardItem *self,
                         SlvItemGeom  *out)
{
  g_return_if_fail (SLV_IS_BOARD_ITEM (self));
  slv_board_item_state_get_geom (&self->st, out);
}

void
slv_board_item_get_bounds (SlvBoardItem *self,
                           SlvRect      *out)
{
  SlvItemGeom g;

  slv_board_item_get_geom (self, &g);
  slv_item_geom_get_bounds (&g, out);
}

void
slv_board_item_get_crop (SlvBoardItem *self,
                         SlvRect      *out)
{
  g_return_if_fail (SLV_IS_BOARD_ITEM (self));
  slv_board_item_parse_crop (self->st.crop, out);
}

#define GETTER(type, name, fallback) \
  type slv_board_item_get_##name (SlvBoardItem *self) \
  { \
    g_return_val_if_fail (SLV_IS_BOARD_ITEM (self), fallback); \
    return self->st.name; \
  }

GETTER (const char *, z, NULL)
GETTER (const char *, group_id, NULL)
GETTER (const char *, blob, NULL)
GETTER (const char *, text, NULL)
GETTER (const char *, color, NULL)
GETTER (const char *, style_id, NULL)
GETTER (const char *, props, NULL)
GETTER (double, opacity, 1)
GETTER (gboolean, locked, FALSE)
GETTER (gboolean, grayscale, FALSE)

#undef GETTER
