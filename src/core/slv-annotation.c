/* slv-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-annotation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "slv-annotation.h"
#include "slv-review-error.h"

#define GEOMETRY_VERSION 1
/* Attached points may lie a little off the item (an arrow's tail); farther
 * than this is garbage. */
#define ITEM_MIN (-4.0)
#define ITEM_MAX 5.0
#define BOARD_LIMIT 1e7
#define ELLIPSE_SEGMENTS 64

static const GEnumValue kind_values[] = {
  { SLV_ANNOTATION_PIN, "SLV_ANNOTATION_PIN", "pin" },
  { SLV_ANNOTATION_INK, "SLV_ANNOTATION_INK", "ink" },
  { SLV_ANNOTATION_ARROW, "SLV_ANNOTATION_ARROW", "arrow" },
  { SLV_ANNOTATION_RECT, "SLV_ANNOTATION_RECT", "rect" },
  { SLV_ANNOTATION_ELLIPSE, "SLV_ANNOTATION_ELLIPSE", "ellipse" },
  { SLV_ANNOTATION_HIGHLIGHT, "SLV_ANNOTATION_HIGHLIGHT", "highlight" },
  { 0, NULL, NULL }
};

static const SlvAnnotationColour palette[] = {
  { "red", 0xe01b24 },
  { "orange", 0xff7800 },
  { "yellow", 0xf6d32d },
  { "green", 0x2ec27e },
  { "blue", 0x3584e4 },
  { "purple", 0x9141ac },
  { "black", 0x241f31 },
};

G_DEFINE_BOXED_TYPE (SlvAnnotationGeometry, slv_annotation_geometry,
                     slv_annotation_geometry_copy, slv_annotation_geometry_free)

GType
slv_annotation_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("SlvAnnotationKind", kind_values));
  return type;
}

static gboolean
is_kind (int kind)
{
  return kind >= 0 && kind < SLV_ANNOTATION_N_KINDS;
}

const char *
slv_annotation_kind_to_string (SlvAnnotationKind kind)
{
  g_return_val_if_fail (is_kind (kind), NULL);
  return kind_values[kind].value_nick;
}

gboolean
slv_annotation_kind_from_string (const char        *text,
                                 SlvAnnotationKind *out)
{
  for (guint i = 0; text != NULL && i < SLV_ANNOTATION_N_KINDS; i++)
    if (g_str_equal (text, kind_values[i].value_nick))
      {
        if (out != NULL)
          *out = kind_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
slv_annotation_kind_get_label (SlvAnnotationKind kind)
{
  switch (kind)
    {
    case SLV_ANNOTATION_PIN:
      return C_("annotation", "Pin");
    case SLV_ANNOTATION_INK:
      return C_("annotation", "Ink");
    case SLV_ANNOTATION_ARROW:
      return C_("annotation", "Arrow");
    case SLV_ANNOTATION_RECT:
      return C_("annotation", "Rectangle");
    case SLV_ANNOTATION_ELLIPSE:
      return C_("annotation", "Ellipse");
    case SLV_ANNOTATION_HIGHLIGHT:
      return C_("annotation", "Highlight");
    default:
      g_return_val_if_reached (NULL);
    }
}

const SlvAnnotationColour *
slv_annotation_palette (guint *n_colours)
{
  if (n_colours != NULL)
    *n_colours = G_N_ELEMENTS (palette);
  return palette;
}

gboolean
slv_annotation_colour_lookup (const char *name,
                              guint32    *rgb)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (palette); i++)
    if (g_str_equal (name, palette[i].name))
      {
        if (rgb != NULL)
          *rgb = palette[i].rgb;
        return TRUE;
      }
  return FALSE;
}

const char *
slv_annotation_colour_get_label (const char *name)
{
  static const struct { const char *name, *label; } labels[] = {
    { "red", N_("Red") }, { "orange", N_("Orange") }, { "yellow", N_("Yellow") },
    { "green", N_("Green") }, { "blue", N_("Blue") }, { "purple", N_("Purple") },
    { "black", N_("Black") },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (name, labels[i].name))
      return _(labels[i].label);
  return name;
}

const char *
slv_annotation_kind_default_colour (SlvAnnotationKind kind)
{
  return kind == SLV_ANNOTATION_HIGHLIGHT ? "yellow" : SLV_ANNOTATION_DEFAULT_COLOUR;
}

