#define _POSIX_C_SOURCE 200809L
#include "claims/check.h"

#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/eval.h"
#include "claims/kind.h"
#include "claims/read.h"
#include "claims/measure.h"

char *claims_registry_dir(const wf_app *a)
{
    strbuf b = STRBUF_INIT;
    sb_printf(&b, "%s/claims", a->data_dir);
    return sb_take(&b);
}

/* Measure results by reference: many claims share references (the years of
 * 37296ned, the cells of a table), and each evaluation forks. */
typedef struct ref_cache {
    const wf_app *app;
    wf_measure_server *server;
    char **refs;
    expr_value *vals;
    size_t n;
} ref_cache;

static void eval_ref(void *user, const char *ref, expr_value *out)
{
    ref_cache *c = user;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->refs[i], ref) == 0) {
            *out = c->vals[i];
            return;
        }
    wf_measure_result mr;
    measure_server_eval(c->server, ref, &mr);
    memset(out, 0, sizeof *out);
    out->status = mr.status; /* one status type for measures and expressions */
    if (mr.status == EVAL_OK)
        out->value = mr.value;
    if (out->status != EVAL_OK)
        wf_errorf(&out->reason, "%.400s: %.600s", ref, mr.reason.msg);
    out->inputs = mr.inputs;
    c->refs = xrealloc(c->refs, (c->n + 1) * sizeof *c->refs);
    c->vals = xrealloc(c->vals, (c->n + 1) * sizeof *c->vals);
    c->refs[c->n] = xstrdup(ref);
    c->vals[c->n] = *out;
    c->n++;
}

static bool wanted(const claim *c, const claims_options *o)
{
    if (o->chapter >= 0 && c->chapter != o->chapter)
        return false;
    if (o->claim_id && strcmp(c->id, o->claim_id) != 0)
        return false;
    if (o->figure_id && (!c->figure || strcmp(c->figure, o->figure_id) != 0))
        return false;
    return true;
}

void claims_check_set(const wf_app *a, const claim_set *set, const claims_options *o, claim_result *res,
                      unsigned char *sel)
{
    ref_cache cache = {a, measure_server_new(a), NULL, NULL, 0};
    for (size_t i = 0; i < set->n; i++) {
        sel[i] = (unsigned char)wanted(&set->v[i], o);
        memset(&res[i], 0, sizeof res[i]);
        if (sel[i]) {
            claims_check_one(&set->v[i], eval_ref, &cache, o->strict, &res[i]);
            res[i].kind = claims_kind_of(&a->reg, &set->v[i], &res[i]);
        }
    }
    measure_server_free(cache.server);
    for (size_t i = 0; i < cache.n; i++)
        free(cache.refs[i]);
    free(cache.refs);
    free(cache.vals);
}
