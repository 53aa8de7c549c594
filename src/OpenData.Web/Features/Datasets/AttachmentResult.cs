using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace OpenData.Web.Features.Datasets;

/// <summary>
/// A download with an RFC 6266 Content-Disposition: the Chinese name in filename* (browsers use it) and an ASCII
/// filename built from the dataset's slug (curl -OJ and older clients use that one; ASP.NET's own fallback
/// replaces every Chinese character with an underscore, which saved files as ____-v1.csv).
/// </summary>
public sealed partial class AttachmentResult(IResult inner, string fileName, string asciiFileName) : IResult
{
    public static AttachmentResult For(IResult inner, string slug, int resourceId, string fileName) =>
        new(inner, fileName, AsciiName(slug, resourceId, fileName));

    /// <summary>slug-resource plus the version and extension of the real name: xingji-fandian-12-v3.csv.</summary>
    public static string AsciiName(string slug, int resourceId, string fileName)
    {
        var tail = Tail().Match(fileName);
        return $"{slug}-{resourceId}{(tail.Success ? tail.Value : "")}";
    }

    public Task ExecuteAsync(HttpContext http)
    {
        var header = new ContentDispositionHeaderValue("attachment");
        header.FileName = asciiFileName;
        header.FileNameStar = fileName;
        http.Response.Headers.ContentDisposition = header.ToString();
        return inner.ExecuteAsync(http);
    }

    [GeneratedRegex(@"(-v\d+)?\.[A-Za-z0-9]{1,8}$")]
    private static partial Regex Tail();
}
