/* SHA-256 against the FIPS 180-4 example vectors, and its two block
 * functions (portable C, SHA-NI) against each other. */
#include "testutil.h"

#include "util/sha256.h"
#include "util/sha256_blocks.h"

static void test_vectors(void **state)
{
    (void)state;
    char hex[65];
    sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    sha256_hex(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_million_a_streamed(void **state)
{
    (void)state;
    sha256_ctx c;
    sha256_init(&c);
    char chunk[1001];
    memset(chunk, 'a', sizeof chunk);
    for (int i = 0; i < 1000; i++)
        sha256_update(&c, chunk, i % 2 ? 999 : 1001); /* uneven pieces cross block edges */
    unsigned char d[32];
    sha256_final(&c, d);
    char hex[65];
    for (int i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", d[i]);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* The SHA-NI blocks give the portable code's state on random data, block
 * counts 1..64, from random states. Skipped (and said so) on a CPU without
 * the extensions, or under valgrind, which does not report them. */
static void test_shani_equals_portable(void **state)
{
    (void)state;
    if (!sha256_have_shani()) {
        print_message("no SHA-NI on this CPU: only the portable code runs\n");
        skip();
    }
    uint64_t s = 0x243f6a8885a308d3ULL;
    unsigned char buf[64 * 64];
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            buf[i] = (unsigned char)(s >> 56);
        }
        uint32_t a[8], b[8];
        for (int i = 0; i < 8; i++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            a[i] = b[i] = (uint32_t)(s >> 32);
        }
        size_t n = (size_t)round % 64 + 1;
        sha256_blocks_portable(a, buf, n);
        sha256_blocks_shani(b, buf, n);
        assert_memory_equal(a, b, sizeof a);
    }
}

/* Every length 0..300 hashed whole and in pieces of 1..97 bytes agrees:
 * the buffered and the direct block paths of sha256_update meet. */
static void test_pieces_agree(void **state)
{
    (void)state;
    unsigned char buf[300];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 131 + 7);
    for (size_t len = 0; len <= sizeof buf; len++) {
        char whole[65];
        sha256_hex(buf, len, whole);
        for (size_t piece = 1; piece <= 97; piece += 16) {
            sha256_ctx c;
            sha256_init(&c);
            for (size_t off = 0; off < len; off += piece)
                sha256_update(&c, buf + off, len - off < piece ? len - off : piece);
            unsigned char d[32];
            sha256_final(&c, d);
            char hex[65];
            for (int i = 0; i < 32; i++)
                snprintf(hex + 2 * i, 3, "%02x", d[i]);
            assert_string_equal(hex, whole);
        }
    }
}

static void test_file(void **state)
{
    (void)state;
    char *d = tu_tempdir("sha");
    char p[512];
    snprintf(p, sizeof p, "%s/f", d);
    tu_write(p, "abc");
    char hex[65];
    assert_int_equal(sha256_file_hex(p, hex), 0);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assert_int_equal(sha256_file_hex("/nonexistent", hex), -1);
    tu_rmrf(d);
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_vectors),
        cmocka_unit_test(test_shani_equals_portable),
        cmocka_unit_test(test_pieces_agree), cmocka_unit_test(test_million_a_streamed),
                                       cmocka_unit_test(test_file)};
    return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
