/* slv-expr-parse.c: lexer and recursive-descent parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-expr"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-expr-private.h"

typedef enum
{
  T_EOF, T_NUMBER, T_STRING, T_NAME,
  T_IF, T_THEN, T_ELSE, T_AND, T_OR, T_NOT, T_TRUE, T_FALSE,
  T_PLUS, T_MINUS, T_STAR, T_SLASH, T_LPAREN, T_RPAREN, T_COMMA,
  T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,
} TokenKind;

typedef struct
{
  TokenKind        kind;
  const char      *start;   /* in the source */
  gsize            len;     /* bytes */
  SlvExprLocation  where;
  SlvDecimal       number;
  GString         *text;    /* string literal contents */
} Token;

typedef struct
{
  const char      *src;
  const char      *p;
  int              line;
  int              column;
  Token            tok;
  SlvExpr         *expr;
  int              nesting;
  GError         **error;
  SlvExprLocation *where;
} Parser;

static const struct { const char *word; TokenKind kind; } keywords[] = {
  { "if", T_IF }, { "then", T_THEN }, { "else", T_ELSE }, { "and", T_AND },
  { "or", T_OR }, { "not", T_NOT }, { "true", T_TRUE }, { "false", T_FALSE },
};

/* Multi-character operators, longest first. */
static const struct { const char *text; TokenKind kind; } operators[] = {
  { "==", T_EQ }, { "!=", T_NE }, { "<>", T_NE }, { "<=", T_LE }, { ">=", T_GE },
  { "\xc3\x97", T_STAR },      /* × */
  { "\xc3\xb7", T_SLASH },     /* ÷ */
  { "\xe2\x88\x92", T_MINUS }, /* − */
  { "\xe2\x89\xa0", T_NE },    /* ≠ */
  { "\xe2\x89\xa4", T_LE },    /* ≤ */
  { "\xe2\x89\xa5", T_GE },    /* ≥ */
  { "+", T_PLUS }, { "-", T_MINUS }, { "*", T_STAR }, { "/", T_SLASH }, { "(", T_LPAREN },
  { ")", T_RPAREN }, { ",", T_COMMA }, { "=", T_EQ }, { "<", T_LT }, { ">", T_GT },
};

static int
char_count (const char *s,
            gsize       len)
{
  return (int) g_utf8_strlen (s, len);
}

static void
advance_chars (Parser *ps,
               gsize   bytes)
{
  const char *end = ps->p + bytes;

  while (ps->p < end)
    {
      if (*ps->p == '\n')
        ps->line++, ps->column = 1;
      else
        ps->column++;
      ps->p = g_utf8_next_char (ps->p);
    }
}

static void
skip_blanks (Parser *ps)
{
  for (;;)
    {
      if (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\r' || *ps->p == '\n')
        advance_chars (ps, 1);
      else if (*ps->p == '#')
        while (*ps->p != '\0' && *ps->p != '\n')
          advance_chars (ps, 1);
      else
        return;
    }
}

static gboolean
lex_number (Parser *ps)
{
  const char *s = ps->p;
  gsize n = 0;

  while (g_ascii_isdigit (s[n]))
    n++;
  if (s[n] == '.')
    for (n++; g_ascii_isdigit (s[n]); n++)
      ;
  /* "1.2.3", "3abc", "1." are not numbers */
  while (g_ascii_isalnum (s[n]) || s[n] == '.' || s[n] == '_')
    n++;
  ps->tok.kind = T_NUMBER;
  ps->tok.len = n;
  ps->tok.where.length = (int) n;
  if (!slv_decimal_parse (s, n, &ps->tok.number, NULL))
    return slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_BAD_NUMBER, &ps->tok.where,
                          _("“%.*s” is not a number."), (int) MIN (n, 40), s);
  advance_chars (ps, n);
  return TRUE;
}

static gboolean
lex_string (Parser *ps)
{
  char quote = *ps->p;
  const char *s = ps->p + 1;

  g_string_truncate (ps->tok.text, 0);
  for (; *s != quote; s++)
    {
      if (*s == '\0' || *s == '\n')
        return slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_UNTERMINATED_STRING,
                              &ps->tok.where, _("this text has no closing %c."), quote);
      if (*s == '\\' && (s[1] == quote || s[1] == '\\'))
        s++;
      g_string_append_c (ps->tok.text, *s);
    }
  ps->tok.kind = T_STRING;
  ps->tok.len = s + 1 - ps->p;
  ps->tok.where.length = char_count (ps->p, ps->tok.len);
  advance_chars (ps, ps->tok.len);
  return TRUE;
}

