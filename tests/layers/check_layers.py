"""The layers of leafmech link one way (docs/architecture.md): a file may include headers of its own layer and
of the layers below it, never above, and each layer's CMake targets link only targets below them.

    python3 check_layers.py ROOT         checks the tree at ROOT (exit 1 on a violation, each one listed), after
                                         checking that planted violations are caught (the check can fail)
    python3 check_layers.py --self-test  only the latter
"""
import os
import re
import sys
import tempfile

# Bottom up: (layer, directory, include prefix, CMake targets).
LAYERS = [
    ("kernels", "kernels", "leafmech/kernels/", {"leafmech_kernels"}),
    ("base", "base", "base/", {"leafmech_base"}),
    ("meshes", "meshes", "meshes/", {"leafmech_meshes"}),
    ("models", "solver/models", "solver/models/", {"leafmech_models"}),
    ("core", "solver/core", "solver/core/", {"leafmech_core"}),
    ("postprocess", "solver/postprocess", "solver/postprocess/", {"leafmech_postprocess"}),
    ("app", "solver/app", "solver/app/", {"leafmech"}),
]
SOURCES = (".h", ".cc", ".cu")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)
LINK = re.compile(r"target_link_libraries\s*\(\s*(\S+)([^)]*)\)", re.S)


def layer_of_include(path):
    for index, (_, _, prefix, _) in enumerate(LAYERS):
        if path.startswith(prefix):
            return index
    if path.startswith("solver/"):
        return -2  # a solver header outside every layer
    return None  # a system or third-party header


def check(root):
    problems = []
    target_layer = {t: i for i, (_, _, _, targets) in enumerate(LAYERS) for t in targets}
    for index, (name, directory, _, _) in enumerate(LAYERS):
        top = os.path.join(root, directory)
        for folder, _, files in os.walk(top):
            if "tests" in os.path.relpath(folder, top).split(os.sep):
                continue  # a layer's own tests may use anything below the whole project
            for f in files:
                path = os.path.join(folder, f)
                rel = os.path.relpath(path, root)
                if f.endswith(SOURCES):
                    for inc in INCLUDE.findall(open(path, errors="replace").read()):
                        at = layer_of_include(inc)
                        if at == -2:
                            problems.append(f"{rel}: includes <{inc}>, which belongs to no layer")
                        elif at is not None and at > index:
                            problems.append(f"{rel} ({name}) includes <{inc}> of the layer above it, "
                                            f"'{LAYERS[at][0]}'")
                elif f == "CMakeLists.txt":
                    for target, libs in LINK.findall(open(path).read()):
                        own = target_layer.get(target, index)
                        for lib in libs.split():
                            at = target_layer.get(lib)
                            if at is not None and at > own:
                                problems.append(f"{rel}: target {target} ({LAYERS[own][0]}) links {lib} of the "
                                                f"layer above it, '{LAYERS[at][0]}'")
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as root:
        for _, directory, _, _ in LAYERS:
            os.makedirs(os.path.join(root, directory))
        with open(os.path.join(root, "solver/core/ok.cc"), "w") as f:
            f.write("#include <solver/models/problem.h>\n#include <base/types.h>\n#include <vector>\n")
        clean = check(root)
        with open(os.path.join(root, "solver/core/bad.cc"), "w") as f:
            f.write('#include "solver/postprocess/postprocessor.h"\n')
        with open(os.path.join(root, "meshes/CMakeLists.txt"), "w") as f:
            f.write("target_link_libraries(leafmech_meshes leafmech_base leafmech_core)\n")
        with open(os.path.join(root, "base/stray.h"), "w") as f:
            f.write("#include <solver/solid_solver.h>\n")
        planted = check(root)
    ok = not clean and len(planted) == 3
    print(("ok    " if ok else "FAIL  ") + f"self-test: a clean tree gives {len(clean)} problems, three planted "
          f"violations give {len(planted)}")
    return ok


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(0 if self_test() else 1)
    if not self_test():
        sys.exit(1)
    problems = check(sys.argv[1])
    for p in problems:
        print("FAIL  " + p)
    print(f"{len(problems)} layer violation(s)" if problems else "ok    every include and link points down")
    sys.exit(1 if problems else 0)
