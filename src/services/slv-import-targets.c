/* slv-import-targets.c: the fields of each import target, as data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header names: SAP technical field names (MARA, MAKT, MBEW, LFA1, KONP,
 * TCURR, AUFK/AFKO, VBAK/VBAP, T001W), SAP's English labels, the German
 * labels of German-language exports, the SAP sample exports' names, and our
 * own field names.
 */
#define G_LOG_DOMAIN "slv-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "slv-import-target.h"
#include "formats/slv-values.h"

#define KEY SLV_IMPORT_FIELD_KEY
#define REQ SLV_IMPORT_FIELD_REQUIRED
#define VIRT SLV_IMPORT_FIELD_VIRTUAL

#define T_TEXT SLV_IMPORT_FIELD_TEXT
#define T_CODE SLV_IMPORT_FIELD_CODE
#define T_DEC SLV_IMPORT_FIELD_DECIMAL
#define T_INT SLV_IMPORT_FIELD_INTEGER
#define T_DATE SLV_IMPORT_FIELD_DATE
#define T_CCY SLV_IMPORT_FIELD_CURRENCY
#define T_UNIT SLV_IMPORT_FIELD_UNIT
#define T_CHOICE SLV_IMPORT_FIELD_CHOICE
#define T_PCT SLV_IMPORT_FIELD_PERCENT
#define T_REF SLV_IMPORT_FIELD_REFERENCE

static int
field (const SlvImportTarget *target,
       const char            *name)
{
  int i = slv_import_target_find_field (target, name);

  g_assert (i >= 0);
  return i;
}

static void
replace (char       **slot,
         const char  *value)
{
  g_free (*slot);
  *slot = g_strdup (value);
}

/* -- materials (MARA, MAKT, MBEW) -- */

