using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.Datastore.Reading;

namespace OpenData.Web.Features.Datasets;

public sealed partial class DatasetCommands
{
    /// <summary>
    /// The resources one upload feeds. A workbook with several non-empty sheets becomes one resource per sheet
    /// ("名称（工作表）"), so no sheet is dropped without a word; re-uploading it updates the same resources by name.
    /// A new version of a chosen resource keeps that resource's sheet when the workbook still has it.
    /// </summary>
    private static List<(Resource? Resource, string Name, string? Sheet)> Targets(
        Dataset d, Resource? chosen, string name, IReadOnlyList<SheetInfo> sheets)
    {
        var full = sheets.Where(s => !s.Empty).Select(s => s.Name).ToList();
        if (chosen is not null)
        {
            var previous = chosen.Versions.OrderByDescending(v => v.Number).Select(v => v.SheetName).FirstOrDefault();
            return [(chosen, chosen.Name, full.Contains(previous ?? "") ? previous : full.FirstOrDefault())];
        }
        if (full.Count <= 1)
            return [(d.Resources.FirstOrDefault(r => r.Name == name), name, full.FirstOrDefault())];
        return full.Select(sheet =>
        {
            var suffix = $"（{sheet}）";
            var named = (name.Length + suffix.Length > 200 ? name[..(200 - suffix.Length)] : name) + suffix;
            return (d.Resources.FirstOrDefault(r => r.Name == named), named, (string?)sheet);
        }).ToList();
    }

    /// <summary>A workbook's sheets; none for other formats or a file the reader refuses (its load then says why).</summary>
    private IReadOnlyList<SheetInfo> Sheets(string hash, string fileName)
    {
        try
        {
            using var file = files.OpenRead(hash);
            if (!file.CanSeek) return [];
            return WorkbookSheets.List(fileName, file, datastoreLimits.Value);
        }
        catch (Exception e) when (e is DatastoreInputException or InvalidDataException or System.Xml.XmlException
                                  or ExcelDataReader.Exceptions.ExcelReaderException or IOException)
        {
            return [];
        }
    }
}
