/* slv-costing-session-private.h: shared by the session's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-costing-session.h"

G_BEGIN_DECLS

enum
{
  SESSION_PROP_0,
  SESSION_PROP_PRICING,
  SESSION_PROP_COSTING_ID,
  /* texts from the costing */
  SESSION_PROP_STYLE_CODE,
  SESSION_PROP_STYLE_NAME,
  SESSION_PROP_SCENARIO,
  SESSION_PROP_STATUS,
  SESSION_PROP_CURRENCY,
  SESSION_PROP_FX_SET,
  SESSION_PROP_DESTINATION,
  SESSION_PROP_CHANNEL,
  SESSION_PROP_COSTING_DATE,
  /* texts from the sheet */
  SESSION_PROP_PRICE_CURRENCY,
  SESSION_PROP_PRODUCTION,
  SESSION_PROP_FOB,
  SESSION_PROP_LANDED,
  SESSION_PROP_LANDED_PRICE,
  SESSION_PROP_WHOLESALE,
  SESSION_PROP_RETAIL,
  SESSION_PROP_MARGIN,
  SESSION_PROP_MARKUP,
  SESSION_PROP_PROBLEM,
  SESSION_N_TEXTS,
  /* others */
  SESSION_PROP_EDITABLE = SESSION_N_TEXTS,
  SESSION_PROP_ORDER_QTY,
  SESSION_PROP_SHEET,
  SESSION_PROP_BOM_LINES,
  SESSION_PROP_PROCESS_LINES,
  SESSION_PROP_RECOMPUTE_NS,
  SESSION_N_PROPS
};

struct _SlvCostingSession
{
  GObject          parent_instance;
  SlvPricing      *pricing;
  char            *costing_id;
  SlvCostingInput *input;
  SlvCostMaster   *master;
  SlvCostSheet    *sheet;
  char            *error_text;      /* why the last pricing failed */
  GListStore      *bom_items;
  GListStore      *process_items;
  char            *texts[SESSION_N_TEXTS];
  gboolean         editable;
  gint64           order_qty;
  guint64          recompute_ns;
  GStrv            scenarios;       /* of the style, read on reload */
  GQueue          *writes;          /* GTasks waiting to write, in order */
  gboolean         writing;         /* one write is running */
};

extern GParamSpec *slv_costing_session_props[SESSION_N_PROPS];

SlvStore *slv_costing_session_store         (SlvCostingSession *self);
/* Replaces the in-memory costing (taking @input) and recomputes. */
void      slv_costing_session_take_input    (SlvCostingSession *self,
                                             SlvCostingInput   *input,
                                             gboolean           lines_changed);
/* A fail-fast check before writing: FALSE with FROZEN when frozen. */
gboolean  slv_costing_session_check_editable (SlvCostingSession *self,
                                              GError           **error);

/* Edits prepared on a copy of the costing (validated, status back to
 * draft), ready to write and take (slv-costing-session-edit.c). */
void             slv_costing_session_after_write   (SlvCostingInput   *copy);
SlvCostingInput *slv_costing_session_prepare_line  (SlvCostingSession *self,
                                                    SlvCostingLineKind kind,
                                                    const char        *line_id,
                                                    const char        *field,
                                                    const char        *value,
                                                    GStrv             *out_fields,
                                                    GStrv             *out_values,
                                                    GError           **error);
SlvCostingInput *slv_costing_session_prepare_field (SlvCostingSession *self,
                                                    const char        *field,
                                                    const char        *value,
                                                    GError           **error);

G_END_DECLS
