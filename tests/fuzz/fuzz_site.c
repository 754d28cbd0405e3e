/* `wrrfig site`: the reviewer site built from a build's outputs (manifests,
 * CSVs, claims.json), the figure specs and the data sidecars
 * (core/src/site/). Every string on a page comes from those files.
 *
 * Input: files, each after a line "\n----\n" (the first needs none) as
 * "<area>/<name>\n<bytes>", area one of out (the Dutch build), en (the
 * English one), figs (specs) and data (sidecars, "<dir>/<table>.meta.json").
 * Names outside [A-Za-z0-9._-] (one '/' allowed under data) are skipped.
 * The registry holds one figure per spec, each reading the input "cbs/t".
 *
 * Invariant: every tag and attribute of every page written is one the site
 * writes, with values that close: a string from the files never opens
 * markup of its own. */
#include "fuzz.h"

#include "site/site.h"

/* The markup of core/src/site/ (tags and attributes). */
static const char *const SITE_TAGS[] = {
    "a", "article", "blockquote", "body", "br", "code", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "form", "h1", "h2", "h3", "head", "header", "html", "img", "input", "label", "li", "link", "main",
    "mark", "meta", "nav", "option", "output", "p", "q", "script", "section", "select", "span", "summary",
    "table", "tbody", "td", "th", "thead", "title", "tr", "ul", NULL};
static const char *const SITE_ATTRS[] = {
    "alt", "aria-hidden", "aria-label", "aria-labelledby", "aria-live", "autocomplete", "charset", "class",
    "colspan", "content", "data-chapter", "data-figure", "data-verdict", "download", "href", "hreflang", "id",
    "lang", "name", "onsubmit", "rel", "role", "scope", "src", "tabindex", "type", "value", NULL};

static int site_fig_cmp(const void *a, const void *b)
{
    return strcmp(((const wf_figure *)a)->id, ((const wf_figure *)b)->id);
}

/* Checks every .html file under dir (top: only the pages the site writes
 * there, not the input's own files; below, fig/ and site/ are the site's). */
static void site_check_pages(const char *dir, int top)
{
    static const char *const PAGES[] = {"index.html", "index.en.html", "claims.html", "claims.en.html", NULL};
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[1200];
        int n = snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (n < 0 || (size_t)n >= sizeof p)
            continue;
        struct stat st;
        if (lstat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            if (!top || !strcmp(e->d_name, "fig") || !strcmp(e->d_name, "site"))
                site_check_pages(p, 0);
            continue;
        }
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 5, ".html") != 0 ||
            (top && !fuzz_in_list(e->d_name, len, PAGES)))
            continue;
        char *html = fuzz_read(p, NULL);
        if (!html)
            abort();
        fuzz_check_html(html, SITE_TAGS, SITE_ATTRS);
        free(html);
    }
    if (d)
        closedir(d);
}

static int fuzz_site(const uint8_t *data, size_t size)
{
    static const char *const AREAS[] = {"out", "en", "figs", "data"};
    char top[160], dirs[4][220];
    snprintf(top, sizeof top, "%s/site", fuzz_dir());
    fuzz_rm_tree(top);
    mkdir(top, 0755);
    for (int a = 0; a < 4; a++) {
        snprintf(dirs[a], sizeof dirs[a], "%s/%s", top, AREAS[a]);
        mkdir(dirs[a], 0755);
    }
    wf_registry reg;
    memset(&reg, 0, sizeof reg);
    static char input0[] = "cbs/t", no_doc[] = "";
    static char *inputs[] = {input0, NULL}; /* read only, like the registry's own */
    const char *p = (const char *)data, *end = p + size, *start, *stop;
    while (fuzz_part(&p, end, &start, &stop)) {
        const char *nl = memchr(start, '\n', (size_t)(stop - start));
        const char *slash = nl ? memchr(start, '/', (size_t)(nl - start)) : NULL;
        int a = -1;
        for (int k = 0; slash && k < 4; k++)
            if ((size_t)(slash - start) == strlen(AREAS[k]) && strncmp(start, AREAS[k], strlen(AREAS[k])) == 0)
                a = k;
        size_t n = a >= 0 ? (size_t)(nl - slash - 1) : 0;
        if (a >= 0 && fuzz_name_ok(slash + 1, n, a == 3)) {
            char path[500];
            snprintf(path, sizeof path, "%s/%.*s", dirs[a], (int)n, slash + 1);
            if (a == 3) { /* data/<dir>/<table>.meta.json */
                char *s = strrchr(path, '/');
                *s = '\0';
                mkdir(path, 0755);
                *s = '/';
            }
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(nl + 1, 1, (size_t)(stop - nl - 1), f);
                fclose(f);
            }
            /* a spec names a figure of the registry (at most 16) */
            if (a == 2 && n > 5 && strncmp(slash + 1 + n - 5, ".json", 5) == 0 && reg.n_figures < 16) {
                char id[128];
                snprintf(id, sizeof id, "%.*s", (int)(n - 5), slash + 1);
                size_t k = 0;
                while (k < reg.n_figures && strcmp(reg.figures[k].id, id) != 0)
                    k++;
                if (k == reg.n_figures) {
                    reg.figures = realloc(reg.figures, (reg.n_figures + 1) * sizeof *reg.figures);
                    wf_figure *g = &reg.figures[reg.n_figures++];
                    memset(g, 0, sizeof *g);
                    g->id = strdup(id);
                    g->inputs = inputs;
                    g->doc = no_doc;
                }
            }
        }
    }
    if (reg.n_figures > 1) /* the registry is sorted by id */
        qsort(reg.figures, reg.n_figures, sizeof *reg.figures, site_fig_cmp);
    site_opts o = {dirs[0], dirs[1], dirs[3], dirs[2], NULL, NULL, &reg};
    site_stats st;
    wf_error err;
    if (site_generate(&o, &st, &err) == 0)
        site_check_pages(dirs[0], 1);
    for (size_t i = 0; i < reg.n_figures; i++)
        free(reg.figures[i].id);
    free(reg.figures);
    fuzz_rm_tree(top);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_site)
