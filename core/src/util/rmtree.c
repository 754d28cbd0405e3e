#define _XOPEN_SOURCE 700 /* nftw */
#include "util/rmtree.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <sys/stat.h>

/* nftw gives no user pointer, and none is needed: each entry is removed as
 * it is visited (FTW_DEPTH: children first). */
static int remove_entry(const char *p, const struct stat *st, int type, struct FTW *f)
{
    (void)st;
    (void)type;
    (void)f;
    return remove(p) == 0 || errno == ENOENT ? 0 : -1;
}

int remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}
