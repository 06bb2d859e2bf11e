/* slv-sync-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SLV_SYNC_ERROR (slv_sync_error_quark ())

typedef enum
{
  SLV_SYNC_ERROR_INVALID,        /* malformed JSON, HLC, cursor, value */
  SLV_SYNC_ERROR_SIGNATURE,      /* a cursor whose tag does not verify */
  SLV_SYNC_ERROR_UNKNOWN_TABLE,  /* a table the policy registry does not know */
  SLV_SYNC_ERROR_UNKNOWN_FIELD,  /* a field the policy registry does not know */
  SLV_SYNC_ERROR_TOO_LARGE,      /* more ops or bytes than a batch may carry */
  SLV_SYNC_ERROR_FAILED,
} SlvSyncError;

GQuark slv_sync_error_quark (void);

G_END_DECLS
