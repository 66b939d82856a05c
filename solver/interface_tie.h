#pragma once
/**
 * @file
 * @brief Ties the two coincident sides of a fused commissure (faces with boundary id fusion_interface).
 *
 * Every displacement dof on one side is paired with the dof of the same component at the same point on the
 * other side, and the pair is joined by a penalty spring of stiffness k * w (k in MPa/mm, w the dof's tributary
 * area int N_i dA): nodal integration of the interface, the scheme cohesive-zone elements use to avoid traction
 * oscillations. Pairs may straddle ranks: the owner of the first dof assembles the pair and ghosts the second.
 */
#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <solver/types.h>
#include <vector>

namespace leafmech
{
  class InterfaceTie
  {
  public:
    /// Pairs the dofs of the faces with boundary id `id`; throws std::runtime_error if a dof has no partner.
    void setup(const dealii::DoFHandler<dim> &dofs, dealii::types::boundary_id id, double stiffness, MPI_Comm comm);

    /// Partner dofs this rank reads but does not own (add them to the ghosted vectors' index set).
    const dealii::IndexSet &ghost_dofs() const { return ghosts; }

    void add_sparsity(dealii::DynamicSparsityPattern &dsp) const;

    /// Adds -R (and K) of the locally assembled pairs, through the constraints, to the global system.
    void assemble(const dealii::PETScWrappers::MPI::Vector &u, const dealii::AffineConstraints<double> &c,
                  dealii::PETScWrappers::MPI::SparseMatrix *K, dealii::PETScWrappers::MPI::Vector &rhs) const;

    /// Largest opening |u_A - u_B| (mm) over all pairs of all ranks.
    double max_opening(const dealii::PETScWrappers::MPI::Vector &u, MPI_Comm comm) const;

    unsigned int n_pairs_global() const { return n_global; }

  private:
    struct Pair
    {
      dealii::types::global_dof_index a, b;
      double                          weight; ///< tributary area (mm^2)
    };
    std::vector<Pair> pairs; ///< assembled here
    dealii::IndexSet  ghosts;
    double            stiffness = 0.0;
    unsigned int      n_global  = 0;
  };
} // namespace leafmech
