#!/usr/bin/env bash
# The one setup-and-run command: installs everything into the project folder (.venv with
# MicroPython from PyPI; mosquitto, paho-mqtt and umqtt for the agent example), builds greenify
# (release), then runs the customer's validation scenario on CPython and on MicroPython with both
# backends side by side, and the MQTT agent demo.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

ensure_venv
if [ -x scripts/agent_setup.sh ]; then
    scripts/agent_setup.sh
fi
echo "setup: building greenify (release)"
cargo build --release --quiet

scripts/demo.sh
if [ -x scripts/agent_demo.sh ] && [ "${GREENIFY_SKIP_AGENT_DEMO:-0}" != 1 ]; then
    scripts/agent_demo.sh
fi
