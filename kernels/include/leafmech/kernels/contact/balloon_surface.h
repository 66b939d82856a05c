#pragma once
/**
 * @file
 * @brief A balloon as one or two surfaces of revolution ("lobes"), each given by its axis and a meridian
 * polyline (xi_k, r_k): xi along the axis, r the radius, traversed from one axis end to the other with xi
 * non-decreasing. Signed distance of a point to it (negative inside), the outward normal and the normal's
 * derivative, exact for the polyline (segment interiors and vertices), written once for host and device.
 */
#include <leafmech/kernels/host_device.h>

#include <cmath>

namespace leafmech::kernels
{
  constexpr int max_balloon_lobes = 2;

  /// One surface of revolution; the polyline arrays live in host or device memory, as the caller evaluates.
  struct LobeView
  {
    double        origin[3] = {0, 0, 0};
    double        axis[3]   = {0, 0, 1}; ///< unit vector
    const double *xi        = nullptr;   ///< n values, non-decreasing (mm)
    const double *r         = nullptr;   ///< n values >= 0 (mm)
    int           n         = 0;
  };

  struct BalloonView
  {
    LobeView lobe[max_balloon_lobes];
    int      n_lobes = 0;
  };

  /// Distance to a meridian polyline in the (xi, r) half-plane.
  struct MeridianDistance
  {
    double gap;      ///< signed distance (mm), negative inside the balloon
    double n[2];     ///< outward unit normal (n_xi, n_r)
    double dn[2][2]; ///< d n / d (xi, r): zero on a segment, (I - n n) / gap at a vertex
  };

  LEAFMECH_HOST_DEVICE inline MeridianDistance meridian_distance(const LobeView &lobe, double xi, double r)
  {
    // Start at the segment whose xi-range holds the point (binary search), then widen while the xi distance
    // alone could still beat the best distance: O(1) segments for smooth profiles, exact for any polyline.
    int lo = 0, hi = lobe.n - 1;
    while (hi - lo > 1)
      {
        const int mid = (lo + hi) / 2;
        (lobe.xi[mid] <= xi ? lo : hi) = mid;
      }
    double best = 1e300, best_t = 0;
    int    best_seg = lo;
    const auto try_segment = [&](int s) {
      const double ax = lobe.xi[s], ar = lobe.r[s], bx = lobe.xi[s + 1], br = lobe.r[s + 1];
      const double ex = bx - ax, er = br - ar, len2 = ex * ex + er * er;
      double       t  = len2 > 0 ? ((xi - ax) * ex + (r - ar) * er) / len2 : 0.0;
      t               = t < 0 ? 0 : (t > 1 ? 1 : t);
      const double dx = xi - (ax + t * ex), dr = r - (ar + t * er);
      const double d  = sqrt(dx * dx + dr * dr);
      if (d < best)
        {
          best     = d;
          best_t   = t;
          best_seg = s;
        }
    };
    for (int s = lo; s >= 0 && xi - lobe.xi[s + 1] < best; --s)
      try_segment(s);
    for (int s = lo + 1; s < lobe.n - 1 && lobe.xi[s] - xi < best; ++s)
      try_segment(s);

    // Outward normal of a segment traversed with increasing xi: the tangent turned by +90 degrees.
    const auto seg_normal = [&](int s, double &nx, double &nr) {
      const double ex = lobe.xi[s + 1] - lobe.xi[s], er = lobe.r[s + 1] - lobe.r[s];
      const double len = sqrt(ex * ex + er * er);
      nx               = len > 0 ? -er / len : 0.0;
      nr               = len > 0 ? ex / len : 1.0;
    };
    MeridianDistance out;
    const int        s = best_seg;
    double           nx, nr;
    seg_normal(s, nx, nr);
    const bool vertex = (best_t <= 0.0 && s > 0) || (best_t >= 1.0 && s < lobe.n - 2);
    if (vertex)
      {
        // Sign from the pseudo-normal (mean of the two neighbouring segment normals).
        const int    s2 = best_t <= 0.0 ? s - 1 : s + 1;
        double       mx, mr;
        seg_normal(s2, mx, mr);
        const int    v  = best_t <= 0.0 ? s : s + 1;
        const double qx = xi - lobe.xi[v], qr = r - lobe.r[v];
        const double sign = (qx * (nx + mx) + qr * (nr + mr)) >= 0 ? 1.0 : -1.0;
        out.gap           = sign * best;
        if (best > 1e-12)
          {
            out.n[0] = sign * qx / best;
            out.n[1] = sign * qr / best;
            for (int i = 0; i < 2; ++i)
              for (int j = 0; j < 2; ++j)
                out.dn[i][j] = ((i == j ? 1.0 : 0.0) - out.n[i] * out.n[j]) / out.gap;
            return out;
          }
      }
    const double qx = xi - (lobe.xi[s] + best_t * (lobe.xi[s + 1] - lobe.xi[s]));
    const double qr = r - (lobe.r[s] + best_t * (lobe.r[s + 1] - lobe.r[s]));
    out.gap         = (qx * nx + qr * nr) >= 0 ? best : -best;
    out.n[0]        = nx;
    out.n[1]        = nr;
    out.dn[0][0] = out.dn[0][1] = out.dn[1][0] = out.dn[1][1] = 0.0;
    return out;
  }

