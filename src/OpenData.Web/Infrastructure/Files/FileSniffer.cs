using System.IO.Compression;
using System.Text;

namespace OpenData.Web.Infrastructure.Files;

/// <summary>
/// The one content check for uploaded documents and images: the kind is read from the bytes, never from the
/// name or the declared Content-Type, so an executable renamed .pdf or .png is refused. Features say which kinds
/// they take (<see cref="Check"/>) and keep their own size limits.
/// </summary>
public static class FileSniffer
{
    public const int HeaderLength = 512;

    public static FileKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return FileKind.Png;
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return FileKind.Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return FileKind.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return FileKind.WebP;
        if (head.StartsWith("%PDF-"u8)) return FileKind.Pdf;
        if (head.StartsWith("PK\x03\x04"u8)) return FileKind.Zip;
        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })) return FileKind.OleCompound;
        if (head.StartsWith("MZ"u8) || head.StartsWith(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }) || head.StartsWith("#!"u8)
            || head.StartsWith(new byte[] { 0xCA, 0xFE, 0xBA, 0xBE }) || head.StartsWith(new byte[] { 0xCF, 0xFA, 0xED, 0xFE })
            || head.StartsWith(new byte[] { 0xFE, 0xED, 0xFA, 0xCF }))
            return FileKind.Executable;
        return DetectText(head);
    }

    /// <summary>Reads the head of a seekable stream, detects its kind and rewinds it.</summary>
    public static FileKind Detect(Stream stream)
    {
        var start = stream.CanSeek ? stream.Position : throw new ArgumentException("The stream must be seekable.", nameof(stream));
        Span<byte> buffer = stackalloc byte[HeaderLength];
        var read = stream.ReadAtLeast(buffer, HeaderLength, throwOnEndOfStream: false);
        stream.Position = start;
        return Detect(buffer[..read]);
    }

    /// <summary>
    /// Checks a stream against the kinds a feature accepts. Returns null when it is one of them, or a message in
    /// Chinese for the user ("文件内容不是 PDF 或图片…").
    /// </summary>
    public static string? Check(Stream stream, IReadOnlyCollection<FileKind> allowed, string allowedLabel)
    {
        var kind = Detect(stream);
        if (kind == FileKind.Executable) return "文件是可执行程序或脚本，不能上传。";
        if (!allowed.Contains(kind)) return $"文件内容不是允许的类型（{allowedLabel}），请检查后重新选择。扩展名不能代替文件内容。";
        if (kind == FileKind.Zip && !IsOfficeOpenXml(stream)) return $"压缩包不是 Word、Excel 或 PowerPoint 文档（允许：{allowedLabel}）。";
        return null;
    }

    /// <summary>A ZIP that is a Word, Excel or PowerPoint document ([Content_Types].xml and a word/, xl/ or ppt/ part).</summary>
    public static bool IsOfficeOpenXml(Stream stream)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var hasTypes = false; var hasPart = false;
            foreach (var e in zip.Entries)
            {
                if (e.FullName == "[Content_Types].xml") hasTypes = true;
                if (e.FullName.StartsWith("word/", StringComparison.Ordinal) || e.FullName.StartsWith("xl/", StringComparison.Ordinal)
                    || e.FullName.StartsWith("ppt/", StringComparison.Ordinal)) hasPart = true;
                if (hasTypes && hasPart) return true;
            }
            return false;
        }
        catch (InvalidDataException) { return false; }
        finally { stream.Position = start; }
    }

    /// <summary>The media type to serve a file of this kind with.</summary>
    public static string MediaType(FileKind kind) => kind switch
    {
        FileKind.Png => "image/png",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Gif => "image/gif",
        FileKind.WebP => "image/webp",
        FileKind.Pdf => "application/pdf",
        _ => "application/octet-stream",
    };

    private static FileKind DetectText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || head.Contains((byte)0)) return FileKind.Unknown;
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<svg", StringComparison.OrdinalIgnoreCase)))
            return FileKind.Svg;
        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<script", StringComparison.OrdinalIgnoreCase))
            return FileKind.Html;
        return FileKind.Text;
    }
}
