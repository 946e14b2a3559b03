#!/bin/sh
# Thread-backend timing: converts timeouts.py with `greenify --backend thread` and runs it on
# the project's MicroPython; `--cpython` also runs it on CPython for comparison.
# Usage: benches/thread_timeouts/run.sh [--quick] [--cpython]
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MP=${GREENIFY_MICROPYTHON:-$ROOT/.venv/bin/micropython}
[ -x "$MP" ] || { echo "MicroPython not found at $MP: run scripts/setup.sh" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/src"
cp "$HERE/timeouts.py" "$WORK/src/main.py"
if (cd "$ROOT" && cargo build --release -q 2>/dev/null); then
  "$ROOT/target/release/greenify" --backend thread "$WORK/src" "$WORK/out"
else
  # The shared tree does not build right now: lay out OUT by hand, as greenify would.
  echo "(cargo build failed: OUT assembled from runtime_py/ and shims/ by hand)" >&2
  mkdir -p "$WORK/out/greenify"
  cp "$ROOT"/runtime_py/common/*.py "$ROOT"/runtime_py/thread/*.py "$WORK/out/greenify/"
  cp "$ROOT"/shims/*.py "$WORK/src/main.py" "$WORK/out/"
fi
echo "# MicroPython $("$MP" -c 'import sys; print(sys.version)'), thread backend"
(cd "$WORK/out" && "$MP" main.py "$@")
for a in "$@"; do
  if [ "$a" = "--cpython" ]; then
    echo; echo "# CPython $(python3 -c 'import sys; print(sys.version.split()[0])')"
    python3 "$HERE/timeouts.py" "$@"
  fi
done
