/* slv-demo-data.c: Northloom, the demo brand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Figures are plausible factory-level rates for knitwear and cut-and-sew
 * sourced from Bangladesh, India, Türkiye and Portugal. The crew tee and the
 * pique polo reproduce DOMAIN.md's worked examples A and B.
 */
#include "config.h"

#include "slv-demo-data.h"

#define V26 "2026-01-01"
#define V27 "2027-12-31"

const SlvDemoSupplier slv_demo_suppliers[] = {
  { "SP-DHK-01", "Meghna Spinning Mills", "spinner", "BD", "Narayanganj", "USD", 30 },
  { "SP-TIR-01", "Tiruppur Cotton Yarns", "spinner", "IN", "Tiruppur", "USD", 25 },
  { "SP-BIE-01", "Biella Wool Spinners", "spinner", "IT", "Biella", "EUR", 45 },
  { "KN-GAZ-01", "Gazipur Knit Composite", "knitter", "BD", "Gazipur", "USD", 21 },
  { "KN-BRS-01", "Bursa Örme Tekstil", "knitter", "TR", "Bursa", "EUR", 18 },
  { "DY-GAZ-01", "Gazipur Knit Composite Dyeing", "dyehouse", "BD", "Gazipur", "USD", 14 },
  { "DY-DEN-01", "Denizli Boya Terbiye", "dyehouse", "TR", "Denizli", "EUR", 12 },
  { "PR-DHK-01", "Ashulia Screen Print", "printer", "BD", "Ashulia", "USD", 7 },
  { "EM-DHK-01", "Savar Embroidery Works", "embroiderer", "BD", "Savar", "USD", 7 },
  { "WS-DHK-01", "Tongi Garment Wash", "laundry", "BD", "Tongi", "USD", 5 },
  { "MI-PRT-01", "Fiação do Ave", "mill", "PT", "Guimarães", "EUR", 35 },
  { "MI-AHM-01", "Ahmedabad Weaving Co.", "mill", "IN", "Ahmedabad", "USD", 40 },
  { "FA-CTG-01", "Karnaphuli Apparels", "factory", "BD", "Chattogram", "USD", 60 },
  { "FA-DHK-02", "Mirpur Knitwear Ltd", "factory", "BD", "Dhaka", "USD", 55 },
  { "FA-PRT-01", "Confecções Barcelos", "factory", "PT", "Barcelos", "EUR", 35 },
  { "FA-IST-01", "İstanbul Triko", "factory", "TR", "İstanbul", "EUR", 40 },
  { "TR-HKG-01", "Pacific Trims Asia", "trim", "HK", "Kowloon", "USD", 20 },
  { "TR-DHK-01", "Dhaka Label & Tag", "trim", "BD", "Dhaka", "USD", 10 },
  { "LB-DHK-01", "Intertek Dhaka Lab", "lab", "BD", "Dhaka", "USD", 5 },
  { "PK-DHK-01", "Bengal Corrugated Cartons", "packaging", "BD", "Gazipur", "USD", 7 },
  { "FW-CTG-01", "Chattogram Sea Freight", "forwarder", "BD", "Chattogram", "USD", 30 },
};
const guint slv_demo_n_suppliers = G_N_ELEMENTS (slv_demo_suppliers);

