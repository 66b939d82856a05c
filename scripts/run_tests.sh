#!/usr/bin/env bash
# Quick start 2: set up, build and run the whole test suite (labels: unit, verification, application, mpi, gpu).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j 2 "$@"
