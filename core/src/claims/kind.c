#define _POSIX_C_SOURCE 200809L
#include "claims/kind.h"

#include <stdlib.h>
#include <string.h>

#include "claims/expr.h"
#include "claims/measure.h"

bool claims_table_is_report(const char *name)
{
    return strncmp(name, "report/", 7) == 0;
}

size_t claims_input_tables(const wf_cites *inputs, void (*fn)(void *user, const claims_input *in), void *user)
{
    for (size_t i = 0; fn && i < inputs->n; i++) {
        const wf_cite *c = &inputs->v[i];
        size_t sha_len = strlen(c->sha256);
        /* Reports show the first 12 hex digits, as they always have. */
        claims_input in = {c->name, c->source[0] ? c->source : NULL, c->sha256, strlen(c->name), strlen(c->source),
                           sha_len < 12 ? sha_len : 12};
        fn(user, &in);
    }
    return inputs->n;
}

typedef struct tally {
    size_t report, other;
} tally;

static void count_name(tally *t, const char *name, size_t len)
{
    if (len >= 7 && strncmp(name, "report/", 7) == 0)
        t->report++;
    else
        t->other++;
}

static void count_table(void *user, const claims_input *in)
{
    count_name(user, in->name, in->name_len);
}

typedef struct declared {
    const wf_registry *reg;
    tally t;
    size_t known;
} declared;

static void count_declared(void *user, const char *ref)
{
    declared *d = user;
    char *name = NULL, *params = NULL;
    if (measure_ref_split(ref, &name, &params) != 0)
        return;
    const wf_measure *m = d->reg ? registry_measure(d->reg, name) : NULL;
    if (m) {
        d->known++;
        for (size_t i = 0; m->inputs && m->inputs[i]; i++)
            count_name(&d->t, m->inputs[i], strlen(m->inputs[i]));
    }
    free(name);
    free(params);
}

claim_kind claims_kind_of(const wf_registry *reg, const claim *c, const claim_result *x)
{
    if (!c->measure || x->status == CLAIM_UNBOUND)
        return CLAIM_KIND_NONE;
    tally t = {0, 0};
    claims_input_tables(&x->inputs, count_table, &t);
    if (t.report + t.other == 0) {
        declared d = {reg, {0, 0}, 0};
        claims_expr_refs(c->measure, count_declared, &d);
        t = d.t;
        if (reg && d.known == 0)
            return CLAIM_KIND_NONE;
    }
    return t.other ? CLAIM_KIND_DATA : CLAIM_KIND_INTERNAL;
}
