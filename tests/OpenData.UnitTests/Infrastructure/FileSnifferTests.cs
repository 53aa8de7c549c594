using System.IO.Compression;
using System.Text;
using OpenData.Web.Infrastructure.Files;

namespace OpenData.UnitTests.Infrastructure;

public class FileSnifferTests
{
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Zip, FileKind.OleCompound];

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, FileKind.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, FileKind.Jpeg)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, FileKind.Executable)]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2 }, FileKind.Executable)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, FileKind.Pdf)]
    public void Kind_comes_from_the_bytes(byte[] head, FileKind expected) => Assert.Equal(expected, FileSniffer.Detect(head));

    [Fact]
    public void Svg_and_html_are_told_apart_from_text()
    {
        Assert.Equal(FileKind.Svg, FileSniffer.Detect("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8));
        Assert.Equal(FileKind.Html, FileSniffer.Detect("<!DOCTYPE html><html></html>"u8));
        Assert.Equal(FileKind.Text, FileSniffer.Detect("名称,数量\n"u8));
    }

    [Fact]
    public void An_executable_renamed_pdf_is_refused_with_a_chinese_message()
    {
        using var exe = new MemoryStream([0x4D, 0x5A, 0x90, 0x00, 0x03]);
        Assert.Contains("可执行", FileSniffer.Check(exe, Documents, "PDF、图片"));
        Assert.Equal(0, exe.Position);
    }

    [Fact]
    public void A_docx_passes_and_a_plain_zip_does_not()
    {
        Assert.Null(FileSniffer.Check(Zip("[Content_Types].xml", "word/document.xml"), Documents, "PDF、Word"));
        Assert.NotNull(FileSniffer.Check(Zip("readme.txt"), Documents, "PDF、Word"));
    }

    private static MemoryStream Zip(params string[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in entries)
                using (var w = new StreamWriter(zip.CreateEntry(e).Open(), Encoding.UTF8)) w.Write("x");
        ms.Position = 0;
        return ms;
    }
}
