#define _DEFAULT_SOURCE /* realpath */
#include "util/path.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/strbuf.h"

bool path_rel_safe(const char *rel)
{
    if (!rel || !*rel || rel[0] == '/')
        return false;
    for (const char *c = rel; *c;) {
        const char *e = strchr(c, '/');
        size_t n = e ? (size_t)(e - c) : strlen(c);
        if (n == 2 && c[0] == '.' && c[1] == '.')
            return false;
        c += n;
        if (*c == '/')
            c++;
    }
    return true;
}

int path_inside(const char *root, const char *rel, wf_error *err)
{
    if (!path_rel_safe(rel))
        return wf_errorf(err, "'%s': expected a relative path inside %s (no '..', not absolute)", rel ? rel : "",
                         root);
    char rroot[PATH_MAX];
    if (!realpath(root, rroot))
        return wf_errorf(err, "%s: cannot resolve: %s", root, strerror(errno));
    strbuf p = STRBUF_INIT;
    sb_printf(&p, "%s/%s", root, rel);
    /* The nearest existing ancestor (the file itself when it exists). */
    char rp[PATH_MAX];
    int rc = 0;
    for (;;) {
        if (realpath(p.s, rp))
            break;
        char *slash = strrchr(p.s, '/');
        if (errno != ENOENT || !slash || slash == p.s) {
            rc = wf_errorf(err, "%s/%s: cannot resolve: %s", root, rel, strerror(errno));
            break;
        }
        *slash = '\0';
    }
    if (rc == 0) {
        size_t n = strlen(rroot);
        bool inside = strncmp(rp, rroot, n) == 0 && (rp[n] == '\0' || rp[n] == '/' || (n == 1 && rroot[0] == '/'));
        const char *lower = getenv(PATH_LOWER_ENV);
        char rlower[PATH_MAX];
        if (!inside && lower && *lower && realpath(lower, rlower)) {
            size_t m = strlen(rlower);
            inside = strncmp(rp, rlower, m) == 0 && (rp[m] == '\0' || rp[m] == '/');
        }
        if (!inside)
            rc = wf_errorf(err, "'%s': leads outside %s (through a symbolic link, to %s)", rel, root, rp);
    }
    sb_free(&p);
    return rc;
}

char *path_exe_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    return xstrdup(exe);
}
