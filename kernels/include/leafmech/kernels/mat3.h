#pragma once
/**
 * @file
 * @brief Small 3x3 tensor algebra and Voigt storage usable on host and device.
 *
 * Voigt order of symmetric tensors: xx, yy, zz, yz, xz, xy. Fourth-order tangents with minor symmetries are
 * stored as 6x6 arrays of tensor components (no engineering factors): c[v(i,j)][v(k,l)] = c_ijkl.
 */
#include <leafmech/kernels/host_device.h>

#include <cmath>

namespace leafmech::kernels
{
  /// A general 3x3 matrix, row-major: m[3*i + j] = M_ij.
  struct Mat3
  {
    double m[9];
    LEAFMECH_HOST_DEVICE double operator()(int i, int j) const { return m[3 * i + j]; }
    LEAFMECH_HOST_DEVICE double &operator()(int i, int j) { return m[3 * i + j]; }
  };

  /// A symmetric 3x3 tensor in Voigt order (xx, yy, zz, yz, xz, xy).
  struct Sym3
  {
    double v[6];
  };

  /// A fourth-order tensor with minor symmetries, 6x6 over Voigt indices.
  struct Sym4
  {
    double c[6][6];
  };

  /// Voigt index of the symmetric pair (i, j).
  LEAFMECH_HOST_DEVICE inline int voigt_index(int i, int j)
  {
    if (i == j)
      return i;
    const int s = i + j; // (1,2)->3 yz, (0,2)->2 xz, (0,1)->1 xy
    return s == 3 ? 3 : (s == 2 ? 4 : 5);
  }

  LEAFMECH_HOST_DEVICE inline double determinant(const Mat3 &a)
  {
    return a.m[0] * (a.m[4] * a.m[8] - a.m[5] * a.m[7]) - a.m[1] * (a.m[3] * a.m[8] - a.m[5] * a.m[6]) +
           a.m[2] * (a.m[3] * a.m[7] - a.m[4] * a.m[6]);
  }

  /// Inverse of a; the caller guarantees det(a) != 0.
  LEAFMECH_HOST_DEVICE inline Mat3 inverse(const Mat3 &a)
  {
    const double inv_det = 1.0 / determinant(a);
    Mat3         r;
    r.m[0] = (a.m[4] * a.m[8] - a.m[5] * a.m[7]) * inv_det;
    r.m[1] = (a.m[2] * a.m[7] - a.m[1] * a.m[8]) * inv_det;
    r.m[2] = (a.m[1] * a.m[5] - a.m[2] * a.m[4]) * inv_det;
    r.m[3] = (a.m[5] * a.m[6] - a.m[3] * a.m[8]) * inv_det;
    r.m[4] = (a.m[0] * a.m[8] - a.m[2] * a.m[6]) * inv_det;
    r.m[5] = (a.m[2] * a.m[3] - a.m[0] * a.m[5]) * inv_det;
    r.m[6] = (a.m[3] * a.m[7] - a.m[4] * a.m[6]) * inv_det;
    r.m[7] = (a.m[1] * a.m[6] - a.m[0] * a.m[7]) * inv_det;
    r.m[8] = (a.m[0] * a.m[4] - a.m[1] * a.m[3]) * inv_det;
    return r;
  }

  /// Left Cauchy-Green tensor b = F F^T.
  LEAFMECH_HOST_DEVICE inline Sym3 left_cauchy_green(const Mat3 &F)
  {
    Sym3 b;
    for (int i = 0; i < 3; ++i)
      for (int j = i; j < 3; ++j)
        b.v[voigt_index(i, j)] = F(i, 0) * F(j, 0) + F(i, 1) * F(j, 1) + F(i, 2) * F(j, 2);
    return b;
  }

  LEAFMECH_HOST_DEVICE inline double trace(const Sym3 &a) { return a.v[0] + a.v[1] + a.v[2]; }

  LEAFMECH_HOST_DEVICE inline double component(const Sym3 &a, int i, int j) { return a.v[voigt_index(i, j)]; }

  LEAFMECH_HOST_DEVICE inline Sym3 zero_sym3()
  {
    Sym3 a;
    for (int i = 0; i < 6; ++i)
      a.v[i] = 0.0;
    return a;
  }

  LEAFMECH_HOST_DEVICE inline void set_zero(Sym4 &a)
  {
    for (int i = 0; i < 6; ++i)
      for (int j = 0; j < 6; ++j)
        a.c[i][j] = 0.0;
  }

  /// Components of the symmetric fourth-order identity, I_ijkl = (d_ik d_jl + d_il d_jk) / 2.
  LEAFMECH_HOST_DEVICE inline double sym_identity(int I, int J)
  {
    if (I != J)
      return 0.0;
    return I < 3 ? 1.0 : 0.5;
  }

  /// Components of I (x) I.
  LEAFMECH_HOST_DEVICE inline double identity_dyad(int I, int J) { return (I < 3 && J < 3) ? 1.0 : 0.0; }
} // namespace leafmech::kernels
