#define _POSIX_C_SOURCE 200809L
#include "claims/account.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/quote.h"
#include "util/fileio.h"

static const char *const class_keys[SCAN_N_CLASS] = {
    "claim",         "transcription", "page-number", "footnote-marker", "citation-year", "list-numbering",
    "date",          "name-or-title", "figure-or-table-number",           "figure-text",   "report-structure",
    "no-quantity",   "definition",    "unaccounted"};

const char *scan_class_key(scan_class c)
{
    return (unsigned)c < SCAN_N_CLASS ? class_keys[c] : "?";
}

int scan_class_parse(const char *s, scan_class *out)
{
    for (int i = SCAN_PAGE; i < SCAN_UNACCOUNTED; i++)
        if (!strcmp(s, class_keys[i])) {
            *out = (scan_class)i;
            return 0;
        }
    return -1;
}

static const long chapter_start[10] = {1, 410, 1247, 2265, 3365, 4585, 5553, 7011, 8080, 9000};

int scan_chapter_of_line(long line)
{
    int ch = 0;
    for (int k = 0; k < 10; k++)
        if (line >= chapter_start[k])
            ch = k;
    return ch;
}

/* ------------------------------------------------------------ exclusions */

int scan_exclusions_load(const char *path, scan_exclusions *out, wf_errors *errs)
{
    memset(out, 0, sizeof *out);
    if (!file_exists(path))
        return 0;
    char *text;
    size_t len;
    wf_error e;
    if (read_file(path, &text, &len, &e) != 0)
        return wf_errors_push(errs, &e);
    size_t before = errs->n;
    long ln = 0;
    for (char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        ln++;
        if (!strncmp(p, "#! complete:", 12)) {
            for (char *q = p + 12; *q;) {
                char *e2;
                long ch = strtol(q, &e2, 10);
                if (e2 == q)
                    break;
                if (ch >= 0 && ch < 10)
                    out->complete[ch] = true;
                q = e2;
            }
            continue;
        }
        if (!*p || *p == '#')
            continue;
        char *f[4] = {p, NULL, NULL, NULL};
        for (int k = 1; k < 4; k++) {
            char *tab = f[k - 1] ? strchr(f[k - 1], '\t') : NULL;
            if (tab) {
                *tab = '\0';
                f[k] = tab + 1;
            }
        }
        char *end;
        long line = strtol(f[0], &end, 10);
        scan_class cls;
        if (*end || line <= 0 || !f[1] || !*f[1] || !f[2]) {
            wf_errors_add(errs, "%s:%ld: expected line<TAB>number as printed<TAB>class<TAB>reason", path, ln);
            continue;
        }
        if (scan_class_parse(f[2], &cls) != 0) {
            wf_errors_add(errs, "%s:%ld: unknown class '%s' (page-number, footnote-marker, citation-year, "
                                "list-numbering, date, name-or-title, figure-or-table-number, figure-text, "
                                "report-structure, no-quantity, definition)",
                          path, ln, f[2]);
            continue;
        }
        out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
        out->v[out->n++] = (scan_exclusion){line, xstrdup(f[1]), xstrdup(f[3] ? f[3] : ""), cls, false};
    }
    free(text);
    return errs->n == before ? 0 : -1;
}

void scan_exclusions_free(scan_exclusions *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].text);
        free(x->v[i].why);
    }
    free(x->v);
    memset(x, 0, sizeof *x);
}

/* ------------------------------------------------------------ rules */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether byte at p ends a UTF-8 letter or is an ASCII letter. */
static bool letter_before(const scan_text *t, size_t p)
{
    if (p == 0)
        return false;
    unsigned char c = (unsigned char)t->s[p - 1];
    if (is_ascii_letter((char)c))
        return true;
    if (c >= 0x80 && p >= 2) {
        size_t q = p - 1;
        while (q > 0 && ((unsigned char)t->s[q] & 0xC0) == 0x80)
            q--;
        unsigned char l = (unsigned char)t->s[q];
        /* é ë ï ö ü ... (U+00C0-U+017F) */
        return l == 0xC3 || l == 0xC4 || l == 0xC5;
    }
    return false;
}

