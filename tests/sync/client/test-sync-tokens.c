/* test-sync-tokens.c: where a sign-in's refresh token is kept — a file
 * only the user can read, or the Secret Service; with no Secret Service
 * running, a message that says what to do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "slv-test-util.h"
#include "sync/client/slv-sync-tokens.h"

static void
test_file (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-tokens");
  g_autofree char *path = g_build_filename (dir, "sub", "tokens", NULL);
  g_autoptr(SlvTokenStore) store = slv_token_store_new_file (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *gone = NULL;
  GStatBuf st;

  g_assert_true (slv_token_store_save (store, "https://sync.example.org", "/w/A.selvedge", "token-a", &error));
  g_assert_no_error (error);
  g_assert_true (slv_token_store_save (store, "https://sync.example.org", "/w/B.selvedge", "token-b", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  a = slv_token_store_load (store, "https://sync.example.org", "/w/A.selvedge", &error);
  b = slv_token_store_load (store, "https://sync.example.org", "/w/B.selvedge", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "token-a");
  g_assert_cmpstr (b, ==, "token-b");
  g_assert_true (slv_token_store_clear (store, "https://sync.example.org", "/w/A.selvedge", &error));
  gone = slv_token_store_load (store, "https://sync.example.org", "/w/A.selvedge", &error);
  g_assert_no_error (error);
  g_assert_null (gone);
  g_clear_pointer (&b, g_free);
  b = slv_token_store_load (store, "https://sync.example.org", "/w/B.selvedge", &error);
  g_assert_cmpstr (b, ==, "token-b");
  slv_test_rm_rf (dir);
}

/* A private session bus that can start nothing: no Secret Service. */
static GSubprocess *
bare_bus (const char *dir,
          char      **address)
{
  g_autofree char *config = g_build_filename (dir, "bus.conf", NULL);
  g_autofree char *text = g_strdup_printf (
    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
    "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
    "<busconfig><type>session</type><listen>unix:dir=%s</listen>"
    "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
    "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  GSubprocess *bus;

  g_assert_true (g_file_set_contents (config, text, -1, NULL));
  bus = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "dbus-daemon", "--config-file", config,
                          "--print-address", "--nofork", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus));
  *address = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*address);
  return bus;
}

static void
test_no_keyring (void)
{
  g_autofree char *dir = slv_test_make_tmpdir ("slv-bus");
  g_autofree char *address = NULL;
  g_autoptr(GSubprocess) bus = bare_bus (dir, &address);
  g_autoptr(SlvTokenStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_unsetenv ("SELVEDGE_TOKEN_FILE");
  store = slv_token_store_new_default ();
  g_assert_cmpstr (slv_token_store_describe (store), ==, "the keyring");
  g_assert_false (slv_token_store_save (store, "https://sync.example.org", "/w/A.selvedge", "t", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "No keyring is available"));
  g_assert_nonnull (strstr (error->message, "SELVEDGE_TOKEN_FILE"));
  g_subprocess_force_exit (bus);
  slv_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/sync/tokens/file", test_file);
  if (dbus_daemon != NULL)
    g_test_add_func ("/sync/tokens/no-keyring", test_no_keyring);
  return g_test_run ();
}
