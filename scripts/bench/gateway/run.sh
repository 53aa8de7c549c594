#!/usr/bin/env bash
# Data API gateway benchmark (docs/performance.md): signed paged queries vs /healthz, 64 connections, 30 s each.
# Usage: scripts/bench/gateway/run.sh [seconds] [connections] [warm-up seconds, default 30]
# SQLite always; PostgreSQL too when BENCH_PG is a server connection string (a throwaway database is created),
# e.g. BENCH_PG='Host=127.0.0.1;Port=55432;Username=postgres'.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -v q -nologo GatewayBench.csproj >/dev/null
# WebApplicationFactory reads MvcTestingAppManifest.json from the working directory.
cd bin/Release/net10.0
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet GatewayBench.dll sqlite "${1:-30}" "${2:-64}" "${3:-30}"
if [ -n "${BENCH_PG:-}" ]; then
  dotnet GatewayBench.dll postgres "${1:-30}" "${2:-64}" "${3:-30}"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
