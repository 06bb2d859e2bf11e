/* slv-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-demo.h"
#include "slv-demo-data.h"
#include "slv-review-demo.h"
#include "formats/slv-swatch.h"
#include "store/slv-blobs.h"

typedef struct
{
  char       *brand;
  GHashTable *seasons;      /* code → id */
  GHashTable *collections;  /* name → id */
  GHashTable *suppliers;    /* code → id */
  GHashTable *materials;    /* code → id */
  GHashTable *rates;        /* process/key/supplier → id (tier 0, current) */
} Ids;

static void
ids_clear (Ids *ids)
{
  g_free (ids->brand);
  g_clear_pointer (&ids->seasons, g_hash_table_unref);
  g_clear_pointer (&ids->collections, g_hash_table_unref);
  g_clear_pointer (&ids->suppliers, g_hash_table_unref);
  g_clear_pointer (&ids->materials, g_hash_table_unref);
  g_clear_pointer (&ids->rates, g_hash_table_unref);
}

static GHashTable *
new_map (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static char *
rate_key (const char *process,
          const char *key,
          const char *supplier)
{
  return g_strdup_printf ("%s/%s/%s", process, key, supplier ? supplier : "");
}

static const char *
lookup (GHashTable  *map,
        const char  *key,
        const char  *what,
        GError     **error)
{
  const char *id;

  if (key == NULL)
    return NULL;
  id = g_hash_table_lookup (map, key);
  if (id == NULL)
    g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_NOT_FOUND,
                 "Demo data refers to an unknown %s “%s”.", what, key);
  return id;
}

