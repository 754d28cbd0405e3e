#include "figure/build.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figure/manifest.h"
#include "host/ctx.h"
#include "util/fileio.h"
#include "figure/gpwrite.h"
#include "format/jsonfile.h"
#include "util/sha256.h"
#include "util/strbuf.h"

int figure_build(const wf_app *a, const wf_figure *f, const build_opts *o, wf_error *reason)
{
    wf_error err;
    cJSON *spec = spec_load(a->figures_dir, f->id, &err);
    if (!spec) {
        wf_errorf(reason, "figure spec: %s", err.msg);
        return WRRFIG_ERROR;
    }
    wrrfig_ctx c;
    ctx_init(&c, f->plugin->name, f->id, a->data_dir, a->lang);
    c.spec = spec;
    c.declared = (const char *const *)f->inputs;
    int st = f->desc->build(host_api(), &c);
    int rc = WRRFIG_ERROR;
    char *gp = NULL, *gpp = NULL, *csvp = NULL, *jsp = NULL;
    cJSON *m = NULL;
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
    const wrrfig_host *h = host_api();
    const char *title = c.title ? c.title : h->spec_text(&c, "title");
    /* The canvas is one of the house sizes; only a content-sized text table
     * ("canvas": "table") brings its own "size". */
    double w = 0, hh = 0;
    const char *cv = h->spec_text(&c, "canvas");
    if (cv && strcmp(cv, "table") == 0) {
        if (!h->spec_number(&c, "size.0", &w) || !h->spec_number(&c, "size.1", &hh) || w < 100 || hh < 50 ||
            w > 4000 || hh > 4000) {
            wf_errorf(reason, "spec: canvas 'table' needs \"size\": [width, height] in pixels (100-4000)");
            goto done;
        }
    } else {
        const gp_canvas *gc = gp_canvas_find(cv ? cv : GP_CANVAS_DEFAULT);
        if (!gc) {
            wf_errorf(reason, "spec: canvas '%s' (expected one of %s)", cv, gp_canvas_names());
            goto done;
        }
        double ignored;
        if (h->spec_number(&c, "size.0", &ignored)) {
            wf_errorf(reason, "spec: \"size\" is only for canvas 'table'; use \"canvas\": one of %s",
                      gp_canvas_names());
            goto done;
        }
        w = gc->width;
        hh = gc->height;
    }
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
                             sb_cstr(&c.body), hc.s, (int)w, (int)hh, foot, nfoot};
    gp = gp_script(&parts);
    sb_free(&hc);
    gpp = figure_out_path(o->out_dir, f->id, "gp");
    csvp = figure_out_path(o->out_dir, f->id, "csv");
    jsp = figure_out_path(o->out_dir, f->id, "json");
    m = figure_manifest(a, f, o, &c, title ? title : f->id);
    if (atomic_write(gpp, gp, strlen(gp), &err) != 0 || atomic_write(csvp, c.csv.s, c.csv.len, &err) != 0 ||
        figure_write_json(jsp, m, &err) != 0) {
        wf_errorf(reason, "%s", err.msg);
        goto done;
    }
    for (size_t i = 0; i < c.n_extra; i++) {
        char *p = figure_out_path(o->out_dir, f->id, c.extra_ext[i]);
        int wrc = atomic_write(p, c.extra_text[i], strlen(c.extra_text[i]), &err);
        free(p);
        if (wrc != 0) {
            wf_errorf(reason, "%s", err.msg);
            goto done;
        }
    }
    if (o->render && render_figure(gpp, o->out_dir, f->id, o->formats, a->timeout, reason) != 0)
        goto done;
    rc = WRRFIG_OK;
done:
    cJSON_Delete(m);
    free(gp);
    free(gpp);
    free(csvp);
    free(jsp);
    ctx_release(&c);
    cJSON_Delete(spec);
    return rc;
}
