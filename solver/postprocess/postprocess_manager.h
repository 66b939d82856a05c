#pragma once
/**
 * @file
 * @brief Runs the post-processors that apply to a run (every registered one whose factory accepts it), in
 * their registered order, and gathers their typed results, columns, output fields and checkpointed results.
 */
#include <memory>
#include <solver/postprocess/postprocessor.h>
#include <vector>

namespace leafmech
{
  class PostprocessManager
  {
  public:
    PostprocessManager(SolidSolver &solver, const OutputSettings &output, dealii::TimerOutput &timer);

    /// After the solver's setup; throws std::runtime_error for bad input (a probe outside the mesh).
    void initialize();

    /// Every member's result at the context's state (collective).
    Results evaluate(PostprocessContext &context);

    /// The result of the member that gives an R, alone (collective); nullopt if no member does.
    template <typename R>
    std::optional<R> evaluate_only(PostprocessContext &context)
    {
      for (const auto &member : members)
        if (dynamic_cast<PostprocessorOf<R> *>(member.get()) != nullptr)
          return std::any_cast<R>(member->evaluate(context));
      return std::nullopt;
    }

    /// history.csv columns of a state's results, in order.
    Columns columns(const Results &results) const;
    /// The columns summary.json lists as the state's `measures`.
    Columns measures(const Results &results) const;

    /// Every member's output fields (collective).
    void add_output_fields(PostprocessContext &context, OutputFields &fields);

    /// A state's results for a checkpoint, bit for bit, and back (the same input gives the same members).
    std::vector<char> save(const Results &results) const;
    Results           load(const std::vector<char> &bytes) const;

    /// A context for the solver's current state at these load factors.
    PostprocessContext context(const LoadState &load) const { return PostprocessContext(solver, output, timer, load); }

  private:
    SolidSolver                                &solver;
    const OutputSettings                       &output;
    dealii::TimerOutput                        &timer;
    std::vector<std::unique_ptr<Postprocessor>> members;
  };
} // namespace leafmech
