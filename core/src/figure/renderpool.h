/* Rendering through long-lived gnuplots: one per worker slot, owned by the
 * build's parent process (figure/gpserver.h says how each stays
 * byte-identical to a fresh gnuplot).
 *
 * A figure worker builds and stages its script as before, then, instead of
 * starting gnuplot itself, sends a render request over its channel to the
 * parent (the socket it also reports on) and waits for the answer. The
 * parent hands the request to the gnuplot of the worker's slot, polls it
 * with the workers, and answers with gnuplot's verdict and messages. Plugin
 * code never holds a gnuplot descriptor; a request can only name files of
 * its own figure in the output directory (checked by the parent).
 *
 * Frames on the channel (little-endian lengths):
 *   worker -> parent  "WRFR" u32 len  script '\n' prefix '\n' formats
 *   parent -> worker  "WRFA" u8 ok u32 len  messages (gnuplot's lines) */
#ifndef WF_RENDERPOOL_H
#define WF_RENDERPOOL_H

#include <stdbool.h>
#include <stddef.h>

#include <sys/types.h>

#include "util/strbuf.h"
#include "util/wf_error.h"

typedef struct wf_render_pool wf_render_pool;

/* A pool of slots; each slot's gnuplot starts when the slot first renders,
 * so a build that renders nothing starts none. */
wf_render_pool *render_pool_new(int slots, double timeout);
/* Ends every gnuplot. NULL is fine. */
void render_pool_free(wf_render_pool *p);

/* --- the parent's side, driven by the scheduler ------------------------ */

/* When buf (the bytes a worker has sent so far) starts with a complete
 * render request, takes it out of buf and hands it to slot's gnuplot;
 * returns 1. 0 when buf holds no request (or not yet a whole one). A
 * request that names files outside out_dir/.<id>.* is refused: the answer
 * says so and no gnuplot runs. reply_fd is the worker's channel. */
int render_pool_take_request(wf_render_pool *p, int slot, strbuf *buf, const char *out_dir, const char *id,
                             int reply_fd);
/* Starts slot's gnuplot without waiting for it (gpserver_launch), when it
 * has none, so that its start-up overlaps the worker's work. */
void render_pool_warm(wf_render_pool *p, int slot);
/* The descriptor to poll for slot's pending render, or -1. */
int render_pool_fd(const wf_render_pool *p, int slot);
/* Reads slot's gnuplot; when its render finished, answers the worker.
 * Returns 1 when it answered, 0 otherwise. */
int render_pool_step(wf_render_pool *p, int slot);
/* The worker of slot ended: a render still pending is abandoned (its
 * gnuplot stopped, as it may hang). Messages of its renders are appended to
 * *messages (may be NULL) and cleared. */
void render_pool_release(wf_render_pool *p, int slot, strbuf *messages);

/* The pids of the pool's running gnuplots, at most max into out: the
 * children a stray sweep (util/proc.h strays_end) must keep. */
size_t render_pool_pids(const wf_render_pool *p, pid_t *out, size_t max);

/* --- the worker's side ------------------------------------------------- */

/* Asks the parent over fd to render script into <prefix>.<fmt> for each of
 * formats and waits for the answer. Returns 0 when gnuplot reported no
 * error, -1 with err otherwise; gnuplot's messages go to *messages. -2 when
 * the request could not be sent at all (the channel is closed): render
 * locally instead. */
int render_pool_request(int fd, const char *script, const char *prefix, const char *formats, strbuf *messages,
                        wf_error *err);

#endif
