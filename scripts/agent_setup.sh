#!/usr/bin/env bash
# Installs what the MQTT agent example and its tests need (idempotent):
#   - mosquitto (Debian package) when the `mosquitto` broker is missing
#   - paho-mqtt into the project's .venv (the test driver)
#   - umqtt/simple.py from PyPI micropython-umqtt.simple==1.1, unmodified, into
#     examples/agent/umqtt/ (git-ignored: third-party code, fetched, never committed)
# Run as root (CI does) or with sudo available for apt-get.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

find_mosquitto() {
    command -v mosquitto 2>/dev/null || { [ -x /usr/sbin/mosquitto ] && echo /usr/sbin/mosquitto; } || true
}

if [ -z "$(find_mosquitto)" ]; then
    echo "agent_setup: installing mosquitto (apt-get)"
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends mosquitto
    # The Debian package may start a system broker on port 1883; the tests and the demo start their
    # own broker on a free port, so a running system service is harmless but not needed.
fi
echo "agent_setup: mosquitto at $(find_mosquitto)"

if [ ! -x .venv/bin/python ]; then
    echo "agent_setup: creating .venv"
    python3 -m venv .venv
fi
if ! .venv/bin/python -c 'import paho.mqtt.client' 2>/dev/null; then
    echo "agent_setup: installing paho-mqtt into .venv"
    .venv/bin/python -m pip install -q 'paho-mqtt==2.2.0'
fi
.venv/bin/python -c 'import paho.mqtt; print("agent_setup: paho-mqtt", paho.mqtt.__version__)'

DEST="examples/agent/umqtt"
if [ ! -f "$DEST/simple.py" ]; then
    echo "agent_setup: fetching umqtt.simple 1.1 from PyPI"
    TMP="$(mktemp -d)"
    trap 'rm -rf "$TMP"' EXIT
    .venv/bin/python -m pip download -q --no-deps --no-binary :all: \
        'micropython-umqtt.simple==1.1' -d "$TMP"
    ARCHIVE="$(ls "$TMP"/*.tar.gz | head -n1)"
    mkdir -p "$DEST"
    .venv/bin/python - "$ARCHIVE" "$DEST" <<'PY'
import sys, tarfile, os
archive, dest = sys.argv[1], sys.argv[2]
with tarfile.open(archive) as tf:
    for m in tf.getmembers():
        if m.isfile() and m.name.endswith("umqtt/simple.py"):
            data = tf.extractfile(m).read()
            break
    else:
        sys.exit("agent_setup: umqtt/simple.py not found in " + archive)
with open(os.path.join(dest, "simple.py"), "wb") as f:
    f.write(data)
PY
fi
# umqtt is a namespace package in micropython-lib; an empty __init__.py makes it a regular package
# on both CPython and MicroPython (also git-ignored, created here).
[ -f "$DEST/__init__.py" ] || : > "$DEST/__init__.py"
echo "agent_setup: $DEST/simple.py ($(wc -c < "$DEST/simple.py") bytes)"
echo "agent_setup: done"
