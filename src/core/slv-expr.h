/* slv-expr.h: the margin-rule expression language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A brand writes its price rules as one expression, for example
 *
 *   if destination == "US" then price_ending(landed * 2, ".99")
 *   else price_ending(landed / (1 - 0.60) * (1 + vat), ".99")
 *
 * Grammar (lowest precedence first; `#` starts a comment to the end of the
 * line; newlines are blanks):
 *
 *   expr    := "if" expr "then" expr "else" expr | or
 *   or      := and { "or" and }
 *   and     := not { "and" not }
 *   not     := "not" not | compare
 *   compare := sum [ ("==" | "=" | "!=" | "<>" | "≠" | "<" | "<=" | "≤"
 *                     | ">" | ">=" | "≥") sum ]          (no chains: a < b < c)
 *   sum     := product { ("+" | "-" | "−") product }
 *   product := unary { ("*" | "×" | "/" | "÷") unary }
 *   unary   := ("-" | "−" | "+") unary | primary
 *   primary := number | string | "true" | "false" | name
 *            | name "(" [ expr { "," expr } ] ")" | "(" expr ")" | "if" …
 *
 * Numbers are decimals ("0.60", ".5", "12"); strings are quoted with " or '
 * (backslash escapes the quote). Values are numbers (exact decimals),
 * strings or booleans; there is no conversion between them.
 *
 * Functions:
 *   min(n, …), max(n, …)     smallest / largest of one or more numbers
 *   round_to(n, step)        n rounded half-up to a multiple of step (> 0)
 *   round(n, places)         n rounded half-up to 0…12 places
 *   price_ending(n, ending)  n rounded UP to the ending ".99", ".95",
 *                            "x9.00", "whole" (see slv-price-ending.h)
 *   abs(n)
 *
 * Safety: a program is at most 16 KiB, nests at most 64 levels in the
 * source and 200 in the tree, and has no loops or recursion, so evaluation
 * always ends; division by zero, overflow and bad arguments are errors with
 * the position of the operator or call, never a crash.
 *
 * Every error message starts "Line L, column C:" (columns count characters
 * from 1) and the optional SlvExprLocation gives the same place and the
 * length of the offending text so an editor can underline it.
 */
#pragma once

#include "slv-decimal.h"

G_BEGIN_DECLS

#define SLV_EXPR_ERROR (slv_expr_error_quark ())

typedef enum
{
  SLV_EXPR_ERROR_SYNTAX,             /* unexpected or missing token */
  SLV_EXPR_ERROR_BAD_CHARACTER,      /* a character the language has no use for */
  SLV_EXPR_ERROR_BAD_NUMBER,         /* "1.2.3", "3abc" */
  SLV_EXPR_ERROR_UNTERMINATED_STRING,
  SLV_EXPR_ERROR_TOO_LONG,
  SLV_EXPR_ERROR_TOO_DEEP,
  SLV_EXPR_ERROR_UNKNOWN_VARIABLE,
  SLV_EXPR_ERROR_UNKNOWN_FUNCTION,
  SLV_EXPR_ERROR_ARITY,              /* wrong number of arguments */
  SLV_EXPR_ERROR_TYPE,               /* "EU" + 1, if 3 then …, result not a number */
  SLV_EXPR_ERROR_INVALID_ARGUMENT,   /* round_to(x, 0), price_ending(x, "abc") */
  SLV_EXPR_ERROR_DIVISION_BY_ZERO,
  SLV_EXPR_ERROR_OVERFLOW,
} SlvExprError;

typedef enum
{
  SLV_EXPR_NUMBER,
  SLV_EXPR_STRING,
  SLV_EXPR_BOOLEAN,
} SlvExprType;

typedef struct
{
  int line;     /* from 1 */
  int column;   /* from 1, in characters */
  int length;   /* characters to underline, ≥ 1 */
} SlvExprLocation;

typedef struct
{
  const char  *name;
  SlvExprType  type;
} SlvExprVar;

typedef struct
{
  SlvExprType  type;
  SlvDecimal   number;
  const char  *string;    /* borrowed */
  gboolean     boolean;
} SlvExprValue;

typedef struct _SlvExpr SlvExpr;

/* Returns a cell reference (or any formula text) for variable @slot. */
typedef char *(*SlvExprRefFunc) (guint        slot,
                                 const char  *name,
                                 gpointer     user_data);

GQuark        slv_expr_error_quark   (void);
const char   *slv_expr_type_to_string (SlvExprType type);

/* Parses @source; on failure fills @where (if not NULL) and @error. */
SlvExpr      *slv_expr_parse         (const char          *source,
                                      SlvExprLocation     *where,
                                      GError             **error);
SlvExpr      *slv_expr_ref           (SlvExpr             *self);
void          slv_expr_unref         (SlvExpr             *self);
const char   *slv_expr_get_source    (SlvExpr             *self);

/* Checks types against the variables @vars (their order defines the slots
 * used by slv_expr_eval()) and that the result has type @want. Must succeed
 * before evaluation; checking again against other variables is allowed. */
gboolean      slv_expr_check         (SlvExpr             *self,
                                      const SlvExprVar    *vars,
                                      guint                n_vars,
                                      SlvExprType          want,
                                      SlvExprLocation     *where,
                                      GError             **error);
gboolean      slv_expr_is_checked    (SlvExpr             *self);
/* TRUE if the checked expression reads variable @slot. */
gboolean      slv_expr_uses_slot     (SlvExpr             *self,
                                      guint                slot);

/* Evaluates with @values in the slot order given to slv_expr_check(). */
gboolean      slv_expr_eval          (SlvExpr             *self,
                                      const SlvExprValue  *values,
                                      guint                n_values,
                                      SlvExprValue        *out,
                                      SlvExprLocation     *where,
                                      GError             **error);

/* The expression as a spreadsheet formula (without the leading "="), with
 * IF/AND/OR/NOT/MIN/MAX/ROUND/ABS/CEILING; variables come from @ref. The
 * expression must be checked. */
char         *slv_expr_to_formula    (SlvExpr             *self,
                                      SlvExprRefFunc       ref,
                                      gpointer             user_data) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvExpr, slv_expr_unref)

G_END_DECLS
