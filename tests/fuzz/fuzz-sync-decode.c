/* fuzz-sync-decode.c: libFuzzer target for the sync protocol decoders. The
 * first byte picks the decoder; the rest is its input. Every decoder must
 * either succeed or fail with a GError, never crash or leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sync/slv-sync.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const guint8 key[32] = "selvedge fuzzing cursor key 0123";

static void
fuzz_push_request (const char *text,
                   gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncPushRequest) request = slv_sync_push_request_from_json (text, len, &error);

  g_assert ((request == NULL) == (error != NULL));
  if (request != NULL)
    {
      /* what decodes re-encodes to something that decodes the same */
      g_autofree char *json = slv_sync_push_request_to_json (request);
      g_autoptr(SlvSyncPushRequest) again = slv_sync_push_request_from_json (json, strlen (json), NULL);

      g_assert (again != NULL && again->ops->len == request->ops->len);
      for (guint i = 0; i < request->ops->len; i++)
        {
          SlvSyncOp *op = request->ops->pdata[i];
          const SlvSyncTablePolicy *t = slv_sync_policy_lookup_table (op->table);
          const SlvSyncFieldPolicy *f = slv_sync_policy_lookup_field (t, op->field);

          if (f != NULL)
            {
              g_autoptr(GError) value_error = NULL;

              slv_sync_policy_check_value (f, op->value, &value_error);
            }
        }
    }
}

static void
fuzz_push_response (const char *text,
                    gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncPushResponse) response = slv_sync_push_response_from_json (text, len, &error);

  g_assert ((response == NULL) == (error != NULL));
  if (response != NULL)
    {
      g_autofree char *json = slv_sync_push_response_to_json (response);
      g_autoptr(SlvSyncPushResponse) again = slv_sync_push_response_from_json (json, strlen (json), NULL);

      g_assert (again != NULL && again->results->len == response->results->len);
    }
}

static void
fuzz_pull_page (const char *text,
                gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncPullPage) page = slv_sync_pull_page_from_json (text, len, &error);

  g_assert ((page == NULL) == (error != NULL));
  if (page != NULL)
    {
      g_autofree char *json = slv_sync_pull_page_to_json (page);
      g_autoptr(SlvSyncPullPage) again = slv_sync_pull_page_from_json (json, strlen (json), NULL);

      g_assert (again != NULL && again->changes->len == page->changes->len);
    }
}

static void
fuzz_problem (const char *text,
              gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncProblem) problem = slv_sync_problem_from_json (text, len, &error);

  g_assert ((problem == NULL) == (error != NULL));
  if (problem != NULL)
    g_free (slv_sync_problem_to_json (problem));
}

static void
fuzz_cursor (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvSyncCursor) cursor = slv_sync_cursor_decode (text, key, sizeof key, &error);
  g_autoptr(SlvSyncCursor) signed_cursor = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *tag_text = NULL;
  g_autofree char *valid = NULL;
  guint8 tag[32];

  g_assert ((cursor == NULL) == (error != NULL));
  /* the same text as a correctly signed payload reaches the JSON reader */
  payload = slv_base64url_encode ((const guint8 *) text, strlen (text));
  slv_hmac_sha256 (key, sizeof key, (const guint8 *) payload, strlen (payload), tag);
  tag_text = slv_base64url_encode (tag, sizeof tag);
  valid = g_strconcat (payload, ".", tag_text, NULL);
  signed_cursor = slv_sync_cursor_decode (valid, key, sizeof key, NULL);
  if (signed_cursor != NULL)
    g_free (slv_sync_cursor_encode (signed_cursor, key, sizeof key));
}

static void
fuzz_hlc (const char *text)
{
  SlvHlc hlc;

  if (slv_hlc_parse (text, &hlc, NULL))
    {
      char out[SLV_HLC_TEXT_LEN + 1];

      slv_hlc_format (&hlc, out);
      g_assert (strcmp (out, text) == 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  const char *body;
  gsize len;

  if (size < 1)
    return 0;
  body = (const char *) data + 1;
  len = size - 1;
  text = g_strndup (body, len);   /* NUL-terminated copy for the text APIs */
  switch (data[0] % 6)
    {
    case 0: fuzz_push_request (body, len); break;
    case 1: fuzz_push_response (body, len); break;
    case 2: fuzz_pull_page (body, len); break;
    case 3: fuzz_problem (body, len); break;
    case 4: fuzz_cursor (text); break;
    default: fuzz_hlc (text); break;
    }
  return 0;
}
