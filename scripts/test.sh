#!/usr/bin/env bash
# Runs every test of the project (unit, property and golden CLI tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-packages.sh
swift build --build-tests
swift test
