#include "host/ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ctx_init(wrrfig_ctx *c, const char *plugin, const char *item, const char *data_dir, const char *lang)
{
    memset(c, 0, sizeof *c);
    c->plugin_name = plugin;
    c->item_id = item;
    c->data_dir = data_dir;
    c->lang = lang ? lang : "nl";
}

void ctx_release(wrrfig_ctx *c)
{
    if (!c->cache)
        for (size_t i = 0; i < c->n_tables; i++)
            table_free(c->tables[i]);
    free(c->tables);
    if (c->geo && c->geo_free)
        c->geo_free(c->geo);
    inputs_free(&c->inputs);
    sb_free(&c->blocks);
    sb_free(&c->body);
    sb_free(&c->csv);
    for (size_t i = 0; i < c->n_notes; i++)
        free(c->notes[i]);
    free(c->notes);
    free(c->title);
    for (size_t i = 0; i < c->n_extra; i++) {
        free(c->extra_ext[i]);
        free(c->extra_text[i]);
    }
    free(c->extra_ext);
    free(c->extra_text);
    memset(c, 0, sizeof *c);
}

void table_cache_free(table_cache *tc)
{
    for (size_t i = 0; i < tc->n; i++)
        table_free(tc->t[i]);
    free(tc->t);
    tc->t = NULL;
    tc->n = 0;
}

bool ctx_declared(const wrrfig_ctx *c, const char *name)
{
    if (!c->declared)
        return true;
    for (size_t i = 0; c->declared[i]; i++)
        if (strcmp(c->declared[i], name) == 0)
            return true;
    return false;
}

void ctx_broken_input(wrrfig_ctx *c, const char *msg)
{
    if (c->broken++ == 0)
        snprintf(c->broken_msg, sizeof c->broken_msg, "%s", msg);
}

void ctx_misuse(wrrfig_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "wrrfig: [%s/%s] plugin error: ", c->plugin_name ? c->plugin_name : "?",
            c->item_id ? c->item_id : "?");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    c->misuse++;
}

void params_free(struct wrrfig_params *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->keys[i]);
        free(p->values[i]);
    }
    free(p->keys);
    free(p->values);
    memset(p, 0, sizeof *p);
}

static const char *skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

int params_parse(const char *text, struct wrrfig_params *p, wf_error *err)
{
    memset(p, 0, sizeof *p);
    const char *s = skip_ws(text);
    while (*s) {
        const char *k = s;
        while (*s && *s != '=' && *s != ',' && *s != ' ')
            s++;
        if (s == k || *skip_ws(s) != '=') {
            params_free(p);
            return wf_errorf(err, "parameters '%s': expected name=value at offset %zu", text, (size_t)(k - text));
        }
        char *key = xstrndup(k, (size_t)(s - k));
        s = skip_ws(skip_ws(s) + 1);
        strbuf v = STRBUF_INIT;
        if (*s == '\'' || *s == '"') {
            char q = *s++;
            while (*s && *s != q)
                sb_putc(&v, *s++);
            if (*s != q) {
                free(key);
                sb_free(&v);
                params_free(p);
                return wf_errorf(err, "parameters '%s': unterminated quoted value", text);
            }
            s++;
        } else {
            const char *b = s;
            while (*s && *s != ',')
                s++;
            const char *e = s;
            while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
                e--;
            sb_add(&v, b, (size_t)(e - b));
        }
        p->keys = xrealloc(p->keys, (p->n + 1) * sizeof *p->keys);
        p->values = xrealloc(p->values, (p->n + 1) * sizeof *p->values);
        p->keys[p->n] = key;
        p->values[p->n] = sb_take(&v);
        p->n++;
        s = skip_ws(s);
        if (*s == ',')
            s = skip_ws(s + 1);
        else if (*s) {
            params_free(p);
            return wf_errorf(err, "parameters '%s': expected ',' at offset %zu", text, (size_t)(s - text));
        }
    }
    return 0;
}
