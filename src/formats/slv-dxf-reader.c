/* slv-dxf-reader.c: DXF sections and entities into blocks of geometry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-dxf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slv-dxf-private.h"

#define MAX_BLOCKS 100000

typedef struct
{
  char     *layer;
  GString  *text;
  char     *name;
  double    x, y, x2, y2, bulge, angle;
  int       flags;
  gboolean  has_x, has_y, has_x2, has_y2;
  GArray   *pts;        /* LWPOLYLINE vertices */
  GArray   *bulges;
} Fields;

static void
fields_clear (Fields *f)
{
  g_free (f->layer);
  g_free (f->name);
  if (f->text)
    g_string_free (f->text, TRUE);
  g_clear_pointer (&f->pts, g_array_unref);
  g_clear_pointer (&f->bulges, g_array_unref);
}

/* -- document -- */

static void
text_free (gpointer data)
{
  SlvDxfText *t = data;

  g_free (t->layer);
  g_free (t->text);
  g_free (t);
}

static void
point_free (gpointer data)
{
  SlvDxfPoint *p = data;

  g_free (p->layer);
  g_free (p);
}

static void
line_free (gpointer data)
{
  SlvDxfLine *l = data;

  g_free (l->layer);
  slv_polygon_unref (l->line);
  g_free (l);
}

static SlvDxfBlock *
block_new (const char *name,
           guint       line)
{
  SlvDxfBlock *b = g_new0 (SlvDxfBlock, 1);

  b->name = g_strdup (name);
  b->line = line;
  b->lines = g_ptr_array_new_with_free_func (line_free);
  b->points = g_ptr_array_new_with_free_func (point_free);
  b->texts = g_ptr_array_new_with_free_func (text_free);
  return b;
}

static void
block_free (gpointer data)
{
  SlvDxfBlock *b = data;

  g_free (b->name);
  g_ptr_array_unref (b->lines);
  g_ptr_array_unref (b->points);
  g_ptr_array_unref (b->texts);
  g_free (b);
}

void
slv_dxf_document_init (SlvDxfDocument *doc)
{
  memset (doc, 0, sizeof *doc);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->texts = g_ptr_array_new_with_free_func (text_free);
  doc->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
slv_dxf_document_clear (SlvDxfDocument *doc)
{
  g_clear_pointer (&doc->blocks, g_ptr_array_unref);
  g_clear_pointer (&doc->texts, g_ptr_array_unref);
  g_clear_pointer (&doc->variables, g_hash_table_unref);
}

/* -- entities -- */

static gboolean
count_point (SlvDxfDocument  *doc,
             SlvDxfLexer     *lex,
             GError         **error)
{
  if (++doc->n_points <= SLV_DXF_MAX_POINTS)
    return TRUE;
  g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TOO_LARGE,
               _("Line %u: the file has more than %d points, more than any pattern needs; "
                 "it was not read."), lex->line, SLV_DXF_MAX_POINTS);
  return FALSE;
}

static gboolean
read_number (SlvDxfLexer  *lex,
             double       *out,
             gboolean     *flag,
             GError      **error)
{
  if (!slv_dxf_lexer_double (lex, out, error))
    return FALSE;
  if (flag != NULL)
    *flag = TRUE;
  return TRUE;
}

static gboolean
read_lw_vertex (SlvDxfLexer  *lex,
                Fields       *f,
                GError      **error)
{
  SlvPoint p = { 0, 0 };
  double zero = 0;

  if (lex->code == 10)
    {
      if (!slv_dxf_lexer_double (lex, &p.x, error))
        return FALSE;
      g_array_append_val (f->pts, p);
      g_array_append_val (f->bulges, zero);
      return TRUE;
    }
  if (f->pts->len == 0)
    return TRUE;
  if (lex->code == 20)
    return slv_dxf_lexer_double (lex, &g_array_index (f->pts, SlvPoint, f->pts->len - 1).y, error);
  return slv_dxf_lexer_double (lex, &g_array_index (f->bulges, double, f->bulges->len - 1), error);
}

