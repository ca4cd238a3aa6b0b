#!/usr/bin/env bash
# Keeps PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt of the packable projects (src/*) in step with the code
# (Microsoft.CodeAnalysis.PublicApiAnalyzers; docs/contributing.md).
#
#   build/public-api.sh          after changing the public API: adds every new public symbol to PublicAPI.Unshipped.txt
#                                (RS0016, through the analyzer's own code fix) and records every symbol that is gone
#                                (RS0017): deleted from Unshipped if it was never released, else "*REMOVED*<symbol>"
#                                in Unshipped. A changed signature is both.
#   build/public-api.sh ship     at a release: folds Unshipped into Shipped (removals taken out) and empties Unshipped.
set -euo pipefail
cd "$(dirname "$0")/.."
projects=(src/BorderSecurity.Domain src/BorderSecurity.Domain.Marten src/BorderSecurity.Domain.Testing)
header='#nullable enable'

sorted_body() { grep -v -x -F "$header" "$1" | grep -v '^$' | LC_ALL=C sort -u || true; }

if [ "${1:-}" = "ship" ]; then
  for p in "${projects[@]}"; do
    shipped="$p/PublicAPI.Shipped.txt" unshipped="$p/PublicAPI.Unshipped.txt"
    body=$(mktemp)
    { sorted_body "$shipped"; sorted_body "$unshipped" | grep -v '^\*REMOVED\*' || true; } > "$body"
    sorted_body "$unshipped" | sed -n 's/^\*REMOVED\*//p' > "$body.removed"
    { echo "$header"; grep -v -x -F -f "$body.removed" "$body" | LC_ALL=C sort -u || true; } > "$shipped"
    echo "$header" > "$unshipped"
    rm -f "$body" "$body.removed"
  done
  echo "PublicAPI.Unshipped.txt folded into PublicAPI.Shipped.txt for ${projects[*]}."
  exit 0
fi

for p in "${projects[@]}"; do
  # RS0016: a public symbol not in either file. The analyzer's code fix adds it to PublicAPI.Unshipped.txt.
  dotnet format analyzers "$p" --diagnostics RS0016 --severity warn
done

# RS0017: a listed symbol that is gone. The compiler reports the file and line of each; compile afresh to see them all.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for p in "${projects[@]}"; do
  dotnet build "$p" --no-incremental -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
  sed -n -E 's@^(/.*PublicAPI\.(Shipped|Unshipped)\.txt)\(([0-9]+),[0-9]+\): (error|warning) RS0017:.*@\1 \3@p' "$log" | sort -u |
    sort -k2,2nr | while read -r file line; do
      symbol=$(sed -n "${line}p" "$file")
      unshipped="$(dirname "$file")/PublicAPI.Unshipped.txt"
      if [ "${file##*/}" = "PublicAPI.Unshipped.txt" ]; then
        sed -i "${line}d" "$file"                              # never released: just gone
      else
        echo "*REMOVED*$symbol" >> "$unshipped"                # released in an earlier version: a breaking change
      fi
    done
done

for p in "${projects[@]}"; do
  unshipped="$p/PublicAPI.Unshipped.txt"
  { echo "$header"; sorted_body "$unshipped"; } > "$unshipped.tmp" && mv "$unshipped.tmp" "$unshipped"
done
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt' || true