/* -- geometry -- */

SlvAnnotationGeometry *
slv_annotation_geometry_new (SlvAnnotationKind kind,
                             gboolean          in_item)
{
  SlvAnnotationGeometry *g;

  g_return_val_if_fail (is_kind (kind), NULL);

  g = g_new0 (SlvAnnotationGeometry, 1);
  g->kind = kind;
  g->in_item = in_item;
  g->width = SLV_ANNOTATION_DEFAULT_WIDTH;
  g->points = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));
  return g;
}

SlvAnnotationGeometry *
slv_annotation_geometry_copy (const SlvAnnotationGeometry *g)
{
  SlvAnnotationGeometry *copy;

  g_return_val_if_fail (g != NULL, NULL);

  copy = slv_annotation_geometry_new (g->kind, g->in_item);
  copy->width = g->width;
  g_array_append_vals (copy->points, g->points->data, g->points->len);
  return copy;
}

void
slv_annotation_geometry_free (SlvAnnotationGeometry *g)
{
  if (g == NULL)
    return;
  g_array_unref (g->points);
  g_free (g);
}

void
slv_annotation_geometry_add_point (SlvAnnotationGeometry *g,
                                   double                 x,
                                   double                 y,
                                   double                 pressure)
{
  SlvInkPoint p = { x, y, pressure };

  g_return_if_fail (g != NULL);
  g_array_append_val (g->points, p);
}

const SlvInkPoint *
slv_annotation_geometry_get_point (const SlvAnnotationGeometry *g,
                                   guint                        index)
{
  g_return_val_if_fail (g != NULL && index < g->points->len, NULL);
  return &g_array_index (g->points, SlvInkPoint, index);
}

guint
slv_annotation_geometry_get_n_points (const SlvAnnotationGeometry *g)
{
  g_return_val_if_fail (g != NULL, 0);
  return g->points->len;
}

static gboolean
check_count (const SlvAnnotationGeometry  *g,
             GError                      **error)
{
  guint n = g->points->len;
  guint want = g->kind == SLV_ANNOTATION_PIN ? 1 : 2;

  if (g->kind == SLV_ANNOTATION_INK)
    {
      if (n >= 1 && n <= SLV_INK_MAX_POINTS)
        return TRUE;
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("An ink stroke needs between 1 and %d points; this one has %u."),
                   SLV_INK_MAX_POINTS, n);
      return FALSE;
    }
  if (n == want)
    return TRUE;
  g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
               /* TRANSLATORS: %s is a kind of annotation (Pin, Arrow…) */
               _("%s annotations have %u point(s); this one has %u."),
               slv_annotation_kind_get_label (g->kind), want, n);
  return FALSE;
}

gboolean
slv_annotation_geometry_validate (const SlvAnnotationGeometry  *g,
                                  GError                      **error)
{
  double lo = g->in_item ? ITEM_MIN : -BOARD_LIMIT;
  double hi = g->in_item ? ITEM_MAX : BOARD_LIMIT;

  g_return_val_if_fail (g != NULL, FALSE);

  if (!is_kind (g->kind) || !check_count (g, error))
    return FALSE;
  if (!isfinite (g->width) || g->width < 0 || g->width > SLV_ANNOTATION_MAX_WIDTH)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The stroke width must be between 0 and %g."), SLV_ANNOTATION_MAX_WIDTH);
      return FALSE;
    }
  for (guint i = 0; i < g->points->len; i++)
    {
      const SlvInkPoint *p = &g_array_index (g->points, SlvInkPoint, i);

      if (!isfinite (p->x) || !isfinite (p->y) || p->x < lo || p->x > hi || p->y < lo || p->y > hi ||
          !isfinite (p->pressure) || p->pressure < 0 || p->pressure > 1)
        {
          g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                       _("Point %u of the annotation is outside the board or not a number."), i + 1);
          return FALSE;
        }
    }
  if (g->kind != SLV_ANNOTATION_PIN && g->kind != SLV_ANNOTATION_INK)
    {
      const SlvInkPoint *a = &g_array_index (g->points, SlvInkPoint, 0);
      const SlvInkPoint *b = &g_array_index (g->points, SlvInkPoint, 1);

      gboolean flat = g->kind == SLV_ANNOTATION_ARROW ? (a->x == b->x && a->y == b->y)
                                                      : (a->x == b->x || a->y == b->y);

      if (flat)
        goto degenerate;
    }
  return TRUE;

