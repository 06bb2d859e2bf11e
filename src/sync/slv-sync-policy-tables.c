/* slv-sync-policy-tables.c: the synced tables (data only).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mirrors data/sql/0001-initial.sql. Every table also carries id (the row,
 * never a field op) and updated_at (derived locally, not synced). Roles:
 * A admin, M merchandiser, D designer, P production, S supplier; viewers
 * write nothing. A field is writable when its roles and the writers of its
 * bucket (slv_sync_bucket_writer_roles) both include one of the user's roles
 * in that bucket; designers, production and viewers only read costing buckets.
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include "slv-sync-policy-private.h"

#define A   SLV_SYNC_ROLE_ADMIN
#define M   SLV_SYNC_ROLE_MERCHANDISER
#define D   SLV_SYNC_ROLE_DESIGNER
#define P   SLV_SYNC_ROLE_PRODUCTION
#define S   SLV_SYNC_ROLE_SUPPLIER
#define REQ SLV_SYNC_FIELD_REQUIRED
#define NN  SLV_SYNC_FIELD_NOT_NULL
#define IMM SLV_SYNC_FIELD_IMMUTABLE
#define FWD SLV_SYNC_FIELD_FORWARD_ONLY
#define SRC SLV_SYNC_FIELD_SEARCH

#define FIELD(n, t, fl, r)      { .name = n, .type = SLV_SYNC_TYPE_##t, .flags = (fl), .write_roles = (r) }
#define GROUP(n, t, fl, r, g)   { .name = n, .type = SLV_SYNC_TYPE_##t, .flags = (fl), .write_roles = (r), .group = g }
#define REF(n, fl, r, tbl)      { .name = n, .type = SLV_SYNC_TYPE_UUID, .flags = (fl), .write_roles = (r), .ref_table = tbl }
#define ENUM(n, fl, r, v)       { .name = n, .type = SLV_SYNC_TYPE_ENUM, .flags = (fl), .write_roles = (r), .enum_values = v }
#define COMMON(r)               FIELD ("created_at", TIMESTAMP, REQ | IMM, r), FIELD ("deleted", BOOLEAN, NN, r)
#define BRAND_KEY(r)            REF ("brand_id", REQ | IMM, r, "brand")
#define TABLE(n, kind, bk, sk, level, f) \
  { .name = n, .bucket = SLV_SYNC_BUCKET_##kind, .brand_key = bk, .supplier_key = sk, \
    .introduced_in = level, .fields = f, .n_fields = G_N_ELEMENTS (f) }

static const char * const supplier_kinds[] = {
  "mill", "spinner", "knitter", "dyehouse", "printer", "embroiderer", "laundry", "factory",
  "trim", "lab", "packaging", "forwarder", NULL };
static const char * const material_kinds[] = { "yarn", "fabric", "trim", NULL };
static const char * const processes[] = {
  "knitting", "dyeing", "printing", "embroidery", "washing", "making", "trims", "testing",
  "packing", "freight", "overhead", "commercial", "duty", "clearance", NULL };
static const char * const rate_units[] = {
  "kg", "piece", "dozen", "1000-stitches", "minute", "colour", "screen", "percent", "metre",
  "yard", "order", "carton", NULL };
static const char * const style_statuses[] = {
  "concept", "design", "sampling", "costing", "approved", "production", "dropped", NULL };
static const char * const fx_kinds[] = { "actual", "budget", "simulation", NULL };
static const char * const costing_statuses[] = { "draft", "submitted", "approved", "frozen", NULL };
static const char * const item_kinds[] = { "image", "note", "swatch", "style", "shape", "group", NULL };
static const char * const conflict_kinds[] = { "concurrent_write", "edit_on_deleted", "duplicate_key", NULL };
static const char * const conflict_statuses[] = { "open", "dismissed", "restored", NULL };
static const char * const quote_statuses[] = { "requested", "quoted", "accepted", "rejected", NULL };
static const char * const annotation_kinds[] = { "pin", "ink", "arrow", "rect", "ellipse", "highlight", NULL };
static const char * const annotation_statuses[] = { "open", "approved", "rejected", "on_hold", "resolved", NULL };

static const SlvSyncFieldPolicy brand_fields[] = {
  COMMON (A),
  FIELD ("code", TEXT, REQ, A),
  FIELD ("name", TEXT, REQ, A),
  FIELD ("base_currency", TEXT, NN, A),
};

static const SlvSyncFieldPolicy season_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  FIELD ("code", TEXT, REQ, A | M),
  FIELD ("name", TEXT, REQ, A | M),
  GROUP ("starts_on", DATE, 0, A | M, "dates"),
  GROUP ("ends_on", DATE, 0, A | M, "dates"),
};

static const SlvSyncFieldPolicy collection_fields[] = {
  COMMON (A | M | D), BRAND_KEY (A | M | D),
  REF ("season_id", REQ, A | M | D, "season"),
  FIELD ("name", TEXT, REQ, A | M | D),
  FIELD ("theme", TEXT, 0, A | M | D),
};

static const SlvSyncFieldPolicy supplier_fields[] = {
  COMMON (A | M | P), BRAND_KEY (A | M | P),
  FIELD ("code", TEXT, REQ, A | M | P),
  FIELD ("name", TEXT, REQ, A | M | P),
  ENUM ("kind", REQ, A | M | P, supplier_kinds),
  FIELD ("country", TEXT, 0, A | M | P),
  FIELD ("city", TEXT, 0, A | M | P),
  FIELD ("currency", TEXT, NN, A | M | P),
  FIELD ("lead_time_days", INTEGER, 0, A | M | P),
};

static const SlvSyncFieldPolicy blob_fields[] = {
  COMMON (A | M | D | P), BRAND_KEY (A | M | D | P),
  FIELD ("sha256", BLOB_REF, REQ | IMM, A | M | D | P),
  FIELD ("mime", TEXT, REQ, A | M | D | P),
  FIELD ("size", INTEGER, REQ, A | M | D | P),
  FIELD ("width", INTEGER, 0, A | M | D | P),
  FIELD ("height", INTEGER, 0, A | M | D | P),
  FIELD ("name", TEXT, 0, A | M | D | P),
};

static const SlvSyncFieldPolicy material_fields[] = {
  COMMON (A | M | D | P), BRAND_KEY (A | M | D | P),
  FIELD ("code", TEXT, REQ | SRC, A | M | D | P),
  FIELD ("name", TEXT, REQ | SRC, A | M | D | P),
  ENUM ("kind", REQ, A | M | D | P, material_kinds),
  FIELD ("sap_type", TEXT, 0, A | M | D | P),
  FIELD ("material_group", TEXT, 0, A | M | D | P),
  FIELD ("composition", TEXT, SRC, A | M | D | P),
  FIELD ("construction", TEXT, SRC, A | M | D | P),
  FIELD ("gsm", DECIMAL, 0, A | M | D | P),
  FIELD ("width_cm", DECIMAL, 0, A | M | D | P),
  FIELD ("yarn_count", TEXT, 0, A | M | D | P),
  FIELD ("unit", TEXT, REQ, A | M | D | P),
  GROUP ("price", DECIMAL, 0, A | M | P, "price"),
  GROUP ("price_unit", DECIMAL, NN, A | M | P, "price"),
  GROUP ("currency", TEXT, NN, A | M | P, "price"),
  FIELD ("moq", DECIMAL, 0, A | M | P),
  FIELD ("lead_time_days", INTEGER, 0, A | M | P),
  REF ("supplier_id", 0, A | M | D | P, "supplier"),
  FIELD ("color", TEXT, 0, A | M | D | P),
};

static const SlvSyncFieldPolicy cost_rate_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  ENUM ("process", REQ, A | M, processes),
  FIELD ("key", TEXT, REQ, A | M),
  FIELD ("description", TEXT, 0, A | M),
  REF ("supplier_id", 0, A | M, "supplier"),
  ENUM ("unit", REQ, A | M, rate_units),
  GROUP ("rate", DECIMAL, REQ, A | M, "rate"),
  GROUP ("currency", TEXT, NN, A | M, "rate"),
  FIELD ("min_charge", DECIMAL, 0, A | M),
  FIELD ("tier_min_qty", INTEGER, NN, A | M),
  GROUP ("valid_from", DATE, 0, A | M, "validity"),
  GROUP ("valid_to", DATE, 0, A | M, "validity"),
};

static const SlvSyncFieldPolicy style_fields[] = {
  COMMON (A | M | D), BRAND_KEY (A | M | D),
  REF ("collection_id", 0, A | M | D, "collection"),
  FIELD ("code", TEXT, REQ | SRC, A | M | D),
  FIELD ("name", TEXT, REQ | SRC, A | M | D),
  FIELD ("category", TEXT, SRC, A | M | D),
  FIELD ("gender", TEXT, 0, A | M | D),
  ENUM ("status", NN | FWD, A | M | D | P, style_statuses),
  FIELD ("size_range", TEXT, 0, A | M | D),
  FIELD ("base_size", TEXT, 0, A | M | D),
  FIELD ("hs_code", TEXT, 0, A | M | D),
  GROUP ("target_fob", DECIMAL, 0, A | M, "target"),
  GROUP ("target_retail", DECIMAL, 0, A | M, "target"),
  GROUP ("currency", TEXT, NN, A | M, "target"),
  FIELD ("cover_blob", BLOB_REF, 0, A | M | D),
  FIELD ("description", TEXT, SRC, A | M | D),
};

static const SlvSyncFieldPolicy costing_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  REF ("style_id", REQ | IMM, A | M, "style"),
  FIELD ("scenario", TEXT, NN, A | M),
  REF ("parent_id", 0, A | M, "costing"),
  FIELD ("currency", TEXT, NN, A | M),
  GROUP ("fx_set", TEXT, 0, A | M, "fx"),
  { .name = "fx_kind", .type = SLV_SYNC_TYPE_ENUM, .flags = NN, .write_roles = A | M,
    .group = "fx", .enum_values = fx_kinds },
  FIELD ("order_qty", INTEGER, NN, A | M),
  FIELD ("destination", TEXT, NN, A | M),
  FIELD ("channel", TEXT, NN, A | M),
  ENUM ("status", NN | FWD, A | M, costing_statuses),
  FIELD ("params", JSON, 0, A | M),
  FIELD ("notes", TEXT, 0, A | M),
};

static const SlvSyncFieldPolicy bom_line_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  REF ("costing_id", REQ | IMM, A | M, "costing"),
  REF ("style_id", REQ, A | M, "style"),
  FIELD ("position", TEXT, REQ, A | M),
  REF ("material_id", 0, A | M, "material"),
  FIELD ("placement", TEXT, 0, A | M),
  GROUP ("consumption", DECIMAL, REQ, A | M, "consumption"),
  GROUP ("unit", TEXT, REQ, A | M, "consumption"),
  FIELD ("wastage_pct", DECIMAL, NN, A | M),
  FIELD ("calc", JSON, 0, A | M),
  FIELD ("note", TEXT, 0, A | M),
};

static const SlvSyncFieldPolicy process_line_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  REF ("costing_id", REQ | IMM, A | M, "costing"),
  REF ("style_id", REQ, A | M, "style"),
  FIELD ("position", TEXT, REQ, A | M),
  FIELD ("process", TEXT, REQ, A | M),
  REF ("rate_id", 0, A | M, "cost_rate"),
  FIELD ("quantity", DECIMAL, NN, A | M),
  FIELD ("loss_pct", DECIMAL, NN, A | M),
  FIELD ("params", JSON, 0, A | M),
  FIELD ("note", TEXT, 0, A | M),
};

static const SlvSyncFieldPolicy margin_rule_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  FIELD ("channel", TEXT, REQ, A | M),
  FIELD ("name", TEXT, REQ, A | M),
  FIELD ("expression", TEXT, REQ, A | M),
  FIELD ("price_ending", TEXT, 0, A | M),
  FIELD ("priority", INTEGER, NN, A | M),
};

static const SlvSyncFieldPolicy fx_rate_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  FIELD ("set_name", TEXT, REQ, A | M),
  ENUM ("kind", REQ, A | M, fx_kinds),
  FIELD ("valid_on", DATE, REQ, A | M),
  GROUP ("from_ccy", TEXT, REQ, A | M, "pair"),
  GROUP ("to_ccy", TEXT, REQ, A | M, "pair"),
  GROUP ("rate", DECIMAL, REQ, A | M, "pair"),
};

static const SlvSyncFieldPolicy board_fields[] = {
  COMMON (A | M | D | P), BRAND_KEY (A | M | D | P),
  REF ("collection_id", 0, A | M | D | P, "collection"),
  FIELD ("name", TEXT, REQ | SRC, A | M | D | P),
  FIELD ("position", TEXT, NN, A | M | D | P),
  FIELD ("background", TEXT, 0, A | M | D | P),
};

static const SlvSyncFieldPolicy board_item_fields[] = {
  COMMON (A | M | D | P), BRAND_KEY (A | M | D | P),
  REF ("board_id", REQ, A | M | D | P, "board"),
  ENUM ("kind", REQ, A | M | D | P, item_kinds),
  GROUP ("x", REAL, NN, A | M | D | P, "geometry"),
  GROUP ("y", REAL, NN, A | M | D | P, "geometry"),
  GROUP ("w", REAL, NN, A | M | D | P, "geometry"),
  GROUP ("h", REAL, NN, A | M | D | P, "geometry"),
  GROUP ("rotation", REAL, NN, A | M | D | P, "geometry"),
  FIELD ("z", TEXT, REQ, A | M | D | P),
  FIELD ("opacity", REAL, NN, A | M | D | P),
  FIELD ("locked", BOOLEAN, NN, A | M | D | P),
  REF ("group_id", 0, A | M | D | P, "board_item"),
  FIELD ("blob", BLOB_REF, 0, A | M | D | P),
  FIELD ("crop", TEXT, 0, A | M | D | P),
  FIELD ("flip_h", BOOLEAN, NN, A | M | D | P),
  FIELD ("flip_v", BOOLEAN, NN, A | M | D | P),
  FIELD ("grayscale", BOOLEAN, NN, A | M | D | P),
  FIELD ("text", TEXT, SRC, A | M | D | P),
  FIELD ("color", TEXT, 0, A | M | D | P),
  REF ("style_id", 0, A | M | D | P, "style"),
  FIELD ("props", JSON, 0, A | M | D | P),
};

/* Written by the server; users review it (status, resolved_by). */
static const SlvSyncFieldPolicy conflict_fields[] = {
  COMMON (0),
  FIELD ("tbl", TEXT, REQ | IMM, 0),
  FIELD ("row_id", UUID, REQ | IMM, 0),
  FIELD ("field", TEXT, REQ | IMM, 0),
  ENUM ("kind", REQ | IMM, 0, conflict_kinds),
  FIELD ("winner_value", ANY, 0, 0),
  FIELD ("winner_hlc", TEXT, 0, 0),
  FIELD ("winner_user", UUID, 0, 0),
  FIELD ("loser_value", ANY, 0, 0),
  FIELD ("loser_hlc", TEXT, 0, 0),
  FIELD ("loser_user", UUID, 0, 0),
  FIELD ("created_seq", INTEGER, 0, 0),
  ENUM ("status", NN, A | M | D | P, conflict_statuses),
  FIELD ("resolved_by", UUID, 0, A | M | D | P),
};

