#pragma once
/**
 * @file
 * @brief Dead-load tractions of the problem on its boundary faces (MPa per reference area; Cook's membrane's
 * shear load): R_i -= int N_i t dA, a cell-local force term with no tangent.
 */
#include <deal.II/fe/fe_values.h>

#include <solver/core/force_term.h>

namespace leafmech
{
  class BoundaryTraction : public ForceTerm
  {
  public:
    explicit BoundaryTraction(const ForceTermContext &context);

    bool cell_local() const override { return true; }
    bool add_cell(const dealii::DoFHandler<dim>::active_cell_iterator &cell, const dealii::Vector<double> &local_u,
                  const LoadState &load, dealii::FullMatrix<double> *K, dealii::Vector<double> &R) override;

  private:
    const Problem            &problem;
    dealii::FEFaceValues<dim> face_values;
    std::vector<unsigned int> component;
  };
} // namespace leafmech
