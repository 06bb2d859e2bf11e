/* test-expr.c: the margin-rule language: programs, errors with positions,
 * evaluation safety and spreadsheet formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/slv-expr.h"

enum { V_FOB, V_LANDED, V_VAT, V_DESTINATION, V_CATEGORY, V_ZERO, V_EXPORT, N_VARS };

static const SlvExprVar vars[N_VARS] = {
  { "fob", SLV_EXPR_NUMBER }, { "landed", SLV_EXPR_NUMBER }, { "vat", SLV_EXPR_NUMBER },
  { "destination", SLV_EXPR_STRING }, { "category", SLV_EXPR_STRING },
  { "zero", SLV_EXPR_NUMBER }, { "export", SLV_EXPR_BOOLEAN },
};

static SlvDecimal
D (const char *text)
{
  SlvDecimal d;

  g_assert_true (slv_decimal_parse (text, -1, &d, NULL));
  return d;
}

static void
fill_values (SlvExprValue values[N_VARS],
             const char  *destination)
{
  values[V_FOB] = (SlvExprValue) { SLV_EXPR_NUMBER, D ("3.2568"), NULL, FALSE };
  values[V_LANDED] = (SlvExprValue) { SLV_EXPR_NUMBER, D ("3.83612032"), NULL, FALSE };
  values[V_VAT] = (SlvExprValue) { SLV_EXPR_NUMBER, D ("0.20"), NULL, FALSE };
  values[V_DESTINATION] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, destination, FALSE };
  values[V_CATEGORY] = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, "tee", FALSE };
  values[V_ZERO] = (SlvExprValue) { SLV_EXPR_NUMBER, SLV_DECIMAL_ZERO, NULL, FALSE };
  values[V_EXPORT] = (SlvExprValue) { SLV_EXPR_BOOLEAN, SLV_DECIMAL_ZERO, NULL, TRUE };
}

/* Parses, checks and evaluates; returns the number as text or NULL. */
static char *
run (const char       *source,
     const char       *destination,
     SlvExprLocation  *where,
     GError          **error)
{
  g_autoptr(SlvExpr) expr = slv_expr_parse (source, where, error);
  SlvExprValue values[N_VARS], out;

  fill_values (values, destination);
  if (expr == NULL || !slv_expr_check (expr, vars, N_VARS, SLV_EXPR_NUMBER, where, error) ||
      !slv_expr_eval (expr, values, N_VARS, &out, where, error))
    return NULL;
  g_assert_cmpint (out.type, ==, SLV_EXPR_NUMBER);
  return slv_decimal_to_string (out.number);
}

