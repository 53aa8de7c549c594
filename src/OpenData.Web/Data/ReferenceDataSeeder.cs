using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Data;

/// <summary>Puts the 22 domains, Lishui's departments and the nine counties into every database; idempotent.</summary>
public static class ReferenceDataSeeder
{
    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var domainIds = await db.Domains.Select(d => d.Id).ToHashSetAsync(ct);
        var order = 0;
        foreach (var row in ReadCsv("domains.csv"))
        {
            order++;
            var id = int.Parse(row[0]);
            if (!domainIds.Contains(id))
                db.Domains.Add(new Domain { Id = id, Name = row[1], Icon = row[2], SortOrder = order });
        }

        var deptCodes = await db.Departments.Select(d => d.Code).ToHashSetAsync(ct);
        order = 0;
        foreach (var row in ReadCsv("departments.csv"))
        {
            order++;
            if (!deptCodes.Contains(row[0]))
                db.Departments.Add(new Department { Code = row[0], ShortName = row[1], Name = row[2], SortOrder = order });
        }

        var countyCodes = await db.Counties.Select(c => c.Code).ToHashSetAsync(ct);
        foreach (var row in ReadCsv("counties.csv"))
            if (!countyCodes.Contains(row[0]))
                db.Counties.Add(new County { Code = row[0], Name = row[1] });

        await db.SaveChangesAsync(ct);
    }

    // The embedded files are our own simple CSVs: no quoted commas.
    private static IEnumerable<string[]> ReadCsv(string name)
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly
            .GetManifestResourceStream($"OpenData.Web.Data.Reference.{name}")
            ?? throw new InvalidOperationException($"Missing reference file {name}");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                yield return line.Split(',');
    }
}
