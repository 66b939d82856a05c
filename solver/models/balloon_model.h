#pragma once
/**
 * @file
 * @brief Balloon models (one file each in solver/balloons/, registered by name) and the inflation that
 * drives them: diameter-controlled (the waist follows the load factor to the target diameter) or
 * pressure-limited (the balloon pressure follows the load factor to its maximum, the free diameter follows the
 * compliance table D(p), and the contact pressure is capped at the balloon pressure, so a stiff valve holds
 * the balloon below its nominal size).
 */
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>

#include <functional>
#include <leafmech/kernels/contact/contact_batch.h>
#include <memory>
#include <base/piecewise_linear.h>
#include <base/registry.h>
#include <base/types.h>
#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  /// 1 atm in MPa.
  constexpr double atm = 0.101325;

  class BalloonModel
  {
  public:
    virtual ~BalloonModel() = default;
    /**
     * @brief The balloon's lobes in its own frame (axis along z through the origin, the waist at z = 0) when
     * the inflation has progressed to `progress` in [0, 1] towards the waist diameter `diameter` (mm).
     */
    virtual kernels::BalloonGeometry shape(double progress, double diameter, double deflated_diameter) const = 0;

    /// Half the axial length (mm) of the part whose diameter the inflation controls (the waist).
    virtual double waist_half_length() const = 0;
  };

  struct BalloonModelInfo
  {
    std::string                                                              description;
    std::function<void(dealii::ParameterHandler &)>                          declare;
    std::function<std::unique_ptr<BalloonModel>(dealii::ParameterHandler &)> create;
  };

  using BalloonRegistry = Registry<BalloonModelInfo>;

  /// The balloon at one load factor, in the world frame.
  struct BalloonState
  {
    kernels::BalloonGeometry geometry;
    kernels::ContactLaw      law;
    double                   free_diameter; ///< the waist diameter the balloon would take unloaded (mm)
    double                   pressure;      ///< balloon pressure (MPa); 0 in diameter control
  };

  class BalloonInflation
  {
  public:
    /// Reads the "Balloon" section; `enabled()` is false for Model = none.
    explicit BalloonInflation(dealii::ParameterHandler &prm);

    bool enabled() const { return model != nullptr; }
    bool pressure_limited() const { return control == "pressure"; }
    bool augmented_lagrangian() const { return augmented; }
    double gap_tolerance() const { return tolerance; }
    unsigned int max_augmentations() const { return augmentations; }
    const std::string &model_name() const { return name; }
    double target_diameter() const { return target; }
    /// A new waist diameter (mm) for the next inflation (the stepwise protocol); diameter control only.
    void set_target(double diameter);

    BalloonState state(double load_factor) const;

    /// Half the axial length (mm) of the controlled part: the achieved diameter is measured there.
    double waist_half_length() const { return model->waist_half_length(); }

  private:
    std::string                   name, control;
    std::unique_ptr<BalloonModel> model;
    double                        target = 0, deflated = 0, max_pressure = 0, penalty = 0, tolerance = 0, smoothing = 0;
    double                        friction = 0, tangential_factor = 1;
    bool                          augmented = false;
    unsigned int                  augmentations = 0;
    dealii::Point<dim>            axis_point;
    dealii::Tensor<1, dim>        axis;
    PiecewiseLinear compliance; ///< free diameter (mm) against balloon pressure (MPa)
  };

  /**
   * @brief The balloon frame (e1, e2) normal to a unit axis: e1 is the x direction (through the commissures)
   * made normal to the axis (y if the axis is nearly x), e2 = axis x e1.
   */
  std::pair<dealii::Tensor<1, dim>, dealii::Tensor<1, dim>> axis_frame(const dealii::Tensor<1, dim> &axis);

  /// Declares the "Balloon" section: model choice, control, contact and one subsection per model.
  void declare_balloon_parameters(dealii::ParameterHandler &prm);
} // namespace leafmech
