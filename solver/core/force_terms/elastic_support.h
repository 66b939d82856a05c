#pragma once
/**
 * @file
 * @brief An elastic foundation on one boundary (ElasticSupportSpec: the annulus held by the myocardium instead
 * of a rigid ring): springs to ground per reference area, radial and circumferential/axial stiffness about the
 * problem's axis. Linear in u with a constant, symmetric tangent; a cell-local term.
 */
#include <deal.II/fe/fe_values.h>

#include <solver/core/force_term.h>
#include <solver/models/problem.h>

namespace leafmech
{
  /// The supported face's motion, summed over the ranks.
  struct SupportMotion
  {
    double area_mm2              = 0; ///< reference area of the supported face
    double mean_radius_mm        = 0; ///< area-weighted mean reference distance from the axis
    double mean_radial_mm        = 0; ///< area-weighted mean radial displacement (outwards > 0)
    double max_radial_mm         = 0; ///< largest outward radial displacement
    double radial_force_N        = 0; ///< the springs' total outward radial force on the ground, int k_r u_r dA
    double axial_displacement_mm = 0; ///< area-weighted mean displacement along the axis
  };

  class ElasticSupport : public ForceTerm
  {
  public:
    ElasticSupport(const ForceTermContext &context, const ElasticSupportSpec &spec);

    bool cell_local() const override { return true; }
    bool add_cell(const dealii::DoFHandler<dim>::active_cell_iterator &cell, const dealii::Vector<double> &local_u,
                  const LoadState &load, dealii::FullMatrix<double> *K, dealii::Vector<double> &R) override;

    /// The face's motion at u (ghosted; collective).
    SupportMotion motion(const dealii::PETScWrappers::MPI::Vector &u) const;

    const ElasticSupportSpec &spec() const { return support; }

  private:
    /// e_r at a reference point (zero on the axis).
    dealii::Tensor<1, dim> radial(const dealii::Point<dim> &X) const;
    /// The stiffness tensor k_r e_r e_r + k_o (I - e_r e_r).
    dealii::Tensor<2, dim> stiffness(const dealii::Point<dim> &X) const;

    const ElasticSupportSpec              support;
    const dealii::DoFHandler<dim>        &dofs;
    MPI_Comm                              comm;
    mutable dealii::FEFaceValues<dim>     face_values;
    std::vector<unsigned int>             component;
  };
} // namespace leafmech
