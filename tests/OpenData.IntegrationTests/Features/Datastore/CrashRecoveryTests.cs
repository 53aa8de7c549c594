using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using OpenData.Web.Features.Datasets;
using static OpenData.IntegrationTests.Features.Datasets.DatasetTestKit;

namespace OpenData.IntegrationTests.Features.Datastore;

/// <summary>
/// kill -9 in the middle of a load, for real: the built app runs as a child process, is killed while it writes
/// a large table, and is started again. No half table may exist in between, and the job must end succeeded
/// (taken over from the file) with every row. On SQLite the datastore file must survive the crash; on PostgreSQL
/// the server must roll back the COPY of the dead connection.
/// </summary>
public abstract class CrashRecoveryTests : IDisposable
{
    /// <summary>
    /// Large enough that the load is still writing when the test sees its first progress (the job's heartbeat writes the
    /// row count once a second). PostgreSQL's binary COPY of 600,000 rows now ends within about a second, so it gets more.
    /// </summary>
    protected virtual int Rows => 600_000;
    protected string DataDir { get; } = Path.Combine(Path.GetTempPath(), "odp-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly int _port = FreePort();
    private Process? _app;

    [Fact]
    public async Task A_load_killed_mid_way_leaves_no_half_table_and_is_run_again_on_restart()
    {
        Directory.CreateDirectory(DataDir);
        Assert.Equal(0, await CliAsync("migrate"));
        Assert.Equal(0, await CliAsync("user", "create", "--name", "crashtest", "--password", "OpenData#2026", "--role", "Provider", "--org", "sthjj"));
        var token = (await CliOutputAsync("token", "create", "--user", "crashtest")).Split('\n').Select(l => l.Trim()).Last(l => l.Length > 20 && !l.Contains(' '));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}"), Timeout = TimeSpan.FromMinutes(3) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        await StartAsync(http);
        var created = await http.CreateDatasetAsync(NewDataset("sthjj", "崩溃恢复测试"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(BigCsv()), "file", "大表.csv" } };
        var upload = await http.PostAsync($"/api/v1/manage/datasets/{created.Slug}/resources", form);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var jobUrl = upload.Headers.Location!.ToString();

        // Wait until the worker is inside the write transaction, then kill the process outright.
        var until = DateTime.UtcNow.AddMinutes(2);
        JobDto job;
        do
        {
            await Task.Delay(50);
            job = (await http.GetFromJsonAsync<JobDto>(jobUrl, Json))!;
            Assert.True(DateTime.UtcNow < until, $"the load never reached the write stage (job {job.State}, {job.Rows} rows, {job.Progress} %, {job.Error})");
        } while (!(job.State == "running" && job.Rows > 0));
        Assert.NotEqual("succeeded", job.State);
        _app!.Kill(entireProcessTree: true);
        await _app.WaitForExitAsync();

        Assert.Equal(0, DatastoreTables()); // the uncommitted table died with the process

        await StartAsync(http, ("Datastore__JobStaleSeconds", "1"));
        until = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(250);
            job = (await http.GetFromJsonAsync<JobDto>(jobUrl, Json))!;
            Assert.True(DateTime.UtcNow < until, $"job still {job.State} after restart");
        } while (job.State is "queued" or "running");
        Assert.Equal(("succeeded", (long?)Rows), (job.State, job.Rows));
        var rows = await http.GetFromJsonAsync<JsonElement>($"/api/v1/datasets/{created.Slug}/resources/{job.ResourceId}/rows?pageSize=1", Json);
        Assert.Equal(Rows, rows.GetProperty("total").GetInt64());
        Assert.Equal(1, DatastoreTables());
    }

    private byte[] BigCsv()
    {
        using var buffer = new MemoryStream();
        using (var w = new StreamWriter(buffer, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            w.Write("编号,区县,日期,数值,备注,类别\n");
            for (var i = 1; i <= Rows; i++)
            {
                w.Write(i); w.Write(",莲都区,2026-01-"); w.Write(1 + i % 28 < 10 ? "0" : ""); w.Write(1 + i % 28); w.Write(',');
                w.Write(i % 997 * 0.5); w.Write(",第"); w.Write(i); w.Write("条记录,类别"); w.Write(i % 7); w.Write('\n');
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Committed datastore tables, as another connection sees them.</summary>
    protected abstract long DatastoreTables();
    /// <summary>Database:Provider and ConnectionStrings:OpenData for the child process.</summary>
    protected abstract (string Key, string Value)[] DatabaseSettings();

    private async Task StartAsync(HttpClient http, params (string, string)[] env)
    {
        _app = Process.Start(Info(env, ("ASPNETCORE_URLS", $"http://127.0.0.1:{_port}")))!;
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            try { if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            Assert.False(_app.HasExited, "the app exited at start");
            Assert.True(DateTime.UtcNow < until, "the app did not start");
            await Task.Delay(200);
        }
    }

    private async Task<int> CliAsync(params string[] args)
    {
        using var p = Process.Start(Info([], args: args))!;
        await p.WaitForExitAsync();
        return p.ExitCode;
    }

    private async Task<string> CliOutputAsync(params string[] args)
    {
        using var p = Process.Start(Info([], args: args))!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return output;
    }

    private ProcessStartInfo Info((string, string)[] env, (string, string)? extra = null, string[]? args = null)
    {
        var bin = AppContext.BaseDirectory;
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = bin, RedirectStandardOutput = args is not null, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(bin, "OpenData.Web.dll"));
        foreach (var a in args ?? []) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (k, v) in DatabaseSettings()) info.Environment[k] = v;
        info.Environment["OpenData__DataDir"] = DataDir;
        info.Environment["OpenData__SeedDemo"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (extra is { } e) info.Environment[e.Item1] = e.Item2;
        foreach (var (k, v) in env) info.Environment[k] = v;
        return info;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public virtual void Dispose()
    {
        if (_app is { HasExited: false }) _app.Kill(entireProcessTree: true);
        _app?.Dispose();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}
