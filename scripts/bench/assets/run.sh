#!/usr/bin/env bash
# Page weight budget (docs/performance.md): starts the portal as the README does (`dotnet run`, Development, demo
# catalog, its own data directory and port) unless a base URL is given, then measures pages in Chromium.
# Usage: scripts/bench/assets/run.sh [base-url] [path ...]
#   e.g. scripts/bench/assets/run.sh                                  (home page)
#        scripts/bench/assets/run.sh "" / /developer/reference/v1    (home page and the Scalar console)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../../.. && pwd)
dotnet build -c Release -v q -nologo AssetBench.csproj >/dev/null
url=${1:-}
shift || true
if [ -z "$url" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  data=$(mktemp -d /tmp/odp-assetbench-XXXX)
  OpenData__DataDir="$data" dotnet run -c Release --project "$root/src/OpenData.Web" -- --urls "http://127.0.0.1:$port" >"$data/app.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 180); do curl -sf -o /dev/null "$url/healthz" && break; sleep 1; done
  curl -sf -o /dev/null "$url/" # the first request compiles the pages: not what a visitor measures
fi
dotnet bin/Release/net10.0/AssetBench.dll "$url" "$@"
