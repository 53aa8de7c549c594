using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenData.Web.Data;
using OpenData.Web.Data.Entities;
using OpenData.Web.Features.Accounts;

namespace OpenData.Web.Features.Datasets;

/// <summary>Checks a DatasetInput against the reference tables and applies it to an entity (nothing is saved here).</summary>
public static partial class DatasetValidation
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,79}$")] private static partial Regex SlugRegex();

    /// <summary>Validates; on success fills the entity. A null property on update keeps the current value.</summary>
    public static async Task<FieldErrors> ApplyAsync(PortalDbContext db, DatasetInput i, Dataset d, bool creating, CancellationToken ct)
    {
        var e = new FieldErrors();
        var title = i.Title?.Trim();
        if (creating || title is not null)
        {
            if (string.IsNullOrEmpty(title)) e.AddOnce("title", "请填写数据集名称");
            else if (title.Length > 200) e.AddOnce("title", "数据集名称不能超过 200 个字");
            else d.Title = title;
        }
        if (i.Summary is not null)
        {
            if (i.Summary.Trim().Length > 4000) e.AddOnce("summary", "简介不能超过 4000 个字");
            else d.Summary = i.Summary.Trim();
        }
        var org = i.Organization?.Trim();
        if (creating || org is not null)
        {
            if (string.IsNullOrEmpty(org)) e.AddOnce("organization", "请选择提供机构");
            else if (await db.Departments.FirstOrDefaultAsync(x => x.Code == org && !x.IsRetired, ct) is { } dept)
            { d.DepartmentId = dept.Id; d.Department = dept; }
            else e.AddOnce("organization", $"提供机构不存在：{org}");
        }
        if (creating || i.Domain is not null)
        {
            if (i.Domain is null) e.AddOnce("domain", "请选择数据领域");
            else if (await db.Domains.AnyAsync(x => x.Id == i.Domain && !x.IsRetired, ct)) d.DomainId = i.Domain.Value;
            else e.AddOnce("domain", $"数据领域不存在：{i.Domain}（可选值见 /api/v1/domains）");
        }
        if (i.OpenCondition is not null)
        {
            if (DatasetLabels.ParseOpenCondition(i.OpenCondition) is { } oc) d.OpenCondition = oc;
            else e.AddOnce("openCondition", "开放属性应为 open（无条件开放）或 restricted（有条件开放）");
        }
        if (i.UpdateFrequency is not null)
        {
            if (DatasetLabels.ParseFrequency(i.UpdateFrequency) is { } f) d.UpdateFrequency = f;
            else e.AddOnce("updateFrequency", "更新频率应为 实时、每日、每周、每月、每季度、每半年、每年 或 不定期");
        }
        if (i.County is not null)
        {
            var c = i.County.Trim();
            if (c.Length == 0) d.CountyCode = null;
            else if (await db.Counties.FirstOrDefaultAsync(x => x.Code == c || x.Name == c, ct) is { } county) d.CountyCode = county.Code;
            else e.AddOnce("county", $"区县不存在：{c}");
        }
        if (i.Tags is not null)
        {
            var tags = i.Tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
            if (tags.Count > 10) e.AddOnce("tags", "标签最多 10 个");
            else if (tags.Any(t => t.Length > 20 || t.Contains(','))) e.AddOnce("tags", "每个标签不超过 20 个字，且不含逗号");
            else d.Tags = string.Join(',', tags);
        }
        Text(e, "timeCoverage", i.TimeCoverage, 100, v => d.TimeCoverage = v);
        Text(e, "spatialCoverage", i.SpatialCoverage, 100, v => d.SpatialCoverage = v);
        Text(e, "contact", i.Contact, 200, v => d.Contact = v);
        Text(e, "licence", i.Licence, 100, v => d.Licence = v);
        if (creating && i.Slug is { Length: > 0 } slug)
        {
            if (!SlugRegex().IsMatch(slug)) e.AddOnce("slug", "标识只能由小写字母、数字和短横线组成（3–80 位）");
            else if (await db.Datasets.AnyAsync(x => x.Slug == slug, ct)) e.AddOnce("slug", "该标识已被使用");
            else d.Slug = slug;
        }
        if (i.Fields is not null && ValidateFields(i.Fields, e) is { } fields)
        {
            d.Fields.Clear();
            d.Fields.AddRange(fields);
        }
        return e;
    }

    /// <summary>The field dictionary: names required and unique, known types.</summary>
    public static List<DatasetField>? ValidateFields(IReadOnlyList<FieldInput> input, FieldErrors e)
    {
        var list = new List<DatasetField>();
        var names = new HashSet<string>();
        for (var n = 0; n < input.Count; n++)
        {
            var f = input[n];
            var name = f.Name?.Trim() ?? "";
            var type = string.IsNullOrWhiteSpace(f.Type) ? "text" : f.Type.Trim().ToLowerInvariant();
            if (name.Length == 0) { e.AddOnce($"fields[{n}].name", "请填写数据项名称"); continue; }
            if (name.Length > 100) { e.AddOnce($"fields[{n}].name", "数据项名称不能超过 100 个字"); continue; }
            if (!names.Add(name)) { e.AddOnce($"fields[{n}].name", $"数据项重复：{name}"); continue; }
            if (!DatasetLabels.FieldTypes.Contains(type))
                type = DatasetLabels.FieldTypes.FirstOrDefault(t => DatasetLabels.FieldTypeLabel(t) == type) ?? "";
            if (type.Length == 0) { e.AddOnce($"fields[{n}].type", "类型应为 text、integer、decimal、date、datetime 或 boolean"); continue; }
            list.Add(new DatasetField
            {
                Position = n, Name = name, Type = type,
                Description = Cut(f.Description, 500), Unit = Cut(f.Unit, 20), Example = Cut(f.Example, 200),
            });
        }
        if (list.Count > 500) e.AddOnce("fields", "数据项最多 500 个");
        return e.Ok ? list : null;
    }

    private static void Text(FieldErrors e, string key, string? value, int max, Action<string> set)
    {
        if (value is null) return;
        if (value.Trim().Length > max) e.AddOnce(key, $"不能超过 {max} 个字");
        else set(value.Trim());
    }

    private static string Cut(string? s, int max) => (s ?? "").Trim() is var t && t.Length > max ? t[..max] : (s ?? "").Trim();
}
