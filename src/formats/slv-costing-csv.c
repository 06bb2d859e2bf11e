/* slv-costing-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-csv"

#include "config.h"

#include <string.h>

#include "slv-atomic-file.h"
#include "slv-costing-csv.h"

static void
cell (GString    *s,
      const char *text,
      gboolean    is_text,
      gboolean    last)
{
  const char *value = text ? text : "";
  gboolean quote = strpbrk (value, ",\"\r\n") != NULL || (*value && (value[0] == ' ' || value[strlen (value) - 1] == ' '));

  if (quote)
    g_string_append_c (s, '"');
  if (is_text && strchr ("=+-@", *value) != NULL && *value != '\0')
    g_string_append_c (s, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  if (quote)
    g_string_append_c (s, '"');
  g_string_append (s, last ? "\r\n" : ",");
}

static void
decimal_cell (GString    *s,
              SlvDecimal  value,
              gboolean    present)
{
  char buf[SLV_DECIMAL_BUF_SIZE];

  cell (s, present ? slv_decimal_to_buf (value, buf) : NULL, FALSE, FALSE);
}

static const char *
rate_status (const SlvRate *r,
             const char    *date)
{
  if (date == NULL)
    return "";
  if (*r->valid_from && strcmp (date, r->valid_from) < 0)
    return "future";
  if (*r->valid_to && strcmp (date, r->valid_to) > 0)
    return "expired";
  return "current";
}

char *
slv_cost_master_to_csv (SlvCostMaster *master,
                        const char    *date)
{
  GString *s = g_string_new ("id,process,key,description,supplier_code,supplier,unit,rate,price_unit,"
                             "unit_rate,currency,min_charge,tier_min_qty,valid_from,valid_to,status\r\n");
  GPtrArray *rates = slv_cost_master_get_rates (master);

  for (guint i = 0; i < rates->len; i++)
    {
      const SlvRate *r = g_ptr_array_index (rates, i);
      g_autofree char *tier = g_strdup_printf ("%" G_GINT64_FORMAT, r->tier_min_qty);

      cell (s, r->id, TRUE, FALSE);
      cell (s, r->process, TRUE, FALSE);
      cell (s, r->key, TRUE, FALSE);
      cell (s, r->description, TRUE, FALSE);
      cell (s, r->supplier_code, TRUE, FALSE);
      cell (s, r->supplier_name, TRUE, FALSE);
      cell (s, slv_rate_unit_to_string (r->unit), TRUE, FALSE);
      decimal_cell (s, r->rate, TRUE);
      decimal_cell (s, r->price_unit, TRUE);
      decimal_cell (s, r->unit_rate, TRUE);
      cell (s, r->currency, TRUE, FALSE);
      decimal_cell (s, r->min_charge, r->has_min_charge);
      cell (s, tier, FALSE, FALSE);
      cell (s, r->valid_from, FALSE, FALSE);
      cell (s, r->valid_to, FALSE, FALSE);
      cell (s, rate_status (r, date), TRUE, TRUE);
    }
  return g_string_free (s, FALSE);
}

gboolean
slv_cost_master_csv_write (SlvCostMaster  *master,
                           const char     *date,
                           const char     *path,
                           GError        **error)
{
  g_autofree char *text = slv_cost_master_to_csv (master, date);

  return slv_atomic_file_write (path, text, strlen (text), error);
}

char *
slv_cost_sheet_to_csv (SlvCostSheet *sheet)
{
  GString *s = g_string_new ("key,label,value,unit,formula,source\r\n");

  for (guint i = 0; i < slv_cost_sheet_get_n_figures (sheet); i++)
    {
      g_autofree char *key = slv_cost_sheet_dup_key (sheet, i);
      g_autofree char *label = slv_cost_sheet_dup_label (sheet, i);
      g_autofree char *formula = slv_cost_sheet_dup_formula (sheet, i);
      g_autofree char *source = slv_cost_sheet_dup_source (sheet, i);
      const SlvFigure *f = slv_cost_sheet_get_figure (sheet, i);

      cell (s, key, TRUE, FALSE);
      cell (s, label, TRUE, FALSE);
      decimal_cell (s, f->value, TRUE);
      cell (s, f->unit, TRUE, FALSE);
      cell (s, formula, TRUE, FALSE);
      cell (s, source, TRUE, TRUE);
    }
  return g_string_free (s, FALSE);
}

gboolean
slv_cost_sheet_csv_write (SlvCostSheet  *sheet,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *text = slv_cost_sheet_to_csv (sheet);

  return slv_atomic_file_write (path, text, strlen (text), error);
}
