#define _POSIX_C_SOURCE 200809L
#include "host/probe.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/proc.h"

/* Seconds a plugin's constructors and descriptor check may take. */
#define PROBE_SECONDS 10

int plugin_probe(wf_registry *r, const char *path, int (*load)(wf_registry *r, const char *path), char *why,
                 size_t n)
{
    fflush(NULL);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(why, n, "%s: cannot check: fork failed", path);
        return -1;
    }
    if (pid == 0) {
        child_die_with_parent(parent);
        worker_default_signals();
        child_close_fds(-1);
        load(r, path);
        _exit(0); /* no destructors: only whether loading and checking survive */
    }
    double deadline = now_ms() + PROBE_SECONDS * 1000.0;
    int st = 0;
    for (;;) {
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 || now_ms() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            snprintf(why, n, "%s: hung while loading or checking its descriptor (killed after %d s)", path,
                     PROBE_SECONDS);
            return -1;
        }
        struct timespec ts = {0, 2 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (WIFSIGNALED(st)) {
        snprintf(why, n, "%s: crashed while loading or checking its descriptor (%s): a constructor or a descriptor "
                 "pointer is bad", path, strsignal(WTERMSIG(st)));
        return -1;
    }
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        snprintf(why, n, "%s: ended the process while loading (exit status %d): a constructor calls exit", path,
                 WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        return -1;
    }
    return 0;
}
