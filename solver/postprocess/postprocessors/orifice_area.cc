#include <meshes/orifice_area.h>
#include <solver/models/problem.h>
#include <solver/postprocess/postprocessors/orifice_area.h>

namespace leafmech
{
  OrificeResult OrificeArea::compute(PostprocessContext &c)
  {
    dealii::TimerOutput::Scope t(c.timer, "orifice area");
    return {orifice_area(c.solver.dof_handler(), c.solver.displacement(), pixel, c.comm) / 100.0};
  }

  void OrificeArea::columns_of(const OrificeResult &r, Columns &out) const
  {
    out.emplace_back("orifice_area_cm2", r.area_cm2);
  }

  namespace
  {
    const PostprocessorRegistry::Entry orifice_entry(
      "orifice area", {"the valve's geometric orifice area seen along its axis", 40,
                       [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                         const ValveFeatures *valve = solver.problem().valve();
                         return valve != nullptr ? std::make_unique<OrificeArea>(valve->orifice_pixel) : nullptr;
                       }});
  } // namespace
} // namespace leafmech
