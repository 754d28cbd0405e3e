#define _POSIX_C_SOURCE 200809L
#include "claims/expr.h"

#include <stdbool.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

/* One parser serves three uses (syntax check, evaluation, listing
 * references), so the grammar lives in a single place. */
typedef struct parser {
    const char *text;
    const char *s;
    int evaluate;
    expr_ref_fn fn;
    void *user;
    void (*on_ref)(void *user, const char *ref);
    void *ref_user;
    int n_refs;
    wf_error *err;
    int failed;
} parser;

static void skip(parser *p)
{
    while (*p->s == ' ' || *p->s == '\t' || *p->s == '\n')
        p->s++;
}

static void fail(parser *p, const char *what)
{
    if (!p->failed && p->err)
        wf_errorf(p->err, "measure expression '%.200s%s': %s at offset %zu", p->text,
                  strlen(p->text) > 200 ? "..." : "", what, (size_t)(p->s - p->text));
    p->failed = 1;
}

/* Combines b into a for the operator op ('+', '-', '*', '/'). */
static void combine(expr_value *a, const expr_value *b, char op)
{
    cites_merge(&a->inputs, &b->inputs);
    if (b->status > a->status) {
        a->status = b->status;
        wf_errorf(&a->reason, "%s", b->reason.msg);
    }
    if (a->status != EVAL_OK)
        return;
    switch (op) {
    case '+': a->value += b->value; break;
    case '-': a->value -= b->value; break;
    case '*': a->value *= b->value; break;
    default:
        if (b->value == 0) {
            a->status = EVAL_ERROR;
            wf_errorf(&a->reason, "division by zero");
        } else
            a->value /= b->value;
    }
}

static void factor(parser *p, expr_value *out);

static void term(parser *p, expr_value *out)
{
    factor(p, out);
    for (;;) {
        skip(p);
        char op = *p->s;
        if (p->failed || (op != '*' && op != '/'))
            return;
        p->s++;
        expr_value b;
        memset(&b, 0, sizeof b);
        factor(p, &b);
        combine(out, &b, op);
    }
}

static void expr(parser *p, expr_value *out)
{
    term(p, out);
    for (;;) {
        skip(p);
        char op = *p->s;
        if (p->failed || (op != '+' && op != '-'))
            return;
        p->s++;
        expr_value b;
        memset(&b, 0, sizeof b);
        term(p, &b);
        combine(out, &b, op);
    }
}

static int name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.';
}

static void reference(parser *p, expr_value *out)
{
    const char *start = p->s;
    while (name_char(*p->s))
        p->s++;
    const char *dot = memchr(start, '.', (size_t)(p->s - start));
    if (!dot || dot == start || dot + 1 == p->s || !isalpha((unsigned char)*start)) {
        p->s = start;
        fail(p, "expected a measure name plugin.thing");
        return;
    }
    if (*p->s == '{') {
        char quote = 0;
        p->s++;
        while (*p->s && (quote || *p->s != '}')) {
            if (quote && *p->s == quote)
                quote = 0;
            else if (!quote && (*p->s == '\'' || *p->s == '"'))
                quote = *p->s;
            p->s++;
        }
        if (*p->s != '}') {
            fail(p, quote ? "unterminated quoted parameter" : "missing '}'");
            return;
        }
        p->s++;
    }
    char *ref = xstrndup(start, (size_t)(p->s - start));
    p->n_refs++;
    if (p->on_ref)
        p->on_ref(p->ref_user, ref);
    if (p->evaluate) {
        memset(out, 0, sizeof *out);
        p->fn(p->user, ref, out);
    }
    free(ref);
}

/* Unary minus signs before one factor. Counted in a loop, not by
 * recursion: a registry string of 100,000 '-' overflowed the stack. */
#define EXPR_MAX_UNARY 8

static void primary(parser *p, expr_value *out);

static void factor(parser *p, expr_value *out)
{
    int minus = 0;
    for (skip(p); *p->s == '-'; skip(p)) {
        if (++minus > EXPR_MAX_UNARY) {
            fail(p, "too many unary minus signs");
            return;
        }
        p->s++;
    }
    primary(p, out);
    if (minus % 2)
        out->value = -out->value;
}

static void primary(parser *p, expr_value *out)
{
    if (isdigit((unsigned char)*p->s) || (*p->s == '.' && isdigit((unsigned char)p->s[1]))) {
        /* decimal only: strtod also reads 0x10 (16) and hex floats, which a
         * claim never means */
        const char *q = p->s;
        while (isdigit((unsigned char)*q) || *q == '.')
            q++;
        if ((*q == 'e' || *q == 'E') &&
            (isdigit((unsigned char)q[1]) || ((q[1] == '+' || q[1] == '-') && isdigit((unsigned char)q[2])))) {
            q += 2;
            while (isdigit((unsigned char)*q))
                q++;
        }
        char *end;
        out->value = strtod(p->s, &end);
        if (end != q) {
            fail(p, "a number is written in decimal digits (as 12, 0.5 or 1e3)");
            return;
        }
        p->s = end;
        return;
    }
    if (isalpha((unsigned char)*p->s)) {
        reference(p, out);
        return;
    }
    fail(p, *p->s ? "expected a number or a measure reference" : "unexpected end");
}

static void run(parser *p, const char *text, expr_value *out)
{
    p->text = text;
    p->s = text;
    memset(out, 0, sizeof *out);
    expr(p, out);
    skip(p);
    if (!p->failed && *p->s)
        fail(p, "unexpected character");
}

static char *substitute_year(const char *e, int year)
{
    strbuf b = STRBUF_INIT;
    for (const char *s = e; *s;) {
        if (strncmp(s, "$year", 5) == 0) {
            sb_printf(&b, "%d", year);
            s += 5;
        } else
            sb_putc(&b, *s++);
    }
    return sb_take(&b);
}

int claims_expr_check(const char *e, bool allow_year, wf_error *err)
{
    if (!allow_year && strstr(e, "$year"))
        return wf_errorf(err, "measure expression '%s' uses $year but the claim has no each_year quantifier", e);
    char *t = substitute_year(e, 2000);
    parser p = {0};
    p.err = err;
    expr_value v;
    run(&p, t, &v);
    free(t);
    if (!p.failed && p.n_refs == 0)
        return wf_errorf(err, "measure expression '%s' names no measure", e);
    return p.failed ? -1 : 0;
}

void claims_expr_eval(const char *e, int year, expr_ref_fn fn, void *user, expr_value *out)
{
    char *t = year ? substitute_year(e, year) : xstrdup(e);
    wf_error err;
    parser p = {0};
    p.evaluate = 1;
    p.fn = fn;
    p.user = user;
    p.err = &err;
    run(&p, t, out);
    if (p.failed) {
        out->status = EVAL_ERROR;
        wf_errorf(&out->reason, "%s", err.msg);
    } else if (out->status == EVAL_OK && !isfinite(out->value)) {
        /* an overflow (1e308 * 10) or a number written so: no verdict rests
         * on it (infinity passed any "=" claim) */
        out->status = EVAL_ERROR;
        wf_errorf(&out->reason, "the expression's value is not a finite number");
    }
    free(t);
}

int claims_expr_refs(const char *e, void (*fn)(void *user, const char *ref), void *user)
{
    parser p = {0};
    p.on_ref = fn;
    p.ref_user = user;
    expr_value v;
    run(&p, e, &v);
    return p.n_refs;
}