  /// Signed gap, outward normal and d normal / dx of a point x against one lobe.
  struct SurfaceDistance
  {
    double gap;
    double n[3];
    double dn[9]; ///< row-major d n_i / d x_j
  };

  LEAFMECH_HOST_DEVICE inline SurfaceDistance lobe_distance(const LobeView &lobe, const double x[3])
  {
    const double d[3] = {x[0] - lobe.origin[0], x[1] - lobe.origin[1], x[2] - lobe.origin[2]};
    const double *a   = lobe.axis;
    const double xi   = d[0] * a[0] + d[1] * a[1] + d[2] * a[2];
    double       rv[3] = {d[0] - xi * a[0], d[1] - xi * a[1], d[2] - xi * a[2]};
    double       r     = sqrt(rv[0] * rv[0] + rv[1] * rv[1] + rv[2] * rv[2]);
    double       e[3];
    if (r > 1e-12)
      for (int k = 0; k < 3; ++k)
        e[k] = rv[k] / r;
    else
      {
        // On the axis the radial direction is arbitrary: any unit vector normal to the axis.
        const double t[3] = {fabs(a[0]) < 0.9 ? 1.0 : 0.0, fabs(a[0]) < 0.9 ? 0.0 : 1.0, 0.0};
        const double ta   = t[0] * a[0] + t[1] * a[1] + t[2] * a[2];
        double       m    = 0;
        for (int k = 0; k < 3; ++k)
          {
            e[k] = t[k] - ta * a[k];
            m += e[k] * e[k];
          }
        for (int k = 0; k < 3; ++k)
          e[k] /= sqrt(m);
        r = 0.0;
      }
    const MeridianDistance md = meridian_distance(lobe, xi, r);
    SurfaceDistance        out;
    out.gap = md.gap;
    for (int i = 0; i < 3; ++i)
      out.n[i] = md.n[0] * a[i] + md.n[1] * e[i];
    // dn = a (dn_xi/dq . Q) + e (dn_r/dq . Q) + n_r (I - a a - e e) / r, with Q = [a; e].
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        {
          const double row_xi = md.dn[0][0] * a[j] + md.dn[0][1] * e[j];
          const double row_r  = md.dn[1][0] * a[j] + md.dn[1][1] * e[j];
          double       v      = a[i] * row_xi + e[i] * row_r;
          if (r > 1e-12)
            v += md.n[1] * ((i == j ? 1.0 : 0.0) - a[i] * a[j] - e[i] * e[j]) / r;
          out.dn[3 * i + j] = v;
        }
    return out;
  }

  /// The lobe a point penetrates most (smallest signed gap).
  LEAFMECH_HOST_DEVICE inline SurfaceDistance balloon_distance(const BalloonView &balloon, const double x[3])
  {
    SurfaceDistance best = lobe_distance(balloon.lobe[0], x);
    for (int l = 1; l < balloon.n_lobes; ++l)
      {
        const SurfaceDistance d = lobe_distance(balloon.lobe[l], x);
        if (d.gap < best.gap)
          best = d;
      }
    return best;
  }
} // namespace leafmech::kernels
