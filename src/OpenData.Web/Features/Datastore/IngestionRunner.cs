using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore.Reading;
using OpenData.Web.Features.Datastore.Storage;
using OpenData.Web.Features.Datastore.Typing;

namespace OpenData.Web.Features.Datastore;

/// <summary>
/// Turns an uploaded tabular file into a new datastore table. Usually the file is read once: types are
/// inferred from a sample and checked on every row while it loads; if a later value widens a type, the
/// load rolls back and the file is read twice (infer every row, then load) — ADR 0011. A non-seekable
/// upload is first spooled to a temp file.
/// The caller stores the returned table name as the resource version's table only on success;
/// on failure no table exists. Reload with other types = run again with <see cref="IngestionOptions.TypeOverrides"/>.
/// </summary>
public sealed class IngestionRunner(IDatastore datastore, IOptions<DatastoreOptions> defaults, ILogger<IngestionRunner> log)
{
    public async Task<IngestionResult> RunAsync(Stream file, string fileName, IngestionOptions options,
        IProgress<IngestionProgress>? progress, CancellationToken ct)
    {
        var limits = options.Limits ?? defaults.Value;
        string? table = null;
        FileStream? spool = null;
        var loading = false;
        try
        {
            var input = await SeekableAsync(file, limits, ct);
            if (input != file) spool = (FileStream)input;
            var loadProgress = progress is null ? null : new Progress<long>(n => progress.Report(new IngestionProgress("写入", n)));
            async Task<IngestionResult> Attempt(ITableReader reader)
            {
                progress?.Report(new IngestionProgress("识别", 0));
                try
                {
                    // Usually one pass: types from a sample, checked on every row while the rows are loaded (ADR 0011).
                    return await LoadAsync(reader, input, limits, options, null, loadProgress, t => table = t, l => loading = l, ct);
                }
                catch (TypeSpeculationMiss miss)
                {
                    // A later value widened a column: the load rolled back; infer over every row, then load again.
                    log.LogInformation("Reloading {File} with fully inferred types: {Reason}", fileName, miss.Message);
                    (table, loading) = (null, false);
                    progress?.Report(new IngestionProgress("识别", 0));
                    input.Position = 0;
                    var full = Shape(reader, input, limits, ct);
                    var inference = new TypeInference(full.Names.Length);
                    foreach (var row in full.Rows()) inference.Observe(row.Cells);
                    return await LoadAsync(reader, input, limits, options, inference.Result(), loadProgress, t => table = t, l => loading = l, ct);
                }
            }
            var sheetNote = SheetNote(fileName, input, limits, options.Sheet);
            try
            {
                var result = await Attempt(TableReaders.For(fileName, input, limits, options.Sheet));
                return sheetNote is null ? result : result with { Warnings = [sheetNote, .. result.Warnings] };
            }
            catch (EncodingGuessMiss)
            {
                // A big file looked like UTF-8 at its start but is not further on: the load rolled back; read it as GB18030.
                log.LogInformation("Reloading {File} as GB18030: not UTF-8 past its first {Bytes} bytes", fileName, TextEncodingDetector.HeadBytes);
                (table, loading) = (null, false);
                return await Attempt(new CsvTableReader(limits.MaxCellLength) { ForceGb18030 = true });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await DropQuietly(table);
            return IngestionResult.Failed(Describe(e, fileName, loading));
        }
        catch (OperationCanceledException)
        {
            await DropQuietly(table);
            throw;
        }
        finally
        {
            if (spool is not null) await spool.DisposeAsync(); // DeleteOnClose removes the spool file
        }
    }

    /// <summary>
    /// Shapes the file, infers types over a sample (unless <paramref name="known"/>), and loads every row. With
    /// sampled types a value that would widen a column throws <see cref="TypeSpeculationMiss"/> before commit.
    /// </summary>
    private async Task<IngestionResult> LoadAsync(ITableReader reader, Stream input, DatastoreOptions limits, IngestionOptions options,
        FieldType[]? known, IProgress<long>? progress, Action<string> started, Action<bool> loading, CancellationToken ct)
    {
        input.Position = 0;
        var shaped = Shape(reader, input, limits, ct);
        var rest = shaped.Rows().GetEnumerator();
        var inference = new TypeInference(shaped.Names.Length);
        var sample = new List<RawRow>();
        while (sample.Count < SampleRows && (long)sample.Count * shaped.Names.Length < SampleCells && rest.MoveNext())
        {
            sample.Add(rest.Current);
            inference.Observe(rest.Current.Cells);
        }
        if (sample.Count == 0)
        {
            rest.Dispose();
            throw new DatastoreInputException("NoDataRows", shaped.HeaderRow is { } h
                ? $"文件只有表头（第 {h} 行），没有数据行。请在表头下方填入数据后重新上传。"
                : "文件中没有数据行。请确认上传的是正确的文件。", shaped.HeaderRow);
        }
        var typeWarnings = new List<string>();
        var columns = Columns(shaped.Names, known ?? inference.Result(), options, typeWarnings);
        var typers = columns.Select((c, i) => known is null && !options.TypeOverrides.ContainsKey(c.Name) ? inference.States[i] : null).ToArray();
        var converter = new RowConverter(columns, typers);

        loading(true);
        var table = DatastoreTables.NewName();
        started(table);
        progress?.Report(0);
        // CSV rows past the sample are read from the tokenizer directly when the shaper has handed out its own (ADR 0012).
        var tokenizer = reader is CsvTableReader { Tokenizer: { } t } && shaped.PastBuffered ? t : null;
        var count = await datastore.LoadAsync(table, columns, new TypedRows(sample, rest, converter, shaped, tokenizer), progress, ct);
        var warnings = reader.Notes.Concat(shaped.Notes).Concat(typeWarnings).ToList();
        return new IngestionResult(true, table, columns, count, warnings, null, shaped.Unit);
    }

    /// <summary>Sample rows big enough that a type rarely widens later, small enough to hold in memory.</summary>
    private const int SampleRows = 10_000, SampleCells = 200_000;

    private static ShapedTable Shape(ITableReader reader, Stream input, DatastoreOptions limits, CancellationToken ct)
    {
        var shaped = new TableShaper(limits).Shape(reader.ReadRows(input, ct));
        shaped.ReportShortRows = reader is CsvTableReader;
        return shaped;
    }

    private static List<DatastoreColumn> Columns(string[] names, FieldType[] inferred, IngestionOptions options, List<string> warnings)
    {
        var columns = names.Select((n, i) => new DatastoreColumn(n, options.TypeOverrides.GetValueOrDefault(n, inferred[i]), DatastoreTables.ColumnName(i))).ToList();
        foreach (var unknown in options.TypeOverrides.Keys.Except(names))
            warnings.Add($"字段字典中的“{unknown}”在文件里不存在，其类型设置被忽略。");
        return columns;
    }

    /// <summary>Which sheet of a workbook this load takes and which sheets are empty (null for one sheet or another format).</summary>
    private static string? SheetNote(string fileName, Stream input, DatastoreOptions limits, string? sheet)
    {
        var sheets = WorkbookSheets.List(fileName, input, limits);
        var loaded = sheets.FirstOrDefault(s => s.Name == sheet && !s.Empty).Name ?? sheets.FirstOrDefault(s => !s.Empty).Name;
        return loaded is null ? null : WorkbookSheets.Describe(sheets, loaded);
    }

    private static async Task<Stream> SeekableAsync(Stream file, DatastoreOptions limits, CancellationToken ct)
    {
        if (file.CanSeek)
        {
            if (file.Length > limits.MaxUploadBytes) throw TooLarge(limits);
            file.Position = 0;
            return file;
        }
        var path = Path.Combine(Path.GetTempPath(), "odp-ingest-" + Guid.NewGuid().ToString("N"));
        var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        var buffer = new byte[1 << 16];
        int n;
        while ((n = await file.ReadAsync(buffer, ct)) > 0)
        {
            if (spool.Length + n > limits.MaxUploadBytes) { await spool.DisposeAsync(); throw TooLarge(limits); }
            await spool.WriteAsync(buffer.AsMemory(0, n), ct);
        }
        spool.Position = 0;
        return spool;
    }

    private static DatastoreInputException TooLarge(DatastoreOptions limits) =>
        new("FileTooLarge", $"文件超过了 {limits.MaxUploadBytes / (1024 * 1024)} MB 的上传上限。请压缩掉无用的列或拆分为多个文件后上传，或联系管理员调整上限。");

    /// <summary>
    /// Anything a parser throws while the file is first read means a broken file, not a broken platform
    /// (ExcelDataReader in particular throws many exception types on damaged workbooks).
    /// </summary>
    private IngestionError Describe(Exception e, string fileName, bool loading) => e switch
    {
        DatastoreInputException d => d.ToError(),
        _ when !loading || e is InvalidDataException or XmlException or JsonException or ExcelDataReader.Exceptions.ExcelReaderException =>
            new IngestionError("CorruptFile", $"无法读取文件“{fileName}”：文件已损坏，或内容与扩展名不符（{e.Message}）。请用 Excel 或 WPS 打开确认后重新保存并上传。"),
        _ => Unexpected(e, fileName),
    };

    private IngestionError Unexpected(Exception e, string fileName)
    {
        log.LogError(e, "Ingestion of {File} failed unexpectedly", fileName);
        return new IngestionError("InternalError", "处理文件时发生内部错误，数据没有被发布，之前的版本继续提供服务。请稍后重试；如果反复出现，请联系平台管理员。");
    }

    private async Task DropQuietly(string? table)
    {
        if (table is null) return;
        try { await datastore.DropTableAsync(table, CancellationToken.None); }
        catch (Exception e) { log.LogWarning(e, "Could not drop datastore table {Table} after a failed load", table); }
    }
}
