using System.Text;

namespace OpenData.UnitTests.Features.Datastore.Fixtures;

/// <summary>Text fixtures in the encodings Chinese government files really use.</summary>
public static class CsvFixture
{
    static CsvFixture() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Gbk(string text) => Encoding.GetEncoding("GBK").GetBytes(text);
    public static byte[] Gb18030(string text) => Encoding.GetEncoding("GB18030").GetBytes(text);
    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
    public static byte[] Utf8Bom(string text) => [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(text)];

    /// <summary>Deterministic random bytes, like a PDF or image renamed to .csv.</summary>
    public static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
