#!/usr/bin/env bash
# Regenerates requirements/*.txt from their one source, pyproject.toml (the engine's
# dependencies and the extras site, dev and bench), with every package they pull in pinned
# and the sha256 of every file PyPI offers for it; ./dev installs them with --require-hashes.
# requirements/pip.txt pins pip itself (its version is requirements/pip.in).
#
#   tools/lock_requirements.sh            # keep the pins, add what is missing
#   tools/lock_requirements.sh --upgrade  # move every pulled-in package to its newest release
#
# Needs PyPI; pip-tools runs from a throwaway venv, never the project's.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_TOOLS="pip-tools==7.7.0"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "$PIP_TOOLS"

compile() {
  local out=$1; shift
  CUSTOM_COMPILE_COMMAND="tools/lock_requirements.sh" "$tmp/venv/bin/pip-compile" --quiet \
    --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links --no-emit-trusted-host \
    --resolver=backtracking --output-file "$out" "$@"
}
args=("${@}")
compile requirements/engine.txt "${args[@]}" pyproject.toml
compile requirements/site.txt "${args[@]}" --extra site pyproject.toml
compile requirements/dev.txt "${args[@]}" --extra site --extra dev pyproject.toml
compile requirements/bench.txt "${args[@]}" --extra site --extra dev --extra bench pyproject.toml
compile requirements/pip.txt "${args[@]}" --allow-unsafe requirements/pip.in
