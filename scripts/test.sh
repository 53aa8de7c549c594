#!/usr/bin/env bash
# Runs every test project. Installs what the tests need on a fresh machine (Chromium, CJK fonts, redis-server),
# starts a throwaway PostgreSQL 15 for the PostgreSQL runs, and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
# The Redis nonce store tests start their own redis-server on a free port.
[ -x /usr/bin/redis-server ] || need+=(redis-server)
# The developer manual's signing samples are run with each language's runtime (ManualSampleTests, ADR 0150).
command -v python3 >/dev/null || need+=(python3)
command -v node >/dev/null || need+=(nodejs)
command -v javac >/dev/null || need+=(default-jdk-headless)
command -v openssl >/dev/null || need+=(openssl)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian's packages..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pg_bin" ] || { echo "PostgreSQL server binaries not found (postgresql-15)"; exit 1; }
pg_dir=$(mktemp -d /tmp/odp-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
chown postgres:postgres "$pg_dir"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export OPENDATA_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true;Maximum Pool Size=20"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port"

dotnet tool restore >/dev/null
dotnet build OpenData.slnx -c Release -nologo -v q
results="$root/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
export OPENDATA_TEST_SERVER_LOG="$results/server-errors.log"
status=0
for proj in tests/OpenData.UnitTests tests/OpenData.IntegrationTests tests/OpenData.EndToEndTests; do
  name=$(basename "$proj")
  dotnet test "$proj" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

# One plain closing line over every project: "N passed, N failed".
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
if [ "$status" -ne 0 ] && [ -s "$OPENDATA_TEST_SERVER_LOG" ]; then
  echo "--- last errors the app logged during the tests ($OPENDATA_TEST_SERVER_LOG) ---"
  tail -n 120 "$OPENDATA_TEST_SERVER_LOG"
fi
exit $status
