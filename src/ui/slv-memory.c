/* slv-memory.c: how the app asks the C library for memory.
 *
 * A board streams decoded pictures through memory: mip levels of 0.1 to
 * 3 MB decoded in worker threads, the renderer's copies of them, all
 * freed again as the view moves on. glibc serves blocks that size from
 * mmap() at first, but raises its threshold to the size of each such block
 * freed, after which they come from the heaps of the threads that asked,
 * and freed pictures stay in those heaps as holes the process keeps: a
 * long pan across a large board held three times the mip cache's budget.
 * A fixed threshold keeps every block of half a megabyte or more in its
 * own mapping, given back to the system when freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-memory"

#include "config.h"

#include "slv-memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#define PICTURE_MMAP_THRESHOLD (512 * 1024)

void
slv_memory_tune_for_pictures (void)
{
#ifdef __GLIBC__
  if (mallopt (M_MMAP_THRESHOLD, PICTURE_MMAP_THRESHOLD) != 1)
    g_debug ("mallopt (M_MMAP_THRESHOLD) refused: freed pictures may stay in the heap");
#endif
}
