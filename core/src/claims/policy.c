#define _POSIX_C_SOURCE 200809L
#include "claims/policy.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "claims/out.h"
#include "claims/scan.h"
#include "util/strbuf.h"

typedef struct pick {
    const claim *c;
    bool found;
    scan_number n;
    double scale; /* 100 when a fraction states a percentage */
} pick;

static bool fractional(const scan_number *n)
{
    return n->form == SCAN_FRACTION || n->form == SCAN_RATIO;
}

static void choose(void *user, const scan_number *n)
{
    pick *p = user;
    if (p->found)
        return;
    double v = p->c->value, scale = 1;
    if (fractional(n) && !strcmp(p->c->unit, "percent"))
        scale = 100;
    double got = n->value * scale;
    double slack = fractional(n) ? 0.05 * scale / 100 + 0.051 * (scale == 100) : 1e-9 * fmax(1, fabs(v));
    if (fabs(got - v) <= slack) {
        p->found = true;
        p->n = *n;
        p->scale = scale;
    }
}

static bool is_one_of(const char *h, const char *const *v)
{
    for (; *v; v++)
        if (!strcmp(h, *v))
            return true;
    return false;
}

void claims_policy_of(const claim *c, claim_policy *out)
{
    memset(out, 0, sizeof *out);
    if (!c->quote_nl)
        return;
    scan_text t;
    scan_flatten(c->quote_nl, strlen(c->quote_nl), &t);
    pick p = {c, false, {0}, 1};
    scan_numbers(&t, 0, t.len, choose, &p);
    scan_text_free(&t);
    if (!p.found)
        return;
    const scan_number *n = &p.n;
    out->found = true;
    snprintf(out->hedge, sizeof out->hedge, "%s", n->hedge);
    snprintf(out->stated, sizeof out->stated, "%s", n->text);
    double v = fabs(c->value);
    bool frac = fractional(n);
    double unit = frac ? 0 : n->unit * p.scale;
    double round = unit / 2;
    /* Trailing zeros ("150.000") do not widen an approximate claim. */
    double digits = unit < 1 ? round : 0;
    double frac_tol = 0.025 * (p.scale == 100 ? 100 : 1), frac_win = 2 * frac_tol;
    static const char *const approx[] = {"ongeveer", "circa", "ca.", "zo'n", "rond", "ruwweg", "grofweg",
                                         "naar schatting", NULL};
    static const char *const under[] = {"bijna", "nagenoeg", "vrijwel", "krap", NULL};
    static const char *const over[] = {"ruim", "iets meer dan", "iets boven de", NULL};
    static const char *const above[] = {"meer dan", "boven", "boven de", "ruim meer dan", NULL};
    static const char *const below[] = {"minder dan", "onder", "onder de", "nog geen", "iets minder dan", NULL};
    static const char *const atleast[] = {"minstens", "ten minste", "tenminste", "zeker", "niet minder dan",
                                          "minimaal", NULL};
    static const char *const atmost[] = {"hooguit", "maximaal", "niet meer dan", "niet hoger dan", "in de top",
                                         "de top", "binnen", NULL};
    char a[32], b[32];
    const char *h = n->hedge;
    /* "zes jaar of langer", "65 of ouder": a hedge after the number. */
    char suffix[24] = "";
    {
        const char *q = c->quote_nl + n->off + n->len;
        for (int k = 0; k < 24 && *q; k++, q++)
            if (!strncmp(q, " of langer", 10) || !strncmp(q, " of meer", 8) || !strncmp(q, " of ouder", 9)) {
                snprintf(suffix, sizeof suffix, "of meer");
                break;
            }
    }
    if (!*h && *suffix)
        h = "ten minste";
    if (!*h && n->form == SCAN_MULTIPLE) {
        out->op = CLAIM_OP_APPROX;
        out->tolerance = 0.1 * v;
        claims_fmt_num(a, sizeof a, out->tolerance);
        snprintf(out->rule, sizeof out->rule, "'%s': ~, tolerance %s (a multiple is a rough ratio: 10 %%)", n->text, a);
    } else if (!*h) {
        out->op = frac ? CLAIM_OP_APPROX : CLAIM_OP_EQ;
        out->tolerance = frac ? frac_tol : round;
        claims_fmt_num(a, sizeof a, out->tolerance);
        snprintf(out->rule, sizeof out->rule, "%s as stated: %s, tolerance %s (%s)", n->text,
                 frac ? "~" : "=", a, frac ? "a simple fraction, to the nearest 5 %" : "half a unit of the last digit");
    } else if (is_one_of(h, approx) && !strcmp(c->unit, "year")) {
        /* "tot ongeveer 2040": 5 % of a year number means nothing. */
        out->op = CLAIM_OP_APPROX;
        out->tolerance = 2;
        snprintf(out->rule, sizeof out->rule, "'%s %s': ~, tolerance 2 (a year: two years either way)", h, n->text);
    } else if (is_one_of(h, approx)) {
        out->op = CLAIM_OP_APPROX;
        out->tolerance = frac ? fmax(frac_tol, 0.05 * v) : fmax(0.05 * v, digits);
        claims_fmt_num(a, sizeof a, out->tolerance);
        snprintf(out->rule, sizeof out->rule, "'%s %s': ~, tolerance %s (5 %% of the value%s)", h, n->text, a,
                 frac ? ", at least 2.5 pp" : ", at least the stated digits");
    } else if (is_one_of(h, under) || is_one_of(h, over)) {
        bool up = is_one_of(h, over);
        out->op = up ? CLAIM_OP_GT : CLAIM_OP_LT;
        out->window = frac ? fmax(frac_win, 0.1 * v) : fmax(0.1 * v, unit);
        claims_fmt_num(a, sizeof a, out->window);
        claims_fmt_num(b, sizeof b, c->value);
        snprintf(out->rule, sizeof out->rule, "'%s %s': %s %s, by at most %s (10 %% of the value)", h, n->text,
                 up ? "above" : "below", b, a);
    } else if (is_one_of(h, above) || is_one_of(h, below)) {
        out->op = is_one_of(h, above) ? CLAIM_OP_GT : CLAIM_OP_LT;
        snprintf(out->rule, sizeof out->rule, "'%s %s': strictly %s", h, n->text,
                 out->op == CLAIM_OP_GT ? "above" : "below");
    } else if (is_one_of(h, atleast) || is_one_of(h, atmost)) {
        out->op = is_one_of(h, atleast) ? CLAIM_OP_GE : CLAIM_OP_LE;
        snprintf(out->rule, sizeof out->rule, "'%s %s': %s", h, n->text,
                 out->op == CLAIM_OP_GE ? "at least" : "at most");
    } else
        out->found = false;
}
