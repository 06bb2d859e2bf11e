/* slv-save-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-save-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-save-dialog.h"

typedef struct
{
  GWeakRef           widget;
  SlvSaveDialogFunc  callback;
  gpointer           user_data;
} Pending;

static void
response_cb (GtkNativeDialog *dialog,
             int              response,
             Pending         *p)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&p->widget);

  if (response == GTK_RESPONSE_ACCEPT && widget != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        p->callback (widget, path, p->user_data);
    }
  g_weak_ref_clear (&p->widget);
  g_free (p);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
slv_save_dialog_run (GtkWidget          *widget,
                     const char         *title,
                     const char         *suggested_name,
                     const char * const *patterns,
                     SlvSaveDialogFunc   callback,
                     gpointer            user_data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  Pending *p = g_new0 (Pending, 1);

  g_return_if_fail (GTK_IS_WIDGET (widget) && callback != NULL);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL && patterns[i + 1] != NULL; i += 2)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, patterns[i]);
      gtk_file_filter_add_pattern (filter, patterns[i + 1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_weak_ref_init (&p->widget, widget);
  p->callback = callback;
  p->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), p);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