static const SlvImportField material_fields[] = {
  { "code", N_("Material number"), T_CODE, KEY,
    "MATNR|Material|Material number|Material no|Material code|Materialnummer|Artikel|Artikelnummer|"
    "Article|Article number|Item|Item code|PRODUCTID|Product ID|productId|code" },
  /* MARA exports carry no description: a new material is named by its code
   * until a MAKT export brings the text. */
  { "name", N_("Description"), T_TEXT, REQ,
    "MAKTX|Material description|Description|Short text|Materialkurztext|Bezeichnung|Name|"
    "SHORT_DESCR|Product name|name", NULL, NULL, NULL, NULL, "@code" },
  { "kind", N_("Kind (yarn, fabric, trim)"), T_CHOICE, REQ,
    "kind|Material kind|Category kind", "yarn|fabric|trim|trims=trim|accessory=trim|garn=yarn|stoff=fabric",
    NULL, NULL, NULL, "fabric" },
  { "sap_type", N_("Material type"), T_CODE, 0, "MTART|Material type|Materialart|TYPECODE|productType|sap_type" },
  { "material_group", N_("Material group"), T_CODE, 0,
    "MATKL|Material group|Warengruppe|Merchandise category|merchandiseCategory|PRODUCTCATEGORYID|"
    "Product category|material_group" },
  { "unit", N_("Base unit"), T_UNIT, REQ,
    "MEINS|Base unit|Base unit of measure|BUn|Basismengeneinheit|Unit|UoM|QUANTITYUNIT|baseUOM|unit" },
  { "gross_weight", N_("Gross weight"), T_DEC, 0, "BRGEW|Gross weight|Bruttogewicht|gross_weight", NULL, NULL, "0" },
  { "net_weight", N_("Net weight"), T_DEC, 0,
    "NTGEW|Net weight|Nettogewicht|WEIGHTMEASURE|Weight|net_weight", NULL, NULL, "0" },
  { "weight_unit", N_("Weight unit"), T_UNIT, 0, "GEWEI|Weight unit|Gewichtseinheit|WEIGHTUNIT|weight_unit" },
  { "price_control", N_("Price control (S or V)"), T_CHOICE, VIRT,
    "VPRSV|Price control|Preissteuerung", "S|V|standard=S|moving=V" },
  { "standard_price", N_("Standard price"), T_DEC, VIRT, "STPRS|Standard price|Standardpreis", NULL, NULL, "0" },
  { "moving_price", N_("Moving average price"), T_DEC, VIRT,
    "VERPR|Moving average price|Moving price|Gleitender Preis|Gleitender Durchschnittspreis", NULL, NULL, "0" },
  { "price", N_("Price"), T_DEC, 0, "PRICE|Price|Unit price|Preis|price", NULL, NULL, "0" },
  { "price_unit", N_("Price unit"), T_DEC, 0, "PEINH|Price unit|Preiseinheit|per|price_unit",
    NULL, NULL, "0.001", NULL, "1" },
  { "currency", N_("Currency"), T_CCY, 0, "WAERS|Currency|Crcy|Währung|CURRENCY|currency",
    NULL, NULL, NULL, NULL, "@currency" },
  { "composition", N_("Composition"), T_TEXT, 0, "Composition|Fibre content|Fiber content|Zusammensetzung|composition" },
  { "construction", N_("Construction"), T_TEXT, 0, "Construction|Knit|Weave|construction" },
  { "gsm", N_("Weight (g/m²)"), T_DEC, 0, "GSM|g/m2|g/m²|Grammage|Flächengewicht|gsm", NULL, NULL, "1", "2000" },
  { "width_cm", N_("Width (cm)"), T_DEC, 0, "Width|Width cm|Usable width|Breite|WIDTH|width_cm", NULL, NULL, "0", "1000" },
  { "yarn_count", N_("Yarn count"), T_TEXT, 0, "Yarn count|Count|Ne|yarn_count" },
  { "moq", N_("Minimum order quantity"), T_DEC, 0, "MOQ|Minimum order quantity|Min order qty|BSTMI|moq",
    NULL, NULL, "0" },
  { "lead_time_days", N_("Lead time (days)"), T_INT, 0,
    "PLIFZ|Lead time|Lead time days|Planned delivery time|Lieferzeit|lead_time_days", NULL, NULL, "0", "3650" },
  { "supplier", N_("Supplier code"), T_REF, 0,
    "LIFNR|Vendor|Supplier|Supplier code|Kreditor|SUPPLIER_PARTNERID|supplier", NULL, "supplier" },
  { "color", N_("Colour (#rrggbb)"), T_TEXT, 0, "Colour|Color|Hex|color" },
};

static char *
materials_finish (const SlvImportTarget  *target,
                  char                  **values,
                  GError                **error)
{
  int price = field (target, "price");
  const char *control = values[field (target, "price_control")];
  const char *standard = values[field (target, "standard_price")];
  const char *moving = values[field (target, "moving_price")];

  if (values[price] != NULL)
    return NULL;
  /* MBEW: VPRSV says which price is valid; STPRS per PEINH units. */
  if (g_strcmp0 (control, "V") == 0)
    {
      if (moving == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Price control is V (moving average) but there is no moving average price (VERPR)."));
          return NULL;
        }
      replace (&values[price], moving);
    }
  else if (g_strcmp0 (control, "S") == 0)
    {
      if (standard == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Price control is S (standard) but there is no standard price (STPRS)."));
          return NULL;
        }
      replace (&values[price], standard);
    }
  else if (standard != NULL)
    replace (&values[price], standard);
  else if (moving != NULL)
    replace (&values[price], moving);
  return NULL;
}

/* -- cost master rates (KONP, or a spreadsheet of rates) -- */

