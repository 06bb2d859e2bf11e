/* slv-dxf-private.h: shared by the DXF reader's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-dxf.h"

G_BEGIN_DECLS

/* -- group-code pairs -- */

typedef struct
{
  const char *data;
  gsize       len;
  gsize       pos;
  guint       line;         /* 1-based line of the current pair's code */
  guint       next_line;
  int         code;
  GString    *value;
  gboolean    pushed_back;
} SlvDxfLexer;

void      slv_dxf_lexer_init     (SlvDxfLexer  *lex,
                                  const char   *data,
                                  gsize         len);
void      slv_dxf_lexer_clear    (SlvDxfLexer  *lex);
/* Reads the next pair: TRUE with code/value set, FALSE at the end of the
 * data (no error) or on a damaged pair (error set). */
gboolean  slv_dxf_lexer_next     (SlvDxfLexer  *lex,
                                  GError      **error);
/* The next call to _next() returns the current pair again. */
void      slv_dxf_lexer_push_back (SlvDxfLexer *lex);
/* The value as a finite coordinate within SLV_DXF_MAX_COORDINATE. */
gboolean  slv_dxf_lexer_double   (SlvDxfLexer  *lex,
                                  double       *out,
                                  GError      **error);
gboolean  slv_dxf_lexer_int      (SlvDxfLexer  *lex,
                                  int          *out,
                                  GError      **error);
gboolean  slv_dxf_lexer_is       (SlvDxfLexer  *lex,
                                  int           code,
                                  const char   *value);

/* -- what a block holds, in drawing units -- */

typedef struct
{
  char      *layer;
  char      *text;
  SlvPoint   at;
} SlvDxfText;

typedef struct
{
  char      *layer;
  SlvPoint   at;
  double     angle;
} SlvDxfPoint;

typedef struct
{
  char       *layer;
  SlvPolygon *line;        /* a closed polyline repeats its first point */
} SlvDxfLine;

typedef struct
{
  char      *name;
  guint      line;         /* where the BLOCK starts */
  GPtrArray *lines;        /* SlvDxfLine: POLYLINE, LWPOLYLINE, LINE */
  GPtrArray *points;       /* SlvDxfPoint: POINT, CIRCLE centres */
  GPtrArray *texts;        /* SlvDxfText: TEXT, MTEXT */
  guint      n_entities;
} SlvDxfBlock;

typedef struct
{
  GPtrArray  *blocks;      /* SlvDxfBlock */
  GPtrArray  *texts;       /* ENTITIES texts */
  GHashTable *variables;   /* $HEADER variables: name → first value */
  guint       n_points;
} SlvDxfDocument;

void      slv_dxf_document_init  (SlvDxfDocument *doc);
void      slv_dxf_document_clear (SlvDxfDocument *doc);
/* Parses the sections into @doc. */
gboolean  slv_dxf_parse          (SlvDxfLexer    *lex,
                                  SlvDxfDocument *doc,
                                  GError        **error);
/* Builds pattern pieces out of the parsed blocks. */
SlvPatternSet *slv_dxf_build     (SlvDxfDocument *doc,
                                  const char     *source,
                                  GError        **error);

G_END_DECLS
