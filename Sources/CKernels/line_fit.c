// The whole batched straight-line fit of a run of series (see CKernels.h), four series at a time, one in each lane
// of a four-double vector: each 4 × 4 block of values (four years of four series) is read with four loads and
// transposed in registers, so that every step after it (the sums, the two divisions, the coefficients, the
// residuals, the first and last observed year) runs on the four series at once, with no horizontal sum and no
// branch on the data. Compiled for AVX2 + FMA and for the baseline, chosen once at load (lines.c). Each lane sums
// its own series (even and odd years in two chains), and a complete series gives the same bits by the pass without
// masks and the pass with them, so a series' result does not depend on its neighbours or on where a run starts.
#include "CKernels.h"
#include <float.h>
#include <math.h>

typedef double v4d __attribute__((vector_size(32)));
typedef long long v4l __attribute__((vector_size(32)));
typedef double v4d_u __attribute__((vector_size(32), aligned(8)));

#define AI static inline __attribute__((always_inline))
#define load4(p) (*(const v4d_u *)(p))
#define splat(x) ((v4d){(x), (x), (x), (x)})
#define select(mask, a, b) ((v4d)(((v4l)(a) & (mask)) | ((v4l)(b) & ~(mask))))
#define keep(mask, a) ((v4d)((v4l)(a) & (mask)))

// The sums of four series.
typedef struct { v4d k, st, stt, sy, sty, y0; } quad_sums;

// The status codes of BatchTrendResult.Storage.Status.
enum { FITTED_ON_GRID = 5, FITTED_LINE = 6 };

// ln of every value of column y into z (NaN kept); 0 when a value is non-positive or infinite (the general kernel
// then names it).
AI int logs(const double *y, long n, double *z) {
    for (long i = 0; i < n; i++) {
        double v = y[i];
        if (v != v) { z[i] = v; continue; }
        if (!(v > 0) || v == INFINITY) return 0;
        z[i] = log(v);
    }
    return 1;
}

