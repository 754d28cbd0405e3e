#include "claims/out.h"

#include "claims/kind.h"

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
        r->counts[claims_run_verdict(r, i)]++;
        if (!r->res[i].matches)
            r->n_mismatch++;
    }
}

claim_verdict claims_run_verdict(const claims_run *r, size_t i)
{
    return claim_verdict_of(r->res[i].status, r->res[i].kind);
}

const char *claims_reason_class(const claim *c, const claim_result *x)
{
    if (x->status != CLAIM_FAIL || !x->matches)
        return NULL;
    return c->revision ? "revised since publication" : "report error";
}

void claims_write_summary(strbuf *b, const claims_run *r)
{
    const size_t *n = r->counts;
    size_t data = n[VERDICT_PASS] + n[VERDICT_FAIL], own = n[VERDICT_CONSISTENT] + n[VERDICT_INCONSISTENT];
    sb_printf(b,
              "%zu claim%s checked against third-party data: %zu pass, %zu fail; %zu statement%s checked for "
              "internal consistency: %zu consistent, %zu inconsistent; %zu NO-DATA, %zu UNBOUND, %zu ERROR "
              "(%zu claims in all)",
              data, data == 1 ? "" : "s", n[VERDICT_PASS], n[VERDICT_FAIL], own, own == 1 ? "" : "s",
              n[VERDICT_CONSISTENT], n[VERDICT_INCONSISTENT], n[VERDICT_NODATA], n[VERDICT_UNBOUND],
              n[VERDICT_ERROR], r->n_checked);
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
        sb_printf(b, "%-12s %-28s claimed ", claim_verdict_str(claims_run_verdict(r, i)), c->id);
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
    sb_putc(b, '\n');
    claims_write_summary(b, r);
    sb_printf(b, "; %zu differ from their expectation%s\n", r->n_mismatch,
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

static void json_table(void *user, const claims_input *in)
{
    strbuf *b = user;
    /* claims_input points into a larger string: copy each part. */
    char name[256], src[1024], sha[80];
    snprintf(name, sizeof name, "%.*s", (int)in->name_len, in->name);
    snprintf(src, sizeof src, "%.*s", (int)in->source_len, in->source ? in->source : "");
    snprintf(sha, sizeof sha, "%.*s", (int)in->sha256_len, in->sha256 ? in->sha256 : "");
    if (b->len && b->s[b->len - 1] == '}')
        sb_puts(b, ", ");
    sb_puts(b, "{\"name\": ");
    sb_json_str(b, name);
    sb_puts(b, ", \"source\": ");
    json_str_or_null(b, in->source ? src : NULL);
    sb_puts(b, ", \"sha256\": ");
    json_str_or_null(b, in->sha256 ? sha : NULL);
    sb_puts(b, ", \"transcribes_report\": ");
    sb_puts(b, claims_table_is_report(name) ? "true" : "false");
    sb_putc(b, '}');
}

/* The schema is documented in docs/claims.md ("claims.json"); the site
 * renders it. Field order is fixed, claims in registry order. */
void claims_write_json(strbuf *b, const claims_run *r)
{
    const size_t *n = r->counts;
    sb_printf(b,
              "{\n  \"schema\": \"wrrfig-claims/2\",\n  \"summary\": {\"checked\": %zu, \"data\": %zu, \"pass\": %zu, "
              "\"fail\": %zu, \"internal\": %zu, \"consistent\": %zu, \"inconsistent\": %zu, \"no_data\": %zu, "
              "\"unbound\": %zu, \"error\": %zu, \"mismatches\": %zu, \"strict\": %s,\n    \"text\": ",
              r->n_checked, n[VERDICT_PASS] + n[VERDICT_FAIL], n[VERDICT_PASS], n[VERDICT_FAIL],
              n[VERDICT_CONSISTENT] + n[VERDICT_INCONSISTENT], n[VERDICT_CONSISTENT], n[VERDICT_INCONSISTENT],
              n[VERDICT_NODATA], n[VERDICT_UNBOUND], n[VERDICT_ERROR], r->n_mismatch, r->strict ? "true" : "false");
    strbuf sum = STRBUF_INIT;
    claims_write_summary(&sum, r);
    sb_json_str(b, sb_cstr(&sum));
    sb_free(&sum);
    sb_puts(b, "},\n  \"claims\": [");
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
        sb_printf(b, ", \"chapter\": %d, \"line\": %ld, \"section\": ", c->chapter, c->line);
        json_str_or_null(b, c->section);
        sb_puts(b, ", \"quote\": ");
        json_str_or_null(b, c->quote_nl);
        sb_puts(b, ", \"en\": ");
        json_str_or_null(b, c->en);
        sb_puts(b, ", \"figure\": ");
        json_str_or_null(b, c->figure);
        sb_printf(b, ", \"verdict\": \"%s\", \"kind\": \"%s\", \"op\": \"%s\", \"expected\": ",
                  claim_verdict_key(claims_run_verdict(r, i)), claim_kind_key(x->kind), claim_op_str(c->op));
        sb_double(b, c->value);
        sb_puts(b, ", \"unit\": ");
        sb_json_str(b, c->unit);
        sb_puts(b, ", \"tolerance\": ");
        sb_double(b, c->tolerance);
        sb_puts(b, ", \"observed\": ");
        json_num_or_null(b, x->observed, ok);
        sb_puts(b, ", \"difference\": ");
        json_num_or_null(b, x->observed - c->value, ok);
        if (x->observed_year)
            sb_printf(b, ", \"observed_year\": %d", x->observed_year);
        sb_puts(b, ", \"measure\": ");
        json_str_or_null(b, c->measure);
        sb_puts(b, ", \"reason\": ");
        json_str_or_null(b, *x->reason.msg ? x->reason.msg : NULL);
        sb_puts(b, ", \"reason_class\": ");
        json_str_or_null(b, claims_reason_class(c, x));
        sb_puts(b, ", \"revision\": ");
        json_str_or_null(b, c->revision);
        sb_printf(b, ", \"expectation\": \"%s\", \"expectation_reason\": ",
                  claim_status_key(c->has_expect ? c->expect : CLAIM_PASS));
        json_str_or_null(b, c->expect_reason);
        sb_printf(b, ", \"matches_expectation\": %s, \"tables\": [", x->matches ? "true" : "false");
        claims_input_tables(&x->inputs, json_table, b);
        sb_puts(b, "]}");
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
        if (known && c->revision)
            sb_printf(b, " # TODO revised since publication: %s", c->expect_reason ? c->expect_reason : "");
        else if (known)
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
