#pragma once
/**
 * @file
 * @brief The balloon against the valve: the waist it reached, the size it is set to, its pressure and the
 * contact it makes; and the balloon surface as a side file of the output (balloon.pvd).
 */
#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  class BalloonContact;

  struct BalloonResult
  {
    double       free_diameter_mm         = 0; ///< the waist the balloon would take unloaded
    double       achieved_diameter_mm     = 0; ///< 2 x force-weighted mean radius of the loaded waist points
    double       pressure_kPa             = 0; ///< balloon pressure (0 in diameter control)
    double       max_contact_pressure_kPa = 0;
    double       contact_force_N          = 0;
    double       max_penetration_mm       = 0;
    double       friction_force_N         = 0; ///< sum of the friction force magnitudes (as contact_force_N sums the normal ones)
    double       friction_work_mJ         = 0; ///< work of the friction against the slip so far
    unsigned int points_in_contact        = 0;
  };

  class BalloonStatus : public PostprocessorOf<BalloonResult>
  {
  public:
    explicit BalloonStatus(BalloonContact &contact) : contact(contact) {}
    void add_output_fields(PostprocessContext &context, OutputFields &fields) override;

  protected:
    BalloonResult compute(PostprocessContext &context) override;
    void          columns_of(const BalloonResult &r, Columns &out) const override;

  private:
    BalloonContact &contact;
  };
} // namespace leafmech
