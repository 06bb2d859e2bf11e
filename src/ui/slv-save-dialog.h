/* slv-save-dialog.h: asking where to save a file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkFileChooserNative (the portal's dialog inside a sandbox) for one
 * file; @callback gets the chosen path, or is not called when the dialog is
 * cancelled or @widget has gone away meanwhile.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SlvSaveDialogFunc) (GtkWidget  *widget,
                                   const char *path,
                                   gpointer    user_data);

/* @patterns: NULL-terminated pairs of filter name and glob ("*.xlsx"). */
void slv_save_dialog_run (GtkWidget          *widget,
                          const char         *title,
                          const char         *suggested_name,
                          const char * const *patterns,
                          SlvSaveDialogFunc   callback,
                          gpointer            user_data);

G_END_DECLS
