/* slv-costing-session.c: the object, recomputing and keeping its
 * properties and line items current.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-costing-session"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "slv-bom-line-item.h"
#include "slv-costing-session-private.h"
#include "slv-process-line-item.h"

G_DEFINE_FINAL_TYPE (SlvCostingSession, slv_costing_session, G_TYPE_OBJECT)

enum { RECOMPUTED, N_SIGNALS };

GParamSpec *slv_costing_session_props[SESSION_N_PROPS];
static guint signals[N_SIGNALS];

static const char * const text_names[SESSION_N_TEXTS] = {
  NULL, NULL, NULL, "style-code", "style-name", "scenario", "status", "currency", "fx-set", "destination",
  "channel", "costing-date", "price-currency", "production", "fob", "landed", "landed-price", "wholesale",
  "retail", "margin", "markup", "problem",
};

static guint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (guint64) ts.tv_sec * G_GUINT64_CONSTANT (1000000000) + (guint64) ts.tv_nsec;
}

static void
set_text (SlvCostingSession *self,
          guint              prop,
          const char        *value)
{
  /* "problem" is NULL when there is none; the others are "" */
  if (prop != SESSION_PROP_PROBLEM && value == NULL)
    value = "";
  if (g_strcmp0 (self->texts[prop], value) == 0)
    return;
  g_free (self->texts[prop]);
  self->texts[prop] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), slv_costing_session_props[prop]);
}

static void
set_total (SlvCostingSession *self,
           guint              prop,
           SlvTotal           total,
           guint              places)
{
  SlvDecimal v;
  g_autofree char *text = NULL;

  if (self->sheet != NULL && slv_cost_sheet_get_total (self->sheet, total, &v))
    text = slv_decimal_format (v, places, SLV_ROUND_HALF_UP);
  set_text (self, prop, text);
}

static void
sync_header (SlvCostingSession *self)
{
  SlvCostingInput *in = self->input;
  gboolean editable = g_strcmp0 (in->status, "frozen") != 0;

  set_text (self, SESSION_PROP_STYLE_CODE, in->style_code);
  set_text (self, SESSION_PROP_STYLE_NAME, in->style_name);
  set_text (self, SESSION_PROP_SCENARIO, in->scenario);
  set_text (self, SESSION_PROP_STATUS, in->status);
  set_text (self, SESSION_PROP_CURRENCY, in->currency);
  set_text (self, SESSION_PROP_FX_SET, in->fx_set);
  set_text (self, SESSION_PROP_DESTINATION, in->destination);
  set_text (self, SESSION_PROP_CHANNEL, in->channel);
  set_text (self, SESSION_PROP_COSTING_DATE, in->date);
  if (self->editable != editable)
    {
      self->editable = editable;
      g_object_notify_by_pspec (G_OBJECT (self), slv_costing_session_props[SESSION_PROP_EDITABLE]);
    }
  if (self->order_qty != in->order_qty)
    {
      self->order_qty = in->order_qty;
      g_object_notify_by_pspec (G_OBJECT (self), slv_costing_session_props[SESSION_PROP_ORDER_QTY]);
    }
}

static void
sync_totals (SlvCostingSession *self)
{
  const char *problem = self->error_text;

  if (problem == NULL && self->sheet != NULL)
    problem = slv_cost_sheet_get_price_problem (self->sheet);
  set_text (self, SESSION_PROP_PRICE_CURRENCY, self->sheet ? slv_cost_sheet_get_price_currency (self->sheet) : NULL);
  set_total (self, SESSION_PROP_PRODUCTION, SLV_TOTAL_PRODUCTION, 2);
  set_total (self, SESSION_PROP_FOB, SLV_TOTAL_FOB_ROUNDED, 2);
  set_total (self, SESSION_PROP_LANDED, SLV_TOTAL_LANDED, 2);
  set_total (self, SESSION_PROP_LANDED_PRICE, SLV_TOTAL_LANDED_PRICE_CCY, 2);
  set_total (self, SESSION_PROP_WHOLESALE, SLV_TOTAL_WHOLESALE, 2);
  set_total (self, SESSION_PROP_RETAIL, SLV_TOTAL_RETAIL, 2);
  set_total (self, SESSION_PROP_MARGIN, SLV_TOTAL_MARGIN_PCT, 2);
  set_total (self, SESSION_PROP_MARKUP, SLV_TOTAL_MARKUP_PCT, 2);
  set_text (self, SESSION_PROP_PROBLEM, problem);
}

