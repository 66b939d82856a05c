#pragma once
/**
 * @file
 * @brief Chordae tendineae as tension-only cables (kernels/cable.h) from leaflet vertices to fixed
 * papillary-muscle tips. The rank owning a vertex's dofs assembles its chorda.
 *
 * Rheumatic shortening: the rest length is the reference length times a factor that is reached at full load,
 * L0(lambda) = L_ref (1 - lambda (1 - factor)), so tethering is applied gradually with the pressure.
 */
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <leafmech/kernels/cable.h>
#include <meshes/valve_mesh.h>
#include <solver/core/force_term.h>
#include <vector>

namespace leafmech
{
  class Chordae : public ForceTerm
  {
  public:
    Chordae() = default;
    /// The valve's chordae (ValveFeatures).
    explicit Chordae(const ForceTermContext &context);

    void add_global(const AssemblyInput &in, dealii::PETScWrappers::MPI::SparseMatrix *K,
                    dealii::PETScWrappers::MPI::Vector &rhs) override
    {
      assemble(in.u, in.load.problem, in.constraints, K, rhs);
    }

    /// Finds each chorda's vertex dofs; throws std::runtime_error if an attachment is not a mesh vertex.
    void setup(const dealii::DoFHandler<dim> &dofs, const std::vector<ChordSpec> &specs, const kernels::CableLaw &law,
               double rest_length_factor, MPI_Comm comm);

    void assemble(const dealii::PETScWrappers::MPI::Vector &u, double load_factor,
                  const dealii::AffineConstraints<double> &c, dealii::PETScWrappers::MPI::SparseMatrix *K,
                  dealii::PETScWrappers::MPI::Vector &rhs) const;

    /// Tension (N) of every chorda, in input order, on every rank.
    std::vector<double> tensions(const dealii::PETScWrappers::MPI::Vector &u, double load_factor, MPI_Comm comm) const;

    /// Deformed attachment points (mm) of every chorda, on every rank.
    std::vector<dealii::Point<dim>> attachments(const dealii::PETScWrappers::MPI::Vector &u, MPI_Comm comm) const;

    const std::vector<ChordSpec> &specs() const { return all; }

  private:
    struct Local
    {
      unsigned int                                   index;
      std::array<dealii::types::global_dof_index, 3> dofs;
      double                                         reference_length;
    };
    double response(const Local &chord, const dealii::PETScWrappers::MPI::Vector &u, double load_factor, double f[3],
                    double K[9]) const;

    std::vector<ChordSpec> all;
    std::vector<Local>     local;
    kernels::CableLaw      law;
    double                 factor = 1.0;
  };
} // namespace leafmech
