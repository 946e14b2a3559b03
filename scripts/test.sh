#!/usr/bin/env bash
# The one test command: makes sure the project-local tools are installed (a fresh clone has no
# .venv), then runs the whole test suite. Benchmarks are separate (benches/run).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

ensure_venv
if [ -x scripts/agent_setup.sh ]; then
    scripts/agent_setup.sh >/dev/null
fi
cargo test --release
