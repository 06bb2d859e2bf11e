/* slv-costing-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "slv-costing-input-private.h"
#include "slv-cost-master.h"

static void
bom_clear (gpointer data)
{
  SlvBomInput *b = data;

  g_free (b->id);
  g_free (b->material_id);
  g_free (b->placement);
  g_free (b->unit);
  g_free (b->note);
  g_free (b->calc_json);
  slv_bom_calc_clear (&b->calc);
}

static void
process_clear (gpointer data)
{
  SlvProcessInput *p = data;

  g_free (p->id);
  g_free (p->process);
  g_free (p->rate_id);
  g_free (p->note);
  g_free (p->params_json);
  slv_process_params_clear (p);
}

SlvCostingInput *
slv_costing_input_new (void)
{
  SlvCostingInput *self = g_new0 (SlvCostingInput, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->currency = g_intern_static_string ("USD");
  self->scenario = g_strdup ("Base");
  self->status = g_strdup ("draft");
  self->channel = g_strdup ("retail");
  self->order_qty = 1000;
  self->bom = g_array_new (FALSE, TRUE, sizeof (SlvBomInput));
  g_array_set_clear_func (self->bom, bom_clear);
  self->processes = g_array_new (FALSE, TRUE, sizeof (SlvProcessInput));
  g_array_set_clear_func (self->processes, process_clear);
  return self;
}

SlvCostingInput *
slv_costing_input_ref (SlvCostingInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
header_free (SlvCostingInput *self)
{
  g_free (self->id);
  g_free (self->brand_id);
  g_free (self->style_id);
  g_free (self->style_code);
  g_free (self->style_name);
  g_free (self->category);
  g_free (self->hs_code);
  g_free (self->scenario);
  g_free (self->status);
  g_free (self->parent_id);
  g_free (self->fx_set);
  g_free (self->destination);
  g_free (self->channel);
  g_free (self->params_json);
  slv_costing_params_clear (&self->params);
}

void
slv_costing_input_unref (SlvCostingInput *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  header_free (self);
  g_array_unref (self->bom);
  g_array_unref (self->processes);
  g_free (self);
}

SlvCostingInput *
slv_costing_input_copy (SlvCostingInput *src)
{
  SlvCostingInput *self = g_new0 (SlvCostingInput, 1);

  *self = *src;
  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (src->id);
  self->brand_id = g_strdup (src->brand_id);
  self->style_id = g_strdup (src->style_id);
  self->style_code = g_strdup (src->style_code);
  self->style_name = g_strdup (src->style_name);
  self->category = g_strdup (src->category);
  self->hs_code = g_strdup (src->hs_code);
  self->scenario = g_strdup (src->scenario);
  self->status = g_strdup (src->status);
  self->parent_id = g_strdup (src->parent_id);
  self->fx_set = g_strdup (src->fx_set);
  self->destination = g_strdup (src->destination);
  self->channel = g_strdup (src->channel);
  self->params_json = g_strdup (src->params_json);
  slv_costing_params_copy (&self->params, &src->params);

  self->bom = g_array_sized_new (FALSE, TRUE, sizeof (SlvBomInput), src->bom->len);
  g_array_set_clear_func (self->bom, bom_clear);
  for (guint i = 0; i < src->bom->len; i++)
    {
      const SlvBomInput *s = &g_array_index (src->bom, SlvBomInput, i);
      SlvBomInput b = *s;

      b.id = g_strdup (s->id);
      b.material_id = g_strdup (s->material_id);
      b.placement = g_strdup (s->placement);
      b.unit = g_strdup (s->unit);
      b.note = g_strdup (s->note);
      b.calc_json = g_strdup (s->calc_json);
      slv_bom_calc_copy (&b.calc, &s->calc);
      g_array_append_val (self->bom, b);
    }
  self->processes = g_array_sized_new (FALSE, TRUE, sizeof (SlvProcessInput), src->processes->len);
  g_array_set_clear_func (self->processes, process_clear);
  for (guint i = 0; i < src->processes->len; i++)
    {
      const SlvProcessInput *s = &g_array_index (src->processes, SlvProcessInput, i);
      SlvProcessInput p = *s;

      p.id = g_strdup (s->id);
      p.process = g_strdup (s->process);
      p.rate_id = g_strdup (s->rate_id);
      p.note = g_strdup (s->note);
      p.params_json = g_strdup (s->params_json);
      slv_process_params_copy (&p, s);
      g_array_append_val (self->processes, p);
    }
  return self;
}

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_INVALID, msg);
  return FALSE;
}

static void
replace (char       **field,
         const char  *value)
{
  char *old = *field;

  *field = g_strdup (value);
  g_free (old);
}

static char *
line_name (SlvCostingInput *self,
           gboolean         process,
           guint            index)
{
  if (process)
    {
      SlvProcessInput *p = &g_array_index (self->processes, SlvProcessInput, index);

      return p->process && *p->process
             ? g_strdup_printf (_("Process line %u (%s)"), index + 1, p->process)
             : g_strdup_printf (_("Process line %u"), index + 1);
    }
  else
    {
      SlvBomInput *b = &g_array_index (self->bom, SlvBomInput, index);

      return b->placement && *b->placement
             ? g_strdup_printf (_("BOM line %u (%s)"), index + 1, b->placement)
             : g_strdup_printf (_("BOM line %u"), index + 1);
    }
}

/* Parses a decimal field of a line; the message names line and field. */
static gboolean
decimal_field (SlvCostingInput  *self,
               gboolean          process,
               guint             index,
               const char       *label,
               const char       *value,
               gboolean          non_negative,
               SlvDecimal       *out,
               GError          **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;
  SlvDecimal v;

  if (!slv_decimal_parse (value ? value : "", -1, &v, &local))
    {
      name = line_name (self, process, index);
      return fail (error, _("%s, %s: %s"), name, label, local->message);
    }
  if (non_negative && slv_decimal_sign (v) < 0)
    {
      name = line_name (self, process, index);
      return fail (error, _("%s, %s cannot be negative."), name, label);
    }
  *out = v;
  return TRUE;
}

