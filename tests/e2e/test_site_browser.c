/* The site in a real browser: Debian's chromium, headless, driven over the
 * DevTools protocol (tests/cdp.h). On a build of the shipped data (every
 * figure rendered in Dutch; three in English) the test loads the index, three
 * figure pages (a line chart, a map, a policy table) and the claims page, and
 * checks that every image loads and nothing is logged as an error, that the
 * search narrows the claims list and that the language switch changes the
 * title. Screenshots go to build/test-output/site-browser/.
 *
 * Then the layout check: every rendered SVG is opened and the bounding box of
 * each text element measured; text overlapping text, text outside the canvas
 * and a legend crossing the plot border fail, unless listed in
 * tests/fixtures/layout-known.txt (known defects being fixed). A listed entry
 * that no longer occurs fails too, so the list only shrinks.
 *
 * Without chromium every test fails with a message saying so. */
#include "testutil.h"
#include "cdp.h"

#include <dirent.h>

#define OUT_DIR WF_BUILD_DIR "/test-output/site-browser"
#define REPORT_TXT WF_SRC_DIR "/../shared/report/samenleven-in-verscheidenheid.txt"

typedef struct env {
    char *dir;      /* the build and site */
    cdp c;
    int started;
    char why[2048];
} env;

static int run_ok(char *const argv[], const char *what)
{
    char *out = NULL, *err = NULL;
    int rc = tu_run(argv, &out, &err);
    if (rc != 0)
        fprintf(stderr, "%s: exit %d\n%s\n%s\n", what, rc, out ? out : "", err ? err : "");
    free(out);
    free(err);
    return rc;
}

static int setup(void **state)
{
    static env e;
    memset(&e, 0, sizeof e);
    *state = &e;
    e.dir = tu_tempdir("site-browser");
    char en[600], claims[600];
    snprintf(en, sizeof en, "%s/en", e.dir);
    snprintf(claims, sizeof claims, "%s/claims.json", e.dir);
    char *b1[] = {(char *)WF_BIN, "build", "--out", e.dir, NULL};
    char *b2[] = {(char *)WF_BIN, "--lang", "en", "build", "fig-2-7", "fig-2-14", "tab-4-1", "--out", en, NULL};
    if (run_ok(b1, "wrrfig build") != 0 || run_ok(b2, "wrrfig --lang en build") != 0)
        return -1;
    char *chk[] = {(char *)WF_BIN, "check", "--format", "json", "--no-report", NULL};
    char *json = NULL;
    tu_run(chk, &json, NULL); /* exit status says whether verdicts match expectations; not this test's concern */
    if (!json || !strstr(json, "\"claims\""))
        return -1;
    tu_write(claims, json);
    free(json);
    char *site[] = {(char *)WF_BIN, "site", "--out", e.dir, access(REPORT_TXT, R_OK) == 0 ? "--report" : NULL,
                    (char *)REPORT_TXT, NULL};
    if (run_ok(site, "wrrfig site") != 0)
        return -1;
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", OUT_DIR);
    if (system(cmd) != 0)
        return -1;
    char udd[700];
    snprintf(udd, sizeof udd, "%s/chromium-profile", e.dir);
    if (cdp_start(&e.c, udd, e.why, sizeof e.why) != 0) {
        fprintf(stderr, "test_site_browser: FAIL: cannot drive chromium: %s\n", e.why);
        cdp_stop(&e.c);
        return 0; /* each test then fails with the reason */
    }
    e.started = 1;
    return 0;
}

static int teardown(void **state)
{
    env *e = *state;
    cdp_stop(&e->c);
    tu_rmrf(e->dir);
    free(e->dir);
    return 0;
}

static env *need_browser(void **state)
{
    env *e = *state;
    if (!e->started)
        fail_msg("chromium could not be driven, so the site was not tested in a browser: %s", e->why);
    return e;
}

static void open_page(env *e, const char *rel)
{
    char url[1200];
    snprintf(url, sizeof url, "file://%s/%s", e->dir, rel);
    e->c.errors[0] = '\0';
    e->c.n_errors = 0;
    if (cdp_navigate(&e->c, url, e->why, sizeof e->why) != 0)
        fail_msg("%s", e->why);
}