/* The figures of every line by role, in one pass over the sheet. */
static int *
line_figures (SlvCostSheet    *sheet,
              SlvCostingInput *in,
              gboolean         process)
{
  guint lines = process ? in->processes->len : in->bom->len;
  int *table = g_new (int, MAX (lines, 1) * SLV_N_ROLES);

  for (guint i = 0; i < lines * SLV_N_ROLES; i++)
    table[i] = -1;
  for (guint i = 0; sheet != NULL && i < slv_cost_sheet_get_n_figures (sheet); i++)
    {
      const SlvFigure *f = slv_cost_sheet_get_figure (sheet, i);

      if (f->line >= 0 && (guint) f->line < lines && !f->process == !process &&
          f->role >= SLV_ROLE_FIRST && f->role < SLV_ROLE_FIRST + SLV_N_ROLES &&
          table[f->line * SLV_N_ROLES + f->role - SLV_ROLE_FIRST] < 0)
        table[f->line * SLV_N_ROLES + f->role - SLV_ROLE_FIRST] = (int) i;
    }
  return table;
}

static void
rebuild_items (SlvCostingSession *self)
{
  g_autoptr(GPtrArray) bom = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->input->bom->len; i++)
    g_ptr_array_add (bom, slv_bom_line_item_new (g_array_index (self->input->bom, SlvBomInput, i).id));
  for (guint i = 0; i < self->input->processes->len; i++)
    g_ptr_array_add (processes, slv_process_line_item_new (g_array_index (self->input->processes, SlvProcessInput, i).id));
  g_list_store_splice (self->bom_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->bom_items)),
                       bom->pdata, bom->len);
  g_list_store_splice (self->process_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->process_items)),
                       processes->pdata, processes->len);
}

static void
sync_items (SlvCostingSession *self)
{
  g_autofree int *bom = line_figures (self->sheet, self->input, FALSE);
  g_autofree int *processes = line_figures (self->sheet, self->input, TRUE);

  for (guint i = 0; i < self->input->bom->len; i++)
    {
      g_autoptr(SlvBomLineItem) item = g_list_model_get_item (G_LIST_MODEL (self->bom_items), i);

      slv_bom_line_item_sync (item, self->input, self->master, self->sheet, i, bom + i * SLV_N_ROLES);
    }
  for (guint i = 0; i < self->input->processes->len; i++)
    {
      g_autoptr(SlvProcessLineItem) item = g_list_model_get_item (G_LIST_MODEL (self->process_items), i);

      slv_process_line_item_sync (item, self->input, self->master, self->sheet, i, processes + i * SLV_N_ROLES);
    }
}

void
slv_costing_session_recompute (SlvCostingSession *self)
{
  g_autoptr(GError) error = NULL;
  SlvCostSheet *sheet;
  guint64 start;

  g_return_if_fail (SLV_IS_COSTING_SESSION (self));

  g_object_freeze_notify (G_OBJECT (self));
  start = now_ns ();
  if (self->input->bound_serial != slv_cost_master_get_serial (self->master))
    slv_costing_input_bind (self->input, self->master);
  sheet = slv_costing_price (self->master, self->input, &error);
  self->recompute_ns = now_ns () - start;
  g_clear_object (&self->sheet);
  self->sheet = sheet;
  g_free (self->error_text);
  self->error_text = error ? g_strdup (error->message) : NULL;
  sync_header (self);
  sync_totals (self);
  sync_items (self);
  g_object_notify_by_pspec (G_OBJECT (self), slv_costing_session_props[SESSION_PROP_SHEET]);
  g_object_notify_by_pspec (G_OBJECT (self), slv_costing_session_props[SESSION_PROP_RECOMPUTE_NS]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[RECOMPUTED], 0);
}

