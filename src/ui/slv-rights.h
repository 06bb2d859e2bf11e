/* slv-rights.h: RBAC mirrored in widgets — what the signed-in user's roles
 * let a widget change, and a call when that may have changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SlvRightsFunc) (GtkWidget *widget);

/* Whether the user of the window @widget is in may change @field of the
 * row @row_id of @table (TRUE outside a window, offline, or signed out). */
gboolean slv_widget_can_write     (GtkWidget     *widget,
                                   const char    *table,
                                   const char    *row_id,
                                   const char    *field);
/* Calls @func (@widget) whenever @widget is mapped and whenever someone
 * signs in or out of its window's sync while it is. */
void     slv_widget_track_rights  (GtkWidget     *widget,
                                   SlvRightsFunc  func);

G_END_DECLS
