#define _POSIX_C_SOURCE 200809L
#include "host/registry.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "host/kind.h"
#include "host/probe.h"
#include "util/figid.h"
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
static char *dup_or_null(const char *s) { return s ? xstrdup(s) : NULL; }

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

/* --- reading array elements by the plugin's element size -------------------
 * An element of a plugin built for an older minor may be smaller than the
 * host's struct: copy what it has into a zeroed host struct, so the fields
 * it lacks read as NULL / 0. The smallest acceptable size is that of the
 * first layout of the major (ABI 2.0). */
#define FIGURE_SIZE_2_0 (offsetof(wrrfig_figure, build) + sizeof(wrrfig_build_fn))

static void read_elem(void *dst, size_t host_size, const void *base, size_t elem_size, size_t i)
{
    memset(dst, 0, host_size);
    memcpy(dst, (const char *)base + i * elem_size, elem_size < host_size ? elem_size : host_size);
}

static wrrfig_figure figure_at(const wrrfig_plugin *d, size_t i)
{
    wrrfig_figure f;
    read_elem(&f, sizeof f, d->figures, d->figure_size, i);
    return f;
}

static wrrfig_measure measure_at(const wrrfig_plugin *d, size_t i)
{
    wrrfig_measure m;
    read_elem(&m, sizeof m, d->measures, d->measure_size, i);
    return m;
}

static wrrfig_kind kind_at(const wrrfig_plugin *d, size_t i)
{
    wrrfig_kind k;
    read_elem(&k, sizeof k, d->kinds, d->kind_size, i);
    return k;
}

static wrrfig_param param_at(const wrrfig_kind *k, size_t i)
{
    wrrfig_param p;
    read_elem(&p, sizeof p, k->params, k->param_size, i);
    return p;
}

/* An element size is acceptable when it is at least the 2.0 layout and at
 * most the host's (a larger one would need a newer minor, refused earlier). */
static int check_size(const char *path, const char *what, size_t n, const void *arr, size_t found, size_t min,
                      size_t max, strbuf *msg)
{
    if (n == 0)
        return 0;
    if (!arr) {
        sb_printf(msg, "%s: descriptor counts %zu %s but gives no array", path, n, what);
        return -1;
    }
    if (found < min || found > max) {
        sb_printf(msg, "%s: %s element size: found %zu, expected %zu to %zu bytes (set it with WRRFIG_ARRAY)", path,
                  what, found, min, max);
        return -1;
    }
    return 0;
}

static bool is_lower_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

/* Lower-case letters, digits and single '-' between them. */
static bool valid_slug(const char *s)
{
    if (!s || !is_lower_digit(*s))
        return false;
    for (const char *p = s; *p; p++)
        if (!is_lower_digit(*p) && !(*p == '-' && p[1] && is_lower_digit(p[1])))
            return false;
    return true;
}

/* "<plugin>.<name>" with name lower-case letters, digits, '_' and '-' (measures
 * and kinds). */
