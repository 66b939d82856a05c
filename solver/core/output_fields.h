#pragma once
/**
 * @file
 * @brief Fields that force terms and post-processors add to the solution output (VTU/PVTU and HDF5/XDMF),
 * held here until the writer has built its patches, and side files written once per output beside it (the
 * balloon surface, the chordae).
 */
#include <deal.II/lac/petsc_vector.h>
#include <deal.II/lac/vector.h>
#include <deal.II/numerics/data_component_interpretation.h>

#include <deque>
#include <string>
#include <vector>

namespace leafmech
{
  struct OutputFields
  {
    /// One value per active cell (locally owned ones filled).
    struct CellField
    {
      std::string           name;
      dealii::Vector<float> values;
    };
    /// Values in the displacement dofs' slots (ghosted), one name per component.
    struct DofField
    {
      std::vector<std::string>                                                    names;
      std::vector<dealii::DataComponentInterpretation::DataComponentInterpretation> kinds;
      dealii::PETScWrappers::MPI::Vector                                          values;
    };
    /// A file of its own per output, `series`-NNNN.vtu listed in `series`.pvd (rank 0's contents are written).
    struct SideFile
    {
      std::string series;
      std::string contents;
    };

    std::deque<CellField> cells; // deques: DataOut keeps references to the vectors until it is done
    std::deque<DofField>  dofs;
    std::vector<SideFile> side_files;
  };
} // namespace leafmech
