#!/usr/bin/env bash
# Datastore benchmarks (docs/performance.md), each beside its baseline on the same file:
#   ingest (our runner) vs sqlite3 .import / psql \copy; CSV export vs sqlite3 -csv; XLSX export; paged query; group-by.
# Usage: scripts/bench/datastore/run.sh [rows]   (PostgreSQL part needs BENCH_PG, e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=odp_bench)
#        BENCH_ONLY=pg scripts/bench/datastore/run.sh   runs only the PostgreSQL ingest and its \copy baseline
set -euo pipefail
cd "$(dirname "$0")"
rows=${1:-1000000}
# Published ReadyToRun for linux-x64, as the app is deployed (ADR 0053): a fresh process runs precompiled code.
out=bin/publish-r2r
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$out" DatastoreBench.csproj >/dev/null
bench="dotnet $out/DatastoreBench.dll"
dir=$(mktemp -d /tmp/odp-bench-XXXX)
trap 'rm -rf "$dir"' EXIT
timed() { # label, command...: wall seconds and peak RSS of a baseline
  local label=$1; shift
  /usr/bin/time -f "RESULT $label: %e s, peak RSS %M KB" "$@" 2>&1 >/dev/null | grep RESULT
}
$bench gen "$dir" "$rows"
sync # the 190 MB just written would otherwise be flushed to disk during the first timed steps
ls -la "$dir"
if [ "${BENCH_ONLY:-}" != pg ]; then
for enc in utf8 gbk; do
  rm -f "$dir/datastore.db"*
  $bench ingest "$dir" sqlite $enc
done
rm -f "$dir/base.db"
timed "baseline sqlite3 .import utf8" sqlite3 "$dir/base.db" ".mode csv" ".import $dir/data-utf8.csv t"
$bench export "$dir" csv
timed "baseline sqlite3 -csv export" sh -c "sqlite3 -csv -header '$dir/base.db' 'SELECT * FROM t' > '$dir/base-export.csv'"
$bench export "$dir" xlsx
$bench query "$dir"
fi
if [ -n "${BENCH_PG:-}" ]; then
  # Cold: a fresh process (start-up included). Warm: after a 12,000-row load in the same process, as the app's
  # long-running ingestion worker runs it (ADR 0012). A CHECKPOINT before each timed step, so that no step pays
  # for writing out the dirty pages of the one before.
  psqlconn=$(echo "$BENCH_PG" | sed -E 's/Host=([^;]*);Port=([^;]*);Username=([^;]*);Database=([^;]*).*/host=\1 port=\2 user=\3 dbname=\4/')
  # GBK too: \copy reads it with ENCODING 'GBK' (the server converts), so both encodings have a like-for-like baseline.
  for enc in utf8 gbk; do
    psql "$psqlconn" -q -c "CHECKPOINT"
    $bench ingest "$dir" postgres $enc
    psql "$psqlconn" -q -c "CHECKPOINT"
    $bench ingest "$dir" postgres $enc warm
    psql "$psqlconn" -q -c "DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text, c9 text, c10 text); CHECKPOINT"
    timed "baseline psql \\\\copy $enc" psql "$psqlconn" -q -c "\\copy bench_copy FROM '$dir/data-$enc.csv' CSV HEADER ENCODING '${enc^^}'"
  done
fi
