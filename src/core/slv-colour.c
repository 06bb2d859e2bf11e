/* slv-colour.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-colour"

#include "config.h"

#include <math.h>
#include <string.h>

#include "slv-colour.h"

/* D65 reference white, 2° observer */
#define XN 0.95047
#define YN 1.00000
#define ZN 1.08883

#define DEG(r) ((r) * 180.0 / G_PI)
#define RAD(d) ((d) * G_PI / 180.0)

double
slv_srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
slv_linear_to_srgb (double c)
{
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

const float *
slv_srgb8_linear_table (void)
{
  static float table[256];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (int i = 0; i < 256; i++)
        table[i] = (float) slv_srgb_to_linear (i / 255.0);
      g_once_init_leave (&done, 1);
    }
  return table;
}

static double
lab_f (double t)
{
  const double d = 6.0 / 29.0;

  return t > d * d * d ? cbrt (t) : t / (3 * d * d) + 4.0 / 29.0;
}

static double
lab_f_inv (double t)
{
  const double d = 6.0 / 29.0;

  return t > d ? t * t * t : 3 * d * d * (t - 4.0 / 29.0);
}

void
slv_linear_rgb_to_lab (double  r,
                       double  g,
                       double  b,
                       SlvLab *out)
{
  double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  double fx = lab_f (x / XN), fy = lab_f (y / YN), fz = lab_f (z / ZN);

  out->L = 116 * fy - 16;
  out->a = 500 * (fx - fy);
  out->b = 200 * (fy - fz);
}

void
slv_rgb_to_lab (guint32  rgb,
                SlvLab  *out)
{
  const float *lin = slv_srgb8_linear_table ();

  slv_linear_rgb_to_lab (lin[SLV_RGB_R (rgb)], lin[SLV_RGB_G (rgb)], lin[SLV_RGB_B (rgb)], out);
}

static guint8
to_byte (double linear,
         gboolean *clipped)
{
  double c = slv_linear_to_srgb (CLAMP (linear, 0, 1));

  if (linear < -1e-4 || linear > 1 + 1e-4)
    *clipped = TRUE;
  return (guint8) lround (CLAMP (c, 0, 1) * 255);
}

gboolean
slv_lab_to_rgb (const SlvLab *lab,
                guint32      *out)
{
  double fy = (lab->L + 16) / 116;
  double fx = fy + lab->a / 500;
  double fz = fy - lab->b / 200;
  double x = XN * lab_f_inv (fx), y = YN * lab_f_inv (fy), z = ZN * lab_f_inv (fz);
  double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
  double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  gboolean clipped = FALSE;
  guint8 r8 = to_byte (r, &clipped), g8 = to_byte (g, &clipped), b8 = to_byte (b, &clipped);

  *out = SLV_RGB (r8, g8, b8);
  return !clipped;
}

double
slv_delta_e76 (const SlvLab *x,
               const SlvLab *y)
{
  double dl = x->L - y->L, da = x->a - y->a, db = x->b - y->b;

  return sqrt (dl * dl + da * da + db * db);
}

double
slv_lab_chroma (const SlvLab *lab)
{
  return hypot (lab->a, lab->b);
}

static double
hue_of (double a,
        double b)
{
  double h;

  if (a == 0 && b == 0)
    return 0;
  h = DEG (atan2 (b, a));
  return h < 0 ? h + 360 : h;
}

double
slv_lab_hue (const SlvLab *lab)
{
  return hue_of (lab->a, lab->b);
}

static double
pow7 (double v)
{
  double v2 = v * v;

  return v2 * v2 * v2 * v;
}

