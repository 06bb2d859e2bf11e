/* slv-costing-session.h: one costing open for editing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SlvCostingSession is what a costing editor binds to. It holds the costing
 * and its cost master in memory, exposes the lines as GListModels of
 * SlvBomLineItem and SlvProcessLineItem and the totals as properties, and
 * takes edits: each edit is validated, written to the workspace in one
 * transaction, and the costing recomputed (tens of microseconds) before the
 * call returns, so every property is current when its notify arrives.
 *
 * Read-only properties:
 *   pricing (SlvPricing, construct-only), costing-id (construct-only),
 *   style-code, style-name, scenario, status (draft, submitted, approved,
 *   frozen), editable (FALSE when frozen), currency (the costing's, FOB),
 *   price-currency (the destination's: landed-price, wholesale, retail),
 *   fob (to cents), production, landed (costing currency, to cents),
 *   landed-price, wholesale, retail, margin and markup (achieved, percent,
 *   2 places) — empty strings when not priced —, fx-set, destination,
 *   channel, order-qty (gint64), costing-date, problem (why the costing or
 *   part of it cannot be priced, or NULL), sheet (SlvCostSheet or NULL),
 *   bom-lines and process-lines (GListModel), recompute-ns (guint64, the
 *   last recompute).
 * Signals:
 *   recomputed (): after every recompute, once all properties are current.
 *
 * Edits on a frozen costing fail with SLV_COSTING_ERROR_FROZEN and a
 * message that says to copy it; editing a submitted or approved costing
 * returns it to draft.
 */
#pragma once

#include "slv-pricing.h"
#include "store/slv-costing-repo.h"

G_BEGIN_DECLS

#define SLV_TYPE_COSTING_SESSION (slv_costing_session_get_type ())
G_DECLARE_FINAL_TYPE (SlvCostingSession, slv_costing_session, SLV, COSTING_SESSION, GObject)

SlvCostingSession *slv_costing_session_new          (SlvPricing         *pricing,
                                                     const char         *costing_id,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Reads the costing and the cost master again (after edits elsewhere). */
gboolean           slv_costing_session_reload       (SlvCostingSession  *self,
                                                     GError            **error);

const char        *slv_costing_session_get_costing_id (SlvCostingSession *self);
const char        *slv_costing_session_get_status   (SlvCostingSession  *self);
gboolean           slv_costing_session_get_editable (SlvCostingSession  *self);
/* A total's text as shown ("3.54"); "" when not priced. */
const char        *slv_costing_session_get_text     (SlvCostingSession  *self,
                                                     const char         *property);
SlvCostSheet      *slv_costing_session_get_sheet    (SlvCostingSession  *self);
SlvCostingInput   *slv_costing_session_get_input    (SlvCostingSession  *self);
GListModel        *slv_costing_session_get_bom_lines     (SlvCostingSession *self);
GListModel        *slv_costing_session_get_process_lines (SlvCostingSession *self);
const char        *slv_costing_session_get_problem  (SlvCostingSession  *self);
guint64            slv_costing_session_get_recompute_ns (SlvCostingSession *self);

/* Edits (slv-costing-session-edit.c). Line fields as in
 * slv_costing_input_set_bom()/_set_process(); setting the consumption of a
 * line computed from measurements makes it a manual line (a yarn price
 * chain stays). */
gboolean           slv_costing_session_edit_line    (SlvCostingSession  *self,
                                                     SlvCostingLineKind  kind,
                                                     const char         *line_id,
                                                     const char         *field,
                                                     const char         *value,
                                                     GError            **error);
/* Header fields: scenario, currency, fx_set, costing_date, order_qty,
 * destination, channel, params. */
gboolean           slv_costing_session_set_field    (SlvCostingSession  *self,
                                                     const char         *field,
                                                     const char         *value,
                                                     GError            **error);
gboolean           slv_costing_session_set_fx_set   (SlvCostingSession  *self,
                                                     const char         *set_name,
                                                     GError            **error);
gboolean           slv_costing_session_set_destination (SlvCostingSession *self,
                                                        const char        *code,
                                                        GError           **error);
gboolean           slv_costing_session_set_status   (SlvCostingSession  *self,
                                                     const char         *status,
                                                     GError            **error);
/* Returns the new line's id. */
char              *slv_costing_session_add_line     (SlvCostingSession  *self,
                                                     SlvCostingLineKind  kind,
                                                     const char         *material_or_process,
                                                     const char         *rate_id,
                                                     GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean           slv_costing_session_remove_line  (SlvCostingSession  *self,
                                                     SlvCostingLineKind  kind,
                                                     const char         *line_id,
                                                     GError            **error);
/* Copies the costing as scenario @name; returns the new costing's id (open
 * it with another session). Works on frozen costings too. */
char              *slv_costing_session_copy_scenario (SlvCostingSession *self,
                                                      const char        *name,
                                                      GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* The explanation tree of figure @key ("fob", "retail", "bom.0.cost"…),
 * or NULL if there is no such figure. */
char              *slv_costing_session_explain      (SlvCostingSession  *self,
                                                     const char         *key) G_GNUC_WARN_UNUSED_RESULT;
GStrv              slv_costing_session_list_fx_sets (SlvCostingSession  *self) G_GNUC_WARN_UNUSED_RESULT;
GStrv              slv_costing_session_list_destinations (SlvCostingSession *self) G_GNUC_WARN_UNUSED_RESULT;
GStrv              slv_costing_session_list_scenarios (SlvCostingSession *self,
                                                       GError           **error) G_GNUC_WARN_UNUSED_RESULT;
/* @total of the costing priced for an order of @qty pieces instead (the
 * workspace is not touched): the points of a price-versus-quantity curve
 * across the rates' quantity tiers and minimum charges. FALSE when that
 * total cannot be priced. */
gboolean           slv_costing_session_price_at     (SlvCostingSession  *self,
                                                     gint64              qty,
                                                     SlvTotal            total,
                                                     SlvDecimal         *out);
/* Prices the in-memory costing again (no workspace access). */
void               slv_costing_session_recompute    (SlvCostingSession  *self);

G_END_DECLS
