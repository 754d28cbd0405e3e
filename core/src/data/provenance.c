#include "data/provenance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_FIELDS 8

static char **field(wf_input *in, size_t k)
{
    char **f[N_FIELDS] = {&in->name,   &in->file,          &in->sha256,  &in->source,
                          &in->source_file, &in->source_sha256, &in->licence, &in->title};
    return f[k];
}

static const char *cfield(const wf_input *in, size_t k) { return *field((wf_input *)in, k); }

static bool same(const char *a, const char *b) { return strcmp(a ? a : "", b ? b : "") == 0; }

bool inputs_has(const wf_inputs *l, const char *name, const char *sha256)
{
    for (size_t i = 0; i < l->n; i++)
        if (same(l->v[i].name, name) && same(l->v[i].sha256, sha256))
            return true;
    return false;
}

void inputs_add(wf_inputs *l, const wf_input *in)
{
    if (inputs_has(l, in->name, in->sha256))
        return;
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    wf_input *d = &l->v[l->n++];
    for (size_t k = 0; k < N_FIELDS; k++) {
        const char *s = cfield(in, k);
        *field(d, k) = s ? xstrdup(s) : NULL;
    }
}

void inputs_merge(wf_inputs *to, const wf_inputs *from)
{
    for (size_t i = 0; i < from->n; i++)
        inputs_add(to, &from->v[i]);
}

void inputs_free(wf_inputs *l)
{
    for (size_t i = 0; i < l->n; i++)
        for (size_t k = 0; k < N_FIELDS; k++)
            free(*field(&l->v[i], k));
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

void cites_add(wf_cites *l, const char *name, const char *source, const char *sha256)
{
    for (size_t i = 0; i < l->n; i++)
        if (same(l->v[i].name, name) && same(l->v[i].sha256, sha256))
            return;
    if (l->n == WF_CITES_MAX) {
        l->truncated = true;
        return;
    }
    wf_cite *c = &l->v[l->n++];
    snprintf(c->name, sizeof c->name, "%s", name ? name : "");
    snprintf(c->source, sizeof c->source, "%s", source ? source : "");
    snprintf(c->sha256, sizeof c->sha256, "%s", sha256 ? sha256 : "");
}

void cites_merge(wf_cites *to, const wf_cites *from)
{
    for (size_t i = 0; i < from->n; i++)
        cites_add(to, from->v[i].name, from->v[i].source, from->v[i].sha256);
    to->truncated |= from->truncated;
}

void cites_from_inputs(wf_cites *to, const wf_inputs *from)
{
    for (size_t i = 0; i < from->n; i++)
        cites_add(to, from->v[i].name, from->v[i].source, from->v[i].sha256);
}

bool cites_has(const wf_cites *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].name, name) == 0)
            return true;
    return false;
}

void cites_describe(const wf_cites *l, strbuf *out)
{
    for (size_t i = 0; i < l->n; i++) {
        const wf_cite *c = &l->v[i];
        sb_printf(out, "%s%s (%s; sha256 %.12s)", i ? "; " : "", c->name, c->source[0] ? c->source : "?", c->sha256);
    }
    if (l->truncated)
        sb_puts(out, "; ...");
}
