/* slv-board-canvas-io.c: what comes onto the canvas from outside and goes
 * out of it: dropped and pasted files, URIs and pictures, Import Images…,
 * export. Palettes are in slv-board-canvas-colour.c, the note editor in
 * slv-board-canvas-editor.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading, decoding and export run in workers; the canvas only starts them
 * and shows the outcome.
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "slv-board-canvas-private.h"
#include "slv-board-export.h"
#include "services/slv-board-import.h"

/* -- importing -- */

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SlvBoardCanvas) self = user_data;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  const SlvImageImport *failed = NULL;
  guint n_ok = 0, n_failed = 0;

  imports = slv_board_import_finish (SLV_BOARD_DOC (source), result, &error);
  if (imports == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        slv_board_canvas_report (self, error);
      return;
    }
  for (guint i = 0; i < imports->len; i++)
    {
      const SlvImageImport *import = g_ptr_array_index (imports, i);

      if (import->error != NULL)
        {
          n_failed++;
          failed = failed ? failed : import;
        }
      else
        n_ok++;
    }
  if (failed != NULL)
    {
      g_autofree char *message = NULL;

      if (n_failed == 1)
        message = g_strdup (failed->error->message);
      else
        message = g_strdup_printf (ngettext ("%u picture could not be imported (%s)",
                                             "%u pictures could not be imported (the first: %s)", n_failed),
                                   n_failed, failed->error->message);
      slv_board_canvas_toast (self, message, FALSE);
    }
  else if (n_ok == 0)
    slv_board_canvas_toast (self, _("There were no pictures to import."), FALSE);
}

void
canvas_import_paths (SlvBoardCanvas     *self,
                     const char * const *paths,
                     double              x,
                     double              y)
{
  if (self->doc == NULL || self->read_only || paths == NULL || paths[0] == NULL)
    return;
  slv_board_import_files_async (self->doc, self->cache, paths, x, y, self->cancellable,
                                imported_cb, g_object_ref (self));
}

static void
import_bytes (SlvBoardCanvas *self,
              GBytes         *bytes,
              const char     *name,
              double          x,
              double          y)
{
  slv_board_import_bytes_async (self->doc, self->cache, bytes, name, x, y, self->cancellable,
                                imported_cb, g_object_ref (self));
}

void
canvas_drop_free (CanvasDrop *drop)
{
  g_clear_object (&drop->canvas);
  g_free (drop->name);
  g_free (drop);
}

CanvasDrop *
canvas_drop_new (SlvBoardCanvas *self,
                 double          x,
                 double          y,
                 const char     *name)
{
  CanvasDrop *drop = g_new0 (CanvasDrop, 1);

  drop->canvas = g_object_ref (self);
  drop->x = x, drop->y = y;
  drop->name = g_strdup (name);
  return drop;
}

static void
remote_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CanvasDrop *drop = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (bytes == NULL)
    slv_board_canvas_report (drop->canvas, error);
  else if (drop->canvas->doc != NULL)
    import_bytes (drop->canvas, bytes, drop->name, drop->x, drop->y);
  canvas_drop_free (drop);
}

/* Local files are imported from their paths; others (a phone, a share)
 * are read through GIO first. */
static void
import_files (SlvBoardCanvas *self,
              GSList         *files,
              double          x,
              double          y)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
      else
        {
          g_autofree char *name = g_file_get_basename (l->data);

          g_file_load_bytes_async (l->data, self->cancellable, remote_loaded_cb, canvas_drop_new (self, x, y, name));
        }
    }
  g_ptr_array_add (paths, NULL);
  canvas_import_paths (self, (const char * const *) paths->pdata, x, y);
}

static GSList *
files_from_uri_list (const char *text)
{
  g_auto(GStrv) uris = g_uri_list_extract_uris (text);
  GSList *files = NULL;

  for (guint i = 0; uris && uris[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_uri (uris[i]));
  return files;
}

static void
png_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_task_return_pointer (task, gdk_texture_save_to_png_bytes (task_data), (GDestroyNotify) g_bytes_unref);
}

static void
png_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CanvasDrop *drop = user_data;
  g_autoptr(GBytes) png = g_task_propagate_pointer (G_TASK (result), NULL);

  if (png != NULL && drop->canvas->doc != NULL)
    import_bytes (drop->canvas, png, drop->name, drop->x, drop->y);
  canvas_drop_free (drop);
}

/* A picture without a file (a copied image): as PNG, made in a worker. */
static void
import_texture (SlvBoardCanvas *self,
                GdkTexture     *texture,
                double          x,
                double          y)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, png_ready_cb,
                                      canvas_drop_new (self, x, y, _("Pasted picture")));

  g_task_set_source_tag (task, import_texture);
  g_task_set_task_data (task, g_object_ref (texture), g_object_unref);
  g_task_run_in_thread (task, png_thread);
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          wx,
         double          wy,
         SlvBoardCanvas *self)
{
  SlvPoint at;

  if (self->doc == NULL || self->read_only)
    return FALSE;
  at = slv_board_canvas_widget_to_board (self, wx, wy);
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    import_files (self, g_value_get_boxed (value), at.x, at.y);
  else if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    import_texture (self, g_value_get_object (value), at.x, at.y);
  else if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      GSList *files = files_from_uri_list (g_value_get_string (value));

      if (files == NULL)
        return FALSE;
      import_files (self, files, at.x, at.y);
      g_slist_free_full (files, g_object_unref);
    }
  else
    return FALSE;
  return TRUE;
}

