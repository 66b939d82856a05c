#pragma once
/**
 * @file
 * @brief A boundary-value problem: reference geometry, Dirichlet data and dead-load tractions as functions of
 * the load factor in [0, 1]. Each problem registers itself from its own file in solver/problems/.
 */
#include <deal.II/base/parameter_handler.h>
#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>
#include <deal.II/dofs/dof_handler.h>
#include <deal.II/grid/tria.h>

#include <functional>
#include <map>
#include <memory>
#include <solver/registry.h>
#include <solver/types.h>

namespace leafmech
{
  class Problem
  {
  public:
    virtual ~Problem() = default;

    /// Builds the reference (undeformed) mesh with material and boundary ids set.
    virtual void create_grid(dealii::Triangulation<dim> &tria) const = 0;

    /// Prescribed displacements (mm) at the given load factor, for the boundary dofs of locally owned cells.
    virtual void dirichlet_values(const dealii::DoFHandler<dim> &dof_handler, double load_factor,
                                  std::map<dealii::types::global_dof_index, double> &values) const = 0;

    /**
     * @brief Dead-load traction (MPa, per reference area) on a boundary face at reference point X.
     * @return false where the boundary is traction-free.
     */
    virtual bool traction(dealii::types::boundary_id id, const dealii::Point<dim> &X, double load_factor,
                          dealii::Tensor<1, dim> &t) const
    {
      (void)id, (void)X, (void)load_factor, (void)t;
      return false;
    }
  };

  struct ProblemInfo
  {
    std::string                                                                    description;
    std::function<void(dealii::ParameterHandler &)>                                declare;
    std::function<std::unique_ptr<Problem>(dealii::ParameterHandler &)>            create;
  };

  using ProblemRegistry = Registry<ProblemInfo>;

  /// Declares "Geometry" with the problem choice and one subsection per registered problem.
  void declare_problem_parameters(dealii::ParameterHandler &prm);

  /// Creates the problem chosen in "Geometry/Problem".
  std::unique_ptr<Problem> create_problem(dealii::ParameterHandler &prm);

  /// Adds values of one displacement component on one boundary to a Dirichlet map.
  void add_boundary_component(const dealii::DoFHandler<dim> &dof_handler, dealii::types::boundary_id id,
                              unsigned int component, const std::function<double(const dealii::Point<dim> &)> &value,
                              std::map<dealii::types::global_dof_index, double> &values);
} // namespace leafmech
