#!/usr/bin/env bash
# Install kg and build the graph of sources/ into output/. README's first set-up command.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${KG_VENV:-.venv}
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q -e .
exec "$VENV/bin/kg" build sources/ -o output/ "$@"