static char *eval(env *e, const char *js)
{
    char *r = cdp_eval(&e->c, js, e->why, sizeof e->why);
    if (!r)
        fail_msg("%s", e->why);
    return r;
}

/* Waits for every image, then lists those that did not load. */
static const char images_js[] =
    "Promise.all([].slice.call(document.images).map(function(i){return i.complete?0:new Promise(function(r){"
    "i.addEventListener('load',r);i.addEventListener('error',r)})})).then(function(){"
    "var bad=[].slice.call(document.images).filter(function(i){return !(i.naturalWidth>0)}).map(function(i){"
    "return i.getAttribute('src')});return JSON.stringify({n:document.images.length,bad:bad})})";

/* WCAG AA text contrast: every element with text of its own, its colour
 * against the first opaque background behind it: at least 4.5:1, or 3:1 for
 * large text (24 px, or 18.66 px bold). Lists the failures. */
static const char contrast_js[] =
    "(function(){function rgb(s){var m=s.match(/[\\d.]+/g);return m?m.map(Number):[0,0,0,0]}\n"
    "function lum(c){var a=c.slice(0,3).map(function(v){v/=255;return v<=0.03928?v/12.92:Math.pow((v+0.055)/1.055,2.4)});"
    "return 0.2126*a[0]+0.7152*a[1]+0.0722*a[2]}\n"
    "function bg(el){for(;el;el=el.parentElement){var c=rgb(getComputedStyle(el).backgroundColor);"
    "if(c.length<4||c[3]>0.99)return c}return [255,255,255,1]}\n"
    "var bad=[],n=0;[].slice.call(document.querySelectorAll('body *')).forEach(function(el){"
    "var own=[].slice.call(el.childNodes).some(function(t){return t.nodeType===3&&t.textContent.trim()!==''});"
    "if(!own||!el.getClientRects().length)return;var cs=getComputedStyle(el);if(cs.visibility==='hidden')return;"
    "var r=el.getBoundingClientRect();if(r.width<1||r.height<1)return;n++;"
    "var f=rgb(cs.color),b=bg(el),l1=lum(f),l2=lum(b),ratio=(Math.max(l1,l2)+0.05)/(Math.min(l1,l2)+0.05),"
    "px=parseFloat(cs.fontSize),large=px>=24||(px>=18.66&&Number(cs.fontWeight)>=700);"
    "if(ratio<(large?3:4.5))bad.push(el.tagName+'.'+el.className+' \\''+el.textContent.trim().slice(0,30)+'\\' '+ratio.toFixed(2))});"
    "return JSON.stringify({n:n,bad:bad.slice(0,20)})})()";

static void check_page(env *e, const char *rel, const char *shot, int min_images)
{
    open_page(e, rel);
    char *r = eval(e, images_js);
    cJSON *j = cJSON_Parse(r);
    assert_non_null(j);
    int n = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "n"));
    const cJSON *bad = cJSON_GetObjectItem(j, "bad");
    if (cJSON_GetArraySize(bad) > 0)
        fail_msg("%s: images that did not load: %s", rel, r);
    if (n < min_images)
        fail_msg("%s: %d images, expected at least %d", rel, n, min_images);
    char path[800];
    snprintf(path, sizeof path, "%s/%s.png", OUT_DIR, shot);
    if (cdp_screenshot(&e->c, path, 3000, e->why, sizeof e->why) != 0)
        fail_msg("%s", e->why);
    if (e->c.n_errors)
        fail_msg("%s: errors in the browser:\n%s", rel, e->c.errors);
    char *cr = eval(e, contrast_js);
    cJSON *cj = cJSON_Parse(cr);
    assert_non_null(cj);
    if (cJSON_GetArraySize(cJSON_GetObjectItem(cj, "bad")) > 0)
        fail_msg("%s: text below WCAG AA contrast: %s", rel, cr);
    int nt = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(cj, "n"));
    cJSON_Delete(cj);
    free(cr);
    printf("# %s: %d images loaded, no console errors, %d text elements pass WCAG AA contrast; screenshot %s\n", rel,
           n, nt, path);
    cJSON_Delete(j);
    free(r);
}

