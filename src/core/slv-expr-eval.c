/* slv-expr-eval.c: evaluation and spreadsheet formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tree is at most SLV_EXPR_MAX_TREE_DEPTH high, so the recursion here is
 * bounded; there are no loops in the language, so evaluation always ends.
 */
#define G_LOG_DOMAIN "slv-expr"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-expr-private.h"
#include "slv-price-ending.h"

typedef struct
{
  SlvExpr            *expr;
  const SlvExprValue *values;
  guint               n_values;
  GError            **error;
  SlvExprLocation    *where;
} Eval;

static Node *
N (SlvExpr *self,
   int      i)
{
  return &g_array_index (self->nodes, Node, i);
}

static int
arg (SlvExpr    *self,
     const Node *call,
     guint       i)
{
  return g_array_index (self->args, int, call->a + i);
}

static gboolean eval_node (Eval *ev, int i, SlvExprValue *out);

static gboolean
overflow (Eval       *ev,
          const Node *node)
{
  return slv_expr_fail (ev->error, ev->where, SLV_EXPR_ERROR_OVERFLOW, &node->where,
                        _("the result is too large."));
}

static gboolean
eval_arith (Eval         *ev,
            const Node   *node,
            SlvDecimal    a,
            SlvDecimal    b,
            SlvExprValue *out)
{
  gboolean ok = FALSE;

  out->type = SLV_EXPR_NUMBER;
  switch ((BinaryOp) node->op)
    {
    case OP_ADD:
      ok = slv_decimal_add (a, b, &out->number);
      break;
    case OP_SUB:
      ok = slv_decimal_sub (a, b, &out->number);
      break;
    case OP_MUL:
      ok = slv_decimal_mul (a, b, &out->number);
      break;
    case OP_DIV:
      if (slv_decimal_is_zero (b))
        return slv_expr_fail (ev->error, ev->where, SLV_EXPR_ERROR_DIVISION_BY_ZERO, &node->where,
                              _("division by zero."));
      ok = slv_decimal_div (a, b, SLV_ROUND_HALF_EVEN, &out->number);
      break;
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
    case OP_AND: case OP_OR:
    default:
      break;
    }
  return ok || overflow (ev, node);
}

static gboolean
values_equal (const SlvExprValue *a,
              const SlvExprValue *b)
{
  switch (a->type)
    {
    case SLV_EXPR_NUMBER:
      return slv_decimal_equal (a->number, b->number);
    case SLV_EXPR_STRING:
      return g_strcmp0 (a->string, b->string) == 0;
    case SLV_EXPR_BOOLEAN:
      return !a->boolean == !b->boolean;
    default:
      return FALSE;
    }
}

static gboolean
eval_binary (Eval         *ev,
             const Node   *node,
             SlvExprValue *out)
{
  SlvExprValue a, b;
  int cmp;

  if (!eval_node (ev, node->a, &a))
    return FALSE;
  /* and/or look at the right side only when they must */
  if ((node->op == OP_AND && !a.boolean) || (node->op == OP_OR && a.boolean))
    {
      *out = a;
      return TRUE;
    }
  if (!eval_node (ev, node->b, &b))
    return FALSE;
  out->type = SLV_EXPR_BOOLEAN;
  switch ((BinaryOp) node->op)
    {
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV:
      return eval_arith (ev, node, a.number, b.number, out);
    case OP_AND: case OP_OR:
      out->boolean = b.boolean;
      return TRUE;
    case OP_EQ:
      out->boolean = values_equal (&a, &b);
      return TRUE;
    case OP_NE:
      out->boolean = !values_equal (&a, &b);
      return TRUE;
    case OP_LT: case OP_LE: case OP_GT: case OP_GE:
    default:
      cmp = slv_decimal_cmp (a.number, b.number);
      out->boolean = node->op == OP_LT ? cmp < 0 : node->op == OP_LE ? cmp <= 0
                   : node->op == OP_GT ? cmp > 0 : cmp >= 0;
      return TRUE;
    }
}

static gboolean
invalid_argument (Eval       *ev,
                  const Node *node,
                  const char *message)
{
  return slv_expr_fail (ev->error, ev->where, SLV_EXPR_ERROR_INVALID_ARGUMENT, &node->where,
                        "%s", message);
}

