/* slv-board-canvas-colour.c: the canvas's colour commands — a palette
 * extracted from a picture onto the board, a palette exported (from
 * swatches or a picture) as a GIMP .gpl file, and the selection arranged
 * by colour. Finding a picture's colours runs in a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-board-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "slv-board-canvas-private.h"
#include "services/slv-image-palette.h"

/* -- palettes -- */

static void
palette_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CanvasDrop *drop = user_data;
  SlvBoardCanvas *self = drop->canvas;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) palette = slv_image_palette_finish (SLV_STORE (source), result, &error);
  g_autofree guint32 *rgbs = NULL;

  if (palette == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        slv_board_canvas_report (self, error);
    }
  else if (self->doc != NULL && slv_board_doc_lookup (self->doc, drop->name) != NULL)
    {
      rgbs = slv_image_palette_rgbs (palette);
      if (!slv_board_doc_add_palette (self->doc, drop->name, rgbs, palette->len, &error))
        slv_board_canvas_report (self, error);
    }
  canvas_drop_free (drop);
}

static SlvBoardItem *
selected_image (SlvBoardCanvas *self)
{
  const char * const *sel = self->doc ? slv_board_doc_get_selection (self->doc) : NULL;
  SlvBoardItem *item;

  if (sel == NULL || sel[0] == NULL || sel[1] != NULL)
    return NULL;
  item = slv_board_doc_lookup (self->doc, sel[0]);
  return item && slv_board_item_get_kind (item) == SLV_BOARD_ITEM_IMAGE ? item : NULL;
}

void
canvas_extract_palette (SlvBoardCanvas *self)
{
  SlvBoardItem *image = selected_image (self);

  if (image == NULL || self->read_only)
    return;
  /* the image id rides in the CanvasDrop's name */
  slv_image_palette_async (slv_board_doc_get_store (self->doc), slv_board_item_get_blob (image), 5, 8,
                           self->cancellable, palette_ready_cb,
                           canvas_drop_new (self, 0, 0, slv_entity_get_id (SLV_ENTITY (image))));
}

/* The selected swatches' colours as a palette, or NULL if none. */
static GArray *
swatch_palette (SlvBoardCanvas *self)
{
  const char * const *sel = slv_board_doc_get_selection (self->doc);
  GArray *palette = g_array_new (FALSE, FALSE, sizeof (SlvPaletteColour));

  for (guint i = 0; sel[i] != NULL; i++)
    {
      SlvBoardItem *item = slv_board_doc_lookup (self->doc, sel[i]);
      SlvPaletteColour c = { 0 };

      if (item == NULL || slv_board_item_get_kind (item) != SLV_BOARD_ITEM_SWATCH ||
          !slv_colour_parse_hex (slv_board_item_get_color (item), &c.rgb))
        continue;
      slv_rgb_to_lab (c.rgb, &c.lab);
      c.weight = 1;
      g_array_append_val (palette, c);
    }
  if (palette->len == 0)
    g_clear_pointer (&palette, g_array_unref);
  return palette;
}

static void
save_palette (SlvBoardCanvas *self,
              GArray         *palette,
              const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = '\0';
  if (!slv_image_palette_save_gpl (palette, base, path, &error))
    slv_board_canvas_report (self, error);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Palette saved as “%s”."), base);

      slv_board_canvas_toast (self, message, FALSE);
    }
}

static void
export_palette_ready_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  CanvasDrop *drop = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) palette = slv_image_palette_finish (SLV_STORE (source), result, &error);

  if (palette == NULL)
    slv_board_canvas_report (drop->canvas, error);
  else
    save_palette (drop->canvas, palette, drop->name);
  canvas_drop_free (drop);
}

static void
palette_to (SlvBoardCanvas *self,
            const char     *path)
{
  g_autoptr(GArray) palette = swatch_palette (self);
  SlvBoardItem *image;

  if (palette != NULL)
    {
      save_palette (self, palette, path);
      return;
    }
  image = selected_image (self);
  if (image == NULL)
    {
      slv_board_canvas_toast (self, _("Select swatches or one image to export a palette."), FALSE);
      return;
    }
  slv_image_palette_async (slv_board_doc_get_store (self->doc), slv_board_item_get_blob (image), 5, 8,
                           self->cancellable, export_palette_ready_cb, canvas_drop_new (self, 0, 0, path));
}

static void
palette_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SlvBoardCanvas  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->doc != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL)
        palette_to (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
canvas_export_palette (SlvBoardCanvas *self,
                       const char     *path)
{
  GtkFileChooserNative *dialog;

  if (self->doc == NULL)
    return;
  if (path != NULL && *path != '\0')
    {
      palette_to (self, path);
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Export Palette"), canvas_parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Palette.gpl"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (palette_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* -- arrange by colour: each item's dominant colour, found in a worker -- */

typedef struct
{
  SlvStore *store;
  GStrv     ids;
  GStrv     blobs;     /* per id: the picture, or "" */
  guint32  *colours;   /* per id: known colour, filled in for pictures */
} ByColour;

static void
by_colour_free (ByColour *job)
{
  g_clear_object (&job->store);
  g_strfreev (job->ids);
  g_strfreev (job->blobs);
  g_free (job->colours);
  g_free (job);
}

static void
by_colour_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ByColour *job = task_data;

  for (guint i = 0; job->ids[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    if (*job->blobs[i] != '\0' && !slv_image_dominant_colour (job->store, job->blobs[i], &job->colours[i], NULL))
      job->colours[i] = 0x808080;
  g_task_return_boolean (task, TRUE);
}

static void
by_colour_ready_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SlvBoardCanvas) self = user_data;
  ByColour *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || self->doc == NULL)
    return;
  if (!slv_board_doc_arrange_by_colour (self->doc, (const char * const *) job->ids, job->colours, 16, &error))
    slv_board_canvas_report (self, error);
}

/* The colour an item is sorted by: its picture's (found later), or its own. */
static const char *
colour_source (SlvBoardCanvas *self,
               const char     *id,
               guint32        *rgb)
{
  SlvBoardItem *item = slv_board_doc_lookup (self->doc, id);

  *rgb = 0x808080;
  if (item == NULL)
    return "";
  if (slv_board_item_get_kind (item) == SLV_BOARD_ITEM_IMAGE)
    return slv_board_item_get_blob (item);
  if (!slv_colour_parse_hex (slv_board_item_get_color (item), rgb))
    *rgb = 0x808080;
  return "";
}

void
canvas_arrange_by_colour (SlvBoardCanvas *self)
{
  const char * const *sel;
  g_autoptr(GTask) task = NULL;
  ByColour *job;
  guint n;

  if (self->doc == NULL || self->read_only)
    return;
  sel = slv_board_doc_get_selection (self->doc);
  n = g_strv_length ((GStrv) sel);
  if (n < 2)
    return;
  job = g_new0 (ByColour, 1);
  job->store = g_object_ref (slv_board_doc_get_store (self->doc));
  job->ids = g_strdupv ((GStrv) sel);
  job->blobs = g_new0 (char *, n + 1);
  job->colours = g_new0 (guint32, n);
  for (guint i = 0; i < n; i++)
    job->blobs[i] = g_strdup (colour_source (self, sel[i], &job->colours[i]));
  task = g_task_new (NULL, self->cancellable, by_colour_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, canvas_arrange_by_colour);
  g_task_set_task_data (task, job, (GDestroyNotify) by_colour_free);
  g_task_run_in_thread (task, by_colour_thread);
}
