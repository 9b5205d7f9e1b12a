// The passes of a batched line fit (see CKernels.h). Each is written once, over four-lane vectors (the compiler's
// vector extension), and compiled for AVX2 + FMA and for the baseline; the version is chosen once, when the
// library loads. Within one version, a complete series gives the same bits by the masked and the complete pass
// (the same lanes, the same order, the same horizontal sum), so results do not depend on which pass a series took.
#include "CKernels.h"

typedef double v4d __attribute__((vector_size(32)));
typedef long long v4l __attribute__((vector_size(32)));
typedef double v4d_u __attribute__((vector_size(32), aligned(8)));   // for unaligned loads

// Macros, not functions: a function taking or returning a four-double vector has a different ABI with and without
// AVX, and each body below is compiled both ways.
#define load4(p) (*(const v4d_u *)(p))
#define hsum(v) (((v)[0] + (v)[1]) + ((v)[2] + (v)[3]))

#define MASKED_SUMS_BODY                                                                                \
    v4d zero = {0, 0, 0, 0}, one = {1, 1, 1, 1}, y04 = {y0, y0, y0, y0};                                  \
    v4d k4 = zero, st4 = zero, stt4 = zero, sy4 = zero, sty4 = zero;                                      \
    long i = 0, whole = n & ~3L;                                                                          \
    for (; i < whole; i += 4) {                                                                           \
        v4d v = load4(y + i);                                                                             \
        v4l seen = (v == v);                                                                              \
        v4d tm = (v4d)((v4l)load4(t + i) & seen), d = (v4d)((v4l)(v - y04) & seen);                      \
        k4 += (v4d)((v4l)one & seen);                                                                     \
        st4 += tm; stt4 += tm * tm; sy4 += d; sty4 += tm * d;                                             \
    }                                                                                                     \
    double k = hsum(k4), st = hsum(st4), stt = hsum(stt4), sy = hsum(sy4), sty = hsum(sty4);              \
    for (; i < n; i++) {                                                                                  \
        double v = y[i];                                                                                  \
        if (v == v) { double d = v - y0; k += 1; st += t[i]; stt += t[i] * t[i]; sy += d; sty += t[i] * d; } \
    }                                                                                                     \
    out[0] = k; out[1] = st; out[2] = stt; out[3] = sy; out[4] = sty;

#define COMPLETE_SUMS_BODY                                                                              \
    v4d zero = {0, 0, 0, 0}, y04 = {y0, y0, y0, y0};                                                      \
    v4d sy4 = zero, sty4 = zero;                                                                          \
    long i = 0, whole = n & ~3L;                                                                          \
    for (; i < whole; i += 4) {                                                                           \
        v4d d = load4(y + i) - y04;                                                                       \
        sy4 += d; sty4 += load4(t + i) * d;                                                               \
    }                                                                                                     \
    double sy = hsum(sy4), sty = hsum(sty4);                                                              \
    for (; i < n; i++) { double d = y[i] - y0; sy += d; sty += t[i] * d; }                               \
    out[0] = sy; out[1] = sty;

#define RSS_BODY                                                                                        \
    v4d zero = {0, 0, 0, 0}, c04 = {c0, c0, c0, c0}, b4 = {b, b, b, b};                                   \
    v4d r4 = zero;                                                                                        \
    long i = 0, whole = n & ~3L;                                                                          \
    for (; i < whole; i += 4) {                                                                           \
        v4d v = load4(y + i);                                                                             \
        v4d e = (v4d)((v4l)(v - c04 - b4 * load4(t + i)) & (v == v));                                     \
        r4 += e * e;                                                                                      \
    }                                                                                                     \
    double rss = hsum(r4);                                                                                \
    for (; i < n; i++) { double v = y[i]; if (v == v) { double e = v - c0 - b * t[i]; rss += e * e; } }  \
    return rss;

static void masked_base(const double *y, const double *t, long n, double y0, double *out) { MASKED_SUMS_BODY }
static void complete_base(const double *y, const double *t, long n, double y0, double *out) { COMPLETE_SUMS_BODY }
static double rss_base(const double *y, const double *t, long n, double c0, double b) { RSS_BODY }

#if defined(__x86_64__) && defined(__clang__)
#define WIDE __attribute__((target("avx2,fma")))
static WIDE void masked_wide(const double *y, const double *t, long n, double y0, double *out) { MASKED_SUMS_BODY }
static WIDE void complete_wide(const double *y, const double *t, long n, double y0, double *out) { COMPLETE_SUMS_BODY }
static WIDE double rss_wide(const double *y, const double *t, long n, double c0, double b) { RSS_BODY }
static int wide = 0;
__attribute__((constructor)) static void choose(void) {
    __builtin_cpu_init();
    wide = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#else
static const int wide = 0;
#define masked_wide masked_base
#define complete_wide complete_base
#define rss_wide rss_base
#endif

void ys_line_masked_sums(const double *y, const double *t, long n, double y0, double *out) {
    if (wide) masked_wide(y, t, n, y0, out); else masked_base(y, t, n, y0, out);
}

void ys_line_complete_sums(const double *y, const double *t, long n, double y0, double *out) {
    if (wide) complete_wide(y, t, n, y0, out); else complete_base(y, t, n, y0, out);
}

double ys_line_rss(const double *y, const double *t, long n, double c0, double b) {
    return wide ? rss_wide(y, t, n, c0, b) : rss_base(y, t, n, c0, b);
}

int ys_line_kernels_wide(void) { return wide; }

void ys_line_passes_of_version(int version, const double *y, const double *t, long n, double y0, double c0, double b,
                               double *out) {
    if (version && wide) {
        masked_wide(y, t, n, y0, out); complete_wide(y, t, n, y0, out + 5); out[7] = rss_wide(y, t, n, c0, b);
    } else {
        masked_base(y, t, n, y0, out); complete_base(y, t, n, y0, out + 5); out[7] = rss_base(y, t, n, c0, b);
    }
}
