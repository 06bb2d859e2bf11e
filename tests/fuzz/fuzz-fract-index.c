/* fuzz-fract-index.c: keys made between any two strings sort between them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "core/slv-fract-index.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* abort(), not g_error(): libFuzzer saves the input on SIGABRT. */
#define fail(...) G_STMT_START { fprintf (stderr, __VA_ARGS__); fputc ('\n', stderr); abort (); } G_STMT_END

static void
check_between (const char *a,
               const char *b)
{
  g_autofree char *k = slv_fract_index_between (a, b);
  g_auto(GStrv) many = NULL;

  if (k == NULL)
    return;
  if ((a != NULL && strcmp (a, k) >= 0) || (b != NULL && strcmp (k, b) >= 0))
    fail ("“%s” is not between “%s” and “%s”", k, a ? a : "(start)", b ? b : "(end)");
  if ((a == NULL || slv_fract_index_is_valid (a)) && (b == NULL || slv_fract_index_is_valid (b)) &&
      !slv_fract_index_is_valid (k))
    fail ("“%s” made from valid keys is not valid", k);
  many = slv_fract_index_n_between (a, b, 5);
  for (guint i = 0; many != NULL && many[i] != NULL; i++)
    if ((i > 0 && strcmp (many[i - 1], many[i]) >= 0) ||
        (a != NULL && strcmp (a, many[i]) >= 0) || (b != NULL && strcmp (many[i], b) >= 0))
      fail ("n_between broke the order at %u", i);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *nl = strchr (text, '\n');
  const char *a = text, *b = NULL;

  if (nl != NULL)
    {
      *nl = '\0';
      b = nl + 1;
    }
  check_between (a, b);
  check_between (NULL, a);
  check_between (a, NULL);
  if (b != NULL)
    check_between (b, a);
  return 0;
}
