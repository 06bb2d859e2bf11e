/* slv-fract-index.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-fract-index"

#include "config.h"

#include <string.h>

#include "slv-fract-index.h"

#define BASE 62

static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static int
digit_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 36;
  return -1;
}

/* Length of the integer part (head included) announced by @head, or 0. */
static gsize
integer_length (char head)
{
  if (head >= 'a' && head <= 'z')
    return head - 'a' + 2;
  if (head >= 'A' && head <= 'Z')
    return 'Z' - head + 2;
  return 0;
}

/* The integer part of @key, or NULL if @key does not start with one. */
static char *
integer_part (const char *key)
{
  gsize n = integer_length (key[0]);

  if (n == 0 || strlen (key) < n)
    return NULL;
  for (gsize i = 1; i < n; i++)
    if (digit_value (key[i]) < 0)
      return NULL;
  return g_strndup (key, n);
}

static gboolean
all_digits (const char *s)
{
  for (; *s; s++)
    if (digit_value (*s) < 0)
      return FALSE;
  return TRUE;
}

gboolean
slv_fract_index_is_valid (const char *key)
{
  g_autofree char *integer = NULL;
  const char *frac;

  if (key == NULL || (integer = integer_part (key)) == NULL)
    return FALSE;
  frac = key + strlen (integer);
  if (!all_digits (frac))
    return FALSE;
  if (*frac == '\0')
    /* The smallest integer has no key below it; it is kept free. */
    return !(key[0] == 'A' && strspn (key + 1, "0") == strlen (key + 1));
  return frac[strlen (frac) - 1] != '0';
}

/* A head followed by @n copies of @fill. */
static char *
make_integer (char head,
              char fill)
{
  gsize n = integer_length (head) - 1;
  char *s = g_malloc (n + 2);

  s[0] = head;
  memset (s + 1, fill, n);
  s[n + 1] = '\0';
  return s;
}

/* The next integer, or NULL past the largest. */
static char *
increment (const char *integer)
{
  g_autofree char *s = g_strdup (integer);
  gsize n = strlen (s);

  for (gsize i = n - 1; i >= 1; i--)
    {
      int d = digit_value (s[i]);

      if (d < BASE - 1)
        {
          s[i] = digits[d + 1];
          return g_steal_pointer (&s);
        }
      s[i] = '0';
    }
  /* Carried out of every digit: the smallest integer of the next head. */
  if (s[0] == 'z')
    return NULL;
  if (s[0] == 'Z')
    return g_strdup ("a0");
  return make_integer (s[0] + 1, '0');
}

/* The previous integer, or NULL below the smallest. */
static char *
decrement (const char *integer)
{
  g_autofree char *s = g_strdup (integer);
  gsize n = strlen (s);

  for (gsize i = n - 1; i >= 1; i--)
    {
      int d = digit_value (s[i]);

      if (d > 0)
        {
          s[i] = digits[d - 1];
          return g_steal_pointer (&s);
        }
      s[i] = digits[BASE - 1];
    }
  if (s[0] == 'A')
    return NULL;
  if (s[0] == 'a')
    return g_strdup ("Zz");
  return make_integer (s[0] - 1, digits[BASE - 1]);
}

/* Fraction digits strictly between @a and @b (NULL: one), appended to @out.
 * FALSE when there is no room. */
static gboolean
midpoint (const char *a,
          const char *b,
          GString    *out)
{
  gsize na = strlen (a);
  int da, db;

  if (b != NULL)
    {
      gsize nb = strlen (b), n = 0;

      while (n < nb && (n < na ? a[n] : '0') == b[n])
        n++;
      if (n == nb)
        return FALSE;   /* b is not above a */
      if (n > 0)
        {
          g_string_append_len (out, b, n);
          return midpoint (n < na ? a + n : "", b + n, out);
        }
    }
  da = na ? digit_value (a[0]) : 0;
  db = b != NULL ? digit_value (b[0]) : BASE;
  if (da < 0 || db < 0 || db <= da)
    return FALSE;
  if (db - da > 1)
    {
      g_string_append_c (out, digits[(da + db + 1) / 2]);
      return TRUE;
    }
  if (b != NULL && strlen (b) > 1)
    {
      g_string_append_c (out, b[0]);
      return TRUE;
    }
  g_string_append_c (out, digits[da]);
  return midpoint (na ? a + 1 : "", NULL, out);
}

