using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Jobs;

namespace OpenData.Web.Features.Datasets;

public sealed partial class DatasetCommands
{
    /// <summary>
    /// The provider changed a field's type in the dictionary: reload each served table with the dictionary's
    /// types as overrides. The reload builds a new table; the old one is served until it succeeds, and a value
    /// that does not fit the new type fails the job with its row and column (the old table stays).
    /// </summary>
    private async Task QueueReloadsAsync(Dataset d, ClaimsPrincipal user, CancellationToken ct)
    {
        var types = d.Fields.Where(f => Enum.TryParse<FieldType>(f.Type, true, out _))
            .ToDictionary(f => f.Name, f => Enum.Parse<FieldType>(f.Type, true));
        var served = await db.ResourceVersions.AsNoTracking()
            .Where(v => v.Resource!.DatasetId == d.Id && v.Number == v.Resource.CurrentVersion && v.TableName != null)
            .Select(v => new { v.Id, v.ColumnsJson }).ToListAsync(ct);
        foreach (var v in served)
        {
            var names = (JsonSerializer.Deserialize<List<DatastoreColumn>>(v.ColumnsJson ?? "[]", IngestionJobRunner.Json) ?? []).Select(c => c.Name).ToHashSet();
            var overrides = types.Where(t => names.Contains(t.Key)).ToDictionary();
            db.Jobs.Add(new Job
            {
                Kind = "ingest", DatasetId = d.Id, ResourceVersionId = v.Id, State = JobState.Queued, CreatedAt = clock.GetUtcNow(),
                CreatedById = DatasetAccess.UserId(user), Payload = JsonSerializer.Serialize(new IngestPayload(overrides), IngestionJobRunner.Json),
            });
        }
        if (served.Count == 0) return;
        await db.SaveChangesAsync(ct);
        signal.Poke();
    }
}