/* Review (data/sql/0060-review.sql): an annotation on a board or one of
 * its items; its status, who set it and when travel together. */
static const SlvSyncFieldPolicy annotation_fields[] = {
  COMMON (A | M | D | P), BRAND_KEY (A | M | D | P),
  REF ("board_id", REQ | IMM, A | M | D | P, "board"),
  REF ("item_id", IMM, A | M | D | P, "board_item"),
  ENUM ("kind", REQ | IMM, A | M | D | P, annotation_kinds),
  FIELD ("geometry", JSON, REQ, A | M | D | P),
  FIELD ("color", TEXT, NN, A | M | D | P),
  { .name = "status", .type = SLV_SYNC_TYPE_ENUM, .flags = NN, .write_roles = A | M | D | P,
    .enum_values = annotation_statuses, .group = "status" },
  GROUP ("status_by", TEXT, 0, A | M | D | P, "status"),
  GROUP ("status_at", TIMESTAMP, 0, A | M | D | P, "status"),
  FIELD ("number", INTEGER, REQ, A | M | D | P),
  FIELD ("author", TEXT, REQ | IMM, A | M | D | P),
};

/* One row per comment (append-only threads, SYNC-PROTOCOL.md); its author
 * edits body and mentions together. */
static const SlvSyncFieldPolicy comment_fields[] = {
  COMMON (A | M | D | P), BRAND_KEY (A | M | D | P),
  REF ("annotation_id", REQ | IMM, A | M | D | P, "annotation"),
  FIELD ("author", TEXT, REQ | IMM, A | M | D | P),
  GROUP ("body", TEXT, REQ | SRC, A | M | D | P, "body"),
  GROUP ("mentions", JSON, NN, A | M | D | P, "body"),
  GROUP ("edited_at", TIMESTAMP, 0, A | M | D | P, "body"),
};

