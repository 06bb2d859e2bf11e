/* slv-costing-write.c: edits, status moves and scenario copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-repo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "slv-costing-repo.h"
#include "slv-store-private.h"

#define T(col) ((const char *) sqlite3_column_text (stmt, (col)))

typedef struct
{
  const char         *costing_id;
  SlvCostingLineKind  kind;
  const char         *line_id;
  const char         *field;
  const char         *value;
  const char         *extra;
  char               *out_id;
} Op;

static const char *
line_table (SlvCostingLineKind kind)
{
  return kind == SLV_COSTING_LINE_PROCESS ? "process_line" : "bom_line";
}

/* Reads status, style code and scenario of a live costing. */
static gboolean
read_costing (SlvStore    *store,
              const char  *costing_id,
              char       **status,
              char       **name,
              char       **style_id,
              GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store,
      "SELECT c.status, s.code, c.scenario, c.style_id FROM costing c JOIN style s ON s.id = c.style_id "
      "WHERE c.id = ?1 AND c.deleted = 0", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, costing_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                     _("The costing %s no longer exists."), costing_id);
      else
        slv_store_set_error (store, error, _("Could not read the workspace"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (status != NULL)
    *status = g_strdup (T (0));
  if (name != NULL)
    *name = g_strdup_printf ("%s “%s”", T (1), T (2));
  if (style_id != NULL)
    *style_id = g_strdup (T (3));
  sqlite3_reset (stmt);
  return TRUE;
}

/* Refuses a frozen costing; returns a submitted or approved one to draft. */
static gboolean
begin_edit (SlvStore    *store,
            const char  *costing_id,
            GError     **error)
{
  g_autofree char *status = NULL;
  g_autofree char *name = NULL;

  if (!read_costing (store, costing_id, &status, &name, NULL, error))
    return FALSE;
  if (g_strcmp0 (status, "frozen") == 0)
    {
      g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN,
                   _("The costing %s is frozen and cannot change. Copy it as a new scenario to "
                     "work on other figures."), name);
      return FALSE;
    }
  if (g_strcmp0 (status, "draft") != 0)
    return slv_store_update_field (store, "costing", costing_id, "status", "draft", error);
  return TRUE;
}

static gboolean
scenario_taken (SlvStore    *store,
                const char  *style_id,
                const char  *name,
                const char  *except_id,
                gboolean    *taken,
                GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store,
      "SELECT count(*) FROM costing WHERE style_id = ?1 AND scenario = ?2 AND deleted = 0 AND id != ?3", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, style_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, except_id ? except_id : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      slv_store_set_error (store, error, _("Could not read the workspace"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *taken = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
check_scenario_name (SlvStore    *store,
                     const char  *costing_id,
                     const char  *name,
                     gboolean     renaming,
                     GError     **error)
{
  g_autofree char *style_id = NULL;
  g_autofree char *label = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  gboolean taken = FALSE;

  if (*trimmed == '\0')
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID, _("A scenario needs a name."));
      return FALSE;
    }
  if (!read_costing (store, costing_id, NULL, &label, &style_id, error) ||
      !scenario_taken (store, style_id, trimmed, renaming ? costing_id : NULL, &taken, error))
    return FALSE;
  if (taken)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_EXISTS,
                   _("The style already has a scenario named “%s”; choose another name."), trimmed);
      return FALSE;
    }
  return TRUE;
}

/* -- header fields -- */

/* The costing's fx_kind follows the kind of its rate set. */
static gboolean
set_fx_kind (SlvStore    *store,
             const char  *costing_id,
             const char  *set_name,
             GError     **error)
{
  sqlite3_stmt *stmt = slv_store_prepare (store,
      "SELECT kind FROM fx_rate WHERE set_name = ?1 AND deleted = 0 LIMIT 1", error);
  g_autofree char *kind = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, set_name ? set_name : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    kind = slv_store_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return kind == NULL || slv_store_update_field (store, "costing", costing_id, "fx_kind", kind, error);
}

