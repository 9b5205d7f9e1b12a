// The choice of version for the line kernel (line_fit.c): AVX2 + FMA where the processor has both, otherwise the
// baseline, made once when the library loads, as numpy chooses its kernels.
#include "CKernels.h"

#if defined(__x86_64__) && defined(__clang__)
static int wide = 0;
__attribute__((constructor)) static void choose(void) {
    __builtin_cpu_init();
    wide = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#else
static const int wide = 0;
#endif

int ys_line_kernels_wide(void) { return wide; }
