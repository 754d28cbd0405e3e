#define _POSIX_C_SOURCE 200809L
#include "util/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/strbuf.h"

FILE *fopen_regular(const char *path, const char **why)
{
    const char *w = NULL;
    FILE *f = NULL;
    /* O_NONBLOCK: open() itself must not wait (a FIFO); it has no effect
     * on reading a regular file. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        w = strerror(errno);
    else if (fstat(fd, &st) != 0)
        w = strerror(errno);
    else if (S_ISDIR(st.st_mode))
        w = "not a regular file (a directory)";
    else if (!S_ISREG(st.st_mode))
        w = "not a regular file (a FIFO, socket or device)";
    else if (!(f = fdopen(fd, "rb")))
        w = strerror(errno);
    if (!f && fd >= 0)
        close(fd);
    if (why)
        *why = w;
    return f;
}

int read_file(const char *path, char **out, size_t *len, wf_error *err)
{
    const char *why;
    FILE *f = fopen_regular(path, &why);
    if (!f)
        return wf_errorf(err, "%s: cannot open: %s", path, why);
    strbuf b = STRBUF_INIT;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_add(&b, buf, n);
    if (ferror(f)) {
        int e = errno;
        fclose(f);
        sb_free(&b);
        return wf_errorf(err, "%s: read error: %s", path, strerror(e));
    }
    fclose(f);
    if (len)
        *len = b.len;
    *out = sb_take(&b);
    return 0;
}

char *temp_path_for(const char *path, const char *suffix)
{
    strbuf b = STRBUF_INIT;
    const char *slash = strrchr(path, '/');
    if (slash)
        sb_add(&b, path, (size_t)(slash - path + 1));
    sb_printf(&b, ".%s.%ld.tmp%s", slash ? slash + 1 : path, (long)getpid(), suffix ? suffix : "");
    return sb_take(&b);
}

/* Creates a temporary file beside path (same directory, so rename is
 * atomic), named .<base>.<pid>.<k>.tmp with the first k not taken: O_EXCL
 * makes it unique without a counter kept between calls. Returns the fd and
 * sets *tmp (caller frees), or -1 with *tmp naming the last attempt. */
static int create_temp(const char *path, char **tmp)
{
    const char *slash = strrchr(path, '/');
    int fd = -1;
    *tmp = NULL;
    for (unsigned k = 0; k < 1000 && fd < 0; k++) {
        free(*tmp);
        strbuf b = STRBUF_INIT;
        if (slash)
            sb_add(&b, path, (size_t)(slash - path + 1));
        sb_printf(&b, ".%s.%ld.%u.tmp", slash ? slash + 1 : path, (long)getpid(), k);
        *tmp = sb_take(&b);
        fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    return fd;
}

int atomic_write(const char *path, const void *data, size_t len, wf_error *err)
{
    char *tmp;
    int fd = create_temp(path, &tmp);
    if (fd < 0) {
        wf_errorf(err, "%s: cannot create: %s", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            wf_errorf(err, "%s: write error: %s", tmp, strerror(errno));
            close(fd);
            unlink(tmp);
            free(tmp);
            return -1;
        }
        p += w;
        left -= (size_t)w;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        wf_errorf(err, "%s: cannot write: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int make_dirs(const char *path, wf_error *err)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            wf_errorf(err, "%s: cannot create directory: %s", p, strerror(errno));
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = 0;
    if (mkdir(p, 0755) != 0 && errno != EEXIST)
        rc = wf_errorf(err, "%s: cannot create directory: %s", p, strerror(errno));
    free(p);
    return rc;
}
