// Yardstick's own C kernel: the batched straight-line fit, four series at a time in four-wide vectors, compiled
// twice (AVX2 with FMA, and the baseline) and chosen once at load by the processor's features, as numpy chooses
// its kernels. Only Sources/Yardstick/LinearAlgebra imports this module.
#ifndef YARDSTICK_CKERNELS_H
#define YARDSTICK_CKERNELS_H

/// 1 when the AVX2 and FMA versions run, 0 for the baseline.
int ys_line_kernels_wide(void);

/// A grid of years for ys_line_fit_run: n years, their basis t = (year - centre)/scale and t², Σt and Σt² summed in
/// year order, 1/scale, and whether the model is log-linear (fitted to ln y).
typedef struct {
    long n;
    const double *years, *t, *tt;
    double centre, scale, inverse_scale, t_sum, tt_sum;
    int log;
} ys_line_grid;

/// Where ys_line_fit_run stores series j: its status (5 fitted on the grid's basis, 6 fitted in its own, or
/// YS_LINE_DECLINED for the general kernel); for status 6 also count, first and last year, centre and scale; for both
/// γ0, γ1, v11 (the last entry of (XᵀX)⁻¹, status 6 only), RSS, and for the log-linear model Σ ln y in extra.
typedef struct {
    unsigned char *status;
    int *count, *first, *last;
    double *g0, *g1, *v11, *centre, *scale, *rss, *extra;
} ys_line_output;

#define YS_LINE_DECLINED 255

/// Fits series begin..<end, series j in columns[j*n ..< (j+1)*n] (NaN where a year is missing), by the two passes
/// four series at a time, one in each vector lane. scratch holds 8n values.
void ys_line_fit_run(const ys_line_grid *grid, const double *columns, long begin, long end, double *scratch,
                     const ys_line_output *out);

/// ys_line_fit_run by the AVX2 + FMA version (wide = 1, where the processor has it) or the baseline, for tests.
void ys_line_fit_run_of_version(int wide, const ys_line_grid *grid, const double *columns, long begin, long end,
                                double *scratch, const ys_line_output *out);

#endif
