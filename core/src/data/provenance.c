#include "data/provenance.h"

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

void inputs_describe(const wf_inputs *l, strbuf *out)
{
    for (size_t i = 0; i < l->n; i++) {
        const wf_input *in = &l->v[i];
        sb_printf(out, "%s%s (%s; sha256 %.12s)", i ? "; " : "", in->name, in->source ? in->source : "?",
                  in->sha256 ? in->sha256 : "");
    }
}

/* Per input, per field: a presence byte ('0' or '1'), then the string and
 * its NUL when present. */
void inputs_encode(const wf_inputs *l, strbuf *out)
{
    for (size_t i = 0; i < l->n; i++)
        for (size_t k = 0; k < N_FIELDS; k++) {
            const char *s = cfield(&l->v[i], k);
            sb_putc(out, s ? '1' : '0');
            if (s)
                sb_add(out, s, strlen(s) + 1);
        }
}

int inputs_decode(const char *buf, size_t len, wf_inputs *out)
{
    size_t at = 0;
    while (at < len) {
        wf_input in = {0};
        const char *v[N_FIELDS] = {0};
        for (size_t k = 0; k < N_FIELDS; k++) {
            if (at >= len || (buf[at] != '0' && buf[at] != '1'))
                return -1;
            if (buf[at++] == '0')
                continue;
            const char *nul = memchr(buf + at, '\0', len - at);
            if (!nul)
                return -1;
            v[k] = buf + at;
            at = (size_t)(nul - buf) + 1;
        }
        for (size_t k = 0; k < N_FIELDS; k++)
            *field(&in, k) = (char *)v[k];
        inputs_add(out, &in);
    }
    return 0;
}