void
slv_costing_session_take_input (SlvCostingSession *self,
                                SlvCostingInput   *input,
                                gboolean           lines_changed)
{
  g_clear_pointer (&self->input, slv_costing_input_unref);
  self->input = input;
  if (lines_changed)
    rebuild_items (self);
  slv_costing_session_recompute (self);
}

gboolean
slv_costing_session_reload (SlvCostingSession  *self,
                            GError            **error)
{
  SlvStore *store = slv_costing_session_store (self);
  g_autoptr(SlvCostingInput) input = NULL;
  g_autoptr(SlvCostMaster) master = NULL;

  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), FALSE);

  input = slv_costing_repo_load (store, self->costing_id, error);
  if (input == NULL)
    return FALSE;
  if (input->date[0] == '\0')
    {
      g_autofree char *today = slv_pricing_today ();

      slv_costing_input_set (input, "costing_date", today, NULL);
    }
  master = slv_pricing_dup_master (self->pricing, input->brand_id, error);
  if (master == NULL)
    return FALSE;
  g_set_object (&self->master, master);
  slv_costing_session_take_input (self, g_steal_pointer (&input), TRUE);
  return TRUE;
}

/* -- GObject -- */

static void
slv_costing_session_dispose (GObject *object)
{
  SlvCostingSession *self = SLV_COSTING_SESSION (object);

  g_clear_object (&self->sheet);
  g_clear_object (&self->master);
  g_clear_object (&self->pricing);
  if (self->bom_items != NULL)
    g_list_store_remove_all (self->bom_items);
  if (self->process_items != NULL)
    g_list_store_remove_all (self->process_items);
  G_OBJECT_CLASS (slv_costing_session_parent_class)->dispose (object);
}

static void
slv_costing_session_finalize (GObject *object)
{
  SlvCostingSession *self = SLV_COSTING_SESSION (object);

  g_clear_pointer (&self->input, slv_costing_input_unref);
  g_clear_object (&self->bom_items);
  g_clear_object (&self->process_items);
  g_free (self->costing_id);
  g_free (self->error_text);
  for (guint i = 0; i < SESSION_N_TEXTS; i++)
    g_free (self->texts[i]);
  G_OBJECT_CLASS (slv_costing_session_parent_class)->finalize (object);
}

static void
slv_costing_session_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SlvCostingSession *self = SLV_COSTING_SESSION (object);

  switch (prop_id)
    {
    case SESSION_PROP_PRICING:
      g_value_set_object (value, self->pricing);
      break;
    case SESSION_PROP_COSTING_ID:
      g_value_set_string (value, self->costing_id);
      break;
    case SESSION_PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case SESSION_PROP_ORDER_QTY:
      g_value_set_int64 (value, self->order_qty);
      break;
    case SESSION_PROP_SHEET:
      g_value_set_object (value, self->sheet);
      break;
    case SESSION_PROP_BOM_LINES:
      g_value_set_object (value, self->bom_items);
      break;
    case SESSION_PROP_PROCESS_LINES:
      g_value_set_object (value, self->process_items);
      break;
    case SESSION_PROP_RECOMPUTE_NS:
      g_value_set_uint64 (value, self->recompute_ns);
      break;
    default:
      if (prop_id > SESSION_PROP_COSTING_ID && prop_id < SESSION_N_TEXTS)
        g_value_set_string (value, self->texts[prop_id]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    }
}

static void
slv_costing_session_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SlvCostingSession *self = SLV_COSTING_SESSION (object);

  switch (prop_id)
    {
    case SESSION_PROP_PRICING:
      self->pricing = g_value_dup_object (value);
      break;
    case SESSION_PROP_COSTING_ID:
      self->costing_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    }
}

