/* slv-fx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-fx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "slv-fx.h"

typedef struct
{
  SlvFxKind  kind;
  GPtrArray *rates;   /* SlvFxRate*, owned */
} FxSet;

struct _SlvFxTable
{
  gatomicrefcount  ref_count;
  const char      *base;    /* interned */
  GHashTable      *sets;    /* interned name → FxSet* */
};

G_DEFINE_QUARK (slv-fx-error-quark, slv_fx_error)

static const char * const kind_names[] = { "actual", "budget", "simulation" };

const char *
slv_fx_kind_to_string (SlvFxKind kind)
{
  return kind <= SLV_FX_SIMULATION ? kind_names[kind] : "budget";
}

gboolean
slv_fx_kind_from_string (const char *text,
                         SlvFxKind  *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (SlvFxKind) i;
        return TRUE;
      }
  return FALSE;
}

static void
fx_rate_free (gpointer data)
{
  SlvFxRate *rate = data;

  g_free (rate->id);
  g_free (rate);
}

static void
fx_set_free (gpointer data)
{
  FxSet *set = data;

  g_ptr_array_unref (set->rates);
  g_free (set);
}

SlvFxTable *
slv_fx_table_new (const char *base_currency)
{
  SlvFxTable *self = g_new0 (SlvFxTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->base = g_intern_string (base_currency ? base_currency : "USD");
  self->sets = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, fx_set_free);
  return self;
}

SlvFxTable *
slv_fx_table_ref (SlvFxTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
slv_fx_table_unref (SlvFxTable *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_hash_table_unref (self->sets);
      g_free (self);
    }
}

const char *
slv_fx_table_get_base (SlvFxTable *self)
{
  return self->base;
}

static gboolean
is_iso_date (const char *text)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  return g_date_valid_dmy (atoi (text + 8), atoi (text + 5), atoi (text));
}

