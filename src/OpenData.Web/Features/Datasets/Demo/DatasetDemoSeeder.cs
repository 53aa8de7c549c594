using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Storage;

namespace OpenData.Web.Features.Datasets.Demo;

/// <summary>
/// The demo catalog (示例数据): the specs of DemoCatalog with CSV rows generated from a seeded Random, so every
/// run produces the same files. The catalog is written in bulk (not through the commands);
/// then each file is loaded by the ingestion runner, as an upload would be.
/// </summary>
public sealed class DatasetDemoSeeder : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<PortalDbContext>();
        if (await db.Datasets.AnyAsync(ct)) return;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var files = sp.GetRequiredService<IFileStore>();
        var search = sp.GetRequiredService<DatasetSearch>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, ct);
        var datasets = new List<Dataset>();
        for (var n = 0; n < DemoCatalog.All.Count; n++)
            datasets.Add(await BuildAsync(DemoCatalog.All[n], n, departments, files, now, ct));

        var jobs = new List<Job>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Datasets.AddRange(datasets);
        await db.SaveChangesAsync(ct);
        foreach (var d in datasets)
        {
            await search.IndexAsync(d, ct);
            foreach (var v in d.Resources.SelectMany(r => r.Versions))
                jobs.Add(db.Jobs.Add(new Job
                {
                    // Claimed by the seed itself, so a worker never takes them; run just below.
                    Kind = "ingest", DatasetId = d.Id, ResourceVersionId = v.Id, State = JobState.Running, ClaimedBy = "seed", Attempts = 1,
                    CreatedAt = v.UploadedAt, StartedAt = now, HeartbeatAt = now,
                }).Entity);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var catalogMs = watch.ElapsedMilliseconds;
        await IngestAsync(sp, jobs.Select(j => j.Id), ct);
        sp.GetRequiredService<ILogger<DatasetDemoSeeder>>().LogInformation(
            "Demo catalog: {Count} datasets ({Catalog} ms), {Jobs} files loaded into the datastore, {Ms} ms in all",
            datasets.Count, catalogMs, jobs.Count, watch.ElapsedMilliseconds);
    }

    /// <summary>Every demo file goes through the real pipeline (datastore table, field types, samples), synchronously.</summary>
    private static async Task IngestAsync(IServiceProvider sp, IEnumerable<long> jobIds, CancellationToken ct)
    {
        var scopes = sp.GetRequiredService<IServiceScopeFactory>();
        // Two at a time: one parses while the other writes (loads queue on the datastore's single writer anyway).
        await Parallel.ForEachAsync(jobIds, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (id, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Datastore.Jobs.IngestionJobRunner>().RunAsync(id, token);
        });
    }

    private static async Task<Dataset> BuildAsync(DemoSpec s, int n, Dictionary<string, Department> departments,
        IFileStore files, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(20261128 + n * 7919);
        var rows = Generate(s, random, now);
        var dept = departments[s.Dept];
        var dataUpdated = now.AddDays(-s.AgeDays).AddHours(-random.Next(1, 8));
        var interval = Timeliness.Interval(s.Frequency) ?? TimeSpan.FromDays(90);
        var firstUpload = dataUpdated - interval * (s.Versions - 1) * 0.9;
        var resource = new Resource
        {
            Name = s.ResourceName ?? s.Title, Format = "CSV", ApiCode = $"ls{n + 1:D3}{s.Slug.Replace("-", "")[..Math.Min(6, s.Slug.Replace("-", "").Length)]}",
            CurrentVersion = s.Versions, CreatedAt = firstUpload, UpdatedAt = dataUpdated,
        };
        for (var v = 1; v <= s.Versions; v++)
        {
            var count = rows.Count * v / s.Versions;
            var csv = ToCsv(s, rows.Take(count));
            var stored = await files.SaveAsync(new MemoryStream(csv), ct);
            var sample = new TabularSample(s.Columns.Select(c => c.Name).ToList(), rows.Take(TabularSampler.SampleRows).ToList(), count);
            resource.Versions.Add(new ResourceVersion
            {
                Number = v, FileHash = stored.Hash, Size = stored.Size, Format = "CSV", ContentType = "text/csv",
                OriginalFileName = $"{s.Slug}-{(v == s.Versions ? "latest" : "v" + v)}.csv",
                UploadedAt = v == s.Versions ? dataUpdated : firstUpload + interval * (v - 1) * 0.9,
                UploadedByName = "示例数据", RowCount = count, FieldCount = s.Columns.Length, SampleJson = sample.ToJson(),
            });
        }
        resource.RowCount = rows.Count;
        resource.FieldCount = s.Columns.Length;
        var created = firstUpload.AddDays(-3);
        var views = random.Next(80, 6000);
        var d = new Dataset
        {
            Slug = s.Slug, Title = s.Title, Summary = s.Summary, DepartmentId = dept.Id, DomainId = s.Domain, Tags = s.Tags,
            OpenCondition = s.Restricted ? OpenCondition.Restricted : OpenCondition.Open, UpdateFrequency = s.Frequency,
            CountyCode = s.County, SpatialCoverage = s.County is null ? "丽水市（九县市区）" : DemoGeo.Counties.First(c => c.Code == s.County).Name,
            TimeCoverage = s.Groups > 0 ? $"{rows[0][0]} 至 {rows[^1][0]}" : "",
            Contact = $"{dept.Name} 数据管理科 0578-2{random.Next(100000, 999999)}", Licence = "丽水市公共数据开放许可协议",
            IsSample = true, IsPublished = true, PublishedAt = created.AddDays(1), CreatedAt = created, UpdatedAt = dataUpdated,
            DataUpdatedAt = dataUpdated, ViewCount = views, DownloadCount = random.Next(5, views / 4),
            Fields = s.Columns.Select((c, i) => new DatasetField
            {
                Position = i, Name = c.Name, Type = c.Type, Unit = c.Unit, Description = c.Description, Example = rows.Count > 0 ? rows[0][i] : "",
            }).ToList(),
            Resources = [resource],
        };
        DatasetCommands.Recalculate(d);
        return d;
    }

    private static List<IReadOnlyList<string>> Generate(DemoSpec s, Random random, DateTimeOffset now)
    {
        var row = new DemoRow(random);
        var counties = DemoGeo.Counties;
        var fixedCounty = s.County is null ? null : counties.First(c => c.Code == s.County);
        var end = DateOnly.FromDateTime(now.AddDays(-s.AgeDays).UtcDateTime);
        var dates = s.Groups > 0 ? (s.Rows + s.Groups - 1) / s.Groups : 0;
        var list = new List<IReadOnlyList<string>>(s.Rows);
        for (var i = 0; i < s.Rows; i++)
        {
            row.I = i;
            row.County = fixedCounty ?? (s.Groups == 9 ? counties[i % 9] : counties[random.Next(counties.Count)]);
            row.Town = row.County.Townships[random.Next(row.County.Townships.Length)];
            (row.Lon, row.Lat) = row.County.RandomPoint(random);
            row.Date = s.Groups > 0 ? end.AddDays(-(dates - 1 - i / s.Groups) * s.StepDays) : default;
            row.Values.Clear();
            list.Add(s.Columns.Select(c => row.Values[c.Name] = c.Value(row)).ToList());
        }
        return list;
    }

    private static byte[] ToCsv(DemoSpec s, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', s.Columns.Select(c => Csv.Escape(c.Name)))).Append("\r\n");
        foreach (var r in rows) sb.Append(string.Join(',', r.Select(Csv.Escape))).Append("\r\n");
        // UTF-8 with BOM, so the file opens correctly in Excel.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }
}
