#pragma once
/**
 * @file
 * @brief What a valve geometry hands to the solver besides the cells: the fibre field, the chordae and the
 * figures a user checks before running (quality, orifice area, calcium).
 */
#include <deal.II/base/point.h>
#include <deal.II/base/tensor.h>

#include <string>
#include <utility>
#include <vector>

namespace leafmech
{
  /// One chorda tendinea: a tension-only cable from a leaflet mesh vertex to a papillary-muscle tip.
  struct ChordSpec
  {
    dealii::Point<3> attachment;     ///< reference position of the leaflet vertex it pulls (mm)
    dealii::Point<3> papillary_tip;  ///< fixed anchor (mm)
    std::string      papillary;      ///< "anterolateral" | "posteromedial"
    std::string      kind;           ///< "marginal" (free edge) | "basal" (ventricular surface)
  };

  /// Everything about a valve mesh that is not stored in the triangulation itself.
  struct ValveMesh
  {
    /// Unit circumferential fibre direction at every vertex of the triangulation (indexed by vertex index).
    std::vector<dealii::Tensor<1, 3>> vertex_fibres;
    std::vector<ChordSpec>            chordae;
    /// Fused length (mm) of the anterolateral and posteromedial commissures as built; empty: not known (gmsh).
    std::vector<double> fused_length_mm;
    /// Named scalar figures for the log and the mesh report, in the order they were added (units in the name).
    std::vector<std::pair<std::string, double>> metrics;

    void add_metric(const std::string &name, double value) { metrics.emplace_back(name, value); }
  };
} // namespace leafmech
