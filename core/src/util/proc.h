/* Running external programs without a shell, with a time limit. */
#ifndef WF_PROC_H
#define WF_PROC_H

#include <stddef.h>
#include <sys/types.h>

/* Runs argv[0] (PATH search) with stdin from /dev/null, stdout to out_path
 * (or /dev/null when NULL) and stderr to err_path (or /dev/null). Waits at
 * most timeout seconds, then kills it. Returns the exit status (0..255),
 * -2 on time-out, -3 when it could not be started, or 128+signal when it was
 * killed by a signal. */
int run_program(char *const argv[], const char *out_path, const char *err_path, double timeout);

/* In a freshly forked worker: default handlers for crash signals, so a
 * crashing plugin ends the worker even when the parent (a test harness, say)
 * installed its own. */
void worker_default_signals(void);

/* In a freshly forked child: die with SIGKILL when the parent dies (even by
 * SIGKILL), and exit at once when it is already gone. parent is the pid the
 * parent had before the fork. */
void child_die_with_parent(pid_t parent);

/* In a freshly forked child: closes every descriptor above 2 except keep
 * (-1 for none), so no child holds another job's pipe or the host's files. */
void child_close_fds(int keep);

/* A guard that ends a child's whole process group when the host ends,
 * however it ends (SIGKILL included). PR_SET_PDEATHSIG kills the child
 * alone: the processes a plugin started in its group ran on. The host makes
 * the pipe (both ends close-on-exec), keeps it open while its children run
 * and never writes to it; 0 or -1. */
int group_guard_pipe(int fds[2]);

/* In a freshly forked child that leads its own process group, before any
 * plugin code runs: forks a guardian into the group that holds nothing but
 * the pipe's read end and, when it reads end of file (every copy of the
 * host's write end is closed: the host closed it or ended), kills the group
 * with SIGKILL. Closes both ends of the pipe in the caller. */
void child_start_group_guard(int fds[2]);

/* Makes this process the reaper of its orphaned descendants (Linux
 * PR_SET_CHILD_SUBREAPER, before it starts workers): a process a plugin
 * moved out of its worker's group (setsid, setpgid) is not killed with the
 * group, and when its parent ends it becomes this process's child instead of
 * init's, where strays_end finds it. */
void strays_adopt(void);

/* Kills (SIGKILL) and reaps every child of this process that is in another
 * process group than this one's and is not in keep[0..n): adopted orphans,
 * and the zombies of workers' guardians. This process's own helpers
 * (gnuplot) share its group and are left alone. Repeats while it finds some
 * (a stray's children are adopted when it dies). */
void strays_end(const pid_t *keep, size_t n);

/* Exit status of a process whose allocation failed (xmalloc and friends):
 * the scheduler reports it as out of memory, not as a crash. */
#define WF_EXIT_OOM 125

/* Milliseconds on a monotonic clock. */
double now_ms(void);

#endif
