#include <solver/postprocess/postprocess_manager.h>

namespace leafmech
{
  const std::vector<CellPressureField> &PostprocessContext::pressure_fields()
  {
    if (!fields)
      evaluate_cells(false);
    return *fields;
  }

  double PostprocessContext::strain_energy()
  {
    if (!energy)
      evaluate_cells(true);
    return *energy;
  }

  void PostprocessContext::evaluate_cells(bool with_energy)
  {
    double e = 0.0;
    fields   = solver.cells().pressure_fields(solver.displacement(), with_energy ? &e : nullptr);
    if (with_energy)
      energy = e;
  }

  PostprocessManager::PostprocessManager(SolidSolver &solver, const OutputSettings &output, dealii::TimerOutput &timer)
    : solver(solver), output(output), timer(timer)
  {}

  void PostprocessManager::initialize()
  {
    members.clear();
    for (const auto &[name, info] : PostprocessorRegistry::in_order())
      if (auto member = info->create(solver))
        members.push_back(std::move(member));
    PostprocessContext c = context(LoadState{});
    for (const auto &member : members)
      member->initialize(c);
  }

  Results PostprocessManager::evaluate(PostprocessContext &c)
  {
    Results r;
    for (const auto &member : members)
      r.values.push_back(member->evaluate(c));
    return r;
  }

  Columns PostprocessManager::columns(const Results &results) const
  {
    Columns out;
    for (std::size_t k = 0; k < members.size() && k < results.values.size(); ++k)
      members[k]->columns(results.values[k], out);
    return out;
  }

  Columns PostprocessManager::measures(const Results &results) const
  {
    Columns out;
    for (std::size_t k = 0; k < members.size() && k < results.values.size(); ++k)
      if (members[k]->summarised_as_measures())
        members[k]->columns(results.values[k], out);
    return out;
  }

  void PostprocessManager::add_output_fields(PostprocessContext &c, OutputFields &fields)
  {
    for (const auto &member : members)
      member->add_output_fields(c, fields);
  }

  std::vector<char> PostprocessManager::save(const Results &results) const
  {
    StateWriter out;
    out << static_cast<unsigned long long>(results.values.size());
    for (std::size_t k = 0; k < members.size() && k < results.values.size(); ++k)
      members[k]->save(results.values[k], out);
    return out.data();
  }

  Results PostprocessManager::load(const std::vector<char> &bytes) const
  {
    StateReader        in(bytes, "the post-processing results");
    const std::size_t  n = in.count();
    if (n != members.size())
      throw std::runtime_error("the checkpoint holds " + std::to_string(n) + " post-processing results per step, "
                               "this run has " + std::to_string(members.size()) + " post-processors");
    Results r;
    for (std::size_t k = 0; k < n; ++k)
      r.values.push_back(members[k]->load(in));
    in.expect_end();
    return r;
  }
} // namespace leafmech
