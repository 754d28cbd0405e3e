/* Removing a directory tree in-process (a fetch's partial snapshot, a
 * refresh's previous build), instead of forking `rm -rf` for it. */
#ifndef WRRFIG_UTIL_RMTREE_H
#define WRRFIG_UTIL_RMTREE_H

/* Removes path and, when it is a directory, everything below it, depth
 * first. Symbolic links are removed, never followed, so a link inside the
 * tree cannot make it delete outside. An absent path is success (0).
 * Returns -1 with errno set when an entry could not be removed; what could
 * be removed is gone. */
int remove_tree(const char *path);

#endif
