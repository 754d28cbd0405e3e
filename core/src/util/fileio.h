/* Whole-file reads and atomic writes. Every output of wrrfig goes through
 * atomic_write: written to a temporary file in the same directory, flushed,
 * then renamed, so a failed or interrupted build never leaves a half-written
 * file under its final name. */
#ifndef WF_FILEIO_H
#define WF_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/wf_error.h"

/* Opens path for reading ("rb") if it is a regular file (symlinks
 * followed). Anything else named like a data file is refused without
 * blocking: open() of a FIFO waits for a writer forever, a device may never
 * end. NULL with *why (when why is not NULL) set to a static text: "not a
 * regular file (...)" or strerror. Every reader of the project's files opens
 * them through this. */
FILE *fopen_regular(const char *path, const char **why);

/* Reads a whole file; *out is NUL-terminated and owned by the caller. */
int read_file(const char *path, char **out, size_t *len, wf_error *err);
int atomic_write(const char *path, const void *data, size_t len, wf_error *err);
bool file_exists(const char *path);
/* A temporary path beside `path` (same directory, so rename is atomic):
 * .<base>.<pid>.tmp<suffix>. Unique per process and path, with no state
 * kept between calls; caller frees. */
char *temp_path_for(const char *path, const char *suffix);
bool dir_exists(const char *path);
/* mkdir -p */
int make_dirs(const char *path, wf_error *err);

#endif
