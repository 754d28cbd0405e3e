#define _POSIX_C_SOURCE 200809L
#include "claims/quote.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

#define JOIN '\x01' /* a line break after a hyphen */

void quote_text_init(quote_text *t, const char *raw)
{
    size_t cap = strlen(raw) + 2;
    t->s = xcalloc(cap, 1);
    t->line = xcalloc(cap, sizeof *t->line);
    t->raw = xcalloc(cap, sizeof *t->raw);
    t->n = 0;
    long ln = 1;
    int pending = 0; /* a separator is owed before the next character */
    size_t pending_at = 0;
    for (const char *p = raw; *p; p++) {
        /* The extraction has some no-break spaces (U+00A0) between numbers and units. */
        int nbsp = (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
        if (nbsp)
            p++;
        if (nbsp || *p == '\n' || *p == ' ' || *p == '\t' || *p == '\r') {
            if (*p == '\n')
                ln++;
            if (t->n && *p == '\n') {
                pending = 2;
                pending_at = (size_t)(p - raw);
            } else if (t->n && !pending) {
                pending = 1;
                pending_at = (size_t)(p - raw);
            }
            continue;
        }
        if (pending) {
            t->s[t->n] = (pending == 2 && t->s[t->n - 1] == '-') ? JOIN : ' ';
            t->raw[t->n] = pending_at;
            t->line[t->n++] = ln;
            pending = 0;
        }
        t->s[t->n] = *p;
        t->raw[t->n] = (size_t)(p - raw);
        t->line[t->n++] = ln;
    }
    t->s[t->n] = '\0';
}

void quote_text_free(quote_text *t)
{
    free(t->s);
    free(t->line);
    free(t->raw);
    memset(t, 0, sizeof *t);
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80;
}

/* Whether q matches the text at position i; *end receives the end. */
static int match_at(const quote_text *t, size_t i, const char *q, size_t *end)
{
    size_t j = i;
    for (const char *c = q; *c; c++) {
        if (*c == ' ') {
            while (c[1] == ' ')
                c++;
            if (j < t->n && (t->s[j] == ' ' || t->s[j] == JOIN)) {
                j++;
                continue;
            }
            return 0;
        }
        if (j >= t->n || t->s[j] != *c)
            return 0;
        j++;
        if (*c == '-' && j < t->n && t->s[j] == JOIN && c[1] != ' ')
            j++; /* "Oost-|Europeanen" quoted as "Oost-Europeanen" */
        else if (is_alpha(*c) && c[1] && is_alpha(c[1]) && j + 1 < t->n && t->s[j] == '-' && t->s[j + 1] == JOIN)
            j += 2; /* "kennis-|werkers" quoted as "kenniswerkers" */
    }
    *end = j;
    return 1;
}

int quote_find(const quote_text *t, const char *q, long line, size_t *raw_start, size_t *raw_end)
{
    if (!q[0])
        return 0;
    /* Lines only grow along the text: start a little before the line. */
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t->line[mid] < line - 40)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < t->n && t->line[i] <= line; i++) {
        size_t end;
        if (t->s[i] == q[0] && match_at(t, i, q, &end) && line <= t->line[end - 1]) {
            if (raw_start)
                *raw_start = t->raw[i];
            if (raw_end)
                *raw_end = t->raw[end - 1] + 1;
            return 1;
        }
    }
    return 0;
}
