#define _POSIX_C_SOURCE 200809L
#include "figure/build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figure/classcheck.h"
#include "figure/manifest.h"
#include "figure/period.h"
#include "figure/renderpool.h"
#include "host/ctx.h"
#include "util/fileio.h"
#include "figure/gpwrite.h"
#include "format/jsonfile.h"
#include "util/sha256.h"
#include "util/strbuf.h"

/* Files staged under temporary names beside the outputs, renamed into place
 * only when everything is written and rendered, the manifest last: a
 * failure or a kill at any point leaves each output either the previous
 * complete version or the new one, and a manifest that describes the
 * outputs beside it. */
typedef struct staged {
    char **tmp, **fin;
    size_t n;
} staged;

static void stage_add(staged *s, char *tmp, char *fin)
{
    s->tmp = xrealloc(s->tmp, (s->n + 1) * sizeof *s->tmp);
    s->fin = xrealloc(s->fin, (s->n + 1) * sizeof *s->fin);
    s->tmp[s->n] = tmp;
    s->fin[s->n] = fin;
    s->n++;
}

/* Writes text to a fresh temporary beside <out>/<id>.<ext> and stages it. */
static int stage_text(staged *s, const char *out_dir, const char *id, const char *ext, const char *text, size_t len,
                      wf_error *err)
{
    char *fin = figure_out_path(out_dir, id, ext);
    char *tmp = temp_path_for(fin, NULL);
    if (atomic_write(tmp, text, len, err) != 0) {
        free(fin);
        free(tmp);
        return -1;
    }
    stage_add(s, tmp, fin);
    return 0;
}

static int stage_commit(staged *s, wf_error *err)
{
    for (size_t i = 0; i < s->n; i++)
        if (rename(s->tmp[i], s->fin[i]) != 0)
            return wf_errorf(err, "cannot rename %s to %s", s->tmp[i], s->fin[i]);
    return 0;
}

/* Removes what was staged but not committed, frees the lists. */
static void stage_free(staged *s)
{
    for (size_t i = 0; i < s->n; i++) {
        unlink(s->tmp[i]); /* ENOENT once renamed */
        free(s->tmp[i]);
        free(s->fin[i]);
    }
    free(s->tmp);
    free(s->fin);
    memset(s, 0, sizeof *s);
}

/* A spec dimension as a canvas size in pixels: 0 (the default) unless it is
 * a number gnuplot can draw, so no cast below meets an out-of-range double. */
static int canvas_px(const wrrfig_host *h, wrrfig_ctx *c, const char *path)
{
    double v = 0; /* stays 0 when the key is absent */
    h->spec_number(c, path, &v);
    if (!(v >= 50 && v <= 20000))
        return 0;
    return (int)v;
}

/* The canvas is one of the house sizes (gpwrite.h); only a content-sized
 * text table ("canvas": "table") brings its own "size". The spec the plugin
 * sees holds the resolved canvas as "size" [w, h], so plugins that fit a
 * drawing to the canvas (maps, tables) read it there. */
static int spec_canvas(cJSON *spec, wf_error *reason)
{
    const cJSON *cv = cJSON_GetObjectItemCaseSensitive(spec, "canvas");
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(spec, "size");
    const char *name = cJSON_IsString(cv) ? cv->valuestring : NULL;
    if (cv && !name)
        return wf_errorf(reason, "spec: canvas: expected a string (one of %s)", gp_canvas_names());
    if (name && strcmp(name, "table") == 0) {
        const cJSON *sw = cJSON_GetArrayItem(size, 0), *sh = cJSON_GetArrayItem(size, 1);
        /* an absurd size is clamped later (canvas_px), never trusted */
        if (!cJSON_IsArray(size) || cJSON_GetArraySize(size) != 2 || !cJSON_IsNumber(sw) || !cJSON_IsNumber(sh))
            return wf_errorf(reason, "spec: canvas 'table' needs \"size\": [width, height] in pixels");
        return 0;
    }
    const gp_canvas *gc = gp_canvas_find(name ? name : GP_CANVAS_DEFAULT);
    if (!gc)
        return wf_errorf(reason, "spec: canvas '%s' (expected one of %s)", name, gp_canvas_names());
    if (size)
        return wf_errorf(reason, "spec: \"size\" is only for canvas 'table'; use \"canvas\": one of %s",
                         gp_canvas_names());
    cJSON *arr = cJSON_CreateArray();
    cJSON_AddItemToArray(arr, cJSON_CreateNumber(gc->width));
    cJSON_AddItemToArray(arr, cJSON_CreateNumber(gc->height));
    cJSON_AddItemToObject(spec, "size", arr);
    return 0;
}

