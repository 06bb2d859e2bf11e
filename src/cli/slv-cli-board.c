/* slv-cli-board.c: board-import, board-palette, board-pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "slv-cli.h"
#include "core/slv-board.h"
#include "services/slv-board-doc.h"
#include "services/slv-board-import.h"
#include "services/slv-image.h"
#include "services/slv-image-palette.h"
#include "services/slv-mip-cache.h"
#include "store/slv-blobs.h"
#include "store/slv-repo.h"

static gboolean opt_json;
static int opt_colours = 6;
static char *opt_gpl;
static double opt_gap = 16;

static GOptionEntry palette_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &opt_json, N_("Print JSON"), NULL },
  { "colours", 'n', 0, G_OPTION_ARG_INT, &opt_colours, N_("How many colours, 5 to 8 (default 6)"), N_("N") },
  { "gpl", 0, 0, G_OPTION_ARG_FILENAME, &opt_gpl, N_("Also write a GIMP palette"), N_("FILE") },
  { NULL }
};

static GOptionEntry gap_entries[] = {
  { "gap", 0, 0, G_OPTION_ARG_DOUBLE, &opt_gap, N_("Space between items (default 16)"), N_("UNITS") },
  { NULL }
};

/* A board by id or by name. */
static SlvBoardDoc *
open_board (SlvStore    *store,
            const char  *board,
            GError     **error)
{
  g_autoptr(SlvEntity) found = slv_repo_get (store, SLV_TYPE_BOARD, board, NULL);

  if (found == NULL)
    found = slv_repo_find_by_code (store, SLV_TYPE_BOARD, board, error);
  if (found == NULL)
    return NULL;
  return slv_board_doc_load (store, slv_entity_get_id (found), error);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = slv_board_import_finish (SLV_BOARD_DOC (object), result, &error);
  if (*out == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      *out = g_ptr_array_new ();
    }
}

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvBoardDoc) doc = NULL;
  g_autoptr(SlvMipCache) cache = NULL;
  g_autoptr(GPtrArray) results = NULL;
  guint failed = 0, added = 0;
  SlvRect extents = { 0, 0, 0, 0 };
  double x = 0, y = 0;

  if (!slv_cli_parse ("board-import", "WORKSPACE BOARD FILE|FOLDER…", NULL, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc < 4)
    return slv_cli_fail (_("board-import: give the workspace, the board (id or name) and images or folders."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL || (doc = open_board (store, argv[2], &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  cache = slv_mip_cache_new (store, SLV_MIP_CACHE_DEFAULT_BUDGET);

  /* Centred a little to the right of what the board already has. */
  if (slv_board_doc_get_extents (doc, &extents))
    {
      x = extents.x + extents.w + 1500;
      y = extents.y + extents.h / 2;
    }
  slv_board_import_files_async (doc, cache, (const char * const *) argv + 3, x, y, NULL,
                                import_done_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < results->len; i++)
    {
      SlvImageImport *r = g_ptr_array_index (results, i);

      if (r->error != NULL)
        {
          fprintf (stderr, "%s\n", r->error->message);
          failed++;
        }
      else
        added++;
    }
  fprintf (stderr, _("Added %u images to the board. Files not read: %u.\n"), added, failed);
  return failed == 0 ? SLV_CLI_OK : added > 0 ? SLV_CLI_PARTIAL : SLV_CLI_ERROR;
}

static JsonNode *
palette_json (GArray *pal)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < pal->len; i++)
    {
      SlvPaletteColour *c = &g_array_index (pal, SlvPaletteColour, i);
      g_autofree char *hex = slv_colour_format_hex (c->rgb);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "hex");
      json_builder_add_string_value (b, hex);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, slv_colour_nearest_name (c->rgb, NULL));
      json_builder_set_member_name (b, "lab");
      json_builder_begin_array (b);
      json_builder_add_double_value (b, round (c->lab.L * 100) / 100);
      json_builder_add_double_value (b, round (c->lab.a * 100) / 100);
      json_builder_add_double_value (b, round (c->lab.b * 100) / 100);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "weight");
      json_builder_add_double_value (b, round (c->weight * 10000) / 10000);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static int
run_palette (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(GArray) pal = NULL;
  g_autofree char *name = NULL;

  if (!slv_cli_parse ("board-palette", "WORKSPACE IMAGE", palette_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3)
    return slv_cli_fail (_("board-palette: give the workspace and an image file or the hash of an image in it."));
  if (opt_colours < 5 || opt_colours > 8)
    return slv_cli_fail (_("board-palette: --colours must be 5 to 8."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (slv_blobs_is_valid_hash (argv[2]))
    pal = slv_image_palette (store, argv[2], 5, opt_colours, &error);
  else
    {
      g_autofree char *data = NULL;
      gsize len = 0;

      if (g_file_get_contents (argv[2], &data, &len, &error))
        {
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), len);
          g_autofree char *base = g_path_get_basename (argv[2]);

          pal = slv_image_palette_from_bytes (bytes, base, 5, opt_colours, &error);
        }
    }
  if (pal == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  name = g_path_get_basename (argv[2]);
  if (opt_gpl != NULL && !slv_image_palette_save_gpl (pal, name, opt_gpl, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  if (opt_json)
    {
      g_autoptr(JsonNode) node = palette_json (pal);

      slv_cli_print_json (node);
      return SLV_CLI_OK;
    }
  for (guint i = 0; i < pal->len; i++)
    {
      SlvPaletteColour *c = &g_array_index (pal, SlvPaletteColour, i);
      g_autofree char *hex = slv_colour_format_hex (c->rgb);
      g_autofree char *lab = slv_colour_format_lab (&c->lab);

      printf ("%s  %5.1f %%  %-16s %s\n", hex, c->weight * 100, slv_colour_nearest_name (c->rgb, NULL), lab);
    }
  return SLV_CLI_OK;
}

static int
run_pack (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlvStore) store = NULL;
  g_autoptr(SlvBoardDoc) doc = NULL;

  if (!slv_cli_parse ("board-pack", "WORKSPACE BOARD", gap_entries, &argc, &argv))
    return SLV_CLI_ERROR;
  if (argc != 3)
    return slv_cli_fail (_("board-pack: give the workspace and the board (id or name)."));
  store = slv_cli_open_store (argv[1], &error);
  if (store == NULL || (doc = open_board (store, argv[2], &error)) == NULL)
    return slv_cli_fail_error (g_steal_pointer (&error));
  slv_board_doc_select_all (doc);
  if (!slv_board_doc_pack (doc, NULL, opt_gap, &error))
    return slv_cli_fail_error (g_steal_pointer (&error));
  return SLV_CLI_OK;
}

const SlvCliCommand slv_cli_board_commands[] = {
  { "board-import", "WORKSPACE BOARD FILE|FOLDER…", N_("Add images to a board (one undo step)"), run_import },
  { "board-palette", "WORKSPACE IMAGE", N_("Dominant colours of an image; --gpl writes a GIMP palette"), run_palette },
  { "board-pack", "WORKSPACE BOARD", N_("Pack a board’s items tightly"), run_pack },
  { NULL }
};