const SlvDemoMaterial slv_demo_materials[] = {
  /* yarns */
  { "0001100101", "Cotton combed 30/1 Ne ring-spun", "yarn", "ROH", "YARN-CO", "100% cotton", "ring-spun combed", NULL, NULL, "30/1 Ne", "KG", "2.80", "USD", "SP-DHK-01", "#f2eee4" },
  { "0001100102", "Cotton combed 24/1 Ne ring-spun", "yarn", "ROH", "YARN-CO", "100% cotton", "ring-spun combed", NULL, NULL, "24/1 Ne", "KG", "2.95", "USD", "SP-DHK-01", "#f0ebe0" },
  { "0001100103", "Cotton combed 40/1 Ne compact", "yarn", "ROH", "YARN-CO", "100% cotton", "compact combed", NULL, NULL, "40/1 Ne", "KG", "3.45", "USD", "SP-TIR-01", "#f5f2ea" },
  { "0001100104", "Organic cotton 30/1 Ne GOTS", "yarn", "ROH", "YARN-CO", "100% organic cotton", "ring-spun combed", NULL, NULL, "30/1 Ne", "KG", "3.60", "USD", "SP-TIR-01", "#efe9d8" },
  { "0001100105", "Cotton 30/1 + 20D elastane core", "yarn", "ROH", "YARN-CE", "95% cotton 5% elastane", "core-spun", NULL, NULL, "30/1 Ne", "KG", "3.95", "USD", "SP-DHK-01", "#ece7dc" },
  { "0001100106", "Recycled polyester 150D/48F DTY", "yarn", "ROH", "YARN-PES", "100% recycled polyester", "draw-textured", NULL, NULL, "150D/48F", "KG", "1.85", "USD", "SP-DHK-01", "#dcdfe3" },
  { "0001100107", "Viscose 30/1 Ne vortex", "yarn", "ROH", "YARN-CV", "100% viscose", "vortex", NULL, NULL, "30/1 Ne", "KG", "2.65", "USD", "SP-TIR-01", "#f7f4ef" },
  { "0001100108", "Extrafine merino 2/48 Nm", "yarn", "ROH", "YARN-WO", "100% merino wool 18.5 µm", "worsted", NULL, NULL, "2/48 Nm", "KG", "38.50", "EUR", "SP-BIE-01", "#d9cfc1" },
  { "0001100109", "Lambswool 2/28 Nm", "yarn", "ROH", "YARN-WO", "100% lambswool", "woollen", NULL, NULL, "2/28 Nm", "KG", "24.80", "EUR", "SP-BIE-01", "#c9b79c" },
  { "0001100110", "Cotton/cashmere 2/30 Nm", "yarn", "ROH", "YARN-WO", "90% cotton 10% cashmere", "worsted", NULL, NULL, "2/30 Nm", "KG", "21.40", "EUR", "SP-BIE-01", "#e3d9c9" },
  { "0001100111", "Cotton fleece back 20/1 Ne OE", "yarn", "ROH", "YARN-CO", "100% cotton", "open-end", NULL, NULL, "20/1 Ne", "KG", "2.40", "USD", "SP-DHK-01", "#ede8de" },
  { "0001100112", "Cotton slub 30/1 Ne", "yarn", "ROH", "YARN-CO", "100% cotton", "slub ring-spun", NULL, NULL, "30/1 Ne", "KG", "3.05", "USD", "SP-TIR-01", "#f1ecdf" },
  /* knit fabrics (price per kg, finished) */
  { "0001200101", "Single jersey 180 gsm combed cotton", "fabric", "ROH", "FAB-KNIT", "100% cotton", "single jersey", "180", "180", "30/1 Ne", "KG", "5.1954", "USD", "KN-GAZ-01", "#f4f1ea" },
  { "0001200102", "Single jersey 160 gsm organic cotton", "fabric", "ROH", "FAB-KNIT", "100% organic cotton", "single jersey", "160", "175", "30/1 Ne", "KG", "5.85", "USD", "KN-GAZ-01", "#efe8d6" },
  { "0001200103", "Single jersey 200 gsm cotton/elastane", "fabric", "ROH", "FAB-KNIT", "95% cotton 5% elastane", "single jersey lycra", "200", "170", "30/1 Ne", "KG", "6.40", "USD", "KN-GAZ-01", "#262a33" },
  { "0001200104", "Pique 220 gsm combed cotton", "fabric", "ROH", "FAB-KNIT", "100% cotton", "lacoste pique", "220", "180", "24/1 Ne", "KG", "5.40", "USD", "KN-GAZ-01", "#1f3a5f" },
  { "0001200105", "Interlock 240 gsm combed cotton", "fabric", "ROH", "FAB-KNIT", "100% cotton", "interlock", "240", "180", "40/1 Ne", "KG", "6.10", "USD", "KN-BRS-01", "#e8e4da" },
  { "0001200106", "1×1 rib 220 gsm cotton/elastane", "fabric", "ROH", "FAB-KNIT", "95% cotton 5% elastane", "1x1 rib", "220", "90", "30/1 Ne", "KG", "5.70", "USD", "KN-GAZ-01", "#f4f1ea" },
  { "0001200107", "French terry 300 gsm cotton", "fabric", "ROH", "FAB-KNIT", "100% cotton", "loopback french terry", "300", "185", "20/1 Ne", "KG", "4.95", "USD", "KN-GAZ-01", "#8a9a8c" },
  { "0001200108", "Brushed fleece 320 gsm cotton/rPET", "fabric", "ROH", "FAB-KNIT", "80% cotton 20% recycled polyester", "3-thread fleece", "320", "185", "20/1 Ne", "KG", "4.70", "USD", "KN-GAZ-01", "#5b6770" },
  { "0001200109", "Waffle 230 gsm cotton", "fabric", "ROH", "FAB-KNIT", "100% cotton", "thermal waffle", "230", "175", "24/1 Ne", "KG", "5.90", "USD", "KN-BRS-01", "#e6dccb" },
  { "0001200110", "Slub jersey 150 gsm cotton", "fabric", "ROH", "FAB-KNIT", "100% cotton", "slub single jersey", "150", "180", "30/1 Ne", "KG", "5.35", "USD", "KN-GAZ-01", "#c96f4a" },
  { "0001200111", "Breton stripe jersey 200 gsm yarn-dyed", "fabric", "ROH", "FAB-KNIT", "100% cotton", "yarn-dyed single jersey", "200", "175", "24/1 Ne", "KG", "6.85", "USD", "KN-BRS-01", "#1b2a49" },
  { "0001200112", "Viscose jersey 170 gsm", "fabric", "ROH", "FAB-KNIT", "100% viscose", "single jersey", "170", "170", "30/1 Ne", "KG", "5.15", "USD", "KN-BRS-01", "#7c2e3b" },
  { "0001200113", "Flat-knit collar and cuffs set", "fabric", "ROH", "FAB-FLAT", "100% cotton", "flat-knit 1x1 tipped", "600", NULL, "24/1 Ne", "KG", "5.21", "USD", "KN-GAZ-01", "#1f3a5f" },
  /* woven fabrics (price per metre) */
  { "0001300101", "Cotton poplin 120 gsm 50s", "fabric", "ROH", "FAB-WOV", "100% cotton", "poplin 50s x 50s", "120", "145", "50s", "M", "2.85", "USD", "MI-AHM-01", "#f8f8f5" },
  { "0001300102", "Oxford 140 gsm yarn-dyed", "fabric", "ROH", "FAB-WOV", "100% cotton", "oxford 40s x 40s/2", "140", "147", "40s", "M", "3.40", "USD", "MI-AHM-01", "#a9c3de" },
  { "0001300103", "Linen 170 gsm garment-dye", "fabric", "ROH", "FAB-WOV", "100% linen", "plain weave 14 lea", "170", "140", "14 lea", "M", "6.90", "EUR", "MI-PRT-01", "#d8cbb3" },
  { "0001300104", "Stretch twill chino 260 gsm", "fabric", "ROH", "FAB-WOV", "98% cotton 2% elastane", "2/1 twill", "260", "142", "16s", "M", "4.25", "USD", "MI-AHM-01", "#b59b74" },
  { "0001300105", "Seersucker stripe 130 gsm", "fabric", "ROH", "FAB-WOV", "100% cotton", "seersucker", "130", "145", "40s", "M", "3.75", "USD", "MI-AHM-01", "#7fa3c8" },
  { "0001300106", "Denim 12 oz rigid indigo", "fabric", "ROH", "FAB-WOV", "100% cotton", "3/1 RHT denim", "407", "150", "7s", "M", "4.60", "USD", "MI-AHM-01", "#23395d" },
  { "0001300107", "Gingham check 115 gsm", "fabric", "ROH", "FAB-WOV", "100% cotton", "yarn-dyed plain", "115", "145", "60s", "M", "3.20", "USD", "MI-AHM-01", "#c83b3b" },
  { "0001300108", "Viscose challis 110 gsm print base", "fabric", "ROH", "FAB-WOV", "100% viscose", "challis", "110", "140", "30s", "M", "2.55", "USD", "MI-AHM-01", "#f3efe6" },
  /* trims */
  { "0001400101", "Main label woven damask 50×20 mm", "trim", "ROH", "TRIM-LBL", "polyester", "damask", NULL, NULL, NULL, "PC", "0.045", "USD", "TR-DHK-01", "#1b1b1b" },
  { "0001400102", "Care label printed satin", "trim", "ROH", "TRIM-LBL", "polyester", "satin", NULL, NULL, NULL, "PC", "0.012", "USD", "TR-DHK-01", "#ffffff" },
  { "0001400103", "Hang tag FSC board with string", "trim", "ROH", "TRIM-TAG", "FSC paper", NULL, NULL, NULL, NULL, "PC", "0.035", "USD", "TR-DHK-01", "#e9e2d0" },
  { "0001400104", "Corozo button 18L 4-hole", "trim", "ROH", "TRIM-BTN", "corozo nut", NULL, NULL, NULL, NULL, "PC", "0.085", "USD", "TR-HKG-01", "#d5c4a1" },
  { "0001400105", "Mother-of-pearl button 16L", "trim", "ROH", "TRIM-BTN", "shell", NULL, NULL, NULL, NULL, "PC", "0.11", "USD", "TR-HKG-01", "#f2efe9" },
  { "0001400106", "Metal zipper #5 antique brass 60 cm", "trim", "ROH", "TRIM-ZIP", "brass, polyester tape", NULL, NULL, NULL, NULL, "PC", "0.62", "USD", "TR-HKG-01", "#8c6d3f" },
  { "0001400107", "Flat drawcord 120 cm with metal tips", "trim", "ROH", "TRIM-CRD", "100% cotton", NULL, NULL, NULL, NULL, "PC", "0.14", "USD", "TR-HKG-01", "#f1efe8" },
  { "0001400108", "Elastic 30 mm brushed", "trim", "ROH", "TRIM-ELA", "polyester/elastane", NULL, NULL, "30", NULL, "M", "0.18", "USD", "TR-HKG-01", "#ffffff" },
  { "0001400109", "Sewing thread poly-core 120", "trim", "ROH", "TRIM-THR", "polyester core, cotton wrap", NULL, NULL, NULL, "Tex 27", "M", "0.0009", "USD", "TR-HKG-01", "#f4f1ea" },
  { "0001400110", "Fusible interlining 40 gsm", "trim", "ROH", "TRIM-INT", "polyester", "non-woven", "40", "100", NULL, "M", "0.38", "USD", "TR-HKG-01", "#ffffff" },
  { "0001400111", "Twill neck tape 10 mm", "trim", "ROH", "TRIM-TAP", "100% cotton", "herringbone", NULL, "1", NULL, "M", "0.03", "USD", "TR-DHK-01", "#f4f1ea" },
  { "0001500101", "Polybag recycled LDPE with warning", "trim", "VERP", "PACK", "recycled LDPE", NULL, NULL, NULL, NULL, "PC", "0.018", "USD", "PK-DHK-01", "#ffffff" },
  { "0001500102", "Export carton 5-ply 60×40×30", "trim", "VERP", "PACK", "kraft", NULL, NULL, NULL, NULL, "PC", "0.95", "USD", "PK-DHK-01", "#b08d57" },
  { "0001500103", "Tissue paper and sticker", "trim", "VERP", "PACK", "paper", NULL, NULL, NULL, NULL, "PC", "0.02", "USD", "PK-DHK-01", "#ffffff" },
};
const guint slv_demo_n_materials = G_N_ELEMENTS (slv_demo_materials);

