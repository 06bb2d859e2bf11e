/* slv-style-cards.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-style-cards"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-style-cards.h"
#include "core/slv-cost-sheet.h"
#include "core/slv-style.h"
#include "store/slv-repo.h"

struct _SlvStyleCards
{
  GObject       parent_instance;
  SlvPricing   *pricing;
  GHashTable   *known;      /* style id → SlvStyleCardInfo */
  GHashTable   *wanted;     /* style ids asked for, not yet sent to a worker */
  guint         idle_id;
  guint         busy;       /* workers running */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (SlvStyleCards, slv_style_cards, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
slv_style_card_info_free (SlvStyleCardInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->style_id);
  g_free (info->code);
  g_free (info->name);
  g_free (info->cover_blob);
  g_free (info->fob);
  g_free (info->retail);
  g_free (info->problem);
  g_free (info);
}

static char *
price_text (SlvCostSheet *sheet,
            SlvTotal      total,
            const char   *currency)
{
  char buf[SLV_DECIMAL_BUF_SIZE];
  SlvDecimal value;

  if (!slv_cost_sheet_get_total (sheet, total, &value))
    return NULL;
  return g_strdup_printf ("%s %s", currency ? currency : "",
                          slv_decimal_format_buf (value, 2, SLV_ROUND_HALF_UP, buf));
}

static void
price_card (SlvPricing       *pricing,
            SlvStyleCardInfo *info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvCostSheet) sheet = slv_pricing_price_style (pricing, info->code, NULL, &error);

  if (sheet == NULL)
    {
      info->problem = g_strdup (error ? error->message : _("No costing yet."));
      return;
    }
  info->fob = price_text (sheet, SLV_TOTAL_FOB_ROUNDED, slv_cost_sheet_get_currency (sheet));
  info->retail = price_text (sheet, SLV_TOTAL_RETAIL, slv_cost_sheet_get_price_currency (sheet));
  if (info->fob == NULL || info->retail == NULL)
    {
      const char *why = slv_cost_sheet_get_price_problem (sheet);

      if (why == NULL)
        why = slv_cost_sheet_get_landed_problem (sheet);
      info->problem = g_strdup (why ? why : _("The price could not be computed."));
    }
}

