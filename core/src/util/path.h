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

/* root/rel, with every symbolic link resolved, lies inside root (also
 * resolved). rel need not exist yet: its nearest existing ancestor is
 * checked. 0, or -1 with err ("'rel': outside root"). */
int path_inside(const char *root, const char *rel, wf_error *err);

#endif