const SlvDemoRate slv_demo_rates[] = {
  /* knitting, per kg of grey fabric */
  { "knitting", "single-jersey", "Single jersey, 28G circular", "KN-GAZ-01", "kg", "1.00", "USD", "150.00", 0, V26, V27 },
  { "knitting", "single-jersey-lycra", "Single jersey with elastane plating", "KN-GAZ-01", "kg", "1.35", "USD", "150.00", 0, V26, V27 },
  { "knitting", "pique", "Lacoste pique, 24G", "KN-GAZ-01", "kg", "1.10", "USD", "150.00", 0, V26, V27 },
  { "knitting", "rib-1x1", "1×1 rib, 18G", "KN-GAZ-01", "kg", "1.15", "USD", "150.00", 0, V26, V27 },
  { "knitting", "interlock", "Interlock, 24G", "KN-BRS-01", "kg", "1.05", "EUR", "200.00", 0, V26, V27 },
  { "knitting", "fleece", "3-thread fleece", "KN-GAZ-01", "kg", "0.95", "USD", "150.00", 0, V26, V27 },
  { "knitting", "french-terry", "Loopback french terry", "KN-GAZ-01", "kg", "0.90", "USD", "150.00", 0, V26, V27 },
  { "knitting", "flat-knit-collar", "Flat-knit collar and cuffs, per garment", "KN-GAZ-01", "piece", "0.05", "USD", NULL, 0, V26, V27 },
  { "knitting", "fully-fashioned-12gg", "Fully-fashioned 12GG knitting, per minute", "FA-IST-01", "minute", "0.085", "EUR", NULL, 0, V26, V27 },
  { "knitting", "single-jersey", "Single jersey, 28G circular (2025 contract)", "KN-GAZ-01", "kg", "0.92", "USD", "150.00", 0, "2025-01-01", "2025-12-31" },
  /* dyeing, per kg of finished fabric */
  { "dyeing", "reactive-light", "Reactive dyeing, light shades", "DY-GAZ-01", "kg", "0.85", "USD", "200.00", 0, V26, V27 },
  { "dyeing", "reactive-medium", "Reactive dyeing, medium shades", "DY-GAZ-01", "kg", "1.00", "USD", "200.00", 0, V26, V27 },
  { "dyeing", "reactive-dark", "Reactive dyeing, dark and navy", "DY-GAZ-01", "kg", "1.20", "USD", "200.00", 0, V26, V27 },
  { "dyeing", "reactive-medium-flat", "Reactive dyeing for flat-knit parts", "DY-GAZ-01", "kg", "1.21", "USD", NULL, 0, V26, V27 },
  { "dyeing", "optical-white", "Scouring and optical white", "DY-GAZ-01", "kg", "0.70", "USD", "200.00", 0, V26, V27 },
  { "dyeing", "disperse", "Disperse dyeing, polyester blends", "DY-DEN-01", "kg", "1.45", "EUR", "250.00", 0, V26, V27 },
  { "dyeing", "garment-dye", "Garment dyeing, pigment", "WS-DHK-01", "piece", "0.42", "USD", "150.00", 0, V26, V27 },
  { "dyeing", "yarn-dye", "Yarn dyeing, package", "DY-DEN-01", "kg", "1.60", "EUR", "300.00", 0, V26, V27 },
  /* printing */
  { "printing", "screen-first-colour", "Screen print, first colour, per piece", "PR-DHK-01", "piece", "0.25", "USD", "60.00", 0, V26, V27 },
  { "printing", "screen-first-colour", "Screen print, first colour, 3,000+ pieces", "PR-DHK-01", "piece", "0.21", "USD", NULL, 3000, V26, V27 },
  { "printing", "screen-first-colour", "Screen print, first colour, 10,000+ pieces", "PR-DHK-01", "piece", "0.18", "USD", NULL, 10000, V26, V27 },
  { "printing", "screen-extra-colour", "Screen print, each extra colour, per piece", "PR-DHK-01", "colour", "0.10", "USD", NULL, 0, V26, V27 },
  { "printing", "screen-extra-colour", "Screen print, each extra colour, 3,000+", "PR-DHK-01", "colour", "0.08", "USD", NULL, 3000, V26, V27 },
  { "printing", "screen-charge", "Screen, per colour per location", "PR-DHK-01", "screen", "22.00", "USD", NULL, 0, V26, V27 },
  { "printing", "discharge", "Discharge print surcharge, per piece", "PR-DHK-01", "piece", "0.12", "USD", NULL, 0, V26, V27 },
  { "printing", "puff", "Puff print surcharge, per piece", "PR-DHK-01", "piece", "0.09", "USD", NULL, 0, V26, V27 },
  { "printing", "digital-dtg", "Direct-to-garment print, A4", "PR-DHK-01", "piece", "0.95", "USD", NULL, 0, V26, V27 },
  { "printing", "all-over-rotary", "Rotary all-over print on fabric", "PR-DHK-01", "metre", "0.55", "USD", "300.00", 0, V26, V27 },
  /* embroidery */
  { "embroidery", "per-1000-stitches", "Flat embroidery, per 1,000 stitches", "EM-DHK-01", "1000-stitches", "0.25", "USD", "40.00", 0, V26, V27 },
  { "embroidery", "per-1000-stitches", "Flat embroidery, 5,000+ pieces", "EM-DHK-01", "1000-stitches", "0.20", "USD", NULL, 5000, V26, V27 },
  { "embroidery", "digitising", "Digitising, per design up to 12,000 stitches", "EM-DHK-01", "order", "60.00", "USD", NULL, 0, V26, V27 },
  { "embroidery", "applique", "Appliqué patch, per piece", "EM-DHK-01", "piece", "0.30", "USD", NULL, 0, V26, V27 },
  /* washing */
  { "washing", "enzyme", "Enzyme wash", "WS-DHK-01", "piece", "0.18", "USD", "80.00", 0, V26, V27 },
  { "washing", "silicone-softener", "Silicone softener wash", "WS-DHK-01", "piece", "0.08", "USD", "60.00", 0, V26, V27 },
  { "washing", "stone", "Stone wash", "WS-DHK-01", "piece", "0.35", "USD", "100.00", 0, V26, V27 },
  { "washing", "garment-wash", "Garment wash and tumble", "WS-DHK-01", "piece", "0.12", "USD", "60.00", 0, V26, V27 },
  { "washing", "anti-pill", "Anti-pilling finish", "DY-GAZ-01", "kg", "0.25", "USD", NULL, 0, V26, V27 },
  /* making, per standard minute at 100 % efficiency */
  { "making", "knit-line", "Knit tops line, Chattogram", "FA-CTG-01", "minute", "0.045", "USD", NULL, 0, V26, V27 },
  { "making", "knit-line", "Knit tops line, Dhaka: operator wage 8,470 BDT a month over 12,480 minutes (26 × 8 h)", "FA-DHK-02", "minute", "8470", "BDT", NULL, 0, V26, V27, "12480" },
  { "making", "woven-line", "Woven shirts line, Chattogram", "FA-CTG-01", "minute", "0.052", "USD", NULL, 0, V26, V27 },
  { "making", "bottoms-line", "Bottoms line, Chattogram", "FA-CTG-01", "minute", "0.050", "USD", NULL, 0, V26, V27 },
  { "making", "knit-line", "Knit tops line, Barcelos", "FA-PRT-01", "minute", "0.29", "EUR", NULL, 0, V26, V27 },
  { "making", "linking", "Sweater linking and finishing", "FA-IST-01", "minute", "0.11", "EUR", NULL, 0, V26, V27 },
  { "making", "cutting", "Cutting room, per minute", "FA-CTG-01", "minute", "0.040", "USD", NULL, 0, V26, V27 },
  { "making", "knit-line", "Knit tops line, Chattogram (2025)", "FA-CTG-01", "minute", "0.042", "USD", NULL, 0, "2025-01-01", "2025-12-31" },
  /* trims and accessories as a package */
  { "trims", "basic-knit-pack", "Labels, tape, thread for a basic tee, per dozen", "TR-DHK-01", "dozen", "3.00", "USD", NULL, 0, V26, V27 },
  { "trims", "polo-pack", "Labels, buttons, tape, thread for a polo", "TR-DHK-01", "piece", "0.40", "USD", NULL, 0, V26, V27 },
  { "trims", "shirt-pack", "Labels, buttons, interlining for a shirt", "TR-HKG-01", "piece", "0.62", "USD", NULL, 0, V26, V27 },
  { "trims", "sweat-pack", "Labels, drawcord, eyelets for sweats", "TR-HKG-01", "piece", "0.55", "USD", NULL, 0, V26, V27 },
  /* testing */
  { "testing", "basic-knit", "Colour fastness, dimensional stability, pilling", "LB-DHK-01", "piece", "0.03", "USD", "30.00", 0, V26, V27 },
  { "testing", "woven", "Woven package: seam slippage, tear, fastness", "LB-DHK-01", "piece", "0.04", "USD", "220.00", 0, V26, V27 },
  { "testing", "wool", "Wool package: pilling, felting, fibre content", "LB-DHK-01", "piece", "0.09", "USD", "260.00", 0, V26, V27 },
  /* packing */
  { "packing", "polybag", "Fold, tissue, polybag", "PK-DHK-01", "piece", "0.04", "USD", NULL, 0, V26, V27 },
  { "packing", "carton", "Export carton share (48 pieces)", "PK-DHK-01", "piece", "0.02", "USD", NULL, 0, V26, V27 },
  { "packing", "hanger", "Hanger pack for shirts", "PK-DHK-01", "piece", "0.11", "USD", NULL, 0, V26, V27 },
  /* freight */
  { "freight", "sea-ctg-rotterdam", "Sea freight Chattogram → Rotterdam, per piece", "FW-CTG-01", "piece", "0.12", "USD", NULL, 0, V26, V27 },
  { "freight", "sea-ctg-newyork", "Sea freight Chattogram → New York, per piece", "FW-CTG-01", "piece", "0.15", "USD", NULL, 0, V26, V27 },
  { "freight", "air-dac-ams", "Air freight Dhaka → Amsterdam, per kg", "FW-CTG-01", "kg", "3.80", "USD", "250.00", 0, V26, V27 },
  { "freight", "road-prt-eu", "Road freight Portugal → EU DC, per piece", "FA-PRT-01", "piece", "0.09", "EUR", NULL, 0, V26, V27 },
  /* overhead and commercial */
  { "overhead", "factory-overhead", "Factory overhead on CM", "FA-CTG-01", "percent", "20", "USD", NULL, 0, V26, V27 },
  { "overhead", "factory-overhead", "Factory overhead on CM", "FA-DHK-02", "percent", "25", "USD", NULL, 0, V26, V27 },
  { "overhead", "factory-overhead", "Factory overhead on CM", "FA-PRT-01", "percent", "30", "EUR", NULL, 0, V26, V27 },
  { "overhead", "factory-overhead", "Factory overhead on CM", "FA-IST-01", "percent", "25", "EUR", NULL, 0, V26, V27 },
  { "commercial", "lc-bank-docs", "L/C, bank charges, documents, inland transport", NULL, "percent", "3", "USD", NULL, 0, V26, V27 },
  { "commercial", "factory-profit", "Factory profit", NULL, "percent", "10", "USD", NULL, 0, V26, V27 },
  { "clearance", "eu-broker", "Customs clearance and broker, EU", NULL, "piece", "0.05", "USD", NULL, 0, V26, V27 },
  { "clearance", "us-broker", "Customs clearance and broker, US", NULL, "piece", "0.05", "USD", NULL, 0, V26, V27 },
};
const guint slv_demo_n_rates = G_N_ELEMENTS (slv_demo_rates);

