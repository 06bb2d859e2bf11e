/* slv-import-target.h: what can be imported, field by field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A target (materials, rates, suppliers, fx, orders, order-history,
 * capacity) is a table and the fields a file may fill in it. Each field
 * knows its type, whether it is part of the natural key, whether a new
 * record needs it, its range, and the header names it is known by: SAP
 * technical names (MATNR), their English and German labels, and our own
 * field names.
 */
#pragma once

#include <glib.h>

#include "store/slv-import-writer.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_IMPORT_FIELD_TEXT,
  SLV_IMPORT_FIELD_CODE,        /* text kept exactly: leading zeros matter */
  SLV_IMPORT_FIELD_DECIMAL,
  SLV_IMPORT_FIELD_INTEGER,
  SLV_IMPORT_FIELD_DATE,
  SLV_IMPORT_FIELD_CURRENCY,    /* ISO 4217: three letters */
  SLV_IMPORT_FIELD_UNIT,        /* SAP/ISO unit of measure */
  SLV_IMPORT_FIELD_CHOICE,      /* one of a list, with aliases */
  SLV_IMPORT_FIELD_PERCENT,     /* 0–100, a trailing % allowed */
  SLV_IMPORT_FIELD_REFERENCE,   /* the code of another record: stored as its id */
} SlvImportFieldType;

typedef enum
{
  SLV_IMPORT_FIELD_KEY      = 1 << 0,   /* part of the natural key */
  SLV_IMPORT_FIELD_REQUIRED = 1 << 1,   /* a new record needs it */
  SLV_IMPORT_FIELD_VIRTUAL  = 1 << 2,   /* read to compute other fields; not stored */
} SlvImportFieldFlags;

typedef struct
{
  const char         *name;       /* our name; the column (or name_id for references) */
  const char         *label;
  SlvImportFieldType  type;
  guint               flags;
  const char         *synonyms;   /* header names, '|'-separated */
  const char         *choices;    /* CHOICE: "value|alias=value|…" */
  const char         *ref_table;  /* REFERENCE: table whose code is given */
  const char         *min;        /* decimal bounds, NULL for none */
  const char         *max;
  const char         *fallback;   /* for new records (and keys) when not given; "@currency" = brand's */
} SlvImportField;

typedef struct _SlvImportTarget SlvImportTarget;

/* Computes derived fields of a converted row (values by field index, owned
 * strings or NULL). Returns a warning to report, or NULL; sets @error to
 * reject the row. */
typedef char *(*SlvImportFinishFunc) (const SlvImportTarget  *target,
                                      char                  **values,
                                      GError                **error);

struct _SlvImportTarget
{
  const char            *name;      /* "materials" */
  const char            *label;     /* "Materials (SAP material master)" */
  const char            *table;
  const char            *noun;      /* "material", for messages */
  const SlvImportField  *fields;
  guint                  n_fields;
  SlvImportFinishFunc    finish;
};

const SlvImportTarget        *slv_import_target_find        (const char             *name);
/* NULL-terminated. */
const SlvImportTarget * const *slv_import_target_list       (void);
/* Index of field @name, or -1. */
int                           slv_import_target_find_field  (const SlvImportTarget  *target,
                                                             const char             *name);
/* The table the writer fills: key fields first, then the stored fields. */
const SlvImportTable         *slv_import_target_get_table   (const SlvImportTarget  *target);
/* For each writer column, the field it comes from. */
const guint                  *slv_import_target_get_column_fields (const SlvImportTarget *target);
/* Field names as "a|b|c" for help texts. */
char                         *slv_import_target_describe    (const SlvImportTarget  *target) G_GNUC_WARN_UNUSED_RESULT;
/* The column that stores field @i ("supplier" → "supplier_id"). */
const char                   *slv_import_field_column       (const SlvImportField   *field);

G_END_DECLS
