/* slv-costing-repo.h: costings in the workspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads a brand's cost master (materials, rates, destinations, duty rates,
 * exchange rates, margin rules) and costings with their lines, ready for
 * slv_costing_price(); writes edits, status moves and scenario copies.
 *
 * Every write runs in one transaction. A frozen costing refuses every edit
 * (SLV_COSTING_ERROR_FROZEN, saying to copy it); editing a submitted or
 * approved costing returns it to draft in the same transaction. Status
 * moves: draft → submitted → approved → frozen, and submitted or approved
 * back to draft.
 */
#pragma once

#include "slv-store.h"
#include "core/slv-costing-input.h"
#include "core/slv-cost-master.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_COSTING_LINE_BOM,
  SLV_COSTING_LINE_PROCESS,
} SlvCostingLineKind;

/* -- reading (slv-costing-repo.c) -- */

SlvCostMaster   *slv_costing_repo_load_master    (SlvStore            *store,
                                                  const char          *brand_id,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* The id of @style_code's costing named @scenario (NULL: "Base"). */
char            *slv_costing_repo_find           (SlvStore            *store,
                                                  const char          *style_code,
                                                  const char          *scenario,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
SlvCostingInput *slv_costing_repo_load           (SlvStore            *store,
                                                  const char          *costing_id,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Every live costing with its lines (in a few queries), ordered by style
 * code and scenario. Costings whose stored values cannot be read are left
 * out and counted in @n_unreadable. */
GPtrArray       *slv_costing_repo_load_all       (SlvStore            *store,
                                                  guint               *n_unreadable,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Scenario names of the style that owns @costing_id, "Base" first. */
GStrv            slv_costing_repo_list_scenarios (SlvStore            *store,
                                                  const char          *costing_id,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* The workspace's first brand (the one a single-brand workspace has). */
char            *slv_costing_repo_dup_first_brand (SlvStore           *store,
                                                   GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* -- writing (slv-costing-write.c) -- */

/* Header fields: scenario, currency, fx_set, fx_kind, costing_date,
 * order_qty, destination, channel, params, notes. */
gboolean         slv_costing_repo_set_field      (SlvStore            *store,
                                                  const char          *costing_id,
                                                  const char          *field,
                                                  const char          *value,
                                                  GError             **error);
/* Line fields as in slv_costing_input_set_bom()/_set_process(). */
gboolean         slv_costing_repo_set_line_field (SlvStore            *store,
                                                  const char          *costing_id,
                                                  SlvCostingLineKind   kind,
                                                  const char          *line_id,
                                                  const char          *field,
                                                  const char          *value,
                                                  GError             **error);
/* Several fields of one line in one transaction (NULL-terminated). */
gboolean         slv_costing_repo_set_line_fields (SlvStore           *store,
                                                   const char         *costing_id,
                                                   SlvCostingLineKind  kind,
                                                   const char         *line_id,
                                                   const char * const *fields,
                                                   const char * const *values,
                                                   GError            **error);
/* Appends a line (material or process + rate) and returns its id. */
char            *slv_costing_repo_add_line       (SlvStore            *store,
                                                  const char          *costing_id,
                                                  SlvCostingLineKind   kind,
                                                  const char          *material_or_process,
                                                  const char          *rate_id,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean         slv_costing_repo_remove_line    (SlvStore            *store,
                                                  const char          *costing_id,
                                                  SlvCostingLineKind   kind,
                                                  const char          *line_id,
                                                  GError             **error);
gboolean         slv_costing_repo_set_status     (SlvStore            *store,
                                                  const char          *costing_id,
                                                  const char          *status,
                                                  GError             **error);
/* Copies a costing and its lines as scenario @name (a draft whose parent is
 * the original, which may be frozen); returns the new id. */
char            *slv_costing_repo_copy           (SlvStore            *store,
                                                  const char          *costing_id,
                                                  const char          *name,
                                                  GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
