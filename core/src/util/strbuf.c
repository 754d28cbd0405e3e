#include "util/strbuf.h"

#include <float.h>
#include <unistd.h>

#include "util/proc.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("wrrfig: out of memory\n", stderr);
        _exit(WF_EXIT_OOM);
    }
    return p;
}

void *xcalloc(size_t n, size_t m)
{
    void *p = calloc(n ? n : 1, m ? m : 1);
    if (!p) {
        fputs("wrrfig: out of memory\n", stderr);
        _exit(WF_EXIT_OOM);
    }
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("wrrfig: out of memory\n", stderr);
        _exit(WF_EXIT_OOM);
    }
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

char *xstrdup_trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return xstrndup(s, n);
}

static void grow(strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_add(strbuf *b, const char *s, size_t n)
{
    grow(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_puts(strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }
void sb_putc(strbuf *b, char c) { sb_add(b, &c, 1); }

void sb_vprintf(strbuf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        return;
    grow(b, (size_t)n);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(b, fmt, ap);
    va_end(ap);
}

void sb_double(strbuf *b, double v)
{
    if (isnan(v)) {
        sb_puts(b, "NaN");
        return;
    }
    if (isinf(v)) {
        sb_puts(b, v > 0 ? "Inf" : "-Inf");
        return;
    }
    /* %.*g with growing precision gives the shortest round-trip form; the
     * process never calls setlocale, so the decimal mark is '.'. */
    char tmp[40];
    if (v == floor(v) && fabs(v) < 1e15) {
        /* Whole numbers (counts of people) read better without an exponent. */
        snprintf(tmp, sizeof tmp, "%.0f", v);
        sb_puts(b, strcmp(tmp, "-0") == 0 ? "0" : tmp);
        return;
    }
    /* 15 significant digits round-trip for most values and %g drops the
     * trailing zeros, so this is already the shortest form when it reads
     * back (a double with a shorter exact form rounds to it at 15 digits);
     * 16 and then 17 digits cover the rest (17 always round-trips). */
    for (int prec = fabs(v) < DBL_MIN ? 1 : 15; prec <= 17; prec++) { /* subnormals: no shortcut */
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    if (strcmp(tmp, "-0") == 0)
        strcpy(tmp, "0");
    sb_puts(b, tmp);
}

/* sb_number's answer in one printf instead of up to 17, when that is
 * provable: if %.15g shows k <= 13 significant digits, the number D it
 * shows is within 5e-15 (relative) of v, and every shorter decimal is at
 * least 10^-k - 5e-15 (>= 9.5e-14) away, so the loop below would fail for
 * every precision under k and, at k, print D again (the nearest k-digit
 * decimal to v), in the same style as long as the text has a '.' or an
 * exponent. Whether D passes the 4e-15 test is computed exactly as the loop
 * does; when it does not, or any premise fails, the loop decides. */
static bool number_short_form(char *tmp, size_t n, double v)
{
    snprintf(tmp, n, "%.15g", v);
    int k = 0;
    bool started = false, point = false;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++) {
        if (*p == '.') {
            point = true;
        } else if (*p >= '0' && *p <= '9') {
            if (*p != '0')
                started = true;
            if (started)
                k++;
        }
    }
    if (!point && *p != 'e')
        return false;
    return k <= 13 && fabs(strtod(tmp, NULL) - v) <= 4e-15 * fabs(v);
}

void sb_number(strbuf *b, double v)
{
    if (isnan(v) || isinf(v) || v == floor(v) || fabs(v) < DBL_MIN) {
        sb_double(b, v);
        return;
    }
    /* The shortest decimal within 4e-15 of v (relative; about 36 ULPs).
     * Any two decimals of up to 14 significant digits are further apart
     * than that, so a value read from data prints as it was written, while
     * the noise of arithmetic on it goes: 33.1 + 8.8 = 41.900000000000006
     * prints as 41.9, 1 - 0.9414 as 0.0586. 17 digits always round-trip,
     * so the loop ends. */
    char tmp[40];
    if (number_short_form(tmp, sizeof tmp, v)) {
        sb_puts(b, tmp);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (fabs(strtod(tmp, NULL) - v) <= 4e-15 * fabs(v))
            break;
    }
    sb_puts(b, tmp);
}

void sb_json_str(strbuf *b, const char *s)
{
    sb_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': sb_puts(b, "\\\""); break;
        case '\\': sb_puts(b, "\\\\"); break;
        case '\n': sb_puts(b, "\\n"); break;
        case '\r': sb_puts(b, "\\r"); break;
        case '\t': sb_puts(b, "\\t"); break;
        default:
            if (*p < 0x20)
                sb_printf(b, "\\u%04x", *p);
            else
                sb_putc(b, (char)*p);
        }
    }
    sb_putc(b, '"');
}

const char *sb_cstr(strbuf *b) { return b->s ? b->s : ""; }

char *sb_take(strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void sb_free(strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}
