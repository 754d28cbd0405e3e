#include "claims/model.h"

#include <stdlib.h>
#include <string.h>

static const char *const op_names[] = {"=", "~", ">", ">=", "<", "<="};
static const char *const status_names[] = {"PASS", "FAIL", "NO-DATA", "UNBOUND", "ERROR"};
static const char *const status_keys[] = {"pass", "fail", "no-data", "unbound", "error"};

const char *claim_op_str(claim_op op)
{
    return (unsigned)op < 6 ? op_names[op] : "?";
}

int claim_op_parse(const char *s, claim_op *out)
{
    for (int i = 0; i < 6; i++)
        if (strcmp(s, op_names[i]) == 0) {
            *out = (claim_op)i;
            return 0;
        }
    return -1;
}

const char *claim_status_str(claim_status s)
{
    return (unsigned)s < CLAIM_N_STATUS ? status_names[s] : "?";
}

const char *claim_status_key(claim_status s)
{
    return (unsigned)s < CLAIM_N_STATUS ? status_keys[s] : "?";
}

int claim_status_parse_key(const char *s, claim_status *out)
{
    /* "error" is an outcome, never something to expect. */
    for (int i = 0; i < CLAIM_ERROR; i++)
        if (strcmp(s, status_keys[i]) == 0) {
            *out = (claim_status)i;
            return 0;
        }
    return -1;
}

static const char *const verdict_names[] = {"PASS",    "FAIL",    "CONSISTENT", "INCONSISTENT",
                                            "NO-DATA", "UNBOUND", "ERROR"};
static const char *const verdict_keys[] = {"pass",    "fail",    "consistent", "inconsistent",
                                           "no-data", "unbound", "error"};

claim_verdict claim_verdict_of(claim_status s, claim_kind k)
{
    switch (s) {
    case CLAIM_PASS: return k == CLAIM_KIND_INTERNAL ? VERDICT_CONSISTENT : VERDICT_PASS;
    case CLAIM_FAIL: return k == CLAIM_KIND_INTERNAL ? VERDICT_INCONSISTENT : VERDICT_FAIL;
    case CLAIM_NODATA: return VERDICT_NODATA;
    case CLAIM_UNBOUND: return VERDICT_UNBOUND;
    default: return VERDICT_ERROR;
    }
}

const char *claim_verdict_str(claim_verdict v)
{
    return (unsigned)v < CLAIM_N_VERDICT ? verdict_names[v] : "?";
}

const char *claim_verdict_key(claim_verdict v)
{
    return (unsigned)v < CLAIM_N_VERDICT ? verdict_keys[v] : "?";
}

const char *claim_kind_key(claim_kind k)
{
    switch (k) {
    case CLAIM_KIND_DATA: return "data";
    case CLAIM_KIND_INTERNAL: return "internal";
    default: return "none";
    }
}

void claim_clear(claim *c)
{
    char **f[] = {&c->id, &c->section, &c->box, &c->figure, &c->quote_nl, &c->en, &c->subject, &c->period,
                  &c->unit, &c->measure, &c->expect_reason, &c->note, &c->source, &c->file,
                  &c->tolerance_reason, &c->tolerance_rule, &c->revision};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        free(*f[i]);
        *f[i] = NULL;
    }
}

void claim_set_free(claim_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        claim_clear(&s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

long claim_set_find(const claim_set *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i].id, id) == 0)
            return (long)i;
    return -1;
}
