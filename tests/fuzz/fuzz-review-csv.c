/* fuzz-review-csv.c: reading any CSV never crashes; and any comment text,
 * written into a review CSV (formula guard, quoting) and read back, comes
 * back unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "formats/slv-review-report.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
round_trip (const char *body)
{
  g_autoptr(SlvReviewReport) report = slv_review_report_new (body);
  g_autoptr(SlvAnnotationRecord) a = slv_annotation_record_new ();
  g_autoptr(SlvCommentRecord) c = slv_comment_record_new ();
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  SlvReviewReportThread *t;
  const char *text;
  gsize len;

  a->id = g_strdup ("a");
  a->number = 1;
  a->author = g_strdup (body);
  c->id = g_strdup ("c");
  c->author = g_strdup ("=cmd|' /C calc'!A0");
  c->body = g_strdup (body);
  t = slv_review_report_add_thread (report, a, NULL, NULL);
  slv_review_report_thread_add_comment (t, c);
  csv = slv_review_report_to_csv (report);
  text = g_bytes_get_data (csv, &len);
  rows = slv_review_csv_parse (text, len, NULL);
  if (rows == NULL || rows->len != 2)
    abort ();
  if (g_strcmp0 (((char **) rows->pdata[1])[13], body) != 0 ||
      g_strcmp0 (((char **) rows->pdata[1])[0], body) != 0 ||
      g_strcmp0 (((char **) rows->pdata[1])[10], c->author) != 0)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) rows = slv_review_csv_parse ((const char *) data, size, NULL);
  g_autofree char *body = NULL;

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (rows->pdata[i] == NULL)
      abort ();
  /* Cell text has no NUL; bodies come from valid UTF-8 only. */
  body = g_strndup ((const char *) data, size);
  if (g_utf8_validate (body, -1, NULL))
    round_trip (body);
  return 0;
}
