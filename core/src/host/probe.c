#define _POSIX_C_SOURCE 200809L
#include "host/probe.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util/proc.h"
#include "util/strbuf.h"

/* Seconds a plugin's constructors and descriptor check may take. */
#define PROBE_SECONDS 10

static void verdict(const char *path, int st, char *why, size_t n, int *rc)
{
    *rc = -1;
    if (WIFSIGNALED(st))
        snprintf(why, n, "%s: crashed while loading or checking its descriptor (%s): a constructor or a descriptor "
                 "pointer is bad", path, strsignal(WTERMSIG(st)));
    else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        snprintf(why, n, "%s: ended the process while loading (exit status %d): a constructor calls exit", path,
                 WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    else
        *rc = 0;
}

void plugin_probe_all(wf_registry *r, char *const *paths, size_t n, int (*load)(wf_registry *r, const char *path),
                      char (*why)[PROBE_WHY], int *rc)
{
    fflush(NULL);
    pid_t parent = getpid();
    pid_t *pids = xcalloc(n ? n : 1, sizeof *pids);
    size_t running = 0;
    for (size_t i = 0; i < n; i++) {
        why[i][0] = '\0';
        rc[i] = -1;
        pid_t pid = fork();
        if (pid < 0) {
            snprintf(why[i], PROBE_WHY, "%s: cannot check: fork failed", paths[i]);
            continue;
        }
        if (pid == 0) {
            child_die_with_parent(parent);
            worker_default_signals();
            child_close_fds(-1);
            load(r, paths[i]);
            _exit(0); /* no destructors: only whether loading and checking survive */
        }
        pids[i] = pid;
        running++;
    }
    /* All children run at once under one deadline. Each takes about a
     * millisecond, so the wait starts at 0.1 ms and doubles to 2 ms: a fixed
     * 2 ms sleep per plugin was most of a command's start-up. */
    double deadline = now_ms() + PROBE_SECONDS * 1000.0;
    long pause_ns = 100 * 1000;
    while (running > 0) {
        for (size_t i = 0; i < n; i++) {
            if (pids[i] <= 0)
                continue;
            int st = 0;
            pid_t w = waitpid(pids[i], &st, WNOHANG);
            if (w == pids[i] || w < 0) {
                if (w < 0)
                    snprintf(why[i], PROBE_WHY, "%s: cannot check: lost its probe process", paths[i]);
                else
                    verdict(paths[i], st, why[i], PROBE_WHY, &rc[i]);
                pids[i] = 0;
                running--;
            }
        }
        if (running == 0)
            break;
        if (now_ms() > deadline) {
            for (size_t i = 0; i < n; i++) {
                if (pids[i] <= 0)
                    continue;
                kill(pids[i], SIGKILL);
                waitpid(pids[i], NULL, 0);
                snprintf(why[i], PROBE_WHY, "%s: hung while loading or checking its descriptor (killed after %d s)",
                         paths[i], PROBE_SECONDS);
            }
            break;
        }
        struct timespec ts = {0, pause_ns};
        nanosleep(&ts, NULL);
        if (pause_ns < 2 * 1000 * 1000)
            pause_ns *= 2;
    }
    free(pids);
}

int plugin_probe(wf_registry *r, const char *path, int (*load)(wf_registry *r, const char *path), char *why,
                 size_t n)
{
    char one[1][PROBE_WHY];
    int rc;
    char *p = (char *)path; /* plugin_probe_all only reads it */
    plugin_probe_all(r, &p, 1, load, one, &rc);
    if (rc != 0)
        snprintf(why, n, "%s", one[0]);
    return rc;
}
