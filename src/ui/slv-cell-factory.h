/* slv-cell-factory.h: list item factories for table cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell shows one string (or number) property of its row's item and
 * follows the item's notifications. An editable cell is a GtkEditableLabel:
 * it shows the display text, switches to the raw value while editing, and
 * hands a changed value to @commit (which writes it; the item's notify
 * then shows the result). A refused value simply leaves the old one shown.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SLV_CELL_TEXT    = 0,
  SLV_CELL_NUMBER  = 1 << 0,   /* right-aligned, tabular figures */
  SLV_CELL_EDIT    = 1 << 1,   /* a GtkEditableLabel */
  SLV_CELL_DIM     = 1 << 2,   /* dim-label style */
} SlvCellFlags;

/* The display text of @property of @item (NULL: the raw value). */
typedef char *(*SlvCellFormatFunc) (GObject    *item,
                                    const char *property,
                                    GtkWidget  *cell,
                                    gpointer    user_data);
typedef void  (*SlvCellCommitFunc) (GObject    *item,
                                    const char *property,
                                    const char *text,
                                    gpointer    user_data);

GtkListItemFactory *slv_cell_factory_new (const char        *property,
                                          SlvCellFlags       flags,
                                          SlvCellFormatFunc  format,
                                          SlvCellCommitFunc  commit,
                                          gpointer           user_data);
/* Editable cells made from now on follow boolean @property of @source
 * (editable while TRUE). */
void                slv_cell_factory_bind_editable (GtkListItemFactory *factory,
                                                    GObject            *source,
                                                    const char         *property);
/* The text of any property of @item, transformed to a string ("" if none). */
char               *slv_cell_dup_property_text (GObject    *item,
                                                const char *property) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