SlvStyleCardInfo *
slv_style_cards_load (SlvPricing *pricing,
                      const char *style_id)
{
  g_autoptr(SlvEntity) entity = NULL;
  SlvStyleCardInfo *info;

  g_return_val_if_fail (SLV_IS_PRICING (pricing), NULL);
  g_return_val_if_fail (style_id != NULL, NULL);

  info = g_new0 (SlvStyleCardInfo, 1);
  info->style_id = g_strdup (style_id);
  entity = slv_repo_get (slv_pricing_get_store (pricing), SLV_TYPE_STYLE, style_id, NULL);
  if (entity == NULL || slv_entity_get_deleted (entity))
    {
      info->missing = TRUE;
      info->name = g_strdup (_("Style not found"));
      info->problem = g_strdup (_("This style is no longer in the workspace."));
      return info;
    }
  info->code = g_strdup (slv_style_get_code (SLV_STYLE (entity)));
  info->name = g_strdup (slv_style_get_name (SLV_STYLE (entity)));
  info->cover_blob = g_strdup (slv_style_get_cover_blob (SLV_STYLE (entity)));
  if (info->cover_blob != NULL && *info->cover_blob == '\0')
    g_clear_pointer (&info->cover_blob, g_free);
  price_card (pricing, info);
  return info;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SlvStyleCards *self = source_object;
  GStrv ids = task_data;
  GPtrArray *infos = g_ptr_array_new_with_free_func ((GDestroyNotify) slv_style_card_info_free);

  for (guint i = 0; ids[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    g_ptr_array_add (infos, slv_style_cards_load (self->pricing, ids[i]));
  g_task_return_pointer (task, infos, (GDestroyNotify) g_ptr_array_unref);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SlvStyleCards *self = SLV_STYLE_CARDS (source);
  g_autoptr(GPtrArray) infos = g_task_propagate_pointer (G_TASK (result), NULL);

  self->busy--;
  if (infos == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  /* the table takes the infos */
  g_ptr_array_set_free_func (infos, NULL);
  for (guint i = 0; i < infos->len; i++)
    {
      SlvStyleCardInfo *info = g_ptr_array_index (infos, i);

      g_hash_table_replace (self->known, info->style_id, info);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
start_worker (SlvStyleCards *self,
              GStrv          ids)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, loaded_cb, NULL);

  g_task_set_source_tag (task, start_worker);
  g_task_set_task_data (task, ids, (GDestroyNotify) g_strfreev);
  self->busy++;
  g_task_run_in_thread (task, load_thread);
}

static gboolean
send_wanted_cb (gpointer user_data)
{
  SlvStyleCards *self = user_data;
  GStrv ids = (GStrv) g_hash_table_get_keys_as_array (self->wanted, NULL);

  self->idle_id = 0;
  /* the keys now belong to the array */
  g_hash_table_steal_all (self->wanted);
  start_worker (self, ids);
  return G_SOURCE_REMOVE;
}

static void
slv_style_cards_dispose (GObject *object)
{
  SlvStyleCards *self = SLV_STYLE_CARDS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);

  G_OBJECT_CLASS (slv_style_cards_parent_class)->dispose (object);
}

static void
slv_style_cards_finalize (GObject *object)
{
  SlvStyleCards *self = SLV_STYLE_CARDS (object);

  g_clear_object (&self->pricing);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->wanted, g_hash_table_unref);

  G_OBJECT_CLASS (slv_style_cards_parent_class)->finalize (object);
}

static void
slv_style_cards_class_init (SlvStyleCardsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = slv_style_cards_dispose;
  object_class->finalize = slv_style_cards_finalize;

  /* Cards arrived or were priced again: draw again. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
slv_style_cards_init (SlvStyleCards *self)
{
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) slv_style_card_info_free);
  self->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

SlvStyleCards *
slv_style_cards_new (SlvPricing *pricing)
{
  SlvStyleCards *self;

  g_return_val_if_fail (SLV_IS_PRICING (pricing), NULL);

  self = g_object_new (SLV_TYPE_STYLE_CARDS, NULL);
  self->pricing = g_object_ref (pricing);
  return self;
}

SlvPricing *
slv_style_cards_get_pricing (SlvStyleCards *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_CARDS (self), NULL);
  return self->pricing;
}

const SlvStyleCardInfo *
slv_style_cards_lookup (SlvStyleCards *self,
                        const char    *style_id)
{
  const SlvStyleCardInfo *info;

  g_return_val_if_fail (SLV_IS_STYLE_CARDS (self), NULL);

  if (style_id == NULL)
    return NULL;
  info = g_hash_table_lookup (self->known, style_id);
  if (info == NULL && !g_hash_table_contains (self->wanted, style_id))
    {
      g_hash_table_add (self->wanted, g_strdup (style_id));
      if (self->idle_id == 0)
        self->idle_id = g_idle_add (send_wanted_cb, self);
    }
  return info;
}

void
slv_style_cards_insert (SlvStyleCards    *self,
                        SlvStyleCardInfo *info)
{
  g_return_if_fail (SLV_IS_STYLE_CARDS (self));
  g_return_if_fail (info != NULL && info->style_id != NULL);

  g_hash_table_remove (self->wanted, info->style_id);
  g_hash_table_replace (self->known, info->style_id, info);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
slv_style_cards_refresh (SlvStyleCards *self)
{
  GStrv ids;

  g_return_if_fail (SLV_IS_STYLE_CARDS (self));

  if (g_hash_table_size (self->known) == 0)
    return;
  slv_pricing_invalidate (self->pricing);
  ids = (GStrv) g_hash_table_get_keys_as_array (self->known, NULL);
  /* the keys belong to the infos: copy them */
  for (guint i = 0; ids[i] != NULL; i++)
    ids[i] = g_strdup (ids[i]);
  start_worker (self, ids);
}

gboolean
slv_style_cards_is_busy (SlvStyleCards *self)
{
  g_return_val_if_fail (SLV_IS_STYLE_CARDS (self), FALSE);
  return self->busy > 0 || self->idle_id != 0;
}
