/* slv-cost-master.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cost-master"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "slv-cost-master-private.h"

G_DEFINE_FINAL_TYPE (SlvCostMaster, slv_cost_master, G_TYPE_OBJECT)

#define AMBIGUOUS ((gpointer) &ambiguous_marker)
static const char ambiguous_marker = 0;

G_DEFINE_QUARK (slv-costing-error-quark, slv_costing_error)

static const char * const unit_names[] = {
  "kg", "piece", "dozen", "1000-stitches", "minute", "colour", "screen", "percent",
  "metre", "yard", "order", "carton",
};

static const SlvExprVar rule_vars[SLV_RULE_N_VARS] = {
  { "fob", SLV_EXPR_NUMBER }, { "freight", SLV_EXPR_NUMBER }, { "insurance", SLV_EXPR_NUMBER },
  { "cif", SLV_EXPR_NUMBER }, { "duty", SLV_EXPR_NUMBER }, { "clearance", SLV_EXPR_NUMBER },
  { "landed", SLV_EXPR_NUMBER }, { "vat", SLV_EXPR_NUMBER }, { "duty_rate", SLV_EXPR_NUMBER },
  { "order_qty", SLV_EXPR_NUMBER }, { "category", SLV_EXPR_STRING }, { "channel", SLV_EXPR_STRING },
  { "destination", SLV_EXPR_STRING }, { "currency", SLV_EXPR_STRING }, { "style", SLV_EXPR_STRING },
  { "scenario", SLV_EXPR_STRING },
};

const SlvExprVar *
slv_margin_rule_variables (guint *n_vars)
{
  *n_vars = SLV_RULE_N_VARS;
  return rule_vars;
}

const char *
slv_rate_unit_to_string (SlvRateUnit unit)
{
  return unit < G_N_ELEMENTS (unit_names) ? unit_names[unit] : "piece";
}

gboolean
slv_rate_unit_from_string (const char  *text,
                           SlvRateUnit *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    if (g_strcmp0 (text, unit_names[i]) == 0)
      {
        *unit = (SlvRateUnit) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
slv_date_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  return g_date_valid_dmy (atoi (text + 8), atoi (text + 5), atoi (text));
}

guint32
slv_date_to_day (const char *text,
                 guint32     open)
{
  guint32 day = 0;

  if (text == NULL || strlen (text) != 10)
    return open;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7)
      day = day * 10 + (guint32) (text[i] - '0');
  return day;
}

gboolean
slv_date_in_range (const char *date,
                   const char *from,
                   const char *to)
{
  return (from == NULL || *from == '\0' || strcmp (from, date) <= 0) &&
         (to == NULL || *to == '\0' || strcmp (date, to) <= 0);
}

/* -- object -- */

static void
material_free (gpointer data)
{
  SlvMaterialRec *m = data;

  g_free (m->id);
  g_free (m->code);
  g_free (m->name);
  g_free (m->kind);
  g_free (m->supplier_code);
  g_free (m);
}

static void
rate_free (gpointer data)
{
  SlvRate *r = data;

  g_free (r->id);
  g_free (r->process);
  g_free (r->key);
  g_free (r->description);
  g_free (r->supplier_code);
  g_free (r->supplier_name);
  g_free (r);
}

static void
group_free (gpointer data)
{
  SlvRateGroup *g = data;

  g_free (g->process);
  g_free (g->key);
  g_free (g->supplier_name);
  g_ptr_array_unref (g->rates);
  g_free (g);
}

static void
destination_free (gpointer data)
{
  SlvDestination *d = data;

  g_free (d->code);
  g_free (d->name);
  g_free (d);
}

static void
duty_free (gpointer data)
{
  SlvDutyRate *d = data;

  g_free (d->id);
  g_free (d->destination);
  g_free (d->hs_prefix);
  g_free (d->source);
  g_free (d);
}

static void
rule_free (gpointer data)
{
  SlvMarginRule *r = data;

  g_free (r->id);
  g_free (r->channel);
  g_free (r->name);
  g_clear_pointer (&r->expr, slv_expr_unref);
  g_free (r->problem);
  g_free (r->ending_text);
  g_free (r->expression);
  g_free (r);
}

static void
slv_cost_master_finalize (GObject *object)
{
  SlvCostMaster *self = SLV_COST_MASTER (object);

  g_clear_pointer (&self->fx, slv_fx_table_unref);
  g_hash_table_unref (self->material_codes);
  g_hash_table_unref (self->materials);
  g_hash_table_unref (self->rate_ids);
  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->groups);
  g_ptr_array_unref (self->rates);
  g_hash_table_unref (self->destinations);
  g_ptr_array_unref (self->duties);
  g_ptr_array_unref (self->rules);
  g_hash_table_unref (self->problems);
  G_OBJECT_CLASS (slv_cost_master_parent_class)->finalize (object);
}