static gboolean
lex_word (Parser *ps)
{
  gsize n = 0;

  while (g_ascii_isalnum (ps->p[n]) || ps->p[n] == '_')
    n++;
  ps->tok.kind = T_NAME;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (strlen (keywords[i].word) == n && strncmp (ps->p, keywords[i].word, n) == 0)
      ps->tok.kind = keywords[i].kind;
  ps->tok.len = n;
  ps->tok.where.length = (int) n;
  advance_chars (ps, n);
  return TRUE;
}

static gboolean
next (Parser *ps)
{
  skip_blanks (ps);
  ps->tok.start = ps->p;
  ps->tok.where = (SlvExprLocation) { ps->line, ps->column, 1 };
  if (*ps->p == '\0')
    {
      ps->tok.kind = T_EOF;
      ps->tok.len = 0;
      return TRUE;
    }
  if (g_ascii_isdigit (*ps->p) || (*ps->p == '.' && g_ascii_isdigit (ps->p[1])))
    return lex_number (ps);
  if (*ps->p == '"' || *ps->p == '\'')
    return lex_string (ps);
  if (g_ascii_isalpha (*ps->p) || *ps->p == '_')
    return lex_word (ps);
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      gsize n = strlen (operators[i].text);

      if (strncmp (ps->p, operators[i].text, n) == 0)
        {
          ps->tok.kind = operators[i].kind;
          ps->tok.len = n;
          ps->tok.where.length = char_count (ps->p, n);
          advance_chars (ps, n);
          return TRUE;
        }
    }
  {
    const char *end = g_utf8_find_next_char (ps->p, NULL);
    gsize n = end ? (gsize) (end - ps->p) : strlen (ps->p);

    return slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_BAD_CHARACTER, &ps->tok.where,
                          _("“%.*s” has no meaning in a rule."), (int) n, ps->p);
  }
}

static char *
describe_token (const Token *tok)
{
  if (tok->kind == T_EOF)
    return g_strdup (_("the end of the rule"));
  return g_strdup_printf ("“%.*s”", (int) MIN (tok->len, 40), tok->start);
}

static gboolean
expected (Parser     *ps,
          const char *what)
{
  g_autofree char *found = describe_token (&ps->tok);

  return slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_SYNTAX, &ps->tok.where,
                        _("expected %s, found %s."), what, found);
}

static int
add_node (Parser         *ps,
          NodeKind        kind,
          SlvExprLocation where,
          int             a,
          int             b,
          int             c)
{
  Node node = { kind, 0, SLV_EXPR_NUMBER, where, a, b, c, 0, SLV_DECIMAL_ZERO, NULL, -1, 1 };
  GArray *nodes = ps->expr->nodes;

  for (int i = 0; i < 3; i++)
    {
      int child = i == 0 ? a : i == 1 ? b : c;

      if (child >= 0)
        node.depth = MAX (node.depth, g_array_index (nodes, Node, child).depth + 1);
    }
  if (node.depth > SLV_EXPR_MAX_TREE_DEPTH)
    {
      slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_TOO_DEEP, &where,
                     _("the rule is too deeply built (more than %d steps); split it up."),
                     SLV_EXPR_MAX_TREE_DEPTH);
      return -1;
    }
  g_array_append_val (nodes, node);
  return (int) nodes->len - 1;
}

static Node *
node_at (Parser *ps,
         int     i)
{
  return &g_array_index (ps->expr->nodes, Node, i);
}

static int parse_expr (Parser *ps);

static gboolean
enter (Parser *ps)
{
  if (++ps->nesting > SLV_EXPR_MAX_NESTING)
    return slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_TOO_DEEP, &ps->tok.where,
                          _("the rule nests more than %d levels deep."), SLV_EXPR_MAX_NESTING);
  return TRUE;
}

