/* slv-import-convert.h: one cell to one field value (private to services).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "slv-import-target.h"
#include "formats/slv-row-reader.h"
#include "formats/slv-values.h"

G_BEGIN_DECLS

typedef struct
{
  SlvDecimalSep decimal;
  SlvDateOrder  date_order;
} SlvConvertOptions;

/* The canonical text of @cell for @field: decimals "-1234.5", dates
 * "YYYY-MM-DD", codes as written. NULL without an error when the cell is
 * empty. @warning may receive a note for the report (owned). */
char *slv_import_convert        (const SlvImportField     *field,
                                 const SlvCell            *cell,
                                 const SlvConvertOptions  *options,
                                 char                    **warning,
                                 GError                  **error) G_GNUC_WARN_UNUSED_RESULT;
/* As above for a typed-in value (a constant of a mapping). */
char *slv_import_convert_text   (const SlvImportField     *field,
                                 const char               *text,
                                 const SlvConvertOptions  *options,
                                 GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
