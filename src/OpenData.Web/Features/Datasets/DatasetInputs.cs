using OpenData.Web.Features.Accounts;

namespace OpenData.Web.Features.Datasets;

/// <summary>Create/edit request of the management API and the publishing form model.</summary>
public sealed class DatasetInput
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    /// <summary>Department code; a provider may only use its own.</summary>
    public string? Organization { get; set; }
    /// <summary>Domain id from /api/v1/domains.</summary>
    public int? Domain { get; set; }
    public List<string>? Tags { get; set; }
    /// <summary>"open" (无条件开放) or "restricted" (有条件开放); the Chinese labels are accepted too.</summary>
    public string? OpenCondition { get; set; }
    /// <summary>realtime, daily, weekly, monthly, quarterly, halfyearly, yearly, irregular (or 实时, 每日 …).</summary>
    public string? UpdateFrequency { get; set; }
    /// <summary>County adcode or name (莲都区 …); empty for 全市.</summary>
    public string? County { get; set; }
    public string? TimeCoverage { get; set; }
    public string? SpatialCoverage { get; set; }
    public string? Contact { get; set; }
    public string? Licence { get; set; }
    /// <summary>Optional stable URL name on creation (lowercase letters, digits, dashes); generated when empty.</summary>
    public string? Slug { get; set; }
    /// <summary>When given, replaces the field dictionary (数据项).</summary>
    public List<FieldInput>? Fields { get; set; }

    /// <summary>Splits a form's "a, b；c" tag text into tags.</summary>
    public static List<string> SplitTags(string? text) =>
        (text ?? "").Split([',', '，', ';', '；', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct().ToList();
}

public sealed class FieldInput
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? Unit { get; set; }
    public string? Example { get; set; }
}

/// <summary>An uploaded file. ResourceId adds a version to that resource; otherwise a resource with the same
/// name gets a new version, or a new resource is created.</summary>
public sealed record UploadInput(string? Name, int? ResourceId, string FileName, long Length, Stream Content);

public enum CommandStatus { Ok, NotFound, Forbidden, Invalid }

/// <summary>Outcome of a command: Errors are keyed by camelCase field name (title, organization, domain, file …).</summary>
public sealed record CommandResult<T>(CommandStatus Status, T? Value = default, FieldErrors? Errors = null)
{
    public bool Ok => Status == CommandStatus.Ok;
    public static CommandResult<T> Success(T value) => new(CommandStatus.Ok, value);
    public static CommandResult<T> NotFound() => new(CommandStatus.NotFound);
    public static CommandResult<T> Forbidden() => new(CommandStatus.Forbidden);
    public static CommandResult<T> Invalid(FieldErrors errors) => new(CommandStatus.Invalid, default, errors);
}

/// <summary>Result of a download request; on success one file to stream, or a datastore table to export in ExportFormat.</summary>
public sealed record DownloadResult(
    int Status, string? Code, string? Message, string? FilePath = null, string? FileName = null, string? ContentType = null,
    Datastore.ResourceTable? Table = null, string? ExportFormat = null);
