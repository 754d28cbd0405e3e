#include "claims/out.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const chapter_titles[] = {
    "Samenvatting",
    "1 Migratie, verscheidenheid en samenleven",
    "2 Nederland als immigratiesamenleving",
    "3 Maatschappelijke uitdagingen: samenhang en deelname",
    "4 De wisseling van beleidsmodellen",
    "5 Ontvangst en inburgering beter organiseren",
    "6 Samenhang versterken",
    "7 Arbeidsdeelname vergroten",
    "8 Migratiebeleid met oog voor samenhang en arbeidsdeelname",
    "9 Samenleven in verscheidenheid: een beleidsagenda",
};

const char *claims_chapter_title(int chapter)
{
    return chapter >= 0 && chapter < 10 ? chapter_titles[chapter] : "Other";
}

void claims_fmt_num(char *buf, size_t n, double v)
{
    if (isnan(v)) {
        snprintf(buf, n, "NaN");
        return;
    }
    double a = v < 0 ? -v : v;
    if (a >= 1e15 || v == (double)(long long)v) {
        snprintf(buf, n, "%.0f", v);
        return;
    }
    snprintf(buf, n, "%.4f", v);
    char *e = buf + strlen(buf);
    while (e > buf && e[-1] == '0')
        *--e = '\0';
    if (e > buf && e[-1] == '.')
        *--e = '\0';
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, n, "0");
}

void claims_run_count(claims_run *r)
{
    memset(r->counts, 0, sizeof r->counts);
    r->n_checked = r->n_mismatch = 0;
    for (size_t i = 0; i < r->set->n; i++) {
        if (r->selected && !r->selected[i])
            continue;
        r->n_checked++;
        r->counts[r->res[i].status]++;
        if (!r->res[i].matches)
            r->n_mismatch++;
    }
}

static int decided(claim_status s)
{
    return s == CLAIM_PASS || s == CLAIM_FAIL;
}

static void claimed(strbuf *b, const claim *c)
{
    char v[64], t[64];
    claims_fmt_num(v, sizeof v, c->value);
    claims_fmt_num(t, sizeof t, c->tolerance);
    sb_printf(b, "%s %s %s", claim_op_str(c->op), v, c->unit);
    if (c->tolerance > 0)
        sb_printf(b, " (tol %s)", t);
    if (c->each_year)
        sb_printf(b, " every year %d-%d", c->year_from, c->year_to);
}

void claims_write_text(strbuf *b, const claims_run *r)
{
    for (size_t i = 0; i < r->set->n; i++) {
        if (r->selected && !r->selected[i])
            continue;
        const claim *c = &r->set->v[i];
        const claim_result *x = &r->res[i];
        sb_printf(b, "%-8s %-28s claimed ", claim_status_str(x->status), c->id);
        claimed(b, c);
        if (decided(x->status)) {
            char o[64], d[64];
            claims_fmt_num(o, sizeof o, x->observed);
            claims_fmt_num(d, sizeof d, x->observed - c->value);
            sb_printf(b, "  observed %s", o);
            if (x->observed_year)
                sb_printf(b, " (%d)", x->observed_year);
            sb_printf(b, "  diff %s%s", x->observed - c->value > 0 ? "+" : "", d);
        } else
            sb_printf(b, "  (%s)", x->reason.msg);
        if (c->has_expect && c->expect != CLAIM_PASS)
            sb_printf(b, "  [expected %s]", claim_status_key(c->expect));
        if (!x->matches)
            sb_puts(b, "  <-- differs from expectation");
        sb_putc(b, '\n');
    }
    sb_printf(b, "\n%zu claims checked: %zu PASS, %zu FAIL, %zu NO-DATA, %zu UNBOUND, %zu ERROR; %zu differ from "
                 "their expectation%s\n",
              r->n_checked, r->counts[CLAIM_PASS], r->counts[CLAIM_FAIL], r->counts[CLAIM_NODATA],
              r->counts[CLAIM_UNBOUND], r->counts[CLAIM_ERROR], r->n_mismatch,
              r->strict ? " (strict: NO-DATA and UNBOUND count)" : "");
}

static void json_num_or_null(strbuf *b, double v, int ok)
{
    if (ok && isfinite(v))
        sb_double(b, v);
    else
        sb_puts(b, "null");
}

static void json_str_or_null(strbuf *b, const char *s)
{
    if (s)
        sb_json_str(b, s);
    else
        sb_puts(b, "null");
}

