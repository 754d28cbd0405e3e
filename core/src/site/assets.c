/* The site's stylesheet and script, and copies of the input sidecars so
 * that every provenance link works without the source tree. */
#define _POSIX_C_SOURCE 200809L
#include "site/html.h"
#include "site/site.h"

#include <stdlib.h>
#include <string.h>

#include "data/table.h"
#include "format/jsonfile.h"
#include "util/fileio.h"

/* System fonts only: nothing is fetched. Colours pass WCAG AA for text
 * (contrast >= 4.5:1 on their backgrounds). */
static const char style_css[] =
    ":root{--fg:#1b1b1b;--muted:#4a4a4a;--bg:#fff;--card:#f6f6f4;--line:#d6d6d0;--link:#0b57a4;--accent:#0b57a4}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"DejaVu Sans\",sans-serif;color:var(--fg);background:var(--bg)}\n"
    "a{color:var(--link)}a:focus-visible,input:focus-visible,select:focus-visible,.scroll:focus-visible{outline:3px solid #e07b00;outline-offset:2px}\n"
    ".skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}\n"
    ".top{background:#16324f;color:#fff;padding:10px 24px}\n"
    ".top nav{display:flex;gap:20px;max-width:1200px;margin:0 auto;align-items:center}\n"
    ".top a{color:#fff;text-decoration:none;font-weight:600}.top a.here{text-decoration:underline}\n"
    ".top a.lang{margin-left:auto;border:1px solid #fff;border-radius:4px;padding:2px 10px;font-weight:500}\n"
    "main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}\n"
    "h1{font-size:1.7rem;line-height:1.25;margin:16px 0 8px}h2{font-size:1.3rem;margin:32px 0 12px;border-bottom:2px solid var(--line);padding-bottom:4px}\n"
    "h3{font-size:1rem;margin:0 0 6px}\n"
    ".intro{max-width:60em;color:var(--muted)}.counts{font-weight:600}\n"
    ".cards{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}\n"
    ".card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px;display:flex;flex-direction:column;gap:4px}\n"
    ".card.extra{border-style:dashed}\n"
    ".card a.thumb{text-decoration:none;color:var(--fg);display:flex;flex-direction:column;gap:8px}\n"
    ".card a.thumb:hover .title{text-decoration:underline}\n"
    ".card img{width:100%;height:170px;object-fit:contain;background:#fff;border:1px solid var(--line);border-radius:4px}\n"
    ".noimg{display:flex;height:170px;align-items:center;justify-content:center;background:repeating-linear-gradient(45deg,#eee,#eee 8px,#f8f8f8 8px,#f8f8f8 16px);"
    "border:1px solid var(--line);border-radius:4px;color:var(--muted);font-weight:700;letter-spacing:.05em}\n"
    ".card .title{font-weight:600;line-height:1.3}\n"
    ".card dl.facts{display:block;margin:4px 0 0}.card dl.facts dt{margin-top:4px}\n"
    ".card.st-no-data .title{color:var(--muted)}\n"
    ".card details{font-size:.85rem;color:var(--muted)}.card details p{margin:4px 0}.card summary{cursor:pointer;color:var(--link)}\n"
    ".status,.variant{margin:0;font-size:.9rem;color:var(--muted)}\n"
    ".badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:.8rem;font-weight:700;letter-spacing:.02em;color:#fff;background:#555}\n"
    ".s-ok,.v-pass,.v-consistent{background:#1a6b35}.s-no-data,.v-no-data{background:#8a4b00}.s-not-built,.v-fail,.v-inconsistent,.v-error{background:#b00020}\n"
    ".v-unbound{background:#555}\n"
    "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0;font-size:.9rem}\n"
    "dl.facts dt{font-weight:600;color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}\n"
    ".fig{margin:16px 0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px}\n"
    ".fig img{display:block;max-width:100%;height:auto;margin:0 auto}\n"
    ".fig figcaption{margin-top:8px;font-size:.9rem;color:var(--muted)}.fig .alt{display:block;color:var(--fg);margin-bottom:4px}\n"
    ".nodata{background:var(--card);border:1px dashed #8a4b00;border-radius:8px;padding:12px 16px;margin:16px 0}\n"
    ".scroll{overflow:auto;max-height:480px;border:1px solid var(--line);border-radius:4px}\n"
    "table{border-collapse:collapse;font-size:.88rem;width:100%}th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}\n"
    "table.data{width:auto;min-width:40%}table.data td.num{padding-left:24px}\n"
    "thead th{position:sticky;top:0;background:#ecece8}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".small{font-size:.82rem;color:var(--muted)}code{font-size:.88em}code.hash{overflow-wrap:anywhere;font-size:.78rem}\n"
    ".downloads{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}\n"
    ".downloads a{display:inline-block;border:1px solid var(--link);border-radius:4px;padding:2px 12px;text-decoration:none;text-transform:uppercase;font-size:.85rem}\n"
    ".claimlist{padding-left:0;list-style:none}.claimlist li{margin:4px 0}\n"
    ".filters{display:flex;flex-wrap:wrap;gap:12px 20px;align-items:end;position:sticky;top:0;background:#fff;padding:10px 0;border-bottom:1px solid var(--line);z-index:2}\n"
    ".filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600;color:var(--muted)}\n"
    ".filters input,.filters select{font:inherit;font-size:1rem;padding:4px 6px;border:1px solid #767676;border-radius:4px;min-width:9em}\n"
    ".filters input{min-width:18em}.shown{margin:0 0 0 auto}\n"
    ".claim{border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin:12px 0;background:var(--card)}\n"
    ".claim:target{outline:3px solid #e07b00;outline-offset:2px}\n"
    ".claim blockquote{margin:4px 0;font-style:italic}.claim .en{margin:0 0 4px;color:var(--muted)}\n"
    ".links{font-size:.9rem;margin:4px 0}\n"
    ".passage{font:13px/1.45 ui-monospace,\"DejaVu Sans Mono\",monospace;background:#fff;border-left:3px solid var(--line);padding:6px 10px;margin-top:6px;white-space:pre-wrap}\n"
    ".passage .ln{display:inline-block;width:3.5em;color:var(--muted);user-select:none}.passage mark{background:#fff2a8;color:#000}\n"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}\n"
    "[hidden]{display:none!important}\n";

