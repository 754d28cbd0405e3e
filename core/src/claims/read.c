#define _POSIX_C_SOURCE 200809L
#include "claims/read.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

#include "claims/expr.h"
#include "claims/policy.h"
#include "util/figid.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "format/jsonfile.h"

typedef struct reader {
    const char *file;
    size_t idx;
    wf_errors *errs;
    size_t n_err;
} reader;

static void report(reader *r, const char *field, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void report(reader *r, const char *field, const char *fmt, ...)
{
    char where[512];
    snprintf(where, sizeof where, "%s: $[%zu]%s%s", r->file, r->idx, field ? "." : "", field ? field : "");
    wf_error e;
    va_list ap;
    va_start(ap, fmt);
    wf_error_vin(&e, where, fmt, ap);
    va_end(ap);
    wf_errors_push(r->errs, &e);
    r->n_err++;
}

/* What a JSON value is, for "expected X, got Y" messages. */
static void describe(const cJSON *it, char *buf, size_t n)
{
    if (!it)
        snprintf(buf, n, "nothing (member absent)");
    else if (cJSON_IsString(it))
        snprintf(buf, n, "\"%.60s\"", it->valuestring);
    else if (cJSON_IsNumber(it))
        snprintf(buf, n, "%g", it->valuedouble);
    else if (cJSON_IsNull(it))
        snprintf(buf, n, "null");
    else if (cJSON_IsBool(it))
        snprintf(buf, n, "%s", cJSON_IsTrue(it) ? "true" : "false");
    else if (cJSON_IsArray(it))
        snprintf(buf, n, "an array");
    else
        snprintf(buf, n, "an object");
}

static const char *const known_keys[] = {"id", "line", "section", "box", "figure", "quote_nl", "en", "subject",
                                         "period", "op", "value", "unit", "tolerance", "tolerance_reason", "measure", "quantifier", "revision",
                                         "expect", "expect_reason", "note", "source"};

/* A string member. required: absence is an error; nullable: null is
 * allowed (and gives NULL). */
static char *get_str(reader *r, const cJSON *o, const char *key, int required, int nullable, int nonempty)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!it) {
        if (required)
            report(r, key, "missing (expected a string%s)", nullable ? " or null" : "");
        return NULL;
    }
    if (nullable && cJSON_IsNull(it))
        return NULL;
    if (!cJSON_IsString(it)) {
        char got[96];
        describe(it, got, sizeof got);
        report(r, key, "expected a string%s, got %s", nullable ? " or null" : "", got);
        return NULL;
    }
    if (nonempty && !*it->valuestring) {
        report(r, key, "expected a non-empty string");
        return NULL;
    }
    return xstrdup(it->valuestring);
}

static int get_num(reader *r, const cJSON *o, const char *key, double *out)
{
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble)) {
        char got[96];
        describe(it, got, sizeof got);
        report(r, key, "expected a number, got %s", got);
        return -1;
    }
    *out = it->valuedouble;
    return 0;
}

static int valid_id(const char *s)
{
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-' ||
              *c == '_' || *c == '.'))
            return 0;
    return *s != '\0';
}

/* Canonical figure ids: fig-2-14, tab-2-1, kader-4-5 (no variant). */
static int valid_figure(const char *s)
{
    int chapter, number;
    return figid_parse(s, &chapter, &number, NULL);
}

