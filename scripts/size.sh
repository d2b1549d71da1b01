#!/usr/bin/env bash
# Sizes of the release bundle in dist/: each file raw, gzip -9 and brotli -q 11, plus totals.
#   bash scripts/size.sh           measures the existing dist/ (builds it first if missing)
#   bash scripts/size.sh --build   runs `trunk build --release` first
# Brotli comes from the `brotli` command when installed, else from Node's zlib (same quality 11).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
. scripts/env.sh

if [ "${1:-}" = "--build" ] || [ ! -f dist/index.html ]; then
  bash scripts/setup.sh
  log="$PHULUC_ROOT/target/size-build.log"
  mkdir -p "$(dirname "$log")"
  if ! trunk build --release >"$log" 2>&1; then
    cat "$log" >&2
    echo "size.sh: trunk build --release failed" >&2
    exit 1
  fi
fi
if grep -q '/\.well-known/trunk/ws\|__trunk_address__' dist/index.html 2>/dev/null; then
  echo "size.sh: note: dist/ comes from \`trunk serve\` (live-reload script included)" >&2
fi

brotli_size() {
  if command -v brotli >/dev/null 2>&1; then
    brotli -q 11 -c -- "$1" | wc -c
  else
    node -e '
      const z = require("zlib"), fs = require("fs");
      const out = z.brotliCompressSync(fs.readFileSync(process.argv[1]), {
        params: { [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_MODE]: z.constants.BROTLI_MODE_GENERIC },
      });
      console.log(out.length);' "$1"
  fi
}

# One row per file, largest first: kind, raw, gzip, brotli, name.
rows=$(
  find dist -type f | sort | while read -r f; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -n -c -- "$f" | wc -c)
    br=$(brotli_size "$f")
    ext="${f##*.}"
    printf '%s\t%d\t%d\t%d\t%s\n' "$ext" "$raw" "$gz" "$br" "${f#dist/}"
  done | sort -t$'\t' -k2,2nr
)

printf '%s\n' "$rows" | awk -F'\t' '
  function line(label, kind, k) { printf "%-40s %-11s %12s %12s %12s\n", label, kind, fmt(kraw[k]), fmt(kgz[k]), fmt(kbr[k]) }
  function fmt(n,   s, r) { s = sprintf("%d", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
  BEGIN { printf "%-40s %-11s %12s %12s %12s\n", "file (dist/)", "kind", "raw B", "gzip -9 B", "brotli B" }
  NF == 5 {
    name = $5; if (length(name) > 40) name = "…" substr(name, length(name) - 38)
    printf "%-40s %-11s %12s %12s %12s\n", name, $1, fmt($2), fmt($3), fmt($4)
    raw += $2; gz += $3; br += $4
    kraw[$1] += $2; kgz[$1] += $3; kbr[$1] += $4
  }
  END {
    print "--------------------------------------------------------------------------------------------"
    n = split("wasm js css html", order, " ")
    for (i = 1; i <= n; i++) { k = order[i]; if (k in kraw) { line("total " k, k, k); delete kraw[k] } }
    for (k in kraw) line("total " k, k, k)
    printf "%-40s %-11s %12s %12s %12s\n", "TOTAL", "", fmt(raw), fmt(gz), fmt(br)
  }'
