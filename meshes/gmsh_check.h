#pragma once
/**
 * @file
 * @brief What a .msh file must be before deal.II reads it, checked with messages that name the problem: a
 * gmsh file at all (not empty, a $MeshFormat section), every node coordinate a finite number, and every
 * hexahedron's nodes in gmsh's order (a mirrored element, its bottom and top faces swapped, has a negative
 * volume: deal.II would silently turn it over).
 */
#include <string>

namespace leafmech
{
  /// Throws std::invalid_argument naming the file, the node or element, and the fix.
  void check_gmsh_file(const std::string &file);
} // namespace leafmech
