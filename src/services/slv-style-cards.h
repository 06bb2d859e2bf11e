/* slv-style-cards.h: what a style card on a board shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A style card shows its style's cover image, code and name, and the FOB
 * and retail price of the style's base costing as the pricing service
 * computes them now. SlvStyleCards reads and prices styles in a worker
 * when a canvas first asks for them, keeps the answers, and says when
 * they arrive ("changed") so the canvas draws again. refresh() prices
 * every known style again (after costings or the cost master changed).
 */
#pragma once

#include <gio/gio.h>

#include "slv-pricing.h"

G_BEGIN_DECLS

typedef struct
{
  char *style_id;
  char *code;
  char *name;
  char *cover_blob;   /* sha256 or NULL */
  char *fob;          /* "USD 12.40", or NULL when not priced */
  char *retail;       /* "EUR 39.00", or NULL */
  char *problem;      /* why there is no price ("No costing yet."), or NULL */
  gboolean missing;   /* the style is not (or no longer) in the workspace */
} SlvStyleCardInfo;

#define SLV_TYPE_STYLE_CARDS (slv_style_cards_get_type ())
G_DECLARE_FINAL_TYPE (SlvStyleCards, slv_style_cards, SLV, STYLE_CARDS, GObject)

SlvStyleCards          *slv_style_cards_new     (SlvPricing    *pricing) G_GNUC_WARN_UNUSED_RESULT;
SlvPricing             *slv_style_cards_get_pricing (SlvStyleCards *self);
/* The card of @style_id if known; else NULL, and a worker is asked for it
 * ("changed" follows). Never blocks. */
const SlvStyleCardInfo *slv_style_cards_lookup  (SlvStyleCards *self,
                                                 const char    *style_id);
/* Blocking: reads and prices @style_id now (workers, export, tests). */
SlvStyleCardInfo       *slv_style_cards_load    (SlvPricing    *pricing,
                                                 const char    *style_id) G_GNUC_WARN_UNUSED_RESULT;
/* Keeps @info (taken) as the card of its style, as if it had arrived. */
void                    slv_style_cards_insert  (SlvStyleCards    *self,
                                                 SlvStyleCardInfo *info);
/* Prices every known card again, in a worker. */
void                    slv_style_cards_refresh (SlvStyleCards *self);
/* TRUE while a worker reads or prices cards. */
gboolean                slv_style_cards_is_busy (SlvStyleCards *self);

void                    slv_style_card_info_free (SlvStyleCardInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvStyleCardInfo, slv_style_card_info_free)

G_END_DECLS