static void
test_programs (void)
{
  static const struct { const char *source, *destination, *result; } cases[] = {
    /* DOMAIN example A's retail rule (EU) and example B's keystone (US) */
    { "if destination == \"EU\" then price_ending(landed / (1 - 0.60) * (1 + vat), \".99\")\n"
      "else price_ending(landed * 2, \".99\")", "EU", "11.99" },
    { "if destination == \"US\" then price_ending(5.42945 * 2, \".99\") else 0", "US", "10.99" },
    { "1 + 2 * 3", "EU", "7" },
    { "(1 + 2) × 3 ÷ 4", "EU", "2.25" },
    { "10 − 4 − 3", "EU", "3" },
    { "2 * -3", "EU", "-6" },
    { "- -2", "EU", "2" },
    { "+5", "EU", "5" },
    { "min(3, 1, 2) + max(4, 9)", "EU", "10" },
    { "round_to(21.7178, 1)", "EU", "22" },
    { "round_to(12.37, 0.05)", "EU", "12.35" },
    { "round(3.540495, 2)", "EU", "3.54" },
    { "abs(-4.5)", "EU", "4.5" },
    { "price_ending(11.51, \"x9.00\")", "EU", "19" },
    { "price_ending(10.01, 'whole')", "EU", "11" },
    { "if fob > 3 and not (category != \"tee\") then 1 else 2", "EU", "1" },
    { "if fob >= 4 or destination = 'UK' then 1 else 2", "EU", "2" },
    { "if export then 1 else 0", "EU", "1" },
    { "if 1 ≤ 2 and 3 ≥ 3 and 1 ≠ 2 and 1 <> 2 and 2 < 3 and 3 > 2 then 5 else 6", "EU", "5" },
    { "if true then if false then 1 else 2 else 3", "EU", "2" },
    { "# keystone\nlanded * 2   # a comment\n", "EU", "7.67224064" },
    { "1 / 3", "EU", "0.333333333333" },
    /* and/or short-circuit: the division by zero on the right is never reached */
    { "if false and 1 / zero > 0 then 1 else 2", "EU", "2" },
    { "if true or 1 / zero > 0 then 1 else 2", "EU", "1" },
    { "if destination == \"say \\\"hi\\\"\" then 1 else 0", "EU", "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *result = run (cases[i].source, cases[i].destination, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (result, ==, cases[i].result);
    }
}

static void
test_errors (void)
{
  static const struct { const char *source; SlvExprError code; int line, column, length; const char *words; } cases[] = {
    { "landed * ", SLV_EXPR_ERROR_SYNTAX, 1, 10, 1, "found the end of the rule" },
    { "landed 2", SLV_EXPR_ERROR_SYNTAX, 1, 8, 1, "expected an operator" },
    { "if fob > 3 then 1", SLV_EXPR_ERROR_SYNTAX, 1, 18, 1, "“else”" },
    { "if fob > 3 else 1", SLV_EXPR_ERROR_SYNTAX, 1, 12, 4, "“then”" },
    { "(1 + 2", SLV_EXPR_ERROR_SYNTAX, 1, 7, 1, "“)”" },
    { "max(1 2)", SLV_EXPR_ERROR_SYNTAX, 1, 7, 1, "“,” or “)”" },
    { "1 < 2 < 3", SLV_EXPR_ERROR_SYNTAX, 1, 7, 1, "chained" },
    { "", SLV_EXPR_ERROR_SYNTAX, 1, 1, 1, "empty" },
    { "  # only a comment", SLV_EXPR_ERROR_SYNTAX, 1, 19, 1, "empty" },
    { "landed\n  * $3", SLV_EXPR_ERROR_BAD_CHARACTER, 2, 5, 1, "“$”" },
    { "landed * 2 ; 3", SLV_EXPR_ERROR_BAD_CHARACTER, 1, 12, 1, "“;”" },
    { "1.2.3 + landed", SLV_EXPR_ERROR_BAD_NUMBER, 1, 1, 5, "“1.2.3”" },
    { "landed * 3abc", SLV_EXPR_ERROR_BAD_NUMBER, 1, 10, 4, "“3abc”" },
    { "price_ending(landed, \".99)", SLV_EXPR_ERROR_UNTERMINATED_STRING, 1, 22, 1, "closing" },
    { "lnded * 2", SLV_EXPR_ERROR_UNKNOWN_VARIABLE, 1, 1, 5, "did you mean “landed”" },
    { "margin * 2", SLV_EXPR_ERROR_UNKNOWN_VARIABLE, 1, 1, 6, "“margin”" },
    { "ceiling(landed)", SLV_EXPR_ERROR_UNKNOWN_FUNCTION, 1, 1, 7, "“ceiling”" },
    { "round_to(landed)", SLV_EXPR_ERROR_ARITY, 1, 1, 8, "takes 2 values, not 1" },
    { "abs(1, 2)", SLV_EXPR_ERROR_ARITY, 1, 1, 3, "takes 1 value, not 2" },
    { "max()", SLV_EXPR_ERROR_ARITY, 1, 1, 3, "at least one" },
    { "landed + destination", SLV_EXPR_ERROR_TYPE, 1, 10, 11, "this is text" },
    { "if landed then 1 else 2", SLV_EXPR_ERROR_TYPE, 1, 4, 6, "condition" },
    { "if export then 1 else \"x\"", SLV_EXPR_ERROR_TYPE, 1, 23, 3, "“else”" },
    { "destination", SLV_EXPR_ERROR_TYPE, 1, 1, 11, "must give a number" },
    { "if destination == 1 then 1 else 2", SLV_EXPR_ERROR_TYPE, 1, 19, 1, "“==”" },
    { "not landed", SLV_EXPR_ERROR_TYPE, 1, 5, 6, "“not”" },
    { "-destination", SLV_EXPR_ERROR_TYPE, 1, 2, 11, "“-”" },
    { "price_ending(landed, 99)", SLV_EXPR_ERROR_TYPE, 1, 22, 2, "needs text" },
    { "price_ending(landed, \".9x\")", SLV_EXPR_ERROR_INVALID_ARGUMENT, 1, 22, 5, "not a price ending" },
    { "round_to(landed, 0)", SLV_EXPR_ERROR_INVALID_ARGUMENT, 1, 18, 1, "above zero" },
    { "round(landed, 2.5)", SLV_EXPR_ERROR_INVALID_ARGUMENT, 1, 15, 3, "0 to 12" },
    { "landed / zero", SLV_EXPR_ERROR_DIVISION_BY_ZERO, 1, 8, 1, "division by zero" },
    { "landed\n / (fob - fob)", SLV_EXPR_ERROR_DIVISION_BY_ZERO, 2, 2, 1, "division by zero" },
    { "round_to(landed, zero)", SLV_EXPR_ERROR_INVALID_ARGUMENT, 1, 1, 8, "above zero" },
    { "100000000000000000000 * 100000000000000000000", SLV_EXPR_ERROR_OVERFLOW, 1, 23, 1, "too large" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      SlvExprLocation where = { 0, 0, 0 };
      g_autofree char *result = run (cases[i].source, "EU", &where, &error);
      g_autofree char *prefix = g_strdup_printf ("Line %d, column %d: ", cases[i].line, cases[i].column);

      g_test_message ("%s → %s", cases[i].source, error ? error->message : "(no error)");
      g_assert_null (result);
      g_assert_error (error, SLV_EXPR_ERROR, (gint) cases[i].code);
      g_assert_cmpint (where.line, ==, cases[i].line);
      g_assert_cmpint (where.column, ==, cases[i].column);
      g_assert_cmpint (where.length, ==, cases[i].length);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, cases[i].words));
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) negs = g_string_new (NULL);
  g_autoptr(GString) chain = g_string_new ("1");
  g_autoptr(GString) ifs = g_string_new (NULL);
  g_autofree char *huge = g_strnfill (20000, '1');
  g_autoptr(GError) error = NULL;
  SlvExprLocation where;

  for (int i = 0; i < 100; i++)
    g_string_append_c (deep, '(');
  g_string_append_c (deep, '1');
  for (int i = 0; i < 100; i++)
    g_string_append_c (deep, ')');
  g_assert_null (slv_expr_parse (deep->str, &where, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_TOO_DEEP);
  g_assert_cmpint (where.column, ==, 65);
  g_clear_error (&error);

  for (int i = 0; i < 5000; i++)
    g_string_append_c (negs, '-');
  g_string_append_c (negs, '1');
  g_assert_null (slv_expr_parse (negs->str, NULL, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* A long flat chain builds a tall tree: refused before evaluation could recurse. */
  for (int i = 0; i < 1000; i++)
    g_string_append (chain, "+1");
  g_assert_null (slv_expr_parse (chain->str, NULL, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_TOO_DEEP);
  g_clear_error (&error);

  for (int i = 0; i < 100; i++)
    g_string_append (ifs, "if true then 1 else ");
  g_string_append_c (ifs, '2');
  g_assert_null (slv_expr_parse (ifs->str, NULL, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_TOO_DEEP);
  g_clear_error (&error);

  g_assert_null (slv_expr_parse (huge, &where, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_TOO_LONG);
  g_clear_error (&error);

  g_assert_null (slv_expr_parse ("landed \xff", &where, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_BAD_CHARACTER);

  /* 150 chained additions are fine */
  g_string_truncate (chain, 1);
  for (int i = 0; i < 150; i++)
    g_string_append (chain, "+1");
  {
    g_autofree char *r = run (chain->str, "EU", NULL, NULL);

    g_assert_cmpstr (r, ==, "151");
  }
}

static void
test_unchecked_and_slots (void)
{
  g_autoptr(SlvExpr) expr = slv_expr_parse ("landed * 2 + fob", NULL, NULL);
  g_autoptr(GError) error = NULL;
  SlvExprValue values[N_VARS], out;

  fill_values (values, "EU");
  g_assert_nonnull (expr);
  g_assert_false (slv_expr_is_checked (expr));
  g_assert_false (slv_expr_eval (expr, values, N_VARS, &out, NULL, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_TYPE);
  g_clear_error (&error);
  g_assert_true (slv_expr_check (expr, vars, N_VARS, SLV_EXPR_NUMBER, NULL, NULL));
  g_assert_true (slv_expr_uses_slot (expr, V_LANDED));
  g_assert_true (slv_expr_uses_slot (expr, V_FOB));
  g_assert_false (slv_expr_uses_slot (expr, V_VAT));
  /* too few values for the slots: an error, not a read past the array */
  g_assert_false (slv_expr_eval (expr, values, 1, &out, NULL, &error));
  g_assert_error (error, SLV_EXPR_ERROR, SLV_EXPR_ERROR_UNKNOWN_VARIABLE);
  g_assert_cmpstr (slv_expr_get_source (expr), ==, "landed * 2 + fob");
}

static char *
cell_ref (guint       slot,
          const char *name,
          gpointer    user_data)
{
  return g_strdup_printf ("$B$%u", slot + 1);
}

static void
test_formula (void)
{
  static const struct { const char *source, *formula; } cases[] = {
    { "if destination == \"EU\" then price_ending(landed / (1 - 0.60) * (1 + vat), \".99\") "
      "else price_ending(landed * 2, \".99\")",
      "IF(($B$4=\"EU\"),(CEILING(MAX(ROUND(((($B$2/(1-0.6))*(1+$B$3)))-0.99,9),0),1)+0.99),"
      "(CEILING(MAX(ROUND((($B$2*2))-0.99,9),0),1)+0.99))" },
    { "round_to(max(landed * 2, fob * 2.2), 1)", "(ROUND((MAX(($B$2*2),($B$1*2.2)))/(1),0)*(1))" },
    { "if not export or fob != 1 and true then -abs(fob) else round(fob, 2)",
      "IF(OR(NOT($B$7),AND(($B$1<>1),TRUE())),(-ABS($B$1)),ROUND($B$1,2))" },
    { "price_ending(fob, \"x9.00\")", "(CEILING(MAX(ROUND(($B$1)-9,9),0),10)+9)" },
    { "if category == 'a\"b' then 1 else 2", "IF(($B$5=\"a\"\"b\"),1,2)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SlvExpr) expr = slv_expr_parse (cases[i].source, NULL, NULL);
      g_autofree char *formula = NULL;

      g_assert_nonnull (expr);
      g_assert_null (slv_expr_to_formula (expr, cell_ref, NULL));   /* unchecked */
      g_assert_true (slv_expr_check (expr, vars, N_VARS, SLV_EXPR_NUMBER, NULL, NULL));
      formula = slv_expr_to_formula (expr, cell_ref, NULL);
      g_assert_cmpstr (formula, ==, cases[i].formula);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/core/expr/programs", test_programs);
  g_test_add_func ("/core/expr/errors", test_errors);
  g_test_add_func ("/core/expr/limits", test_limits);
  g_test_add_func ("/core/expr/unchecked-and-slots", test_unchecked_and_slots);
  g_test_add_func ("/core/expr/formula", test_formula);
  return g_test_run ();
}
