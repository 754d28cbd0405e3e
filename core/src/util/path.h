/* Paths taken from data (mapping files, table names, command options) are
 * resolved against their root and refused when they lead outside it:
 * absolute paths, '..' components and symbolic links that point out. */
#ifndef WF_PATH_H
#define WF_PATH_H

#include <stdbool.h>

#include "util/wf_error.h"

/* Relative, non-empty, no '..' component, no NUL tricks: a path that stays
 * inside whatever root it is joined to, as far as its text goes. */
bool path_rel_safe(const char *rel);

/* The directory a data overlay's links lead into (data/overlay.h): set by
 * the host when it reads the user's data directory over the installed
 * data; path_inside accepts it as a second root. */
#define PATH_LOWER_ENV "WRRFIG_DATA_LOWER"

/* root/rel, with every symbolic link resolved, lies inside root (also
 * resolved), or inside $WRRFIG_DATA_LOWER when that is set. rel need not exist yet: its nearest existing ancestor is
 * checked. 0, or -1 with err ("'rel': outside root"). */
int path_inside(const char *root, const char *rel, wf_error *err);

/* The directory of the running executable (from /proc/self/exe), or NULL.
 * Caller frees. */
char *path_exe_dir(void);

#endif
