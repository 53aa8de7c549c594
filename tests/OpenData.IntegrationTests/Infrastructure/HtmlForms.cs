using System.Net;
using System.Text.RegularExpressions;

namespace OpenData.IntegrationTests.Infrastructure;

/// <summary>Posts server-rendered forms the way a browser does: read the page, keep its antiforgery token.</summary>
public static partial class HtmlForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(TokenRegex().Match(html) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token on the page"));

    /// <summary>GETs <paramref name="pageUrl"/>, then POSTs the fields (plus token and Blazor's _handler) to <paramref name="action"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string? action,
        string? handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", AntiforgeryToken(page)) };
        if (handler is not null) all.Add(new("_handler", handler));
        return await client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(all));
    }
}