/* The word ending at or before p (skipping spaces), as printed. */
static size_t prev_word(const scan_text *t, size_t p, char *out, size_t outn, size_t *start)
{
    while (p > 0 && t->s[p - 1] == ' ')
        p--;
    size_t e = p;
    while (p > 0 && t->s[p - 1] != ' ')
        p--;
    size_t n = e - p < outn - 1 ? e - p : outn - 1;
    memcpy(out, t->s + p, n);
    out[n] = '\0';
    if (start)
        *start = p;
    return n;
}

static void lower(char *s)
{
    for (; *s; s++)
        if (is_upper(*s))
            *s = (char)(*s - 'A' + 'a');
}

static bool in_list(const char *w, const char *const *v)
{
    for (; *v; v++)
        if (!strcmp(w, *v))
            return true;
    return false;
}

static const char *const months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni", "juli",
                                     "augustus", "september", "oktober", "november", "december", NULL};

/* The line of a number, trimmed, is only numbers (and separators). */
static bool numbers_only_line(const scan_text *t, long line)
{
    if (line < 1 || line > t->n_lines)
        return false;
    size_t a = t->line_start[line - 1], b = t->line_start[line];
    bool any = false;
    for (size_t i = a; i < b; i++) {
        char c = t->s[i];
        if (is_digit(c))
            any = true;
        else if (c != ' ' && c != '.' && c != ',' && c != '%' && c != '-' && c != '+' && c != '*')
            return false;
    }
    return any;
}

static bool is_year(const scan_number *n)
{
    return n->form == SCAN_NUMERAL && n->len == 4 && n->value >= 1800 && n->value <= 2035;
}

/* Whether `line` starts (after spaces) with "Figuur N[.N]" or "Tabel N[.N]"
 * followed by nothing or by a capital: a caption whose title follows. "Figuur
 * 2.6 geeft de omvang ..." (a lowercase word) is running text, not a caption. */
static bool caption_title_start(const scan_text *t, long line)
{
    size_t a = t->line_start[line - 1], b = t->line_start[line];
    const char *s = t->s;
    while (a < b && s[a] == ' ')
        a++;
    static const char *const cap[] = {"Figuur ", "Tabel ", NULL};
    size_t p = a;
    for (const char *const *c = cap; *c; c++)
        if (b - a > strlen(*c) && !strncmp(s + a, *c, strlen(*c)))
            p = a + strlen(*c);
    if (p == a || !is_digit(s[p]))
        return false;
    while (p < b && (is_digit(s[p]) || s[p] == '.'))
        p++;
    while (p < b && s[p] == ' ')
        p++;
    return p == b || is_upper(s[p]) || (unsigned char)s[p] >= 0x80;
}

/* The second or third line of a caption's title ("Figuur 2.5 Samenstelling
 * van de bevolking naar herkomst, Nederland in" / "1972, 1995 en 2018"): the
 * lines after a caption start, as long as they are not empty, begin in the
 * first column (a new paragraph or a note below a figure begins with a space
 * in the report text) and are not a source line or the next caption. */
static bool caption_title_continuation(const scan_text *t, long line)
{
    for (long k = 0; k <= 3 && line - k >= 1; k++) {
        if (k > 0 && caption_title_start(t, line - k))
            return true;
        size_t a = t->line_start[line - k - 1], b = t->line_start[line - k];
        const char *s = t->s + a;
        size_t l = b - a;
        while (l > 0 && s[l - 1] == ' ')
            l--;
        if (l == 0 || s[0] == ' ' || !strncmp(s, "Bron", 4) || !strncmp(s, "Figuur ", 7) ||
            !strncmp(s, "Tabel ", 6))
            return false;
    }
    return false;
}

