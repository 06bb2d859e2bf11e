/* slv-review-status.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "slv-review-error.h"
#include "slv-review-status.h"

static const GEnumValue status_values[] = {
  { SLV_REVIEW_STATUS_OPEN, "SLV_REVIEW_STATUS_OPEN", "open" },
  { SLV_REVIEW_STATUS_APPROVED, "SLV_REVIEW_STATUS_APPROVED", "approved" },
  { SLV_REVIEW_STATUS_REJECTED, "SLV_REVIEW_STATUS_REJECTED", "rejected" },
  { SLV_REVIEW_STATUS_ON_HOLD, "SLV_REVIEW_STATUS_ON_HOLD", "on_hold" },
  { SLV_REVIEW_STATUS_RESOLVED, "SLV_REVIEW_STATUS_RESOLVED", "resolved" },
  { 0, NULL, NULL }
};

/* allowed[from] is a bit set of the statuses @from may move to. */
#define BIT(s) (1u << (s))
static const guint allowed[SLV_REVIEW_N_STATUSES] = {
  [SLV_REVIEW_STATUS_OPEN] = BIT (SLV_REVIEW_STATUS_APPROVED) | BIT (SLV_REVIEW_STATUS_REJECTED) |
                             BIT (SLV_REVIEW_STATUS_ON_HOLD) | BIT (SLV_REVIEW_STATUS_RESOLVED),
  [SLV_REVIEW_STATUS_ON_HOLD] = BIT (SLV_REVIEW_STATUS_OPEN) | BIT (SLV_REVIEW_STATUS_APPROVED) |
                                BIT (SLV_REVIEW_STATUS_REJECTED) | BIT (SLV_REVIEW_STATUS_RESOLVED),
  [SLV_REVIEW_STATUS_APPROVED] = BIT (SLV_REVIEW_STATUS_OPEN) | BIT (SLV_REVIEW_STATUS_RESOLVED),
  [SLV_REVIEW_STATUS_REJECTED] = BIT (SLV_REVIEW_STATUS_OPEN) | BIT (SLV_REVIEW_STATUS_RESOLVED),
  [SLV_REVIEW_STATUS_RESOLVED] = BIT (SLV_REVIEW_STATUS_OPEN),
};

GType
slv_review_status_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("SlvReviewStatus", status_values));
  return type;
}

static gboolean
is_status (int status)
{
  return status >= 0 && status < SLV_REVIEW_N_STATUSES;
}

const char *
slv_review_status_to_string (SlvReviewStatus status)
{
  g_return_val_if_fail (is_status (status), NULL);
  return status_values[status].value_nick;
}

gboolean
slv_review_status_from_string (const char      *text,
                               SlvReviewStatus *out)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < SLV_REVIEW_N_STATUSES; i++)
    if (g_str_equal (text, status_values[i].value_nick))
      {
        if (out != NULL)
          *out = status_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
slv_review_status_get_label (SlvReviewStatus status)
{
  switch (status)
    {
    case SLV_REVIEW_STATUS_OPEN:
      return C_("review status", "Open");
    case SLV_REVIEW_STATUS_APPROVED:
      return C_("review status", "Approved");
    case SLV_REVIEW_STATUS_REJECTED:
      return C_("review status", "Rejected");
    case SLV_REVIEW_STATUS_ON_HOLD:
      return C_("review status", "On hold");
    case SLV_REVIEW_STATUS_RESOLVED:
      return C_("review status", "Resolved");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
slv_review_status_is_settled (SlvReviewStatus status)
{
  return status == SLV_REVIEW_STATUS_APPROVED || status == SLV_REVIEW_STATUS_REJECTED ||
         status == SLV_REVIEW_STATUS_RESOLVED;
}

gboolean
slv_review_status_allows (SlvReviewStatus from,
                          SlvReviewStatus to)
{
  if (!is_status (from) || !is_status (to))
    return FALSE;
  return (allowed[from] & BIT (to)) != 0;
}

gboolean
slv_review_status_check_move (SlvReviewStatus   from,
                              SlvReviewStatus   to,
                              GError          **error)
{
  if (!is_status (from) || !is_status (to))
    {
      g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_INVALID,
                   _("Unknown review status."));
      return FALSE;
    }
  if (slv_review_status_allows (from, to))
    return TRUE;
  if (from == to)
    g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_TRANSITION,
                 _("The thread is already “%s”."), slv_review_status_get_label (from));
  else
    g_set_error (error, SLV_REVIEW_ERROR, SLV_REVIEW_ERROR_TRANSITION,
                 _("A thread that is “%s” cannot become “%s”; reopen it first."),
                 slv_review_status_get_label (from), slv_review_status_get_label (to));
  return FALSE;
}