static void
slv_cost_master_class_init (SlvCostMasterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_cost_master_finalize;
}

static void
slv_cost_master_init (SlvCostMaster *self)
{
  self->materials = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, material_free);
  self->material_codes = g_hash_table_new (g_str_hash, g_str_equal);
  self->rates = g_ptr_array_new_with_free_func (rate_free);
  self->rate_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, group_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->destinations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, destination_free);
  self->duties = g_ptr_array_new_with_free_func (duty_free);
  self->rules = g_ptr_array_new_with_free_func (rule_free);
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

SlvCostMaster *
slv_cost_master_new (const char *base_currency)
{
  SlvCostMaster *self = g_object_new (SLV_TYPE_COST_MASTER, NULL);

  static guint64 next_serial = 0;

  self->base = g_intern_string (base_currency ? base_currency : "USD");
  self->fx = slv_fx_table_new (self->base);
  self->serial = __atomic_add_fetch (&next_serial, 1, __ATOMIC_RELAXED);
  return self;
}

guint64
slv_cost_master_get_serial (SlvCostMaster *self)
{
  return self->serial;
}

const char *
slv_cost_master_get_base_currency (SlvCostMaster *self)
{
  return self->base;
}

SlvFxTable *
slv_cost_master_get_fx (SlvCostMaster *self)
{
  return self->fx;
}

/* -- validation helpers -- */

gboolean
slv_cost_master_refuse (SlvCostMaster  *self,
        const char     *id,
        GError        **error,
        const char     *format,
        ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (id != NULL)
    g_hash_table_replace (self->problems, g_strdup (id), g_strdup (msg));
  g_set_error_literal (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID, msg);
  return FALSE;
}

gboolean
slv_cost_master_number (SlvCostMaster  *self,
        const char     *id,
        const char     *what,
        const char     *field,
        const char     *text,
        SlvDecimal     *out,
        GError        **error)
{
  g_autoptr(GError) local = NULL;

  if (slv_decimal_parse (text ? text : "", -1, out, &local))
    return TRUE;
  return slv_cost_master_refuse (self, id, error, _("%s, field “%s”: %s"), what, field, local->message);
}

void
slv_cost_master_copy_date (char        out[11],
                           const char *text)
{
  g_strlcpy (out, text ? text : "", 11);
}

gboolean
slv_cost_master_dates_ok (SlvCostMaster  *self,
          const char     *id,
          const char     *what,
          const char     *from,
          const char     *to,
          GError        **error)
{
  if (from != NULL && *from != '\0' && !slv_date_is_valid (from))
    return slv_cost_master_refuse (self, id, error, _("%s: “%s” is not a date (YYYY-MM-DD)."), what, from);
  if (to != NULL && *to != '\0' && !slv_date_is_valid (to))
    return slv_cost_master_refuse (self, id, error, _("%s: “%s” is not a date (YYYY-MM-DD)."), what, to);
  if (from != NULL && to != NULL && *from && *to && strcmp (from, to) > 0)
    return slv_cost_master_refuse (self, id, error, _("%s: it ends (%s) before it starts (%s)."), what, to, from);
  return TRUE;
}

/* -- materials -- */

gboolean
slv_cost_master_add_material (SlvCostMaster          *self,
                              const SlvMaterialSpec  *spec,
                              GError                **error)
{
  g_autofree char *what = g_strdup_printf (_("Material %s"), spec->code ? spec->code : "?");
  g_autofree char *unit = g_ascii_strup (spec->unit ? spec->unit : "PC", -1);
  SlvMaterialRec m = { 0 };
  SlvMaterialRec *rec;

  g_return_val_if_fail (SLV_IS_COST_MASTER (self) && spec->id != NULL && spec->code != NULL, FALSE);

  m.has_price = spec->price != NULL && *spec->price != '\0';
  if (m.has_price && !slv_cost_master_number (self, spec->id, what, "price", spec->price, &m.price, error))
    return FALSE;
  if (!slv_decimal_parse_or (spec->price_unit, slv_decimal_from_int (1), &m.price_unit, NULL) ||
      slv_decimal_sign (m.price_unit) <= 0)
    return slv_cost_master_refuse (self, spec->id, error, _("%s: the price unit must be a number above zero."), what);
  m.has_gsm = spec->gsm != NULL && *spec->gsm != '\0';
  if (m.has_gsm && !slv_cost_master_number (self, spec->id, what, "gsm", spec->gsm, &m.gsm, error))
    return FALSE;

  rec = g_new0 (SlvMaterialRec, 1);
  *rec = m;
  rec->id = g_strdup (spec->id);
  rec->code = g_strdup (spec->code);
  rec->name = g_strdup (spec->name ? spec->name : spec->code);
  rec->kind = g_strdup (spec->kind ? spec->kind : "fabric");
  rec->unit = g_intern_string (unit);
  rec->currency = g_intern_string (spec->currency ? spec->currency : self->base);
  rec->supplier_code = g_strdup (spec->supplier_code);
  g_hash_table_replace (self->materials, rec->id, rec);
  g_hash_table_replace (self->material_codes, rec->code, rec);
  return TRUE;
}

