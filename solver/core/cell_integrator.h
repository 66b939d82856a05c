#pragma once
/**
 * @file
 * @brief Cell-level internal force vector and consistent tangent of the finite-strain solid.
 *
 * Two volumetric formulations:
 *  - displacement: U(J) evaluated at every quadrature point (locks for nearly incompressible materials);
 *  - three-field: Hu-Washizu with a dilatation J_tilde and pressure p that are discontinuous polynomials of
 *    degree k-1 on each cell (Q1-P0 mean dilatation, Q2-P1), condensed statically inside the cell:
 *      J_tilde = Pi(J),  p = Pi(U'(J_tilde)),  K += B M^-1 K_JJ M^-1 B^T,
 *    with Pi the cell-wise L2 projection, M the pressure mass matrix, B_(i,m) = int N_m J div(phi_i) dV and
 *    K_JJ = int N_m U''(J_tilde) N_n dV. The global system stays displacement-only and symmetric.
 */
#include <deal.II/base/quadrature.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/vector.h>

#include <array>
#include <solver/models/material_model.h>
#include <vector>

namespace leafmech
{
  enum class VolumetricFormulation
  {
    three_field,
    displacement
  };

  /// The cell's projected pressure (MPa) as a polynomial in reference coordinates.
  struct CellPressureField
  {
    unsigned int           n_p = 0;
    double                 coeffs[4] = {0, 0, 0, 0};
    dealii::Point<dim>     centre;
    double                 h = 1.0;

    double operator()(const dealii::Point<dim> &X) const
    {
      double p = coeffs[0];
      for (unsigned int d = 1; d < n_p; ++d)
        p += coeffs[d] * (X[d - 1] - centre[d - 1]) / h;
      return p;
    }
  };

  class CellIntegrator
  {
  public:
    CellIntegrator(const dealii::FiniteElement<dim> &fe, const dealii::Quadrature<dim> &quadrature,
                   VolumetricFormulation formulation);

    /**
     * @brief Internal force vector R (N) and, if K is given, the tangent dR/du of one cell.
     * @param local_u displacement dofs of the cell in the finite element's order.
     * @param fibres unit fibre direction at each quadrature point.
     * @param pressure if given, receives the cell's pressure field (three-field formulation only).
     * @return false if the deformation is inadmissible (J <= 0 at a quadrature point, or a projected
     * dilatation <= 0); R and K are then undefined.
     */
    bool integrate(const dealii::DoFHandler<dim>::active_cell_iterator &cell, const dealii::Vector<double> &local_u,
                   const MaterialDescription &material, const dealii::Tensor<1, dim> *fibres,
                   dealii::FullMatrix<double> *K, dealii::Vector<double> &R, CellPressureField *pressure = nullptr);

    /// Strain energy (mJ) of the cell last integrated: W_iso + U(J_tilde) (three-field) or W (one-field).
    double strain_energy() const { return energy; }

  private:
    void pressure_basis(const dealii::Point<dim> &X, const CellPressureField &field, double *N) const;

    dealii::FEValues<dim>     fe_values;
    double                    energy = 0.0;
    const VolumetricFormulation volumetric;
    const unsigned int        n_dofs, n_nodes, n_q, n_p;
    std::vector<unsigned int> component, node;

    // Per-quadrature-point scratch: spatial shape gradients g, Kirchhoff stress, tangent, J, weights.
    std::vector<double> g, tau, tangent, det_F, JxW;
    std::vector<dealii::Tensor<1, dim>> grad_ref;
    std::vector<double> B; // n_dofs x n_p coupling, three-field only
    // Three-field projection scratch (n_p x n_p matrices, n_p vectors, pressure basis at each point).
    dealii::FullMatrix<double>         M, Minv, KJJ, tmp, Af;
    dealii::Vector<double>             bJ, j, bp, p;
    std::vector<std::array<double, 4>> N;
    // Tangent scratch: T[J][b][a][k] = sum_l c_akbl g_J,l, tau g_J, node-pair blocks, dof of (node, component).
    std::vector<double>       T, tg, node_blocks;
    std::vector<unsigned int> dof_of;
  };
} // namespace leafmech
