/* Whole-buffer reads and writes on a file descriptor: the one loop for every
 * pipe and socket of wrrfig (the render pool's channel to each worker, the
 * measure server's socket, gnuplot's command pipe).
 *
 * Policy, the same for both directions:
 *   - EINTR is retried; a short read or write goes on with the rest, so
 *     0 means all n bytes were moved.
 *   - deadline bounds the whole call, in now_ms() milliseconds (util/proc.h):
 *       FDIO_FOREVER  wait as long as it takes (a blocking descriptor's
 *                     behaviour; on a non-blocking one EAGAIN is waited out
 *                     with poll);
 *       FDIO_NOWAIT   never wait: EAGAIN on a non-blocking descriptor fails
 *                     at once (for the host writing to a descriptor a
 *                     plugin might never read: the host must not stall);
 *       > 0           poll() before each transfer, at most until then, so
 *                     a blocking descriptor cannot block past it either.
 *   - Writes to a socket never raise SIGPIPE (send with MSG_NOSIGNAL);
 *     on a pipe the process's own SIGPIPE disposition applies.
 *
 * Failure: -1 with errno saying why (ETIMEDOUT at the deadline, EAGAIN
 * under FDIO_NOWAIT, 0 for an end of file or a zero-length write before n
 * bytes) and err (may be NULL) filled with the same in words, prefixed by
 * what. Ownership: buf stays the caller's; fdio keeps no state and never
 * closes or changes the descriptor. */
#ifndef WF_FDIO_H
#define WF_FDIO_H

#include <stddef.h>

#include "util/wf_error.h"

#define FDIO_FOREVER (-1.0)
#define FDIO_NOWAIT 0.0

int fd_write_all(int fd, const void *buf, size_t n, double deadline, const char *what, wf_error *err);
int fd_read_all(int fd, void *buf, size_t n, double deadline, const char *what, wf_error *err);

#endif
