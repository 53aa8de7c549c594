namespace OpenData.Web.Infrastructure.Storage;

/// <summary>Content-addressed file storage: files are named by their SHA-256, so identical uploads are stored once.</summary>
public interface IFileStore
{
    /// <summary>Stores the stream and returns its hash (lowercase hex) and size.</summary>
    Task<StoredFile> SaveAsync(Stream content, CancellationToken ct = default);
    Task<bool> ExistsAsync(string hash, CancellationToken ct = default);
    /// <summary>Opens a stored file for reading; throws FileNotFoundException when missing.</summary>
    Stream OpenRead(string hash);
    /// <summary>A local path when the store is a local directory (lets the server send the file efficiently).</summary>
    string? LocalPath(string hash);
}

public sealed record StoredFile(string Hash, long Size);
