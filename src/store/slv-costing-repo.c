/* slv-costing-repo.c: loading cost masters and costings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-repo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-costing-repo.h"
#include "slv-store-private.h"

#define T(col) ((const char *) sqlite3_column_text (stmt, (col)))

/* Prepares @sql with @param bound to ?1 (if not NULL); NULL on error. */
static sqlite3_stmt *
query (SlvStore    *store,
       const char  *sql,
       const char  *param,
       GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store, sql, error);

  if (stmt != NULL && param != NULL)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
step_error (SlvStore     *store,
            sqlite3_stmt *stmt,
            int           rc,
            GError      **error)
{
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  slv_store_set_error (store, error, _("Could not read the workspace"));
  sqlite3_reset (stmt);
  return FALSE;
}

/* -- the cost master -- */

static gboolean
load_materials (SlvStore       *store,
                SlvCostMaster  *m,
                const char     *brand,
                GError        **error)
{
  sqlite3_stmt *stmt = query (store,
      "SELECT m.id, m.code, m.name, m.kind, m.unit, m.price, m.price_unit, m.currency, m.gsm, s.code "
      "FROM material m LEFT JOIN supplier s ON s.id = m.supplier_id "
      "WHERE m.brand_id = ?1 AND m.deleted = 0", brand, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvMaterialSpec spec = { T (0), T (1), T (2), T (3), T (4), T (5), T (6), T (7), T (8), T (9) };

      /* a refused row is remembered by the master with its reason */
      slv_cost_master_add_material (m, &spec, NULL);
    }
  return step_error (store, stmt, rc, error);
}

static gboolean
load_rates (SlvStore       *store,
            SlvCostMaster  *m,
            const char     *brand,
            GError        **error)
{
  sqlite3_stmt *stmt = query (store,
      "SELECT r.id, r.process, r.key, r.description, s.code, s.name, r.unit, r.rate, r.price_unit, "
      "r.currency, r.min_charge, r.tier_min_qty, r.valid_from, r.valid_to "
      "FROM cost_rate r LEFT JOIN supplier s ON s.id = r.supplier_id "
      "WHERE r.brand_id = ?1 AND r.deleted = 0 ORDER BY r.process, r.key, r.tier_min_qty", brand, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvRateSpec spec = { T (0), T (1), T (2), T (3), T (4), T (5), T (6), T (7), T (8), T (9), T (10),
                           sqlite3_column_int64 (stmt, 11), T (12), T (13) };

      slv_cost_master_add_rate (m, &spec, NULL);
    }
  return step_error (store, stmt, rc, error);
}

static gboolean
load_destinations (SlvStore       *store,
                   SlvCostMaster  *m,
                   const char     *brand,
                   GError        **error)
{
  sqlite3_stmt *stmt = query (store,
      "SELECT code, name, currency, customs_basis, vat_pct FROM destination "
      "WHERE brand_id = ?1 AND deleted = 0", brand, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvDestinationSpec spec = { T (0), T (1), T (2), T (3), T (4) };

      slv_cost_master_add_destination (m, &spec, NULL);
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;

  stmt = query (store,
      "SELECT id, destination, hs_prefix, duty_pct, valid_from, valid_to, source FROM duty_rate "
      "WHERE brand_id = ?1 AND deleted = 0", brand, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvDutySpec spec = { T (0), T (1), T (2), T (3), T (4), T (5), T (6) };

      slv_cost_master_add_duty (m, &spec, NULL);
    }
  return step_error (store, stmt, rc, error);
}

static gboolean
load_fx_and_rules (SlvStore       *store,
                   SlvCostMaster  *m,
                   const char     *brand,
                   GError        **error)
{
  SlvFxTable *fx = slv_cost_master_get_fx (m);
  sqlite3_stmt *stmt = query (store,
      "SELECT id, set_name, kind, valid_on, from_ccy, to_ccy, rate FROM fx_rate "
      "WHERE brand_id = ?1 AND deleted = 0", brand, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GError) local = NULL;
      SlvFxKind kind = SLV_FX_BUDGET;
      SlvDecimal rate;

      slv_fx_kind_from_string (T (2), &kind);
      if (!slv_decimal_parse (T (6) ? T (6) : "", -1, &rate, &local) ||
          !slv_fx_table_add (fx, T (0), T (1), kind, T (3), T (4), T (5), rate, &local))
        g_debug ("Exchange rate %s left out: %s", T (0), local->message);
    }
  if (!step_error (store, stmt, rc, error))
    return FALSE;

  stmt = query (store,
      "SELECT id, channel, name, expression, price_ending, priority FROM margin_rule "
      "WHERE brand_id = ?1 AND deleted = 0", brand, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvMarginRuleSpec spec = { T (0), T (1), T (2), T (3), T (4), sqlite3_column_int (stmt, 5) };

      /* a rule that does not parse is kept with its problem */
      slv_cost_master_add_margin_rule (m, &spec, NULL);
    }
  return step_error (store, stmt, rc, error);
}

