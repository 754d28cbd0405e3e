#define _POSIX_C_SOURCE 200809L
#include "fetch/http.h"

#include <curl/curl.h>
#include <string.h>
#include <time.h>

typedef struct sink {
    strbuf *body;
    size_t max;
    int over;
} sink;

static size_t on_data(char *p, size_t size, size_t n, void *ud)
{
    sink *s = ud;
    size_t len = size * n;
    if (s->body->len + len > s->max) {
        s->over = 1;
        return 0; /* makes curl stop with CURLE_WRITE_ERROR */
    }
    sb_add(s->body, p, len);
    return len;
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int http_get(const http_opts *o, const char *url, strbuf *body, int *attempts, wf_error *err)
{
    CURL *c = curl_easy_init();
    if (!c)
        return wf_errorf(err, "%s: cannot start libcurl", url);
    char ebuf[CURL_ERROR_SIZE];
    long wait = o->backoff_ms;
    int rc = -1, tries = 0;
    for (int attempt = 0; attempt <= o->retries; attempt++) {
        body->len = 0;
        if (body->s)
            body->s[0] = '\0';
        sink s = {body, o->max_bytes, 0};
        ebuf[0] = '\0';
        curl_easy_reset(c);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
        curl_easy_setopt(c, CURLOPT_TIMEOUT, o->timeout_s);
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->timeout_s < 30 ? o->timeout_s : 30L);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->stall_s);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_USERAGENT, "wrrfig (https://github.com/; CBS open data)");
        curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
        tries++;
        CURLcode cc = curl_easy_perform(c);
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        if (cc != CURLE_OK) {
            if (s.over)
                wf_errorf(err, "%s: the response exceeds the size limit of %zu bytes", url, o->max_bytes);
            else
                wf_errorf(err, "%s: %s (curl error %d%s%s)", url, curl_easy_strerror(cc), (int)cc, ebuf[0] ? ": " : "",
                          ebuf);
            break; /* a time-out, a refused connection or a cut body: not retried */
        }
        if (status >= 200 && status < 300) {
            rc = 0;
            break;
        }
        wf_errorf(err, "%s: HTTP status %ld", url, status);
        if (!(status == 429 || status >= 500))
            break;
        if (attempt < o->retries) {
            sleep_ms(wait);
            wait *= 2;
        }
    }
    if (rc != 0 && tries > 1) {
        size_t n = strlen(err->msg);
        snprintf(err->msg + n, sizeof err->msg - n, " (%d attempts)", tries);
    }
    curl_easy_cleanup(c);
    if (attempts)
        *attempts = tries;
    return rc;
}