/* -- the clipboard -- */

static void
paste_files_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SlvBoardCanvas) self = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, NULL);

  if (value != NULL && self->doc != NULL)
    import_files (self, g_value_get_boxed (value), self->cx, self->cy);
}

static void
paste_texture_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SlvBoardCanvas) self = user_data;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, NULL);

  if (texture != NULL && self->doc != NULL)
    import_texture (self, texture, self->cx, self->cy);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SlvBoardCanvas) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GSList *files;

  if (text == NULL || self->doc == NULL)
    return;
  /* copied file locations become pictures; other text becomes a note */
  files = g_str_has_prefix (text, "file://") ? files_from_uri_list (text) : NULL;
  if (files != NULL)
    import_files (self, files, self->cx, self->cy);
  else
    g_action_group_activate_action (G_ACTION_GROUP (self->actions), "add-note", g_variant_new_string (text));
  g_slist_free_full (files, g_object_unref);
}

void
canvas_paste (SlvBoardCanvas *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, self->cancellable,
                                    paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, self->cancellable, paste_texture_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    gdk_clipboard_read_text_async (clipboard, self->cancellable, paste_text_cb, g_object_ref (self));
  else
    slv_board_canvas_toast (self, _("There is no picture or text on the clipboard."), FALSE);
}

/* -- Import Images… -- */

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    SlvBoardCanvas  *self)
{
  g_autoptr(GListModel) files = NULL;
  GSList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->doc != NULL)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      import_files (self, list, self->cx, self->cy);
      g_slist_free_full (list, g_object_unref);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

GtkWindow *
canvas_parent_window (SlvBoardCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
canvas_import_dialog (SlvBoardCanvas *self,
                      gboolean        folder)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (folder ? _("Import a Folder of Images") : _("Import Images"),
                                        canvas_parent_window (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (!folder)
    {
      gtk_file_filter_set_name (filter, _("Images"));
      gtk_file_filter_add_pixbuf_formats (filter);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* -- export -- */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CanvasDrop *drop = user_data;
  g_autoptr(GError) error = NULL;

  if (!slv_board_export_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        slv_board_canvas_report (drop->canvas, error);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (drop->name);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”."), base);

      slv_board_canvas_toast (drop->canvas, message, FALSE);
    }
  canvas_drop_free (drop);
}

void
canvas_export (SlvBoardCanvas *self,
               const char     *path,
               const char     *format,
               double          scale,
               gboolean        selection)
{
  SlvBoardExportFormat fmt;

  if (self->doc == NULL)
    return;
  if (!slv_board_export_format_from_string (format, &fmt))
    {
      slv_board_canvas_toast (self, _("Boards export as “png” or “pdf”."), FALSE);
      return;
    }
  slv_board_export_async (self->doc, self->cache, self->cards,
                          selection ? slv_board_doc_get_selection (self->doc) : NULL, fmt, scale, 0, path,
                          self->cancellable, exported_cb, canvas_drop_new (self, 0, 0, path));
}

typedef struct
{
  SlvBoardCanvas *canvas;
  char           *format;
  gboolean        selection;
} ExportChoice;

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    ExportChoice    *choice)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *scale = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "scale");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        canvas_export (choice->canvas, path, choice->format, scale ? g_ascii_strtod (scale, NULL) : 1,
                       choice->selection);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (choice->canvas);
  g_free (choice->format);
  g_free (choice);
}

void
canvas_export_dialog (SlvBoardCanvas *self,
                      const char     *format,
                      gboolean        selection)
{
  static const char *scale_ids[] = { "1", "2", "4", "0.5", NULL };
  const char *scale_labels[] = { _("100 %"), _("200 %"), _("400 %"), _("50 %"), NULL };
  gboolean pdf = g_strcmp0 (format, "pdf") == 0;
  GtkFileChooserNative *dialog;
  ExportChoice *choice;

  if (self->doc == NULL)
    return;
  dialog = gtk_file_chooser_native_new (pdf ? _("Export as PDF") : _("Export as PNG"), canvas_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), pdf ? _("Board.pdf") : _("Board.png"));
  if (!pdf)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "scale", _("Scale"), scale_ids, scale_labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "scale", "1");
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  choice = g_new0 (ExportChoice, 1);
  choice->canvas = g_object_ref (self);
  choice->format = g_strdup (pdf ? "pdf" : "png");
  choice->selection = selection;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
canvas_io_init (SlvBoardCanvas *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, GDK_TYPE_TEXTURE, G_TYPE_STRING };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
