#pragma once
/**
 * @file
 * @brief A hoop membrane on one boundary (HoopRingSpec: the fibrous annulus as a ring). With T the face's unit
 * reference tangent along the circle about the axis and lambda = |F T|, it stores E t / 2 (lambda - 1)^2 per
 * reference area: the ring resists stretching and shortening along its circumference, not bending, so it lets
 * the annulus ovalise where radial springs would hold each point in place. A cell-local term.
 */
#include <deal.II/fe/fe_values.h>

#include <solver/core/force_term.h>
#include <solver/models/problem.h>

namespace leafmech
{
  class HoopRing : public ForceTerm
  {
  public:
    HoopRing(const ForceTermContext &context, const HoopRingSpec &spec);

    bool cell_local() const override { return true; }
    bool add_cell(const dealii::DoFHandler<dim>::active_cell_iterator &cell, const dealii::Vector<double> &local_u,
                  const LoadState &load, dealii::FullMatrix<double> *K, dealii::Vector<double> &R) override;

  private:
    /// T at a face quadrature point: the hoop direction about the axis, projected into the face's plane.
    dealii::Tensor<1, dim> hoop_tangent(const dealii::Point<dim> &X, const dealii::Tensor<1, dim> &normal) const;

    const HoopRingSpec                ring;
    mutable dealii::FEFaceValues<dim> face_values;
    std::vector<unsigned int>         component;
  };
} // namespace leafmech
