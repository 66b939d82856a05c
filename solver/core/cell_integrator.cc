#include <deal.II/lac/full_matrix.h>

#include <leafmech/kernels/material_point.h>
#include <solver/core/cell_integrator.h>

namespace leafmech
{
  using namespace dealii;
  namespace k = leafmech::kernels;

  CellIntegrator::CellIntegrator(const FiniteElement<dim> &fe, const Quadrature<dim> &quadrature,
                                 VolumetricFormulation formulation)
    : fe_values(fe, quadrature, update_gradients | update_JxW_values | update_quadrature_points),
      volumetric(formulation), n_dofs(fe.n_dofs_per_cell()), n_nodes(fe.n_dofs_per_cell() / dim),
      n_q(quadrature.size()), n_p(fe.degree == 1 ? 1 : dim + 1), component(n_dofs), node(n_dofs),
      g(n_q * n_nodes * dim), tau(n_q * 6), tangent(n_q * 36), det_F(n_q), JxW(n_q), grad_ref(n_nodes),
      B(n_dofs * (dim + 1)), M(n_p, n_p), Minv(n_p, n_p), KJJ(n_p, n_p), tmp(n_p, n_p), Af(n_p, n_p), bJ(n_p),
      j(n_p), bp(n_p), p(n_p), N(n_q), T(n_nodes * dim * dim * dim), tg(n_nodes * dim),
      node_blocks(n_nodes * n_nodes * dim * dim), dof_of(n_dofs)
  {
    for (unsigned int i = 0; i < n_dofs; ++i)
      {
        component[i]                         = fe.system_to_component_index(i).first;
        node[i]                              = fe.system_to_component_index(i).second;
        dof_of[node[i] * dim + component[i]] = i;
      }
  }

  void CellIntegrator::pressure_basis(const Point<dim> &X, const CellPressureField &field, double *N) const
  {
    N[0] = 1.0;
    for (unsigned int d = 1; d < n_p; ++d)
      N[d] = (X[d - 1] - field.centre[d - 1]) / field.h;
  }

