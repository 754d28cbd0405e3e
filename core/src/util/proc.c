#define _GNU_SOURCE /* syscall() */
#include "util/proc.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void worker_default_signals(void)
{
    static const int sigs[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTERM};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        signal(sigs[i], SIG_DFL);
}

void child_die_with_parent(pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) /* died between fork and prctl */
        _exit(127);
}

void child_close_fds(int keep)
{
#ifdef SYS_close_range
    /* One system call instead of one per possible descriptor. */
    if (keep < 3 ? syscall(SYS_close_range, 3u, ~0u, 0u) == 0
                 : (keep == 3 || syscall(SYS_close_range, 3u, (unsigned)keep - 1, 0u) == 0) &&
                       syscall(SYS_close_range, (unsigned)keep + 1, ~0u, 0u) == 0)
        return;
#endif
    struct rlimit rl;
    long max = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ? (long)rl.rlim_cur : 4096;
    if (max > 65536)
        max = 65536;
    for (int fd = 3; fd < max; fd++)
        if (fd != keep)
            close(fd);
}

int group_guard_pipe(int fds[2])
{
    return pipe2(fds, O_CLOEXEC);
}

void child_start_group_guard(int fds[2])
{
    if (fds[0] < 0)
        return;
    pid_t g = fork();
    if (g == 0) {
        /* Nothing of the worker's: its sockets and pipes must close when
         * the worker dies, or the host would not see it end. */
        int rd = fds[0];
        close(fds[1]);
        child_close_fds(rd);
        int null = open("/dev/null", O_RDWR);
        for (int fd = 0; fd < 3; fd++)
            dup2(null, fd);
        if (null > 2)
            close(null);
        char c;
        while (read(rd, &c, 1) < 0 && errno == EINTR)
            ;
        kill(0, SIGKILL); /* the whole group, this guardian included */
        _exit(0);
    }
    close(fds[0]);
    close(fds[1]);
}

void strays_adopt(void)
{
    prctl(PR_SET_CHILD_SUBREAPER, 1);
}

/* The parent and process group of pid from /proc/<pid>/stat; -1 if gone. */
static int stat_parent_group(const char *pid, pid_t *ppid, pid_t *pgrp)
{
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%s/stat", pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    /* "pid (comm) S ppid pgrp ...": comm may hold spaces and parentheses */
    const char *p = strrchr(buf, ')');
    long pp, pg;
    if (!p || sscanf(p + 1, " %*c %ld %ld", &pp, &pg) != 2)
        return -1;
    *ppid = (pid_t)pp;
    *pgrp = (pid_t)pg;
    return 0;
}

void strays_end(const pid_t *keep, size_t n)
{
    pid_t self = getpid(), group = getpgrp();
    for (int round = 0; round < 100; round++) {
        DIR *d = opendir("/proc");
        if (!d)
            return;
        int found = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] < '1' || e->d_name[0] > '9')
                continue;
            pid_t ppid, pgrp, pid = (pid_t)strtol(e->d_name, NULL, 10);
            if (stat_parent_group(e->d_name, &ppid, &pgrp) != 0 || ppid != self || pgrp == group)
                continue;
            bool kept = false;
            for (size_t i = 0; i < n && !kept; i++)
                kept = keep[i] == pid;
            if (kept)
                continue;
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            found++;
        }
        closedir(d);
        if (!found)
            return;
    }
}

double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void redirect(int fd, const char *path, int flags)
{
    int f = open(path ? path : "/dev/null", flags, 0644);
    if (f >= 0) {
        dup2(f, fd);
        close(f);
    }
}

int run_program(char *const argv[], const char *out_path, const char *err_path, double timeout)
{
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0)
        return -3;
    if (pid == 0) {
        child_die_with_parent(parent);
        child_close_fds(-1);
        redirect(0, NULL, O_RDONLY);
        redirect(1, out_path, O_WRONLY | O_CREAT | O_TRUNC);
        redirect(2, err_path, O_WRONLY | O_CREAT | O_TRUNC);
        execvp(argv[0], argv);
        _exit(127);
    }
    double deadline = now_ms() + timeout * 1000.0;
    for (;;) {
        int st;
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid) {
            if (WIFEXITED(st))
                return WEXITSTATUS(st) == 127 ? -3 : WEXITSTATUS(st);
            return 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
        }
        if (r < 0 && errno != EINTR)
            return -3;
        if (now_ms() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return -2;
        }
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}
