#include "util/fdio.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/proc.h"

/* Waits until fd is ready for events (or the deadline). 0 ready, -1 with
 * errno ETIMEDOUT / EAGAIN (FDIO_NOWAIT) / poll's own. */
static int wait_ready(int fd, short events, double deadline)
{
    if (deadline == FDIO_NOWAIT) {
        errno = EAGAIN;
        return -1;
    }
    for (;;) {
        int ms = -1;
        if (deadline > 0) {
            double left = deadline - now_ms();
            if (left <= 0) {
                errno = ETIMEDOUT;
                return -1;
            }
            ms = (int)left + 1;
        }
        struct pollfd pf = {fd, events, 0};
        int r = poll(&pf, 1, ms);
        if (r > 0)
            return 0; /* ready, or POLLHUP/POLLERR: the transfer says which */
        if (r == 0 || (r < 0 && errno == EINTR))
            continue; /* the deadline check above ends a time-out */
        return -1;
    }
}

static int fail(wf_error *err, const char *what, bool reading, size_t done, size_t n)
{
    int e = errno;
    if (e == 0)
        wf_errorf(err, "%s: %s after %zu of %zu bytes", what, reading ? "end of file" : "nothing written", done, n);
    else if (e == ETIMEDOUT)
        wf_errorf(err, "%s: timed out after %zu of %zu bytes", what, done, n);
    else
        wf_errorf(err, "%s: %s", what, strerror(e));
    errno = e;
    return -1;
}

/* The one loop of both directions. A socket is written with send and
 * MSG_NOSIGNAL until send says ENOTSOCK, then with write. */
static int transfer(int fd, char *p, size_t n, double deadline, bool reading, const char *what, wf_error *err)
{
    short events = reading ? POLLIN : POLLOUT;
    size_t done = 0;
    bool sock = !reading;
    while (done < n) {
        if (deadline > 0 && wait_ready(fd, events, deadline) != 0)
            return fail(err, what, reading, done, n);
        ssize_t r = reading ? read(fd, p + done, n - done)
                    : sock  ? send(fd, p + done, n - done, MSG_NOSIGNAL)
                            : write(fd, p + done, n - done);
        if (r < 0 && sock && errno == ENOTSOCK) {
            sock = false;
            continue;
        }
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            /* With a deadline the poll at the top waits; otherwise here. */
            if (deadline > 0 || wait_ready(fd, events, deadline) == 0)
                continue;
            return fail(err, what, reading, done, n);
        }
        if (r <= 0) {
            if (r == 0)
                errno = 0;
            return fail(err, what, reading, done, n);
        }
        done += (size_t)r;
    }
    return 0;
}

int fd_write_all(int fd, const void *buf, size_t n, double deadline, const char *what, wf_error *err)
{
    /* transfer only reads from p when writing. */
    return transfer(fd, (char *)(uintptr_t)buf, n, deadline, false, what, err);
}

int fd_read_all(int fd, void *buf, size_t n, double deadline, const char *what, wf_error *err)
{
    return transfer(fd, buf, n, deadline, true, what, err);
}
