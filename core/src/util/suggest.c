#include "util/suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

static int fold(int c)
{
    c = tolower((unsigned char)c);
    return (c == '.' || c == '_') ? '-' : c; /* separators count as the same */
}

size_t wf_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    /* Three rows: the one before the previous is needed for swaps. */
    size_t *r0 = xcalloc(lb + 1, sizeof *r0), *r1 = xcalloc(lb + 1, sizeof *r1), *r2 = xcalloc(lb + 1, sizeof *r2);
    for (size_t j = 0; j <= lb; j++)
        r1[j] = j;
    for (size_t i = 1; i <= la; i++) {
        r2[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
            size_t v = r1[j - 1] + cost;
            if (r1[j] + 1 < v)
                v = r1[j] + 1;
            if (r2[j - 1] + 1 < v)
                v = r2[j - 1] + 1;
            if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]) &&
                r0[j - 2] + 1 < v)
                v = r0[j - 2] + 1;
            r2[j] = v;
        }
        size_t *t = r0;
        r0 = r1;
        r1 = r2;
        r2 = t;
    }
    size_t d = r1[lb];
    free(r0);
    free(r1);
    free(r2);
    return d;
}

size_t wf_suggest(const char *word, const char *const *cands, size_t n_cands, const char **out, size_t max_out)
{
    size_t len = strlen(word), limit = len < 6 ? 1 : len / 3 + 1;
    if (limit > 3)
        limit = 3;
    size_t best = (size_t)-1, n = 0;
    for (size_t i = 0; i < n_cands; i++) {
        size_t d = wf_edit_distance(word, cands[i]);
        if (d > limit || d > best)
            continue;
        if (d < best) {
            best = d;
            n = 0;
        }
        if (n < max_out)
            out[n++] = cands[i];
    }
    return n;
}

void wf_suggest_text(const char *word, const char *const *cands, size_t n_cands, char *buf, size_t n)
{
    const char *s[3];
    size_t k = wf_suggest(word, cands, n_cands, s, 3);
    if (n == 0)
        return;
    buf[0] = '\0';
    if (k == 1)
        snprintf(buf, n, "; did you mean '%s'?", s[0]);
    else if (k == 2)
        snprintf(buf, n, "; did you mean '%s' or '%s'?", s[0], s[1]);
    else if (k == 3)
        snprintf(buf, n, "; did you mean '%s', '%s' or '%s'?", s[0], s[1], s[2]);
}