static int
parse_call (Parser          *ps,
            SlvExprLocation  where,
            const char      *name)
{
  g_autoptr(GArray) args = g_array_new (FALSE, FALSE, sizeof (int));
  int node;

  if (!next (ps))
    return -1;
  if (ps->tok.kind != T_RPAREN)
    for (;;)
      {
        int arg = parse_expr (ps);

        if (arg < 0)
          return -1;
        g_array_append_val (args, arg);
        if (ps->tok.kind == T_RPAREN)
          break;
        if (ps->tok.kind != T_COMMA)
          return expected (ps, _("“,” or “)”")), -1;
        if (!next (ps))
          return -1;
      }
  if (!next (ps))
    return -1;
  node = add_node (ps, NODE_CALL, where, -1, -1, -1);
  if (node < 0)
    return -1;
  for (guint i = 0; i < args->len; i++)
    node_at (ps, node)->depth = MAX (node_at (ps, node)->depth,
                                     node_at (ps, g_array_index (args, int, i))->depth + 1);
  if (node_at (ps, node)->depth > SLV_EXPR_MAX_TREE_DEPTH)
    return slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_TOO_DEEP, &where,
                          _("the rule is too deeply built (more than %d steps); split it up."),
                          SLV_EXPR_MAX_TREE_DEPTH), -1;
  node_at (ps, node)->a = (int) ps->expr->args->len;
  node_at (ps, node)->n_args = args->len;
  node_at (ps, node)->text = name;
  g_array_append_vals (ps->expr->args, args->data, args->len);
  return node;
}

static int
parse_if (Parser *ps)
{
  SlvExprLocation where = ps->tok.where;
  int cond, then_branch, else_branch;

  if (!next (ps) || (cond = parse_expr (ps)) < 0)
    return -1;
  if (ps->tok.kind != T_THEN)
    return expected (ps, _("“then” after the condition of “if”")), -1;
  if (!next (ps) || (then_branch = parse_expr (ps)) < 0)
    return -1;
  if (ps->tok.kind != T_ELSE)
    return expected (ps, _("“else” (every “if” needs one)")), -1;
  if (!next (ps) || (else_branch = parse_expr (ps)) < 0)
    return -1;
  return add_node (ps, NODE_IF, where, cond, then_branch, else_branch);
}

static int
parse_primary (Parser *ps)
{
  Token *t = &ps->tok;
  SlvExprLocation where = t->where;
  int node;

  switch (t->kind)
    {
    case T_NUMBER:
      node = add_node (ps, NODE_NUMBER, where, -1, -1, -1);
      if (node >= 0)
        node_at (ps, node)->number = t->number;
      return node >= 0 && next (ps) ? node : -1;
    case T_STRING:
      node = add_node (ps, NODE_STRING, where, -1, -1, -1);
      if (node >= 0)
        node_at (ps, node)->text = g_string_chunk_insert_len (ps->expr->strings, t->text->str,
                                                              t->text->len);
      return node >= 0 && next (ps) ? node : -1;
    case T_TRUE:
    case T_FALSE:
      node = add_node (ps, NODE_BOOLEAN, where, -1, -1, -1);
      if (node >= 0)
        node_at (ps, node)->op = t->kind == T_TRUE;
      return node >= 0 && next (ps) ? node : -1;
    case T_NAME:
      {
        const char *name = g_string_chunk_insert_len (ps->expr->strings, t->start, t->len);

        if (!next (ps))
          return -1;
        if (ps->tok.kind == T_LPAREN)
          return parse_call (ps, where, name);
        node = add_node (ps, NODE_VARIABLE, where, -1, -1, -1);
        if (node >= 0)
          node_at (ps, node)->text = name;
        return node;
      }
    case T_LPAREN:
      if (!next (ps) || (node = parse_expr (ps)) < 0)
        return -1;
      if (ps->tok.kind != T_RPAREN)
        return expected (ps, _("“)”")), -1;
      return next (ps) ? node : -1;
    case T_IF:
      return parse_if (ps);
    case T_EOF: case T_THEN: case T_ELSE: case T_AND: case T_OR: case T_NOT:
    case T_PLUS: case T_MINUS: case T_STAR: case T_SLASH: case T_RPAREN: case T_COMMA:
    case T_EQ: case T_NE: case T_LT: case T_LE: case T_GT: case T_GE:
    default:
      return expected (ps, _("a number, a name, a text in quotes or “(”")), -1;
    }
}

static int
parse_unary (Parser *ps)
{
  SlvExprLocation where = ps->tok.where;
  TokenKind kind = ps->tok.kind;
  int operand;

  if (kind != T_MINUS && kind != T_PLUS)
    return parse_primary (ps);
  if (!enter (ps) || !next (ps) || (operand = parse_unary (ps)) < 0)
    return -1;
  ps->nesting--;
  return kind == T_PLUS ? operand : add_node (ps, NODE_NEGATE, where, operand, -1, -1);
}