/* The second decade of "de jaren vijftig en zestig": a decade word after
 * "jaren <decade> en", not followed by "procent" (which would make it a
 * share: "de jaren zestig en zeventig procent" is not a date). */
static bool second_decade(const scan_text *t, const scan_number *n)
{
    static const char *const decades[] = {"twintig", "dertig", "veertig", "vijftig", "zestig",
                                          "zeventig", "tachtig", "negentig", NULL};
    char w[64], d[64], j[64];
    size_t st, st2;
    prev_word(t, n->off, w, sizeof w, &st);
    if (strcmp(w, "en") || !in_list(n->text, decades))
        return false;
    prev_word(t, st, d, sizeof d, &st2);
    prev_word(t, st2, j, sizeof j, NULL);
    lower(j);
    if (!in_list(d, decades) || strcmp(j, "jaren"))
        return false;
    size_t q = n->off + n->len;
    while (q < t->len && t->s[q] == ' ')
        q++;
    return strncmp(t->s + q, "procent", 7) != 0 && t->s[q] != '%';
}

/* ---- Rules for chapters 4, 6 and 8 (issue 13): mechanical numbers that
 * recur there and are not quantities. Kept apart from the rules above so
 * that each set can be reviewed on its own. ---- */

/* The offset of the first non-space byte at or after p (t->len if none). */
static size_t next_nonspace(const scan_text *t, size_t p)
{
    while (p < t->len && t->s[p] == ' ')
        p++;
    return p;
}

/* A footnote number the extraction split at a space: "optreedt.2 4 Een" is
 * note 24, "tradities.12 4" note 124. The first part is glued to the end of
 * a sentence (and so already a footnote marker); the second is one or two
 * digits that end the line or precede a capital. "bedroeg 2,2 4 procent" is
 * not this: nothing is glued to a word there. */
static bool split_footnote(const scan_text *t, const scan_number *n)
{
    const char *s = t->s;
    size_t a = n->off, b = n->off + n->len;
    if (n->form != SCAN_NUMERAL || n->len > 2 || a < 3 || s[a - 1] != ' ')
        return false;
    size_t p = a - 1; /* the digits of the first part end at p */
    size_t q = p;
    while (q > 0 && is_digit(s[q - 1]))
        q--;
    if (q == p || p - q > 3 || q < 2 || !strchr(".,;:)", s[q - 1]))
        return false;
    if (!letter_before(t, q - 1) && s[q - 2] != ')')
        return false;
    size_t nx = next_nonspace(t, b);
    bool line_end = nx >= t->len || scan_line_of(t, nx) > n->line;
    return line_end || is_upper(s[nx]);
}

/* The number of an article of a law or treaty: "art. 45 van het Verdrag",
 * "artikel 18 Vw 2000", "de artikelen 7 en 9". */
static bool article_number(const scan_text *t, const scan_number *n)
{
    if (n->form != SCAN_NUMERAL || strchr(n->text, ',') || n->value > 999)
        return false;
    static const char *const art[] = {"art.", "artikel", "artikelen", "(art.", "(artikel", "(artikelen", NULL};
    size_t p = n->off;
    char w[64];
    for (int k = 0; k < 6 && p > 0; k++) {
        size_t st;
        prev_word(t, p, w, sizeof w, &st);
        if (st == p)
            return false;
        lower(w);
        if (in_list(w, art))
            return true;
        if (!is_digit(w[0]) && strcmp(w, "en") && strcmp(w, ","))
            return false;
        p = st;
    }
    return false;
}

/* The year in the name of a law: "de Wet inburgering 2013", "Wet
 * Inburgering 2013". Not "de wet in 2013 gewijzigd": the word between is a
 * preposition or verb there, not part of the name. */