void claims_write_json(strbuf *b, const claims_run *r)
{
    sb_printf(b, "{\n  \"summary\": {\"checked\": %zu, \"pass\": %zu, \"fail\": %zu, \"no_data\": %zu, "
                 "\"unbound\": %zu, \"error\": %zu, \"mismatches\": %zu, \"strict\": %s},\n  \"claims\": [",
              r->n_checked, r->counts[CLAIM_PASS], r->counts[CLAIM_FAIL], r->counts[CLAIM_NODATA],
              r->counts[CLAIM_UNBOUND], r->counts[CLAIM_ERROR], r->n_mismatch, r->strict ? "true" : "false");
    int first = 1;
    for (size_t i = 0; i < r->set->n; i++) {
        if (r->selected && !r->selected[i])
            continue;
        const claim *c = &r->set->v[i];
        const claim_result *x = &r->res[i];
        int ok = decided(x->status);
        sb_puts(b, first ? "\n    {" : ",\n    {");
        first = 0;
        sb_puts(b, "\"id\": ");
        sb_json_str(b, c->id);
        sb_printf(b, ", \"chapter\": %d, \"line\": %ld, \"figure\": ", c->chapter, c->line);
        json_str_or_null(b, c->figure);
        sb_printf(b, ", \"op\": \"%s\", \"value\": ", claim_op_str(c->op));
        sb_double(b, c->value);
        sb_puts(b, ", \"tolerance\": ");
        sb_double(b, c->tolerance);
        sb_puts(b, ", \"unit\": ");
        sb_json_str(b, c->unit);
        sb_puts(b, ", \"measure\": ");
        json_str_or_null(b, c->measure);
        sb_printf(b, ", \"status\": \"%s\", \"observed\": ", claim_status_key(x->status));
        json_num_or_null(b, x->observed, ok);
        sb_puts(b, ", \"difference\": ");
        json_num_or_null(b, x->observed - c->value, ok);
        if (x->observed_year)
            sb_printf(b, ", \"observed_year\": %d", x->observed_year);
        sb_printf(b, ", \"expect\": \"%s\", \"matches_expectation\": %s, \"reason\": ",
                  claim_status_key(c->has_expect ? c->expect : CLAIM_PASS), x->matches ? "true" : "false");
        json_str_or_null(b, *x->reason.msg ? x->reason.msg : NULL);
        sb_puts(b, ", \"inputs\": ");
        strbuf d = STRBUF_INIT;
        cites_describe(&x->inputs, &d);
        json_str_or_null(b, x->inputs.n ? sb_cstr(&d) : NULL);
        sb_free(&d);
        sb_putc(b, '}');
    }
    sb_puts(b, "\n  ]\n}\n");
}

/* TAP 13: one test point per claim. A claim recorded as a known problem
 * (expect fail) that fails is "not ok # TODO", undecided claims are SKIPs,
 * and anything that differs from its expectation is a plain "not ok". */
void claims_write_tap(strbuf *b, const claims_run *r)
{
    sb_printf(b, "TAP version 13\n1..%zu\n", r->n_checked);
    size_t k = 0;
    for (size_t i = 0; i < r->set->n; i++) {
        if (r->selected && !r->selected[i])
            continue;
        const claim *c = &r->set->v[i];
        const claim_result *x = &r->res[i];
        k++;
        int bad = !x->matches;
        int known = !bad && x->status == CLAIM_FAIL;
        int skip = !bad && !decided(x->status);
        sb_printf(b, "%s %zu - %s", (bad || known) ? "not ok" : "ok", k, c->id);
        if (known)
            sb_printf(b, " # TODO known problem in the report: %s", c->expect_reason ? c->expect_reason : "");
        else if (skip)
            sb_printf(b, " # SKIP %s: %s", claim_status_str(x->status), x->reason.msg);
        sb_putc(b, '\n');
        if (bad) {
            char o[64], v[64];
            claims_fmt_num(o, sizeof o, x->observed);
            claims_fmt_num(v, sizeof v, c->value);
            sb_printf(b, "  ---\n  status: %s\n  expected: %s\n  claimed: \"%s %s\"\n", claim_status_key(x->status),
                      claim_status_key(c->has_expect ? c->expect : CLAIM_PASS), claim_op_str(c->op), v);
            if (decided(x->status))
                sb_printf(b, "  observed: %s\n", o);
            if (*x->reason.msg) {
                sb_puts(b, "  reason: ");
                sb_json_str(b, x->reason.msg);
                sb_putc(b, '\n');
            }
            sb_puts(b, "  ...\n");
        }
    }
}
