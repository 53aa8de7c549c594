using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenData.IntegrationTests.Features.Accounts;
using OpenData.IntegrationTests.Infrastructure;
using OpenData.Web.Data;
using OpenData.Web.Features.Accounts;
using SkiaSharp;

namespace OpenData.IntegrationTests.Features.Showcase;

/// <summary>Clients, real images and multipart submissions for the showcase tests.</summary>
public static class ShowcaseKit
{
    public static async Task<(HttpClient Client, string UserId)> BearerAsync(PortalFactory factory, string? role = null)
    {
        var user = await AccountFlows.CreateUserAsync(factory, role, role is null ? null : "dsjj");
        var token = await factory.Service<ApiTokens>().CreateAsync(user.Id, user.UserName!, "t");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return (client, user.Id);
    }

    /// <summary>A real PNG drawn with SkiaSharp, with a tEXt chunk carrying <paramref name="metadata"/> inserted before IEND.</summary>
    public static byte[] Png(int width = 320, int height = 200, string? metadata = null, SKColor? color = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) { canvas.Clear(color ?? SKColors.SteelBlue); canvas.DrawCircle(width / 2f, height / 2f, 40, new SKPaint { Color = SKColors.Orange }); }
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        var png = data.ToArray();
        if (metadata is null) return png;
        var text = Encoding.Latin1.GetBytes("Comment\0" + metadata);
        var chunk = new byte[12 + text.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)text.Length);
        "tEXt"u8.CopyTo(chunk.AsSpan(4));
        text.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + text.Length), Crc32(chunk.AsSpan(4, 4 + text.Length)));
        var iend = png.Length - 12;
        return [.. png[..iend], .. chunk, .. png[iend..]];
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    public static byte[] Jpeg(int width = 200, int height = 120)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.SeaGreen);
        using var data = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static async Task<string> DatasetSlugAsync(PortalFactory factory, int skip = 0)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Datasets.Where(d => d.IsPublished).OrderBy(d => d.Id).Select(d => d.Slug).Skip(skip).FirstAsync();
    }

    public static MultipartFormDataContent Form(Dictionary<string, string> fields, params (string Field, string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
            foreach (var value in v.Split('|'))
                form.Add(new StringContent(value, Encoding.UTF8), k);
        foreach (var (field, name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".svg") ? "image/svg+xml" : "image/png");
            form.Add(part, field, name);
        }
        return form;
    }

    public static Dictionary<string, string> Fields(string slug, string name = "丽水公交实时查询", string? url = "https://bus.example.cn/") => new()
    {
        ["name"] = name, ["type"] = "service", ["domain"] = "1", ["summary"] = "基于公交线路开放数据的实时到站查询服务应用。",
        ["team"] = "测试开发团队", ["teamContact"] = "test@example.cn", ["tags"] = "公交,出行", ["datasets"] = slug, ["url"] = url ?? "",
        ["embedCode"] = "<iframe src=\"https://bus.example.cn/embed\"></iframe>",
    };

    public static async Task<JsonElement> Json(HttpResponseMessage res) => JsonDocument.Parse(await res.Content.ReadAsStringAsync()).RootElement;

    public static int FileCount(PortalFactory factory) =>
        Directory.Exists(Path.Combine(factory.DataDir, "files")) ? Directory.GetFiles(Path.Combine(factory.DataDir, "files"), "*", SearchOption.AllDirectories).Length : 0;
}
