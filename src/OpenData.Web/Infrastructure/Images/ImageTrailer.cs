using System.Buffers.Binary;
using OpenData.Web.Infrastructure.Files;

namespace OpenData.Web.Infrastructure.Images;

/// <summary>
/// Finds bytes after an image's own end (a script or a ZIP appended to make a polyglot). Decoders ignore them,
/// so the re-encode would drop them anyway; refusing says plainly that the file was not a clean image.
/// </summary>
public static class ImageTrailer
{
    public static bool HasTrailingData(ReadOnlySpan<byte> bytes, FileKind kind) => kind switch
    {
        FileKind.Png => PngEnd(bytes) is { } end && end < bytes.Length,
        FileKind.Jpeg => !EndsWithEoi(bytes),
        FileKind.WebP => bytes.Length >= 8 && 8L + BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..8]) + (BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..8]) & 1) < bytes.Length,
        _ => false,
    };

    /// <summary>The offset just after the IEND chunk, walking the chunks; null when the chunk list is broken.</summary>
    private static long? PngEnd(ReadOnlySpan<byte> bytes)
    {
        long pos = 8;
        while (pos + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.Slice((int)pos, 4));
            var type = bytes.Slice((int)pos + 4, 4);
            var next = pos + 12 + length;
            if (type.SequenceEqual("IEND"u8)) return next;
            if (next > bytes.Length) return null;
            pos = next;
        }
        return null;
    }

    /// <summary>A JPEG ends with the EOI marker FF D9; some encoders pad with zero bytes after it.</summary>
    private static bool EndsWithEoi(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.Length;
        while (end > 2 && bytes[end - 1] == 0) end--;
        return end >= 2 && bytes[end - 2] == 0xFF && bytes[end - 1] == 0xD9;
    }
}