/* Reads one entity's pairs, up to (not including) the next code 0. */
static gboolean
read_fields (SlvDxfLexer  *lex,
             Fields       *f,
             gboolean      lw,
             GError      **error)
{
  GError *local = NULL;

  while (slv_dxf_lexer_next (lex, &local))
    {
      gboolean ok = TRUE;

      switch (lex->code)
        {
        case 0:
          slv_dxf_lexer_push_back (lex);
          return TRUE;
        case 8:
          g_free (f->layer);
          f->layer = g_strdup (lex->value->str);
          break;
        case 1:
        case 3:
          if (f->text == NULL)
            f->text = g_string_new (NULL);
          /* MTEXT puts the first chunks in 3 and the last in 1. */
          g_string_append (f->text, lex->value->str);
          break;
        case 2:
          g_free (f->name);
          f->name = g_strdup (lex->value->str);
          break;
        case 10:
        case 20:
        case 42:
          if (lw)
            ok = read_lw_vertex (lex, f, error);
          else if (lex->code == 10)
            ok = read_number (lex, &f->x, &f->has_x, error);
          else if (lex->code == 20)
            ok = read_number (lex, &f->y, &f->has_y, error);
          else
            ok = read_number (lex, &f->bulge, NULL, error);
          break;
        case 11:
          ok = read_number (lex, &f->x2, &f->has_x2, error);
          break;
        case 21:
          ok = read_number (lex, &f->y2, &f->has_y2, error);
          break;
        case 50:
          ok = read_number (lex, &f->angle, NULL, error);
          break;
        case 70:
          ok = slv_dxf_lexer_int (lex, &f->flags, error);
          break;
        default:
          break;
        }
      if (!ok)
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TRUNCATED,
               _("The file ends inside an entity near line %u; it is truncated."), lex->line);
  return FALSE;
}

static const char *
layer_of (const Fields *f)
{
  return f->layer ? f->layer : "0";
}

static void
add_line (SlvDxfBlock  *block,
          const char   *layer,
          SlvPolygon   *line)
{
  SlvDxfLine *l = g_new0 (SlvDxfLine, 1);

  l->layer = g_strdup (layer);
  l->line = line;
  g_ptr_array_add (block->lines, l);
}

static SlvPolygon *
polyline_from (GArray   *pts,
               GArray   *bulges,
               gboolean  closed)
{
  gboolean curved = FALSE;
  SlvPolygon *poly;

  for (guint i = 0; i < bulges->len && !curved; i++)
    curved = fabs (g_array_index (bulges, double, i)) > 1e-12;
  poly = slv_polygon_new_from_bulges ((SlvPoint *) (gpointer) pts->data,
                                      curved ? (double *) (gpointer) bulges->data : NULL,
                                      pts->len, closed, 5);
  if (closed && pts->len > 0)
    slv_polygon_append (poly, g_array_index (pts, SlvPoint, 0).x, g_array_index (pts, SlvPoint, 0).y);
  return poly;
}

/* POLYLINE header, then VERTEX … SEQEND. */
static gboolean
read_polyline (SlvDxfLexer     *lex,
               SlvDxfDocument  *doc,
               SlvDxfBlock     *block,
               GError         **error)
{
  Fields head = { 0 };
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (SlvPoint));
  g_autoptr(GArray) bulges = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean ok = read_fields (lex, &head, FALSE, error);

  while (ok && (ok = slv_dxf_lexer_next (lex, error)))
    {
      Fields v = { 0 };
      SlvPoint p;

      if (slv_dxf_lexer_is (lex, 0, "SEQEND"))
        {
          Fields end = { 0 };

          ok = read_fields (lex, &end, FALSE, error);
          fields_clear (&end);
          break;
        }
      if (!slv_dxf_lexer_is (lex, 0, "VERTEX"))
        {
          /* A writer that forgot SEQEND: the polyline ends here. */
          slv_dxf_lexer_push_back (lex);
          break;
        }
      ok = read_fields (lex, &v, FALSE, error) && count_point (doc, lex, error);
      p.x = v.x;
      p.y = v.y;
      if (ok)
        {
          g_array_append_val (pts, p);
          g_array_append_val (bulges, v.bulge);
        }
      fields_clear (&v);
    }
  if (!ok && error != NULL && *error == NULL)
    g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TRUNCATED,
                 _("The file ends inside a POLYLINE near line %u; it is truncated."), lex->line);
  if (ok && pts->len > 0)
    add_line (block, layer_of (&head), polyline_from (pts, bulges, (head.flags & 1) != 0));
  fields_clear (&head);
  return ok;
}

