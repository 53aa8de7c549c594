namespace OpenData.Web.Features.Datastore;

/// <summary>The "Datastore" configuration section: ingestion limits (see docs/configuration.md).</summary>
public sealed class DatastoreOptions
{
    public const string Section = "Datastore";

    /// <summary>The operator's ceiling for uploads; the limit in force is the back office's upload.maxMb setting
    /// (default 200 MB) up to this ceiling (see Datasets/UploadLimit).</summary>
    public long MaxUploadBytes { get; set; } = 1024L * 1024 * 1024;
    public int MaxColumns { get; set; } = 500;
    /// <summary>Longest cell, in characters.</summary>
    public int MaxCellLength { get; set; } = 32_768;
    /// <summary>Sum of the uncompressed sizes of an XLSX package: a zip bomb is refused before it is inflated.</summary>
    public long XlsxMaxUncompressedBytes { get; set; } = 1024L * 1024 * 1024;
    /// <summary>Uncompressed/compressed ratio above which an XLSX part is refused (real sheets stay well below).</summary>
    public int XlsxMaxCompressionRatio { get; set; } = 200;
    public long XlsxMaxCells { get; set; } = 20_000_000;
    /// <summary>
    /// Entries of an XLSX shared-string table (also never more than XlsxMaxCells). The table is held in memory
    /// while the sheet is read, so it is bounded by count and by characters, whatever the package checks allowed.
    /// </summary>
    public int XlsxMaxSharedStrings { get; set; } = 2_000_000;
    /// <summary>Characters of all shared strings together (UTF-16: two bytes each in memory).</summary>
    public long XlsxMaxSharedStringChars { get; set; } = 64_000_000;
    /// <summary>Rows read from the top of a sheet to find the header below title rows.</summary>
    public int HeaderScanRows { get; set; } = 30;
    /// <summary>Columns indexed after the load (filters on the rest still work, just slower).</summary>
    public int MaxIndexedColumns { get; set; } = 32;
    /// <summary>Tables up to this many rows are indexed at load; bigger ones index a column on its first filter or sort (ADR 0011).</summary>
    public long EagerIndexRows { get; set; } = 100_000;
    /// <summary>Run the ingestion worker on this node (a node that only serves pages may turn it off).</summary>
    public bool WorkerEnabled { get; set; } = true;
    /// <summary>How often the worker looks for queued jobs queued by other nodes.</summary>
    public double JobPollSeconds { get; set; } = 2;
    /// <summary>A running job without a heartbeat for this long belonged to a dead process and is taken over.</summary>
    public double JobStaleSeconds { get; set; } = 30;
    /// <summary>Attempts before an interrupted job is failed instead of run again.</summary>
    public int JobMaxAttempts { get; set; } = 3;
}

/// <summary>Per-run choices: the provider's type overrides (field name → type) from the field dictionary.</summary>
public sealed class IngestionOptions
{
    public IReadOnlyDictionary<string, FieldType> TypeOverrides { get; init; } = new Dictionary<string, FieldType>();
    /// <summary>Null means the configured <see cref="DatastoreOptions"/>.</summary>
    public DatastoreOptions? Limits { get; init; }
    /// <summary>The worksheet of a workbook to load (null: the first with data).</summary>
    public string? Sheet { get; init; }
}