static const SlvImportField rate_fields[] = {
  { "process", N_("Process"), T_CHOICE, KEY,
    "Process|Operation|Prozess|process",
    "knitting|dyeing|printing|embroidery|washing|making|trims|testing|packing|freight|overhead|"
    "commercial|duty|clearance|knit=knitting|dye=dyeing|print=printing|wash=washing|laundry=washing|"
    "cm=making|cmt=making|sewing=making|trim=trims|packaging=packing|shipping=freight" },
  { "key", N_("Rate key"), T_CODE, KEY, "KSCHL|Condition type|Rate key|Key|Konditionsart|key" },
  { "supplier", N_("Supplier code"), T_REF, KEY, "LIFNR|Vendor|Supplier|Supplier code|Kreditor|supplier",
    NULL, "supplier" },
  { "tier_min_qty", N_("From quantity"), T_INT, KEY,
    "KSTBM|Scale quantity|From quantity|Tier|Min qty|tier_min_qty", NULL, NULL, "0", NULL, "0" },
  { "valid_from", N_("Valid from"), T_DATE, KEY, "DATAB|Valid from|Gültig ab|From|valid_from" },
  { "description", N_("Description"), T_TEXT, 0, "Description|Text|Bezeichnung|description" },
  { "unit", N_("Unit"), T_CHOICE, REQ, "KMEIN|Condition unit|Unit|Per unit|Einheit|unit",
    "kg|piece|dozen|1000-stitches|minute|colour|screen|percent|metre|yard|order|carton|"
    "st=piece|pc=piece|pce=piece|ea=piece|pcs=piece|dz=dozen|dzn=dozen|min=minute|m=metre|meter=metre|"
    "yd=yard|%=percent|color=colour|1000 stitches=1000-stitches|ct=carton|car=carton" },
  { "rate", N_("Rate"), T_DEC, REQ, "KBETR|Rate|Amount|Price|Betrag|rate" },
  { "pricing_unit", N_("Pricing unit"), T_DEC, VIRT, "KPEIN|Pricing unit|Condition pricing unit|Preiseinheit|per",
    NULL, NULL, "0.001" },
  { "currency", N_("Currency"), T_CCY, 0, "KONWA|Currency|Rate unit|Währung|currency",
    NULL, NULL, NULL, NULL, "@currency" },
  { "min_charge", N_("Minimum charge"), T_DEC, 0, "Minimum charge|Min charge|min_charge", NULL, NULL, "0" },
  { "valid_to", N_("Valid to"), T_DATE, 0, "DATBI|Valid to|Gültig bis|To|valid_to" },
};

static char *
rates_finish (const SlvImportTarget  *target,
              char                  **values,
              GError                **error)
{
  int rate = field (target, "rate");
  const char *per = values[field (target, "pricing_unit")];
  char out[SLV_DECIMAL_BUF];
  gboolean rounded = FALSE;

  /* KONP: KBETR per KPEIN units; store the rate per one unit. */
  if (values[rate] != NULL && per != NULL && !slv_decimal_text_equal (per, "1"))
    {
      if (!slv_decimal_text_divide (values[rate], per, 6, out, &rounded))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The rate %s cannot be divided by the pricing unit %s."), values[rate], per);
          return NULL;
        }
      replace (&values[rate], out);
      if (rounded)
        return g_strdup_printf (_("The rate per unit was rounded to %s."), out);
    }
  return NULL;
}

/* -- suppliers (LFA1) -- */

