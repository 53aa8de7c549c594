using System.Text.RegularExpressions;
using OpenData.Web.Data.Entities;

namespace OpenData.Web.Features.DataApis.Gateway;

/// <summary>What the gateway filter established about a call; handlers read the body and query from here.</summary>
public sealed class SignedCall
{
    public required int AppId { get; init; }
    public required int ApplicationId { get; init; }
    public required string ApiCode { get; init; }
    public required byte[] Body { get; init; }
    /// <summary>The query exactly as signed: %XX decoded, '+' left a plus.</summary>
    public required IReadOnlyList<KeyValuePair<string, string?>> Query { get; init; }
    /// <summary>For a 有条件开放 API: the fields the app's grant covers (null for open APIs).</summary>
    public Datasets.GrantScope? Scope { get; init; }

    public static SignedCall Of(HttpContext ctx) => (SignedCall)ctx.Items[typeof(SignedCall)]!;
}

public static partial class SignatureHeaders
{
    public const string AppKey = "X-ODP-AppKey";
    public const string Timestamp = "X-ODP-Timestamp";
    public const string Nonce = "X-ODP-Nonce";
    public const string ContentSha256 = "X-ODP-Content-SHA256";
    public const string Method = "X-ODP-Signature-Method";
    public const string Signature = "X-ODP-Signature";
    public const string ServerTime = "X-ODP-Server-Time";

    [GeneratedRegex("^[0-9]{13}$")] public static partial Regex TimestampFormat();
    [GeneratedRegex("^[0-9a-f]{32}$")] public static partial Regex NonceFormat();
    [GeneratedRegex("^[0-9a-f]{64}$")] public static partial Regex Sha256Format();
}

/// <summary>Counts the bytes a response writes, for the call log.</summary>
public sealed class CountingStream(Stream inner) : Stream
{
    public long Count { get; private set; }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) { Count += count; inner.Write(buffer, offset, count); }
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { Count += buffer.Length; await inner.WriteAsync(buffer, ct); }
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
}

internal static class CallLogEntry
{
    public static ApiCallLog Create(HttpContext ctx, int? appId, string apiCode, long startTimestamp, long bytes, TimeProvider clock) => new()
    {
        AppId = appId, ApiCode = apiCode.Length > 40 ? apiCode[..40] : apiCode, Status = ctx.Response.StatusCode,
        LatencyMs = (int)clock.GetElapsedTime(startTimestamp).TotalMilliseconds, Bytes = bytes,
        IpAddress = ctx.Connection.RemoteIpAddress?.ToString() ?? "", At = clock.GetUtcNow(),
    };
}
