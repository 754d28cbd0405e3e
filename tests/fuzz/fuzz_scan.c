/* The report-text number scanner (claims/scan.c): every numeral and Dutch
 * number word, with its hedge and rounding unit, behind the "every number
 * accounted for" check and the tolerance policy. The input is report text.
 *
 * Invariants: numbers come in text order, inside [from, to) of the call,
 * with a line that scan_line_of gives for their offset, a NUL-terminated
 * text and hedge, a finite value and a positive finite rounding unit, also
 * when the scan covers only part of the text (the registry scans a claim's
 * lines); a number word is a finite number >= 0, or -1. */
#include "fuzz.h"

#include <math.h>

#include "claims/scan.h"

typedef struct scan_check {
    const scan_text *t;
    size_t from, to, last_off, n;
} scan_check;

static void scan_seen(void *user, const scan_number *n)
{
    scan_check *c = user;
    if (n->off < c->from || n->len == 0 || n->off + n->len > c->to || (c->n && n->off < c->last_off))
        abort();
    if (n->line != scan_line_of(c->t, n->off) || n->line < 1 || n->line > c->t->n_lines + 1)
        abort();
    if (!memchr(n->text, '\0', sizeof n->text) || !memchr(n->hedge, '\0', sizeof n->hedge))
        abort();
    if (!isfinite(n->value) || !isfinite(n->unit) || n->unit <= 0)
        abort();
    if ((unsigned)n->form > SCAN_MULTIPLE)
        abort();
    c->last_off = n->off;
    c->n++;
}

static int fuzz_scan(const uint8_t *data, size_t size)
{
    scan_text t;
    scan_flatten((const char *)data, size, &t);
    if (t.len != size || t.s[size] != '\0')
        abort();
    scan_check all = {&t, 0, size, 0, 0};
    size_t n = scan_numbers(&t, 0, size, scan_seen, &all);
    if (n != all.n)
        abort();
    /* the same text scanned in two halves */
    size_t cut = size / 2;
    scan_check a = {&t, 0, cut, 0, 0}, b = {&t, cut, size, 0, 0};
    scan_numbers(&t, 0, cut, scan_seen, &a);
    scan_numbers(&t, cut, size, scan_seen, &b);
    /* every word the scanner may meet, alone */
    for (size_t i = 0; i < size && i < 4096;) {
        size_t j = i;
        while (j < size && j - i < 64 && data[j] != ' ' && data[j] != '\n')
            j++;
        double v = scan_number_word((const char *)data + i, j - i);
        if (!(v == -1 || (isfinite(v) && v >= 0)))
            abort();
        i = j + 1;
    }
    scan_text_free(&t);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_scan)