static const SlvImportField supplier_fields[] = {
  { "code", N_("Supplier code"), T_CODE, KEY,
    "LIFNR|Vendor|Vendor number|Supplier|Supplier code|Supplier number|Kreditor|PARTNERID|code" },
  { "name", N_("Name"), T_TEXT, REQ, "NAME1|Name|Supplier name|Vendor name|Name 1|COMPANYNAME|name" },
  { "kind", N_("Kind"), T_CHOICE, REQ, "Kind|Supplier type|Type|Category|kind",
    "mill|spinner|knitter|dyehouse|printer|embroiderer|laundry|factory|trim|lab|packaging|forwarder|"
    "weaver=mill|weaving=mill|spinning=spinner|knitting=knitter|dyeing=dyehouse|printing=printer|"
    "embroidery=embroiderer|washing=laundry|sewing=factory|cmt=factory|garment factory=factory|"
    "trims=trim|testing=lab|laboratory=lab|freight=forwarder|logistics=forwarder" },
  { "country", N_("Country"), T_CODE, 0, "LAND1|Country|Country key|Land|COUNTRY|country" },
  { "city", N_("City"), T_TEXT, 0, "ORT01|City|Ort|CITY|city" },
  { "currency", N_("Currency"), T_CCY, 0, "WAERS|Currency|Order currency|Währung|CURRENCY|currency",
    NULL, NULL, NULL, NULL, "@currency" },
  { "lead_time_days", N_("Lead time (days)"), T_INT, 0,
    "PLIFZ|Lead time|Lead time days|Planned delivery time|lead_time_days", NULL, NULL, "0", "3650" },
};

/* -- exchange rates (TCURR) -- */

static const SlvImportField fx_fields[] = {
  { "set_name", N_("Rate set"), T_TEXT, KEY, "KURST|Exchange rate type|Rate type|Set|Rate set|set_name",
    NULL, NULL, NULL, NULL, "Imported" },
  { "kind", N_("Kind (actual, budget, simulation)"), T_CHOICE, KEY, "Kind|Rate kind|kind",
    "actual|budget|simulation|m=actual|p=budget|plan=budget", NULL, NULL, NULL, "actual" },
  { "valid_on", N_("Valid from"), T_DATE, KEY | REQ, "GDATU|Valid from|Date|Gültig ab|valid_on" },
  { "from_ccy", N_("From currency"), T_CCY, KEY | REQ, "FCURR|From currency|From|Von Währung|from_ccy" },
  { "to_ccy", N_("To currency"), T_CCY, KEY | REQ, "TCURR|To currency|To|Nach Währung|to_ccy" },
  { "rate", N_("Rate"), T_DEC, REQ, "UKURS|Exchange rate|Rate|Kurs|rate", NULL, NULL, "0.0000000001" },
  { "per", N_("Per units of the from currency"), T_DEC, VIRT, "FFACT|Ratio from|Per|per", NULL, NULL, "0.000001" },
};

static char *
fx_finish (const SlvImportTarget  *target,
           char                  **values,
           GError                **error)
{
  int rate = field (target, "rate");
  const char *per = values[field (target, "per")];
  const char *from = values[field (target, "from_ccy")];
  const char *to = values[field (target, "to_ccy")];
  char out[SLV_DECIMAL_BUF];
  gboolean rounded = FALSE;

  if (from != NULL && g_strcmp0 (from, to) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The rate converts %s into itself."), from);
      return NULL;
    }
  /* TCURR: UKURS for FFACT units of the from currency (100 JPY = 0.62 EUR). */
  if (values[rate] != NULL && per != NULL && !slv_decimal_text_equal (per, "1"))
    {
      if (!slv_decimal_text_divide (values[rate], per, 10, out, &rounded))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The rate %s cannot be divided by %s."), values[rate], per);
          return NULL;
        }
      replace (&values[rate], out);
    }
  return NULL;
}

/* -- orders (AUFK/AFKO production orders, VBAK sales orders, EKKO purchase orders) -- */