/* Search and filters of the claims page: a card stays when its text holds
 * every word typed and it matches each chosen verdict, chapter and figure.
 * ?figure=ID preselects a figure. */
static const char site_js[] =
    "(function(){var q=document.getElementById('q');if(!q)return;\n"
    "var v=document.getElementById('verdict'),c=document.getElementById('chapter'),f=document.getElementById('figure'),"
    "n=document.getElementById('shown'),cards=[].slice.call(document.querySelectorAll('article.claim'));\n"
    "function run(){var w=q.value.toLowerCase().split(/\\s+/).filter(Boolean),k=0;cards.forEach(function(e){"
    "var t=e.textContent.toLowerCase(),ok=w.every(function(x){return t.indexOf(x)>=0})&&(!v.value||e.dataset.verdict==v.value)"
    "&&(!c.value||e.dataset.chapter==c.value)&&(!f.value||e.dataset.figure==f.value);e.hidden=!ok;if(ok)k++});n.textContent=k}\n"
    "[q,v,c,f].forEach(function(e){e.addEventListener('input',run);e.addEventListener('change',run)});\n"
    "var m=/[?&]figure=([a-z0-9-]+)/.exec(location.search);if(m){f.value=m[1];run()}})();\n";

static int copy_sidecar(const site *s, const char *name, wf_error *err)
{
    if (!name || strstr(name, "..") || name[0] == '/')
        return 0;
    char *mp = table_meta_path(s->o->data_dir, name);
    int rc = 0;
    if (file_exists(mp)) {
        strbuf b = STRBUF_INIT, rel = STRBUF_INIT;
        size_t len;
        if (read_file(mp, &b.s, &len, err) != 0)
            rc = -1;
        else {
            b.len = b.cap = len;
            sb_printf(&rel, "site/data/%s.meta.json", name);
            rc = site_write_file(s->o->out_dir, rel.s, &b, err);
        }
        sb_free(&b);
        sb_free(&rel);
        rc = rc == 0 ? 1 : rc;
    }
    free(mp);
    return rc;
}

int site_write_assets(const site *s, size_t *n_sidecars, wf_error *err)
{
    strbuf b = STRBUF_INIT;
    sb_puts(&b, style_css);
    int rc = site_write_file(s->o->out_dir, "site/style.css", &b, err);
    b.len = 0;
    sb_puts(&b, site_js);
    if (rc == 0)
        rc = site_write_file(s->o->out_dir, "site/site.js", &b, err);
    sb_free(&b);
    /* Every table a figure declares or a claim names; copied once each. */
    char **done = NULL;
    size_t n_done = 0, cap = 0;
    for (size_t i = 0; rc == 0 && i < s->n_figs + s->n_claims; i++) {
        char names[16][128];
        size_t n = 0;
        if (i < s->n_figs) {
            for (size_t k = 0; s->figs[i].reg && s->figs[i].reg->inputs && s->figs[i].reg->inputs[k] && n < 16; k++)
                if (strlen(s->figs[i].reg->inputs[k]) < 128)
                    strcpy(names[n++], s->figs[i].reg->inputs[k]);
        } else
            n = site_claim_tables(s, &s->claims[i - s->n_figs], names, 16);
        for (size_t k = 0; rc == 0 && k < n; k++) {
            int seen = 0;
            for (size_t d = 0; d < n_done && !seen; d++)
                seen = !strcmp(done[d], names[k]);
            if (seen)
                continue;
            int c = copy_sidecar(s, names[k], err);
            if (c < 0)
                rc = -1;
            else if (c > 0) {
                if (n_done == cap)
                    done = xrealloc(done, (cap = cap ? 2 * cap : 16) * sizeof *done);
                done[n_done++] = xstrdup(names[k]);
            }
        }
    }
    if (n_sidecars)
        *n_sidecars = n_done;
    for (size_t d = 0; d < n_done; d++)
        free(done[d]);
    free(done);
    return rc;
}