static void test_pages_load(void **state)
{
    env *e = need_browser(state);
    check_page(e, "index.html", "index", 20);
    check_page(e, "fig/fig-2-7.html", "fig-2-7", 1);   /* a line chart */
    check_page(e, "fig/fig-2-14.html", "fig-2-14", 1); /* a map */
    check_page(e, "fig/tab-4-1.html", "tab-4-1", 1);   /* a policy table */
    check_page(e, "fig/fig-2-7.en.html", "fig-2-7.en", 1);
    check_page(e, "fig/fig-1-1.html", "fig-1-1-nodata", 0);
    check_page(e, "claims.html", "claims", 0);
    /* the contrast check can fail: light grey on white is caught */
    free(eval(e, "var p=document.createElement('p');p.textContent='faint';p.style.color='#aaaaaa';"
                 "p.style.background='#ffffff';document.body.appendChild(p);'ok'"));
    char *cr = eval(e, contrast_js);
    assert_non_null(strstr(cr, "faint"));
    free(cr);
}

static const char count_js[] =
    "JSON.stringify({shown:[].slice.call(document.querySelectorAll('article.claim')).filter(function(a){return "
    "!a.hidden}).length,all:document.querySelectorAll('article.claim').length,"
    "out:document.getElementById('shown').textContent})";

static void counts(env *e, int *shown, int *all, int *out)
{
    char *r = eval(e, count_js);
    cJSON *j = cJSON_Parse(r);
    *shown = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "shown"));
    *all = (int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "all"));
    *out = atoi(cJSON_GetStringValue(cJSON_GetObjectItem(j, "out")));
    cJSON_Delete(j);
    free(r);
}

static void test_search_narrows(void **state)
{
    env *e = need_browser(state);
    open_page(e, "claims.html");
    int shown, all, out;
    counts(e, &shown, &all, &out);
    assert_true(all > 400);
    assert_int_equal(shown, all);
    /* typed text: every card left holds the word */
    free(eval(e, "var q=document.getElementById('q');q.value='gastarbeiders';"
                 "q.dispatchEvent(new Event('input'));'ok'"));
    counts(e, &shown, &all, &out);
    printf("# search 'gastarbeiders': %d of %d claims\n", shown, all);
    assert_true(shown > 0 && shown < all);
    assert_int_equal(out, shown);
    char *r = eval(e, "String([].slice.call(document.querySelectorAll('article.claim')).filter(function(a){"
                      "return !a.hidden&&a.textContent.toLowerCase().indexOf('gastarbeiders')<0}).length)");
    assert_string_equal(r, "0");
    free(r);
    /* verdict and figure filters narrow further; clearing restores all */
    free(eval(e, "var q=document.getElementById('q');q.value='';q.dispatchEvent(new Event('input'));"
                 "var v=document.getElementById('verdict');v.value='fail';v.dispatchEvent(new Event('change'));'ok'"));
    int fails;
    counts(e, &fails, &all, &out);
    printf("# verdict FAIL: %d claims\n", fails);
    assert_true(fails > 0 && fails < all);
    free(eval(e, "var v=document.getElementById('verdict');v.value='';v.dispatchEvent(new Event('change'));"
                 "var f=document.getElementById('figure');f.value='fig-2-7';f.dispatchEvent(new Event('change'));'ok'"));
    int fig;
    counts(e, &fig, &all, &out);
    printf("# figure fig-2-7: %d claims\n", fig);
    assert_true(fig > 0 && fig < all);
    r = eval(e, "String([].slice.call(document.querySelectorAll('article.claim')).filter(function(a){"
                "return !a.hidden&&a.dataset.figure!=='fig-2-7'}).length)");
    assert_string_equal(r, "0");
    free(r);
    /* the filters are reachable by keyboard: each is a focusable form control */
    r = eval(e, "String(['q','verdict','chapter','figure'].filter(function(id){var el=document.getElementById(id);"
                "el.focus();return document.activeElement===el}).length)");
    assert_string_equal(r, "4");
    free(r);
    if (e->c.n_errors)
        fail_msg("errors in the browser:\n%s", e->c.errors);
}