static gboolean
read_entity (SlvDxfLexer     *lex,
             SlvDxfDocument  *doc,
             SlvDxfBlock     *block,
             GPtrArray       *texts,
             GError         **error)
{
  g_autofree char *type = g_ascii_strup (lex->value->str, -1);
  gboolean lw = g_str_equal (type, "LWPOLYLINE");
  Fields f = { 0 };
  gboolean ok;

  block->n_entities++;
  if (g_str_equal (type, "POLYLINE"))
    return read_polyline (lex, doc, block, error);
  if (lw)
    {
      f.pts = g_array_new (FALSE, FALSE, sizeof (SlvPoint));
      f.bulges = g_array_new (FALSE, FALSE, sizeof (double));
    }
  ok = read_fields (lex, &f, lw, error);
  if (ok && lw && f.pts->len > 0)
    {
      doc->n_points += f.pts->len;
      ok = count_point (doc, lex, error);
      if (ok)
        add_line (block, layer_of (&f), polyline_from (f.pts, f.bulges, (f.flags & 1) != 0));
    }
  else if (ok && g_str_equal (type, "LINE") && f.has_x && f.has_x2)
    {
      SlvPoint ends[2] = { { f.x, f.y }, { f.x2, f.y2 } };

      ok = count_point (doc, lex, error);
      add_line (block, layer_of (&f), slv_polygon_new_from_points (ends, 2));
    }
  else if (ok && (g_str_equal (type, "POINT") || g_str_equal (type, "CIRCLE")) && f.has_x)
    {
      SlvDxfPoint *p = g_new0 (SlvDxfPoint, 1);

      p->layer = g_strdup (layer_of (&f));
      p->at.x = f.x;
      p->at.y = f.y;
      p->angle = f.angle;
      g_ptr_array_add (block->points, p);
      ok = count_point (doc, lex, error);
    }
  else if (ok && (g_str_equal (type, "TEXT") || g_str_equal (type, "MTEXT")) && f.text != NULL)
    {
      SlvDxfText *t = g_new0 (SlvDxfText, 1);

      t->layer = g_strdup (layer_of (&f));
      t->text = g_strdup (f.text->str);
      t->at.x = f.x;
      t->at.y = f.y;
      g_ptr_array_add (texts ? texts : block->texts, t);
    }
  fields_clear (&f);
  return ok;
}

/* -- sections -- */

static gboolean
truncated (SlvDxfLexer  *lex,
           const char   *where,
           GError      **error)
{
  g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TRUNCATED,
               _("The file ends inside the %s section (after line %u); it is truncated."),
               where, lex->line);
  return FALSE;
}

static gboolean
parse_header (SlvDxfLexer     *lex,
              SlvDxfDocument  *doc,
              GError         **error)
{
  GError *local = NULL;
  g_autofree char *var = NULL;

  while (slv_dxf_lexer_next (lex, &local))
    {
      if (slv_dxf_lexer_is (lex, 0, "ENDSEC"))
        return TRUE;
      if (lex->code == 9)
        {
          g_free (var);
          var = g_ascii_strup (lex->value->str, -1);
        }
      else if (var != NULL && !g_hash_table_contains (doc->variables, var))
        g_hash_table_insert (doc->variables, g_strdup (var), g_strdup (lex->value->str));
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return truncated (lex, "HEADER", error);
}

static gboolean
parse_entities_until (SlvDxfLexer     *lex,
                      SlvDxfDocument  *doc,
                      SlvDxfBlock     *block,
                      GPtrArray       *texts,
                      const char      *end,
                      const char      *where,
                      GError         **error)
{
  GError *local = NULL;

  while (slv_dxf_lexer_next (lex, &local))
    {
      if (lex->code != 0)
        continue;   /* stray pair between entities: skipped */
      if (slv_dxf_lexer_is (lex, 0, end))
        return TRUE;
      if (slv_dxf_lexer_is (lex, 0, "ENDSEC") || slv_dxf_lexer_is (lex, 0, "EOF"))
        {
          if (g_str_equal (end, "ENDSEC"))
            return TRUE;
          g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_SYNTAX,
                       _("Line %u: block “%s” has no ENDBLK; the file is damaged."), lex->line,
                       block->name ? block->name : "");
          return FALSE;
        }
      if (!read_entity (lex, doc, block, texts, error))
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return truncated (lex, where, error);
}

static gboolean
parse_block (SlvDxfLexer     *lex,
             SlvDxfDocument  *doc,
             GError         **error)
{
  Fields head = { 0 };
  SlvDxfBlock *block;
  guint line = lex->line;

  if (doc->blocks->len >= MAX_BLOCKS)
    {
      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TOO_LARGE,
                   _("Line %u: the file has more than %d blocks; it was not read."), line, MAX_BLOCKS);
      return FALSE;
    }
  if (!read_fields (lex, &head, FALSE, error))
    {
      fields_clear (&head);
      return FALSE;
    }
  block = block_new (head.name, line);
  fields_clear (&head);
  g_ptr_array_add (doc->blocks, block);
  if (!parse_entities_until (lex, doc, block, NULL, "ENDBLK", "BLOCKS", error))
    return FALSE;
  {
    Fields end = { 0 };
    gboolean ok = read_fields (lex, &end, FALSE, error);

    fields_clear (&end);
    return ok;
  }
}

