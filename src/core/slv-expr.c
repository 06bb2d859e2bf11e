/* slv-expr.c: type checking, evaluation and spreadsheet formulas.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-expr"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-expr-private.h"
#include "slv-price-ending.h"

G_DEFINE_QUARK (slv-expr-error-quark, slv_expr_error)

static const struct { const char *name; Func func; guint min_args, max_args; } functions[] = {
  { "min", FUNC_MIN, 1, G_MAXUINT },
  { "max", FUNC_MAX, 1, G_MAXUINT },
  { "round_to", FUNC_ROUND_TO, 2, 2 },
  { "round", FUNC_ROUND, 2, 2 },
  { "price_ending", FUNC_PRICE_ENDING, 2, 2 },
  { "abs", FUNC_ABS, 1, 1 },
};

const char *
slv_expr_func_name (Func func)
{
  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    if (functions[i].func == func)
      return functions[i].name;
  return "?";
}

const char *
slv_expr_type_to_string (SlvExprType type)
{
  switch (type)
    {
    case SLV_EXPR_NUMBER:
      return _("a number");
    case SLV_EXPR_STRING:
      return _("text");
    case SLV_EXPR_BOOLEAN:
      return _("true or false");
    default:
      return "?";
    }
}

gboolean
slv_expr_fail (GError                **error,
               SlvExprLocation        *where,
               SlvExprError            code,
               const SlvExprLocation  *at,
               const char             *format,
               ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (where != NULL)
    *where = *at;
  g_set_error (error, SLV_EXPR_ERROR, code, _("Line %d, column %d: %s"), at->line, at->column, msg);
  return FALSE;
}

SlvExpr *
slv_expr_ref (SlvExpr *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
slv_expr_unref (SlvExpr *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->source);
  g_array_unref (self->nodes);
  g_array_unref (self->args);
  g_string_chunk_free (self->strings);
  g_free (self);
}

const char *
slv_expr_get_source (SlvExpr *self)
{
  return self->source;
}

gboolean
slv_expr_is_checked (SlvExpr *self)
{
  return self->checked;
}

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

/* -- type checking -- */

typedef struct
{
  SlvExpr          *expr;
  const SlvExprVar *vars;
  guint             n_vars;
  GError          **error;
  SlvExprLocation  *where;
} Checker;

static guint
edit_distance (const char *a,
               const char *b)
{
  guint la = strlen (a), lb = strlen (b), prev[33], cur[33];

  if (la > 32 || lb > 32)
    return G_MAXUINT;
  for (guint j = 0; j <= lb; j++)
    prev[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      cur[0] = i;
      for (guint j = 1; j <= lb; j++)
        cur[j] = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] != b[j - 1]));
      memcpy (prev, cur, sizeof cur);
    }
  return prev[lb];
}

static gboolean
unknown_variable (Checker    *c,
                  const Node *node)
{
  const char *best = NULL;
  guint best_d = 3;

  for (guint i = 0; i < c->n_vars; i++)
    {
      guint d = edit_distance (node->text, c->vars[i].name);

      if (d < best_d)
        best = c->vars[i].name, best_d = d;
    }
  if (best != NULL)
    return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_UNKNOWN_VARIABLE, &node->where,
                          _("there is no value called “%s”; did you mean “%s”?"), node->text, best);
  return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_UNKNOWN_VARIABLE, &node->where,
                        _("there is no value called “%s”."), node->text);
}

static gboolean
want_type (Checker     *c,
           int          i,
           SlvExprType  type,
           const char  *context)
{
  Node *node = N (c->expr, i);

  if (node->type == type)
    return TRUE;
  return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_TYPE, &node->where,
                        _("%s needs %s here, but this is %s."), context,
                        slv_expr_type_to_string (type), slv_expr_type_to_string (node->type));
}

static gboolean check_node (Checker *c, int i);

static gboolean
check_binary (Checker *c,
              Node    *node)
{
  static const char * const op_text[] = { "+", "-", "×", "÷", "==", "!=", "<", "<=", ">", ">=", "and", "or" };
  g_autofree char *context = g_strdup_printf ("“%s”", op_text[node->op]);

  if (!check_node (c, node->a) || !check_node (c, node->b))
    return FALSE;
  switch ((BinaryOp) node->op)
    {
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV:
      node->type = SLV_EXPR_NUMBER;
      return want_type (c, node->a, SLV_EXPR_NUMBER, context) &&
             want_type (c, node->b, SLV_EXPR_NUMBER, context);
    case OP_LT: case OP_LE: case OP_GT: case OP_GE:
      node->type = SLV_EXPR_BOOLEAN;
      return want_type (c, node->a, SLV_EXPR_NUMBER, context) &&
             want_type (c, node->b, SLV_EXPR_NUMBER, context);
    case OP_EQ: case OP_NE:
      node->type = SLV_EXPR_BOOLEAN;
      return want_type (c, node->b, N (c->expr, node->a)->type, context);
    case OP_AND: case OP_OR:
      node->type = SLV_EXPR_BOOLEAN;
      return want_type (c, node->a, SLV_EXPR_BOOLEAN, context) &&
             want_type (c, node->b, SLV_EXPR_BOOLEAN, context);
    default:
      return FALSE;
    }
}