degenerate:
  g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
               _("The %s has no size; drag to draw it."),
               slv_annotation_kind_get_label (g->kind));
  return FALSE;
}

static void
append_number (GString *s,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* Nine significant digits: a millionth of a pixel on a 1000-px image. */
  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.9g", v == 0 ? 0.0 : v));
}

char *
slv_annotation_geometry_to_json (const SlvAnnotationGeometry *g)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (g != NULL, NULL);

  g_string_append_printf (s, "{\"v\":%d,\"space\":\"%s\",\"width\":", GEOMETRY_VERSION,
                          g->in_item ? "item" : "board");
  append_number (s, g->width);
  g_string_append (s, ",\"points\":[");
  for (guint i = 0; i < g->points->len; i++)
    {
      const SlvInkPoint *p = &g_array_index (g->points, SlvInkPoint, i);

      g_string_append (s, i ? ",[" : "[");
      append_number (s, p->x);
      g_string_append_c (s, ',');
      append_number (s, p->y);
      if (g->kind == SLV_ANNOTATION_INK && p->pressure != 1.0)
        {
          g_string_append_c (s, ',');
          append_number (s, p->pressure);
        }
      g_string_append_c (s, ']');
    }
  g_string_append (s, "]}");
  return g_string_free (s, FALSE);
}

static gboolean
get_number (JsonNode *node,
            double   *out)
{
  GType t;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  if (t == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else if (t == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else
    return FALSE;
  return TRUE;
}

/* The string in @node, or NULL if it holds anything else. */
static const char *
get_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_points (SlvAnnotationGeometry *g,
             JsonArray             *array)
{
  guint n = json_array_get_length (array);

  if (n > SLV_INK_MAX_POINTS)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *pt;
      guint len;
      double x, y, p = 1.0;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;
      pt = json_node_get_array (node);
      len = json_array_get_length (pt);
      if (len < 2 || len > 3 ||
          !get_number (json_array_get_element (pt, 0), &x) ||
          !get_number (json_array_get_element (pt, 1), &y) ||
          (len == 3 && !get_number (json_array_get_element (pt, 2), &p)))
        return FALSE;
      slv_annotation_geometry_add_point (g, x, y, p);
    }
  return TRUE;
}

SlvAnnotationGeometry *
slv_annotation_geometry_from_json (SlvAnnotationKind   kind,
                                   const char         *json,
                                   GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SlvAnnotationGeometry) g = NULL;
  JsonObject *obj;
  JsonNode *root;
  const char *space;
  double version = GEOMETRY_VERSION;

  g_return_val_if_fail (is_kind (kind), NULL);

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto bad;
  obj = json_node_get_object (root);
  if (json_object_has_member (obj, "v") && !get_number (json_object_get_member (obj, "v"), &version))
    goto bad;
  if (version > GEOMETRY_VERSION)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("This annotation was drawn with a newer version of Selvedge; "
                     "update Selvedge to see it."));
      return NULL;
    }
  space = get_string (json_object_get_member (obj, "space"));
  if (g_strcmp0 (space, "item") != 0 && g_strcmp0 (space, "board") != 0)
    goto bad;
  g = slv_annotation_geometry_new (kind, g_str_equal (space, "item"));
  if (json_object_has_member (obj, "width") && !get_number (json_object_get_member (obj, "width"), &g->width))
    goto bad;
  if (!json_object_has_member (obj, "points") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "points")) ||
      !read_points (g, json_object_get_array_member (obj, "points")))
    goto bad;
  if (!slv_annotation_geometry_validate (g, error))
    return NULL;
  return g_steal_pointer (&g);

bad:
  g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
               _("The annotation’s shape is damaged and cannot be read."));
  return NULL;
}

/* -- placing on the board -- */

void
slv_annotation_geometry_get_matrix (const SlvAnnotationGeometry *g,
                                    const SlvItemFrame          *frame,
                                    SlvFrameMatrix              *out)
{
  g_return_if_fail (g != NULL && out != NULL);

  if (g->in_item && frame != NULL)
    slv_item_frame_get_matrix (frame, out);
  else
    slv_frame_matrix_init_identity (out);
}

