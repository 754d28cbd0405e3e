/* A faster PNG encoder for gnuplot's pngcairo terminal, byte for byte the
 * file cairo 1.16 + libpng 1.6 + zlib write.
 *
 * Why: a full build spends most of gnuplot's CPU in
 * cairo_surface_write_to_png_stream (measured: 2.9 s of the 3.4 s gnuplot
 * spends on the 23 figures at 2x; libpng's row filtering about as much as
 * zlib's deflate). The filtering is a fixed heuristic that libpng runs
 * byte by byte with early exits; here it runs as plain loops the compiler
 * vectorises, and the deflate is zlib's own with libpng's parameters, so the
 * bytes are the same and only the time differs.
 *
 * How: the host puts this library in LD_PRELOAD of the gnuplot it starts
 * (core/src/figure/gpserver.c). It defines cairo_surface_write_to_png_stream;
 * every surface it does not handle exactly goes to cairo's own function.
 *
 * What libpng writes for cairo's opaque ARGB32 image (cairo-png.c write_png:
 * colour type RGB, bKGD white, user transform to R,G,B plus filler; libpng
 * pngwrite.c/pngwutil.c):
 *   signature, IHDR (8-bit RGB, no interlace), bKGD (0xff,0xff,0xff as
 *   16-bit), IDAT chunks of the zlib stream cut at 8192 bytes
 *   (PNG_ZBUF_SIZE), IEND;
 *   each row: filter type byte + the row filtered by the filter with the
 *   least sum of |signed byte|, ties going to the lower type (none, sub, up,
 *   average, Paeth); the first row against a row of zeros;
 *   zlib: level Z_DEFAULT_COMPRESSION, windowBits 15, memLevel 8, strategy
 *   Z_FILTERED, one Z_NO_FLUSH call per row, then Z_FINISH.
 * Handed to cairo: any surface that is not an image, not ARGB32, not opaque
 * (libpng writes RGBA then), small enough for libpng to shrink the zlib
 * window (<= 16384 bytes of filtered rows; here <= 65536), or whose stream
 * ends exactly at a chunk boundary (libpng then writes an empty IDAT).
 *
 * WRRFIG_FAST_PNG_TRACE (any value) makes it name each surface it wrote on
 * stderr, for tests/e2e/test_pngenc.c.
 *
 * It is loaded into gnuplot only, never into wrrfig, and is built without
 * sanitizers (a sanitizer runtime must come first in a process). It holds
 * no state but the resolved function pointers. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* cairo's types, as far as this file uses them (no cairo headers needed:
 * the functions are looked up in the process at run time). */
typedef int cairo_status_t;
typedef struct _cairo_surface cairo_surface_t;
typedef cairo_status_t (*cairo_write_func_t)(void *closure, const unsigned char *data, unsigned int length);
enum { CAIRO_STATUS_SUCCESS = 0, CAIRO_SURFACE_TYPE_IMAGE = 0, CAIRO_FORMAT_ARGB32 = 0 };

enum { IDAT_SIZE = 8192, MIN_DATA = 65536 };

typedef struct {
    unsigned char *s;
    size_t len, cap;
    int oom;
} obuf;

static void put(obuf *b, const void *p, size_t n)
{
    if (b->oom || n == 0)
        return;
    if (b->len + n > b->cap) {
        size_t c = b->cap ? b->cap : 65536;
        while (c < b->len + n)
            c *= 2;
        unsigned char *t = realloc(b->s, c);
        if (!t) {
            b->oom = 1;
            return;
        }
        b->s = t;
        b->cap = c;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
}

static void be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static void chunk(obuf *b, const char *type, const unsigned char *data, size_t n)
{
    unsigned char h[8];
    be32(h, (uint32_t)n);
    memcpy(h + 4, type, 4);
    put(b, h, 8);
    put(b, data, n);
    uLong crc = crc32(0, (const Bytef *)type, 4);
    if (n) /* crc32(crc, NULL, 0) is 0, not crc */
        crc = crc32(crc, data, (uInt)n);
    be32(h, (uint32_t)crc);
    put(b, h, 4);
}

/* libpng's cost of a filtered row: the sum of |v| with v a signed byte,
 * that is of min(v, 256 - v) with v unsigned. Summed in 16-bit lanes over
 * blocks of 256 bytes (at most 128 each), which vectorises well. */
static size_t row_cost(const unsigned char *v, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i += 256) {
        size_t end = n - i < 256 ? n : i + 256;
        uint16_t s = 0;
        for (size_t j = i; j < end; j++) {
            unsigned char x = v[j], y = (unsigned char)-x;
            s = (uint16_t)(s + (x < y ? x : y));
        }
        total += s;
    }
    return total;
}

