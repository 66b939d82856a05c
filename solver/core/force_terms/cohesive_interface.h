#pragma once
/**
 * @file
 * @brief The cohesive interface that holds a fused commissure together until it splits (faces with boundary
 * id fusion_interface; any problem may declare one).
 *
 * Every node on one side is paired with the node at the same point on the other side. The pair's jump
 * d = u_B - u_A carries the cohesive law of kernels/cohesive.h over the node's tributary area
 * w = int N_i dA: nodal integration of the interface, the scheme cohesive-zone elements use to avoid traction
 * oscillations. The damage history (largest effective opening) of each pair advances only when a load step
 * has converged, so a rejected or cut increment never damages, and nothing heals. Pairs may straddle ranks:
 * the owner of side A assembles the pair and ghosts side B.
 */
#include <deal.II/base/index_set.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/dynamic_sparsity_pattern.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <array>
#include <optional>
#include <solver/core/force_term.h>
#include <solver/models/problem.h>
#include <string>
#include <vector>

namespace leafmech
{
  class CohesiveInterface : public ForceTerm
  {
  public:
    CohesiveInterface() = default;
    /// The problem's interface on the fusion_interface faces.
    explicit CohesiveInterface(const ForceTermContext &context);

    /// State of one group of the interface, summed over all ranks.
    struct GroupState
    {
      std::string name;
      double      length_mm        = 0; ///< extent of the interface along its longest direction
      std::optional<double> fused_length_mm; ///< the fusion the geometry was built with, if known
      double      area_mm2         = 0;
      double      separated_mm2    = 0; ///< fully separated (damage 1)
      double      cracking_mm2     = 0; ///< past the peak traction (the process zone and the separated part)
      double      max_opening_mm   = 0; ///< largest |u_B - u_A|
      double      dissipated_mJ    = 0; ///< energy dissipated by the damage so far
      double      force_N          = 0; ///< magnitude of the resultant force the interface transmits
      /// Split length: the separated share of the interface times its length (the split runs through the
      /// thickness from the free edge, so the share of area is the share of length).
      double split_length_mm() const { return area_mm2 > 0 ? length_mm * separated_mm2 / area_mm2 : 0.0; }
    };

    /// Pairs the nodes of the faces with boundary id `id`; throws std::runtime_error if a node has no partner.
    void setup(const dealii::DoFHandler<dim> &dofs, dealii::types::boundary_id id, const CohesiveSpec &spec,
               MPI_Comm comm);

    bool         active() const { return n_global > 0; }
    unsigned int n_pairs_global() const { return n_global; }

    /// Partner dofs this rank reads but does not own (add them to the ghosted vectors' index set).
    const dealii::IndexSet &ghost_dofs() const { return ghosts; }

    void add_ghost_dofs(dealii::IndexSet &relevant) const override { relevant.add_indices(ghosts); }
    void add_sparsity(dealii::DynamicSparsityPattern &dsp) const override;
    void add_global(const AssemblyInput &in, dealii::PETScWrappers::MPI::SparseMatrix *K,
                    dealii::PETScWrappers::MPI::Vector &rhs) override
    {
      assemble(in.u, in.constraints, K, rhs);
    }
    void begin_increment(const dealii::PETScWrappers::MPI::Vector &, double d_lambda) override
    {
      set_increment(d_lambda);
    }
    void commit(const dealii::PETScWrappers::MPI::Vector &ghosted, const dealii::PETScWrappers::MPI::Vector &) override
    {
      commit(ghosted);
    }
    void save_state(StateWriter &out) const override { out << histories(); }
    void load_state(StateReader &in) override;
    /// cohesive_damage, cohesive_normal_opening and cohesive_shear_opening (fill_fields).
    void add_output_fields(const dealii::PETScWrappers::MPI::Vector &u, const LoadState &,
                           OutputFields &fields) const override;

    /// Adds -R (and K) of the locally assembled pairs, through the constraints, to the global system.
    void assemble(const dealii::PETScWrappers::MPI::Vector &u, const dealii::AffineConstraints<double> &c,
                  dealii::PETScWrappers::MPI::SparseMatrix *K, dealii::PETScWrappers::MPI::Vector &rhs) const;

    /// The load increment since the last converged state (the time step of the damage viscosity).
    void set_increment(double dt) { increment = dt; }

    /// Makes the damage of the converged state `u` permanent.
    void commit(const dealii::PETScWrappers::MPI::Vector &u);

    /// The committed history of every pair assembled here, for a checkpoint, and the way back to it.
    std::vector<kernels::CohesiveHistory> histories() const;
    void restore(const std::vector<kernels::CohesiveHistory> &h);

    std::vector<GroupState> groups(const dealii::PETScWrappers::MPI::Vector &u, MPI_Comm comm) const;

    /**
     * @brief Damage, normal opening (mm) and shear opening (mm) at the interface nodes, stored in the
     * x, y and z displacement dofs of both sides of every pair (zero elsewhere): output as three scalar fields.
     */
    void fill_fields(const dealii::PETScWrappers::MPI::Vector &u, dealii::PETScWrappers::MPI::Vector &fields) const;

  private:
    struct Pair
    {
      std::array<dealii::types::global_dof_index, dim> a, b;
      double                                           weight; ///< tributary area (mm^2)
      std::array<double, dim>                          normal; ///< unit, out of side A
      unsigned int                                     group;
      unsigned int                                     law; ///< index into `laws`
      kernels::CohesiveHistory                         history; ///< of the last converged state
    };
    /// The jump u_B - u_A of a pair.
    std::array<double, dim> jump(const Pair &p, const dealii::PETScWrappers::MPI::Vector &u) const;

    std::vector<Pair>        pairs; ///< assembled here
    dealii::IndexSet         ghosts;
    std::vector<kernels::CohesiveLaw> laws;
    std::vector<std::string> group_names;
    std::vector<double>      group_lengths;
    std::vector<double>      fused_lengths; ///< per group; empty: not known
    unsigned int             n_global  = 0;
    double                   increment = 1.0;
  };
} // namespace leafmech
