using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datastore.Querying;
using OpenData.Web.Features.Datastore.Storage;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.Datastore.Jobs;

/// <summary>
/// Runs one claimed "ingest" job: loads the version's file into a new datastore table and, only when the
/// load committed, points the version (and, if it is the newest, the resource) at it in one catalog
/// transaction. Failures leave the previous version served. The worker calls this; so do tests and the seeder.
/// </summary>
public sealed class IngestionJobRunner(
    PortalDbContext db, IFileStore files, IngestionRunner runner, IDatastore datastore, DatastoreReader reader,
    DatasetSearch search, IServiceScopeFactory scopes, TimeProvider clock, ILogger<IngestionJobRunner> log,
    IEnumerable<IIngestionFollowUp> followUps)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RunAsync(long jobId, CancellationToken ct)
    {
        var job = await db.Jobs.FirstAsync(j => j.Id == jobId, ct);
        var version = await db.ResourceVersions.FirstAsync(v => v.Id == job.ResourceVersionId, ct);
        var datasetId = await db.Resources.Where(r => r.Id == version.ResourceId).Select(r => r.DatasetId).FirstAsync(ct);
        // Loads the dataset's resources and versions too (fixed up onto version.Resource), for Recalculate.
        await db.Datasets.Include(d => d.Fields).Include(d => d.Resources).ThenInclude(r => r.Versions).FirstAsync(d => d.Id == datasetId, ct);
        var overrides = Overrides(job.Payload);
        var progress = new JobProgress();
        IngestionResult result;
        using (var beat = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var heartbeat = HeartbeatAsync(jobId, progress, beat.Token);
            try
            {
                await using var file = files.OpenRead(version.FileHash);
                result = await runner.RunAsync(file, version.OriginalFileName, new IngestionOptions { TypeOverrides = overrides, Sheet = version.SheetName }, progress, ct);
            }
            finally
            {
                await beat.CancelAsync();
                await heartbeat;
            }
        }
        // The heartbeat wrote progress through another context; reload so every final value is saved.
        await db.Entry(job).ReloadAsync(ct);
        if (result.Succeeded) await CompleteAsync(job, version, result, ct);
        else await FailAsync(job, result.Error!, ct);
    }

    private async Task CompleteAsync(Job job, ResourceVersion version, IngestionResult result, CancellationToken ct)
    {
        var resource = version.Resource!;
        var dataset = resource.Dataset!;
        var now = clock.GetUtcNow();
        var oldTable = version.TableName;
        var sample = await SampleAsync(result, ct);
        var fieldsBefore = dataset.Fields.Select(f => f.Name).Order().ToList();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            version.TableName = result.TableName;
            version.ColumnsJson = JsonSerializer.Serialize(result.Columns, Json);
            version.RowCount = result.RowCount;
            version.FieldCount = result.Columns.Count;
            version.SampleJson = sample.ToJson();
            version.IngestWarnings = result.Warnings.Count == 0 ? null : string.Join('\n', result.Warnings.Take(50));
            // Only the newest loaded version becomes the one served; a reload of an old version changes only that version.
            if (version.Number >= resource.CurrentVersion)
            {
                resource.CurrentVersion = version.Number;
                resource.Format = version.Format;
                resource.RowCount = result.RowCount;
                resource.FieldCount = result.Columns.Count;
                // The data changed when the file was uploaded (timeliness), not when its load finished.
                resource.UpdatedAt = version.UploadedAt;
                FieldDictionary.Merge(dataset, result.Columns, sample, result.Unit);
                if (dataset.DataUpdatedAt is null || dataset.DataUpdatedAt < version.UploadedAt) dataset.DataUpdatedAt = version.UploadedAt;
            }
            DatasetCommands.Recalculate(dataset);
            if (dataset.UpdatedAt < version.UploadedAt) dataset.UpdatedAt = version.UploadedAt;
            job.State = JobState.Succeeded;
            job.Rows = result.RowCount;
            job.Progress = 100;
            job.FinishedAt = now;
            job.ErrorMessage = null;
            var names = dataset.Fields.Select(f => f.Name).Order().ToList();
            await db.SaveChangesAsync(ct);
            // The search document holds field names: rebuild it only when the load added some (segmentation is not free).
            if (!names.SequenceEqual(fieldsBefore))
            {
                await search.IndexAsync(dataset, ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        catch
        {
            // The catalog did not take the table: drop it now (the start-up sweep would otherwise).
            try { await datastore.DropTableAsync(result.TableName!, CancellationToken.None); } catch (Exception e) { log.LogWarning(e, "Drop failed"); }
            throw;
        }
        if (oldTable is not null && oldTable != result.TableName) await datastore.DropTableAsync(oldTable, ct); // a reload replaced it
        if (version.Number >= resource.CurrentVersion)
            foreach (var f in followUps)
                try { await f.LoadedAsync(resource.Id, new ResourceTable(resource.Id, version.Number, result.TableName!, result.Columns, result.RowCount), ct); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Follow-up of resource {Resource} failed", resource.Id); }
    }

    private async Task FailAsync(Job job, IngestionError error, CancellationToken ct)
    {
        var where = error.Row is { } row ? $"（位置：第 {row} 行{(error.Column is { } c ? $"，字段“{c}”" : "")}）" : "";
        var message = error.Message + (error.Message.Contains("第 ") ? "" : where);
        job.State = JobState.Failed;
        job.ErrorMessage = message.Length > 2000 ? message[..2000] : message;
        job.Progress = 100;
        job.FinishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private async Task<TabularSample> SampleAsync(IngestionResult result, CancellationToken ct)
    {
        var page = await reader.QueryAsync(result.TableName!, result.Columns, new RowQuery([], [], 1, TabularSampler.SampleRows), ct);
        var rows = page.Rows.Select(r => (IReadOnlyList<string>)result.Columns.Select(c => Text(r.GetValueOrDefault(c.Name))).ToList()).ToList();
        return new TabularSample(result.Columns.Select(c => c.Name).ToList(), rows, result.RowCount);
    }

    public static string Text(object? v) => v switch
    {
        null => "",
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static Dictionary<string, FieldType> Overrides(string? payload) =>
        string.IsNullOrEmpty(payload) ? [] : JsonSerializer.Deserialize<IngestPayload>(payload, Json)?.TypeOverrides ?? [];

    /// <summary>Progress and heartbeat go through their own scope: the job's DbContext is busy with the load's callers.</summary>
    private async Task HeartbeatAsync(long jobId, JobProgress progress, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var own = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                    var (percent, rows) = progress.Snapshot();
                    var now = clock.GetUtcNow();
                    await own.Jobs.Where(j => j.Id == jobId && j.State == JobState.Running).ExecuteUpdateAsync(s => s
                        .SetProperty(j => j.HeartbeatAt, now).SetProperty(j => j.Progress, percent).SetProperty(j => j.Rows, rows), ct);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) { log.LogWarning(e, "Heartbeat of job {Job} failed", jobId); }
    }

    private sealed class JobProgress : IProgress<IngestionProgress>
    {
        private volatile IngestionProgress last = new("排队", 0);
        public void Report(IngestionProgress value) => last = value;
        public (int Percent, long? Rows) Snapshot() => last.Stage switch
        {
            "识别" => (10, null),
            "写入" => (50, last.Rows),
            _ => (1, null),
        };
    }
}

/// <summary>The job's input: a reload's field type overrides (field name → type).</summary>
public sealed record IngestPayload(Dictionary<string, FieldType> TypeOverrides);
