namespace OpenData.Web.Data.Entities;

/// <summary>A file of a dataset. Every upload adds a version; earlier versions stay downloadable (历史数据).</summary>
public class Resource
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Format of the current version (CSV, XLSX, XLS, JSON, XML, PDF, ZIP, GEOJSON).</summary>
    public string Format { get; set; } = "";
    /// <summary>Stable code of the resource's data API; survives new uploads.</summary>
    public string ApiCode { get; set; } = "";
    public int CurrentVersion { get; set; }
    public long? RowCount { get; set; }
    public int? FieldCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ResourceVersion> Versions { get; set; } = [];
}

/// <summary>One uploaded file of a resource; the bytes live in IFileStore under their SHA-256.</summary>
public class ResourceVersion
{
    public int Id { get; set; }
    public int ResourceId { get; set; }
    public Resource? Resource { get; set; }
    public int Number { get; set; }
    public string FileHash { get; set; } = "";
    public long Size { get; set; }
    public string Format { get; set; } = "";
    public string OriginalFileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
    public long? RowCount { get; set; }
    public int? FieldCount { get; set; }
    /// <summary>JSON {"columns":[..],"rows":[[..]..]}: up to 10 sample rows, shown beside the field dictionary.</summary>
    public string? SampleJson { get; set; }
    /// <summary>The datastore table of this version (ADR 0010), set only once its load committed; null for
    /// non-tabular files, failed loads and loads still queued.</summary>
    public string? TableName { get; set; }
    /// <summary>JSON list of DatastoreColumn (field name, type, SQL column) of <see cref="TableName"/>.</summary>
    public string? ColumnsJson { get; set; }
    /// <summary>Warnings of the last load (skipped rows, padded rows…), one per line, shown to the provider.</summary>
    public string? IngestWarnings { get; set; }
    /// <summary>The worksheet of a workbook this version loads (one resource per non-empty sheet); null: the first with data.</summary>
    public string? SheetName { get; set; }
}
