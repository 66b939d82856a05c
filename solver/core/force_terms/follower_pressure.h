#pragma once
/**
 * @file
 * @brief Pressure on a deformed boundary face (a follower load) and its consistent, non-symmetric tangent.
 *
 * With the face parametrised by reference coordinates (xi_1, xi_2), its deformed tangents are a_k = F T_k
 * (T_k = dX/dxi_k) and the area-weighted outward normal is s (a_1 x a_2), s = +-1 from the reference outward
 * normal. The pressure's nodal force is f_I = -p int N_I s (a_1 x a_2) dxi, and
 *   d(a_1 x a_2)/du_Jb = G1_J (e_b x a_2) + G2_J (a_1 x e_b),  G_k,J = grad N_J . T_k.
 */
#include <deal.II/base/quadrature.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/full_matrix.h>
#include <deal.II/lac/vector.h>

#include <solver/core/force_term.h>

namespace leafmech
{
  /// The problem's pressures on its boundary faces (a cell-local force term; the valve's transmitral pressure).
  class FollowerPressure : public ForceTerm
  {
  public:
    /// `problem` gives the pressure of each boundary id (may be nullptr when add() is called directly).
    FollowerPressure(const dealii::FiniteElement<dim> &fe, const dealii::Quadrature<dim - 1> &quadrature,
                     const Problem *problem = nullptr);

    bool cell_local() const override { return true; }
    bool symmetric() const override { return false; }
    bool add_cell(const dealii::DoFHandler<dim>::active_cell_iterator &cell, const dealii::Vector<double> &local_u,
                  const LoadState &load, dealii::FullMatrix<double> *K, dealii::Vector<double> &R) override;

    /**
     * @brief Adds the pressure p (MPa) on face `face` to the cell's residual R (internal minus external force)
     * and, if K is given, to its tangent.
     */
    void add(const dealii::DoFHandler<dim>::active_cell_iterator &cell, unsigned int face,
             const dealii::Vector<double> &local_u, double p, dealii::FullMatrix<double> *K,
             dealii::Vector<double> &R);

  private:
    const Problem            *problem;
    dealii::FEFaceValues<dim> face_values;
    std::vector<unsigned int> component;
  };
} // namespace leafmech
