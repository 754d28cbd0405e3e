/* plugins/common/choropleth.c and maplabels.c: ring geometry, the hole
 * index (against a brute-force scan), the enclave rule on a Baarle-shaped
 * map, and label placement (no two labels overlap, leaders when moved). */
#include "testutil.h"

#include "common/choropleth.h"
#include "common/maplabels.h"

static const double SQUARE[] = {0, 0, 10, 0, 10, 10, 0, 10, 0, 0};
static const double HOLE[] = {4, 4, 6, 4, 6, 6, 4, 6, 4, 4};
static const double SMALL[] = {20, 0, 21, 0, 21, 1, 20, 1, 20, 0};

static void test_point_in_ring(void **state)
{
    (void)state;
    wrrfig_ring r = {SQUARE, 5, 0};
    assert_true(wfc_point_in_ring(&r, 5, 5));
    assert_true(wfc_point_in_ring(&r, 0.1, 9.9));
    assert_false(wfc_point_in_ring(&r, 10.5, 5));
    assert_false(wfc_point_in_ring(&r, -1, -1));
    wrrfig_ring degenerate = {SQUARE, 2, 0};
    assert_false(wfc_point_in_ring(&degenerate, 5, 5));
}

static void test_area_and_label_point(void **state)
{
    (void)state;
    wrrfig_ring r = {SQUARE, 5, 0};
    assert_double_near(wfc_ring_area(&r), 100.0, 1e-12); /* counter-clockwise */
    const double cw[] = {0, 0, 0, 10, 10, 10, 10, 0, 0, 0};
    wrrfig_ring c = {cw, 5, 0};
    assert_double_near(wfc_ring_area(&c), -100.0, 1e-12);
    /* the label goes to the largest outer ring, never to a hole */
    wrrfig_ring rings[] = {{SMALL, 5, 0}, {SQUARE, 5, 0}, {HOLE, 5, 1}};
    wrrfig_feature f = {"GM0001", "X", rings, 3};
    double x, y;
    assert_int_equal(wfc_label_point(&f, &x, &y), 0);
    assert_double_near(x, 5, 1e-12);
    assert_double_near(y, 5, 1e-12);
    double w, hh;
    wfc_feature_extent(&f, &w, &hh);
    assert_double_near(w, 21, 1e-12);
    assert_double_near(hh, 10, 1e-12);
    wrrfig_ring only_hole[] = {{HOLE, 5, 1}};
    wrrfig_feature g = {"GM0002", "Y", only_hole, 1};
    assert_int_equal(wfc_label_point(&g, &x, &y), -1);
    const wrrfig_feature *both[] = {&f, &g};
    double box[4];
    assert_int_equal(wfc_regions_bbox(both, 2, box), 0);
    assert_double_near(box[1], 21, 0);
    const wrrfig_feature *none[] = {&g};
    wrrfig_ring dot[] = {{SMALL, 1, 0}};
    wrrfig_feature d = {"GM0003", "Z", dot, 1};
    none[0] = &d;
    assert_int_equal(wfc_regions_bbox(none, 1, box), -1);
}

/* Baarle-Nassau (GM0744) holds the Belgian enclaves of Baarle-Hertog as
 * holes, and inside two of them its own Dutch counter-enclaves; a neighbour
 * (Alphen-Chaam) lies inside a hole of nobody. Every counter-enclave must be
 * painted after the holes, or the map shows them as Belgian. */
