/* slv-bom-csv.h: a bill of materials exported as CSV (CLO, a PLM, Excel).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No public document fixes CLO's BOM columns, so the reader works from a
 * column mapping: for each field Selvedge uses, the header that holds it.
 * Unset fields are guessed from common header names (Material ID, Item
 * Code, Description, Placement/Location, Qty/Yield/Usage, UOM, Wastage…);
 * the mapping is saved as JSON so a user can correct it once per source.
 *
 * The file is read with the shared streaming CSV reader (slv-csv-reader.h):
 * RFC 4180 quotes, the delimiter sniffed, UTF-8/UTF-16/Windows-1252 and a
 * byte-order mark handled, row numbers being the lines rows start on.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SLV_BOM_ERROR (slv_bom_error_quark ())

typedef enum
{
  SLV_BOM_ERROR_EMPTY,        /* no header row */
  SLV_BOM_ERROR_NO_KEY,       /* neither a code nor a name column */
  SLV_BOM_ERROR_MAPPING,      /* a mapped header is not in the file, bad JSON */
  SLV_BOM_ERROR_TOO_LARGE,
  SLV_BOM_ERROR_UNREADABLE,   /* not CSV text: binary, a quote never closed… */
} SlvBomError;

typedef enum
{
  SLV_BOM_FIELD_CODE = 0,     /* material code (SAP MATNR, PLM material ID) */
  SLV_BOM_FIELD_NAME,         /* description */
  SLV_BOM_FIELD_PLACEMENT,    /* body, collar, label… */
  SLV_BOM_FIELD_CONSUMPTION,  /* quantity / yield per garment */
  SLV_BOM_FIELD_UNIT,
  SLV_BOM_FIELD_WASTAGE,      /* percent */
  SLV_BOM_FIELD_SUPPLIER,
  SLV_BOM_FIELD_COLOUR,
  SLV_BOM_N_FIELDS
} SlvBomField;

typedef struct
{
  char *headers[SLV_BOM_N_FIELDS];    /* header per field, or NULL */
} SlvBomMapping;

typedef struct
{
  guint  row;                          /* the line the row starts on; the header is usually 1 */
  char  *values[SLV_BOM_N_FIELDS];     /* NULL when empty or unmapped */
} SlvBomLine;

GQuark          slv_bom_error_quark        (void);
const char     *slv_bom_field_key          (SlvBomField          field);   /* "code", "name"… */

SlvBomMapping  *slv_bom_mapping_new        (void) G_GNUC_WARN_UNUSED_RESULT;
SlvBomMapping  *slv_bom_mapping_copy       (const SlvBomMapping *self) G_GNUC_WARN_UNUSED_RESULT;
void            slv_bom_mapping_free       (SlvBomMapping       *self);
void            slv_bom_mapping_set        (SlvBomMapping       *self,
                                            SlvBomField          field,
                                            const char          *header);
/* {"code": "Material ID", "consumption": "Qty", …} */
char           *slv_bom_mapping_to_json    (const SlvBomMapping *self) G_GNUC_WARN_UNUSED_RESULT;
SlvBomMapping  *slv_bom_mapping_new_from_json (const char       *json,
                                            GError             **error) G_GNUC_WARN_UNUSED_RESULT;

void            slv_bom_line_free          (SlvBomLine          *line);

/* The header row's cells, in file order (for choosing a mapping). */
GStrv           slv_bom_csv_read_headers   (GBytes              *data,
                                            const char          *source,
                                            GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads the lines. @mapping's unset fields are filled with the guessed
 * headers. Rows with an unreadable number are left out with a warning in
 * @warnings (SlvWarning); consumption and wastage come back as decimal
 * strings with a point. */
GPtrArray      *slv_bom_csv_read           (GBytes              *data,
                                            const char          *source,
                                            SlvBomMapping       *mapping,
                                            GPtrArray           *warnings,
                                            GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvBomMapping, slv_bom_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlvBomLine, slv_bom_line_free)

G_END_DECLS