/* The four filtered forms of a row; cur and prev have 3 zero bytes before
 * them (the left neighbours of the first pixel). */
static void filter_row(const unsigned char *restrict cur, const unsigned char *restrict prev, size_t n,
                       unsigned char *restrict fs, unsigned char *restrict fu, unsigned char *restrict fa,
                       unsigned char *restrict fp)
{
    for (size_t i = 0; i < n; i++)
        fs[i] = (unsigned char)(cur[i] - cur[i - 3]);
    for (size_t i = 0; i < n; i++)
        fu[i] = (unsigned char)(cur[i] - prev[i]);
    for (size_t i = 0; i < n; i++)
        fa[i] = (unsigned char)(cur[i] - (((unsigned)cur[i - 3] + prev[i]) >> 1));
    for (size_t i = 0; i < n; i++) {
        /* 16-bit lanes: twice as many per vector as int */
        int16_t a = cur[i - 3], b = prev[i], c = prev[i - 3];
        int16_t p = (int16_t)(b - c), q = (int16_t)(a - c), r = (int16_t)(p + q);
        int16_t pa = (int16_t)(p < 0 ? -p : p), pb = (int16_t)(q < 0 ? -q : q), pc = (int16_t)(r < 0 ? -r : r);
        int16_t pred = (pa <= pb && pa <= pc) ? a : (pb <= pc) ? b : c;
        fp[i] = (unsigned char)(cur[i] - pred);
    }
}

/* The zlib stream of the filtered rows of an opaque ARGB32 image. 0, or -1
 * (out of memory, a zlib error). */
static int compress_rows(const unsigned char *data, int w, int h, int stride, obuf *zb)
{
    size_t n = (size_t)w * 3;
    unsigned char *cb = calloc(n + 3, 1), *pb = calloc(n + 3, 1), *f = malloc(5 * (n + 1));
    z_stream z;
    memset(&z, 0, sizeof z);
    if (!cb || !pb || !f || deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15, 8, Z_FILTERED) != Z_OK) {
        free(cb);
        free(pb);
        free(f);
        return -1;
    }
    unsigned char *cur = cb + 3, *prev = pb + 3;
    unsigned char *fn = f, *fs = f + (n + 1), *fu = f + 2 * (n + 1), *fa = f + 3 * (n + 1), *fp = f + 4 * (n + 1);
    fn[0] = 0;
    fs[0] = 1;
    fu[0] = 2;
    fa[0] = 3;
    fp[0] = 4;
    unsigned char out[65536];
    int rc = 0;
    for (int y = 0; y < h && rc == 0; y++) {
        /* cairo's convert_data_to_bytes: native-endian 0xAARRGGBB */
        const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            uint32_t p = px[x];
            cur[3 * x] = (unsigned char)(p >> 16);
            cur[3 * x + 1] = (unsigned char)(p >> 8);
            cur[3 * x + 2] = (unsigned char)p;
        }
        filter_row(cur, prev, n, fs + 1, fu + 1, fa + 1, fp + 1);
        size_t mins = row_cost(cur, n), c;
        unsigned char *best = fn;
        if ((c = row_cost(fs + 1, n)) < mins)
            mins = c, best = fs;
        if ((c = row_cost(fu + 1, n)) < mins)
            mins = c, best = fu;
        if ((c = row_cost(fa + 1, n)) < mins)
            mins = c, best = fa;
        if ((c = row_cost(fp + 1, n)) < mins)
            best = fp;
        if (best == fn)
            memcpy(fn + 1, cur, n);
        z.next_in = best;
        z.avail_in = (uInt)(n + 1);
        while (z.avail_in > 0 && rc == 0) {
            z.next_out = out;
            z.avail_out = sizeof out;
            if (deflate(&z, Z_NO_FLUSH) != Z_OK)
                rc = -1;
            put(zb, out, sizeof out - z.avail_out);
        }
        unsigned char *t = prev;
        prev = cur;
        cur = t;
    }
    for (int r = Z_OK; rc == 0 && r != Z_STREAM_END;) {
        z.next_out = out;
        z.avail_out = sizeof out;
        r = deflate(&z, Z_FINISH);
        if (r != Z_OK && r != Z_STREAM_END)
            rc = -1;
        put(zb, out, sizeof out - z.avail_out);
    }
    deflateEnd(&z);
    free(cb);
    free(pb);
    free(f);
    return rc == 0 && !zb->oom ? 0 : -1;
}