static void test_language_switch(void **state)
{
    env *e = need_browser(state);
    open_page(e, "fig/fig-2-7.html");
    char *nl = eval(e, "JSON.stringify([document.title,document.documentElement.lang])");
    e->c.loaded = 0;
    free(eval(e, "document.querySelector('a.lang').click();'ok'"));
    double deadline = cdp_now() + 60;
    while (!e->c.loaded) {
        cJSON *m = cdp_read(&e->c, deadline);
        if (!m)
            fail_msg("the language switch loaded no page");
        cdp_event(&e->c, m);
        cJSON_Delete(m);
    }
    char *en = eval(e, "JSON.stringify([document.title,document.documentElement.lang,location.pathname])");
    printf("# language switch: %s -> %s\n", nl, en);
    assert_string_not_equal(nl, en);
    assert_non_null(strstr(nl, "Immigratie, emigratie"));
    assert_non_null(strstr(en, "Immigration, emigration"));
    assert_non_null(strstr(en, "\"en\""));
    assert_non_null(strstr(en, "fig-2-7.en.html"));
    free(nl);
    free(en);
    if (e->c.n_errors)
        fail_msg("errors in the browser:\n%s", e->c.errors);
}

/* The real site: no path of this machine in any page, and every page valid
 * for tidy (neither needs the browser). */
static void scan(const char *dir, const char *const *needles, size_t nn, int *pages, int tidy)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.' || !strcmp(de->d_name, "chromium-profile"))
            continue;
        char p[1200];
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        struct stat sb;
        if (stat(p, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode)) {
            scan(p, needles, nn, pages, tidy);
            continue;
        }
        size_t l = strlen(p);
        int html = l > 5 && !strcmp(p + l - 5, ".html");
        if (!html && !(l > 4 && !strcmp(p + l - 4, ".css")) && !(l > 3 && !strcmp(p + l - 3, ".js")))
            continue;
        /* the plugins' own HTML tables (tab-4-1.html, ...) are not the site's */
        if (html && !strstr(p, "/fig/") && !strstr(de->d_name, "index") && !strstr(de->d_name, "claims"))
            continue;
        char *t = tu_read(p, NULL);
        for (size_t i = 0; i < nn; i++)
            if (strstr(t, needles[i]))
                fail_msg("%s holds the machine path %s", p, needles[i]);
        free(t);
        if (html && tidy) {
            char *argv[] = {"/usr/bin/tidy", "-errors", "-q", p, NULL};
            char *out = NULL, *err = NULL;
            int rc = tu_run(argv, &out, &err);
            if (rc != 0)
                fail_msg("tidy %s: exit %d\n%s%s", p, rc, out ? out : "", err ? err : "");
            free(out);
            free(err);
        }
        (*pages) += html;
    }
    closedir(d);
}

static void test_real_site_paths_and_html(void **state)
{
    env *e = *state;
    if (access("/usr/bin/tidy", X_OK) != 0)
        fail_msg("/usr/bin/tidy is missing: install Debian's tidy (scripts/install-deps.sh test)");
    const char *needles[] = {e->dir, WF_SRC_DIR, WF_BUILD_DIR};
    int pages = 0;
    scan(e->dir, needles, 3, &pages, 1);
    printf("# %d site pages: valid for tidy, no machine paths\n", pages);
    assert_true(pages >= 2 * (2 + 38));
    /* the index shows all 38 figures and tables of the report, in report order */
    char *idx = tu_readf("%s/index.html", e->dir);
    assert_non_null(idx);
    int cards = 0;
    for (const char *q = idx; (q = strstr(q, "<li class=\"card report ")); q++)
        cards++;
    assert_int_equal(cards, 38);
    static const char *order[] = {"fig-1-1", "fig-1-3", "fig-2-1", "fig-2-15", "tab-2-1", "fig-3-1", "fig-3-13",
                                  "tab-4-1", "kader-4-5", "tab-4-2", "tab-4-3", "tab-7-1", "fig-8-1"};
    const char *last = idx;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        char want[64];
        snprintf(want, sizeof want, "id=\"%s\"", order[i]);
        const char *at = strstr(idx, want);
        if (!at || at < last)
            fail_msg("index.html: %s missing or out of report order", order[i]);
        last = at;
    }
    free(idx);
}

/* ---- layout check ---- */

#ifndef LAYOUT_MIN_OVERLAP
#define LAYOUT_MIN_OVERLAP "0.05"
#endif

/* Every non-empty text element's box. Problems, one per line as
 * "kind<TAB>detail": overlap (two texts whose boxes overlap by more than a
 * third of the lower one's height and 1 px across), outside (beyond the
 * canvas), legend (the legend's box, or the box around its entries, partly
 * inside and partly outside the plot area, which is the extent of the grid
 * lines). */