static int
parse_binary_level (Parser          *ps,
                    int            (*operand) (Parser *),
                    const TokenKind *kinds,
                    const BinaryOp  *ops,
                    guint            n,
                    gboolean         chain)
{
  int left = operand (ps);

  while (left >= 0)
    {
      SlvExprLocation where = ps->tok.where;
      guint i;
      int right;

      for (i = 0; i < n && kinds[i] != ps->tok.kind; i++)
        ;
      if (i == n)
        break;
      if (!next (ps) || (right = operand (ps)) < 0)
        return -1;
      left = add_node (ps, NODE_BINARY, where, left, right, -1);
      if (left >= 0)
        node_at (ps, left)->op = ops[i];
      if (!chain && left >= 0)
        for (guint j = 0; j < n; j++)
          if (kinds[j] == ps->tok.kind)
            return slv_expr_fail (ps->error, ps->where, SLV_EXPR_ERROR_SYNTAX, &ps->tok.where,
                                  _("comparisons cannot be chained; join them with “and”.")), -1;
    }
  return left;
}

static int
parse_product (Parser *ps)
{
  static const TokenKind kinds[] = { T_STAR, T_SLASH };
  static const BinaryOp ops[] = { OP_MUL, OP_DIV };

  return parse_binary_level (ps, parse_unary, kinds, ops, 2, TRUE);
}

static int
parse_sum (Parser *ps)
{
  static const TokenKind kinds[] = { T_PLUS, T_MINUS };
  static const BinaryOp ops[] = { OP_ADD, OP_SUB };

  return parse_binary_level (ps, parse_product, kinds, ops, 2, TRUE);
}

static int
parse_compare (Parser *ps)
{
  static const TokenKind kinds[] = { T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE };
  static const BinaryOp ops[] = { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

  return parse_binary_level (ps, parse_sum, kinds, ops, 6, FALSE);
}

static int
parse_not (Parser *ps)
{
  SlvExprLocation where = ps->tok.where;
  int operand;

  if (ps->tok.kind != T_NOT)
    return parse_compare (ps);
  if (!enter (ps) || !next (ps) || (operand = parse_not (ps)) < 0)
    return -1;
  ps->nesting--;
  return add_node (ps, NODE_NOT, where, operand, -1, -1);
}

static int
parse_and (Parser *ps)
{
  static const TokenKind kinds[] = { T_AND };
  static const BinaryOp ops[] = { OP_AND };

  return parse_binary_level (ps, parse_not, kinds, ops, 1, TRUE);
}

static int
parse_expr (Parser *ps)
{
  static const TokenKind kinds[] = { T_OR };
  static const BinaryOp ops[] = { OP_OR };
  int node;

  if (!enter (ps))
    return -1;
  node = ps->tok.kind == T_IF ? parse_if (ps)
                              : parse_binary_level (ps, parse_and, kinds, ops, 1, TRUE);
  ps->nesting--;
  return node;
}

SlvExpr *
slv_expr_parse (const char       *source,
                SlvExprLocation  *where,
                GError          **error)
{
  g_autoptr(SlvExpr) expr = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  SlvExprLocation start = { 1, 1, 1 };
  Parser ps = { 0 };

  g_return_val_if_fail (source != NULL, NULL);

  if (strlen (source) > SLV_EXPR_MAX_SOURCE)
    return slv_expr_fail (error, where, SLV_EXPR_ERROR_TOO_LONG, &start,
                          _("the rule is longer than %d characters."), SLV_EXPR_MAX_SOURCE), NULL;
  if (!g_utf8_validate (source, -1, NULL))
    return slv_expr_fail (error, where, SLV_EXPR_ERROR_BAD_CHARACTER, &start,
                          _("the rule is not valid UTF-8 text.")), NULL;

  expr = g_new0 (SlvExpr, 1);
  g_atomic_ref_count_init (&expr->ref_count);
  expr->source = g_strdup (source);
  expr->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  expr->args = g_array_new (FALSE, FALSE, sizeof (int));
  expr->strings = g_string_chunk_new (64);

  ps = (Parser) { source, source, 1, 1, { 0 }, expr, 0, error, where };
  ps.tok.text = text;
  if (!next (&ps))
    return NULL;
  if (ps.tok.kind == T_EOF)
    return slv_expr_fail (error, where, SLV_EXPR_ERROR_SYNTAX, &ps.tok.where,
                          _("the rule is empty; write an expression such as landed * 2.")), NULL;
  expr->root = parse_expr (&ps);
  if (expr->root < 0)
    return NULL;
  if (ps.tok.kind != T_EOF)
    return expected (&ps, _("an operator or the end of the rule")), NULL;
  return g_steal_pointer (&expr);
}
