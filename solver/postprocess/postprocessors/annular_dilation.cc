#include <solver/core/force_terms/elastic_support.h>
#include <solver/postprocess/postprocessors/annular_dilation.h>

namespace leafmech
{
  AnnulusResult AnnularDilation::compute(PostprocessContext &c)
  {
    const SupportMotion m = support.motion(c.solver.displacement());
    AnnulusResult       r;
    r.dilation_mm      = 2 * m.mean_radial_mm;
    r.dilation_percent = m.mean_radius_mm > 0 ? 100 * m.mean_radial_mm / m.mean_radius_mm : 0.0;
    r.max_radial_mm    = m.max_radial_mm;
    r.radial_force_N   = m.radial_force_N;
    return r;
  }

  void AnnularDilation::columns_of(const AnnulusResult &r, Columns &out) const
  {
    out.insert(out.end(), {{"annular_dilation_mm", r.dilation_mm},
                           {"annular_dilation_percent", r.dilation_percent},
                           {"annulus_max_radial_mm", r.max_radial_mm},
                           {"annulus_radial_force_N", r.radial_force_N}});
  }

  namespace
  {
    const PostprocessorRegistry::Entry annulus_entry(
      "annular dilation", {"motion of the elastically held annulus", 65,
                           [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                             const auto *support = solver.find_term<ElasticSupport>();
                             return support != nullptr ? std::make_unique<AnnularDilation>(*support) : nullptr;
                           }});
  } // namespace
} // namespace leafmech