static gboolean
set_field_tx (SlvStore  *store,
              gpointer   data,
              GError   **error)
{
  static const char * const fields[] = { "scenario", "currency", "fx_set", "fx_kind", "costing_date",
                                         "order_qty", "destination", "channel", "params", "notes" };
  Op *op = data;
  g_autoptr(SlvCostingInput) scratch = slv_costing_input_new ();
  gboolean known = FALSE;
  SlvFxKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    known |= g_str_equal (op->field, fields[i]);
  if (!known)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                   _("A costing’s “%s” cannot be changed here."), op->field);
      return FALSE;
    }
  if (g_str_equal (op->field, "fx_kind"))
    {
      if (!slv_fx_kind_from_string (op->value, &kind))
        {
          g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                       _("“%s” is not a kind of exchange rate; use actual, budget or simulation."),
                       op->value ? op->value : "");
          return FALSE;
        }
    }
  else if (!g_str_equal (op->field, "notes") && !slv_costing_input_set (scratch, op->field, op->value, error))
    return FALSE;
  if (g_str_equal (op->field, "scenario") &&
      !check_scenario_name (store, op->costing_id, op->value, TRUE, error))
    return FALSE;
  if (!begin_edit (store, op->costing_id, error) ||
      !slv_store_update_field (store, "costing", op->costing_id, op->field, op->value, error))
    return FALSE;
  return !g_str_equal (op->field, "fx_set") || set_fx_kind (store, op->costing_id, op->value, error);
}

gboolean
slv_costing_repo_set_field (SlvStore    *store,
                            const char  *costing_id,
                            const char  *field,
                            const char  *value,
                            GError     **error)
{
  Op op = { costing_id, 0, NULL, field, value, NULL, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL && field != NULL, FALSE);
  return slv_store_transaction (store, set_field_tx, &op, error);
}

/* -- lines -- */

