#include <solver/core/force_terms/balloon_contact.h>
#include <solver/postprocess/postprocessors/balloon_status.h>
#include <solver/postprocess/vtu_text.h>

namespace leafmech
{
  BalloonResult BalloonStatus::compute(PostprocessContext &c)
  {
    contact.set_scale(c.load.contact);
    const BalloonContact::Summary b = contact.summarise(c.solver.displacement(), c.load.balloon, c.comm);
    BalloonResult r;
    r.free_diameter_mm         = b.free_diameter;
    r.achieved_diameter_mm     = b.achieved_diameter;
    r.pressure_kPa             = 1e3 * b.balloon_pressure;
    r.max_contact_pressure_kPa = 1e3 * b.max_pressure;
    r.contact_force_N          = b.total_force;
    r.max_penetration_mm       = b.max_penetration;
    r.friction_force_N         = b.friction_force;
    r.friction_work_mJ         = b.friction_work;
    r.points_in_contact        = b.points_in_contact;
    return r;
  }

  void BalloonStatus::columns_of(const BalloonResult &r, Columns &out) const
  {
    out.insert(out.end(), {{"balloon_free_diameter_mm", r.free_diameter_mm},
                           {"balloon_achieved_diameter_mm", r.achieved_diameter_mm},
                           {"balloon_pressure_kPa", r.pressure_kPa},
                           {"contact_max_pressure_kPa", r.max_contact_pressure_kPa},
                           {"contact_force_N", r.contact_force_N},
                           {"contact_max_penetration_mm", r.max_penetration_mm},
                           {"friction_force_N", r.friction_force_N},
                           {"friction_work_mJ", r.friction_work_mJ},
                           {"contact_points", double(r.points_in_contact)}});
  }

  void BalloonStatus::add_output_fields(PostprocessContext &c, OutputFields &fields)
  {
    if (dealii::Utilities::MPI::this_mpi_process(c.comm) == 0)
      fields.side_files.push_back({"balloon", balloon_vtu(contact.inflation().state(c.load.balloon).geometry)});
  }

  namespace
  {
    const PostprocessorRegistry::Entry balloon_entry(
      "balloon", {"the balloon's waist, pressure and contact", 10,
                  [](const SolidSolver &solver) -> std::unique_ptr<Postprocessor> {
                    BalloonContact *contact = solver.find_term<BalloonContact>();
                    return contact != nullptr ? std::make_unique<BalloonStatus>(*contact) : nullptr;
                  }});
  } // namespace
} // namespace leafmech
