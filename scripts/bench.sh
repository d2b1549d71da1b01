#!/usr/bin/env bash
# The benchmark (README, Performance): builds the release, then measures it against the same
# Biểu 06 table built in SurveyJS, in one run (scripts/bench/run.mjs). Not part of the tests.
#   bash scripts/bench.sh                 build, then the whole run (about 15 min on 2 cores)
#   bash scripts/bench.sh --no-build      measure the existing dist/
#   bash scripts/bench.sh --trace         also trace keystrokes (see scripts/bench/run.mjs)
# Other options go to scripts/bench/run.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done
if [ "$build" = 1 ]; then
  bash scripts/setup.sh
  log="$PHULUC_ROOT/target/bench/build.log"
  mkdir -p "$(dirname "$log")"
  echo "bench: trunk build --release (log: target/bench/build.log)" >&2
  if ! trunk build --release >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "bench: trunk build --release failed" >&2
    exit 1
  fi
fi
exec node scripts/bench/run.mjs "${args[@]}"