static void read_quantifier(reader *r, const cJSON *o, claim *c)
{
    const cJSON *q = cJSON_GetObjectItemCaseSensitive(o, "quantifier");
    if (!q || cJSON_IsNull(q))
        return;
    const cJSON *ey = cJSON_GetObjectItemCaseSensitive(q, "each_year");
    if (!cJSON_IsObject(q) || !cJSON_IsArray(ey) || cJSON_GetArraySize(ey) != 2 || cJSON_GetArraySize(q) != 1) {
        report(r, "quantifier", "expected {\"each_year\": [from, to]}");
        return;
    }
    const cJSON *a = cJSON_GetArrayItem(ey, 0), *b = cJSON_GetArrayItem(ey, 1);
    /* Range first: casting 1e19 to int is undefined behaviour. */
    if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b) || !(a->valuedouble >= 1000 && a->valuedouble <= 3000) ||
        !(b->valuedouble >= 1000 && b->valuedouble <= 3000) || a->valuedouble != (int)a->valuedouble ||
        b->valuedouble != (int)b->valuedouble || a->valuedouble > b->valuedouble) {
        report(r, "quantifier.each_year", "expected two years [from, to] with from <= to");
        return;
    }
    c->each_year = 1;
    c->year_from = (int)a->valuedouble;
    c->year_to = (int)b->valuedouble;
}

/* The tolerance policy (claims/policy.h) sets op, tolerance and window
 * unless the claim states a reason to differ or its quote does not state
 * the claimed value (a derived claim: "verviervoudigd" read as a share). */
static void apply_policy(reader *r, claim *c)
{
    if (!c->quote_nl || !c->unit)
        return;
    strbuf rule = STRBUF_INIT;
    if (c->tolerance_reason) {
        sb_printf(&rule, "the registry's: %s", c->tolerance_reason);
    } else {
        claim_policy p;
        claims_policy_of(c, &p);
        if (p.found) {
            /* The file says what is checked: it must agree with the policy. */
            if (c->op != p.op || fabs(c->tolerance - p.tolerance) > 1e-9 * (1 + fabs(p.tolerance))) {
                char want[32];
                snprintf(want, sizeof want, "%.10g", p.tolerance);
                report(r, "tolerance", "op %s, tolerance %.10g differ from the tolerance policy's op %s, tolerance %s "
                                       "(%s; docs/claims.md): write those, or give tolerance_reason",
                       claim_op_str(c->op), c->tolerance, claim_op_str(p.op), want, p.rule);
            }
            c->op = p.op;
            c->tolerance = p.tolerance;
            c->window = p.window;
            sb_printf(&rule, "policy: %s", p.rule);
        } else
            sb_puts(&rule, "the registry's (the quote does not state the claimed value)");
    }
    c->tolerance_rule = sb_take(&rule);
}

