#define _POSIX_C_SOURCE 200809L
#include "claims/scan.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

void scan_flatten(const char *raw, size_t len, scan_text *t)
{
    memset(t, 0, sizeof *t);
    t->s = xcalloc(len + 1, 1);
    size_t cap = 64;
    t->line_start = xcalloc(cap, sizeof *t->line_start);
    t->line_start[0] = 0;
    long n = 1;
    for (size_t i = 0; i < len; i++) {
        char c = raw[i];
        if (c == '\r')
            c = ' ';
        /* U+00A0 NO-BREAK SPACE as two spaces: offsets stay those of raw. */
        if ((unsigned char)c == 0xC2 && i + 1 < len && (unsigned char)raw[i + 1] == 0xA0) {
            t->s[i] = t->s[i + 1] = ' ';
            i++;
            continue;
        }
        if (c == '\n') {
            c = ' ';
            if ((size_t)n + 1 >= cap) {
                cap *= 2;
                t->line_start = xrealloc(t->line_start, cap * sizeof *t->line_start);
            }
            t->line_start[n++] = i + 1;
        }
        t->s[i] = c;
    }
    t->len = len;
    t->n_lines = len && raw[len - 1] == '\n' ? n - 1 : n;
    t->line_start[n] = len;
}

void scan_text_free(scan_text *t)
{
    free(t->s);
    free(t->line_start);
    memset(t, 0, sizeof *t);
}

long scan_line_of(const scan_text *t, size_t off)
{
    long lo = 0, hi = t->n_lines; /* line_start[lo] <= off */
    while (hi - lo > 1) {
        long mid = (lo + hi) / 2;
        if (t->line_start[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}

/* ------------------------------------------------------------ words */

/* A letter: ASCII letters and every byte of a multi-byte UTF-8 sequence
 * except the typographic quotes and dashes (U+2018/2019/201C/201D/2013/2014),
 * which end words. */
static bool is_punct_utf8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9C || u[2] == 0x9D ||
                                            u[2] == 0x93 || u[2] == 0x94);
}

static size_t letter_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return 1;
    if (c >= 0xC0) {
        if (c >= 0xE0 && is_punct_utf8(s))
            return 0;
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        for (size_t k = 1; k < n; k++)
            if (((unsigned char)s[k] & 0xC0) != 0x80)
                return 0;
        return n;
    }
    return 0;
}

/* Lowercased copy of the word at s (ASCII letters only lowered; é/ë kept). */
static size_t word_at(const char *s, size_t max, char *out, size_t outn)
{
    size_t i = 0, k = 0;
    while (i < max) {
        size_t l = letter_len(s + i);
        if (!l)
            break;
        for (size_t j = 0; j < l && k + 1 < outn; j++) {
            char c = s[i + j];
            out[k++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        i += l;
    }
    out[k] = '\0';
    return i;
}

static bool starts_word(const scan_text *t, size_t off)
{
    if (off == 0)
        return true;
    /* The byte before is not a letter (walk back to the start of a UTF-8 char). */
    size_t p = off - 1;
    while (p > 0 && ((unsigned char)t->s[p] & 0xC0) == 0x80)
        p--;
    return letter_len(t->s + p) == 0;
}

static size_t skip_spaces(const scan_text *t, size_t i, size_t to)
{
    while (i < to && t->s[i] == ' ')
        i++;
    return i;
}

/* ------------------------------------------------------------ number words */

static const char *const small[] = {"nul",      "één",      "twee",      "drie",      "vier",
                                    "vijf",     "zes",      "zeven",     "acht",      "negen",
                                    "tien",     "elf",      "twaalf",    "dertien",   "veertien",
                                    "vijftien", "zestien",  "zeventien", "achttien",  "negentien"};
static const char *const tens[] = {"twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"};

static double match_list(const char *w, size_t len, const char *const *v, size_t n, double base, double step)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(v[i]) == len && strncmp(w, v[i], len) == 0)
            return base + step * (double)i;
    return -1;
}

