using Microsoft.Data.Sqlite;
using OpenData.Web.Features.Datastore.Export;
using SQLitePCL;

namespace OpenData.Web.Features.Datastore.Storage;

/// <summary>
/// A whole-table CSV download from SQLite on the raw statement API (ADR 0011): text columns go from SQLite's
/// UTF-8 straight into the output buffer, numbers are formatted from the stored value; no boxes, no strings.
/// The text is what <see cref="ExportWriters.CsvAsync"/> writes for the same rows (decimals via decimal, 是/否).
/// </summary>
internal static class SqliteCsvExport
{
    public static async Task WriteAsync(SqliteConnection conn, string name, IReadOnlyList<DatastoreColumn> columns, Stream output, CancellationToken ct)
    {
        var db = conn.Handle!;
        var sql = $"SELECT {string.Join(", ", columns.Select(c => DatastoreTables.CheckColumn(c.Column)))} FROM {name} ORDER BY _id";
        if (raw.sqlite3_prepare_v2(db, sql, out var stmt) != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), 1);
        using (stmt)
        {
            await using var w = new CsvUtf8Writer(output);
            w.Bom();
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0) w.Comma();
                w.Text(columns[i].Name, false);
            }
            w.EndRow();
            var types = columns.Select(c => c.Type).ToArray();
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
                Row(w, stmt, types);
                if (w.Full) { ct.ThrowIfCancellationRequested(); await w.FlushAsync(ct); }
            }
            if (rc != raw.SQLITE_DONE) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
            await w.FlushAsync(ct);
        }
        await output.FlushAsync(ct);
    }

    private static void Row(CsvUtf8Writer w, sqlite3_stmt stmt, FieldType[] types)
    {
        for (var i = 0; i < types.Length; i++)
        {
            if (i > 0) w.Comma();
            if (types[i] is FieldType.Text or FieldType.Date or FieldType.DateTime)
            {
                // Stored as text, and never as "" (cells are cleaned to NULL), so an empty span is NULL: one call, not two.
                w.Utf8(raw.sqlite3_column_blob(stmt, i), types[i] == FieldType.Text, types[i] == FieldType.DateTime);
                continue;
            }
            switch (raw.sqlite3_column_type(stmt, i))
            {
                case raw.SQLITE_NULL: break;
                case raw.SQLITE_INTEGER when types[i] == FieldType.Boolean: w.Boolean(raw.sqlite3_column_int64(stmt, i) != 0); break;
                case raw.SQLITE_INTEGER when types[i] == FieldType.Decimal: w.Format((decimal)raw.sqlite3_column_int64(stmt, i)); break;
                case raw.SQLITE_INTEGER: w.Format(raw.sqlite3_column_int64(stmt, i)); break;
                case raw.SQLITE_FLOAT: w.Format((decimal)raw.sqlite3_column_double(stmt, i)); break; // as FromDb: Convert.ToDecimal
                default: w.Utf8(raw.sqlite3_column_blob(stmt, i), types[i] == FieldType.Text, types[i] == FieldType.DateTime); break;
            }
        }
        w.EndRow();
    }
}
