#define _POSIX_C_SOURCE 200809L
#include "claims/explain.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/check.h"
#include "claims/eval.h"
#include "claims/kind.h"
#include "claims/measure.h"
#include "claims/out.h"
#include "data/table.h"
#include "format/jsonfile.h"

static void num(strbuf *b, double v)
{
    char s[64];
    claims_fmt_num(s, sizeof s, v);
    sb_puts(b, s);
}

void claims_explain_arithmetic(strbuf *out, const claim *c, double obs)
{
    int holds = claims_compare_claim(c, obs);
    double lo = c->value - c->tolerance, hi = c->value + c->tolerance;
    switch (c->op) {
    case CLAIM_OP_EQ:
    case CLAIM_OP_APPROX: {
        double d = obs > c->value ? obs - c->value : c->value - obs;
        sb_puts(out, "|");
        num(out, obs);
        sb_puts(out, " - ");
        num(out, c->value);
        sb_puts(out, "| = ");
        num(out, d);
        sb_puts(out, holds ? " <= " : " > ");
        num(out, c->tolerance);
        sb_puts(out, " (tolerance)");
        break;
    }
    case CLAIM_OP_GT:
    case CLAIM_OP_GE:
        num(out, obs);
        sb_puts(out, holds ? (c->op == CLAIM_OP_GT ? " > " : " >= ") : (c->op == CLAIM_OP_GT ? " <= " : " < "));
        num(out, lo);
        sb_puts(out, " (");
        num(out, c->value);
        sb_puts(out, " - tolerance ");
        num(out, c->tolerance);
        sb_putc(out, ')');
        break;
    case CLAIM_OP_LT:
    case CLAIM_OP_LE:
        num(out, obs);
        sb_puts(out, holds ? (c->op == CLAIM_OP_LT ? " < " : " <= ") : (c->op == CLAIM_OP_LT ? " >= " : " > "));
        num(out, hi);
        sb_puts(out, " (");
        num(out, c->value);
        sb_puts(out, " + tolerance ");
        num(out, c->tolerance);
        sb_putc(out, ')');
        break;
    }
    if (c->window > 0) {
        bool low = c->op == CLAIM_OP_LT || c->op == CLAIM_OP_LE;
        sb_puts(out, "; window: ");
        num(out, obs);
        sb_puts(out, low ? " >= " : " <= ");
        num(out, low ? c->value - c->window : c->value + c->window);
        sb_puts(out, low ? " (value - window " : " (value + window ");
        num(out, c->window);
        sb_putc(out, ')');
    }
    sb_puts(out, holds ? ": holds" : ": does not hold");
}

typedef struct ref_ctx {
    const wf_app *a;
    wf_measure_server *server;
    strbuf *out;
} ref_ctx;

static void explain_ref(void *user, const char *ref)
{
    ref_ctx *r = user;
    wf_measure_result mr;
    measure_server_eval(r->server, ref, &mr);
    sb_printf(r->out, "  %s\n", ref);
    char *name = NULL, *params = NULL;
    if (measure_ref_split(ref, &name, &params) == 0) {
        const wf_measure *m = registry_measure(&r->a->reg, name);
        if (m) {
            sb_printf(r->out, "    definition: %s [plugin %s %s; unit %s]\n", m->doc ? m->doc : "",
                      m->plugin->name, m->plugin->version, m->unit ? m->unit : "");
            sb_puts(r->out, "    declared inputs:");
            if (!m->inputs || !m->inputs[0])
                sb_puts(r->out, " none (numbers printed in the report)");
            for (size_t i = 0; m->inputs && m->inputs[i]; i++)
                sb_printf(r->out, " %s", m->inputs[i]);
            sb_putc(r->out, '\n');
        }
    }
    free(name);
    free(params);
    if (mr.status == EVAL_OK) {
        sb_puts(r->out, "    value: ");
        num(r->out, mr.value);
        sb_putc(r->out, '\n');
    } else
        sb_printf(r->out, "    %s: %s\n",
                  mr.status == EVAL_NODATA    ? "NO-DATA"
                  : mr.status == EVAL_UNBOUND ? "UNBOUND"
                                                 : "ERROR",
                  mr.reason.msg);
}

typedef struct table_ctx {
    const wf_app *a;
    strbuf *out;
} table_ctx;