static const SlvImportField order_fields[] = {
  { "order_no", N_("Order number"), T_CODE, KEY,
    "AUFNR|VBELN|EBELN|SALESORDERID|PURCHASEORDERID|Order|Order number|Order no|PO|PO number|Auftrag|order_no" },
  { "kind", N_("Kind (production, sales, purchase)"), T_CHOICE, 0, "Order kind|Order type|kind",
    "production|sales|purchase|pp=production|sd=sales|mm=purchase|po=purchase|so=sales",
    NULL, NULL, NULL, "production" },
  { "product_code", N_("Style or material"), T_CODE, 0,
    "PLNBEZ|MATNR|PRODUCTID|Material|Product|Style|Style code|Article|product_code" },
  { "style", N_("Style code (linked)"), T_REF, 0, "Style link|style", NULL, "style" },
  { "factory", N_("Factory code"), T_REF, 0, "WERKS|Plant|Factory|Factory code|Werk|factory", NULL, "factory" },
  { "partner_code", N_("Customer or vendor"), T_CODE, 0,
    "KUNNR|LIFNR|PARTNERID|Customer|Vendor|Sold-to party|Partner|partner_code" },
  { "quantity", N_("Quantity"), T_DEC, 0, "GAMNG|KWMENG|MENGE|QUANTITY|Quantity|Qty|Order quantity|Menge|quantity",
    NULL, NULL, "0" },
  { "unit", N_("Unit"), T_UNIT, 0, "GMEIN|VRKME|MEINS|QUANTITYUNIT|Unit|UoM|unit" },
  { "order_date", N_("Order date"), T_DATE, 0,
    "ERDAT|AUDAT|BEDAT|CREATEDAT|Order date|Created on|Document date|Angelegt am|order_date" },
  { "start_date", N_("Start date"), T_DATE, 0, "GSTRP|Basic start date|Start|Start date|start_date" },
  { "due_date", N_("Due date"), T_DATE, 0,
    "GLTRP|EINDT|Basic finish date|Due date|Delivery date|Ex-factory|Finish date|due_date" },
  { "status", N_("Status"), T_TEXT, 0, "STATUS|LIFECYCLESTATUS|Status|System status|status" },
  { "currency", N_("Currency"), T_CCY, 0, "WAERK|WAERS|CURRENCY|Currency|currency" },
  { "gross_amount", N_("Gross amount"), T_DEC, 0, "BRTWR|GROSSAMOUNT|Gross amount|Gross value|gross_amount" },
  { "net_amount", N_("Net amount"), T_DEC, 0, "NETWR|NETAMOUNT|Net amount|Net value|Nettowert|net_amount" },
  { "tax_amount", N_("Tax amount"), T_DEC, 0, "MWSBP|TAXAMOUNT|Tax amount|Tax|tax_amount" },
};

/* -- order history: order lines (VBAP, EKPO) -- */

static const SlvImportField order_line_fields[] = {
  { "order_no", N_("Order number"), T_CODE, KEY,
    "VBELN|EBELN|AUFNR|SALESORDERID|PURCHASEORDERID|Order|Order number|Order no|order_no" },
  { "item_no", N_("Item"), T_CODE, KEY,
    "POSNR|EBELP|SALESORDERITEM|PURCHASEORDERITEM|Item|Item number|Line|Position|item_no" },
  { "product_code", N_("Product"), T_CODE, 0,
    "MATNR|PRODUCTID|Material|Product|Style|Article|product_code" },
  { "quantity", N_("Quantity"), T_DEC, 0, "KWMENG|MENGE|QUANTITY|Quantity|Qty|Menge|quantity" },
  { "unit", N_("Unit"), T_UNIT, 0, "VRKME|MEINS|QUANTITYUNIT|Unit|UoM|unit" },
  { "currency", N_("Currency"), T_CCY, 0, "WAERK|WAERS|CURRENCY|Currency|currency" },
  { "gross_amount", N_("Gross amount"), T_DEC, 0, "BRTWR|GROSSAMOUNT|Gross amount|gross_amount" },
  { "net_amount", N_("Net amount"), T_DEC, 0, "NETWR|NETAMOUNT|Net amount|Net value|net_amount" },
  { "tax_amount", N_("Tax amount"), T_DEC, 0, "MWSBP|TAXAMOUNT|Tax amount|Tax|tax_amount" },
  { "delivery_date", N_("Delivery date"), T_DATE, 0,
    "EDATU|LFDAT|EINDT|DELIVERYDATE|Delivery date|Lieferdatum|delivery_date" },
  { "status", N_("Status"), T_TEXT, 0, "ITEMATPSTATUS|STATUS|Status|status" },
};

