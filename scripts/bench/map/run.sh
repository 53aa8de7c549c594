#!/usr/bin/env bash
# Map layer benchmark (docs/performance.md): a 100,000-point layer through the GeoJSON API's pipeline (scan,
# server-side thinning, JSON) beside the baseline of reading the same rows straight from the datastore.
# Usage: scripts/bench/map/run.sh [rows]      (PostgreSQL too when BENCH_PG is set)
set -euo pipefail
cd "$(dirname "$0")"
rows=${1:-100000}
out=bin/publish-r2r
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$out" MapBench.csproj >/dev/null
dir=$(mktemp -d /tmp/odp-mapbench-XXXX)
trap 'rm -rf "$dir"' EXIT
echo "== SQLite"
dotnet "$out/MapBench.dll" run "$dir" "$rows" sqlite
if [ -n "${BENCH_PG:-}" ]; then
  echo "== PostgreSQL"
  dotnet "$out/MapBench.dll" run "$dir" "$rows" postgres
fi
