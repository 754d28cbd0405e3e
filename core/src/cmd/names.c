#define _POSIX_C_SOURCE 200809L
#include "cmd/names.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "data/mapping_files.h"
#include "util/strbuf.h"

static void add(wf_names *out, char *s)
{
    out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
    out->v[out->n++] = s;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Length of s without suffix, or 0 when s does not end in it. */
static size_t stem_len(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0 ? n - k : 0;
}

static void walk(const char *root, const char *rel, wf_names *out, int depth)
{
    if (depth > 8)
        return; /* a data tree is two levels deep; a loop of links is not followed forever */
    strbuf dir = STRBUF_INIT;
    sb_printf(&dir, "%s%s%s", root, *rel ? "/" : "", rel);
    DIR *d = opendir(dir.s);
    if (!d) {
        sb_free(&dir);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        strbuf sub = STRBUF_INIT, full = STRBUF_INIT;
        sb_printf(&sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        sb_printf(&full, "%s/%s", dir.s, e->d_name);
        struct stat st;
        size_t k;
        if (stat(full.s, &st) == 0 && S_ISDIR(st.st_mode))
            walk(root, sub.s, out, depth + 1);
        else if ((k = stem_len(sub.s, ".meta.json")) > 0)
            add(out, xstrndup(sub.s, k));
        sb_free(&sub);
        sb_free(&full);
    }
    closedir(d);
    sb_free(&dir);
}

void wf_table_names(const char *data_dir, wf_names *out)
{
    out->v = NULL;
    out->n = 0;
    walk(data_dir, "", out, 0);
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp);
}

void wf_mapping_names(const char *data_dir, wf_names *out)
{
    out->v = NULL;
    out->n = 0;
    wf_mapping_files files;
    wf_mapping_files_list(data_dir, &files);
    for (size_t i = 0; i < files.n; i++)
        add(out, xstrdup(files.v[i].stem));
    wf_mapping_files_free(&files);
    /* by name, not by file name ("a" before "a-b", whose file sorts first) */
    if (out->n)
        qsort(out->v, out->n, sizeof *out->v, cmp);
}

void wf_names_free(wf_names *n)
{
    for (size_t i = 0; i < n->n; i++)
        free(n->v[i]);
    free(n->v);
    n->v = NULL;
    n->n = 0;
}
