/* fuzz-expr.c: the margin-rule language, from parsing to evaluation and
 * spreadsheet formulas, on arbitrary text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "core/slv-expr.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

enum { N_VARS = 8 };

static const SlvExprVar vars[N_VARS] = {
  { "fob", SLV_EXPR_NUMBER }, { "landed", SLV_EXPR_NUMBER }, { "vat", SLV_EXPR_NUMBER },
  { "zero", SLV_EXPR_NUMBER }, { "huge", SLV_EXPR_NUMBER }, { "destination", SLV_EXPR_STRING },
  { "category", SLV_EXPR_STRING }, { "export", SLV_EXPR_BOOLEAN },
};

static char *
ref (guint       slot,
     const char *name,
     gpointer    user_data)
{
  return g_strdup_printf ("$B$%u", slot + 1);
}

static void
check_error (const GError          *error,
             const SlvExprLocation *where)
{
  /* every failure names its place */
  g_assert (error != NULL && error->domain == SLV_EXPR_ERROR);
  g_assert (g_str_has_prefix (error->message, "Line "));
  g_assert (where->line >= 1 && where->column >= 1 && where->length >= 1);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const SlvExprType wants[] = { SLV_EXPR_NUMBER, SLV_EXPR_BOOLEAN, SLV_EXPR_STRING };
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvExpr) expr = NULL;
  SlvExprLocation where = { 0, 0, 0 };
  SlvExprValue values[N_VARS];

  values[0] = (SlvExprValue) { SLV_EXPR_NUMBER, slv_decimal_from_parts (354, 2), NULL, FALSE };
  values[1] = (SlvExprValue) { SLV_EXPR_NUMBER, slv_decimal_from_parts (3836120, 6), NULL, FALSE };
  values[2] = (SlvExprValue) { SLV_EXPR_NUMBER, slv_decimal_from_parts (20, 2), NULL, FALSE };
  values[3] = (SlvExprValue) { SLV_EXPR_NUMBER, SLV_DECIMAL_ZERO, NULL, FALSE };
  values[4] = (SlvExprValue) { SLV_EXPR_NUMBER, slv_decimal_from_int (G_MAXINT64), NULL, FALSE };
  values[5] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, "EU", FALSE };
  values[6] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, ".99", FALSE };
  values[7] = (SlvExprValue) { SLV_EXPR_BOOLEAN, SLV_DECIMAL_ZERO, NULL, TRUE };

  expr = slv_expr_parse (text, &where, &error);
  if (expr == NULL)
    {
      check_error (error, &where);
      return 0;
    }
  for (guint w = 0; w < G_N_ELEMENTS (wants); w++)
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *formula = NULL;
      SlvExprValue out;

      if (!slv_expr_check (expr, vars, N_VARS, wants[w], &where, &local))
        {
          check_error (local, &where);
          continue;
        }
      formula = slv_expr_to_formula (expr, ref, NULL);
      if (slv_expr_eval (expr, values, N_VARS, &out, &where, &local))
        g_assert (out.type == wants[w]);
      else
        check_error (local, &where);
      /* evaluation is repeatable */
      g_clear_error (&local);
      {
        SlvExprValue again;

        if (slv_expr_eval (expr, values, N_VARS, &again, NULL, NULL))
          g_assert (out.type != SLV_EXPR_NUMBER || slv_decimal_equal (out.number, again.number));
      }
    }
  return 0;
}
