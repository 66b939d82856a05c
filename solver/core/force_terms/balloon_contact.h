#pragma once
/**
 * @file
 * @brief Balloon contact on the solver side: gathers the contact quadrature points of the candidate faces,
 * has the kernels backend (CPU or CUDA) evaluate them in one batch per assembly, and scatters the point forces
 * and 3x3 stiffnesses into the cell systems: R_I += N_I f, K_IJ += N_I N_J k.
 *
 * The contact pressure acts per deformed area (so it compares with the balloon pressure): each point's weight
 * is its deformed area element da = |a_1 x a_2| w (a_k = F T_k, see follower_pressure.h), and the tangent adds
 * the change of da, N_I (f / da) (d da / du_J), d da / du_Jb = w [G1_J (a_2 x m) + G2_J (m x a_1)]_b.
 *
 * With Balloon/Friction coefficient > 0 each point also carries Coulomb friction (kernels/contact/friction.h),
 * whose history is the point's position and friction traction at the last converged increment: commit()
 * takes them from the converged state, a rejected attempt leaves them as they were.
 */
#include <deal.II/base/quadrature_lib.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/fe/fe_values.h>
#include <deal.II/lac/affine_constraints.h>
#include <deal.II/lac/petsc_sparse_matrix.h>
#include <deal.II/lac/petsc_vector.h>

#include <leafmech/kernels/contact/contact_batch.h>
#include <array>
#include <limits>
#include <memory>
#include <solver/core/force_term.h>
#include <solver/models/balloon_model.h>
#include <vector>

namespace leafmech
{
  class BalloonContact : public ForceTerm
  {
  public:
    BalloonContact(const BalloonInflation &inflation, kernels::BackendKind backend);
    /// Contact of the run's balloon with the problem's contact surfaces.
    explicit BalloonContact(const ForceTermContext &context);

    // As a force term: the contact tangent is not symmetric (the change of the deformed area), a withdrawn
    // balloon (contact scale 0) is not assembled at all, Newton starts with the normal stiffness only.
    bool symmetric() const override { return false; }
    void add_global(const AssemblyInput &in, dealii::PETScWrappers::MPI::SparseMatrix *K,
                    dealii::PETScWrappers::MPI::Vector &rhs) override;
    void begin_newton() override
    {
      refresh_facing();
      consistent_from_now = false;
    }
    void begin_iteration(const NewtonProgress &p) override
    {
      // The normal stiffness only until the residual has fallen 100-fold, or until an update has stopped
      // lowering it; then the consistent tangent for the rest of the Newton solve (see consistent_from_now).
      if (p.iteration > 0 && p.residual <= 1e-2 * p.first_residual)
        consistent_from_now = true;
      if (p.iteration > 1 && p.residual >= last_residual)
        consistent_from_now = true;
      last_residual = p.residual;
      set_full_tangent(consistent_from_now);
    }
    Augmentation augment(const dealii::PETScWrappers::MPI::Vector &u, const LoadState &load, unsigned int round,
                         std::string &why) override;
    /// Keeps the multipliers and the friction history of the converged state u (ghosted).
    void commit(const dealii::PETScWrappers::MPI::Vector &ghosted, const dealii::PETScWrappers::MPI::Vector &) override;
    void reject() override { restore_multipliers(); }
    void reset_to_reference() override
    {
      reset_multipliers();
      friction_started = false; // the recoil starts from the reference with nothing sliding
    }
    void save_state(StateWriter &out) const override;
    void load_state(StateReader &in) override;
    /// contact_pressure (MPa, the largest over a cell's contact points) and contact_status (1 in contact).
    void add_output_fields(const dealii::PETScWrappers::MPI::Vector &u, const LoadState &,
                           OutputFields &fields) const override;
    std::string tangent_check_note() const override
    {
      return full_tangent ? "" : " (contact: normal stiffness only)";
    }
    /// Contact points in contact that keep the side they came in on, over all ranks (for the Newton log).
    std::string newton_start_note() const override;

    /// Collects the faces with the given boundary ids on locally owned cells.
    void setup(const dealii::DoFHandler<dim> &dofs, const std::vector<dealii::types::boundary_id> &surfaces);

    /// Scales the contact pressure (penalty and cap) by s in [0, 1]: the deflating balloon's pressure on the
    /// leaflets falls to zero with s (a limp membrane pushes nothing) while its last shape stays as it was.
    void set_scale(double s) { scale = s; }

    /// Adds the contact forces (and stiffness) at the given load factor to rhs (as -R) and K.
    void assemble(const dealii::PETScWrappers::MPI::Vector &u, double load_factor,
                  const dealii::AffineConstraints<double> &c, dealii::PETScWrappers::MPI::SparseMatrix *K,
                  dealii::PETScWrappers::MPI::Vector &rhs);

    /**
     * @brief Full consistent tangent (balloon curvature and change of area) or only the normal penalty
     * stiffness, which stays positive when a load step has just pushed the balloon deep into the tissue.
     */
    void set_full_tangent(bool full) { full_tangent = full; }
    bool uses_full_tangent() const { return full_tangent; }

