#pragma once
/**
 * @file
 * @brief The cells' internal forces: the hyperelastic stress of every cell (solver/core/cell_integrator.h)
 * with the fibre direction at its quadrature points. The first term of every sum, and the one that knows the
 * fibre field and the three-field pressure of each cell for stress output and post-processing.
 */
#include <solver/core/cell_integrator.h>
#include <solver/core/force_term.h>

namespace leafmech
{
  class CellForces : public ForceTerm
  {
  public:
    explicit CellForces(const ForceTermContext &context);

    bool cell_local() const override { return true; }
    bool add_cell(const dealii::DoFHandler<dim>::active_cell_iterator &cell, const dealii::Vector<double> &local_u,
                  const LoadState &, dealii::FullMatrix<double> *K, dealii::Vector<double> &R) override;

    /// Unit reference fibre direction at a point of a cell given in unit-cell coordinates: the valve's
    /// vertex field interpolated trilinearly and renormalised, or the material's direction.
    dealii::Tensor<1, dim> fibre_direction(const dealii::DoFHandler<dim>::active_cell_iterator &cell,
                                           const dealii::Point<dim> &unit_point) const;

    /**
     * @brief Projected pressure of every locally owned cell at `u` (indexed by active cell index; three-field
     * only); if `strain_energy` is given, it receives the strain energy (mJ) from the same pass (all ranks).
     */
    std::vector<CellPressureField> pressure_fields(const dealii::PETScWrappers::MPI::Vector &u,
                                                   double *strain_energy = nullptr) const;

    /// The pressure field of one cell at its local dofs (three-field formulation).
    CellPressureField pressure_field(const dealii::DoFHandler<dim>::active_cell_iterator &cell,
                                     const dealii::Vector<double> &local_u) const;

    const MaterialDescription &material(dealii::types::material_id id) const { return parameters.materials[id]; }
    VolumetricFormulation      formulation() const { return parameters.formulation; }

  private:
    const SolverParameters                 &parameters;
    const Problem                          &problem;
    const dealii::DoFHandler<dim>          &dofs;
    MPI_Comm                                comm;
    const unsigned int                      n_q;
    mutable std::unique_ptr<CellIntegrator> integrator; // scratch of the element loop
    /// Fibre direction at every quadrature point of every locally owned cell: [active cell index * n_q + q].
    std::vector<dealii::Tensor<1, dim>> fibres_at_q;
  };
} // namespace leafmech
