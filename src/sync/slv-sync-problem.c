/* slv-sync-problem.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-sync"

#include "config.h"

#include <string.h>

#include "slv-sync-error.h"
#include "slv-sync-json.h"
#include "slv-sync-problem.h"

typedef struct
{
  const char *code;
  guint       status;
  gboolean    retryable;
  const char *title;
} KnownProblem;

static const KnownProblem known[] = {
  { "bad_request", 400, FALSE, "Bad request" },
  { "token_expired", 401, TRUE, "Access token expired" },
  { "unauthorized", 401, FALSE, "Not signed in" },
  { "refresh_invalid", 401, FALSE, "Sign in again" },
  { "forbidden", 403, FALSE, "Not allowed" },
  { "not_found", 404, FALSE, "Not found" },
  { "method_not_allowed", 405, FALSE, "Method not allowed" },
  { "clock_skew", 409, TRUE, "Clock too far ahead" },
  { "node_conflict", 409, FALSE, "Device node already in use" },
  { "offset_mismatch", 409, TRUE, "Upload offset mismatch" },
  { "cursor_expired", 410, TRUE, "Cursor expired" },
  { "length_required", 411, FALSE, "Content-Length required" },
  { "payload_too_large", 413, FALSE, "Payload too large" },
  { "unsupported_media_type", 415, FALSE, "Unsupported media type" },
  { "range_not_satisfiable", 416, FALSE, "Range not satisfiable" },
  { "digest_mismatch", 422, FALSE, "Digest mismatch" },
  { "validation_failed", 422, FALSE, "Validation failed" },
  { "upgrade_required", 426, FALSE, "App too old" },
  { "rate_limited", 429, TRUE, "Too many requests" },
  { "internal", 500, TRUE, "Internal server error" },
  { "unavailable", 503, TRUE, "Service unavailable" },
};

static const KnownProblem *
lookup (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (known); i++)
    if (strcmp (known[i].code, code) == 0)
      return &known[i];
  return NULL;
}

guint
slv_sync_problem_code_status (const char *code)
{
  const KnownProblem *k = lookup (code);

  return k ? k->status : 500;
}

gboolean
slv_sync_problem_code_retryable (const char *code)
{
  const KnownProblem *k = lookup (code);

  return k ? k->retryable : FALSE;
}

SlvSyncProblem *
slv_sync_problem_new (guint       status,
                      const char *code,
                      const char *detail)
{
  SlvSyncProblem *problem = g_new0 (SlvSyncProblem, 1);
  const KnownProblem *k = lookup (code);

  problem->code = g_strdup (code ? code : "internal");
  problem->status = status ? status : (k ? k->status : 500);
  problem->title = g_strdup (k ? k->title : "Error");
  problem->retryable = k ? k->retryable : problem->status >= 500;
  problem->detail = g_strdup (detail);
  problem->extra = json_object_new ();
  return problem;
}

void
slv_sync_problem_free (SlvSyncProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->code);
  g_free (problem->title);
  g_free (problem->detail);
  g_free (problem->server_time);
  g_clear_pointer (&problem->extra, json_object_unref);
  g_free (problem);
}

void
slv_sync_problem_set_int (SlvSyncProblem *problem,
                          const char     *member,
                          gint64          value)
{
  json_object_set_int_member (problem->extra, member, value);
}

void
slv_sync_problem_set_string (SlvSyncProblem *problem,
                             const char     *member,
                             const char     *value)
{
  json_object_set_string_member (problem->extra, member, value);
}

char *
slv_sync_problem_to_json (SlvSyncProblem *problem)
{
  GString *out = g_string_new ("{\"type\":");
  g_autofree char *type = g_strconcat (SLV_SYNC_PROBLEM_TYPE_BASE, problem->code, NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  slv_json_append_string (out, type);
  g_string_append (out, ",\"title\":");
  slv_json_append_string (out, problem->title);
  g_string_append_printf (out, ",\"status\":%u,\"code\":", problem->status);
  slv_json_append_string (out, problem->code);
  g_string_append_printf (out, ",\"retryable\":%s", problem->retryable ? "true" : "false");
  if (problem->detail != NULL)
    {
      g_string_append (out, ",\"detail\":");
      slv_json_append_string (out, problem->detail);
    }
  if (problem->server_time != NULL)
    {
      g_string_append (out, ",\"server_time\":");
      slv_json_append_string (out, problem->server_time);
    }
  json_object_iter_init (&iter, problem->extra);
  while (json_object_iter_next (&iter, &name, &node))
    {
      g_string_append_c (out, ',');
      slv_json_append_string (out, name);
      g_string_append_c (out, ':');
      slv_json_append_node (out, node);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
is_standard_member (const char *name)
{
  static const char *names[] = { "type", "title", "status", "code", "retryable", "detail",
                                 "server_time", "instance" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

SlvSyncProblem *
slv_sync_problem_from_json (const char  *data,
                            gsize        length,
                            GError     **error)
{
  const char *what = "Problem";
  g_autoptr(JsonNode) root = slv_json_parse (data, length, error);
  g_autoptr(SlvSyncProblem) problem = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *code, *opt, *name;
  JsonNode *node;
  gint64 status;

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                           "A problem document must be a JSON object.");
      return NULL;
    }
  object = json_node_get_object (root);
  if ((code = slv_json_get_string (object, "code", what, error)) == NULL ||
      !slv_json_get_int (object, "status", what, &status, error))
    return NULL;
  if (status < 100 || status > 599)
    {
      g_set_error (error, SLV_SYNC_ERROR, SLV_SYNC_ERROR_INVALID,
                   "Problem: %" G_GINT64_FORMAT " is not an HTTP status.", status);
      return NULL;
    }
  problem = slv_sync_problem_new ((guint) status, code, NULL);
  if (!slv_json_get_bool (object, "retryable", what, &problem->retryable, error) ||
      !slv_json_get_string_opt (object, "detail", what, &opt, error))
    return NULL;
  problem->detail = g_strdup (opt);
  if (!slv_json_get_string_opt (object, "title", what, &opt, error))
    return NULL;
  if (opt != NULL)
    {
      g_free (problem->title);
      problem->title = g_strdup (opt);
    }
  if (!slv_json_get_string_opt (object, "server_time", what, &opt, error))
    return NULL;
  problem->server_time = g_strdup (opt);
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    if (!is_standard_member (name))
      json_object_set_member (problem->extra, name, json_node_copy (node));
  return g_steal_pointer (&problem);
}
