using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenData.Web.Features.Datastore;

namespace OpenData.UnitTests.Features.Datastore;

internal static class Ingest
{
    public static async Task<(IngestionResult Result, CapturingDatastore Store)> RunAsync(byte[] file, string name,
        IReadOnlyDictionary<string, FieldType>? overrides = null, DatastoreOptions? limits = null)
    {
        var store = new CapturingDatastore();
        var runner = new IngestionRunner(store, Options.Create(limits ?? new DatastoreOptions()), NullLogger<IngestionRunner>.Instance);
        var options = new IngestionOptions { TypeOverrides = overrides ?? new Dictionary<string, FieldType>() };
        var result = await runner.RunAsync(new MemoryStream(file), name, options, null, CancellationToken.None);
        return (result, store);
    }

    public static string[] Names(this IngestionResult r) => r.Columns.Select(c => c.Name).ToArray();
    public static FieldType TypeOf(this IngestionResult r, string name) => r.Columns.Single(c => c.Name == name).Type;
}
