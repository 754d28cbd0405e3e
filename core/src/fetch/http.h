/* HTTP GET over libcurl with the limits a download from CBS needs: a
 * connect and an overall time-out, a stall time-out (no bytes for
 * stall_s seconds), a size limit, and retries with exponential backoff on
 * 429 and 5xx. Errors name the URL and the HTTP status or curl's error. */
#ifndef WF_FETCH_HTTP_H
#define WF_FETCH_HTTP_H

#include <stddef.h>

#include "util/strbuf.h"
#include "util/wf_error.h"

typedef struct http_opts {
    long timeout_s;         /* whole request (default 300) */
    long stall_s;           /* abort when no byte arrives for this long (default 30) */
    int retries;            /* extra attempts after a 429/5xx (default 4) */
    long backoff_ms;        /* first wait; doubles each retry (default 1000) */
    size_t max_bytes;       /* response size limit (default 512 MiB) */
} http_opts;

#define HTTP_OPTS_DEFAULT {300, 30, 4, 1000, (size_t)512 << 20}

/* GETs url into body (reset first). *attempts (may be NULL) gets the number
 * of requests made. 0 on a 2xx response; -1 with err otherwise. */
int http_get(const http_opts *o, const char *url, strbuf *body, int *attempts, wf_error *err);

#endif
