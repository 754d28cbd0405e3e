/* A long-lived gnuplot that renders many scripts.
 *
 * Starting gnuplot costs more than rendering a small figure (dynamic linking,
 * font set-up), so a build keeps one gnuplot per worker slot and feeds it
 * scripts over a pipe. Between scripts the server resets gnuplot so that
 * every output is byte-identical to what a fresh process writes
 * (tests/e2e/test_gpserver.c renders every shipped figure both ways, in
 * both orders, and compares):
 *   - `reset session` clears variables, functions and settings;
 *   - an empty page on the svg terminal (`clear` into /dev/null) resets the
 *     svg driver's colour state, which gnuplot 5.4 reads before resetting it
 *     when the next page starts;
 *   - `reset errors` clears GPVAL_ERRNO.
 * The cairo terminals (pdf, png) keep no such state.
 *
 * Protocol: commands go to gnuplot's stdin; everything comes back on its
 * stderr, in order: warnings, error messages, and a sentinel line carrying a
 * per-server nonce, the request number and GPVAL_ERRNO. gnuplot reading a
 * pipe does not exit on an error; it abandons the script and reads on, so the
 * sentinel always follows.
 *
 * The server belongs to the process that started it (the build's parent);
 * plugin code never sees its descriptors (they are close-on-exec, and the
 * scheduler closes them in workers). Not thread-safe; one request at a time. */
#ifndef WF_GPSERVER_H
#define WF_GPSERVER_H

#include <stdbool.h>
#include <sys/types.h>

#include "util/strbuf.h"
#include "util/wf_error.h"

typedef struct wf_gpserver wf_gpserver;

/* The PNG encoder the server preloads into gnuplot: the path of
 * lib/wrrfig/gp-pngenc.so beside the running executable's bin/ (as built and
 * as installed), or NULL when it is absent or WRRFIG_FAST_PNG=0. It writes
 * the bytes cairo writes (core/preload/gp_pngenc.c). Caller frees. */
char *gpserver_png_encoder(void);

/* Starts gnuplot ($WRRFIG_GNUPLOT or "gnuplot") and asks its version
 * without waiting for the answer, so that gnuplot's own start-up (dynamic
 * linking, fonts: tens of milliseconds) runs while the caller does other
 * work. Returns NULL with err when it cannot even be started. Free with
 * gpserver_stop. */
wf_gpserver *gpserver_launch(wf_error *err);

/* Waits for a launched server's version answer (at once when it came
 * already). Returns 0, or -1 with err when gnuplot cannot be run or does
 * not answer within timeout seconds (then stop the server). Requests can be
 * submitted only after it returned 0. */
int gpserver_await(wf_gpserver *s, double timeout, wf_error *err);

/* gpserver_launch and gpserver_await: NULL with err on failure. */
wf_gpserver *gpserver_start(double timeout, wf_error *err);

/* "gnuplot 5.4 patchlevel 4", as `gnuplot --version` prints it. Owned by the
 * server. */
const char *gpserver_version(const wf_gpserver *s);
/* gnuplot's pid while it runs, else 0 (the host keeps it by strays_end). */
pid_t gpserver_pid(const wf_gpserver *s);

/* Starts rendering script (a path) into <prefix>.<fmt> for each of formats
 * ("svg pdf png"). gnuplot names the script in its messages; shown_as (may
 * be NULL) replaces that name, so that a temporary file's name (with a pid
 * in it) does not reach manifests. Returns 0, or -1 with err when the
 * request could not be sent (the server is then dead: stop it and start
 * another). */
int gpserver_submit(wf_gpserver *s, const char *script, const char *shown_as, const char *formats,
                    const char *prefix, wf_error *err);

/* The descriptor to poll (POLLIN) while a request is pending. */
int gpserver_fd(const wf_gpserver *s);

/* Reads what gnuplot has written so far, without blocking. Returns 1 when
 * the pending request finished (0 when still running). When it finished:
 * *ok says whether gnuplot reported no error; gnuplot's messages for this
 * request (warnings, and the error when !*ok) are appended to *messages, one
 * per line. Returns -1 with err when gnuplot died or wrote garbage; the
 * server must then be stopped. */
int gpserver_poll(wf_gpserver *s, bool *ok, strbuf *messages, wf_error *err);

/* Whether a request is pending. */
bool gpserver_busy(const wf_gpserver *s);

/* Renders synchronously: submit, then wait at most timeout seconds. Returns
 * 0 when gnuplot finished without error, -1 with err otherwise (on a
 * time-out or a dead gnuplot the server is stopped and *sp set to NULL). */
int gpserver_render(wf_gpserver **sp, const char *script, const char *formats, const char *prefix, double timeout,
                    strbuf *messages, wf_error *err);

/* Ends gnuplot (SIGKILL when it does not quit at once) and frees s. NULL is
 * fine. */
void gpserver_stop(wf_gpserver *s);

#endif