SlvCostMaster *
slv_costing_repo_load_master (SlvStore    *store,
                              const char  *brand_id,
                              GError     **error)
{
  g_autoptr(SlvCostMaster) m = NULL;
  g_autofree char *base = NULL;
  gboolean ok;

  g_return_val_if_fail (SLV_IS_STORE (store) && brand_id != NULL, NULL);

  base = slv_store_dup_field (store, "brand", brand_id, "base_currency", error);
  if (base == NULL)
    return NULL;
  m = slv_cost_master_new (base);
  slv_store_lock (store);
  ok = load_materials (store, m, brand_id, error) &&
       load_rates (store, m, brand_id, error) &&
       load_destinations (store, m, brand_id, error) &&
       load_fx_and_rules (store, m, brand_id, error);
  slv_store_unlock (store);
  return ok ? g_steal_pointer (&m) : NULL;
}

/* -- costings -- */

#define COSTING_COLUMNS \
  "SELECT c.id, c.brand_id, c.style_id, s.code, s.name, s.category, s.hs_code, c.scenario, c.status, " \
  "c.parent_id, c.currency, c.fx_set, c.costing_date, c.order_qty, c.destination, c.channel, c.params " \
  "FROM costing c JOIN style s ON s.id = c.style_id "

static const char * const header_fields[] = {
  "id", "brand_id", "style_id", "style_code", "style_name", "category", "hs_code", "scenario", "status",
  "parent_id", "currency", "fx_set", "costing_date", "order_qty", "destination", "channel", "params",
};

static SlvCostingInput *
read_header (sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(SlvCostingInput) in = slv_costing_input_new ();

  for (guint i = 0; i < G_N_ELEMENTS (header_fields); i++)
    if (!slv_costing_input_set (in, header_fields[i], T (i), error))
      {
        g_prefix_error (error, _("Costing of %s (%s): "), T (3), T (7));
        return NULL;
      }
  return g_steal_pointer (&in);
}

static const char * const bom_fields[] = {
  "material_id", "placement", "consumption", "unit", "wastage_pct", "calc", "note",
};
static const char * const process_fields[] = {
  "process", "rate_id", "quantity", "loss_pct", "params", "note",
};

/* Columns: id, then the fields above, from column @first. */
static gboolean
read_line (SlvCostingInput  *in,
           gboolean          process,
           sqlite3_stmt     *stmt,
           int               first,
           GError          **error)
{
  const char * const *fields = process ? process_fields : bom_fields;
  guint n = process ? G_N_ELEMENTS (process_fields) : G_N_ELEMENTS (bom_fields);
  guint line = process ? slv_costing_input_add_process (in, T (first))
                       : slv_costing_input_add_bom (in, T (first));

  for (guint i = 0; i < n; i++)
    {
      gboolean ok = process ? slv_costing_input_set_process (in, line, fields[i], T (first + 1 + i), error)
                            : slv_costing_input_set_bom (in, line, fields[i], T (first + 1 + i), error);
      if (!ok)
        {
          g_prefix_error (error, _("Costing of %s (%s): "), in->style_code, in->scenario);
          return FALSE;
        }
    }
  return TRUE;
}

#define BOM_SQL \
  "SELECT costing_id, id, material_id, placement, consumption, unit, wastage_pct, calc, note FROM bom_line "
#define PROCESS_SQL \
  "SELECT costing_id, id, process, rate_id, quantity, loss_pct, params, note FROM process_line "