static void test_baarle_counter_enclaves(void **state)
{
    (void)state;
    static const double nassau[] = {0, 0, 100, 0, 100, 100, 0, 100, 0, 0};
    static const double hertog1[] = {20, 20, 40, 20, 40, 40, 20, 40, 20, 20};
    static const double hertog2[] = {60, 60, 80, 60, 80, 80, 60, 80, 60, 60};
    static const double hertog3[] = {60, 10, 70, 10, 70, 20, 60, 20, 60, 10}; /* empty: Belgian */
    static const double counter1[] = {25, 25, 30, 25, 30, 30, 25, 30, 25, 25};
    static const double counter2[] = {65, 65, 70, 65, 70, 70, 65, 70, 65, 65};
    static const double alphen[] = {100, 0, 200, 0, 200, 100, 100, 100, 100, 0};
    wrrfig_ring bn[] = {{nassau, 5, 0},   {hertog1, 5, 1},  {hertog2, 5, 1}, {hertog3, 5, 1},
                        {counter1, 5, 0}, {counter2, 5, 0}};
    wrrfig_ring ac[] = {{alphen, 5, 0}};
    wrrfig_feature f[] = {{"GM0744", "Baarle-Nassau", bn, 6}, {"GM1723", "Alphen-Chaam", ac, 1}};
    const wrrfig_feature *regions[] = {&f[0], &f[1]};
    wfc_hole_index *ix = wfc_hole_index_new(regions, 2);
    assert_non_null(ix);
    assert_int_equal(wfc_hole_count(ix), 3);
    assert_false(wfc_ring_is_enclave(ix, &bn[0]));
    assert_false(wfc_ring_is_enclave(ix, &bn[1])); /* a hole is never an enclave */
    assert_true(wfc_ring_is_enclave(ix, &bn[4]));  /* its own hole counts */
    assert_true(wfc_ring_is_enclave(ix, &bn[5]));
    assert_false(wfc_ring_is_enclave(ix, &ac[0]));
    assert_true(wfc_in_any_hole(ix, 65, 15));
    assert_false(wfc_in_any_hole(ix, 50, 50));
    assert_false(wfc_in_any_hole(ix, 500, 50)); /* outside every hole's box */
    wfc_hole_index_free(ix);

    /* no holes at all */
    const wrrfig_feature *one[] = {&f[1]};
    ix = wfc_hole_index_new(one, 1);
    assert_non_null(ix);
    assert_int_equal(wfc_hole_count(ix), 0);
    assert_false(wfc_ring_is_enclave(ix, &ac[0]));
    wfc_hole_index_free(ix);
}

/* The grid index answers exactly as a scan of every hole, on many holes of
 * many sizes (some spanning many cells), queried at random points. */
static void test_hole_index_matches_scan(void **state)
{
    (void)state;
    enum { NH = 400, NQ = 20000 };
    double *xy = malloc(NH * 10 * sizeof *xy);
    wrrfig_ring *rings = malloc((NH + 1) * sizeof *rings);
    static const double outer[] = {0, 0, 1000, 0, 1000, 1000, 0, 1000, 0, 0};
    rings[0] = (wrrfig_ring){outer, 5, 0};
    unsigned seed = 12345;
#define RND() ((seed = seed * 1103515245u + 12345u) >> 8 & 0xffff)
    for (int k = 0; k < NH; k++) {
        double x = RND() % 1000, y = RND() % 1000;
        double w = k % 37 == 0 ? 300 : 1 + RND() % 20, hgt = k % 41 == 0 ? 250 : 1 + RND() % 20;
        /* a triangle, so the box test alone would be wrong */
        double *p = &xy[k * 10];
        double pts[] = {x, y, x + w, y, x, y + hgt, x, y, x, y};
        memcpy(p, pts, sizeof pts);
        rings[k + 1] = (wrrfig_ring){p, 4, 1};
    }
    wrrfig_feature f = {"GM0001", "A", rings, NH + 1};
    const wrrfig_feature *regions[] = {&f};
    wfc_hole_index *ix = wfc_hole_index_new(regions, 1);
    assert_non_null(ix);
    size_t hits = 0;
    for (int q = 0; q < NQ; q++) {
        double x = (RND() % 100000) / 100.0, y = (RND() % 100000) / 100.0;
        bool scan = false;
        for (int k = 1; k <= NH && !scan; k++)
            scan = wfc_point_in_ring(&rings[k], x, y);
        assert_int_equal(wfc_in_any_hole(ix, x, y), scan);
        hits += scan;
    }
#undef RND
    assert_true(hits > 100); /* the comparison saw both answers */
    wfc_hole_index_free(ix);
    free(rings);
    free(xy);
}

static bool boxes_overlap(const wfc_label *a, const wfc_label *b)
{
    return fabs(a->x - b->x) * 2 < a->w + b->w && fabs(a->y - b->y) * 2 < a->h + b->h;
}

/* Three names crowded on one spot and one far away: the far one stays
 * centred; the crowded ones are spread without overlap, inside the frame,
 * clear of the reserved box, with leaders where they moved away. */