// Fits series j .. j + lanes - 1 (lanes ≤ 4), whose columns are col[0..3] (repeated to fill four lanes); rows
// holds 4n values, the transposed block.
AI void fit_quad(const ys_line_grid *g, const double *const col[4], const v4l *usable, long j, int lanes, double *rows,
                 int *complete_before, const ys_line_output *o) {
    const long n = g->n, whole = n & ~3L;
    const double *t = g->t, *tt = g->tt;
    // The block transposed: rows[4i + l] is year i of lane l.
    long i = 0;
    for (; i < whole; i += 4) {
        const v4d a = load4(col[0] + i), b = load4(col[1] + i), c = load4(col[2] + i), d = load4(col[3] + i);
        const v4d ab0 = __builtin_shufflevector(a, b, 0, 4, 2, 6), ab1 = __builtin_shufflevector(a, b, 1, 5, 3, 7);
        const v4d cd0 = __builtin_shufflevector(c, d, 0, 4, 2, 6), cd1 = __builtin_shufflevector(c, d, 1, 5, 3, 7);
        *(v4d_u *)(rows + 4 * i) = __builtin_shufflevector(ab0, cd0, 0, 1, 4, 5);
        *(v4d_u *)(rows + 4 * i + 4) = __builtin_shufflevector(ab1, cd1, 0, 1, 4, 5);
        *(v4d_u *)(rows + 4 * i + 8) = __builtin_shufflevector(ab0, cd0, 2, 3, 6, 7);
        *(v4d_u *)(rows + 4 * i + 12) = __builtin_shufflevector(ab1, cd1, 2, 3, 6, 7);
    }
    for (; i < n; i++) {
        rows[4 * i] = col[0][i]; rows[4 * i + 1] = col[1][i]; rows[4 * i + 2] = col[2][i]; rows[4 * i + 3] = col[3][i];
    }
    // A quad after a complete one is first summed without masks (Σ(y − y₀), Σt(y − y₀) only): if all four sums
    // are finite, its four series are complete and take the grid's n, Σt and Σt². Even and odd years go to two
    // sets of sums (two chains of additions instead of one), added at the end; a complete series gives the same
    // bits by either pass.
    const v4d zero = splat(0.0);
    const v4d big = splat(DBL_MAX);
    v4d y0 = load4(rows), st, stt, sy, sty;
    v4l count;
    int all_complete = 0;
    if (*complete_before) {
        v4d sy0 = zero, sty0 = zero, sy1 = zero, sty1 = zero;
#define PASS1(i, sy, sty) { const v4d ti = splat(t[i]), dv = load4(rows + 4 * (i)) - y0; sy += dv; sty += ti * dv; }
        for (i = 0; i + 1 < n; i += 2) {
            PASS1(i, sy0, sty0)
            PASS1(i + 1, sy1, sty1)
        }
        if (i < n) PASS1(i, sy0, sty0)
#undef PASS1
        sy = sy0 + sy1; sty = sty0 + sty1;
        const v4l finite = (sy <= big) & (sy >= -big) & (sty <= big) & (sty >= -big);
        all_complete = (finite[0] & finite[1] & finite[2] & finite[3]) != 0;
    }
    if (all_complete) {
        count = (v4l){n, n, n, n};
        st = splat(g->t_sum); stt = splat(g->tt_sum);
    } else {
        // y₀: each lane's first observed value, so that the sums do not grow with the level (NaN for a lane with
        // none).
        for (i = 1; i < n; i++) {
            const v4l missing = y0 != y0;
            if (!(missing[0] | missing[1] | missing[2] | missing[3])) break;
            y0 = select(missing, load4(rows + 4 * i), y0);
        }
        // Pass 1 with masks: n = Σm, Σm·t, Σm·t², Σm·(y − y₀), Σm·t·(y − y₀).
        count = (v4l){0, 0, 0, 0};
        v4d st0 = zero, stt0 = zero, sy0 = zero, sty0 = zero, st1 = zero, stt1 = zero, sy1 = zero, sty1 = zero;
#define PASS1(i, st, stt, sy, sty)                                                                                \
    {                                                                                                             \
        const v4d v = load4(rows + 4 * (i)), ti = splat(t[i]);                                                    \
        const v4l seen = v == v;                                                                                  \
        const v4d dv = keep(seen, v - y0);                                                                        \
        count -= seen;                                                                                            \
        st += keep(seen, ti); stt += keep(seen, splat(tt[i])); sy += dv; sty += ti * dv;                          \
    }
        for (i = 0; i + 1 < n; i += 2) {
            PASS1(i, st0, stt0, sy0, sty0)
            PASS1(i + 1, st1, stt1, sy1, sty1)
        }
        if (i < n) PASS1(i, st0, stt0, sy0, sty0)
#undef PASS1
        // A complete series takes the grid's Σt and Σt² (the bits its (XᵀX)⁻¹ was made from).
        const v4l whole_lane = count == (v4l){n, n, n, n};
        st = select(whole_lane, splat(g->t_sum), st0 + st1);
        stt = select(whole_lane, splat(g->tt_sum), stt0 + stt1);
        sy = sy0 + sy1; sty = sty0 + sty1;
    }
    const v4d k = __builtin_convertvector(count, v4d);
    const quad_sums s = {k, st, stt, sy, sty, y0};
    const v4l complete = count == (v4l){n, n, n, n};
    *complete_before = (complete[0] & complete[1] & complete[2] & complete[3]) != 0;
    const v4l finite = (s.sy <= big) & (s.sy >= -big) & (s.sty <= big) & (s.sty >= -big);
    // Two divisions; observations bunched in a corner of the grid leave Sₜₜ − Sₜ²/n to cancellation, and the
    // general kernel fits them in their own basis.
    const v4d rk = 1 / s.k, tm = st * rk, sttc = stt - st * tm, rs = 1 / sttc;
    const v4l fitted = *usable & (s.k >= splat(3.0)) & finite & (sttc > splat(0.01) * stt);
    const v4d b = (s.sty - st * s.sy * rk) * rs, c0 = s.y0 + (s.sy * rk - b * tm);
    v4d rss0 = zero, rss1 = zero;
#define PASS2(i, rss, e) { const v4d v = load4(rows + 4 * (i)), r = e; rss += r * r; }
    if (all_complete) {
        for (i = 0; i + 1 < n; i += 2) {
            PASS2(i, rss0, v - c0 - b * splat(t[i]))
            PASS2(i + 1, rss1, v - c0 - b * splat(t[i + 1]))
        }
        if (i < n) PASS2(i, rss0, v - c0 - b * splat(t[i]))
    } else {
        for (i = 0; i + 1 < n; i += 2) {
            PASS2(i, rss0, keep(v == v, v - c0 - b * splat(t[i])))
            PASS2(i + 1, rss1, keep(v == v, v - c0 - b * splat(t[i + 1])))
        }
        if (i < n) PASS2(i, rss0, keep(v == v, v - c0 - b * splat(t[i])))
    }
#undef PASS2
    const v4d rss = rss0 + rss1;
    for (int l = 0; l < lanes; l++) {
        const long jl = j + l;
        if (!fitted[l]) { o->status[jl] = YS_LINE_DECLINED; continue; }
        const double jacobian = s.k[l] * s.y0[l] + s.sy[l];          // Σ ln y, for the log-linear likelihood
        if (g->log) o->extra[jl] = jacobian;
        o->rss[jl] = rss[l];
        if (complete[l]) {
            o->g0[jl] = c0[l]; o->g1[jl] = b[l];
            o->status[jl] = FITTED_ON_GRID;
            continue;
        }
        // The series' own basis: c′ = c + s·t̄ (its mean observed year), s′ = half its observed span; there
        // γ₁′ = b·s′/s, γ₀′ = the mean of y, and Σ(t′ − t̄′)² = Sₜₜᶜ·(s/s′)².
        long f = 0, e = n - 1;
        while (rows[4 * f + l] != rows[4 * f + l]) f++;
        while (rows[4 * e + l] != rows[4 * e + l]) e--;
        const double first = g->years[f], last = g->years[e];
        const double half = (last - first) / 2, scale = half > 1 ? half : 1, ratio = scale * g->inverse_scale;
        o->count[jl] = (int)s.k[l]; o->first[jl] = (int)first; o->last[jl] = (int)last;
        o->centre[jl] = g->centre + g->scale * tm[l];
        o->scale[jl] = scale;
        o->g0[jl] = s.y0[l] + s.sy[l] * rk[l]; o->g1[jl] = b[l] * ratio; o->v11[jl] = rs[l] * ratio * ratio;
        o->status[jl] = FITTED_LINE;
    }
}