static const char layout_js[] =
    "(function(){var svg=document.documentElement,cv=svg.getBoundingClientRect(),out=[],MIN=" LAYOUT_MIN_OVERLAP ";\n"
    /* a text's box in screen coordinates: the four corners of its local box,
       so rotated labels keep their real shape */
    "function quad(t){var b=t.getBBox(),m=t.getScreenCTM();return [[b.x,b.y],[b.x+b.width,b.y],[b.x+b.width,b.y+b.height],[b.x,b.y+b.height]]"
    ".map(function(p){var q=new DOMPoint(p[0],p[1]).matrixTransform(m);return [q.x,q.y]})}\n"
    "function ext(q){var xs=q.map(function(p){return p[0]}),ys=q.map(function(p){return p[1]});"
    "return {x0:Math.min.apply(null,xs),y0:Math.min.apply(null,ys),x1:Math.max.apply(null,xs),y1:Math.max.apply(null,ys)}}\n"
    "function bb(el){var r=el.getBoundingClientRect();return {x0:r.left,y0:r.top,x1:r.right,y1:r.bottom}}\n"
    "function uni(a,b){return a?{x0:Math.min(a.x0,b.x0),y0:Math.min(a.y0,b.y0),x1:Math.max(a.x1,b.x1),y1:Math.max(a.y1,b.y1)}:b}\n"
    /* separating axes of two rectangles: the overlap along each of their
       edge directions; the least overlap across the text's height and its
       width decides */
    "function axes(q){var a=[];for(var i=0;i<2;i++){var dx=q[i+1][0]-q[i][0],dy=q[i+1][1]-q[i][1],l=Math.hypot(dx,dy)||1;a.push([dx/l,dy/l,i])}return a}\n"
    "function proj(q,ax){var v=q.map(function(p){return p[0]*ax[0]+p[1]*ax[1]});return [Math.min.apply(null,v),Math.max.apply(null,v)]}\n"
    "function overlap(A,B){var w=Infinity,h=Infinity;axes(A.q).concat(axes(B.q)).forEach(function(ax){var p=proj(A.q,ax),r=proj(B.q,ax),"
    "o=Math.min(p[1],r[1])-Math.max(p[0],r[0]);if(ax[2]===0)w=Math.min(w,o);else h=Math.min(h,o)});return {w:w,h:h}}\n"
    "var T=[].slice.call(document.querySelectorAll('text')).filter(function(t){return t.textContent.trim()!==''})"
    ".map(function(t){var q=quad(t),e=ext(q);e.q=q;e.s=t.textContent.trim();e.el=t;e.h=t.getBBox().height;return e})"
    ".filter(function(b){return b.x1-b.x0>0.5&&b.y1-b.y0>0.5});\n"
    "T.forEach(function(b){if(b.x0<cv.left-1||b.y0<cv.top-1||b.x1>cv.right+1||b.y1>cv.bottom+1)out.push('outside\\t'+b.s)});\n"
    /* the same text drawn twice in the same place (a halo under a label,
       one source line per multiplot panel) reads as one: not a collision */
    "function same(a,c){return a.s===c.s&&Math.abs(a.x0-c.x0)<1&&Math.abs(a.y0-c.y0)<1&&Math.abs(a.x1-c.x1)<1&&Math.abs(a.y1-c.y1)<1}\n"
    "for(var i=0;i<T.length;i++)for(var j=i+1;j<T.length;j++){var a=T[i],c=T[j],o=overlap(a,c);"
    "if(o.w>1&&o.h>MIN*Math.min(a.h,c.h)&&!same(a,c))out.push('overlap\\t'+a.s+' | '+c.s+' ('+Math.round(100*o.h/Math.min(a.h,c.h))+'% of the height)')}\n"
    "var P=null;[].slice.call(document.querySelectorAll('path.gridline')).forEach(function(p){P=uni(P,bb(p))});\n"
    "var L=null;T.forEach(function(b){var g=b.el.closest('g[id^=gnuplot_plot_]'),t=g&&g.querySelector('title');"
    "if(t&&t.textContent.trim()===b.s)L=uni(L,b)});\n"
    "if(L){[].slice.call(document.querySelectorAll('path')).forEach(function(p){var d=p.getAttribute('d')||'';"
    "if(!/Z\\s*$/.test(d)||(d.match(/L/g)||[]).length!==4)return;var r=bb(p);"
    "if(r.x0<=L.x0+1&&r.y0<=L.y0+1&&r.x1>=L.x1-1&&r.y1>=L.y1-1&&(r.x1-r.x0)<cv.width*0.9)L=uni(L,r)})}\n"
    "if(P&&L&&P.x1-P.x0>10&&P.y1-P.y0>10){var inside=L.x0>=P.x0-1&&L.y0>=P.y0-1&&L.x1<=P.x1+1&&L.y1<=P.y1+1,"
    "apart=L.x1<=P.x0+1||L.x0>=P.x1-1||L.y1<=P.y0+1||L.y0>=P.y1-1;"
    "if(!inside&&!apart)out.push('legend\\tlegend box ('+[L.x0,L.y0,L.x1,L.y1].map(Math.round)+') crosses the plot border ('"
    "+[P.x0,P.y0,P.x1,P.y1].map(Math.round)+')')}\n"
    "return JSON.stringify({texts:T.length,problems:out})})()";