/* Costing parameters (see slv-costing-input.h): overhead, commercial cost
 * and profit with an explicit base and kind, taken from the cost master's
 * percentage rates; freight and clearance from its rates; insurance 0.5 %
 * of FOB + freight. */
#define PCTS(oh_supplier) \
  "{\"overhead\":{\"rate\":\"factory-overhead\",\"supplier\":\"" oh_supplier "\",\"base\":\"cm\",\"kind\":\"markup\"}," \
  "\"commercial\":{\"rate\":\"lc-bank-docs\",\"base\":\"production\",\"kind\":\"markup\"}," \
  "\"profit\":{\"rate\":\"factory-profit\",\"base\":\"cost_plus_commercial\",\"kind\":\"markup\"},"
#define SEA_EU "\"freight\":{\"rate\":\"sea-ctg-rotterdam\"},\"insurance_pct\":\"0.5\",\"clearance\":{\"rate\":\"eu-broker\"}}"
#define SEA_US "\"freight\":{\"rate\":\"sea-ctg-newyork\"},\"insurance_pct\":\"0.5\",\"clearance\":{\"rate\":\"us-broker\"}}"
#define ROAD_EU "\"freight\":\"0\",\"insurance_pct\":\"0.5\",\"clearance\":{\"rate\":\"eu-broker\"}}"
#define TRUCK_EU "\"freight\":\"0.10\",\"insurance_pct\":\"0.5\",\"clearance\":{\"rate\":\"eu-broker\"}}"
#define PARAMS_EU PCTS ("FA-CTG-01") SEA_EU
#define PARAMS_US PCTS ("FA-CTG-01") SEA_US
#define PARAMS_DHK_EU PCTS ("FA-DHK-02") SEA_EU
#define PARAMS_PRT_EU PCTS ("FA-PRT-01") ROAD_EU
#define PARAMS_IST_EU PCTS ("FA-IST-01") TRUCK_EU
/* Example B: the factory's CM already carries its overhead and margin. */
#define PARAMS_POLO_US \
  "{\"commercial\":{\"rate\":\"lc-bank-docs\",\"base\":\"production\",\"kind\":\"markup\"}," \
  "\"profit\":{\"rate\":\"factory-profit\",\"base\":\"cost_plus_commercial\",\"kind\":\"markup\"}," SEA_US

