#!/usr/bin/env bash
# Builds the app (release: wasm-opt -Oz) and serves it at http://127.0.0.1:8080/, rebuilding on
# every change (reload the page by hand). Ctrl-C stops it.   PORT=9000 bash scripts/serve.sh   for another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
port="${PORT:-8080}"
echo "Phụ lục CCHC: building, then serving at http://127.0.0.1:${port}/ (Ctrl-C to stop)"
# No autoreload: Trunk would inject an inline script whose text it changes as it serves it, which
# the page's Content-Security-Policy (scripts/csp.mjs) rightly refuses. Reload by hand.
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "$port"