static void test_labels_do_not_overlap(void **state)
{
    (void)state;
    wfc_label l[] = {
        {.text = "Wassenaar", .ax = 50, .ay = 50, .w = 30, .h = 6, .rw = 40, .rh = 10},
        {.text = "Voorschoten", .ax = 52, .ay = 48, .w = 36, .h = 6, .rw = 40, .rh = 10},
        {.text = "Leiden", .ax = 55, .ay = 52, .w = 20, .h = 6, .rw = 40, .rh = 10},
        {.text = "Hoorn", .ax = 10, .ay = 90, .w = 10, .h = 6, .rw = 20, .rh = 20},
        {.text = "Urk", .ax = 30, .ay = 20, .w = 10, .h = 6, .rw = 2, .rh = 2}, /* smaller than its name */
    };
    const double frame[4] = {0, 100, 0, 100};
    const double obst[1][4] = {{70, 100, 70, 100}}; /* e.g. the legend */
    size_t n = sizeof l / sizeof *l;
    assert_int_equal(wfc_place_labels(l, n, frame, obst, 1, 2, 20), n);
    for (size_t i = 0; i < n; i++) {
        assert_true(l[i].placed);
        assert_true(l[i].x - l[i].w / 2 >= 0 && l[i].x + l[i].w / 2 <= 100);
        assert_false(l[i].x + l[i].w / 2 > 70 && l[i].y + l[i].h / 2 > 70);
        for (size_t j = i + 1; j < n; j++)
            assert_false(boxes_overlap(&l[i], &l[j]));
    }
    assert_double_near(l[3].x, 10, 0);
    assert_false(l[3].leader);
    /* the small region keeps its own spot visible: its name sits beside it */
    assert_true(fabs(l[4].x - 30) * 2 >= l[4].w + 2 || fabs(l[4].y - 20) * 2 >= l[4].h + 2);
    /* at least two of the crowded three moved; a leader exactly when the
     * box ended up more than 0.75 step from its anchor */
    int moved = 0;
    for (size_t i = 0; i < 3; i++) {
        moved += l[i].x != l[i].ax || l[i].y != l[i].ay;
        double dx = fmax(fabs(l[i].x - l[i].ax) - l[i].w / 2, 0), dy = fmax(fabs(l[i].y - l[i].ay) - l[i].h / 2, 0);
        assert_int_equal(l[i].leader, hypot(dx, dy) > 1.5);
    }
    assert_true(moved >= 2);
    /* deterministic */
    wfc_label again[5];
    memcpy(again, l, sizeof l);
    wfc_place_labels(again, n, frame, obst, 1, 2, 20);
    for (size_t i = 0; i < n; i++)
        assert_true(again[i].x == l[i].x && again[i].y == l[i].y);
    /* no room: a label that cannot be placed is reported, not overlapped */
    wfc_label big[] = {{.text = "a", .ax = 5, .ay = 5, .w = 9, .h = 9, .rw = 9, .rh = 9},
                       {.text = "b", .ax = 5, .ay = 5, .w = 9, .h = 9, .rw = 9, .rh = 9}};
    const double tiny[4] = {0, 10, 0, 10};
    /* (each would cover the other's anchor, so neither fits) */
    assert_int_equal(wfc_place_labels(big, 2, tiny, NULL, 0, 1, 5), 0);
    assert_false(big[0].placed || big[1].placed);
}

static void test_text_width(void **state)
{
    (void)state;
    assert_double_near(wfc_text_width_px("", 10), 0, 0);
    double a = wfc_text_width_px("Leiden", 10), b = wfc_text_width_px("Leiden", 20);
    assert_double_near(b, 2 * a, 1e-9);
    /* "ë" is one character, not two */
    assert_double_near(wfc_text_width_px("\xc3\xab", 10), wfc_text_width_px("e", 10), 1e-9);
    assert_true(wfc_text_width_px("Capelle aan den IJssel", 9) > 90);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_point_in_ring),          cmocka_unit_test(test_area_and_label_point),
        cmocka_unit_test(test_baarle_counter_enclaves), cmocka_unit_test(test_hole_index_matches_scan),
        cmocka_unit_test(test_labels_do_not_overlap),   cmocka_unit_test(test_text_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
