/* slv-consumption.h: fabric consumption from net piece area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Σ piece area × quantity (m², per garment) ÷ marker efficiency = gross m²;
 * ÷ usable width = linear metres (÷ 0.9144 = yards); × GSM ÷ 1000 = kg.
 * These are measures, not money: doubles, rounded only when stored.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double net_m2;         /* Σ cut area × count, per garment */
  double efficiency;     /* marker efficiency used, (0, 1] */
  double gross_m2;       /* net ÷ efficiency */
  double width_m;        /* usable width */
  double metres;         /* linear metres at that width */
  double yards;
  double gsm;            /* g/m², 0 when unknown */
  double kg;             /* gross × GSM ÷ 1000, 0 when GSM unknown */
} SlvConsumption;

/* FALSE (and @out untouched) if an input is not a positive finite number;
 * @gsm may be 0 (no kg). */
gboolean  slv_consumption_compute      (double                net_m2,
                                        double                efficiency,
                                        double                width_m,
                                        double                gsm,
                                        SlvConsumption       *out);
/* The figure in @unit (KG, M, YD, M2; case-insensitive), or −1 when the
 * unit is not a length, area or mass Selvedge can derive. */
double    slv_consumption_in_unit      (const SlvConsumption *c,
                                        const char           *unit);
/* "0.5123 m² ÷ 0.820 = 0.6248 m²; ÷ 1.800 m = 0.3471 m; × 180 g/m² = 0.1125 kg" */
char     *slv_consumption_explain      (const SlvConsumption *c) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
