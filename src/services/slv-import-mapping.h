/* slv-import-mapping.h: how the columns of a file become fields of a target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mapping names, for each header of the file, the field it fills (or
 * none), constant values for fields the file lacks, and how to read the
 * file (delimiter, encoding, decimal separator, date order, sheet, header
 * row). Columns are matched by header name, so a saved mapping still fits
 * when an export reorders its columns. Mappings are saved by name in the
 * workspace and reused.
 */
#pragma once

#include "formats/slv-row-reader.h"
#include "formats/slv-values.h"
#include "store/slv-store.h"

G_BEGIN_DECLS

#define SLV_TYPE_IMPORT_MAPPING (slv_import_mapping_get_type ())
G_DECLARE_FINAL_TYPE (SlvImportMapping, slv_import_mapping, SLV, IMPORT_MAPPING, GObject)

SlvImportMapping *slv_import_mapping_new              (const char          *target);
SlvImportMapping *slv_import_mapping_new_from_json    (const char          *json,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;
char             *slv_import_mapping_to_json          (SlvImportMapping    *self) G_GNUC_WARN_UNUSED_RESULT;
SlvImportMapping *slv_import_mapping_copy             (SlvImportMapping    *self) G_GNUC_WARN_UNUSED_RESULT;

const char       *slv_import_mapping_get_target       (SlvImportMapping    *self);

/* Reading the file. */
char              slv_import_mapping_get_delimiter    (SlvImportMapping    *self);
void              slv_import_mapping_set_delimiter    (SlvImportMapping    *self,
                                                       char                 delimiter);
SlvEncoding       slv_import_mapping_get_encoding     (SlvImportMapping    *self);
void              slv_import_mapping_set_encoding     (SlvImportMapping    *self,
                                                       SlvEncoding          encoding);
gboolean          slv_import_mapping_get_decimal_comma (SlvImportMapping   *self);
void              slv_import_mapping_set_decimal_comma (SlvImportMapping   *self,
                                                       gboolean             decimal_comma);
SlvDateOrder      slv_import_mapping_get_date_order   (SlvImportMapping    *self);
void              slv_import_mapping_set_date_order   (SlvImportMapping    *self,
                                                       SlvDateOrder         order);
const char       *slv_import_mapping_get_sheet        (SlvImportMapping    *self);
void              slv_import_mapping_set_sheet        (SlvImportMapping    *self,
                                                       const char          *sheet);
/* 0: find the header row (the first row of text cells). */
guint             slv_import_mapping_get_header_row   (SlvImportMapping    *self);
void              slv_import_mapping_set_header_row   (SlvImportMapping    *self,
                                                       guint                row);
/* The read options this mapping asks for (strings owned by @self). */
void              slv_import_mapping_get_read_options (SlvImportMapping    *self,
                                                       SlvReadOptions      *options);

/* Columns, by header name. A NULL @field ignores the column. */
void              slv_import_mapping_set_column       (SlvImportMapping    *self,
                                                       const char          *header,
                                                       const char          *field);
const char       *slv_import_mapping_get_column       (SlvImportMapping    *self,
                                                       const char          *header);
/* Headers that fill a field, in the order they were set. */
GStrv             slv_import_mapping_dup_headers      (SlvImportMapping    *self) G_GNUC_WARN_UNUSED_RESULT;
void              slv_import_mapping_clear_columns    (SlvImportMapping    *self);
/* Constant values (NULL removes one). */
void              slv_import_mapping_set_constant     (SlvImportMapping    *self,
                                                       const char          *field,
                                                       const char          *value);
const char       *slv_import_mapping_get_constant     (SlvImportMapping    *self,
                                                       const char          *field);
GStrv             slv_import_mapping_dup_constant_fields (SlvImportMapping *self) G_GNUC_WARN_UNUSED_RESULT;

/* Maps each of @headers to the field it names best: SAP technical names,
 * labels, our field names. Columns no field matches are left out. */
void              slv_import_mapping_propose          (SlvImportMapping    *self,
                                                       const char * const  *headers);
/* The field @header would map to by name alone, or NULL. */
const char       *slv_import_mapping_guess_field      (const char          *target,
                                                       const char          *header);

/* Named profiles in the workspace. */
gboolean          slv_import_mapping_save             (SlvImportMapping    *self,
                                                       SlvStore            *store,
                                                       const char          *name,
                                                       GError             **error);
SlvImportMapping *slv_import_mapping_load             (SlvStore            *store,
                                                       const char          *name,
                                                       GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
