/* `wrrfig import`: a mapping applied to its source files (import/importer.c
 * and what it calls: the input readers for every format, labels files,
 * CBS title resolution, filters, melt, renames, crosswalks, the sidecar).
 *
 * Input: the mapping (JSON), then the files it reads, each after a line
 * "\n----\n" as "<relative path>\n<content>". A path under "crosswalks/"
 * goes to <data>/crosswalks/, any other under the shared directory. Paths
 * outside [A-Za-z0-9._/-], absolute ones and ".." are skipped (the harness's
 * own files, not the importer's: tests/fuzz/fuzz.h fuzz_name_ok).
 *
 * Invariants:
 * - an import that succeeds wrote a table that loads, and importing again
 *   with --check finds it unchanged (re-importing is byte-identical);
 * - nothing is written outside the data directory, the shared directory is
 *   left as it was, and no temporary file is left behind, whether the
 *   import succeeds or fails. */
#include "fuzz.h"

#include "data/table.h"
#include "import/importer.h"

/* mkdir -p of the directories above path (the harness's own paths). */
static void import_mkdirs_above(char *path)
{
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(path, 0755);
        *s = '/';
    }
}

/* Files under dir, recursively; *tmp counts those that look like a
 * temporary (".tmp" in the name, as util/fileio.c names them). */
static size_t import_count(const char *dir, int *tmp)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[1200];
        int len = snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        if (len < 0 || (size_t)len >= sizeof sub)
            continue;
        struct stat st;
        if (lstat(sub, &st) != 0)
            continue;
        if (strstr(e->d_name, ".tmp"))
            (*tmp)++;
        n += S_ISDIR(st.st_mode) ? import_count(sub, tmp) : 1;
    }
    if (d)
        closedir(d);
    return n;
}

/* The names in dir other than those listed (NULL-terminated). */
static int import_only(const char *dir, const char *const *allowed)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int ok = 1;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        int found = 0;
        for (size_t i = 0; allowed[i]; i++)
            found |= strcmp(e->d_name, allowed[i]) == 0;
        if (!found) {
            fprintf(stderr, "unexpected %s/%s\n", dir, e->d_name);
            ok = 0;
        }
    }
    if (d)
        closedir(d);
    return ok;
}

static int fuzz_import(const uint8_t *data, size_t size)
{
    char top[160], root[200], shared[240], ddir[240], mapping[300];
    snprintf(top, sizeof top, "%s/import", fuzz_dir());
    snprintf(root, sizeof root, "%s/r", top);
    snprintf(shared, sizeof shared, "%s/shared", root);
    snprintf(ddir, sizeof ddir, "%s/data", root);
    snprintf(mapping, sizeof mapping, "%s/mappings/fuzz.json", ddir);
    fuzz_rm_tree(top);
    import_mkdirs_above(mapping);
    mkdir(shared, 0755);
    const char *p = (const char *)data, *end = p + size, *start, *stop;
    for (int part = 0; fuzz_part(&p, end, &start, &stop); part++) {
        if (part == 0) {
            fuzz_write(mapping, start, (size_t)(stop - start));
            continue;
        }
        const char *nl = memchr(start, '\n', (size_t)(stop - start));
        size_t n = nl ? (size_t)(nl - start) : 0;
        if (!nl || !fuzz_name_ok(start, n, 8))
            continue;
        char path[600];
        int cw = n > 11 && memcmp(start, "crosswalks/", 11) == 0;
        snprintf(path, sizeof path, "%s/%.*s", cw ? ddir : shared, (int)n, start);
        import_mkdirs_above(path);
        /* a path that names a directory, or runs through a file, is
         * skipped: the harness's files, not the importer's */
        FILE *f = fopen(path, "wb");
        if (f) {
            fwrite(nl + 1, 1, (size_t)(stop - nl - 1), f);
            fclose(f);
        }
    }
    /* the input's own files may have ".tmp" in their names: count them */
    int tmp = 0, tmp_data = 0;
    size_t shared_files = import_count(shared, &tmp);
    import_count(ddir, &tmp_data);
    char *name = NULL;
    int differs = -1;
    wf_error err;
    if (import_run(mapping, shared, ddir, 0, &differs, &name, &err) == 0) {
        wf_table *t = NULL;
        if (!name || table_load(ddir, name, &t, &err) != 0) {
            fprintf(stderr, "the imported table does not load: %s\n", name ? err.msg : "(no name)");
            abort();
        }
        table_free(t);
        free(name);
        name = NULL;
        if (import_run(mapping, shared, ddir, 1, &differs, &name, &err) != 0 || differs != 0) {
            fprintf(stderr, "re-import differs (%d): %s\n", differs, err.msg);
            abort();
        }
    }
    free(name);
    /* nothing outside the data directory, the sources untouched, no temporary */
    static const char *const in_top[] = {"r", NULL}, *const in_root[] = {"data", "shared", NULL};
    if (!import_only(top, in_top) || !import_only(root, in_root))
        abort();
    int tmp_after = 0;
    if (import_count(shared, &tmp_after) != shared_files || tmp_after != tmp) {
        fprintf(stderr, "the shared directory changed\n");
        abort();
    }
    tmp_after = 0;
    import_count(ddir, &tmp_after);
    if (tmp_after != tmp_data) {
        fprintf(stderr, "a temporary file is left in the data directory\n");
        abort();
    }
    fuzz_rm_tree(top);
    return 0;
}
WF_FUZZ_ENTRY(fuzz_import)