gboolean
slv_costing_input_set (SlvCostingInput  *self,
                       const char       *field,
                       const char       *value,
                       GError          **error)
{
  static const struct { const char *name; gsize offset; } strings[] = {
    { "id", G_STRUCT_OFFSET (SlvCostingInput, id) },
    { "brand_id", G_STRUCT_OFFSET (SlvCostingInput, brand_id) },
    { "style_id", G_STRUCT_OFFSET (SlvCostingInput, style_id) },
    { "style_code", G_STRUCT_OFFSET (SlvCostingInput, style_code) },
    { "style_name", G_STRUCT_OFFSET (SlvCostingInput, style_name) },
    { "category", G_STRUCT_OFFSET (SlvCostingInput, category) },
    { "hs_code", G_STRUCT_OFFSET (SlvCostingInput, hs_code) },
    { "scenario", G_STRUCT_OFFSET (SlvCostingInput, scenario) },
    { "status", G_STRUCT_OFFSET (SlvCostingInput, status) },
    { "parent_id", G_STRUCT_OFFSET (SlvCostingInput, parent_id) },
    { "fx_set", G_STRUCT_OFFSET (SlvCostingInput, fx_set) },
    { "destination", G_STRUCT_OFFSET (SlvCostingInput, destination) },
    { "channel", G_STRUCT_OFFSET (SlvCostingInput, channel) },
  };

  g_return_val_if_fail (self != NULL && field != NULL, FALSE);

  self->bound_serial = 0;
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (g_str_equal (field, strings[i].name))
      {
        replace (G_STRUCT_MEMBER_P (self, strings[i].offset), value);
        if (g_str_equal (field, "fx_set"))
          self->fx_set_id = value ? g_intern_string (value) : NULL;
        return TRUE;
      }
  if (g_str_equal (field, "currency"))
    {
      if (value == NULL || strlen (value) != 3)
        return fail (error, _("“%s” is not a currency code (three letters, such as USD)."), value ? value : "");
      self->currency = g_intern_string (value);
      return TRUE;
    }
  if (g_str_equal (field, "costing_date"))
    {
      if (value != NULL && *value != '\0' && !slv_date_is_valid (value))
        return fail (error, _("“%s” is not a date (YYYY-MM-DD)."), value);
      g_strlcpy (self->date, value ? value : "", sizeof self->date);
      return TRUE;
    }
  if (g_str_equal (field, "order_qty"))
    {
      gint64 qty;

      if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, G_MAXINT32, &qty, NULL))
        return fail (error, _("The order quantity must be a whole number of pieces from 1; “%s” is not."),
                     value ? value : "");
      self->order_qty = qty;
      return TRUE;
    }
  if (g_str_equal (field, "params"))
    {
      SlvCostingParams params;
      g_autoptr(GError) local = NULL;

      if (!slv_costing_params_parse (value, &params, &local))
        return fail (error, _("Costing parameters: %s"), local->message);
      slv_costing_params_clear (&self->params);
      self->params = params;
      replace (&self->params_json, value);
      return TRUE;
    }
  return fail (error, _("A costing has no field “%s”."), field);
}

