#pragma once
/**
 * @file
 * @brief How far the elastically held face (the annulus) moves: its mean diameter change, in mm and as a
 * percentage of its mean diameter, its largest outward motion and the springs' radial force.
 */
#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  class ElasticSupport;

  struct AnnulusResult
  {
    double dilation_mm      = 0; ///< change of the mean diameter, 2 x the mean radial displacement
    double dilation_percent = 0; ///< of the mean reference diameter
    double max_radial_mm    = 0; ///< largest outward radial displacement
    double radial_force_N   = 0; ///< total outward radial force on the support
  };

  class AnnularDilation : public PostprocessorOf<AnnulusResult>
  {
  public:
    explicit AnnularDilation(const ElasticSupport &support) : support(support) {}

  protected:
    AnnulusResult compute(PostprocessContext &context) override;
    void          columns_of(const AnnulusResult &r, Columns &out) const override;

  private:
    const ElasticSupport &support;
  };
} // namespace leafmech
