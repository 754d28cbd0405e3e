#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE /* realpath */
#include "data/overlay.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fileio.h"
#include "util/strbuf.h"

char *overlay_user_dir(void)
{
    const char *x = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    strbuf b = STRBUF_INIT;
    if (x && x[0] == '/')
        sb_printf(&b, "%s/wrrfig/data", x);
    else if (home && home[0] == '/')
        sb_printf(&b, "%s/.local/share/wrrfig/data", home);
    else
        return NULL;
    return sb_take(&b);
}

static int sync_dir(const char *user, const char *lower, wf_error *err)
{
    if (mkdir(user, 0755) != 0 && errno != EEXIST)
        return wf_errorf(err, "%s: cannot create the directory: %s", user, strerror(errno));
    struct stat st;
    if (stat(user, &st) != 0 || !S_ISDIR(st.st_mode))
        return wf_errorf(err, "%s: not a directory", user);
    DIR *d = opendir(lower);
    if (!d)
        return wf_errorf(err, "%s: cannot read the directory: %s", lower, strerror(errno));
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue; /* ".", "..", and dot files such as editors' leftovers */
        strbuf lp = STRBUF_INIT, up = STRBUF_INIT;
        sb_printf(&lp, "%s/%s", lower, e->d_name);
        sb_printf(&up, "%s/%s", user, e->d_name);
        struct stat ls, us;
        if (lstat(lp.s, &ls) == 0) {
            if (S_ISDIR(ls.st_mode))
                rc = sync_dir(up.s, lp.s, err);
            else if (S_ISREG(ls.st_mode) && lstat(up.s, &us) != 0 && errno == ENOENT &&
                     symlink(lp.s, up.s) != 0)
                rc = wf_errorf(err, "%s: cannot link to %s: %s", up.s, lp.s, strerror(errno));
        }
        sb_free(&lp);
        sb_free(&up);
    }
    closedir(d);
    return rc;
}

/* Removes links under user that point into lower and dangle (a file the
 * installed data no longer has). */
static void prune(const char *user, const char *lower)
{
    DIR *d = opendir(user);
    if (!d)
        return;
    struct dirent *e;
    size_t ll = strlen(lower);
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        strbuf up = STRBUF_INIT;
        sb_printf(&up, "%s/%s", user, e->d_name);
        struct stat st;
        if (lstat(up.s, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                prune(up.s, lower);
            else if (S_ISLNK(st.st_mode)) {
                char target[4096];
                ssize_t n = readlink(up.s, target, sizeof target - 1);
                if (n > 0) {
                    target[n] = '\0';
                    if (strncmp(target, lower, ll) == 0 && target[ll] == '/' && access(target, F_OK) != 0)
                        unlink(up.s);
                }
            }
        }
        sb_free(&up);
    }
    closedir(d);
}

int overlay_sync(const char *user_dir, const char *lower_dir, wf_error *err)
{
    /* Links must hold absolute targets: the user directory is elsewhere. */
    char *lower = realpath(lower_dir, NULL);
    if (!lower)
        return wf_errorf(err, "%s: %s", lower_dir, strerror(errno));
    /* The parents ($XDG_DATA_HOME/wrrfig) may not exist yet. */
    char *parent = xstrdup(user_dir);
    char *slash = strrchr(parent, '/');
    int rc = 0;
    if (slash && slash != parent) {
        *slash = '\0';
        rc = make_dirs(parent, err);
    }
    free(parent);
    if (rc == 0)
        rc = sync_dir(user_dir, lower, err);
    if (rc == 0)
        prune(user_dir, lower);
    free(lower);
    return rc;
}
