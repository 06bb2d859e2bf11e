/* slv-pricing-edit.c: editing cost rates and margin rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rate is validated as a whole, the way it would be after the edit, by
 * adding it to a scratch cost master: the messages are the ones pricing
 * gives. The write is one transaction; the loaded cost masters are then
 * forgotten so the next pricing reads the new figures.
 */
#define G_LOG_DOMAIN "slv-pricing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-pricing.h"
#include "core/slv-cost-rate.h"
#include "core/slv-supplier.h"
#include "store/slv-costing-repo.h"
#include "store/slv-repo.h"

static const char * const processes[] = {
  "knitting", "dyeing", "printing", "embroidery", "washing", "making", "trims", "testing",
  "packing", "freight", "overhead", "commercial", "duty", "clearance", NULL
};

/* The editable fields and their columns. */
static const struct {
  const char *field;
  const char *column;
  gboolean    optional;
} rate_fields[] = {
  { "process", "process", FALSE },
  { "key", "key", FALSE },
  { "description", "description", TRUE },
  { "supplier", "supplier_id", TRUE },
  { "unit", "unit", FALSE },
  { "rate", "rate", FALSE },
  { "price_unit", "price_unit", FALSE },
  { "currency", "currency", FALSE },
  { "min_charge", "min_charge", TRUE },
  { "tier_min_qty", "tier_min_qty", FALSE },
  { "valid_from", "valid_from", TRUE },
  { "valid_to", "valid_to", TRUE },
};

typedef struct
{
  char *id;        /* rate or rule */
  char *field;
  char *value;
  char *extra;     /* price ending of a rule */
} Edit;

static void
edit_free (gpointer data)
{
  Edit *e = data;

  g_free (e->id);
  g_free (e->field);
  g_free (e->value);
  g_free (e->extra);
  g_free (e);
}

const char * const *
slv_pricing_rate_processes (void)
{
  return processes;
}

static int
find_rate_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (rate_fields); i++)
    if (g_strcmp0 (rate_fields[i].field, field) == 0)
      return (int) i;
  return -1;
}

/* The supplier named by @text: its code or its name, in any case. */
static SlvSupplier *
find_supplier (SlvStore    *store,
               const char  *text,
               GError     **error)
{
  g_autoptr(GListStore) all = NULL;
  SlvEntity *by_code = slv_repo_find_by_code (store, SLV_TYPE_SUPPLIER, text, NULL);

  if (by_code != NULL)
    return SLV_SUPPLIER (by_code);
  all = slv_repo_list (store, SLV_TYPE_SUPPLIER, NULL, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
    {
      g_autoptr(SlvSupplier) s = g_list_model_get_item (G_LIST_MODEL (all), i);
      g_autofree char *name = g_utf8_casefold (slv_supplier_get_name (s), -1);
      g_autofree char *code = g_utf8_casefold (slv_supplier_get_code (s), -1);
      g_autofree char *want = g_utf8_casefold (text, -1);

      if (g_strcmp0 (name, want) == 0 || g_strcmp0 (code, want) == 0)
        return g_steal_pointer (&s);
    }
  g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND,
               _("There is no supplier “%s”; give a supplier’s code or name."), text);
  return NULL;
}

static gboolean
check_process (const char  *value,
               GError     **error)
{
  g_autofree char *list = NULL;

  if (g_strv_contains (processes, value))
    return TRUE;
  list = g_strjoinv (", ", (char **) processes);
  g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID,
               _("“%s” is not a process; use one of %s."), value, list);
  return FALSE;
}

/* @value as the column takes it (NULL for an empty optional field). */
static gboolean
normalise_value (SlvStore     *store,
                 int           f,
                 const char   *value,
                 char        **column_value,
                 SlvSupplier **supplier,
                 GError      **error)
{
  g_autofree char *v = g_strstrip (g_strdup (value ? value : ""));
  const char *field = rate_fields[f].field;

  if (*v == '\0')
    {
      if (!rate_fields[f].optional)
        {
          g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID,
                       _("The %s of a rate cannot be empty."), field);
          return FALSE;
        }
      *column_value = NULL;
      return TRUE;
    }
  if (g_str_equal (field, "process") && !check_process (v, error))
    return FALSE;
  if (g_str_equal (field, "currency"))
    {
      g_autofree char *up = g_ascii_strup (v, -1);

      if (strlen (up) != 3 || !g_ascii_isalpha (up[0]) || !g_ascii_isalpha (up[1]) || !g_ascii_isalpha (up[2]))
        {
          g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID,
                       _("“%s” is not a currency code; use three letters such as USD or EUR."), v);
          return FALSE;
        }
      g_free (v);
      v = g_steal_pointer (&up);
    }
  if (g_str_equal (field, "tier_min_qty"))
    {
      gint64 qty;

      if (!g_ascii_string_to_signed (v, 10, 0, G_MAXINT32, &qty, NULL))
        {
          g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID,
                       _("The quantity tier “%s” is not a whole number of pieces (0 or more)."), v);
          return FALSE;
        }
    }
  if (g_str_equal (field, "supplier"))
    {
      *supplier = find_supplier (store, v, error);
      if (*supplier == NULL)
        return FALSE;
      *column_value = g_strdup (slv_entity_get_id (SLV_ENTITY (*supplier)));
      return TRUE;
    }
  *column_value = g_steal_pointer (&v);
  return TRUE;
}