static void explain_table(void *user, const claims_input *in)
{
    table_ctx *t = user;
    char name[256];
    snprintf(name, sizeof name, "%.*s", (int)in->name_len, in->name);
    sb_printf(t->out, "  %s%s\n", name, claims_table_is_report(name) ? "  (a transcription of the report itself)" : "");
    char *csv = table_csv_path(t->a->data_dir, name), *meta = table_meta_path(t->a->data_dir, name);
    sb_printf(t->out, "    file: %s (sha256 %.*s...)\n", csv, (int)in->sha256_len, in->sha256 ? in->sha256 : "");
    cJSON *m = NULL;
    wf_error err;
    if (json_read_file(meta, &m, &err) == 0) {
        static const char *const keys[] = {"title", "source", "source_file", "source_sha256", "licence",
                                           "reference_period", "importer"};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            const char *v = json_str(m, keys[k]);
            if (v)
                sb_printf(t->out, "    %s: %s\n", keys[k], v);
        }
        cJSON_Delete(m);
    } else
        sb_printf(t->out, "    provenance: %s\n", err.msg);
    free(csv);
    free(meta);
}

int claims_explain(const wf_app *a, const claim *c, strbuf *out)
{
    claim_set one = {(claim *)c, 1};
    claims_options o = {-1, NULL, NULL, 0};
    claim_result x;
    unsigned char sel;
    claims_check_set(a, &one, &o, &x, &sel);
    claim_verdict v = claim_verdict_of(x.status, x.kind);

    sb_printf(out, "%s: %s\n", c->id, claim_verdict_str(v));
    sb_printf(out, "registry: %s $[%zu]%s%s\n", c->file ? c->file : "?", c->index, c->source ? "; " : "",
              c->source ? c->source : "");
    sb_printf(out, "quote (report line %ld", c->line);
    if (c->section)
        sb_printf(out, ", %s", c->section);
    if (c->box)
        sb_printf(out, ", %s", c->box);
    sb_printf(out, "):\n  \"%s\"\nreading: %s\n", c->quote_nl, c->en);
    if (c->figure)
        sb_printf(out, "figure: %s\n", c->figure);
    sb_puts(out, "encoding: observed ");
    sb_puts(out, claim_op_str(c->op));
    sb_putc(out, ' ');
    num(out, c->value);
    sb_printf(out, " %s, tolerance ", c->unit);
    num(out, c->tolerance);
    if (c->window > 0) {
        sb_puts(out, ", window ");
        num(out, c->window);
    }
    if (c->each_year)
        sb_printf(out, ", in every year %d-%d", c->year_from, c->year_to);
    sb_putc(out, '\n');
    if (c->tolerance_rule)
        sb_printf(out, "tolerance rule: %s\n", c->tolerance_rule);
    if (c->note)
        sb_printf(out, "note: %s\n", c->note);
    if (!c->measure) {
        sb_puts(out, "measure: none (the registry binds this claim to no data)\n");
    } else {
        sb_printf(out, "measure: %s\n", c->measure);
        if (!c->each_year) {
            ref_ctx r = {a, measure_server_new(a), out};
            claims_expr_refs(c->measure, explain_ref, &r);
            measure_server_free(r.server);
        } else
            sb_puts(out, "  (evaluated once per year, $year replaced)\n");
    }
    sb_puts(out, "tables read:\n");
    table_ctx t = {a, out};
    if (claims_input_tables(&x.inputs, explain_table, &t) == 0)
        sb_puts(out, x.status == CLAIM_PASS || x.status == CLAIM_FAIL
                         ? "  none: arithmetic on numbers printed in the report\n"
                         : "  none\n");
    sb_printf(out, "kind: %s\n", claim_kind_key(x.kind));
    if (x.status == CLAIM_PASS || x.status == CLAIM_FAIL) {
        sb_puts(out, "observed: ");
        num(out, x.observed);
        if (x.observed_year)
            sb_printf(out, " (%d)", x.observed_year);
        sb_puts(out, "\narithmetic: ");
        claims_explain_arithmetic(out, c, x.observed);
        sb_putc(out, '\n');
        if (*x.reason.msg)
            sb_printf(out, "years: %s\n", x.reason.msg);
    } else
        sb_printf(out, "undecided: %s\n", x.reason.msg);
    sb_printf(out, "verdict: %s", claim_verdict_str(v));
    if (c->has_expect && c->expect != CLAIM_PASS)
        sb_printf(out, " (recorded expectation %s: %s)", claim_status_key(c->expect),
                  c->expect_reason ? c->expect_reason : "");
    sb_printf(out, "%s\n", x.matches ? "" : "  <-- differs from the recorded expectation");
    return x.matches ? 0 : -1;
}