static bool law_name_year(const scan_text *t, const scan_number *n)
{
    if (!is_year(n))
        return false;
    char pw[64], pw2[64];
    size_t st;
    prev_word(t, n->off, pw, sizeof pw, &st);
    prev_word(t, st, pw2, sizeof pw2, NULL);
    lower(pw);
    lower(pw2);
    if (strcmp(pw2, "wet"))
        return false;
    for (const char *c = pw; *c; c++)
        if (!is_ascii_letter(*c))
            return false;
    static const char *const not_name[] = {"in", "van", "sinds", "vanaf", "na", "tot", "uit", "per", "voor",
                                           "werd", "is", "was", "trad", "sinds", "eind", "begin", NULL};
    return pw[0] && !in_list(pw, not_name);
}

static scan_class chapter468_rules(const scan_text *t, const scan_number *n)
{
    if (split_footnote(t, n))
        return SCAN_FOOTNOTE;
    if (article_number(t, n) || law_name_year(t, n))
        return SCAN_NAME;
    return SCAN_UNACCOUNTED;
}

scan_class scan_rule_class(const scan_text *t, const scan_number *n)
{
    const char *s = t->s;
    size_t a = n->off, b = n->off + n->len;
    size_t ls = t->line_start[n->line - 1];
    char pw[64], pw2[64];
    size_t pw_start = 0;
    prev_word(t, a, pw, sizeof pw, &pw_start);
    char pwl[64];
    snprintf(pwl, sizeof pwl, "%s", pw);
    lower(pwl);
    prev_word(t, pw_start, pw2, sizeof pw2, NULL);
    char after = b < t->len ? s[b] : ' ';

    /* Lines of bare numbers: axis ticks and legends of a printed figure, or
     * a page number when alone. */
    if (numbers_only_line(t, n->line))
        return numbers_only_line(t, n->line - 1) || numbers_only_line(t, n->line + 1) ||
                       numbers_only_line(t, n->line - 2) || numbers_only_line(t, n->line + 2)
                   ? SCAN_FIGURE_TEXT
                   : SCAN_PAGE;
    /* A caption ("Figuur 1 Top 15 nettomigratie, 2008-2018"): the numbers of
     * its title are part of the title (the figure number is a reference). */
    {
        size_t lead = ls;
        while (lead < t->len && s[lead] == ' ')
            lead++;
        static const char *const cap[] = {"Figuur ", "Tabel ", "Kader ", "Bron: ", "Bron ", NULL};
        for (const char *const *c = cap; *c; c++)
            if (!strncmp(s + lead, *c, strlen(*c))) {
                size_t after_word = lead + strlen(*c);
                return a == after_word ? SCAN_FIGURE_REF : SCAN_NAME;
            }
    }
    if (caption_title_continuation(t, n->line))
        return SCAN_NAME;
    if (n->form == SCAN_NUMERAL) {
        /* Part of a name: covid-19, G4, H2O. */
        if (a > 0 && (letter_before(t, a) || (s[a - 1] == '-' && letter_before(t, a - 1))))
            return SCAN_NAME;
        /* Footnote marker: glued to the end of a word or sentence ("eeuw.1"). */
        if (n->len <= 3 && a > 1 && strchr(".,;:)?!\"'", s[a - 1]) && (letter_before(t, a - 1) || s[a - 2] == ')'))
            return SCAN_FOOTNOTE;
        if (n->len <= 3 && a > 3 && !memcmp(s + a - 3, "\xE2\x80\x99", 3))
            return SCAN_FOOTNOTE; /* ’1 */
        if (n->len <= 3 && a > 3 && !memcmp(s + a - 3, "\xE2\x80\x9D", 3))
            return SCAN_FOOTNOTE; /* ”1 */
        if (n->len <= 3 && a > 4 && s[a - 1] == '.' &&
            (!memcmp(s + a - 4, "\xE2\x80\x99", 3) || !memcmp(s + a - 4, "\xE2\x80\x9D", 3)))
            return SCAN_FOOTNOTE; /* ’.25 */
        /* Ordinal: "20e eeuw". */
        if (after == 'e' && b + 1 < t->len && s[b + 1] == ' ')
            return SCAN_DATE;
        /* Section and figure numbers: "2.1", "3.10", or after a reference word. */
        static const char *const refs[] = {"figuur",   "figuren",     "fig.",       "tabel",  "tabellen",
                                           "kader",    "kaders",      "hoofdstuk",  "hoofdstukken", "paragraaf",
                                           "paragrafen", "par.",      "bijlage",    "noot",   "noten",
                                           "box",      "grafiek",     "(figuur",    "(tabel", "(kader",
                                           "(hoofdstuk", "(paragraaf", "(zie",      NULL};
        if (in_list(pwl, refs))
            return SCAN_FIGURE_REF;
        if (strchr(n->text, '.') && !strchr(n->text, ',') && n->unit == 1 && (n->value != (long)n->value))
            return SCAN_FIGURE_REF;
        /* A list after a reference word: "hoofdstukken 3, 6 en 7", "5 tot en met 9". */
        {
            size_t p = a;
            char w[64];
            for (int k = 0; k < 8 && p > 0; k++) {
                size_t st;
                prev_word(t, p, w, sizeof w, &st);
                if (st == p)
                    break;
                lower(w);
                if (in_list(w, refs)) {
                    if (k)
                        return SCAN_FIGURE_REF;
                    break;
                }
                bool num = is_digit(w[0]);
                if (!num && strcmp(w, "en") && strcmp(w, "tot") && strcmp(w, "met") && strcmp(w, "t/m"))
                    break;
                p = st;
            }
        }
        /* Numbering at the start of a line: "1. Meer verscheidenheid",
         * "14 Jennissen 2011" (a note). */
        size_t lead = ls;
        while (lead < t->len && s[lead] == ' ')
            lead++;
        if (lead == a && n->value <= 200 && !strchr(n->text, ',')) {
            size_t q = b + 1;
            while (q < t->len && s[q] == ' ')
                q++;
            if (after == '.' && q > b + 1 && q < t->len && (is_upper(s[q]) || s[q] == '\xE2'))
                return SCAN_LIST;
            if (after == ')' )
                return SCAN_LIST;
            if (after == ' ' && !is_year(n) && (is_upper(s[b + 1]) || !memcmp(s + b + 1, "\xE2\x80\x98", 3)))
                return SCAN_FOOTNOTE;
        }
        if (a > 0 && s[a - 1] == '(' && after == ')' && n->value <= 20)
            return SCAN_LIST;
        /* Months: "1 januari 2017" is a date. */
        {
            size_t j = b;
            while (j < t->len && s[j] == ' ')
                j++;
            char nw[16] = "";
            size_t k = 0;
            while (j < t->len && is_ascii_letter(s[j]) && k + 1 < sizeof nw)
                nw[k++] = s[j++];
            nw[k] = '\0';
            lower(nw);
            if (n->value >= 1 && n->value <= 31 && in_list(nw, months))
                return SCAN_DATE;
        }
        if (is_year(n)) {
            /* "(2018)": the year of a publication named before it. */
            if (a > 0 && s[a - 1] == '(' && after == ')')
                return SCAN_CITATION_YEAR;
            if (in_list(pwl, months))
                return SCAN_DATE;
            /* Names of laws, agreements, programmes: "Vreemdelingenwet 2000". */
            size_t pl = strlen(pwl);
            static const char *const named[] = {"agenda", "verdrag", "richtlijn", "wi", "pact", "programma",
                                                "akkoord", "nota", "deltaplan", "vision", "europa", NULL};
            if ((pl > 3 && !strcmp(pwl + pl - 3, "wet")) || in_list(pwl, named))
                return SCAN_NAME;
            /* Citation years: after an author ("Bovens et al. 2016",
             * "(Jennissen 2011)"), followed by the end of the reference. */
            static const char *const stop[] = {
                "In", "Vanaf", "Sinds", "Tot", "Tussen", "Na", "Voor", "Rond", "Eind", "Begin", "Medio", "Per",
                "Op", "Om", "Van", "Het", "De", "Een", "Dat", "Dit", "Ook", "En", "Maar", "Zo", "Toen", "Al", "Pas",
                "Uit", "Nederland", "Nederlanders", "Sindsdien", "Tegen", "Vóór", "Over", "Bij", "Met", "Door",
                "Waar", "Wanneer", "Als", "Hoewel", "Omdat", "Nadat", "Tijdens", "Ná", NULL};
            const char *author = pw[0] == '(' ? pw + 1 : pw;
            bool cap = is_upper(author[0]) || !strncmp(author, "\xC3", 1);
            bool etal = !strcmp(pw, "al.") || !strcmp(pw, "e.a.");
            bool ends = strchr(");:,.", after) != NULL || after == ' ' || b >= t->len ||
                        (after >= 'a' && after <= 'e');
            if ((etal || (cap && !in_list(author, stop))) && ends)
                return SCAN_CITATION_YEAR;
        }
        /* Page numbers in citations: "2016: 63", "p. 12". */
        if (!strcmp(pwl, "p.") || !strcmp(pwl, "pp.") || !strcmp(pwl, "blz.") || !strcmp(pwl, "pag."))
            return SCAN_PAGE;
        if (a > 2 && s[a - 1] == ' ' && s[a - 2] == ':' && a >= 6 && is_digit(s[a - 3]) && is_digit(s[a - 6]))
            return SCAN_PAGE;
        /* "x 1000": the unit line of a printed figure; "© wrr 2020". */
        if (!strcmp(pwl, "x") || !strcmp(pwl, "\xC3\x97"))
            return SCAN_FIGURE_TEXT;
        if (!strcmp(pw2, "\xC2\xA9") || !strcmp(pwl, "wrr") || !strcmp(pw, "\xC2\xA9"))
            return SCAN_NAME;
    } else if (n->form == SCAN_WORD) {
        /* Decades: "de jaren zestig". */
        if (!strcmp(pwl, "jaren") || !strcmp(pwl, "jaren-"))
            return SCAN_DATE;
        if (second_decade(t, n))
            return SCAN_DATE;
        /* "één van de ...", "alle drie": no quantity is stated. */
        size_t j = b;
        while (j < t->len && s[j] == ' ')
            j++;
        if (n->value == 1 && !strncmp(s + j, "van ", 4))
            return SCAN_NO_QUANTITY;
        if (!strcmp(pwl, "alle") || !strcmp(pwl, "beide"))
            return SCAN_NO_QUANTITY;
    }
    return chapter468_rules(t, n);
}