static gboolean
validate_rate (SlvCostRate  *rate,
               const char   *field,
               const char   *value,
               SlvSupplier  *supplier,
               GError      **error)
{
  g_autoptr(SlvCostMaster) scratch = slv_cost_master_new ("USD");
  SlvRateSpec spec = {
    slv_entity_get_id (SLV_ENTITY (rate)), slv_cost_rate_get_process (rate), slv_cost_rate_get_key (rate),
    slv_cost_rate_get_description (rate), NULL, slv_cost_rate_get_supplier_name (rate),
    slv_cost_rate_get_unit (rate), slv_cost_rate_get_rate (rate), slv_cost_rate_get_price_unit (rate),
    slv_cost_rate_get_currency (rate), slv_cost_rate_get_min_charge (rate),
    slv_cost_rate_get_tier_min_qty (rate), slv_cost_rate_get_valid_from (rate),
    slv_cost_rate_get_valid_to (rate),
  };

  if (g_str_equal (field, "process"))
    spec.process = value;
  else if (g_str_equal (field, "key"))
    spec.key = value;
  else if (g_str_equal (field, "unit"))
    spec.unit = value;
  else if (g_str_equal (field, "rate"))
    spec.rate = value;
  else if (g_str_equal (field, "price_unit"))
    spec.price_unit = value;
  else if (g_str_equal (field, "currency"))
    spec.currency = value;
  else if (g_str_equal (field, "min_charge"))
    spec.min_charge = value;
  else if (g_str_equal (field, "tier_min_qty"))
    spec.tier_min_qty = g_ascii_strtoll (value, NULL, 10);
  else if (g_str_equal (field, "valid_from"))
    spec.valid_from = value;
  else if (g_str_equal (field, "valid_to"))
    spec.valid_to = value;
  else if (g_str_equal (field, "supplier"))
    spec.supplier_name = supplier ? slv_supplier_get_name (supplier) : NULL;
  return slv_cost_master_add_rate (scratch, &spec, error);
}

typedef struct
{
  const char *rate_id;
  const char *field;
  const char *value;
} RateOp;

static gboolean
set_rate_tx (SlvStore  *store,
             gpointer   data,
             GError   **error)
{
  RateOp *op = data;
  int f = find_rate_field (op->field);
  g_autoptr(SlvEntity) rate = NULL;
  g_autoptr(SlvSupplier) supplier = NULL;
  g_autofree char *value = NULL;

  if (f < 0)
    {
      g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID,
                   _("A rate has no field “%s”."), op->field);
      return FALSE;
    }
  rate = slv_repo_get (store, SLV_TYPE_COST_RATE, op->rate_id, error);
  if (rate == NULL)
    return FALSE;
  if (!normalise_value (store, f, op->value, &value, &supplier, error) ||
      !validate_rate (SLV_COST_RATE (rate), op->field, value, supplier, error))
    return FALSE;
  return slv_store_update_field (store, "cost_rate", op->rate_id, rate_fields[f].column, value, error);
}

gboolean
slv_pricing_set_rate_field (SlvPricing  *self,
                            const char  *rate_id,
                            const char  *field,
                            const char  *value,
                            GError     **error)
{
  RateOp op = { rate_id, field, value };

  g_return_val_if_fail (SLV_IS_PRICING (self) && rate_id != NULL && field != NULL, FALSE);

  if (!slv_store_transaction (slv_pricing_get_store (self), set_rate_tx, &op, error))
    return FALSE;
  slv_pricing_invalidate (self);
  return TRUE;
}