static gboolean
insert_brand (SlvStore  *store,
              Ids       *ids,
              GError   **error)
{
  static const struct { const char *code, *name, *from, *to; } seasons[] = {
    { "SS27", "Spring/Summer 2027", "2027-02-01", "2027-07-31" },
    { "AW27", "Autumn/Winter 2027", "2027-08-01", "2028-01-31" },
  };
  static const struct { const char *season, *name, *theme; } collections[] = {
    { "SS27", "Coastline", "Washed marine colours, breton stripes, linen and slub jersey" },
    { "AW27", "Harbour Knits", "Heavy fleece, merino and lambswool in fog greys and kelp greens" },
  };

  if (!slv_store_insert (store, "brand", &ids->brand, error,
                         "code", "NL", "name", "Northloom", "base_currency", "EUR", NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (seasons); i++)
    {
      char *id = NULL;

      if (!slv_store_insert (store, "season", &id, error, "brand_id", ids->brand,
                             "code", seasons[i].code, "name", seasons[i].name,
                             "starts_on", seasons[i].from, "ends_on", seasons[i].to, NULL))
        return FALSE;
      g_hash_table_insert (ids->seasons, g_strdup (seasons[i].code), id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      char *id = NULL;

      if (!slv_store_insert (store, "collection", &id, error, "brand_id", ids->brand,
                             "season_id", g_hash_table_lookup (ids->seasons, collections[i].season),
                             "name", collections[i].name, "theme", collections[i].theme, NULL))
        return FALSE;
      g_hash_table_insert (ids->collections, g_strdup (collections[i].name), id);
    }
  return TRUE;
}

static gboolean
insert_master_data (SlvStore  *store,
                    Ids       *ids,
                    GError   **error)
{
  for (guint i = 0; i < slv_demo_n_suppliers; i++)
    {
      const SlvDemoSupplier *s = &slv_demo_suppliers[i];
      g_autofree char *lead = g_strdup_printf ("%d", s->lead_time_days);
      char *id = NULL;

      if (!slv_store_insert (store, "supplier", &id, error, "brand_id", ids->brand,
                             "code", s->code, "name", s->name, "kind", s->kind,
                             "country", s->country, "city", s->city, "currency", s->currency,
                             "lead_time_days", lead, NULL))
        return FALSE;
      g_hash_table_insert (ids->suppliers, g_strdup (s->code), id);
    }

  for (guint i = 0; i < slv_demo_n_materials; i++)
    {
      const SlvDemoMaterial *m = &slv_demo_materials[i];
      const char *supplier = lookup (ids->suppliers, m->supplier, "supplier", error);
      char *id = NULL;

      if (supplier == NULL ||
          !slv_store_insert (store, "material", &id, error, "brand_id", ids->brand,
                             "code", m->code, "name", m->name, "kind", m->kind,
                             "sap_type", m->sap_type, "material_group", m->group,
                             "composition", m->composition, "construction", m->construction,
                             "gsm", m->gsm, "width_cm", m->width_cm, "yarn_count", m->yarn_count,
                             "unit", m->unit, "price", m->price, "currency", m->currency,
                             "supplier_id", supplier, "color", m->color,
                             "lead_time_days", "30", NULL))
        return FALSE;
      g_hash_table_insert (ids->materials, g_strdup (m->code), id);
    }

  for (guint i = 0; i < slv_demo_n_rates; i++)
    {
      const SlvDemoRate *r = &slv_demo_rates[i];
      const char *supplier = NULL;
      g_autofree char *tier = g_strdup_printf ("%d", r->tier_min_qty);
      char *id = NULL;

      if (r->supplier != NULL && (supplier = lookup (ids->suppliers, r->supplier, "supplier", error)) == NULL)
        return FALSE;
      if (!slv_store_insert (store, "cost_rate", &id, error, "brand_id", ids->brand,
                             "process", r->process, "key", r->key, "description", r->description,
                             "supplier_id", supplier, "unit", r->unit, "rate", r->rate,
                             "currency", r->currency, "min_charge", r->min_charge,
                             "tier_min_qty", tier, "valid_from", r->valid_from,
                             "valid_to", r->valid_to, "price_unit", r->price_unit ? r->price_unit : "1",
                             NULL))
        return FALSE;
      /* Process lines point at the base tier of the current rate. */
      if (r->tier_min_qty == 0 && g_strcmp0 (r->valid_to, "2027-12-31") == 0)
        g_hash_table_insert (ids->rates, rate_key (r->process, r->key, r->supplier), id);
      else
        g_free (id);
    }

  for (guint i = 0; i < slv_demo_n_fx; i++)
    {
      const SlvDemoFx *f = &slv_demo_fx[i];

      if (!slv_store_insert (store, "fx_rate", NULL, error, "brand_id", ids->brand,
                             "set_name", f->set_name, "kind", f->kind, "valid_on", f->valid_on,
                             "from_ccy", f->from_ccy, "to_ccy", f->to_ccy, "rate", f->rate, NULL))
        return FALSE;
    }

  for (guint i = 0; i < slv_demo_n_destinations; i++)
    {
      const SlvDemoDestination *d = &slv_demo_destinations[i];

      if (!slv_store_insert (store, "destination", NULL, error, "brand_id", ids->brand, "code", d->code,
                             "name", d->name, "currency", d->currency, "customs_basis", d->customs_basis,
                             "vat_pct", d->vat_pct, NULL))
        return FALSE;
    }

  for (guint i = 0; i < slv_demo_n_duties; i++)
    {
      const SlvDemoDuty *d = &slv_demo_duties[i];

      if (!slv_store_insert (store, "duty_rate", NULL, error, "brand_id", ids->brand,
                             "destination", d->destination, "hs_prefix", d->hs_prefix,
                             "duty_pct", d->duty_pct, "valid_from", d->valid_from,
                             "valid_to", d->valid_to, "source", d->source, NULL))
        return FALSE;
    }

  for (guint i = 0; i < slv_demo_n_margin_rules; i++)
    {
      const SlvDemoMarginRule *m = &slv_demo_margin_rules[i];
      g_autofree char *priority = g_strdup_printf ("%d", m->priority);

      if (!slv_store_insert (store, "margin_rule", NULL, error, "brand_id", ids->brand,
                             "channel", m->channel, "name", m->name, "expression", m->expression,
                             "price_ending", m->price_ending, "priority", priority, NULL))
        return FALSE;
    }
  return TRUE;
}

/* Fractional-index positions: a0, a1, … sort as text. */
static char *
position (guint i)
{
  return g_strdup_printf ("a%03u", i);
}

static gboolean
insert_costing (SlvStore            *store,
                Ids                 *ids,
                const SlvDemoStyle  *s,
                const char          *style_id,
                GError             **error)
{
  g_autofree char *costing = NULL;
  g_autofree char *qty = g_strdup_printf ("%d", s->order_qty);

  if (!slv_store_insert (store, "costing", &costing, error, "brand_id", ids->brand,
                         "style_id", style_id, "scenario", "Base", "currency", "USD",
                         "fx_set", "Budget AW27", "fx_kind", "budget", "order_qty", qty,
                         "destination", s->destination, "channel", s->channel,
                         "params", s->costing_params, "costing_date", SLV_DEMO_COSTING_DATE, NULL))
    return FALSE;

  for (guint i = 0; s->bom[i].material != NULL; i++)
    {
      const SlvDemoBom *b = &s->bom[i];
      const char *material = lookup (ids->materials, b->material, "material", error);
      g_autofree char *pos = position (i);

      if (material == NULL ||
          !slv_store_insert (store, "bom_line", NULL, error, "brand_id", ids->brand,
                             "costing_id", costing, "style_id", style_id, "position", pos,
                             "material_id", material, "placement", b->placement,
                             "consumption", b->consumption, "unit", b->unit,
                             "wastage_pct", b->wastage_pct, "calc", b->calc, NULL))
        return FALSE;
    }
  for (guint i = 0; s->processes[i].process != NULL; i++)
    {
      const SlvDemoProcess *p = &s->processes[i];
      g_autofree char *key = rate_key (p->process, p->rate_key, p->supplier);
      const char *rate = lookup (ids->rates, key, "cost rate", error);
      g_autofree char *pos = position (i);

      if (rate == NULL ||
          !slv_store_insert (store, "process_line", NULL, error, "brand_id", ids->brand,
                             "costing_id", costing, "style_id", style_id, "position", pos,
                             "process", p->process, "rate_id", rate, "quantity", p->quantity,
                             "loss_pct", p->loss_pct, "params", p->params, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_styles (SlvStore  *store,
               Ids       *ids,
               GError   **error)
{
  for (guint i = 0; i < slv_demo_n_styles; i++)
    {
      const SlvDemoStyle *s = &slv_demo_styles[i];
      const char *collection = lookup (ids->collections, s->collection, "collection", error);
      g_autofree char *style = NULL;

      if (collection == NULL ||
          !slv_store_insert (store, "style", &style, error, "brand_id", ids->brand,
                             "collection_id", collection, "code", s->code, "name", s->name,
                             "category", s->category, "gender", s->gender, "status", s->status,
                             "size_range", s->size_range, "base_size", s->base_size,
                             "hs_code", s->hs_code, "target_fob", s->target_fob,
                             "target_retail", s->target_retail, "currency", "USD", NULL) ||
          !insert_costing (store, ids, s, style, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct
{
  SlvSwatchSpec spec;
  const char   *name;
} DemoSwatch;

static const DemoSwatch board_swatches[] = {
  { { SLV_SWATCH_STRIPE, 0xf3efe4, 0x1b2a49, 0xb8433a, 27 }, "Breton stripe, navy and red" },
  { { SLV_SWATCH_KNIT, 0x8a9a8c, 0, 0, 11 }, "Sage jersey" },
  { { SLV_SWATCH_CHECK, 0xf5f1e8, 0x7fa3c8, 0x1b2a49, 5 }, "Chambray gingham" },
  { { SLV_SWATCH_PRINT, 0xf3d9cf, 0xd46a5a, 0x4f7a5a, 42 }, "Sea pink floral" },
  { { SLV_SWATCH_RIB, 0xd8cbb3, 0, 0, 3 }, "Sand rib" },
  { { SLV_SWATCH_KNIT, 0x1f3a5f, 0, 0, 8 }, "Harbour navy pique" },
  { { SLV_SWATCH_STRIPE, 0xe6dccb, 0x5b6770, 0x8a9a8c, 91 }, "Fog stripe" },
  { { SLV_SWATCH_CHECK, 0xc96f4a, 0xe6dccb, 0x3c2f2a, 17 }, "Rust check" },
};

static const struct { const char *hex, *name; } board_colours[] = {
  { "#1b2a49", "Harbour navy" }, { "#b8433a", "Signal red" }, { "#8a9a8c", "Sage" },
  { "#d8cbb3", "Sand" }, { "#f3efe4", "Sail white" },
};

static gboolean
insert_item (SlvStore    *store,
             Ids         *ids,
             const char  *board,
             const char  *kind,
             double       x,
             double       y,
             double       w,
             double       h,
             guint        z,
             const char  *blob,
             const char  *text,
             const char  *color,
             GError     **error)
{
  char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];
  char ws[G_ASCII_DTOSTR_BUF_SIZE], hs[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *zs = position (z);

  return slv_store_insert (store, "board_item", NULL, error, "brand_id", ids->brand,
                           "board_id", board, "kind", kind,
                           "x", g_ascii_dtostr (xs, sizeof xs, x),
                           "y", g_ascii_dtostr (ys, sizeof ys, y),
                           "w", g_ascii_dtostr (ws, sizeof ws, w),
                           "h", g_ascii_dtostr (hs, sizeof hs, h),
                           "z", zs, "blob", blob, "text", text, "color", color, NULL);
}

static gboolean
insert_board (SlvStore  *store,
              Ids       *ids,
              GError   **error)
{
  g_autofree char *board = NULL;
  guint z = 0;

  if (!slv_store_insert (store, "board", &board, error, "brand_id", ids->brand,
                         "collection_id", g_hash_table_lookup (ids->collections, "Coastline"),
                         "name", "Coastline — mood", "position", "a000", NULL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (board_swatches); i++)
    {
      g_autoptr(GBytes) png = slv_swatch_render_png (&board_swatches[i].spec, 512, 512, error);
      g_autofree char *sha = NULL;

      if (png == NULL)
        return FALSE;
      sha = slv_blobs_put (store, png, "image/png", board_swatches[i].name, 512, 512, error);
      if (sha == NULL ||
          !insert_item (store, ids, board, "image", 40 + (i % 4) * 300, 120 + (i / 4) * 300,
                        280, 280, z++, sha, board_swatches[i].name, NULL, error))
        return FALSE;
    }
  if (!insert_item (store, ids, board, "note", 40, 20, 560, 80, z++, NULL,
                    "Coastline SS27: washed marine colours, breton stripes, slub jersey and linen. "
                    "Keep prints small-scale; everything garment-washed.", "#fff4b8", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (board_colours); i++)
    if (!insert_item (store, ids, board, "swatch", 1260, 120 + i * 110, 100, 100, z++, NULL,
                      board_colours[i].name, board_colours[i].hex, error))
      return FALSE;

  return slv_store_insert (store, "board", NULL, error, "brand_id", ids->brand,
                           "collection_id", g_hash_table_lookup (ids->collections, "Harbour Knits"),
                           "name", "Harbour Knits — yarns", "position", "a001", NULL);
}

static gboolean
populate_tx (SlvStore  *store,
             gpointer   user_data,
             GError   **error)
{
  Ids ids = { NULL, new_map (), new_map (), new_map (), new_map (), new_map () };
  gboolean ok;

  ok = insert_brand (store, &ids, error) &&
       insert_master_data (store, &ids, error) &&
       insert_styles (store, &ids, error) &&
       insert_board (store, &ids, error) &&
       slv_review_demo_populate (store, error) &&
       slv_store_set_meta (store, "demo", "northloom-1", error);
  ids_clear (&ids);
  return ok;
}

gboolean
slv_demo_populate (SlvStore  *store,
                   GError   **error)
{
  g_return_val_if_fail (SLV_IS_STORE (store), FALSE);

  if (!slv_store_transaction (store, populate_tx, NULL, error))
    {
      g_prefix_error (error, _("Could not create the demo workspace: "));
      return FALSE;
    }
  return TRUE;
}

SlvStore *
slv_demo_create (const char  *path,
                 GError     **error)
{
  g_autoptr(SlvStore) store = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (slv_store_path_is_workspace (path))
    {
      g_set_error (error, SLV_STORE_ERROR, SLV_STORE_ERROR_EXISTS,
                   _("There is already a workspace at “%s”; choose another folder."), path);
      return NULL;
    }
  store = slv_store_open (path, SLV_STORE_OPEN_CREATE, error);
  if (store == NULL || !slv_demo_populate (store, error))
    return NULL;
  return g_steal_pointer (&store);
}
