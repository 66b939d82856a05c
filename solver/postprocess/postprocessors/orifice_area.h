#pragma once
/**
 * @file
 * @brief The valve's geometric orifice area (meshes/orifice_area.h): the opening seen along the valve axis,
 * rasterised at the valve's Orifice raster pixel. At the end of the diastolic loading it is the MVA before the
 * procedure, at the end of the deflation the MVA after it.
 */
#include <solver/postprocess/postprocessor.h>

namespace leafmech
{
  struct OrificeResult
  {
    double area_cm2 = 0;
  };

  class OrificeArea : public PostprocessorOf<OrificeResult>
  {
  public:
    explicit OrificeArea(double pixel_mm) : pixel(pixel_mm) {}

  protected:
    OrificeResult compute(PostprocessContext &context) override;
    void          columns_of(const OrificeResult &r, Columns &out) const override;

  private:
    const double pixel;
  };
} // namespace leafmech
