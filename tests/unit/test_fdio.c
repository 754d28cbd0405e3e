/* core/src/util/fdio.c: whole-buffer reads and writes, with its policy for
 * short transfers, EINTR, EAGAIN, deadlines, end of file and SIGPIPE. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/fdio.h"
#include "util/proc.h"

static void nap_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Forks a child that naps, writes n bytes of pattern to fd and exits. */
static pid_t writer(int fd, size_t n, long nap)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        nap_ms(nap);
        unsigned char *b = malloc(n);
        for (size_t i = 0; i < n; i++)
            b[i] = (unsigned char)(i * 7 + 3);
        int rc = fd_write_all(fd, b, n, FDIO_FOREVER, "test", NULL);
        free(b);
        _exit(rc == 0 ? 0 : 1);
    }
    return pid;
}

static void assert_pattern(const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b[i] != (unsigned char)(i * 7 + 3))
            fail_msg("byte %zu is %u", i, b[i]);
}

static void reap_ok(pid_t pid)
{
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

/* 1 MiB through a 64 KiB pipe: both ends see short transfers. */
static void test_short_transfers(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    size_t n = 1 << 20;
    pid_t pid = writer(p[1], n, 0);
    close(p[1]);
    unsigned char *b = malloc(n);
    assert_int_equal(fd_read_all(p[0], b, n, FDIO_FOREVER, "test", NULL), 0);
    assert_pattern(b, n);
    free(b);
    close(p[0]);
    reap_ok(pid);
}

static void on_alarm(int sig) { (void)sig; }

/* A signal without SA_RESTART interrupts the blocked read every
 * millisecond: EINTR is retried, the bytes arrive. */
static void test_eintr_retried(void **state)
{
    (void)state;
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART */
    sigaction(SIGALRM, &sa, &old);
    struct itimerval it = {{0, 1000}, {0, 1000}}, off = {{0, 0}, {0, 0}};
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = writer(p[1], 4096, 60);
    close(p[1]);
    setitimer(ITIMER_REAL, &it, NULL);
    unsigned char b[4096];
    int rc = fd_read_all(p[0], b, sizeof b, FDIO_FOREVER, "test", NULL);
    int rc2 = fd_read_all(p[0], b, 0, FDIO_FOREVER, "test", NULL); /* nothing asked: done */
    setitimer(ITIMER_REAL, &off, NULL);
    /* The handler stays installed: a SIGALRM the kernel raised before the
     * timer was disarmed may still be delivered afterwards (valgrind queues
     * signals and delivers them late), and with the default action it
     * would kill the test program ("Alarm clock", seen under valgrind). */
    (void)old;
    assert_int_equal(rc, 0);
    assert_int_equal(rc2, 0);
    assert_pattern(b, sizeof b);
    close(p[0]);
    reap_ok(pid);
}

/* Non-blocking descriptors: FDIO_NOWAIT fails with EAGAIN at once;
 * FDIO_FOREVER waits the EAGAIN out with poll. */
static void test_eagain_policy(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    wf_error err = {""};
    unsigned char b[8];
    assert_int_equal(fd_read_all(p[0], b, sizeof b, FDIO_NOWAIT, "reading the pipe", &err), -1);
    assert_int_equal(errno, EAGAIN);
    assert_contains(err.msg, "reading the pipe: ");
    /* Fill the pipe: the write that no longer fits fails, does not block. */
    static unsigned char big[1 << 20];
    double t0 = now_ms();
    assert_int_equal(fd_write_all(p[1], big, sizeof big, FDIO_NOWAIT, "test", NULL), -1);
    assert_int_equal(errno, EAGAIN);
    assert_true(now_ms() - t0 < 5000);
    close(p[0]);
    close(p[1]);

    assert_int_equal(pipe(p), 0);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    pid_t pid = writer(p[1], 100000, 50);
    close(p[1]);
    unsigned char *r = malloc(100000);
    assert_int_equal(fd_read_all(p[0], r, 100000, FDIO_FOREVER, "test", NULL), 0);
    assert_pattern(r, 100000);
    free(r);
    close(p[0]);
    reap_ok(pid);
}

/* A deadline bounds a blocking read; an end of file is not a time-out. */
static void test_deadline_and_eof(void **state)
{
    (void)state;
    int p[2];
    assert_int_equal(pipe(p), 0);
    wf_error err = {""};
    unsigned char b[4];
    double t0 = now_ms();
    assert_int_equal(fd_read_all(p[0], b, sizeof b, now_ms() + 50, "answer", &err), -1);
    assert_int_equal(errno, ETIMEDOUT);
    assert_true(now_ms() - t0 >= 49);
    assert_string_equal(err.msg, "answer: timed out after 0 of 4 bytes");
    assert_int_equal(write(p[1], "abc", 3), 3);
    close(p[1]);
    assert_int_equal(fd_read_all(p[0], b, sizeof b, now_ms() + 5000, "answer", &err), -1);
    assert_int_equal(errno, 0);
    assert_string_equal(err.msg, "answer: end of file after 3 of 4 bytes");
    assert_memory_equal(b, "abc", 3);
    close(p[0]);
}

/* Writing to a socket whose peer is gone is an error (EPIPE), never a
 * SIGPIPE that kills the writer: SIGPIPE is at its default here. */
static void test_socket_peer_gone(void **state)
{
    (void)state;
    signal(SIGPIPE, SIG_DFL);
    int s[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, s), 0);
    close(s[1]);
    wf_error err = {""};
    assert_int_equal(fd_write_all(s[0], "hello", 5, FDIO_FOREVER, "request", &err), -1);
    assert_int_equal(errno, EPIPE);
    assert_contains(err.msg, "request: ");
    close(s[0]);
    /* A socket with a reader: all bytes, with a deadline too. */
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, s), 0);
    assert_int_equal(fd_write_all(s[0], "hello", 5, now_ms() + 5000, "request", NULL), 0);
    char b[5];
    assert_int_equal(fd_read_all(s[1], b, 5, now_ms() + 5000, "request", NULL), 0);
    assert_memory_equal(b, "hello", 5);
    close(s[0]);
    close(s[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_short_transfers), cmocka_unit_test(test_eintr_retried),
        cmocka_unit_test(test_eagain_policy),   cmocka_unit_test(test_deadline_and_eof),
        cmocka_unit_test(test_socket_peer_gone),
    };
    return cmocka_run_group_tests_name("fdio", tests, NULL, NULL);
}
