/* slv-cost-master-private.h: shared by the cost master's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-cost-master.h"

G_BEGIN_DECLS

struct _SlvRateGroup
{
  char      *process;
  char      *key;
  char      *supplier_name;
  GPtrArray *rates;    /* SlvRate*, borrowed from the master */
};

struct _SlvCostMaster
{
  GObject     parent_instance;
  guint64     serial;
  const char *base;
  SlvFxTable *fx;
  GHashTable *materials;       /* id → SlvMaterialRec* (owned) */
  GHashTable *material_codes;  /* code → SlvMaterialRec* */
  GPtrArray  *rates;           /* SlvRate* (owned) */
  GHashTable *rate_ids;        /* id → SlvRate* */
  GHashTable *groups;          /* "process\x1fkey\x1fsupplier" → SlvRateGroup* (owned) */
  GHashTable *by_key;          /* "process\x1fkey" → the only SlvRateGroup, or AMBIGUOUS */
  GHashTable *destinations;    /* code → SlvDestination* (owned) */
  GPtrArray  *duties;          /* SlvDutyRate* (owned) */
  GPtrArray  *rules;           /* SlvMarginRule* (owned), by priority */
  GHashTable *problems;        /* id → message */
};

/* Refuses a row: sets @error and remembers the message under @id. */
gboolean slv_cost_master_refuse    (SlvCostMaster  *self,
                                    const char     *id,
                                    GError        **error,
                                    const char     *format,
                                    ...) G_GNUC_PRINTF (4, 5);
/* Parses @text into @out; the message names the record and the field. */
gboolean slv_cost_master_number    (SlvCostMaster  *self,
                                    const char     *id,
                                    const char     *what,
                                    const char     *field,
                                    const char     *text,
                                    SlvDecimal     *out,
                                    GError        **error);
void     slv_cost_master_copy_date (char            out[11],
                                    const char     *text);
gboolean slv_cost_master_dates_ok  (SlvCostMaster  *self,
                                    const char     *id,
                                    const char     *what,
                                    const char     *from,
                                    const char     *to,
                                    GError        **error);

G_END_DECLS