guint
slv_costing_input_add_bom (SlvCostingInput *self,
                           const char      *id)
{
  SlvBomInput b = { 0 };

  self->bound_serial = 0;
  b.id = g_strdup (id);
  b.unit = g_strdup ("PC");
  b.unit_id = g_intern_static_string ("PC");
  g_array_append_val (self->bom, b);
  return self->bom->len - 1;
}

guint
slv_costing_input_add_process (SlvCostingInput *self,
                               const char      *id)
{
  SlvProcessInput p = { 0 };

  self->bound_serial = 0;
  p.id = g_strdup (id);
  p.quantity = slv_decimal_from_int (1);
  slv_process_params_clear (&p);
  g_array_append_val (self->processes, p);
  return self->processes->len - 1;
}

gboolean
slv_costing_input_set_bom (SlvCostingInput  *self,
                           guint             index,
                           const char       *field,
                           const char       *value,
                           GError          **error)
{
  SlvBomInput *b;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL && index < self->bom->len && field != NULL, FALSE);

  self->bound_serial = 0;
  b = &g_array_index (self->bom, SlvBomInput, index);
  if (g_str_equal (field, "material_id"))
    replace (&b->material_id, value);
  else if (g_str_equal (field, "placement"))
    replace (&b->placement, value);
  else if (g_str_equal (field, "note"))
    replace (&b->note, value);
  else if (g_str_equal (field, "unit"))
    {
      g_autofree char *up = g_ascii_strup (value ? value : "", -1);

      if (*up == '\0')
        return fail (error, _("%s: the unit cannot be empty."), name = line_name (self, FALSE, index));
      replace (&b->unit, up);
      b->unit_id = g_intern_string (up);
    }
  else if (g_str_equal (field, "consumption"))
    return decimal_field (self, FALSE, index, _("consumption"), value, TRUE, &b->consumption, error);
  else if (g_str_equal (field, "wastage_pct"))
    return decimal_field (self, FALSE, index, _("wastage %"), value, TRUE, &b->wastage_pct, error);
  else if (g_str_equal (field, "calc"))
    {
      SlvBomCalc calc;
      g_autoptr(GError) local = NULL;

      if (!slv_bom_calc_parse (value, &calc, &local))
        return fail (error, _("%s, calculation: %s"), name = line_name (self, FALSE, index), local->message);
      slv_bom_calc_clear (&b->calc);
      b->calc = calc;
      replace (&b->calc_json, value);
    }
  else
    return fail (error, _("A BOM line has no field “%s”."), field);
  return TRUE;
}

gboolean
slv_costing_input_set_process (SlvCostingInput  *self,
                               guint             index,
                               const char       *field,
                               const char       *value,
                               GError          **error)
{
  SlvProcessInput *p;
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL && index < self->processes->len && field != NULL, FALSE);

  self->bound_serial = 0;
  p = &g_array_index (self->processes, SlvProcessInput, index);
  if (g_str_equal (field, "process"))
    {
      static const char * const kinds[] = { "", "knitting", "dyeing", "washing", "printing", "embroidery",
                                            "making", "trims", "packing", "testing", "freight" };

      if (value == NULL || *value == '\0')
        return fail (error, _("%s: name the process."), name = line_name (self, TRUE, index));
      replace (&p->process, value);
      p->kind = SLV_PROCESS_OTHER;
      for (guint k = 1; k < G_N_ELEMENTS (kinds); k++)
        if (g_str_equal (value, kinds[k]))
          p->kind = (SlvProcessKind) k;
    }
  else if (g_str_equal (field, "rate_id"))
    replace (&p->rate_id, value);
  else if (g_str_equal (field, "note"))
    replace (&p->note, value);
  else if (g_str_equal (field, "quantity"))
    return decimal_field (self, TRUE, index, _("quantity"), value, TRUE, &p->quantity, error);
  else if (g_str_equal (field, "loss_pct"))
    return decimal_field (self, TRUE, index, _("loss %"), value, TRUE, &p->loss_pct, error);
  else if (g_str_equal (field, "params"))
    {
      SlvProcessInput parsed = { 0 };
      g_autoptr(GError) local = NULL;

      if (!slv_process_params_parse (value, &parsed, &local))
        return fail (error, _("%s, parameters: %s"), name = line_name (self, TRUE, index), local->message);
      slv_process_params_clear (p);
      memcpy ((char *) p + G_STRUCT_OFFSET (SlvProcessInput, has_sam),
              (char *) &parsed + G_STRUCT_OFFSET (SlvProcessInput, has_sam),
              sizeof (SlvProcessInput) - G_STRUCT_OFFSET (SlvProcessInput, has_sam));
      replace (&p->params_json, value);
    }
  else
    return fail (error, _("A process line has no field “%s”."), field);
  return TRUE;
}