const SlvMaterialRec *
slv_cost_master_get_material (SlvCostMaster *self,
                              const char    *id)
{
  return id ? g_hash_table_lookup (self->materials, id) : NULL;
}

const SlvMaterialRec *
slv_cost_master_find_material (SlvCostMaster *self,
                               const char    *code)
{
  return code ? g_hash_table_lookup (self->material_codes, code) : NULL;
}

const char *
slv_cost_master_get_problem (SlvCostMaster *self,
                             const char    *id)
{
  return id ? g_hash_table_lookup (self->problems, id) : NULL;
}

/* -- rates -- */

static char *
group_key (const char *process,
           const char *key,
           const char *supplier)
{
  return g_strjoin ("\x1f", process, key, supplier ? supplier : "", NULL);
}

/* The same key in @buf when it fits (no allocation on the pricing path). */
static const char *
group_key_buf (char        buf[256],
               const char *process,
               const char *key,
               const char *supplier,
               char      **heap)
{
  const char *parts[3] = { process, key, supplier };
  gsize used = 0;

  *heap = NULL;
  for (guint i = 0; i < 3 && parts[i] != NULL; i++)
    {
      gsize n = strlen (parts[i]);

      if (used + n + 2 > 256)
        {
          *heap = supplier ? group_key (process, key, supplier) : g_strjoin ("\x1f", process, key, NULL);
          return *heap;
        }
      if (i > 0)
        buf[used++] = '\x1f';
      memcpy (buf + used, parts[i], n);
      used += n;
    }
  buf[used] = '\0';
  return buf;
}

gboolean
slv_cost_master_add_rate (SlvCostMaster      *self,
                          const SlvRateSpec  *spec,
                          GError            **error)
{
  g_autofree char *what = g_strdup_printf (_("Rate %s/%s"), spec->process ? spec->process : "?",
                                           spec->key ? spec->key : "?");
  g_autofree char *gkey = NULL;
  SlvRate r = { 0 };
  SlvRate *rec;
  SlvRateGroup *group;

  g_return_val_if_fail (SLV_IS_COST_MASTER (self) && spec->id != NULL, FALSE);

  if (spec->process == NULL || spec->key == NULL || *spec->key == '\0')
    return slv_cost_master_refuse (self, spec->id, error, _("%s: the rate needs a process and a key."), what);
  if (!slv_rate_unit_from_string (spec->unit, &r.unit))
    return slv_cost_master_refuse (self, spec->id, error, _("%s: “%s” is not a rate unit; use kg, piece, dozen, "
                                            "1000-stitches, minute, colour, screen, percent, metre, "
                                            "yard, order or carton."), what, spec->unit ? spec->unit : "");
  if (!slv_cost_master_number (self, spec->id, what, "rate", spec->rate, &r.rate, error))
    return FALSE;
  if (slv_decimal_sign (r.rate) < 0)
    return slv_cost_master_refuse (self, spec->id, error, _("%s: a rate cannot be negative."), what);
  if (!slv_decimal_parse_or (spec->price_unit, slv_decimal_from_int (1), &r.price_unit, NULL) ||
      slv_decimal_sign (r.price_unit) <= 0)
    return slv_cost_master_refuse (self, spec->id, error, _("%s: the price unit must be a number above zero."), what);
  r.has_min_charge = spec->min_charge != NULL && *spec->min_charge != '\0';
  if (r.has_min_charge && !slv_cost_master_number (self, spec->id, what, "min_charge", spec->min_charge, &r.min_charge, error))
    return FALSE;
  if (spec->tier_min_qty < 0)
    return slv_cost_master_refuse (self, spec->id, error, _("%s: a quantity tier cannot be negative."), what);
  if (!slv_cost_master_dates_ok (self, spec->id, what, spec->valid_from, spec->valid_to, error))
    return FALSE;
  if (!slv_decimal_div (r.rate, r.price_unit, SLV_ROUND_HALF_EVEN, &r.unit_rate))
    return slv_cost_master_refuse (self, spec->id, error, _("%s: the rate is too large."), what);

  rec = g_new0 (SlvRate, 1);
  *rec = r;
  rec->id = g_strdup (spec->id);
  rec->process = g_strdup (spec->process);
  rec->key = g_strdup (spec->key);
  rec->description = g_strdup (spec->description);
  rec->supplier_code = g_strdup (spec->supplier_code);
  rec->supplier_name = g_strdup (spec->supplier_name ? spec->supplier_name : spec->supplier_code);
  rec->currency = g_intern_string (spec->currency ? spec->currency : self->base);
  rec->tier_min_qty = spec->tier_min_qty;
  slv_cost_master_copy_date (rec->valid_from, spec->valid_from);
  slv_cost_master_copy_date (rec->valid_to, spec->valid_to);
  rec->from_day = slv_date_to_day (rec->valid_from, 0);
  rec->to_day = slv_date_to_day (rec->valid_to, G_MAXUINT32);

  gkey = group_key (rec->process, rec->key, rec->supplier_code);
  group = g_hash_table_lookup (self->groups, gkey);
  if (group == NULL)
    {
      group = g_new0 (SlvRateGroup, 1);
      group->process = g_strdup (rec->process);
      group->key = g_strdup (rec->key);
      group->supplier_name = g_strdup (rec->supplier_name);
      group->rates = g_ptr_array_new ();
      g_hash_table_insert (self->groups, g_steal_pointer (&gkey), group);
      {
        char *pk = g_strjoin ("\x1f", rec->process, rec->key, NULL);

        /* a second supplier of the same process and key makes it ambiguous */
        if (g_hash_table_contains (self->by_key, pk))
          g_hash_table_replace (self->by_key, pk, AMBIGUOUS);
        else
          g_hash_table_insert (self->by_key, pk, group);
      }
    }
  g_ptr_array_add (group->rates, rec);
  rec->group = group;
  g_ptr_array_add (self->rates, rec);
  g_hash_table_replace (self->rate_ids, rec->id, rec);
  return TRUE;
}

