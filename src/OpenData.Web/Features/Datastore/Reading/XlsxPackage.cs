using System.IO.Compression;
using System.Xml;

namespace OpenData.Web.Features.Datastore.Reading;

/// <summary>
/// An XLSX zip opened defensively: sizes and compression ratios are checked from the zip directory
/// BEFORE anything is inflated, and every part is read through a stream that stops at the limit in
/// case the directory lies. A zip bomb is refused with a message instead of filling memory or disk.
/// </summary>
public sealed class XlsxPackage : IDisposable
{
    private const long RatioFloorBytes = 1024 * 1024; // tiny parts compress extremely well and are harmless
    private readonly ZipArchive _zip;
    private readonly DatastoreOptions _limits;

    public XlsxPackage(Stream file, DatastoreOptions limits)
    {
        _limits = limits;
        Span<byte> magic = stackalloc byte[2];
        if (file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) < 2 || magic[0] != 'P' || magic[1] != 'K')
            throw new DatastoreInputException("NotXlsx", "文件扩展名是 .xlsx，但内容不是 Excel 2007 及以上版本的工作簿。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传。");
        file.Position = 0;
        _zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        long total = 0;
        foreach (var e in _zip.Entries)
        {
            total += e.Length;
            var ratio = e.CompressedLength > 0 ? e.Length / e.CompressedLength : 0;
            if (total > limits.XlsxMaxUncompressedBytes || (e.Length > RatioFloorBytes && ratio > limits.XlsxMaxCompressionRatio))
                throw new DatastoreInputException("XlsxTooLarge",
                    $"这个 XLSX 文件解压后的大小（{total / (1024 * 1024)} MB 以上，压缩比 {ratio}:1）超过了允许的范围（{limits.XlsxMaxUncompressedBytes / (1024 * 1024)} MB，{limits.XlsxMaxCompressionRatio}:1），疑似“压缩炸弹”或异常文件，已拒绝处理。请确认文件来源；如确为正常数据，请另存为 CSV 后上传。");
        }
    }

    public bool Has(string path) => _zip.GetEntry(path) is not null;

    public XmlReader Open(string path)
    {
        var entry = _zip.GetEntry(path) ?? throw new DatastoreInputException("NotXlsx", $"工作簿缺少必需的部分“{path}”，文件可能已损坏。请用 Excel 或 WPS 打开后重新保存再上传。");
        var limited = new LimitedReadStream(entry.Open(), Math.Min(entry.Length + 1, _limits.XlsxMaxUncompressedBytes));
        return XmlReader.Create(limited, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = false, CloseInput = true, XmlResolver = null });
    }

    public void Dispose() => _zip.Dispose();

    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            if ((_read += n) > limit)
                throw new DatastoreInputException("XlsxTooLarge", "XLSX 文件中某个部分解压后的实际大小超过了声明的大小或允许的上限，疑似“压缩炸弹”，已拒绝处理。");
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