static int read_claim(reader *r, const cJSON *o, int chapter, claim *c)
{
    size_t before = r->n_err;
    memset(c, 0, sizeof *c);
    if (!cJSON_IsObject(o)) {
        char got[96];
        describe(o, got, sizeof got);
        report(r, NULL, "expected an object (one claim), got %s", got);
        return -1;
    }
    for (const cJSON *m = o->child; m; m = m->next) {
        int known = 0;
        for (size_t k = 0; k < sizeof known_keys / sizeof known_keys[0]; k++)
            known |= strcmp(m->string, known_keys[k]) == 0;
        if (!known)
            report(r, m->string, "unknown member (expected one of id, line, section, box, figure, quote_nl, en, "
                                 "subject, period, op, value, unit, tolerance, tolerance_reason, measure, quantifier, expect, "
                                 "expect_reason, revision, note, source)");
    }
    c->chapter = chapter;
    c->id = get_str(r, o, "id", 1, 0, 1);
    if (c->id && !valid_id(c->id))
        report(r, "id", "expected letters, digits, '-', '_' or '.', got \"%s\"", c->id);
    double line = 0;
    bool given = get_num(r, o, "line", &line) == 0;
    bool line_ok = line >= 1 && line <= 1e9 && line == (long)line; /* range before the cast: (long)1e19 is UB */
    if (given && !line_ok)
        report(r, "line", "expected a report line number >= 1, got %g", line);
    c->line = line_ok ? (long)line : 0;
    c->section = get_str(r, o, "section", 0, 1, 0);
    c->box = get_str(r, o, "box", 0, 1, 0);
    c->figure = get_str(r, o, "figure", 1, 1, 1);
    if (c->figure && !valid_figure(c->figure))
        report(r, "figure", "expected a canonical id like fig-2-14, tab-2-1 or kader-4-5 (or null), got \"%s\"",
               c->figure);
    c->quote_nl = get_str(r, o, "quote_nl", 1, 0, 1);
    c->en = get_str(r, o, "en", 1, 0, 1);
    c->subject = get_str(r, o, "subject", 0, 1, 0);
    c->period = get_str(r, o, "period", 0, 1, 0);
    const cJSON *op = cJSON_GetObjectItemCaseSensitive(o, "op");
    if (!cJSON_IsString(op) || claim_op_parse(op->valuestring, &c->op) != 0) {
        char got[96];
        describe(op, got, sizeof got);
        report(r, "op", "expected one of = ~ > >= < <=, got %s", got);
    }
    get_num(r, o, "value", &c->value);
    c->unit = get_str(r, o, "unit", 1, 0, 1);
    if (get_num(r, o, "tolerance", &c->tolerance) == 0 && c->tolerance < 0)
        report(r, "tolerance", "expected a number >= 0, got %g", c->tolerance);
    c->tolerance_reason = get_str(r, o, "tolerance_reason", 0, 0, 1);
    apply_policy(r, c);
    read_quantifier(r, o, c);
    c->measure = get_str(r, o, "measure", 1, 1, 1);
    if (c->measure) {
        wf_error e;
        if (claims_expr_check(c->measure, c->each_year, &e) != 0)
            report(r, "measure", "%s", e.msg);
    }
    const cJSON *ex = cJSON_GetObjectItemCaseSensitive(o, "expect");
    if (ex) {
        if (!cJSON_IsString(ex) || claim_status_parse_key(ex->valuestring, &c->expect) != 0) {
            char got[96];
            describe(ex, got, sizeof got);
            report(r, "expect", "expected one of pass, fail, no-data, unbound, got %s", got);
        } else
            c->has_expect = 1;
    }
    c->expect_reason = get_str(r, o, "expect_reason", 0, 0, 1);
    if (c->has_expect && c->expect != CLAIM_PASS && !c->expect_reason)
        report(r, "expect_reason", "missing: an expectation other than pass must say why");
    if (c->expect_reason && !ex)
        report(r, "expect_reason", "given without expect");
    c->revision = get_str(r, o, "revision", 0, 0, 1);
    if (c->revision && !(c->has_expect && c->expect == CLAIM_FAIL))
        report(r, "revision", "given without expect: fail (a revision explains a known FAIL)");
    c->note = get_str(r, o, "note", 0, 1, 0);
    c->source = get_str(r, o, "source", 0, 1, 0);
    return r->n_err == before ? 0 : -1;
}

int claims_parse(const char *text, size_t len, const char *display, int chapter, claim_set *out, wf_errors *errs)
{
    reader r = {display, 0, errs, 0};
    cJSON *root = NULL;
    wf_error e;
    if (json_parse(text, len, display, &root, &e) != 0) {
        return wf_errors_push(errs, &e);
    }
    if (!cJSON_IsArray(root)) {
        cJSON_Delete(root);
        return wf_errors_add(errs, "%s: $: expected an array of claims", display);
    }
    size_t n = (size_t)cJSON_GetArraySize(root);
    out->v = xrealloc(out->v, (out->n + n + 1) * sizeof *out->v);
    for (const cJSON *it = root->child; it; it = it->next, r.idx++) {
        claim *c = &out->v[out->n];
        if (read_claim(&r, it, chapter, c) != 0) {
            claim_clear(c);
            continue;
        }
        c->file = xstrdup(display);
        c->index = r.idx;
        out->n++;
    }
    cJSON_Delete(root);
    return r.n_err ? -1 : 0;
}