/* ------------------------------------------------------------ accounting */

typedef struct span {
    size_t a, b;
    scan_class cls;
} span;

typedef struct run_ctx {
    const scan_text *t;
    const span *spans;
    size_t n_spans;
    scan_exclusions *x;
    scan_account *out;
} run_ctx;

static void account_one(void *user, const scan_number *n)
{
    run_ctx *r = user;
    scan_class cls = SCAN_UNACCOUNTED;
    for (size_t k = 0; k < r->n_spans && cls == SCAN_UNACCOUNTED; k++)
        if (r->spans[k].a < n->off + n->len && n->off < r->spans[k].b)
            cls = r->spans[k].cls;
    if (cls == SCAN_UNACCOUNTED && r->x)
        for (size_t k = 0; k < r->x->n; k++)
            if (r->x->v[k].line == n->line && !strcmp(r->x->v[k].text, n->text)) {
                r->x->v[k].used = true;
                cls = r->x->v[k].cls;
                break;
            }
    if (cls == SCAN_UNACCOUNTED)
        cls = scan_rule_class(r->t, n);
    int ch = scan_chapter_of_line(n->line);
    r->out->n_numbers++;
    r->out->by_class[cls]++;
    r->out->by_chapter[ch][cls]++;
    if (cls == SCAN_UNACCOUNTED) {
        size_t ls = r->t->line_start[n->line - 1], le = r->t->line_start[n->line];
        sb_printf(&r->out->unaccounted, "%ld:%zu\t%d\t%s\t%s%s\t%.*s\n", n->line, n->col, ch, n->text,
                  n->hedge[0] ? "hedge " : "", n->hedge, (int)(le - ls), r->t->s + ls);
    }
}

