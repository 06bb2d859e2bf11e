/* slv-values.h: reading numbers and dates the way SAP and spreadsheets write them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decimal separator and the date order are settings of an import, never
 * guessed per value: "1.234" is 1234 with decimal commas and 1.234 with
 * decimal points. Grouping is checked (groups of three digits), so a value
 * read with the wrong setting is refused instead of being misread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_VALUE_ERROR (slv_value_error_quark ())

typedef enum
{
  SLV_VALUE_ERROR_INVALID,   /* not a value of the expected kind */
  SLV_VALUE_ERROR_RANGE,     /* too many digits, impossible date */
} SlvValueError;

typedef enum
{
  SLV_DECIMAL_POINT,   /* 1,234,567.89 and 1 234 567.89 (SAP DCPFM ‘X’) */
  SLV_DECIMAL_COMMA,   /* 1.234.567,89 and 1 234 567,89 (SAP DCPFM blank and ‘Y’) */
} SlvDecimalSep;

typedef enum
{
  SLV_DATE_DMY,        /* 31/12/2025, 31-12-2025 */
  SLV_DATE_MDY,        /* 12/31/2025 (SAP DATFM 2 and 3) */
} SlvDateOrder;

/* Room for any canonical decimal this module writes, with its NUL. */
#define SLV_DECIMAL_BUF 80
#define SLV_DECIMAL_MAX_DIGITS 36
/* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS", with its NUL. */
#define SLV_DATE_BUF 24

GQuark    slv_value_error_quark      (void);

/* Parses @text (@len bytes, or -1 for NUL-terminated) into a canonical
 * decimal in @out: optional '-', digits without grouping, '.' before the
 * fraction ("-1234567.89"). Accepts a leading or trailing minus ("100.20-"),
 * a leading plus, parentheses for negatives, grouping by the other
 * punctuation mark or spaces, and an exponent ("1.5E3"). Blank text gives
 * "" in @out and TRUE. */
gboolean  slv_parse_decimal          (const char     *text,
                                      gssize          len,
                                      SlvDecimalSep   sep,
                                      char            out[SLV_DECIMAL_BUF],
                                      GError        **error);
/* As above, and the value must be a whole number that fits in 64 bits. */
gboolean  slv_parse_integer          (const char     *text,
                                      gssize          len,
                                      SlvDecimalSep   sep,
                                      gboolean       *empty,
                                      gint64         *out,
                                      GError        **error);
/* Parses dd.mm.yyyy, YYYYMMDD, ISO yyyy-mm-dd (a time after it is ignored),
 * yyyy/mm/dd, yyyy.mm.dd, and dd/mm/yyyy or mm/dd/yyyy by @order, into
 * "YYYY-MM-DD". SAP's empty date "00000000" and blank text give "". */
gboolean  slv_parse_date             (const char     *text,
                                      gssize          len,
                                      SlvDateOrder    order,
                                      char            out[SLV_DATE_BUF],
                                      GError        **error);

/* Compares two canonical decimals by value ("12.50" equals "12.5"). */
gboolean  slv_decimal_text_equal          (const char     *a,
                                      const char     *b);
/* Sign of a canonical decimal: -1, 0 or 1. */
int       slv_decimal_text_sign           (const char     *canonical);
/* Compares a canonical decimal with @limit (a canonical decimal). */
int       slv_decimal_text_compare        (const char     *a,
                                      const char     *b);
/* Divides a canonical decimal by a canonical divisor. Exact when the result
 * has at most @max_scale fraction digits (always so for powers of ten);
 * otherwise rounds half away from zero to @max_scale digits and sets
 * *@rounded. FALSE if the divisor is zero or the numbers are too long. */
gboolean  slv_decimal_text_divide         (const char     *a,
                                      const char     *divisor,
                                      guint           max_scale,
                                      char            out[SLV_DECIMAL_BUF],
                                      gboolean       *rounded);

/* Excel serial day numbers (1900 or 1904 date system) to ISO text: a date
 * "YYYY-MM-DD", or with @with_time "YYYY-MM-DDTHH:MM:SS". FALSE outside
 * years 1900–9999. Serial 60 in the 1900 system is Excel's 1900-02-29,
 * which never existed; it is read as 1900-02-28. */
gboolean  slv_excel_serial_to_iso    (double          serial,
                                      gboolean        date1904,
                                      gboolean        with_time,
                                      char            out[SLV_DATE_BUF]);
/* A duration in days as "H:MM:SS" (hours may exceed 24). */
void      slv_excel_serial_to_time   (double          serial,
                                      gboolean        elapsed,
                                      char            out[SLV_DATE_BUF]);

G_END_DECLS
