using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenData.Web.Data;
using OpenData.Web.Infrastructure.Data;

namespace OpenData.Web.Infrastructure.Cli;

/// <summary>What a backup folder holds (manifest.json beside the databases and the data directory's files).</summary>
public sealed record BackupManifest(string Provider, DateTimeOffset CreatedAt, string? LastMigration, int Files);

/// <summary>
/// backup --out DIR and restore --from DIR (operator contract). A backup is a folder: the catalog database (SQLite:
/// a consistent copy made by VACUUM INTO while the app may run; PostgreSQL: pg_dump of the whole database, so the
/// datastore schema comes along), the SQLite datastore file, and every other file of the data directory (uploaded
/// originals). Data-protection keys, which decrypt ID numbers and app secrets, live in the catalog database.
/// Restore is for a stopped app: it replaces the databases and files, then migrates forward.
/// </summary>
public static class Backup
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly string[] SqliteSuffixes = ["", "-wal", "-shm", "-journal"];

    public static async Task RunBackupAsync(WebApplication app, string outDir, CancellationToken ct)
    {
        outDir = Path.GetFullPath(outDir);
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            throw new InvalidOperationException($"备份目录不为空：{outDir}");
        Directory.CreateDirectory(outDir);
        var (provider, catalog, dataDir) = Locate(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var migration = (await db.Database.GetAppliedMigrationsAsync(ct)).LastOrDefault();
        if (provider == DatabaseProvider.Sqlite)
        {
            await VacuumIntoAsync(catalog, Path.Combine(outDir, "catalog.db"), ct);
            var datastore = DatastorePath(dataDir);
            if (File.Exists(datastore)) await VacuumIntoAsync($"Data Source={datastore}", Path.Combine(outDir, "datastore.db"), ct);
        }
        else
            await PgToolAsync("pg_dump", catalog, ["--format=custom", "--no-owner", "--no-privileges", "--file", Path.Combine(outDir, "catalog.pgdump")], ct);
        // The key-ring certificate stays out: with it, a stolen backup would decrypt ID numbers and secrets (ADR 0130).
        var keys = Path.GetFullPath(Path.Combine(dataDir, KeyRingProtection.DefaultFolder)) + Path.DirectorySeparatorChar;
        var files = CopyTree(dataDir, Path.Combine(outDir, "data"),
            skip: p => IsDatabaseFile(p, catalog, dataDir) || Path.GetFullPath(p).StartsWith(keys, StringComparison.Ordinal));
        var manifest = new BackupManifest(provider.ToString(), DateTimeOffset.UtcNow, migration, files);
        await File.WriteAllTextAsync(Path.Combine(outDir, "manifest.json"), JsonSerializer.Serialize(manifest, Json), ct);
        Console.WriteLine($"已备份到 {outDir}（{provider}，迁移 {migration}，文件 {files} 个）。");
    }

    public static async Task RunRestoreAsync(WebApplication app, string fromDir, CancellationToken ct)
    {
        fromDir = Path.GetFullPath(fromDir);
        var manifestPath = Path.Combine(fromDir, "manifest.json");
        if (!File.Exists(manifestPath)) throw new InvalidOperationException($"不是有效的备份目录（缺少 manifest.json）：{fromDir}");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, ct), Json)
            ?? throw new InvalidOperationException("manifest.json 无法读取");
        var (provider, catalog, dataDir) = Locate(app);
        if (!string.Equals(manifest.Provider, provider.ToString(), StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"备份来自 {manifest.Provider} 数据库，当前配置为 {provider}：请使用相同类型的数据库恢复。");
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            ReplaceSqlite(Path.Combine(fromDir, "catalog.db"), new SqliteConnectionStringBuilder(catalog).DataSource);
            var datastore = Path.Combine(fromDir, "datastore.db");
            if (File.Exists(datastore))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(DatastorePath(dataDir))!);
                ReplaceSqlite(datastore, DatastorePath(dataDir));
            }
        }
        else
        {
            await EnsurePgDatabaseAsync(catalog, ct);
            await PgToolAsync("pg_restore", catalog, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", Path.Combine(fromDir, "catalog.pgdump")], ct);
        }
        var files = CopyTree(Path.Combine(fromDir, "data"), dataDir, skip: _ => false);
        await app.PrepareDatabaseAsync(forceDemo: false, ct);
        Console.WriteLine($"已从 {fromDir} 恢复（备份于 {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC，文件 {files} 个），数据库已迁移到最新版本。");
    }

    private static (DatabaseProvider Provider, string Catalog, string DataDir) Locate(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var provider = scope.ServiceProvider.GetRequiredService<DatabaseProviderInfo>().Provider;
        var dataDir = app.Services.GetRequiredService<IOptions<OpenDataOptions>>().Value.DataDir;
        return (provider, db.Database.GetConnectionString() ?? "", dataDir);
    }

    private static string DatastorePath(string dataDir) => Path.Combine(dataDir, "datastore", "datastore.db");

    private static bool IsDatabaseFile(string path, string catalog, string dataDir)
    {
        var full = Path.GetFullPath(path);
        string[] databases = [DatastorePath(dataDir), CatalogFile(catalog)];
        return databases.Any(d => d.Length > 0 && SqliteSuffixes.Any(s => full == Path.GetFullPath(d) + s));
    }

    private static string CatalogFile(string catalog)
    {
        try { return new SqliteConnectionStringBuilder(catalog).DataSource; }
        catch (ArgumentException) { return ""; }
    }

    private static async Task VacuumIntoAsync(string connection, string target, CancellationToken ct)
    {
        await using var conn = new SqliteConnection(connection);
        await conn.OpenAsync(ct);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "VACUUM INTO $target";
        cmd.Parameters.AddWithValue("$target", target);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void ReplaceSqlite(string source, string target)
    {
        foreach (var s in SqliteSuffixes) File.Delete(target + s);
        File.Copy(source, target);
    }

    private static int CopyTree(string from, string to, Func<string, bool> skip)
    {
        if (!Directory.Exists(from)) return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (skip(file)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            count++;
        }
        return count;
    }

    private static async Task EnsurePgDatabaseAsync(string connection, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connection);
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
        exists.Parameters.AddWithValue("name", target.Database ?? "");
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        // A database name cannot be a parameter; quote it as an identifier.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"", conn);
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs pg_dump / pg_restore with the connection's settings in the environment (no password on the command line).</summary>
    private static async Task PgToolAsync(string tool, string connection, string[] args, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connection);
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (tool == "pg_restore") { psi.ArgumentList.Insert(0, "--dbname"); psi.ArgumentList.Insert(1, c.Database ?? ""); }
        else psi.ArgumentList.Add(c.Database ?? "");
        psi.Environment["PGHOST"] = c.Host ?? "localhost";
        psi.Environment["PGPORT"] = c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (c.Username is { } u) psi.Environment["PGUSER"] = u;
        if (c.Password is { } p) psi.Environment["PGPASSWORD"] = p;
        Process process;
        try { process = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception) { throw new InvalidOperationException($"找不到 {tool}：请安装 PostgreSQL 客户端工具（postgresql-client）。"); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} 失败：{(await stderr).Trim()}");
        }
    }
}
