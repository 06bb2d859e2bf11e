/* slv-fx.h: dated exchange-rate sets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A rate set ("Budget AW27", "Actual Nov 2026", "Strong dollar") has a kind
 * (actual, budget or simulation) and holds rates "1 FROM = rate TO", each
 * valid from its date until a later rate for the same pair in the same set.
 * A conversion uses the rate valid on the given date: the direct pair, else
 * the inverse pair (dividing by its rate, so a round trip through one rate
 * is exact), else a cross through the table's base currency or any other
 * currency both sides are quoted against.
 */
#pragma once

#include "slv-decimal.h"

G_BEGIN_DECLS

#define SLV_FX_ERROR (slv_fx_error_quark ())

typedef enum
{
  SLV_FX_ERROR_NO_SET,
  SLV_FX_ERROR_NO_RATE,
  SLV_FX_ERROR_INVALID,
  SLV_FX_ERROR_OVERFLOW,
} SlvFxError;

typedef enum
{
  SLV_FX_ACTUAL,
  SLV_FX_BUDGET,
  SLV_FX_SIMULATION,
} SlvFxKind;

typedef struct
{
  char       *id;          /* fx_rate row id, or NULL */
  const char *set_name;    /* interned */
  SlvFxKind   kind;
  char        valid_on[11];
  const char *from;        /* interned currency codes */
  const char *to;
  SlvDecimal  rate;        /* 1 from = rate to */
} SlvFxRate;

typedef struct
{
  const SlvFxRate *rate;
  gboolean         inverse;   /* divide by the rate */
} SlvFxLeg;

/* How to convert one currency into another: no leg for the same currency,
 * one for a direct or inverse rate, two for a cross. */
typedef struct
{
  const char *from;
  const char *to;
  guint       n_legs;
  SlvFxLeg    legs[2];
} SlvFxQuote;

typedef struct _SlvFxTable SlvFxTable;

GQuark       slv_fx_error_quark       (void);
const char  *slv_fx_kind_to_string    (SlvFxKind          kind);
gboolean     slv_fx_kind_from_string  (const char        *text,
                                       SlvFxKind         *kind);

SlvFxTable  *slv_fx_table_new         (const char        *base_currency);
SlvFxTable  *slv_fx_table_ref         (SlvFxTable        *self);
void         slv_fx_table_unref       (SlvFxTable        *self);
const char  *slv_fx_table_get_base    (SlvFxTable        *self);

/* Adds a rate; @valid_on is YYYY-MM-DD and @rate must be positive. A set
 * keeps the kind of its first rate. */
gboolean     slv_fx_table_add         (SlvFxTable        *self,
                                       const char        *id,
                                       const char        *set_name,
                                       SlvFxKind          kind,
                                       const char        *valid_on,
                                       const char        *from,
                                       const char        *to,
                                       SlvDecimal         rate,
                                       GError           **error);
/* Names of the sets, sorted. */
GStrv        slv_fx_table_dup_set_names (SlvFxTable      *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean     slv_fx_table_get_set_kind (SlvFxTable       *self,
                                        const char       *set_name,
                                        SlvFxKind        *kind);

/* The conversion valid on @date (YYYY-MM-DD; NULL for the latest rates). */
gboolean     slv_fx_table_quote       (SlvFxTable        *self,
                                       const char        *set_name,
                                       const char        *from,
                                       const char        *to,
                                       const char        *date,
                                       SlvFxQuote        *out,
                                       GError           **error);
/* The same, for callers whose set name and codes are interned already
 * (g_intern_string()): no locking on the pricing path. */
gboolean     slv_fx_table_quote_interned (SlvFxTable     *self,
                                          const char     *set_name,
                                          const char     *from,
                                          const char     *to,
                                          const char     *date,
                                          SlvFxQuote     *out,
                                          GError        **error);
gboolean     slv_fx_table_convert     (SlvFxTable        *self,
                                       const char        *set_name,
                                       SlvDecimal         amount,
                                       const char        *from,
                                       const char        *to,
                                       const char        *date,
                                       SlvDecimal        *out,
                                       GError           **error);

/* Applies a quote (half-even at the twelfth place after each leg). */
gboolean     slv_fx_quote_convert     (const SlvFxQuote  *quote,
                                       SlvDecimal         amount,
                                       SlvDecimal        *out) G_GNUC_WARN_UNUSED_RESULT;
/* "USD→EUR 0.92 (Budget AW27, budget, valid from 2026-07-01)". */
char        *slv_fx_quote_describe    (const SlvFxQuote  *quote) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvFxTable, slv_fx_table_unref)

G_END_DECLS