void scan_account_run(const char *raw, size_t len, const claim_set *const *sets, const scan_class *classes,
                      size_t n_sets, scan_exclusions *x, scan_account *out)
{
    memset(out, 0, sizeof *out);
    quote_text qt;
    char *z = xcalloc(len + 1, 1);
    memcpy(z, raw, len);
    quote_text_init(&qt, z);
    span *spans = NULL;
    size_t n_spans = 0;
    for (size_t k = 0; k < n_sets; k++)
        for (size_t i = 0; i < sets[k]->n; i++) {
            const claim *c = &sets[k]->v[i];
            size_t a, b;
            if (!c->quote_nl || !quote_find(&qt, c->quote_nl, c->line, &a, &b))
                continue;
            spans = xrealloc(spans, (n_spans + 1) * sizeof *spans);
            spans[n_spans++] = (span){a, b, classes[k]};
        }
    scan_text t;
    scan_flatten(z, len, &t);
    run_ctx r = {&t, spans, n_spans, x, out};
    scan_numbers(&t, 0, t.len, account_one, &r);
    for (size_t k = 0; x && k < x->n; k++)
        if (!x->v[k].used)
            sb_printf(&out->unused, "%ld\t%s\t%s\n", x->v[k].line, x->v[k].text, scan_class_key(x->v[k].cls));
    scan_text_free(&t);
    quote_text_free(&qt);
    free(spans);
    free(z);
}

