using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datasets.Demo;

namespace CatalogBench;

/// <summary>10,000 datasets derived from the demo specs: each county × year × batch gets its own title.</summary>
public static class Generator
{
    public static async Task SeedAsync(IServiceProvider services, int count)
    {
        var random = new Random(42);
        var specs = DemoCatalog.All;
        var counties = DemoGeo.Counties;
        var batch = 0;
        while (batch * 500 < count)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var search = scope.ServiceProvider.GetRequiredService<DatasetSearch>();
            var departments = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
            var list = new List<Dataset>();
            for (var i = batch * 500; i < Math.Min(count, (batch + 1) * 500); i++)
            {
                var s = specs[i % specs.Count];
                var county = counties[i / specs.Count % counties.Count];
                var year = 2015 + i / (specs.Count * counties.Count) % 12;
                var now = DateTimeOffset.UtcNow.AddDays(-random.Next(0, 900));
                var rows = random.Next(10, 50000);
                var d = new Dataset
                {
                    Slug = $"bench-{i:D5}", Title = $"{county.Name}{s.Title}（{year}年）", Summary = s.Summary, DepartmentId = departments[s.Dept],
                    DomainId = s.Domain, Tags = s.Tags, OpenCondition = s.Restricted ? OpenCondition.Restricted : OpenCondition.Open,
                    UpdateFrequency = s.Frequency, CountyCode = county.Code, IsPublished = true, PublishedAt = now, CreatedAt = now,
                    UpdatedAt = now, DataUpdatedAt = now, ViewCount = random.Next(0, 10000), DownloadCount = random.Next(0, 2000),
                    RatingAverage = Math.Round(random.NextDouble() * 5, 1), RatingCount = random.Next(0, 40), IsSample = true,
                    Fields = s.Columns.Select((c, k) => new DatasetField { Position = k, Name = c.Name, Type = c.Type, Unit = c.Unit }).ToList(),
                    Resources =
                    [
                        new Resource
                        {
                            Name = s.Title, Format = random.Next(4) == 0 ? "XLSX" : "CSV", ApiCode = $"bench{i:D5}", CurrentVersion = 1,
                            RowCount = rows, FieldCount = s.Columns.Length, CreatedAt = now, UpdatedAt = now,
                            Versions = [new ResourceVersion { Number = 1, FileHash = new string('0', 64), Size = rows * 80L, Format = "CSV", OriginalFileName = "bench.csv", UploadedAt = now }],
                        },
                    ],
                };
                DatasetCommands.Recalculate(d);
                list.Add(d);
            }
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Datasets.AddRange(list);
            await db.SaveChangesAsync();
            foreach (var d in list) await search.IndexAsync(d);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            batch++;
        }
    }
}