int figure_build(const wf_app *a, const wf_figure *f, const build_opts *o, wf_error *reason)
{
    wf_error err;
    cJSON *spec = app_spec_load(a, f->id, &err);
    if (!spec) {
        wf_errorf(reason, "figure spec: %s", err.msg);
        return FIGURE_BROKEN_INPUT;
    }
    if (spec_canvas(spec, reason) != 0 || figure_classification_check(a->data_dir, spec, f->inputs, reason) != 0) {
        cJSON_Delete(spec);
        return FIGURE_BROKEN_INPUT;
    }
    /* The period shown, before the plugin reads the spec: with --latest
     * its period.to is the data's last year, and its period texts have
     * {from}/{to} filled with what is shown. */
    fig_period per;
    if (fig_period_resolve(spec, app_spec_path(a, f->id), a->data_dir, (const char *const *)f->inputs, o->latest,
                           &per, &err) != 0) {
        wf_errorf(reason, "figure spec: %s", err.msg);
        cJSON_Delete(spec);
        return FIGURE_BROKEN_INPUT;
    }
    wrrfig_ctx c;
    ctx_init(&c, f->plugin->name, f->id, a->data_dir, a->lang);
    c.spec = spec;
    c.declared = (const char *const *)f->inputs;
    c.kind_params = f->params;
    int st = f->build(host_api(), &c);
    int rc = WRRFIG_ERROR;
    char *gp = NULL;
    cJSON *m = NULL;
    staged sg = {0};
    strbuf gp_msgs = STRBUF_INIT;
    if (c.broken) {
        /* Decided by the host, not by what the plugin returned: six plugins
         * map any NULL table to NO-DATA, which would delete the previous
         * outputs of a figure whose data is merely corrupt. */
        wf_errorf(reason, "%s input: %s", c.broken_content ? "broken" : "unreadable", c.broken_msg);
        rc = FIGURE_BROKEN_INPUT;
        goto done;
    }
    if (st == WRRFIG_NODATA) {
        wf_errorf(reason, "the plugin found its inputs lack the data it needs (see messages above)");
        figure_write_nodata_manifest(a, f, o, "(inputs present, but without the cells this figure needs)");
        rc = WRRFIG_NODATA;
        goto done;
    }
    if (st != WRRFIG_OK || c.misuse || c.in_block) {
        wf_errorf(reason, "%s", c.misuse || c.in_block ? "the plugin misused the host API (see messages above)"
                                                         : "the plugin reported an error (see messages above)");
        goto done;
    }
    if (c.csv_cols == 0) {
        wf_errorf(reason, "the plugin wrote no CSV of the figure's numbers");
        goto done;
    }
    char pw[160];
    if (fig_period_warning(&per, pw, sizeof pw)) {
        /* tagged like gnuplot's warnings; also in the manifest (period.warning) */
        fprintf(stderr, "wrrfig: [%s] warning: %s (wrrfig build --latest shows it)\n", f->id, pw);
        fflush(stderr);
    }
    const wrrfig_host *h = host_api();
    /* "title" is the report's (listings show it); a "title_template" is
     * what a build draws, its {from}/{to} filled with the period shown. */
    const char *title = c.title ? c.title : h->spec_text(&c, "title_template");
    if (!title)
        title = h->spec_text(&c, "title");
    strbuf hc = STRBUF_INIT;
    sb_printf(&hc, "plugin %s %s, ABI %u.%u", f->plugin->name, f->plugin->version, f->plugin->abi_major,
              f->plugin->abi_minor);
    /* Footnotes are spec text ({"nl","en"} each), in the output language. */
    enum { MAX_FOOTNOTES = 6 };
    const char *foot[MAX_FOOTNOTES];
    size_t nfoot = 0, nspec = h->spec_count(&c, "footnotes");
    for (size_t i = 0; i < nspec && nfoot < MAX_FOOTNOTES; i++) {
        char k[32];
        snprintf(k, sizeof k, "footnotes.%zu", i);
        const char *t = h->spec_text(&c, k);
        if (t && *t)
            foot[nfoot++] = t;
    }
    gp_script_parts parts = {f->id, title, h->spec_text(&c, "source"), a->lang, sb_cstr(&c.blocks),
                             sb_cstr(&c.body), hc.s, canvas_px(h, &c, "size.0"), canvas_px(h, &c, "size.1"),
                             foot, nfoot};
    gp = gp_script(&parts);
    sb_free(&hc);
    if (stage_text(&sg, o->out_dir, f->id, "gp", gp, strlen(gp), &err) != 0 ||
        stage_text(&sg, o->out_dir, f->id, "csv", c.csv.s, c.csv.len, &err) != 0) {
        wf_errorf(reason, "%s", err.msg);
        goto done;
    }
    for (size_t i = 0; i < c.n_extra; i++)
        if (stage_text(&sg, o->out_dir, f->id, c.extra_ext[i], c.extra_text[i], strlen(c.extra_text[i]), &err) !=
            0) {
            wf_errorf(reason, "%s", err.msg);
            goto done;
        }
    if (o->render) {
        strbuf prefix = STRBUF_INIT;
        sb_printf(&prefix, "%s/.%s.render.%ld", o->out_dir, f->id, (long)getpid());
        /* In a scheduled build the parent's long-lived gnuplot renders
         * (figure/renderpool.h); alone, this process runs one itself. */
        int rr = -2;
        const char *rf = o->render_formats ? o->render_formats : o->formats;
        if (o->render_fd > 0) {
            rr = render_pool_request(o->render_fd, sg.tmp[0], prefix.s, rf, &gp_msgs, reason);
            if (rr != -2)
                rr = render_finish(prefix.s, rf, rr == 0, reason);
        }
        if (rr == -2)
            rr = render_figure(sg.tmp[0], prefix.s, rf, a->timeout, reason);
        if (rr == 0) {
            char *fmts = xstrdup(o->formats), *save = NULL;
            for (char *tok = strtok_r(fmts, " ,", &save); tok; tok = strtok_r(NULL, " ,", &save)) {
                strbuf t = STRBUF_INIT;
                sb_printf(&t, "%s.%s", prefix.s, render_ext(tok));
                stage_add(&sg, sb_take(&t), figure_out_path(o->out_dir, f->id, render_ext(tok)));
            }
            free(fmts);
        }
        sb_free(&prefix);
        if (rr != 0)
            goto done;
    }
    m = figure_manifest(a, f, o, &c, title ? title : f->id);
    cJSON *pj = fig_period_json(&per);
    if (pj)
        cJSON_AddItemToObject(m, "period", pj);
    if (gp_msgs.len) {
        /* gnuplot's warnings ("Terminal canvas area too small", ...) */
        cJSON *gm = cJSON_AddArrayToObject(m, "gnuplot_messages");
        for (char *line = strtok(gp_msgs.s, "\n"); line; line = strtok(NULL, "\n"))
            cJSON_AddItemToArray(gm, cJSON_CreateString(line));
    }
    char *mj = figure_json_text(m);
    int wrc = stage_text(&sg, o->out_dir, f->id, "json", mj, strlen(mj), &err);
    free(mj);
    if (wrc != 0 || stage_commit(&sg, &err) != 0) {
        wf_errorf(reason, "%s", err.msg);
        goto done;
    }
    rc = WRRFIG_OK;
done:
    sb_free(&gp_msgs);
    stage_free(&sg);
    cJSON_Delete(m);
    free(gp);
    ctx_release(&c);
    cJSON_Delete(spec);
    return rc;
}