AI void fit_run(const ys_line_grid *g, const double *columns, long begin, long end, double *scratch,
                const ys_line_output *o) {
    const long n = g->n;
    double *rows = scratch, *logged = scratch + 4 * n;
    int complete_before = 1;
    for (long j = begin; j < end; j += 4) {
        const int lanes = end - j < 4 ? (int)(end - j) : 4;
        const double *col[4];
        v4l usable = {-1, -1, -1, -1};
        for (int l = 0; l < 4; l++) {
            const double *y = columns + (j + (l < lanes ? l : lanes - 1)) * n;
            if (g->log) {
                if (l < lanes && !logs(y, n, logged + l * n)) {
                    usable[l] = 0;
                    for (long i = 0; i < n; i++) logged[l * n + i] = NAN;
                }
                y = logged + (l < lanes ? l : lanes - 1) * n;
            }
            col[l] = y;
        }
        // The hardware prefetcher does not keep up with four columns at a time: ask for the columns 32 series ahead.
        if (j + 36 <= end) {
            const char *ahead = (const char *)(columns + (j + 32) * n);
            for (long b = 0; b < 4 * n * 8; b += 64) __builtin_prefetch(ahead + b);
        }
        fit_quad(g, col, &usable, j, lanes, rows, &complete_before, o);
    }
}

static void fit_base(const ys_line_grid *g, const double *c, long b, long e, double *s, const ys_line_output *o) {
    fit_run(g, c, b, e, s, o);
}

#if defined(__x86_64__) && defined(__clang__)
__attribute__((target("avx2,fma")))
static void fit_wide(const ys_line_grid *g, const double *c, long b, long e, double *s, const ys_line_output *o) {
    fit_run(g, c, b, e, s, o);
}
#else
#define fit_wide fit_base
#endif

void ys_line_fit_run(const ys_line_grid *grid, const double *columns, long begin, long end, double *scratch,
                     const ys_line_output *out) {
    if (ys_line_kernels_wide()) fit_wide(grid, columns, begin, end, scratch, out);
    else fit_base(grid, columns, begin, end, scratch, out);
}

void ys_line_fit_run_of_version(int wide, const ys_line_grid *grid, const double *columns, long begin, long end,
                                double *scratch, const ys_line_output *out) {
    if (wide && ys_line_kernels_wide()) fit_wide(grid, columns, begin, end, scratch, out);
    else fit_base(grid, columns, begin, end, scratch, out);
}