/* 1-9 inside compounds also as "een" ("eenentwintig", "eenhonderd"). */
static double unit_in_compound(const char *w, size_t len)
{
    if (len == 3 && strncmp(w, "een", 3) == 0)
        return 1;
    double v = match_list(w, len, small, 10, 0, 1);
    return v >= 1 ? v : -1;
}

static double below_100(const char *w, size_t len)
{
    double v = match_list(w, len, small, 20, 0, 1);
    if (v >= 0)
        return v;
    v = match_list(w, len, tens, 8, 20, 10);
    if (v >= 0)
        return v;
    /* <unit>en<tens>, <unit>ën<tens> */
    for (size_t i = 1; i + 2 < len; i++) {
        size_t sep = 0;
        if (strncmp(w + i, "en", 2) == 0)
            sep = 2;
        else if (i + 3 < len && strncmp(w + i, "\xC3\xAB" "n", 3) == 0)
            sep = 3;
        if (!sep)
            continue;
        double u = unit_in_compound(w, i), t = match_list(w + i + sep, len - i - sep, tens, 8, 20, 10);
        if (u >= 1 && t >= 0)
            return t + u;
    }
    return -1;
}

static double below_1000(const char *w, size_t len)
{
    const char *h = NULL;
    for (size_t i = 0; i + 7 <= len; i++)
        if (strncmp(w + i, "honderd", 7) == 0) {
            h = w + i;
            break;
        }
    if (!h)
        return below_100(w, len);
    size_t pre = (size_t)(h - w), post = len - pre - 7;
    double a = pre ? unit_in_compound(w, pre) : 1, b = post ? below_100(h + 7, post) : 0;
    if (post && b < 0 && strncmp(h + 7, "en", 2) == 0) /* honderdenvijf */
        b = below_100(h + 9, post - 2);
    return a >= 1 && b >= 0 ? 100 * a + b : -1;
}

double scan_number_word(const char *w, size_t len)
{
    if (len == 3 && strncmp(w, "een", 3) == 0)
        return -1;
    const char *d = NULL;
    for (size_t i = 0; i + 7 <= len; i++)
        if (strncmp(w + i, "duizend", 7) == 0) {
            d = w + i;
            break;
        }
    if (!d)
        return below_1000(w, len);
    size_t pre = (size_t)(d - w), post = len - pre - 7;
    double a = pre ? below_1000(w, pre) : 1, b = post ? below_1000(d + 7, post) : 0;
    if (pre && a < 0 && pre == 3 && strncmp(w, "een", 3) == 0)
        a = 1;
    return a >= 1 && b >= 0 ? 1000 * a + b : -1;
}

/* "anderhalf", "drieënhalf": n + 0.5 */
static double half_word(const char *w, size_t len)
{
    if (len == 9 && strncmp(w, "anderhalf", 9) == 0)
        return 1.5;
    if (len > 6 && strncmp(w + len - 4, "half", 4) == 0) {
        size_t pre = len - 4;
        if (pre > 2 && strncmp(w + pre - 2, "en", 2) == 0)
            pre -= 2;
        else if (pre > 3 && strncmp(w + pre - 3, "\xC3\xAB" "n", 3) == 0)
            pre -= 3;
        else
            return -1;
        double u = unit_in_compound(w, pre);
        if (u < 0)
            u = below_100(w, pre);
        return u >= 1 ? u + 0.5 : -1;
    }
    return -1;
}

