#!/usr/bin/env bash
# Runs examples/validation three ways at once: the original on CPython, greenified (green backend)
# on MicroPython, and with the thread backend on MicroPython; prints the outputs one after the
# other and whether they carry the same lines (thread idents and timestamps aside).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

GREENIFY="$ROOT/target/release/greenify"
MICROPYTHON="$VENV/bin/micropython"
OUT="$ROOT/out"
mkdir -p "$OUT"
"$GREENIFY" examples/validation "$OUT/green"
"$GREENIFY" --backend thread examples/validation "$OUT/thread"

LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
(cd examples/validation && python3 -u main.py >"$LOGS/cpython.txt") &
(cd "$OUT/green" && "$MICROPYTHON" main.py >"$LOGS/green.txt") &
(cd "$OUT/thread" && "$MICROPYTHON" main.py >"$LOGS/thread.txt") &
wait

for run in cpython green thread; do
    case $run in
        cpython) title="CPython $(python3 -c 'import platform; print(platform.python_version())'), original examples/validation/main.py" ;;
        green) title="MicroPython, green backend (out/green/main.py)" ;;
        thread) title="MicroPython, thread backend (out/thread/main.py)" ;;
    esac
    echo
    echo "== $title"
    cat "$LOGS/$run.txt"
done

# Same records on all three, once idents and the clock are masked.
python3 - "$LOGS" <<'PY'
import re, sys
def norm(path):
    text = open(path).read()
    text = re.sub(r"(started|stopped)( daemon)? \d+", r"\1\2 N", text)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", "<time>", text)
    # CPython's print() writes the text and its newline in two calls, so two threads printing at
    # once can give "record-a record-b\n\n". Compare records (each starts with the thread's repr),
    # not physical lines, so that CPython's own interleaving is not counted as a difference.
    records = re.split(r"(?=<(?:_MainThread|_DummyThread|Thread)\()", text)
    return sorted(r.strip() for r in records if r.strip())
ref = norm(sys.argv[1] + "/cpython.txt")
for run in ("green", "thread"):
    same = norm(sys.argv[1] + "/" + run + ".txt") == ref
    print("%-6s backend prints the same %d records as CPython: %s" % (run, len(ref), "yes" if same else "NO"))
    if not same:
        sys.exit(1)
PY