void scan_account_free(scan_account *a)
{
    sb_free(&a->unaccounted);
    sb_free(&a->unused);
}

size_t scan_account_report(const scan_account *a, const scan_exclusions *x, bool all, strbuf *out)
{
    sb_printf(out, "%-8s %7s", "chapter", "numbers");
    for (int c = 0; c < SCAN_N_CLASS; c++)
        sb_printf(out, " %s", scan_class_key(c));
    sb_puts(out, "  complete\n");
    for (int ch = 0; ch < 10; ch++) {
        size_t n = 0;
        for (int c = 0; c < SCAN_N_CLASS; c++)
            n += a->by_chapter[ch][c];
        sb_printf(out, "%-8d %7zu", ch, n);
        for (int c = 0; c < SCAN_N_CLASS; c++)
            sb_printf(out, " %*zu", (int)strlen(scan_class_key(c)), a->by_chapter[ch][c]);
        sb_printf(out, "  %s\n", x && x->complete[ch] ? "yes" : "no");
    }
    sb_printf(out, "%-8s %7zu", "all", a->n_numbers);
    for (int c = 0; c < SCAN_N_CLASS; c++)
        sb_printf(out, " %*zu", (int)strlen(scan_class_key(c)), a->by_class[c]);
    sb_puts(out, "\n");
    size_t problems = 0;
    const char *p = a->unaccounted.s;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        const char *tab = memchr(p, '\t', l);
        int ch = tab ? atoi(tab + 1) : 0;
        bool complete = x && ch >= 0 && ch < 10 && x->complete[ch];
        if (complete || all)
            sb_printf(out, "%s %.*s\n", complete ? "UNACCOUNTED" : "unaccounted", (int)l, p);
        problems += complete;
        p = nl ? nl + 1 : NULL;
    }
    p = a->unused.s;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        sb_printf(out, "UNUSED exclusion (matches no number at that line) %.*s\n", (int)l, p);
        problems++;
        p = nl ? nl + 1 : NULL;
    }
    return problems;
}