static gboolean
load_lines (SlvStore         *store,
            SlvCostingInput  *in,
            GError          **error)
{
  for (int process = 0; process < 2; process++)
    {
      sqlite3_stmt *stmt = query (store, process ? PROCESS_SQL "WHERE costing_id = ?1 AND deleted = 0 ORDER BY position, id"
                                                 : BOM_SQL "WHERE costing_id = ?1 AND deleted = 0 ORDER BY position, id",
                                  in->id, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (!read_line (in, process, stmt, 1, error))
          {
            sqlite3_reset (stmt);
            return FALSE;
          }
      if (!step_error (store, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}

SlvCostingInput *
slv_costing_repo_load (SlvStore    *store,
                       const char  *costing_id,
                       GError     **error)
{
  g_autoptr(SlvCostingInput) in = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL, NULL);

  slv_store_lock (store);
  stmt = query (store, COSTING_COLUMNS "WHERE c.id = ?1 AND c.deleted = 0", costing_id, error);
  if (stmt != NULL)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        in = read_header (stmt, error);
      else if (step_error (store, stmt, rc, error))
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                     _("There is no costing %s in the workspace."), costing_id);
      sqlite3_reset (stmt);
    }
  if (in != NULL && !load_lines (store, in, error))
    g_clear_pointer (&in, slv_costing_input_unref);
  slv_store_unlock (store);
  return g_steal_pointer (&in);
}

char *
slv_costing_repo_find (SlvStore    *store,
                       const char  *style_code,
                       const char  *scenario,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  char *id = NULL;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store) && style_code != NULL, NULL);

  slv_store_lock (store);
  stmt = query (store, "SELECT c.id FROM costing c JOIN style s ON s.id = c.style_id "
                       "WHERE s.code = ?1 AND c.scenario = ?2 AND c.deleted = 0 AND s.deleted = 0 "
                       "ORDER BY c.created_at LIMIT 1", style_code, error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 2, scenario ? scenario : "Base", -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = g_strdup (T (0));
      else if (step_error (store, stmt, rc, error))
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                     _("Style %s has no costing named “%s”."), style_code, scenario ? scenario : "Base");
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return id;
}

static gboolean
load_all_lines (SlvStore    *store,
                GHashTable  *by_id,
                GHashTable  *unreadable,
                GError     **error)
{
  for (int process = 0; process < 2; process++)
    {
      sqlite3_stmt *stmt = query (store, process ? PROCESS_SQL "WHERE deleted = 0 ORDER BY costing_id, position, id"
                                                 : BOM_SQL "WHERE deleted = 0 ORDER BY costing_id, position, id",
                                  NULL, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SlvCostingInput *in = g_hash_table_lookup (by_id, T (0));
          g_autoptr(GError) local = NULL;

          if (in != NULL && !read_line (in, process, stmt, 1, &local))
            g_hash_table_add (unreadable, g_strdup (T (0)));
        }
      if (!step_error (store, stmt, rc, error))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
slv_costing_repo_load_all (SlvStore  *store,
                           guint     *n_unreadable,
                           GError   **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_costing_input_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) unreadable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) result = NULL;
  sqlite3_stmt *stmt;
  guint bad = 0;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  stmt = query (store, COSTING_COLUMNS "WHERE c.deleted = 0 AND s.deleted = 0 ORDER BY s.code, c.scenario",
                NULL, error);
  if (stmt == NULL)
    goto out;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SlvCostingInput *in = read_header (stmt, NULL);

      if (in == NULL)
        {
          bad++;
          continue;
        }
      g_ptr_array_add (all, in);
      g_hash_table_insert (by_id, in->id, in);
    }
  if (step_error (store, stmt, rc, error) && load_all_lines (store, by_id, unreadable, error))
    {
      result = g_ptr_array_new_full (all->len, (GDestroyNotify) slv_costing_input_unref);
      for (guint i = 0; i < all->len; i++)
        {
          SlvCostingInput *in = g_ptr_array_index (all, i);

          if (g_hash_table_contains (unreadable, in->id))
            bad++;
          else
            g_ptr_array_add (result, slv_costing_input_ref (in));
        }
    }
out:
  slv_store_unlock (store);
  if (n_unreadable != NULL)
    *n_unreadable = bad;
  return g_steal_pointer (&result);
}

GStrv
slv_costing_repo_list_scenarios (SlvStore    *store,
                                 const char  *costing_id,
                                 GError     **error)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  slv_store_lock (store);
  stmt = query (store, "SELECT o.scenario FROM costing c JOIN costing o ON o.style_id = c.style_id "
                       "WHERE c.id = ?1 AND o.deleted = 0 "
                       "ORDER BY o.scenario != 'Base', o.created_at", costing_id, error);
  if (stmt == NULL)
    {
      slv_store_unlock (store);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (names, T (0));
  rc = step_error (store, stmt, rc, error);
  slv_store_unlock (store);
  return rc ? g_strv_builder_end (names) : NULL;
}

char *
slv_costing_repo_dup_first_brand (SlvStore  *store,
                                  GError   **error)
{
  sqlite3_stmt *stmt;
  char *id = NULL;
  int rc;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);

  slv_store_lock (store);
  stmt = query (store, "SELECT id FROM brand WHERE deleted = 0 ORDER BY created_at LIMIT 1", NULL, error);
  if (stmt != NULL)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = g_strdup (T (0));
      else if (step_error (store, stmt, rc, error))
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND, _("The workspace has no brand yet."));
      sqlite3_reset (stmt);
    }
  slv_store_unlock (store);
  return id;
}