static bool valid_dotted(const char *s)
{
    /* Ids become file names (<out>/<id>.svg): "..", ".x" or "" must not. */
    if (!s || !*s || !((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')) || strstr(s, ".."))
        return false;
    const char *dot = strchr(s, '.');
    if (!dot || dot == s || !dot[1] || strchr(dot + 1, '.'))
        return false;
    for (const char *p = s; *p; p++)
        if (!is_lower_digit(*p) && *p != '_' && *p != '-' && p != dot)
            return false;
    return true;
}

bool registry_figure_id_ok(const char *id, const char *plugin)
{
    if (!valid_slug(id))
        return false;
    int chapter, number;
    const char *variant;
    if (figid_parse(id, &chapter, &number, &variant))
        return true; /* a variant after the number is any slug */
    size_t n = strlen(plugin);
    return strncmp(id, plugin, n) == 0 && id[n] == '-' && id[n + 1];
}

static bool valid_param_name(const char *s)
{
    if (!s || !(*s >= 'a' && *s <= 'z'))
        return false;
    for (; *s; s++)
        if (!is_lower_digit(*s) && *s != '_')
            return false;
    return true;
}

/* A default must be JSON of the parameter's type. */
static const char *default_problem(const wrrfig_param *p)
{
    if (!p->def)
        return NULL;
    cJSON *j = cJSON_Parse(p->def);
    const char *why = NULL;
    if (!j)
        why = "is not JSON";
    else if ((p->type == WRRFIG_PARAM_TABLE || p->type == WRRFIG_PARAM_LAYER) &&
             (!cJSON_IsString(j) || !kind_table_name_ok(j->valuestring)))
        why = "must be a JSON string naming a table or layer (such as \"cbs/37296ned\")";
    else if (p->type == WRRFIG_PARAM_TEXT && !cJSON_IsString(j) && !cJSON_IsObject(j))
        why = "must be a JSON string or {\"nl\", \"en\"} object";
    else if (p->type == WRRFIG_PARAM_NUMBER && !cJSON_IsNumber(j))
        why = "must be a JSON number";
    else if (p->type == WRRFIG_PARAM_LIST && !cJSON_IsArray(j))
        why = "must be a JSON array";
    cJSON_Delete(j);
    return why;
}

static int check_kind(const wf_registry *r, const wrrfig_plugin *d, size_t i, const char *path, strbuf *msg)
{
    wrrfig_kind k = kind_at(d, i);
    if (!valid_dotted(k.id) || strncmp(k.id, d->name, strlen(d->name)) != 0 || k.id[strlen(d->name)] != '.') {
        sb_printf(msg, "%s: kind %zu has an invalid id '%s' (expected '%s.<name>')", path, i, k.id ? k.id : "(null)",
                  d->name);
        return -1;
    }
    if (!k.build) {
        sb_printf(msg, "%s: kind '%s' has no build callback", path, k.id);
        return -1;
    }
    const wf_kind *other = registry_kind(r, k.id);
    if (other) {
        sb_printf(msg, "%s: duplicate kind '%s': already provided by plugin '%s' (%s)", path, k.id,
                  other->plugin->name, other->plugin->path);
        return -1;
    }
    for (size_t j = 0; j < i; j++)
        if (strcmp(kind_at(d, j).id, k.id) == 0) {
            sb_printf(msg, "%s: duplicate kind '%s' within the plugin", path, k.id);
            return -1;
        }
    if (check_size(path, "kind parameters", k.n_params, k.params, k.param_size, sizeof(wrrfig_param),
                   sizeof(wrrfig_param), msg) != 0)
        return -1;
    for (size_t j = 0; j < k.n_params; j++) {
        wrrfig_param p = param_at(&k, j);
        const char *why;
        if (!valid_param_name(p.name))
            sb_printf(msg, "%s: kind '%s': parameter %zu has an invalid name '%s' (expected [a-z][a-z0-9_]*)", path,
                      k.id, j, p.name ? p.name : "(null)");
        else if ((unsigned)p.type > WRRFIG_PARAM_LIST)
            sb_printf(msg, "%s: kind '%s': parameter '%s' has type %d: expected 0 (table) to 4 (list)", path, k.id,
                      p.name, (int)p.type);
        else if ((why = default_problem(&p)))
            sb_printf(msg, "%s: kind '%s': default of parameter '%s' %s: found %s", path, k.id, p.name, why, p.def);
        for (size_t q = 0; !msg->len && q < j; q++)
            if (strcmp(param_at(&k, q).name, p.name) == 0)
                sb_printf(msg, "%s: kind '%s': parameter '%s' declared twice", path, k.id, p.name);
        if (msg->len)
            return -1;
    }
    return 0;
}

int registry_check_descriptor(const wf_registry *r, const wrrfig_plugin *d, const char *path, const char *stem,
                              strbuf *msg)
{
    if (!d) {
        sb_printf(msg, "%s: no descriptor: the symbol '%s' is missing (not a wrrfig plugin, or built without "
                       "WRRFIG_PLUGIN)", path, WRRFIG_PLUGIN_SYMBOL_NAME);
    } else if (d->magic != WRRFIG_ABI_MAGIC) {
        sb_printf(msg, "%s: wrong magic: found 0x%08x, expected 0x%08x (not a wrrfig plugin descriptor)", path,
                  (unsigned)d->magic, (unsigned)WRRFIG_ABI_MAGIC);
    } else if (d->abi_major != WRRFIG_ABI_MAJOR) {
        sb_printf(msg, "%s: ABI major mismatch: plugin built for %u.%u, this host has %u.%u (rebuild the plugin)",
                  path, d->abi_major, d->abi_minor, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR);
    } else if (d->abi_minor > WRRFIG_ABI_MINOR) {
        sb_printf(msg, "%s: ABI too new: plugin needs %u.%u, this host has %u.%u (upgrade wrrfig)", path,
                  d->abi_major, d->abi_minor, WRRFIG_ABI_MAJOR, WRRFIG_ABI_MINOR);
    } else if (!d->name || strcmp(d->name, stem) != 0) {
        sb_printf(msg, "%s: name mismatch: descriptor says '%s', file stem is '%s' (they must be equal)", path,
                  d->name ? d->name : "(null)", stem);
    } else if (!d->version || !*d->version) {
        sb_printf(msg, "%s: descriptor has no version", path);
    }
    for (size_t i = 0; !msg->len && d && i < r->n_plugins; i++)
        if (strcmp(r->plugins[i]->name, d->name) == 0)
            sb_printf(msg, "%s: duplicate plugin '%s': already loaded from %s", path, d->name, r->plugins[i]->path);
    if (msg->len)
        return -1;
    if (check_size(path, "figures", d->n_figures, d->figures, d->figure_size, FIGURE_SIZE_2_0, sizeof(wrrfig_figure),
                   msg) != 0 ||
        check_size(path, "measures", d->n_measures, d->measures, d->measure_size, sizeof(wrrfig_measure),
                   sizeof(wrrfig_measure), msg) != 0 ||
        check_size(path, "kinds", d->n_kinds, d->kinds, d->kind_size, sizeof(wrrfig_kind), sizeof(wrrfig_kind),
                   msg) != 0)
        return -1;
    for (size_t i = 0; !msg->len && i < d->n_figures; i++) {
        wrrfig_figure f = figure_at(d, i);
        const wf_figure *other = f.id ? registry_figure(r, f.id) : NULL;
        if (!valid_slug(f.id))
            sb_printf(msg, "%s: figure %zu has an invalid id '%s' (lower-case letters, digits, '-')", path, i,
                      f.id ? f.id : "(null)");
        else if (!f.build)
            sb_printf(msg, "%s: figure '%s' has no build callback", path, f.id);
        else if (other)
            sb_printf(msg, "%s: duplicate figure id '%s': already provided by plugin '%s' (%s)", path, f.id,
                      other->plugin->name, other->plugin->path);
        else if (!registry_figure_id_ok(f.id, d->name))
            sb_printf(msg, "%s: figure id '%s' breaks the id rule: expected fig-C-N, tab-C-N or kader-C-N "
                           "(a report figure, optionally -variant) or '%s-<name>'", path, f.id, d->name);
        for (size_t j = 0; !msg->len && j < i; j++)
            if (strcmp(figure_at(d, j).id, f.id) == 0)
                sb_printf(msg, "%s: duplicate figure id '%s' within the plugin", path, f.id);
    }
    for (size_t i = 0; !msg->len && i < d->n_measures; i++) {
        wrrfig_measure m = measure_at(d, i);
        const wf_measure *other = m.name ? registry_measure(r, m.name) : NULL;
        if (!valid_dotted(m.name) || !m.eval)
            sb_printf(msg, "%s: measure %zu ('%s') needs a name '<plugin>.<name>' and an eval callback", path, i,
                      m.name ? m.name : "(null)");
        else if (other)
            sb_printf(msg, "%s: duplicate measure '%s': already provided by plugin '%s' (%s)", path, m.name,
                      other->plugin->name, other->plugin->path);
        for (size_t j = 0; !msg->len && j < i; j++)
            if (strcmp(measure_at(d, j).name, m.name) == 0)
                sb_printf(msg, "%s: duplicate measure '%s' within the plugin", path, m.name);
    }
    for (size_t i = 0; !msg->len && i < d->n_kinds; i++)
        check_kind(r, d, i, path, msg);
    return msg->len ? -1 : 0;
}

static int cmp_fig(const void *a, const void *b)
{
    return strcmp(((const wf_figure *)a)->id, ((const wf_figure *)b)->id);
}
static int cmp_meas(const void *a, const void *b)
{
    return strcmp(((const wf_measure *)a)->name, ((const wf_measure *)b)->name);
}
static int cmp_kind(const void *a, const void *b)
{
    return strcmp((*(wf_kind *const *)a)->id, (*(wf_kind *const *)b)->id);
}

int registry_add_figure(wf_registry *r, wf_figure *f)
{
    if (registry_figure(r, f->id))
        return -1;
    r->figures = xrealloc(r->figures, (r->n_figures + 1) * sizeof *r->figures);
    r->figures[r->n_figures++] = *f;
    qsort(r->figures, r->n_figures, sizeof *r->figures, cmp_fig);
    return 0;
}

/* Copies what the host keeps from a checked descriptor. */
static void register_plugin(wf_registry *r, const wrrfig_plugin *d, const char *path, void *handle)
{
    wf_plugin *p = xcalloc(1, sizeof *p);
    p->path = xstrdup(path);
    p->name = xstrdup(d->name);
    p->version = xstrdup(d->version);
    p->description = dup_or_empty(d->description);
    p->abi_major = d->abi_major;
    p->abi_minor = d->abi_minor;
    p->handle = handle;
    r->plugins = xrealloc(r->plugins, (r->n_plugins + 1) * sizeof *r->plugins);
    r->plugins[r->n_plugins++] = p;

    r->figures = xrealloc(r->figures, (r->n_figures + d->n_figures + 1) * sizeof *r->figures);
    for (size_t i = 0; i < d->n_figures; i++) {
        wrrfig_figure fd = figure_at(d, i);
        wf_figure *f = &r->figures[r->n_figures++];
        memset(f, 0, sizeof *f);
        f->id = xstrdup(fd.id);
        f->inputs = dup_list(fd.inputs);
        f->needs = dup_or_empty(fd.needs);
        f->doc = dup_or_empty(fd.doc);
        f->plugin = p;
        f->build = fd.build;
    }
    qsort(r->figures, r->n_figures, sizeof *r->figures, cmp_fig);
    r->measures = xrealloc(r->measures, (r->n_measures + d->n_measures + 1) * sizeof *r->measures);
    for (size_t i = 0; i < d->n_measures; i++) {
        wrrfig_measure md = measure_at(d, i);
        wf_measure *m = &r->measures[r->n_measures++];
        m->name = xstrdup(md.name);
        m->params = dup_or_empty(md.params);
        m->unit = dup_or_empty(md.unit);
        m->doc = dup_or_empty(md.doc);
        m->inputs = dup_list(md.inputs);
        m->plugin = p;
        m->eval = md.eval;
    }
    qsort(r->measures, r->n_measures, sizeof *r->measures, cmp_meas);
    r->kinds = xrealloc(r->kinds, (r->n_kinds + d->n_kinds + 1) * sizeof *r->kinds);
    for (size_t i = 0; i < d->n_kinds; i++) {
        wrrfig_kind kd = kind_at(d, i);
        wf_kind *k = xcalloc(1, sizeof *k);
        k->id = xstrdup(kd.id);
        k->doc = dup_or_empty(kd.doc);
        k->needs = dup_or_empty(kd.needs);
        k->plugin = p;
        k->build = kd.build;
        k->n_params = kd.n_params;
        k->params = xcalloc(kd.n_params + 1, sizeof *k->params);
        for (size_t j = 0; j < kd.n_params; j++) {
            wrrfig_param pd = param_at(&kd, j);
            k->params[j].name = xstrdup(pd.name);
            k->params[j].type = pd.type;
            k->params[j].def = dup_or_null(pd.def);
            k->params[j].doc = dup_or_empty(pd.doc);
        }
        r->kinds[r->n_kinds++] = k;
    }
    qsort(r->kinds, r->n_kinds, sizeof *r->kinds, cmp_kind);
}

static int load_checked(wf_registry *r, const char *path)
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
    strbuf msg = STRBUF_INIT;
    int rc = registry_check_descriptor(r, d, path, stem, &msg);
    free(stem);
    if (rc != 0) {
        refuse(r, "%s", msg.s);
        sb_free(&msg);
        dlclose(h);
        return -1;
    }
    register_plugin(r, d, path, h);
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The plugin is tried in a child first (host/probe.c): a constructor or a
 * descriptor pointer that crashes refuses that file only. */
int registry_load_file(wf_registry *r, const char *path)
{
    char why[PROBE_WHY];
    if (plugin_probe(r, path, load_checked, why, sizeof why) != 0) {
        refuse(r, "%s", why);
        return -1;
    }
    return load_checked(r, path);
}

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
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    char **paths = xcalloc(n ? n : 1, sizeof *paths);
    for (size_t i = 0; i < n; i++) {
        strbuf p = STRBUF_INIT;
        sb_printf(&p, "%s/%s", dir, names[i]);
        paths[i] = sb_take(&p);
        free(names[i]);
    }
    free(names);
    /* Every file is tried in its own child first, all at once; then the
     * survivors are loaded here in name order. */
    char (*why)[PROBE_WHY] = xcalloc(n ? n : 1, sizeof *why);
    int *rc = xcalloc(n ? n : 1, sizeof *rc);
    plugin_probe_all(r, paths, n, load_checked, why, rc);
    for (size_t i = 0; i < n; i++) {
        if (rc[i] != 0)
            refuse(r, "%s", why[i]);
        else
            load_checked(r, paths[i]);
        free(paths[i]);
    }
    free(paths);
    free(why);
    free(rc);
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

const wf_kind *registry_kind(const wf_registry *r, const char *id)
{
    for (size_t i = 0; i < r->n_kinds; i++)
        if (strcmp(r->kinds[i]->id, id) == 0)
            return r->kinds[i];
    return NULL;
}

void registry_free(wf_registry *r)
{
    for (size_t i = 0; i < r->n_figures; i++) {
        free(r->figures[i].id);
        free_list(r->figures[i].inputs);
        free(r->figures[i].needs);
        free(r->figures[i].doc);
        cJSON_Delete(r->figures[i].params);
    }
    for (size_t i = 0; i < r->n_measures; i++) {
        wf_measure *m = &r->measures[i];
        free(m->name);
        free(m->params);
        free(m->unit);
        free(m->doc);
        free_list(m->inputs);
    }
    for (size_t i = 0; i < r->n_kinds; i++) {
        wf_kind *k = r->kinds[i];
        for (size_t j = 0; j < k->n_params; j++) {
            free(k->params[j].name);
            free(k->params[j].def);
            free(k->params[j].doc);
        }
        free(k->params);
        free(k->id);
        free(k->doc);
        free(k->needs);
        free(k);
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
    free(r->kinds);
    memset(r, 0, sizeof *r);
}