  bool CellIntegrator::integrate(const DoFHandler<dim>::active_cell_iterator &cell, const Vector<double> &local_u,
                                 const MaterialDescription &material, const Tensor<1, dim> *fibres,
                                 FullMatrix<double> *K, Vector<double> &R, CellPressureField *pressure)
  {
    fe_values.reinit(cell);
    energy = 0.0;

    // Kinematics and the pointwise (isochoric, or full one-field) response at each quadrature point.
    for (unsigned int q = 0; q < n_q; ++q)
      {
        for (unsigned int i = 0; i < n_dofs; ++i)
          if (component[i] == 0)
            grad_ref[node[i]] = fe_values.shape_grad(i, q);
        k::Mat3 F = {{1, 0, 0, 0, 1, 0, 0, 0, 1}};
        for (unsigned int i = 0; i < n_dofs; ++i)
          for (unsigned int d = 0; d < dim; ++d)
            F(component[i], d) += local_u[i] * grad_ref[node[i]][d];
        const double J = k::determinant(F);
        if (!(J > 0.0))
          return false;
        const k::Mat3 Finv = k::inverse(F);
        double       *gq   = &g[q * n_nodes * dim];
        for (unsigned int I = 0; I < n_nodes; ++I)
          for (unsigned int d = 0; d < dim; ++d)
            gq[I * dim + d] = grad_ref[I][0] * Finv(0, d) + grad_ref[I][1] * Finv(1, d) + grad_ref[I][2] * Finv(2, d);
        const double a0[3] = {fibres[q][0], fibres[q][1], fibres[q][2]};
        k::Sym3      t;
        k::Sym4      c;
        energy += fe_values.JxW(q) *
                  k::pointwise_response(material.kernel, F, a0, volumetric == VolumetricFormulation::displacement, t, c);
        for (int I = 0; I < 6; ++I)
          {
            tau[q * 6 + I] = t.v[I];
            for (int L = 0; L < 6; ++L)
              tangent[q * 36 + 6 * I + L] = c.c[I][L];
          }
        det_F[q] = J;
        JxW[q]   = fe_values.JxW(q);
      }

    // Three-field: project J, evaluate U' and U'' at J_tilde, project the pressure, build the condensation.
    double A[4][4] = {};
    if (volumetric == VolumetricFormulation::three_field)
      {
        CellPressureField field;
        field.n_p    = n_p;
        field.centre = cell->center();
        field.h      = cell->diameter();
        M = 0.0;
        KJJ = 0.0;
        bJ = 0.0;
        bp = 0.0;
        for (unsigned int q = 0; q < n_q; ++q)
          {
            pressure_basis(fe_values.quadrature_point(q), field, N[q].data());
            for (unsigned int m = 0; m < n_p; ++m)
              {
                bJ[m] += N[q][m] * det_F[q] * JxW[q];
                for (unsigned int n = 0; n < n_p; ++n)
                  M(m, n) += N[q][m] * N[q][n] * JxW[q];
              }
          }
        Minv.invert(M);
        Minv.vmult(j, bJ);
        for (unsigned int q = 0; q < n_q; ++q)
          {
            double Jt = 0.0;
            for (unsigned int m = 0; m < n_p; ++m)
              Jt += N[q][m] * j[m];
            if (!(Jt > 0.0))
              return false;
            const k::VolumetricResponse v =
              k::volumetric_response(material.kernel.volumetric, material.kernel.bulk_modulus, Jt);
            energy += v.U * JxW[q];
            for (unsigned int m = 0; m < n_p; ++m)
              {
                bp[m] += N[q][m] * v.dU * JxW[q];
                for (unsigned int n = 0; n < n_p; ++n)
                  KJJ(m, n) += N[q][m] * v.d2U * N[q][n] * JxW[q];
              }
          }
        Minv.vmult(p, bp);
        Minv.mmult(tmp, KJJ);
        tmp.mmult(Af, Minv);
        for (unsigned int m = 0; m < n_p; ++m)
          {
            field.coeffs[m] = p[m];
            for (unsigned int n = 0; n < n_p; ++n)
              A[m][n] = Af(m, n);
          }
        std::fill(B.begin(), B.end(), 0.0);
        for (unsigned int q = 0; q < n_q; ++q)
          {
            double pq = 0.0;
            for (unsigned int m = 0; m < n_p; ++m)
              pq += N[q][m] * p[m];
            k::Sym3 t;
            k::Sym4 c;
            for (int I = 0; I < 6; ++I)
              {
                t.v[I] = tau[q * 6 + I];
                for (int L = 0; L < 6; ++L)
                  c.c[I][L] = tangent[q * 36 + 6 * I + L];
              }
            k::add_pressure_stress(det_F[q], pq, t, c);
            for (int I = 0; I < 6; ++I)
              {
                tau[q * 6 + I] = t.v[I];
                for (int L = 0; L < 6; ++L)
                  tangent[q * 36 + 6 * I + L] = c.c[I][L];
              }
            const double *gq = &g[q * n_nodes * dim];
            for (unsigned int i = 0; i < n_dofs; ++i)
              for (unsigned int m = 0; m < n_p; ++m)
                B[i * n_p + m] += N[q][m] * det_F[q] * gq[node[i] * dim + component[i]] * JxW[q];
          }
        if (pressure != nullptr)
          *pressure = field;
      }

    // Internal forces: R_(I,a) = int (tau g_I)_a dV.
    R = 0.0;
    for (unsigned int q = 0; q < n_q; ++q)
      {
        const double *gq = &g[q * n_nodes * dim];
        const double *t  = &tau[q * 6];
        for (unsigned int i = 0; i < n_dofs; ++i)
          {
            const unsigned int a  = component[i];
            const double      *gI = &gq[node[i] * dim];
            double             s  = 0.0;
            for (unsigned int d = 0; d < dim; ++d)
              s += t[k::voigt_index(a, d)] * gI[d];
            R[i] += s * JxW[q];
          }
      }
    if (K == nullptr)
      return true;

    // Tangent: g_I . D_ab . g_J (material) + delta_ab g_I . tau . g_J (geometric), upper triangle then mirror.
    std::fill(node_blocks.begin(), node_blocks.end(), 0.0);
    for (unsigned int q = 0; q < n_q; ++q)
      {
        const double *gq = &g[q * n_nodes * dim];
        const double *c  = &tangent[q * 36];
        const double *t  = &tau[q * 6];
        for (unsigned int J = 0; J < n_nodes; ++J)
          {
            const double *gJ = &gq[J * dim];
            for (unsigned int b = 0; b < dim; ++b)
              for (unsigned int a = 0; a < dim; ++a)
                for (unsigned int kk = 0; kk < dim; ++kk)
                  {
                    const int row = k::voigt_index(a, kk);
                    double    s   = 0.0;
                    for (unsigned int l = 0; l < dim; ++l)
                      s += c[6 * row + k::voigt_index(b, l)] * gJ[l];
                    T[((J * dim + b) * dim + a) * dim + kk] = s;
                  }
            for (unsigned int d = 0; d < dim; ++d)
              tg[J * dim + d] = t[k::voigt_index(d, 0)] * gJ[0] + t[k::voigt_index(d, 1)] * gJ[1] +
                                t[k::voigt_index(d, 2)] * gJ[2];
          }
        // Node-pair 3x3 blocks, upper node triangle: contiguous and branch-free.
        const double w = JxW[q];
        for (unsigned int I = 0; I < n_nodes; ++I)
          {
            const double *gI = &gq[I * dim];
            for (unsigned int J = I; J < n_nodes; ++J)
              {
                const double *TJ  = &T[J * dim * dim * dim];
                const double  geo = gI[0] * tg[J * dim] + gI[1] * tg[J * dim + 1] + gI[2] * tg[J * dim + 2];
                double       *blk = &node_blocks[(I * n_nodes + J) * dim * dim];
                for (unsigned int b = 0; b < dim; ++b)
                  for (unsigned int a = 0; a < dim; ++a)
                    {
                      const double *t = &TJ[(b * dim + a) * dim];
                      blk[a * dim + b] += w * (gI[0] * t[0] + gI[1] * t[1] + gI[2] * t[2] + (a == b ? geo : 0.0));
                    }
              }
          }
      }
    for (unsigned int I = 0; I < n_nodes; ++I)
      for (unsigned int J = I; J < n_nodes; ++J)
        {
          const double *blk = &node_blocks[(I * n_nodes + J) * dim * dim];
          for (unsigned int a = 0; a < dim; ++a)
            for (unsigned int b = 0; b < dim; ++b)
              {
                (*K)(dof_of[I * dim + a], dof_of[J * dim + b]) = blk[a * dim + b];
                (*K)(dof_of[J * dim + b], dof_of[I * dim + a]) = blk[a * dim + b];
              }
        }
    if (volumetric == VolumetricFormulation::three_field)
      for (unsigned int i = 0; i < n_dofs; ++i)
        {
          double BA[4] = {0, 0, 0, 0};
          for (unsigned int m = 0; m < n_p; ++m)
            for (unsigned int n = 0; n < n_p; ++n)
              BA[n] += B[i * n_p + m] * A[m][n];
          for (unsigned int j = 0; j < n_dofs; ++j)
            {
              double s = 0.0;
              for (unsigned int n = 0; n < n_p; ++n)
                s += BA[n] * B[j * n_p + n];
              (*K)(i, j) += s;
            }
        }
    return true;
  }
} // namespace leafmech
