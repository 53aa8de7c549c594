using OpenData.Web.Infrastructure.Files;
using OpenData.Web.Infrastructure.Storage;
using SkiaSharp;

namespace OpenData.Web.Infrastructure.Images;

/// <summary>An accepted image: the re-encoded original and its thumbnail, both in the file store.</summary>
public sealed record StoredImage(string Hash, string ThumbHash, string MediaType, int Width, int Height);

/// <summary>Either a stored image or the reason, in Chinese, why the upload was refused.</summary>
public sealed record ImageResult(StoredImage? Image, string? Error);

/// <summary>
/// THE image upload path of the portal (ADR 0140): the kind is read from the bytes (FileSniffer; PNG, JPEG and
/// WebP only, so SVG and renamed programs are refused), bytes after the image's own end are refused (polyglots),
/// the image is decoded for real (SkiaSharp) within size and pixel limits, and only the decoded pixels are
/// encoded again: no metadata, comment chunk or appended script survives. A thumbnail is made at the same time.
/// </summary>
public sealed class ImagePipeline(IFileStore files)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxSide = 4096;
    public const int ThumbWidth = 480;
    public static readonly FileKind[] Allowed = [FileKind.Png, FileKind.Jpeg, FileKind.WebP];
    public const string AllowedLabel = "PNG、JPEG、WebP";

    /// <summary>Checks and stores one upload. Nothing is stored unless every check passes.</summary>
    public async Task<ImageResult> AcceptAsync(Stream upload, long? declaredLength, CancellationToken ct)
    {
        if (declaredLength > MaxBytes) return Refuse(TooLarge);
        var bytes = await ReadCappedAsync(upload, ct);
        if (bytes is null) return Refuse(TooLarge);
        var check = Inspect(bytes);
        return check.Error is not null ? Refuse(check.Error) : new ImageResult(await StoreAsync(check, ct), null);
    }

    /// <summary>Stores an image <see cref="Inspect"/> accepted: callers check every file of a form first, then store.</summary>
    public async Task<StoredImage> StoreAsync(Inspection accepted, CancellationToken ct)
    {
        var main = accepted.Main ?? throw new ArgumentException("The image was refused.", nameof(accepted));
        var hash = (await files.SaveAsync(new MemoryStream(main.Bytes), ct)).Hash;
        var thumbHash = (await files.SaveAsync(new MemoryStream(accepted.Thumb!), ct)).Hash;
        return new StoredImage(hash, thumbHash, main.MediaType, main.Width, main.Height);
    }

    /// <summary>Validates and re-encodes in memory (no store): for tests and for the demo seed's own drawings.</summary>
    public static Inspection Inspect(byte[] bytes)
    {
        if (bytes.Length == 0) return Inspection.Refused("图片文件为空。");
        if (bytes.Length > MaxBytes) return Inspection.Refused(TooLarge);
        using var probe = new MemoryStream(bytes);
        if (FileSniffer.Check(probe, Allowed, AllowedLabel) is { } refused)
            return Inspection.Refused(FileSniffer.Detect(bytes) == FileKind.Svg ? "不接受 SVG 图片（可能含有脚本），请上传 PNG、JPEG 或 WebP。" : refused);
        var kind = FileSniffer.Detect(bytes);
        if (ImageTrailer.HasTrailingData(bytes, kind))
            return Inspection.Refused("图片文件末尾附带了其他数据（可能是脚本或其他文件），请重新导出图片后上传。");
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null) return Inspection.Refused("无法识别图片内容，文件可能已损坏。");
        if (codec.Info.Width > MaxSide || codec.Info.Height > MaxSide || codec.Info.Width < 1 || codec.Info.Height < 1)
            return Inspection.Refused($"图片尺寸 {codec.Info.Width}×{codec.Info.Height} 超过上限 {MaxSide}×{MaxSide} 像素。");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            return Inspection.Refused("图片解码失败，文件可能已损坏。");
        var main = Encode(bitmap, kind);
        var thumb = Thumbnail(bitmap);
        return new Inspection(null, main, thumb);
    }

    /// <summary>Encodes pixels the portal drew itself (demo screenshots) exactly as uploads are stored.</summary>
    public async Task<StoredImage> StoreDrawnAsync(SKBitmap bitmap, CancellationToken ct)
    {
        return await StoreAsync(new Inspection(null, Encode(bitmap, FileKind.Png), Thumbnail(bitmap)), ct);
    }

    public sealed record Encoded(byte[] Bytes, string MediaType, int Width, int Height);

    public sealed record Inspection(string? Error, Encoded? Main, byte[]? Thumb)
    {
        public static Inspection Refused(string error) => new(error, null, null);
    }

    private static Encoded Encode(SKBitmap bitmap, FileKind kind)
    {
        using var image = SKImage.FromBitmap(bitmap);
        var (format, quality, media) = kind switch
        {
            FileKind.Jpeg => (SKEncodedImageFormat.Jpeg, 90, "image/jpeg"),
            FileKind.WebP => (SKEncodedImageFormat.Webp, 90, "image/webp"),
            _ => (SKEncodedImageFormat.Png, 100, "image/png"),
        };
        using var data = image.Encode(format, quality);
        return new Encoded(data.ToArray(), media, bitmap.Width, bitmap.Height);
    }

    /// <summary>A JPEG at most <see cref="ThumbWidth"/> wide, on white (JPEG has no transparency).</summary>
    private static byte[] Thumbnail(SKBitmap source)
    {
        var width = Math.Min(ThumbWidth, source.Width);
        var height = Math.Max(1, (int)Math.Round(source.Height * (width / (double)source.Width)));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using (var img = SKImage.FromBitmap(source))
            surface.Canvas.DrawImage(img, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 82);
        return data.ToArray();
    }

    /// <summary>Reads at most <see cref="MaxBytes"/>; null when the stream is longer (a declared length may lie).</summary>
    public static async Task<byte[]?> ReadCappedAsync(Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string TooLarge => $"图片超过 {MaxBytes / 1048576} MB 上限。";

    private static ImageResult Refuse(string error) => new(null, error);
}
