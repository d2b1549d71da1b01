#!/usr/bin/env bash
# Installs what building and testing Phụ lục CCHC needs, skipping whatever is already present.
# Idempotent and quiet: one line for each thing it installs, one summary line, nothing more.
# Install output goes to target/setup-logs/*.log and is printed only when a step fails.
#
#   wasm32-unknown-unknown  rustup target
#   trunk 0.21.14           cargo install --locked
#   wasm-bindgen-cli        cargo install, the exact wasm-bindgen version in Cargo.lock, without --locked
#   node_modules            npm ci (binaryen 132 for wasm-opt, playwright-core, puppeteer-core, axe-core)
#   Debian packages         chromium chromium-driver chromium-l10n firefox-esr poppler-utils fonts-liberation
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

LOGS="$PHULUC_ROOT/target/setup-logs"
mkdir -p "$LOGS"
START=$SECONDS

say() { printf 'setup: %s\n' "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

# run_logged NAME CMD... — runs CMD with all output in $LOGS/NAME.log; on failure shows its tail.
run_logged() {
  local name=$1; shift
  local log="$LOGS/$name.log"
  if ! "$@" >"$log" 2>&1; then
    say "FAILED: $* (full log: $log); last lines:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else fail "need root (or sudo) for: $*"
  fi
}

# --- prerequisites the machine must already have -------------------------------------------
command -v cargo >/dev/null 2>&1 || fail "cargo not found (install Rust with rustup)"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  fail "node >= 20 and npm are needed"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "node >= 20 is needed (found $(node --version))"
[ -n "$PHULUC_WASM_BINDGEN_VERSION" ] || fail "no wasm-bindgen entry in Cargo.lock (run: cargo generate-lockfile)"

# --- Rust target ----------------------------------------------------------------------------
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding rustup target wasm32-unknown-unknown"
  run_logged rustup-target rustup target add wasm32-unknown-unknown
fi

# --- trunk ----------------------------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $PHULUC_TRUNK_VERSION" ]; then
  say "installing trunk $PHULUC_TRUNK_VERSION with cargo (about 7 min cold on 2 cores; log target/setup-logs/trunk.log)"
  run_logged trunk cargo install trunk --version "$PHULUC_TRUNK_VERSION" --locked --force
fi

# --- wasm-bindgen-cli (also provides wasm-bindgen-test-runner) -------------------------------
# Without --locked: its own lockfile pins a dependency version that is no longer on crates.io.
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $PHULUC_WASM_BINDGEN_VERSION" ] ||
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null || true)" != "wasm-bindgen-test-runner $PHULUC_WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $PHULUC_WASM_BINDGEN_VERSION with cargo (about 2 min; log target/setup-logs/wasm-bindgen-cli.log)"
  run_logged wasm-bindgen-cli cargo install wasm-bindgen-cli --version "$PHULUC_WASM_BINDGEN_VERSION" --force
fi

# --- npm packages ---------------------------------------------------------------------------
lock_sum=$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)
stamp=node_modules/.phuluc-setup-stamp
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] ||
   [ "$(cat "$stamp" 2>/dev/null || true)" != "$lock_sum" ]; then
  say "installing npm packages (npm ci: binaryen, playwright-core, puppeteer-core, axe-core)"
  run_logged npm-ci npm ci --no-audit --no-fund --silent
  echo "$lock_sum" >"$stamp"
fi
wasm_opt_version=$(wasm-opt --version 2>/dev/null || true)
case "$wasm_opt_version" in
  *"version_132"*) ;;
  *) fail "wasm-opt on PATH is not binaryen 132: '$wasm_opt_version' ($(command -v wasm-opt || echo none))" ;;
esac

# --- Debian packages ------------------------------------------------------------------------
missing=()
for pkg in chromium chromium-driver chromium-l10n firefox-esr poppler-utils fonts-liberation; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]} (apt-get; log target/setup-logs/apt.log)"
  run_logged apt as_root env DEBIAN_FRONTEND=noninteractive \
    sh -c "apt-get update -qq && apt-get install -y -qq ${missing[*]}"
fi
[ -x "$CHROME" ] || fail "no chromium at $CHROME"
[ -x "$CHROMEDRIVER" ] || fail "no chromedriver at $CHROMEDRIVER"
[ -x "$FIREFOX" ] || fail "no firefox-esr at $FIREFOX"

# --- consistency ----------------------------------------------------------------------------
# Scripts pass the Cargo.lock version to trunk (TRUNK_TOOLS_WASM_BINDGEN); a plain `trunk serve`
# reads Trunk.toml, so keep the two equal.
toml_wb=$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' Trunk.toml 2>/dev/null | head -n1)
if [ "$toml_wb" != "$PHULUC_WASM_BINDGEN_VERSION" ]; then
  say "warning: Trunk.toml [tools] wasm_bindgen = \"$toml_wb\" but Cargo.lock has $PHULUC_WASM_BINDGEN_VERSION; update Trunk.toml" >&2
fi

chromium_version=$("$CHROME" --version 2>/dev/null | awk '{print $2}')
firefox_version=$("$FIREFOX" --version 2>/dev/null | awk '{print $NF}')
say "ready in $((SECONDS - START))s: trunk $PHULUC_TRUNK_VERSION, wasm-bindgen $PHULUC_WASM_BINDGEN_VERSION, wasm-opt 132, chromium ${chromium_version:-?}, firefox-esr ${firefox_version:-?}, node $(node --version)"
