using System.Net.Http.Headers;
using System.Text;

namespace OpenData.IntegrationTests.Infrastructure;

/// <summary>Posts a server-rendered multipart form (file upload) with the page's antiforgery token, as a browser does.</summary>
public static class HtmlMultipart
{
    public static async Task<HttpResponseMessage> PostMultipartFormAsync(this HttpClient client, string pageUrl, string? handler,
        IEnumerable<KeyValuePair<string, string>> fields, string fileField, string fileName, byte[] content, string contentType = "text/csv")
    {
        var page = await client.GetStringAsync(pageUrl);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(HtmlForms.AntiforgeryToken(page), Encoding.UTF8), "__RequestVerificationToken");
        if (handler is not null) form.Add(new StringContent(handler, Encoding.UTF8), "_handler");
        foreach (var (name, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return await client.PostAsync(pageUrl, form);
    }
}