static gboolean
check_literal_args (Checker *c,
                    Node    *call)
{
  Node *second = N (c->expr, arg (c->expr, call, 1));
  SlvPriceEnding ending;
  g_autoptr(GError) local = NULL;
  gint64 places;

  if (call->op == FUNC_PRICE_ENDING && second->kind == NODE_STRING &&
      !slv_price_ending_parse (second->text, &ending, &local))
    return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_INVALID_ARGUMENT, &second->where,
                          "%s", local->message);
  if (call->op == FUNC_ROUND && second->kind == NODE_NUMBER &&
      (!slv_decimal_is_integer (second->number) || !slv_decimal_to_int (second->number, &places) ||
       places < 0 || places > SLV_DECIMAL_PLACES))
    return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_INVALID_ARGUMENT, &second->where,
                          _("round() keeps 0 to %d places."), SLV_DECIMAL_PLACES);
  if (call->op == FUNC_ROUND_TO && second->kind == NODE_NUMBER && slv_decimal_sign (second->number) <= 0)
    return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_INVALID_ARGUMENT, &second->where,
                          _("round_to() needs a step above zero."));
  return TRUE;
}

static gboolean
check_call (Checker *c,
            Node    *node)
{
  g_autofree char *context = g_strdup_printf ("%s()", node->text);
  guint f;

  for (f = 0; f < G_N_ELEMENTS (functions) && strcmp (functions[f].name, node->text) != 0; f++)
    ;
  if (f == G_N_ELEMENTS (functions))
    return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_UNKNOWN_FUNCTION, &node->where,
                          _("there is no function “%s”; use min, max, round_to, round, "
                            "price_ending or abs."), node->text);
  node->op = functions[f].func;
  if (node->n_args < functions[f].min_args || node->n_args > functions[f].max_args)
    {
      if (functions[f].min_args == functions[f].max_args)
        return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_ARITY, &node->where,
                              g_dngettext (GETTEXT_PACKAGE, "%s() takes %u value, not %u.",
                                           "%s() takes %u values, not %u.", functions[f].min_args),
                              node->text, functions[f].min_args, node->n_args);
      return slv_expr_fail (c->error, c->where, SLV_EXPR_ERROR_ARITY, &node->where,
                            _("%s() takes at least one value."), node->text);
    }
  for (guint i = 0; i < node->n_args; i++)
    {
      SlvExprType want = node->op == FUNC_PRICE_ENDING && i == 1 ? SLV_EXPR_STRING : SLV_EXPR_NUMBER;

      if (!check_node (c, arg (c->expr, node, i)) ||
          !want_type (c, arg (c->expr, node, i), want, context))
        return FALSE;
    }
  node->type = SLV_EXPR_NUMBER;
  return node->n_args < 2 || check_literal_args (c, node);
}

static gboolean
check_node (Checker *c,
            int      i)
{
  Node *node = N (c->expr, i);

  switch (node->kind)
    {
    case NODE_NUMBER:
      node->type = SLV_EXPR_NUMBER;
      return TRUE;
    case NODE_STRING:
      node->type = SLV_EXPR_STRING;
      return TRUE;
    case NODE_BOOLEAN:
      node->type = SLV_EXPR_BOOLEAN;
      return TRUE;
    case NODE_VARIABLE:
      for (guint v = 0; v < c->n_vars; v++)
        if (strcmp (c->vars[v].name, node->text) == 0)
          {
            node->slot = (int) v;
            node->type = c->vars[v].type;
            return TRUE;
          }
      return unknown_variable (c, node);
    case NODE_NEGATE:
      node->type = SLV_EXPR_NUMBER;
      return check_node (c, node->a) && want_type (c, node->a, SLV_EXPR_NUMBER, _("“-”"));
    case NODE_NOT:
      node->type = SLV_EXPR_BOOLEAN;
      return check_node (c, node->a) && want_type (c, node->a, SLV_EXPR_BOOLEAN, _("“not”"));
    case NODE_BINARY:
      return check_binary (c, node);
    case NODE_IF:
      if (!check_node (c, node->a) || !want_type (c, node->a, SLV_EXPR_BOOLEAN, _("the condition of “if”")) ||
          !check_node (c, node->b) || !check_node (c, node->c))
        return FALSE;
      node->type = N (c->expr, node->b)->type;
      return want_type (c, node->c, node->type, _("“else”, to match “then”,"));
    case NODE_CALL:
      return check_call (c, node);
    default:
      return FALSE;
    }
}

gboolean
slv_expr_check (SlvExpr          *self,
                const SlvExprVar *vars,
                guint             n_vars,
                SlvExprType       want,
                SlvExprLocation  *where,
                GError          **error)
{
  Checker c = { self, vars, n_vars, error, where };
  Node *root;

  g_return_val_if_fail (self != NULL, FALSE);

  self->checked = FALSE;
  if (!check_node (&c, self->root))
    return FALSE;
  root = N (self, self->root);
  if (root->type != want)
    return slv_expr_fail (error, where, SLV_EXPR_ERROR_TYPE, &root->where,
                          _("the rule gives %s, but it must give %s."),
                          slv_expr_type_to_string (root->type), slv_expr_type_to_string (want));
  self->slots_used = 0;
  for (guint i = 0; i < self->nodes->len; i++)
    if (N (self, i)->kind == NODE_VARIABLE && N (self, i)->slot >= 0 && N (self, i)->slot < 64)
      self->slots_used |= G_GUINT64_CONSTANT (1) << N (self, i)->slot;
  self->checked = TRUE;
  return TRUE;
}

gboolean
slv_expr_uses_slot (SlvExpr *self,
                    guint    slot)
{
  if (self->checked && slot < 64)
    return (self->slots_used >> slot) & 1;
  for (guint i = 0; i < self->nodes->len; i++)
    if (N (self, i)->kind == NODE_VARIABLE && N (self, i)->slot == (int) slot)
      return TRUE;
  return FALSE;
}