static gboolean
eval_call (Eval         *ev,
           const Node   *node,
           SlvExprValue *out)
{
  SlvExprValue a, b;
  gboolean ok = TRUE;

  out->type = SLV_EXPR_NUMBER;
  if (!eval_node (ev, arg (ev->expr, node, 0), &a))
    return FALSE;
  if (node->op == FUNC_MIN || node->op == FUNC_MAX)
    {
      out->number = a.number;
      for (guint i = 1; i < node->n_args; i++)
        {
          if (!eval_node (ev, arg (ev->expr, node, i), &b))
            return FALSE;
          out->number = node->op == FUNC_MIN ? slv_decimal_min (out->number, b.number)
                                             : slv_decimal_max (out->number, b.number);
        }
      return TRUE;
    }
  if (node->op == FUNC_ABS)
    {
      out->number = slv_decimal_abs (a.number);
      return TRUE;
    }
  if (!eval_node (ev, arg (ev->expr, node, 1), &b))
    return FALSE;
  switch ((Func) node->op)
    {
    case FUNC_ROUND_TO:
      if (slv_decimal_sign (b.number) <= 0)
        return invalid_argument (ev, node, _("round_to() needs a step above zero."));
      ok = slv_decimal_round_to (a.number, b.number, SLV_ROUND_HALF_UP, &out->number);
      break;
    case FUNC_ROUND:
      {
        gint64 places = -1;

        if (!slv_decimal_is_integer (b.number) || !slv_decimal_to_int (b.number, &places) ||
            places < 0 || places > SLV_DECIMAL_PLACES)
          return invalid_argument (ev, node, _("round() keeps 0 to 12 places."));
        ok = slv_decimal_round (a.number, (guint) places, SLV_ROUND_HALF_UP, &out->number);
        break;
      }
    case FUNC_PRICE_ENDING:
      {
        SlvPriceEnding ending;
        g_autoptr(GError) local = NULL;

        if (!slv_price_ending_parse (b.string ? b.string : "", &ending, &local))
          return invalid_argument (ev, node, local->message);
        ok = slv_price_ending_apply (&ending, a.number, &out->number);
        break;
      }
    case FUNC_MIN: case FUNC_MAX: case FUNC_ABS:
    default:
      break;
    }
  return ok || overflow (ev, node);
}

static gboolean
eval_node (Eval         *ev,
           int           i,
           SlvExprValue *out)
{
  const Node *node = N (ev->expr, i);
  SlvExprValue v;

  switch (node->kind)
    {
    case NODE_NUMBER:
      *out = (SlvExprValue) { SLV_EXPR_NUMBER, node->number, NULL, FALSE };
      return TRUE;
    case NODE_STRING:
      *out = (SlvExprValue) { SLV_EXPR_STRING, SLV_DECIMAL_ZERO, node->text, FALSE };
      return TRUE;
    case NODE_BOOLEAN:
      *out = (SlvExprValue) { SLV_EXPR_BOOLEAN, SLV_DECIMAL_ZERO, NULL, node->op != 0 };
      return TRUE;
    case NODE_VARIABLE:
      if (node->slot < 0 || (guint) node->slot >= ev->n_values ||
          ev->values[node->slot].type != node->type)
        return slv_expr_fail (ev->error, ev->where, SLV_EXPR_ERROR_UNKNOWN_VARIABLE, &node->where,
                              _("no value was given for “%s”."), node->text);
      *out = ev->values[node->slot];
      return TRUE;
    case NODE_NEGATE:
      if (!eval_node (ev, node->a, &v))
        return FALSE;
      *out = (SlvExprValue) { SLV_EXPR_NUMBER, slv_decimal_neg (v.number), NULL, FALSE };
      return TRUE;
    case NODE_NOT:
      if (!eval_node (ev, node->a, &v))
        return FALSE;
      *out = (SlvExprValue) { SLV_EXPR_BOOLEAN, SLV_DECIMAL_ZERO, NULL, !v.boolean };
      return TRUE;
    case NODE_BINARY:
      return eval_binary (ev, node, out);
    case NODE_IF:
      if (!eval_node (ev, node->a, &v))
        return FALSE;
      return eval_node (ev, v.boolean ? node->b : node->c, out);
    case NODE_CALL:
      return eval_call (ev, node, out);
    default:
      return FALSE;
    }
}

gboolean
slv_expr_eval (SlvExpr            *self,
               const SlvExprValue *values,
               guint               n_values,
               SlvExprValue       *out,
               SlvExprLocation    *where,
               GError            **error)
{
  Eval ev = { self, values, n_values, error, where };

  g_return_val_if_fail (self != NULL && out != NULL, FALSE);

  if (!self->checked)
    {
      SlvExprLocation start = { 1, 1, 1 };

      return slv_expr_fail (error, where, SLV_EXPR_ERROR_TYPE, &start,
                            _("the rule was not checked before use."));
    }
  return eval_node (&ev, self->root, out);
}

/* -- spreadsheet formulas -- */

typedef struct
{
  SlvExpr        *expr;
  SlvExprRefFunc  ref;
  gpointer        data;
  GString        *out;
  gboolean        ok;
} Formula;

static void formula_node (Formula *f, int i);

static void
formula_args (Formula    *f,
              const char *name,
              const Node *node)
{
  g_string_append_printf (f->out, "%s(", name);
  for (guint i = 0; i < node->n_args; i++)
    {
      if (i > 0)
        g_string_append_c (f->out, ',');
      formula_node (f, arg (f->expr, node, i));
    }
  g_string_append_c (f->out, ')');
}

