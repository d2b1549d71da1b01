# shellcheck shell=bash
# Source me (`. scripts/env.sh`): the environment every build, serve and test command runs in.
# Sets variables only; installs nothing (scripts/setup.sh does that) and prints nothing.

PHULUC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PHULUC_ROOT

# wasm-opt must be binaryen 132 from npm (node_modules/.bin), ahead of any older Debian one;
# trunk, wasm-bindgen and wasm-bindgen-test-runner come from `cargo install`.
_phuluc_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$PHULUC_ROOT/node_modules/.bin:$_phuluc_cargo_bin:"*) ;;
  *) export PATH="$PHULUC_ROOT/node_modules/.bin:$_phuluc_cargo_bin:$PATH" ;;
esac
unset _phuluc_cargo_bin

# The wasm-bindgen version pinned by Cargo.lock: the CLI, the test runner and trunk's [tools]
# entry must all be exactly this one.
PHULUC_WASM_BINDGEN_VERSION="$(awk '
  $0 == "name = \"wasm-bindgen\"" { want = 1; next }
  want && /^version = / { gsub(/"/, "", $3); print $3; exit }
' "$PHULUC_ROOT/Cargo.lock" 2>/dev/null)"
export PHULUC_WASM_BINDGEN_VERSION
export PHULUC_TRUNK_VERSION=0.21.14

# Trunk: never reach for anything but crates.io-built tools on PATH; no self-update check.
export TRUNK_SKIP_VERSION_CHECK=true
if [ -n "$PHULUC_WASM_BINDGEN_VERSION" ]; then
  export TRUNK_TOOLS_WASM_BINDGEN="$PHULUC_WASM_BINDGEN_VERSION"
fi
export TRUNK_TOOLS_WASM_OPT=version_132

# Browsers: Debian's chromium and chromedriver, never a downloaded one.
export CHROME="${CHROME:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (tests/e2e/lib/drivers.mjs);
# puppeteer-core never downloads a browser, and this says so to puppeteer as well.
export FIREFOX="${FIREFOX:-/usr/bin/firefox-esr}"
export PUPPETEER_SKIP_DOWNLOAD=true
# wasm-bindgen-test-runner prefers geckodriver/safaridriver when these are set.
unset GECKODRIVER SAFARIDRIVER
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PHULUC_ROOT/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-60}"
# playwright-core must not look for (or download) a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Where tests put screenshots, PDFs and failure dumps.
export E2E_ARTIFACTS="${E2E_ARTIFACTS:-$PHULUC_ROOT/target/e2e-artifacts}"
