using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datasets;

namespace OpenData.Web.Features.Datastore.Jobs;

/// <summary>
/// Brings the field dictionary in line with a loaded table: types come from the load (inferred, or the
/// provider's override that the load honoured); names, descriptions and units the provider wrote are kept.
/// </summary>
public static class FieldDictionary
{
    public static string TypeName(FieldType t) => t.ToString().ToLowerInvariant();

    public static void Merge(Dataset d, IReadOnlyList<DatastoreColumn> columns, TabularSample sample, string? tableUnit = null)
    {
        for (var i = 0; i < columns.Count && i < 500; i++)
        {
            var name = columns[i].Name.Length > 100 ? columns[i].Name[..100] : columns[i].Name;
            var example = sample.Rows.Select(r => i < r.Count ? r[i] : "").FirstOrDefault(v => v.Length > 0) ?? "";
            if (example.Length > 200) example = example[..200];
            var field = d.Fields.FirstOrDefault(f => f.Name == name);
            var unit = tableUnit is not null && Measured(columns[i]) ? tableUnit : "";
            if (field is null)
                d.Fields.Add(new DatasetField { Position = i, Name = name, Type = TypeName(columns[i].Type), Example = example, Unit = unit });
            else
            {
                if (field.Unit.Length == 0) field.Unit = unit;
                field.Type = TypeName(columns[i].Type);
                field.Position = i;
                if (field.Example.Length == 0) field.Example = example;
            }
        }
    }

    /// <summary>A table's stated unit belongs to its measures, not to a numeric year, rank or code column.</summary>
    private static bool Measured(DatastoreColumn c) =>
        c.Type is FieldType.Integer or FieldType.Decimal && c.Name is not ("年" or "月") && !NotMeasures.Any(c.Name.Contains);

    private static readonly string[] NotMeasures = ["年份", "年度", "序号", "编号", "代码", "排名", "邮编", "月份"];
}
