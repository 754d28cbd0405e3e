/* Claim expressions: syntax check, reference listing and evaluation with a
 * fake measure (every reference is 2, or NO-DATA when it names "nd"). */
#include "fuzz.h"

#include "claims/expr.h"

static void fuzz_expr_ref(void *user, const char *ref, expr_value *out)
{
    (void)user;
    memset(out, 0, sizeof *out);
    if (strstr(ref, "nd"))
        out->status = EVAL_NODATA;
    else
        out->value = 2;
}

static void fuzz_expr_count(void *user, const char *ref)
{
    (void)ref;
    (*(int *)user)++;
}

static int fuzz_expr(const uint8_t *data, size_t size)
{
    char *e = fuzz_cstr(data, size);
    wf_error err;
    claims_expr_check(e, true, &err);
    int n = 0;
    claims_expr_refs(e, fuzz_expr_count, &n);
    expr_value v;
    claims_expr_eval(e, 2016, fuzz_expr_ref, NULL, &v);
    if (!memchr(v.reason.msg, '\0', sizeof v.reason.msg))
        abort();
    free(e);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_expr)
