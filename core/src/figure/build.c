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

static int spec_canvas(cJSON *spec, wf_error *reason)
{
    const cJSON *cv = cJSON_GetObjectItemCaseSensitive(spec, "canvas");
    const cJSON *size = cJSON_GetObjectItemCaseSensitive(spec, "size");
    const char *name = cJSON_IsString(cv) ? cv->valuestring : NULL;
    if (cv && !name)
        return wf_errorf(reason, "spec: canvas: expected a string (one of %s)", gp_canvas_names());
    if (name && strcmp(name, "table") == 0) {
        const cJSON *sw = cJSON_GetArrayItem(size, 0), *sh = cJSON_GetArrayItem(size, 1);
        if (!cJSON_IsArray(size) || cJSON_GetArraySize(size) != 2 || !cJSON_IsNumber(sw) || !cJSON_IsNumber(sh) ||
            sw->valuedouble < 100 || sh->valuedouble < 50 || sw->valuedouble > 4000 || sh->valuedouble > 4000)
            return wf_errorf(reason, "spec: canvas 'table' needs \"size\": [width, height] in pixels (100-4000)");
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
    cJSON *spec = spec_load(a->figures_dir, f->id, &err);
    if (!spec) {
        wf_errorf(reason, "figure spec: %s", err.msg);
        return WRRFIG_ERROR;
    }
    /* The canvas is one of the house sizes; only a content-sized text table
     * ("canvas": "table") brings its own "size". The spec the plugin sees
     * holds the resolved canvas as "size" [w, h], so plugins that fit a
     * drawing to the canvas (maps, tables) read it there. */
    if (spec_canvas(spec, reason) != 0) {
        cJSON_Delete(spec);
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
    double w = 0, hh = 0;
    h->spec_number(&c, "size.0", &w);
    h->spec_number(&c, "size.1", &hh);
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
