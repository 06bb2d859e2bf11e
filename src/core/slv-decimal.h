/* slv-decimal.h: fixed-point decimal numbers for money and quantities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An SlvDecimal is a signed 128-bit integer counting units of 10⁻¹² (twelve
 * decimal places, fixed). Why this representation:
 *
 *  - A fixed scale makes + and − plain integer additions (exact, no
 *    alignment), comparison a plain integer compare, and keeps every value in
 *    one canonical form (3.54 and 3.5400 are the same bits).
 *  - Twelve places hold every printed figure of a cost sheet with room to
 *    spare (DOMAIN.md prints at most eight) and make × exact whenever the two
 *    operands together carry at most twelve decimals — every price × quantity
 *    the engine forms from entered data. Longer products and all quotients
 *    are rounded at the twelfth place, half-even unless the caller declares
 *    another mode; that is six orders of magnitude below the finest declared
 *    rounding point (cents, or the sixth place of a kg/piece).
 *  - 128 bits give a range of ±1.7 × 10²⁶, far beyond any order total, and
 *    keep the common case fast: operands below 1.8 × 10⁷ multiply with one
 *    64×64→128-bit product. Wider operands take an exact 256-bit path.
 *  - An int64 mantissa with a moving exponent would overflow after a few
 *    chained products (5.1954 × 0.25614144 × 1.08 × … already needs 18
 *    digits) and would need exponent alignment on every sum.
 *
 * No binary floating point takes part in any arithmetic here;
 * slv_decimal_to_double() exists for charts and sorting only.
 *
 * Every operation that can overflow returns FALSE instead of wrapping, and
 * leaves *out unchanged. Division by zero also returns FALSE.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_DECIMAL_ERROR (slv_decimal_error_quark ())

typedef enum
{
  SLV_DECIMAL_ERROR_INVALID,    /* not a number */
  SLV_DECIMAL_ERROR_OVERFLOW,   /* out of range */
  SLV_DECIMAL_ERROR_DIVISION_BY_ZERO,
} SlvDecimalError;

/* Declared rounding modes. HALF_UP rounds ties away from zero (the way
 * invoices and spreadsheets' ROUND do); UP rounds any remainder away from
 * zero; CEILING/FLOOR go towards ±∞; DOWN truncates. */
typedef enum
{
  SLV_ROUND_HALF_UP,
  SLV_ROUND_HALF_EVEN,
  SLV_ROUND_UP,
  SLV_ROUND_DOWN,
  SLV_ROUND_CEILING,
  SLV_ROUND_FLOOR,
} SlvRounding;

#define SLV_DECIMAL_PLACES 12
/* Enough for a sign, 27 integer digits, a point and 12 places. */
#define SLV_DECIMAL_BUF_SIZE 48

__extension__ typedef __int128 SlvDecimalRaw;

typedef struct
{
  SlvDecimalRaw raw;   /* value × 10¹² */
} SlvDecimal;

#define SLV_DECIMAL_ZERO ((SlvDecimal) { 0 })

GQuark      slv_decimal_error_quark  (void);

SlvDecimal  slv_decimal_from_int     (gint64       value);
/* @mantissa × 10^-@places, exact; @places in 0…12. */
SlvDecimal  slv_decimal_from_parts   (gint64       mantissa,
                                      guint        places);
/* Parses "12.3400", "-0.5", "+3", ".25", "1e3" is refused. Surrounding
 * ASCII blanks are allowed. Digits beyond the twelfth place are rounded
 * half-even. @length may be -1 for a nul-terminated @text. */
gboolean    slv_decimal_parse        (const char  *text,
                                      gssize       length,
                                      SlvDecimal  *out,
                                      GError     **error);
/* Like slv_decimal_parse(), but NULL or "" give @fallback. */
gboolean    slv_decimal_parse_or     (const char  *text,
                                      SlvDecimal   fallback,
                                      SlvDecimal  *out,
                                      GError     **error);

/* The shortest exact text ("3.54", "-0.5", "12"). */
char       *slv_decimal_to_string    (SlvDecimal   value) G_GNUC_WARN_UNUSED_RESULT;
/* Writes the shortest exact text into @buf; returns @buf. */
char       *slv_decimal_to_buf       (SlvDecimal   value,
                                      char         buf[SLV_DECIMAL_BUF_SIZE]);
/* Rounded to @places (0…12) with @mode and printed with exactly that many
 * places ("3.540", "12"). */
char       *slv_decimal_format       (SlvDecimal   value,
                                      guint        places,
                                      SlvRounding  mode) G_GNUC_WARN_UNUSED_RESULT;
char       *slv_decimal_format_buf   (SlvDecimal   value,
                                      guint        places,
                                      SlvRounding  mode,
                                      char         buf[SLV_DECIMAL_BUF_SIZE]);

gboolean    slv_decimal_add          (SlvDecimal   a,
                                      SlvDecimal   b,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean    slv_decimal_sub          (SlvDecimal   a,
                                      SlvDecimal   b,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
/* a × b, rounded half-even at the twelfth place (exact when the operands'
 * places add up to at most twelve). */
gboolean    slv_decimal_mul          (SlvDecimal   a,
                                      SlvDecimal   b,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean    slv_decimal_mul_round    (SlvDecimal   a,
                                      SlvDecimal   b,
                                      SlvRounding  mode,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
/* a ÷ b at twelve places with @mode. FALSE if b is zero or on overflow. */
gboolean    slv_decimal_div          (SlvDecimal   a,
                                      SlvDecimal   b,
                                      SlvRounding  mode,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
/* Rounded to @places (0…12) with @mode. */
gboolean    slv_decimal_round        (SlvDecimal   value,
                                      guint        places,
                                      SlvRounding  mode,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
/* Rounded to a multiple of @step (> 0) with @mode. */
gboolean    slv_decimal_round_to     (SlvDecimal   value,
                                      SlvDecimal   step,
                                      SlvRounding  mode,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
/* a × (1 + pct/100) and a × pct/100: the shapes every wastage, loss and
 * percentage takes. */
gboolean    slv_decimal_add_percent  (SlvDecimal   a,
                                      SlvDecimal   pct,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;
gboolean    slv_decimal_percent_of   (SlvDecimal   a,
                                      SlvDecimal   pct,
                                      SlvDecimal  *out) G_GNUC_WARN_UNUSED_RESULT;

int         slv_decimal_cmp          (SlvDecimal   a,
                                      SlvDecimal   b);
gboolean    slv_decimal_equal        (SlvDecimal   a,
                                      SlvDecimal   b);
gboolean    slv_decimal_is_zero      (SlvDecimal   value);
int         slv_decimal_sign         (SlvDecimal   value);
SlvDecimal  slv_decimal_neg          (SlvDecimal   value);
SlvDecimal  slv_decimal_abs          (SlvDecimal   value);
SlvDecimal  slv_decimal_min          (SlvDecimal   a,
                                      SlvDecimal   b);
SlvDecimal  slv_decimal_max          (SlvDecimal   a,
                                      SlvDecimal   b);
/* TRUE if the value has no fractional part. */
gboolean    slv_decimal_is_integer   (SlvDecimal   value);
/* The integer part (truncated); FALSE if it does not fit in 64 bits. */
gboolean    slv_decimal_to_int       (SlvDecimal   value,
                                      gint64      *out);
/* For charts and sorting only: never feed the result back into a total. */
double      slv_decimal_to_double    (SlvDecimal   value);

G_END_DECLS