/* Pending: a request for quotation shared with one supplier. */
static const SlvSyncFieldPolicy quote_fields[] = {
  COMMON (A | M), BRAND_KEY (A | M),
  REF ("supplier_id", REQ, A | M, "supplier"),
  REF ("style_id", 0, A | M, "style"),
  REF ("material_id", 0, A | M, "material"),
  FIELD ("quantity", INTEGER, 0, A | M),
  ENUM ("status", NN, A | M | S, quote_statuses),
  GROUP ("price", DECIMAL, 0, A | M | S, "price"),
  GROUP ("currency", TEXT, 0, A | M | S, "price"),
  FIELD ("moq", DECIMAL, 0, A | M | S),
  FIELD ("lead_time_days", INTEGER, 0, A | M | S),
  FIELD ("valid_until", DATE, 0, A | M | S),
  FIELD ("note", TEXT, 0, A | M | S),
};

const SlvSyncTablePolicy slv_sync_policy_tables[] = {
  TABLE ("brand", BRAND, "id", NULL, 1, brand_fields),
  TABLE ("season", BRAND, "brand_id", NULL, 1, season_fields),
  TABLE ("collection", BRAND, "brand_id", NULL, 1, collection_fields),
  TABLE ("supplier", BRAND, "brand_id", NULL, 1, supplier_fields),
  TABLE ("blob", BRAND, "brand_id", NULL, 1, blob_fields),
  TABLE ("material", BRAND, "brand_id", NULL, 1, material_fields),
  TABLE ("cost_rate", BRAND_COSTING, "brand_id", NULL, 1, cost_rate_fields),
  TABLE ("style", BRAND, "brand_id", NULL, 1, style_fields),
  TABLE ("costing", BRAND_COSTING, "brand_id", NULL, 1, costing_fields),
  TABLE ("bom_line", BRAND_COSTING, "brand_id", NULL, 1, bom_line_fields),
  TABLE ("process_line", BRAND_COSTING, "brand_id", NULL, 1, process_line_fields),
  TABLE ("margin_rule", BRAND_COSTING, "brand_id", NULL, 1, margin_rule_fields),
  TABLE ("fx_rate", BRAND_COSTING, "brand_id", NULL, 1, fx_rate_fields),
  TABLE ("board", BRAND, "brand_id", NULL, 1, board_fields),
  TABLE ("board_item", BRAND, "brand_id", NULL, 1, board_item_fields),
  TABLE ("conflict", INHERITED, NULL, NULL, 50, conflict_fields),   /* data/sql/0050-sync.sql */
  TABLE ("annotation", BRAND, "brand_id", NULL, 60, annotation_fields),
  TABLE ("comment", BRAND, "brand_id", NULL, 60, comment_fields),
  TABLE ("quote", SUPPLIER, "brand_id", "supplier_id", SLV_SYNC_LEVEL_PENDING, quote_fields),
};

const guint slv_sync_policy_n_tables = G_N_ELEMENTS (slv_sync_policy_tables);
