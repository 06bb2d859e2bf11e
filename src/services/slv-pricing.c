/* slv-pricing.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-pricing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-pricing.h"
#include "store/slv-costing-repo.h"

struct _SlvPricing
{
  GObject     parent_instance;
  SlvStore   *store;
  GMutex      lock;
  GHashTable *masters;   /* brand id → SlvCostMaster */
};

G_DEFINE_FINAL_TYPE (SlvPricing, slv_pricing, G_TYPE_OBJECT)

static void
slv_pricing_finalize (GObject *object)
{
  SlvPricing *self = SLV_PRICING (object);

  g_clear_object (&self->store);
  g_hash_table_unref (self->masters);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (slv_pricing_parent_class)->finalize (object);
}

static void
slv_pricing_class_init (SlvPricingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = slv_pricing_finalize;
}

static void
slv_pricing_init (SlvPricing *self)
{
  g_mutex_init (&self->lock);
  self->masters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

SlvPricing *
slv_pricing_new (SlvStore *store)
{
  SlvPricing *self;

  g_return_val_if_fail (SLV_IS_STORE (store), NULL);
  self = g_object_new (SLV_TYPE_PRICING, NULL);
  self->store = g_object_ref (store);
  return self;
}

SlvStore *
slv_pricing_get_store (SlvPricing *self)
{
  g_return_val_if_fail (SLV_IS_PRICING (self), NULL);
  return self->store;
}

SlvCostMaster *
slv_pricing_dup_master (SlvPricing  *self,
                        const char  *brand_id,
                        GError     **error)
{
  SlvCostMaster *master;

  g_return_val_if_fail (SLV_IS_PRICING (self), NULL);

  if (brand_id == NULL)
    {
      g_set_error (error, SLV_COSTING_ERROR, SLV_COSTING_ERROR_NOT_FOUND, _("The costing belongs to no brand."));
      return NULL;
    }
  g_mutex_lock (&self->lock);
  master = g_hash_table_lookup (self->masters, brand_id);
  if (master != NULL)
    g_object_ref (master);
  g_mutex_unlock (&self->lock);
  if (master != NULL)
    return master;

  master = slv_costing_repo_load_master (self->store, brand_id, error);
  if (master == NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->masters, g_strdup (brand_id), g_object_ref (master));
  g_mutex_unlock (&self->lock);
  return master;
}

void
slv_pricing_invalidate (SlvPricing *self)
{
  g_return_if_fail (SLV_IS_PRICING (self));
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->masters);
  g_mutex_unlock (&self->lock);
}

char *
slv_pricing_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

SlvCostSheet *
slv_pricing_price_input (SlvPricing       *self,
                         SlvCostingInput  *input,
                         GError          **error)
{
  g_autoptr(SlvCostMaster) master = NULL;

  g_return_val_if_fail (SLV_IS_PRICING (self) && input != NULL, NULL);

  if (input->date[0] == '\0')
    {
      g_autofree char *today = slv_pricing_today ();

      slv_costing_input_set (input, "costing_date", today, NULL);
    }
  master = slv_pricing_dup_master (self, input->brand_id, error);
  if (master == NULL)
    return NULL;
  if (input->bound_serial != slv_cost_master_get_serial (master))
    slv_costing_input_bind (input, master);
  return slv_costing_price (master, input, error);
}

SlvCostSheet *
slv_pricing_price_costing (SlvPricing  *self,
                           const char  *costing_id,
                           GError     **error)
{
  g_autoptr(SlvCostingInput) input = slv_costing_repo_load (self->store, costing_id, error);

  return input ? slv_pricing_price_input (self, input, error) : NULL;
}

SlvCostSheet *
slv_pricing_price_style (SlvPricing  *self,
                         const char  *style_code,
                         const char  *scenario,
                         GError     **error)
{
  g_autofree char *id = slv_costing_repo_find (self->store, style_code, scenario, error);

  return id ? slv_pricing_price_costing (self, id, error) : NULL;
}

gboolean
slv_pricing_price_all (SlvPricing          *self,
                       SlvPricingEachFunc   func,
                       gpointer             user_data,
                       guint               *n_priced,
                       guint               *n_failed,
                       GError             **error)
{
  g_autoptr(GPtrArray) all = NULL;
  guint priced = 0, failed = 0;

  g_return_val_if_fail (SLV_IS_PRICING (self), FALSE);

  all = slv_costing_repo_load_all (self->store, &failed, error);
  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      SlvCostingInput *input = g_ptr_array_index (all, i);
      g_autoptr(GError) local = NULL;
      g_autoptr(SlvCostSheet) sheet = slv_pricing_price_input (self, input, &local);

      if (sheet != NULL)
        priced++;
      else
        failed++;
      if (func != NULL)
        func (input, sheet, local, user_data);
    }
  if (n_priced != NULL)
    *n_priced = priced;
  if (n_failed != NULL)
    *n_failed = failed;
  return TRUE;
}