    /// The next evaluation decides afresh which points face the balloon (call at the start of an increment).
    void refresh_facing() { facing_stale = true; }
    /// Points in contact that now face the other way but keep their side (last refresh, this rank).
    unsigned int sides_kept_here() const { return sides_kept; }

    /// Augmented Lagrangian: multipliers <- max(0, multiplier - eps gap) from the last evaluation.
    void augment();
    void reset_multipliers();
    /// Keeps the multipliers of a converged state / returns to them after a failed attempt.
    void save_multipliers() { saved = points.multiplier; }
    void restore_multipliers()
    {
      if (saved.size() == points.multiplier.size())
        points.multiplier = saved;
    }

    /// The contact's memory of a converged state, for a checkpoint: multipliers, the side each point faces and
    /// the friction history.
    struct History
    {
      std::vector<double> multiplier, saved;
      std::vector<char>   facing;
      bool                sides_decided = false;
      std::vector<double> x_prev, traction_prev;
      bool                friction_started = false;
      double              friction_work    = 0.0;
    };
    History history() const
    {
      return {points.multiplier, saved,          facing,           sides_decided,
              points.x_prev,     points.traction_prev, friction_started, friction_work};
    }
    /// Returns to a checkpointed history; throws std::runtime_error if it belongs to other contact points.
    void restore(const History &h);

    struct Summary
    {
      /// 2 x force-weighted mean distance from the axis of the loaded points on the waist (mm); 0 if none
      double achieved_diameter = 0;
      double free_diameter     = 0; ///< mm
      double balloon_pressure  = 0; ///< MPa
      double max_pressure      = 0; ///< largest contact pressure (MPa)
      double max_penetration   = 0; ///< mm
      double total_force       = 0; ///< N
      double friction_force    = 0; ///< sum of the points' friction force magnitudes (N), beside total_force
      double friction_work     = 0; ///< work of the friction against the slip since the run started (mJ)
      unsigned int points_in_contact = 0;
    };
    /// Evaluates the state at u (all ranks take part) and summarises it.
    Summary summarise(const dealii::PETScWrappers::MPI::Vector &u, double load_factor, MPI_Comm comm);

    /// Largest contact pressure (MPa) of each locally owned cell's contact points (indexed by active cell index).
    std::vector<double> cell_pressure(unsigned int n_active_cells) const;

    const BalloonInflation &inflation() const { return balloon; }

  private:
    void evaluate(const dealii::PETScWrappers::MPI::Vector &u, double load_factor);
    /// Deformed face tangents a_1, a_2 at quadrature point q of the face last passed to face_values->reinit.
    void face_tangents(unsigned int face, unsigned int q, const dealii::Vector<double> &local_u,
                       dealii::Tensor<1, dim> T[2], dealii::Tensor<1, dim> a[2]) const;

    const BalloonInflation                  &balloon;
    MPI_Comm                                 comm = MPI_COMM_SELF;
    dealii::TimerOutput                     *timer = nullptr;
    std::ostream                            *log = nullptr;
    std::unique_ptr<kernels::ContactEvaluator> evaluator;
    std::unique_ptr<dealii::FEFaceValues<dim>> face_values;
    std::vector<std::pair<dealii::DoFHandler<dim>::active_cell_iterator, unsigned int>> faces;
    kernels::ContactPointArrays              points;
    /// Reference and deformed face tangents T_1, T_2, a_1, a_2 of every point at the last evaluation.
    std::vector<std::array<dealii::Tensor<1, dim>, 4>> tangents;
    /// Deformed unit outward normal of every point at the last evaluation.
    std::vector<dealii::Tensor<1, dim>> normals;
    BalloonState                             last_state;
    double                                   state_load_factor = std::numeric_limits<double>::quiet_NaN();
    double                                   scale = 1.0, state_scale = 1.0, state_target = 0.0;
    unsigned int                             sides_kept = 0;
    bool                                     sides_decided  = false;
    std::vector<double>                      saved;
    /// Per point: 1 if its face faces the balloon (takes load), 0 if shielded.
    std::vector<char>                        facing;
    bool                                     facing_stale = true;
    bool                                     friction_started = false; ///< x_prev holds a converged state
    double                                   friction_work    = 0.0;   ///< mJ, all ranks, committed
    bool                                     full_tangent = true;
    /**
     * The p dn/dx curvature term waits for a 100-fold fall of the residual: at first touch, or when a step
     * has pushed the balloon deep into the tissue, it can point Newton away from contact (the pressure-limited
     * tube stalls at touch with it from the start). But it is also what stiffens a leaflet sliding round the
     * curved balloon under pressure: without it the direction can stop descending altogether (at a 22 mm
     * waist the line search cut to 1/256 with the residual growing), and then it comes back. The first update
     * is not judged: the residual before it is that of the unbalanced new load.
     */
    bool                                     consistent_from_now = false; ///< this Newton solve
    double                                   last_residual       = 0.0;   ///< |R| before the last update
    unsigned int                             n_q = 0;
    unsigned int                             n_cells = 0; ///< active cells of the mesh (output fields)
  };
} // namespace leafmech
