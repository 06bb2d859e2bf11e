/* test-review-status.c: the review status model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/slv-review-error.h"
#include "core/slv-review-status.h"

#define O SLV_REVIEW_STATUS_OPEN
#define A SLV_REVIEW_STATUS_APPROVED
#define R SLV_REVIEW_STATUS_REJECTED
#define H SLV_REVIEW_STATUS_ON_HOLD
#define D SLV_REVIEW_STATUS_RESOLVED

/* Every pair of statuses, and whether the move is allowed. */
static const struct { SlvReviewStatus from, to; gboolean ok; } moves[] = {
  { O, O, FALSE }, { O, A, TRUE }, { O, R, TRUE }, { O, H, TRUE }, { O, D, TRUE },
  { A, O, TRUE }, { A, A, FALSE }, { A, R, FALSE }, { A, H, FALSE }, { A, D, TRUE },
  { R, O, TRUE }, { R, A, FALSE }, { R, R, FALSE }, { R, H, FALSE }, { R, D, TRUE },
  { H, O, TRUE }, { H, A, TRUE }, { H, R, TRUE }, { H, H, FALSE }, { H, D, TRUE },
  { D, O, TRUE }, { D, A, FALSE }, { D, R, FALSE }, { D, H, FALSE }, { D, D, FALSE },
};

static void
test_transitions (void)
{
  g_assert_cmpuint (G_N_ELEMENTS (moves), ==, SLV_REVIEW_N_STATUSES * SLV_REVIEW_N_STATUSES);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = slv_review_status_check_move (moves[i].from, moves[i].to, &error);

      g_test_message ("%s → %s", slv_review_status_to_string (moves[i].from),
                      slv_review_status_to_string (moves[i].to));
      g_assert_cmpint (ok, ==, moves[i].ok);
      g_assert_cmpint (slv_review_status_allows (moves[i].from, moves[i].to), ==, moves[i].ok);
      if (ok)
        g_assert_no_error (error);
      else
        {
          g_assert_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_TRANSITION);
          /* The message names the current status, so the user knows why. */
          g_assert_nonnull (strstr (error->message, slv_review_status_get_label (moves[i].from)));
        }
    }
}

/* From any status, some path leads back to open and on to resolved. */
static void
test_every_status_can_reopen_and_resolve (void)
{
  for (int s = 0; s < SLV_REVIEW_N_STATUSES; s++)
    {
      g_assert_true (s == O || slv_review_status_allows (s, O));
      g_assert_true (s == D || slv_review_status_allows (s, D));
    }
}

static void
test_strings (void)
{
  const char *names[] = { "open", "approved", "rejected", "on_hold", "resolved" };
  GEnumClass *klass;

  for (int s = 0; s < SLV_REVIEW_N_STATUSES; s++)
    {
      SlvReviewStatus back = -1;

      g_assert_cmpstr (slv_review_status_to_string (s), ==, names[s]);
      g_assert_true (slv_review_status_from_string (names[s], &back));
      g_assert_cmpint (back, ==, s);
      g_assert_nonnull (slv_review_status_get_label (s));
    }
  g_assert_false (slv_review_status_from_string ("on hold", NULL));
  g_assert_false (slv_review_status_from_string ("", NULL));
  g_assert_false (slv_review_status_from_string (NULL, NULL));
  g_assert_cmpstr (slv_review_status_get_label (H), ==, "On hold");
  g_assert_true (slv_review_status_is_settled (A));
  g_assert_true (slv_review_status_is_settled (D));
  g_assert_false (slv_review_status_is_settled (H));
  g_assert_false (slv_review_status_is_settled (O));

  klass = g_type_class_ref (SLV_TYPE_REVIEW_STATUS);
  g_assert_cmpstr (g_enum_get_value (klass, H)->value_nick, ==, "on_hold");
  g_type_class_unref (klass);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/review-status/transitions", test_transitions);
  g_test_add_func ("/core/review-status/reopen-resolve", test_every_status_can_reopen_and_resolve);
  g_test_add_func ("/core/review-status/strings", test_strings);

  return g_test_run ();
}
