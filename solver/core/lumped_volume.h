#pragma once
/**
 * @file
 * @brief The lumped volume of each free dof: the row sum of the consistent mass matrix at unit density
 * (positive for Lagrange Q1/Q2), so a per-volume force such as damping or inertia does not depend on the mesh.
 * Used by the viscous stabilisation and the inertia.
 */
#include <deal.II/base/quadrature.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>

#include <base/types.h>
#include <mpi.h>
#include <vector>

namespace leafmech
{
  struct LumpedVolume
  {
    std::vector<dealii::types::global_dof_index> dofs;   ///< the locally owned dofs the constraints leave free
    std::vector<double>                          volume; ///< mm^3, per entry of dofs
  };

  LumpedVolume lumped_volume(const dealii::DoFHandler<dim> &dofs, const dealii::Quadrature<dim> &quadrature,
                             const dealii::AffineConstraints<double> &constraints, MPI_Comm comm);
} // namespace leafmech
