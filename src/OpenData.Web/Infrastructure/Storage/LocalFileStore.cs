using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OpenData.Web.Infrastructure.Storage;

/// <summary>Files under {DataDir}/files/ab/cd/abcd…: two directory levels keep folders small.</summary>
public sealed class LocalFileStore(IOptions<OpenDataOptions> options) : IFileStore
{
    private string Root => Path.Combine(options.Value.DataDir, "files");

    public async Task<StoredFile> SaveAsync(Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Root);
        // Write to a temporary file while hashing, then move into place: a crash never leaves a half file under a hash.
        var temp = Path.Combine(Root, $"upload-{Guid.NewGuid():N}.tmp");
        long size;
        string hash;
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                size = output.Length;
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temp);
            else File.Move(temp, target);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return new StoredFile(hash, size);
    }

    public Task<bool> ExistsAsync(string hash, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(hash)));

    public Stream OpenRead(string hash) =>
        new FileStream(PathOf(hash), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public string? LocalPath(string hash) => PathOf(hash);

    private string PathOf(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a SHA-256 hash", nameof(hash));
        return Path.Combine(Root, hash[..2], hash[2..4], hash);
    }
}