typedef struct known {
    char id[64], kind[32], detail[200];
    int seen;
} known;

static size_t read_known(known *k, size_t max)
{
    char *text = tu_read(WF_FIXTURES "/layout-known.txt", NULL);
    if (!text)
        fail_msg("tests/fixtures/layout-known.txt is missing");
    size_t n = 0;
    for (char *line = strtok(text, "\n"); line && n < max; line = strtok(NULL, "\n")) {
        while (*line == ' ')
            line++;
        if (*line == '#' || *line == '\0')
            continue;
        memset(&k[n], 0, sizeof k[n]);
        int got = sscanf(line, "%63s %31s %199[^\n]", k[n].id, k[n].kind, k[n].detail);
        if (got >= 2)
            n++;
    }
    free(text);
    return n;
}

static int svg_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_layout(void **state)
{
    env *e = need_browser(state);
    known k[64];
    size_t nk = read_known(k, 64);
    DIR *d = opendir(e->dir);
    assert_non_null(d);
    char *names[128];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) && n < 128) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".svg"))
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, svg_cmp);
    assert_true(n >= 20);
    int new_problems = 0, texts_total = 0;
    for (size_t i = 0; i < n; i++) {
        char id[128];
        snprintf(id, sizeof id, "%.*s", (int)(strlen(names[i]) - 4), names[i]);
        open_page(e, names[i]);
        char *r = eval(e, layout_js);
        cJSON *j = cJSON_Parse(r);
        assert_non_null(j);
        texts_total += (int)cJSON_GetNumberValue(cJSON_GetObjectItem(j, "texts"));
        const cJSON *p;
        cJSON_ArrayForEach(p, cJSON_GetObjectItem(j, "problems"))
        {
            const char *s = cJSON_GetStringValue(p);
            const char *tab = strchr(s, '\t');
            char kind[32];
            snprintf(kind, sizeof kind, "%.*s", (int)(tab - s), s);
            int listed = 0;
            for (size_t q = 0; q < nk; q++)
                if (!strcmp(k[q].id, id) && !strcmp(k[q].kind, kind) && (!k[q].detail[0] || strstr(tab + 1, k[q].detail))) {
                    k[q].seen = 1;
                    listed = 1;
                }
            printf("# layout %s: %s %s: %s\n", listed ? "known" : "NEW", id, kind, tab + 1);
            new_problems += !listed;
        }
        cJSON_Delete(j);
        free(r);
        free(names[i]);
    }
    int stale = 0;
    for (size_t q = 0; q < nk; q++)
        if (!k[q].seen) {
            printf("# layout: listed in layout-known.txt but no longer found: %s %s %s (remove it)\n", k[q].id,
                   k[q].kind, k[q].detail);
            stale++;
        }
    printf("# layout: %zu SVGs, %d text elements, %d new problems, %zu known entries (%d stale)\n", n, texts_total,
           new_problems, nk, stale);
    assert_int_equal(new_problems, 0);
    assert_int_equal(stale, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_site_paths_and_html),
        cmocka_unit_test(test_pages_load),
        cmocka_unit_test(test_search_narrows),
        cmocka_unit_test(test_language_switch),
        cmocka_unit_test(test_layout),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
