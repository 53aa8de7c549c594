using OpenData.Web.Components;
using OpenData.Web.Features.Accounts;
using OpenData.Web.Features.DataApis;
using OpenData.Web.Features.Admin;
using OpenData.Web.Features.Datasets;
using OpenData.Web.Features.Datasets.Pages;
using OpenData.Web.Features.Datastore;
using OpenData.Web.Features.DeveloperCenter;
using OpenData.Web.Features.Home;
using OpenData.Web.Features.Interaction;
using OpenData.Web.Features.Interop;
using OpenData.Web.Features.RestrictedAccess;
using OpenData.Web.Features.News;
using OpenData.Web.Features.OpenIndex;
using OpenData.Web.Features.Showcase;
using OpenData.Web.Features.Maps;
using OpenData.Web.Infrastructure;
using OpenData.Web.Infrastructure.Cli;
using OpenData.Web.Infrastructure.Data;
using OpenData.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalInfrastructure();
builder.Services.AddPortalData(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddAccounts();
builder.Services.AddBackOffice();
builder.AddDatasets();
builder.Services.AddDatasetPages();
builder.AddDatastore();
builder.AddDataApis();
builder.AddInteraction();
builder.AddInterop();
builder.AddRestrictedAccess();
builder.AddNews();
builder.AddDeveloperCenter();
builder.AddShowcase();
builder.AddMaps();
builder.AddOpenIndex();
builder.Services.AddHomeFeature();
builder.Services.AddRazorComponents();

var app = builder.Build();

if (await OperatorCommands.TryRunAsync(app, args))
    return;

await app.PrepareDatabaseAsync();

app.UsePortalPipeline();
app.MapHealth();
app.MapAccounts();
app.MapBackOffice();
app.MapDatasets();
app.MapDataApis();
app.MapDatastore();
app.MapDatasetPages();
app.MapInteraction();
app.MapInterop();
app.MapRestrictedAccess();
app.MapNews();
app.MapDeveloperCenter();
app.MapShowcase();
app.MapMaps();
app.MapOpenIndex();
app.MapHome();
app.MapStaticAssets();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
