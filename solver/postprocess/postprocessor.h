#pragma once
/**
 * @file
 * @brief The post-processor family (ASPECT's postprocess/ as the example): each member measures one thing of
 * a converged state, returns it as a typed value, gives its history.csv columns and may add output fields.
 * Each is one file in solver/postprocess/postprocessors/ that registers itself; the manager
 * (postprocess_manager.h) runs every one that applies to the run, in their registered order.
 *
 * Consumers (summary.json, the valve outcome, the stepwise rounds, the risk rules) read a result by its type,
 * `results.find<TearResult>()`, never by a column name.
 */
#include <deal.II/base/timer.h>

#include <any>
#include <base/registry.h>
#include <base/state_buffer.h>
#include <functional>
#include <memory>
#include <optional>
#include <solver/core/solid_solver.h>
#include <solver/postprocess/output_settings.h>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace leafmech
{
  /// Named numbers for history.csv (and the summary's measures), units in the names.
  using Columns = std::vector<std::pair<std::string, double>>;

  /**
   * @brief What a post-processor sees of one converged state. Evaluations that several members need (the
   * cells' pressure fields and strain energy: one pass over the cells) are made once per state.
   */
  class PostprocessContext
  {
  public:
    PostprocessContext(SolidSolver &solver, const OutputSettings &output, dealii::TimerOutput &timer,
                       const LoadState &load)
      : solver(solver), output(output), timer(timer), load(load), comm(solver.communicator())
    {}

    SolidSolver          &solver;
    const OutputSettings &output;
    dealii::TimerOutput  &timer;
    const LoadState       load; ///< the load factors of the state
    MPI_Comm              comm;

    /// The cells' three-field pressure fields at the state (solver/core/force_terms/cell_forces.h).
    const std::vector<CellPressureField> &pressure_fields();
    /// The strain energy (mJ) of the state, from the same pass over the cells.
    double strain_energy();

  private:
    void evaluate_cells(bool with_energy);
    std::optional<std::vector<CellPressureField>> fields;
    std::optional<double>                         energy;
  };

  /// The results of one state, one per post-processor of the manager, in its order.
  class Results
  {
  public:
    /// The result of type T, or nullptr if no post-processor of the run gives one.
    template <typename T>
    const T *find() const
    {
      for (const std::any &v : values)
        if (const T *r = std::any_cast<T>(&v))
          return r;
      return nullptr;
    }
    std::vector<std::any> values;
  };

  class Postprocessor
  {
  public:
    virtual ~Postprocessor() = default;
    /// Once, after the solver's setup (e.g. locating points); throws std::runtime_error for bad input.
    virtual void initialize(PostprocessContext &) {}
    /// Measures the state (collective: every rank calls it).
    virtual std::any evaluate(PostprocessContext &context) = 0;
    /// history.csv columns of a result of this post-processor.
    virtual void columns(const std::any &result, Columns &out) const = 0;
    /// Whether the columns also go to summary.json's `measures` (false for probes, which have their own block).
    virtual bool summarised_as_measures() const { return true; }
    /// Fields for the solution output (collective).
    virtual void add_output_fields(PostprocessContext &, OutputFields &) {}
    /// A result, bit for bit, for a checkpoint, and back.
    virtual void save(const std::any &result, StateWriter &out) const = 0;
    virtual std::any load(StateReader &in) const                   = 0;
  };

  /**
   * @brief A post-processor with the result type R: it implements compute() and columns_of(); plain results
   * are checkpointed as they are, others override write() and read().
   */
  template <typename R>
  class PostprocessorOf : public Postprocessor
  {
  public:
    using Result = R;
    std::any evaluate(PostprocessContext &context) final { return compute(context); }
    void     columns(const std::any &result, Columns &out) const final { columns_of(std::any_cast<const R &>(result), out); }
    void     save(const std::any &result, StateWriter &out) const final { write(std::any_cast<const R &>(result), out); }
    std::any load(StateReader &in) const final
    {
      R r{};
      read(r, in);
      return r;
    }

  protected:
    virtual R    compute(PostprocessContext &context)     = 0;
    virtual void columns_of(const R &r, Columns &out) const = 0;
    virtual void write(const R &r, StateWriter &out) const
    {
      if constexpr (std::is_trivially_copyable_v<R>)
        out << r;
      else
        throw std::logic_error("a post-processor with a non-plain result must write it itself");
    }
    virtual void read(R &r, StateReader &in) const
    {
      if constexpr (std::is_trivially_copyable_v<R>)
        in >> r;
      else
        throw std::logic_error("a post-processor with a non-plain result must read it itself");
    }
  };

  struct PostprocessorInfo
  {
    std::string  description;
    unsigned int order; ///< place of its columns in history.csv
    /// Makes the post-processor for this run, or returns nullptr where it does not apply.
    std::function<std::unique_ptr<Postprocessor>(const SolidSolver &)> create;
  };

  using PostprocessorRegistry = Registry<PostprocessorInfo>;
} // namespace leafmech
