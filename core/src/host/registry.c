#define _POSIX_C_SOURCE 200809L
#include "host/registry.h"

#include <stdbool.h>
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/strbuf.h"

static void refuse(wf_registry *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void refuse(wf_registry *r, const char *fmt, ...)
{
    strbuf b = STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&b, fmt, ap);
    va_end(ap);
    r->refusals = xrealloc(r->refusals, (r->n_refusals + 1) * sizeof *r->refusals);
    r->refusals[r->n_refusals++] = sb_take(&b);
}

static char *dup_or_empty(const char *s) { return xstrdup(s ? s : ""); }

static char **dup_list(const char *const *l)
{
    size_t n = 0;
    while (l && l[n])
        n++;
    char **out = xcalloc(n + 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = xstrdup(l[i]);
    return out;
}

static void free_list(char **l)
{
    for (size_t i = 0; l && l[i]; i++)
        free(l[i]);
    free(l);
}

/* "build/plugins/cohorts.so" -> "cohorts" */
static char *file_stem(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
}

static bool valid_id(const char *s)
{
    if (!s || !*s)
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == '.'))
            return false;
    return true;
}

static int cmp_fig(const void *a, const void *b)
{
    return strcmp(((const wf_figure *)a)->id, ((const wf_figure *)b)->id);
}
static int cmp_meas(const void *a, const void *b)
{
    return strcmp(((const wf_measure *)a)->name, ((const wf_measure *)b)->name);
}

int registry_load_file(wf_registry *r, const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        refuse(r, "%s: cannot stat: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        refuse(r, "%s: not a regular file (symlinks and devices are not loaded)", path);
        return -1;
    }
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        refuse(r, "%s: cannot load: %s (a missing library? check with ldd)", path, e ? e : "unknown");
        return -1;
    }
    char *stem = file_stem(path);
    const wrrfig_plugin *d = dlsym(h, WRRFIG_PLUGIN_SYMBOL_NAME);
    const char *why = NULL;
    strbuf msg = STRBUF_INIT;
    if (!d) {
        sb_printf(&msg, "%s: no descriptor: the symbol '%s' is missing (not a wrrfig plugin, or built without "
                        "WRRFIG_PLUGIN_DEFINE)", path, WRRFIG_PLUGIN_SYMBOL_NAME);
    } else if (d->magic != WRRFIG_ABI_MAGIC) {
        sb_printf(&msg, "%s: wrong magic: found 0x%08x, expected 0x%08x (not a wrrfig plugin descriptor)", path,
                  (unsigned)d->magic, (unsigned)WRRFIG_ABI_MAGIC);
    } else if (d->abi_major != WRRFIG_ABI_MAJOR) {
        sb_printf(&msg, "%s: ABI major mismatch: plugin built for %u.%u, this host has %u.%u (rebuild the plugin)",
                  path, d->abi_major, d->abi_minor, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR);
    } else if (d->abi_minor > WRRFIG_ABI_MINOR) {
        sb_printf(&msg, "%s: ABI too new: plugin needs %u.%u, this host has %u.%u (upgrade wrrfig)", path,
                  d->abi_major, d->abi_minor, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR);
    } else if (!d->name || strcmp(d->name, stem) != 0) {
        sb_printf(&msg, "%s: name mismatch: descriptor says '%s', file stem is '%s' (they must be equal)", path,
                  d->name ? d->name : "(null)", stem);
    } else if (!d->version || !*d->version) {
        sb_printf(&msg, "%s: descriptor has no version", path);
    } else if ((d->n_figures && !d->figures) || (d->n_measures && !d->measures)) {
        sb_printf(&msg, "%s: descriptor counts figures/measures but gives no array", path);
    }
    for (size_t i = 0; d && !msg.len && i < d->n_figures; i++) {
        const wrrfig_figure *f = &d->figures[i];
        if (!valid_id(f->id))
            sb_printf(&msg, "%s: figure %zu has an invalid id '%s' (lower-case letters, digits, '-')", path, i,
                      f->id ? f->id : "(null)");
        else if (!f->build)
            sb_printf(&msg, "%s: figure '%s' has no build callback", path, f->id);
        else if (registry_figure(r, f->id))
            sb_printf(&msg, "%s: duplicate figure id '%s': already provided by plugin '%s'", path, f->id,
                      registry_figure(r, f->id)->plugin->name);
        for (size_t j = 0; !msg.len && j < i; j++)
            if (strcmp(d->figures[j].id, f->id) == 0)
                sb_printf(&msg, "%s: duplicate figure id '%s' within the plugin", path, f->id);
    }
    for (size_t i = 0; d && !msg.len && i < d->n_measures; i++) {
        const wrrfig_measure *m = &d->measures[i];
        if (!valid_id(m->name) || !m->eval)
            sb_printf(&msg, "%s: measure %zu ('%s') needs a name and an eval callback", path, i,
                      m->name ? m->name : "(null)");
        else if (registry_measure(r, m->name))
            sb_printf(&msg, "%s: duplicate measure '%s': already provided by plugin '%s'", path, m->name,
                      registry_measure(r, m->name)->plugin->name);
    }
    (void)why;
    free(stem);
    if (msg.len) {
        refuse(r, "%s", msg.s);
        sb_free(&msg);
        dlclose(h);
        return -1;
    }
    wf_plugin *p = xcalloc(1, sizeof *p);
    p->path = xstrdup(path);
    p->name = xstrdup(d->name);
    p->version = xstrdup(d->version);
    p->description = dup_or_empty(d->description);
    p->abi_major = d->abi_major;
    p->abi_minor = d->abi_minor;
    p->handle = h;
    p->desc = d;
    r->plugins = xrealloc(r->plugins, (r->n_plugins + 1) * sizeof *r->plugins);
    r->plugins[r->n_plugins++] = p;

    r->figures = xrealloc(r->figures, (r->n_figures + d->n_figures + 1) * sizeof *r->figures);
    for (size_t i = 0; i < d->n_figures; i++) {
        wf_figure *f = &r->figures[r->n_figures++];
        f->id = xstrdup(d->figures[i].id);
        f->inputs = dup_list(d->figures[i].inputs);
        f->needs = dup_or_empty(d->figures[i].needs);
        f->plugin = p;
        f->desc = &d->figures[i];
    }
    qsort(r->figures, r->n_figures, sizeof *r->figures, cmp_fig);
    r->measures = xrealloc(r->measures, (r->n_measures + d->n_measures + 1) * sizeof *r->measures);
    for (size_t i = 0; i < d->n_measures; i++) {
        wf_measure *m = &r->measures[r->n_measures++];
        const wrrfig_measure *md = &d->measures[i];
        m->name = xstrdup(md->name);
        m->params = dup_or_empty(md->params);
        m->unit = dup_or_empty(md->unit);
        m->doc = dup_or_empty(md->doc);
        m->inputs = dup_list(md->inputs);
        m->plugin = p;
        m->desc = md;
    }
    qsort(r->measures, r->n_measures, sizeof *r->measures, cmp_meas);
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int registry_load_dir(wf_registry *r, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".so") == 0 && e->d_name[0] != '.') {
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = xstrdup(e->d_name);
        }
    }
    closedir(d);
    /* Sorted, so which of two duplicate ids wins does not depend on readdir. */
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s", dir, names[i]);
        registry_load_file(r, p.s);
        sb_free(&p);
        free(names[i]);
    }
    free(names);
    return 0;
}