/* The whole file, as libpng writes it; -1 when cairo should write it. */
static int encode(const unsigned char *data, int w, int h, int stride, obuf *png)
{
    obuf zb = {0};
    if (compress_rows(data, w, h, stride, &zb) != 0 || zb.len % IDAT_SIZE == 0) {
        free(zb.s);
        return -1;
    }
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    put(png, sig, sizeof sig);
    unsigned char ihdr[13] = {0};
    be32(ihdr, (uint32_t)w);
    be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8; /* bit depth */
    ihdr[9] = 2; /* RGB; compression, filter method and interlace 0 */
    chunk(png, "IHDR", ihdr, sizeof ihdr);
    static const unsigned char bkgd[6] = {0, 0xff, 0, 0xff, 0, 0xff};
    chunk(png, "bKGD", bkgd, sizeof bkgd);
    for (size_t o = 0; o < zb.len; o += IDAT_SIZE)
        chunk(png, "IDAT", zb.s + o, zb.len - o < IDAT_SIZE ? zb.len - o : IDAT_SIZE);
    chunk(png, "IEND", NULL, 0);
    free(zb.s);
    return png->oom ? -1 : 0;
}

typedef cairo_status_t (*png_stream_fn)(cairo_surface_t *, cairo_write_func_t, void *);
typedef int (*surface_int_fn)(cairo_surface_t *);

static void *sym(const char *name) { return dlsym(RTLD_DEFAULT, name); }

cairo_status_t cairo_surface_write_to_png_stream(cairo_surface_t *s, cairo_write_func_t write_func, void *closure);
cairo_status_t cairo_surface_write_to_png_stream(cairo_surface_t *s, cairo_write_func_t write_func, void *closure)
{
    png_stream_fn real = (png_stream_fn)dlsym(RTLD_NEXT, "cairo_surface_write_to_png_stream");
    if (!real)
        return 1; /* CAIRO_STATUS_NO_MEMORY: there is no cairo to hand it to */
    surface_int_fn status = (surface_int_fn)sym("cairo_surface_status");
    surface_int_fn type = (surface_int_fn)sym("cairo_surface_get_type");
    surface_int_fn format = (surface_int_fn)sym("cairo_image_surface_get_format");
    surface_int_fn width = (surface_int_fn)sym("cairo_image_surface_get_width");
    surface_int_fn height = (surface_int_fn)sym("cairo_image_surface_get_height");
    surface_int_fn stride = (surface_int_fn)sym("cairo_image_surface_get_stride");
    unsigned char *(*get_data)(cairo_surface_t *) =
        (unsigned char *(*)(cairo_surface_t *))sym("cairo_image_surface_get_data");
    void (*flush)(cairo_surface_t *) = (void (*)(cairo_surface_t *))sym("cairo_surface_flush");
    const char *off = getenv("WRRFIG_FAST_PNG");
    if ((off && strcmp(off, "0") == 0) || !status || !type || !format || !width || !height || !stride ||
        !get_data || !flush || status(s) != CAIRO_STATUS_SUCCESS || type(s) != CAIRO_SURFACE_TYPE_IMAGE ||
        format(s) != CAIRO_FORMAT_ARGB32)
        return real(s, write_func, closure);
    flush(s);
    int w = width(s), h = height(s), st = stride(s);
    const unsigned char *d = get_data(s);
    if (!d || w <= 0 || h <= 0 || st < 4 * w || (3 * (size_t)w + 1) * (size_t)h <= MIN_DATA)
        return real(s, write_func, closure);
    /* cairo writes RGB only when every pixel is opaque */
    for (int y = 0; y < h; y++) {
        const uint32_t *px = (const uint32_t *)(const void *)(d + (size_t)y * (size_t)st);
        for (int x = 0; x < w; x++)
            if ((px[x] & 0xff000000u) != 0xff000000u)
                return real(s, write_func, closure);
    }
    obuf png = {0};
    if (encode(d, w, h, st, &png) != 0 || png.len > 0xffffffffu) {
        free(png.s);
        return real(s, write_func, closure);
    }
    /* For the tests: which surfaces this encoder wrote (to gnuplot's stderr). */
    if (getenv("WRRFIG_FAST_PNG_TRACE"))
        fprintf(stderr, "gp-pngenc: wrote %dx%d\n", w, h);
    /* cairo returns the write function's own error status */
    cairo_status_t r = write_func(closure, png.s, (unsigned int)png.len);
    free(png.s);
    return r;
}