void
slv_costing_input_remove_bom (SlvCostingInput *self,
                              guint            index)
{
  g_return_if_fail (index < self->bom->len);
  self->bound_serial = 0;
  g_array_remove_index (self->bom, index);
}

void
slv_costing_input_remove_process (SlvCostingInput *self,
                                  guint            index)
{
  g_return_if_fail (index < self->processes->len);
  self->bound_serial = 0;
  g_array_remove_index (self->processes, index);
}

int
slv_costing_input_find_bom (SlvCostingInput *self,
                            const char      *id)
{
  for (guint i = 0; i < self->bom->len; i++)
    if (g_strcmp0 (g_array_index (self->bom, SlvBomInput, i).id, id) == 0)
      return (int) i;
  return -1;
}

int
slv_costing_input_find_process (SlvCostingInput *self,
                                const char      *id)
{
  for (guint i = 0; i < self->processes->len; i++)
    if (g_strcmp0 (g_array_index (self->processes, SlvProcessInput, i).id, id) == 0)
      return (int) i;
  return -1;
}

char *
slv_costing_input_dup_bom_field (SlvCostingInput *self,
                                 guint            index,
                                 const char      *field)
{
  SlvBomInput *b;

  g_return_val_if_fail (index < self->bom->len, NULL);
  b = &g_array_index (self->bom, SlvBomInput, index);
  if (g_str_equal (field, "material_id"))
    return g_strdup (b->material_id);
  if (g_str_equal (field, "placement"))
    return g_strdup (b->placement);
  if (g_str_equal (field, "note"))
    return g_strdup (b->note);
  if (g_str_equal (field, "unit"))
    return g_strdup (b->unit);
  if (g_str_equal (field, "consumption"))
    return slv_decimal_to_string (b->consumption);
  if (g_str_equal (field, "wastage_pct"))
    return slv_decimal_to_string (b->wastage_pct);
  if (g_str_equal (field, "calc"))
    return g_strdup (b->calc_json);
  return NULL;
}

char *
slv_costing_input_dup_process_field (SlvCostingInput *self,
                                     guint            index,
                                     const char      *field)
{
  SlvProcessInput *p;

  g_return_val_if_fail (index < self->processes->len, NULL);
  p = &g_array_index (self->processes, SlvProcessInput, index);
  if (g_str_equal (field, "process"))
    return g_strdup (p->process);
  if (g_str_equal (field, "rate_id"))
    return g_strdup (p->rate_id);
  if (g_str_equal (field, "note"))
    return g_strdup (p->note);
  if (g_str_equal (field, "quantity"))
    return slv_decimal_to_string (p->quantity);
  if (g_str_equal (field, "loss_pct"))
    return slv_decimal_to_string (p->loss_pct);
  if (g_str_equal (field, "params"))
    return g_strdup (p->params_json);
  return NULL;
}

const char *
slv_pct_base_to_string (SlvPctBase base)
{
  switch (base)
    {
    case SLV_PCT_BASE_CM:
      return "cm";
    case SLV_PCT_BASE_PRODUCTION:
      return "production";
    case SLV_PCT_BASE_COST_PLUS_COMMERCIAL:
      return "cost_plus_commercial";
    default:
      return "?";
    }
}

const char *
slv_pct_kind_to_string (SlvPctKind kind)
{
  return kind == SLV_PCT_MARGIN ? "margin" : "markup";
}