static void
map_points (GArray               *points,
            const SlvFrameMatrix *m)
{
  for (guint i = 0; i < points->len; i++)
    {
      SlvInkPoint *p = &g_array_index (points, SlvInkPoint, i);

      slv_frame_matrix_transform (m, &p->x, &p->y);
    }
}

SlvAnnotationGeometry *
slv_annotation_geometry_to_board (const SlvAnnotationGeometry *g,
                                  const SlvItemFrame          *frame)
{
  SlvAnnotationGeometry *copy;
  SlvFrameMatrix m;

  g_return_val_if_fail (g != NULL, NULL);

  copy = slv_annotation_geometry_copy (g);
  slv_annotation_geometry_get_matrix (g, frame, &m);
  map_points (copy->points, &m);
  copy->in_item = FALSE;
  return copy;
}

SlvAnnotationGeometry *
slv_annotation_geometry_to_item (const SlvAnnotationGeometry  *g,
                                 const SlvItemFrame           *frame,
                                 GError                      **error)
{
  g_autoptr(SlvAnnotationGeometry) copy = NULL;
  SlvFrameMatrix m, inv;

  g_return_val_if_fail (g != NULL && frame != NULL, NULL);

  if (g->in_item)
    return slv_annotation_geometry_copy (g);
  slv_item_frame_get_matrix (frame, &m);
  if (!slv_item_frame_is_valid (frame) || !slv_frame_matrix_invert (&m, &inv))
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("The item has no size, so nothing can be attached to it."));
      return NULL;
    }
  copy = slv_annotation_geometry_copy (g);
  map_points (copy->points, &inv);
  copy->in_item = TRUE;
  return g_steal_pointer (&copy);
}

void
slv_annotation_geometry_move_by (SlvAnnotationGeometry *g,
                                 const SlvItemFrame    *frame,
                                 double                 dx,
                                 double                 dy)
{
  SlvFrameMatrix m, inv;

  g_return_if_fail (g != NULL);

  slv_annotation_geometry_get_matrix (g, frame, &m);
  if (!slv_frame_matrix_invert (&m, &inv))
    return;
  /* A move is a vector: only the linear part of the inverse applies. */
  inv.x0 = inv.y0 = 0;
  slv_frame_matrix_transform (&inv, &dx, &dy);
  for (guint i = 0; i < g->points->len; i++)
    {
      SlvInkPoint *p = &g_array_index (g->points, SlvInkPoint, i);

      p->x += dx;
      p->y += dy;
    }
}

/* The four corners of a box geometry in its own space, clockwise from the
 * corner with the smallest coordinates. */
static void
box_corners (const SlvAnnotationGeometry *g,
             SlvInkPoint                  out[4])
{
  const SlvInkPoint *a = &g_array_index (g->points, SlvInkPoint, 0);
  const SlvInkPoint *b = &g_array_index (g->points, SlvInkPoint, 1);
  double x0 = MIN (a->x, b->x), x1 = MAX (a->x, b->x);
  double y0 = MIN (a->y, b->y), y1 = MAX (a->y, b->y);

  out[0] = (SlvInkPoint) { x0, y0, 1 };
  out[1] = (SlvInkPoint) { x1, y0, 1 };
  out[2] = (SlvInkPoint) { x1, y1, 1 };
  out[3] = (SlvInkPoint) { x0, y1, 1 };
}

GArray *
slv_annotation_geometry_outline (const SlvAnnotationGeometry *g,
                                 const SlvItemFrame          *frame)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SlvInkPoint));
  SlvInkPoint c[4];
  SlvFrameMatrix m;

  g_return_val_if_fail (g != NULL, out);

  switch (g->kind)
    {
    case SLV_ANNOTATION_PIN:
    case SLV_ANNOTATION_INK:
    case SLV_ANNOTATION_ARROW:
      g_array_append_vals (out, g->points->data, g->points->len);
      break;
    case SLV_ANNOTATION_RECT:
    case SLV_ANNOTATION_HIGHLIGHT:
      if (g->points->len < 2)
        break;
      box_corners (g, c);
      g_array_append_vals (out, c, 4);
      g_array_append_val (out, c[0]);
      break;
    case SLV_ANNOTATION_ELLIPSE:
      if (g->points->len < 2)
        break;
      box_corners (g, c);
      for (guint i = 0; i <= ELLIPSE_SEGMENTS; i++)
        {
          double t = 2 * G_PI * (i % ELLIPSE_SEGMENTS) / ELLIPSE_SEGMENTS;
          SlvInkPoint p = { (c[0].x + c[2].x) / 2 + (c[2].x - c[0].x) / 2 * cos (t),
                            (c[0].y + c[2].y) / 2 + (c[2].y - c[0].y) / 2 * sin (t), 1 };

          g_array_append_val (out, p);
        }
      break;
    default:
      g_return_val_if_reached (out);
    }
  slv_annotation_geometry_get_matrix (g, frame, &m);
  map_points (out, &m);
  return out;
}

