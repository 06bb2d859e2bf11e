/* slv-pricing-export.c: cost sheets and the cost master written to files
 * in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-pricing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-pricing.h"
#include "formats/slv-costing-csv.h"
#include "formats/slv-costing-pdf.h"
#include "formats/slv-costing-xlsx.h"
#include "store/slv-costing-repo.h"

typedef struct
{
  SlvCostSheet *sheet;   /* NULL: the cost master */
  char         *path;
  char         *format;
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_clear_object (&e->sheet);
  g_free (e->path);
  g_free (e->format);
  g_free (e);
}

const char *
slv_pricing_export_format_for_path (const char *path)
{
  g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;

  if (lower == NULL)
    return NULL;
  if (g_str_has_suffix (lower, ".xlsx"))
    return "xlsx";
  if (g_str_has_suffix (lower, ".pdf"))
    return "pdf";
  if (g_str_has_suffix (lower, ".csv"))
    return "csv";
  return NULL;
}

static gboolean
write_sheet (Export  *e,
             GError **error)
{
  if (g_strcmp0 (e->format, "xlsx") == 0)
    return slv_costing_xlsx_write (e->sheet, e->path, error);
  if (g_strcmp0 (e->format, "pdf") == 0)
    return slv_costing_pdf_write (e->sheet, e->path, error);
  if (g_strcmp0 (e->format, "csv") == 0)
    return slv_cost_sheet_csv_write (e->sheet, e->path, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s” is not a format a costing is exported to; name the file .xlsx, .pdf or .csv."),
               e->format ? e->format : e->path);
  return FALSE;
}

static gboolean
write_master (SlvPricing  *self,
              Export      *e,
              GError     **error)
{
  g_autofree char *brand = slv_costing_repo_dup_first_brand (slv_pricing_get_store (self), error);
  g_autofree char *today = slv_pricing_today ();
  g_autoptr(SlvCostMaster) master = NULL;

  if (brand == NULL || (master = slv_pricing_dup_master (self, brand, error)) == NULL)
    return FALSE;
  return slv_cost_master_csv_write (master, today, e->path, error);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *e = task_data;
  GError *error = NULL;
  gboolean ok = e->sheet ? write_sheet (e, &error) : write_master (source, e, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_export (SlvPricing         *self,
            Export             *e,
            gpointer            tag,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, e, export_free);
  g_task_run_in_thread (task, export_thread);
}

void
slv_pricing_export_sheet_async (SlvPricing         *self,
                                SlvCostSheet       *sheet,
                                const char         *path,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  Export *e;

  g_return_if_fail (SLV_IS_PRICING (self) && SLV_IS_COST_SHEET (sheet) && path != NULL);
  e = g_new0 (Export, 1);
  e->sheet = g_object_ref (sheet);
  e->path = g_strdup (path);
  e->format = g_strdup (slv_pricing_export_format_for_path (path));
  run_export (self, e, slv_pricing_export_sheet_async, cancellable, callback, user_data);
}

void
slv_pricing_export_master_async (SlvPricing         *self,
                                 const char         *path,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  Export *e;

  g_return_if_fail (SLV_IS_PRICING (self) && path != NULL);
  e = g_new0 (Export, 1);
  e->path = g_strdup (path);
  e->format = g_strdup ("csv");
  run_export (self, e, slv_pricing_export_master_async, cancellable, callback, user_data);
}

gboolean
slv_pricing_export_finish (SlvPricing    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
