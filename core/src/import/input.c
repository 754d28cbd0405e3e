#define _POSIX_C_SOURCE 200809L
#include "import/input.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/strbuf.h"

bool imp_is_pattern(const char *name)
{
    return strpbrk(name, "*?[") != NULL;
}

int imp_input_resolve(const char *shared_dir, const char *name, char **rel, wf_error *err)
{
    if (!imp_is_pattern(name)) {
        *rel = xstrdup(name);
        return 0;
    }
    strbuf pat = STRBUF_INIT;
    sb_printf(&pat, "%s/%s", shared_dir, name);
    glob_t g;
    int grc = glob(pat.s, 0, NULL, &g);
    if (grc == GLOB_NOMATCH || (grc == 0 && g.gl_pathc == 0)) {
        wf_errorf(err, "no file matches '%s' in %s", name, shared_dir);
        sb_free(&pat);
        if (grc == 0)
            globfree(&g);
        return 1;
    }
    if (grc != 0) {
        wf_errorf(err, "cannot search %s for '%s'", shared_dir, name);
        sb_free(&pat);
        return -1;
    }
    /* glob sorts its matches; walking them in order and keeping the latest
     * mtime with >= makes the name that sorts last win a tie. */
    const char *best = NULL;
    struct timespec bt = {0, 0};
    for (size_t i = 0; i < g.gl_pathc; i++) {
        struct stat st;
        if (stat(g.gl_pathv[i], &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (!best || st.st_mtim.tv_sec > bt.tv_sec ||
            (st.st_mtim.tv_sec == bt.tv_sec && st.st_mtim.tv_nsec >= bt.tv_nsec)) {
            best = g.gl_pathv[i];
            bt = st.st_mtim;
        }
    }
    int rc = 0;
    if (!best) {
        wf_errorf(err, "no regular file matches '%s' in %s", name, shared_dir);
        rc = 1;
    } else {
        *rel = xstrdup(best + strlen(shared_dir) + 1);
    }
    globfree(&g);
    sb_free(&pat);
    return rc;
}

bool imp_input_absent(const char *shared_dir, const char *name)
{
    char *rel = NULL;
    wf_error e;
    int rc = imp_input_resolve(shared_dir, name, &rel, &e);
    if (rc != 0)
        return rc == 1;
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s", shared_dir, rel);
    struct stat st;
    bool absent = stat(p.s, &st) != 0;
    sb_free(&p);
    free(rel);
    return absent;
}
