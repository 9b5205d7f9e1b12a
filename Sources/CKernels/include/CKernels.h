// Yardstick's own C kernels: the two passes of a batched straight-line fit over one series, in four-wide vectors,
// compiled twice (AVX2 with FMA, and the baseline) and chosen once at load by the processor's features, as numpy
// chooses its kernels. Only Sources/Yardstick/LinearAlgebra imports this module.
#ifndef YARDSTICK_CKERNELS_H
#define YARDSTICK_CKERNELS_H

/// Pass 1 with masks: over the years i < n whose y[i] is not NaN, k = count, st = sum t, stt = sum t^2,
/// sy = sum (y - y0), sty = sum t (y - y0); written to out[0..4] in that order.
void ys_line_masked_sums(const double *y, const double *t, long n, double y0, double *out);

/// Pass 1 of a complete series: sy = sum (y - y0), sty = sum t (y - y0) over every i < n (a NaN or infinite value
/// makes them non-finite); written to out[0..1]. For a complete series they are the bits ys_line_masked_sums gives.
void ys_line_complete_sums(const double *y, const double *t, long n, double y0, double *out);

/// Pass 2: sum over the years whose y[i] is not NaN of (y - c0 - b t)^2.
double ys_line_rss(const double *y, const double *t, long n, double c0, double b);

/// 1 when the AVX2 and FMA versions run, 0 for the baseline.
int ys_line_kernels_wide(void);

/// The three passes of one version, whichever runs (wide: 1 for AVX2 + FMA where the processor has them, 0 for the
/// baseline), for tests that compare the two; out[0..4] as ys_line_masked_sums, out[5..6] as ys_line_complete_sums,
/// out[7] the RSS about c0 + b t.
void ys_line_passes_of_version(int wide, const double *y, const double *t, long n, double y0, double c0, double b,
                               double *out);

#endif
