// The C surface Yardstick uses: OpenBLAS's CBLAS and the reference LAPACK Fortran interface
// (lapack.h from liblapacke-dev), both implemented by libopenblas, and glibc's mallopt (PageMemory), which the
// Glibc module does not import. Only Sources/Yardstick/LinearAlgebra imports this module.
#ifndef YARDSTICK_COPENBLAS_SHIM_H
#define YARDSTICK_COPENBLAS_SHIM_H
#include <cblas.h>
#include <lapack.h>
#include <malloc.h>
#endif