static char *
with_fraction (const char *integer,
               const char *a,
               const char *b)
{
  g_autoptr(GString) out = g_string_new (integer);

  if (!midpoint (a, b, out))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
key_below (const char *after)
{
  g_autofree char *ib = integer_part (after);
  const char *fb;
  gboolean smallest;

  if (ib == NULL)
    return NULL;
  fb = after + strlen (ib);
  smallest = ib[0] == 'A' && strspn (ib + 1, "0") == strlen (ib + 1);
  if (*fb != '\0')
    /* The integer alone sorts below; the smallest one is kept free, so
     * there, a smaller fraction. */
    return smallest ? with_fraction (ib, "", fb) : g_steal_pointer (&ib);
  if (smallest)
    return NULL;
  {
    g_autofree char *below = decrement (ib);

    /* The smallest integer stays free (nothing could go below it): use
     * a fraction on it instead. */
    if (below[0] == 'A' && strspn (below + 1, "0") == strlen (below + 1))
      return with_fraction (below, "", NULL);
    return g_steal_pointer (&below);
  }
}

static char *
key_above (const char *before)
{
  g_autofree char *ia = integer_part (before);
  char *next;

  if (ia == NULL)
    return NULL;
  next = increment (ia);
  if (next != NULL)
    return next;
  return with_fraction (ia, before + strlen (ia), NULL);
}

static char *
key_inside (const char *before,
            const char *after)
{
  g_autofree char *ia = integer_part (before);
  g_autofree char *ib = integer_part (after);
  g_autofree char *next = NULL;

  if (ia == NULL || ib == NULL)
    return NULL;
  if (g_str_equal (ia, ib))
    return with_fraction (ia, before + strlen (ia), after + strlen (ib));
  next = increment (ia);
  if (next != NULL && strcmp (next, after) < 0)
    return g_steal_pointer (&next);
  return with_fraction (ia, before + strlen (ia), NULL);
}

char *
slv_fract_index_between (const char *before,
                         const char *after)
{
  g_autofree char *key = NULL;

  if (before != NULL && after != NULL && strcmp (before, after) >= 0)
    return NULL;
  if (before == NULL && after == NULL)
    return g_strdup ("a0");
  if (before == NULL)
    key = key_below (after);
  else if (after == NULL)
    key = key_above (before);
  else
    key = key_inside (before, after);

  /* Keys from elsewhere may be in no known format: never return one that
   * does not sort strictly between. */
  if (key == NULL ||
      (before != NULL && strcmp (before, key) >= 0) ||
      (after != NULL && strcmp (key, after) >= 0))
    return NULL;
  return g_steal_pointer (&key);
}

static gboolean
fill_between (const char *before,
              const char *after,
              char      **out,
              guint       n)
{
  guint mid = n / 2;

  if (n == 0)
    return TRUE;
  out[mid] = slv_fract_index_between (before, after);
  if (out[mid] == NULL)
    return FALSE;
  return fill_between (before, out[mid], out, mid) &&
         fill_between (out[mid], after, out + mid + 1, n - mid - 1);
}

static void
free_keys (char  **keys,
           guint   n)
{
  for (guint i = 0; i < n; i++)
    g_free (keys[i]);
  g_free (keys);
}

GStrv
slv_fract_index_n_between (const char *before,
                           const char *after,
                           guint       n)
{
  char **keys = g_new0 (char *, n + 1);
  gboolean ok = TRUE;

  if (after == NULL)
    {
      /* Appending: count upwards, which keeps keys short. */
      for (guint i = 0; ok && i < n; i++)
        ok = (keys[i] = slv_fract_index_between (i ? keys[i - 1] : before, NULL)) != NULL;
    }
  else if (before == NULL)
    {
      for (guint i = n; ok && i > 0; i--)
        ok = (keys[i - 1] = slv_fract_index_between (NULL, i < n ? keys[i] : after)) != NULL;
    }
  else
    ok = fill_between (before, after, keys, n);
  if (!ok)
    {
      free_keys (keys, n);
      return NULL;
    }
  return keys;
}