gboolean
slv_fx_table_add (SlvFxTable  *self,
                  const char  *id,
                  const char  *set_name,
                  SlvFxKind    kind,
                  const char  *valid_on,
                  const char  *from,
                  const char  *to,
                  SlvDecimal   rate,
                  GError     **error)
{
  const char *name;
  FxSet *set;
  SlvFxRate *r;

  g_return_val_if_fail (self != NULL && set_name != NULL && from != NULL && to != NULL, FALSE);

  if (!is_iso_date (valid_on))
    {
      g_set_error (error, SLV_FX_ERROR, SLV_FX_ERROR_INVALID,
                   _("Exchange rate %s→%s in “%s”: “%s” is not a date (YYYY-MM-DD)."),
                   from, to, set_name, valid_on ? valid_on : "");
      return FALSE;
    }
  if (slv_decimal_sign (rate) <= 0 || g_str_equal (from, to))
    {
      g_autofree char *text = slv_decimal_to_string (rate);

      g_set_error (error, SLV_FX_ERROR, SLV_FX_ERROR_INVALID,
                   _("Exchange rate %s→%s in “%s”: %s is not a usable rate; it must be "
                     "positive and join two different currencies."), from, to, set_name, text);
      return FALSE;
    }
  name = g_intern_string (set_name);
  set = g_hash_table_lookup (self->sets, name);
  if (set == NULL)
    {
      set = g_new0 (FxSet, 1);
      set->kind = kind;
      set->rates = g_ptr_array_new_with_free_func (fx_rate_free);
      g_hash_table_insert (self->sets, (gpointer) name, set);
    }
  else if (set->kind != kind)
    {
      g_set_error (error, SLV_FX_ERROR, SLV_FX_ERROR_INVALID,
                   _("“%s” is a set of %s rates; a %s rate cannot join it."),
                   set_name, slv_fx_kind_to_string (set->kind), slv_fx_kind_to_string (kind));
      return FALSE;
    }
  r = g_new0 (SlvFxRate, 1);
  r->id = g_strdup (id);
  r->set_name = name;
  r->kind = kind;
  memcpy (r->valid_on, valid_on, 11);
  r->from = g_intern_string (from);
  r->to = g_intern_string (to);
  r->rate = rate;
  g_ptr_array_add (set->rates, r);
  return TRUE;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
slv_fx_table_dup_set_names (SlvFxTable *self)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key;
  GStrv names;

  g_hash_table_iter_init (&iter, self->sets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (b, key);
  names = g_strv_builder_end (b);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

gboolean
slv_fx_table_get_set_kind (SlvFxTable *self,
                           const char *set_name,
                           SlvFxKind  *kind)
{
  FxSet *set = g_hash_table_lookup (self->sets, g_intern_string (set_name));

  if (set == NULL)
    return FALSE;
  *kind = set->kind;
  return TRUE;
}

/* The latest rate for @from→@to valid on @date (interned codes). */
static const SlvFxRate *
find_rate (FxSet      *set,
           const char *from,
           const char *to,
           const char *date)
{
  const SlvFxRate *best = NULL;

  for (guint i = 0; i < set->rates->len; i++)
    {
      const SlvFxRate *r = g_ptr_array_index (set->rates, i);

      if (r->from != from || r->to != to)
        continue;
      if (date != NULL && strcmp (r->valid_on, date) > 0)
        continue;
      if (best == NULL || strcmp (r->valid_on, best->valid_on) > 0)
        best = r;
    }
  return best;
}

static gboolean
find_leg (FxSet      *set,
          const char *from,
          const char *to,
          const char *date,
          SlvFxLeg   *leg)
{
  leg->rate = find_rate (set, from, to, date);
  leg->inverse = FALSE;
  if (leg->rate == NULL)
    {
      leg->rate = find_rate (set, to, from, date);
      leg->inverse = TRUE;
    }
  return leg->rate != NULL;
}

static gboolean
find_cross (FxSet      *set,
            const char *base,
            const char *from,
            const char *to,
            const char *date,
            SlvFxQuote *out)
{
  if (base != from && base != to &&
      find_leg (set, from, base, date, &out->legs[0]) &&
      find_leg (set, base, to, date, &out->legs[1]))
    return TRUE;
  for (guint i = 0; i < set->rates->len; i++)
    {
      const SlvFxRate *r = g_ptr_array_index (set->rates, i);
      const char *via = r->from == from ? r->to : r->to == from ? r->from : NULL;

      if (via != NULL && via != to &&
          find_leg (set, from, via, date, &out->legs[0]) &&
          find_leg (set, via, to, date, &out->legs[1]))
        return TRUE;
    }
  return FALSE;
}

gboolean
slv_fx_table_quote_interned (SlvFxTable  *self,
                             const char  *set_name,
                             const char  *from,
                             const char  *to,
                             const char  *date,
                             SlvFxQuote  *out,
                             GError     **error)
{
  FxSet *set;

  memset (out, 0, sizeof *out);
  out->from = from;
  out->to = to;
  if (from == to)
    return TRUE;
  set = set_name ? g_hash_table_lookup (self->sets, set_name) : NULL;
  if (set == NULL)
    {
      g_set_error (error, SLV_FX_ERROR, SLV_FX_ERROR_NO_SET,
                   _("There is no exchange-rate set “%s”; choose one of the workspace’s sets."),
                   set_name ? set_name : "");
      return FALSE;
    }
  out->n_legs = 1;
  if (find_leg (set, from, to, date, &out->legs[0]))
    return TRUE;
  out->n_legs = 2;
  if (find_cross (set, self->base, from, to, date, out))
    return TRUE;
  g_set_error (error, SLV_FX_ERROR, SLV_FX_ERROR_NO_RATE,
               _("The exchange-rate set “%s” has no %s→%s rate valid on %s, directly, "
                 "inverted or through another currency; add one."),
               set_name, from, to, date ? date : _("any date"));
  return FALSE;
}

gboolean
slv_fx_table_quote (SlvFxTable  *self,
                    const char  *set_name,
                    const char  *from,
                    const char  *to,
                    const char  *date,
                    SlvFxQuote  *out,
                    GError     **error)
{
  g_return_val_if_fail (self != NULL && from != NULL && to != NULL && out != NULL, FALSE);

  return slv_fx_table_quote_interned (self, set_name ? g_intern_string (set_name) : NULL,
                                      g_intern_string (from), g_intern_string (to), date, out, error);
}

gboolean
slv_fx_quote_convert (const SlvFxQuote *quote,
                      SlvDecimal        amount,
                      SlvDecimal       *out)
{
  SlvDecimal v = amount;

  for (guint i = 0; i < quote->n_legs; i++)
    {
      const SlvFxLeg *leg = &quote->legs[i];
      gboolean ok = leg->inverse ? slv_decimal_div (v, leg->rate->rate, SLV_ROUND_HALF_EVEN, &v)
                                 : slv_decimal_mul (v, leg->rate->rate, &v);
      if (!ok)
        return FALSE;
    }
  *out = v;
  return TRUE;
}

gboolean
slv_fx_table_convert (SlvFxTable  *self,
                      const char  *set_name,
                      SlvDecimal   amount,
                      const char  *from,
                      const char  *to,
                      const char  *date,
                      SlvDecimal  *out,
                      GError     **error)
{
  SlvFxQuote quote;

  if (!slv_fx_table_quote (self, set_name, from, to, date, &quote, error))
    return FALSE;
  if (!slv_fx_quote_convert (&quote, amount, out))
    {
      g_set_error (error, SLV_FX_ERROR, SLV_FX_ERROR_OVERFLOW,
                   _("Converting %s to %s overflowed."), from, to);
      return FALSE;
    }
  return TRUE;
}

char *
slv_fx_quote_describe (const SlvFxQuote *quote)
{
  GString *s = g_string_new (NULL);

  if (quote->n_legs == 0)
    g_string_append_printf (s, _("%s, no conversion"), quote->from);
  for (guint i = 0; i < quote->n_legs; i++)
    {
      const SlvFxLeg *leg = &quote->legs[i];
      char buf[SLV_DECIMAL_BUF_SIZE];

      if (i > 0)
        g_string_append (s, _(", then "));
      if (leg->inverse)
        g_string_append_printf (s, _("%s→%s ÷ %s"), leg->rate->to, leg->rate->from,
                                slv_decimal_to_buf (leg->rate->rate, buf));
      else
        g_string_append_printf (s, _("%s→%s × %s"), leg->rate->from, leg->rate->to,
                                slv_decimal_to_buf (leg->rate->rate, buf));
      g_string_append_printf (s, _(" (%s, %s rate valid from %s)"), leg->rate->set_name,
                              slv_fx_kind_to_string (leg->rate->kind), leg->rate->valid_on);
    }
  return g_string_free (s, FALSE);
}