/* CIEDE2000 (Sharma, Wu and Dalal's statement of it), kL = kC = kH = 1. */
double
slv_delta_e2000 (const SlvLab *x,
                 const SlvLab *y)
{
  double cbar = (hypot (x->a, x->b) + hypot (y->a, y->b)) / 2;
  double g = 0.5 * (1 - sqrt (pow7 (cbar) / (pow7 (cbar) + pow7 (25))));
  double a1 = (1 + g) * x->a, a2 = (1 + g) * y->a;
  double c1 = hypot (a1, x->b), c2 = hypot (a2, y->b);
  double h1 = hue_of (a1, x->b), h2 = hue_of (a2, y->b);
  double dl = y->L - x->L, dc = c2 - c1, dh = 0, hbar = h1 + h2;
  double lbar = (x->L + y->L) / 2, cbarp = (c1 + c2) / 2;
  double t, dtheta, rc, sl, sc, sh, rt, dhh;

  if (c1 * c2 != 0)
    {
      dh = h2 - h1;
      if (dh > 180)
        dh -= 360;
      else if (dh < -180)
        dh += 360;
      if (fabs (h1 - h2) <= 180)
        hbar = (h1 + h2) / 2;
      else
        hbar = (h1 + h2 < 360) ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
  dhh = 2 * sqrt (c1 * c2) * sin (RAD (dh) / 2);
  t = 1 - 0.17 * cos (RAD (hbar - 30)) + 0.24 * cos (RAD (2 * hbar)) +
      0.32 * cos (RAD (3 * hbar + 6)) - 0.20 * cos (RAD (4 * hbar - 63));
  dtheta = 30 * exp (-((hbar - 275) / 25) * ((hbar - 275) / 25));
  rc = 2 * sqrt (pow7 (cbarp) / (pow7 (cbarp) + pow7 (25)));
  sl = 1 + 0.015 * (lbar - 50) * (lbar - 50) / sqrt (20 + (lbar - 50) * (lbar - 50));
  sc = 1 + 0.045 * cbarp;
  sh = 1 + 0.015 * cbarp * t;
  rt = -sin (RAD (2 * dtheta)) * rc;
  return sqrt ((dl / sl) * (dl / sl) + (dc / sc) * (dc / sc) + (dhh / sh) * (dhh / sh) +
               rt * (dc / sc) * (dhh / sh));
}

char *
slv_colour_format_hex (guint32 rgb)
{
  return g_strdup_printf ("#%02x%02x%02x", SLV_RGB_R (rgb), SLV_RGB_G (rgb), SLV_RGB_B (rgb));
}

char *
slv_colour_format_rgb (guint32 rgb)
{
  return g_strdup_printf ("%u, %u, %u", SLV_RGB_R (rgb), SLV_RGB_G (rgb), SLV_RGB_B (rgb));
}

static void
append_number (GString *s,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double r = round (v * 10) / 10;

  if (r == 0)
    r = 0;   /* no "−0.0" */
  if (r < 0)
    g_string_append (s, "−");
  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.1f", fabs (r)));
}

char *
slv_colour_format_lab (const SlvLab *lab)
{
  GString *s = g_string_new ("L ");

  append_number (s, lab->L);
  g_string_append (s, "  a ");
  append_number (s, lab->a);
  g_string_append (s, "  b ");
  append_number (s, lab->b);
  return g_string_free (s, FALSE);
}

gboolean
slv_colour_parse_hex (const char *text,
                      guint32    *out)
{
  g_autofree char *s = NULL;
  const char *p;
  gsize n;
  guint32 v = 0;

  if (text == NULL)
    return FALSE;
  s = g_strstrip (g_strdup (text));
  p = s[0] == '#' ? s + 1 : s;
  n = strlen (p);
  if (n != 3 && n != 6)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return FALSE;
      v = n == 3 ? (v << 8) | (guint32) (d * 17) : (v << 4) | (guint32) d;
    }
  *out = v;
  return TRUE;
}

typedef struct
{
  SlvLab lab[256];
  guint  n;
} NameLabs;

static const NameLabs *
name_labs (void)
{
  static NameLabs labs;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      const SlvNamedColour *names = slv_colour_get_names (&labs.n);

      g_assert (labs.n <= G_N_ELEMENTS (labs.lab));
      for (guint i = 0; i < labs.n; i++)
        slv_rgb_to_lab (names[i].rgb, &labs.lab[i]);
      g_once_init_leave (&done, 1);
    }
  return &labs;
}

const char *
slv_colour_nearest_name (guint32  rgb,
                         double  *delta_e)
{
  const NameLabs *labs = name_labs ();
  const SlvNamedColour *names = slv_colour_get_names (NULL);
  double best = G_MAXDOUBLE;
  guint best_i = 0;
  SlvLab lab;

  slv_rgb_to_lab (rgb, &lab);
  for (guint i = 0; i < labs->n; i++)
    {
      double d = slv_delta_e2000 (&lab, &labs->lab[i]);

      if (d < best)
        {
          best = d;
          best_i = i;
        }
    }
  if (delta_e != NULL)
    *delta_e = best;
  return names[best_i].name;
}
