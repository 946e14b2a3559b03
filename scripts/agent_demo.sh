#!/usr/bin/env bash
# The MQTT agent demo: starts mosquitto on a free 127.0.0.1 port, runs examples/agent on MicroPython
# (greenified: green backend by default), plays a short scripted session with a paho-mqtt
# controller printing each command and result, then stops everything.
#   scripts/agent_demo.sh [green|thread|cpython]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MODE="${1:-green}"

# prerequisites (mosquitto, paho-mqtt in .venv, umqtt/simple.py): installed by agent_setup.sh
if ! { command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ]; } \
    || ! .venv/bin/python -c 'import paho.mqtt.client' 2>/dev/null \
    || [ ! -f examples/agent/umqtt/simple.py ]; then
    bash scripts/agent_setup.sh
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/src"
# the device program: examples/agent without the controller tool
(cd examples/agent && tar cf - --exclude=./tools --exclude=__pycache__ --exclude=./agent-data .) \
    | (cd "$WORK/src" && tar xf -)

case "$MODE" in
    green|thread)
        [ -x .venv/bin/micropython ] || { echo "agent_demo: .venv/bin/micropython missing: run scripts/setup.sh" >&2; exit 1; }
        cargo build --release -q
        target/release/greenify --backend "$MODE" "$WORK/src" "$WORK/out"
        echo "agent_demo: greenified ($MODE backend) into $WORK/out"
        CMD=("$ROOT/.venv/bin/micropython" main.py)
        DIR="$WORK/out"
        ;;
    cpython)
        CMD=(python3 -u main.py)
        DIR="$WORK/src"
        ;;
    *)
        echo "usage: $0 [green|thread|cpython]" >&2
        exit 2
        ;;
esac

.venv/bin/python examples/agent/tools/driver.py --scenario demo --heartbeat 0.5 \
    --data "$WORK/data" --cwd "$DIR" -- "${CMD[@]}"