static int chapter_of(const char *name)
{
    if (strncmp(name, "ch", 2) != 0)
        return -1;
    const char *p = name + 2;
    if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
        return -1; /* "ch02.json" would be read, and reported, as ch2.json */
    int n = 0, digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 3) {
        n = n * 10 + (*p++ - '0');
        digits++;
    }
    return digits && strcmp(p, ".json") == 0 ? n : -1;
}

/* (id, position) pairs sorted: a duplicate is then the next entry, and the
 * first occurrence the start of its run. O(n log n), where comparing every
 * pair was 45 % of a check on a registry 20 times the size. */
typedef struct id_pos {
    const char *id;
    size_t pos;
} id_pos;

static int cmp_id_pos(const void *a, const void *b)
{
    const id_pos *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

int claims_check_unique_ids(const claim_set *set, wf_errors *errs)
{
    if (set->n < 2)
        return 0;
    id_pos *ord = xcalloc(set->n, sizeof *ord);
    for (size_t i = 0; i < set->n; i++)
        ord[i] = (id_pos){set->v[i].id, i};
    qsort(ord, set->n, sizeof *ord, cmp_id_pos);
    /* Mark duplicates with their first occurrence, then report in registry
     * order, as a reader fixing the files expects. */
    size_t *first = xcalloc(set->n, sizeof *first);
    unsigned char *dup = xcalloc(set->n, 1);
    size_t run = 0;
    for (size_t k = 1; k < set->n; k++) {
        if (strcmp(ord[k].id, ord[run].id) != 0) {
            run = k;
            continue;
        }
        dup[ord[k].pos] = 1;
        first[ord[k].pos] = ord[run].pos;
    }
    size_t before = errs->n;
    for (size_t i = 0; i < set->n; i++)
        if (dup[i]) {
            const claim *c = &set->v[i], *f = &set->v[first[i]];
            wf_errors_add(errs, "%s: $[%zu].id: duplicate id \"%s\" (first in %s at $[%zu])", c->file, c->index, c->id,
                          f->file, f->index);
        }
    free(ord);
    free(first);
    free(dup);
    return errs->n == before ? 0 : -1;
}

int claims_load_dir(const char *dir, claim_set *out, wf_errors *errs)
{
    size_t before = errs->n;
    DIR *d = opendir(dir);
    if (!d)
        return wf_errors_add(errs, "%s: cannot open the claim registry directory", dir);
    int chapters[1000];
    size_t n_ch = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n_ch < 1000) {
        int ch = chapter_of(de->d_name);
        size_t nl = strlen(de->d_name);
        if (ch >= 0)
            chapters[n_ch++] = ch;
        else if (strncmp(de->d_name, "ch", 2) == 0 && nl > 5 && strcmp(de->d_name + nl - 5, ".json") == 0)
            wf_errors_add(errs, "%s/%s: not read: registry files are named ch<N>.json, N without leading zeros",
                          dir, de->d_name);
    }
    closedir(d);
    if (n_ch == 0)
        return wf_errors_add(errs, "%s: no chN.json files (expected one registry file per chapter)", dir);
    /* Chapter order, so output is stable whatever readdir returns. */
    for (size_t i = 1; i < n_ch; i++)
        for (size_t j = i; j > 0 && chapters[j - 1] > chapters[j]; j--) {
            int t = chapters[j];
            chapters[j] = chapters[j - 1];
            chapters[j - 1] = t;
        }
    for (size_t i = 0; i < n_ch; i++) {
        strbuf path = STRBUF_INIT;
        sb_printf(&path, "%s/ch%d.json", dir, chapters[i]);
        char *text;
        size_t len;
        wf_error e;
        if (read_file(path.s, &text, &len, &e) != 0) {
            wf_errors_push(errs, &e);
        } else {
            claims_parse(text, len, path.s, chapters[i], out, errs);
            free(text);
        }
        sb_free(&path);
    }
    claims_check_unique_ids(out, errs);
    return errs->n == before ? 0 : -1;
}
