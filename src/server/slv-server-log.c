/* slv-server-log.c: structured logs, one JSON object per line on stderr.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "slv-server"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "slv-server-private.h"

static GMutex log_lock;

static void
emit (GString *line)
{
  g_string_append (line, "}\n");
  g_mutex_lock (&log_lock);
  fwrite (line->str, 1, line->len, stderr);
  fflush (stderr);
  g_mutex_unlock (&log_lock);
}

static GString *
begin (const char *level,
       const char *message)
{
  g_autofree char *now = slv_server_now_iso ();
  GString *line = g_string_new ("{\"ts\":");

  slv_json_append_string (line, now);
  g_string_append (line, ",\"level\":");
  slv_json_append_string (line, level);
  g_string_append (line, ",\"msg\":");
  slv_json_append_string (line, message);
  return line;
}

static void
add (GString    *line,
     const char *key,
     const char *value)
{
  g_string_append_c (line, ',');
  slv_json_append_string (line, key);
  g_string_append_c (line, ':');
  slv_json_append_string (line, value);
}

void
slv_log_event (const char *level,
               const char *message,
               ...)
{
  g_autoptr(GString) line = begin (level, message);
  va_list args;

  va_start (args, message);
  for (const char *key = va_arg (args, const char *); key != NULL; key = va_arg (args, const char *))
    add (line, key, va_arg (args, const char *));
  va_end (args);
  emit (line);
}

void
slv_log_request (SlvRequest *req)
{
  g_autoptr(GString) line = begin (req->status >= 500 ? "error" : "info", "request");
  double ms = (g_get_monotonic_time () - req->started_us) / 1000.0;

  add (line, "method", req->method);
  add (line, "path", req->path);
  g_string_append_printf (line, ",\"status\":%u,\"ms\":%.1f,\"bytes\":%" G_GSIZE_FORMAT,
                          req->status, ms, req->response ? g_bytes_get_size (req->response) : 0);
  if (req->principal != NULL)
    add (line, "user", req->principal->user_id);
  if (req->remote != NULL)
    add (line, "remote", req->remote);
  if (req->disconnected)
    g_string_append (line, ",\"disconnected\":true");
  emit (line);
}

static GLogWriterOutput
writer_cb (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const char *level = (log_level & G_LOG_LEVEL_ERROR) ? "fatal"
                    : (log_level & G_LOG_LEVEL_CRITICAL) ? "critical"
                    : (log_level & G_LOG_LEVEL_WARNING) ? "warning"
                    : (log_level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO)) ? "info" : "debug";
  g_autoptr(GString) line = NULL;
  const char *message = "", *domain = NULL;

  if (strcmp (level, "debug") == 0 &&
      g_log_writer_default_would_drop (log_level, NULL))
    return G_LOG_WRITER_HANDLED;
  for (gsize i = 0; i < n_fields; i++)
    {
      if (strcmp (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
      else if (strcmp (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
    }
  line = begin (level, message);
  if (domain != NULL)
    add (line, "domain", domain);
  emit (line);
  return G_LOG_WRITER_HANDLED;
}

void
slv_log_init (void)
{
  g_log_set_writer_func (writer_cb, NULL, NULL);
}
