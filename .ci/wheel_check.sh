#!/usr/bin/env bash
# The built wheel, installed into a fresh venv outside the repository, must answer
# and validate on its own: the built-in ladder has to travel inside the package.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 -m pip wheel -q --no-deps -w "$work/dist" "$repo"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$work"/dist/ladderbot-*.whl
cd "$work"  # nothing of the repository on the path from here
"$work/venv/bin/ladderbot" --version
"$work/venv/bin/ladderbot" validate
answer="$("$work/venv/bin/ladderbot" ask "what skills does a principal engineer need?")"
echo "$answer" | head -3
# The schema's migrations travel in the wheel too.
DATABASE_URL="sqlite:///$work/check.sqlite3" "$work/venv/bin/ladderbot" db upgrade
DATABASE_URL="sqlite:///$work/check.sqlite3" "$work/venv/bin/ladderbot" report --json >/dev/null
case "$answer" in
  *"Principal Backend Engineer"*) echo "wheel check: OK" ;;
  *) echo "wheel check: the installed CLI did not answer from the built-in ladder" >&2; exit 1 ;;
esac