static const char *const denominators[] = {"derde", "kwart", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende"};
static const double denominator_value[] = {3, 4, 5, 6, 7, 8, 9, 10};

static double denominator(const char *w)
{
    for (size_t i = 0; i < sizeof denominators / sizeof *denominators; i++)
        if (strcmp(w, denominators[i]) == 0)
            return denominator_value[i];
    return -1;
}

static double multiple_word(const char *w)
{
    static const char *const stems[] = {"verdubbel", "verdrievoudig", "verviervoudig", "vervijfvoudig",
                                        "vertienvoudig", "halvering", "gehalveerd", "halveerde"};
    static const double val[] = {2, 3, 4, 5, 10, 0.5, 0.5, 0.5};
    for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
        if (strncmp(w, stems[i], strlen(stems[i])) == 0)
            return val[i];
    return -1;
}

/* ------------------------------------------------------------ numerals */

/* Digits with Dutch separators: "154.200" (dot groups of three: thousands),
 * "15,5" (decimal comma), "2.1" (dotted: a section number; value 2.1). */
static size_t numeral(const char *s, size_t max, double *value, double *unit, bool *dotted)
{
    size_t i = 0;
    while (i < max && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t first = i;
    bool comma = false, dots = false, groups3 = true;
    size_t end = i;
    while (end + 1 < max && (s[end] == '.' || s[end] == ',') && s[end + 1] >= '0' && s[end + 1] <= '9') {
        char sep = s[end];
        size_t j = end + 1;
        while (j < max && s[j] >= '0' && s[j] <= '9')
            j++;
        if (sep == ',') {
            if (comma)
                break;
            comma = true;
        } else {
            if (comma)
                break;
            dots = true;
            if (j - end - 1 != 3)
                groups3 = false;
        }
        end = j;
    }
    char buf[64];
    size_t k = 0;
    int decimals = 0;
    bool after_comma = false;
    *dotted = dots && (!groups3 || first > 3);
    for (size_t p = 0; p < end && k + 1 < sizeof buf; p++) {
        if (s[p] == '.') {
            if (*dotted)
                buf[k++] = '.';
            continue;
        }
        if (s[p] == ',') {
            buf[k++] = '.';
            after_comma = true;
            continue;
        }
        buf[k++] = s[p];
        if (after_comma)
            decimals++;
    }
    buf[k] = '\0';
    *value = strtod(buf, NULL);
    if (decimals)
        *unit = pow(10, -decimals);
    else if (dots && !*dotted) {
        /* "154.200": stated to its last non-zero digit. */
        double u = 1;
        for (size_t p = end; p > 0 && (s[p - 1] == '0' || s[p - 1] == '.'); p--)
            if (s[p - 1] == '0')
                u *= 10;
        *unit = u;
    } else
        *unit = 1;
    return end;
}

/* ------------------------------------------------------------ hedges */

static const char *const hedges[] = {"iets meer dan", "iets minder dan", "niet meer dan", "niet minder dan",
                                     "niet hoger dan", "iets boven de", "boven de", "onder de", "minimaal",
                                     "in de top", "de top", "binnen",
                                     "ruim meer dan", "naar schatting", "ten minste",    "nog geen",
                                     "meer dan",      "minder dan",      "ongeveer",      "circa",
                                     "ca.",           "zo'n",            "rond",
                                     "ruwweg",        "grofweg",         "nagenoeg",      "vrijwel",
                                     "minstens",      "tenminste",       "hooguit",       "maximaal",
                                     "zeker",         "bijna",           "ruim",          "krap",
                                     "boven",         "onder"};

/* The up to three words before start, lowercased, single-spaced
 * ("iets meer dan"), so a hedge broken over a line is still found. */
static void words_before(const scan_text *t, size_t start, char *out, size_t outn)
{
    char parts[3][24];
    int n = 0;
    size_t p = start;
    while (n < 3) {
        while (p > 0 && t->s[p - 1] == ' ')
            p--;
        size_t e = p;
        /* a word: letters, "." of "ca.", the apostrophe of "zo'n" */
        while (p > 0) {
            size_t q = p - 1;
            while (q > 0 && ((unsigned char)t->s[q] & 0xC0) == 0x80)
                q--;
            bool apos = (size_t)(p - q) == 3 && !memcmp(t->s + q, "\xE2\x80\x99", 3);
            if (!letter_len(t->s + q) && t->s[q] != '.' && t->s[q] != '\'' && !apos)
                break;
            p = q;
        }
        if (p == e || e - p >= sizeof parts[0])
            break;
        size_t k = 0;
        for (size_t x = p; x < e; x++) {
            char c = t->s[x];
            if (!memcmp(t->s + x, "\xE2\x80\x99", 3) && x + 3 <= e) {
                parts[n][k++] = '\'';
                x += 2;
                continue;
            }
            parts[n][k++] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        parts[n][k] = '\0';
        n++;
        if (p == 0 || t->s[p - 1] != ' ')
            break;
    }
    out[0] = '\0';
    size_t len = 0;
    for (int k = n - 1; k >= 0; k--)
        len += (size_t)snprintf(out + len, len < outn ? outn - len : 0, "%s%s", len ? " " : "", parts[k]);
}

static void find_hedge(const scan_text *t, size_t start, char *out, size_t outn)
{
    out[0] = '\0';
    if (start == 0 || t->s[start - 1] != ' ')
        return;
    char prev[96];
    words_before(t, start, prev, sizeof prev);
    size_t pl = strlen(prev), best = 0;
    for (size_t h = 0; h < sizeof hedges / sizeof *hedges; h++) {
        size_t hl = strlen(hedges[h]);
        if (hl > pl || hl <= best || strcmp(prev + pl - hl, hedges[h]) != 0)
            continue;
        if (hl < pl && prev[pl - hl - 1] != ' ')
            continue;
        best = hl;
        snprintf(out, outn, "%s", hedges[h]);
    }
}

/* ------------------------------------------------------------ the scan */

typedef struct num_at {
    size_t end;      /* offset after the number */
    double value, unit;
    scan_form form;
    bool dotted;
} num_at;

/* A number (numeral or word, with a scale word after it) at offset i, or
 * false. Fractions and ratios are recognised by the caller. */
static bool number_at(const scan_text *t, size_t i, size_t to, num_at *n)
{
    memset(n, 0, sizeof *n);
    const char *s = t->s;
    if (s[i] >= '0' && s[i] <= '9') {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            return false;
        n->end = i + numeral(s + i, to - i, &n->value, &n->unit, &n->dotted);
        n->form = SCAN_NUMERAL;
    } else {
        if (!starts_word(t, i) || !letter_len(s + i))
            return false;
        char w[64];
        size_t wl = word_at(s + i, to - i, w, sizeof w);
        double v = scan_number_word(w, strlen(w));
        if (v < 0)
            v = half_word(w, strlen(w));
        if (v < 0)
            return false;
        n->end = i + wl;
        n->value = v;
        n->unit = v == floor(v) ? 1 : 0.5;
        n->form = SCAN_WORD;
    }
    /* A scale word: "1,3 miljoen", "4,7 miljard", "twee miljoen". */
    size_t j = skip_spaces(t, n->end, to);
    char w[32] = "";
    size_t wl = j < to ? word_at(s + j, to - j, w, sizeof w) : 0;
    double scale = !strcmp(w, "miljoen") ? 1e6 : !strcmp(w, "miljard") ? 1e9 : 0;
    if (wl && scale > 0 && !n->dotted) {
        n->value *= scale;
        n->unit *= scale;
        n->end = j + wl;
    }
    return true;
}

static void emit(const scan_text *t, size_t start, size_t end, double value, double unit, scan_form form,
                 void (*fn)(void *, const scan_number *), void *user, size_t *count)
{
    scan_number n;
    memset(&n, 0, sizeof n);
    n.off = start;
    n.len = end - start;
    n.line = scan_line_of(t, start);
    n.col = start - t->line_start[n.line - 1];
    snprintf(n.text, sizeof n.text, "%.*s", (int)(end - start), t->s + start);
    n.value = value;
    n.unit = unit;
    n.form = form;
    size_t j = end;
    if (j < t->len && t->s[j] == '%')
        n.percent = true;
    else {
        j = skip_spaces(t, j, t->len);
        n.percent = j + 7 <= t->len && !strncmp(t->s + j, "procent", 7);
    }
    find_hedge(t, start, n.hedge, sizeof n.hedge);
    (*count)++;
    if (fn)
        fn(user, &n);
}

size_t scan_numbers(const scan_text *t, size_t from, size_t to, void (*fn)(void *user, const scan_number *n),
                    void *user)
{
    size_t count = 0;
    if (to > t->len)
        to = t->len;
    size_t i = from;
    while (i < to) {
        const char *s = t->s;
        if (!(s[i] >= '0' && s[i] <= '9') && !(starts_word(t, i) && letter_len(s + i))) {
            i++;
            continue;
        }
        char w[64] = "";
        size_t wl = (s[i] >= '0' && s[i] <= '9') ? 0 : word_at(s + i, to - i, w, sizeof w);
        /* "de helft" (not "de tweede helft"). */
        if (wl == 2 && !strcmp(w, "de")) {
            size_t j = skip_spaces(t, i + 2, to);
            char w2[16] = "";
            size_t l2 = j < to ? word_at(s + j, to - j, w2, sizeof w2) : 0;
            if (l2 && !strcmp(w2, "helft")) {
                emit(t, i, j + l2, 0.5, 0.05, SCAN_FRACTION, fn, user, &count);
                i = j + l2;
                continue;
            }
        }
        /* Multiples written as one word: "verdubbeld", "verviervoudigd". */
        if (wl) {
            double m = multiple_word(w);
            if (m > 0) {
                emit(t, i, i + wl, m, 1, SCAN_MULTIPLE, fn, user, &count);
                i += wl;
                continue;
            }
            if (!strcmp(w, "driekwart")) {
                emit(t, i, i + wl, 0.75, 0.05, SCAN_FRACTION, fn, user, &count);
                i += wl;
                continue;
            }
        }
        /* "een"/"één"/"twee"... as a numerator: "een derde", "een op de vijf". */
        num_at a;
        bool is_een = wl == 3 && !strcmp(w, "een");
        bool have = is_een ? (a = (num_at){i + 3, 1, 1, SCAN_WORD, false}, true) : number_at(t, i, to, &a);
        if (!have) {
            i += wl ? wl : 1;
            continue;
        }
        size_t j = skip_spaces(t, a.end, to);
        char nx[32] = "";
        size_t nl = j < to ? word_at(s + j, to - j, nx, sizeof nx) : 0;
        double den = nl ? denominator(nx) : -1;
        if (den > 0 && a.form == SCAN_WORD && a.value < den) {
            /* Not an ordinal: "een derde land", "derde generatie". */
            size_t k = skip_spaces(t, j + nl, to);
            char after[32] = "";
            size_t al = k < to ? word_at(s + k, to - k, after, sizeof after) : 0;
            bool ordinal = al && (!strcmp(after, "land") || !strcmp(after, "landen") || !strcmp(after, "generatie") ||
                                  !strcmp(after, "partij") || !strcmp(after, "partijen") || !strcmp(after, "weg") ||
                                  !strcmp(after, "plaats") || !strcmp(after, "kwartaal") || !strcmp(after, "set") ||
                                  !strcmp(after, "sets"));
            if (!ordinal) {
                emit(t, i, j + nl, a.value / den, 0.05, SCAN_FRACTION, fn, user, &count);
                i = j + nl;
                continue;
            }
        }
        if (nl == 2 && !strcmp(nx, "op")) {
            size_t k = skip_spaces(t, j + 2, to);
            char de[8] = "";
            size_t dl = k < to ? word_at(s + k, to - k, de, sizeof de) : 0;
            num_at b;
            if (dl == 2 && !strcmp(de, "de") && number_at(t, skip_spaces(t, k + 2, to), to, &b) && b.value > 0) {
                emit(t, i, b.end, a.value / b.value, 0.05, SCAN_RATIO, fn, user, &count);
                i = b.end;
                continue;
            }
        }
        if (is_een) {
            i += 3;
            continue;
        }
        if (nl && (!strcmp(nx, "keer") || !strcmp(nx, "maal"))) {
            emit(t, i, j + nl, a.value, a.unit, SCAN_MULTIPLE, fn, user, &count);
            i = j + nl;
            continue;
        }
        emit(t, i, a.end, a.value, a.unit, a.form, fn, user, &count);
        i = a.end;
    }
    return count;
}
