using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenData.Web.Features.News.Demo;
using OpenData.Web.Infrastructure.Auth;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Text;
using OpenData.Web.Infrastructure.Web;

namespace OpenData.Web.Features.News;

/// <summary>News:MaxAttachmentBytes caps one attachment (the platform's upload limit still applies).</summary>
public sealed class NewsOptions
{
    public const string Section = "News";
    public long MaxAttachmentBytes { get; set; } = 20L * 1024 * 1024;
}

/// <summary>政策动态 (product area I, seed 2.8): articles in five categories, attachments, feeds, the editor.</summary>
public static class NewsFeature
{
    public static WebApplicationBuilder AddNews(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NewsOptions>().Bind(builder.Configuration.GetSection(NewsOptions.Section))
            .Validate(o => o.MaxAttachmentBytes > 0, "News:MaxAttachmentBytes must be positive.").ValidateOnStart();
        services.TryAddSingleton(SafeMarkdown.Shared);
        services.AddScoped<NewsQueries>();
        services.AddScoped<NewsCommands>();
        services.AddScoped<NewsAttachments>();
        services.AddScoped<IDemoSeeder, NewsDemoSeeder>();
        services.AddSingleton(new NavItem("政策动态", "/news", 60));
        services.AddSingleton(new AdminMenuItem("政策动态", "/admin/news", "newspaper", Policies.Admin, 70));
        return builder;
    }

    public static WebApplication MapNews(this WebApplication app)
    {
        app.MapNewsEndpoints();
        return app;
    }
}
