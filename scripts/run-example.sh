#!/usr/bin/env bash
# Builds the tools in release mode and balances the bundled example cluster with hbal.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh
swift build -c release
.build/release/hbal -t Fixtures/clusters/unbalanced.data -C "$@"