const wf_figure *registry_figure(const wf_registry *r, const char *id)
{
    for (size_t i = 0; i < r->n_figures; i++)
        if (strcmp(r->figures[i].id, id) == 0)
            return &r->figures[i];
    return NULL;
}

const wf_measure *registry_measure(const wf_registry *r, const char *name)
{
    for (size_t i = 0; i < r->n_measures; i++)
        if (strcmp(r->measures[i].name, name) == 0)
            return &r->measures[i];
    return NULL;
}

void registry_free(wf_registry *r)
{
    for (size_t i = 0; i < r->n_figures; i++) {
        free(r->figures[i].id);
        free_list(r->figures[i].inputs);
        free(r->figures[i].needs);
    }
    for (size_t i = 0; i < r->n_measures; i++) {
        wf_measure *m = &r->measures[i];
        free(m->name);
        free(m->params);
        free(m->unit);
        free(m->doc);
        free_list(m->inputs);
    }
    for (size_t i = 0; i < r->n_plugins; i++) {
        wf_plugin *p = r->plugins[i];
        if (p->handle)
            dlclose(p->handle);
        free(p->path);
        free(p->name);
        free(p->version);
        free(p->description);
        free(p);
    }
    for (size_t i = 0; i < r->n_refusals; i++)
        free(r->refusals[i]);
    free(r->refusals);
    free(r->plugins);
    free(r->figures);
    free(r->measures);
    memset(r, 0, sizeof *r);
}
