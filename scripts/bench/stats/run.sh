#!/usr/bin/env bash
# 开放指数 benchmark (docs/performance.md): N generated access events, the rollup against a single
# INSERT … SELECT … GROUP BY, and /open-index rendered from the daily tables.
# Usage: scripts/bench/stats/run.sh [sqlite|postgres] [events] [rounds]
# PostgreSQL needs OPENDATA_TEST_PG (a server connection string; a throwaway database is created).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -v q -nologo StatsBench.csproj >/dev/null
# WebApplicationFactory reads MvcTestingAppManifest.json from the working directory.
cd bin/Release/net10.0
dotnet StatsBench.dll "${1:-sqlite}" "${2:-10000000}" "${3:-20}"
