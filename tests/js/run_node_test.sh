#!/usr/bin/env bash
# Runs a node test script once chromium and the npm tools are there (see tools.sh).
set -euo pipefail
source "$(dirname "$0")/tools.sh"
exec node "$1"
