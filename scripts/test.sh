#!/usr/bin/env bash
# The test command of the README, and exactly what CI runs: lint, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check meow tests bench
ruff format --check meow tests bench
mypy meow
python -m pytest -q "$@"
