/* The user's writable data directory over the installed read-only data.
 *
 * An installed wrrfig reads its tables from PREFIX/share/wrrfig/data, which
 * users cannot write. `import` (and any command that writes tables) works in
 * $XDG_DATA_HOME/wrrfig/data instead (default ~/.local/share/wrrfig/data).
 * That directory is kept as an overlay: every installed file it does not
 * have itself is a symbolic link to the installed one, so all readers see one
 * complete directory and need no search path; a table the user imports
 * replaces its link (atomic rename), and removing it brings the installed
 * one back at the next run. */
#ifndef WF_OVERLAY_H
#define WF_OVERLAY_H

#include "util/wf_error.h"

/* $XDG_DATA_HOME/wrrfig/data, or $HOME/.local/share/wrrfig/data; NULL when
 * neither variable is set (or XDG_DATA_HOME is relative, which the XDG spec
 * says to ignore). Caller frees. */
char *overlay_user_dir(void);

/* Creates user_dir if needed and links every regular file of lower_dir
 * (recursively) that user_dir lacks; removes links into lower_dir whose
 * target is gone. Files of the user's own are never touched. Returns 0, or
 * -1 with err naming the path that failed. */
int overlay_sync(const char *user_dir, const char *lower_dir, wf_error *err);

#endif
