using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenData.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway redis-server on a free loopback port (no persistence), for the Redis nonce store tests.
/// scripts/test.sh installs redis-server; without the binary the tests say so and are skipped.
/// </summary>
public sealed class RedisServer : IDisposable
{
    public static readonly string? Binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
    public const string MissingReason = "redis-server is not installed: apt-get install -y redis-server (scripts/test.sh does this)";

    private readonly Process? _process;
    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port}";

    public RedisServer()
    {
        if (Binary is null) return;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); Port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        _process = Process.Start(new ProcessStartInfo(Binary, $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --daemonize no")
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose(); // never leave a server behind
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try { using var c = new TcpClient(); c.Connect(IPAddress.Loopback, Port); return; }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited) { Thread.Sleep(50); }
        }
    }

    public void Dispose()
    {
        try { if (_process is { HasExited: false }) { _process.Kill(); _process.WaitForExit(5000); } }
        catch (InvalidOperationException) { } // already disposed
    }
}

/// <summary>A fact that runs only where redis-server exists, and says why otherwise.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute() { if (RedisServer.Binary is null) Skip = RedisServer.MissingReason; }
}