/* Example A: knit consumption from measurements (cm), GSM and wastage; the
 * finished fabric priced from its yarn through knitting and dyeing losses;
 * the rib at the same chain plus 0.50 $/kg [DOMAIN assumption]. */
#define YARN_CHAIN(surcharge) \
  "\"price\":{\"method\":\"yarn_chain\",\"yarn\":\"0001100101\",\"knit_loss_pct\":\"0.5\"," \
  "\"knitting\":{\"key\":\"single-jersey\",\"supplier\":\"KN-GAZ-01\"},\"dye_loss_pct\":\"10\"," \
  "\"dyeing\":{\"key\":\"reactive-medium\",\"supplier\":\"DY-GAZ-01\"},\"surcharge\":\"" surcharge "\"}"
static const SlvDemoBom tee_bom[] = {
  { "0001200101", "body", "0.237168", "KG", "8",
    "{\"method\":\"knit\",\"units\":\"cm\",\"body_length\":\"76\",\"body_allowance\":\"5\",\"sleeve_length\":\"23\","
    "\"sleeve_allowance\":\"4\",\"half_chest\":\"58\",\"chest_allowance\":\"3\",\"gsm\":\"180\"," YARN_CHAIN ("0") "}" },
  { "0001200106", "neck rib", "0.00833333", "KG", "0",
    "{\"method\":\"per_dozen\",\"grams_per_dozen\":\"100\"," YARN_CHAIN ("0.50") "}" },
  { NULL }
};
static const SlvDemoProcess tee_proc[] = {
  { "printing", "screen-first-colour", "PR-DHK-01", "1", "0",
    "{\"colours\":2,\"locations\":1,\"extra_colour\":\"screen-extra-colour\",\"screens\":\"screen-charge\"}" },
  { "making", "knit-line", "FA-CTG-01", "12", "0", "{\"sam\":\"12\",\"efficiency\":\"0.60\"}" },
  { "trims", "basic-knit-pack", "TR-DHK-01", "1", "0", NULL },
  { "testing", "basic-knit", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

/* Example B: polo with flat-knit collar and embroidery, to the US; CM from
 * the Dhaka wage in BDT with the factory's 30 % overhead and 10 % margin. */
static const SlvDemoBom polo_bom[] = {
  { "0001200104", "body", "0.2946240", "KG", "10",
    "{\"method\":\"knit\",\"body_length\":\"72\",\"body_allowance\":\"6\",\"sleeve_length\":\"24\","
    "\"sleeve_allowance\":\"6\",\"half_chest\":\"56\",\"chest_allowance\":\"6\",\"gsm\":\"220\"}" },
  { "0001200113", "collar and cuffs", "0.060", "KG", "9", NULL },
  { NULL }
};
static const SlvDemoProcess polo_proc[] = {
  { "knitting", "flat-knit-collar", "KN-GAZ-01", "1", "0", NULL },
  { "embroidery", "per-1000-stitches", "EM-DHK-01", "4", "0", "{\"stitches\":\"4000\",\"digitising\":\"digitising\"}" },
  { "making", "knit-line", "FA-DHK-02", "18.5", "0",
    "{\"sam\":\"18.5\",\"efficiency\":\"0.62\",\"overhead_pct\":\"30\",\"profit_pct\":\"10\",\"profit_kind\":\"margin\"}" },
  { "trims", "polo-pack", "TR-DHK-01", "1", "0", NULL },
  { "testing", "basic-knit", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom tank_bom[] = {
  { "0001200106", "body", "0.145", "KG", "8", NULL },
  { "0001400101", "main label", "1", "PC", "2", NULL },
  { NULL }
};
static const SlvDemoProcess tank_proc[] = {
  { "dyeing", "optical-white", "DY-GAZ-01", "0.157", "0", NULL },
  { "making", "knit-line", "FA-CTG-01", "7.5", "0", "{\"sam\":\"7.5\",\"efficiency\":\"0.62\"}" },
  { "trims", "basic-knit-pack", "TR-DHK-01", "1", "0", NULL },
  { "packing", "polybag", "PK-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom henley_bom[] = {
  { "0001200110", "body", "0.230", "KG", "9", NULL },
  { "0001400104", "placket buttons", "3", "PC", "3", NULL },
  { "0001400111", "neck tape", "0.45", "M", "5", NULL },
  { NULL }
};
static const SlvDemoProcess henley_proc[] = {
  { "washing", "enzyme", "WS-DHK-01", "1", "0", NULL },
  { "making", "knit-line", "FA-CTG-01", "14", "0", "{\"sam\":\"14\",\"efficiency\":\"0.60\"}" },
  { "trims", "basic-knit-pack", "TR-DHK-01", "1", "0", NULL },
  { "testing", "basic-knit", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom breton_bom[] = {
  { "0001200111", "body", "0.285", "KG", "10", NULL },
  { "0001400101", "main label", "1", "PC", "2", NULL },
  { NULL }
};
static const SlvDemoProcess breton_proc[] = {
  { "making", "knit-line", "FA-PRT-01", "13", "0", "{\"sam\":\"13\",\"efficiency\":\"0.70\"}" },
  { "trims", "basic-knit-pack", "TR-DHK-01", "1", "0", NULL },
  { "freight", "road-prt-eu", "FA-PRT-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom shirt_bom[] = {
  { "0001300102", "body", "1.55", "M", "5", NULL },
  { "0001400105", "buttons", "11", "PC", "3", NULL },
  { "0001400110", "collar and cuff interlining", "0.12", "M", "5", NULL },
  { "0001400109", "thread", "180", "M", "10", NULL },
  { NULL }
};
static const SlvDemoProcess shirt_proc[] = {
  { "making", "woven-line", "FA-CTG-01", "24", "0", "{\"sam\":\"24\",\"efficiency\":\"0.58\"}" },
  { "washing", "silicone-softener", "WS-DHK-01", "1", "0", NULL },
  { "trims", "shirt-pack", "TR-HKG-01", "1", "0", NULL },
  { "testing", "woven", "LB-DHK-01", "1", "0", NULL },
  { "packing", "hanger", "PK-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom linen_bom[] = {
  { "0001300103", "body", "1.65", "M", "6", NULL },
  { "0001400104", "buttons", "9", "PC", "3", NULL },
  { NULL }
};
static const SlvDemoProcess linen_proc[] = {
  { "dyeing", "garment-dye", "WS-DHK-01", "1", "2", NULL },
  { "making", "woven-line", "FA-CTG-01", "22", "0", "{\"sam\":\"22\",\"efficiency\":\"0.58\"}" },
  { "trims", "shirt-pack", "TR-HKG-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom chino_bom[] = {
  { "0001300104", "body", "1.30", "M", "6", NULL },
  { "0001400106", "fly zipper", "1", "PC", "1", NULL },
  { "0001400104", "waistband button", "1", "PC", "3", NULL },
  { NULL }
};
static const SlvDemoProcess chino_proc[] = {
  { "washing", "garment-wash", "WS-DHK-01", "1", "0", NULL },
  { "making", "bottoms-line", "FA-CTG-01", "28", "0", "{\"sam\":\"28\",\"efficiency\":\"0.55\"}" },
  { "trims", "sweat-pack", "TR-HKG-01", "1", "0", NULL },
  { "testing", "woven", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom hoodie_bom[] = {
  { "0001200108", "body", "0.62", "KG", "10", NULL },
  { "0001200106", "cuffs and hem rib", "0.06", "KG", "8", NULL },
  { "0001400107", "drawcord", "1", "PC", "2", NULL },
  { NULL }
};
static const SlvDemoProcess hoodie_proc[] = {
  { "printing", "screen-first-colour", "PR-DHK-01", "1", "0", "{\"colours\":1,\"locations\":2}" },
  { "making", "knit-line", "FA-DHK-02", "26", "0", "{\"sam\":\"26\",\"efficiency\":\"0.60\"}" },
  { "trims", "sweat-pack", "TR-HKG-01", "1", "0", NULL },
  { "testing", "basic-knit", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom jogger_bom[] = {
  { "0001200107", "body", "0.48", "KG", "10", NULL },
  { "0001400108", "waist elastic", "0.80", "M", "4", NULL },
  { "0001400107", "drawcord", "1", "PC", "2", NULL },
  { NULL }
};
static const SlvDemoProcess jogger_proc[] = {
  { "making", "bottoms-line", "FA-CTG-01", "20", "0", "{\"sam\":\"20\",\"efficiency\":\"0.60\"}" },
  { "trims", "sweat-pack", "TR-HKG-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom sweater_bom[] = {
  { "0001100108", "body yarn", "0.34", "KG", "6", NULL },
  { "0001400101", "main label", "1", "PC", "2", NULL },
  { NULL }
};
static const SlvDemoProcess sweater_proc[] = {
  { "knitting", "fully-fashioned-12gg", "FA-IST-01", "38", "0", NULL },
  { "making", "linking", "FA-IST-01", "30", "0", "{\"sam\":\"30\",\"efficiency\":\"0.75\"}" },
  { "washing", "anti-pill", "DY-GAZ-01", "0.34", "0", NULL },
  { "testing", "wool", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom cardigan_bom[] = {
  { "0001100109", "body yarn", "0.46", "KG", "6", NULL },
  { "0001400104", "buttons", "6", "PC", "3", NULL },
  { NULL }
};
static const SlvDemoProcess cardigan_proc[] = {
  { "knitting", "fully-fashioned-12gg", "FA-IST-01", "52", "0", NULL },
  { "making", "linking", "FA-IST-01", "40", "0", "{\"sam\":\"40\",\"efficiency\":\"0.75\"}" },
  { "testing", "wool", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom waffle_bom[] = {
  { "0001200109", "body", "0.30", "KG", "9", NULL },
  { "0001400104", "placket buttons", "3", "PC", "3", NULL },
  { NULL }
};
static const SlvDemoProcess waffle_proc[] = {
  { "dyeing", "garment-dye", "WS-DHK-01", "1", "2", NULL },
  { "making", "knit-line", "FA-DHK-02", "16", "0", "{\"sam\":\"16\",\"efficiency\":\"0.60\"}" },
  { "trims", "basic-knit-pack", "TR-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom organic_tee_bom[] = {
  { "0001200102", "body", "0.21", "KG", "8", NULL },
  { "0001200106", "neck rib", "0.0083", "KG", "0", NULL },
  { NULL }
};
static const SlvDemoProcess organic_tee_proc[] = {
  { "printing", "digital-dtg", "PR-DHK-01", "1", "0", NULL },
  { "making", "knit-line", "FA-CTG-01", "11", "0", "{\"sam\":\"11\",\"efficiency\":\"0.62\"}" },
  { "trims", "basic-knit-pack", "TR-DHK-01", "1", "0", NULL },
  { "testing", "basic-knit", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

static const SlvDemoBom dress_bom[] = {
  { "0001300108", "body", "2.20", "M", "8", NULL },
  { "0001400108", "waist elastic", "0.70", "M", "4", NULL },
  { NULL }
};
static const SlvDemoProcess dress_proc[] = {
  { "printing", "all-over-rotary", "PR-DHK-01", "2.20", "3", NULL },
  { "making", "woven-line", "FA-CTG-01", "30", "0", "{\"sam\":\"30\",\"efficiency\":\"0.55\"}" },
  { "testing", "woven", "LB-DHK-01", "1", "0", NULL },
  { NULL }
};

const SlvDemoStyle slv_demo_styles[] = {
  { "NL27S-TS001", "Coastline Crew Tee", "tee", "men", "Coastline", "costing", "S–XXL", "M", "6109.10", "3.60", "11.99", "EU", "retail", 1200, PARAMS_EU, tee_bom, tee_proc },
  { "NL27S-PO002", "Harbour Pique Polo", "polo", "men", "Coastline", "costing", "S–XXL", "L", "6105.10", "4.40", "10.99", "US", "retail", 2400, PARAMS_POLO_US, polo_bom, polo_proc },
  { "NL27S-TK003", "Dune Rib Tank", "tank", "women", "Coastline", "sampling", "XS–XL", "S", "6109.10", "2.10", "9.99", "EU", "retail", 1800, PARAMS_EU, tank_bom, tank_proc },
  { "NL27S-HN004", "Tidewater Slub Henley", "henley", "men", "Coastline", "design", "S–XXL", "M", "6109.10", "3.20", "14.99", "EU", "retail", 1500, PARAMS_EU, henley_bom, henley_proc },
  { "NL27S-BR005", "Mariner Breton Stripe", "tee", "unisex", "Coastline", "costing", "XS–XL", "M", "6109.10", "5.80", "29.99", "EU", "retail", 900, PARAMS_PRT_EU, breton_bom, breton_proc },
  { "NL27S-SH006", "Quay Oxford Shirt", "shirt", "men", "Coastline", "sampling", "S–XXL", "M", "6205.20", "7.90", "39.99", "EU", "retail", 1200, PARAMS_EU, shirt_bom, shirt_proc },
  { "NL27S-SH007", "Saltmarsh Linen Shirt", "shirt", "women", "Coastline", "design", "XS–XL", "S", "6206.90", "11.50", "59.99", "EU", "retail", 800, PARAMS_EU, linen_bom, linen_proc },
  { "NL27S-DR008", "Sea Pink Challis Dress", "dress", "women", "Coastline", "concept", "XS–XL", "S", "6204.44", "9.80", "49.99", "EU", "retail", 1000, PARAMS_EU, dress_bom, dress_proc },
  { "NL27W-HD101", "Fogbank Fleece Hoodie", "hoodie", "unisex", "Harbour Knits", "costing", "XS–XXL", "M", "6110.20", "9.40", "49.99", "EU", "retail", 2000, PARAMS_DHK_EU, hoodie_bom, hoodie_proc },
  { "NL27W-JG102", "Fogbank Terry Jogger", "trouser", "unisex", "Harbour Knits", "sampling", "XS–XXL", "M", "6103.42", "7.10", "39.99", "EU", "retail", 2000, PARAMS_EU, jogger_bom, jogger_proc },
  { "NL27W-SW103", "Lighthouse Merino Crew", "sweater", "men", "Harbour Knits", "costing", "S–XXL", "M", "6110.11", "24.00", "119.00", "EU", "retail", 600, PARAMS_IST_EU, sweater_bom, sweater_proc },
  { "NL27W-CD104", "Kelp Lambswool Cardigan", "cardigan", "women", "Harbour Knits", "design", "XS–XL", "S", "6110.11", "26.00", "129.00", "EU", "retail", 500, PARAMS_IST_EU, cardigan_bom, cardigan_proc },
  { "NL27W-WF105", "Driftwood Waffle Henley", "henley", "men", "Harbour Knits", "concept", "S–XXL", "M", "6109.10", "4.90", "34.99", "EU", "retail", 1200, PARAMS_DHK_EU, waffle_bom, waffle_proc },
  { "NL27W-TS106", "Harbour Organic Tee", "tee", "women", "Harbour Knits", "costing", "XS–XL", "S", "6109.10", "3.30", "19.99", "EU", "retail", 3000, PARAMS_EU, organic_tee_bom, organic_tee_proc },
  { "NL27W-CH107", "Pier Stretch Chino", "trouser", "men", "Harbour Knits", "sampling", "28–38", "32", "6203.42", "8.60", "59.99", "US", "retail", 1500, PARAMS_US, chino_bom, chino_proc },
};
const guint slv_demo_n_styles = G_N_ELEMENTS (slv_demo_styles);

const SlvDemoMarginRule slv_demo_margin_rules[] = {
  { "retail", "Retail: keystone in the US; elsewhere 60 % margin on landed plus VAT; .99 endings",
    "# DOMAIN examples A and B\n"
    "if destination == \"US\" then landed * 2\n"
    "else landed / (1 - 0.60) * (1 + vat)", ".99", 10 },
  { "wholesale", "Wholesale: keystone on landed, at least 2.2 × FOB, whole units",
    "round_to(max(landed * 2, fob * 2.2), 1)", "whole", 5 },
  { "outlet", "Outlet: 45 % margin, VAT included, .95 ending",
    "landed / (1 - 0.45) * (1 + vat)", ".95", 1 },
};
const guint slv_demo_n_margin_rules = G_N_ELEMENTS (slv_demo_margin_rules);

const SlvDemoFx slv_demo_fx[] = {
  { "Budget AW27", "budget", "2026-07-01", "USD", "EUR", "0.92" },
  { "Budget AW27", "budget", "2026-07-01", "USD", "GBP", "0.79" },
  { "Budget AW27", "budget", "2026-07-01", "EUR", "USD", "1.087" },
  { "Budget AW27", "budget", "2026-07-01", "USD", "BDT", "120" },
  { "Budget AW27", "budget", "2026-07-01", "INR", "USD", "0.0118" },
  { "Actual Nov 2026", "actual", "2026-11-02", "USD", "EUR", "0.9385" },
  { "Actual Nov 2026", "actual", "2026-11-02", "EUR", "USD", "1.0655" },
  { "Actual Nov 2026", "actual", "2026-11-02", "USD", "GBP", "0.7812" },
  { "Actual Nov 2026", "actual", "2026-11-02", "USD", "BDT", "121.45" },
  { "Strong dollar", "simulation", "2026-11-02", "USD", "EUR", "0.98" },
  { "Strong dollar", "simulation", "2026-11-02", "EUR", "USD", "1.0204" },
  { "Strong dollar", "simulation", "2026-11-02", "USD", "BDT", "126" },
  { "Strong dollar", "simulation", "2026-11-02", "USD", "GBP", "0.83" },
};
const guint slv_demo_n_fx = G_N_ELEMENTS (slv_demo_fx);

/* VAT 20 % for the EU is DOMAIN example A's assumption (member states run
 * 17–27 %); the UK's is 20 %. */
const SlvDemoDestination slv_demo_destinations[] = {
  { "EU", "European Union", "EUR", "cif", "20" },
  { "US", "United States", "USD", "fob", "0" },
  { "UK", "United Kingdom", "GBP", "cif", "20" },
};
const guint slv_demo_n_destinations = G_N_ELEMENTS (slv_demo_destinations);

/* Duty by HS prefix; the longest prefix wins. */
const SlvDemoDuty slv_demo_duties[] = {
  { "EU", "6109.10", "12", V26, NULL, "custom-tariffs: 6109.10 cotton knit T-shirts, EU 12 %" },
  { "EU", "61", "12", V26, NULL, "EU MFN rate for knitted apparel, chapter 61 [assumption]" },
  { "EU", "62", "12", V26, NULL, "EU MFN rate for woven apparel, chapter 62 [assumption]" },
  { "US", "6109.10", "16.5", V26, NULL, "custom-tariffs: 6109.10 cotton knit T-shirts, US 16.5 %" },
  { "US", "6105.10", "19.7", V26, NULL, "HTSUS 6105.10.00 men's or boys' cotton knit shirts, 19.7 %" },
  { "US", "6110.20", "16.5", V26, NULL, "HTSUS 6110.20.20 cotton sweaters, other, 16.5 %" },
  { "US", "6203.42", "16.6", V26, NULL, "HTSUS 6203.42 men's cotton trousers [assumption]" },
  { "UK", "6109.10", "12", V26, NULL, "custom-tariffs: 6109.10 cotton knit T-shirts, UK 12 %" },
  { "UK", "61", "12", V26, NULL, "UK global tariff, knitted apparel [assumption]" },
  { "UK", "62", "12", V26, NULL, "UK global tariff, woven apparel [assumption]" },
};
const guint slv_demo_n_duties = G_N_ELEMENTS (slv_demo_duties);
