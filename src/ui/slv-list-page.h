/* slv-list-page.h: a searchable, sortable list of workspace records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the Styles, Materials and Cost master pages: a search entry
 * that filters through the workspace's full-text index, a GtkColumnView with
 * sortable columns fed by a GListModel, and empty states. Subclasses declare
 * the record type and the columns in class_init.
 */
#pragma once

#include <adwaita.h>

#include "store/slv-store.h"

G_BEGIN_DECLS

typedef enum
{
  SLV_COLUMN_TEXT,      /* a string property */
  SLV_COLUMN_NUMBER,    /* decimal string or integer, right-aligned, numeric sort */
  SLV_COLUMN_MONEY,     /* decimal string + currency property */
  SLV_COLUMN_VALID_TO,  /* date string; past dates shown as expired */
} SlvColumnKind;

typedef struct
{
  const char    *title;      /* translatable, marked with N_() */
  const char    *property;
  SlvColumnKind  kind;
  gboolean       expand;
  const char    *currency;   /* property holding the currency, for MONEY */
  int            width;      /* fixed width in pixels, 0 for natural */
  gboolean       editable;   /* edited in place through commit_edit */
} SlvListColumn;

#define SLV_TYPE_LIST_PAGE (slv_list_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (SlvListPage, slv_list_page, SLV, LIST_PAGE, GtkWidget)

struct _SlvListPageClass
{
  GtkWidgetClass parent_class;

  GType                item_type;
  const SlvListColumn *columns;
  guint                n_columns;
  const char          *icon_name;
  const char          *empty_title;        /* no records at all */
  const char          *empty_description;
  const char          *no_match_title;     /* the search found nothing */
  const char          *search_placeholder;
  /* "47 materials": ngettext in the subclass, so translators see the pair */
  char              *(*format_count) (guint n);
  /* A row activated by a double click or Enter (optional). */
  void               (*activate_item) (SlvListPage       *self,
                                       GObject           *item);
  /* A value typed into an editable column (optional). */
  void               (*commit_edit)  (SlvListPage         *self,
                                      GObject             *item,
                                      const SlvListColumn *column,
                                      const char          *text);
};

SlvStore   *slv_list_page_get_store       (SlvListPage *self);
void        slv_list_page_set_store       (SlvListPage *self,
                                           SlvStore    *store);
const char *slv_list_page_get_search_text (SlvListPage *self);
void        slv_list_page_set_search_text (SlvListPage *self,
                                           const char  *text);
/* Whether the editable columns take edits (TRUE unless set). */
gboolean    slv_list_page_get_editable    (SlvListPage *self);
void        slv_list_page_set_editable    (SlvListPage *self,
                                           gboolean     editable);
/* The records shown (after search, in display order). */
GListModel *slv_list_page_get_model       (SlvListPage *self);
gboolean    slv_list_page_get_loading     (SlvListPage *self);
/* What the page shows: "loading", "list" or "empty". */
const char *slv_list_page_get_view        (SlvListPage *self);
/* Sorts by the column showing @property (as a click on its header does). */
gboolean    slv_list_page_sort_by         (SlvListPage *self,
                                           const char  *property,
                                           GtkSortType  order);
/* The record selected in the list, or NULL (a new reference). */
GObject    *slv_list_page_get_selected_item (SlvListPage *self) G_GNUC_WARN_UNUSED_RESULT;
/* The record shown at @x, @y (page coordinates), or NULL (a new reference). */
GObject    *slv_list_page_get_item_at     (SlvListPage *self,
                                           double       x,
                                           double       y) G_GNUC_WARN_UNUSED_RESULT;
/* Reads the records again from the workspace. */
void        slv_list_page_reload          (SlvListPage *self);
/* Shows only the records @filter matches (NULL: all). */
void        slv_list_page_set_filter      (SlvListPage *self,
                                           GtkFilter   *filter);
/* The records as read, before search filters and sorting. */
GListModel *slv_list_page_get_records     (SlvListPage *self);
/* Adds @widget to the bar beside the search entry (after earlier ones). */
void        slv_list_page_add_toolbar_widget (SlvListPage *self,
                                              GtkWidget   *widget);

G_END_DECLS