static void
formula_call (Formula    *f,
              const Node *node)
{
  const Node *second = node->n_args > 1 ? N (f->expr, arg (f->expr, node, 1)) : NULL;
  SlvPriceEnding ending;
  char period[SLV_DECIMAL_BUF_SIZE], offset[SLV_DECIMAL_BUF_SIZE];

  switch ((Func) node->op)
    {
    case FUNC_MIN:
      formula_args (f, "MIN", node);
      break;
    case FUNC_MAX:
      formula_args (f, "MAX", node);
      break;
    case FUNC_ABS:
      formula_args (f, "ABS", node);
      break;
    case FUNC_ROUND:
      formula_args (f, "ROUND", node);
      break;
    case FUNC_ROUND_TO:
      g_string_append (f->out, "(ROUND((");
      formula_node (f, arg (f->expr, node, 0));
      g_string_append (f->out, ")/(");
      formula_node (f, arg (f->expr, node, 1));
      g_string_append (f->out, "),0)*(");
      formula_node (f, arg (f->expr, node, 1));
      g_string_append (f->out, "))");
      break;
    case FUNC_PRICE_ENDING:
      /* The next point up: CEILING over what lies above the offset. */
      if (second->kind != NODE_STRING || !slv_price_ending_parse (second->text, &ending, NULL))
        {
          f->ok = FALSE;
          break;
        }
      slv_decimal_to_buf (ending.period, period);
      slv_decimal_to_buf (ending.offset, offset);
      g_string_append (f->out, "(CEILING(MAX(ROUND((");
      formula_node (f, arg (f->expr, node, 0));
      g_string_append_printf (f->out, ")-%s,9),0),%s)+%s)", offset, period, offset);
      break;
    default:
      f->ok = FALSE;
      break;
    }
}

static void
formula_binary (Formula    *f,
                const Node *node)
{
  static const char * const infix[] = { "+", "-", "*", "/", "=", "<>", "<", "<=", ">", ">=" };

  if (node->op == OP_AND || node->op == OP_OR)
    {
      g_string_append (f->out, node->op == OP_AND ? "AND(" : "OR(");
      formula_node (f, node->a);
      g_string_append_c (f->out, ',');
      formula_node (f, node->b);
      g_string_append_c (f->out, ')');
      return;
    }
  g_string_append_c (f->out, '(');
  formula_node (f, node->a);
  g_string_append (f->out, infix[node->op]);
  formula_node (f, node->b);
  g_string_append_c (f->out, ')');
}

static void
formula_node (Formula *f,
              int      i)
{
  const Node *node = N (f->expr, i);
  char buf[SLV_DECIMAL_BUF_SIZE];

  switch (node->kind)
    {
    case NODE_NUMBER:
      g_string_append (f->out, slv_decimal_to_buf (node->number, buf));
      break;
    case NODE_STRING:
      g_string_append_c (f->out, '"');
      for (const char *p = node->text; *p; p++)
        g_string_append (f->out, *p == '"' ? "\"\"" : (char[]) { *p, 0 });
      g_string_append_c (f->out, '"');
      break;
    case NODE_BOOLEAN:
      g_string_append (f->out, node->op ? "TRUE()" : "FALSE()");
      break;
    case NODE_VARIABLE:
      {
        g_autofree char *ref = f->ref (node->slot, node->text, f->data);

        if (ref == NULL)
          f->ok = FALSE;
        else
          g_string_append (f->out, ref);
        break;
      }
    case NODE_NEGATE:
      g_string_append (f->out, "(-");
      formula_node (f, node->a);
      g_string_append_c (f->out, ')');
      break;
    case NODE_NOT:
      g_string_append (f->out, "NOT(");
      formula_node (f, node->a);
      g_string_append_c (f->out, ')');
      break;
    case NODE_BINARY:
      formula_binary (f, node);
      break;
    case NODE_IF:
      g_string_append (f->out, "IF(");
      formula_node (f, node->a);
      g_string_append_c (f->out, ',');
      formula_node (f, node->b);
      g_string_append_c (f->out, ',');
      formula_node (f, node->c);
      g_string_append_c (f->out, ')');
      break;
    case NODE_CALL:
      formula_call (f, node);
      break;
    default:
      f->ok = FALSE;
      break;
    }
}

char *
slv_expr_to_formula (SlvExpr        *self,
                     SlvExprRefFunc  ref,
                     gpointer        user_data)
{
  Formula f = { self, ref, user_data, g_string_new (NULL), TRUE };

  g_return_val_if_fail (self != NULL && ref != NULL, NULL);

  if (!self->checked)
    f.ok = FALSE;
  else
    formula_node (&f, self->root);
  if (!f.ok)
    {
      g_string_free (f.out, TRUE);
      return NULL;
    }
  return g_string_free (f.out, FALSE);
}