static gboolean
check_line (SlvStore    *store,
            Op          *op,
            GError     **error)
{
  g_autofree char *owner = slv_store_dup_field (store, line_table (op->kind), op->line_id, "costing_id", NULL);
  g_autofree char *deleted = slv_store_dup_field (store, line_table (op->kind), op->line_id, "deleted", NULL);

  if (owner == NULL || g_strcmp0 (owner, op->costing_id) != 0 || g_strcmp0 (deleted, "0") != 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("The costing has no line %s; it may have been removed."), op->line_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_line_value (Op      *op,
                     GError **error)
{
  g_autoptr(SlvCostingInput) scratch = slv_costing_input_new ();

  if (op->kind == SLV_COSTING_LINE_PROCESS)
    {
      slv_costing_input_add_process (scratch, op->line_id);
      return slv_costing_input_set_process (scratch, 0, op->field, op->value, error);
    }
  slv_costing_input_add_bom (scratch, op->line_id);
  return slv_costing_input_set_bom (scratch, 0, op->field, op->value, error);
}

typedef struct
{
  Op                  op;
  const char * const *fields;
  const char * const *values;
} MultiOp;

static gboolean
set_line_tx (SlvStore  *store,
             gpointer   data,
             GError   **error)
{
  MultiOp *m = data;

  if (!begin_edit (store, m->op.costing_id, error) || !check_line (store, &m->op, error))
    return FALSE;
  for (guint i = 0; m->fields[i] != NULL; i++)
    {
      m->op.field = m->fields[i];
      m->op.value = m->values[i];
      if (!validate_line_value (&m->op, error) ||
          !slv_store_update_field (store, line_table (m->op.kind), m->op.line_id, m->op.field, m->op.value, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
slv_costing_repo_set_line_fields (SlvStore            *store,
                                  const char          *costing_id,
                                  SlvCostingLineKind   kind,
                                  const char          *line_id,
                                  const char * const  *fields,
                                  const char * const  *values,
                                  GError             **error)
{
  MultiOp m = { { costing_id, kind, line_id, NULL, NULL, NULL, NULL }, fields, values };

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL && line_id != NULL && fields != NULL, FALSE);
  return slv_store_transaction (store, set_line_tx, &m, error);
}

gboolean
slv_costing_repo_set_line_field (SlvStore            *store,
                                 const char          *costing_id,
                                 SlvCostingLineKind   kind,
                                 const char          *line_id,
                                 const char          *field,
                                 const char          *value,
                                 GError             **error)
{
  const char *fields[] = { field, NULL };
  const char *values[] = { value, NULL };

  g_return_val_if_fail (field != NULL, FALSE);
  return slv_costing_repo_set_line_fields (store, costing_id, kind, line_id, fields, values, error);
}

/* A position after every other line's (positions sort as text). */
static char *
next_position (SlvStore            *store,
               const char          *costing_id,
               SlvCostingLineKind   kind,
               GError             **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT max(position) FROM %s WHERE costing_id = ?1", line_table (kind));
  sqlite3_stmt *stmt = slv_store_prepare (store, sql, error);
  g_autofree char *max = NULL;
  unsigned int n;
  char tail;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, costing_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    max = slv_store_column_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  if (max == NULL)
    return g_strdup ("a000");
  if (sscanf (max, "a%3u%c", &n, &tail) == 1 && n < 999)
    return g_strdup_printf ("a%03u", n + 1);
  return g_strconcat (max, "m", NULL);
}

static gboolean
add_line_tx (SlvStore  *store,
             gpointer   data,
             GError   **error)
{
  Op *op = data;
  g_autofree char *style_id = NULL;
  g_autofree char *brand_id = NULL;
  g_autofree char *position = NULL;

  if (!begin_edit (store, op->costing_id, error) ||
      (style_id = slv_store_dup_field (store, "costing", op->costing_id, "style_id", error)) == NULL ||
      (brand_id = slv_store_dup_field (store, "costing", op->costing_id, "brand_id", error)) == NULL ||
      (position = next_position (store, op->costing_id, op->kind, error)) == NULL)
    return FALSE;
  if (op->kind == SLV_COSTING_LINE_PROCESS)
    return slv_store_insert (store, "process_line", &op->out_id, error, "brand_id", brand_id,
                             "costing_id", op->costing_id, "style_id", style_id, "position", position,
                             "process", op->value, "rate_id", op->extra, "quantity", "1", NULL);
  return slv_store_insert (store, "bom_line", &op->out_id, error, "brand_id", brand_id,
                           "costing_id", op->costing_id, "style_id", style_id, "position", position,
                           "material_id", op->value, "consumption", "0", "unit",
                           op->extra ? op->extra : "PC", NULL);
}

char *
slv_costing_repo_add_line (SlvStore            *store,
                           const char          *costing_id,
                           SlvCostingLineKind   kind,
                           const char          *material_or_process,
                           const char          *rate_id,
                           GError             **error)
{
  Op op = { costing_id, kind, NULL, NULL, material_or_process, rate_id, NULL };
  g_autofree char *unit = NULL;

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL && material_or_process != NULL, NULL);
  if (kind == SLV_COSTING_LINE_BOM)
    {
      /* the line starts in the material's unit */
      unit = slv_store_dup_field (store, "material", material_or_process, "unit", error);
      if (unit == NULL)
        return NULL;
      op.extra = unit;
    }
  if (!slv_store_transaction (store, add_line_tx, &op, error))
    {
      g_free (op.out_id);
      return NULL;
    }
  return op.out_id;
}

static gboolean
remove_line_tx (SlvStore  *store,
                gpointer   data,
                GError   **error)
{
  Op *op = data;

  return begin_edit (store, op->costing_id, error) &&
         check_line (store, op, error) &&
         slv_store_set_deleted (store, line_table (op->kind), op->line_id, TRUE, error);
}

gboolean
slv_costing_repo_remove_line (SlvStore            *store,
                              const char          *costing_id,
                              SlvCostingLineKind   kind,
                              const char          *line_id,
                              GError             **error)
{
  Op op = { costing_id, kind, line_id, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL && line_id != NULL, FALSE);
  return slv_store_transaction (store, remove_line_tx, &op, error);
}

/* -- status -- */

static gboolean
status_move_ok (const char  *from,
                const char  *to,
                GError     **error)
{
  static const struct { const char *from, *to; } moves[] = {
    { "draft", "submitted" }, { "submitted", "approved" }, { "approved", "frozen" },
    { "submitted", "draft" }, { "approved", "draft" },
  };

  if (g_strcmp0 (to, "draft") != 0 && g_strcmp0 (to, "submitted") != 0 &&
      g_strcmp0 (to, "approved") != 0 && g_strcmp0 (to, "frozen") != 0)
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                   _("“%s” is not a costing status; use draft, submitted, approved or frozen."), to ? to : "");
      return FALSE;
    }
  if (g_strcmp0 (from, to) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (g_str_equal (moves[i].from, from) && g_str_equal (moves[i].to, to))
      return TRUE;
  if (g_str_equal (from, "frozen"))
    g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_FROZEN,
                 _("A frozen costing stays frozen; copy it as a new scenario to work on it."));
  else
    g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_INVALID,
                 _("A %s costing cannot become %s directly; it moves draft → submitted → approved → frozen."),
                 from, to);
  return FALSE;
}

static gboolean
set_status_tx (SlvStore  *store,
               gpointer   data,
               GError   **error)
{
  Op *op = data;
  g_autofree char *status = NULL;

  return read_costing (store, op->costing_id, &status, NULL, NULL, error) &&
         status_move_ok (status, op->value, error) &&
         (g_strcmp0 (status, op->value) == 0 ||
          slv_store_update_field (store, "costing", op->costing_id, "status", op->value, error));
}

gboolean
slv_costing_repo_set_status (SlvStore    *store,
                             const char  *costing_id,
                             const char  *status,
                             GError     **error)
{
  Op op = { costing_id, 0, NULL, "status", status, NULL, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL, FALSE);
  return slv_store_transaction (store, set_status_tx, &op, error);
}

/* -- scenario copies -- */

/* Inserts a copy of each row of @stmt (columns @names, NULL-terminated)
 * with @costing_id as its costing. */
static gboolean
copy_rows (SlvStore            *store,
           const char          *table,
           sqlite3_stmt        *stmt,
           const char * const  *names,
           const char          *costing_id,
           GError             **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *values[16];
      guint n = 0;

      for (; names[n] != NULL; n++)
        values[n] = g_str_equal (names[n], "costing_id") ? costing_id : T (n);
      values[n] = NULL;
      if (!slv_store_insertv (store, table, names, values, NULL, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      slv_store_set_error (store, error, _("Could not read the workspace"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_tx (SlvStore  *store,
         gpointer   data,
         GError   **error)
{
  static const char * const costing_cols[] = {
    "brand_id", "style_id", "currency", "fx_set", "fx_kind", "order_qty", "destination", "channel",
    "params", "notes", "costing_date", "scenario", "parent_id", "status", NULL };
  static const char * const bom_cols[] = {
    "brand_id", "costing_id", "style_id", "position", "material_id", "placement", "consumption", "unit",
    "wastage_pct", "calc", "note", NULL };
  static const char * const process_cols[] = {
    "brand_id", "costing_id", "style_id", "position", "process", "rate_id", "quantity", "loss_pct",
    "params", "note", NULL };
  Op *op = data;
  g_autofree char *name = g_strstrip (g_strdup (op->value));
  sqlite3_stmt *stmt;
  const char *values[G_N_ELEMENTS (costing_cols)];

  if (!check_scenario_name (store, op->costing_id, name, FALSE, error))
    return FALSE;
  stmt = slv_store_prepare (store,
      "SELECT brand_id, style_id, currency, fx_set, fx_kind, order_qty, destination, channel, params, "
      "notes, costing_date FROM costing WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->costing_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                   _("The costing %s no longer exists."), op->costing_id);
      return FALSE;
    }
  for (guint i = 0; i < 11; i++)
    values[i] = T (i);
  values[11] = name;
  values[12] = op->costing_id;
  values[13] = "draft";
  values[14] = NULL;
  if (!slv_store_insertv (store, "costing", costing_cols, values, &op->out_id, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = slv_store_prepare (store,
      "SELECT brand_id, costing_id, style_id, position, material_id, placement, consumption, unit, "
      "wastage_pct, calc, note FROM bom_line WHERE costing_id = ?1 AND deleted = 0 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->costing_id, -1, SQLITE_TRANSIENT);
  if (!copy_rows (store, "bom_line", stmt, bom_cols, op->out_id, error))
    return FALSE;
  stmt = slv_store_prepare (store,
      "SELECT brand_id, costing_id, style_id, position, process, rate_id, quantity, loss_pct, params, note "
      "FROM process_line WHERE costing_id = ?1 AND deleted = 0 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, op->costing_id, -1, SQLITE_TRANSIENT);
  return copy_rows (store, "process_line", stmt, process_cols, op->out_id, error);
}

char *
slv_costing_repo_copy (SlvStore    *store,
                       const char  *costing_id,
                       const char  *name,
                       GError     **error)
{
  Op op = { costing_id, 0, NULL, NULL, name ? name : "", NULL, NULL };

  g_return_val_if_fail (SLV_IS_STORE (store) && costing_id != NULL, NULL);
  if (!slv_store_transaction (store, copy_tx, &op, error))
    {
      g_free (op.out_id);
      return NULL;
    }
  return op.out_id;
}
