/* Error reports that say where: file, line and column, or a JSON path. */
#ifndef WF_ERROR_H
#define WF_ERROR_H

#include <stddef.h>

typedef struct wf_error {
    char msg[1024]; /* "file:line:col: what was wrong (expected ...)" */
} wf_error;

/* Formats into err->msg (truncating safely). err may be NULL. Returns -1 so
 * callers can `return wf_errorf(...)`. */
int wf_errorf(wf_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* As above, prefixed "file:line:col: ". */
int wf_error_at(wf_error *err, const char *file, size_t line, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
