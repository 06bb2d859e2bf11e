/* slv-test-util.h: helpers shared by the test programs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The corpus folder ($SELVEDGE_CORPUS, else ../shared/corpus beside the
 * source root) joined with @relative, or NULL after g_test_skip() with a
 * message naming what is missing. Callers return at once on NULL. */
char *slv_test_corpus_path   (const char *relative) G_GNUC_WARN_UNUSED_RESULT;
/* A fresh, empty temporary folder, removed by slv_test_rm_rf(). */
char *slv_test_make_tmpdir   (const char *prefix) G_GNUC_WARN_UNUSED_RESULT;
void  slv_test_rm_rf         (const char *path);
/* Path of a built program (SELVEDGE_BUILD_ROOT/relative). */
char *slv_test_build_path    (const char *relative) G_GNUC_WARN_UNUSED_RESULT;
char *slv_test_source_path   (const char *relative) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
