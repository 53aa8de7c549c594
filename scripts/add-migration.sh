#!/usr/bin/env bash
# Adds a migration with the same name to both migration sets (SQLite and PostgreSQL).
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
proj=src/OpenData.Web
dotnet build "$proj" -v q -nologo >/dev/null
dotnet ef migrations add "$name" --project "$proj" --no-build --context SqlitePortalDbContext --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project "$proj" --no-build --context PostgresPortalDbContext --output-dir Data/Migrations/Postgres
echo "Added $name to both migration sets."
