namespace OpenData.Web.Infrastructure;

/// <summary>The "OpenData" configuration section (operator contract, see docs/configuration.md).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";
    public string DataDir { get; set; } = "";
    public bool SeedDemo { get; set; }
    public string? AdminPassword { get; set; }

    /// <summary>Resolves DataDir against the content root ("./data" when unset) and creates it.</summary>
    public static string ResolveDataDir(IConfiguration config, string contentRoot)
    {
        var dir = config[$"{Section}:DataDir"];
        var full = Path.GetFullPath(string.IsNullOrWhiteSpace(dir) ? Path.Combine(contentRoot, "data") : dir, contentRoot);
        Directory.CreateDirectory(full);
        return full;
    }
}
