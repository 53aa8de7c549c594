#!/usr/bin/env bash
# Catalog search benchmark (docs/performance.md). Usage: scripts/bench/catalog/run.sh [sqlite|postgres] [count] [rounds]
# PostgreSQL needs OPENDATA_TEST_PG (a server connection string; a throwaway database is created).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build -c Release -v q -nologo CatalogBench.csproj >/dev/null
# WebApplicationFactory reads MvcTestingAppManifest.json from the working directory.
cd bin/Release/net10.0
dotnet CatalogBench.dll "${1:-sqlite}" "${2:-10000}" "${3:-30}"
