/* The one error type of core: a message that says where, as
 * "file:line:col: what was wrong (expected ...)" for text positions or
 * "file: json.path: what was wrong" for positions in a JSON document.
 *
 * Conventions, the same in every core module:
 *   - functions that can fail return 0 on success and -1 on failure, and
 *     take a `wf_error *err` (may be NULL) as their last parameter, filled on
 *     failure only;
 *   - answers to yes/no questions are `bool`;
 *   - a reader that reports every problem it finds (not only the first)
 *     collects them in a wf_errors list.
 * A wf_error is a plain value: no allocation, copy it freely. */
#ifndef WF_ERROR_H
#define WF_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct wf_error {
    char msg[1024]; /* "" until set */
} wf_error;

/* Formats into err->msg (truncating safely). err may be NULL. Returns -1 so
 * callers can `return wf_errorf(...)`. */
int wf_errorf(wf_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int wf_errorv(wf_error *err, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* As above, prefixed "file:line:col: ". */
int wf_error_at(wf_error *err, const char *file, size_t line, size_t col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* As above, prefixed "where: " (a file, or "file: json.path"). */
int wf_error_in(wf_error *err, const char *where, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int wf_error_vin(wf_error *err, const char *where, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
/* Empties the message. */
void wf_error_clear(wf_error *err);
/* Whether a message was set. */
bool wf_error_isset(const wf_error *err);

/* Several errors, in the order found (readers that report all problems of a
 * file at once). Owns its array; free with wf_errors_free. */
typedef struct wf_errors {
    wf_error *v;
    size_t n, cap;
} wf_errors;

/* Appends a formatted error. Returns -1 (so callers can `return` it); when
 * out of memory the error is dropped. */
int wf_errors_add(wf_errors *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a copy of e. Returns -1. */
int wf_errors_push(wf_errors *l, const wf_error *e);
/* Every message followed by a newline, as one string (caller frees; "" when
 * empty). */
char *wf_errors_join(const wf_errors *l);
void wf_errors_free(wf_errors *l);

#endif
