#!/usr/bin/env bash
# Every test, at three levels, then one summary line `N passed, N failed`:
#   native  cargo test --workspace --all-targets, then --doc (the core crate, the app's pure logic)
#   wasm    cargo test --target wasm32-unknown-unknown --test web
#           (wasm-bindgen-test in headless Chromium via chromedriver)
#   e2e     trunk build --release, then node --test tests/e2e/ (playwright-core + Chromium
#           against dist/ on a local static server the tests start themselves)
#
#   bash scripts/test.sh               all three levels
#   bash scripts/test.sh native e2e    only those levels
#   E2E_FILES=tests/e2e/smoke.test.mjs bash scripts/test.sh e2e
#   E2E_FILE_TIMEOUT_MS=600000 …       longest one e2e file may run (default 3 min)
#
# All output stays on screen and goes to target/test-logs/test.log (per level: <level>.log).
# Exits non-zero when anything failed; a level that fails before reporting counts (compile
# error, runner crash) counts as one failure.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

levels=("$@")
[ ${#levels[@]} -gt 0 ] || levels=(native wasm e2e)
for l in "${levels[@]}"; do
  case "$l" in native|wasm|e2e) ;; *) echo "test.sh: unknown level '$l' (native, wasm, e2e)" >&2; exit 2 ;; esac
done

if ! bash scripts/setup.sh; then
  echo "test.sh: scripts/setup.sh failed; no test ran"
  echo "0 passed, 1 failed"
  exit 1
fi
# shellcheck source=scripts/env.sh
. scripts/env.sh

LOG_DIR="$PHULUC_ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
FULL_LOG="$LOG_DIR/test.log"
: >"$FULL_LOG"

declare -A PASSED FAILED SECS NOTE

# step LEVEL CMD... — runs CMD, output to the screen, the full log and the level's log.
# Returns CMD's exit code.
step() {
  local level=$1; shift
  printf '\n$ %s\n' "$*" | tee -a "$FULL_LOG" "$LOG_DIR/$level.log"
  "$@" 2>&1 | tee -a "$FULL_LOG" "$LOG_DIR/$level.log"
  return "${PIPESTATUS[0]}"
}

banner() {
  printf '\n===== %s =====\n' "$*" | tee -a "$FULL_LOG"
}

# Sum of cargo's `test result: ok. X passed; Y failed; ...` lines in a log.
cargo_counts() {
  awk '
    /^test result: (ok|FAILED)\./ {
      for (i = 1; i <= NF; i++) {
        if ($(i) ~ /^passed;?$/) p += $(i-1)
        if ($(i) ~ /^failed;?$/) f += $(i-1)
      }
    }
    END { printf "%d %d\n", p, f }
  ' "$1"
}

# Sum of node --test TAP summary lines `# pass X`, `# fail Y`, `# cancelled Z` (counted as failed).
tap_counts() {
  awk '
    /^# pass [0-9]+$/      { p += $3 }
    /^# fail [0-9]+$/      { f += $3 }
    /^# cancelled [0-9]+$/ { f += $3 }
    END { printf "%d %d\n", p, f }
  ' "$1"
}

# finish LEVEL RC "PASSED FAILED" START
finish() {
  local level=$1 rc=$2 counts=$3 start=$4
  local p=${counts% *} f=${counts#* }
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
    NOTE[$level]=" (exit code $rc before any test failed: counted as 1 failed; see target/test-logs/$level.log)"
  fi
  PASSED[$level]=$p
  FAILED[$level]=$f
  SECS[$level]=$((SECONDS - start))
}

for level in "${levels[@]}"; do
  : >"$LOG_DIR/$level.log"
  start=$SECONDS
  case "$level" in
    native)
      banner "native: cargo test"
      rc=0
      step native cargo test --workspace --all-targets --no-fail-fast || rc=$?
      step native cargo test --workspace --doc --no-fail-fast || rc=$((rc ? rc : $?))
      finish native "$rc" "$(cargo_counts "$LOG_DIR/native.log")" "$start"
      ;;
    wasm)
      banner "wasm: wasm-bindgen-test in headless Chromium"
      rc=0
      step wasm cargo test --no-fail-fast --target wasm32-unknown-unknown --test web || rc=$?
      finish wasm "$rc" "$(cargo_counts "$LOG_DIR/wasm.log")" "$start"
      ;;
    e2e)
      banner "e2e: trunk build --release, then node --test"
      rc=0
      tap="$LOG_DIR/e2e.tap"
      rm -f "$tap"
      if step e2e trunk build --release; then
        # Human-readable spec report on screen; TAP to a file for the counts. Node 20 applies
        # --test-timeout to each test file as a whole: a file that hangs (a wait with no timeout)
        # is stopped and counted as failed instead of stalling the run.
        # shellcheck disable=SC2086
        step e2e node --test \
          --test-timeout="${E2E_FILE_TIMEOUT_MS:-180000}" \
          --test-reporter=spec --test-reporter-destination=stdout \
          --test-reporter=tap --test-reporter-destination="$tap" \
          ${E2E_FILES:-tests/e2e/} || rc=$?
      else
        rc=$?
      fi
      counts="0 0"
      [ -f "$tap" ] && counts=$(tap_counts "$tap")
      finish e2e "$rc" "$counts" "$start"
      ;;
  esac
done

total_p=0 total_f=0
{
  echo
  echo "===== summary ====="
  for level in "${levels[@]}"; do
    case "$level" in
      native) label="native" ;;
      wasm) label="wasm (headless Chromium)" ;;
      e2e) label="e2e (Chromium, playwright-core)" ;;
    esac
    echo "$label: ${PASSED[$level]} passed, ${FAILED[$level]} failed in ${SECS[$level]}s${NOTE[$level]:-}"
    total_p=$((total_p + PASSED[$level]))
    total_f=$((total_f + FAILED[$level]))
  done
  echo "${total_p} passed, ${total_f} failed"
} | tee -a "$FULL_LOG"

# Recompute outside the pipeline's subshell.
total_f=0
for level in "${levels[@]}"; do total_f=$((total_f + FAILED[$level])); done
[ "$total_f" -eq 0 ]
