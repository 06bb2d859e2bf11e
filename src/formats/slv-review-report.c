/* slv-review-report.c: the review report as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "slv-review-report.h"
#include "core/slv-mention.h"
#include "core/slv-review-error.h"

/* Points (1/72 in). The board page is A4 landscape, the thread pages A4
 * portrait. */
#define A4_SHORT 595.276
#define A4_LONG  841.89
#define MARGIN   42.0
#define MARKER_RADIUS 9.0

typedef struct
{
  cairo_surface_t      *surface;
  cairo_t              *cr;
  double                width;
  double                height;
  double                y;          /* where the next block goes */
  int                   page;
  PangoFontDescription *regular;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *title;
} Pager;

/* -- the report's data -- */

static void
thread_free (gpointer data)
{
  SlvReviewReportThread *t = data;

  slv_annotation_record_free (t->annotation);
  g_free (t->label);
  g_ptr_array_unref (t->comments);
  g_free (t);
}

SlvReviewReport *
slv_review_report_new (const char *title)
{
  SlvReviewReport *report = g_new0 (SlvReviewReport, 1);

  report->title = g_strdup (title ? title : "");
  report->threads = g_ptr_array_new_with_free_func (thread_free);
  slv_frame_rect_init_empty (&report->area);
  return report;
}

void
slv_review_report_free (SlvReviewReport *report)
{
  if (report == NULL)
    return;
  g_free (report->title);
  g_free (report->subtitle);
  g_ptr_array_unref (report->threads);
  g_free (report);
}

SlvReviewReportThread *
slv_review_report_add_thread (SlvReviewReport           *report,
                              const SlvAnnotationRecord *annotation,
                              const char                *label,
                              const SlvItemFrame        *frame)
{
  SlvReviewReportThread *t;

  g_return_val_if_fail (report != NULL && annotation != NULL, NULL);

  t = g_new0 (SlvReviewReportThread, 1);
  t->annotation = slv_annotation_record_copy (annotation);
  t->label = label ? g_strdup (label) : g_strdup_printf ("%" G_GINT64_FORMAT, annotation->number);
  t->has_frame = frame != NULL;
  if (frame != NULL)
    t->frame = *frame;
  t->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_comment_record_free);
  g_ptr_array_add (report->threads, t);
  return t;
}

void
slv_review_report_thread_add_comment (SlvReviewReportThread  *thread,
                                      const SlvCommentRecord *comment)
{
  g_return_if_fail (thread != NULL && comment != NULL);
  g_ptr_array_add (thread->comments, slv_comment_record_copy (comment));
}

/* -- drawing helpers -- */

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

static guint32
thread_rgb (const SlvReviewReportThread *t)
{
  guint32 rgb = 0xe01b24;

  slv_annotation_colour_lookup (t->annotation->color, &rgb);
  return rgb;
}

/* "2025-03-14 09:26 UTC" from a stored timestamp. */
static char *
human_time (const char *iso)
{
  g_autoptr(GDateTime) dt = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) utc = dt ? g_date_time_to_utc (dt) : NULL;

  if (utc == NULL)
    return g_strdup (iso ? iso : "");
  return g_date_time_format (utc, "%Y-%m-%d %H:%M UTC");
}

static PangoLayout *
make_layout (Pager                      *p,
             const PangoFontDescription *font,
             const char                 *text,
             double                      width)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* @mentions in bold blue, as in the sidebar. */