static gboolean
parse_blocks (SlvDxfLexer     *lex,
              SlvDxfDocument  *doc,
              GError         **error)
{
  GError *local = NULL;

  while (slv_dxf_lexer_next (lex, &local))
    {
      if (slv_dxf_lexer_is (lex, 0, "ENDSEC"))
        return TRUE;
      if (slv_dxf_lexer_is (lex, 0, "BLOCK") && !parse_block (lex, doc, error))
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return truncated (lex, "BLOCKS", error);
}

static gboolean
skip_section (SlvDxfLexer  *lex,
              const char   *name,
              GError      **error)
{
  GError *local = NULL;

  while (slv_dxf_lexer_next (lex, &local))
    if (slv_dxf_lexer_is (lex, 0, "ENDSEC"))
      return TRUE;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return truncated (lex, name, error);
}

gboolean
slv_dxf_parse (SlvDxfLexer     *lex,
               SlvDxfDocument  *doc,
               GError         **error)
{
  GError *local = NULL;
  gboolean any = FALSE;

  while (slv_dxf_lexer_next (lex, &local))
    {
      g_autofree char *name = NULL;
      gboolean ok;

      if (slv_dxf_lexer_is (lex, 0, "EOF"))
        return TRUE;
      if (!slv_dxf_lexer_is (lex, 0, "SECTION"))
        continue;
      any = TRUE;
      if (!slv_dxf_lexer_next (lex, &local) || lex->code != 2)
        {
          if (local != NULL)
            break;
          g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_SYNTAX,
                       _("Line %u: a SECTION without a name; the file is damaged."), lex->line);
          return FALSE;
        }
      name = g_ascii_strup (lex->value->str, -1);
      if (g_str_equal (name, "HEADER"))
        ok = parse_header (lex, doc, error);
      else if (g_str_equal (name, "BLOCKS"))
        ok = parse_blocks (lex, doc, error);
      else if (g_str_equal (name, "ENTITIES"))
        {
          SlvDxfBlock *model = block_new (NULL, lex->line);

          g_ptr_array_add (doc->blocks, model);
          ok = parse_entities_until (lex, doc, model, doc->texts, "ENDSEC", "ENTITIES", error);
        }
      else
        ok = skip_section (lex, name, error);
      if (!ok)
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!any)
    {
      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_SYNTAX,
                   _("The file has no DXF sections; it is not a DXF file."));
      return FALSE;
    }
  return TRUE;
}

/* -- public entry points -- */

SlvPatternSet *
slv_dxf_read_bytes (GBytes      *data,
                    const char  *source,
                    GError     **error)
{
  SlvDxfLexer lex;
  SlvDxfDocument doc;
  SlvPatternSet *set = NULL;
  gsize len = 0;
  const char *bytes;

  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &len);
  if (len > SLV_DXF_MAX_FILE_SIZE)
    {
      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB; pattern files are far smaller."),
                   source ? source : "", SLV_DXF_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  slv_dxf_lexer_init (&lex, bytes ? bytes : "", len);
  slv_dxf_document_init (&doc);
  if (slv_dxf_parse (&lex, &doc, error))
    set = slv_dxf_build (&doc, source, error);
  slv_dxf_document_clear (&doc);
  slv_dxf_lexer_clear (&lex);
  return set;
}

SlvPatternSet *
slv_dxf_read_file (const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *base = g_path_get_basename (path);
  GError *local = NULL;
  SlvPatternSet *set;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info != NULL && g_file_info_get_size (info) > SLV_DXF_MAX_FILE_SIZE)
    {
      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB; pattern files are far smaller."), base,
                   SLV_DXF_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  g_clear_error (&local);
  bytes = g_file_load_bytes (file, NULL, NULL, &local);
  if (bytes == NULL)
    {
      g_set_error (error, SLV_DXF_ERROR, SLV_DXF_ERROR_IO, _("Could not read “%s”: %s"), base,
                   local->message);
      g_error_free (local);
      return NULL;
    }
  set = slv_dxf_read_bytes (bytes, base, &local);
  if (set == NULL)
    g_propagate_prefixed_error (error, local, "%s: ", base);
  return set;
}