gboolean
slv_pricing_check_margin_rule (const char       *expression,
                               const char       *price_ending,
                               SlvExprLocation  *where,
                               GError          **error)
{
  g_autoptr(SlvExpr) expr = NULL;
  SlvPriceEnding ending;
  guint n_vars;
  const SlvExprVar *vars = slv_margin_rule_variables (&n_vars);

  expr = slv_expr_parse (expression ? expression : "", where, error);
  if (expr == NULL || !slv_expr_check (expr, vars, n_vars, SLV_EXPR_NUMBER, where, error))
    return FALSE;
  if (price_ending != NULL && *price_ending != '\0' &&
      !slv_price_ending_parse (price_ending, &ending, error))
    return FALSE;
  return TRUE;
}

typedef struct
{
  const char *rule_id;
  const char *expression;
  const char *price_ending;
} RuleOp;

static gboolean
set_rule_tx (SlvStore  *store,
             gpointer   data,
             GError   **error)
{
  RuleOp *op = data;
  const char *ending = op->price_ending && *op->price_ending ? op->price_ending : NULL;

  return slv_store_update_field (store, "margin_rule", op->rule_id, "expression", op->expression, error) &&
         slv_store_update_field (store, "margin_rule", op->rule_id, "price_ending", ending, error);
}

gboolean
slv_pricing_set_margin_rule (SlvPricing  *self,
                             const char  *rule_id,
                             const char  *expression,
                             const char  *price_ending,
                             GError     **error)
{
  RuleOp op = { rule_id, expression, price_ending };

  g_return_val_if_fail (SLV_IS_PRICING (self) && rule_id != NULL && expression != NULL, FALSE);

  if (!slv_pricing_check_margin_rule (expression, price_ending, NULL, error) ||
      !slv_store_transaction (slv_pricing_get_store (self), set_rule_tx, &op, error))
    return FALSE;
  slv_pricing_invalidate (self);
  return TRUE;
}

/* -- async -- */

static void
rate_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Edit *e = task_data;
  GError *error = NULL;

  if (slv_pricing_set_rate_field (source, e->id, e->field, e->value, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
rule_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Edit *e = task_data;
  GError *error = NULL;

  if (slv_pricing_set_margin_rule (source, e->id, e->value, e->extra, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the caller's thread: tell everyone, then the caller. */
static void
edit_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }
  slv_pricing_changed (SLV_PRICING (source));
  g_task_return_boolean (outer, TRUE);
}

static void
run_edit (SlvPricing         *self,
          Edit               *edit,
          GTaskThreadFunc     func,
          gpointer            source_tag,
          GCancellable       *cancellable,
          GAsyncReadyCallback callback,
          gpointer            user_data)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;

  g_task_set_source_tag (outer, source_tag);
  /* The write is not cancelled half way: once started it completes. */
  inner = g_task_new (self, NULL, edit_done_cb, outer);
  g_task_set_task_data (inner, edit, edit_free);
  g_task_run_in_thread (inner, func);
}

void
slv_pricing_set_rate_field_async (SlvPricing         *self,
                                  const char         *rate_id,
                                  const char         *field,
                                  const char         *value,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  Edit *e = g_new0 (Edit, 1);

  g_return_if_fail (SLV_IS_PRICING (self) && rate_id != NULL && field != NULL);
  e->id = g_strdup (rate_id);
  e->field = g_strdup (field);
  e->value = g_strdup (value);
  run_edit (self, e, rate_thread, slv_pricing_set_rate_field_async, cancellable, callback, user_data);
}

gboolean
slv_pricing_set_rate_field_finish (SlvPricing    *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
slv_pricing_set_margin_rule_async (SlvPricing         *self,
                                   const char         *rule_id,
                                   const char         *expression,
                                   const char         *price_ending,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  Edit *e = g_new0 (Edit, 1);

  g_return_if_fail (SLV_IS_PRICING (self) && rule_id != NULL && expression != NULL);
  e->id = g_strdup (rule_id);
  e->value = g_strdup (expression);
  e->extra = g_strdup (price_ending);
  run_edit (self, e, rule_thread, slv_pricing_set_margin_rule_async, cancellable, callback, user_data);
}

gboolean
slv_pricing_set_margin_rule_finish (SlvPricing    *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
master_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SlvPricing *self = source;
  g_autofree char *brand = NULL;
  GError *error = NULL;
  SlvCostMaster *master = NULL;

  brand = slv_costing_repo_dup_first_brand (slv_pricing_get_store (self), &error);
  if (brand != NULL)
    master = slv_pricing_dup_master (self, brand, &error);
  if (master != NULL)
    g_task_return_pointer (task, master, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
slv_pricing_load_master_async (SlvPricing         *self,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SLV_IS_PRICING (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, slv_pricing_load_master_async);
  g_task_run_in_thread (task, master_thread);
}

SlvCostMaster *
slv_pricing_load_master_finish (SlvPricing    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