/* -- factory capacity (T001W plants and our own capacity sheets) -- */

static const SlvImportField factory_fields[] = {
  { "code", N_("Factory code"), T_CODE, KEY, "WERKS|Plant|Factory|Factory code|Werk|code" },
  { "name", N_("Name"), T_TEXT, REQ, "NAME1|Name|Factory name|Plant name|name" },
  { "supplier", N_("Supplier code"), T_REF, 0, "LIFNR|Vendor|Supplier|Supplier code|supplier", NULL, "supplier" },
  { "country", N_("Country"), T_CODE, 0, "LAND1|Country|country" },
  { "lines", N_("Sewing lines"), T_INT, 0, "Lines|Sewing lines|Number of lines|Linien|lines", NULL, NULL, "0", "10000" },
  { "minutes_per_day", N_("Minutes per day"), T_INT, 0,
    "Minutes per day|Minutes|Working minutes|Available minutes|minutes_per_day", NULL, NULL, "0", "1440" },
  { "hours_per_day", N_("Hours per day"), T_DEC, VIRT, "Hours per day|Working hours|Hours|Shift hours",
    NULL, NULL, "0", "24" },
  { "efficiency_pct", N_("Efficiency (%)"), T_PCT, 0,
    "Efficiency|Efficiency %|Line efficiency|Effizienz|efficiency_pct", NULL, NULL, "0", "100" },
};

static char *
capacity_finish (const SlvImportTarget  *target,
                 char                  **values,
                 GError                **error)
{
  int minutes = field (target, "minutes_per_day");
  const char *hours = values[field (target, "hours_per_day")];
  double m;

  if (values[minutes] != NULL || hours == NULL)
    return NULL;
  m = g_ascii_strtod (hours, NULL) * 60.0;
  replace (&values[minutes], NULL);
  values[minutes] = g_strdup_printf ("%d", (int) lround (m));
  if (fabs (m - lround (m)) > 1e-6)
    return g_strdup_printf (_("%s hours were rounded to %s minutes."), hours, values[minutes]);
  return NULL;
}

/* -- the list -- */

static const SlvImportTarget targets[] = {
  { "materials", N_("Materials (SAP material master)"), "material", N_("material"),
    material_fields, G_N_ELEMENTS (material_fields), materials_finish },
  { "rates", N_("Cost master rates"), "cost_rate", N_("rate"),
    rate_fields, G_N_ELEMENTS (rate_fields), rates_finish },
  { "suppliers", N_("Suppliers"), "supplier", N_("supplier"),
    supplier_fields, G_N_ELEMENTS (supplier_fields), NULL },
  { "fx", N_("Exchange rates"), "fx_rate", N_("exchange rate"),
    fx_fields, G_N_ELEMENTS (fx_fields), fx_finish },
  { "orders", N_("Orders (production, sales, purchase)"), "production_order", N_("order"),
    order_fields, G_N_ELEMENTS (order_fields), NULL },
  { "order-history", N_("Order history (order lines)"), "order_line", N_("order line"),
    order_line_fields, G_N_ELEMENTS (order_line_fields), NULL },
  { "capacity", N_("Factory capacity"), "factory", N_("factory"),
    factory_fields, G_N_ELEMENTS (factory_fields), capacity_finish },
};

static const SlvImportTarget *target_list[] = {
  &targets[0], &targets[1], &targets[2], &targets[3], &targets[4], &targets[5], &targets[6], NULL,
};

const SlvImportTarget * const *
slv_import_target_list (void)
{
  return target_list;
}

const SlvImportTarget *
slv_import_target_find (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (targets); i++)
    if (g_ascii_strcasecmp (targets[i].name, name) == 0)
      return &targets[i];
  return NULL;
}