static void
slv_costing_session_class_init (SlvCostingSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamSpec **p = slv_costing_session_props;

  object_class->dispose = slv_costing_session_dispose;
  object_class->finalize = slv_costing_session_finalize;
  object_class->get_property = slv_costing_session_get_property;
  object_class->set_property = slv_costing_session_set_property;

  p[SESSION_PROP_PRICING] = g_param_spec_object ("pricing", NULL, NULL, SLV_TYPE_PRICING,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  p[SESSION_PROP_COSTING_ID] = g_param_spec_string ("costing-id", NULL, NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  for (guint i = SESSION_PROP_STYLE_CODE; i < SESSION_N_TEXTS; i++)
    p[i] = g_param_spec_string (text_names[i], NULL, NULL, i == SESSION_PROP_PROBLEM ? NULL : "", ro);
  p[SESSION_PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, FALSE, ro);
  p[SESSION_PROP_ORDER_QTY] = g_param_spec_int64 ("order-qty", NULL, NULL, 0, G_MAXINT64, 0, ro);
  p[SESSION_PROP_SHEET] = g_param_spec_object ("sheet", NULL, NULL, SLV_TYPE_COST_SHEET, ro);
  p[SESSION_PROP_BOM_LINES] = g_param_spec_object ("bom-lines", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  p[SESSION_PROP_PROCESS_LINES] = g_param_spec_object ("process-lines", NULL, NULL, G_TYPE_LIST_MODEL, ro);
  p[SESSION_PROP_RECOMPUTE_NS] = g_param_spec_uint64 ("recompute-ns", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  g_object_class_install_properties (object_class, SESSION_N_PROPS, p);

  signals[RECOMPUTED] = g_signal_new ("recomputed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slv_costing_session_init (SlvCostingSession *self)
{
  self->bom_items = g_list_store_new (SLV_TYPE_BOM_LINE_ITEM);
  self->process_items = g_list_store_new (SLV_TYPE_PROCESS_LINE_ITEM);
  for (guint i = SESSION_PROP_STYLE_CODE; i < SESSION_PROP_PROBLEM; i++)
    self->texts[i] = g_strdup ("");
}

/* -- public API -- */

SlvCostingSession *
slv_costing_session_new (SlvPricing  *pricing,
                         const char  *costing_id,
                         GError     **error)
{
  g_autoptr(SlvCostingSession) self = NULL;

  g_return_val_if_fail (SLV_IS_PRICING (pricing) && costing_id != NULL, NULL);

  self = g_object_new (SLV_TYPE_COSTING_SESSION, "pricing", pricing, "costing-id", costing_id, NULL);
  if (!slv_costing_session_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

SlvStore *
slv_costing_session_store (SlvCostingSession *self)
{
  return slv_pricing_get_store (self->pricing);
}

const char *
slv_costing_session_get_costing_id (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return self->costing_id;
}

const char *
slv_costing_session_get_status (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return self->texts[SESSION_PROP_STATUS];
}

gboolean
slv_costing_session_get_editable (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), FALSE);
  return self->editable;
}

const char *
slv_costing_session_get_text (SlvCostingSession *self,
                              const char        *property)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  for (guint i = SESSION_PROP_STYLE_CODE; i < SESSION_N_TEXTS; i++)
    if (g_strcmp0 (text_names[i], property) == 0)
      return self->texts[i];
  return NULL;
}

SlvCostSheet *
slv_costing_session_get_sheet (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return self->sheet;
}

SlvCostingInput *
slv_costing_session_get_input (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return self->input;
}

GListModel *
slv_costing_session_get_bom_lines (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return G_LIST_MODEL (self->bom_items);
}

GListModel *
slv_costing_session_get_process_lines (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return G_LIST_MODEL (self->process_items);
}

const char *
slv_costing_session_get_problem (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), NULL);
  return self->texts[SESSION_PROP_PROBLEM];
}

guint64
slv_costing_session_get_recompute_ns (SlvCostingSession *self)
{
  g_return_val_if_fail (SLV_IS_COSTING_SESSION (self), 0);
  return self->recompute_ns;
}