static void
mark_mentions (PangoLayout *layout,
               const char  *body)
{
  g_autoptr(GArray) mentions = slv_mentions_parse (body);
  PangoAttrList *attrs;

  if (mentions->len == 0)
    return;
  attrs = pango_attr_list_new ();
  for (guint i = 0; i < mentions->len; i++)
    {
      const SlvMention *m = &g_array_index (mentions, SlvMention, i);
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      PangoAttribute *blue = pango_attr_foreground_new (0x1c1c, 0x7171, 0xd8d8);

      bold->start_index = blue->start_index = m->start;
      bold->end_index = blue->end_index = m->end;
      pango_attr_list_insert (attrs, bold);
      pango_attr_list_insert (attrs, blue);
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static void
draw_marker (cairo_t    *cr,
             double      x,
             double      y,
             guint32     rgb,
             const char *label,
             Pager      *p)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  int w, h;

  cairo_new_path (cr);
  cairo_arc (cr, x, y, MARKER_RADIUS, 0, 2 * G_PI);
  set_rgb (cr, rgb, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  pango_layout_set_font_description (layout, p->small);
  pango_layout_set_text (layout, label, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

/* -- the board page -- */

static void
trace_outline (cairo_t *cr,
               GArray  *outline)
{
  cairo_new_path (cr);
  for (guint i = 0; i < outline->len; i++)
    {
      const SlvInkPoint *pt = &g_array_index (outline, SlvInkPoint, i);

      if (i == 0)
        cairo_move_to (cr, pt->x, pt->y);
      else
        cairo_line_to (cr, pt->x, pt->y);
    }
}

/* An annotation's shape, in board units; @scale is page points per unit. */
static void
draw_shape (cairo_t                     *cr,
            const SlvReviewReportThread *t,
            double                       scale)
{
  const SlvAnnotationGeometry *g = t->annotation->geometry;
  g_autoptr(GArray) outline = slv_annotation_geometry_outline (g, t->has_frame ? &t->frame : NULL);
  double width = MAX (g->width, 1.0 / scale);   /* at least a point wide */
  const SlvInkPoint *pt = (const SlvInkPoint *) outline->data;
  guint32 rgb = thread_rgb (t);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_rgb (cr, rgb, 1);
  switch (g->kind)
    {
    case SLV_ANNOTATION_PIN:
      break;   /* the numbered marker is the pin */
    case SLV_ANNOTATION_INK:
      for (guint i = 0; i + 1 < outline->len; i++)
        {
          cairo_move_to (cr, pt[i].x, pt[i].y);
          cairo_line_to (cr, pt[i + 1].x, pt[i + 1].y);
          cairo_set_line_width (cr, width * (0.3 + 0.35 * (pt[i].pressure + pt[i + 1].pressure)));
          cairo_stroke (cr);
        }
      break;
    case SLV_ANNOTATION_ARROW:
      if (outline->len == 2)
        {
          double angle = atan2 (pt[1].y - pt[0].y, pt[1].x - pt[0].x);
          double head = MAX (width * 4, 8 / scale);

          trace_outline (cr, outline);
          cairo_set_line_width (cr, width);
          cairo_stroke (cr);
          cairo_move_to (cr, pt[1].x, pt[1].y);
          cairo_line_to (cr, pt[1].x - head * cos (angle - 0.45), pt[1].y - head * sin (angle - 0.45));
          cairo_line_to (cr, pt[1].x - head * cos (angle + 0.45), pt[1].y - head * sin (angle + 0.45));
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      break;
    case SLV_ANNOTATION_HIGHLIGHT:
      trace_outline (cr, outline);
      set_rgb (cr, rgb, 0.35);
      cairo_fill (cr);
      break;
    case SLV_ANNOTATION_RECT:
    case SLV_ANNOTATION_ELLIPSE:
    default:
      trace_outline (cr, outline);
      cairo_set_line_width (cr, width);
      cairo_stroke (cr);
      break;
    }
}

static void
draw_heading (Pager      *p,
              const char *title,
              const char *subtitle)
{
  g_autoptr(PangoLayout) head = make_layout (p, p->title, title, p->width - 2 * MARGIN);
  int h;

  cairo_set_source_rgb (p->cr, 0.1, 0.1, 0.1);
  cairo_move_to (p->cr, MARGIN, p->y);
  pango_cairo_show_layout (p->cr, head);
  pango_layout_get_pixel_size (head, NULL, &h);
  p->y += h + 2;
  if (subtitle != NULL)
    {
      g_autoptr(PangoLayout) sub = make_layout (p, p->small, subtitle, p->width - 2 * MARGIN);

      cairo_set_source_rgb (p->cr, 0.4, 0.4, 0.4);
      cairo_move_to (p->cr, MARGIN, p->y);
      pango_cairo_show_layout (p->cr, sub);
      pango_layout_get_pixel_size (sub, NULL, &h);
      p->y += h;
    }
  p->y += 10;
}

static void
draw_board_page (Pager                 *p,
                 const SlvReviewReport *report,
                 SlvReviewDrawFunc      draw,
                 gpointer               user_data)
{
  cairo_t *cr = p->cr;
  SlvFrameRect area = report->area;
  double box_w = p->width - 2 * MARGIN, box_h = p->height - p->y - MARGIN;
  double scale, ox, oy;

  if (slv_frame_rect_is_empty (&area) || area.w <= 0 || area.h <= 0)
    {
      g_autoptr(PangoLayout) none = make_layout (p, p->regular, _("The board is empty."), box_w);

      cairo_move_to (cr, MARGIN, p->y);
      pango_cairo_show_layout (cr, none);
      return;
    }
  scale = MIN (box_w / area.w, box_h / area.h);
  ox = MARGIN + (box_w - area.w * scale) / 2;
  oy = p->y + (box_h - area.h * scale) / 2;

  cairo_save (cr);
  cairo_rectangle (cr, ox, oy, area.w * scale, area.h * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke_preserve (cr);
  cairo_clip (cr);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area.x, -area.y);
  if (draw != NULL)
    {
      cairo_save (cr);
      draw (cr, &area, user_data);
      cairo_restore (cr);
    }
  for (guint i = 0; i < report->threads->len; i++)
    {
      const SlvReviewReportThread *t = report->threads->pdata[i];

      if (t->annotation->geometry != NULL)
        draw_shape (cr, t, scale);
    }
  cairo_restore (cr);

  /* Markers on top, a constant size on the page. */
  for (guint i = 0; i < report->threads->len; i++)
    {
      const SlvReviewReportThread *t = report->threads->pdata[i];
      double x, y;

      if (t->annotation->geometry == NULL)
        continue;
      slv_annotation_geometry_get_anchor (t->annotation->geometry, t->has_frame ? &t->frame : NULL, &x, &y);
      x = ox + (x - area.x) * scale;
      y = oy + (y - area.y) * scale;
      if (x >= ox - 1 && x <= ox + area.w * scale + 1 && y >= oy - 1 && y <= oy + area.h * scale + 1)
        draw_marker (cr, x, y, thread_rgb (t), t->label, p);
    }
}

/* -- the thread pages -- */

static void
new_page (Pager *p)
{
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  if (p->page > 0)
    cairo_show_page (p->cr);
  /* Applies to the page starting now: the board page is landscape, the
   * thread pages portrait. */
  cairo_pdf_surface_set_size (p->surface, p->width, p->height);
  p->page++;
  p->y = MARGIN;
  number = g_strdup_printf (_("Page %d"), p->page);
  footer = make_layout (p, p->small, number, p->width - 2 * MARGIN);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (p->cr, 0.5, 0.5, 0.5);
  cairo_move_to (p->cr, MARGIN, p->height - MARGIN + 12);
  pango_cairo_show_layout (p->cr, footer);
}

/* Shows @layout at @x line by line, breaking pages between lines, so even
 * a very long comment flows over as many pages as it needs. */
static void
show_paged (Pager       *p,
            PangoLayout *layout,
            double       x,
            double       r,
            double       g,
            double       b)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = -1;   /* layout y of the first line on this page */

  do
    {
      PangoRectangle logical;
      double line_top, line_h, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_h = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (top < 0)
        top = line_top;
      if (p->y + (line_top - top) + line_h > p->height - MARGIN)
        {
          p->y += line_top - top;
          new_page (p);
          top = line_top;
        }
      cairo_set_source_rgb (p->cr, r, g, b);
      cairo_move_to (p->cr, x, p->y + (baseline - top));
      pango_cairo_show_layout_line (p->cr, pango_layout_iter_get_line_readonly (iter));
      if (!pango_layout_iter_next_line (iter))
        {
          p->y += line_top - top + line_h;
          break;
        }
    }
  while (TRUE);
  pango_layout_iter_free (iter);
}

static char *
status_line (const SlvAnnotationRecord *a)
{
  g_autofree char *when = human_time (a->status_at);

  if (a->status_by == NULL)
    return g_strdup (slv_review_status_get_label (a->status));
  /* TRANSLATORS: "Approved — by Ana Lima, 2025-03-14 09:26 UTC" */
  return g_strdup_printf (_("%s — by %s, %s"), slv_review_status_get_label (a->status), a->status_by, when);
}

static void
draw_thread (Pager                       *p,
             const SlvReviewReportThread *t)
{
  const SlvAnnotationRecord *a = t->annotation;
  double indent = MARGIN + 2 * MARKER_RADIUS + 8;
  double width = p->width - indent - MARGIN;
  g_autofree char *status = status_line (a);
  g_autofree char *created = human_time (a->created_at);
  g_autofree char *about = g_strdup_printf (_("%s by %s, %s"), slv_annotation_kind_get_label (a->kind),
                                            a->author ? a->author : "", created);
  g_autoptr(PangoLayout) head = make_layout (p, p->bold, status, width);
  g_autoptr(PangoLayout) sub = make_layout (p, p->small, about, width);

  /* Keep the heading with at least its first lines. */
  if (p->y + 60 > p->height - MARGIN)
    new_page (p);
  draw_marker (p->cr, MARGIN + MARKER_RADIUS, p->y + MARKER_RADIUS, thread_rgb (t), t->label, p);
  show_paged (p, head, indent, 0.1, 0.1, 0.1);
  show_paged (p, sub, indent, 0.4, 0.4, 0.4);
  p->y += 4;
  if (t->comments->len == 0)
    {
      g_autoptr(PangoLayout) none = make_layout (p, p->small, _("No comments."), width);

      show_paged (p, none, indent, 0.4, 0.4, 0.4);
    }
  for (guint i = 0; i < t->comments->len; i++)
    {
      const SlvCommentRecord *c = t->comments->pdata[i];
      g_autofree char *at = human_time (c->created_at);
      g_autofree char *meta = c->edited_at ? g_strdup_printf (_("%s, %s (edited)"), c->author, at)
                                           : g_strdup_printf ("%s, %s", c->author, at);
      g_autoptr(PangoLayout) who = make_layout (p, p->small, meta, width);
      g_autoptr(PangoLayout) body = make_layout (p, p->regular, c->body ? c->body : "", width);

      mark_mentions (body, c->body);
      p->y += 4;
      show_paged (p, who, indent, 0.35, 0.35, 0.35);
      show_paged (p, body, indent, 0.1, 0.1, 0.1);
    }
  p->y += 16;
}

/* -- output -- */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
pager_init (Pager      *p,
            GByteArray *out)
{
  p->width = A4_LONG;
  p->height = A4_SHORT;
  p->surface = cairo_pdf_surface_create_for_stream (write_cb, out, p->width, p->height);
  p->cr = cairo_create (p->surface);
  p->regular = pango_font_description_from_string ("Sans 10");
  p->bold = pango_font_description_from_string ("Sans Bold 11");
  p->small = pango_font_description_from_string ("Sans 8");
  p->title = pango_font_description_from_string ("Sans Bold 18");
}

static void
pager_clear (Pager *p)
{
  g_clear_pointer (&p->cr, cairo_destroy);
  g_clear_pointer (&p->surface, cairo_surface_destroy);
  g_clear_pointer (&p->regular, pango_font_description_free);
  g_clear_pointer (&p->bold, pango_font_description_free);
  g_clear_pointer (&p->small, pango_font_description_free);
  g_clear_pointer (&p->title, pango_font_description_free);
}

GBytes *
slv_review_report_to_pdf (const SlvReviewReport  *report,
                          SlvReviewDrawFunc       draw,
                          gpointer                user_data,
                          GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  Pager p = { 0 };
  cairo_status_t status;

  g_return_val_if_fail (report != NULL, NULL);

  pager_init (&p, out);
  cairo_pdf_surface_set_metadata (p.surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (p.surface, CAIRO_PDF_METADATA_CREATOR, "Selvedge");
  new_page (&p);
  draw_heading (&p, report->title, report->subtitle);
  draw_board_page (&p, report, draw, user_data);

  /* Thread pages, portrait. */
  p.width = A4_SHORT;
  p.height = A4_LONG;
  new_page (&p);
  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thread", "%u threads",
                                                           report->threads->len),
                                              report->threads->len);

    draw_heading (&p, _("Threads"), count);
  }
  for (guint i = 0; i < report->threads->len; i++)
    draw_thread (&p, report->threads->pdata[i]);

  cairo_surface_finish (p.surface);
  status = cairo_surface_status (p.surface);
  pager_clear (&p);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("Could not make the PDF report: %s."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
slv_review_report_write (const SlvReviewReport  *report,
                         const char             *path,
                         SlvReviewReportFormat   format,
                         SlvReviewDrawFunc       draw,
                         gpointer                user_data,
                         GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  if (format == SLV_REVIEW_REPORT_CSV)
    bytes = slv_review_report_to_csv (report);
  else if ((bytes = slv_review_report_to_pdf (report, draw, user_data, error)) == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  /* Temporary file, fsync, rename, fsync of the folder: the report is
   * either whole or not there, never half written. */
  if (!g_file_set_contents_full (path, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   _("Could not save the report: %s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}