void
slv_annotation_geometry_get_anchor (const SlvAnnotationGeometry *g,
                                    const SlvItemFrame          *frame,
                                    double                      *x,
                                    double                      *y)
{
  SlvFrameMatrix m;
  SlvInkPoint c[4];

  g_return_if_fail (g != NULL && x != NULL && y != NULL);

  *x = *y = 0;
  if (g->points->len == 0)
    return;
  if (g->points->len >= 2 && (g->kind == SLV_ANNOTATION_RECT || g->kind == SLV_ANNOTATION_ELLIPSE ||
                              g->kind == SLV_ANNOTATION_HIGHLIGHT))
    {
      box_corners (g, c);
      *x = c[0].x;
      *y = c[0].y;
    }
  else
    {
      *x = g_array_index (g->points, SlvInkPoint, 0).x;
      *y = g_array_index (g->points, SlvInkPoint, 0).y;
    }
  slv_annotation_geometry_get_matrix (g, frame, &m);
  slv_frame_matrix_transform (&m, x, y);
}

void
slv_annotation_geometry_get_bounds (const SlvAnnotationGeometry *g,
                                    const SlvItemFrame          *frame,
                                    SlvFrameRect                *out)
{
  g_autoptr(GArray) outline = NULL;
  double pad;

  g_return_if_fail (g != NULL && out != NULL);

  outline = slv_annotation_geometry_outline (g, frame);
  slv_frame_rect_init_empty (out);
  for (guint i = 0; i < outline->len; i++)
    {
      const SlvInkPoint *p = &g_array_index (outline, SlvInkPoint, i);

      slv_frame_rect_add_point (out, p->x, p->y);
    }
  if (slv_frame_rect_is_empty (out))
    return;
  pad = g->kind == SLV_ANNOTATION_PIN ? 0 : g->width / 2;
  out->x -= pad;
  out->y -= pad;
  out->w += 2 * pad;
  out->h += 2 * pad;
}

static gboolean
inside_box (const SlvAnnotationGeometry *g,
            const SlvItemFrame          *frame,
            double                       x,
            double                       y)
{
  SlvFrameMatrix m, inv;
  SlvInkPoint c[4];

  slv_annotation_geometry_get_matrix (g, frame, &m);
  if (!slv_frame_matrix_invert (&m, &inv))
    return FALSE;
  slv_frame_matrix_transform (&inv, &x, &y);
  box_corners (g, c);
  return x >= c[0].x && x <= c[2].x && y >= c[0].y && y <= c[2].y;
}

gboolean
slv_annotation_geometry_hit (const SlvAnnotationGeometry *g,
                             const SlvItemFrame          *frame,
                             double                       x,
                             double                       y,
                             double                       tolerance)
{
  g_autoptr(GArray) outline = NULL;
  const SlvInkPoint *p;
  double reach;

  g_return_val_if_fail (g != NULL, FALSE);

  if (g->points->len == 0)
    return FALSE;
  if (g->kind == SLV_ANNOTATION_HIGHLIGHT && g->points->len >= 2 && inside_box (g, frame, x, y))
    return TRUE;
  outline = slv_annotation_geometry_outline (g, frame);
  p = (const SlvInkPoint *) outline->data;
  reach = tolerance + (g->kind == SLV_ANNOTATION_PIN ? 0 : g->width / 2);
  if (outline->len == 1)
    return hypot (x - p[0].x, y - p[0].y) <= reach;
  for (guint i = 0; i + 1 < outline->len; i++)
    if (slv_ink_segment_distance (x, y, &p[i], &p[i + 1], NULL) <= reach)
      return TRUE;
  return FALSE;
}