const SlvRate *
slv_cost_master_get_rate (SlvCostMaster *self,
                          const char    *id)
{
  return id ? g_hash_table_lookup (self->rate_ids, id) : NULL;
}

GPtrArray *
slv_cost_master_get_rates (SlvCostMaster *self)
{
  return self->rates;
}

const SlvRateGroup *
slv_cost_master_find_rates (SlvCostMaster  *self,
                            const char     *process,
                            const char     *key,
                            const char     *supplier_code,
                            GError        **error)
{
  g_autofree char *heap = NULL;
  char buf[256];
  gpointer found;

  if (supplier_code != NULL)
    {
      found = g_hash_table_lookup (self->groups, group_key_buf (buf, process, key, supplier_code, &heap));
      if (found == NULL)
        g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND,
                     _("The cost master has no “%s/%s” rate from supplier %s."),
                     process, key, supplier_code);
      return found;
    }
  found = g_hash_table_lookup (self->by_key, group_key_buf (buf, process, key, NULL, &heap));
  if (found == AMBIGUOUS)
    {
      g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND,
                   _("Several suppliers have a “%s/%s” rate; name the supplier."), process, key);
      return NULL;
    }
  if (found == NULL)
    g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND,
                 _("The cost master has no “%s/%s” rate."), process, key);
  return found;
}

const SlvRate *
slv_rate_group_pick (const SlvRateGroup  *group,
                     const char          *date,
                     gint64               qty,
                     GError             **error)
{
  return slv_rate_group_pick_day (group, slv_date_to_day (date, 0), date, qty, error);
}

const SlvRate *
slv_rate_group_pick_day (const SlvRateGroup  *group,
                         guint32              day,
                         const char          *date,
                         gint64               qty,
                         GError             **error)
{
  const SlvRate *best = NULL;
  gboolean any_valid = FALSE;

  for (guint i = 0; i < group->rates->len; i++)
    {
      const SlvRate *r = g_ptr_array_index (group->rates, i);

      if (day < r->from_day || day > r->to_day)
        continue;
      any_valid = TRUE;
      if (r->tier_min_qty > qty)
        continue;
      if (best == NULL || r->tier_min_qty > best->tier_min_qty ||
          (r->tier_min_qty == best->tier_min_qty && r->from_day > best->from_day))
        best = r;
    }
  if (best != NULL)
    return best;
  if (any_valid)
    g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NO_RATE,
                 _("No “%s/%s” rate from %s covers an order of %" PRId64
                   " pieces (the smallest tier is larger)."),
                 group->process, group->key, group->supplier_name ? group->supplier_name : _("any supplier"), qty);
  else
    g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NO_RATE,
                 _("No “%s/%s” rate from %s is valid on %s; extend a rate’s validity or add one."),
                 group->process, group->key, group->supplier_name ? group->supplier_name : _("any supplier"), date);
  return NULL;
}

