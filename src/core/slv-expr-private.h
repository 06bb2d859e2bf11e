/* slv-expr-private.h: the expression tree, shared by the parser, checker,
 * evaluator and formula writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-expr.h"

G_BEGIN_DECLS

#define SLV_EXPR_MAX_SOURCE     16384
#define SLV_EXPR_MAX_NESTING    64
#define SLV_EXPR_MAX_TREE_DEPTH 200

typedef enum
{
  NODE_NUMBER,
  NODE_STRING,
  NODE_BOOLEAN,
  NODE_VARIABLE,
  NODE_NEGATE,
  NODE_NOT,
  NODE_BINARY,
  NODE_IF,
  NODE_CALL,
} NodeKind;

typedef enum
{
  OP_ADD, OP_SUB, OP_MUL, OP_DIV,
  OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
  OP_AND, OP_OR,
} BinaryOp;

typedef enum
{
  FUNC_MIN, FUNC_MAX, FUNC_ROUND_TO, FUNC_ROUND, FUNC_PRICE_ENDING, FUNC_ABS,
} Func;

typedef struct
{
  NodeKind         kind;
  int              op;       /* BinaryOp or Func */
  SlvExprType      type;     /* set by the checker */
  SlvExprLocation  where;    /* the token that names the node */
  int              a, b, c;  /* children; for calls a = first index in args */
  guint            n_args;
  SlvDecimal       number;
  const char      *text;     /* string literal or name, in the chunk */
  int              slot;     /* variable slot after checking, else -1 */
  int              depth;    /* height of the subtree */
} Node;

struct _SlvExpr
{
  gatomicrefcount  ref_count;
  char            *source;
  GArray          *nodes;    /* Node */
  GArray          *args;     /* int: node indices of call arguments */
  GStringChunk    *strings;
  int              root;
  gboolean         checked;
  guint64          slots_used;   /* bit per variable slot (slots < 64) */
};

const char *slv_expr_func_name (Func func);
/* Sets @error and @where to "Line L, column C: message". */
gboolean    slv_expr_fail      (GError                **error,
                                SlvExprLocation        *where,
                                SlvExprError            code,
                                const SlvExprLocation  *at,
                                const char             *format,
                                ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
